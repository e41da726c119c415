import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { rateLimitRepository } from '../http/rate-limit-repository.ts';
import { hashSecret } from './tokens.ts';

/** Failed sign-ins (password or second factor) per account and window, whatever the address. */
export const LOGIN_FAILURES_PER_ACCOUNT = 10;
/** Reset mails per account and window: each one lands in someone's inbox. */
export const RESETS_PER_ACCOUNT = 5;
export const ACCOUNT_WINDOW_MINUTES = 15;
const WINDOW_MS = ACCOUNT_WINDOW_MINUTES * 60_000;

/**
 * The address typed into the form is the account; also for addresses without one, so the answer
 * tells nothing. Hashed, so that the counter table holds no e-mail addresses.
 */
function accountKey(kind: 'login' | 'reset', email: string): string {
  return `account-${kind}:${hashSecret(email.trim().toLowerCase())}`;
}

function tooMany(messageKey: string): AppError {
  return new AppError('rate_limited', 429, messageKey, { minutes: ACCOUNT_WINDOW_MINUTES });
}

/**
 * Limits per account, kept in the database next to the address limits so that every instance
 * counts the same: an attacker who changes address for each guess still meets them.
 */
export function accountThrottle(db: Kysely<Database>) {
  const limits = rateLimitRepository(db);
  return {
    /** Refuses (429) while the account has used up its failed sign-ins; checked before the password, so a right one does not get through either. */
    async checkLogin(email: string): Promise<void> {
      if ((await limits.current(accountKey('login', email))) >= LOGIN_FAILURES_PER_ACCOUNT) throw tooMany('auth.login.account_locked');
    },

    /** Counts a failed sign-in; true exactly once per window, when the limit is reached (the moment to tell the owner). */
    async loginFailed(email: string): Promise<boolean> {
      const { hits } = await limits.hit(accountKey('login', email), WINDOW_MS);
      return hits === LOGIN_FAILURES_PER_ACCOUNT;
    },

    async loginSucceeded(email: string): Promise<void> {
      await limits.clear(accountKey('login', email));
    },

    async countReset(email: string): Promise<void> {
      const { hits } = await limits.hit(accountKey('reset', email), WINDOW_MS);
      if (hits > RESETS_PER_ACCOUNT) throw tooMany('auth.forgot.too_many');
    },
  };
}
