/**
 * The programme office has the whole programme in scope, so its foreign objects are ids that do
 * not match: a role of another person under this person's URL, an account that is deleted, a
 * municipality or mail that does not exist.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/platform/db/schema.ts';
import type { ForeignCases, ForeignFixtures } from './types.ts';

const NO_SUCH_ID = '999999';

/** A role held by FOREIGN's coordinator: never one of the OWN coordinator's. */
async function foreignRole(f: ForeignFixtures): Promise<number> {
  const row = await f.db.selectFrom('role_assignments').select('id').where('role', '=', 'coordinator').where('municipality_id', '=', f.foreignId).orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

/** An account deleted before the pass (created once, anonymised as deletion leaves it). */
async function deletedAccount(db: Kysely<Database>): Promise<number> {
  const existing = await db.selectFrom('users').select('id').where('display_name', '=', '').where('deleted_at', 'is not', null).orderBy('id').executeTakeFirst();
  if (existing) return existing.id;
  const row = await db.insertInto('users').values({ email: null, password_hash: null, display_name: '', locale: 'de', deleted_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const rolesOf = (f: ForeignFixtures, userIds: number[]) =>
  f.db.selectFrom('role_assignments').select(['id', 'user_id', 'role', 'municipality_id']).where('user_id', 'in', userIds).orderBy('id').execute();

const foreignCoordinatorId = async (f: ForeignFixtures) =>
  (
    await f.db
      .selectFrom('role_assignments')
      .select('user_id')
      .where('id', '=', await foreignRole(f))
      .executeTakeFirstOrThrow()
  ).user_id;

export const cases: ForeignCases = {
  'GET /programmbuero/nutzer/:id': {
    as: 'office',
    request: async (f) => ({ path: `/programmbuero/nutzer/${await deletedAccount(f.db)}` }),
    // The snapshot runs first, so the deleted account exists before it is taken.
    snapshot: async (f) => [await deletedAccount(f.db), await f.db.selectFrom('users').selectAll().where('deleted_at', 'is not', null).orderBy('id').execute()],
  },
  'POST /programmbuero/nutzer/:id/rollen': {
    as: 'office',
    request: async (f) => ({ path: `/programmbuero/nutzer/${await deletedAccount(f.db)}/rollen`, form: { role: 'trainer' } }),
    snapshot: async (f) => [await deletedAccount(f.db), await f.db.selectFrom('role_assignments').select(['id', 'user_id', 'role', 'municipality_id']).orderBy('id').execute()],
  },
  'POST /programmbuero/nutzer/einladen': {
    as: 'office',
    request: async () => ({ path: '/programmbuero/nutzer/einladen', form: { displayName: 'Niemand', email: 'foreign-invite@example.org', role: 'coordinator', municipalityId: NO_SUCH_ID } }),
    snapshot: async (f) => f.db.selectFrom('users').select('id').where('email', '=', 'foreign-invite@example.org').execute(),
  },
  'GET /programmbuero/nutzer/:id/rollen/:roleId/entziehen': {
    as: 'office',
    request: async (f) => ({ path: `/programmbuero/nutzer/${f.users.coordinator}/rollen/${await foreignRole(f)}/entziehen` }),
    snapshot: async (f) => rolesOf(f, [f.users.coordinator, await foreignCoordinatorId(f)]),
  },
  'POST /programmbuero/nutzer/:id/rollen/:roleId/entziehen': {
    as: 'office',
    request: async (f) => ({ path: `/programmbuero/nutzer/${f.users.coordinator}/rollen/${await foreignRole(f)}/entziehen` }),
    snapshot: async (f) => rolesOf(f, [f.users.coordinator, await foreignCoordinatorId(f)]),
  },
  'POST /programmbuero/teilnahme': {
    as: 'office',
    request: async () => ({ path: '/programmbuero/teilnahme', form: { municipalityId: NO_SUCH_ID, joinedOn: '2026-01-01', cohort: 'Dritte Runde' } }),
    snapshot: async (f) => f.db.selectFrom('programme_participations').selectAll().orderBy('municipality_id').execute(),
  },
  'GET /programmbuero/postausgang/:id': {
    as: 'office',
    request: async () => ({ path: `/programmbuero/postausgang/${NO_SUCH_ID}` }),
    snapshot: async (f) => f.db.selectFrom('mail_outbox').select(['id', 'sent_at']).orderBy('id').execute(),
  },
};
