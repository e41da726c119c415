/** The Vielfalts-Check's routes: what every role gets. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/platform/db/schema.ts';
import { COORDINATOR, type Entries, type Fixtures, FUNDER, invalidFor, OFFICE, OWN } from './types.ts';

async function firstAssessment(f: Fixtures): Promise<number> {
  return (await f.db.selectFrom('diversity_check_assessments').select('id').where('municipality_id', '=', f.ownId).orderBy('id').executeTakeFirstOrThrow()).id;
}

async function currentItem(db: Kysely<Database>): Promise<number> {
  const version = await db.selectFrom('diversity_check_versions').select('id').orderBy('number', 'desc').executeTakeFirstOrThrow();
  return (await db.selectFrom('diversity_check_items').select('id').where('version_id', '=', version.id).orderBy('id').executeTakeFirstOrThrow()).id;
}

/** An assessment of a new organisation of OWN, for each deletion. */
async function freshAssessment(f: Fixtures): Promise<number> {
  const organisation = await f.db
    .insertInto('network_organisations')
    .values({ municipality_id: f.ownId, name: 'Matrix-Einrichtung', type: 'club', address: '', website: '', email: '', description: '', is_public: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await f.db.selectFrom('diversity_check_versions').select('id').orderBy('number', 'desc').executeTakeFirstOrThrow();
  return (
    await f.db
      .insertInto('diversity_check_assessments')
      .values({ municipality_id: f.ownId, organisation_id: organisation.id, version_id: version.id, phase: 'baseline', assessed_on: '2024-01-01', index_score: 50, note: '', created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const base = `/verwaltung/${OWN}/vielfalts-check`;

export const entries: Entries = {
  'GET /verwaltung/:ags/vielfalts-check': { expect: COORDINATOR },
  'GET /verwaltung/:ags/vielfalts-check/neu': { expect: COORDINATOR },
  'POST /verwaltung/:ags/vielfalts-check/neu': { expect: invalidFor(COORDINATOR) },
  'GET /verwaltung/:ags/vielfalts-check/:id': { expect: COORDINATOR, path: async (f) => `${base}/${await firstAssessment(f)}` },
  'GET /verwaltung/:ags/vielfalts-check/:id/ergebnis.pdf': { expect: COORDINATOR, path: async (f) => `${base}/${await firstAssessment(f)}/ergebnis.pdf` },
  'POST /verwaltung/:ags/vielfalts-check/:id/loeschen': { expect: COORDINATOR, path: async (f) => `${base}/${await freshAssessment(f)}/loeschen` },
  'GET /programmbuero/vielfalts-check': { expect: FUNDER },
  'GET /programmbuero/vielfalts-check/fragen': { expect: OFFICE },
  'POST /programmbuero/vielfalts-check/fragen': { expect: invalidFor(OFFICE) },
  'GET /programmbuero/vielfalts-check/fragen/:id': { expect: OFFICE, path: async (f) => `/programmbuero/vielfalts-check/fragen/${await currentItem(f.db)}` },
  'POST /programmbuero/vielfalts-check/fragen/:id': { expect: invalidFor(OFFICE), path: async (f) => `/programmbuero/vielfalts-check/fragen/${await currentItem(f.db)}` },
};
