/**
 * Levels of the programme dashboard (docs/INDICATORS.md principle 6): Land → Regierungsbezirk →
 * Kreis → Kommune, from the AGS hierarchy the municipalities module keeps. A level is a set of
 * participating towns; its code travels in the query string (`ebene=kreis:06431`).
 */
export type LevelKind = 'land' | 'region' | 'county' | 'town';

export interface Level {
  code: string;
  kind: LevelKind;
  name: string;
  /** The participating towns of the level; all of them for the Land. */
  townIds: number[];
}

export interface HierarchyRow {
  id: number;
  ags: string;
  name: string;
  county_ags: string;
  county_name: string;
  county_type: string;
  region: string;
  participating: boolean;
}

export const LAND = 'land';

/** Every level that holds at least one participating town, in hierarchy order (each region, its counties, their towns). */
export function levelsOf(rows: readonly HierarchyRow[]): Level[] {
  const towns = rows.filter((row) => row.participating);
  const levels: Level[] = [{ code: LAND, kind: 'land', name: 'Hessen', townIds: towns.map((town) => town.id) }];
  const regions = [...new Set(towns.map((town) => town.region))].sort((a, b) => a.localeCompare(b, 'de'));
  for (const region of regions) {
    const inRegion = towns.filter((town) => town.region === region);
    levels.push({ code: `rb:${region}`, kind: 'region', name: region, townIds: inRegion.map((town) => town.id) });
    const counties = [...new Map(inRegion.map((town) => [town.county_ags, town])).values()].sort((a, b) => a.county_name.localeCompare(b.county_name, 'de'));
    for (const county of counties) {
      const inCounty = inRegion.filter((town) => town.county_ags === county.county_ags);
      levels.push({ code: `kreis:${county.county_ags}`, kind: 'county', name: county.county_name, townIds: inCounty.map((town) => town.id) });
      for (const town of [...inCounty].sort((a, b) => a.name.localeCompare(b.name, 'de'))) levels.push({ code: `kommune:${town.ags}`, kind: 'town', name: town.name, townIds: [town.id] });
    }
  }
  return levels;
}

/** The level of a code, or null for a code that names none (the route answers 404). */
export function findLevel(levels: readonly Level[], code: string | undefined): Level | null {
  return levels.find((level) => level.code === (code ?? LAND)) ?? null;
}
