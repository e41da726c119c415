import autocannon from 'autocannon';
import type { Kysely } from 'kysely';
import { DEMO_PASSWORD } from '../src/modules/admin/demo.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { messageIdOf } from '../src/platform/mail/delivery.ts';
import type { Cluster } from '../scripts/cluster-lib.ts';
import type { ReceivedMail } from '../test/support/smtp.ts';
import { type Answer, ClusterClient } from './cluster-client.ts';
import { type ClusterData, outboxRows, storedWrites, WRITER_PASSWORD } from './cluster-data.ts';

export interface Phase {
  cluster: Cluster;
  db: Kysely<Database>;
  smtp: { mails: ReceivedMail[] };
  data: ClusterData;
  /** Seconds of each load phase. */
  duration: number;
  connections: number;
  writers: number;
  mailFrom: string;
  result(line: string): void;
  fail(line: string): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(ms: number, done: () => Promise<boolean>, step = 10): Promise<number | null> {
  const started = Date.now();
  while (!(await done())) {
    if (Date.now() - started > ms) return null;
    await sleep(step);
  }
  return Date.now() - started;
}

function countBy(items: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The session cookie made by signing in on the first instance opens /konto on every instance. */
export async function sessionsAcrossInstances(p: Phase): Promise<ClusterClient> {
  const [first] = p.cluster.instances;
  if (!first) throw new Error('no instance');
  const coordinator = new ClusterClient(first.url, '127.0.0.2');
  await coordinator.login(p.data.coordinator.email, DEMO_PASSWORD);
  let valid = 0;
  for (const instance of [...p.cluster.instances.map((i) => i.url), p.cluster.url]) {
    const page = await coordinator.get('/konto', instance);
    if (page.status === 200 && page.body.includes(p.data.coordinator.email)) valid++;
  }
  const all = p.cluster.instances.length + 1;
  p.result(`cluster_session_on_every_instance valid=${valid}/${all} (signed in on instance 0; /konto on each instance and through nginx)`);
  if (valid !== all) p.fail(`cluster_session_on_every_instance: the session opened /konto on ${valid} of ${all}`);
  return coordinator;
}

/** Wrong passwords from one address, spread by nginx over the instances: the limit (10 a minute) counts them all. */
export async function rateLimitAcrossInstances(p: Phase): Promise<void> {
  const client = new ClusterClient(p.cluster.url, '127.0.0.3');
  const limit = 10;
  const statuses: number[] = [];
  const upstreams = new Set<string>();
  for (let i = 0; i < limit + 5; i++) {
    const answer = await client.post('/anmelden', { email: `niemand-${i}@cluster.invalid`, password: 'falsch-falsch-falsch' }, '/anmelden');
    statuses.push(answer.status);
    upstreams.add(String(answer.headers['x-vv-upstream'] ?? ''));
  }
  client.close();
  const refused = statuses.filter((s) => s === 429).length;
  const allowed = statuses.length - refused;
  p.result(`cluster_rate_limit limit=${limit} attempts=${statuses.length} allowed=${allowed} refused=${refused} instances_answering=${upstreams.size}`);
  if (allowed !== limit || upstreams.size < 2) p.fail(`cluster_rate_limit: ${allowed} of ${statuses.length} attempts allowed over ${upstreams.size} instances (limit ${limit})`);
}

/** Whether every queued mail to `prefix…` arrived once: by the Message-ID of its outbox row. */
async function mailCheck(p: Phase, prefix: string, waitMs = 120_000) {
  const drained = await waitFor(
    waitMs,
    async () => {
      const rows = await outboxRows(p.db, prefix);
      return rows.length > 0 && rows.every((r) => r.sent_at !== null);
    },
    100,
  );
  // A mail whose sending was cut by a kill may reach the server once more while the outbox drains.
  await sleep(1000);
  const rows = await outboxRows(p.db, prefix);
  const expected = new Set(rows.map((r) => messageIdOf(r.id, r.created_at, p.mailFrom)));
  const received = countBy(p.smtp.mails.filter((m) => m.to.startsWith(prefix)).map((m) => m.messageId));
  const missing = [...expected].filter((id) => !received.has(id)).length;
  const twice = [...received.values()].filter((n) => n === 2).length;
  const more = [...received.values()].filter((n) => n > 2).length;
  const unknown = [...received.keys()].filter((id) => !expected.has(id)).length;
  return { drainedMs: drained, queued: rows.length, received: [...received.values()].reduce((a, b) => a + b, 0), missing, twice, more, unknown };
}

function reportMail(p: Phase, name: string, mail: Awaited<ReturnType<typeof mailCheck>>, killed: number): void {
  p.result(
    `${name} queued=${mail.queued} received=${mail.received} missing=${mail.missing} twice_same_message_id=${mail.twice} more_than_twice=${mail.more} all_sent_after_ms=${mail.drainedMs ?? 'never'}`,
  );
  if (mail.missing || mail.more || mail.unknown || mail.drainedMs === null) p.fail(`${name}: ${JSON.stringify(mail)}`);
  // SMTP cannot take part in our transaction: a kill between the server's "250 OK" and the COMMIT
  // sends that mail again (same Message-ID). At most a few per killed instance; without kills none.
  if (mail.twice > killed * 3) p.fail(`${name}: ${mail.twice} mails twice for ${killed} killed instance(s)`);
}

/** Guests register through nginx while every instance runs: each confirmation goes out once. */
export async function mailsOnce(p: Phase): Promise<void> {
  const path = `/veranstaltungen/${p.data.eventId}/anmeldung`;
  const clients = [0, 1, 2, 3].map((i) => new ClusterClient(p.cluster.url, `127.0.0.${4 + i}`));
  let answered = 0;
  await Promise.all(
    clients.map(async (client, c) => {
      for (let i = 0; i < 10; i++) {
        const answer = await client.post(path, { name: `Gast ${c}-${i}`, email: `once-${c}-${i}@cluster.invalid`, privacy: 'on' }, path);
        if (answer.status === 303) answered++;
      }
      client.close();
    }),
  );
  if (answered !== 40) p.fail(`cluster_mail_once: ${answered} of 40 registrations answered 303`);
  reportMail(p, 'cluster_mail_once', await mailCheck(p, 'once-'), 0);
}

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A coordinator publishes an event through instance A; instance B had the town's list for that day cached. */
export async function propagation(p: Phase, coordinator: ClusterClient): Promise<void> {
  const [a, b] = p.cluster.instances;
  if (!a || !b) throw new Error('two instances needed');
  const { ags } = p.data.coordinator;
  const visitor = new ClusterClient(b.url, '127.0.0.9');
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const date = day(200 + run);
    const list = `/kommunen/${ags}/veranstaltungen?von=${date}&bis=${date}`;
    const cached = await waitFor(5000, async () => (await visitor.get(list)).headers['x-page-cache'] === 'hit', 50);
    if (cached === null) {
      p.fail('cluster_change_visible_elsewhere: instance B never served the list from its cache');
      return;
    }
    const title = `Clustertreffen ${run}`;
    const form = `/verwaltung/${ags}/veranstaltungen/neu`;
    const created = await coordinator.post(
      form,
      { title, format: 'dialogue', mode: 'in_person', venue: 'Rathaus', startsAt: `${date}T18:00`, endsAt: `${date}T20:00`, capacity: '10', languages: 'de', published: 'on' },
      form,
      a.url,
    );
    if (created.status !== 303) {
      p.fail(`cluster_change_visible_elsewhere: creating the event answered ${created.status}`);
      return;
    }
    const took = await waitFor(5000, async () => (await visitor.get(list)).body.includes(title), 5);
    if (took === null) {
      p.fail(`cluster_change_visible_elsewhere: "${title}" not on instance B within 5 s`);
      return;
    }
    times.push(took);
  }
  visitor.close();
  p.result(`cluster_change_visible_elsewhere runs=${times.length} median_ms=${median(times)} max_ms=${Math.max(...times)} (aim < 1000)`);
  if (Math.max(...times) >= 1000) p.fail(`cluster_change_visible_elsewhere: ${Math.max(...times)} ms`);
}

/** Visitors' GETs through nginx while one instance is killed with SIGKILL and started again. */
export async function getUnderKill(p: Phase): Promise<void> {
  const victim = 1;
  const paths = ['/', '/veranstaltungen', `/kommunen/${p.data.coordinator.ags}`, '/beteiligung', `/veranstaltungen/${p.data.eventId}`, '/kommunen?q=Bad', '/qualifizierung'];
  const statuses = new Map<number, number>();
  let restartMs = 0;
  let instance: autocannon.Instance | undefined;
  const run = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url: p.cluster.url, connections: p.connections, duration: p.duration, requests: paths.map((path) => ({ method: 'GET' as const, path })) }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
  instance?.on('response', (_client, status) => statuses.set(status, (statuses.get(status) ?? 0) + 1));
  const errorKinds = new Map<string, number>();
  const startedAt = Date.now();
  let killedAt = 0;
  instance?.on('reqError', (error: Error & { code?: string }) => {
    const kind = `${error.code ?? error.message}@${Math.round((Date.now() - startedAt) / 100) / 10}s`;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  });
  const chaos = (async () => {
    await sleep(p.duration * 300);
    killedAt = Date.now() - startedAt;
    await p.cluster.kill(victim);
    await sleep(p.duration * 300);
    const started = Date.now();
    await p.cluster.restart(victim);
    restartMs = Date.now() - started;
  })();
  const result = await run;
  await chaos;
  const failed = result.non2xx + result.errors;
  p.result(
    `cluster_get_under_sigkill requests=${result.requests.total} rps=${Math.round(result.requests.average)} p97_5_ms=${result.latency.p97_5} failed=${failed} non2xx=${result.non2xx} errors=${result.errors} timeouts=${result.timeouts} statuses=${JSON.stringify(Object.fromEntries(statuses))} restart_ms=${restartMs} killed_at_ms=${killedAt} errors_by_kind=${JSON.stringify(Object.fromEntries(errorKinds))}`,
  );
  if (failed > 0) p.fail(`cluster_get_under_sigkill: ${failed} failed GETs`);
}

interface Outcome {
  acknowledged: Set<string>;
  attempted: number;
  firstTryFailed: number;
  failedAfterRetry: number;
  failures: Map<string, number>;
}

/**
 * `writers` people at once through nginx. Each alternates: registering a new guest for the event,
 * and (signed in) supporting the next proposal. A write that fails is tried once more, as a person
 * would press the button again. `stop()` ends the stream.
 */
function writeStream(p: Phase, options: { prefix: string; supports: boolean; retry: boolean }) {
  const { data } = p;
  const outcome: Outcome = { acknowledged: new Set(), attempted: 0, firstTryFailed: 0, failedAfterRetry: 0, failures: new Map() };
  let stopped = false;
  const note = (what: string) => outcome.failures.set(what, (outcome.failures.get(what) ?? 0) + 1);
  const attempt = async (run: () => Promise<Answer>, ok: (a: Answer) => boolean): Promise<boolean> => {
    try {
      const answer = await run();
      if (ok(answer)) return true;
      note(String(answer.status));
    } catch (error) {
      note((error as Error).message.slice(0, 40));
    }
    return false;
  };
  const writer = async (w: number) => {
    const address = `127.0.0.${20 + w}`;
    const guest = new ClusterClient(p.cluster.url, address);
    const person = new ClusterClient(p.cluster.url, address);
    if (options.supports) await person.login(data.writers[w] as string, WRITER_PASSWORD);
    const mine = data.proposalIds.filter((_, i) => i % p.writers === w);
    const registration = `/veranstaltungen/${data.eventId}/anmeldung`;
    for (let n = 0; !stopped; n++) {
      let key: string;
      let run: () => Promise<Answer>;
      let ok: (a: Answer) => boolean;
      const proposal = mine[n >> 1];
      if (options.supports && n % 2 === 1 && proposal !== undefined) {
        key = `${proposal}:${data.writers[w]}`;
        const page = `/beteiligung/${data.processId}/vorschlaege/${proposal}`;
        run = () => person.post(`${page}/unterstuetzen`, {}, page);
        ok = (a) => a.status === 303 && a.headers.location === page;
      } else {
        const email = `${options.prefix}${w}-${n}@cluster.invalid`;
        key = email;
        run = () => guest.post(registration, { name: `Gast ${w}-${n}`, email, privacy: 'on' }, registration);
        ok = (a) => a.status === 303 && a.headers.location === `/veranstaltungen/${data.eventId}`;
      }
      outcome.attempted++;
      if (await attempt(run, ok)) {
        outcome.acknowledged.add(key);
        continue;
      }
      outcome.firstTryFailed++;
      if (!options.retry) {
        await sleep(100);
        continue;
      }
      await sleep(250);
      if (await attempt(run, ok)) outcome.acknowledged.add(key);
      else outcome.failedAfterRetry++;
    }
    guest.close();
    person.close();
  };
  const running = Promise.all(Array.from({ length: p.writers }, (_, w) => writer(w)));
  return {
    outcome,
    async stop() {
      stopped = true;
      await running;
    },
  };
}

/** What the clients were told against what the database holds. */
async function compare(p: Phase, prefix: string, outcome: Outcome, supportsToo: boolean) {
  const stored = await storedWrites(p.db, p.data.eventId, p.data.proposalIds);
  const registrations = countBy(stored.registrations.filter((e) => e.startsWith(prefix)));
  const supports = new Set(stored.supports);
  const lost = [...outcome.acknowledged].filter((key) => (key.includes(':') ? !supports.has(key) : !registrations.has(key))).length;
  const perProposal = countBy(stored.supports.map((s) => s.split(':')[0] as string));
  const counterDrift = stored.counters.filter((c) => c.support_count !== (perProposal.get(String(c.id)) ?? 0)).length;
  const doubled = [...registrations.values()].filter((n) => n > 1).length + counterDrift;
  // Supports of earlier phases are in the table too: the support phase runs once, before the crash.
  const storedKeys = [...registrations.keys(), ...(supportsToo ? stored.supports : [])];
  const unacknowledged = storedKeys.filter((key) => !outcome.acknowledged.has(key)).length;
  return { lost, doubled, unacknowledged, stored: storedKeys.length };
}

/** Eight writers through nginx while another instance is killed with SIGKILL and started again. */
export async function writesUnderKill(p: Phase): Promise<void> {
  const victim = p.cluster.instances.length - 1;
  const stream = writeStream(p, { prefix: 'write-', supports: true, retry: true });
  await sleep(p.duration * 350);
  await p.cluster.kill(victim);
  await sleep(p.duration * 300);
  await p.cluster.restart(victim);
  await sleep(p.duration * 350);
  await stream.stop();
  const { outcome } = stream;
  const seen = await compare(p, 'write-', outcome, true);
  p.result(
    `cluster_writes_under_sigkill writers=${p.writers} writes=${outcome.attempted} acknowledged=${outcome.acknowledged.size} first_try_failed=${outcome.firstTryFailed} failed_after_retry=${outcome.failedAfterRetry} lost=${seen.lost} doubled=${seen.doubled} stored_without_acknowledgement=${seen.unacknowledged} failures=${JSON.stringify(Object.fromEntries(outcome.failures))}`,
  );
  if (seen.lost || seen.doubled) p.fail(`cluster_writes_under_sigkill: ${seen.lost} lost, ${seen.doubled} doubled`);
  reportMail(p, 'cluster_writes_mail', await mailCheck(p, 'write-'), 1);
}

/** Crash safety: every instance killed at once in the middle of a stream of writes, then started again. */
export async function crashEveryInstance(p: Phase): Promise<void> {
  const stream = writeStream(p, { prefix: 'crash-', supports: false, retry: false });
  await sleep(p.duration * 400);
  const count = p.cluster.instances.length;
  await Promise.all(p.cluster.instances.map((i) => p.cluster.kill(i.index)));
  await sleep(1000);
  await stream.stop();
  const { outcome } = stream;
  const seen = await compare(p, 'crash-', outcome, false);
  const started = Date.now();
  await Promise.all(p.cluster.instances.map((i) => p.cluster.restart(i.index)));
  const restartMs = Date.now() - started;
  p.result(
    `cluster_crash_all_instances instances=${count} writes=${outcome.attempted} acknowledged=${outcome.acknowledged.size} failed_visibly=${outcome.firstTryFailed} lost=${seen.lost} doubled=${seen.doubled} stored_without_acknowledgement=${seen.unacknowledged} restart_ms=${restartMs}`,
  );
  if (seen.lost || seen.doubled) p.fail(`cluster_crash_all_instances: ${seen.lost} lost, ${seen.doubled} doubled`);
  reportMail(p, 'cluster_crash_mail', await mailCheck(p, 'crash-'), count);
}

/**
 * An upgrade: each instance in turn stopped with SIGTERM and started again, while writers and
 * visitors go on through nginx. Nothing should fail: nginx sends new requests to the others.
 */
export async function rollingRestart(p: Phase): Promise<void> {
  const stream = writeStream(p, { prefix: 'roll-', supports: false, retry: false });
  let instance: autocannon.Instance | undefined;
  const paths = ['/', '/veranstaltungen', `/veranstaltungen/${p.data.eventId}`];
  const load = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url: p.cluster.url, connections: 4, duration: 600, requests: paths.map((path) => ({ method: 'GET' as const, path })) }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
  await sleep(2000);
  const started = Date.now();
  for (const one of p.cluster.instances) await p.cluster.restart(one.index);
  const tookMs = Date.now() - started;
  await sleep(2000);
  instance?.stop();
  await stream.stop();
  const gets = await load;
  const { outcome } = stream;
  const seen = await compare(p, 'roll-', outcome, false);
  p.result(
    `cluster_rolling_restart instances=${p.cluster.instances.length} took_ms=${tookMs} writes=${outcome.attempted} writes_failed=${outcome.firstTryFailed} lost=${seen.lost} doubled=${seen.doubled} gets=${gets.requests.total} gets_failed=${gets.non2xx + gets.errors} failures=${JSON.stringify(Object.fromEntries(outcome.failures))}`,
  );
  if (outcome.firstTryFailed || gets.non2xx || gets.errors || seen.lost || seen.doubled) p.fail('cluster_rolling_restart: requests failed while instances were restarted one by one');
}
