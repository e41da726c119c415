/** Public face of the municipalities module: the register every other module refers to. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { municipalitiesRepository } from './repository.ts';

export { municipalitiesModule } from './module.ts';
export { can as canForMunicipality } from './policy.ts';
export type { MunicipalityRow } from './repository.ts';
export { isAgs, participationService, requireMunicipality } from './service.ts';
export { managedTown } from './scopes.ts';
export { SIZE_CLASSES, sizeClassOf } from './size-classes.ts';
export { MunicipalityOutline } from './views/outline.tsx';

/** id/ags/name of every municipality, for select fields (e.g. a coordinator's scope). */
export function municipalityOptions(db: Kysely<Database>) {
  return municipalitiesRepository(db).options();
}

/** Every municipality with its Kreis and Regierungsbezirk (the AGS hierarchy: Land → Regierungsbezirk → Kreis → Kommune). */
export function municipalityHierarchy(db: Kysely<Database>) {
  return municipalitiesRepository(db).hierarchy();
}

/** The municipalities taking part, with their Kreis and Regierungsbezirk (the levels of the programme). */
export function participatingHierarchy(db: Kysely<Database>) {
  return municipalitiesRepository(db).hierarchy(true);
}

/** Names and keys of the given municipalities. */
export function municipalityNames(db: Kysely<Database>, ids: readonly number[]) {
  return municipalitiesRepository(db).names(ids);
}

/** The participating municipalities with their join date and cohort. */
export function participatingMunicipalities(db: Kysely<Database>) {
  return municipalitiesRepository(db).participants();
}

/** A municipality's districts (Ortsteile/Stadtteile), for a measure's or an event's district field. */
export function districtOptions(db: Kysely<Database>, municipalityId: number) {
  return municipalitiesRepository(db).districts(municipalityId);
}

export { StateMap } from './views/state-map.tsx';
export { countyLabel } from './views/county-label.ts';

/** Who takes part, for the map of Hessen (the map itself is served as /karte/hessen.svg). */
export function stateMapData(db: Kysely<Database>) {
  return municipalitiesRepository(db).participants();
}
export { POINT_MAP_SIZE, type PointMap, pointMap } from './point-map.ts';
export { STATE_MAP_SIZE, projectedStateMap } from './maps.ts';
export type { ProjectedShape } from './map.ts';
