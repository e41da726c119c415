import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isProgrammeOffice } from '../../../platform/access/actor.ts';
import { signedInActor } from '../../../platform/http/access.ts';
import { AppError, type FieldErrors, ValidationError } from '../../../platform/http/errors.ts';
import { formAction } from '../../../platform/http/form-action.ts';
import { FormInteger, FormText, formBody, formList, typedValues } from '../../../platform/http/forms.ts';
import { pageRequest, pageResult } from '../../../platform/http/pagination.ts';
import { parseId } from '../../../platform/http/params.ts';
import { Id, IdParams } from '../../../platform/http/schemas.ts';
import { berlinLocalToInstant } from '../../../platform/i18n/berlin-time.ts';
import type { ModulePlugin } from '../../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../../platform/views/forms.tsx';
import { SESSION_MODES } from '../../events/index.ts';
import { participatingMunicipalities } from '../../municipalities/index.ts';
import { qualificationRepository } from '../repository.ts';
import { ledCohort } from '../scopes.ts';
import { trainingRepository } from './repository.ts';
import { trainingService } from './service.ts';
import { competenceChartSvg } from './views/competence-change.tsx';
import { AttendancePage, ProjectReviewPage } from './views/review-pages.tsx';
import { TrainerCohortPage, TrainerCohortsPage } from './views/trainer-pages.tsx';

const SessionParams = Type.Object({ id: Id, sid: Id });
const ProjectParams = Type.Object({ id: Id, pid: Id });
const LocalDateTime = () => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$' });
const SessionForm = Type.Object({
  moduleId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
  municipalityId: FormInteger({ min: 1, max: 2_000_000_000 }),
  startsAt: LocalDateTime(),
  endsAt: LocalDateTime(),
  mode: Type.Union(SESSION_MODES.map((m) => Type.Literal(m))),
  venue: Type.Optional(FormText({ max: 200 })),
  address: Type.Optional(FormText({ max: 300 })),
  onlineUrl: Type.Optional(Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$' })),
});
const ReviewBody = Type.Object(
  { decision: Type.Union([Type.Literal('approved'), Type.Literal('changes_requested'), Type.Literal('comment')]), comment: Type.Optional(Type.String({ maxLength: 5000 })) },
  { additionalProperties: true },
);
const COHORT = { access: { scope: 'cohort' } } as const;

/** The trainers' area: the cohorts they lead, sessions, attendance and the review of practice projects. */
export const trainerRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = qualificationRepository(db);
  const training = trainingRepository(db);
  const service = trainingService(services);
  const failed = (form: FormState | undefined) => Boolean(form && Object.keys(form.errors).length);

  app.get('/kursleitung', { config: { access: 'trainer' }, schema: { querystring: Type.Object({ seite: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) }) } }, async (request, reply) => {
    const actor = signedInActor(request);
    const page = pageRequest(request.query.seite, 25);
    const { items, total } = await training.cohortsLedBy(isProgrammeOffice(actor) ? null : actor.userId, page);
    const title = request.t('qualification.trainer.title');
    const rows = items.map((c) => ({ ...c, trainees: Number(c.trainees), sessions: Number(c.sessions), projects_to_review: Number(c.projects_to_review) }));
    return reply.render(<TrainerCohortsPage result={pageResult(rows, total, page)} />, { title, breadcrumbs: [{ label: title }] });
  });

  async function renderCohort(request: FastifyRequest, reply: FastifyReply, sessionForm?: FormState) {
    const cohort = ledCohort(request);
    const [sessions, progress, modules, towns, competence] = await Promise.all([
      training.sessions(cohort.id),
      service.completionOf(cohort),
      repo.modules(cohort.programme_id),
      participatingMunicipalities(db),
      service.competence(cohort),
    ]);
    return reply.render(
      <TrainerCohortPage
        cohort={cohort}
        sessions={sessions.map((s) => ({ ...s, present: Number(s.present), recorded: Number(s.recorded) }))}
        progress={progress}
        sessionForm={sessionForm ?? { values: { municipalityId: cohort.municipality_id ? String(cohort.municipality_id) : '', mode: 'in_person' }, errors: {} }}
        modules={modules}
        towns={towns}
        competence={competence}
        competenceChart={await competenceChartSvg(competence.rows, request.t, request.locale)}
        minPercent={cohort.min_attendance_percent}
        requiresProject={cohort.requires_project}
      />,
      {
        title: `${cohort.programme_title}: ${cohort.title}`,
        breadcrumbs: [{ href: '/kursleitung', label: request.t('qualification.trainer.title') }, { label: cohort.title }],
        status: failed(sessionForm) ? 422 : 200,
      },
    );
  }

  app.get('/kursleitung/kohorten/:id', { config: COHORT, schema: { params: IdParams } }, (request, reply) => renderCohort(request, reply));

  app.post('/kursleitung/kohorten/:id/termine', { config: COHORT, schema: { params: IdParams, body: formBody(SessionForm, [], 1000) } }, async (request, reply) => {
    const cohort = ledCohort(request);
    return formAction(reply, {
      body: request.body,
      schema: SessionForm,
      invalid: (form) => renderCohort(request, reply, form),
      run: async (value) => {
        const startsAt = berlinLocalToInstant(value.startsAt);
        const endsAt = berlinLocalToInstant(value.endsAt);
        const errors: FieldErrors = {};
        if (!startsAt) errors.startsAt = { key: 'validation.format' };
        if (!endsAt) errors.endsAt = { key: 'validation.format' };
        if (!(await participatingMunicipalities(db)).some((m) => m.id === value.municipalityId)) errors.municipalityId = { key: 'validation.choice' };
        if (!startsAt || !endsAt || Object.keys(errors).length) throw new ValidationError(errors);
        await service.createSession(signedInActor(request), cohort, {
          moduleId: value.moduleId ?? null,
          municipalityId: value.municipalityId,
          startsAt,
          endsAt,
          mode: value.mode,
          venue: value.venue ?? '',
          address: value.address ?? '',
          onlineUrl: value.onlineUrl ?? '',
        });
        return { redirect: `/kursleitung/kohorten/${cohort.id}`, flash: { key: 'qualification.trainer.session_added' } };
      },
    });
  });

  app.post(
    '/kursleitung/kohorten/:id/termine/:sid/absagen',
    { config: COHORT, schema: { params: SessionParams, body: Type.Object({}, { additionalProperties: Type.String({ maxLength: 1000 }) }) } },
    async (request, reply) => {
      const cohort = ledCohort(request);
      const sessionId = parseId(request.params.sid);
      // Each session's disclosure has its own reason field, named after the session.
      const reason = (typedValues(request.body)[`reason-${sessionId}`] ?? '').trim();
      return formAction(reply, {
        body: request.body,
        invalid: () => renderCohort(request, reply),
        back: `/kursleitung/kohorten/${cohort.id}`,
        run: async () => {
          await service.cancelSession(signedInActor(request), cohort, sessionId, reason);
          return { redirect: `/kursleitung/kohorten/${cohort.id}`, flash: { key: 'qualification.trainer.session_cancelled_done' } };
        },
      });
    },
  );

  app.get('/kursleitung/kohorten/:id/termine/:sid/anwesenheit', { config: COHORT, schema: { params: SessionParams } }, async (request, reply) => {
    const cohort = ledCohort(request);
    const session = await service.sessionOf(cohort, parseId(request.params.sid));
    const trainees = await training.attendanceList(cohort.id, session.id);
    const title = request.t('qualification.trainer.attendance_title', { when: '' }).trim();
    return reply.render(<AttendancePage cohortId={cohort.id} session={session} trainees={trainees} />, {
      title,
      breadcrumbs: [{ href: '/kursleitung', label: request.t('qualification.trainer.title') }, { href: `/kursleitung/kohorten/${cohort.id}`, label: session.title }, { label: title }],
    });
  });

  app.post(
    '/kursleitung/kohorten/:id/termine/:sid/anwesenheit',
    { config: COHORT, schema: { params: SessionParams, body: Type.Object({}, { additionalProperties: true }) } },
    async (request, reply) => {
      const cohort = ledCohort(request);
      const sessionId = parseId(request.params.sid);
      const present = new Set(
        formList(request.body, 'present')
          .slice(0, 2000)
          .map(Number)
          .filter((n) => Number.isInteger(n) && n > 0),
      );
      const back = `/kursleitung/kohorten/${cohort.id}/termine/${sessionId}/anwesenheit`;
      return formAction(reply, {
        body: request.body,
        invalid: () => reply.redirect(back, 303),
        back,
        run: async () => {
          const count = await service.recordAttendance(signedInActor(request), cohort, sessionId, present);
          return { redirect: back, flash: { key: 'qualification.trainer.attendance_saved', params: { count } } };
        },
      });
    },
  );

  async function renderReview(request: FastifyRequest, reply: FastifyReply, projectId: number, form: FormState = EMPTY_FORM) {
    const cohort = ledCohort(request);
    const project = await training.project(cohort.id, projectId);
    if (!project) throw AppError.notFound();
    const comments = await training.projectComments(project.id);
    const title = request.t('qualification.trainer.project_title', { name: project.display_name ?? '' });
    return reply.render(<ProjectReviewPage cohortId={cohort.id} project={project} comments={comments} form={form} />, {
      title,
      breadcrumbs: [{ href: '/kursleitung', label: request.t('qualification.trainer.title') }, { href: `/kursleitung/kohorten/${cohort.id}`, label: cohort.title }, { label: title }],
      status: failed(form) ? 422 : 200,
    });
  }

  app.get('/kursleitung/kohorten/:id/praxisprojekte/:pid', { config: COHORT, schema: { params: ProjectParams } }, (request, reply) => renderReview(request, reply, parseId(request.params.pid)));

  app.post('/kursleitung/kohorten/:id/praxisprojekte/:pid', { config: COHORT, schema: { params: ProjectParams, body: ReviewBody } }, async (request, reply) => {
    const cohort = ledCohort(request);
    const projectId = parseId(request.params.pid);
    const { decision, comment } = request.body;
    const verdict = decision === 'comment' ? null : decision;
    const back = `/kursleitung/kohorten/${cohort.id}/praxisprojekte/${projectId}`;
    return formAction(reply, {
      body: request.body,
      invalid: (form) => renderReview(request, reply, projectId, form),
      back,
      run: async () => {
        await service.reviewProject(signedInActor(request), cohort, projectId, verdict, (comment ?? '').trim());
        return { redirect: back, flash: { key: verdict ? `qualification.trainer.project_${verdict}` : 'qualification.trainer.commented' } };
      },
    });
  });
};
