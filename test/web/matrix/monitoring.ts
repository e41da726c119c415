/** The monitoring module's routes: what every role gets. */
import { type Entries, COORDINATOR, FUNDER, invalidFor, OFFICE } from './types.ts';

/** No programme report is approved in the test data: the funder sees the notice, and no chart or table of an unapproved period. */
const FUNDER_UNAPPROVED = { ...FUNDER, funder: 'not_found' as const };

export const entries: Entries = {
  'GET /monitoring': { expect: FUNDER, path: '/monitoring?zeitraum=2026' },
  'GET /monitoring/verlauf.svg': { expect: FUNDER_UNAPPROVED, path: '/monitoring/verlauf.svg?zeitraum=2026' },
  'GET /monitoring/teilnehmende.csv': { expect: FUNDER_UNAPPROVED, path: '/monitoring/teilnehmende.csv?zeitraum=2026' },
  'GET /monitoring/berichte/:zeitraum': { expect: OFFICE, path: '/monitoring/berichte/2026' },
  'POST /monitoring/berichte/:zeitraum': { expect: invalidFor(OFFICE), path: '/monitoring/berichte/2026' },
  'GET /verwaltung/:ags/monitoring': { expect: COORDINATOR },
  'GET /verwaltung/:ags/monitoring/verlauf.svg': { expect: COORDINATOR },
  'GET /verwaltung/:ags/monitoring/teilnehmende.csv': { expect: COORDINATOR },
};
