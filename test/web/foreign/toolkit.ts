/**
 * Toolkit: a card of FOREIGN, sent by OWN's coordinator under OWN's address (to read, edit, submit
 * or translate), is a 404 and changes nothing.
 */
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

async function cardState(f: ForeignFixtures) {
  const id = await foreignCard(f);
  const [card, versions, translations] = await Promise.all([
    f.db.selectFrom('toolkit_methods').select(['title', 'status', 'version', 'summary']).where('id', '=', id).executeTakeFirst(),
    f.db.selectFrom('toolkit_method_versions').select('id').where('method_id', '=', id).execute(),
    f.db.selectFrom('toolkit_method_translations').selectAll().where('method_id', '=', id).execute(),
  ]);
  return { card, versions, translations };
}

const validCard = { title: 'Übernommen', summary: 'x', steps: 'a', format: 'workshop', duration: 'short', groupSize: 'small', fieldsOfAction: 'education' };

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
  'GET /programmbuero/werkzeugkoffer/methoden/:id': { notApplicable: 'the programme office reviews the cards of every town' },
  'POST /programmbuero/werkzeugkoffer/methoden/:id/entscheidung': { notApplicable: 'the programme office decides on the cards of every town' },
};
