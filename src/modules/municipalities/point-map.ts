import { type GeoPermissibleObjects, geoContains, geoMercator, geoPath } from 'd3-geo';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { rewind } from './map.ts';
import { municipalitiesRepository } from './repository.ts';

/** The square in which a town is drawn for choosing a point: small enough for a phone, in CSS pixels. */
export const POINT_MAP_SIZE = 320;

export interface PointMap {
  /** The town's outline as a standalone SVG, with a marker at the point if one is given. */
  svg(point: { latitude: number; longitude: number } | null, label: string): string;
  /** A click on the drawn map (x, y in pixels) as a point in the town, or null outside its boundary. */
  pointAt(x: number, y: number): { latitude: number; longitude: number } | null;
  /** Whether a point (e.g. one sent back in a hidden field) lies in the town. */
  contains(point: { latitude: number; longitude: number }): boolean;
}

type Geometry = Parameters<typeof rewind>[0];

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);
}

/**
 * A map to choose a point without JavaScript: drawn as an image button of a form, the browser sends
 * the click's pixel position, and the same projection turns it back into coordinates.
 */
async function buildPointMap(db: Kysely<Database>, municipalityId: number): Promise<PointMap | null> {
  const row = await municipalitiesRepository(db).geometryOf(municipalityId);
  if (!row) return null;
  const geometry = rewind(row.geometry as Geometry) as GeoPermissibleObjects;
  const projection = geoMercator().fitExtent(
    [
      [8, 8],
      [POINT_MAP_SIZE - 8, POINT_MAP_SIZE - 8],
    ],
    geometry,
  );
  const outline = geoPath(projection).digits(1)(geometry) ?? '';
  return {
    svg(point, label) {
      const marker = point ? projection([point.longitude, point.latitude]) : null;
      const pin = marker ? `<circle cx="${marker[0].toFixed(1)}" cy="${marker[1].toFixed(1)}" r="7" fill="#b20000" stroke="#ffffff" stroke-width="2"/>` : '';
      return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${POINT_MAP_SIZE} ${POINT_MAP_SIZE}" width="${POINT_MAP_SIZE}" height="${POINT_MAP_SIZE}" role="img"><title>${escapeXml(label)}</title><rect width="100%" height="100%" fill="#f2f5f8"/><path d="${outline}" fill="#dbe8f4" stroke="#1d4f7c" stroke-width="1.5"/>${pin}</svg>`;
    },
    contains(point) {
      return geoContains(geometry, [point.longitude, point.latitude]);
    },
    pointAt(x, y) {
      if (!Number.isFinite(x) || !Number.isFinite(y) || x < 0 || y < 0 || x > POINT_MAP_SIZE || y > POINT_MAP_SIZE) return null;
      const lonLat = projection.invert?.([x, y]);
      if (!lonLat || !geoContains(geometry, lonLat)) return null;
      return { longitude: Math.round(lonLat[0] * 1e6) / 1e6, latitude: Math.round(lonLat[1] * 1e6) / 1e6 };
    },
  };
}

const maps = new Map<number, Promise<PointMap | null>>();

/** Built once per town and process: boundaries change only with a new reference data release. */
export function pointMap(db: Kysely<Database>, municipalityId: number): Promise<PointMap | null> {
  let map = maps.get(municipalityId);
  if (!map) {
    map = buildPointMap(db, municipalityId).catch((error) => {
      maps.delete(municipalityId);
      throw error;
    });
    maps.set(municipalityId, map);
  }
  return map;
}
