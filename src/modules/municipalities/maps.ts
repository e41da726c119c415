import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { type ProjectedShape, projectShapes } from './map.ts';
import { municipalitiesRepository } from './repository.ts';

export const STATE_MAP_SIZE = { width: 480, height: 640 };
export const OUTLINE_SIZE = 240;

/**
 * Boundaries are reference data and never change while the app runs, so their projected paths are
 * computed once per process; only who takes part is read per request.
 */
let stateMap: Promise<{ municipalities: ProjectedShape[]; counties: ProjectedShape[] }> | null = null;

export function projectedStateMap(db: Kysely<Database>) {
  if (!stateMap) {
    stateMap = (async () => {
      const repo = municipalitiesRepository(db);
      const [municipalities, counties] = await Promise.all([repo.mapFeatures(), repo.countyFeatures()]);
      const countyShapes = counties.map((c) => ({ key: c.ags, geometry: c.geometry }));
      return {
        municipalities: projectShapes(
          municipalities.map((m) => ({ key: m.ags, geometry: m.geometry })),
          STATE_MAP_SIZE.width,
          STATE_MAP_SIZE.height,
          countyShapes,
        ),
        counties: projectShapes(countyShapes, STATE_MAP_SIZE.width, STATE_MAP_SIZE.height),
      };
    })().catch((error) => {
      stateMap = null;
      throw error;
    });
  }
  return stateMap;
}

const outlines = new Map<number, ReturnType<typeof computeOutline>>();

/** The municipality and its county, projected to fit the county into a small square; once per municipality and process. */
export function projectedOutline(db: Kysely<Database>, municipalityId: number): ReturnType<typeof computeOutline> {
  let outline = outlines.get(municipalityId);
  if (!outline) {
    outline = computeOutline(db, municipalityId).catch((error) => {
      outlines.delete(municipalityId);
      throw error;
    });
    outlines.set(municipalityId, outline);
  }
  return outline;
}

async function computeOutline(db: Kysely<Database>, municipalityId: number): Promise<{ municipality: ProjectedShape; county: ProjectedShape | null } | null> {
  const repo = municipalitiesRepository(db);
  const own = await repo.geometryOf(municipalityId);
  if (!own) return null;
  const county = await repo.countyGeometry(own.county_ags);
  const frame = county ? [{ key: 'county', geometry: county.geometry }] : [{ key: 'own', geometry: own.geometry }];
  const [municipality] = projectShapes([{ key: 'own', geometry: own.geometry }], OUTLINE_SIZE, OUTLINE_SIZE, frame);
  const [countyShape] = county ? projectShapes(frame, OUTLINE_SIZE, OUTLINE_SIZE) : [];
  return municipality ? { municipality, county: countyShape ?? null } : null;
}
