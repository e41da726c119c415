import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { formAction } from '../../../platform/http/form-action.ts';
import { FormText, formBody, typedValues } from '../../../platform/http/forms.ts';
import { Id, IdParams } from '../../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../../platform/views/forms.tsx';
import { calendarFile } from '../../events/index.ts';
import { ownEnrolment } from '../scopes.ts';
import type { AssessmentPhase } from '../tables.ts';
import { trainingRepository } from './repository.ts';
import { assessmentClosesAt, assessmentWindows, trainingService } from './service.ts';
import { AssessmentPage, MyCohortPage, ProjectPage } from './views/trainee-pages.tsx';

const ProjectForm = Type.Object({
  goal: FormText({ min: 10, max: 3000 }),
  organisation: Type.Optional(FormText({ max: 1000 })),
  steps: Type.Optional(FormText({ max: 5000 })),
  result: Type.Optional(FormText({ max: 5000 })),
});
const PHASES = { vorher: 'before', nachher: 'after' } as const satisfies Record<string, AssessmentPhase>;
const PhaseParams = Type.Object({ id: Id, phase: Type.Union([Type.Literal('vorher'), Type.Literal('nachher')]) });
const ENROLMENT = { access: { scope: 'enrolment' } } as const;

/** The trainee's own course pages under /qualifizierung/kohorten/:id: progress, calendar, practice project, self-assessment. */
export const traineeRoutes: ModulePlugin = async (app, { services }) => {
  const training = trainingRepository(services.db);
  const service = trainingService(services);
  const failed = (form: FormState | undefined) => Boolean(form && Object.keys(form.errors).length);

  app.get('/qualifizierung/kohorten/:id', { config: ENROLMENT, schema: { params: IdParams } }, async (request, reply) => {
    const { cohort, enrolment } = ownEnrolment(request);
    const [[progress], sessions, items, done] = await Promise.all([
      service.completionOf(cohort, enrolment.id),
      training.sessionsOfTrainee(cohort.id, enrolment.id),
      training.items(cohort.programme_id),
      training.assessmentsOf(enrolment.id),
    ]);
    if (!progress) throw AppError.notFound();
    const enrolledAt = enrolment.decided_at ?? enrolment.created_at;
    return reply.render(
      <MyCohortPage
        cohort={cohort}
        rule={{ minPercent: cohort.min_attendance_percent, requiresProject: cohort.requires_project }}
        progress={progress}
        sessions={sessions}
        projectStatus={progress.project_status ?? null}
        windows={assessmentWindows(sessions, enrolledAt, new Set(done.map((d) => d.phase)), assessmentClosesAt(cohort.ends_on))}
        hasItems={items.length > 0}
      />,
      {
        title: `${cohort.programme_title}: ${cohort.title}`,
        breadcrumbs: [{ href: '/qualifizierung', label: request.t('qualification.nav') }, { label: cohort.title }],
      },
    );
  });

  /** The trainee's sessions for their calendar; cancelled ones carry STATUS:CANCELLED so calendars drop them. */
  app.get('/qualifizierung/kohorten/:id/termine.ics', { config: ENROLMENT, schema: { params: IdParams } }, async (request, reply) => {
    const { cohort, enrolment } = ownEnrolment(request);
    const sessions = await training.sessionsOfTrainee(cohort.id, enrolment.id);
    const page = `${services.config.baseUrl}/qualifizierung/kohorten/${cohort.id}`;
    const file = calendarFile(services.config.baseUrl, `${cohort.programme_title}: ${cohort.title}`, sessions, undefined, () => page);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="kurs-${cohort.id}.ics"`).header('cache-control', 'private, no-store').send(file);
  });

  async function renderProject(request: FastifyRequest, reply: FastifyReply, form?: FormState) {
    const { cohort, enrolment } = ownEnrolment(request);
    const project = await training.projectOfEnrolment(enrolment.id);
    const comments = project ? await training.projectComments(project.id) : [];
    const shown = form ?? { values: project ? { goal: project.goal, organisation: project.organisation, steps: project.steps, result: project.result } : {}, errors: {} };
    const title = request.t('qualification.project.title');
    return reply.render(<ProjectPage cohortId={cohort.id} status={project?.status ?? null} form={shown} comments={comments} />, {
      title,
      breadcrumbs: [{ href: '/qualifizierung', label: request.t('qualification.nav') }, { href: `/qualifizierung/kohorten/${cohort.id}`, label: cohort.title }, { label: title }],
      status: failed(form) ? 422 : 200,
    });
  }

  app.get('/qualifizierung/kohorten/:id/praxisprojekt', { config: ENROLMENT, schema: { params: IdParams } }, (request, reply) => renderProject(request, reply));

  app.post('/qualifizierung/kohorten/:id/praxisprojekt', { config: ENROLMENT, schema: { params: IdParams, body: formBody(ProjectForm, ['action'], 6000) } }, async (request, reply) => {
    const place = ownEnrolment(request);
    const submit = request.body.action !== 'draft';
    const back = `/qualifizierung/kohorten/${place.cohort.id}/praxisprojekt`;
    return formAction(reply, {
      body: request.body,
      schema: ProjectForm,
      invalid: (form) => renderProject(request, reply, form),
      back,
      run: async (value) => {
        const input = { goal: value.goal, organisation: value.organisation ?? '', steps: value.steps ?? '', result: value.result ?? '' };
        await service.saveProject(signedInActor(request), place, input, submit);
        return { redirect: back, flash: { key: submit ? 'qualification.project.submitted' : 'qualification.project.saved' } };
      },
    });
  });

  async function renderAssessment(request: FastifyRequest, reply: FastifyReply, phase: AssessmentPhase, form: FormState = EMPTY_FORM) {
    const place = ownEnrolment(request);
    const { items, windows } = await service.assessmentState(place);
    if (!items.length) throw AppError.notFound();
    const window = windows[phase];
    const back = `/qualifizierung/kohorten/${place.cohort.id}`;
    if (window !== 'open') return reply.flash('info', `qualification.assessment.window.${window}`).redirect(back, 303);
    const title = request.t(`qualification.assessment.${phase}`);
    return reply.render(<AssessmentPage cohortId={place.cohort.id} phase={phase} items={items} form={form} />, {
      title,
      breadcrumbs: [{ href: '/qualifizierung', label: request.t('qualification.nav') }, { href: back, label: place.cohort.title }, { label: title }],
      status: failed(form) ? 422 : 200,
    });
  }

  app.get('/qualifizierung/kohorten/:id/selbsteinschaetzung/:phase', { config: ENROLMENT, schema: { params: PhaseParams } }, (request, reply) =>
    renderAssessment(request, reply, PHASES[request.params.phase]),
  );

  app.post(
    '/qualifizierung/kohorten/:id/selbsteinschaetzung/:phase',
    { config: ENROLMENT, schema: { params: PhaseParams, body: Type.Object({}, { additionalProperties: Type.String({ maxLength: 200 }), maxProperties: 200 }) } },
    async (request, reply) => {
      const place = ownEnrolment(request);
      const phase = PHASES[request.params.phase];
      const scores = new Map<number, number>();
      for (const [key, value] of Object.entries(typedValues(request.body))) {
        const match = /^item-(\d{1,10})$/.exec(key);
        if (match && /^[1-5]$/.test(value)) scores.set(Number(match[1]), Number(value));
      }
      const back = `/qualifizierung/kohorten/${place.cohort.id}`;
      return formAction(reply, {
        body: request.body,
        invalid: (form) => renderAssessment(request, reply, phase, form),
        back,
        run: async () => {
          await service.submitAssessment(signedInActor(request), place, phase, scores);
          return { redirect: back, flash: { key: 'qualification.assessment.thanks' } };
        },
      });
    },
  );
};
