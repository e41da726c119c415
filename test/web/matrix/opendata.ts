/** The open-data module's routes: everything public, every collection of every module in the read API. */
import { allModules } from '../../../src/app.ts';
import { type Entries, PUBLIC, all } from './types.ts';

const collections = allModules().flatMap((m) => m.openData ?? []);

export const entries: Entries = {
  'GET /opendata': { expect: PUBLIC },
  'GET /opendata/*': { expect: PUBLIC, path: '/opendata/measures.csv' },
  'GET /opendata/catalog.ttl': { expect: PUBLIC },
  'GET /opendata/catalog.jsonld': { expect: PUBLIC },
  // Built by the nightly job; a fresh installation has none yet.
  'GET /opendata/alle.zip': { expect: all('not_found'), refusedByHandler: 'the bulk file does not exist before the job first ran' },
  'OPTIONS /api/v1/*': { expect: PUBLIC, path: '/api/v1/measures' },
  'GET /api/v1': { expect: PUBLIC },
  'GET /api/v1/openapi.json': { expect: PUBLIC },
  'GET /api/v1/docs': { expect: PUBLIC },
  ...Object.fromEntries(collections.map((c) => [`GET /api/v1/${c.id}`, { expect: PUBLIC }])),
};
