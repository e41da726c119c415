import { Type } from '@sinclair/typebox';
import { Col, type OpenDataCollection } from '../../platform/open-data.ts';
import { surveysOpenDataRepository } from './open-data-repository.ts';
import { choiceLabels } from './results.ts';
import { QUESTION_KINDS } from './tables.ts';

/** Counts below this are published as null: a small group's answers could point to a person. */
export const SUPPRESS_BELOW = 5;

const suppressed = (n: number) => (n < SUPPRESS_BELOW ? null : n);

const SurveyResultRow = Type.Object({
  id: Col.id('Stable number of the question'),
  survey_id: Col.id('Number of the survey'),
  survey_title: Col.text('Title of the survey'),
  ags: Col.ags(),
  opens_on: Col.date('First day of the survey'),
  closes_on: Col.date('Last day of the survey'),
  position: Col.int('Position of the question in the survey'),
  kind: Col.oneOf(
    QUESTION_KINDS.filter((k) => k !== 'text'),
    'single, multiple (choice), scale (1–5) or number; free-text answers are not published',
  ),
  prompt: Col.text('The question'),
  responses: Col.int('Responses to the survey as a whole'),
  answers: Col.nullable(Col.int(`People who answered this question; null when fewer than ${SUPPRESS_BELOW}`)),
  option_labels: Col.list('The options (choice and scale questions), in order'),
  option_counts: Type.Array(Type.Union([Type.Integer(), Type.Null()]), {
    description: `How often each option was chosen, in the order of option_labels; null when fewer than ${SUPPRESS_BELOW} (suppressed)`,
  }),
  mean: Col.nullable(Col.number(`Mean of a number question; null when fewer than ${SUPPRESS_BELOW} answered`)),
});

export const surveysOpenData: OpenDataCollection[] = [
  {
    id: 'survey-results',
    titleKey: 'opendata.collection.survey-results.title',
    textKey: 'opendata.collection.survey-results.text',
    row: SurveyResultRow,
    perTown: true,
    filters: { umfrage: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Only questions of this survey (survey_id)' }) },
    keywords: ['Umfrage', 'Ergebnisse', 'Beteiligung'],
    themes: ['SOCI', 'GOVE'],
    async rows(services, query) {
      const repo = surveysOpenDataRepository(services.db);
      const questions = await repo.questions(query);
      const ids = questions.map((q) => q.id);
      const [counts, stats] = await Promise.all([repo.choiceCounts(ids), repo.answerStats(ids)]);
      return questions.map((q) => {
        const labels = q.kind === 'number' ? [] : choiceLabels(q.kind, q.options);
        const offset = q.kind === 'scale' ? 1 : 0;
        const stat = stats.find((s) => s.question_id === q.id);
        const answers = Number(stat?.n ?? 0);
        return {
          id: q.id,
          survey_id: q.survey_id,
          survey_title: q.survey_title,
          ags: q.ags,
          opens_on: q.opens_on,
          closes_on: q.closes_on,
          position: q.position,
          kind: q.kind,
          prompt: q.prompt,
          responses: Number(q.responses ?? 0),
          answers: suppressed(answers),
          option_labels: labels,
          option_counts: labels.map((_, i) => suppressed(Number(counts.find((c) => c.question_id === q.id && c.choice === i + offset)?.n ?? 0))),
          mean: q.kind === 'number' && answers >= SUPPRESS_BELOW && stat?.mean != null ? Math.round(Number(stat.mean) * 100) / 100 : null,
        };
      });
    },
    lastModified: (services, query) => surveysOpenDataRepository(services.db).modified(query.municipalityId),
  },
];
