import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { can, partOfSurvey, SURVEY_ACTIONS, type SurveyAction, surveyOfTown } from '../../src/modules/surveys/policy.ts';
import { type Actor, type RoleGrant, VISITOR } from '../../src/platform/access/actor.ts';
import { AppError } from '../../src/platform/http/errors.ts';

const OWN = 1;
const OTHER = 2;

function user(grants: RoleGrant[], emailVerified = true): Actor {
  return { kind: 'user', userId: 7, displayName: 'Test', email: 'test@example.org', emailVerified, isDemo: false, grants };
}

const ROLES = {
  visitor: VISITOR,
  participant: user([]),
  unverified: user([], false),
  trainer: user([{ role: 'trainer', municipalityId: null }]),
  coordinator_own: user([{ role: 'coordinator', municipalityId: OWN }]),
  coordinator_other: user([{ role: 'coordinator', municipalityId: OTHER }]),
  programme_office: user([{ role: 'programme_office', municipalityId: null }]),
  funder: user([{ role: 'funder', municipalityId: null }]),
} satisfies Record<string, Actor>;
type Role = keyof typeof ROLES;

/** Allowed actions per role, on a survey of OWN that is published or still a draft. */
const MATRIX: Record<'published' | 'draft', Record<Role, SurveyAction[]>> = {
  published: {
    visitor: ['view'],
    participant: ['view', 'answer'],
    unverified: ['view'],
    trainer: ['view', 'answer'],
    coordinator_own: ['view', 'manage', 'answer'],
    coordinator_other: ['view', 'answer'],
    programme_office: ['view', 'manage', 'answer'],
    funder: ['view', 'answer'],
  },
  draft: {
    visitor: [],
    participant: [],
    unverified: [],
    trainer: [],
    coordinator_own: ['view', 'manage'],
    coordinator_other: [],
    programme_office: ['view', 'manage'],
    funder: [],
  },
};

describe('survey policy', () => {
  for (const [state, rows] of Object.entries(MATRIX)) {
    for (const [role, allowed] of Object.entries(rows) as Array<[Role, SurveyAction[]]>) {
      it(`${role} on a ${state} survey of the own town may ${allowed.join(', ') || 'nothing'}`, () => {
        const survey = { municipalityId: OWN, published: state === 'published' };
        const actual = SURVEY_ACTIONS.filter((action) => can(ROLES[role], action, survey));
        assert.deepEqual(actual, allowed);
      });
    }
  }

  it('finds a survey only in its own town, else "not found"', () => {
    const survey = { id: 5, municipality_id: OWN };
    assert.equal(surveyOfTown(survey, { id: OWN }), survey);
    assert.throws(
      () => surveyOfTown(survey, { id: OTHER }),
      (e) => e instanceof AppError && e.status === 404,
    );
    assert.throws(
      () => surveyOfTown(undefined, { id: OWN }),
      (e) => e instanceof AppError && e.status === 404,
    );
  });

  it('finds a question or answer only in its own survey, else "not found"', () => {
    const question = { id: 9, survey_id: 5 };
    assert.equal(partOfSurvey(question, { id: 5 }), question);
    assert.throws(
      () => partOfSurvey(question, { id: 6 }),
      (e) => e instanceof AppError && e.status === 404,
    );
    assert.throws(
      () => partOfSurvey(undefined, { id: 5 }),
      (e) => e instanceof AppError && e.status === 404,
    );
  });
});
