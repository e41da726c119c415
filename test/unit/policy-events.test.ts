import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { can, cancellationRefusal, EVENT_ACTIONS, type EventAction, eventOfTown, registrationOfEvent } from '../../src/modules/events/policy.ts';
import { type Actor, type RoleGrant, VISITOR } from '../../src/platform/access/actor.ts';
import { AppError } from '../../src/platform/http/errors.ts';

const OWN = 1;
const OTHER = 2;

function user(grants: RoleGrant[]): Actor {
  return { kind: 'user', userId: 7, displayName: 'Test', email: 'test@example.org', emailVerified: true, isDemo: false, grants };
}

const ROLES = {
  visitor: VISITOR,
  participant: user([]),
  trainer: user([{ role: 'trainer', municipalityId: null }]),
  coordinator_own: user([{ role: 'coordinator', municipalityId: OWN }]),
  coordinator_other: user([{ role: 'coordinator', municipalityId: OTHER }]),
  programme_office: user([{ role: 'programme_office', municipalityId: null }]),
  funder: user([{ role: 'funder', municipalityId: null }]),
} satisfies Record<string, Actor>;
type Role = keyof typeof ROLES;

/** Allowed actions per role, on an event of OWN that is published or not yet. */
const MATRIX: Record<'published' | 'draft', Record<Role, EventAction[]>> = {
  published: {
    visitor: ['view', 'register'],
    participant: ['view', 'register'],
    trainer: ['view', 'register'],
    coordinator_own: ['view', 'manage', 'register'],
    coordinator_other: ['view', 'register'],
    programme_office: ['view', 'manage', 'register'],
    funder: ['view', 'register'],
  },
  draft: {
    visitor: [],
    participant: [],
    trainer: [],
    coordinator_own: ['view', 'manage'],
    coordinator_other: [],
    programme_office: ['view', 'manage'],
    funder: [],
  },
};

describe('event policy', () => {
  for (const [state, rows] of Object.entries(MATRIX)) {
    for (const [role, allowed] of Object.entries(rows) as Array<[Role, EventAction[]]>) {
      it(`${role} on a ${state} event of the own town may ${allowed.join(', ') || 'nothing'}`, () => {
        const event = { municipalityId: OWN, published: state === 'published' };
        assert.deepEqual(
          EVENT_ACTIONS.filter((action) => can(ROLES[role], action, event)),
          allowed,
        );
      });
    }
  }

  it('lets the system actor (jobs) not register', () => {
    assert.equal(can({ kind: 'system' }, 'register', { municipalityId: OWN, published: true }), false);
  });

  it('finds an event only inside the town of the scope', () => {
    const event = { id: 5, municipality_id: OWN };
    assert.equal(eventOfTown(event, { id: OWN }), event);
    for (const [found, town] of [
      [event, { id: OTHER }],
      [undefined, { id: OWN }],
    ] as const) {
      assert.throws(
        () => eventOfTown(found, town),
        (error: unknown) => error instanceof AppError && error.status === 404,
      );
    }
  });

  it('finds a registration only inside the event of the URL', () => {
    const registration = { id: 9, event_id: 5 };
    assert.equal(registrationOfEvent(registration, { id: 5 }), registration);
    for (const [found, event] of [
      [registration, { id: 6 }],
      [undefined, { id: 5 }],
    ] as const) {
      assert.throws(
        () => registrationOfEvent(found, event),
        (error: unknown) => error instanceof AppError && error.status === 404,
      );
    }
  });

  it('allows cancellation until the start; after it, the person never, the coordinator only someone not checked in', () => {
    const startsAt = new Date('2026-06-01T16:00:00Z');
    const before = new Date('2026-06-01T15:59:59Z');
    const after = new Date('2026-06-01T16:00:00Z');
    const event = { starts_at: startsAt };
    const table: Array<[Date, 'person' | 'coordinator', boolean, string | null]> = [
      [before, 'person', false, null],
      [before, 'person', true, null],
      [before, 'coordinator', true, null],
      [after, 'person', false, 'events.errors.cancel_after_start'],
      [after, 'person', true, 'events.errors.cancel_after_start'],
      [after, 'coordinator', false, null],
      [after, 'coordinator', true, 'events.manage.cancel_attended'],
    ];
    for (const [now, by, attended, expected] of table) assert.equal(cancellationRefusal(event, { attended }, by, now), expected, `${by} ${attended ? 'checked in' : 'absent'} at ${now.toISOString()}`);
  });
});
