/**
 * Every route × every role × own/foreign municipality, with the answer each should get.
 * A route the app registers without an entry here fails the test, and so does an entry for a
 * route that no longer exists.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const OWN = '06431002'; // Bensheim, participating in the demo
const FOREIGN = '06431020'; // Viernheim, participating in the demo

const ROLES = ['visitor', 'participant', 'trainer', 'coordinator_own', 'coordinator_foreign', 'programme_office', 'funder'] as const;
type Role = (typeof ROLES)[number];
/** ok: allowed (2xx, 3xx other than to the login, or 422 for the deliberately empty form); login: sent to sign in. */
type Expect = 'ok' | 'login' | 'forbidden' | 'not_found' | 'bad_request';
type Matrix = Record<Role, Expect>;

const all = (expect: Expect): Matrix => Object.fromEntries(ROLES.map((r) => [r, expect])) as Matrix;
const PUBLIC = all('ok');
const SIGNED_IN: Matrix = { ...all('ok'), visitor: 'login' };
const COORDINATOR: Matrix = { ...all('forbidden'), visitor: 'login', coordinator_own: 'ok', programme_office: 'ok' };
const OFFICE: Matrix = { ...all('forbidden'), visitor: 'login', programme_office: 'ok' };
const COHORT_LEADS: Matrix = { ...all('forbidden'), visitor: 'login', trainer: 'ok', programme_office: 'ok' };
const TRAINEE: Matrix = { ...all('not_found'), visitor: 'login', participant: 'ok' };

interface Fixtures {
  db: Kysely<Database>;
  ownId: number;
}

interface Entry {
  expect: Matrix;
  /** The concrete URL; placeholders are filled per request (some create a fresh record each time). */
  path?: string | ((f: Fixtures) => Promise<string>);
  form?: Record<string, string>;
  /** Requests that end the session run on a session of their own. */
  ownSession?: boolean;
}

async function firstDistrict(f: Fixtures): Promise<number> {
  const row = await f.db.selectFrom('districts').select('id').where('municipality_id', '=', f.ownId).orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

async function first(f: Fixtures, table: 'measures' | 'fields_of_action' | 'strategy_versions'): Promise<number> {
  const row = await f.db.selectFrom(table).select('id').where('municipality_id', '=', f.ownId).orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

async function firstGoal(f: Fixtures): Promise<number> {
  const row = await f.db
    .selectFrom('goals')
    .innerJoin('fields_of_action', 'fields_of_action.id', 'goals.field_id')
    .select('goals.id')
    .where('fields_of_action.municipality_id', '=', f.ownId)
    .orderBy('goals.id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Deletions by allowed roles each get a record of their own, so the next role still finds one. */
async function fresh(f: Fixtures, kind: 'measure' | 'field' | 'goal' | 'version'): Promise<number> {
  const fieldId = (await f.db.insertInto('fields_of_action').values({ municipality_id: f.ownId, name: 'Matrix', description: '', position: 99 }).returning('id').executeTakeFirstOrThrow()).id;
  if (kind === 'field') return fieldId;
  if (kind === 'goal') return (await f.db.insertInto('goals').values({ field_id: fieldId, title: 'Matrix', description: '', position: 1 }).returning('id').executeTakeFirstOrThrow()).id;
  if (kind === 'version') {
    return (
      await f.db
        .insertInto('strategy_versions')
        .values({ municipality_id: f.ownId, title: 'Matrix', version_label: 'x', summary: '', adopted_on: null, document_file_id: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const measure = { municipality_id: f.ownId, field_id: fieldId, goal_id: null, district_id: null, title: 'Matrix', description: '', responsible_org: '', starts_on: null, ends_on: null };
  return (
    await f.db
      .insertInto('measures')
      .values({ ...measure, status: 'planned', progress: 0 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function someUser(f: Fixtures): Promise<number> {
  return (await f.db.selectFrom('users').select('id').where('email', 'like', 'koordination-bensheim@%').executeTakeFirstOrThrow()).id;
}

/** "<userId>/rollen/<roleId>" of a role granted just for this request. */
async function freshRole(f: Fixtures): Promise<string> {
  const user = await f.db
    .insertInto('users')
    .values({ email: `role-${Math.random().toString(36).slice(2)}@example.org`, password_hash: null, display_name: 'Rolle', email_verified_at: null, deleted_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const userId = user.id;
  const role = await f.db.insertInto('role_assignments').values({ user_id: userId, role: 'trainer', municipality_id: null, granted_by: null }).returning('id').executeTakeFirstOrThrow();
  return `${userId}/rollen/${role.id}`;
}

const spareTowns = ['06431011', '06431013', '06432010', '06432018', '06432023', '06433006', '06433011'];
/** A town that takes part just for this request, so that ending its participation works each time. */
async function freshParticipant(f: Fixtures): Promise<string> {
  const ags = spareTowns.shift() as string;
  const { id } = await f.db.selectFrom('municipalities').select('id').where('ags', '=', ags).executeTakeFirstOrThrow();
  await f.db.insertInto('programme_participations').values({ municipality_id: id, joined_on: '2026-01-01', cohort_label: 'Matrix' }).execute();
  return ags;
}

async function someMail(f: Fixtures): Promise<number> {
  const row = await f.db
    .insertInto('mail_outbox')
    .values({ to_address: 'matrix@example.org', subject: 'Matrix', text_body: 'Text', attachments: '[]', send_after: new Date(), sent_at: null, last_error: null, delivered_as: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function ownProcess(f: Fixtures): Promise<number> {
  return (await f.db.selectFrom('participation_processes').select('id').where('municipality_id', '=', f.ownId).orderBy('id').executeTakeFirstOrThrow()).id;
}

async function ownProposal(f: Fixtures): Promise<string> {
  const process = await ownProcess(f);
  const proposal = await f.db.selectFrom('proposals').select('id').where('process_id', '=', process).orderBy('id').executeTakeFirstOrThrow();
  return `/beteiligung/${process}/vorschlaege/${proposal.id}`;
}

async function someComment(f: Fixtures): Promise<string> {
  const base = await ownProposal(f);
  const proposalId = Number(base.split('/').at(-1));
  const author = await f.db.selectFrom('users').select('id').where('email', 'like', 'koordination-bensheim@%').executeTakeFirstOrThrow();
  const comment = await f.db
    .insertInto('proposal_comments')
    .values({ proposal_id: proposalId, parent_id: null, depth: 0, author_user_id: author.id, body: 'Matrix', edited_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return `${base}/kommentare/${comment.id}`;
}

async function ownSurvey(f: Fixtures): Promise<number> {
  const existing = await f.db.selectFrom('surveys').select('id').where('municipality_id', '=', f.ownId).executeTakeFirst();
  if (existing) return existing.id;
  const today = new Date().toISOString().slice(0, 10);
  const survey = await f.db
    .insertInto('surveys')
    .values({ municipality_id: f.ownId, process_id: null, title: 'Matrix', description: '', anonymous: true, opens_on: '2020-01-01', closes_on: '2099-12-31', published: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  await f.db
    .insertInto('survey_questions')
    .values({ survey_id: survey.id, position: 1, kind: 'single', prompt: `Frage ${today}`, help: '', required: false, options: JSON.stringify(['ja', 'nein']) })
    .execute();
  return survey.id;
}

async function ownEvent(f: Fixtures): Promise<number> {
  const existing = await f.db.selectFrom('events').select('id').where('municipality_id', '=', f.ownId).where('title', '=', 'Matrix-Veranstaltung').executeTakeFirst();
  if (existing) return existing.id;
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const event = await f.db
    .insertInto('events')
    .values({
      municipality_id: f.ownId,
      title: 'Matrix-Veranstaltung',
      format: 'dialogue',
      mode: 'in_person',
      venue: 'Rathaus',
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 7200_000),
      capacity: 500,
      published: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return event.id;
}

/** A fresh guest registration per request, so that every allowed role acts on a live one. */
async function freshRegistration(f: Fixtures): Promise<string> {
  const eventId = await ownEvent(f);
  const row = await f.db
    .insertInto('event_registrations')
    .values({ event_id: eventId, name: 'Matrix Gast', email: `gast-${Date.now()}-${Math.random()}@example.org`, status: 'confirmed' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return `/verwaltung/${OWN}/veranstaltungen/${eventId}/anmeldungen/${row.id}`;
}

async function programmeWithCohort(f: Fixtures): Promise<{ programme: number; cohort: number }> {
  const existing = await f.db.selectFrom('cohorts').select(['id', 'programme_id']).where('title', '=', 'Matrix-Kohorte').executeTakeFirst();
  if (existing) return { programme: existing.programme_id, cohort: existing.id };
  const programme = await f.db.insertInto('qualification_programmes').values({ kind: 'moderation', title: 'Matrix-Programm', published: true }).returning('id').executeTakeFirstOrThrow();
  const cohort = await f.db
    .insertInto('cohorts')
    .values({ programme_id: programme.id, title: 'Matrix-Kohorte', starts_on: '2027-01-01', ends_on: '2027-06-30', capacity: 20 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { programme: programme.id, cohort: cohort.id };
}

/**
 * A cohort led by the matrix trainer, with the matrix participant accepted, one past session, a
 * submitted practice project and one self-assessment item. The trainer leads no other cohort, so
 * the Matrix-Kohorte above shows that a trainer sees only their own.
 */
async function ledCohort(f: Fixtures): Promise<{ programme: number; cohort: number; session: number; project: number; item: number }> {
  const userId = async (email: string) => (await f.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const existing = await f.db.selectFrom('cohorts').select(['id', 'programme_id']).where('title', '=', 'Matrix-Kurs').executeTakeFirst();
  if (existing) {
    const session = await f.db.selectFrom('events').select('id').where('cohort_id', '=', existing.id).executeTakeFirstOrThrow();
    const project = await f.db
      .selectFrom('practice_projects as p')
      .innerJoin('enrolments as e', 'e.id', 'p.enrolment_id')
      .select('p.id')
      .where('e.cohort_id', '=', existing.id)
      .executeTakeFirstOrThrow();
    const item = await f.db.selectFrom('competence_items').select('id').where('programme_id', '=', existing.programme_id).executeTakeFirstOrThrow();
    return { programme: existing.programme_id, cohort: existing.id, session: session.id, project: project.id, item: item.id };
  }
  const programme = await f.db.insertInto('qualification_programmes').values({ kind: 'diversity_manager', title: 'Matrix-Curriculum', published: true }).returning('id').executeTakeFirstOrThrow();
  const cohort = await f.db
    .insertInto('cohorts')
    .values({ programme_id: programme.id, title: 'Matrix-Kurs', starts_on: '2026-01-01', ends_on: '2027-06-30', capacity: 20 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await f.db
    .insertInto('cohort_trainers')
    .values({ cohort_id: cohort.id, user_id: await userId('matrix-trainer@example.org') })
    .execute();
  const enrolment = await f.db
    .insertInto('enrolments')
    .values({ cohort_id: cohort.id, user_id: await userId('matrix-participant@example.org'), motivation: 'Matrix', status: 'approved', decided_at: new Date('2026-01-01') })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await f.db
    .insertInto('events')
    .values({
      municipality_id: f.ownId,
      title: 'Matrix-Termin',
      format: 'training',
      mode: 'online',
      starts_at: new Date('2026-02-01T09:00Z'),
      ends_at: new Date('2026-02-01T12:00Z'),
      capacity: 20,
      cohort_id: cohort.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const project = await f.db.insertInto('practice_projects').values({ enrolment_id: enrolment.id, goal: 'Matrix-Projektziel', status: 'submitted' }).returning('id').executeTakeFirstOrThrow();
  const item = await f.db.insertInto('competence_items').values({ programme_id: programme.id, statement: 'Ich kann moderieren.' }).returning('id').executeTakeFirstOrThrow();
  return { programme: programme.id, cohort: cohort.id, session: session.id, project: project.id, item: item.id };
}

async function surveyQuestion(f: Fixtures): Promise<number> {
  const survey = await ownSurvey(f);
  return (await f.db.selectFrom('survey_questions').select('id').where('survey_id', '=', survey).executeTakeFirstOrThrow()).id;
}

async function freshDistrict(f: Fixtures): Promise<number> {
  const row = await f.db
    .insertInto('districts')
    .values({ municipality_id: f.ownId, name: `Matrix ${Math.random().toString(36).slice(2)}`, description: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The own town's first network record of a kind (the demo has them in every participating town). */
async function firstNetwork(f: Fixtures, table: 'network_organisations' | 'network_people' | 'network_memberships' | 'network_cooperations'): Promise<number> {
  if (table === 'network_people') {
    return (await f.db.selectFrom(table).select('id').where('municipality_id', '=', f.ownId).where('consent_revoked_at', 'is', null).orderBy('id').executeTakeFirstOrThrow()).id;
  }
  return (await f.db.selectFrom(table).select('id').where('municipality_id', '=', f.ownId).orderBy('id').executeTakeFirstOrThrow()).id;
}

/** Network records that a deletion or revocation by an allowed role may use up. */
async function freshNetwork(f: Fixtures, kind: 'organisation' | 'person' | 'membership' | 'cooperation'): Promise<number> {
  const organisation = async () =>
    (
      await f.db
        .insertInto('network_organisations')
        .values({ municipality_id: f.ownId, name: 'Matrix', type: 'club', address: '', website: '', email: '', description: '', is_public: false })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const person = async () =>
    (
      await f.db
        .insertInto('network_people')
        .values({ municipality_id: f.ownId, name: 'Matrix', user_id: null, consent_purpose: 'Matrix', consent_version: '1', consent_given_at: '2024-01-01T00:00:00Z' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  if (kind === 'organisation') return organisation();
  if (kind === 'person') return person();
  if (kind === 'membership') {
    const values = { municipality_id: f.ownId, person_id: await person(), organisation_id: await organisation(), role: 'member' as const, starts_on: null, ends_on: null };
    return (await f.db.insertInto('network_memberships').values(values).returning('id').executeTakeFirstOrThrow()).id;
  }
  const values = {
    municipality_id: f.ownId,
    organisation_id: await organisation(),
    partner_id: await organisation(),
    type: 'event' as const,
    starts_on: '2024-01-01',
    ends_on: null,
    description: '',
    outputs: '',
  };
  return (await f.db.insertInto('network_cooperations').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

const MATRIX: Record<string, Entry> = {
  // platform
  'GET /healthz': { expect: PUBLIC },
  'GET /anmelden': { expect: PUBLIC },
  'POST /anmelden': { expect: PUBLIC },
  'POST /abmelden': { expect: PUBLIC, ownSession: true },
  'GET /registrieren': { expect: PUBLIC },
  'POST /registrieren': { expect: PUBLIC },
  'GET /konto/bestaetigen': { expect: all('bad_request') },
  'POST /konto/bestaetigen': { expect: all('bad_request') },
  'POST /konto/bestaetigung-senden': { expect: SIGNED_IN },
  'GET /passwort-vergessen': { expect: PUBLIC },
  'POST /passwort-vergessen': { expect: PUBLIC },
  'GET /passwort-neu': { expect: all('bad_request') },
  'POST /passwort-neu': { expect: PUBLIC },
  'GET /einladung': { expect: all('bad_request') },
  'POST /einladung': { expect: PUBLIC },
  'GET /konto': { expect: SIGNED_IN },
  'POST /konto/passwort': { expect: SIGNED_IN },
  'POST /konto/sitzungen/:id/beenden': { expect: { ...all('not_found'), visitor: 'login' }, path: `/konto/sitzungen/${'ab'.repeat(32)}/beenden` },
  'GET /konto/export': { expect: SIGNED_IN },
  'GET /konto/loeschen': { expect: SIGNED_IN },
  'POST /konto/loeschen': { expect: SIGNED_IN },
  'GET /sprache': { expect: PUBLIC, path: '/sprache?lang=de&zurueck=/' },
  // Without a sign-in waiting for its code, the code page sends back to the password.
  'GET /anmelden/code': { expect: all('login') },
  'POST /anmelden/code': { expect: PUBLIC },
  'GET /konto/zwei-faktor': { expect: SIGNED_IN },
  'POST /konto/zwei-faktor': { expect: SIGNED_IN },
  'POST /konto/zwei-faktor/codes': { expect: SIGNED_IN },
  'POST /konto/zwei-faktor/aus': { expect: SIGNED_IN },
  // site
  'GET /': { expect: PUBLIC },
  'GET /impressum': { expect: PUBLIC },
  'GET /datenschutz': { expect: PUBLIC },
  'GET /barrierefreiheit': { expect: PUBLIC },
  'GET /quellen': { expect: PUBLIC },
  'GET /api': { expect: PUBLIC },
  // municipalities
  'GET /kommunen': { expect: PUBLIC },
  'GET /kommunen.csv': { expect: PUBLIC },
  'GET /karte/hessen.svg': { expect: PUBLIC },
  'GET /kommunen/:ags': { expect: PUBLIC },
  'GET /verwaltung/:ags/ortsteile': { expect: COORDINATOR },
  'POST /verwaltung/:ags/ortsteile': { expect: COORDINATOR },
  'GET /verwaltung/:ags/ortsteile/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/ortsteile/${await firstDistrict(f)}` },
  'POST /verwaltung/:ags/ortsteile/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/ortsteile/${await firstDistrict(f)}` },
  'GET /verwaltung/:ags/ortsteile/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/ortsteile/${await firstDistrict(f)}/loeschen` },
  'POST /verwaltung/:ags/ortsteile/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/ortsteile/${await freshDistrict(f)}/loeschen` },
  // strategy: public
  'GET /kommunen/:ags/umsetzung': { expect: PUBLIC },
  'GET /kommunen/:ags/umsetzung.csv': { expect: PUBLIC },
  'GET /kommunen/:ags/massnahmen/:id': { expect: PUBLIC, path: async (f) => `/kommunen/${OWN}/massnahmen/${await first(f, 'measures')}` },
  'GET /kommunen/:ags/strategie/:id/dokument': { expect: all('not_found'), path: async (f) => `/kommunen/${OWN}/strategie/${await first(f, 'strategy_versions')}/dokument` },
  // strategy: the town's workspace
  'GET /verwaltung': { expect: { ...COORDINATOR, coordinator_foreign: 'ok' } },
  'GET /verwaltung/:ags': { expect: COORDINATOR },
  'GET /verwaltung/:ags/strategie': { expect: COORDINATOR },
  'POST /verwaltung/:ags/strategie': { expect: { ...COORDINATOR, coordinator_own: 'bad_request', programme_office: 'bad_request' } },
  'GET /verwaltung/:ags/strategie/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/strategie/${await first(f, 'strategy_versions')}` },
  'POST /verwaltung/:ags/strategie/:id': {
    expect: { ...COORDINATOR, coordinator_own: 'bad_request', programme_office: 'bad_request' },
    path: async (f) => `/verwaltung/${OWN}/strategie/${await first(f, 'strategy_versions')}`,
  },
  'GET /verwaltung/:ags/strategie/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/strategie/${await first(f, 'strategy_versions')}/loeschen` },
  'POST /verwaltung/:ags/strategie/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/strategie/${await fresh(f, 'version')}/loeschen` },
  'GET /verwaltung/:ags/handlungsfelder': { expect: COORDINATOR },
  'POST /verwaltung/:ags/handlungsfelder': { expect: COORDINATOR },
  'GET /verwaltung/:ags/handlungsfelder/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/handlungsfelder/${await first(f, 'fields_of_action')}` },
  'POST /verwaltung/:ags/handlungsfelder/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/handlungsfelder/${await first(f, 'fields_of_action')}` },
  'POST /verwaltung/:ags/handlungsfelder/:id/ziele': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/handlungsfelder/${await first(f, 'fields_of_action')}/ziele` },
  'GET /verwaltung/:ags/handlungsfelder/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/handlungsfelder/${await first(f, 'fields_of_action')}/loeschen` },
  'POST /verwaltung/:ags/handlungsfelder/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/handlungsfelder/${await fresh(f, 'field')}/loeschen` },
  'GET /verwaltung/:ags/ziele/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/ziele/${await firstGoal(f)}` },
  'POST /verwaltung/:ags/ziele/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/ziele/${await firstGoal(f)}` },
  'GET /verwaltung/:ags/ziele/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/ziele/${await firstGoal(f)}/loeschen` },
  'POST /verwaltung/:ags/ziele/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/ziele/${await fresh(f, 'goal')}/loeschen` },
  'GET /verwaltung/:ags/massnahmen': { expect: COORDINATOR },
  'GET /verwaltung/:ags/massnahmen/neu': { expect: COORDINATOR },
  'POST /verwaltung/:ags/massnahmen/neu': { expect: COORDINATOR },
  'GET /verwaltung/:ags/massnahmen/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/massnahmen/${await first(f, 'measures')}` },
  'POST /verwaltung/:ags/massnahmen/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/massnahmen/${await first(f, 'measures')}` },
  'POST /verwaltung/:ags/massnahmen/:id/fortschritt': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/massnahmen/${await first(f, 'measures')}/fortschritt` },
  'GET /verwaltung/:ags/massnahmen/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/massnahmen/${await first(f, 'measures')}/loeschen` },
  'POST /verwaltung/:ags/massnahmen/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/massnahmen/${await fresh(f, 'measure')}/loeschen` },
  // network: the public directory, the town's network workspace
  'GET /kommunen/:ags/netzwerk': { expect: PUBLIC },
  'GET /verwaltung/:ags/netzwerk': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/organisationen': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/organisationen/neu': { expect: COORDINATOR },
  'POST /verwaltung/:ags/netzwerk/organisationen/neu': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/organisationen/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/netzwerk/organisationen/${await firstNetwork(f, 'network_organisations')}` },
  'POST /verwaltung/:ags/netzwerk/organisationen/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/netzwerk/organisationen/${await firstNetwork(f, 'network_organisations')}` },
  'GET /verwaltung/:ags/netzwerk/organisationen/:id/loeschen': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/organisationen/${await firstNetwork(f, 'network_organisations')}/loeschen`,
  },
  'POST /verwaltung/:ags/netzwerk/organisationen/:id/loeschen': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/organisationen/${await freshNetwork(f, 'organisation')}/loeschen`,
  },
  'GET /verwaltung/:ags/netzwerk/personen': { expect: COORDINATOR },
  'POST /verwaltung/:ags/netzwerk/personen': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/personen.csv': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/personen/:id/widerrufen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/netzwerk/personen/${await firstNetwork(f, 'network_people')}/widerrufen` },
  'POST /verwaltung/:ags/netzwerk/personen/:id/widerrufen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/netzwerk/personen/${await freshNetwork(f, 'person')}/widerrufen` },
  'GET /verwaltung/:ags/netzwerk/mitgliedschaften': { expect: COORDINATOR },
  'POST /verwaltung/:ags/netzwerk/mitgliedschaften': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/mitgliedschaften/:id/loeschen': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/mitgliedschaften/${await firstNetwork(f, 'network_memberships')}/loeschen`,
  },
  'POST /verwaltung/:ags/netzwerk/mitgliedschaften/:id/loeschen': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/mitgliedschaften/${await freshNetwork(f, 'membership')}/loeschen`,
  },
  'GET /verwaltung/:ags/netzwerk/kooperationen': { expect: COORDINATOR },
  'POST /verwaltung/:ags/netzwerk/kooperationen': { expect: COORDINATOR },
  'GET /verwaltung/:ags/netzwerk/kooperationen/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/netzwerk/kooperationen/${await firstNetwork(f, 'network_cooperations')}` },
  'POST /verwaltung/:ags/netzwerk/kooperationen/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/netzwerk/kooperationen/${await firstNetwork(f, 'network_cooperations')}` },
  'GET /verwaltung/:ags/netzwerk/kooperationen/:id/loeschen': {
    expect: COORDINATOR,
    path: async (f) => `/verwaltung/${OWN}/netzwerk/kooperationen/${await firstNetwork(f, 'network_cooperations')}/loeschen`,
  },
  'POST /verwaltung/:ags/netzwerk/kooperationen/:id/loeschen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/netzwerk/kooperationen/${await freshNetwork(f, 'cooperation')}/loeschen` },
  // admin: the programme office
  'GET /programmbuero': { expect: OFFICE },
  'GET /programmbuero/nutzer': { expect: OFFICE },
  'GET /programmbuero/nutzer/einladen': { expect: OFFICE },
  'POST /programmbuero/nutzer/einladen': { expect: OFFICE },
  'GET /programmbuero/nutzer/:id': { expect: OFFICE, path: async (f) => `/programmbuero/nutzer/${await someUser(f)}` },
  'POST /programmbuero/nutzer/:id/rollen': { expect: OFFICE, path: async (f) => `/programmbuero/nutzer/${await someUser(f)}/rollen` },
  'GET /programmbuero/nutzer/:id/rollen/:roleId/entziehen': { expect: OFFICE, path: async (f) => `/programmbuero/nutzer/${await freshRole(f)}/entziehen` },
  'POST /programmbuero/nutzer/:id/rollen/:roleId/entziehen': { expect: OFFICE, path: async (f) => `/programmbuero/nutzer/${await freshRole(f)}/entziehen` },
  'GET /programmbuero/teilnahme': { expect: OFFICE },
  'POST /programmbuero/teilnahme': { expect: OFFICE },
  'GET /programmbuero/teilnahme/:ags/beenden': { expect: OFFICE },
  'POST /programmbuero/teilnahme/:ags/beenden': { expect: OFFICE, path: async (f) => `/programmbuero/teilnahme/${await freshParticipant(f)}/beenden` },
  'GET /programmbuero/protokoll': { expect: OFFICE },
  'GET /programmbuero/protokoll.csv': { expect: OFFICE },
  'GET /programmbuero/postausgang': { expect: OFFICE },
  'GET /programmbuero/postausgang/:id': { expect: OFFICE, path: async (f) => `/programmbuero/postausgang/${await someMail(f)}` },
  // participation
  'GET /beteiligung': { expect: PUBLIC },
  'GET /kommunen/:ags/beteiligung': { expect: PUBLIC },
  'GET /beteiligung/:id': { expect: PUBLIC, path: async (f) => `/beteiligung/${await ownProcess(f)}` },
  'GET /beteiligung/:id/karte.svg': { expect: PUBLIC, path: async (f) => `/beteiligung/${await ownProcess(f)}/karte.svg?punkt=49.68,8.62` },
  'GET /beteiligung/:id/bild': { expect: all('not_found'), path: async (f) => `/beteiligung/${await ownProcess(f)}/bild` },
  'GET /beteiligung/:id/vorschlaege/neu': { expect: SIGNED_IN, path: async (f) => `/beteiligung/${await ownProcess(f)}/vorschlaege/neu` },
  'POST /beteiligung/:id/vorschlaege/neu': { expect: SIGNED_IN, path: async (f) => `/beteiligung/${await ownProcess(f)}/vorschlaege/neu` },
  'GET /beteiligung/:id/vorschlaege/:pid': { expect: PUBLIC, path: ownProposal },
  'GET /beteiligung/:id/vorschlaege/:pid/bilder/:iid': { expect: all('not_found'), path: async (f) => `${await ownProposal(f)}/bilder/999999` },
  'GET /beteiligung/:id/vorschlaege/:pid/bearbeiten': { expect: { ...all('forbidden'), visitor: 'login' }, path: async (f) => `${await ownProposal(f)}/bearbeiten` },
  'POST /beteiligung/:id/vorschlaege/:pid/bearbeiten': { expect: { ...all('forbidden'), visitor: 'login' }, path: async (f) => `${await ownProposal(f)}/bearbeiten` },
  'POST /beteiligung/:id/vorschlaege/:pid/unterstuetzen': { expect: SIGNED_IN, path: async (f) => `${await ownProposal(f)}/unterstuetzen` },
  'POST /beteiligung/:id/vorschlaege/:pid/zuruecknehmen': { expect: SIGNED_IN, path: async (f) => `${await ownProposal(f)}/zuruecknehmen` },
  'GET /beteiligung/:id/vorschlaege/:pid/kommentare/neu': { expect: SIGNED_IN, path: async (f) => `${await ownProposal(f)}/kommentare/neu` },
  'POST /beteiligung/:id/vorschlaege/:pid/kommentare': { expect: SIGNED_IN, path: async (f) => `${await ownProposal(f)}/kommentare` },
  'GET /beteiligung/:id/vorschlaege/:pid/kommentare/:cid': { expect: { ...all('forbidden'), visitor: 'login' }, path: someComment },
  'POST /beteiligung/:id/vorschlaege/:pid/kommentare/:cid': { expect: { ...all('forbidden'), visitor: 'login' }, path: someComment },
  'GET /verwaltung/:ags/beteiligung': { expect: COORDINATOR },
  'GET /verwaltung/:ags/beteiligung/neu': { expect: COORDINATOR },
  'POST /verwaltung/:ags/beteiligung/neu': { expect: COORDINATOR },
  'GET /verwaltung/:ags/beteiligung/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/beteiligung/${await ownProcess(f)}` },
  'POST /verwaltung/:ags/beteiligung/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/beteiligung/${await ownProcess(f)}` },
  // A form post without a file: the allowed roles hear that the upload is not multipart.
  'POST /verwaltung/:ags/beteiligung/:id/bild': {
    expect: { ...COORDINATOR, coordinator_own: 'bad_request', programme_office: 'bad_request' },
    path: async (f) => `/verwaltung/${OWN}/beteiligung/${await ownProcess(f)}/bild`,
  },
  'GET /verwaltung/:ags/beteiligung/:id/offline': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/beteiligung/${await ownProcess(f)}/offline` },
  'POST /verwaltung/:ags/beteiligung/:id/offline': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/beteiligung/${await ownProcess(f)}/offline` },
  'GET /verwaltung/:ags/beteiligung/:id/export/:kind': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/beteiligung/${await ownProcess(f)}/export/vorschlaege.xlsx` },
  'GET /beteiligung/:id/vorschlaege/:pid/melden': { expect: SIGNED_IN, path: async (f) => `${await ownProposal(f)}/melden` },
  'POST /beteiligung/:id/vorschlaege/:pid/melden': { expect: SIGNED_IN, path: async (f) => `${await ownProposal(f)}/melden` },
  'GET /beteiligung/:id/vorschlaege/:pid/kommentare/:cid/melden': { expect: SIGNED_IN, path: async (f) => `${await someComment(f)}/melden` },
  'POST /beteiligung/:id/vorschlaege/:pid/kommentare/:cid/melden': { expect: SIGNED_IN, path: async (f) => `${await someComment(f)}/melden` },
  'POST /beteiligung/:id/folgen': { expect: SIGNED_IN, path: async (f) => `/beteiligung/${await ownProcess(f)}/folgen` },
  'POST /beteiligung/:id/vorschlaege/:pid/folgen': { expect: SIGNED_IN, path: async (f) => `${await ownProposal(f)}/folgen` },
  'POST /konto/benachrichtigungen': { expect: { ...all('bad_request'), visitor: 'login' } },
  'GET /verwaltung/:ags/moderation': { expect: COORDINATOR },
  'POST /verwaltung/:ags/moderation/:type/:id/:action': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/moderation/vorschlag/${(await ownProposal(f)).split('/').at(-1)}/abweisen` },
  'POST /verwaltung/:ags/moderation/person/:userId/:action': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/moderation/person/${await someUser(f)}/entsperren` },
  'GET /verwaltung/:ags/moderation/woerter': { expect: COORDINATOR },
  'POST /verwaltung/:ags/moderation/woerter': { expect: COORDINATOR },
  'GET /umfragen/:id': { expect: PUBLIC, path: async (f) => `/umfragen/${await ownSurvey(f)}` },
  'POST /umfragen/:id': { expect: SIGNED_IN, path: async (f) => `/umfragen/${await ownSurvey(f)}` },
  'GET /umfragen/:id/ergebnisse': { expect: PUBLIC, path: async (f) => `/umfragen/${await ownSurvey(f)}/ergebnisse` },
  'GET /umfragen/:id/ergebnisse/:chart': { expect: PUBLIC, path: async (f) => `/umfragen/${await ownSurvey(f)}/ergebnisse/frage-${await surveyQuestion(f)}.svg` },
  'GET /verwaltung/:ags/umfragen': { expect: COORDINATOR },
  'POST /verwaltung/:ags/umfragen': { expect: COORDINATOR },
  'GET /verwaltung/:ags/umfragen/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}` },
  'POST /verwaltung/:ags/umfragen/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}` },
  'POST /verwaltung/:ags/umfragen/:id/fragen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/fragen` },
  'POST /verwaltung/:ags/umfragen/:id/fragen/:qid/loeschen': {
    // The question id is looked up in the survey before the lock by answers, so the allowed roles hear that there is no such question.
    expect: { ...COORDINATOR, coordinator_own: 'not_found', programme_office: 'not_found' },
    path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/fragen/999999/loeschen`,
  },
  'GET /verwaltung/:ags/umfragen/:id/offline': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/offline` },
  'POST /verwaltung/:ags/umfragen/:id/offline': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/offline` },
  'GET /verwaltung/:ags/umfragen/:id/freitexte': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/freitexte` },
  'POST /verwaltung/:ags/umfragen/:id/freitexte/:aid/:action': {
    expect: { ...COORDINATOR, coordinator_own: 'not_found', programme_office: 'not_found' },
    path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/freitexte/999999/freigeben`,
  },
  'GET /verwaltung/:ags/umfragen/:id/export/:file': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/export/antworten.xlsx` },
  'GET /verwaltung/:ags/vorschlaege/:id/antwort': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/vorschlaege/${(await ownProposal(f)).split('/').at(-1)}/antwort` },
  'POST /verwaltung/:ags/vorschlaege/:id/antwort': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/vorschlaege/${(await ownProposal(f)).split('/').at(-1)}/antwort` },
  'GET /qualifizierung': { expect: PUBLIC },
  'GET /qualifizierung/:id': { expect: PUBLIC, path: async (f) => `/qualifizierung/${(await programmeWithCohort(f)).programme}` },
  'GET /qualifizierung/kohorten/:id/bewerbung': { expect: SIGNED_IN, path: async (f) => `/qualifizierung/kohorten/${(await programmeWithCohort(f)).cohort}/bewerbung` },
  'POST /qualifizierung/kohorten/:id/bewerbung': { expect: SIGNED_IN, path: async (f) => `/qualifizierung/kohorten/${(await programmeWithCohort(f)).cohort}/bewerbung` },
  // Only accepted multipliers keep a reach log; the matrix accounts have no such application.
  'GET /qualifizierung/meine-wirkung': { expect: { ...all('forbidden'), visitor: 'login' } },
  'POST /qualifizierung/meine-wirkung': { expect: { ...all('forbidden'), visitor: 'login' } },
  'POST /qualifizierung/meine-wirkung/:id/loeschen': { expect: { ...all('not_found'), visitor: 'login' }, path: '/qualifizierung/meine-wirkung/999999/loeschen' },
  'GET /programmbuero/qualifizierung/wirkung': { expect: OFFICE },
  'GET /zertifikate': { expect: PUBLIC },
  'GET /zertifikate/:code': { expect: all('not_found'), path: '/zertifikate/AAAA-BBBB-CCCC' },
  'GET /zertifikate/:code/pdf': { expect: { ...all('not_found'), visitor: 'login' }, path: '/zertifikate/AAAA-BBBB-CCCC/pdf' },
  // No accepted application in the fixture: the office hears that it cannot certify.
  'POST /programmbuero/qualifizierung/kohorten/:id/bewerbungen/:eid/zertifikat': {
    expect: { ...OFFICE, programme_office: 'not_found' },
    path: async (f) => `/programmbuero/qualifizierung/kohorten/${(await programmeWithCohort(f)).cohort}/bewerbungen/999999/zertifikat`,
  },
  'POST /programmbuero/qualifizierung/zertifikate/:code/widerrufen': {
    expect: { ...OFFICE, programme_office: 'not_found' },
    path: '/programmbuero/qualifizierung/zertifikate/AAAA-BBBB-CCCC/widerrufen',
  },
  'GET /programmbuero/qualifizierung': { expect: OFFICE },
  'POST /programmbuero/qualifizierung': { expect: OFFICE },
  'GET /programmbuero/qualifizierung/:id': { expect: OFFICE, path: async (f) => `/programmbuero/qualifizierung/${(await programmeWithCohort(f)).programme}` },
  'POST /programmbuero/qualifizierung/:id': { expect: OFFICE, path: async (f) => `/programmbuero/qualifizierung/${(await programmeWithCohort(f)).programme}` },
  'POST /programmbuero/qualifizierung/:id/module': { expect: OFFICE, path: async (f) => `/programmbuero/qualifizierung/${(await programmeWithCohort(f)).programme}/module` },
  'POST /programmbuero/qualifizierung/:id/module/:mid/loeschen': {
    expect: { ...OFFICE, programme_office: 'not_found' },
    path: async (f) => `/programmbuero/qualifizierung/${(await programmeWithCohort(f)).programme}/module/999999/loeschen`,
  },
  'POST /programmbuero/qualifizierung/:id/kohorten': { expect: OFFICE, path: async (f) => `/programmbuero/qualifizierung/${(await programmeWithCohort(f)).programme}/kohorten` },
  'GET /programmbuero/qualifizierung/kohorten/:id': { expect: OFFICE, path: async (f) => `/programmbuero/qualifizierung/kohorten/${(await programmeWithCohort(f)).cohort}` },
  'POST /programmbuero/qualifizierung/kohorten/:id/trainer': { expect: OFFICE, path: async (f) => `/programmbuero/qualifizierung/kohorten/${(await programmeWithCohort(f)).cohort}/trainer` },
  // An application that does not exist in this cohort is not found (the foreign-object pass sends another cohort's).
  'POST /programmbuero/qualifizierung/kohorten/:id/bewerbungen/:eid': {
    expect: { ...OFFICE, programme_office: 'not_found' },
    path: async (f) => `/programmbuero/qualifizierung/kohorten/${(await programmeWithCohort(f)).cohort}/bewerbungen/999999`,
    form: { decision: 'approve' },
  },
  'GET /kursleitung': { expect: COHORT_LEADS },
  'GET /kursleitung/kohorten/:id': { expect: COHORT_LEADS, path: async (f) => `/kursleitung/kohorten/${(await ledCohort(f)).cohort}` },
  'POST /kursleitung/kohorten/:id/termine': { expect: COHORT_LEADS, path: async (f) => `/kursleitung/kohorten/${(await ledCohort(f)).cohort}/termine` },
  'POST /kursleitung/kohorten/:id/termine/:sid/absagen': {
    expect: COHORT_LEADS,
    path: async (f) => `/kursleitung/kohorten/${(await ledCohort(f)).cohort}/termine/${(await ledCohort(f)).session}/absagen`,
  },
  'GET /kursleitung/kohorten/:id/termine/:sid/anwesenheit': {
    expect: COHORT_LEADS,
    path: async (f) => `/kursleitung/kohorten/${(await ledCohort(f)).cohort}/termine/${(await ledCohort(f)).session}/anwesenheit`,
  },
  'POST /kursleitung/kohorten/:id/termine/:sid/anwesenheit': {
    expect: COHORT_LEADS,
    path: async (f) => `/kursleitung/kohorten/${(await ledCohort(f)).cohort}/termine/${(await ledCohort(f)).session}/anwesenheit`,
  },
  'GET /kursleitung/kohorten/:id/praxisprojekte/:pid': {
    expect: COHORT_LEADS,
    path: async (f) => `/kursleitung/kohorten/${(await ledCohort(f)).cohort}/praxisprojekte/${(await ledCohort(f)).project}`,
  },
  // A comment without text: the cohort's leads get the form back with the error.
  'POST /kursleitung/kohorten/:id/praxisprojekte/:pid': {
    expect: COHORT_LEADS,
    path: async (f) => `/kursleitung/kohorten/${(await ledCohort(f)).cohort}/praxisprojekte/${(await ledCohort(f)).project}`,
    form: { decision: 'comment' },
  },
  'GET /qualifizierung/kohorten/:id': { expect: TRAINEE, path: async (f) => `/qualifizierung/kohorten/${(await ledCohort(f)).cohort}` },
  'GET /qualifizierung/kohorten/:id/termine.ics': { expect: TRAINEE, path: async (f) => `/qualifizierung/kohorten/${(await ledCohort(f)).cohort}/termine.ics` },
  'GET /qualifizierung/kohorten/:id/praxisprojekt': { expect: TRAINEE, path: async (f) => `/qualifizierung/kohorten/${(await ledCohort(f)).cohort}/praxisprojekt` },
  'POST /qualifizierung/kohorten/:id/praxisprojekt': { expect: TRAINEE, path: async (f) => `/qualifizierung/kohorten/${(await ledCohort(f)).cohort}/praxisprojekt` },
  'GET /qualifizierung/kohorten/:id/selbsteinschaetzung/:phase': {
    expect: TRAINEE,
    path: async (f) => `/qualifizierung/kohorten/${(await ledCohort(f)).cohort}/selbsteinschaetzung/nachher`,
  },
  'POST /qualifizierung/kohorten/:id/selbsteinschaetzung/:phase': {
    expect: TRAINEE,
    path: async (f) => `/qualifizierung/kohorten/${(await ledCohort(f)).cohort}/selbsteinschaetzung/nachher`,
  },
  'POST /programmbuero/qualifizierung/:id/kompetenzen': { expect: OFFICE, path: async (f) => `/programmbuero/qualifizierung/${(await ledCohort(f)).programme}/kompetenzen` },
  'POST /programmbuero/qualifizierung/:id/kompetenzen/:iid/loeschen': {
    expect: { ...OFFICE, programme_office: 'not_found' },
    path: async (f) => `/programmbuero/qualifizierung/${(await ledCohort(f)).programme}/kompetenzen/999999/loeschen`,
  },
  'GET /veranstaltungen': { expect: PUBLIC },
  'GET /kommunen/:ags/veranstaltungen': { expect: PUBLIC },
  'GET /kommunen/:ags/veranstaltungen.ics': { expect: PUBLIC, path: `/kommunen/${OWN}/veranstaltungen.ics` },
  'GET /veranstaltungen/:id': { expect: PUBLIC, path: async (f) => `/veranstaltungen/${await ownEvent(f)}` },
  'GET /veranstaltungen/:id/anmeldung': { expect: PUBLIC, path: async (f) => `/veranstaltungen/${await ownEvent(f)}/anmeldung` },
  // A visitor's empty form comes back with messages (422); an account registers itself.
  'POST /veranstaltungen/:id/anmeldung': { expect: PUBLIC, path: async (f) => `/veranstaltungen/${await ownEvent(f)}/anmeldung` },
  'POST /veranstaltungen/:id/abmelden': { expect: SIGNED_IN, path: async (f) => `/veranstaltungen/${await ownEvent(f)}/abmelden` },
  'GET /veranstaltungen/:id/termin.ics': { expect: PUBLIC, path: async (f) => `/veranstaltungen/${await ownEvent(f)}/termin.ics` },
  'GET /veranstaltungen/:id/bild': { expect: all('not_found'), path: async (f) => `/veranstaltungen/${await ownEvent(f)}/bild` },
  'GET /veranstaltungen/abmeldung/:token': { expect: all('not_found'), path: '/veranstaltungen/abmeldung/1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
  'POST /veranstaltungen/abmeldung/:token': { expect: all('not_found'), path: '/veranstaltungen/abmeldung/1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
  'GET /verwaltung/:ags/veranstaltungen': { expect: COORDINATOR },
  'GET /verwaltung/:ags/veranstaltungen/neu': { expect: COORDINATOR },
  'POST /verwaltung/:ags/veranstaltungen/neu': { expect: COORDINATOR },
  'GET /verwaltung/:ags/veranstaltungen/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}` },
  'GET /verwaltung/:ags/veranstaltungen/:id/bearbeiten': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/bearbeiten` },
  'POST /verwaltung/:ags/veranstaltungen/:id/bearbeiten': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/bearbeiten` },
  'POST /verwaltung/:ags/veranstaltungen/:id/kopieren': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/kopieren` },
  'GET /verwaltung/:ags/veranstaltungen/:id/absagen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/absagen` },
  'POST /verwaltung/:ags/veranstaltungen/:id/absagen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/absagen` },
  'GET /verwaltung/:ags/veranstaltungen/:id/anmeldungen': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/anmeldungen` },
  'POST /verwaltung/:ags/veranstaltungen/:id/anmeldungen/:rid/anwesenheit': { expect: COORDINATOR, path: async (f) => `${await freshRegistration(f)}/anwesenheit`, form: { attended: 'yes' } },
  'POST /verwaltung/:ags/veranstaltungen/:id/anmeldungen/:rid/stornieren': { expect: COORDINATOR, path: async (f) => `${await freshRegistration(f)}/stornieren` },
  'POST /verwaltung/:ags/veranstaltungen/:id/nachmeldung': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/veranstaltungen/${await ownEvent(f)}/nachmeldung` },
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

function classify(method: string, status: number, location: string | undefined): Expect | `unexpected ${number}` {
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 400) return 'bad_request';
  if (status === 401 || ((status === 302 || status === 303) && location?.startsWith('/anmelden') && method === 'GET')) return 'login';
  if ((status >= 200 && status < 400) || status === 422) return 'ok';
  return `unexpected ${status}`;
}

describe('authorization matrix', () => {
  let t: TestApp;
  const clients = new Map<Role, TestClient>();
  let fixtures: Fixtures;
  const emails: Partial<Record<Role, string>> = {};

  before(async () => {
    t = await startTestApp({ variant: 'demo' });
    const db = t.app.services.db;
    const ownId = await municipalityId(db, OWN);
    const foreignId = await municipalityId(db, FOREIGN);
    fixtures = { db, ownId };
    const grants: Record<Exclude<Role, 'visitor'>, Parameters<typeof createUser>[1]['roles']> = {
      participant: [],
      trainer: [{ role: 'trainer' }],
      coordinator_own: [{ role: 'coordinator', municipalityId: ownId }],
      coordinator_foreign: [{ role: 'coordinator', municipalityId: foreignId }],
      programme_office: [{ role: 'programme_office' }],
      funder: [{ role: 'funder' }],
    };
    clients.set('visitor', new TestClient(t.app.fastify));
    for (const [role, roles] of Object.entries(grants) as Array<[Role, Parameters<typeof createUser>[1]['roles']]>) {
      const email = `matrix-${role.replace('_', '-')}@example.org`;
      emails[role] = email;
      await createUser(db, { email, roles });
      const client = new TestClient(t.app.fastify);
      await client.login(email, TEST_PASSWORD);
      clients.set(role, client);
    }
  });
  after(() => t.close());

  it('has an entry for every route, and no entry for a route that does not exist', () => {
    const registered = new Set(t.app.routes.map((r) => `${r.method} ${r.url}`));
    const missing = [...registered].filter((key) => !(key in MATRIX));
    const stale = Object.keys(MATRIX).filter((key) => !registered.has(key));
    assert.deepEqual(missing, [], 'routes without an entry in the authorization matrix');
    assert.deepEqual(stale, [], 'matrix entries for routes that do not exist');
  });

  for (const [key, entry] of Object.entries(MATRIX)) {
    it(key, async () => {
      const [method, pattern] = key.split(' ') as [string, string];
      const failures: string[] = [];
      for (const role of ROLES) {
        const path = typeof entry.path === 'function' ? await entry.path(fixtures) : (entry.path ?? pattern.replace(':ags', OWN));
        let client = clients.get(role) as TestClient;
        if (entry.ownSession && role !== 'visitor') {
          client = new TestClient(t.app.fastify);
          await client.login(emails[role] as string, TEST_PASSWORD);
        }
        const response = method === 'GET' ? await client.get(path) : await client.post(path, entry.form ?? {});
        const got = classify(method, response.statusCode, response.headers.location as string | undefined);
        if (got !== entry.expect[role]) failures.push(`${role}: expected ${entry.expect[role]}, got ${got} (${response.statusCode})`);
      }
      assert.deepEqual(failures, [], `${key}`);
    });
  }

  it('shows a trainer only the cohorts they lead', async () => {
    const trainer = clients.get('trainer') as TestClient;
    const led = await ledCohort(fixtures);
    const other = await programmeWithCohort(fixtures);
    assert.equal((await trainer.get(`/kursleitung/kohorten/${led.cohort}`)).statusCode, 200);
    assert.equal((await trainer.get(`/kursleitung/kohorten/${other.cohort}`)).statusCode, 403);
    const list = (await trainer.get('/kursleitung')).body;
    assert.match(list, /Matrix-Kurs/);
    assert.doesNotMatch(list, /Matrix-Kohorte/);
  });

  it('answers a coordinator of another town with 403 on every page of the own town, and 404 for its records under a foreign URL', async () => {
    const foreign = clients.get('coordinator_foreign') as TestClient;
    const own = clients.get('coordinator_own') as TestClient;
    assert.equal((await foreign.get(`/verwaltung/${OWN}/ortsteile`)).statusCode, 403);
    const ownDistrict = await firstDistrict(fixtures);
    assert.equal((await own.get(`/verwaltung/${FOREIGN}/ortsteile/${ownDistrict}`)).statusCode, 403);
    assert.equal((await clients.get('programme_office')?.get(`/verwaltung/${FOREIGN}/ortsteile/${ownDistrict}`))?.statusCode, 404);
  });
});
