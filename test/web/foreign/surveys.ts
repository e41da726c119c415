import type { Kysely } from 'kysely';
import type { Database } from '../../../src/platform/db/schema.ts';
import { answerSurvey, createSurvey } from '../../support/factories/surveys.ts';
import { type ForeignCases, type ForeignFixtures, OWN } from './types.ts';

interface SurveySet {
  /** OWN's open survey: a required yes/no question, a free-text question and one answer with a text. */
  own: { id: number; choice: number; text: number };
  /** FOREIGN's open survey of the same shape, with a free-text answer. */
  foreign: { id: number; choice: number; text: number; textAnswer: number };
  /** A survey of FOREIGN that only its coordinators see. */
  foreignDraft: number;
}

const QUESTIONS = [
  { kind: 'single' as const, prompt: 'Fühlen Sie sich hier zu Hause?', required: true, options: ['ja', 'nein'] },
  { kind: 'text' as const, prompt: 'Was fehlt Ihnen?' },
];

// The demo data has no surveys; the pass makes one set per database and every case reads it.
const sets = new WeakMap<Kysely<Database>, Promise<SurveySet>>();

function surveys(f: ForeignFixtures): Promise<SurveySet> {
  let set = sets.get(f.db);
  if (!set) {
    set = (async () => {
      const own = await createSurvey(f.db, { municipalityId: f.ownId, title: 'Eigene Umfrage', questions: QUESTIONS });
      await answerSurvey(f.db, own.id, [
        { questionId: own.questions[0] as number, choice: 0 },
        { questionId: own.questions[1] as number, text: 'Ein Treffpunkt' },
      ]);
      const foreign = await createSurvey(f.db, { municipalityId: f.foreignId, title: 'Fremde Umfrage', questions: QUESTIONS });
      const answered = await answerSurvey(f.db, foreign.id, [
        { questionId: foreign.questions[0] as number, choice: 1 },
        { questionId: foreign.questions[1] as number, text: 'Mehr Bänke' },
      ]);
      const draft = await createSurvey(f.db, { municipalityId: f.foreignId, title: 'Fremder Entwurf', published: false });
      return {
        own: { id: own.id, choice: own.questions[0] as number, text: own.questions[1] as number },
        foreign: { id: foreign.id, choice: foreign.questions[0] as number, text: foreign.questions[1] as number, textAnswer: answered.answers[1] as number },
        foreignDraft: draft.id,
      };
    })();
    sets.set(f.db, set);
  }
  return set;
}

/** Everything a survey request could change: surveys, questions, responses, answers and their release. */
async function surveyState(f: ForeignFixtures) {
  const set = await surveys(f);
  const ids = [set.own.id, set.foreign.id, set.foreignDraft];
  const [rows, questions, responses, answers] = await Promise.all([
    f.db.selectFrom('surveys').selectAll().where('id', 'in', ids).orderBy('id').execute(),
    f.db.selectFrom('survey_questions').selectAll().where('survey_id', 'in', ids).orderBy('id').execute(),
    f.db.selectFrom('survey_responses').select(['id', 'survey_id', 'user_id', 'offline']).where('survey_id', 'in', ids).orderBy('id').execute(),
    f.db
      .selectFrom('survey_answers as a')
      .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
      .select(['a.id', 'a.question_id', 'a.text_approved'])
      .where('q.survey_id', 'in', ids)
      .orderBy('a.id')
      .execute(),
  ]);
  return { rows, questions, responses, answers };
}

/** What an export leaves behind: its audit entries. */
async function exportState(f: ForeignFixtures) {
  return f.db.selectFrom('audit_log').select('id').where('action', '=', 'survey.answers_exported').orderBy('id').execute();
}

const workspace = (survey: number) => `/verwaltung/${OWN}/umfragen/${survey}`;
const validSurvey = { title: 'Umbenannt', opensOn: '2026-01-01', closesOn: '2026-12-31', anonymous: 'on', published: 'on' };

export const cases: ForeignCases = {
  'GET /umfragen/:id': {
    as: 'participant',
    request: async (f) => ({ path: `/umfragen/${(await surveys(f)).foreignDraft}` }),
    snapshot: surveyState,
  },
  'POST /umfragen/:id': {
    // A valid answer to OWN's survey, plus an answer to a question of another survey.
    as: 'participant',
    request: async (f) => {
      const { own, foreign } = await surveys(f);
      return { path: `/umfragen/${own.id}`, form: { [`q${own.choice}`]: '0', [`q${foreign.choice}`]: '1' } };
    },
    snapshot: surveyState,
  },
  'GET /umfragen/:id/ergebnisse': {
    as: 'participant',
    request: async (f) => ({ path: `/umfragen/${(await surveys(f)).foreignDraft}/ergebnisse` }),
    snapshot: surveyState,
  },
  'GET /umfragen/:id/ergebnisse/:chart': {
    as: 'participant',
    request: async (f) => {
      const { own, foreign } = await surveys(f);
      return { path: `/umfragen/${own.id}/ergebnisse/frage-${foreign.choice}.svg` };
    },
    snapshot: surveyState,
  },
  'POST /verwaltung/:ags/umfragen': {
    // A process of FOREIGN is not among the contexts OWN's survey may belong to.
    as: 'coordinator',
    request: async (f) => {
      // The demo seeds processes only in some towns; FOREIGN gets one here if it has none.
      const process =
        (await f.db.selectFrom('participation_processes').select('id').where('municipality_id', '=', f.foreignId).orderBy('id').executeTakeFirst()) ??
        (await f.db
          .insertInto('participation_processes')
          .values({ municipality_id: f.foreignId, title: 'Fremder Prozess', description: '', field_id: null })
          .returning('id')
          .executeTakeFirstOrThrow());
      return { path: `/verwaltung/${OWN}/umfragen`, form: { title: 'Mit fremdem Prozess', opensOn: '2026-01-01', closesOn: '2026-12-31', processId: String(process.id) } };
    },
    snapshot: (f) => f.db.selectFrom('surveys').select(['id', 'process_id']).orderBy('id').execute(),
  },
  'GET /verwaltung/:ags/umfragen/:id': {
    as: 'coordinator',
    request: async (f) => ({ path: workspace((await surveys(f)).foreign.id) }),
    snapshot: surveyState,
  },
  'POST /verwaltung/:ags/umfragen/:id': {
    as: 'coordinator',
    request: async (f) => ({ path: workspace((await surveys(f)).foreign.id), form: validSurvey }),
    snapshot: surveyState,
  },
  'POST /verwaltung/:ags/umfragen/:id/fragen': {
    as: 'coordinator',
    request: async (f) => ({ path: `${workspace((await surveys(f)).foreign.id)}/fragen`, form: { kind: 'text', prompt: 'Eine neue Frage' } }),
    snapshot: surveyState,
  },
  'POST /verwaltung/:ags/umfragen/:id/fragen/:qid/loeschen': {
    as: 'coordinator',
    request: async (f) => {
      const { own, foreign } = await surveys(f);
      return { path: `${workspace(own.id)}/fragen/${foreign.text}/loeschen` };
    },
    snapshot: surveyState,
  },
  'GET /verwaltung/:ags/umfragen/:id/offline': {
    as: 'coordinator',
    request: async (f) => ({ path: `${workspace((await surveys(f)).foreign.id)}/offline` }),
    snapshot: surveyState,
  },
  'POST /verwaltung/:ags/umfragen/:id/offline': {
    // A valid paper answer for OWN's survey, plus an answer to a question of another survey.
    as: 'coordinator',
    request: async (f) => {
      const { own, foreign } = await surveys(f);
      return { path: `${workspace(own.id)}/offline`, form: { [`q${own.choice}`]: '1', [`q${foreign.text}`]: 'Fremd' } };
    },
    snapshot: surveyState,
  },
  'GET /verwaltung/:ags/umfragen/:id/freitexte': {
    as: 'coordinator',
    request: async (f) => ({ path: `${workspace((await surveys(f)).foreign.id)}/freitexte` }),
    snapshot: surveyState,
  },
  'POST /verwaltung/:ags/umfragen/:id/freitexte/:aid/:action': {
    as: 'coordinator',
    request: async (f) => {
      const { own, foreign } = await surveys(f);
      return { path: `${workspace(own.id)}/freitexte/${foreign.textAnswer}/freigeben` };
    },
    snapshot: surveyState,
  },
  'GET /verwaltung/:ags/umfragen/:id/export/:file': {
    as: 'coordinator',
    request: async (f) => ({ path: `${workspace((await surveys(f)).foreign.id)}/export/antworten.csv` }),
    snapshot: exportState,
  },
};
