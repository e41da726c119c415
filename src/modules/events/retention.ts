import type { AppServices } from '../../platform/module.ts';
import { daysBefore, type RetentionRule } from '../../platform/retention/retention.ts';
import { registrationRetentionRepository } from './retention-repository.ts';

/** The end of the evidence period: `years` after the last day of the programme. */
export function evidenceKeptUntil(programmeEnd: string, years: number): Date {
  const end = new Date(`${programmeEnd}T23:59:59.999Z`);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end;
}

/**
 * Guests' names and addresses: those who did not attend are no evidence and go after
 * GUEST_DATA_RETENTION_DAYS; attendance is evidence for the funder and stays until
 * EVIDENCE_RETENTION_YEARS after the programme ends.
 */
export function registrationRetention(services: AppServices): RetentionRule[] {
  const { guestDataRetentionDays, programmeEnd, evidenceRetentionYears } = services.config;
  return [
    {
      name: 'guest-registrations',
      setting: 'GUEST_DATA_RETENTION_DAYS',
      apply: (trx, now) => registrationRetentionRepository(trx).anonymiseWithoutAttendance(daysBefore(now, guestDataRetentionDays)),
    },
    {
      name: 'attendance-evidence',
      setting: 'EVIDENCE_RETENTION_YEARS',
      apply: async (trx, now) => (now > evidenceKeptUntil(programmeEnd, evidenceRetentionYears) ? registrationRetentionRepository(trx).anonymiseAll(now) : 0),
    },
  ];
}
