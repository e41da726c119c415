import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';

/**
 * The evidence the funder expects from events (docs/INDICATORS.md F3): for each event held (not a
 * training session, not cancelled, started before now) its uploaded signed participant list, and
 * for each attendee a confirmed target-group evidence. Everything here is counted in SQL.
 */
export interface EvidenceTotals {
  events: number;
  eventsWithList: number;
  attendees: number;
  attendeesConfirmed: number;
}

export interface EvidenceEventRow {
  id: number;
  title: string;
  starts_at: Date;
  has_list: boolean;
  attendees: number;
  confirmed: number;
}

export interface EvidenceFilter {
  municipalityId?: number;
  /** Calendar year in Berlin time; all years when absent. */
  year?: number;
}

const berlinYear = sql<number>`extract(year from e.starts_at at time zone 'Europe/Berlin')::int`;

export function evidenceRepository(db: Kysely<Database>) {
  function heldEvents(filter: EvidenceFilter) {
    let query = db.selectFrom('events as e').where('e.cohort_id', 'is', null).where('e.cancelled_at', 'is', null).where('e.starts_at', '<', sql<Date>`now()`);
    if (filter.municipalityId !== undefined) query = query.where('e.municipality_id', '=', filter.municipalityId);
    if (filter.year !== undefined) query = query.where(berlinYear, '=', filter.year);
    return query;
  }

  /** One row per held event with its attendees and their confirmed evidence. */
  function perEvent(filter: EvidenceFilter) {
    return heldEvents(filter)
      .leftJoin('event_registrations as r', (join) => join.onRef('r.event_id', '=', 'e.id').on('r.attended', '=', true).on('r.status', '=', 'confirmed'))
      .groupBy('e.id')
      .select([
        'e.id',
        'e.title',
        'e.starts_at',
        'e.municipality_id',
        sql<boolean>`e.signed_list_file_id is not null`.as('has_list'),
        sql<number>`count(r.id)::int`.as('attendees'),
        sql<number>`count(r.target_group_confirmed_at)::int`.as('confirmed'),
      ]);
  }

  const totalsColumns = [
    sql<number>`count(*)::int`.as('events'),
    sql<number>`count(*) filter (where has_list)::int`.as('events_with_list'),
    sql<number>`coalesce(sum(attendees), 0)::int`.as('attendees'),
    sql<number>`coalesce(sum(confirmed), 0)::int`.as('attendees_confirmed'),
  ];
  const asTotals = (row: { events: number; events_with_list: number; attendees: number; attendees_confirmed: number }): EvidenceTotals => ({
    events: Number(row.events),
    eventsWithList: Number(row.events_with_list),
    attendees: Number(row.attendees),
    attendeesConfirmed: Number(row.attendees_confirmed),
  });

  return {
    async totals(filter: EvidenceFilter): Promise<EvidenceTotals> {
      const row = await db.selectFrom(perEvent(filter).as('p')).select(totalsColumns).executeTakeFirstOrThrow();
      return asTotals(row);
    },

    /** The held events, newest first; with `incompleteOnly`, those that miss a list or an attendee's evidence. */
    async events(filter: EvidenceFilter & { incompleteOnly: boolean }, page: PageRequest): Promise<{ items: EvidenceEventRow[]; total: number }> {
      let rows = db.selectFrom(perEvent(filter).as('p'));
      if (filter.incompleteOnly) rows = rows.where((eb) => eb.or([eb('p.has_list', '=', false), eb('p.confirmed', '<', eb.ref('p.attendees'))]));
      const [items, total] = await Promise.all([
        rows
          .select(['p.id', 'p.title', 'p.starts_at', 'p.has_list', 'p.attendees', 'p.confirmed'])
          .orderBy('p.starts_at', 'desc')
          .orderBy('p.id', 'desc')
          .limit(page.pageSize)
          .offset(page.offset)
          .execute(),
        rows.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: items.map((r) => ({ ...r, attendees: Number(r.attendees), confirmed: Number(r.confirmed) })), total: Number(total.n) };
    },

    /** Per town with at least one held event, for the programme office. */
    async perTown(year: number | undefined): Promise<Map<number, EvidenceTotals>> {
      const rows = await db
        .selectFrom(perEvent({ year }).as('p'))
        .select(['p.municipality_id', ...totalsColumns])
        .groupBy('p.municipality_id')
        .execute();
      return new Map(rows.map((r) => [r.municipality_id, asTotals(r)]));
    },

    /** The years with held events, newest first, for the year filter. */
    async years(municipalityId: number | undefined): Promise<number[]> {
      const rows = await heldEvents({ municipalityId }).select(berlinYear.as('year')).distinct().orderBy('year', 'desc').execute();
      return rows.map((r) => Number(r.year));
    },

    /** Records or withdraws a staff member's confirmation of a confirmed registration's target-group evidence. */
    setTargetGroupEvidence(eventId: number, registrationId: number, confirmedBy: number | null, confirmed: boolean) {
      return db
        .updateTable('event_registrations')
        .set(confirmed ? { target_group_confirmed_at: new Date(), target_group_confirmed_by: confirmedBy } : { target_group_confirmed_at: null, target_group_confirmed_by: null })
        .where('id', '=', registrationId)
        .where('event_id', '=', eventId)
        .where('status', '=', 'confirmed')
        .executeTakeFirst();
    },
  };
}
