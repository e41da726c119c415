import type { Kysely } from 'kysely';
import type { Database } from '../../../src/platform/db/schema.ts';

/** The two demo towns of the pass: the caller works for OWN; every foreign object belongs to FOREIGN. */
export const OWN = '06431002'; // Bensheim
export const FOREIGN = '06431020'; // Viernheim

export interface ForeignFixtures {
  db: Kysely<Database>;
  ownId: number;
  foreignId: number;
  /** Ids of the accounts the pass signs in with. */
  users: { coordinator: number; trainer: number; participant: number; office: number };
}

/**
 * One id-taking route, sent with a valid request in which one id (in the URL or the body) points to
 * an object of another town, event, survey or cohort. The pass expects 404 or a field error (422)
 * and compares `snapshot` before and after: nothing may change.
 */
export interface ForeignCase {
  /** Who sends it: the coordinator of OWN, a trainer who leads an OWN cohort, a participant, or the programme office. */
  as: 'coordinator' | 'trainer' | 'participant' | 'office';
  request: (f: ForeignFixtures) => Promise<{ path: string; form?: Record<string, string | string[]> }>;
  /** What must stay as it was, e.g. the rows the request would have touched. */
  snapshot: (f: ForeignFixtures) => Promise<unknown>;
  /** Allowed answers; default 404 and 422. */
  expect?: number[];
}

/** A route that takes an id but has no foreign object to point at (the id is the caller's own, or checked elsewhere), with the reason. */
export interface NotApplicable {
  notApplicable: string;
}

export type ForeignCases = Record<string, ForeignCase | NotApplicable>;
