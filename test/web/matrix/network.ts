/** The network module's routes: what every role gets. */
import { firstNetwork, freshNetwork } from './fixtures.ts';
import { type Entries, invalidFor, COORDINATOR, OWN, PUBLIC } from './types.ts';

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
};
