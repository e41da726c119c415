import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { actorUserId } from '../../platform/access/actor.ts';
import type { QuestionKind } from './tables.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { parseId } from '../../platform/http/params.ts';
import { FormDate, FormInteger, FormText, formBodySchema, formLists, parseForm, typedValues } from '../../platform/http/forms.ts';
import { requireUser } from '../../platform/http/guards.ts';
import { type Cell, toCsv, toXlsx } from '../../platform/http/tables.ts';
import type { AppServices } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { requireMunicipality } from '../municipalities/index.ts';
import { processOptions } from '../participation/index.ts';
import { barChartSvg } from '../../platform/views/charts.ts';
import { can } from './policy.ts';
import { surveyRepository } from './repository.ts';
import { choiceLabels, surveyResults } from './results.ts';
import { isOpen, QUESTION_KINDS, surveyService } from './service.ts';
import { SurveyEditPage, SurveyListPage, TextsPage } from './views/manage-pages.tsx';
import { OfflineAnswersPage, type QuestionView, ResultsPage, SurveyPage } from './views/survey-pages.tsx';

const Id = Type.String({ maxLength: 12 });
const SurveyParams = Type.Object({ id: Id });
const ManageParams = Type.Object({ ags: Type.String({ maxLength: 20 }), id: Id });
const AgsParams = Type.Object({ ags: Type.String({ maxLength: 20 }) });
/** Answers arrive as q<id> fields: text, or a list for several choices. */
const AnswerBody = Type.Object({}, { additionalProperties: Type.Union([Type.String({ maxLength: 6000 }), Type.Array(Type.String({ maxLength: 20 }), { maxItems: 50 })]) });
const SurveyForm = Type.Object({
  title: FormText({ min: 3, max: 200 }),
  description: Type.Optional(FormText({ max: 5000 })),
  opensOn: FormDate(),
  closesOn: FormDate(),
  anonymous: Type.Optional(Type.Literal('on')),
  published: Type.Optional(Type.Literal('on')),
  processId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
});
const QuestionForm = Type.Object({
  kind: Type.Union(QUESTION_KINDS.map((k) => Type.Literal(k))),
  prompt: FormText({ min: 3, max: 500 }),
  help: Type.Optional(FormText({ max: 500 })),
  options: Type.Optional(FormText({ max: 5000 })),
  required: Type.Optional(Type.Literal('on')),
});

function parseSurvey(
  body: unknown,
): { ok: true; value: { title: string; description?: string; opensOn: string; closesOn: string; anonymous: boolean; published: boolean } } | { ok: false; errors: FieldErrors } {
  const parsed = parseForm(SurveyForm, body);
  const values = typedValues(body);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (!errors.opensOn && !errors.closesOn && values.opensOn && values.closesOn && values.closesOn < values.opensOn) errors.closesOn = { key: 'validation.end_before_start' };
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { ...parsed.value, anonymous: parsed.value.anonymous === 'on', published: parsed.value.published === 'on' } };
}

export const surveyRoutes: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  const { db } = services;
  const repo = surveyRepository(db);
  const service = surveyService(services);

  async function visibleSurvey(request: FastifyRequest) {
    const survey = await repo.survey(parseId((request.params as { id: string }).id));
    if (!survey || !can(request.actor, 'view', { municipalityId: survey.municipality_id, published: survey.published })) throw AppError.notFound();
    return survey;
  }

  async function renderSurvey(request: FastifyRequest, reply: FastifyReply, form: FormState & { multi: Record<string, string[]> } = { ...EMPTY_FORM, multi: {} }) {
    const survey = await visibleSurvey(request);
    const questions = (await repo.questions(survey.id)).map((q) => ({ ...q, options: q.options as unknown as string[] })) as QuestionView[];
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

  app.get('/umfragen/:id', { schema: { params: SurveyParams } }, (request, reply) => renderSurvey(request, reply));

  app.post('/umfragen/:id', { schema: { params: SurveyParams, body: AnswerBody } }, async (request, reply) => {
    const actor = requireUser(request);
    const survey = await visibleSurvey(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const multi = formLists(body);
    try {
      await service.submit(actor, survey.id, body);
    } catch (error) {
      if (error instanceof ValidationError) return renderSurvey(request, reply, { values: typedValues(body), errors: error.fields, multi });
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'forbidden') && error.messageKey.startsWith('surveys.')) {
        return reply.flash('danger', error.messageKey).redirect(`/umfragen/${survey.id}`, 303);
      }
      throw error;
    }
    return reply.flash('success', 'surveys.thanks').redirect(`/umfragen/${survey.id}`, 303);
  });

  app.get('/umfragen/:id/ergebnisse', { schema: { params: SurveyParams } }, async (request, reply) => {
    const survey = await visibleSurvey(request);
    const moderator = can(request.actor, 'manage', { municipalityId: survey.municipality_id, published: survey.published });
    const { results, responses } = await surveyResults(db, survey.id, moderator);
    const title = request.t('surveys.results_title', { title: survey.title });
    return reply.render(<ResultsPage survey={survey} results={results} responses={responses} moderator={moderator} />, {
      title,
      breadcrumbs: [{ href: `/umfragen/${survey.id}`, label: survey.title }, { label: request.t('surveys.results_link') }],
    });
  });

  app.get('/umfragen/:id/ergebnisse/:chart', { schema: { params: Type.Object({ id: Id, chart: Type.String({ maxLength: 30 }) }) } }, async (request, reply) => {
    const survey = await visibleSurvey(request);
    const match = /^frage-(\d{1,9})\.svg$/.exec((request.params as { chart: string }).chart);
    if (!match) throw AppError.notFound();
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

  // ---------- the town's workspace ----------

  async function managedTown(request: FastifyRequest) {
    const actor = requireUser(request);
    const municipality = await requireMunicipality(db, (request.params as { ags: string }).ags);
    if (!can(actor, 'manage', { municipalityId: municipality.id, published: false })) throw AppError.forbidden();
    return { actor, municipality };
  }

  async function managedSurvey(request: FastifyRequest) {
    const { actor, municipality } = await managedTown(request);
    const survey = await repo.survey(parseId((request.params as { id: string }).id));
    if (!survey || survey.municipality_id !== municipality.id) throw AppError.notFound();
    return { actor, municipality, survey };
  }

  async function renderList(request: FastifyRequest, reply: FastifyReply, form: FormState = { values: { anonymous: 'on' }, errors: {} }) {
    const { municipality } = await managedTown(request);
    const [surveys, processes] = await Promise.all([repo.list(municipality.id, false), processOptions(db, municipality.id)]);
    return reply.render(<SurveyListPage ags={municipality.ags} name={municipality.name} surveys={surveys} processes={processes} form={form} />, {
      title: request.t('surveys.manage_title', { name: municipality.name }),
      breadcrumbs: [{ href: `/verwaltung/${municipality.ags}`, label: municipality.name }, { label: request.t('surveys.nav') }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/umfragen', { schema: { params: AgsParams } }, (request, reply) => renderList(request, reply));

  app.post('/verwaltung/:ags/umfragen', { schema: { params: AgsParams, body: formBodySchema(['title', 'description', 'opensOn', 'closesOn', 'anonymous', 'processId']) } }, async (request, reply) => {
    const { actor, municipality } = await managedTown(request);
    const parsed = parseSurvey(request.body);
    if (!parsed.ok) return renderList(request, reply, { values: typedValues(request.body), errors: parsed.errors });
    let id: number;
    try {
      id = await service.create(actor, municipality.id, parsed.value);
    } catch (error) {
      if (error instanceof ValidationError) return renderList(request, reply, { values: typedValues(request.body), errors: error.fields });
      throw error;
    }
    return reply.flash('success', 'surveys.created').redirect(`/verwaltung/${municipality.ags}/umfragen/${id}`, 303);
  });

  async function renderEdit(request: FastifyRequest, reply: FastifyReply, forms: { survey?: FormState; question?: FormState } = {}) {
    const { municipality, survey } = await managedSurvey(request);
    const [questions, responses] = await Promise.all([repo.questions(survey.id), repo.responseCount(survey.id)]);
    const surveyForm = forms.survey ?? {
      values: {
        title: survey.title,
        description: survey.description,
        opensOn: survey.opens_on,
        closesOn: survey.closes_on,
        anonymous: survey.anonymous ? 'on' : '',
        published: survey.published ? 'on' : '',
      },
      errors: {},
    };
    const failed = Object.keys(forms.survey?.errors ?? {}).length + Object.keys(forms.question?.errors ?? {}).length > 0;
    return reply.render(
      <SurveyEditPage
        ags={municipality.ags}
        surveyId={survey.id}
        form={surveyForm}
        questionForm={forms.question ?? { values: { kind: 'single' }, errors: {} }}
        questions={questions}
        responses={responses}
      />,
      {
        title: request.t('surveys.edit_title'),
        breadcrumbs: [{ href: `/verwaltung/${municipality.ags}/umfragen`, label: request.t('surveys.nav') }, { label: survey.title }],
        status: failed ? 422 : 200,
      },
    );
  }

  app.get('/verwaltung/:ags/umfragen/:id', { schema: { params: ManageParams } }, (request, reply) => renderEdit(request, reply));

  app.post(
    '/verwaltung/:ags/umfragen/:id',
    { schema: { params: ManageParams, body: formBodySchema(['title', 'description', 'opensOn', 'closesOn', 'anonymous', 'published']) } },
    async (request, reply) => {
      const { actor, municipality, survey } = await managedSurvey(request);
      const values = typedValues(request.body);
      const parsed = parseSurvey(request.body);
      if (!parsed.ok) return renderEdit(request, reply, { survey: { values, errors: parsed.errors } });
      try {
        await service.update(actor, survey.id, parsed.value);
      } catch (error) {
        if (error instanceof ValidationError) return renderEdit(request, reply, { survey: { values, errors: error.fields } });
        throw error;
      }
      return reply.flash('success', 'common.saved').redirect(`/verwaltung/${municipality.ags}/umfragen/${survey.id}`, 303);
    },
  );

  app.post('/verwaltung/:ags/umfragen/:id/fragen', { schema: { params: ManageParams, body: formBodySchema(['kind', 'prompt', 'help', 'options', 'required']) } }, async (request, reply) => {
    const { actor, municipality, survey } = await managedSurvey(request);
    const values = typedValues(request.body);
    const parsed = parseForm(QuestionForm, request.body);
    if (!parsed.ok) return renderEdit(request, reply, { question: { values, errors: parsed.errors } });
    const options = (parsed.value.options ?? '')
      .split(/\r?\n/)
      .map((o) => o.trim())
      .filter(Boolean)
      .slice(0, 30);
    try {
      await service.addQuestion(actor, survey.id, { kind: parsed.value.kind as QuestionKind, prompt: parsed.value.prompt, help: parsed.value.help, required: parsed.value.required === 'on', options });
    } catch (error) {
      if (error instanceof ValidationError) return renderEdit(request, reply, { question: { values, errors: error.fields } });
      throw error;
    }
    return reply.flash('success', 'surveys.question_added').redirect(`/verwaltung/${municipality.ags}/umfragen/${survey.id}`, 303);
  });

  app.post('/verwaltung/:ags/umfragen/:id/fragen/:qid/loeschen', { schema: { params: Type.Object({ ags: Type.String({ maxLength: 20 }), id: Id, qid: Id }) } }, async (request, reply) => {
    const { actor, municipality, survey } = await managedSurvey(request);
    const back = `/verwaltung/${municipality.ags}/umfragen/${survey.id}`;
    try {
      await service.deleteQuestion(actor, survey.id, parseId((request.params as { qid: string }).qid));
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey).redirect(back, 303);
      throw error;
    }
    return reply.flash('success', 'common.deleted').redirect(back, 303);
  });

  async function renderOffline(request: FastifyRequest, reply: FastifyReply, form: FormState & { multi: Record<string, string[]> } = { ...EMPTY_FORM, multi: {} }) {
    const { municipality, survey } = await managedSurvey(request);
    const questions = (await repo.questions(survey.id)).map((q) => ({ ...q, options: q.options as unknown as string[] })) as QuestionView[];
    const title = request.t('surveys.offline_title');
    return reply.render(<OfflineAnswersPage action={`/verwaltung/${municipality.ags}/umfragen/${survey.id}/offline`} questions={questions} form={form} />, {
      title,
      breadcrumbs: [{ href: `/verwaltung/${municipality.ags}/umfragen/${survey.id}`, label: survey.title }, { label: title }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/umfragen/:id/offline', { schema: { params: ManageParams } }, (request, reply) => renderOffline(request, reply));

  app.post('/verwaltung/:ags/umfragen/:id/offline', { schema: { params: ManageParams, body: AnswerBody } }, async (request, reply) => {
    const { actor, municipality, survey } = await managedSurvey(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const multi = formLists(body);
    try {
      await service.submitOffline(actor, survey.id, body);
    } catch (error) {
      if (error instanceof ValidationError) return renderOffline(request, reply, { values: typedValues(body), errors: error.fields, multi });
      throw error;
    }
    return reply.flash('success', 'surveys.offline_saved').redirect(`/verwaltung/${municipality.ags}/umfragen/${survey.id}/offline`, 303);
  });

  app.get('/verwaltung/:ags/umfragen/:id/freitexte', { schema: { params: ManageParams } }, async (request, reply) => {
    const { municipality, survey } = await managedSurvey(request);
    const [questions, texts] = await Promise.all([repo.questions(survey.id), repo.texts(survey.id, false)]);
    const prompt = new Map(questions.map((q) => [q.id, q.prompt]));
    return reply.render(
      <TextsPage ags={municipality.ags} surveyId={survey.id} texts={texts.map((x) => ({ id: x.id, prompt: prompt.get(x.question_id) ?? '', text: x.text ?? '', approved: x.text_approved }))} />,
      {
        title: request.t('surveys.texts_title'),
        breadcrumbs: [{ href: `/verwaltung/${municipality.ags}/umfragen/${survey.id}`, label: survey.title }, { label: request.t('surveys.texts_title') }],
      },
    );
  });

  app.post(
    '/verwaltung/:ags/umfragen/:id/freitexte/:aid/:action',
    { schema: { params: Type.Object({ ags: Type.String({ maxLength: 20 }), id: Id, aid: Id, action: Type.String({ maxLength: 20 }) }) } },
    async (request, reply) => {
      const { actor, municipality, survey } = await managedSurvey(request);
      const { aid, action } = request.params as { aid: string; action: string };
      if (action !== 'freigeben' && action !== 'zurueckhalten') throw AppError.notFound();
      await service.moderateText(actor, survey.id, parseId(aid), action === 'freigeben');
      return reply.flash('success', 'common.saved').redirect(`/verwaltung/${municipality.ags}/umfragen/${survey.id}/freitexte`, 303);
    },
  );

  app.get(
    '/verwaltung/:ags/umfragen/:id/export/:file',
    { schema: { params: Type.Object({ ags: Type.String({ maxLength: 20 }), id: Id, file: Type.String({ maxLength: 30 }) }) } },
    async (request, reply) => {
      const { survey } = await managedSurvey(request);
      const match = /^antworten\.(csv|xlsx)$/.exec((request.params as { file: string }).file);
      if (!match) throw AppError.notFound();
      const [questions, rows] = await Promise.all([repo.questions(survey.id), repo.exportRows(survey.id)]);
      const t = request.t;
      const headers = [t('surveys.export.response'), t('surveys.export.created'), t('surveys.export.offline'), ...questions.map((q) => q.prompt)];
      const byResponse = new Map<number, { created: Date; offline: boolean; answers: Map<number, string[]> }>();
      for (const row of rows) {
        const entry = byResponse.get(row.response_id) ?? { created: row.created_at, offline: row.offline, answers: new Map<number, string[]>() };
        if (row.question_id !== null) {
          const question = questions.find((q) => q.id === row.question_id);
          const labels = question ? choiceLabels(question.kind, question.options as unknown as string[]) : [];
          const value = row.text ?? (row.number !== null ? String(row.number) : row.choice !== null ? (labels[question?.kind === 'scale' ? row.choice - 1 : row.choice] ?? String(row.choice)) : '');
          entry.answers.set(row.question_id, [...(entry.answers.get(row.question_id) ?? []), value]);
        }
        byResponse.set(row.response_id, entry);
      }
      const table: Cell[][] = [...byResponse.entries()].map(([id, entry]) => [
        id,
        entry.created,
        entry.offline ? t('common.yes') : t('common.no'),
        ...questions.map((q) => (entry.answers.get(q.id) ?? []).join('; ')),
      ]);
      reply.header('content-disposition', `attachment; filename="umfrage-${survey.id}.${match[1]}"`).header('cache-control', 'no-store');
      if (match[1] === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(headers, table));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(t('surveys.export.sheet'), headers, table));
    },
  );
};
