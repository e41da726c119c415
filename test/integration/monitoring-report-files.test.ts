/**
 * The downloads of period reports, opened back: XLSX (one sheet per table, numbers as numbers, a
 * notes sheet with units and the suppression mark), CSV and PDF (period, programme, date of
 * extraction, the rule). A cell withheld for the funder stays withheld in every format, and the
 * funder gets no file of a report that is not approved.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { addRegistration, createEvent } from '../support/factories/events.ts';
import { pdfText } from '../support/pdf.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';
const TOWN = `/verwaltung/${BENSHEIM}/monitoring/berichte/2025`;
const FUNDER_TOWN = `/monitoring/berichte/2025/kommunen/${BENSHEIM}`;
const PROGRAMME = '/monitoring/berichte/2025';

async function workbook(response: LightMyRequestResponse) {
  assert.equal(response.statusCode, 200, response.body.slice(0, 200));
  assert.match(String(response.headers['content-type']), /spreadsheetml/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return book;
}

/** A sheet's rows as arrays of cell values (exceljs rows start at column 1). */
function rowsOf(book: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = book.getWorksheet(name);
  assert.ok(sheet, `sheet ${name} in ${book.worksheets.map((s) => s.name).join(', ')}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const csvRows = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((line) => line.split(';'));

describe('monitoring report files', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let office: TestClient;
  let funder: TestClient;
  let coordinator: TestClient;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    const town = await municipalityId(db, BENSHEIM);
    const foreignTown = await municipalityId(db, VIERNHEIM);
    // Bensheim: 12 people, of them 2 third-country nationals; Viernheim: 3 people.
    const event = await createEvent(db, { municipalityId: town, startsAt: new Date('2025-03-10T16:00:00Z') });
    for (let i = 0; i < 12; i++) {
      const id = await addRegistration(db, event, { email: `person${i}@example.org`, attended: true });
      await db
        .updateTable('event_registrations')
        .set({ third_country: i < 2 ? 'yes' : 'no' })
        .where('id', '=', id)
        .execute();
    }
    const small = await createEvent(db, { municipalityId: foreignTown, startsAt: new Date('2025-05-10T16:00:00Z') });
    for (let i = 0; i < 3; i++) await addRegistration(db, small, { email: `gast${i}@example.org`, attended: true });
    const users = {
      office: await createUser(db, { email: 'buero@example.org', roles: [{ role: 'programme_office' }] }),
      funder: await createUser(db, { email: 'foerderer@example.org', roles: [{ role: 'funder' }] }),
      coordinator: await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] }),
    };
    const signIn = async (email: string) => {
      const client = new TestClient(t.app.fastify);
      await client.login(email, TEST_PASSWORD);
      return client;
    };
    office = await signIn(users.office.email);
    funder = await signIn(users.funder.email);
    coordinator = await signIn(users.coordinator.email);
    await coordinator.post(TOWN, { narrative: 'Sachbericht Bensheim 2025', action: 'submit' });
  });
  after(() => t.close());

  it('gives the coordinator the own report unprotected: numbers as numbers, a notes sheet, CSV and PDF', async () => {
    const page = await coordinator.get(TOWN);
    for (const format of ['xlsx', 'csv', 'pdf']) assert.match(page.body, new RegExp(`href="${TOWN}/export/bericht.${format}"`));
    const book = await workbook(await coordinator.get(`${TOWN}/export/bericht.xlsx`));
    assert.deepEqual(book.worksheets.map((s) => s.name).slice(0, 3), ['Hinweise', 'Kennzahlen', 'Verlauf']);
    assert.equal(book.worksheets.length, 8, 'notes, figures, trend and one sheet per breakdown');
    const notes = rowsOf(book, 'Hinweise')
      .map((r) => r.join(' '))
      .join('\n');
    assert.match(notes, /Programm Vielfalt verankern/);
    assert.match(notes, /Zeitraum 2025 \(2025-01-01 – 2025-12-31\)/);
    assert.match(notes, /Stand der Daten \d{4}-\d{2}-\d{2}/);
    assert.match(notes, /Nicht geschützt/);
    assert.match(notes, /Personen Anzahl verschiedener Personen/);
    assert.match(notes, /Sachbericht Bensheim 2025/);
    const o1 = rowsOf(book, 'Kennzahlen').find((r) => r[0] === 'O1');
    assert.equal(o1?.[2], 12, 'a number stays a number');
    const third = rowsOf(book, book.worksheets[5]?.name ?? '').find((r) => r[0] === BENSHEIM);
    assert.deepEqual(third, [BENSHEIM, 'Bensheim', 2, 10, 0, 12]);

    const csv = await coordinator.get(`${TOWN}/export/bericht.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-disposition']), /bericht-06431002-2025\.csv/);
    assert.ok(csvRows(csv.body).some((r) => r.join(';') === `${BENSHEIM};Bensheim;2;10;0;12`));

    const pdf = await coordinator.get(`${TOWN}/export/bericht.pdf`);
    assert.equal(pdf.statusCode, 200);
    const { text } = await pdfText(pdf.rawPayload);
    assert.match(text, /Vielfalt verankern/);
    assert.match(text, /2025-01-01 – 2025-12-31/);
    assert.match(text, /Stand der Daten/);
    assert.match(text, /Nicht geschützt/);
    assert.match(text, /Sachbericht Bensheim 2025/);
    assert.equal((await coordinator.get(`${TOWN}/export/bericht.docx`)).statusCode, 404);
  });

  it('gives the funder no file of a report that is not approved', async () => {
    for (const format of ['xlsx', 'csv', 'pdf']) {
      assert.equal((await funder.get(`${FUNDER_TOWN}/export/bericht.${format}`)).statusCode, 404);
      assert.equal((await funder.get(`${PROGRAMME}/export/bericht.${format}`)).statusCode, 404);
      assert.equal((await funder.get(`${TOWN}/export/bericht.${format}`)).statusCode, 403);
    }
  });

  it('keeps every withheld cell withheld in XLSX, CSV and PDF for the funder', async () => {
    assert.equal((await office.post(`${TOWN}/entscheidung`, { decision: 'approved' })).statusCode, 303);
    assert.match((await office.get(PROGRAMME)).body, /name="narrative"/);
    assert.equal((await office.post(PROGRAMME, { decision: 'approved', narrative: 'Sachteil des Programmbüros 2025' })).statusCode, 303);

    const book = await workbook(await funder.get(`${FUNDER_TOWN}/export/bericht.xlsx`));
    const notes = rowsOf(book, 'Hinweise')
      .map((r) => r.join(' '))
      .join('\n');
    assert.match(notes, /Werte unter 5 Personen .* „x“ ersetzt/);
    assert.equal(rowsOf(book, 'Kennzahlen').find((r) => r[0] === 'O2')?.[2], 'x', 'the share of 2 persons is withheld');
    const xlsxRow = rowsOf(book, book.worksheets[5]?.name ?? '').find((r) => r[0] === BENSHEIM) as unknown[];
    assert.equal(xlsxRow[2], 'x', 'two third-country nationals are withheld');
    for (const sheet of book.worksheets.slice(3)) {
      for (const row of rowsOf(book, sheet.name).slice(1)) {
        for (const cell of row.slice(2)) assert.ok(cell === 'x' || cell === 0 || (typeof cell === 'number' && cell >= 5), `${sheet.name}: ${row.join(';')}`);
      }
    }

    const csv = await funder.get(`${FUNDER_TOWN}/export/bericht.csv`);
    assert.equal(csv.statusCode, 200);
    const csvRow = csvRows(csv.body).find((r) => r[0] === BENSHEIM && r.length === xlsxRow.length && r[2] === 'x');
    assert.deepEqual(csvRow, xlsxRow.map(String), 'the CSV withholds the same cells as the XLSX');

    const pdf = await funder.get(`${FUNDER_TOWN}/export/bericht.pdf`);
    const { text } = await pdfText(pdf.rawPayload);
    assert.match(text.replace(/\s+/g, ' '), new RegExp(xlsxRow.map(String).join(' ')), 'the PDF withholds the same cells');
    assert.match(text, /Werte unter 5 Personen/);
    assert.doesNotMatch(text, /person\d+@example\.org/);

    // The programme report: Viernheim's 3 persons are withheld for the funder, shown to the office.
    const programme = await workbook(await funder.get(`${PROGRAMME}/export/bericht.xlsx`));
    const viernheim = rowsOf(programme, programme.worksheets[3]?.name ?? '').find((r) => r[0] === VIERNHEIM) as unknown[];
    assert.ok(
      viernheim.slice(2).every((cell) => cell === 'x' || cell === 0),
      viernheim.join(';'),
    );
    const programmeCsv = csvRows((await funder.get(`${PROGRAMME}/export/bericht.csv`)).body);
    for (const row of programmeCsv.filter((r) => r[0] === VIERNHEIM))
      assert.ok(
        row.slice(2).every((cell) => cell === 'x' || cell === '0'),
        row.join(';'),
      );
    const programmePdf = await pdfText((await funder.get(`${PROGRAMME}/export/bericht.pdf`)).rawPayload);
    assert.match(programmePdf.text, /Vielfalt verankern/);
    assert.match(programmePdf.text, /Sachteil des Programmbüros 2025/, 'the office narrative is printed');
    assert.doesNotMatch(programmePdf.text.replace(/\s+/g, ' '), /Viernheim( 0)* 3/);
    const forOffice = await workbook(await office.get(`${PROGRAMME}/export/bericht.xlsx`));
    const unprotected = rowsOf(forOffice, forOffice.worksheets[3]?.name ?? '').find((r) => r[0] === VIERNHEIM) as unknown[];
    assert.equal(unprotected.at(-1), 3);
  });
});
