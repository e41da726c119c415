/**
 * Toolkit attachments and print: files checked by their first bytes (not their names), the text of
 * PDF, Word and PowerPoint files found by the search, downloads only where the card may be seen,
 * and the card as a PDF read back as a reader would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { zipSync } from 'fflate';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { toolkitFactory } from '../support/factories/toolkit.ts';
import { pdfBytes, pdfText } from '../support/pdf.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const enc = (s: string) => new TextEncoder().encode(s);

/** A minimal Word document: the content types and one paragraph. */
function docx(text: string): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': enc(
        '<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      'word/document.xml': enc(`<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`),
    }),
  );
}

function pptx(slides: string[]): Buffer {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': enc(
      '<?xml version="1.0"?><Types><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>',
    ),
  };
  slides.forEach((s, i) => {
    files[`ppt/slides/slide${i + 1}.xml`] = enc(`<p:sld><p:txBody><a:p><a:r><a:t>${s}</a:t></a:r></a:p></p:txBody></p:sld>`);
  });
  return Buffer.from(zipSync(files));
}

describe('toolkit attachments and print', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let coordinator: TestClient;
  let visitor: TestClient;
  let draft: number;
  let published: number;
  const upload = (id: number, filename: string, data: Buffer, title = '') =>
    coordinator.postMultipart(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/${id}/anhaenge`, { title }, { field: 'file', filename, contentType: 'application/octet-stream', data });

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    const town = await municipalityId(db, BENSHEIM);
    const f = toolkitFactory(db, town);
    draft = await f.method({ title: 'Planspiel Kommunalpolitik', summary: 'Ein Spiel', status: 'draft' });
    published = await f.method({ title: 'Erzählcafé', summary: 'Geschichten vom Ankommen', steps: ['Stühle im Kreis aufstellen', 'Eine Frage stellen'] });
    const user = await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login(user.email, TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
  });
  after(() => t.close());

  it('reads the text of a PDF, a Word and a PowerPoint file, so the search finds the card by it', async () => {
    assert.equal((await upload(draft, 'ablauf.pdf', await pdfBytes('Moderationsleitfaden Rollenkarten'), 'Leitfaden')).statusCode, 303);
    assert.equal((await upload(draft, 'vorlage.docx', docx('Einladungsschreiben an Ortsbeiräte'))).statusCode, 303);
    assert.equal((await upload(draft, 'folien.pptx', pptx(['Haushaltsberatung', 'Abstimmungsrunde']))).statusCode, 303);
    const rows = await db.selectFrom('toolkit_attachments').select(['kind', 'title', 'text_content']).where('method_id', '=', draft).orderBy('id').execute();
    assert.deepEqual(
      rows.map((r) => r.kind),
      ['pdf', 'docx', 'pptx'],
    );
    assert.match(rows[0]?.text_content ?? '', /Moderationsleitfaden Rollenkarten/);
    assert.equal(rows[0]?.title, 'Leitfaden');
    assert.equal(rows[1]?.title, 'vorlage.docx');
    assert.match(rows[2]?.text_content ?? '', /Haushaltsberatung Abstimmungsrunde/);
    // Still a draft: not in the public search; once published, found by the attachments' words (stemmed).
    assert.match(visibleText((await visitor.get('/werkzeugkoffer?q=Rollenkarte')).body), /0 Methoden/);
    await db.updateTable('toolkit_methods').set({ status: 'published' }).where('id', '=', draft).execute();
    for (const q of ['Rollenkarte', 'Einladungsschreiben', 'Ortsbeirat', 'Abstimmungsrunden']) {
      const text = visibleText((await visitor.get(`/werkzeugkoffer?q=${encodeURIComponent(q)}`)).body);
      assert.match(text, /1 Methode/, q);
      assert.match(text, /Planspiel Kommunalpolitik/, q);
    }
    await db.updateTable('toolkit_methods').set({ status: 'draft' }).where('id', '=', draft).execute();
  });

  it('refuses a file whose first bytes are not what it claims, and a ZIP that is no Office document (422)', async () => {
    const before = await db.selectFrom('toolkit_attachments').select('id').execute();
    const fake = await upload(draft, 'harmlos.pdf', Buffer.from('<script>alert(1)</script>'));
    assert.equal(fake.statusCode, 422);
    assert.match(fake.body, /id="file-error"/);
    const zip = await upload(draft, 'archiv.docx', Buffer.from(zipSync({ 'a.txt': enc('nur Text') })));
    assert.equal(zip.statusCode, 422);
    const empty = await coordinator.postMultipart(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/${draft}/anhaenge`, { title: 'Ohne Datei' });
    assert.equal(empty.statusCode, 422);
    assert.deepEqual(await db.selectFrom('toolkit_attachments').select('id').execute(), before);
  });

  it('lets everyone download the attachments of a published card, and nobody but the town those of a draft', async () => {
    const [att] = await db.selectFrom('toolkit_attachments').select('id').where('method_id', '=', draft).orderBy('id').execute();
    assert.equal((await visitor.get(`/werkzeugkoffer/anhaenge/${att?.id}`)).statusCode, 404);
    const own = await coordinator.get(`/werkzeugkoffer/anhaenge/${att?.id}`);
    assert.equal(own.statusCode, 200);
    assert.equal(own.headers['content-type'], 'application/pdf');
    assert.equal(own.headers['x-content-type-options'], 'nosniff');
    // A published card is with the office: the town's upload goes back with a message and adds nothing.
    assert.equal((await upload(published, 'plan.pdf', await pdfBytes('Sitzplan'))).statusCode, 303);
    assert.equal((await db.selectFrom('toolkit_attachments').select('id').where('method_id', '=', published).execute()).length, 0);
    await db.updateTable('toolkit_methods').set({ status: 'published' }).where('id', '=', draft).execute();
    const publicDownload = await visitor.get(`/werkzeugkoffer/anhaenge/${att?.id}`);
    assert.equal(publicDownload.statusCode, 200);
    assert.match(String(publicDownload.headers['content-disposition']), /^attachment; filename="ablauf\.pdf"/);
    const page = await visitor.get(`/werkzeugkoffer/methoden/${draft}`);
    assert.match(visibleText(page.body), /Leitfaden \(PDF/);
  });

  it('prints: the card as a PDF with title, steps in order and licence, and a page whose print style hides the rest', async () => {
    const response = await visitor.get(`/werkzeugkoffer/methoden/${published}/pdf`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    const pdf = await pdfText(response.rawPayload);
    assert.equal(pdf.pages, 1);
    assert.match(pdf.text, /Erzählcafé/);
    assert.match(pdf.text, /1\. Stühle im Kreis aufstellen[\s\S]*2\. Eine Frage stellen/);
    assert.match(pdf.text, /CC-BY-4\.0/);
    const english = await pdfText((await visitor.get(`/werkzeugkoffer/methoden/${published}/pdf`, { cookie: 'vv_lang=en' })).rawPayload);
    assert.match(english.text, /Steps/);
    assert.equal((await visitor.get(`/werkzeugkoffer/methoden/${draft + 1000}/pdf`)).statusCode, 404);
    const css = await visitor.get('/static/app.css');
    assert.match(css.body, /@media print[\s\S]*\.vv-noprint/);
  });
});
