/** The strategy policy as a table: who may do what with a town's strategy, and the one object-level check. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { belongsToTown, can, isAdopted, ownRecord, type StrategyAction, type StrategyResource } from '../../src/modules/strategy/policy.ts';
import type { Actor, RoleGrant } from '../../src/platform/access/actor.ts';
import { AppError } from '../../src/platform/http/errors.ts';

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

const CASES: Array<{ action: StrategyAction; resource: StrategyResource; label: string; allowed: Who[] }> = [
  { label: 'view the public state of implementation', action: 'view_public', resource: { municipalityId: OWN }, allowed: Object.keys(ACTORS) as Who[] },
  { label: 'manage the workspace', action: 'manage', resource: { municipalityId: OWN }, allowed: ['coordinator_own', 'programme_office'] },
  { label: "read an adopted version's document", action: 'read_document', resource: { municipalityId: OWN, adopted: true }, allowed: Object.keys(ACTORS) as Who[] },
  { label: "read a draft's document", action: 'read_document', resource: { municipalityId: OWN, adopted: false }, allowed: ['coordinator_own', 'programme_office'] },
  { label: 'read a document whose state is not known', action: 'read_document', resource: { municipalityId: OWN }, allowed: ['coordinator_own', 'programme_office'] },
];

describe('strategy policy', () => {
  for (const c of CASES) {
    for (const [who, actor] of Object.entries(ACTORS) as Array<[Who, Actor]>) {
      const expected = c.allowed.includes(who);
      it(`${who} ${expected ? 'may' : 'may not'} ${c.label}`, () => {
        assert.equal(can(actor, c.action, c.resource), expected);
      });
    }
  }

  it('counts a version as adopted once it has an adoption date', () => {
    assert.equal(isAdopted({ adopted_on: '2026-03-01' }), true);
    assert.equal(isAdopted({ adopted_on: null }), false);
  });

  it("finds a record only under its own town's address", () => {
    const field = { id: 5, municipality_id: OWN, name: 'Bildung' };
    assert.equal(ownRecord(field, { id: OWN }), field);
    assert.equal(belongsToTown(field, { id: OWN }), true);
    assert.equal(belongsToTown(field, { id: OTHER }), false);
    assert.equal(belongsToTown(undefined, { id: OWN }), false);
    for (const [record, town] of [
      [field, { id: OTHER }],
      [undefined, { id: OWN }],
    ] as const) {
      assert.throws(
        () => ownRecord(record, town),
        (error: unknown) => error instanceof AppError && error.status === 404,
      );
    }
  });
});
