/** The participation policy as a table: who may do what with a process or contribution of town 1. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from '../../src/platform/access/actor.ts';
import { can, isAuthor, mayReadWithheld, ofTown, type ParticipationAction } from '../../src/modules/participation/policy.ts';

const TOWN = 1;
const OTHER = 2;
const user = (userId: number, grants: Array<{ role: 'coordinator' | 'trainer' | 'programme_office' | 'funder'; municipalityId: number | null }> = []): Actor => ({
  kind: 'user',
  userId,
  displayName: `U${userId}`,
  email: `u${userId}@example.org`,
  emailVerified: true,
  isDemo: false,
  grants,
});

const ROLES: Record<string, Actor> = {
  visitor: { kind: 'visitor' },
  participant: user(10),
  trainer: user(11, [{ role: 'trainer', municipalityId: null }]),
  coordinator_own: user(12, [{ role: 'coordinator', municipalityId: TOWN }]),
  coordinator_other: user(13, [{ role: 'coordinator', municipalityId: OTHER }]),
  programme_office: user(14, [{ role: 'programme_office', municipalityId: null }]),
  funder: user(15, [{ role: 'funder', municipalityId: null }]),
};

type Row = [viewPublished: boolean, viewUnpublished: boolean, manage: boolean, contribute: boolean, readWithheld: boolean];
const TABLE: Record<keyof typeof ROLES, Row> = {
  visitor: [true, false, false, false, false],
  participant: [true, false, false, true, false],
  trainer: [true, false, false, true, false],
  coordinator_own: [true, true, true, true, true],
  coordinator_other: [true, false, false, true, false],
  programme_office: [true, true, true, true, true],
  funder: [true, false, false, true, false],
};

describe('participation policy', () => {
  for (const [role, actor] of Object.entries(ROLES)) {
    it(role, () => {
      const check = (action: ParticipationAction, published?: boolean) => can(actor, action, { municipalityId: TOWN, published });
      const withheld = { municipality_id: TOWN, hidden_at: new Date(), held: false };
      assert.deepEqual([check('view', true), check('view', false), check('manage'), check('contribute'), mayReadWithheld(actor, withheld)], TABLE[role]);
      assert.equal(mayReadWithheld(actor, { municipality_id: TOWN, hidden_at: null, held: false }), true, 'what is not withheld, everyone reads');
    });
  }

  it('needs a verified address to contribute', () => {
    assert.equal(can({ ...(ROLES.participant as Extract<Actor, { kind: 'user' }>), emailVerified: false }, 'contribute', { municipalityId: TOWN }), false);
  });

  it('knows the author, and nobody is the author of an offline contribution', () => {
    assert.equal(isAuthor(ROLES.participant as Actor, { author_user_id: 10 }), true);
    assert.equal(isAuthor(ROLES.coordinator_own as Actor, { author_user_id: 10 }), false);
    assert.equal(isAuthor(ROLES.visitor as Actor, { author_user_id: null }), false);
  });

  it('finds a workspace record only in the town of the scope', () => {
    assert.deepEqual(ofTown({ id: 5, municipality_id: TOWN }, { id: TOWN }), { id: 5, municipality_id: TOWN });
    assert.throws(() => ofTown({ id: 5, municipality_id: OTHER }, { id: TOWN }), { code: 'not_found' });
    assert.throws(() => ofTown(undefined, { id: TOWN }), { code: 'not_found' });
  });
});
