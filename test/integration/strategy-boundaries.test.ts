import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { strategyModule } from '../../src/modules/strategy/index.ts';
import { pdfBytes } from '../support/pdf.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

function idFrom(location: unknown): number {
  return Number(/\/(\d+)$/.exec(String(location))?.[1]);
}

describe('strategy: boundaries between towns, roles and inputs', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let bensheimId: number;
  let coordinator: TestClient;
  let foreignCoordinator: TestClient;
  let office: TestClient;
  let visitor: TestClient;
  const ids = { field: 0, emptyField: 0, goal: 0, measure: 0, version: 0 };

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    bensheimId = await municipalityId(db, BENSHEIM);
    await db.insertInto('programme_participations').values({ municipality_id: bensheimId, joined_on: '2026-01-01', cohort_label: 'Kohorte 2026' }).execute();
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: bensheimId }] });
    await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, VIERNHEIM) }] });
    await createUser(db, { email: 'programmbuero@land.test', roles: [{ role: 'programme_office' }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    foreignCoordinator = new TestClient(t.app.fastify);
    await foreignCoordinator.login('koordination@viernheim.test', TEST_PASSWORD);
    office = new TestClient(t.app.fastify);
    await office.login('programmbuero@land.test', TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
  });
  after(() => t.close());

  it('shows a friendly empty state for a town without fields and for a town outside the programme', async () => {
    const own = await visitor.get(`/kommunen/${BENSHEIM}/umsetzung`);
    assert.equal(own.statusCode, 200);
    assert.match(visibleText(own.body), /Diese Kommune hat noch keine Handlungsfelder veröffentlicht/);
    const outside = await visitor.get(`/kommunen/${VIERNHEIM}/umsetzung`);
    assert.equal(outside.statusCode, 200);
    assert.match(visibleText(outside.body), /Viernheim nimmt nicht am Landesprogramm teil/);
  });

  it('lets the coordinator build a strategy: version, fields ordered by position, goal, measures', async () => {
    const version = await coordinator.postMultipart(
      `/verwaltung/${BENSHEIM}/strategie`,
      { title: 'Integrationskonzept Bensheim', versionLabel: '2026', adoptedOn: '2026-02-01', summary: 'Kurzfassung' },
      { field: 'document', filename: 'Konzept für Bensheim.pdf', contentType: 'application/pdf', data: await pdfBytes() },
    );
    assert.equal(version.statusCode, 303);
    ids.version = (await db.selectFrom('strategy_versions').select('id').where('municipality_id', '=', bensheimId).executeTakeFirstOrThrow()).id;

    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/handlungsfelder`, { name: 'Zusammenleben im Quartier', position: '2' })).statusCode, 303);
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/handlungsfelder`, { name: 'Antidiskriminierung', position: '1' })).statusCode, 303);
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/handlungsfelder`, { name: 'Gesundheit und Pflege', position: '3' })).statusCode, 303);
    const fields = await db.selectFrom('fields_of_action').select(['id', 'name']).where('municipality_id', '=', bensheimId).execute();
    ids.field = fields.find((f) => f.name === 'Antidiskriminierung')?.id ?? 0;
    ids.emptyField = fields.find((f) => f.name === 'Gesundheit und Pflege')?.id ?? 0;
    const quarter = fields.find((f) => f.name === 'Zusammenleben im Quartier')?.id ?? 0;
    const list = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/handlungsfelder`)).body);
    assert.ok(list.indexOf('Antidiskriminierung') < list.indexOf('Zusammenleben im Quartier'), 'the position number orders the fields');

    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/handlungsfelder/${ids.field}/ziele`, { title: 'Betroffene finden schnell Beratung' })).statusCode, 303);
    ids.goal = (await db.selectFrom('goals').select('id').where('field_id', '=', ids.field).executeTakeFirstOrThrow()).id;

    const measure = await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/neu`, {
      title: 'Anlaufstelle Antidiskriminierung im Rathaus',
      fieldId: String(ids.field),
      goalId: String(ids.goal),
      responsibleOrg: 'Integrationsbüro der Stadt',
      status: 'running',
      progress: '30',
    });
    assert.equal(measure.statusCode, 303);
    ids.measure = idFrom(measure.headers.location);
    for (const [title, status] of [
      ['Nachbarschaftsfest im Stadtteil', 'done'],
      ['Quartierstreff mit offenen Sprechstunden', 'planned'],
      ['Interkultureller Gemeinschaftsgarten', 'planned'],
    ] as const) {
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/neu`, { title, fieldId: String(quarter), status, progress: status === 'done' ? '100' : '0' })).statusCode, 303);
    }

    const audit = await db.selectFrom('audit_log').select(['action', 'municipality_id']).where('municipality_id', '=', bensheimId).execute();
    const actions = audit.map((a) => a.action);
    assert.equal(actions.filter((a) => a === 'field.created').length, 3);
    assert.equal(actions.filter((a) => a === 'measure.created').length, 4);
    assert.ok(actions.includes('goal.created') && actions.includes('strategy_version.created'));
  });

  it('filters the public page by field and status and counts the measures per status', async () => {
    const all = visibleText((await visitor.get(`/kommunen/${BENSHEIM}/umsetzung`)).body);
    assert.match(all, /Maßnahmen nach Status geplant läuft abgeschlossen pausiert eingestellt 2 1 1 0 0/);
    assert.match(all, /4 Maßnahmen/);
    const planned = visibleText((await visitor.get(`/kommunen/${BENSHEIM}/umsetzung?status=planned`)).body);
    assert.match(planned, /2 Maßnahmen/);
    assert.match(planned, /Quartierstreff mit offenen Sprechstunden/);
    assert.doesNotMatch(planned, /Anlaufstelle Antidiskriminierung/);
    const byField = visibleText((await visitor.get(`/kommunen/${BENSHEIM}/umsetzung?handlungsfeld=${ids.field}`)).body);
    assert.match(byField, /1 Maßnahme\b/);
    assert.match(byField, /Anlaufstelle Antidiskriminierung im Rathaus/);
    assert.match(byField, /Integrationsbüro der Stadt/);
    assert.match(byField, /30 %/);
    const csvLink = /href="(\/kommunen\/06431002\/umsetzung\.csv[^"]*)"/.exec((await visitor.get(`/kommunen/${BENSHEIM}/umsetzung?status=planned`)).body)?.[1];
    assert.ok(csvLink?.includes('status=planned'), 'the CSV link keeps the filter');
    const csv = await visitor.get(`/kommunen/${BENSHEIM}/umsetzung.csv`);
    assert.match(String(csv.headers['content-disposition']), /^attachment; filename="umsetzung-06431002\.csv"/);
    assert.ok(csv.body.startsWith('\uFEFFHandlungsfeld;'), 'UTF-8 BOM and German headers separated by semicolons');
  });

  it('searches and filters the workspace list of measures', async () => {
    const found = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/massnahmen?q=quartier`)).body);
    assert.match(found, /1 Treffer/);
    assert.match(found, /Quartierstreff mit offenen Sprechstunden/);
    const done = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/massnahmen?status=done`)).body);
    assert.match(done, /Nachbarschaftsfest im Stadtteil/);
    assert.doesNotMatch(done, /Quartierstreff/);
    const odd = await coordinator.get(`/verwaltung/${BENSHEIM}/massnahmen?status=unbekannt&handlungsfeld=abc&q=%25_&seite=x`);
    assert.equal(odd.statusCode, 200, 'unknown filter values are ignored, not an error');
  });

  it('keeps the typed progress report when it is invalid and changes nothing', async () => {
    const response = await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/${ids.measure}/fortschritt`, { updateText: 'Beratung startet im Mai', updateStatus: 'running', updateProgress: '150' });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /id="updateProgress-error"[^>]*>[\s\S]*?höchstens 100/);
    assert.match(response.body, /Beratung startet im Mai/);
    const measure = await db.selectFrom('measures').select('progress').where('id', '=', ids.measure).executeTakeFirstOrThrow();
    assert.equal(measure.progress, 30);
    assert.equal((await db.selectFrom('measure_updates').select('id').where('measure_id', '=', ids.measure).execute()).length, 0);
  });

  it('edits a measure and audits before and after', async () => {
    const response = await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/${ids.measure}`, {
      title: 'Anlaufstelle Antidiskriminierung',
      fieldId: String(ids.field),
      goalId: String(ids.goal),
      responsibleOrg: 'Integrationsbüro der Stadt',
      startsOn: '2026-03-01',
      endsOn: '2026-03-01',
      status: 'paused',
      progress: '35',
    });
    assert.equal(response.statusCode, 303);
    const audit = await db
      .selectFrom('audit_log')
      .select(['before', 'after', 'municipality_id'])
      .where('action', '=', 'measure.updated')
      .where('entity_id', '=', String(ids.measure))
      .executeTakeFirstOrThrow();
    assert.equal(audit.municipality_id, bensheimId);
    assert.equal((audit.before as { status: string }).status, 'running');
    assert.equal((audit.after as { status: string }).status, 'paused');
  });

  it('serves the strategy document as an attachment with its type', async () => {
    const download = await visitor.get(`/kommunen/${BENSHEIM}/strategie/${ids.version}/dokument`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="Konzept_f_r_Bensheim\.pdf"; filename\*=UTF-8''Konzept%20f%C3%BCr%20Bensheim\.pdf$/);
  });

  it('sends visitors to the login page', async () => {
    for (const path of ['', '/strategie', '/handlungsfelder', '/massnahmen', '/massnahmen/neu', `/massnahmen/${ids.measure}`]) {
      const response = await visitor.get(`/verwaltung/${BENSHEIM}${path}`);
      assert.equal(response.statusCode, 302, path);
      assert.match(String(response.headers.location), /^\/anmelden\?zurueck=/, path);
    }
  });

  it('forbids the coordinator of another town every workspace page of this one and changes nothing', async () => {
    for (const path of [
      '',
      '/strategie',
      `/strategie/${ids.version}`,
      '/handlungsfelder',
      `/handlungsfelder/${ids.field}`,
      `/ziele/${ids.goal}`,
      '/massnahmen',
      '/massnahmen/neu',
      `/massnahmen/${ids.measure}/loeschen`,
    ]) {
      assert.equal((await foreignCoordinator.get(`/verwaltung/${BENSHEIM}${path}`)).statusCode, 403, path);
    }
    assert.equal((await foreignCoordinator.post(`/verwaltung/${BENSHEIM}/handlungsfelder`, { name: 'Fremd' })).statusCode, 403);
    assert.equal((await foreignCoordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/${ids.measure}/loeschen`)).statusCode, 403);
    assert.ok(await db.selectFrom('measures').select('id').where('id', '=', ids.measure).executeTakeFirst());
    assert.equal((await db.selectFrom('fields_of_action').select('id').where('name', '=', 'Fremd').execute()).length, 0);
  });

  it("answers 404 for one town's ids under another town's address", async () => {
    // The Viernheim coordinator may manage Viernheim, but Bensheim's records are not found there.
    for (const client of [foreignCoordinator, office]) {
      for (const path of [
        `/massnahmen/${ids.measure}`,
        `/massnahmen/${ids.measure}/loeschen`,
        `/handlungsfelder/${ids.field}`,
        `/handlungsfelder/${ids.field}/loeschen`,
        `/ziele/${ids.goal}`,
        `/ziele/${ids.goal}/loeschen`,
        `/strategie/${ids.version}`,
        `/strategie/${ids.version}/loeschen`,
      ]) {
        assert.equal((await client.get(`/verwaltung/${VIERNHEIM}${path}`)).statusCode, 404, path);
      }
    }
    const update = await foreignCoordinator.post(`/verwaltung/${VIERNHEIM}/massnahmen/${ids.measure}/fortschritt`, { updateText: 'fremd', updateStatus: 'done', updateProgress: '100' });
    assert.equal(update.statusCode, 404);
    assert.equal((await foreignCoordinator.post(`/verwaltung/${VIERNHEIM}/massnahmen/${ids.measure}/loeschen`)).statusCode, 404);
    assert.equal((await foreignCoordinator.post(`/verwaltung/${VIERNHEIM}/handlungsfelder/${ids.emptyField}/loeschen`)).statusCode, 404);
    assert.equal((await foreignCoordinator.post(`/verwaltung/${VIERNHEIM}/ziele/${ids.goal}`, { title: 'fremd' })).statusCode, 404);
    const measure = await db.selectFrom('measures').select(['status', 'progress']).where('id', '=', ids.measure).executeTakeFirstOrThrow();
    assert.deepEqual(measure, { status: 'paused', progress: 35 });
    assert.ok(await db.selectFrom('fields_of_action').select('id').where('id', '=', ids.emptyField).executeTakeFirst());
    assert.equal((await visitor.get(`/kommunen/${VIERNHEIM}/massnahmen/${ids.measure}`)).statusCode, 404);
    assert.equal((await visitor.get(`/kommunen/${VIERNHEIM}/strategie/${ids.version}/dokument`)).statusCode, 404);
  });

  it('answers 404 for unknown or malformed addresses', async () => {
    for (const path of [
      '/kommunen/0643100/umsetzung',
      '/kommunen/abc/umsetzung',
      '/kommunen/06999999/umsetzung',
      '/kommunen/abc/umsetzung.csv',
      `/kommunen/${BENSHEIM}/massnahmen/abc`,
      `/kommunen/${BENSHEIM}/massnahmen/999999999`,
      `/kommunen/${BENSHEIM}/massnahmen/99999999999`,
      `/kommunen/${BENSHEIM}/strategie/1e3/dokument`,
    ]) {
      assert.equal((await visitor.get(path)).statusCode, 404, path);
    }
    for (const path of ['/verwaltung/abc', `/verwaltung/${BENSHEIM}/massnahmen/-1`, `/verwaltung/${BENSHEIM}/ziele/0x10`, `/verwaltung/${BENSHEIM}/handlungsfelder/999999`]) {
      assert.equal((await coordinator.get(path)).statusCode, 404, path);
    }
  });

  it('deletes a goal and an empty field only after the confirmation page', async () => {
    const confirmGoal = await coordinator.get(`/verwaltung/${BENSHEIM}/ziele/${ids.goal}/loeschen`);
    assert.equal(confirmGoal.statusCode, 200);
    assert.match(visibleText(confirmGoal.body), /Betroffene finden schnell Beratung/);
    assert.ok(await db.selectFrom('goals').select('id').where('id', '=', ids.goal).executeTakeFirst(), 'the confirmation page deletes nothing');
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/ziele/${ids.goal}/loeschen`)).statusCode, 303);
    assert.equal(await db.selectFrom('goals').select('id').where('id', '=', ids.goal).executeTakeFirst(), undefined);
    const measure = await db.selectFrom('measures').select('goal_id').where('id', '=', ids.measure).executeTakeFirstOrThrow();
    assert.equal(measure.goal_id, null, 'the measure stays, without its goal');

    assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/handlungsfelder/${ids.emptyField}/loeschen`)).statusCode, 200);
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/handlungsfelder/${ids.emptyField}/loeschen`)).statusCode, 303);
    assert.equal(await db.selectFrom('fields_of_action').select('id').where('id', '=', ids.emptyField).executeTakeFirst(), undefined);
    const deletions = await db.selectFrom('audit_log').select(['action', 'municipality_id', 'before']).where('action', 'in', ['goal.deleted', 'field.deleted']).execute();
    assert.equal(deletions.length, 2);
    assert.ok(deletions.every((d) => d.municipality_id === bensheimId && d.before !== null));
  });
});

describe('demo strategies are the same on every start', () => {
  async function fingerprint(db: Kysely<Database>) {
    const [versions, fields, goals, measures, updates] = await Promise.all([
      db
        .selectFrom('strategy_versions as v')
        .innerJoin('municipalities as m', 'm.id', 'v.municipality_id')
        .select(['m.ags', 'v.title', 'v.version_label', 'v.adopted_on', 'v.summary'])
        .orderBy('m.ags')
        .execute(),
      db.selectFrom('fields_of_action as f').innerJoin('municipalities as m', 'm.id', 'f.municipality_id').select(['m.ags', 'f.name', 'f.position']).orderBy('m.ags').orderBy('f.position').execute(),
      db
        .selectFrom('goals as g')
        .innerJoin('fields_of_action as f', 'f.id', 'g.field_id')
        .innerJoin('municipalities as m', 'm.id', 'f.municipality_id')
        .select(['m.ags', 'f.name', 'g.title', 'g.position'])
        .orderBy('m.ags')
        .orderBy('f.position')
        .orderBy('g.position')
        .execute(),
      db
        .selectFrom('measures as ms')
        .innerJoin('municipalities as m', 'm.id', 'ms.municipality_id')
        .innerJoin('fields_of_action as f', 'f.id', 'ms.field_id')
        .leftJoin('goals as g', 'g.id', 'ms.goal_id')
        .leftJoin('districts as d', 'd.id', 'ms.district_id')
        .select(['m.ags', 'f.name', 'g.title as goal', 'd.name as district', 'ms.title', 'ms.status', 'ms.progress', 'ms.responsible_org', 'ms.starts_on', 'ms.ends_on'])
        .orderBy('m.ags')
        .orderBy('ms.id')
        .execute(),
      db
        .selectFrom('measure_updates as u')
        .innerJoin('measures as ms', 'ms.id', 'u.measure_id')
        .innerJoin('municipalities as m', 'm.id', 'ms.municipality_id')
        .select(['m.ags', 'ms.title', 'u.text', 'u.status', 'u.progress', 'u.created_at', 'u.author_user_id'])
        .orderBy('m.ags')
        .orderBy('u.id')
        .execute(),
    ]);
    return JSON.stringify({ versions, fields, goals, measures, updates });
  }

  it('seeds the same strategies again, with a coordinator of the town as author where there is one', async () => {
    const t = await startTestApp({ variant: 'demo' });
    try {
      const db = t.app.services.db;
      const first = await fingerprint(db);
      assert.ok((JSON.parse(first) as { measures: unknown[] }).measures.length > 150);

      const authors = await db
        .selectFrom('measure_updates as u')
        .innerJoin('measures as ms', 'ms.id', 'u.measure_id')
        .leftJoin('role_assignments as r', (join) => join.onRef('r.user_id', '=', 'u.author_user_id').onRef('r.municipality_id', '=', 'ms.municipality_id').on('r.role', '=', 'coordinator'))
        .select(['u.author_user_id', 'r.user_id as coordinator_id'])
        .execute();
      assert.ok(
        authors.every((a) => a.author_user_id === null || a.coordinator_id === a.author_user_id),
        'an update is written by a coordinator of its own town or by nobody',
      );
      const townsWithCoordinator = await db
        .selectFrom('role_assignments as r')
        .innerJoin('programme_participations as p', 'p.municipality_id', 'r.municipality_id')
        .select('r.municipality_id')
        .where('r.role', '=', 'coordinator')
        .execute();
      if (townsWithCoordinator.length)
        assert.ok(
          authors.some((a) => a.author_user_id !== null),
          'the demo coordinators appear as authors',
        );

      // Measures cascade to their updates; fields, goals and versions go with them.
      await db.deleteFrom('measures').execute();
      await db.deleteFrom('fields_of_action').execute();
      await db.deleteFrom('strategy_versions').execute();
      // How long this takes is the benchmark's business (a timed assertion fails on a busy machine, not on a slow seed).
      await strategyModule.seedDemo?.({ services: t.app.services, log: () => {} });
      assert.equal(await fingerprint(db), first);
    } finally {
      await t.close();
    }
  });
});
