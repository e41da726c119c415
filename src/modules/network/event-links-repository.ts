import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { EventOrganiserRole } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The organisations named on an event, and the cooperations an event's organisers form by it. */
export function eventLinksRepository(db: Db) {
  return {
    organisationOptions(municipalityId: number) {
      return db.selectFrom('network_organisations').select(['id', 'name']).where('municipality_id', '=', municipalityId).orderBy('name').orderBy('id').execute();
    },
    /** Which of `ids` are organisations of the town. */
    async ofTown(municipalityId: number, ids: number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom('network_organisations').select('id').where('municipality_id', '=', municipalityId).where('id', 'in', ids).execute();
      return new Set(rows.map((r) => r.id));
    },
    organisersOf(eventId: number) {
      return db
        .selectFrom('network_event_organisers as e')
        .innerJoin('network_organisations as o', 'o.id', 'e.organisation_id')
        .select(['e.organisation_id', 'e.role', 'o.name', 'o.is_public'])
        .where('e.event_id', '=', eventId)
        .orderBy(sql`case when e.role = 'organiser' then 0 else 1 end`)
        .orderBy('o.name')
        .execute();
    },
    /**
     * Replaces the event's organisers. The cooperations the event stood for (type "event", linked to
     * it, between its organiser and a co-organiser) are removed first and written again for the new
     * ones, dated on the event's day.
     */
    async replace(args: { eventId: number; municipalityId: number; day: string; title: string; organisers: Array<{ id: number; role: EventOrganiserRole }> }) {
      const { eventId, municipalityId, day, title, organisers } = args;
      await db
        .deleteFrom('network_cooperations')
        .where('type', '=', 'event')
        .where('municipality_id', '=', municipalityId)
        .where('id', 'in', (eb) => eb.selectFrom('network_cooperation_events').select('cooperation_id').where('event_id', '=', eventId))
        .execute();
      await db.deleteFrom('network_event_organisers').where('event_id', '=', eventId).execute();
      if (organisers.length === 0) return 0;
      await db
        .insertInto('network_event_organisers')
        .values(organisers.map((o) => ({ event_id: eventId, organisation_id: o.id, municipality_id: municipalityId, role: o.role })))
        .execute();
      const lead = organisers.find((o) => o.role === 'organiser');
      const partners = organisers.filter((o) => o.role === 'co_organiser');
      if (!lead || partners.length === 0) return 0;
      const created = await db
        .insertInto('network_cooperations')
        .values(
          partners.map((p) => ({ municipality_id: municipalityId, organisation_id: lead.id, partner_id: p.id, type: 'event' as const, starts_on: day, ends_on: day, description: title, outputs: '' })),
        )
        .returning('id')
        .execute();
      await db
        .insertInto('network_cooperation_events')
        .values(created.map((c) => ({ cooperation_id: c.id, event_id: eventId })))
        .execute();
      return created.length;
    },
  };
}
