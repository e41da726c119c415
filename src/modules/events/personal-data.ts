import { sql } from 'kysely';
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
    const blank = { name: '–', email: null, organisation: '', home_town: '', user_id: null } as const;
    // Guest registrations first: the address is found through the account, which still has it.
    const address = trx.selectFrom('users').select(sql<string>`lower(email)`.as('email')).where('id', '=', userId);
    await trx.updateTable('event_registrations').set(blank).where('user_id', 'is', null).where(sql`lower(email)`, '=', address).execute();
    await trx.updateTable('event_registrations').set(blank).where('user_id', '=', userId).execute();
  },
};
