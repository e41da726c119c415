/** The site module's routes: what every role gets. */
import { type Entries, PUBLIC } from './types.ts';

export const entries: Entries = {
  'GET /': { expect: PUBLIC },
  'GET /impressum': { expect: PUBLIC },
  'GET /datenschutz': { expect: PUBLIC },
  'GET /barrierefreiheit': { expect: PUBLIC },
  'GET /quellen': { expect: PUBLIC },
  'GET /api': { expect: PUBLIC },
};
