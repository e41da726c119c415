/** The admin module's routes: what every role gets. */
import { freshParticipant, freshRole, someMail, someUser } from './fixtures.ts';
import { type Entries, invalidFor, OFFICE } from './types.ts';

export const entries: Entries = {
  'GET /programmbuero': { expect: OFFICE },
  'GET /programmbuero/nutzer': { expect: OFFICE },
  'GET /programmbuero/nutzer/einladen': { expect: OFFICE },
  'POST /programmbuero/nutzer/einladen': { expect: invalidFor(OFFICE) },
  'GET /programmbuero/nutzer/:id': { expect: OFFICE, path: async (f) => `/programmbuero/nutzer/${await someUser(f)}` },
  'POST /programmbuero/nutzer/:id/rollen': { expect: invalidFor(OFFICE), path: async (f) => `/programmbuero/nutzer/${await someUser(f)}/rollen` },
  'GET /programmbuero/nutzer/:id/rollen/:roleId/entziehen': { expect: OFFICE, path: async (f) => `/programmbuero/nutzer/${await freshRole(f)}/entziehen` },
  'POST /programmbuero/nutzer/:id/rollen/:roleId/entziehen': { expect: OFFICE, path: async (f) => `/programmbuero/nutzer/${await freshRole(f)}/entziehen` },
  'GET /programmbuero/teilnahme': { expect: OFFICE },
  'POST /programmbuero/teilnahme': { expect: invalidFor(OFFICE) },
  'GET /programmbuero/teilnahme/:ags/beenden': { expect: OFFICE },
  'POST /programmbuero/teilnahme/:ags/beenden': { expect: OFFICE, path: async (f) => `/programmbuero/teilnahme/${await freshParticipant(f)}/beenden` },
  'GET /programmbuero/protokoll': { expect: OFFICE },
  'GET /programmbuero/protokoll.csv': { expect: OFFICE },
  'GET /programmbuero/postausgang': { expect: OFFICE },
  'GET /programmbuero/postausgang/:id': { expect: OFFICE, path: async (f) => `/programmbuero/postausgang/${await someMail(f)}` },
};
