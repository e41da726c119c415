import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../../platform/paths.ts';
import type { NewRow } from '../../platform/db/schema.ts';

/** The official register shipped in seed/hessen (see seed/hessen/README.md for sources and licence). */
export const SEED_DIR = join(PROJECT_ROOT, 'seed', 'hessen');

interface CsvRow {
  ags: string;
  name: string;
  official_name: string;
  type: string;
  kreis_ags: string;
  kreis_name: string;
  kreis_type: string;
  regierungsbezirk: string;
  population: string;
  population_date: string;
  population_zensus2022: string;
  area_km2: string;
}

interface Feature {
  properties: Record<string, string | number>;
  geometry: unknown;
}

function features(file: string): Feature[] {
  return (JSON.parse(readFileSync(join(SEED_DIR, file), 'utf8')) as { features: Feature[] }).features;
}

export function loadReferenceData(): { counties: NewRow<'counties'>[]; municipalities: NewRow<'municipalities'>[] } {
  const rows = parse(readFileSync(join(SEED_DIR, 'gemeinden.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as CsvRow[];
  const municipalityGeometry = new Map(features('gemeinden.geojson').map((f) => [String(f.properties.ags), f.geometry]));
  const counties = features('kreise.geojson').map((f) => ({
    ags: String(f.properties.kreis_ags),
    name: String(f.properties.kreis_name),
    type: String(f.properties.kreis_type),
    region: String(f.properties.regierungsbezirk),
    geometry: JSON.stringify(f.geometry),
  }));
  const municipalities = rows.map((r) => {
    const geometry = municipalityGeometry.get(r.ags);
    if (!geometry) throw new Error(`no boundary for municipality ${r.ags} in gemeinden.geojson`);
    return {
      ags: r.ags,
      name: r.name,
      official_name: r.official_name,
      type: r.type,
      county_ags: r.kreis_ags,
      county_name: r.kreis_name,
      county_type: r.kreis_type,
      region: r.regierungsbezirk,
      population: Number(r.population),
      population_date: r.population_date,
      population_census_2022: Number(r.population_zensus2022),
      area_km2: Number(r.area_km2),
      geometry: JSON.stringify(geometry),
    };
  });
  return { counties, municipalities };
}
