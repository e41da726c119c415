/**
 * Open data: every collection as CSV and JSON with its declared columns and nothing personal in it
 * (no e-mail address, no account's name, no meeting link), suppressed survey counts, and the read
 * API /api/v1: cursor paging with a maximum page size, filters, ETag/If-None-Match, Last-Modified,
 * CORS, problem details for errors, the rate limit, and the OpenAPI document generated from the routes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { Kysely } from 'kysely';
import { buildBulk, bulkInfo } from '../../src/modules/opendata/index.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const MEETING = /(zoom\.us|meet\.google|teams\.microsoft|webex|jitsi|bigbluebutton|meet\.jit\.si|\/j\/\d)/i;

describe('open data and read API', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let ids: string[];
  const get = (url: string, headers: Record<string, string> = {}) => t.app.fastify.inject({ method: 'GET', url, headers });

  before(async () => {
    t = await startTestApp({ variant: 'demo' });
    db = t.app.services.db;
    ids = t.app.modules.flatMap((m) => m.openData ?? []).map((c) => c.id);
    // The office approves this year's programme report: its indicator values become public (suppressed).
    await db
      .insertInto('monitoring_reports')
      .values({ municipality_id: null, period: String(new Date().getUTCFullYear()), status: 'approved', decided_at: new Date() })
      .execute();
  });
  after(() => t.close());

  it('lists every collection on the open-data page with its files and columns', async () => {
    const page = await get('/opendata');
    assert.equal(page.statusCode, 200);
    for (const id of ids) {
      assert.ok(page.body.includes(`href="/opendata/${id}.csv"`), id);
      assert.ok(page.body.includes(`href="/api/v1/${id}"`), id);
    }
    assert.ok(ids.length >= 12, `collections: ${ids.join(', ')}`);
  });

  it('serves every collection as CSV and JSON with the declared columns, and nothing personal', async () => {
    const accounts = (await db.selectFrom('users').select(['display_name', 'email']).execute()).map((u) => u.display_name).filter((n) => n.length > 6);
    const links = (await db.selectFrom('events').select('online_url').where('online_url', '<>', '').execute()).map((e) => e.online_url);
    let rowsSeen = 0;
    for (const collection of t.app.modules.flatMap((m) => m.openData ?? [])) {
      const columns = Object.keys(collection.row.properties);
      const json = await get(`/opendata/${collection.id}.json`);
      assert.equal(json.statusCode, 200, collection.id);
      const body = json.json() as { data: Array<Record<string, unknown>>; count: number };
      assert.equal(body.count, body.data.length);
      for (const row of body.data) assert.deepEqual(Object.keys(row), columns, collection.id);
      rowsSeen += body.data.length;
      const csv = await get(`/opendata/${collection.id}.csv`);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.equal(csv.body.split('\n')[0]?.replace(/^\uFEFF/, ''), columns.join(';'));
      for (const text of [json.body, csv.body]) {
        assert.doesNotMatch(text, EMAIL, `${collection.id} holds an e-mail address`);
        assert.doesNotMatch(text, MEETING, `${collection.id} holds a meeting link`);
        for (const link of links) assert.ok(!text.includes(link), `${collection.id} holds the meeting link ${link}`);
        for (const name of accounts) assert.ok(!text.includes(name), `${collection.id} names the account ${name}`);
      }
    }
    assert.ok(rowsSeen > 421, 'the demo data fills the collections');
  });

  it('publishes the key figures of approved reports only, as frozen, with small person counts withheld', async () => {
    type Row = { level: string; ags: string | null; indicator_code: string; unit: string; period: string; value: number | null; withheld: boolean };
    const body = (await get('/opendata/indicator-values.json')).json() as { data: Row[] };
    // The demo: Bensheim's report of this year is approved, Viernheim's only submitted.
    assert.ok(body.data.length > 0, 'the approved report has figures');
    assert.ok(
      body.data.every((r) => r.level === 'municipality' && r.ags === '06431002'),
      'nothing of a report not approved',
    );
    for (const row of body.data) {
      assert.equal(row.withheld, row.withheld && row.value === null, `${row.indicator_code}: a withheld figure has no value`);
      if (row.unit === 'persons') assert.ok(row.value === null || row.value === 0 || row.value >= 5, `${row.indicator_code}: ${row.value}`);
    }
    const snapshot = (await db.selectFrom('monitoring_reports').select('snapshot').where('status', '=', 'approved').executeTakeFirstOrThrow()).snapshot as {
      figures: Array<{ code: string; value: number | null; withheld: boolean }>;
    };
    const o1 = snapshot.figures.find((f) => f.code === 'O1');
    const published = (await get('/api/v1/indicator-values?indicator=O1&ags=06431002')).json() as { data: Row[] };
    assert.equal(published.data.length, 1);
    assert.equal(published.data[0]?.value, o1?.withheld ? null : o1?.value, 'the value as frozen at approval');
    assert.deepEqual((await get('/api/v1/indicator-values?ags=06431020')).json().data, [], 'the submitted report stays unpublished');
    assert.deepEqual((await get('/api/v1/indicator-values?period=2099')).json().data, []);
    assert.equal((await get('/api/v1/indicator-values?period=nicht')).statusCode, 400);
  });

  it('suppresses survey counts below 5', async () => {
    const body = (await get('/opendata/survey-results.json')).json() as { data: Array<{ option_counts: Array<number | null>; answers: number | null }> };
    for (const row of body.data) {
      for (const n of row.option_counts) assert.ok(n === null || n >= 5);
      assert.ok(row.answers === null || row.answers >= 5);
    }
  });

  it('serves one town’s file with ?ags= and refuses an unknown or malformed key', async () => {
    const one = (await get('/opendata/measures.json?ags=06431002')).json() as { data: Array<{ ags: string }> };
    assert.ok(one.data.length > 0);
    assert.ok(one.data.every((r) => r.ags === '06431002'));
    assert.equal((await get('/opendata/measures.json?ags=06999999')).statusCode, 404);
    assert.equal((await get('/opendata/measures.json?ags=abc')).statusCode, 404);
    assert.equal((await get('/opendata/nothing.csv')).statusCode, 404);
    assert.equal((await get('/opendata/municipalities.csv?ags=06431002')).statusCode, 404);
  });

  it('pages by cursor with a maximum page size and filters as the HTML lists', async () => {
    const first = await get('/api/v1/proposals?limit=2');
    assert.equal(first.statusCode, 200);
    const page = first.json() as { data: Array<{ id: number; status: string }>; links: { next: string | null } };
    assert.equal(page.data.length, 2);
    assert.ok(page.links.next);
    const second = (await get(page.links.next)).json() as { data: Array<{ id: number }> };
    assert.ok(second.data.every((r) => r.id > (page.data[1]?.id ?? 0)));
    const tooMany = await get('/api/v1/proposals?limit=101');
    assert.equal(tooMany.statusCode, 400);
    assert.match(String(tooMany.headers['content-type']), /^application\/problem\+json/);
    assert.equal((tooMany.json() as { status: number }).status, 400);
    const accepted = (await get('/api/v1/proposals?status=accepted&limit=100')).json() as { data: Array<{ status: string }> };
    assert.ok(accepted.data.every((r) => r.status === 'accepted'));
    assert.equal((await get('/api/v1/proposals?status=%3Cscript%3E')).statusCode, 400);
    assert.equal((await get(`/api/v1/proposals?prozess=${'9'.repeat(5000)}`)).statusCode, 400);
    assert.equal((await get('/api/v1/nothing')).statusCode, 404);
    assert.match(String((await get('/api/v1/nothing')).headers['content-type']), /^application\/problem\+json/);
  });

  it('answers 304 to If-None-Match and If-Modified-Since, with CORS and rate-limit headers', async () => {
    const response = await get('/api/v1/measures?limit=5');
    assert.equal(response.statusCode, 200);
    const etag = String(response.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);
    assert.equal(response.headers['access-control-allow-origin'], '*');
    assert.ok(response.headers['ratelimit-limit']);
    assert.ok(response.headers['ratelimit-remaining']);
    const lastModified = String(response.headers['last-modified']);
    assert.ok(lastModified && !Number.isNaN(Date.parse(lastModified)));
    const again = await get('/api/v1/measures?limit=5', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal((await get('/api/v1/measures?limit=5', { 'if-modified-since': lastModified })).statusCode, 304);
    assert.equal((await get('/api/v1/measures?limit=5', { 'if-none-match': '"other"' })).statusCode, 200);
    const preflight = await t.app.fastify.inject({ method: 'OPTIONS', url: '/api/v1/measures', headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' } });
    assert.equal(preflight.statusCode, 204);
    assert.match(String(preflight.headers['access-control-allow-methods']), /GET/);
  });

  it('writes the API pages of proposals with the rows of the file, columns in order, and a cursor that walks them all', async () => {
    const columns = Object.keys(t.app.modules.flatMap((m) => m.openData ?? []).find((c) => c.id === 'proposals')?.row.properties ?? {});
    const file = (await get('/opendata/proposals.json')).json() as { data: Array<Record<string, unknown>> };
    assert.ok(file.data.length > 7, 'the demo data has proposals for several pages');
    const walk = async (first: string) => {
      const rows: Array<Record<string, unknown>> = [];
      let pages = 0;
      for (let url: string | null = first; url; pages++) {
        const response = await get(url);
        assert.equal(response.statusCode, 200, url);
        assert.match(String(response.headers['content-type']), /^application\/json/);
        const page = response.json() as { data: Array<Record<string, unknown>>; links: { self: string; next: string | null }; meta: { limit: number } };
        for (const row of page.data) assert.deepEqual(Object.keys(row), columns);
        assert.equal(page.links.self, url);
        rows.push(...page.data);
        url = page.links.next;
      }
      return { rows, pages };
    };
    const all = await walk('/api/v1/proposals?limit=7');
    assert.deepEqual(all.rows, file.data);
    assert.equal(all.pages, Math.ceil(file.data.length / 7));
    const open = await walk('/api/v1/proposals?status=open&limit=3');
    assert.deepEqual(
      open.rows,
      file.data.filter((r) => r.status === 'open'),
    );
    const ags = String(file.data[0]?.ags);
    assert.deepEqual(
      (await walk(`/api/v1/proposals?ags=${ags}&limit=2`)).rows,
      file.data.filter((r) => r.ags === ags),
    );
    assert.deepEqual((await get('/api/v1/proposals?after=2147483646')).json(), {
      data: [],
      links: { self: '/api/v1/proposals?after=2147483646', next: null },
      meta: { collection: 'proposals', limit: 25, licence: (await get('/api/v1/proposals?limit=1')).json().meta.licence },
    });
  });

  it('reads the proposals with the time they last changed, in one statement with the page, for the Land and for a town', async () => {
    const wholeSeconds = (at: Date | string) => new Date(Math.floor(new Date(at).getTime() / 1000) * 1000).toUTCString();
    const newest = async (municipalityId?: number) =>
      (
        await db
          .selectFrom('proposals')
          .select((eb) => eb.fn.max('updated_at').as('at'))
          .$if(municipalityId !== undefined, (q) => q.where('municipality_id', '=', municipalityId ?? 0))
          .executeTakeFirstOrThrow()
      ).at as Date;
    const page = await get('/api/v1/proposals?limit=3');
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['last-modified'], wholeSeconds(await newest()));
    const first = (page.json() as { data: Array<{ id: number; created_at: string; answered_at: string | null }> }).data[0];
    assert.ok(first);
    const stored = await db.selectFrom('proposals').select(['created_at', 'answered_at']).where('id', '=', first.id).executeTakeFirstOrThrow();
    assert.equal(first.created_at, new Date(stored.created_at).toISOString(), 'times as ISO text, as before');
    assert.equal(first.answered_at, stored.answered_at === null ? null : new Date(stored.answered_at).toISOString());
    // No row past the end carries the time: it is read on its own.
    const beyond = await get('/api/v1/proposals?after=2147483646');
    assert.deepEqual((beyond.json() as { data: unknown[] }).data, []);
    assert.equal(beyond.headers['last-modified'], wholeSeconds(await newest()));
    // A town's proposals: the newest change of that town's, not the Land's.
    const town = await db
      .selectFrom('proposals as p')
      .innerJoin('municipalities as m', 'm.id', 'p.municipality_id')
      .select(['m.id', 'm.ags'])
      .orderBy('p.updated_at')
      .limit(1)
      .executeTakeFirstOrThrow();
    const ofTown = await get(`/api/v1/proposals?ags=${town.ags}`);
    assert.equal(ofTown.headers['last-modified'], wholeSeconds(await newest(town.id)));
    // A change moves it; a client with the time before the change gets the page, one with the new time 304.
    const before = String(page.headers['last-modified']);
    await db
      .updateTable('proposals')
      .set({ updated_at: new Date(Date.now() + 3_600_000) })
      .where('id', '=', first.id)
      .execute();
    const changed = await get('/api/v1/proposals?limit=3', { 'if-modified-since': before });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers['last-modified'], before);
    assert.equal((await get('/api/v1/proposals?limit=3', { 'if-modified-since': String(changed.headers['last-modified']) })).statusCode, 304);
  });

  it('publishes an OpenAPI 3.1 document that is valid, names every /api/v1 route and describes every answer', async () => {
    const response = await get('/api/v1/openapi.json');
    assert.equal(response.statusCode, 200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };
    assert.equal(document.openapi, '3.1.0');
    const result = await new Validator().validate(document as never);
    assert.equal(result.valid, true, JSON.stringify(result.errors));
    const apiRoutes = t.app.routes.filter((r) => r.url.startsWith('/api/v1') && r.method === 'GET');
    for (const route of apiRoutes) assert.ok(document.paths[route.url]?.get, `${route.url} is missing from the document`);
    const ajv = new Ajv2020({ strict: false });
    (formats as unknown as { default: (a: Ajv2020) => void }).default(ajv);
    for (const id of ids) {
      const schema = document.paths[`/api/v1/${id}`]?.get?.responses['200']?.content?.['application/json']?.schema;
      assert.ok(schema, id);
      const validate = ajv.compile(schema);
      const page = (await get(`/api/v1/${id}?limit=100`)).json();
      assert.ok(validate(page), `${id}: ${JSON.stringify(validate.errors)}`);
    }
    const docs = await get('/api/v1/docs');
    assert.equal(docs.statusCode, 200);
    assert.ok(docs.body.includes('/api/v1/proposals'));
    assert.doesNotMatch(docs.body, /<script[^>]+src="https?:/);
  });

  it('builds the bulk ZIP of every CSV and shows its build time', async () => {
    assert.equal((await get('/opendata/alle.zip')).statusCode, 404);
    const meta = await buildBulk(t.app.services);
    assert.deepEqual(
      meta.files,
      ids.map((id) => `${id}.csv`),
    );
    assert.ok((await bulkInfo(t.app.services))?.bytes);
    const zip = await get('/opendata/alle.zip');
    assert.equal(zip.statusCode, 200);
    assert.equal(zip.rawPayload.subarray(0, 2).toString(), 'PK');
    assert.ok((await get('/opendata')).body.includes('href="/opendata/alle.zip"'));
  });
});

describe('read API rate limit', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: { API_REQUESTS_PER_MINUTE: '3' } });
  });
  after(() => t.close());

  it('refuses the request over the limit with 429 as problem details', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof t.app.fastify.inject>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await t.app.fastify.inject({ method: 'GET', url: '/api/v1/municipalities?limit=1' });
      statuses.push(last.statusCode);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    assert.match(String(last?.headers['content-type']), /^application\/problem\+json/);
    assert.equal(last?.headers['ratelimit-remaining'], '0');
  });
});
