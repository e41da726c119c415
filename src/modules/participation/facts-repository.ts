import { sql } from 'kysely';
import { type FactSource, PERSON_DIMENSIONS } from '../../platform/facts.ts';

/**
 * What monitoring may count from participation (docs/INDICATORS.md O1, O5, O6, R4): processes run
 * (dated by the end of their first closed phase), the people who contributed (authors of proposals
 * and comments, supporters; a proposal entered from paper counts its author once, marked offline),
 * and the contributions themselves. Hidden contributions are not counted.
 */
const CONTRIBUTION_TYPES = ['proposal', 'comment', 'support'] as const;
const berlinDay = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'Europe/Berlin', 'YYYY-MM-DD')`;

export const participationFacts: readonly FactSource[] = [
  {
    id: 'participation.processes',
    labelKey: 'monitoring.fact.participation_processes',
    drillDown: ({ ags }) => `/verwaltung/${ags}/beteiligung`,
    kind: 'records',
    dimensions: {},
    rows: (db) =>
      db
        .selectFrom('participation_processes as pp')
        .innerJoin(
          (eb) =>
            eb
              .selectFrom('process_phases')
              .where('ends_on', '<', sql<string>`current_date`)
              .select(['process_id', sql<string>`min(ends_on)`.as('closed_on')])
              .groupBy('process_id')
              .as('ph'),
          (join) => join.onRef('ph.process_id', '=', 'pp.id'),
        )
        .where('pp.published', '=', true)
        .select([
          sql<string>`to_char(ph.closed_on, 'YYYY-MM-DD')`.as('day'),
          'pp.municipality_id',
          sql<number | null>`null`.as('district_id'),
          sql<string | null>`null`.as('person_key'),
          sql<number>`1`.as('value'),
        ]) as ReturnType<FactSource['rows']>,
  },
  {
    id: 'participation.contributions',
    labelKey: 'monitoring.fact.participation_contributions',
    drillDown: ({ ags }) => `/verwaltung/${ags}/beteiligung`,
    kind: 'persons',
    dimensions: { type: CONTRIBUTION_TYPES, channel: PERSON_DIMENSIONS.channel },
    rows: (db) =>
      db
        .selectFrom('proposals as p')
        .where('p.hidden_at', 'is', null)
        .select([
          berlinDay('p.created_at').as('day'),
          'p.municipality_id',
          'p.district_id',
          sql<string>`case when p.author_user_id is not null and not p.offline then 'a:' || p.author_user_id else 'o:participation:' || p.id end`.as('person_key'),
          sql<number>`1`.as('value'),
          sql<string>`'proposal'`.as('type'),
          sql<string>`case when p.offline then 'offline' else 'online' end`.as('channel'),
        ])
        .unionAll(
          db
            .selectFrom('proposal_comments as c')
            .innerJoin('proposals as p', 'p.id', 'c.proposal_id')
            .where('c.hidden_at', 'is', null)
            .where('c.author_user_id', 'is not', null)
            .select([
              berlinDay('c.created_at').as('day'),
              'p.municipality_id',
              'p.district_id',
              sql<string>`'a:' || c.author_user_id`.as('person_key'),
              sql<number>`1`.as('value'),
              sql<string>`'comment'`.as('type'),
              sql<string>`'online'`.as('channel'),
            ]),
        )
        .unionAll(
          db
            .selectFrom('proposal_supports as s')
            .innerJoin('proposals as p', 'p.id', 's.proposal_id')
            .select([
              berlinDay('s.created_at').as('day'),
              'p.municipality_id',
              'p.district_id',
              sql<string>`'a:' || s.user_id`.as('person_key'),
              sql<number>`1`.as('value'),
              sql<string>`'support'`.as('type'),
              sql<string>`'online'`.as('channel'),
            ]),
        ) as ReturnType<FactSource['rows']>,
  },
];
