import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewRow, RowUpdate } from '../../platform/db/schema.ts';
import type { EnrolmentStatus } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function qualificationRepository(db: Db) {
  return {
    /** Programmes with their module count, total hours and open cohorts, in one query. */
    programmes(publishedOnly: boolean) {
      let query = db
        .selectFrom('qualification_programmes as p')
        .select([
          'p.id',
          'p.kind',
          'p.target_group',
          'p.title',
          'p.description',
          'p.published',
          sql<number>`(select count(*) from programme_modules m where m.programme_id = p.id)`.as('modules'),
          sql<string>`(select coalesce(sum(m.hours), 0) from programme_modules m where m.programme_id = p.id)`.as('hours'),
          sql<number>`(select count(*) from cohorts c where c.programme_id = p.id and c.applications_open and c.ends_on >= current_date)`.as('open_cohorts'),
        ]);
      if (publishedOnly) query = query.where('p.published', '=', true);
      return query.orderBy('p.kind').orderBy('p.title').execute();
    },
    programme(id: number) {
      return db.selectFrom('qualification_programmes').selectAll().where('id', '=', id).executeTakeFirst();
    },
    insertProgramme(row: NewRow<'qualification_programmes'>) {
      return db.insertInto('qualification_programmes').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateProgramme(id: number, values: RowUpdate<'qualification_programmes'>) {
      return db.updateTable('qualification_programmes').set(values).where('id', '=', id).execute();
    },
    modules(programmeId: number) {
      return db.selectFrom('programme_modules').select(['id', 'position', 'title', 'learning_goals', 'hours']).where('programme_id', '=', programmeId).orderBy('position').orderBy('id').execute();
    },
    insertModule(row: NewRow<'programme_modules'>) {
      return db.insertInto('programme_modules').values(row).returning('id').executeTakeFirstOrThrow();
    },
    deleteModule(programmeId: number, id: number) {
      return db.deleteFrom('programme_modules').where('programme_id', '=', programmeId).where('id', '=', id).executeTakeFirst();
    },
    /** Cohorts with the town's name and the numbers of approved and open applications. */
    cohorts(programmeId: number) {
      return db
        .selectFrom('cohorts as c')
        .leftJoin('municipalities as m', 'm.id', 'c.municipality_id')
        .select([
          'c.id',
          'c.title',
          'c.region',
          'c.starts_on',
          'c.ends_on',
          'c.capacity',
          'c.applications_open',
          'm.name as municipality_name',
          sql<number>`(select count(*) from enrolments e where e.cohort_id = c.id and e.status = 'approved')`.as('approved'),
          sql<number>`(select count(*) from enrolments e where e.cohort_id = c.id and e.status = 'applied')`.as('applied'),
        ])
        .where('c.programme_id', '=', programmeId)
        .orderBy('c.starts_on')
        .orderBy('c.id')
        .execute();
    },
    cohort(id: number) {
      return db
        .selectFrom('cohorts as c')
        .innerJoin('qualification_programmes as p', 'p.id', 'c.programme_id')
        .leftJoin('municipalities as m', 'm.id', 'c.municipality_id')
        .selectAll('c')
        .select(['p.title as programme_title', 'p.published as programme_published', 'p.min_attendance_percent', 'p.requires_project', 'm.name as municipality_name'])
        .where('c.id', '=', id)
        .executeTakeFirst();
    },
    insertCohort(row: NewRow<'cohorts'>) {
      return db.insertInto('cohorts').values(row).returning('id').executeTakeFirstOrThrow();
    },
    trainers(cohortId: number) {
      return db
        .selectFrom('cohort_trainers as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select(['u.id', 'u.display_name', 'u.email'])
        .where('t.cohort_id', '=', cohortId)
        .orderBy('u.display_name')
        .execute();
    },
    /** Accounts with the trainer role, for assigning them to a cohort. */
    trainerCandidates() {
      return db
        .selectFrom('role_assignments as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select(['u.id', 'u.display_name', 'u.email'])
        .where('r.role', '=', 'trainer')
        .where('u.deleted_at', 'is', null)
        .distinct()
        .orderBy('u.display_name')
        .execute();
    },
    addTrainer(cohortId: number, userId: number) {
      return db
        .insertInto('cohort_trainers')
        .values({ cohort_id: cohortId, user_id: userId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    enrolments(cohortId: number) {
      return db
        .selectFrom('enrolments as e')
        .leftJoin('users as u', 'u.id', 'e.user_id')
        .select(['e.id', 'e.status', 'e.motivation', 'e.decision_note', 'e.created_at', 'e.decided_at', 'u.display_name', 'u.email'])
        .where('e.cohort_id', '=', cohortId)
        .orderBy(sql`case e.status when 'applied' then 0 when 'approved' then 1 else 2 end`)
        .orderBy('e.created_at')
        .execute();
    },
    enrolmentOf(cohortId: number, userId: number) {
      return db.selectFrom('enrolments').select(['id', 'status', 'motivation', 'created_at']).where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst();
    },
    insertEnrolment(row: NewRow<'enrolments'>) {
      return db.insertInto('enrolments').values(row).returning('id').executeTakeFirstOrThrow();
    },
    /** Decides an open application; returns nothing when it was decided meanwhile. */
    decide(cohortId: number, enrolmentId: number, status: EnrolmentStatus, note: string, decidedBy: number | null) {
      return db
        .updateTable('enrolments')
        .set({ status, decision_note: note, decided_at: new Date(), decided_by: decidedBy })
        .where('id', '=', enrolmentId)
        .where('cohort_id', '=', cohortId)
        .where('status', '=', 'applied')
        .returning(['id', 'user_id'])
        .executeTakeFirst();
    },
    /** Address, name and language of an account, for a mail to it. */
    recipient(userId: number) {
      return db.selectFrom('users').select(['email', 'display_name', 'locale']).where('id', '=', userId).executeTakeFirst();
    },
    lockCohort(id: number) {
      return db.selectFrom('cohorts').select(['id', 'capacity']).where('id', '=', id).forUpdate().executeTakeFirst();
    },
    approvedCount(cohortId: number) {
      return db
        .selectFrom('enrolments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('cohort_id', '=', cohortId)
        .where('status', '=', 'approved')
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },
    /** Whether the person completed the entry into a multiplier training (an accepted application). */
    isMultiplier(userId: number) {
      return db
        .selectFrom('enrolments as e')
        .innerJoin('cohorts as c', 'c.id', 'e.cohort_id')
        .innerJoin('qualification_programmes as p', 'p.id', 'c.programme_id')
        .select('e.id')
        .where('e.user_id', '=', userId)
        .where('e.status', '=', 'approved')
        .where('p.kind', '=', 'multiplier')
        .executeTakeFirst()
        .then(Boolean);
    },
    activitiesOf(userId: number, limit: number) {
      return db
        .selectFrom('multiplier_activities as a')
        .leftJoin('municipalities as m', 'm.id', 'a.municipality_id')
        .select(['a.id', 'a.occurred_on', 'a.description', 'a.target_group', 'a.people_reached', 'm.name as municipality_name'])
        .where('a.user_id', '=', userId)
        .orderBy('a.occurred_on', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute();
    },
    reachOf(userId: number) {
      return db
        .selectFrom('multiplier_activities')
        .select([(eb) => eb.fn.countAll<number>().as('activities'), sql<number>`coalesce(sum(people_reached), 0)`.as('people')])
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow()
        .then((r) => ({ activities: Number(r.activities), people: Number(r.people) }));
    },
    insertActivity(row: NewRow<'multiplier_activities'>) {
      return db.insertInto('multiplier_activities').values(row).returning('id').executeTakeFirstOrThrow();
    },
    deleteActivity(userId: number, id: number) {
      return db.deleteFrom('multiplier_activities').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    },
    /** The programme's reach per target group (O12), and how many multipliers reported. */
    reachByTargetGroup() {
      return db
        .selectFrom('multiplier_activities')
        .select(['target_group', (eb) => eb.fn.countAll<number>().as('activities'), sql<number>`count(distinct user_id)`.as('multipliers'), sql<number>`sum(people_reached)`.as('people')])
        .groupBy('target_group')
        .orderBy('target_group')
        .execute();
    },

    /** An accepted application with what its certificate needs: the person, the programme and its hours. */
    enrolmentForCertificate(cohortId: number, enrolmentId: number) {
      return db
        .selectFrom('enrolments as e')
        .innerJoin('cohorts as c', 'c.id', 'e.cohort_id')
        .innerJoin('qualification_programmes as p', 'p.id', 'c.programme_id')
        .leftJoin('users as u', 'u.id', 'e.user_id')
        .select([
          'e.id',
          'e.status',
          'e.user_id',
          'u.display_name',
          'p.id as programme_id',
          'p.title as programme_title',
          'p.min_attendance_percent',
          'p.requires_project',
          sql<string>`(select coalesce(sum(m.hours), 0) from programme_modules m where m.programme_id = p.id)`.as('hours'),
        ])
        .where('e.id', '=', enrolmentId)
        .where('e.cohort_id', '=', cohortId)
        .executeTakeFirst();
    },
    insertCertificate(row: NewRow<'certificates'>) {
      return db.insertInto('certificates').values(row).returning(['id', 'code']).executeTakeFirstOrThrow();
    },
    certificate(code: string) {
      return db
        .selectFrom('certificates as z')
        .innerJoin('enrolments as e', 'e.id', 'z.enrolment_id')
        .innerJoin('cohorts as c', 'c.id', 'e.cohort_id')
        .select(['z.id', 'z.code', 'z.holder_name', 'z.programme_title', 'z.total_hours', 'z.issued_on', 'z.revoked_at', 'z.revoke_reason', 'e.user_id', 'c.programme_id', 'c.id as cohort_id'])
        .where('z.code', '=', code)
        .executeTakeFirst();
    },
    certificatesOfCohort(cohortId: number) {
      return db
        .selectFrom('certificates as z')
        .innerJoin('enrolments as e', 'e.id', 'z.enrolment_id')
        .select(['z.code', 'z.holder_name', 'z.issued_on', 'z.revoked_at', 'z.enrolment_id'])
        .where('e.cohort_id', '=', cohortId)
        .orderBy('z.holder_name')
        .execute();
    },
    revokeCertificate(code: string, reason: string) {
      return db.updateTable('certificates').set({ revoked_at: new Date(), revoke_reason: reason }).where('code', '=', code).where('revoked_at', 'is', null).executeTakeFirst();
    },

    /** On deletion an application keeps its status for the cohort's numbers, without the person or the motivation. */
    /** The public verification page and the PDF name nobody once the holder's account is gone; the code still checks as issued. */
    anonymiseCertificatesOf(userId: number) {
      return db
        .updateTable('certificates')
        .set({ holder_name: '–' })
        .where('enrolment_id', 'in', db.selectFrom('enrolments').select('id').where('user_id', '=', userId))
        .execute();
    },
    anonymiseEnrolmentsOf(userId: number) {
      return db.updateTable('enrolments').set({ user_id: null, motivation: '–' }).where('user_id', '=', userId).execute();
    },
    removeTrainer(userId: number) {
      return db.deleteFrom('cohort_trainers').where('user_id', '=', userId).execute();
    },

    enrolmentsOfUser(userId: number) {
      return db
        .selectFrom('enrolments as e')
        .innerJoin('cohorts as c', 'c.id', 'e.cohort_id')
        .innerJoin('qualification_programmes as p', 'p.id', 'c.programme_id')
        .select(['e.id', 'e.status', 'e.motivation', 'e.created_at', 'c.id as cohort_id', 'c.title as cohort_title', 'p.title as programme_title'])
        .where('e.user_id', '=', userId)
        .orderBy('e.created_at', 'desc')
        .execute();
    },
  };
}

/** A cohort with its programme's title, visibility and completion rule, as `cohort(id)` reads it. */
export type CohortRow = NonNullable<Awaited<ReturnType<ReturnType<typeof qualificationRepository>['cohort']>>>;
