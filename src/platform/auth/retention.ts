import type { AppServices } from '../module.ts';
import { daysBefore, type RetentionRule } from '../retention/retention.ts';
import { accountRetentionRepository } from './retention-repository.ts';

/** Ended sessions and used or expired e-mail links serve nobody after a short while (docs/privacy.md). */
export function accountRetention(services: AppServices): RetentionRule[] {
  const { sessionRetentionDays, authTokenRetentionDays } = services.config;
  return [
    {
      name: 'sessions',
      setting: 'SESSION_RETENTION_DAYS',
      apply: (trx, now) => accountRetentionRepository(trx).deleteSessionsEndedBefore(daysBefore(now, sessionRetentionDays)),
    },
    {
      name: 'auth-tokens',
      setting: 'AUTH_TOKEN_RETENTION_DAYS',
      apply: (trx, now) => accountRetentionRepository(trx).deleteTokensEndedBefore(daysBefore(now, authTokenRetentionDays)),
    },
  ];
}
