/** The health module's routes: what every role gets. */
import { type Entries, PUBLIC } from './types.ts';

export const entries: Entries = {
  'GET /healthz': { expect: PUBLIC },
};
