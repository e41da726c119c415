/**
 * Vielfalts-Check: an assessment or an organisation of FOREIGN, named by OWN's coordinator under
 * OWN's address, is a 404 (URL) or a field error (form) and changes nothing.
 */
import { type ForeignCase, type ForeignCases, type ForeignFixtures, OWN } from './types.ts';

async function foreignAssessment(f: ForeignFixtures): Promise<number> {
  const existing = await f.db.selectFrom('diversity_check_assessments').select('id').where('municipality_id', '=', f.foreignId).orderBy('id').executeTakeFirst();
  if (existing) return existing.id;
  const organisation = await f.db.selectFrom('network_organisations').select('id').where('municipality_id', '=', f.foreignId).orderBy('id').executeTakeFirstOrThrow();
  const version = await f.db.selectFrom('diversity_check_versions').select('id').orderBy('number', 'desc').executeTakeFirstOrThrow();
  return (
    await f.db
      .insertInto('diversity_check_assessments')
      .values({ municipality_id: f.foreignId, organisation_id: organisation.id, version_id: version.id, phase: 'baseline', assessed_on: '2024-01-01', index_score: 40, note: '', created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const assessmentRow = async (f: ForeignFixtures) =>
  f.db
    .selectFrom('diversity_check_assessments')
    .selectAll()
    .where('id', '=', await foreignAssessment(f))
    .executeTakeFirst();

function onForeign(suffix: string): ForeignCase {
  return {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/vielfalts-check/${await foreignAssessment(f)}${suffix}` }),
    snapshot: assessmentRow,
  };
}

export const cases: ForeignCases = {
  'POST /verwaltung/:ags/vielfalts-check/neu': {
    as: 'coordinator',
    request: async (f) => {
      const organisation = await f.db.selectFrom('network_organisations').select('id').where('municipality_id', '=', f.foreignId).orderBy('id', 'desc').executeTakeFirstOrThrow();
      const version = await f.db.selectFrom('diversity_check_versions').select('id').orderBy('number', 'desc').executeTakeFirstOrThrow();
      const items = await f.db.selectFrom('diversity_check_items').select('id').where('version_id', '=', version.id).execute();
      return {
        path: `/verwaltung/${OWN}/vielfalts-check/neu`,
        form: { organisationId: String(organisation.id), phase: 'baseline', assessedOn: '2024-05-01', ...Object.fromEntries(items.map((i) => [`level_${i.id}`, '2'])) },
      };
    },
    snapshot: (f) => f.db.selectFrom('diversity_check_assessments').select('id').orderBy('id').execute(),
    expect: [422],
  },
  'GET /verwaltung/:ags/vielfalts-check/:id': onForeign(''),
  'GET /verwaltung/:ags/vielfalts-check/:id/ergebnis.pdf': onForeign('/ergebnis.pdf'),
  'POST /verwaltung/:ags/vielfalts-check/:id/loeschen': onForeign('/loeschen'),
  'GET /programmbuero/vielfalts-check/fragen/:id': {
    notApplicable: 'the items belong to the programme, not to a town; an item of an older version answers 404 (test/integration/diversity-check.test.ts)',
  },
  'POST /programmbuero/vielfalts-check/fragen/:id': {
    notApplicable: 'the items belong to the programme, not to a town; an item of an older version answers 404 (test/integration/diversity-check.test.ts)',
  },
};
