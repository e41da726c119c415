import { type Actor, actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import type { AppServices } from '../../platform/module.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { evidenceRepository } from './evidence-repository.ts';
import { eventOfTown, registrationOfEvent } from './policy.ts';
import { eventRepository } from './repository.ts';
import type { ManagedTown } from './service.ts';

/** Share of the expected evidence that is there, in percent; null when nothing is expected yet. */
export function completeness(totals: { events: number; eventsWithList: number; attendees: number; attendeesConfirmed: number }): number | null {
  const expected = totals.events + totals.attendees;
  return expected === 0 ? null : ((totals.eventsWithList + totals.attendeesConfirmed) * 100) / expected;
}

/**
 * The evidence the funder expects from events (F3): what a town has and lacks, for its
 * coordinators, and per town for the programme office. The town is the route's resolved `town`
 * scope; an event or registration of another town is "not found" (policy.ts).
 */
export function evidenceService(services: AppServices) {
  const { db } = services;
  const repo = evidenceRepository(db);

  return {
    async ofTown(town: ManagedTown, filter: { year?: number; incompleteOnly: boolean }, page: PageRequest) {
      const scope = { municipalityId: town.id, year: filter.year };
      const [totals, events, years] = await Promise.all([repo.totals(scope), repo.events({ ...scope, incompleteOnly: filter.incompleteOnly }, page), repo.years(town.id)]);
      return { totals, events, years };
    },

    /** Every participating town, also those without a held event (they show nothing expected). */
    async perTown(year: number | undefined) {
      const [towns, figures, years] = await Promise.all([participatingMunicipalities(db), repo.perTown(year), repo.years(undefined)]);
      const none = { events: 0, eventsWithList: 0, attendees: 0, attendeesConfirmed: 0 };
      return { rows: towns.map((town) => ({ ags: town.ags, name: town.name, totals: figures.get(town.id) ?? none })), years };
    },

    /** A staff member confirms (or withdraws) having seen a registered person's target-group evidence. */
    async setTargetGroupEvidence(actor: Actor, town: ManagedTown, eventId: number, registrationId: number, confirmed: boolean): Promise<void> {
      const event = eventOfTown(await eventRepository(db).event(eventId), town);
      await db.transaction().execute(async (trx) => {
        registrationOfEvent(await eventRepository(trx).registration(registrationId), event);
        // Only a confirmed seat carries evidence; one on the waiting list or cancelled is "not found" here.
        const result = await evidenceRepository(trx).setTargetGroupEvidence(event.id, registrationId, actorUserId(actor), confirmed);
        if (!result.numUpdatedRows) throw AppError.notFound();
        await writeAudit(trx, actor, {
          action: confirmed ? 'event.target_group_confirmed' : 'event.target_group_withdrawn',
          entityType: 'event_registration',
          entityId: registrationId,
          municipalityId: event.municipality_id,
        });
      });
    },
  };
}
