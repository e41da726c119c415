import { todayInBerlin } from '../../../src/platform/i18n/catalog.ts';
/** The monitoring module's routes: what every role gets. */
import { all, type Entries, COORDINATOR, FUNDER, invalidFor, type Matrix, OFFICE, OWN } from './types.ts';

/** The year of the demo's town reports. */
const THIS_YEAR = todayInBerlin().slice(0, 4);

/** No programme report is approved in the test data: the funder sees the notice, and no chart or table of an unapproved period. */
const FUNDER_UNAPPROVED = { ...FUNDER, funder: 'not_found' as const };

/** The definitions: whoever sees a dashboard (office, funder, any coordinator); other accounts are refused by the handler. */
const DASHBOARD_READERS: Matrix = { ...all('ok'), visitor: 'login', participant: 'forbidden', trainer: 'forbidden' };
const DEFINITIONS_REFUSAL = 'signed in is the door; only the office, the funder and coordinators read the indicator definitions';

export const entries: Entries = {
  'GET /monitoring/indikatoren': { expect: DASHBOARD_READERS, refusedByHandler: DEFINITIONS_REFUSAL },
  'GET /monitoring/indikatoren/:code': { expect: DASHBOARD_READERS, path: '/monitoring/indikatoren/O1', refusedByHandler: DEFINITIONS_REFUSAL },
  'GET /monitoring/indikatoren/:code/bearbeiten': { expect: OFFICE, path: '/monitoring/indikatoren/O1/bearbeiten' },
  'POST /monitoring/indikatoren/:code/bearbeiten': { expect: invalidFor(OFFICE), path: '/monitoring/indikatoren/O1/bearbeiten' },
  'POST /monitoring/indikatoren/:code/status': { expect: invalidFor(OFFICE), path: '/monitoring/indikatoren/O1/status' },
  'GET /monitoring/indikatoren/:code/zielwerte': { expect: OFFICE, path: '/monitoring/indikatoren/O1/zielwerte' },
  'POST /monitoring/indikatoren/:code/zielwerte': { expect: invalidFor(OFFICE), path: '/monitoring/indikatoren/O1/zielwerte' },
  'GET /monitoring/indikatoren/:code/werte': { expect: OFFICE, path: '/monitoring/indikatoren/R5/werte' },
  'POST /monitoring/indikatoren/:code/werte': { expect: invalidFor(OFFICE), path: '/monitoring/indikatoren/R5/werte' },
  'GET /monitoring': { expect: FUNDER, path: '/monitoring?zeitraum=2026' },
  'GET /monitoring/karte.svg': { expect: FUNDER_UNAPPROVED, path: '/monitoring/karte.svg?zeitraum=2026&ebene=land&indikator=O1' },
  'GET /monitoring/verlauf.svg': { expect: FUNDER_UNAPPROVED, path: '/monitoring/verlauf.svg?zeitraum=2026' },
  'GET /monitoring/teilnehmende': { expect: FUNDER_UNAPPROVED, path: '/monitoring/teilnehmende?zeitraum=2026&ebene=land' },
  'GET /monitoring/teilnehmende.csv': { expect: FUNDER_UNAPPROVED, path: '/monitoring/teilnehmende.csv?zeitraum=2026' },
  'GET /monitoring/berichte/:zeitraum': { expect: OFFICE, path: '/monitoring/berichte/2026' },
  'POST /monitoring/berichte/:zeitraum': { expect: invalidFor(OFFICE), path: '/monitoring/berichte/2026' },
  'GET /monitoring/berichte': { expect: FUNDER, path: '/monitoring/berichte?zeitraum=2026' },
  /** The demo data holds an approved report of the own town for the current year (see monitoring/report-demo.ts). */
  'GET /monitoring/berichte/:zeitraum/kommunen/:ags': { expect: FUNDER, path: `/monitoring/berichte/${THIS_YEAR}/kommunen/${OWN}` },
  'GET /verwaltung/:ags/monitoring/berichte/:zeitraum': { expect: COORDINATOR, path: `/verwaltung/${OWN}/monitoring/berichte/2026` },
  'POST /verwaltung/:ags/monitoring/berichte/:zeitraum': { expect: invalidFor(COORDINATOR), path: `/verwaltung/${OWN}/monitoring/berichte/2026` },
  'POST /verwaltung/:ags/monitoring/berichte/:zeitraum/entscheidung': { expect: invalidFor(OFFICE), path: `/verwaltung/${OWN}/monitoring/berichte/2026/entscheidung` },
  'GET /verwaltung/:ags/monitoring/berichte/:zeitraum/verlauf.svg': { expect: COORDINATOR, path: `/verwaltung/${OWN}/monitoring/berichte/2026/verlauf.svg` },
  'GET /verwaltung/:ags/monitoring/berichte/:zeitraum/export/:datei': { expect: COORDINATOR, path: `/verwaltung/${OWN}/monitoring/berichte/2026/export/bericht.csv` },
  'GET /monitoring/berichte/:zeitraum/kommunen/:ags/export/:datei': { expect: FUNDER, path: `/monitoring/berichte/${THIS_YEAR}/kommunen/${OWN}/export/bericht.xlsx` },
  'GET /monitoring/berichte/:zeitraum/export/:datei': { expect: FUNDER_UNAPPROVED, path: '/monitoring/berichte/2026/export/bericht.pdf' },
  'GET /verwaltung/:ags/monitoring': { expect: COORDINATOR },
  'GET /verwaltung/:ags/monitoring/verlauf.svg': { expect: COORDINATOR },
  'GET /verwaltung/:ags/monitoring/teilnehmende.csv': { expect: COORDINATOR },
};
