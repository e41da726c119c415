/** The network module's routes: what every role gets. */
import { firstNetwork, freshNetwork } from './fixtures.ts';
import { type Entries, type Fixtures, invalidFor, COORDINATOR, OWN, PUBLIC } from './types.ts';

/** A fresh pending import of OWN whose one row names OWN's first organisation: a likely duplicate that needs a choice. */
async function pendingImport(f: Fixtures): Promise<string> {
  const first = await f.db.selectFrom('network_organisations').select('name').where('municipality_id', '=', f.ownId).orderBy('id').executeTakeFirstOrThrow();
  const row = { municipality_id: f.ownId, file_name: 'matrix.csv', headers: JSON.stringify(['Name']), rows: JSON.stringify([[first.name]]), mapping: JSON.stringify({ name: '0' }), created_by: null };
  const { id } = await f.db.insertInto('network_imports').values(row).returning('id').executeTakeFirstOrThrow();
  return `/verwaltung/${OWN}/netzwerk/import/${id}`;
}

export const entries: Entries = {
  'GET /kommunen/:ags/netzwerk': { expect: PUBLIC },
  'GET /verwaltung/:ags/netzwerk': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/organisationen': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/organisationen/neu': { expect: COORDINATOR },
  'POST /verwaltung/:ags/netzwerk/organisationen/neu': { expect: invalidFor(COORDINATOR) },
  'GET /verwaltung/:ags/netzwerk/organisationen/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/netzwerk/organisationen/${await firstNetwork(f, 'network_organisations')}` },
  'POST /verwaltung/:ags/netzwerk/organisationen/:id': {
    expect: invalidFor(COORDINATOR),
    path: async (f) => `/verwaltung/${OWN}/netzwerk/organisationen/${await firstNetwork(f, 'network_organisations')}`,
  },
  'GET /verwaltung/:ags/netzwerk/organisationen/:id/loeschen': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/organisationen/${await firstNetwork(f, 'network_organisations')}/loeschen`,
  },
  'POST /verwaltung/:ags/netzwerk/organisationen/:id/loeschen': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/organisationen/${await freshNetwork(f, 'organisation')}/loeschen`,
  },
  'GET /verwaltung/:ags/netzwerk/personen': { expect: COORDINATOR },
  'POST /verwaltung/:ags/netzwerk/personen': { expect: invalidFor(COORDINATOR) },
  'GET /verwaltung/:ags/netzwerk/personen.csv': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/personen/:id/widerrufen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/netzwerk/personen/${await firstNetwork(f, 'network_people')}/widerrufen` },
  'POST /verwaltung/:ags/netzwerk/personen/:id/widerrufen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/netzwerk/personen/${await freshNetwork(f, 'person')}/widerrufen` },
  'GET /verwaltung/:ags/netzwerk/mitgliedschaften': { expect: COORDINATOR },
  'POST /verwaltung/:ags/netzwerk/mitgliedschaften': { expect: invalidFor(COORDINATOR) },
  'GET /verwaltung/:ags/netzwerk/mitgliedschaften/:id/loeschen': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/mitgliedschaften/${await firstNetwork(f, 'network_memberships')}/loeschen`,
  },
  'POST /verwaltung/:ags/netzwerk/mitgliedschaften/:id/loeschen': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/mitgliedschaften/${await freshNetwork(f, 'membership')}/loeschen`,
  },
  'GET /verwaltung/:ags/netzwerk/kooperationen': { expect: COORDINATOR },
  'POST /verwaltung/:ags/netzwerk/kooperationen': { expect: invalidFor(COORDINATOR) },
  'GET /verwaltung/:ags/netzwerk/kooperationen/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/netzwerk/kooperationen/${await firstNetwork(f, 'network_cooperations')}` },
  'POST /verwaltung/:ags/netzwerk/kooperationen/:id': {
    expect: invalidFor(COORDINATOR),
    path: async (f) => `/verwaltung/${OWN}/netzwerk/kooperationen/${await firstNetwork(f, 'network_cooperations')}`,
  },
  'GET /verwaltung/:ags/netzwerk/kooperationen/:id/loeschen': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/kooperationen/${await firstNetwork(f, 'network_cooperations')}/loeschen`,
  },
  'POST /verwaltung/:ags/netzwerk/kooperationen/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/netzwerk/kooperationen/${await freshNetwork(f, 'cooperation')}/loeschen` },
  'GET /verwaltung/:ags/netzwerk/duplikate': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/organisationen.csv': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/organisationen.xlsx': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/kooperationen.csv': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/kooperationen.xlsx': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/organisationen/:id/zusammenfuehren/:other': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/organisationen/${await freshNetwork(f, 'organisation')}/zusammenfuehren/${await freshNetwork(f, 'organisation')}`,
  },
  'POST /verwaltung/:ags/netzwerk/organisationen/:id/zusammenfuehren/:other': {
    expect: invalidFor(COORDINATOR),
    path: async (f) => `/verwaltung/${OWN}/netzwerk/organisationen/${await freshNetwork(f, 'organisation')}/zusammenfuehren/${await freshNetwork(f, 'organisation')}`,
  },
  'POST /verwaltung/:ags/netzwerk/organisationen/:id/kein-duplikat/:other': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/organisationen/${await freshNetwork(f, 'organisation')}/kein-duplikat/${await freshNetwork(f, 'organisation')}`,
  },
  'GET /verwaltung/:ags/netzwerk/personen/:id/zusammenfuehren/:other': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/personen/${await freshNetwork(f, 'person')}/zusammenfuehren/${await freshNetwork(f, 'person')}`,
  },
  'POST /verwaltung/:ags/netzwerk/personen/:id/zusammenfuehren/:other': {
    expect: invalidFor(COORDINATOR),
    path: async (f) => `/verwaltung/${OWN}/netzwerk/personen/${await freshNetwork(f, 'person')}/zusammenfuehren/${await freshNetwork(f, 'person')}`,
  },
  'POST /verwaltung/:ags/netzwerk/personen/:id/kein-duplikat/:other': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/personen/${await freshNetwork(f, 'person')}/kein-duplikat/${await freshNetwork(f, 'person')}`,
  },
  'GET /verwaltung/:ags/netzwerk/import': { expect: COORDINATOR },
  // A form post without a file: the allowed roles hear that the upload is not multipart.
  'POST /verwaltung/:ags/netzwerk/import': { expect: { ...COORDINATOR, coordinator_own: 'bad_request', programme_office: 'bad_request' } },
  'GET /verwaltung/:ags/netzwerk/import/:id': { expect: COORDINATOR, path: pendingImport },
  'GET /verwaltung/:ags/netzwerk/import/:id/fehler.csv': { expect: COORDINATOR, path: async (f) => `${await pendingImport(f)}/fehler.csv` },
  // Without a name column, and without a choice for the duplicate row: the form comes back with its messages.
  'POST /verwaltung/:ags/netzwerk/import/:id/zuordnung': { expect: invalidFor(COORDINATOR), path: async (f) => `${await pendingImport(f)}/zuordnung` },
  'POST /verwaltung/:ags/netzwerk/import/:id/ausfuehren': { expect: invalidFor(COORDINATOR), path: async (f) => `${await pendingImport(f)}/ausfuehren` },
  // A pending import cannot be undone: the refusal goes back to the import page with its message.
  'POST /verwaltung/:ags/netzwerk/import/:id/rueckgaengig': { expect: COORDINATOR, path: async (f) => `${await pendingImport(f)}/rueckgaengig` },
};
