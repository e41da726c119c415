import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from '../../src/app.ts';
import { enqueueMail } from '../../src/platform/mail/outbox.ts';
import { startPeerApp, startTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/database.ts';
import { createEvent } from '../support/factories/events.ts';
import { HttpClient } from '../support/http-client.ts';
import { type AppProcess, startAppProcess } from '../support/processes.ts';
import { type ReceivedMail, startSmtpServer } from '../support/smtp.ts';
import { municipalityId } from '../support/users.ts';

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

async function within(ms: number, done: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  while (!(await done())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the mail outbox with several instances', () => {
  let t: TestApp;
  let smtp: Smtp;
  let peer: App | undefined;

  before(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
    if (testEngine() === 'postgres') peer = await startPeerApp(t, { env: { SMTP_URL: smtp.url } });
  });
  after(async () => {
    await peer?.close();
    await t?.close();
    await smtp?.close();
  });

  it('sends each mail once while instances drain the same outbox at the same time', async () => {
    const count = 60;
    for (let i = 0; i < count; i++) await enqueueMail(t.app.services.db, { to: `person-${i}@example.org`, subject: `Nachricht ${i}`, text: `Hallo ${i}` });
    // Each instance runs several deliveries at once, as its job worker and a trigger would.
    const drains = [t.app, peer ?? t.app].flatMap((app) => [app.deliverMail(), app.deliverMail(), app.deliverMail()]);
    const delivered = (await Promise.all(drains)).reduce((sum, n) => sum + n, 0);
    assert.equal(delivered, count);
    assert.equal(smtp.mails.length, count);
    assert.equal(new Set(smtp.mails.map((m) => m.to)).size, count, 'every address got its mail');
    assert.equal(new Set(smtp.mails.map((m) => m.messageId)).size, count, 'no Message-ID twice');
    const left = await t.app.services.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sent_at', 'is', null)
      .executeTakeFirstOrThrow();
    assert.equal(left.n, 0);
    assert.equal(await (peer ?? t.app).deliverMail(), 0, 'nothing is sent again');
  });
});

// A process of its own on PostgreSQL, killed with SIGKILL in the middle of a stream of registrations.
describe('crash safety of writes and the outbox', { skip: testEngine() !== 'postgres' }, () => {
  let t: TestApp;
  let smtp: Smtp;
  let running: AppProcess | undefined;

  before(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp();
  });
  after(async () => {
    await running?.kill();
    await t?.close();
    await smtp?.close();
  });

  it('loses no committed registration and, after the restart, sends each confirmation once', { timeout: 300_000 }, async () => {
    const db = t.app.services.db;
    const eventId = await createEvent(db, { municipalityId: await municipalityId(db, '06431002'), title: 'Großer Empfang', capacity: 100_000 });
    const env = {
      DATABASE_URL: t.database.url ?? '',
      DATA_DIR: t.dataDir,
      SMTP_URL: smtp.url,
      DEMO_DATA: 'false',
      PAGE_CACHE_SECONDS: '0',
      GUEST_REGISTRATIONS_PER_MINUTE: '0',
      SESSION_SECRET: 'crash-secret-crash-secret-crash-secret-1',
    };
    running = await startAppProcess(env);
    const app = running;

    const committed: string[] = [];
    const failed: string[] = [];
    let stop = false;
    let sequence = 0;
    // Four visitors register one after another as fast as they can, each keeping its CSRF cookie.
    const writer = async (w: number) => {
      const client = new HttpClient(app.url);
      while (!stop) {
        const email = `gast-${w}-${sequence++}@example.org`;
        try {
          const response = await client.post(`/veranstaltungen/${eventId}/anmeldung`, { name: `Gast ${w}`, email, privacy: 'on' }, `/veranstaltungen/${eventId}/anmeldung`);
          if (response.status === 303) committed.push(email);
          else failed.push(`${email}: ${response.status}`);
        } catch {
          // The process is gone: this request failed visibly; it may or may not have committed.
          failed.push(email);
          return;
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await within(120_000, async () => committed.length >= 80);
    await app.kill();
    stop = true;
    await Promise.all(writers);
    assert.ok(
      failed.every((entry) => !entry.includes(':')),
      `only the cut requests fail: ${failed.filter((f) => f.includes(':')).join(', ')}`,
    );

    // Every answer 303 is a committed row, exactly once.
    const rows = await db.selectFrom('event_registrations').select(['email']).where('event_id', '=', eventId).execute();
    const stored = countBy(rows, (r) => r.email ?? '');
    for (const email of committed) assert.equal(stored.get(email), 1, `${email} was confirmed to the visitor and must be stored once`);
    assert.ok(
      [...stored.values()].every((n) => n === 1),
      'no registration twice',
    );
    const outbox = await db.selectFrom('mail_outbox').select(['id', 'to_address']).where('to_address', 'like', 'gast-%').execute();
    assert.equal(outbox.length, rows.length, 'each stored registration queued its confirmation in the same transaction');

    // After the restart the outbox resumes by itself and sends what was left.
    running = await startAppProcess(env);
    await within(120_000, async () => {
      const left = await db
        .selectFrom('mail_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sent_at', 'is', null)
        .executeTakeFirstOrThrow();
      return left.n === 0;
    });
    const received = smtp.mails.filter((m: ReceivedMail) => m.to.startsWith('gast-'));
    const byMessage = countBy(received, (m) => m.messageId);
    assert.equal(byMessage.size, outbox.length, 'every queued mail arrived');
    assert.deepEqual(new Set(received.map((m) => m.to)), new Set(outbox.map((m) => m.to_address)));
    // SMTP cannot take part in our transaction: a kill between the server's "250 OK" and our COMMIT
    // sends that one mail again after the restart, under the same Message-ID. Any other twice is a bug.
    const twice = [...byMessage].filter(([, n]) => n > 1);
    assert.ok(twice.length <= 1 && twice.every(([, n]) => n === 2), `sent more than once: ${JSON.stringify(twice)}`);
    await running.stop();
    running = undefined;
  });
});
