/**
 * Municipalities: a district of FOREIGN, sent by OWN's coordinator under OWN's address, is a 404
 * and stays as it was.
 */
import { type ForeignCase, type ForeignCases, type ForeignFixtures, OWN } from './types.ts';

async function foreignDistrict(f: ForeignFixtures): Promise<number> {
  return (await f.db.selectFrom('districts').select('id').where('municipality_id', '=', f.foreignId).orderBy('id').executeTakeFirstOrThrow()).id;
}

const districtRow = async (f: ForeignFixtures) =>
  f.db
    .selectFrom('districts')
    .selectAll()
    .where('id', '=', await foreignDistrict(f))
    .executeTakeFirst();

const district = (suffix: string, form?: Record<string, string>): ForeignCase => ({
  as: 'coordinator',
  request: async (f) => ({ path: `/verwaltung/${OWN}/ortsteile/${await foreignDistrict(f)}${suffix}`, form }),
  snapshot: districtRow,
  expect: [404],
});

export const cases: ForeignCases = {
  'GET /verwaltung/:ags/ortsteile/:id': district(''),
  'POST /verwaltung/:ags/ortsteile/:id': district('', { name: 'Übernommen', description: 'von einer anderen Kommune' }),
  'GET /verwaltung/:ags/ortsteile/:id/loeschen': district('/loeschen'),
  'POST /verwaltung/:ags/ortsteile/:id/loeschen': district('/loeschen'),
};
