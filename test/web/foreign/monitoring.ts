import type { ForeignCases, ForeignFixtures } from './types.ts';

/** The period of a programme report is no town's object: a code that is not a period answers 404 and decides nothing. */
const reports = (f: ForeignFixtures) => f.db.selectFrom('monitoring_reports').selectAll().orderBy('id').execute();

export const cases: ForeignCases = {
  'GET /monitoring/berichte/:zeitraum': { as: 'office', request: async () => ({ path: '/monitoring/berichte/2025-Q9' }), snapshot: reports },
  'POST /monitoring/berichte/:zeitraum': { as: 'office', request: async () => ({ path: '/monitoring/berichte/1999-13', form: { decision: 'approved' } }), snapshot: reports },
};
