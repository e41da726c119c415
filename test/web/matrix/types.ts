import type { Kysely } from 'kysely';
import type { Database } from '../../../src/platform/db/schema.ts';

export const OWN = '06431002'; // Bensheim, participating in the demo
export const FOREIGN = '06431020'; // Viernheim, participating in the demo

export const ROLES = ['visitor', 'participant', 'trainer', 'coordinator_own', 'coordinator_foreign', 'programme_office', 'funder'] as const;
export type Role = (typeof ROLES)[number];

/**
 * ok: allowed (2xx, or 3xx other than to the login); invalid: allowed, and the deliberately empty
 * or incomplete form comes back with its messages (422); login: sent to sign in (401 or a redirect
 * to /anmelden); the rest by status (403, 404, 400).
 */
export type Expect = 'ok' | 'invalid' | 'login' | 'forbidden' | 'not_found' | 'bad_request';
export type Matrix = Record<Role, Expect>;

export const all = (expect: Expect): Matrix => Object.fromEntries(ROLES.map((r) => [r, expect])) as Matrix;
export const PUBLIC = all('ok');
export const SIGNED_IN: Matrix = { ...all('ok'), visitor: 'login' };
export const COORDINATOR: Matrix = { ...all('forbidden'), visitor: 'login', coordinator_own: 'ok', programme_office: 'ok' };
export const OFFICE: Matrix = { ...all('forbidden'), visitor: 'login', programme_office: 'ok' };
export const FUNDER: Matrix = { ...all('forbidden'), visitor: 'login', funder: 'ok', programme_office: 'ok' };
export const COHORT_LEADS: Matrix = { ...all('forbidden'), visitor: 'login', trainer: 'ok', programme_office: 'ok' };
export const TRAINEE: Matrix = { ...all('not_found'), visitor: 'login', participant: 'ok' };

/** The same matrix where those allowed in get the form back with its messages (422). */
export function invalidFor(matrix: Matrix): Matrix {
  return Object.fromEntries(Object.entries(matrix).map(([role, expect]) => [role, expect === 'ok' ? 'invalid' : expect])) as Matrix;
}

export interface Fixtures {
  db: Kysely<Database>;
  ownId: number;
}

export interface Entry {
  expect: Matrix;
  /** The concrete URL; placeholders are filled per request (some create a fresh record each time). */
  path?: string | ((f: Fixtures) => Promise<string>);
  form?: Record<string, string>;
  /** Requests that end the session run on a session of their own. */
  ownSession?: boolean;
  /**
   * Why the handler, not the route's declared access, refuses (403) or sends to the login a role
   * the declared access lets in: e.g. only accepted multipliers keep a reach log. Without it,
   * every refusal must follow from the declared access.
   */
  refusedByHandler?: string;
}

export type Entries = Record<string, Entry>;
