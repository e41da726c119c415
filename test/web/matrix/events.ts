/** The events module's routes: what every role gets. */
import { freshRegistration, ownEvent } from './fixtures.ts';
import { type Entries, invalidFor, all, COORDINATOR, OFFICE, OWN, PUBLIC, SIGNED_IN } from './types.ts';

export const entries: Entries = {
  'GET /veranstaltungen': { expect: PUBLIC },
  'GET /kommunen/:ags/veranstaltungen': { expect: PUBLIC },
  'GET /kommunen/:ags/veranstaltungen.ics': { expect: PUBLIC, path: `/kommunen/${OWN}/veranstaltungen.ics` },
  'GET /veranstaltungen/:id': { expect: PUBLIC, path: async (f) => `/veranstaltungen/${await ownEvent(f)}` },
  'GET /veranstaltungen/:id/anmeldung': { expect: PUBLIC, path: async (f) => `/veranstaltungen/${await ownEvent(f)}/anmeldung` },
  // A visitor's empty form comes back with messages (422); an account registers itself.
  'POST /veranstaltungen/:id/anmeldung': { expect: { ...PUBLIC, visitor: 'invalid' }, path: async (f) => `/veranstaltungen/${await ownEvent(f)}/anmeldung` },
  'POST /veranstaltungen/:id/abmelden': { expect: SIGNED_IN, path: async (f) => `/veranstaltungen/${await ownEvent(f)}/abmelden` },
  'GET /veranstaltungen/:id/termin.ics': { expect: PUBLIC, path: async (f) => `/veranstaltungen/${await ownEvent(f)}/termin.ics` },
  'GET /veranstaltungen/:id/bild': { expect: all('not_found'), path: async (f) => `/veranstaltungen/${await ownEvent(f)}/bild` },
  'GET /veranstaltungen/abmeldung/:token': { expect: all('not_found'), path: '/veranstaltungen/abmeldung/1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
  'POST /veranstaltungen/abmeldung/:token': { expect: all('not_found'), path: '/veranstaltungen/abmeldung/1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
  'GET /verwaltung/:ags/veranstaltungen': { expect: COORDINATOR },
  'GET /verwaltung/:ags/veranstaltungen/neu': { expect: COORDINATOR },
  'POST /verwaltung/:ags/veranstaltungen/neu': { expect: invalidFor(COORDINATOR) },
  'GET /verwaltung/:ags/veranstaltungen/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}` },
  'GET /verwaltung/:ags/veranstaltungen/:id/bearbeiten': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/bearbeiten` },
  'POST /verwaltung/:ags/veranstaltungen/:id/bearbeiten': { expect: invalidFor(COORDINATOR), path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/bearbeiten` },
  'POST /verwaltung/:ags/veranstaltungen/:id/kopieren': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/kopieren` },
  'GET /verwaltung/:ags/veranstaltungen/:id/absagen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/absagen` },
  'POST /verwaltung/:ags/veranstaltungen/:id/absagen': { expect: invalidFor(COORDINATOR), path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/absagen` },
  'GET /verwaltung/:ags/veranstaltungen/:id/anmeldungen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/anmeldungen` },
  'POST /verwaltung/:ags/veranstaltungen/:id/anmeldungen/:rid/anwesenheit': { expect: COORDINATOR, path: async (f) => `${await freshRegistration(f)}/anwesenheit`, form: { attended: 'yes' } },
  'POST /verwaltung/:ags/veranstaltungen/:id/anmeldungen/:rid/zielgruppennachweis': {
    expect: COORDINATOR,
    path: async (f) => `${await freshRegistration(f)}/zielgruppennachweis`,
    form: { confirmed: 'yes' },
  },
  'GET /verwaltung/:ags/veranstaltungen/nachweise': { expect: COORDINATOR },
  'GET /programmbuero/nachweise': { expect: OFFICE },
  'POST /verwaltung/:ags/veranstaltungen/:id/anmeldungen/:rid/stornieren': { expect: COORDINATOR, path: async (f) => `${await freshRegistration(f)}/stornieren` },
  'POST /verwaltung/:ags/veranstaltungen/:id/nachmeldung': { expect: invalidFor(COORDINATOR), path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/nachmeldung` },
  'GET /verwaltung/:ags/veranstaltungen/:id/teilnahmeliste.pdf': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/teilnahmeliste.pdf` },
  // A form post without a file: the allowed roles hear that the upload is not multipart.
  'POST /verwaltung/:ags/veranstaltungen/:id/unterschriftenliste': {
    expect: { ...COORDINATOR, coordinator_own: 'bad_request', programme_office: 'bad_request' },
    path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/unterschriftenliste`,
  },
  'GET /verwaltung/:ags/veranstaltungen/:id/unterschriftenliste': {
    expect: { ...COORDINATOR, coordinator_own: 'not_found', programme_office: 'not_found' },
    path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/unterschriftenliste`,
  },
  'POST /verwaltung/:ags/veranstaltungen/:id/bild': {
    expect: { ...COORDINATOR, coordinator_own: 'bad_request', programme_office: 'bad_request' },
    path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/bild`,
  },
  'POST /verwaltung/:ags/veranstaltungen/:id/rueckmeldung': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/rueckmeldung` },
  'GET /verwaltung/:ags/veranstaltungen/:id/export/:file': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/export/anmeldungen.xlsx` },
};
