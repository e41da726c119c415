import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateCompletion } from '../../src/modules/qualification/completion.ts';
import { assessmentClosesAt, assessmentWindows } from '../../src/modules/qualification/training/service.ts';

const rule = { minAttendancePercent: 80, requiresProject: true, projectStatus: 'approved' as const };

describe('completion rule of a programme', () => {
  it('is met at exactly 80 % (4 of 5) and not one session below', () => {
    assert.equal(evaluateCompletion({ ...rule, countedSessions: 5, attendedSessions: 4 }).met, true);
    assert.equal(evaluateCompletion({ ...rule, countedSessions: 5, attendedSessions: 3 }).met, false);
    const tenth = evaluateCompletion({ ...rule, countedSessions: 10, attendedSessions: 8 });
    assert.deepEqual([tenth.met, tenth.percent, tenth.neededSessions], [true, 80, 8]);
  });

  it('rounds the needed sessions up and the shown share down, so 79.x % never passes as 80 %', () => {
    const seven = evaluateCompletion({ ...rule, countedSessions: 7, attendedSessions: 5 });
    assert.deepEqual([seven.neededSessions, seven.percent, seven.attendanceMet], [6, 71, false]);
    const almost = evaluateCompletion({ ...rule, countedSessions: 9, attendedSessions: 7 });
    assert.deepEqual([almost.percent, almost.attendanceMet], [77, false]);
  });

  it('needs an approved practice project where the programme asks for one', () => {
    for (const projectStatus of [null, 'draft', 'submitted', 'changes_requested'] as const) {
      const result = evaluateCompletion({ ...rule, projectStatus, countedSessions: 5, attendedSessions: 5 });
      assert.deepEqual([result.attendanceMet, result.projectMet, result.met], [true, false, false], String(projectStatus));
    }
    assert.equal(evaluateCompletion({ ...rule, requiresProject: false, projectStatus: null, countedSessions: 5, attendedSessions: 4 }).met, true);
  });

  it('is not met without any counted session, even at a minimum of 0 %', () => {
    assert.equal(evaluateCompletion({ ...rule, countedSessions: 0, attendedSessions: 0 }).met, false);
    assert.equal(evaluateCompletion({ ...rule, minAttendancePercent: 0, countedSessions: 3, attendedSessions: 0 }).met, true);
  });
});

describe('self-assessment windows', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const session = (day: string, cancelled = false) => ({ starts_at: new Date(`${day}T09:00:00Z`), ends_at: new Date(`${day}T12:00:00Z`), cancelled_at: cancelled ? now : null });
  const none = new Set<'before' | 'after'>();
  const closes = assessmentClosesAt('2026-12-31');

  it('opens "before" until the trainee’s first session starts and "after" once the last has started', () => {
    const upcoming = [session('2026-12-01'), session('2026-12-08')];
    assert.deepEqual(assessmentWindows(upcoming, new Date('2026-11-01'), none, closes, now), { before: 'open', after: 'not_yet' });
    const running = [session('2026-11-20'), session('2026-12-08')];
    assert.deepEqual(assessmentWindows(running, new Date('2026-11-01'), none, closes, now), { before: 'closed', after: 'not_yet' });
    const over = [session('2026-11-10'), session('2026-11-20'), session('2026-12-08', true)];
    assert.deepEqual(assessmentWindows(over, new Date('2026-11-01'), none, closes, now), { before: 'closed', after: 'open' }, 'a cancelled last session does not hold "after" back');
  });

  it('lets a late trainee answer "before" until their own first session, and marks answered phases done', () => {
    const sessions = [session('2026-11-10'), session('2026-12-08')];
    assert.equal(assessmentWindows(sessions, new Date('2026-11-15'), none, closes, now).before, 'open');
    assert.deepEqual(assessmentWindows([], new Date('2026-11-15'), new Set(['before']), closes, now), { before: 'done', after: 'not_yet' });
  });

  it('closes "after" four weeks after the cohort’s end date (Berlin midnight), unless it was answered', () => {
    assert.equal(assessmentClosesAt('2026-12-31').toISOString(), '2027-01-28T23:00:00.000Z');
    assert.equal(assessmentClosesAt('2026-07-01').toISOString(), '2026-07-29T22:00:00.000Z', 'summer time');
    const over = [session('2026-11-10'), session('2026-11-20')];
    const closedAt = new Date('2026-11-25T00:00:00Z');
    assert.equal(assessmentWindows(over, new Date('2026-11-01'), none, closedAt, now).after, 'ended');
    assert.equal(assessmentWindows(over, new Date('2026-11-01'), new Set(['after']), closedAt, now).after, 'done');
  });
});
