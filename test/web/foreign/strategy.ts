/**
 * Strategy: every id of a field, goal, measure, version or district from FOREIGN, sent by OWN's
 * coordinator under OWN's address, is a 404 (URL) or a field error (form) and changes nothing.
 */
import { strategyFactory } from '../../support/factories/strategy.ts';
import { draftCardOf, usesOfCard } from '../../support/factories/toolkit.ts';
import { type ForeignCase, type ForeignCases, type ForeignFixtures, OWN } from './types.ts';

async function firstOf(f: ForeignFixtures, table: 'fields_of_action' | 'measures' | 'strategy_versions', municipalityId: number): Promise<number> {
  return (await f.db.selectFrom(table).select('id').where('municipality_id', '=', municipalityId).orderBy('id').executeTakeFirstOrThrow()).id;
}

async function foreignGoal(f: ForeignFixtures): Promise<number> {
  const row = await f.db
    .selectFrom('goals as g')
    .innerJoin('fields_of_action as fa', 'fa.id', 'g.field_id')
    .select('g.id')
    .where('fa.municipality_id', '=', f.foreignId)
    .orderBy('g.id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** FOREIGN's version with a document and an adoption date: public in its own town, so only the town check stops it. */
async function foreignVersion(f: ForeignFixtures): Promise<number> {
  const existing = await f.db.selectFrom('strategy_versions').select('id').where('municipality_id', '=', f.foreignId).where('title', '=', 'Fremde Strategie').executeTakeFirst();
  return existing?.id ?? strategyFactory(f.db, f.foreignId).version({ title: 'Fremde Strategie', adoptedOn: '2026-01-15', documentRecord: true });
}

/** A field of FOREIGN without measures, which its own coordinator could delete. */
async function emptyForeignField(f: ForeignFixtures): Promise<number> {
  const existing = await f.db.selectFrom('fields_of_action').select('id').where('municipality_id', '=', f.foreignId).where('name', '=', 'Fremdes leeres Feld').executeTakeFirst();
  return existing?.id ?? strategyFactory(f.db, f.foreignId).field('Fremdes leeres Feld', 90);
}

async function foreignDistrict(f: ForeignFixtures): Promise<number> {
  return (await f.db.selectFrom('districts').select('id').where('municipality_id', '=', f.foreignId).orderBy('id').executeTakeFirstOrThrow()).id;
}

const versionRow = (f: ForeignFixtures, id: number) => f.db.selectFrom('strategy_versions').selectAll().where('id', '=', id).executeTakeFirst();
const fieldRow = (f: ForeignFixtures, id: number) => f.db.selectFrom('fields_of_action').selectAll().where('id', '=', id).executeTakeFirst();
const goalRow = (f: ForeignFixtures, id: number) => f.db.selectFrom('goals').selectAll().where('id', '=', id).executeTakeFirst();
async function measureRow(f: ForeignFixtures, id: number) {
  const [measure, updates] = await Promise.all([
    f.db.selectFrom('measures').selectAll().where('id', '=', id).executeTakeFirst(),
    f.db.selectFrom('measure_updates').select(['id', 'status', 'progress']).where('measure_id', '=', id).orderBy('id').execute(),
  ]);
  return { measure, updates };
}

/** OWN's measures: a form with a foreign id must not add one. */
const ownMeasures = async (f: ForeignFixtures) => (await f.db.selectFrom('measures').select('id').where('municipality_id', '=', f.ownId).orderBy('id').execute()).map((m) => m.id);

/** A valid measure form of OWN, to which each case adds one foreign id. */
async function measureForm(f: ForeignFixtures): Promise<Record<string, string>> {
  return { title: 'Fremd verknüpft', fieldId: String(await firstOf(f, 'fields_of_action', f.ownId)), status: 'running', progress: '20' };
}

function onForeignVersion(suffix: string, method: 'GET' | 'POST', base: '/kommunen' | '/verwaltung' = '/verwaltung'): ForeignCase {
  return {
    as: 'coordinator',
    request: async (f) => ({ path: `${base}/${OWN}/strategie/${await foreignVersion(f)}${suffix}`, form: method === 'POST' ? { title: 'Übernommen', versionLabel: '9' } : undefined }),
    snapshot: async (f) => versionRow(f, await foreignVersion(f)),
  };
}

function onForeignField(suffix: string, form?: Record<string, string>): ForeignCase {
  return {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/handlungsfelder/${await emptyForeignField(f)}${suffix}`, form }),
    snapshot: async (f) => {
      const id = await emptyForeignField(f);
      return { field: await fieldRow(f, id), goals: await f.db.selectFrom('goals').select('id').where('field_id', '=', id).execute() };
    },
  };
}

function onForeignGoal(suffix: string, form?: Record<string, string>): ForeignCase {
  return {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/ziele/${await foreignGoal(f)}${suffix}`, form }),
    snapshot: async (f) => goalRow(f, await foreignGoal(f)),
  };
}

function onForeignMeasure(path: (id: number) => string, form?: (f: ForeignFixtures) => Promise<Record<string, string>>): ForeignCase {
  return {
    as: 'coordinator',
    request: async (f) => ({ path: path(await firstOf(f, 'measures', f.foreignId)), form: form ? await form(f) : undefined }),
    snapshot: async (f) => measureRow(f, await firstOf(f, 'measures', f.foreignId)),
  };
}

export const cases: ForeignCases = {
  'GET /kommunen/:ags/massnahmen/:id': onForeignMeasure((id) => `/kommunen/${OWN}/massnahmen/${id}`),
  'GET /kommunen/:ags/strategie/:id/dokument': onForeignVersion('/dokument', 'GET', '/kommunen'),

  'GET /verwaltung/:ags/strategie/:id': onForeignVersion('', 'GET'),
  // Sent as a plain form: the version is looked up before the (multipart) body is read, so the foreign id is the 404.
  'POST /verwaltung/:ags/strategie/:id': onForeignVersion('', 'POST'),
  'GET /verwaltung/:ags/strategie/:id/loeschen': onForeignVersion('/loeschen', 'GET'),
  'POST /verwaltung/:ags/strategie/:id/loeschen': onForeignVersion('/loeschen', 'POST'),

  'GET /verwaltung/:ags/handlungsfelder/:id': onForeignField(''),
  'POST /verwaltung/:ags/handlungsfelder/:id': onForeignField('', { name: 'Übernommen', position: '1' }),
  'POST /verwaltung/:ags/handlungsfelder/:id/ziele': onForeignField('/ziele', { title: 'Fremdes Ziel' }),
  'GET /verwaltung/:ags/handlungsfelder/:id/loeschen': onForeignField('/loeschen'),
  'POST /verwaltung/:ags/handlungsfelder/:id/loeschen': onForeignField('/loeschen', {}),

  'GET /verwaltung/:ags/ziele/:id': onForeignGoal(''),
  'POST /verwaltung/:ags/ziele/:id': onForeignGoal('', { title: 'Übernommen' }),
  'GET /verwaltung/:ags/ziele/:id/loeschen': onForeignGoal('/loeschen'),
  'POST /verwaltung/:ags/ziele/:id/loeschen': onForeignGoal('/loeschen', {}),

  // One foreign id per case; the goal and the field of the form are covered by test/integration/strategy-security.test.ts.
  'POST /verwaltung/:ags/massnahmen/neu': {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/massnahmen/neu`, form: { ...(await measureForm(f)), districtId: String(await foreignDistrict(f)) } }),
    snapshot: ownMeasures,
    expect: [422],
  },
  'GET /verwaltung/:ags/massnahmen/:id': onForeignMeasure((id) => `/verwaltung/${OWN}/massnahmen/${id}`),
  'POST /verwaltung/:ags/massnahmen/:id': onForeignMeasure((id) => `/verwaltung/${OWN}/massnahmen/${id}`, measureForm),
  'POST /verwaltung/:ags/massnahmen/:id/fortschritt': onForeignMeasure(
    (id) => `/verwaltung/${OWN}/massnahmen/${id}/fortschritt`,
    async () => ({ updateText: 'Fremder Bericht', updateStatus: 'done', updateProgress: '100' }),
  ),
  'GET /verwaltung/:ags/massnahmen/:id/loeschen': onForeignMeasure((id) => `/verwaltung/${OWN}/massnahmen/${id}/loeschen`),
  'POST /verwaltung/:ags/massnahmen/:id/loeschen': onForeignMeasure(
    (id) => `/verwaltung/${OWN}/massnahmen/${id}/loeschen`,
    async () => ({}),
  ),
  // A draft card of FOREIGN named as a method the measure used: a field error, no measure and no link.
  'POST /verwaltung/:ags/massnahmen/neu #methodIds': {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/massnahmen/neu`, form: { ...(await measureForm(f)), methodIds: String(await draftCardOf(f.db, f.foreignId)) } }),
    snapshot: async (f) => ({ measures: await ownMeasures(f), uses: await usesOfCard(f.db, await draftCardOf(f.db, f.foreignId)) }),
  },
  'POST /verwaltung/:ags/massnahmen/:id #methodIds': {
    as: 'coordinator',
    request: async (f) => ({
      path: `/verwaltung/${OWN}/massnahmen/${await firstOf(f, 'measures', f.ownId)}`,
      form: { ...(await measureForm(f)), methodIds: String(await draftCardOf(f.db, f.foreignId)) },
    }),
    snapshot: async (f) => ({ measure: await measureRow(f, await firstOf(f, 'measures', f.ownId)), uses: await usesOfCard(f.db, await draftCardOf(f.db, f.foreignId)) }),
  },
};
