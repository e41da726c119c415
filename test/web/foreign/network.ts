/**
 * Network: every id of an organisation, person, membership, cooperation or district from FOREIGN,
 * sent by OWN's coordinator under OWN's address, is a 404 (URL) or a field error (form) and changes nothing.
 */
import { type ForeignCase, type ForeignCases, type ForeignFixtures, OWN } from './types.ts';

type Table = 'network_organisations' | 'network_people' | 'network_memberships' | 'network_cooperations';

async function firstOf(f: ForeignFixtures, table: Table, municipalityId: number): Promise<number> {
  return (await f.db.selectFrom(table).select('id').where('municipality_id', '=', municipalityId).orderBy('id').executeTakeFirstOrThrow()).id;
}

/** A person of FOREIGN whose consent still holds, so that only the town check stops a revocation. */
async function foreignPerson(f: ForeignFixtures): Promise<number> {
  return (await f.db.selectFrom('network_people').select('id').where('municipality_id', '=', f.foreignId).where('consent_revoked_at', 'is', null).orderBy('id').executeTakeFirstOrThrow()).id;
}

async function foreignDistrict(f: ForeignFixtures): Promise<number> {
  return (await f.db.selectFrom('districts').select('id').where('municipality_id', '=', f.foreignId).orderBy('id').executeTakeFirstOrThrow()).id;
}

const row = (f: ForeignFixtures, table: Table, id: number) => f.db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
const ownIds = async (f: ForeignFixtures, table: Table) => (await f.db.selectFrom(table).select('id').where('municipality_id', '=', f.ownId).orderBy('id').execute()).map((r) => r.id);

/** An organisation with everything attached to it: a deletion would take memberships and cooperations along. */
async function organisationWithLinks(f: ForeignFixtures, id: number) {
  const [organisation, memberships, cooperations] = await Promise.all([
    row(f, 'network_organisations', id),
    f.db.selectFrom('network_memberships').select('id').where('organisation_id', '=', id).orderBy('id').execute(),
    f.db
      .selectFrom('network_cooperations')
      .select('id')
      .where((eb) => eb.or([eb('organisation_id', '=', id), eb('partner_id', '=', id)]))
      .orderBy('id')
      .execute(),
  ]);
  const { search: _search, ...rest } = organisation ?? { search: '' };
  return { organisation: rest, memberships, cooperations };
}

async function personWithMemberships(f: ForeignFixtures, id: number) {
  return { person: await row(f, 'network_people', id), memberships: await f.db.selectFrom('network_memberships').select('id').where('person_id', '=', id).orderBy('id').execute() };
}

const organisationForm = { name: 'Übernommen', type: 'club' };
const cooperationForm = async (f: ForeignFixtures) => ({
  organisationId: String(await firstOf(f, 'network_organisations', f.ownId)),
  partnerId: String((await f.db.selectFrom('network_organisations').select('id').where('municipality_id', '=', f.ownId).orderBy('id', 'desc').executeTakeFirstOrThrow()).id),
  type: 'project',
  startsOn: '2024-01-01',
});

function onForeign(table: Table, suffix: (id: number) => string, form?: (f: ForeignFixtures) => Promise<Record<string, string>>): ForeignCase {
  const pick = (f: ForeignFixtures) => (table === 'network_people' ? foreignPerson(f) : firstOf(f, table, f.foreignId));
  return {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/netzwerk/${suffix(await pick(f))}`, form: form ? await form(f) : undefined }),
    snapshot: async (f) => {
      const id = await pick(f);
      if (table === 'network_organisations') return organisationWithLinks(f, id);
      if (table === 'network_people') return personWithMemberships(f, id);
      return row(f, table, id);
    },
  };
}

const MERGE_KEEP_ALL = Object.fromEntries(['name', 'type', 'fieldsOfAction', 'districtId', 'address', 'website', 'email', 'languages', 'description', 'isPublic'].map((field) => [field, 'keep']));

function pairCase(action: string, form?: Record<string, string>): ForeignCase {
  return {
    as: 'coordinator',
    request: async (f) => ({
      path: `/verwaltung/${OWN}/netzwerk/organisationen/${await firstOf(f, 'network_organisations', f.ownId)}/${action}/${await firstOf(f, 'network_organisations', f.foreignId)}`,
      form,
    }),
    snapshot: async (f) => ({
      own: await organisationWithLinks(f, await firstOf(f, 'network_organisations', f.ownId)),
      foreign: await organisationWithLinks(f, await firstOf(f, 'network_organisations', f.foreignId)),
      distinct: await f.db.selectFrom('network_organisation_distinct').selectAll().where('municipality_id', '=', f.foreignId).execute(),
    }),
    expect: [404],
  };
}

/** A pair of one own person and one of FOREIGN (consent holding): 404, and neither person, their memberships nor FOREIGN's decisions change. */
function personPairCase(action: string, form?: Record<string, string>): ForeignCase {
  return {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/netzwerk/personen/${await firstOf(f, 'network_people', f.ownId)}/${action}/${await foreignPerson(f)}`, form }),
    snapshot: async (f) => ({
      own: await personWithMemberships(f, await firstOf(f, 'network_people', f.ownId)),
      foreign: await personWithMemberships(f, await foreignPerson(f)),
      distinct: await f.db.selectFrom('network_person_distinct').selectAll().orderBy('first_id').execute(),
    }),
    expect: [404],
  };
}

/** A pending import of the given town whose one row names that town's first organisation. */
async function pendingImport(f: ForeignFixtures, municipalityId: number): Promise<number> {
  const first = await firstOf(f, 'network_organisations', municipalityId);
  const { name } = await f.db.selectFrom('network_organisations').select('name').where('id', '=', first).executeTakeFirstOrThrow();
  const row = { municipality_id: municipalityId, file_name: 'fremd.csv', headers: JSON.stringify(['Name']), rows: JSON.stringify([[name]]), mapping: JSON.stringify({ name: '0' }), created_by: null };
  return (await f.db.insertInto('network_imports').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

const importsOf = (f: ForeignFixtures, municipalityId: number) =>
  f.db.selectFrom('network_imports').select(['id', 'status', 'mapping']).where('municipality_id', '=', municipalityId).orderBy('id').execute();
const organisationsOf = (f: ForeignFixtures, municipalityId: number) =>
  f.db.selectFrom('network_organisations').select(['id', 'name', 'updated_at']).where('municipality_id', '=', municipalityId).orderBy('id').execute();

/** An import of FOREIGN under OWN's address: 404, and no import or organisation of either town changes. */
function foreignImport(suffix: string, form?: Record<string, string>): ForeignCase {
  return {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/netzwerk/import/${await pendingImport(f, f.foreignId)}${suffix}`, form }),
    snapshot: async (f) => ({ foreign: await organisationsOf(f, f.foreignId), own: (await organisationsOf(f, f.ownId)).length }),
    expect: [404],
  };
}

export const cases: ForeignCases = {
  'GET /verwaltung/:ags/netzwerk/import/:id': foreignImport(''),
  'GET /verwaltung/:ags/netzwerk/import/:id/fehler.csv': foreignImport('/fehler.csv'),
  'POST /verwaltung/:ags/netzwerk/import/:id/zuordnung': foreignImport('/zuordnung', { name: '0' }),
  'POST /verwaltung/:ags/netzwerk/import/:id/rueckgaengig': foreignImport('/rueckgaengig', {}),
  // The body names the record to update: one of FOREIGN for the duplicate row of OWN's own import is a field error.
  'POST /verwaltung/:ags/netzwerk/import/:id/ausfuehren': {
    as: 'coordinator',
    request: async (f) => ({
      path: `/verwaltung/${OWN}/netzwerk/import/${await pendingImport(f, f.ownId)}/ausfuehren`,
      form: { 'row-2': `update-${await firstOf(f, 'network_organisations', f.foreignId)}` },
    }),
    snapshot: async (f) => ({ foreign: await organisationsOf(f, f.foreignId), own: await organisationsOf(f, f.ownId), imports: (await importsOf(f, f.ownId)).filter((i) => i.status !== 'pending') }),
    expect: [422],
  },
  'POST /verwaltung/:ags/netzwerk/organisationen/neu': {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/netzwerk/organisationen/neu`, form: { ...organisationForm, districtId: String(await foreignDistrict(f)) } }),
    snapshot: (f) => ownIds(f, 'network_organisations'),
    expect: [422],
  },
  'GET /verwaltung/:ags/netzwerk/organisationen/:id': onForeign('network_organisations', (id) => `organisationen/${id}`),
  'POST /verwaltung/:ags/netzwerk/organisationen/:id': onForeign(
    'network_organisations',
    (id) => `organisationen/${id}`,
    async () => organisationForm,
  ),
  'GET /verwaltung/:ags/netzwerk/organisationen/:id/loeschen': onForeign('network_organisations', (id) => `organisationen/${id}/loeschen`),
  'POST /verwaltung/:ags/netzwerk/organisationen/:id/loeschen': onForeign(
    'network_organisations',
    (id) => `organisationen/${id}/loeschen`,
    async () => ({}),
  ),

  'GET /verwaltung/:ags/netzwerk/personen/:id/widerrufen': onForeign('network_people', (id) => `personen/${id}/widerrufen`),
  'POST /verwaltung/:ags/netzwerk/personen/:id/widerrufen': onForeign(
    'network_people',
    (id) => `personen/${id}/widerrufen`,
    async () => ({}),
  ),

  // One foreign id per case: a foreign organisation for an own person (a foreign person is covered by test/integration/network.test.ts).
  'POST /verwaltung/:ags/netzwerk/mitgliedschaften': {
    as: 'coordinator',
    request: async (f) => ({
      path: `/verwaltung/${OWN}/netzwerk/mitgliedschaften`,
      form: { personId: String(await firstOf(f, 'network_people', f.ownId)), organisationId: String(await firstOf(f, 'network_organisations', f.foreignId)), role: 'member' },
    }),
    snapshot: (f) => ownIds(f, 'network_memberships'),
    expect: [422],
  },
  'GET /verwaltung/:ags/netzwerk/mitgliedschaften/:id/loeschen': onForeign('network_memberships', (id) => `mitgliedschaften/${id}/loeschen`),
  'POST /verwaltung/:ags/netzwerk/mitgliedschaften/:id/loeschen': onForeign(
    'network_memberships',
    (id) => `mitgliedschaften/${id}/loeschen`,
    async () => ({}),
  ),

  'POST /verwaltung/:ags/netzwerk/kooperationen': {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/netzwerk/kooperationen`, form: { ...(await cooperationForm(f)), partnerId: String(await firstOf(f, 'network_organisations', f.foreignId)) } }),
    snapshot: (f) => ownIds(f, 'network_cooperations'),
    expect: [422],
  },
  'GET /verwaltung/:ags/netzwerk/kooperationen/:id': onForeign('network_cooperations', (id) => `kooperationen/${id}`),
  'POST /verwaltung/:ags/netzwerk/kooperationen/:id': onForeign('network_cooperations', (id) => `kooperationen/${id}`, cooperationForm),
  'GET /verwaltung/:ags/netzwerk/kooperationen/:id/loeschen': onForeign('network_cooperations', (id) => `kooperationen/${id}/loeschen`),
  'POST /verwaltung/:ags/netzwerk/kooperationen/:id/loeschen': onForeign(
    'network_cooperations',
    (id) => `kooperationen/${id}/loeschen`,
    async () => ({}),
  ),
  // A pair of one own and one foreign organisation: each order is a 404 and changes neither, nor any link.
  'GET /verwaltung/:ags/netzwerk/organisationen/:id/zusammenfuehren/:other': pairCase('zusammenfuehren'),
  'POST /verwaltung/:ags/netzwerk/organisationen/:id/zusammenfuehren/:other': pairCase('zusammenfuehren', MERGE_KEEP_ALL),
  'POST /verwaltung/:ags/netzwerk/organisationen/:id/kein-duplikat/:other': pairCase('kein-duplikat', {}),
  'GET /verwaltung/:ags/netzwerk/personen/:id/zusammenfuehren/:other': personPairCase('zusammenfuehren'),
  'POST /verwaltung/:ags/netzwerk/personen/:id/zusammenfuehren/:other': personPairCase('zusammenfuehren', { name: 'other', account: 'other', consent: 'other' }),
  'POST /verwaltung/:ags/netzwerk/personen/:id/kein-duplikat/:other': personPairCase('kein-duplikat', {}),
};
