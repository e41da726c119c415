/**
 * npm run bench: a Land-scale data set on PostgreSQL, the real app and a bare Fastify route in one
 * process, measured with autocannon from a worker thread; then the first start and a restart of
 * `src/main.ts` on an empty PGlite data dir.
 * Prints one line per scenario: RESULT <scenario> rps=<n> p95_ms=<n> ratio=<rps / baseline rps>
 * Environment: BENCH_PG_URL (server, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_DB (database to create and drop, default vv_bench), BENCH_DURATION (seconds per scenario,
 * default 10), BENCH_CONNECTIONS (default 32), BENCH_KEEP=1 (keep the database),
 * BENCH_SCENARIOS (comma-separated names; skips the startup measurement).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { allModules, buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openPostgres } from '../src/platform/db/connect.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { seedInstallation } from '../src/platform/db/seed.ts';
import { createTranslator } from '../src/platform/i18n/catalog.ts';
import { eventRepository } from '../src/modules/events/repository.ts';
import { signatureListPdf } from '../src/modules/events/signature-list.ts';
import { generateLandScale } from './generate.ts';
import { generateEvents } from './generate-events.ts';
import { generateParticipation } from './generate-participation.ts';
import { generateQualification } from './generate-qualification.ts';
import { trainingRepository } from '../src/modules/qualification/training/repository.ts';
import { completionFor } from '../src/modules/qualification/completion.ts';
import { measure } from './load.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Another run against the same server and name would drop this one's database: give it its own with BENCH_DB.
const DATABASE = process.env.BENCH_DB ?? 'vv_bench';
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(DATABASE)) throw new Error('BENCH_DB must be a plain lower-case identifier');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WARMUP = 2;
for (const [name, value] of Object.entries({ BENCH_DURATION: DURATION, BENCH_CONNECTIONS: CONNECTIONS })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
}

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(text: string, values: unknown[] = []): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function dropDatabase(): Promise<void> {
  // pg's pool.end() resolves before its sockets are closed; a forced drop at that moment makes the
  // closing connections report "terminating connection due to administrator command".
  for (let i = 0; i < 50; i++) {
    const [row] = await admin('select count(*)::int as n from pg_stat_activity where datname = $1', [DATABASE]);
    if (row?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await admin(`drop database if exists ${DATABASE} with (force)`);
}

interface Startup {
  /** Wall time from spawning the process to its "running" log line: what an operator waits for. */
  wall: number;
  /** The app's own startupMs (without starting Node and compiling TypeScript with tsx). */
  app: number;
}

function startOnce(dataDir: string): Promise<Startup> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'true', LOG_LEVEL: 'info' };
  // The start is measured on PGlite with demo data, whatever the caller's shell says.
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    let ready: Startup | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('start took longer than 120 s'));
    }, 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (ready) return;
      buffer += chunk.toString();
      // Only whole lines: a chunk may end in the middle of the JSON.
      const line = buffer
        .split('\n')
        .slice(0, -1)
        .find((l) => l.includes('"startupMs"'));
      if (!line) return;
      let logged: { startupMs?: unknown; engine?: unknown };
      try {
        logged = JSON.parse(line);
      } catch {
        logged = {};
      }
      if (typeof logged.startupMs !== 'number' || logged.engine !== 'pglite') {
        child.kill('SIGKILL');
        reject(new Error(`unexpected "running" line (not PGlite?): ${line}`));
        return;
      }
      ready = { wall: Date.now() - started, app: logged.startupMs };
      child.kill('SIGTERM');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`src/main.ts exited (code ${code}, signal ${signal}) before it was running`));
      else if (code !== 0) reject(new Error(`src/main.ts did not shut down cleanly on SIGTERM (code ${code}, signal ${signal})`));
      else resolve(ready);
    });
  });
}

async function startupTimes(): Promise<{ first: Startup; restart: Startup }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vv-bench-start-'));
  try {
    const first = await startOnce(dataDir);
    const restart = await startOnce(dataDir);
    return { first, restart };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A page that answers 200 but shows none of the data would be a cheap benchmark: one look before measuring. */
async function check(url: string, mustContain: string[]): Promise<string | undefined> {
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200) return `GET ${url} answered ${response.status}`;
  const missing = mustContain.filter((text) => !body.includes(text));
  if (missing.length) return `GET ${url} does not show ${missing.map((m) => JSON.stringify(m)).join(', ')}`;
  return undefined;
}

/**
 * Guests registering for one event as fast as they can: each request a new person, until the seats
 * are gone and then onto the waiting list. Afterwards every answered registration must be in the
 * table exactly once, and exactly the capacity confirmed.
 */
async function registrationRun(db: Kysely<Database>, appUrl: string, baselineRps: number): Promise<string[]> {
  const capacity = 500;
  const town = await db.selectFrom('programme_participations').select('municipality_id').orderBy('municipality_id').executeTakeFirstOrThrow();
  const startsAt = new Date(Date.now() + 14 * 86_400_000);
  const { id } = await db
    .insertInto('events')
    .values({
      municipality_id: town.municipality_id,
      title: 'Anmeldelauf',
      format: 'dialogue',
      mode: 'in_person',
      venue: 'Halle',
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 7200_000),
      capacity,
      published: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const page = await fetch(`${appUrl}/veranstaltungen/${id}/anmeldung`);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!token) return ['FAILED anmeldung: no CSRF token on the registration page'];
  const result = await measure({
    url: `${appUrl}/veranstaltungen/${id}/anmeldung`,
    connections: CONNECTIONS,
    duration: DURATION,
    post: { cookie, body: `name=Gast+{n}&email=gast-{n}%40lauf.invalid&privacy=on&_csrf=${encodeURIComponent(token)}` },
  });
  const rows = await db
    .selectFrom('event_registrations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>(sql`distinct lower(email)`).as('people')])
    .where('event_id', '=', id)
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  const stored = count('confirmed') + count('waiting');
  const people = rows.reduce((sum, r) => sum + Number(r.people), 0);
  const answered = result.statuses[303] ?? 0;
  const problems: string[] = [];
  if (result.non2xx || result.errors) problems.push(`${result.non2xx} failed answers and ${result.errors} errors: ${JSON.stringify(result.statuses)}`);
  // Requests still in flight when the run stops are stored but not counted as answered: at most one per connection.
  if (stored < answered) problems.push(`${answered} registrations answered, only ${stored} stored`);
  if (stored > answered + CONNECTIONS) problems.push(`${stored} stored for ${answered} answered registrations`);
  if (people !== stored) problems.push(`${stored - people} double registrations`);
  if (count('confirmed') !== Math.min(capacity, answered)) problems.push(`${count('confirmed')} confirmed for ${capacity} seats`);
  console.log(
    `RESULT anmeldung rps=${Math.round(result.rps)} p95_ms=${Math.round(result.p95)} ratio=${(result.rps / baselineRps).toFixed(2)} confirmed=${count('confirmed')} waiting=${count('waiting')} lost=${Math.max(0, answered - stored)} double=${stored - people}`,
  );
  return problems.map((p) => `FAILED anmeldung: ${p}`);
}

/** The participant list of the busiest event (200 people) as PDF, the query included: median of 20 runs. */
async function signatureListTiming(db: Kysely<Database>): Promise<void> {
  const event = await db.selectFrom('events').select('id').where('capacity', '=', 250).orderBy('id').executeTakeFirstOrThrow();
  const repo = eventRepository(db);
  const t = createTranslator('de');
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const detail = await repo.event(event.id);
    const people = (await repo.participantList(event.id)).filter((p) => p.status === 'confirmed');
    const pdf = await signatureListPdf(
      {
        title: detail?.title ?? '',
        startsAt: detail?.starts_at ?? new Date(),
        endsAt: detail?.ends_at ?? new Date(),
        place: detail?.venue ?? '',
        municipality: detail?.municipality_name ?? '',
        rows: people.map((p) => ({ name: p.name, organisation: p.organisation, homeTown: p.home_town })),
      },
      t,
      'de',
    );
    times.push(performance.now() - started);
    bytes = pdf.length;
    if (people.length !== 200) throw new Error(`the busiest event has ${people.length} confirmed people, expected 200`);
  }
  times.sort((a, b) => a - b);
  console.log(`RESULT teilnahmeliste_pdf_200 ms=${Math.round(times[10] as number)} max_ms=${Math.round(times.at(-1) as number)} bytes=${bytes}`);
}

/** What a trainer's cohort page computes for a cohort of 30: sessions, progress per trainee with the rule, competence change. */
async function cohortProgressTiming(db: Kysely<Database>): Promise<void> {
  const cohort = await db
    .selectFrom('cohorts as c')
    .innerJoin('qualification_programmes as p', 'p.id', 'c.programme_id')
    .select(['c.id', 'c.programme_id', 'p.min_attendance_percent', 'p.requires_project'])
    .where('c.title', 'like', 'Kohorte %-%')
    .orderBy('c.id')
    .executeTakeFirstOrThrow();
  const training = trainingRepository(db);
  const times: number[] = [];
  let met = 0;
  let people = 0;
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const [sessions, progress, change] = await Promise.all([training.sessions(cohort.id), training.progress(cohort.id), training.competenceChange(cohort.id, cohort.programme_id, true)]);
    met = progress.filter((p) => completionFor(cohort, p).met).length;
    people = progress.length;
    times.push(performance.now() - started);
    if (sessions.length !== 10 || people !== 30 || change.some((c) => c.before === null))
      throw new Error(`cohort ${cohort.id}: ${sessions.length} sessions, ${people} trainees, change ${JSON.stringify(change)}`);
  }
  times.sort((a, b) => a - b);
  console.log(`RESULT kohorte_30_fortschritt ms=${times[10]?.toFixed(1)} max_ms=${times.at(-1)?.toFixed(1)} trainees=${people} completed=${met}`);
}

async function main(): Promise<void> {
  await admin(`drop database if exists ${DATABASE} with (force)`);
  await admin(`create database ${DATABASE}`);
  const handle = openPostgres(databaseUrl(DATABASE), 20);
  const dataDir = mkdtempSync(join(tmpdir(), 'vv-bench-'));
  try {
    await migrateToLatest(handle.db);
    const config = loadConfig({
      DATABASE_URL: databaseUrl(DATABASE),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
      PORT: '0',
      GUEST_REGISTRATIONS_PER_MINUTE: '0',
    });
    const app = await buildApp({ config, handle, startJobs: false });
    await seedInstallation({ services: app.services, modules: allModules(), demo: false, log: () => {} });
    const generationStart = Date.now();
    const counts = { ...(await generateLandScale(handle.db)), ...(await generateParticipation(handle.db)), ...(await generateEvents(handle.db)), ...(await generateQualification(handle.db)) };
    console.log(
      `generated in ${Date.now() - generationStart} ms: ${Object.entries(counts)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );

    const appUrl = await app.fastify.listen({ port: 0, host: '127.0.0.1' });
    const baseline = Fastify({ logger: false });
    baseline.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<!DOCTYPE html><html lang="de"><title>Baseline</title><p>Hallo</p></html>'));
    const baselineUrl = await baseline.listen({ port: 0, host: '127.0.0.1' });

    const busiest = await handle.db
      .selectFrom('measures')
      .innerJoin('municipalities', 'municipalities.id', 'measures.municipality_id')
      .select(['municipalities.ags', 'municipalities.name', 'municipalities.county_ags', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['municipalities.ags', 'municipalities.name', 'municipalities.county_ags'])
      .orderBy('n', 'desc')
      .orderBy('municipalities.ags')
      .limit(1)
      .executeTakeFirstOrThrow();
    const nameFragment = busiest.name.slice(0, 4);
    const firstProcess = await handle.db.selectFrom('participation_processes').select('id').orderBy('id').executeTakeFirstOrThrow();
    const discussed = await handle.db.selectFrom('proposals').select(['id', 'process_id']).where('comment_count', '=', 200).orderBy('id').executeTakeFirstOrThrow();
    const survey = await handle.db.selectFrom('surveys').select('id').orderBy('id').executeTakeFirstOrThrow();
    const upcoming = await handle.db.selectFrom('events').select(['id', 'title']).where('starts_at', '>', new Date()).orderBy('starts_at').orderBy('id').executeTakeFirstOrThrow();
    const programme = await handle.db.selectFrom('qualification_programmes').select('id').where('title', '=', 'Programm 1').executeTakeFirstOrThrow();
    const eventFilter = `format=dialogue&sprache=tr&barrierefrei=step_free&von=${new Date().toISOString().slice(0, 10)}`;
    // [name, url, texts the page must show]: each page must really show the generated data.
    const scenarios: Array<[string, string, string[]]> = [
      ['baseline', `${baselineUrl}/`, ['Hallo']],
      ['kommunen', `${appUrl}/kommunen`, ['href="/kommunen/06']],
      ['kommunen_filtered', `${appUrl}/kommunen?q=${encodeURIComponent(nameFragment)}&kreis=${busiest.county_ags}&groesse=target&teilnahme=ja&sort=-population`, [busiest.name]],
      ['kommune', `${appUrl}/kommunen/${busiest.ags}`, [busiest.name, 'Ortsteil 1']],
      ['umsetzung', `${appUrl}/kommunen/${busiest.ags}/umsetzung`, [busiest.name, 'Maßnahme ']],
      ['vorschlaege', `${appUrl}/beteiligung/${firstProcess.id}`, ['Vorschlag', 'Unterstützungen']],
      ['vorschlaege_unterstuetzt', `${appUrl}/beteiligung/${firstProcess.id}?sort=supported`, ['Unterstützungen']],
      ['vorschlaege_suche', `${appUrl}/beteiligung/${firstProcess.id}?q=Vereine`, ['Verein']],
      ['vorschlag_200_kommentare', `${appUrl}/beteiligung/${discussed.process_id}/vorschlaege/${discussed.id}`, ['200 Kommentare']],
      ['umfrage_ergebnisse', `${appUrl}/umfragen/${survey.id}/ergebnisse`, ['500 Antworten']],
      ['veranstaltungen_filter', `${appUrl}/veranstaltungen?${eventFilter}`, ['Bürgerdialog', 'Plätzen frei']],
      ['veranstaltung', `${appUrl}/veranstaltungen/${upcoming.id}`, [upcoming.title, 'Jetzt anmelden']],
      ['qualifizierung_programm', `${appUrl}/qualifizierung/${programme.id}`, ['Programm 1', 'Modul 6', 'Kohorte ']],
    ];
    const only = process.env.BENCH_SCENARIOS?.split(',').map((n) => n.trim());
    const unknown = only?.filter((n) => !scenarios.some(([name]) => name === n) && n !== 'anmeldung' && n !== 'teilnahmeliste_pdf' && n !== 'kohorte') ?? [];
    if (unknown.length) throw new Error(`BENCH_SCENARIOS: unknown ${unknown.join(', ')}; known: ${scenarios.map(([n]) => n).join(', ')}`);
    console.log(`${busiest.name} (${busiest.ags}) with ${busiest.n} measures; ${CONNECTIONS} connections, ${DURATION} s each after ${WARMUP} s warm-up, load from a worker thread`);

    let baselineRps = 0;
    const failures: string[] = [];
    for (const [name, url, mustContain] of scenarios.filter(([n]) => !only || n === 'baseline' || only.includes(n))) {
      // A failed scenario gets no RESULT line: the number of a 404 page would be read as a result.
      const problem = await check(url, mustContain);
      if (problem) {
        failures.push(`FAILED ${name}: ${problem}`);
        console.error(failures.at(-1));
        continue;
      }
      await measure({ url, connections: CONNECTIONS, duration: WARMUP });
      const result = await measure({ url, connections: CONNECTIONS, duration: DURATION });
      if (result.non2xx > 0 || result.errors > 0 || result.requests === 0) {
        failures.push(`FAILED ${name}: ${result.non2xx} non-2xx responses and ${result.errors} errors (${result.timeouts} timeouts) in ${result.requests} responses`);
        console.error(failures.at(-1));
        continue;
      }
      if (name === 'baseline') baselineRps = result.rps;
      if (!baselineRps) throw new Error('the baseline failed, so no ratio can be computed');
      console.log(`RESULT ${name} rps=${Math.round(result.rps)} p95_ms=${Math.round(result.p95)} ratio=${(result.rps / baselineRps).toFixed(2)}`);
    }
    if (!only || only.includes('anmeldung')) failures.push(...(await registrationRun(handle.db, appUrl, baselineRps)));
    if (!only || only.includes('teilnahmeliste_pdf')) await signatureListTiming(handle.db);
    if (!only || only.includes('kohorte')) await cohortProgressTiming(handle.db);
    await baseline.close();
    await app.close();

    if (!only) {
      const startup = await startupTimes();
      console.log(`RESULT startup_first ms=${startup.first.wall}`);
      console.log(`RESULT startup_restart ms=${startup.restart.wall}`);
      console.log(`startup as the app logs it (startupMs, without Node and tsx): first ${startup.first.app} ms, restart ${startup.restart.app} ms`);
    }
    if (failures.length) throw new Error(`${failures.length} scenario(s) failed:\n${failures.join('\n')}`);
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP !== '1') await dropDatabase();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
