/** The toolkit module's routes: what every role gets. */
import type { Status } from '../../../src/modules/toolkit/tables.ts';
import { COORDINATOR, type Entries, type Fixtures, invalidFor, OFFICE, OWN, PUBLIC } from './types.ts';

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

const workspace = (id: number) => `/verwaltung/${OWN}/werkzeugkoffer/methoden/${id}`;

export const entries: Entries = {
  'GET /werkzeugkoffer': { expect: PUBLIC },
  'GET /werkzeugkoffer/methoden.csv': { expect: PUBLIC },
  'GET /werkzeugkoffer/methoden/:id': { expect: PUBLIC, path: async (f) => `/werkzeugkoffer/methoden/${await card(f, 'published')}` },
  'GET /verwaltung/:ags/werkzeugkoffer': { expect: COORDINATOR },
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
};
