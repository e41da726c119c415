/** The network policy as a table: who may see the directory, an organisation, and manage a town's network; and the one object-level check. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { belongsToTown, can, type NetworkAction, type NetworkResource, ownRecord } from '../../src/modules/network/policy.ts';
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
const EVERYONE = Object.keys(ACTORS) as Who[];
const MANAGERS: Who[] = ['coordinator_own', 'programme_office'];

const CASES: Array<{ action: NetworkAction; resource: NetworkResource; label: string; allowed: Who[] }> = [
  { label: 'view the public directory', action: 'view_directory', resource: { municipalityId: OWN }, allowed: EVERYONE },
  { label: 'view a public organisation', action: 'view_organisation', resource: { municipalityId: OWN, isPublic: true }, allowed: EVERYONE },
  { label: 'view an unpublished organisation', action: 'view_organisation', resource: { municipalityId: OWN, isPublic: false }, allowed: MANAGERS },
  { label: 'manage organisations, people, memberships and cooperations', action: 'manage', resource: { municipalityId: OWN }, allowed: MANAGERS },
];

describe('network policy', () => {
  for (const c of CASES) {
    for (const [who, actor] of Object.entries(ACTORS) as Array<[Who, Actor]>) {
      const expected = c.allowed.includes(who);
      it(`${who} ${expected ? 'may' : 'may not'} ${c.label}`, () => {
        assert.equal(can(actor, c.action, c.resource), expected);
      });
    }
  }

  it("finds a record only under its own town's address", () => {
    const organisation = { id: 5, municipality_id: OWN, name: 'Verein' };
    assert.equal(ownRecord(organisation, { id: OWN }), organisation);
    assert.equal(belongsToTown(organisation, { id: OWN }), true);
    assert.equal(belongsToTown(organisation, { id: OTHER }), false);
    assert.equal(belongsToTown(undefined, { id: OWN }), false);
    for (const [record, town] of [
      [organisation, { id: OTHER }],
      [undefined, { id: OWN }],
    ] as const) {
      assert.throws(
        () => ownRecord(record, town),
        (error: unknown) => error instanceof AppError && error.status === 404,
      );
    }
  });
});
