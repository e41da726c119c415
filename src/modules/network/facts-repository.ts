import { sql } from 'kysely';
import type { FactSource } from '../../platform/facts.ts';
import { COOPERATION_TYPES, ORGANISATION_TYPES } from './tables.ts';

/**
 * What monitoring may count from the network register (docs/INDICATORS.md O8, O9, R9). Whether a
 * cooperation is active is decided by its dates at query time: an active cooperation is one row
 * per month it runs (dated the first of the month, keyed `r:<id>` so that a period counts it
 * once); a migrant organisation is involved in a month where it has an active cooperation.
 */
const YES_NO = ['yes', 'no'] as const;
const months = sql`generate_series(date_trunc('month', c.starts_on::timestamp), date_trunc('month', coalesce(c.ends_on, current_date)::timestamp), interval '1 month')`;

export const networkFacts: readonly FactSource[] = [
  {
    id: 'network.cooperations_active',
    labelKey: 'monitoring.fact.network_cooperations_active',
    kind: 'records',
    dimensions: { type: COOPERATION_TYPES, with_migrant: YES_NO },
    rows: (db) =>
      db
        .selectFrom(
          sql<{ day: string; municipality_id: number; person_key: string; type: string; with_migrant: string }>`(
            select to_char(m.month, 'YYYY-MM-DD') as day, c.municipality_id, 'r:' || c.id as person_key, c.type,
              case when oa.type = 'migrant_organisation' or ob.type = 'migrant_organisation' then 'yes' else 'no' end as with_migrant
            from network_cooperations c
            join network_organisations oa on oa.id = c.organisation_id
            join network_organisations ob on ob.id = c.partner_id
            cross join lateral ${months} as m(month)
          )`.as('x'),
        )
        .select(['x.day', 'x.municipality_id', sql<number | null>`null`.as('district_id'), 'x.person_key', sql<number>`1`.as('value'), 'x.type', 'x.with_migrant']) as ReturnType<FactSource['rows']>,
    drillDown: ({ ags }) => `/verwaltung/${ags}/netzwerk/kooperationen`,
  },
  {
    id: 'network.migrant_organisations',
    labelKey: 'monitoring.fact.network_migrant_organisations',
    drillDown: ({ ags }) => `/verwaltung/${ags}/netzwerk/organisationen`,
    kind: 'records',
    dimensions: {},
    rows: (db) =>
      db
        .selectFrom(
          sql<{ day: string; municipality_id: number; person_key: string }>`(
            select to_char(m.month, 'YYYY-MM-DD') as day, o.municipality_id, 'r:' || o.id as person_key
            from network_cooperations c
            join network_organisations o on o.id in (c.organisation_id, c.partner_id) and o.type = 'migrant_organisation'
            cross join lateral ${months} as m(month)
          )`.as('x'),
        )
        .select(['x.day', 'x.municipality_id', sql<number | null>`null`.as('district_id'), 'x.person_key', sql<number>`1`.as('value')]) as ReturnType<FactSource['rows']>,
  },
  {
    id: 'network.cooperations_started',
    labelKey: 'monitoring.fact.network_cooperations_started',
    drillDown: ({ ags }) => `/verwaltung/${ags}/netzwerk/kooperationen`,
    kind: 'records',
    dimensions: { type: COOPERATION_TYPES, mixed: YES_NO },
    rows: (db) =>
      db
        .selectFrom('network_cooperations as c')
        .innerJoin('network_organisations as oa', 'oa.id', 'c.organisation_id')
        .innerJoin('network_organisations as ob', 'ob.id', 'c.partner_id')
        .select([
          sql<string>`to_char(c.starts_on, 'YYYY-MM-DD')`.as('day'),
          'c.municipality_id',
          sql<number | null>`null`.as('district_id'),
          sql<string | null>`null`.as('person_key'),
          sql<number>`1`.as('value'),
          'c.type',
          sql<string>`case when (oa.type = 'migrant_organisation') <> (ob.type = 'migrant_organisation') then 'yes' else 'no' end`.as('mixed'),
        ]) as ReturnType<FactSource['rows']>,
  },
  {
    id: 'network.organisations',
    labelKey: 'monitoring.fact.network_organisations',
    drillDown: ({ ags }) => `/verwaltung/${ags}/netzwerk/organisationen`,
    kind: 'records',
    dimensions: { type: ORGANISATION_TYPES },
    rows: (db) =>
      db
        .selectFrom('network_organisations as o')
        .select([
          sql<string>`to_char(o.created_at at time zone 'Europe/Berlin', 'YYYY-MM-DD')`.as('day'),
          'o.municipality_id',
          'o.district_id',
          sql<string | null>`null`.as('person_key'),
          sql<number>`1`.as('value'),
          'o.type',
        ]),
  },
];
