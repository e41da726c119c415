import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { RoleGrant } from '../access/actor.ts';
import type { Database, NewRow, Row } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function authRepository(db: Db) {
  return {
    findUserByEmail(email: string) {
      return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).where('deleted_at', 'is', null).executeTakeFirst();
    },

    findUserById(id: number) {
      return db.selectFrom('users').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    },

    insertUser(user: NewRow<'users'>) {
      return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
    },

    updateUser(id: number, changes: Partial<Omit<Row<'users'>, 'id' | 'created_at'>>) {
      return db.updateTable('users').set(changes).where('id', '=', id).execute();
    },

    grantsOf(userId: number): Promise<RoleGrant[]> {
      return db.selectFrom('role_assignments').select(['role', 'municipality_id as municipalityId']).where('user_id', '=', userId).orderBy('id').execute();
    },

    insertSession(session: NewRow<'sessions'>) {
      return db.insertInto('sessions').values(session).execute();
    },

    /** The session and its user in one query: this runs on every request. */
    findActiveSession(idHash: string) {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id_hash',
          'sessions.last_seen_at',
          'users.id as user_id',
          'users.display_name',
          'users.email',
          'users.email_verified_at',
          'users.is_demo',
          'users.locale',
          sql<
            RoleGrant[]
          >`coalesce((select json_agg(json_build_object('role', r.role, 'municipalityId', r.municipality_id) order by r.id) from role_assignments r where r.user_id = users.id), '[]'::json)`.as(
            'grants',
          ),
        ])
        .where('sessions.id_hash', '=', idHash)
        .where('sessions.revoked_at', 'is', null)
        .where('sessions.expires_at', '>', new Date())
        .where('users.deleted_at', 'is', null)
        .executeTakeFirst();
    },

    touchSession(idHash: string, expiresAt: Date) {
      return db.updateTable('sessions').set({ last_seen_at: new Date(), expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
    },

    listSessions(userId: number) {
      return db
        .selectFrom('sessions')
        .select(['id_hash', 'created_at', 'last_seen_at', 'expires_at', 'user_agent'])
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', new Date())
        .orderBy('last_seen_at', 'desc')
        .execute();
    },

    revokeSession(userId: number, idHash: string) {
      return db.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('id_hash', '=', idHash).where('revoked_at', 'is', null).executeTakeFirst();
    },

    revokeAllSessions(userId: number, exceptIdHash?: string) {
      let query = db.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null);
      if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash);
      return query.execute();
    },

    insertToken(token: NewRow<'auth_tokens'>) {
      return db.insertInto('auth_tokens').values(token).execute();
    },

    /** Marks a token used and returns it, in one statement, so that a link works exactly once. */
    consumeToken(tokenHash: string, purpose: Row<'auth_tokens'>['purpose']) {
      return db
        .updateTable('auth_tokens')
        .set({ used_at: new Date() })
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', new Date())
        .returning(['user_id'])
        .executeTakeFirst();
    },

    findUsableToken(tokenHash: string, purpose: Row<'auth_tokens'>['purpose']) {
      return db
        .selectFrom('auth_tokens')
        .select(['user_id'])
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', new Date())
        .executeTakeFirst();
    },

    insertConsent(consent: NewRow<'consents'>) {
      return db.insertInto('consents').values(consent).execute();
    },

    consentsOf(userId: number) {
      return db.selectFrom('consents').select(['purpose', 'version', 'given_at', 'withdrawn_at']).where('user_id', '=', userId).orderBy('id').execute();
    },

    deleteRolesOf(userId: number) {
      return db.deleteFrom('role_assignments').where('user_id', '=', userId).execute();
    },

    deleteTokensOf(userId: number) {
      return db.deleteFrom('auth_tokens').where('user_id', '=', userId).execute();
    },
  };
}

export type AuthRepository = ReturnType<typeof authRepository>;
