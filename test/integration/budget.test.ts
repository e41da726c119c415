/**
 * The budget over HTTP: the office creates lines and books expenses; spending against plan and the
 * co-financing rate per category (F1, F2); the XLSX read back; facts for monitoring; and refusals
 * (other roles, forged amounts and shares, an unknown town, another line's expense).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { BUDGET_FACTS } from '../../src/modules/budget/facts-repository.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

describe('budget', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let office: TestClient;
  let coordinator: TestClient;
  const ids: Record<string, number> = {};

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    const town = await municipalityId(db, '06431002');
    const o = await createUser(db, { email: 'buero@example.org', roles: [{ role: 'programme_office' }] });
    const c = await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] });
    office = new TestClient(t.app.fastify);
    await office.login(o.email, TEST_PASSWORD);
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login(c.email, TEST_PASSWORD);
  });
  after(() => t.close());

  it('creates lines and books expenses; shows spending against plan and the co-financing rate', async () => {
    const a = await office.post('/programmbuero/budget', { year: '2021', category: 'personnel', title: 'Programmbüro', planned: '100000', euSharePercent: '75' });
    assert.equal(a.statusCode, 303);
    ids.personnel = Number(String(a.headers.location).split('/').at(-1));
    const b = await office.post('/programmbuero/budget', { year: '2021', category: 'travel', title: 'Reisen', planned: '1000,50', euSharePercent: '0' });
    assert.equal(b.statusCode, 303);
    ids.travel = Number(String(b.headers.location).split('/').at(-1));
    assert.equal((await office.post(`/programmbuero/budget/${ids.personnel}/ausgaben`, { spentOn: '2021-03-31', amount: '30000', description: 'Gehälter Q1', eligible: 'on' })).statusCode, 303);
    assert.equal((await office.post(`/programmbuero/budget/${ids.personnel}/ausgaben`, { spentOn: '2021-06-30', amount: '10000', description: 'Nicht förderfähig' })).statusCode, 303);
    assert.equal((await office.post(`/programmbuero/budget/${ids.travel}/ausgaben`, { spentOn: '2021-04-01', amount: '500,25', description: 'Bahn', eligible: 'on' })).statusCode, 303);
    const page = visibleText((await office.get('/programmbuero/budget?jahr=2021')).body);
    // Personnel: 40,000 of 100,000 spent; EU 75 % of the eligible 30,000 = 22,500 → rate 75 %.
    assert.match(page, /Personal 100\.000,00 € 40\.000,00 € 60\.000,00 € 40 % 75 %/);
    assert.match(page, /Reisen 1\.000,50 € 500,25 € 500,25 € 50 % 0 %/);
    // Overall: EU 22,500 of eligible 30,500.25.
    assert.match(page, /Kofinanzierungsquote \(EU-Anteil an förderfähigen Ausgaben\): 73,8 %/);
  });

  it('exports the year as XLSX with numbers as numbers', async () => {
    const response = await office.get('/programmbuero/budget.xlsx?jahr=2021');
    assert.equal(response.statusCode, 200);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.ok(sheet);
    const values = sheet.getRow(2).values as unknown[];
    assert.equal(values[1], 'Programmbüro');
    assert.equal(values[4], 100000);
    assert.equal(values[5], 40000);
    assert.equal(values[9], 22500);
  });

  it('offers monitoring the plan, the spending and the EU part in euros', async () => {
    const sum = async (id: string) => {
      const source = BUDGET_FACTS.find((s) => s.id === id);
      assert.ok(source);
      const rows = (await db.selectFrom(source.rows(db).as('f')).selectAll().execute()) as Array<{ value: number; day: string }>;
      assert.ok(rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.day)));
      return rows.reduce((s, r) => s + Number(r.value), 0);
    };
    assert.equal(await sum('budget.planned'), 101000.5);
    assert.equal(await sum('budget.spent'), 40500.25);
    assert.equal(await sum('budget.eu_part'), 22500);
  });

  it('refuses forged amounts, shares and towns with messages, other roles with 403, another line’s expense with 404', async () => {
    const bad = await office.post('/programmbuero/budget', { year: '1800', category: 'gold', title: 'x'.repeat(500), planned: '-5', euSharePercent: '95', townId: '999999' });
    assert.equal(bad.statusCode, 422);
    for (const field of ['year', 'category', 'title', 'planned', 'euSharePercent']) assert.match(bad.body, new RegExp(`id="${field}-error"`), field);
    const town = await office.post('/programmbuero/budget', { year: '2021', category: 'other', title: 'X', planned: '1', euSharePercent: '0', townId: '999999' });
    assert.equal(town.statusCode, 422);
    assert.match(town.body, /id="townId-error"/);
    const zero = await office.post(`/programmbuero/budget/${ids.travel}/ausgaben`, { spentOn: '2021-02-30', amount: '0', description: '' });
    assert.equal(zero.statusCode, 422);
    assert.equal((await coordinator.get('/programmbuero/budget')).statusCode, 403);
    const expense = await db.selectFrom('budget_expenses').select('id').where('line_id', '=', ids.personnel).executeTakeFirstOrThrow();
    assert.equal((await office.post(`/programmbuero/budget/${ids.travel}/ausgaben/${expense.id}/loeschen`)).statusCode, 404);
    assert.ok(await db.selectFrom('budget_expenses').select('id').where('id', '=', expense.id).executeTakeFirst());
    assert.equal((await office.post(`/programmbuero/budget/${ids.personnel}/ausgaben/${expense.id}/loeschen`)).statusCode, 303);
  });
});
