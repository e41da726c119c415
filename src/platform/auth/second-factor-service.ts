import type { Kysely } from 'kysely';
import { isProgrammeOffice, type UserActor } from '../access/actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Database } from '../db/schema.ts';
import { AppError, ValidationError } from '../http/errors.ts';
import { verifyPassword } from './passwords.ts';
import { authRepository } from './repository.ts';
import { acceptedStep, newRecoveryCodes, newTotpSecret, normalRecoveryCode, totpUri } from './second-factor.ts';
import { hashSecret } from './tokens.ts';

export type SecondFactorState = { enabled: true; unusedRecoveryCodes: number } | { enabled: false; secret: string; uri: string };

const wrongCode = () => new ValidationError({ code: { key: 'auth.totp.code_wrong' } });

/** Setting up, confirming and switching off the second factor of the own account. */
export function createSecondFactorService(db: Kysely<Database>) {
  const repo = authRepository(db);

  async function account(actor: UserActor) {
    const user = await repo.findUserById(actor.userId);
    if (!user) throw AppError.notFound();
    return user;
  }

  return {
    /** What the page shows: the state, or a secret to set up (made once and kept until confirmed). */
    async state(actor: UserActor): Promise<SecondFactorState> {
      const user = await account(actor);
      if (user.totp_enabled_at) return { enabled: true, unusedRecoveryCodes: await repo.unusedRecoveryCodes(user.id) };
      let secret = user.totp_secret;
      if (!secret) {
        secret = newTotpSecret();
        await repo.updateUser(user.id, { totp_secret: secret, totp_last_step: null });
      }
      return { enabled: false, secret, uri: totpUri(secret, user.email ?? user.display_name) };
    },

    /** Switches the second factor on once a code from the app matches; returns the recovery codes, shown this once. */
    async confirm(actor: UserActor, code: string): Promise<string[]> {
      const user = await account(actor);
      if (user.totp_enabled_at || !user.totp_secret) throw AppError.refused('auth.totp.not_pending');
      const step = acceptedStep(user.totp_secret, code, null);
      if (step === null) throw wrongCode();
      const codes = newRecoveryCodes();
      await db.transaction().execute(async (trx) => {
        const tx = authRepository(trx);
        await tx.updateUser(user.id, { totp_enabled_at: new Date(), totp_last_step: step });
        await tx.replaceRecoveryCodes(
          user.id,
          codes.map((c) => hashSecret(normalRecoveryCode(c))),
        );
        await writeAudit(trx, actor, { action: 'account.second_factor_enabled', entityType: 'user', entityId: user.id });
      });
      return codes;
    },

    /** New recovery codes replace the old ones; needs a current code, so a borrowed session cannot take them. */
    async renewRecoveryCodes(actor: UserActor, code: string): Promise<string[]> {
      const user = await account(actor);
      if (!user.totp_enabled_at || !user.totp_secret) throw AppError.refused('auth.totp.not_enabled');
      const step = acceptedStep(user.totp_secret, code, user.totp_last_step);
      if (step === null || !(await repo.claimTotpStep(user.id, step))) throw wrongCode();
      const codes = newRecoveryCodes();
      await repo.replaceRecoveryCodes(
        user.id,
        codes.map((c) => hashSecret(normalRecoveryCode(c))),
      );
      return codes;
    },

    /** Off again with the password; the programme office must keep it. */
    async disable(actor: UserActor, password: string): Promise<void> {
      if (isProgrammeOffice(actor) && !actor.isDemo) throw AppError.refused('auth.totp.required_for_office');
      const user = await account(actor);
      if (!(await verifyPassword(user.password_hash, password))) throw new ValidationError({ password: { key: 'auth.password.current_wrong' } });
      await db.transaction().execute(async (trx) => {
        const tx = authRepository(trx);
        await tx.updateUser(user.id, { totp_secret: null, totp_enabled_at: null, totp_last_step: null });
        await tx.deleteRecoveryCodes(user.id);
        await writeAudit(trx, actor, { action: 'account.second_factor_disabled', entityType: 'user', entityId: user.id });
      });
    },
  };
}
