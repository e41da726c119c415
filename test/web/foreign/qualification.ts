/**
 * Qualification: the foreign object is another cohort's session, project or application, another
 * programme's module or statement, a cohort the trainer does not lead or the trainee is not in, an
 * unpublished programme, someone else's certificate or reach entry, a town that does not take part,
 * an account that is no trainer.
 */
import { createCertificate, createCohort, createEnrolment, createItem, createModule, createProgramme, createProject, createSession } from '../../support/factories/qualification.ts';
import { draftCardOf, usesOfCard } from '../../support/factories/toolkit.ts';
import { createUser } from '../../support/users.ts';
import type { ForeignCases, ForeignFixtures } from './types.ts';

interface World {
  programmeA: number;
  programmeB: number;
  moduleB: number;
  itemB: number;
  cohortA: number;
  cohortB: number;
  sessionB: number;
  projectB: number;
  appliedB: number;
  approvedB: number;
  unpublishedCohort: number;
  unpublishedProgramme: number;
  certificateB: string;
  foreignActivity: number;
  outsideTown: number;
}

let world: Promise<World> | null = null;

/**
 * Cohort A is led by the pass's trainer and has the pass's participant as trainee (who is also an
 * accepted multiplier); cohort B, of another programme, belongs to other people.
 */
function setUp(f: ForeignFixtures): Promise<World> {
  world ??= (async () => {
    const { db } = f;
    const other = await createUser(db, { email: 'foreign-other-trainee@example.org', displayName: 'Other Trainee' });
    const applicant = await createUser(db, { email: 'foreign-other-applicant@example.org' });
    const otherTrainer = await createUser(db, { email: 'foreign-other-trainer@example.org', roles: [{ role: 'trainer' }] });
    const programmeA = await createProgramme(db, { title: 'Foreign A' });
    const programmeB = await createProgramme(db, { title: 'Foreign B' });
    await createModule(db, programmeA, 'Modul A');
    const moduleB = await createModule(db, programmeB, 'Modul B');
    await createItem(db, programmeA, 'Aussage A');
    const itemB = await createItem(db, programmeB, 'Aussage B');
    const cohortA = await createCohort(db, { programmeId: programmeA, title: 'Kohorte A', trainerIds: [f.users.trainer] });
    const cohortB = await createCohort(db, { programmeId: programmeB, title: 'Kohorte B', trainerIds: [otherTrainer.id] });
    await createEnrolment(db, { cohortId: cohortA, userId: f.users.participant });
    await createSession(db, { cohortId: cohortA, municipalityId: f.ownId, title: 'Termin A' });
    const sessionB = await createSession(db, { cohortId: cohortB, municipalityId: f.foreignId, title: 'Termin B' });
    const approvedB = await createEnrolment(db, { cohortId: cohortB, userId: other.id });
    const appliedB = await createEnrolment(db, { cohortId: cohortB, userId: applicant.id, status: 'applied' });
    const projectB = await createProject(db, approvedB);
    const certificateB = await createCertificate(db, approvedB, 'FRGN-2345-ABCD');
    const unpublishedProgramme = await createProgramme(db, { title: 'Foreign unpublished', published: false });
    const unpublishedCohort = await createCohort(db, { programmeId: unpublishedProgramme, title: 'Kohorte U' });
    const multiplierProgramme = await createProgramme(db, { title: 'Foreign multipliers', kind: 'multiplier', targetGroup: 'club_boards' });
    await createEnrolment(db, { cohortId: await createCohort(db, { programmeId: multiplierProgramme, title: 'Kohorte M' }), userId: f.users.participant });
    const foreignActivity = (
      await db
        .insertInto('multiplier_activities')
        .values({ user_id: other.id, occurred_on: '2026-05-01', description: 'Vortrag im Verein', target_group: 'club_boards', people_reached: 12 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const outsideTown = (
      await db
        .selectFrom('municipalities as m')
        .select('m.id')
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('programme_participations as p').select('p.municipality_id').whereRef('p.municipality_id', '=', 'm.id'))))
        .orderBy('m.id')
        .executeTakeFirstOrThrow()
    ).id;
    return {
      programmeA,
      programmeB,
      moduleB,
      itemB,
      cohortA,
      cohortB,
      sessionB,
      projectB,
      appliedB,
      approvedB,
      unpublishedCohort,
      unpublishedProgramme,
      certificateB,
      foreignActivity,
      outsideTown,
    };
  })();
  return world;
}

const sessionRows = async (f: ForeignFixtures, cohortId: number) =>
  f.db.selectFrom('events').select(['id', 'title', 'cancelled_at', 'cancel_reason']).where('cohort_id', '=', cohortId).orderBy('id').execute();
const attendanceOf = async (f: ForeignFixtures, sessionId: number) => f.db.selectFrom('session_attendance').selectAll().where('event_id', '=', sessionId).execute();
const projectState = async (f: ForeignFixtures, projectId: number) => ({
  project: await f.db.selectFrom('practice_projects').select(['status', 'goal', 'reviewed_at']).where('id', '=', projectId).executeTakeFirst(),
  comments: await f.db.selectFrom('practice_project_comments').select('id').where('project_id', '=', projectId).execute(),
});
const participantProjects = async (f: ForeignFixtures) =>
  f.db.selectFrom('practice_projects as p').innerJoin('enrolments as e', 'e.id', 'p.enrolment_id').select(['p.id', 'p.goal', 'p.status']).where('e.user_id', '=', f.users.participant).execute();
const participantAssessments = async (f: ForeignFixtures) =>
  f.db.selectFrom('self_assessments as s').innerJoin('enrolments as e', 'e.id', 's.enrolment_id').select(['s.id', 's.phase']).where('e.user_id', '=', f.users.participant).execute();
const nothing = async () => null;

export const cases: ForeignCases = {
  // ---------- public pages and applications ----------
  'GET /qualifizierung/:id': { as: 'participant', request: async (f) => ({ path: `/qualifizierung/${(await setUp(f)).unpublishedProgramme}` }), snapshot: nothing },
  'GET /qualifizierung/kohorten/:id/bewerbung': {
    as: 'participant',
    request: async (f) => ({ path: `/qualifizierung/kohorten/${(await setUp(f)).unpublishedCohort}/bewerbung` }),
    snapshot: nothing,
  },
  'POST /qualifizierung/kohorten/:id/bewerbung': {
    as: 'participant',
    request: async (f) => ({ path: `/qualifizierung/kohorten/${(await setUp(f)).unpublishedCohort}/bewerbung`, form: { motivation: 'Ich möchte gern an diesem Kurs teilnehmen.' } }),
    snapshot: async (f) =>
      f.db
        .selectFrom('enrolments')
        .select('id')
        .where('cohort_id', '=', (await setUp(f)).unpublishedCohort)
        .execute(),
  },
  'GET /zertifikate/:code': { notApplicable: 'the public check of a certificate code: anyone may check any code, and it shows only name, programme and date' },
  'GET /zertifikate/:code/pdf': { as: 'participant', request: async (f) => ({ path: `/zertifikate/${(await setUp(f)).certificateB}/pdf` }), snapshot: nothing },
  'POST /qualifizierung/meine-wirkung': {
    as: 'participant',
    request: async (f) => ({
      path: '/qualifizierung/meine-wirkung',
      form: { occurredOn: '2026-05-02', description: 'Workshop im Sportverein', targetGroup: 'club_boards', peopleReached: '8', municipalityId: String((await setUp(f)).outsideTown) },
    }),
    snapshot: async (f) => f.db.selectFrom('multiplier_activities').select('id').where('user_id', '=', f.users.participant).execute(),
  },
  'POST /qualifizierung/meine-wirkung/:id/loeschen': {
    as: 'participant',
    request: async (f) => ({ path: `/qualifizierung/meine-wirkung/${(await setUp(f)).foreignActivity}/loeschen` }),
    snapshot: async (f) =>
      f.db
        .selectFrom('multiplier_activities')
        .select('id')
        .where('id', '=', (await setUp(f)).foreignActivity)
        .execute(),
  },

  // ---------- programme office ----------
  'GET /programmbuero/qualifizierung/:id': { notApplicable: 'the programme office runs every programme; the URL names nothing else' },
  'POST /programmbuero/qualifizierung/:id': { notApplicable: 'the programme office runs every programme; the form names no other object' },
  'POST /programmbuero/qualifizierung/:id/module': { notApplicable: 'the programme office runs every programme; the form names no other object' },
  'POST /programmbuero/qualifizierung/:id/kompetenzen': { notApplicable: 'the programme office runs every programme; the form names no other object' },
  'GET /programmbuero/qualifizierung/kohorten/:id': { notApplicable: 'the programme office runs every cohort; the URL names nothing else' },
  'POST /programmbuero/qualifizierung/zertifikate/:code/widerrufen': { notApplicable: 'the code is the only key and the programme office may revoke every certificate' },
  'POST /programmbuero/qualifizierung/:id/module/:mid/loeschen': {
    as: 'office',
    request: async (f) => {
      const w = await setUp(f);
      return { path: `/programmbuero/qualifizierung/${w.programmeA}/module/${w.moduleB}/loeschen` };
    },
    snapshot: async (f) =>
      f.db
        .selectFrom('programme_modules')
        .select('id')
        .where('id', '=', (await setUp(f)).moduleB)
        .execute(),
  },
  'POST /programmbuero/qualifizierung/:id/kompetenzen/:iid/loeschen': {
    as: 'office',
    request: async (f) => {
      const w = await setUp(f);
      return { path: `/programmbuero/qualifizierung/${w.programmeA}/kompetenzen/${w.itemB}/loeschen` };
    },
    snapshot: async (f) =>
      f.db
        .selectFrom('competence_items')
        .select('id')
        .where('id', '=', (await setUp(f)).itemB)
        .execute(),
  },
  'POST /programmbuero/qualifizierung/:id/kohorten': {
    as: 'office',
    request: async (f) => {
      const w = await setUp(f);
      return {
        path: `/programmbuero/qualifizierung/${w.programmeA}/kohorten`,
        form: { cohortTitle: 'Kohorte außerhalb', municipalityId: String(w.outsideTown), startsOn: '2027-01-01', endsOn: '2027-03-31', capacity: '10' },
      };
    },
    snapshot: async (f) =>
      f.db
        .selectFrom('cohorts')
        .select('id')
        .where('programme_id', '=', (await setUp(f)).programmeA)
        .execute(),
  },
  'POST /programmbuero/qualifizierung/kohorten/:id/trainer': {
    as: 'office',
    request: async (f) => ({ path: `/programmbuero/qualifizierung/kohorten/${(await setUp(f)).cohortA}/trainer`, form: { trainerId: String(f.users.participant) } }),
    snapshot: async (f) =>
      f.db
        .selectFrom('cohort_trainers')
        .selectAll()
        .where('cohort_id', '=', (await setUp(f)).cohortA)
        .execute(),
  },
  'POST /programmbuero/qualifizierung/kohorten/:id/bewerbungen/:eid/zertifikat': {
    as: 'office',
    request: async (f) => {
      const w = await setUp(f);
      return { path: `/programmbuero/qualifizierung/kohorten/${w.cohortA}/bewerbungen/${w.approvedB}/zertifikat` };
    },
    snapshot: async (f) =>
      f.db
        .selectFrom('certificates')
        .select(['code', 'revoked_at'])
        .where('enrolment_id', '=', (await setUp(f)).approvedB)
        .execute(),
  },
  'POST /programmbuero/qualifizierung/kohorten/:id/bewerbungen/:eid': {
    as: 'office',
    request: async (f) => {
      const w = await setUp(f);
      return { path: `/programmbuero/qualifizierung/kohorten/${w.cohortA}/bewerbungen/${w.appliedB}`, form: { decision: 'approve' } };
    },
    snapshot: async (f) =>
      f.db
        .selectFrom('enrolments')
        .select(['status', 'decided_at'])
        .where('id', '=', (await setUp(f)).appliedB)
        .execute(),
  },

  // ---------- trainer area ----------
  'GET /kursleitung/kohorten/:id': { as: 'trainer', request: async (f) => ({ path: `/kursleitung/kohorten/${(await setUp(f)).cohortB}` }), snapshot: nothing, expect: [403] },
  'POST /kursleitung/kohorten/:id/termine': {
    as: 'trainer',
    request: async (f) => {
      const w = await setUp(f);
      return {
        path: `/kursleitung/kohorten/${w.cohortA}/termine`,
        form: { moduleId: String(w.moduleB), municipalityId: String(f.ownId), startsAt: '2027-03-01T10:00', endsAt: '2027-03-01T12:00', mode: 'online' },
      };
    },
    snapshot: async (f) => sessionRows(f, (await setUp(f)).cohortA),
  },
  'POST /kursleitung/kohorten/:id/termine/:sid/absagen': {
    as: 'trainer',
    request: async (f) => {
      const w = await setUp(f);
      return { path: `/kursleitung/kohorten/${w.cohortA}/termine/${w.sessionB}/absagen`, form: { [`reason-${w.sessionB}`]: 'Referentin erkrankt' } };
    },
    snapshot: async (f) => sessionRows(f, (await setUp(f)).cohortB),
  },
  'GET /kursleitung/kohorten/:id/termine/:sid/anwesenheit': {
    as: 'trainer',
    request: async (f) => {
      const w = await setUp(f);
      return { path: `/kursleitung/kohorten/${w.cohortA}/termine/${w.sessionB}/anwesenheit` };
    },
    snapshot: nothing,
  },
  'POST /kursleitung/kohorten/:id/termine/:sid/anwesenheit': {
    as: 'trainer',
    request: async (f) => {
      const w = await setUp(f);
      return { path: `/kursleitung/kohorten/${w.cohortA}/termine/${w.sessionB}/anwesenheit`, form: { present: [String(w.approvedB)] } };
    },
    snapshot: async (f) => attendanceOf(f, (await setUp(f)).sessionB),
  },
  'GET /kursleitung/kohorten/:id/praxisprojekte/:pid': {
    as: 'trainer',
    request: async (f) => {
      const w = await setUp(f);
      return { path: `/kursleitung/kohorten/${w.cohortA}/praxisprojekte/${w.projectB}` };
    },
    snapshot: nothing,
  },
  'POST /kursleitung/kohorten/:id/praxisprojekte/:pid': {
    as: 'trainer',
    request: async (f) => {
      const w = await setUp(f);
      return { path: `/kursleitung/kohorten/${w.cohortA}/praxisprojekte/${w.projectB}`, form: { decision: 'approved', comment: 'Gut gemacht' } };
    },
    snapshot: async (f) => projectState(f, (await setUp(f)).projectB),
  },

  // ---------- the trainee's course pages ----------
  'GET /qualifizierung/kohorten/:id': { as: 'participant', request: async (f) => ({ path: `/qualifizierung/kohorten/${(await setUp(f)).cohortB}` }), snapshot: nothing },
  'GET /qualifizierung/kohorten/:id/termine.ics': { as: 'participant', request: async (f) => ({ path: `/qualifizierung/kohorten/${(await setUp(f)).cohortB}/termine.ics` }), snapshot: nothing },
  'GET /qualifizierung/kohorten/:id/praxisprojekt': { as: 'participant', request: async (f) => ({ path: `/qualifizierung/kohorten/${(await setUp(f)).cohortB}/praxisprojekt` }), snapshot: nothing },
  'POST /qualifizierung/kohorten/:id/praxisprojekt': {
    as: 'participant',
    request: async (f) => ({ path: `/qualifizierung/kohorten/${(await setUp(f)).cohortB}/praxisprojekt`, form: { goal: 'Ein Elterncafé im Stadtteil aufbauen', action: 'submit' } }),
    snapshot: async (f) => ({ mine: await participantProjects(f), theirs: await projectState(f, (await setUp(f)).projectB) }),
  },
  'GET /qualifizierung/kohorten/:id/selbsteinschaetzung/:phase': {
    as: 'participant',
    request: async (f) => ({ path: `/qualifizierung/kohorten/${(await setUp(f)).cohortB}/selbsteinschaetzung/nachher` }),
    snapshot: nothing,
  },
  'POST /qualifizierung/kohorten/:id/selbsteinschaetzung/:phase': {
    as: 'participant',
    request: async (f) => {
      const w = await setUp(f);
      return { path: `/qualifizierung/kohorten/${w.cohortB}/selbsteinschaetzung/nachher`, form: { [`item-${w.itemB}`]: '4' } };
    },
    snapshot: participantAssessments,
  },
  // A module of another programme under this programme's address: 404; a draft card named for the module: a field error.
  'GET /programmbuero/qualifizierung/:id/module/:mid/methoden': {
    as: 'office',
    request: async (f) => {
      const w = await setUp(f);
      return { path: `/programmbuero/qualifizierung/${w.programmeA}/module/${w.moduleB}/methoden` };
    },
    snapshot: nothing,
  },
  'POST /programmbuero/qualifizierung/:id/module/:mid/methoden': {
    as: 'office',
    request: async (f) => {
      const w = await setUp(f);
      return { path: `/programmbuero/qualifizierung/${w.programmeA}/module/${w.moduleB}/methoden`, form: {} };
    },
    snapshot: async (f) => f.db.selectFrom('toolkit_method_uses').select(['method_id', 'object_id']).where('kind', '=', 'training_module').orderBy('method_id').execute(),
  },
  'POST /programmbuero/qualifizierung/:id/module/:mid/methoden #methodIds': {
    as: 'office',
    request: async (f) => {
      const w = await setUp(f);
      return { path: `/programmbuero/qualifizierung/${w.programmeB}/module/${w.moduleB}/methoden`, form: { methodIds: String(await draftCardOf(f.db, f.foreignId)) } };
    },
    snapshot: async (f) => usesOfCard(f.db, await draftCardOf(f.db, f.foreignId)),
  },
};
