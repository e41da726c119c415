/** The toolkit module's routes: what every role gets. */
import { randomUUID } from 'node:crypto';
import type { Status } from '../../../src/modules/toolkit/tables.ts';
import { all, COORDINATOR, type Entries, type Fixtures, invalidFor, OFFICE, OWN, PUBLIC } from './types.ts';

/** A card of the own town in a given state; a submission uses one up, so each request gets its own. */
async function card(f: Fixtures, status: Status): Promise<number> {
  const row = {
    municipality_id: f.ownId,
    status,
    title: 'Matrix-Methode',
    summary: 'Für die Matrix',
    steps: ['Ein Schritt'],
    duration: 'short' as const,
    group_size: 'small' as const,
    format: 'workshop' as const,
    fields_of_action: ['education'],
    published_at: status === 'published' ? new Date() : null,
  };
  return (await f.db.insertInto('toolkit_methods').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** An attachment of a fresh draft of the own town (its bytes are not stored: the matrix has no file store; downloads are tested in toolkit-attachments). */
async function attachment(f: Fixtures): Promise<{ method: number; id: number }> {
  const method = await card(f, 'draft');
  const file = await f.db
    .insertInto('files')
    .values({ original_name: 'matrix.pdf', mime_type: 'application/pdf', size_bytes: 4, sha256: '0'.repeat(64), storage_key: `matrix-${randomUUID()}`, created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id } = await f.db.insertInto('toolkit_attachments').values({ method_id: method, file_id: file.id, title: 'Matrix', kind: 'pdf' }).returning('id').executeTakeFirstOrThrow();
  return { method, id };
}

/** An example of the own town in a given state. */
async function example(f: Fixtures, status: Status): Promise<number> {
  const row = { municipality_id: f.ownId, status, title: 'Matrix-Beispiel', problem: 'P', approach: 'A', result: 'R', published_at: status === 'published' ? new Date() : null };
  return (await f.db.insertInto('toolkit_examples').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
const exampleDesk = (id: number) => `/verwaltung/${OWN}/werkzeugkoffer/beispiele/${id}`;

const workspace = (id: number) => `/verwaltung/${OWN}/werkzeugkoffer/methoden/${id}`;

export const entries: Entries = {
  'GET /werkzeugkoffer': { expect: PUBLIC },
  'GET /werkzeugkoffer/methoden.csv': { expect: PUBLIC },
  'GET /werkzeugkoffer/methoden/:id': { expect: PUBLIC, path: async (f) => `/werkzeugkoffer/methoden/${await card(f, 'published')}` },
  'GET /werkzeugkoffer/methoden/:id/pdf': { expect: PUBLIC, path: async (f) => `/werkzeugkoffer/methoden/${await card(f, 'published')}/pdf` },
  'GET /werkzeugkoffer/anhaenge/:id': { expect: all('not_found'), path: async (f) => `/werkzeugkoffer/anhaenge/${(await attachment(f)).id}` },
  'GET /verwaltung/:ags/werkzeugkoffer': { expect: COORDINATOR },
  // A form post without a file: the allowed roles hear that the upload is not multipart.
  'POST /verwaltung/:ags/werkzeugkoffer/methoden/:id/anhaenge': {
    expect: { ...COORDINATOR, coordinator_own: 'bad_request', programme_office: 'bad_request' },
    path: async (f) => `${workspace(await card(f, 'draft'))}/anhaenge`,
  },
  'POST /verwaltung/:ags/werkzeugkoffer/methoden/:id/anhaenge/:attachmentId/loeschen': {
    expect: COORDINATOR,
    path: async (f) => {
      const a = await attachment(f);
      return `${workspace(a.method)}/anhaenge/${a.id}/loeschen`;
    },
  },
  'GET /verwaltung/:ags/werkzeugkoffer/methoden/neu': { expect: COORDINATOR },
  'POST /verwaltung/:ags/werkzeugkoffer/methoden/neu': { expect: invalidFor(COORDINATOR) },
  'GET /verwaltung/:ags/werkzeugkoffer/methoden/:id': { expect: COORDINATOR, path: async (f) => workspace(await card(f, 'draft')) },
  'POST /verwaltung/:ags/werkzeugkoffer/methoden/:id': { expect: invalidFor(COORDINATOR), path: async (f) => workspace(await card(f, 'draft')) },
  'POST /verwaltung/:ags/werkzeugkoffer/methoden/:id/einreichen': { expect: COORDINATOR, path: async (f) => `${workspace(await card(f, 'draft'))}/einreichen` },
  'GET /verwaltung/:ags/werkzeugkoffer/methoden/:id/uebersetzung/:sprache': { expect: COORDINATOR, path: async (f) => `${workspace(await card(f, 'draft'))}/uebersetzung/en` },
  'POST /verwaltung/:ags/werkzeugkoffer/methoden/:id/uebersetzung/:sprache': { expect: invalidFor(COORDINATOR), path: async (f) => `${workspace(await card(f, 'draft'))}/uebersetzung/en` },
  'GET /programmbuero/werkzeugkoffer': { expect: OFFICE },
  'GET /programmbuero/werkzeugkoffer/methoden/:id': { expect: OFFICE, path: async (f) => `/programmbuero/werkzeugkoffer/methoden/${await card(f, 'submitted')}` },
  'POST /programmbuero/werkzeugkoffer/methoden/:id/entscheidung': {
    expect: invalidFor(OFFICE),
    path: async (f) => `/programmbuero/werkzeugkoffer/methoden/${await card(f, 'submitted')}/entscheidung`,
  },
  'GET /werkzeugkoffer/beispiele': { expect: PUBLIC },
  'GET /werkzeugkoffer/beispiele/:id': { expect: PUBLIC, path: async (f) => `/werkzeugkoffer/beispiele/${await example(f, 'published')}` },
  'GET /verwaltung/:ags/werkzeugkoffer/beispiele': { expect: COORDINATOR },
  'GET /verwaltung/:ags/werkzeugkoffer/beispiele/neu': { expect: COORDINATOR },
  'POST /verwaltung/:ags/werkzeugkoffer/beispiele/neu': { expect: invalidFor(COORDINATOR) },
  'GET /verwaltung/:ags/werkzeugkoffer/beispiele/:id': { expect: COORDINATOR, path: async (f) => exampleDesk(await example(f, 'draft')) },
  'POST /verwaltung/:ags/werkzeugkoffer/beispiele/:id': { expect: invalidFor(COORDINATOR), path: async (f) => exampleDesk(await example(f, 'draft')) },
  'POST /verwaltung/:ags/werkzeugkoffer/beispiele/:id/einreichen': { expect: COORDINATOR, path: async (f) => `${exampleDesk(await example(f, 'draft'))}/einreichen` },
  'GET /programmbuero/werkzeugkoffer/beispiele': { expect: OFFICE },
  'GET /programmbuero/werkzeugkoffer/beispiele/:id': { expect: OFFICE, path: async (f) => `/programmbuero/werkzeugkoffer/beispiele/${await example(f, 'submitted')}` },
  'POST /programmbuero/werkzeugkoffer/beispiele/:id/entscheidung': {
    expect: invalidFor(OFFICE),
    path: async (f) => `/programmbuero/werkzeugkoffer/beispiele/${await example(f, 'submitted')}/entscheidung`,
  },
};
