/** Records the matrix requests point at; each creates what a request may use up. */
import { type Fixtures, OWN } from './types.ts';

export async function firstDistrict(f: Fixtures): Promise<number> {
  const row = await f.db.selectFrom('districts').select('id').where('municipality_id', '=', f.ownId).orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function first(f: Fixtures, table: 'measures' | 'fields_of_action' | 'strategy_versions'): Promise<number> {
  const row = await f.db.selectFrom(table).select('id').where('municipality_id', '=', f.ownId).orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function firstGoal(f: Fixtures): Promise<number> {
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
export async function fresh(f: Fixtures, kind: 'measure' | 'field' | 'goal' | 'version'): Promise<number> {
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

export async function someUser(f: Fixtures): Promise<number> {
  return (await f.db.selectFrom('users').select('id').where('email', 'like', 'koordination-bensheim@%').executeTakeFirstOrThrow()).id;
}

/** "<userId>/rollen/<roleId>" of a role granted just for this request. */
export async function freshRole(f: Fixtures): Promise<string> {
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
export async function freshParticipant(f: Fixtures): Promise<string> {
  const ags = spareTowns.shift() as string;
  const { id } = await f.db.selectFrom('municipalities').select('id').where('ags', '=', ags).executeTakeFirstOrThrow();
  await f.db.insertInto('programme_participations').values({ municipality_id: id, joined_on: '2026-01-01', cohort_label: 'Matrix' }).execute();
  return ags;
}

export async function someMail(f: Fixtures): Promise<number> {
  const row = await f.db
    .insertInto('mail_outbox')
    .values({ to_address: 'matrix@example.org', subject: 'Matrix', text_body: 'Text', attachments: '[]', send_after: new Date(), sent_at: null, last_error: null, delivered_as: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function ownProcess(f: Fixtures): Promise<number> {
  return (await f.db.selectFrom('participation_processes').select('id').where('municipality_id', '=', f.ownId).orderBy('id').executeTakeFirstOrThrow()).id;
}

export async function ownProposal(f: Fixtures): Promise<string> {
  const process = await ownProcess(f);
  const proposal = await f.db.selectFrom('proposals').select('id').where('process_id', '=', process).orderBy('id').executeTakeFirstOrThrow();
  return `/beteiligung/${process}/vorschlaege/${proposal.id}`;
}

export async function someComment(f: Fixtures): Promise<string> {
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

export async function ownSurvey(f: Fixtures): Promise<number> {
  // a survey of its own making: the demo's cohesion waves show no per-question charts
  const existing = await f.db.selectFrom('surveys').select('id').where('municipality_id', '=', f.ownId).where('template', 'is', null).orderBy('id').executeTakeFirst();
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

export async function ownEvent(f: Fixtures): Promise<number> {
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
export async function freshRegistration(f: Fixtures): Promise<string> {
  const eventId = await ownEvent(f);
  const row = await f.db
    .insertInto('event_registrations')
    .values({ event_id: eventId, name: 'Matrix Gast', email: `gast-${Date.now()}-${Math.random()}@example.org`, status: 'confirmed' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return `/verwaltung/${OWN}/veranstaltungen/${eventId}/anmeldungen/${row.id}`;
}

export async function programmeWithCohort(f: Fixtures): Promise<{ programme: number; cohort: number }> {
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
export async function ledCohort(f: Fixtures): Promise<{ programme: number; cohort: number; session: number; project: number; item: number }> {
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

export async function surveyQuestion(f: Fixtures): Promise<number> {
  const survey = await ownSurvey(f);
  return (await f.db.selectFrom('survey_questions').select('id').where('survey_id', '=', survey).executeTakeFirstOrThrow()).id;
}

export async function freshDistrict(f: Fixtures): Promise<number> {
  const row = await f.db
    .insertInto('districts')
    .values({ municipality_id: f.ownId, name: `Matrix ${Math.random().toString(36).slice(2)}`, description: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The own town's first network record of a kind (the demo has them in every participating town). */
export async function firstNetwork(f: Fixtures, table: 'network_organisations' | 'network_people' | 'network_memberships' | 'network_cooperations'): Promise<number> {
  if (table === 'network_people') {
    return (await f.db.selectFrom(table).select('id').where('municipality_id', '=', f.ownId).where('consent_revoked_at', 'is', null).orderBy('id').executeTakeFirstOrThrow()).id;
  }
  return (await f.db.selectFrom(table).select('id').where('municipality_id', '=', f.ownId).orderBy('id').executeTakeFirstOrThrow()).id;
}

/** Network records that a deletion or revocation by an allowed role may use up. */
export async function freshNetwork(f: Fixtures, kind: 'organisation' | 'person' | 'membership' | 'cooperation'): Promise<number> {
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

/** A module of the Matrix-Programm, for the form naming its method cards. */
export async function programmeModule(f: Fixtures): Promise<{ programme: number; module: number }> {
  const { programme } = await programmeWithCohort(f);
  const existing = await f.db.selectFrom('programme_modules').select('id').where('programme_id', '=', programme).where('title', '=', 'Matrix-Modul').executeTakeFirst();
  if (existing) return { programme, module: existing.id };
  const row = await f.db.insertInto('programme_modules').values({ programme_id: programme, title: 'Matrix-Modul', hours: 2 }).returning('id').executeTakeFirstOrThrow();
  return { programme, module: row.id };
}
