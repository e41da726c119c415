import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { pdfBytes } from '../support/pdf.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

describe('strategy, measures and their public state', () => {
  let t: TestApp;
  let coordinator: TestClient;
  let visitor: TestClient;
  let fieldId: number;
  let goalId: number;
  let measureId: number;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    const db = t.app.services.db;
    const bensheim = await municipalityId(db, BENSHEIM);
    await db.insertInto('programme_participations').values({ municipality_id: bensheim, joined_on: '2026-01-01', cohort_label: 'Kohorte 2026' }).execute();
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: bensheim }] });
    await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, VIERNHEIM) }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
  });
  after(() => t.close());

  it('creates a field of action and a goal', async () => {
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/handlungsfelder`, { name: 'Bildung und Sprache', description: 'Sprache öffnet Türen', position: '1' })).statusCode, 303);
    const field = await t.app.services.db.selectFrom('fields_of_action').select('id').where('name', '=', 'Bildung und Sprache').executeTakeFirstOrThrow();
    fieldId = field.id;
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/handlungsfelder/${fieldId}/ziele`, { title: 'Sprachförderung für alle Altersgruppen' })).statusCode, 303);
    const page = await coordinator.get(`/verwaltung/${BENSHEIM}/handlungsfelder`);
    assert.match(visibleText(page.body), /Bildung und Sprache.*Sprachförderung für alle Altersgruppen/);
    goalId = (await t.app.services.db.selectFrom('goals').select('id').where('field_id', '=', fieldId).executeTakeFirstOrThrow()).id;
  });

  it('adds a measure and shows it on the public page', async () => {
    const response = await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/neu`, {
      title: 'Sprachcafé in der Stadtbücherei',
      description: 'Jeden Donnerstag',
      fieldId: String(fieldId),
      goalId: String(goalId),
      responsibleOrg: 'Stadtbücherei',
      startsOn: '2026-03-01',
      endsOn: '2026-12-31',
      status: 'planned',
      progress: '0',
    });
    assert.equal(response.statusCode, 303);
    measureId = Number(/massnahmen\/(\d+)$/.exec(String(response.headers.location))?.[1]);
    const page = visibleText((await visitor.get(`/kommunen/${BENSHEIM}/umsetzung`)).body);
    assert.match(page, /Bildung und Sprache/);
    assert.match(page, /Ziel: Sprachförderung für alle Altersgruppen/);
    assert.match(page, /Sprachcafé in der Stadtbücherei/);
    assert.match(page, /geplant/);
    assert.match(page, /0 %/);
    assert.match(page, /01\.03\.2026 – 31\.12\.2026/);
  });

  it('records a progress update in the history and changes status and progress', async () => {
    const posted = await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/${measureId}/fortschritt`, { updateText: 'Erstes Treffen mit 14 Gästen', updateStatus: 'running', updateProgress: '40' });
    assert.equal(posted.statusCode, 303);
    const measure = await t.app.services.db.selectFrom('measures').select(['status', 'progress']).where('id', '=', measureId).executeTakeFirstOrThrow();
    assert.deepEqual(measure, { status: 'running', progress: 40 });
    const internal = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/massnahmen/${measureId}`)).body);
    assert.match(internal, /koordination · läuft · 40 % Erstes Treffen mit 14 Gästen/);
    const publicPage = visibleText((await visitor.get(`/kommunen/${BENSHEIM}/massnahmen/${measureId}`)).body);
    assert.match(publicPage, /läuft · 40 % Erstes Treffen mit 14 Gästen/);
    assert.doesNotMatch(publicPage, /koordination/, 'the public history names no author');
    const audit = await t.app.services.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('action', '=', 'measure.progress_reported').executeTakeFirstOrThrow();
    assert.deepEqual(audit.before, { status: 'planned', progress: 0 });
  });

  it('applies two updates sent at the same moment one after the other', async () => {
    const second = new TestClient(t.app.fastify);
    await second.login('koordination@bensheim.test', TEST_PASSWORD);
    await Promise.all([
      coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/${measureId}/fortschritt`, { updateText: 'A', updateStatus: 'running', updateProgress: '50' }),
      second.post(`/verwaltung/${BENSHEIM}/massnahmen/${measureId}/fortschritt`, { updateText: 'B', updateStatus: 'running', updateProgress: '60' }),
    ]);
    const [latest] = await t.app.services.db.selectFrom('measure_updates').select(['progress']).where('measure_id', '=', measureId).orderBy('id', 'desc').limit(1).execute();
    const measure = await t.app.services.db.selectFrom('measures').select('progress').where('id', '=', measureId).executeTakeFirstOrThrow();
    assert.equal(measure.progress, latest?.progress, 'the measure shows the progress of its newest update');
  });

  it('offers the filtered public list as CSV', async () => {
    const csv = await visitor.get(`/kommunen/${BENSHEIM}/umsetzung.csv?status=running`);
    assert.equal(csv.statusCode, 200);
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.Maßnahme, 'Sprachcafé in der Stadtbücherei');
    assert.equal(rows[0]?.Status, 'läuft');
    assert.equal((parse((await visitor.get(`/kommunen/${BENSHEIM}/umsetzung.csv?status=done`)).body.replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as unknown[]).length, 0);
  });

  it('rejects progress 150 and an end before the start next to the fields, keeping what was typed', async () => {
    const response = await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/neu`, {
      title: 'Nachbarschaftsfest',
      fieldId: String(fieldId),
      startsOn: '2026-06-01',
      endsOn: '2026-05-01',
      status: 'planned',
      progress: '150',
    });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /id="progress-error"[^>]*>[\s\S]*?höchstens 100/);
    assert.match(response.body, /id="endsOn-error"[^>]*>[\s\S]*?Das Ende darf nicht vor dem Beginn liegen/);
    assert.match(response.body, /value="Nachbarschaftsfest"/);
    assert.match(response.body, /value="150"/);
    assert.match(response.body, /value="2026-05-01"/);
  });

  it('refuses a goal of another field of action', async () => {
    await coordinator.post(`/verwaltung/${BENSHEIM}/handlungsfelder`, { name: 'Arbeit und Ausbildung' });
    const other = await t.app.services.db.selectFrom('fields_of_action').select('id').where('name', '=', 'Arbeit und Ausbildung').executeTakeFirstOrThrow();
    const response = await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/neu`, { title: 'Mentoring', fieldId: String(other.id), goalId: String(goalId), status: 'planned', progress: '0' });
    assert.equal(response.statusCode, 422);
    assert.match(visibleText(response.body), /gehört zu einem anderen Handlungsfeld/);
  });

  it('uploads the strategy as PDF and offers it for download', async () => {
    const pdf = await pdfBytes('Vielfaltsstrategie Bensheim');
    const response = await coordinator.postMultipart(
      `/verwaltung/${BENSHEIM}/strategie`,
      { title: 'Vielfaltsstrategie Bensheim', versionLabel: '1.0', adoptedOn: '2026-05-20', summary: 'Beschlossen im Mai' },
      { field: 'document', filename: 'strategie.pdf', contentType: 'application/pdf', data: pdf },
    );
    assert.equal(response.statusCode, 303);
    const detail = await visitor.get(`/kommunen/${BENSHEIM}`);
    assert.match(visibleText(detail.body), /Vielfaltsstrategie Bensheim \(1\.0\) · beschlossen am 20\.05\.2026/);
    const link = /href="(\/kommunen\/06431002\/strategie\/\d+\/dokument)"/.exec(detail.body)?.[1];
    assert.ok(link);
    const download = await visitor.get(link);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.deepEqual(download.rawPayload, pdf);
  });

  it('refuses a file that is not a PDF and keeps the typed values', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    for (const file of [
      { field: 'document', filename: 'strategie.pdf', contentType: 'application/pdf', data: png },
      { field: 'document', filename: 'notiz.txt', contentType: 'text/plain', data: Buffer.from('nur Text') },
    ]) {
      const response = await coordinator.postMultipart(`/verwaltung/${BENSHEIM}/strategie`, { title: 'Fortschreibung', versionLabel: '2.0' }, file);
      assert.equal(response.statusCode, 422);
      assert.match(visibleText(response.body), /Dieser Dateityp ist nicht erlaubt/);
      assert.match(response.body, /value="Fortschreibung"/);
    }
  });

  it('refuses an oversized upload with a message next to the file field', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    const response = await coordinator.postMultipart(
      `/verwaltung/${BENSHEIM}/strategie`,
      { title: 'Zu groß', versionLabel: '3.0' },
      { field: 'document', filename: 'gross.pdf', contentType: 'application/pdf', data: big },
    );
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /id="document-error"[^>]*>[\s\S]*?zu groß/);
    assert.match(response.body, /value="Zu groß"/);
  });

  it('shows script typed into a measure as text on the public page', async () => {
    await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/neu`, { title: '<script>alert("x")</script>', fieldId: String(fieldId), status: 'planned', progress: '0' });
    const page = await visitor.get(`/kommunen/${BENSHEIM}/umsetzung`);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.match(visibleText(page.body), /<script>alert\("x"\)<\/script>/);
  });

  it('keeps a field with measures and explains why', async () => {
    await coordinator.get(`/verwaltung/${BENSHEIM}/handlungsfelder/${fieldId}/loeschen`);
    const response = await coordinator.post(`/verwaltung/${BENSHEIM}/handlungsfelder/${fieldId}/loeschen`);
    assert.equal(response.statusCode, 303);
    const page = await coordinator.get(`/verwaltung/${BENSHEIM}/handlungsfelder`);
    assert.match(visibleText(page.body), /Dieses Handlungsfeld hat noch \d+ Maßnahmen/);
    assert.ok(await t.app.services.db.selectFrom('fields_of_action').select('id').where('id', '=', fieldId).executeTakeFirst());
  });

  it('lists the own progress updates in the data export and shows them as "gelöschtes Konto" after deletion', async () => {
    const exported = JSON.parse((await coordinator.get('/konto/export')).body) as { measureUpdates: Array<{ text: string }> };
    assert.ok(exported.measureUpdates.some((u) => u.text === 'Erstes Treffen mit 14 Gästen'));
    const leaving = new TestClient(t.app.fastify);
    const db = t.app.services.db;
    const bensheim = await municipalityId(db, BENSHEIM);
    await createUser(db, { email: 'geht@bensheim.test', displayName: 'Gerd Geht', roles: [{ role: 'coordinator', municipalityId: bensheim }] });
    await leaving.login('geht@bensheim.test', TEST_PASSWORD);
    await leaving.post(`/verwaltung/${BENSHEIM}/massnahmen/${measureId}/fortschritt`, { updateText: 'Letzte Meldung von Gerd', updateStatus: 'running', updateProgress: '70' });
    assert.equal((await leaving.post('/konto/loeschen', { password: TEST_PASSWORD })).statusCode, 303);
    const history = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/massnahmen/${measureId}`)).body);
    assert.match(history, /gelöschtes Konto · läuft · 70 % Letzte Meldung von Gerd/);
    assert.doesNotMatch(history, /Gerd Geht/);
  });

  it('keeps other towns out', async () => {
    const foreign = new TestClient(t.app.fastify);
    await foreign.login('koordination@viernheim.test', TEST_PASSWORD);
    assert.equal((await foreign.get(`/verwaltung/${BENSHEIM}/massnahmen/${measureId}`)).statusCode, 403);
    assert.equal((await foreign.post(`/verwaltung/${BENSHEIM}/massnahmen/${measureId}/fortschritt`, { updateText: 'x', updateStatus: 'done', updateProgress: '100' })).statusCode, 403);
    assert.equal((await coordinator.get(`/kommunen/${VIERNHEIM}/massnahmen/${measureId}`)).statusCode, 404, 'a measure under another town is not found');
    assert.equal((await visitor.get(`/verwaltung/${BENSHEIM}/massnahmen`)).statusCode, 302);
  });
});

describe('demo strategies', () => {
  it('gives every participating town a strategy with 4–7 fields and 10–30 measures with histories', async () => {
    const t = await startTestApp({ variant: 'demo' });
    try {
      const rows = await t.app.services.db
        .selectFrom('programme_participations as p')
        .select((eb) => [
          'p.municipality_id',
          eb
            .selectFrom('fields_of_action')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('fields_of_action.municipality_id', '=', 'p.municipality_id')
            .as('fields'),
          eb
            .selectFrom('measures')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('measures.municipality_id', '=', 'p.municipality_id')
            .as('measures'),
          eb
            .selectFrom('strategy_versions')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('strategy_versions.municipality_id', '=', 'p.municipality_id')
            .as('versions'),
        ])
        .execute();
      assert.equal(rows.length, 15);
      for (const row of rows) {
        assert.ok(Number(row.fields) >= 4 && Number(row.fields) <= 7, `fields ${row.fields}`);
        assert.ok(Number(row.measures) >= 10 && Number(row.measures) <= 30, `measures ${row.measures}`);
        assert.equal(Number(row.versions), 1);
      }
      const statuses = await t.app.services.db.selectFrom('measures').select('status').distinct().execute();
      assert.equal(statuses.length, 5, 'measures in every state');
      const withHistory = await t.app.services.db
        .selectFrom('measure_updates')
        .select((e) => e.fn.count<number>('measure_id').distinct().as('n'))
        .executeTakeFirstOrThrow();
      assert.ok(Number(withHistory.n) > 100);
    } finally {
      await t.close();
    }
  });
});
