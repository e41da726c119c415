import type { Kysely } from 'kysely';
import { type Actor, SYSTEM, type UserActor } from '../access/actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Database } from '../db/schema.ts';
import { AppError, ValidationError } from '../http/errors.ts';
import { createTranslator, isLocale, type Locale } from '../i18n/catalog.ts';
import { enqueueMail } from '../mail/outbox.ts';
import type { PersonalDataHandler } from '../privacy/registry.ts';
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './passwords.ts';
import { authRepository } from './repository.ts';
import { acceptedStep, normalRecoveryCode } from './second-factor.ts';
import { createSecondFactorService } from './second-factor-service.ts';
import { ACCOUNT_WINDOW_MINUTES, accountThrottle } from './throttle.ts';
import { hashSecret, newSecret } from './tokens.ts';

export const PRIVACY_NOTICE_VERSION = '2026-11';
export const SESSION_DAYS = 14;
const VERIFY_HOURS = 48;
const RESET_MINUTES = 60;
const INVITE_DAYS = 7;
/** Time to type the code from the app once the password was right. */
const SECOND_FACTOR_MINUTES = 10;
/** Roles that see other people's personal data: their sessions end when idle and after a working day. */
const STAFF_ROLES: ReadonlySet<string> = new Set(['programme_office', 'coordinator', 'trainer']);

export type LoginResult = { kind: 'failed' } | { kind: 'signed_in'; sessionSecret: string; locale: string } | { kind: 'second_factor'; pendingSecret: string };

export interface AuthSettings {
  baseUrl: string;
  demoData: boolean;
  /** Called after a transaction that queued mail has committed. */
  mailQueued: () => void;
  personalData: () => PersonalDataHandler[];
  staffSessionIdleMinutes: number;
  staffSessionMaxHours: number;
}

function hoursFromNow(hours: number): Date {
  return new Date(Date.now() + hours * 3600_000);
}

function checkNewPassword(field: string, password: string, email?: string | null): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw new ValidationError({ [field]: { key: 'validation.password_short', params: { min: PASSWORD_MIN_LENGTH } } });
  if (password.length > 200) throw new ValidationError({ [field]: { key: 'validation.too_long', params: { max: 200 } } });
  if (email && password.toLowerCase() === email.toLowerCase()) throw new ValidationError({ [field]: { key: 'validation.password_is_email' } });
}

export function createAuthService(db: Kysely<Database>, settings: AuthSettings) {
  const repo = authRepository(db);
  const throttle = accountThrottle(db);

  function mailText(locale: string, key: string, params: Record<string, unknown>): string {
    return createTranslator(isLocale(locale) ? locale : 'de')(key, params);
  }

  async function startSession(userId: number, userAgent: string | null | undefined, pending = false): Promise<string> {
    const { secret, hash } = newSecret();
    await repo.insertSession({
      id_hash: hash,
      user_id: userId,
      expires_at: pending ? hoursFromNow(SECOND_FACTOR_MINUTES / 60) : hoursFromNow(SESSION_DAYS * 24),
      last_seen_at: new Date(),
      user_agent: userAgent?.slice(0, 300) ?? null,
      second_factor_pending: pending,
    });
    return secret;
  }

  /** Counts a failed sign-in; when the account reaches its limit, its owner hears of it (once per window). */
  async function signInFailed(email: string, user: { email: string | null; locale: string; display_name: string } | undefined): Promise<void> {
    const limitReached = await throttle.loginFailed(email);
    if (!limitReached || !user?.email) return;
    await enqueueMail(db, {
      to: user.email,
      subject: mailText(user.locale, 'auth.mail.login_locked.subject', {}),
      text: mailText(user.locale, 'auth.mail.login_locked.text', { name: user.display_name, minutes: ACCOUNT_WINDOW_MINUTES, resetUrl: `${settings.baseUrl}/passwort-vergessen` }),
    });
    settings.mailQueued();
  }

  async function mailPasswordChanged(trx: Kysely<Database>, user: { email: string | null; locale: string; display_name: string }): Promise<void> {
    if (!user.email) return;
    await enqueueMail(trx, {
      to: user.email,
      subject: mailText(user.locale, 'auth.mail.password_changed.subject', {}),
      text: mailText(user.locale, 'auth.mail.password_changed.text', { name: user.display_name, resetUrl: `${settings.baseUrl}/passwort-vergessen` }),
    });
  }

  return {
    async register(input: { email: string; password: string; displayName: string; acceptPrivacy: boolean; locale: Locale }): Promise<void> {
      if (!input.acceptPrivacy) throw new ValidationError({ acceptPrivacy: { key: 'auth.register.privacy_required' } });
      checkNewPassword('password', input.password, input.email);
      const passwordHash = await hashPassword(input.password);
      await db.transaction().execute(async (trx) => {
        const tx = authRepository(trx);
        const existing = await tx.findUserByEmail(input.email);
        if (existing) {
          // Do not tell the form whether an address is registered; tell the owner of the address instead.
          await enqueueMail(trx, {
            to: existing.email as string,
            subject: mailText(existing.locale, 'auth.mail.already_registered.subject', {}),
            text: mailText(existing.locale, 'auth.mail.already_registered.text', { resetUrl: `${settings.baseUrl}/passwort-vergessen` }),
          });
          return;
        }
        const user = await tx.insertUser({ email: input.email, password_hash: passwordHash, display_name: input.displayName, locale: input.locale });
        await tx.insertConsent({ user_id: user.id, purpose: 'privacy_notice', version: PRIVACY_NOTICE_VERSION });
        const { secret, hash } = newSecret();
        await tx.insertToken({ token_hash: hash, user_id: user.id, purpose: 'verify_email', expires_at: hoursFromNow(VERIFY_HOURS) });
        await enqueueMail(trx, {
          to: input.email,
          subject: mailText(input.locale, 'auth.mail.verify.subject', {}),
          text: mailText(input.locale, 'auth.mail.verify.text', { name: input.displayName, url: `${settings.baseUrl}/konto/bestaetigen?token=${secret}`, hours: VERIFY_HOURS }),
        });
        await writeAudit(
          trx,
          { kind: 'user', userId: user.id, displayName: '', email: '', emailVerified: false, isDemo: false, grants: [] },
          { action: 'account.registered', entityType: 'user', entityId: user.id },
        );
      });
      settings.mailQueued();
    },

    async verifyEmail(token: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const tx = authRepository(trx);
        const used = await tx.consumeToken(hashSecret(token), 'verify_email');
        if (!used) return false;
        await tx.updateUser(used.user_id, { email_verified_at: new Date() });
        return true;
      });
    },

    async resendVerification(actor: UserActor): Promise<void> {
      const user = await repo.findUserById(actor.userId);
      if (!user?.email || user.email_verified_at) return;
      const { secret, hash } = newSecret();
      await db.transaction().execute(async (trx) => {
        await authRepository(trx).insertToken({ token_hash: hash, user_id: user.id, purpose: 'verify_email', expires_at: hoursFromNow(VERIFY_HOURS) });
        await enqueueMail(trx, {
          to: user.email as string,
          subject: mailText(user.locale, 'auth.mail.verify.subject', {}),
          text: mailText(user.locale, 'auth.mail.verify.text', { name: user.display_name, url: `${settings.baseUrl}/konto/bestaetigen?token=${secret}`, hours: VERIFY_HOURS }),
        });
      });
      settings.mailQueued();
    },

    /**
     * Checks the password (never saying whether the address or the password was wrong). With a
     * second factor, the session waits for the code; the account's failure limit (429) comes first.
     */
    async login(email: string, password: string, userAgent: string | undefined): Promise<LoginResult> {
      await throttle.checkLogin(email);
      const user = await repo.findUserByEmail(email);
      const ok = await verifyPassword(user?.password_hash ?? null, password);
      if (!user || !ok || (user.is_demo && !settings.demoData)) {
        await signInFailed(email, user);
        return { kind: 'failed' };
      }
      if (user.totp_enabled_at && user.totp_secret) return { kind: 'second_factor', pendingSecret: await startSession(user.id, userAgent, true) };
      await throttle.loginSucceeded(email);
      return { kind: 'signed_in', sessionSecret: await startSession(user.id, userAgent), locale: user.locale };
    },

    /** Whether the cookie belongs to a sign-in that waits for its second factor. */
    async hasPendingSecondFactor(pendingSecret: string): Promise<boolean> {
      return (await repo.findPendingSession(hashSecret(pendingSecret))) !== undefined;
    },

    /**
     * The second step of a sign-in: a code from the app or an unused recovery code. The waiting
     * session is replaced by a new one, so its secret, seen before the code, opens nothing.
     */
    async completeSecondFactor(pendingSecret: string, code: string): Promise<LoginResult | { kind: 'expired' }> {
      const pending = await repo.findPendingSession(hashSecret(pendingSecret));
      if (!pending?.totp_secret || !pending.email) return { kind: 'expired' };
      await throttle.checkLogin(pending.email);
      const step = acceptedStep(pending.totp_secret, code, pending.totp_last_step);
      const ok = step !== null ? await repo.claimTotpStep(pending.user_id, step) : await repo.useRecoveryCode(pending.user_id, hashSecret(normalRecoveryCode(code)));
      if (!ok) {
        await signInFailed(pending.email, pending);
        return { kind: 'failed' };
      }
      await repo.revokeSessionByHash(pending.id_hash);
      await throttle.loginSucceeded(pending.email);
      if (step === null) await writeAudit(db, SYSTEM, { action: 'account.recovery_code_used', entityType: 'user', entityId: pending.user_id });
      return { kind: 'signed_in', sessionSecret: await startSession(pending.user_id, pending.user_agent), locale: pending.locale };
    },

    /**
     * The actor behind a session cookie; slides the expiry at most every few minutes. Staff
     * sessions also end after `staffSessionIdleMinutes` without a request and `staffSessionMaxHours` in all.
     */
    async actorForSession(secret: string): Promise<{ actor: UserActor; locale: string; secondFactor: boolean } | null> {
      const idHash = hashSecret(secret);
      const row = await repo.findActiveSession(idHash);
      if (!row) return null;
      if (row.is_demo && !settings.demoData) return null;
      const now = Date.now();
      const idleMs = now - new Date(row.last_seen_at).getTime();
      const staff = row.grants.some((grant) => STAFF_ROLES.has(grant.role));
      if (staff && (idleMs > settings.staffSessionIdleMinutes * 60_000 || now - new Date(row.created_at).getTime() > settings.staffSessionMaxHours * 3600_000)) {
        await repo.revokeSessionByHash(idHash);
        return null;
      }
      if (idleMs > (staff ? 60_000 : 5 * 60_000)) {
        await repo.touchSession(idHash, hoursFromNow(SESSION_DAYS * 24));
      }
      return {
        secondFactor: row.totp_enabled_at !== null,
        actor: {
          kind: 'user',
          userId: row.user_id,
          displayName: row.display_name,
          email: row.email ?? '',
          emailVerified: row.email_verified_at !== null,
          isDemo: row.is_demo,
          grants: row.grants,
        },
        locale: row.locale,
      };
    },

    async logout(secret: string): Promise<void> {
      await repo.revokeSessionByHash(hashSecret(secret));
    },

    listSessions(actor: UserActor) {
      return repo.listSessions(actor.userId);
    },

    async revokeSession(actor: UserActor, idHash: string): Promise<void> {
      const result = await repo.revokeSession(actor.userId, idHash);
      if (!result || result.numUpdatedRows === 0n) throw AppError.notFound();
    },

    /** Sends a reset link; more than a few per account and window are refused (429), for every address alike. */
    async requestPasswordReset(email: string): Promise<void> {
      await throttle.countReset(email);
      const user = await repo.findUserByEmail(email);
      if (!user?.email || (user.is_demo && !settings.demoData)) return;
      const { secret, hash } = newSecret();
      await db.transaction().execute(async (trx) => {
        await authRepository(trx).insertToken({ token_hash: hash, user_id: user.id, purpose: 'reset_password', expires_at: new Date(Date.now() + RESET_MINUTES * 60_000) });
        await enqueueMail(trx, {
          to: user.email as string,
          subject: mailText(user.locale, 'auth.mail.reset.subject', {}),
          text: mailText(user.locale, 'auth.mail.reset.text', { name: user.display_name, url: `${settings.baseUrl}/passwort-neu?token=${secret}`, minutes: RESET_MINUTES }),
        });
      });
      settings.mailQueued();
    },

    async isTokenUsable(token: string, purpose: 'verify_email' | 'reset_password' | 'invite'): Promise<boolean> {
      return (await repo.findUsableToken(hashSecret(token), purpose)) !== undefined;
    },

    /**
     * Sets a new password from a reset or invitation link; that link and every other one of the
     * account stop working, all sessions end, and after a reset the owner is told by mail.
     */
    async setPasswordWithToken(token: string, purpose: 'reset_password' | 'invite', password: string): Promise<boolean> {
      checkNewPassword('password', password);
      const passwordHash = await hashPassword(password);
      const changed = await db.transaction().execute(async (trx) => {
        const tx = authRepository(trx);
        const used = await tx.consumeToken(hashSecret(token), purpose);
        if (!used) return false;
        await tx.updateUser(used.user_id, { password_hash: passwordHash, ...(purpose === 'invite' ? { email_verified_at: new Date() } : {}) });
        await tx.invalidateTokens(used.user_id, ['reset_password', 'invite']);
        await tx.revokeAllSessions(used.user_id);
        const user = await tx.findUserById(used.user_id);
        if (purpose === 'reset_password' && user) await mailPasswordChanged(trx, user);
        if (purpose === 'invite') await tx.insertConsent({ user_id: used.user_id, purpose: 'privacy_notice', version: PRIVACY_NOTICE_VERSION });
        await writeAudit(trx, SYSTEM, { action: purpose === 'invite' ? 'account.invitation_accepted' : 'account.password_reset', entityType: 'user', entityId: used.user_id });
        return true;
      });
      if (changed) settings.mailQueued();
      return changed;
    },

    async changePassword(actor: UserActor, currentSessionSecret: string, current: string, next: string): Promise<void> {
      const user = await repo.findUserById(actor.userId);
      if (!user || !(await verifyPassword(user.password_hash, current))) throw new ValidationError({ currentPassword: { key: 'auth.password.current_wrong' } });
      checkNewPassword('newPassword', next, user.email);
      const passwordHash = await hashPassword(next);
      await db.transaction().execute(async (trx) => {
        const tx = authRepository(trx);
        await tx.updateUser(user.id, { password_hash: passwordHash });
        await tx.invalidateTokens(user.id, ['reset_password']);
        await tx.revokeAllSessions(user.id, hashSecret(currentSessionSecret));
        await mailPasswordChanged(trx, user);
        await writeAudit(trx, actor, { action: 'account.password_changed', entityType: 'user', entityId: user.id });
      });
      settings.mailQueued();
    },

    async setLocale(actor: UserActor, locale: Locale): Promise<void> {
      await repo.updateUser(actor.userId, { locale });
    },

    async exportData(actor: UserActor): Promise<Record<string, unknown>> {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw AppError.notFound();
      const modules: Record<string, unknown> = {};
      for (const handler of settings.personalData()) modules[handler.name] = await handler.exportFor(db, actor.userId);
      return {
        exportedAt: new Date().toISOString(),
        account: { email: user.email, displayName: user.display_name, locale: user.locale, createdAt: user.created_at, emailVerifiedAt: user.email_verified_at },
        roles: await repo.grantsOf(user.id),
        consents: await repo.consentsOf(user.id),
        sessions: (await repo.listSessions(user.id)).map((s) => ({ createdAt: s.created_at, lastSeenAt: s.last_seen_at, userAgent: s.user_agent })),
        ...modules,
      };
    },

    /** Deletes the account: personal data goes, contributions stay under "gelöschtes Konto". */
    async deleteAccount(actor: UserActor, password: string): Promise<void> {
      const user = await repo.findUserById(actor.userId);
      if (!user || !(await verifyPassword(user.password_hash, password))) throw new ValidationError({ password: { key: 'auth.password.current_wrong' } });
      await db.transaction().execute(async (trx) => {
        const tx = authRepository(trx);
        for (const handler of settings.personalData()) await handler.anonymise(trx, user.id);
        await tx.revokeAllSessions(user.id);
        await tx.deleteRolesOf(user.id);
        await tx.deleteTokensOf(user.id);
        await tx.deleteRecoveryCodes(user.id);
        await tx.updateUser(user.id, { email: null, password_hash: null, display_name: '', deleted_at: new Date(), totp_secret: null, totp_enabled_at: null });
        await writeAudit(trx, actor, { action: 'account.deleted', entityType: 'user', entityId: user.id });
      });
    },

    /** The programme office invites someone: the account exists at once, the person sets a password via the link. */
    async invite(actor: Actor, input: { email: string; displayName: string; locale: Locale }): Promise<number> {
      const existing = await repo.findUserByEmail(input.email);
      if (existing) throw new ValidationError({ email: { key: 'auth.invite.email_taken' } });
      const { secret, hash } = newSecret();
      const userId = await db.transaction().execute(async (trx) => {
        const tx = authRepository(trx);
        const user = await tx.insertUser({ email: input.email, password_hash: null, display_name: input.displayName, locale: input.locale });
        await tx.insertToken({ token_hash: hash, user_id: user.id, purpose: 'invite', expires_at: hoursFromNow(INVITE_DAYS * 24) });
        await enqueueMail(trx, {
          to: input.email,
          subject: mailText(input.locale, 'auth.mail.invite.subject', {}),
          text: mailText(input.locale, 'auth.mail.invite.text', { name: input.displayName, url: `${settings.baseUrl}/einladung?token=${secret}`, days: INVITE_DAYS }),
        });
        // The person is named by the entry's user id (looked up when shown), so deleting the account reaches it.
        await writeAudit(trx, actor, { action: 'user.invited', entityType: 'user', entityId: user.id });
        return user.id;
      });
      settings.mailQueued();
      return userId;
    },

    secondFactor: createSecondFactorService(db),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
