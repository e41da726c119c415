import type { Generated } from 'kysely';
import type { CreatedAt, DateText, Json } from '../../platform/db/columns.ts';

/** The tables this module owns; other modules reach them only through its index.ts. */

export interface MunicipalitiesTable {
  id: Generated<number>;
  ags: string;
  name: string;
  official_name: string;
  type: string;
  county_ags: string;
  county_name: string;
  county_type: string;
  region: string;
  population: number;
  population_date: DateText;
  population_census_2022: number;
  area_km2: number;
  geometry: Json<unknown>;
}

export interface CountiesTable {
  ags: string;
  name: string;
  type: string;
  region: string;
  geometry: Json<unknown>;
}

export interface ProgrammeParticipationsTable {
  municipality_id: number;
  joined_on: DateText;
  cohort_label: string;
  created_at: CreatedAt;
}

export interface DistrictsTable {
  id: Generated<number>;
  municipality_id: number;
  name: string;
  description: string;
  created_at: CreatedAt;
}

export interface MunicipalitiesTables {
  municipalities: MunicipalitiesTable;
  counties: CountiesTable;
  programme_participations: ProgrammeParticipationsTable;
  districts: DistrictsTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends MunicipalitiesTables {}
}
