/**
 * Importing a town's organisations from CSV or XLSX over HTTP: files recognised by their bytes
 * (and refused otherwise), Windows-1252 and UTF-8, `;` and `,`, the guessed and remembered column
 * mapping, the preview with row errors and likely duplicates, the run in one transaction with a
 * choice per duplicate (a foreign id is a field error), the error file with formulas neutralised,
 * and the undo of a whole import unless its records were changed since.
 */
import assert from 'node:assert/strict';
import { scoreQueuedCandidates } from '../../src/modules/network/candidates-job.ts';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { networkFactory } from '../support/factories/network.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';
const base = `/verwaltung/${BENSHEIM}/netzwerk/import`;
const csvFile = (data: Buffer, filename = 'liste.csv') => ({ field: 'file', filename, contentType: 'text/csv', data });

describe('network import', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let town: number;
  let foreignTown: number;
  const ids: Record<string, number> = {};
  let coordinator: TestClient;
  let foreignCoordinator: TestClient;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    town = await municipalityId(db, BENSHEIM);
    foreignTown = await municipalityId(db, VIERNHEIM);
    const f = networkFactory(db, town);
    ids.verein = await f.organisation('Verein für Nachbarschaftshilfe e.V.', { website: 'https://www.nachbarn-bensheim.de/', description: 'Alt' });
    ids.school = await f.organisation('Grundschule am Park', { type: 'school', email: 'info@gs-park.de' });
    ids.foreign = await networkFactory(db, foreignTown).organisation('Fremder Verein Viernheim');
    const own = await createUser(db, { email: 'import@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] });
    const other = await createUser(db, { email: 'import@viernheim.test', roles: [{ role: 'coordinator', municipalityId: foreignTown }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login(own.email, TEST_PASSWORD);
    foreignCoordinator = new TestClient(t.app.fastify);
    await foreignCoordinator.login(other.email, TEST_PASSWORD);
  });
  after(() => t.close());

  async function upload(file: ReturnType<typeof csvFile>) {
    const response = await coordinator.postMultipart(base, {}, file);
    if (response.statusCode !== 303) return { response, id: 0 };
    return { response, id: Number(/import\/(\d+)/.exec(String(response.headers.location))?.[1]) };
  }

  describe('files', () => {
    it('refuses what is not a readable CSV or XLSX, by its bytes, with the message next to the file field', async () => {
      const zipNoWorkbook = Buffer.from('504b0304140000000800', 'hex');
      const cases: Array<[string, Buffer, RegExp]> = [
        ['leer.csv', Buffer.alloc(0), /leer|empty/i],
        ['tarnung.csv', Buffer.from('%PDF-1.7\n1 0 obj'), /Dateiart|Dateityp|type/i],
        ['alt.xls', Buffer.from('d0cf11e0a1b11ae10000000000000000', 'hex'), /\.xls/],
        ['binaer.csv', Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x00, 0x01, 0x02]), /Dateiart|Dateityp|type/i],
        ['kaputt.xlsx', zipNoWorkbook, /Dateiart|Dateityp|type/i],
        ['nur-kopf.csv', Buffer.from('Name;Art\n'), /keine Zeilen/],
        ['breit.csv', Buffer.from(`${Array.from({ length: 61 }, (_, i) => `S${i}`).join(';')}\nA\n`), /mehr als 60 Spalten/],
        ['gross.csv', Buffer.concat([Buffer.from('Name\n'), Buffer.alloc(5 * 1024 * 1024 + 10, 0x41)]), /MB/],
      ];
      const before = await db.selectFrom('network_imports').select('id').execute();
      for (const [name, data, message] of cases) {
        const { response } = await upload(csvFile(data, name));
        assert.equal(response.statusCode, 422, name);
        assert.match(response.body, /id="file-error"/, name);
        assert.match(visibleText(response.body), message, name);
      }
      assert.equal((await db.selectFrom('network_imports').select('id').execute()).length, before.length, 'nothing kept');
    });
  });

  describe('a Windows-1252 list with semicolons (Latin-1 bytes, as Excel on Windows saves it)', () => {
    let id: number;

    it('is read, its columns mapped from the German headers, and previewed with errors and likely duplicates', async () => {
      const text = [
        'Organisation;Art;Internetseite;E-Mail;Öffentlich;Bemerkung',
        'Türkischer Elternbund;Migrantenorganisation;elternbund.de;kontakt@elternbund.de;ja;Beratung für Eltern',
        'Nachbarschaftshilfe;Verein;http://nachbarn-bensheim.de;;nein;Neu aus der Liste',
        'Grundschule Park;Schule;;info@gs-park.de;;',
        ';Verein;;;;ohne Namen',
        'Kaputte Mail;Verein;;keine-adresse;;',
        'Unbekannte Art;Raumschiff;;;;',
        '"=HYPERLINK(""http://evil.example"";""klick"")";Verein;;;vielleicht;',
        '@SUMME(1);Verein;;;;',
        'Türkischer Elternbund e.V.;Verein;;;;doppelt in der Datei',
      ].join('\r\n');
      const up = await upload(csvFile(Buffer.from(text, 'latin1')));
      assert.equal(up.response.statusCode, 303, up.response.body.slice(0, 300));
      id = up.id;
      const imp = await db.selectFrom('network_imports').select(['headers', 'mapping', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(imp.headers[5], 'Bemerkung');
      assert.deepEqual(imp.mapping, { name: '0', type: '1', website: '2', email: '3', isPublic: '4', description: '5' });
      const page = await coordinator.get(`${base}/${id}`);
      assert.equal(page.statusCode, 200);
      const text2 = visibleText(page.body);
      assert.match(text2, /9 Zeilen: 2 neu, 2 mögliche Dubletten, 5 mit Fehlern/);
      assert.match(text2, /Türkischer Elternbund/, 'umlauts read from Windows-1252');
      assert.match(text2, /„Raumschiff“ ist keine bekannte Art/);
      assert.match(text2, /Dieselbe Organisation steht schon in Zeile 2/);
      assert.match(text2, /Bitte „ja“ oder „nein“/);
      assert.match(page.body, /name="row-3" value="update-\d+"/);
      assert.match(page.body, new RegExp(`value="update-${ids.school}"`));
    });

    it('gives an error file with every rejected row and its reasons, formulas neutralised', async () => {
      const response = await coordinator.get(`${base}/${id}/fehler.csv`);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /text\/csv/);
      const lines = response.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      assert.equal(lines.length, 6, response.body);
      assert.match(lines[0] ?? '', /^Zeile;Gründe;Organisation;Art/);
      assert.ok(lines.some((l) => l.startsWith('5;') && /Name/.test(l)));
      assert.ok(
        lines.some((l) => l.includes(`"'=HYPERLINK(`)),
        'a formula in a refused row is neutralised',
      );
      assert.ok(!lines.some((l) => /;=HYPERLINK/.test(l)));
    });

    it("refuses to run without a choice per duplicate, or with another town's record as the target, and changes nothing", async () => {
      const count = async () => (await db.selectFrom('network_organisations').select('id').where('municipality_id', '=', town).execute()).length;
      const before = await count();
      const missing = await coordinator.post(`${base}/${id}/ausfuehren`, { 'row-3': 'skip' });
      assert.equal(missing.statusCode, 422);
      assert.match(missing.body, /id="row-4-error"/);
      const foreign = await coordinator.post(`${base}/${id}/ausfuehren`, { 'row-3': `update-${ids.foreign}`, 'row-4': 'skip' });
      assert.equal(foreign.statusCode, 422);
      assert.match(foreign.body, /id="row-3-error"/);
      assert.equal(await count(), before);
      assert.equal((await db.selectFrom('network_imports').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'pending');
    });

    it("runs in one transaction: creates the new rows tagged, updates the chosen record with the file's filled cells, skips, audits", async () => {
      const response = await coordinator.post(`${base}/${id}/ausfuehren`, { 'row-3': `update-${ids.verein}`, 'row-4': 'create' });
      assert.equal(response.statusCode, 303, response.body.slice(0, 400));
      const created = await db.selectFrom('network_organisations').select(['id', 'name', 'type', 'website', 'is_public', 'import_id']).where('import_id', '=', id).orderBy('name').execute();
      assert.deepEqual(
        created.map((o) => [o.name, o.type, o.website, o.is_public]),
        [
          ['@SUMME(1)', 'club', '', false],
          ['Grundschule Park', 'school', '', false],
          ['Türkischer Elternbund', 'migrant_organisation', 'https://elternbund.de', true],
        ],
      );
      const verein = await db.selectFrom('network_organisations').selectAll().where('id', '=', ids.verein!).executeTakeFirstOrThrow();
      assert.equal(verein.name, 'Nachbarschaftshilfe');
      assert.equal(verein.description, 'Neu aus der Liste');
      assert.equal(verein.website, 'http://nachbarn-bensheim.de');
      assert.equal(verein.import_id, null, 'an updated record keeps the tag of whoever created it');
      const school = created.find((o) => o.name === 'Grundschule Park');
      const distinct = await db.selectFrom('network_organisation_distinct').selectAll().where('municipality_id', '=', town).execute();
      assert.ok(
        distinct.some((d) => d.first_id === ids.school && d.second_id === school?.id),
        '"create anyway" is remembered as not a duplicate',
      );
      const imp = await db.selectFrom('network_imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual([imp.status, imp.created_count, imp.updated_count, imp.skipped_count], ['done', 3, 1, 5]);
      // What the import wrote waits for the background comparison, which then keeps the pair of the "create anyway" row.
      const queued = await db.selectFrom('network_candidate_queue').select('organisation_id').where('municipality_id', '=', town).execute();
      assert.deepEqual(
        queued.map((q) => q.organisation_id).sort((a, b) => a - b),
        [...created.map((o) => o.id), ids.verein!].sort((a, b) => a - b),
      );
      assert.ok((await scoreQueuedCandidates(db)) >= 4);
      const pair = await db
        .selectFrom('network_organisation_candidates')
        .select('score')
        .where('first_id', '=', Math.min(ids.school!, school!.id))
        .where('second_id', '=', Math.max(ids.school!, school!.id))
        .executeTakeFirst();
      assert.ok(pair && pair.score >= 40, 'the kept pair is there (the list leaves it out, it is marked as not a duplicate)');
      const audit = await db.selectFrom('audit_log').select(['action', 'after']).where('entity_type', '=', 'network_import').where('entity_id', '=', String(id)).execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['network.import_run'],
      );
      const again = await coordinator.post(`${base}/${id}/ausfuehren`, { 'row-3': 'create', 'row-4': 'create' });
      assert.equal(again.statusCode, 303, 'a second run is refused with a message');
      assert.equal((await db.selectFrom('network_organisations').select('id').where('import_id', '=', id).execute()).length, 3);
      const list = await coordinator.get('/verwaltung/06431002/netzwerk/organisationen.csv');
      assert.match(list.body, /'@SUMME\(1\)/, 'the export neutralises an imported formula');
    });

    it('is not undone while one of its records was changed since, then undone as a whole', async () => {
      const school = await db.selectFrom('network_organisations').select('id').where('import_id', '=', id).where('name', '=', 'Grundschule Park').executeTakeFirstOrThrow();
      await db
        .updateTable('network_organisations')
        .set({ description: 'von Hand', updated_at: new Date(Date.now() + 60_000) })
        .where('id', '=', school.id)
        .execute();
      const blocked = await coordinator.post(`${base}/${id}/rueckgaengig`);
      assert.equal(blocked.statusCode, 303);
      const shown = await coordinator.get(`${base}/${id}`);
      assert.match(visibleText(shown.body), /kann nicht rückgängig gemacht werden.*Grundschule Park/);
      assert.equal((await db.selectFrom('network_organisations').select('id').where('import_id', '=', id).execute()).length, 3);

      await db
        .updateTable('network_organisations')
        .set({ updated_at: new Date(Date.now() - 3_600_000) })
        .where('id', '=', school.id)
        .execute();
      const undone = await coordinator.post(`${base}/${id}/rueckgaengig`);
      assert.equal(undone.statusCode, 303);
      assert.equal((await db.selectFrom('network_organisations').select('id').where('import_id', '=', id).execute()).length, 0);
      const verein = await db.selectFrom('network_organisations').selectAll().where('id', '=', ids.verein!).executeTakeFirstOrThrow();
      assert.deepEqual([verein.name, verein.description, verein.website], ['Verein für Nachbarschaftshilfe e.V.', 'Alt', 'https://www.nachbarn-bensheim.de/']);
      const imp = await db.selectFrom('network_imports').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(imp.status, 'undone');
      const audit = await db.selectFrom('audit_log').select('action').where('entity_type', '=', 'network_import').where('entity_id', '=', String(id)).orderBy('id').execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['network.import_run', 'network.import_undone'],
      );
    });
  });

  describe('an XLSX list and a UTF-8 list with commas', () => {
    it('reads the first sheet by the values cells show (a formula by its result), with the remembered mapping', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Liste');
      sheet.addRow(['Bemerkung', 'Organisation', 'Art']);
      sheet.addRow(['Tafel', 'Bensheimer Tafel', 'Wohlfahrtsverband']);
      sheet.addRow(['Formel', { formula: 'B2&" Süd"', result: 'Bensheimer Tafel Süd' }, 'Verein']);
      const { id, response } = await upload({ field: 'file', filename: 'liste.xlsx', contentType: 'application/octet-stream', data: Buffer.from(await book.xlsx.writeBuffer()) });
      assert.equal(response.statusCode, 303, response.body.slice(0, 300));
      const imp = await db.selectFrom('network_imports').select(['mapping', 'rows']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(imp.rows[1], ['Formel', 'Bensheimer Tafel Süd', 'Verein']);
      assert.equal(imp.mapping.name, '1', 'the remembered header "Organisation" is found in another position');
      assert.equal(imp.mapping.description, '0');
    });

    it('reads UTF-8 with byte order mark, commas and quoted cells with line breaks, and saves an edited mapping', async () => {
      const text = '\uFEFFName,Typ,Stadtteil,Notiz\r\n"Chor ""Eintracht"", Auerbach",club,Auerbach,"zwei\nZeilen"\r\nLesepaten,Initiative,Nirgendwo,\r\n';
      const { id, response } = await upload(csvFile(Buffer.from(text, 'utf8')));
      assert.equal(response.statusCode, 303);
      const imp = await db.selectFrom('network_imports').select(['rows', 'mapping']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(imp.rows[0], ['Chor "Eintracht", Auerbach', 'club', 'Auerbach', 'zwei\nZeilen']);
      const bad = await coordinator.post(`${base}/${id}/zuordnung`, { name: '9', type: '1' });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /id="name-error"/);
      const noName = await coordinator.post(`${base}/${id}/zuordnung`, { type: '1' });
      assert.equal(noName.statusCode, 422);
      const saved = await coordinator.post(`${base}/${id}/zuordnung`, { name: '0', type: '1', districtId: '2', description: '3' });
      assert.equal(saved.statusCode, 303);
      const page = visibleText((await coordinator.get(`${base}/${id}`)).body);
      assert.match(page, /„Nirgendwo“ ist kein Ortsteil dieser Kommune/);
      const remembered = await db.selectFrom('network_import_mappings').select('mapping').where('municipality_id', '=', town).executeTakeFirstOrThrow();
      assert.deepEqual(remembered.mapping, { name: 'Name', type: 'Typ', districtId: 'Stadtteil', description: 'Notiz' });
    });
  });

  describe('access', () => {
    it("keeps imports to their town: 403 for another town's coordinator, 404 for an id of another town", async () => {
      const mine = (await db.selectFrom('network_imports').select('id').where('municipality_id', '=', town).orderBy('id').executeTakeFirstOrThrow()).id;
      assert.equal((await foreignCoordinator.get(`${base}/${mine}`)).statusCode, 403);
      const theirs = await db
        .insertInto('network_imports')
        .values({
          municipality_id: foreignTown,
          file_name: 'fremd.csv',
          headers: JSON.stringify(['Name']),
          rows: JSON.stringify([['Fremd']]),
          mapping: JSON.stringify({ name: '0' }),
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const path of ['', '/fehler.csv']) assert.equal((await coordinator.get(`${base}/${theirs.id}${path}`)).statusCode, 404, path);
      for (const path of ['/ausfuehren', '/rueckgaengig', '/zuordnung']) assert.equal((await coordinator.post(`${base}/${theirs.id}${path}`, { name: '0' })).statusCode, 404, path);
      const row = await db.selectFrom('network_imports').select(['status', 'mapping']).where('id', '=', theirs.id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'pending', mapping: { name: '0' } });
    });
  });
});
