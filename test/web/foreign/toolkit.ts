/**
 * Toolkit: a card of FOREIGN, sent by OWN's coordinator under OWN's address (to read, edit, submit
 * or translate), is a 404 and changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { type ForeignCase, type ForeignCases, type ForeignFixtures, OWN } from './types.ts';

const cards = new WeakMap<object, Promise<number>>();

/** A draft of FOREIGN: the state in which its own town could still change it, so only the town check stops the request. */
function foreignCard(f: ForeignFixtures): Promise<number> {
  let id = cards.get(f.db);
  if (!id) {
    id = f.db
      .insertInto('toolkit_methods')
      .values({
        municipality_id: f.foreignId,
        title: 'Fremde Methode',
        summary: 'Aus Viernheim',
        steps: ['Schritt'],
        duration: 'short',
        group_size: 'small',
        format: 'workshop',
        fields_of_action: ['education'],
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
    cards.set(f.db, id);
  }
  return id;
}

const foreignAttachments = new WeakMap<object, Promise<number>>();

/** An attachment of FOREIGN's draft. */
function foreignAttachment(f: ForeignFixtures): Promise<number> {
  let id = foreignAttachments.get(f.db);
  if (!id) {
    id = (async () => {
      const method = await foreignCard(f);
      const file = await f.db
        .insertInto('files')
        .values({ original_name: 'fremd.pdf', mime_type: 'application/pdf', size_bytes: 4, sha256: '0'.repeat(64), storage_key: `foreign-${randomUUID()}`, created_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return (await f.db.insertInto('toolkit_attachments').values({ method_id: method, file_id: file.id, title: 'Fremd', kind: 'pdf' }).returning('id').executeTakeFirstOrThrow()).id;
    })();
    foreignAttachments.set(f.db, id);
  }
  return id;
}

/** A draft of OWN, to name in the URL next to FOREIGN's attachment. */
async function ownCard(f: ForeignFixtures): Promise<number> {
  const row = {
    municipality_id: f.ownId,
    title: 'Eigene Methode',
    summary: 'x',
    steps: ['a'],
    duration: 'short' as const,
    group_size: 'small' as const,
    format: 'workshop' as const,
    fields_of_action: ['education'],
  };
  return (await f.db.insertInto('toolkit_methods').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

async function cardState(f: ForeignFixtures) {
  await foreignAttachment(f);
  const id = await foreignCard(f);
  const [attachments, card, versions, translations] = await Promise.all([
    f.db.selectFrom('toolkit_attachments').select(['id', 'method_id']).where('method_id', '=', id).orderBy('id').execute(),
    f.db.selectFrom('toolkit_methods').select(['title', 'status', 'version', 'summary']).where('id', '=', id).executeTakeFirst(),
    f.db.selectFrom('toolkit_method_versions').select('id').where('method_id', '=', id).execute(),
    f.db.selectFrom('toolkit_method_translations').selectAll().where('method_id', '=', id).execute(),
  ]);
  return { attachments, card, versions, translations };
}

const validCard = { title: 'Übernommen', summary: 'x', steps: 'a', format: 'workshop', duration: 'short', groupSize: 'small', fieldsOfAction: 'education' };

const examples = new WeakMap<object, Promise<number>>();

/** A draft example of FOREIGN, which its own town could still change. */
function foreignExample(f: ForeignFixtures): Promise<number> {
  let id = examples.get(f.db);
  if (!id) {
    id = f.db
      .insertInto('toolkit_examples')
      .values({ municipality_id: f.foreignId, title: 'Fremdes Beispiel', problem: 'P', approach: 'A', result: 'R' })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
    examples.set(f.db, id);
  }
  return id;
}

const validExample = { title: 'Übernommen', problem: 'P', approach: 'A', result: 'R' };

function onForeignExample(suffix: string, form?: Record<string, string>): ForeignCase {
  return {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/werkzeugkoffer/beispiele/${await foreignExample(f)}${suffix}`, form }),
    snapshot: async (f) => {
      const id = await foreignExample(f);
      const [example, versions, methods] = await Promise.all([
        f.db.selectFrom('toolkit_examples').select(['title', 'status', 'version']).where('id', '=', id).executeTakeFirst(),
        f.db.selectFrom('toolkit_example_versions').select('id').where('example_id', '=', id).execute(),
        f.db.selectFrom('toolkit_example_links').selectAll().where('example_id', '=', id).execute(),
      ]);
      return { example, versions, methods };
    },
  };
}

function onForeign(suffix: string, form?: Record<string, string>): ForeignCase {
  return {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/werkzeugkoffer/methoden/${await foreignCard(f)}${suffix}`, form }),
    snapshot: cardState,
  };
}

export const cases: ForeignCases = {
  'GET /werkzeugkoffer/methoden/:id': { notApplicable: 'the public card: every published card of every town is public, an unpublished one is 404 for everyone' },
  'GET /verwaltung/:ags/werkzeugkoffer/methoden/:id': onForeign(''),
  'POST /verwaltung/:ags/werkzeugkoffer/methoden/:id': onForeign('', validCard),
  'POST /verwaltung/:ags/werkzeugkoffer/methoden/:id/einreichen': onForeign('/einreichen'),
  'GET /verwaltung/:ags/werkzeugkoffer/methoden/:id/uebersetzung/:sprache': onForeign('/uebersetzung/en'),
  'POST /verwaltung/:ags/werkzeugkoffer/methoden/:id/uebersetzung/:sprache': onForeign('/uebersetzung/en', { title: 'Taken', summary: 'Over' }),
  'POST /verwaltung/:ags/werkzeugkoffer/methoden/:id/anhaenge': onForeign('/anhaenge', {}),
  'POST /verwaltung/:ags/werkzeugkoffer/methoden/:id/anhaenge/:attachmentId/loeschen': {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/werkzeugkoffer/methoden/${await ownCard(f)}/anhaenge/${await foreignAttachment(f)}/loeschen` }),
    snapshot: cardState,
  },
  'GET /werkzeugkoffer/anhaenge/:id': {
    as: 'coordinator',
    request: async (f) => ({ path: `/werkzeugkoffer/anhaenge/${await foreignAttachment(f)}` }),
    snapshot: cardState,
  },
  'GET /werkzeugkoffer/methoden/:id/pdf': { notApplicable: 'the public PDF of a card: every published card of every town is public, an unpublished one is 404 for everyone' },
  'GET /programmbuero/werkzeugkoffer/methoden/:id': { notApplicable: 'the programme office reviews the cards of every town' },
  'POST /programmbuero/werkzeugkoffer/methoden/:id/entscheidung': { notApplicable: 'the programme office decides on the cards of every town' },
  'GET /werkzeugkoffer/beispiele/:id': { notApplicable: 'the public example: every published example of every town is public, an unpublished one is 404 for everyone' },
  'GET /verwaltung/:ags/werkzeugkoffer/beispiele/:id': onForeignExample(''),
  'POST /verwaltung/:ags/werkzeugkoffer/beispiele/:id': onForeignExample('', { ...validExample }),
  'POST /verwaltung/:ags/werkzeugkoffer/beispiele/:id/einreichen': onForeignExample('/einreichen'),
  // A new example of OWN that names FOREIGN's measure: a field error, and no example is created.
  'POST /verwaltung/:ags/werkzeugkoffer/beispiele/neu': {
    as: 'coordinator',
    request: async (f) => {
      const measure = await f.db.selectFrom('measures').select('id').where('municipality_id', '=', f.foreignId).orderBy('id').executeTakeFirstOrThrow();
      return { path: `/verwaltung/${OWN}/werkzeugkoffer/beispiele/neu`, form: { ...validExample, measureIds: String(measure.id) } };
    },
    snapshot: async (f) => f.db.selectFrom('toolkit_examples').select('id').where('municipality_id', '=', f.ownId).orderBy('id').execute(),
    expect: [422],
  },
  'GET /programmbuero/werkzeugkoffer/beispiele/:id': { notApplicable: 'the programme office reviews the examples of every town' },
  'POST /programmbuero/werkzeugkoffer/beispiele/:id/entscheidung': { notApplicable: 'the programme office decides on the examples of every town' },
};
