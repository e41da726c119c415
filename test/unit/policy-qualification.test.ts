/** The qualification policy as a role × action table: who may see, run, apply to and lead what. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Actor, type RoleGrant, VISITOR } from '../../src/platform/access/actor.ts';
import { can, canEnterTrainerArea, canLeadCohort } from '../../src/modules/qualification/policy.ts';

const TRAINER_ID = 7;
const user = (userId: number, grants: RoleGrant[], emailVerified = true): Actor => ({
  kind: 'user',
  userId,
  displayName: 'Test',
  email: `u${userId}@example.org`,
  emailVerified,
  isDemo: false,
  grants,
});

const ROLES = {
  visitor: VISITOR,
  participant: user(1, []),
  unverified: user(2, [], false),
  trainer: user(TRAINER_ID, [{ role: 'trainer', municipalityId: null }]),
  other_trainer: user(8, [{ role: 'trainer', municipalityId: null }]),
  coordinator_own: user(3, [{ role: 'coordinator', municipalityId: 10 }]),
  coordinator_other: user(4, [{ role: 'coordinator', municipalityId: 20 }]),
  programme_office: user(5, [{ role: 'programme_office', municipalityId: null }]),
  funder: user(6, [{ role: 'funder', municipalityId: null }]),
} satisfies Record<string, Actor>;
type Role = keyof typeof ROLES;

const published = { published: true };
const unpublished = { published: false };
/** The cohort is led by TRAINER_ID (and lies in town 10, which does not matter for leading it). */
const cohort = { trainerIds: [TRAINER_ID] };

const ACTIONS: Record<string, (actor: Actor) => boolean> = {
  'view a published programme': (a) => can(a, 'view', published),
  'view an unpublished programme': (a) => can(a, 'view', unpublished),
  'run programmes (manage)': (a) => can(a, 'manage', published),
  'apply to a published programme': (a) => can(a, 'apply', published),
  'apply to an unpublished programme': (a) => can(a, 'apply', unpublished),
  'enter the trainer area': (a) => canEnterTrainerArea(a),
  'lead the cohort': (a) => canLeadCohort(a, cohort),
};

const Y = true;
const N = false;
// biome-ignore format: the table reads as a table
const EXPECTED: Record<string, Record<Role, boolean>> = {
  //                                    visitor participant unverified trainer other_trainer coordinator_own coordinator_other programme_office funder
  'view a published programme':        { visitor: Y, participant: Y, unverified: Y, trainer: Y, other_trainer: Y, coordinator_own: Y, coordinator_other: Y, programme_office: Y, funder: Y },
  'view an unpublished programme':     { visitor: N, participant: N, unverified: N, trainer: N, other_trainer: N, coordinator_own: N, coordinator_other: N, programme_office: Y, funder: N },
  'run programmes (manage)':           { visitor: N, participant: N, unverified: N, trainer: N, other_trainer: N, coordinator_own: N, coordinator_other: N, programme_office: Y, funder: N },
  'apply to a published programme':    { visitor: N, participant: Y, unverified: N, trainer: Y, other_trainer: Y, coordinator_own: Y, coordinator_other: Y, programme_office: Y, funder: Y },
  'apply to an unpublished programme': { visitor: N, participant: N, unverified: N, trainer: N, other_trainer: N, coordinator_own: N, coordinator_other: N, programme_office: N, funder: N },
  'enter the trainer area':            { visitor: N, participant: N, unverified: N, trainer: Y, other_trainer: Y, coordinator_own: N, coordinator_other: N, programme_office: Y, funder: N },
  'lead the cohort':                   { visitor: N, participant: N, unverified: N, trainer: Y, other_trainer: N, coordinator_own: N, coordinator_other: N, programme_office: Y, funder: N },
};

describe('qualification policy', () => {
  for (const [action, check] of Object.entries(ACTIONS)) {
    it(action, () => {
      const got = Object.fromEntries(Object.entries(ROLES).map(([role, actor]) => [role, check(actor)]));
      assert.deepEqual(got, EXPECTED[action]);
    });
  }

  it('lets no one lead a cohort because of a trainer id alone, without the trainer role', () => {
    assert.equal(canLeadCohort(user(TRAINER_ID, []), cohort), false);
    assert.equal(canLeadCohort({ kind: 'system' }, cohort), false);
  });
});
