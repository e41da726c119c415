import type { PersonalDataHandler } from '../../platform/privacy/registry.ts';
import { eventRepository } from './repository.ts';

/**
 * Registrations are evidence the funder may ask for (who attended which event), so a deleted
 * account's attendance stays, but without anything that names the person: both the account's own
 * registrations and those the person made as a guest with the account's address.
 */
export const eventsPersonalData: PersonalDataHandler = {
  name: 'events',
  async exportFor(db, userId) {
    return { registrations: await eventRepository(db).registrationsOfUser(userId) };
  },
  async anonymise(trx, userId) {
    await eventRepository(trx).anonymiseRegistrationsOf(userId);
  },
};
