/** Valid qualification records for tests: programmes, cohorts with trainers, enrolments, sessions, projects, items. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/platform/db/schema.ts';

type Db = Kysely<Database>;
const DAY = 86_400_000;

export async function createProgramme(db: Db, values: { title: string; kind?: 'diversity_manager' | 'multiplier' | 'moderation'; published?: boolean; targetGroup?: 'club_boards' | null }) {
  const row = await db
    .insertInto('qualification_programmes')
    .values({ kind: values.kind ?? 'moderation', title: values.title, published: values.published ?? true, target_group: values.targetGroup ?? null, requires_project: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createCohort(db: Db, values: { programmeId: number; title: string; startsOn?: string; endsOn?: string; trainerIds?: number[] }) {
  const row = await db
    .insertInto('cohorts')
    .values({ programme_id: values.programmeId, title: values.title, starts_on: values.startsOn ?? '2026-01-01', ends_on: values.endsOn ?? '2027-06-30', capacity: 20 })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const userId of values.trainerIds ?? []) await db.insertInto('cohort_trainers').values({ cohort_id: row.id, user_id: userId }).execute();
  return row.id;
}

export async function createEnrolment(db: Db, values: { cohortId: number; userId: number; status?: 'applied' | 'approved'; decidedAt?: Date }) {
  const status = values.status ?? 'approved';
  const row = await db
    .insertInto('enrolments')
    .values({
      cohort_id: values.cohortId,
      user_id: values.userId,
      motivation: 'Ich möchte in meiner Kommune Vielfalt verankern.',
      status,
      decided_at: status === 'approved' ? (values.decidedAt ?? new Date(Date.now() - 90 * DAY)) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A session of the cohort as the trainer's form would create it (written directly: tests only). */
export async function createSession(db: Db, values: { cohortId: number; municipalityId: number; title: string; startsAt?: Date }) {
  const startsAt = values.startsAt ?? new Date(Date.now() - 30 * DAY);
  const row = await db
    .insertInto('events')
    .values({
      municipality_id: values.municipalityId,
      title: values.title,
      format: 'training',
      mode: 'online',
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 3 * 3_600_000),
      capacity: 20,
      published: false,
      cohort_id: values.cohortId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createProject(db: Db, enrolmentId: number, status: 'draft' | 'submitted' = 'submitted') {
  const row = await db
    .insertInto('practice_projects')
    .values({ enrolment_id: enrolmentId, goal: 'Formulare in leichter Sprache anbieten', status, submitted_at: status === 'submitted' ? new Date() : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createItem(db: Db, programmeId: number, statement: string, position = 1) {
  const row = await db.insertInto('competence_items').values({ programme_id: programmeId, statement, position }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function createModule(db: Db, programmeId: number, title: string) {
  const row = await db.insertInto('programme_modules').values({ programme_id: programmeId, title, hours: 4 }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function createCertificate(db: Db, enrolmentId: number, code: string) {
  await db.insertInto('certificates').values({ enrolment_id: enrolmentId, code, holder_name: 'Zertifikat Test', programme_title: 'Programm', total_hours: 4, issued_on: '2026-06-30' }).execute();
  return code;
}

/** The "after" answers of one trainee: one score per item. */
export async function answerAssessment(db: Db, enrolmentId: number, phase: 'before' | 'after', scores: Array<[itemId: number, score: number]>, submittedAt = new Date()) {
  const { id } = await db.insertInto('self_assessments').values({ enrolment_id: enrolmentId, phase, submitted_at: submittedAt }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('self_assessment_answers')
    .values(scores.map(([item, score]) => ({ assessment_id: id, item_id: item, score })))
    .execute();
  return id;
}
