import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { parseId } from '../../platform/http/params.ts';
import { Ags, AgsIdParams, AgsParams, Id } from '../../platform/http/schemas.ts';
import { toCsv, toXlsx } from '../../platform/http/tables.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { managedTown } from '../municipalities/index.ts';
import { localizeQuestions } from './cohesion.ts';
import { answerTable } from './export.ts';
import { surveyRepository } from './repository.ts';
import { AnswerBody, type AnswerForm, optionLines, QuestionForm, SurveyCreateForm, SurveyEditForm } from './schemas.ts';
import { surveyService } from './service.ts';
import { SurveyEditPage, SurveyListPage, TextsPage } from './views/manage-pages.tsx';
import { OfflineAnswersPage } from './views/survey-pages.tsx';

/** Every route here is `/verwaltung/:ags/umfragen…` of a town the caller manages; the service finds each id inside it. */
const TOWN = { access: { scope: 'town' } } as const;
const QuestionParams = Type.Object({ ags: Ags, id: Id, qid: Id });
const TextParams = Type.Object({ ags: Ags, id: Id, aid: Id, action: Type.String({ maxLength: 20 }) });
const ExportParams = Type.Object({ ags: Ags, id: Id, file: Type.String({ maxLength: 30 }) });

/** The town's workspace: its surveys, their questions, paper answers, free-text release and the export. */
export const workspaceSurveyRoutes: ModulePlugin = async (app, { services }) => {
  const repo = surveyRepository(services.db);
  const service = surveyService(services);
  const base = (ags: string, surveyId: number) => `/verwaltung/${ags}/umfragen/${surveyId}`;

  async function renderList(request: FastifyRequest, reply: FastifyReply, form: FormState = { values: { anonymous: 'on' }, errors: {} }) {
    const town = managedTown(request);
    const [surveys, contexts] = await Promise.all([repo.list(town.id, false), service.contexts(town.id)]);
    return reply.render(<SurveyListPage ags={town.ags} name={town.name} surveys={surveys} processes={contexts} form={form} />, {
      title: request.t('surveys.manage_title', { name: town.name }),
      breadcrumbs: [{ href: `/verwaltung/${town.ags}`, label: town.name }, { label: request.t('surveys.nav') }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/umfragen', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderList(request, reply));

  app.post('/verwaltung/:ags/umfragen', { config: TOWN, schema: { params: AgsParams, body: formBody(SurveyCreateForm) } }, async (request, reply) => {
    const town = managedTown(request);
    return formAction(reply, {
      body: request.body,
      schema: SurveyCreateForm,
      invalid: (form) => renderList(request, reply, form),
      run: async (value) => {
        const id = await service.create(signedInActor(request), town, { ...value, anonymous: value.anonymous === 'on' });
        return { redirect: base(town.ags, id), flash: { key: 'surveys.created' } };
      },
    });
  });

  async function renderEdit(request: FastifyRequest, reply: FastifyReply, surveyId: number, forms: { survey?: FormState; question?: FormState } = {}) {
    const town = managedTown(request);
    const survey = await service.ofTown(town, surveyId);
    const [all, responses] = await Promise.all([repo.questions(survey.id), repo.responseCount(survey.id)]);
    const questions = localizeQuestions(all, request.t);
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
        ags={town.ags}
        surveyId={survey.id}
        form={surveyForm}
        questionForm={forms.question ?? { values: { kind: 'single' }, errors: {} }}
        questions={questions}
        responses={responses}
        template={survey.template !== null}
      />,
      {
        title: request.t('surveys.edit_title'),
        breadcrumbs: [{ href: `/verwaltung/${town.ags}/umfragen`, label: request.t('surveys.nav') }, { label: survey.title }],
        status: failed ? 422 : 200,
      },
    );
  }

  app.get('/verwaltung/:ags/umfragen/:id', { config: TOWN, schema: { params: AgsIdParams } }, (request, reply) => renderEdit(request, reply, parseId(request.params.id)));

  app.post('/verwaltung/:ags/umfragen/:id', { config: TOWN, schema: { params: AgsIdParams, body: formBody(SurveyEditForm) } }, async (request, reply) => {
    const town = managedTown(request);
    const surveyId = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      schema: SurveyEditForm,
      invalid: (form) => renderEdit(request, reply, surveyId, { survey: form }),
      run: async (value) => {
        await service.update(signedInActor(request), town, surveyId, { ...value, anonymous: value.anonymous === 'on', published: value.published === 'on' });
        return { redirect: base(town.ags, surveyId), flash: { key: 'common.saved' } };
      },
    });
  });

  app.post('/verwaltung/:ags/umfragen/:id/fragen', { config: TOWN, schema: { params: AgsIdParams, body: formBody(QuestionForm) } }, async (request, reply) => {
    const town = managedTown(request);
    const surveyId = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      schema: QuestionForm,
      invalid: (form) => renderEdit(request, reply, surveyId, { question: form }),
      run: async (value) => {
        await service.addQuestion(signedInActor(request), town, surveyId, {
          kind: value.kind,
          prompt: value.prompt,
          help: value.help,
          required: value.required === 'on',
          options: optionLines(value.options),
        });
        return { redirect: base(town.ags, surveyId), flash: { key: 'surveys.question_added' } };
      },
    });
  });

  app.post('/verwaltung/:ags/umfragen/:id/fragen/:qid/loeschen', { config: TOWN, schema: { params: QuestionParams } }, async (request, reply) => {
    const town = managedTown(request);
    const surveyId = parseId(request.params.id);
    const back = base(town.ags, surveyId);
    return formAction(reply, {
      body: request.body,
      back,
      invalid: () => reply.redirect(back, 303),
      run: async () => {
        await service.deleteQuestion(signedInActor(request), town, surveyId, parseId(request.params.qid));
        return { redirect: back, flash: { key: 'common.deleted' } };
      },
    });
  });

  async function renderOffline(request: FastifyRequest, reply: FastifyReply, surveyId: number, form: AnswerForm = { ...EMPTY_FORM, multi: {} }) {
    const town = managedTown(request);
    const survey = await service.ofTown(town, surveyId);
    const questions = localizeQuestions(await repo.questions(survey.id), request.t);
    const title = request.t('surveys.offline_title');
    return reply.render(<OfflineAnswersPage action={`${base(town.ags, survey.id)}/offline`} questions={questions} form={form} />, {
      title,
      breadcrumbs: [{ href: base(town.ags, survey.id), label: survey.title }, { label: title }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/umfragen/:id/offline', { config: TOWN, schema: { params: AgsIdParams } }, (request, reply) => renderOffline(request, reply, parseId(request.params.id)));

  app.post('/verwaltung/:ags/umfragen/:id/offline', { config: TOWN, schema: { params: AgsIdParams, body: AnswerBody } }, async (request, reply) => {
    const town = managedTown(request);
    const surveyId = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      invalid: (form) => renderOffline(request, reply, surveyId, { ...form, multi: form.lists }),
      run: async () => {
        await service.submitOffline(signedInActor(request), town, surveyId, request.body);
        return { redirect: `${base(town.ags, surveyId)}/offline`, flash: { key: 'surveys.offline_saved' } };
      },
    });
  });

  app.get('/verwaltung/:ags/umfragen/:id/freitexte', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const survey = await service.ofTown(town, parseId(request.params.id));
    const [questions, texts] = await Promise.all([repo.questions(survey.id), repo.texts(survey.id, false)]);
    const prompt = new Map(questions.map((q) => [q.id, q.prompt]));
    return reply.render(
      <TextsPage ags={town.ags} surveyId={survey.id} texts={texts.map((x) => ({ id: x.id, prompt: prompt.get(x.question_id) ?? '', text: x.text ?? '', approved: x.text_approved }))} />,
      {
        title: request.t('surveys.texts_title'),
        breadcrumbs: [{ href: base(town.ags, survey.id), label: survey.title }, { label: request.t('surveys.texts_title') }],
      },
    );
  });

  app.post('/verwaltung/:ags/umfragen/:id/freitexte/:aid/:action', { config: TOWN, schema: { params: TextParams } }, async (request, reply) => {
    const town = managedTown(request);
    const { action } = request.params;
    if (action !== 'freigeben' && action !== 'zurueckhalten') throw AppError.notFound();
    const surveyId = parseId(request.params.id);
    await service.moderateText(signedInActor(request), town, surveyId, parseId(request.params.aid), action === 'freigeben');
    return reply.flash('success', 'common.saved').redirect(`${base(town.ags, surveyId)}/freitexte`, 303);
  });

  app.get('/verwaltung/:ags/umfragen/:id/export/:file', { config: TOWN, schema: { params: ExportParams } }, async (request, reply) => {
    const town = managedTown(request);
    const match = /^antworten\.(csv|xlsx)$/.exec(request.params.file);
    const format = match?.[1] === 'csv' ? 'csv' : match?.[1] === 'xlsx' ? 'xlsx' : null;
    if (!format) throw AppError.notFound();
    const { survey, questions, rows } = await service.exportAnswers(signedInActor(request), town, parseId(request.params.id), format);
    const { headers, table } = answerTable(questions, rows, request.t);
    reply.header('content-disposition', `attachment; filename="umfrage-${survey.id}.${format}"`).header('cache-control', 'no-store');
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(headers, table));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(request.t('surveys.export.sheet'), headers, table));
  });
};
