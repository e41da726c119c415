/** The municipalities module's routes: what every role gets. */
import { firstDistrict, freshDistrict } from './fixtures.ts';
import { type Entries, invalidFor, COORDINATOR, OWN, PUBLIC } from './types.ts';

export const entries: Entries = {
  'GET /kommunen': { expect: PUBLIC },
  'GET /kommunen.csv': { expect: PUBLIC },
  'GET /karte/hessen.svg': { expect: PUBLIC },
  'GET /kommunen/:ags': { expect: PUBLIC },
  'GET /verwaltung/:ags/ortsteile': { expect: COORDINATOR },
  'POST /verwaltung/:ags/ortsteile': { expect: invalidFor(COORDINATOR) },
  'GET /verwaltung/:ags/ortsteile/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/ortsteile/${await firstDistrict(f)}` },
  'POST /verwaltung/:ags/ortsteile/:id': { expect: invalidFor(COORDINATOR), path: async (f) => `/verwaltung/${OWN}/ortsteile/${await firstDistrict(f)}` },
  'GET /verwaltung/:ags/ortsteile/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/ortsteile/${await firstDistrict(f)}/loeschen` },
  'POST /verwaltung/:ags/ortsteile/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/ortsteile/${await freshDistrict(f)}/loeschen` },
};
