import { type Kysely, sql, type Transaction } from 'kysely';
import { prepared } from '../../../platform/db/prepared.ts';
import type { Database, NewRow } from '../../../platform/db/schema.ts';
import type { PageRequest } from '../../../platform/http/pagination.ts';
import { MIN_CELL_SIZE } from '../../../platform/stats/small-cells.ts';
import { trainingSessions } from '../../events/index.ts';
import type { AssessmentPhase, ProjectStatus } from '../tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Whether a (not cancelled) session `s` counts for enrolment `e` with attendance `a`: it did not end
 * before the trainee was accepted, or the trainee attended it anyway. The one place of this rule.
 */
const SESSION_COUNTS = sql<boolean>`(s.ends_at > coalesce(e.decided_at, e.created_at) or coalesce(a.attended, false))`;

/** SQL of what happens inside a cohort: sessions, attendance, practice projects and self-assessments. */
export function trainingRepository(db: Db) {
  return {
    isTrainerOf(cohortId: number, userId: number) {
      return db.selectFrom('cohort_trainers').select('user_id').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst().then(Boolean);
    },

    /** The cohorts a trainer leads (or all, for the programme office), newest first, paged. */
    async cohortsLedBy(userId: number | null, page: PageRequest) {
      let base = db.selectFrom('cohorts as c');
      if (userId !== null)
        base = base.where(({ exists, selectFrom }) => exists(selectFrom('cohort_trainers as t').select('t.user_id').whereRef('t.cohort_id', '=', 'c.id').where('t.user_id', '=', userId)));
      const [items, total] = await Promise.all([
        base
          .innerJoin('qualification_programmes as p', 'p.id', 'c.programme_id')
          .leftJoin('municipalities as m', 'm.id', 'c.municipality_id')
          .select([
            'c.id',
            'c.title',
            'c.region',
            'c.starts_on',
            'c.ends_on',
            'p.title as programme_title',
            'm.name as municipality_name',
            sql<number>`(select count(*) from enrolments e where e.cohort_id = c.id and e.status = 'approved')`.as('trainees'),
            (eb) => eb.selectFrom(trainingSessions(db).as('s')).select(eb.fn.countAll<number>().as('n')).whereRef('s.cohort_id', '=', 'c.id').where('s.cancelled_at', 'is', null).as('sessions'),
            sql<number>`(select count(*) from practice_projects pp join enrolments e on e.id = pp.enrolment_id where e.cohort_id = c.id and pp.status = 'submitted')`.as('projects_to_review'),
          ])
          .orderBy('c.starts_on', 'desc')
          .orderBy('c.id', 'desc')
          .limit(page.pageSize)
          .offset(page.offset)
          .execute(),
        base
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
          .then((r) => Number(r.n)),
      ]);
      return { items, total };
    },

    /** Sessions of a cohort with their module and how many were marked present. */
    sessions(cohortId: number) {
      return db
        .selectFrom(trainingSessions(db).as('s'))
        .leftJoin('programme_modules as pm', 'pm.id', 's.module_id')
        .innerJoin('municipalities as m', 'm.id', 's.municipality_id')
        .select([
          's.id',
          's.title',
          's.starts_at',
          's.ends_at',
          's.venue',
          's.mode',
          's.online_url',
          's.cancelled_at',
          's.cancel_reason',
          's.module_id',
          'pm.title as module_title',
          'm.name as municipality_name',
          sql<number>`(select count(*) from session_attendance a where a.event_id = s.id and a.attended)`.as('present'),
          sql<number>`(select count(*) from session_attendance a where a.event_id = s.id)`.as('recorded'),
        ])
        .where('s.cohort_id', '=', cohortId)
        .orderBy('s.starts_at')
        .orderBy('s.id')
        .execute();
    },
    session(cohortId: number, eventId: number) {
      return db
        .selectFrom(trainingSessions(db).as('s'))
        .leftJoin('programme_modules as pm', 'pm.id', 's.module_id')
        .select(['s.id', 's.title', 's.starts_at', 's.ends_at', 's.cancelled_at', 'pm.title as module_title'])
        .where('s.cohort_id', '=', cohortId)
        .where('s.id', '=', eventId)
        .executeTakeFirst();
    },
    /** Accepted trainees of the cohort with their mark for one session (null: not recorded yet). */
    attendanceList(cohortId: number, eventId: number) {
      return db
        .selectFrom('enrolments as e')
        .leftJoin('users as u', 'u.id', 'e.user_id')
        .leftJoin('session_attendance as a', (join) => join.onRef('a.enrolment_id', '=', 'e.id').on('a.event_id', '=', eventId))
        .select(['e.id', 'u.display_name', 'a.attended'])
        .where('e.cohort_id', '=', cohortId)
        .where('e.status', '=', 'approved')
        .orderBy('u.display_name')
        .orderBy('e.id')
        .execute();
    },
    /** One statement for the whole list, so a saved list is never half-applied. */
    recordAttendance(eventId: number, marks: { enrolmentId: number; attended: boolean }[], recordedBy: number | null) {
      if (!marks.length) return Promise.resolve();
      return db
        .insertInto('session_attendance')
        .values(marks.map((m) => ({ event_id: eventId, enrolment_id: m.enrolmentId, attended: m.attended, recorded_by: recordedBy })))
        .onConflict((oc) =>
          oc.columns(['event_id', 'enrolment_id']).doUpdateSet((eb) => ({ attended: eb.ref('excluded.attended'), recorded_by: eb.ref('excluded.recorded_by'), recorded_at: sql`now()` })),
        )
        .execute()
        .then(() => undefined);
    },

    /**
     * Per accepted trainee what the completion rule needs, in one grouped query. A session counts
     * when it is not cancelled and did not end before the trainee was accepted; one attended
     * before acceptance counts too (both in the numerator and the denominator).
     */
    progress(cohortId: number, enrolmentId?: number) {
      let query = db
        .selectFrom('enrolments as e')
        .modifyFront(prepared)
        .leftJoin('users as u', 'u.id', 'e.user_id')
        .leftJoin(trainingSessions(db).as('s'), (join) => join.onRef('s.cohort_id', '=', 'e.cohort_id').on('s.cancelled_at', 'is', null))
        .leftJoin('session_attendance as a', (join) => join.onRef('a.event_id', '=', 's.id').onRef('a.enrolment_id', '=', 'e.id'))
        .leftJoin('practice_projects as pp', 'pp.enrolment_id', 'e.id')
        .select([
          'e.id as enrolment_id',
          'e.user_id',
          'u.display_name',
          sql<Date>`coalesce(e.decided_at, e.created_at)`.as('enrolled_at'),
          sql<number>`count(s.id) filter (where ${SESSION_COUNTS})`.as('counted'),
          sql<number>`count(s.id) filter (where a.attended)`.as('attended'),
          sql<number>`count(s.id) filter (where s.ends_at <= now() and ${SESSION_COUNTS})`.as('held'),
          'pp.id as project_id',
          'pp.status as project_status',
        ])
        .where('e.cohort_id', '=', cohortId)
        .where('e.status', '=', 'approved');
      if (enrolmentId !== undefined) query = query.where('e.id', '=', enrolmentId);
      return query
        .groupBy(['e.id', 'e.user_id', 'u.display_name', 'pp.id', 'pp.status'])
        .orderBy('u.display_name')
        .orderBy('e.id')
        .execute()
        .then((rows) => rows.map((r) => ({ ...r, counted: Number(r.counted), attended: Number(r.attended), held: Number(r.held) })));
    },

    /** The trainee's own sessions with their mark. */
    sessionsOfTrainee(cohortId: number, enrolmentId: number) {
      return db
        .selectFrom(trainingSessions(db).as('s'))
        .leftJoin('programme_modules as pm', 'pm.id', 's.module_id')
        .innerJoin('municipalities as m', 'm.id', 's.municipality_id')
        .innerJoin('enrolments as e', (join) => join.on('e.id', '=', enrolmentId))
        .leftJoin('session_attendance as a', (join) => join.onRef('a.event_id', '=', 's.id').onRef('a.enrolment_id', '=', 'e.id'))
        .select([
          SESSION_COUNTS.as('counts'),
          's.id',
          's.title',
          's.description',
          's.starts_at',
          's.ends_at',
          's.venue',
          's.address',
          's.mode',
          's.online_url',
          's.cancelled_at',
          'pm.title as module_title',
          'm.name as municipality_name',
          'a.attended',
        ])
        .where('s.cohort_id', '=', cohortId)
        .orderBy('s.starts_at')
        .orderBy('s.id')
        .execute();
    },

    approvedEnrolment(cohortId: number, userId: number) {
      return db.selectFrom('enrolments').select(['id', 'decided_at', 'created_at']).where('cohort_id', '=', cohortId).where('user_id', '=', userId).where('status', '=', 'approved').executeTakeFirst();
    },
    approvedEmails(cohortId: number) {
      return db
        .selectFrom('enrolments as e')
        .innerJoin('users as u', 'u.id', 'e.user_id')
        .select(['u.email', 'u.display_name', 'u.locale'])
        .where('e.cohort_id', '=', cohortId)
        .where('e.status', '=', 'approved')
        .where('u.deleted_at', 'is', null)
        .execute();
    },

    // ---------- practice projects ----------

    projectOfEnrolment(enrolmentId: number) {
      return db.selectFrom('practice_projects').selectAll().where('enrolment_id', '=', enrolmentId).executeTakeFirst();
    },
    project(cohortId: number, projectId: number) {
      return db
        .selectFrom('practice_projects as pp')
        .innerJoin('enrolments as e', 'e.id', 'pp.enrolment_id')
        .leftJoin('users as u', 'u.id', 'e.user_id')
        .selectAll('pp')
        .select(['u.display_name', 'u.email', 'u.locale', 'e.cohort_id'])
        .where('pp.id', '=', projectId)
        .where('e.cohort_id', '=', cohortId)
        .executeTakeFirst();
    },
    insertProject(row: NewRow<'practice_projects'>) {
      return db.insertInto('practice_projects').values(row).returning('id').executeTakeFirstOrThrow();
    },
    /** The trainee may change the project until it is approved; a submitted one waits for review. */
    updateProject(projectId: number, values: { goal: string; organisation: string; steps: string; result: string; status: ProjectStatus; submitted_at?: Date | null }) {
      return db
        .updateTable('practice_projects')
        .set({ ...values, updated_at: new Date() })
        .where('id', '=', projectId)
        .where('status', '<>', 'approved')
        .executeTakeFirst();
    },
    /** A review applies only to a submitted project, so two trainers deciding at once decide once. */
    reviewProject(projectId: number, status: 'approved' | 'changes_requested', reviewedBy: number | null) {
      return db
        .updateTable('practice_projects')
        .set({ status, reviewed_at: new Date(), reviewed_by: reviewedBy, updated_at: new Date() })
        .where('id', '=', projectId)
        .where('status', '=', 'submitted')
        .executeTakeFirst();
    },
    projectComments(projectId: number) {
      return db
        .selectFrom('practice_project_comments as c')
        .leftJoin('users as u', 'u.id', 'c.author_id')
        .select(['c.id', 'c.body', 'c.decision', 'c.created_at', 'u.display_name'])
        .where('c.project_id', '=', projectId)
        .orderBy('c.created_at')
        .orderBy('c.id')
        .execute();
    },
    insertComment(row: NewRow<'practice_project_comments'>) {
      return db.insertInto('practice_project_comments').values(row).execute();
    },

    // ---------- competence self-assessment ----------

    items(programmeId: number) {
      return db.selectFrom('competence_items').select(['id', 'position', 'statement']).where('programme_id', '=', programmeId).orderBy('position').orderBy('id').execute();
    },
    insertItem(row: NewRow<'competence_items'>) {
      return db.insertInto('competence_items').values(row).returning('id').executeTakeFirstOrThrow();
    },
    deleteItem(programmeId: number, itemId: number) {
      return db.deleteFrom('competence_items').where('programme_id', '=', programmeId).where('id', '=', itemId).executeTakeFirst();
    },
    itemAnswered(itemId: number) {
      return db.selectFrom('self_assessment_answers').select('item_id').where('item_id', '=', itemId).limit(1).executeTakeFirst().then(Boolean);
    },
    assessmentsOf(enrolmentId: number) {
      return db.selectFrom('self_assessments').select(['id', 'phase', 'submitted_at']).where('enrolment_id', '=', enrolmentId).execute();
    },
    answersOf(assessmentId: number) {
      return db.selectFrom('self_assessment_answers').select(['item_id', 'score']).where('assessment_id', '=', assessmentId).execute();
    },
    insertAssessment(enrolmentId: number, phase: AssessmentPhase) {
      return db.insertInto('self_assessments').values({ enrolment_id: enrolmentId, phase }).returning('id').executeTakeFirstOrThrow();
    },
    insertAnswers(rows: NewRow<'self_assessment_answers'>[]) {
      return db.insertInto('self_assessment_answers').values(rows).execute();
    },

    /**
     * Per item the mean before and after over the trainees who answered both. Means leave the
     * database only for items with at least MIN_CELL_SIZE such pairs, and only when `means` is set
     * (the set of answers is closed); otherwise just the number of pairs.
     */
    competenceChange(cohortId: number, programmeId: number, means: boolean) {
      const mean = (column: 'before' | 'after') =>
        means ? sql<string | null>`case when count(pairs.item_id) >= ${MIN_CELL_SIZE} then round(avg(${sql.ref(`pairs.${column}`)}), 2) end` : sql<string | null>`null`;
      return (
        db
          .selectFrom('competence_items as i')
          // Five joins take the planner longer (1.3 ms) than the query runs: planned once per connection (ADR 0023).
          .modifyFront(prepared)
          .leftJoin(
            (eb) =>
              eb
                .selectFrom('self_assessment_answers as b')
                .innerJoin('self_assessments as sb', (join) => join.onRef('sb.id', '=', 'b.assessment_id').on('sb.phase', '=', 'before'))
                .innerJoin('enrolments as e', (join) => join.onRef('e.id', '=', 'sb.enrolment_id').on('e.cohort_id', '=', cohortId))
                .innerJoin('self_assessments as sa', (join) => join.onRef('sa.enrolment_id', '=', 'e.id').on('sa.phase', '=', 'after'))
                .innerJoin('self_assessment_answers as a', (join) => join.onRef('a.assessment_id', '=', 'sa.id').onRef('a.item_id', '=', 'b.item_id'))
                .select(['b.item_id', 'b.score as before', 'a.score as after'])
                .as('pairs'),
            (join) => join.onRef('pairs.item_id', '=', 'i.id'),
          )
          .select(['i.id', 'i.position', 'i.statement', sql<number>`count(pairs.item_id)`.as('pairs'), mean('before').as('before'), mean('after').as('after')])
          .where('i.programme_id', '=', programmeId)
          .groupBy(['i.id', 'i.position', 'i.statement'])
          .orderBy('i.position')
          .orderBy('i.id')
          .execute()
          .then((rows) => rows.map((r) => ({ ...r, pairs: Number(r.pairs), before: r.before === null ? null : Number(r.before), after: r.after === null ? null : Number(r.after) })))
      );
    },
    /** How many trainees of the cohort answered before and after (shown next to the chart). */
    assessmentCounts(cohortId: number) {
      return db
        .selectFrom('self_assessments as s')
        .innerJoin('enrolments as e', 'e.id', 's.enrolment_id')
        .select([sql<number>`count(*) filter (where s.phase = 'before')`.as('before'), sql<number>`count(*) filter (where s.phase = 'after')`.as('after')])
        .where('e.cohort_id', '=', cohortId)
        .executeTakeFirstOrThrow()
        .then((r) => ({ before: Number(r.before), after: Number(r.after) }));
    },

    /** What the person can download about their training: attendance, practice projects, self-assessments. */
    async personalData(userId: number) {
      const [attendance, projects, assessments] = await Promise.all([
        db
          .selectFrom('session_attendance as a')
          .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
          .innerJoin(trainingSessions(db).as('s'), 's.id', 'a.event_id')
          .select(['s.title', 's.starts_at', 'a.attended'])
          .where('e.user_id', '=', userId)
          .orderBy('s.starts_at')
          .execute(),
        db
          .selectFrom('practice_projects as p')
          .innerJoin('enrolments as e', 'e.id', 'p.enrolment_id')
          .select(['p.id', 'p.goal', 'p.organisation', 'p.steps', 'p.result', 'p.status', 'p.submitted_at', 'p.reviewed_at'])
          .where('e.user_id', '=', userId)
          .execute(),
        db
          .selectFrom('self_assessment_answers as x')
          .innerJoin('self_assessments as a', 'a.id', 'x.assessment_id')
          .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
          .innerJoin('competence_items as i', 'i.id', 'x.item_id')
          .select(['a.phase', 'a.submitted_at', 'i.statement', 'x.score'])
          .where('e.user_id', '=', userId)
          .orderBy('a.submitted_at')
          .orderBy('i.position')
          .execute(),
      ]);
      return { attendance, projects, assessments };
    },
    /** On deletion the project's texts go; its status stays for the cohort's numbers. */
    blankProjectsOf(userId: number) {
      return db
        .updateTable('practice_projects')
        .set({ goal: '–', organisation: '', steps: '', result: '' })
        .where('enrolment_id', 'in', (eb) => eb.selectFrom('enrolments').select('id').where('user_id', '=', userId))
        .execute();
    },
  };
}
