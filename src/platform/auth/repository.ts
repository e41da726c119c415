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
          'sessions.created_at',
          'sessions.last_seen_at',
          'users.totp_enabled_at',
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
        .where('sessions.second_factor_pending', '=', false)
        .where('sessions.expires_at', '>', new Date())
        .where('users.deleted_at', 'is', null)
        .executeTakeFirst();
    },

    /** A session whose password step is done and whose second factor is still to come, with what checking the code needs. */
    findPendingSession(idHash: string) {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['sessions.id_hash', 'sessions.user_agent', 'users.id as user_id', 'users.email', 'users.locale', 'users.display_name', 'users.totp_secret', 'users.totp_last_step'])
        .where('sessions.id_hash', '=', idHash)
        .where('sessions.second_factor_pending', '=', true)
        .where('sessions.revoked_at', 'is', null)
        .where('sessions.expires_at', '>', new Date())
        .where('users.deleted_at', 'is', null)
        .where('users.totp_enabled_at', 'is not', null)
        .executeTakeFirst();
    },

    revokeSessionByHash(idHash: string) {
      return db.updateTable('sessions').set({ revoked_at: new Date() }).where('id_hash', '=', idHash).execute();
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
        .where('second_factor_pending', '=', false)
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

    /** Every link of these kinds the account still has stops working (after a password change, an old reset mail must not open it again). */
    invalidateTokens(userId: number, purposes: Array<Row<'auth_tokens'>['purpose']>) {
      return db.updateTable('auth_tokens').set({ used_at: new Date() }).where('user_id', '=', userId).where('purpose', 'in', purposes).where('used_at', 'is', null).execute();
    },

    /** Records the step of an accepted code, only if it is later than the last one: a code (or a replay of it) works once. */
    async claimTotpStep(userId: number, step: number): Promise<boolean> {
      const result = await db
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    replaceRecoveryCodes(userId: number, hashes: string[]) {
      return db
        .deleteFrom('recovery_codes')
        .where('user_id', '=', userId)
        .execute()
        .then(() =>
          db
            .insertInto('recovery_codes')
            .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
            .execute(),
        );
    },

    /** Marks a recovery code used, in one statement, so that it works exactly once. */
    async useRecoveryCode(userId: number, codeHash: string): Promise<boolean> {
      const result = await db
        .updateTable('recovery_codes')
        .set({ used_at: new Date() })
        .where('user_id', '=', userId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async unusedRecoveryCodes(userId: number): Promise<number> {
      const row = await db
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    deleteRecoveryCodes(userId: number) {
      return db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
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
