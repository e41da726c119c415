/** The admin policy as a role × action table: only the programme office may do anything in its area. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADMIN_ACTIONS, type AdminAction, can } from '../../src/modules/admin/policy.ts';
import { type Actor, type RoleGrant, VISITOR } from '../../src/platform/access/actor.ts';

const OWN = 1;
const OTHER = 2;

function person(grants: RoleGrant[]): Actor {
  return { kind: 'user', userId: 10, displayName: 'Test', email: 'test@example.org', emailVerified: true, isDemo: false, grants };
}

const ROLES = {
  visitor: VISITOR,
  participant: person([]),
  trainer: person([{ role: 'trainer', municipalityId: null }]),
  'coordinator own town': person([{ role: 'coordinator', municipalityId: OWN }]),
  'coordinator other town': person([{ role: 'coordinator', municipalityId: OTHER }]),
  'programme office': person([{ role: 'programme_office', municipalityId: null }]),
  funder: person([{ role: 'funder', municipalityId: null }]),
  'coordinator and funder': person([
    { role: 'coordinator', municipalityId: OWN },
    { role: 'funder', municipalityId: null },
  ]),
} satisfies Record<string, Actor>;

const NONE = { manage_users: false, manage_participation: false, read_audit_log: false, read_outbox: false };
const ALL = { manage_users: true, manage_participation: true, read_audit_log: true, read_outbox: true };

/** Who may do what: every action is the office's alone, also for people with several other roles. */
const TABLE: Record<keyof typeof ROLES, Record<AdminAction, boolean>> = {
  visitor: NONE,
  participant: NONE,
  trainer: NONE,
  'coordinator own town': NONE,
  'coordinator other town': NONE,
  'programme office': ALL,
  funder: NONE,
  'coordinator and funder': NONE,
};

describe('admin policy', () => {
  for (const [role, actor] of Object.entries(ROLES) as Array<[keyof typeof ROLES, Actor]>) {
    for (const action of ADMIN_ACTIONS) {
      const expected = TABLE[role][action];
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        assert.equal(can(actor, action), expected);
      });
    }
  }

  it('keeps jobs and seeds (the system actor) out of the office area: they act through services, not these pages', () => {
    for (const action of ADMIN_ACTIONS) assert.equal(can({ kind: 'system' }, action), false);
  });
});
