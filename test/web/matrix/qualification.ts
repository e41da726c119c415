/** The qualification module's routes: what every role gets. */
import { ledCohort, programmeModule, programmeWithCohort } from './fixtures.ts';
import { type Entries, invalidFor, all, COHORT_LEADS, OFFICE, PUBLIC, SIGNED_IN, TRAINEE } from './types.ts';

const REACH_LOG_ONLY_FOR_MULTIPLIERS = 'only accepted multipliers keep a reach log; the matrix accounts have no such application';

export const entries: Entries = {
  'GET /qualifizierung': { expect: PUBLIC },
  'GET /qualifizierung/:id': { expect: PUBLIC, path: async (f) => `/qualifizierung/${(await programmeWithCohort(f)).programme}` },
  'GET /qualifizierung/kohorten/:id/bewerbung': { expect: SIGNED_IN, path: async (f) => `/qualifizierung/kohorten/${(await programmeWithCohort(f)).cohort}/bewerbung` },
  'POST /qualifizierung/kohorten/:id/bewerbung': { expect: invalidFor(SIGNED_IN), path: async (f) => `/qualifizierung/kohorten/${(await programmeWithCohort(f)).cohort}/bewerbung` },
  'GET /qualifizierung/meine-wirkung': { expect: { ...all('forbidden'), visitor: 'login' }, refusedByHandler: REACH_LOG_ONLY_FOR_MULTIPLIERS },
  'POST /qualifizierung/meine-wirkung': { expect: { ...all('forbidden'), visitor: 'login' }, refusedByHandler: REACH_LOG_ONLY_FOR_MULTIPLIERS },
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
  'POST /programmbuero/qualifizierung': { expect: invalidFor(OFFICE) },
  'GET /programmbuero/qualifizierung/:id': { expect: OFFICE, path: async (f) => `/programmbuero/qualifizierung/${(await programmeWithCohort(f)).programme}` },
  'POST /programmbuero/qualifizierung/:id': { expect: invalidFor(OFFICE), path: async (f) => `/programmbuero/qualifizierung/${(await programmeWithCohort(f)).programme}` },
  'POST /programmbuero/qualifizierung/:id/module': { expect: invalidFor(OFFICE), path: async (f) => `/programmbuero/qualifizierung/${(await programmeWithCohort(f)).programme}/module` },
  'POST /programmbuero/qualifizierung/:id/module/:mid/loeschen': {
    expect: { ...OFFICE, programme_office: 'not_found' },
    path: async (f) => `/programmbuero/qualifizierung/${(await programmeWithCohort(f)).programme}/module/999999/loeschen`,
  },
  'GET /programmbuero/qualifizierung/:id/module/:mid/methoden': {
    expect: OFFICE,
    path: async (f) => {
      const m = await programmeModule(f);
      return `/programmbuero/qualifizierung/${m.programme}/module/${m.module}/methoden`;
    },
  },
  'POST /programmbuero/qualifizierung/:id/module/:mid/methoden': {
    expect: invalidFor(OFFICE),
    form: { methodIds: 'keine-zahl' },
    path: async (f) => {
      const m = await programmeModule(f);
      return `/programmbuero/qualifizierung/${m.programme}/module/${m.module}/methoden`;
    },
  },
  'POST /programmbuero/qualifizierung/:id/kohorten': { expect: invalidFor(OFFICE), path: async (f) => `/programmbuero/qualifizierung/${(await programmeWithCohort(f)).programme}/kohorten` },
  'GET /programmbuero/qualifizierung/kohorten/:id': { expect: OFFICE, path: async (f) => `/programmbuero/qualifizierung/kohorten/${(await programmeWithCohort(f)).cohort}` },
  'POST /programmbuero/qualifizierung/kohorten/:id/trainer': {
    expect: invalidFor(OFFICE),
    path: async (f) => `/programmbuero/qualifizierung/kohorten/${(await programmeWithCohort(f)).cohort}/trainer`,
  },
  // An application that does not exist in this cohort is not found (the foreign-object pass sends another cohort's).
  'POST /programmbuero/qualifizierung/kohorten/:id/bewerbungen/:eid': {
    expect: { ...OFFICE, programme_office: 'not_found' },
    path: async (f) => `/programmbuero/qualifizierung/kohorten/${(await programmeWithCohort(f)).cohort}/bewerbungen/999999`,
    form: { decision: 'approve' },
  },
  'GET /kursleitung': { expect: COHORT_LEADS },
  'GET /kursleitung/kohorten/:id': { expect: COHORT_LEADS, path: async (f) => `/kursleitung/kohorten/${(await ledCohort(f)).cohort}` },
  'POST /kursleitung/kohorten/:id/termine': { expect: invalidFor(COHORT_LEADS), path: async (f) => `/kursleitung/kohorten/${(await ledCohort(f)).cohort}/termine` },
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
    expect: invalidFor(COHORT_LEADS),
    path: async (f) => `/kursleitung/kohorten/${(await ledCohort(f)).cohort}/praxisprojekte/${(await ledCohort(f)).project}`,
    form: { decision: 'comment' },
  },
  'GET /qualifizierung/kohorten/:id': { expect: TRAINEE, path: async (f) => `/qualifizierung/kohorten/${(await ledCohort(f)).cohort}` },
  'GET /qualifizierung/kohorten/:id/termine.ics': { expect: TRAINEE, path: async (f) => `/qualifizierung/kohorten/${(await ledCohort(f)).cohort}/termine.ics` },
  'GET /qualifizierung/kohorten/:id/praxisprojekt': { expect: TRAINEE, path: async (f) => `/qualifizierung/kohorten/${(await ledCohort(f)).cohort}/praxisprojekt` },
  'POST /qualifizierung/kohorten/:id/praxisprojekt': { expect: invalidFor(TRAINEE), path: async (f) => `/qualifizierung/kohorten/${(await ledCohort(f)).cohort}/praxisprojekt` },
  'GET /qualifizierung/kohorten/:id/selbsteinschaetzung/:phase': {
    expect: TRAINEE,
    path: async (f) => `/qualifizierung/kohorten/${(await ledCohort(f)).cohort}/selbsteinschaetzung/nachher`,
  },
  'POST /qualifizierung/kohorten/:id/selbsteinschaetzung/:phase': {
    expect: invalidFor(TRAINEE),
    path: async (f) => `/qualifizierung/kohorten/${(await ledCohort(f)).cohort}/selbsteinschaetzung/nachher`,
  },
  'POST /programmbuero/qualifizierung/:id/kompetenzen': { expect: invalidFor(OFFICE), path: async (f) => `/programmbuero/qualifizierung/${(await ledCohort(f)).programme}/kompetenzen` },
  'POST /programmbuero/qualifizierung/:id/kompetenzen/:iid/loeschen': {
    expect: { ...OFFICE, programme_office: 'not_found' },
    path: async (f) => `/programmbuero/qualifizierung/${(await ledCohort(f)).programme}/kompetenzen/999999/loeschen`,
  },
};
