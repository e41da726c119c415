import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorUserId } from '../../platform/access/actor.ts';
import { signedInActor } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { parseId } from '../../platform/http/params.ts';
import { Id, IdParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { barChartSvg } from '../../platform/views/charts.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { localizeQuestions, localizeSurvey } from './cohesion.ts';
import { cohesionService } from './cohesion-service.ts';
import { can } from './policy.ts';
import { surveyRepository } from './repository.ts';
import { surveyResults } from './results.ts';
import { AnswerBody, type AnswerForm } from './schemas.ts';
import { isOpen, surveyService } from './service.ts';
import { CohesionResults } from './views/cohesion-pages.tsx';
import { ResultsPage, SurveyPage } from './views/survey-pages.tsx';

const PUBLIC = { access: 'public' } as const;

/** The public side: a published survey, answering it with an account, and its results. */
export const publicSurveyRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = surveyRepository(db);
  const service = surveyService(services);
  const cohesion = cohesionService(services);

  /** An unpublished survey exists only for its town's coordinators. */
  async function visibleSurvey(request: FastifyRequest, rawId: string) {
    const survey = await repo.survey(parseId(rawId));
    if (!survey || !can(request.actor, 'view', { municipalityId: survey.municipality_id, published: survey.published })) throw AppError.notFound();
    return localizeSurvey(survey, request.t);
  }

  async function renderSurvey(request: FastifyRequest, reply: FastifyReply, rawId: string, form: AnswerForm = { ...EMPTY_FORM, multi: {} }) {
    const survey = await visibleSurvey(request, rawId);
    const questions = localizeQuestions(await repo.questions(survey.id), request.t);
    const userId = actorUserId(request.actor);
    let state: 'open' | 'answered' | 'closed' | 'login' | 'unverified' = 'open';
    if (!isOpen(survey)) state = 'closed';
    else if (userId === null) state = 'login';
    else if (!can(request.actor, 'answer', { municipalityId: survey.municipality_id, published: survey.published })) state = 'unverified';
    else if (await repo.hasAnswered(survey.id, userId)) state = 'answered';
    return reply.render(<SurveyPage survey={survey} questions={questions} form={form} state={state} />, {
      title: survey.title,
      breadcrumbs: [{ href: `/kommunen/${survey.ags}`, label: survey.municipality_name }, { label: survey.title }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/umfragen/:id', { config: PUBLIC, schema: { params: IdParams } }, (request, reply) => renderSurvey(request, reply, request.params.id));

  app.post('/umfragen/:id', { config: { access: 'signedIn' }, schema: { params: IdParams, body: AnswerBody } }, async (request, reply) => {
    const survey = await visibleSurvey(request, request.params.id);
    const back = `/umfragen/${survey.id}`;
    return formAction(reply, {
      body: request.body,
      back,
      invalid: (form: FormState & { lists: Record<string, string[]> }) => renderSurvey(request, reply, request.params.id, { ...form, multi: form.lists }),
      run: async () => {
        await service.submit(signedInActor(request), survey.id, request.body);
        return { redirect: back, flash: { key: 'surveys.thanks' } };
      },
    });
  });

  app.get('/umfragen/:id/ergebnisse', { config: PUBLIC, schema: { params: IdParams } }, async (request, reply) => {
    const survey = await visibleSurvey(request, request.params.id);
    const title = request.t('surveys.results_title', { title: survey.title });
    const breadcrumbs = [{ href: `/umfragen/${survey.id}`, label: survey.title }, { label: request.t('surveys.results_link') }];
    if (survey.template === 'cohesion') {
      // The index only, from the threshold on; no counts per answer, which could single someone out.
      return reply.render(
        <>
          <h1 class="kern-heading-large">{title}</h1>
          <CohesionResults scores={await cohesion.waveScores(survey.id)} />
        </>,
        { title, breadcrumbs },
      );
    }
    const moderator = can(request.actor, 'manage', { municipalityId: survey.municipality_id, published: survey.published });
    const { results, responses } = await surveyResults(db, survey.id, moderator);
    return reply.render(<ResultsPage survey={survey} results={results} responses={responses} moderator={moderator} />, {
      title: request.t('surveys.results_title', { title: survey.title }),
      breadcrumbs: [{ href: `/umfragen/${survey.id}`, label: survey.title }, { label: request.t('surveys.results_link') }],
    });
  });

  /** The chart of one question of this survey (`frage-<question id>.svg`); a question of another survey is not found. */
  app.get('/umfragen/:id/ergebnisse/:chart', { config: PUBLIC, schema: { params: Type.Object({ id: Id, chart: Type.String({ maxLength: 30 }) }) } }, async (request, reply) => {
    const survey = await visibleSurvey(request, request.params.id);
    const match = /^frage-(\d{1,9})\.svg$/.exec(request.params.chart);
    if (!match || survey.template === 'cohesion') throw AppError.notFound();
    const { results } = await surveyResults(db, survey.id, false);
    const result = results.find((r) => r.id === Number(match[1]));
    if (!result || result.rows.length === 0) throw AppError.notFound();
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(
        await barChartSvg(
          result.rows.map((r) => r.label),
          result.rows.map((r) => r.count),
        ),
      );
  });
};
