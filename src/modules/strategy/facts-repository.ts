import { sql } from 'kysely';
import type { FactSource } from '../../platform/facts.ts';
import { MEASURE_STATUSES } from './tables.ts';

/**
 * What monitoring may count from strategies (docs/INDICATORS.md O11, R3): strategy versions by
 * their adoption date, and measures by their current status and progress (dated by their start,
 * or their creation where no start is planned).
 */
const measureDay = sql<string>`to_char(coalesce(m.starts_on, (m.created_at at time zone 'Europe/Berlin')::date), 'YYYY-MM-DD')`;

export const strategyFacts: readonly FactSource[] = [
  {
    id: 'strategy.adopted',
    labelKey: 'monitoring.fact.strategy_adopted',
    drillDown: ({ ags }) => `/verwaltung/${ags}/strategie`,
    kind: 'records',
    dimensions: {},
    rows: (db) =>
      db
        .selectFrom('strategy_versions as v')
        .where('v.adopted_on', 'is not', null)
        .select([
          sql<string>`to_char(v.adopted_on, 'YYYY-MM-DD')`.as('day'),
          'v.municipality_id',
          sql<number | null>`null`.as('district_id'),
          sql<string | null>`null`.as('person_key'),
          sql<number>`1`.as('value'),
        ]),
  },
  {
    id: 'strategy.measures',
    labelKey: 'monitoring.fact.strategy_measures',
    drillDown: ({ ags }) => `/verwaltung/${ags}/massnahmen`,
    kind: 'records',
    dimensions: { status: MEASURE_STATUSES },
    rows: (db) =>
      db.selectFrom('measures as m').select([measureDay.as('day'), 'm.municipality_id', 'm.district_id', sql<string | null>`null`.as('person_key'), sql<number>`1`.as('value'), 'm.status']),
  },
  {
    id: 'strategy.progress',
    labelKey: 'monitoring.fact.strategy_progress',
    drillDown: ({ ags }) => `/verwaltung/${ags}/massnahmen`,
    kind: 'values',
    dimensions: { status: MEASURE_STATUSES },
    rows: (db) =>
      db
        .selectFrom('measures as m')
        .where('m.status', '<>', 'dropped')
        .select([measureDay.as('day'), 'm.municipality_id', 'm.district_id', sql<string | null>`null`.as('person_key'), sql<number>`m.progress`.as('value'), 'm.status']),
  },
];
