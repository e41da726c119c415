import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { ProgrammeKind } from './tables.ts';

/**
 * The roles accounts hold from their qualification, for other modules (the network shows its
 * people with them instead of having them typed again): a valid, unrevoked certificate of a
 * programme for Vielfaltsmanager:innen or multipliers.
 */
export async function qualifiedRoles(db: Kysely<Database>, userIds: number[]): Promise<Map<number, ProgrammeKind[]>> {
  const roles = new Map<number, ProgrammeKind[]>();
  if (userIds.length === 0) return roles;
  const rows = await db
    .selectFrom('certificates as c')
    .innerJoin('enrolments as e', 'e.id', 'c.enrolment_id')
    .innerJoin('cohorts as co', 'co.id', 'e.cohort_id')
    .innerJoin('qualification_programmes as p', 'p.id', 'co.programme_id')
    .select(['e.user_id', 'p.kind'])
    .distinct()
    .where('c.revoked_at', 'is', null)
    .where('e.user_id', 'in', userIds)
    .where('p.kind', 'in', ['diversity_manager', 'multiplier'])
    .orderBy('e.user_id')
    .orderBy('p.kind')
    .execute();
  for (const row of rows) {
    if (row.user_id === null) continue;
    roles.set(row.user_id, [...(roles.get(row.user_id) ?? []), row.kind]);
  }
  return roles;
}
