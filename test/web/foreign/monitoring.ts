import { FOREIGN, type ForeignCases, type ForeignFixtures, OWN } from './types.ts';

/** The period of a programme report is no town's object: a code that is not a period answers 404 and decides nothing. */
const reports = (f: ForeignFixtures) => f.db.selectFrom('monitoring_reports').selectAll().orderBy('id').execute();

/** Indicators belong to the programme, not to a town: their code is no town's object. */
const CATALOGUE = { notApplicable: 'an indicator code names a programme-wide catalogue entry; an unknown code answers 404 (test/integration/monitoring-definitions.test.ts)' };
const TOWN_FIELD = {
  notApplicable: 'only the office posts here and may name any participating town in townId; a town outside the programme is a field error (test/integration/monitoring-catalogue.test.ts)',
};

export const cases: ForeignCases = {
  'GET /monitoring/indikatoren/:code': CATALOGUE,
  'GET /monitoring/indikatoren/:code/bearbeiten': CATALOGUE,
  'POST /monitoring/indikatoren/:code/bearbeiten': CATALOGUE,
  'POST /monitoring/indikatoren/:code/status': CATALOGUE,
  'GET /monitoring/indikatoren/:code/zielwerte': CATALOGUE,
  'POST /monitoring/indikatoren/:code/zielwerte': TOWN_FIELD,
  'GET /monitoring/indikatoren/:code/werte': CATALOGUE,
  'POST /monitoring/indikatoren/:code/werte': TOWN_FIELD,
  'GET /monitoring/berichte/:zeitraum': { as: 'office', request: async () => ({ path: '/monitoring/berichte/2025-Q9' }), snapshot: reports },
  'POST /monitoring/berichte/:zeitraum': { as: 'office', request: async () => ({ path: '/monitoring/berichte/1999-13', form: { decision: 'approved' } }), snapshot: reports },
  /** A town's report is addressed by the town (the access scope) and a period, which is no object: a period that does not exist answers 404 and writes nothing. */
  'GET /monitoring/berichte/:zeitraum/kommunen/:ags': { as: 'office', request: async () => ({ path: `/monitoring/berichte/2025-Q9/kommunen/${FOREIGN}` }), snapshot: reports },
  'GET /verwaltung/:ags/monitoring/berichte/:zeitraum': { as: 'coordinator', request: async () => ({ path: `/verwaltung/${OWN}/monitoring/berichte/2025-Q9` }), snapshot: reports },
  'POST /verwaltung/:ags/monitoring/berichte/:zeitraum': {
    as: 'coordinator',
    request: async () => ({ path: `/verwaltung/${OWN}/monitoring/berichte/1999-13`, form: { narrative: 'Text', action: 'submit' } }),
    snapshot: reports,
  },
  'POST /verwaltung/:ags/monitoring/berichte/:zeitraum/entscheidung': {
    as: 'office',
    request: async () => ({ path: `/verwaltung/${FOREIGN}/monitoring/berichte/1999-13/entscheidung`, form: { decision: 'approved' } }),
    snapshot: reports,
  },
  'GET /verwaltung/:ags/monitoring/berichte/:zeitraum/verlauf.svg': {
    as: 'coordinator',
    request: async () => ({ path: `/verwaltung/${OWN}/monitoring/berichte/2025-Q9/verlauf.svg` }),
    snapshot: reports,
  },
  'GET /verwaltung/:ags/monitoring/berichte/:zeitraum/export/:datei': {
    as: 'coordinator',
    request: async () => ({ path: `/verwaltung/${OWN}/monitoring/berichte/2025/export/bericht.exe` }),
    snapshot: reports,
  },
  'GET /monitoring/berichte/:zeitraum/kommunen/:ags/export/:datei': {
    as: 'office',
    request: async () => ({ path: `/monitoring/berichte/2025-Q9/kommunen/${FOREIGN}/export/bericht.csv` }),
    snapshot: reports,
  },
  'GET /monitoring/berichte/:zeitraum/export/:datei': { as: 'office', request: async () => ({ path: '/monitoring/berichte/2025/export/bericht' }), snapshot: reports },
};
