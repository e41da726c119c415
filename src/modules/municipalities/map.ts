import { type GeoPermissibleObjects, geoArea, geoMercator, geoPath } from 'd3-geo';

type Geometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo works on the sphere and reads that
 * as "everything except this area". Reversing the rings of such a polygon gives d3 the small shape.
 */
export function rewind(geometry: Geometry): Geometry {
  if (geoArea(geometry as GeoPermissibleObjects) <= 2 * Math.PI) return geometry;
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => [...ring].reverse()) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => [...ring].reverse())) };
}

export interface MapShape {
  key: string;
  geometry: unknown;
}

export interface ProjectedShape {
  key: string;
  path: string;
}

/** Projects shapes into a width × height box (fitted to `fitTo`, or to the shapes themselves) as SVG paths. */
export function projectShapes(shapes: MapShape[], width: number, height: number, fitTo?: MapShape[]): ProjectedShape[] {
  const geometries = shapes.map((s) => ({ key: s.key, geometry: rewind(s.geometry as Geometry) }));
  const frame = fitTo ? fitTo.map((s) => rewind(s.geometry as Geometry)) : geometries.map((g) => g.geometry);
  const projection = geoMercator().fitExtent(
    [
      [4, 4],
      [width - 4, height - 4],
    ],
    { type: 'GeometryCollection', geometries: frame } as GeoPermissibleObjects,
  );
  const path = geoPath(projection).digits(1);
  return geometries.map((g) => ({ key: g.key, path: path(g.geometry as GeoPermissibleObjects) ?? '' }));
}
