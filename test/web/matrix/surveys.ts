/** The surveys module's routes: what every role gets. */
import { ownSurvey, surveyQuestion } from './fixtures.ts';
import { type Entries, invalidFor, COORDINATOR, FUNDER, OWN, PUBLIC, SIGNED_IN } from './types.ts';

export const entries: Entries = {
  'GET /umfragen/:id': { expect: PUBLIC, path: async (f) => `/umfragen/${await ownSurvey(f)}` },
  'POST /umfragen/:id': { expect: SIGNED_IN, path: async (f) => `/umfragen/${await ownSurvey(f)}` },
  'GET /umfragen/:id/ergebnisse': { expect: PUBLIC, path: async (f) => `/umfragen/${await ownSurvey(f)}/ergebnisse` },
  'GET /umfragen/:id/ergebnisse/:chart': { expect: PUBLIC, path: async (f) => `/umfragen/${await ownSurvey(f)}/ergebnisse/frage-${await surveyQuestion(f)}.svg` },
  'GET /verwaltung/:ags/umfragen': { expect: COORDINATOR },
  'POST /verwaltung/:ags/umfragen': { expect: invalidFor(COORDINATOR) },
  'GET /verwaltung/:ags/umfragen/:id': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}` },
  'POST /verwaltung/:ags/umfragen/:id': { expect: invalidFor(COORDINATOR), path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}` },
  'POST /verwaltung/:ags/umfragen/:id/fragen': { expect: invalidFor(COORDINATOR), path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/fragen` },
  'POST /verwaltung/:ags/umfragen/:id/fragen/:qid/loeschen': {
    // The question id is looked up in the survey before the lock by answers, so the allowed roles hear that there is no such question.
    expect: { ...COORDINATOR, coordinator_own: 'not_found', programme_office: 'not_found' },
    path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/fragen/999999/loeschen`,
  },
  'GET /verwaltung/:ags/umfragen/:id/offline': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/offline` },
  'POST /verwaltung/:ags/umfragen/:id/offline': { expect: invalidFor(COORDINATOR), path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/offline` },
  'GET /verwaltung/:ags/umfragen/:id/freitexte': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/freitexte` },
  'POST /verwaltung/:ags/umfragen/:id/freitexte/:aid/:action': {
    expect: { ...COORDINATOR, coordinator_own: 'not_found', programme_office: 'not_found' },
    path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/freitexte/999999/freigeben`,
  },
  'GET /verwaltung/:ags/zusammenhalt': { expect: COORDINATOR },
  'POST /verwaltung/:ags/zusammenhalt': { expect: invalidFor(COORDINATOR) },
  'GET /programmbuero/zusammenhalt': { expect: FUNDER },
  'GET /verwaltung/:ags/umfragen/:id/export/:file': { expect: COORDINATOR, path: async (f) => `/verwaltung/${OWN}/umfragen/${await ownSurvey(f)}/export/antworten.xlsx` },
};
