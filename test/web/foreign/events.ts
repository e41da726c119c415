/**
 * Events: the foreign object is an event of FOREIGN (or one of it not published), a registration
 * of another event, or a district of FOREIGN in the event form.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/platform/db/schema.ts';
import { addRegistration, createEvent } from '../../support/factories/events.ts';
import { draftCardOf, usesOfCard } from '../../support/factories/toolkit.ts';
import { type ForeignCase, type ForeignCases, type ForeignFixtures, OWN } from './types.ts';

interface EventSet {
  own: number;
  ownRegistration: number;
  foreign: number;
  foreignDraft: number;
  foreignRegistration: number;
  foreignDistrict: number | null;
}

const sets = new WeakMap<Kysely<Database>, Promise<EventSet>>();

function events(f: ForeignFixtures): Promise<EventSet> {
  let set = sets.get(f.db);
  if (!set) {
    set = (async () => {
      const own = await createEvent(f.db, { municipalityId: f.ownId, title: 'Eigene Veranstaltung' });
      const foreign = await createEvent(f.db, { municipalityId: f.foreignId, title: 'Fremde Veranstaltung' });
      const foreignDraft = await createEvent(f.db, { municipalityId: f.foreignId, title: 'Fremder Entwurf', published: false });
      const district = await f.db.selectFrom('districts').select('id').where('municipality_id', '=', f.foreignId).executeTakeFirst();
      return {
        own,
        ownRegistration: await addRegistration(f.db, own, { name: 'Eigene Person' }),
        foreign,
        foreignDraft,
        foreignRegistration: await addRegistration(f.db, foreign, { name: 'Fremde Person' }),
        foreignDistrict: district?.id ?? null,
      };
    })();
    sets.set(f.db, set);
  }
  return set;
}

/** Everything an events request could change: the events, their registrations, feedback surveys and audit entries. */
async function eventState(f: ForeignFixtures) {
  const set = await events(f);
  const ids = [set.own, set.foreign, set.foreignDraft];
  const [rows, registrations, surveys, audit] = await Promise.all([
    f.db.selectFrom('events').selectAll().where('id', 'in', ids).orderBy('id').execute(),
    f.db.selectFrom('event_registrations').selectAll().where('event_id', 'in', ids).orderBy('id').execute(),
    f.db.selectFrom('surveys').select('id').orderBy('id').execute(),
    f.db.selectFrom('audit_log').select('id').where('action', 'like', 'event.%').orderBy('id').execute(),
  ]);
  return { rows, registrations, surveys, audit };
}

const workspace = (id: number) => `/verwaltung/${OWN}/veranstaltungen/${id}`;
const validEvent = (districtId: number | null) => ({
  title: 'Bürgerdialog',
  format: 'dialogue',
  mode: 'in_person',
  venue: 'Bürgerhaus',
  startsAt: '2030-05-01T18:00',
  endsAt: '2030-05-01T20:00',
  capacity: '20',
  languages: ['de'],
  published: 'on',
  districtId: districtId === null ? '999999999' : String(districtId),
});

/** The coordinator of OWN sends a request for FOREIGN's event through OWN's workspace. */
const foreignEvent = (suffix: string, form?: Record<string, string | string[]>): ForeignCase => ({
  as: 'coordinator',
  request: async (f) => ({ path: `${workspace((await events(f)).foreign)}${suffix}`, form }),
  snapshot: eventState,
});

/** The coordinator of OWN names its own event with the registration of FOREIGN's event. */
const foreignRegistration = (action: string, form?: Record<string, string>): ForeignCase => ({
  as: 'coordinator',
  request: async (f) => {
    const set = await events(f);
    return { path: `${workspace(set.own)}/anmeldungen/${set.foreignRegistration}/${action}`, form };
  },
  snapshot: eventState,
});

/** A participant asks for FOREIGN's event that is not published. */
const draft = (suffix: string, form?: Record<string, string>): ForeignCase => ({
  as: 'participant',
  request: async (f) => ({ path: `/veranstaltungen/${(await events(f)).foreignDraft}${suffix}`, form }),
  snapshot: eventState,
});

export const cases: ForeignCases = {
  'GET /veranstaltungen/:id': draft(''),
  'GET /veranstaltungen/:id/anmeldung': draft('/anmeldung'),
  'POST /veranstaltungen/:id/anmeldung': draft('/anmeldung', { organisation: 'Verein' }),
  'POST /veranstaltungen/:id/abmelden': {
    as: 'participant',
    // The participant holds no registration of FOREIGN's event: nothing of someone else's is cancelled.
    request: async (f) => ({ path: `/veranstaltungen/${(await events(f)).foreign}/abmelden`, form: {} }),
    snapshot: eventState,
  },
  'GET /veranstaltungen/:id/termin.ics': draft('/termin.ics'),
  'GET /veranstaltungen/:id/bild': draft('/bild'),
  'GET /veranstaltungen/abmeldung/:token': { notApplicable: 'the signed token names one registration; a token of another registration is that registration, a forged one is 404' },
  'POST /veranstaltungen/abmeldung/:token': { notApplicable: 'the signed token names one registration; a token of another registration is that registration, a forged one is 404' },
  'POST /verwaltung/:ags/veranstaltungen/neu': {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/veranstaltungen/neu`, form: validEvent((await events(f)).foreignDistrict) }),
    snapshot: async (f) => ({ state: await eventState(f), count: (await f.db.selectFrom('events').select('id').execute()).length }),
  },
  'GET /verwaltung/:ags/veranstaltungen/:id': foreignEvent(''),
  'GET /verwaltung/:ags/veranstaltungen/:id/bearbeiten': foreignEvent('/bearbeiten'),
  'POST /verwaltung/:ags/veranstaltungen/:id/bearbeiten': {
    as: 'coordinator',
    // OWN's event with FOREIGN's district: a field error, nothing saved.
    request: async (f) => {
      const set = await events(f);
      return { path: `${workspace(set.own)}/bearbeiten`, form: validEvent(set.foreignDistrict) };
    },
    snapshot: eventState,
  },
  'POST /verwaltung/:ags/veranstaltungen/:id/kopieren': foreignEvent('/kopieren', {}),
  'GET /verwaltung/:ags/veranstaltungen/:id/absagen': foreignEvent('/absagen'),
  'POST /verwaltung/:ags/veranstaltungen/:id/absagen': foreignEvent('/absagen', { reason: 'Krankheit der Moderation' }),
  'GET /verwaltung/:ags/veranstaltungen/:id/anmeldungen': foreignEvent('/anmeldungen'),
  'POST /verwaltung/:ags/veranstaltungen/:id/anmeldungen/:rid/anwesenheit': foreignRegistration('anwesenheit', { attended: 'yes' }),
  'POST /verwaltung/:ags/veranstaltungen/:id/anmeldungen/:rid/zielgruppennachweis': foreignRegistration('zielgruppennachweis', { confirmed: 'yes' }),
  'POST /verwaltung/:ags/veranstaltungen/:id/anmeldungen/:rid/stornieren': foreignRegistration('stornieren', {}),
  'POST /verwaltung/:ags/veranstaltungen/:id/nachmeldung': foreignEvent('/nachmeldung', { name: 'Walter Spontan', paperConsent: 'on' }),
  'GET /verwaltung/:ags/veranstaltungen/:id/teilnahmeliste.pdf': foreignEvent('/teilnahmeliste.pdf'),
  'POST /verwaltung/:ags/veranstaltungen/:id/unterschriftenliste': foreignEvent('/unterschriftenliste', {}),
  'GET /verwaltung/:ags/veranstaltungen/:id/unterschriftenliste': foreignEvent('/unterschriftenliste'),
  'POST /verwaltung/:ags/veranstaltungen/:id/bild': foreignEvent('/bild', {}),
  'POST /verwaltung/:ags/veranstaltungen/:id/rueckmeldung': foreignEvent('/rueckmeldung', {}),
  'GET /verwaltung/:ags/veranstaltungen/:id/export/:file': foreignEvent('/export/anmeldungen.csv'),
  // A draft card of FOREIGN named as a method the event used: a field error, nothing saved, no link.
  'POST /verwaltung/:ags/veranstaltungen/neu #methodIds': {
    as: 'coordinator',
    request: async (f) => ({ path: `/verwaltung/${OWN}/veranstaltungen/neu`, form: { ...validEvent(null), districtId: '', methodIds: String(await draftCardOf(f.db, f.foreignId)) } }),
    snapshot: async (f) => ({ count: (await f.db.selectFrom('events').select('id').execute()).length, uses: await usesOfCard(f.db, await draftCardOf(f.db, f.foreignId)) }),
  },
  'POST /verwaltung/:ags/veranstaltungen/:id/bearbeiten #methodIds': {
    as: 'coordinator',
    request: async (f) => {
      const set = await events(f);
      return { path: `${workspace(set.own)}/bearbeiten`, form: { ...validEvent(null), districtId: '', methodIds: String(await draftCardOf(f.db, f.foreignId)) } };
    },
    snapshot: async (f) => ({ state: await eventState(f), uses: await usesOfCard(f.db, await draftCardOf(f.db, f.foreignId)) }),
  },
};
