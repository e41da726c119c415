/**
 * Retention periods: the daily job deletes ended sessions and e-mail links, removes guests' names and
 * addresses from registrations nobody attended after GUEST_DATA_RETENTION_DAYS, keeps attendance as
 * evidence until EVIDENCE_RETENTION_YEARS after the programme ends, keeps the statistical answers,
 * and writes each step to the audit log. The clock is moved by passing the day to apply.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { addRegistration, createEvent } from '../support/factories/events.ts';
import { createUser, municipalityId } from '../support/users.ts';

const DAY = 86_400_000;

describe('retention periods', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  const now = new Date('2026-06-15T12:00:00Z');
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const ids: Record<string, number> = {};

  before(async () => {
    t = await startTestApp({ env: { PROGRAMME_END: '2027-12-31', EVIDENCE_RETENTION_YEARS: '5', GUEST_DATA_RETENTION_DAYS: '180', SESSION_RETENTION_DAYS: '30', AUTH_TOKEN_RETENTION_DAYS: '7' } });
    db = t.app.services.db;
    const user = await createUser(db, { email: 'person@example.org' });
    ids.user = user.id;
    const session = (id: string, expires: Date, revoked: Date | null = null) => ({ id_hash: id, user_id: user.id, last_seen_at: at(-60), expires_at: expires, revoked_at: revoked });
    await db
      .insertInto('sessions')
      .values([session('expired-long-ago', at(-40)), session('signed-out-long-ago', at(10), at(-31)), session('expired-yesterday', at(-1)), session('current', at(20))])
      .execute();
    const token = (hash: string, expires: Date, used: Date | null = null) => ({ token_hash: hash, user_id: user.id, purpose: 'reset_password' as const, expires_at: expires, used_at: used });
    await db
      .insertInto('auth_tokens')
      .values([token('used-long-ago', at(5), at(-8)), token('expired-long-ago', at(-8)), token('used-today', at(1), at(0)), token('open', at(1))])
      .execute();

    const town = await municipalityId(db, '06431002');
    ids.oldEvent = await createEvent(db, { municipalityId: town, title: 'Dialog vor einem Jahr', startsAt: at(-200) });
    ids.recentEvent = await createEvent(db, { municipalityId: town, title: 'Dialog vor zehn Tagen', startsAt: at(-10) });
    ids.attended = await addRegistration(db, ids.oldEvent, { name: 'Anwesende Person', attended: true });
    ids.noShow = await addRegistration(db, ids.oldEvent, { name: 'Nicht erschienen' });
    ids.cancelled = await addRegistration(db, ids.oldEvent, { name: 'Abgesagt', status: 'cancelled' });
    ids.account = await addRegistration(db, ids.oldEvent, { name: 'Mit Konto', userId: user.id, email: null });
    ids.recent = await addRegistration(db, ids.recentEvent, { name: 'Kürzlich angemeldet' });
    await db.updateTable('event_registrations').set({ sex: 'female', age_group: '25_54', third_country: 'yes', organisation: 'Verein', home_town: 'Bensheim' }).execute();
  });
  after(() => t.close());

  const registration = (id: number) => db.selectFrom('event_registrations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const retentionLog = () => db.selectFrom('audit_log').select(['entity_id', 'after']).where('action', '=', 'retention.applied').orderBy('id').execute();

  it('deletes sessions and e-mail links past their period and keeps the rest', async () => {
    const done = await t.app.applyRetention(now);
    assert.equal(done.sessions, 2);
    assert.equal(done['auth-tokens'], 2);
    const sessions = (await db.selectFrom('sessions').select('id_hash').orderBy('id_hash').execute()).map((s) => s.id_hash);
    assert.deepEqual(sessions, ['current', 'expired-yesterday']);
    const tokens = (await db.selectFrom('auth_tokens').select('token_hash').orderBy('token_hash').execute()).map((r) => r.token_hash);
    assert.deepEqual(tokens, ['open', 'used-today']);
  });

  it('removed the names and addresses of guests who did not attend an event half a year ago, and kept their answers for the statistics', async () => {
    for (const id of [ids.noShow, ids.cancelled] as number[]) {
      const row = await registration(id);
      assert.deepEqual([row.name, row.email, row.organisation, row.home_town], ['', null, '', '']);
      assert.deepEqual([row.sex, row.age_group, row.third_country], ['female', '25_54', 'yes'], 'the AMIF answers stay');
    }
    assert.equal((await registration(ids.attended as number)).name, 'Anwesende Person', 'attendance is evidence and stays');
    assert.equal((await registration(ids.recent as number)).name, 'Kürzlich angemeldet', 'a recent event keeps its guests');
    assert.equal((await registration(ids.account as number)).name, 'Mit Konto', 'an account holder’s data goes with the account, not here');
    const attendance = await db
      .selectFrom('event_registrations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', ids.oldEvent as number)
      .executeTakeFirstOrThrow();
    assert.equal(Number(attendance.n), 4, 'no registration is deleted: the counts stay');
  });

  it('writes what each rule did to the audit log, and a second run changes and logs nothing', async () => {
    const log = await retentionLog();
    assert.deepEqual(
      log.map((e) => [e.entity_id, (e.after as { count: number }).count]),
      [
        ['sessions', 2],
        ['auth-tokens', 2],
        ['guest-registrations', 2],
      ],
    );
    const again = await t.app.applyRetention(now);
    assert.ok(
      Object.values(again).every((n) => n === 0),
      JSON.stringify(again),
    );
    assert.equal((await retentionLog()).length, log.length);
  });

  it('keeps attendance until five years after the programme, and removes the guests’ names after that', async () => {
    const lastDayOfEvidence = new Date('2032-12-31T12:00:00Z');
    const before = await t.app.applyRetention(lastDayOfEvidence);
    assert.equal(before['guest-registrations'], 1, 'by then the recent event’s guest, who did not attend, is past the half year too');
    assert.equal(before['attendance-evidence'], 0);
    assert.equal((await registration(ids.attended as number)).name, 'Anwesende Person');
    const done = await t.app.applyRetention(new Date('2033-01-01T12:00:00Z'));
    assert.equal(done['attendance-evidence'], 1, 'the attended guest');
    const row = await registration(ids.attended as number);
    assert.deepEqual([row.name, row.email, row.attended, row.sex], ['', null, true, 'female']);
    assert.equal((await registration(ids.account as number)).name, 'Mit Konto');
  });

  it('refuses a programme end that is no date at start', async () => {
    await assert.rejects(startTestApp({ env: { PROGRAMME_END: '31.12.2027' } }), /PROGRAMME_END must be a date/);
  });
});
