import type { Kysely } from 'kysely';
import type { VNode } from 'preact';
import type { Database } from '../../platform/db/schema.ts';

/** The strategy summary on a municipality page; filled in once the strategy module offers it. */
export async function strategySummaryFor(_db: Kysely<Database>, _municipalityId: number, _ags: string): Promise<VNode | null> {
  return null;
}
