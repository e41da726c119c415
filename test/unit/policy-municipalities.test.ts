/** The municipalities policy as a table: the register is public, districts and internal figures belong to the town's coordinators, programme participation to the office. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { can, type MunicipalityAction } from '../../src/modules/municipalities/policy.ts';
import type { Actor, RoleGrant } from '../../src/platform/access/actor.ts';

const OWN = 10;
const OTHER = 20;

function user(grants: RoleGrant[]): Actor {
  return { kind: 'user', userId: 1, displayName: 'Test', email: 'test@example.org', emailVerified: true, isDemo: false, grants };
}

const ACTORS = {
  visitor: { kind: 'visitor' },
  participant: user([]),
  trainer: user([{ role: 'trainer', municipalityId: null }]),
  coordinator_own: user([{ role: 'coordinator', municipalityId: OWN }]),
  coordinator_other: user([{ role: 'coordinator', municipalityId: OTHER }]),
  programme_office: user([{ role: 'programme_office', municipalityId: null }]),
  funder: user([{ role: 'funder', municipalityId: null }]),
} satisfies Record<string, Actor>;
type Who = keyof typeof ACTORS;
const EVERYONE = Object.keys(ACTORS) as Who[];
const MANAGERS: Who[] = ['coordinator_own', 'programme_office'];

const CASES: Array<{ action: MunicipalityAction; label: string; allowed: Who[] }> = [
  { label: 'view the register and the town page', action: 'view', allowed: EVERYONE },
  { label: "manage the town's districts", action: 'manage_districts', allowed: MANAGERS },
  { label: "see the town's internal figures", action: 'view_internal', allowed: MANAGERS },
  { label: 'change which towns take part in the programme', action: 'manage_participation', allowed: ['programme_office'] },
];

describe('municipalities policy', () => {
  for (const c of CASES) {
    for (const [who, actor] of Object.entries(ACTORS) as Array<[Who, Actor]>) {
      const expected = c.allowed.includes(who);
      it(`${who} ${expected ? 'may' : 'may not'} ${c.label}`, () => {
        assert.equal(can(actor, c.action, { id: OWN }), expected);
      });
    }
  }
});
