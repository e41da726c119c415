import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { type FactRow, type FactSource, PERSON_DIMENSIONS } from '../../platform/facts.ts';
import { EVENT_FORMATS } from './tables.ts';

/**
 * What monitoring may count from events (docs/INDICATORS.md O1, O2, O7): registrations and
 * attendances of people, each with the voluntary statistics of the registration, and the events
 * held. Training sessions (events of a cohort) are counted by qualification, not here.
 */
const day = sql<string>`to_char(e.starts_at at time zone 'Europe/Berlin', 'YYYY-MM-DD')`;
/** Accounts by account, guests by their normalised address, a walk-in without address once. */
const personKey = sql<string>`case when r.user_id is not null then 'a:' || r.user_id
  when r.email is not null and trim(r.email) <> '' then 'g:' || lower(trim(r.email))
  else 'o:events:' || r.id end`;
const channel = sql<string>`case when e.mode = 'online' then 'online' else 'offline' end`;

function registrations(db: Kysely<Database>, attendedOnly: boolean) {
  let query = db.selectFrom('event_registrations as r').innerJoin('events as e', 'e.id', 'r.event_id').where('e.cohort_id', 'is', null).where('e.cancelled_at', 'is', null);
  query = attendedOnly ? query.where('r.attended', '=', true) : query.where('r.status', '=', 'confirmed');
  return query.select([
    day.as('day'),
    'e.municipality_id',
    'e.district_id',
    personKey.as('person_key'),
    sql<number>`1`.as('value'),
    'r.sex',
    'r.age_group',
    'r.third_country',
    channel.as('channel'),
    'e.format',
  ]);
}

const eventDimensions = { ...PERSON_DIMENSIONS, format: EVENT_FORMATS };

/**
 * F3: one row per piece of evidence the funder expects — the signed list of each event held and the
 * target-group evidence of each attendee — marked complete or not, on the event's day.
 */
function evidence(db: Kysely<Database>) {
  const lists = db
    .selectFrom('events as e')
    .where('e.cohort_id', 'is', null)
    .where('e.cancelled_at', 'is', null)
    .where('e.starts_at', '<', sql<Date>`now()`)
    .select([
      day.as('day'),
      'e.municipality_id',
      'e.district_id',
      sql<string | null>`null`.as('person_key'),
      sql<number>`1`.as('value'),
      sql<string>`'signed_list'`.as('evidence'),
      sql<string>`case when e.signed_list_file_id is null then 'no' else 'yes' end`.as('complete'),
    ]);
  const people = db
    .selectFrom('events as e')
    .innerJoin('event_registrations as r', 'r.event_id', 'e.id')
    .where('e.cohort_id', 'is', null)
    .where('e.cancelled_at', 'is', null)
    .where('e.starts_at', '<', sql<Date>`now()`)
    .where('r.attended', '=', true)
    .where('r.status', '=', 'confirmed')
    .select([
      day.as('day'),
      'e.municipality_id',
      'e.district_id',
      sql<string | null>`null`.as('person_key'),
      sql<number>`1`.as('value'),
      sql<string>`'target_group'`.as('evidence'),
      sql<string>`case when r.target_group_confirmed_at is null then 'no' else 'yes' end`.as('complete'),
    ]);
  return lists.unionAll(people);
}

export const eventFacts: readonly FactSource[] = [
  {
    id: 'events.registrations',
    labelKey: 'monitoring.fact.events_registrations',
    drillDown: ({ ags }) => `/verwaltung/${ags}/veranstaltungen`,
    kind: 'persons',
    dimensions: eventDimensions,
    rows: (db) => registrations(db, false),
  },
  {
    id: 'events.attendances',
    labelKey: 'monitoring.fact.events_attendances',
    kind: 'persons',
    dimensions: eventDimensions,
    rows: (db) => registrations(db, true),
    drillDown: ({ ags }) => `/verwaltung/${ags}/veranstaltungen`,
  },
  {
    id: 'events.held',
    labelKey: 'monitoring.fact.events_held',
    drillDown: ({ ags }) => `/verwaltung/${ags}/veranstaltungen`,
    kind: 'records',
    dimensions: { format: EVENT_FORMATS, channel: PERSON_DIMENSIONS.channel },
    rows: (db) =>
      db
        .selectFrom('events as e')
        .where('e.cohort_id', 'is', null)
        .where('e.cancelled_at', 'is', null)
        .where('e.starts_at', '<', sql<Date>`now()`)
        .select([day.as('day'), 'e.municipality_id', 'e.district_id', sql<string | null>`null`.as('person_key'), sql<number>`1`.as('value'), 'e.format', channel.as('channel')]) as ReturnType<
        FactSource['rows']
      >,
  },
  {
    id: 'events.evidence',
    labelKey: 'monitoring.fact.events_evidence',
    kind: 'records',
    dimensions: { evidence: ['signed_list', 'target_group'], complete: ['yes', 'no'] },
    rows: (db) => evidence(db) as unknown as ReturnType<FactSource['rows']>,
    drillDown: ({ ags }) => `/verwaltung/${ags}/veranstaltungen/nachweise`,
  },
];

export type { FactRow };
