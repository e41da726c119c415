import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isProgrammeOffice } from '../../platform/access/actor.ts';
import type { AssessmentPhase } from './tables.ts';
import type { EventMode } from '../events/tables.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { FormInteger, FormText, formBodySchema, formList, parseForm, typedValues } from '../../platform/http/forms.ts';
import { requireUser } from '../../platform/http/guards.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { parseId } from '../../platform/http/params.ts';
import { berlinLocalToInstant } from '../../platform/i18n/berlin-time.ts';
import type { AppServices } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { calendarFile } from '../events/index.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { canEnterTrainerArea } from './policy.ts';
import { qualificationRepository } from './repository.ts';
import { trainingRepository } from './training-repository.ts';
import { assessmentWindows, trainingService } from './training-service.ts';
import { AssessmentPage, MyCohortPage, ProjectPage } from './views/trainee-pages.tsx';
import { competenceChartSvg } from './views/competence-change.tsx';
import { AttendancePage, ProjectReviewPage, TrainerCohortPage, TrainerCohortsPage } from './views/trainer-pages.tsx';

const Id = Type.String({ maxLength: 12 });
const IdParams = Type.Object({ id: Id });
const SessionParams = Type.Object({ id: Id, sid: Id });
const LocalDateTime = () => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$' });
const SESSION_FIELDS = ['moduleId', 'municipalityId', 'startsAt', 'endsAt', 'mode', 'venue', 'address', 'onlineUrl'];
const SessionForm = Type.Object({
  moduleId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
  municipalityId: FormInteger({ min: 1, max: 2_000_000_000 }),
  startsAt: LocalDateTime(),
  endsAt: LocalDateTime(),
  mode: Type.Union(['in_person', 'online', 'hybrid'].map((m) => Type.Literal(m))),
  venue: Type.Optional(FormText({ max: 200 })),
  address: Type.Optional(FormText({ max: 300 })),
  onlineUrl: Type.Optional(Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$' })),
});
const PROJECT_FIELDS = ['goal', 'organisation', 'steps', 'result', 'action'];
const ProjectForm = Type.Object({
  goal: FormText({ min: 10, max: 3000 }),
  organisation: Type.Optional(FormText({ max: 1000 })),
  steps: Type.Optional(FormText({ max: 5000 })),
  result: Type.Optional(FormText({ max: 5000 })),
});
const PHASES: Record<string, AssessmentPhase> = { vorher: 'before', nachher: 'after' };

/** The trainers' area (/kursleitung) and the trainee's own course pages under /qualifizierung/kohorten. */
export async function trainingRoutes(app: FastifyInstance, { services }: { services: AppServices }) {
  const { db } = services;
  const repo = qualificationRepository(db);
  const training = trainingRepository(db);
  const service = trainingService(services);
  const cohortIdOf = (request: FastifyRequest) => parseId((request.params as { id: string }).id);
  const failed = (form: FormState | undefined) => Boolean(form && Object.keys(form.errors).length);

  // ---------- trainers and the programme office ----------

  app.get('/kursleitung', { schema: { querystring: Type.Object({ seite: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) }) } }, async (request, reply) => {
    const actor = requireUser(request);
    if (!canEnterTrainerArea(actor)) throw AppError.forbidden();
    const page = pageRequest((request.query as { seite?: number }).seite, 25);
    const { items, total } = await training.cohortsLedBy(isProgrammeOffice(actor) ? null : actor.userId, page);
    const title = request.t('qualification.trainer.title');
    return reply.render(
      <TrainerCohortsPage
        result={pageResult(
          items.map((c) => ({ ...c, trainees: Number(c.trainees), sessions: Number(c.sessions), projects_to_review: Number(c.projects_to_review) })),
          total,
          page,
        )}
      />,
      {
        title,
        breadcrumbs: [{ label: title }],
      },
    );
  });

  async function renderCohort(request: FastifyRequest, reply: FastifyReply, sessionForm?: FormState) {
    const actor = requireUser(request);
    const cohort = await service.ledCohort(actor, cohortIdOf(request));
    const [sessions, progress, modules, towns, competence, counts] = await Promise.all([
      training.sessions(cohort.id),
      service.completionOf(cohort),
      repo.modules(cohort.programme_id),
      participatingMunicipalities(db),
      training.competenceChange(cohort.id, cohort.programme_id),
      training.assessmentCounts(cohort.id),
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
        competenceChart={await competenceChartSvg(competence, request.t, request.locale)}
        assessmentCounts={counts}
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

  app.get('/kursleitung/kohorten/:id', { schema: { params: IdParams } }, (request, reply) => renderCohort(request, reply));

  app.post('/kursleitung/kohorten/:id/termine', { schema: { params: IdParams, body: formBodySchema(SESSION_FIELDS, 1000) } }, async (request, reply) => {
    const actor = requireUser(request);
    const cohortId = cohortIdOf(request);
    await service.ledCohort(actor, cohortId);
    const values = typedValues(request.body);
    const parsed = parseForm(SessionForm, request.body);
    const errors = parsed.ok ? {} : { ...parsed.errors };
    const startsAt = values.startsAt ? berlinLocalToInstant(values.startsAt) : null;
    const endsAt = values.endsAt ? berlinLocalToInstant(values.endsAt) : null;
    if (!errors.startsAt && !startsAt) errors.startsAt = { key: 'validation.format' };
    if (!errors.endsAt && !endsAt) errors.endsAt = { key: 'validation.format' };
    const towns = await participatingMunicipalities(db);
    if (parsed.ok && !towns.some((m) => m.id === parsed.value.municipalityId)) errors.municipalityId = { key: 'validation.choice' };
    if (!parsed.ok || Object.keys(errors).length) return renderCohort(request, reply, { values, errors });
    try {
      await service.createSession(actor, cohortId, {
        moduleId: parsed.value.moduleId ?? null,
        municipalityId: parsed.value.municipalityId,
        startsAt: startsAt as Date,
        endsAt: endsAt as Date,
        mode: parsed.value.mode as EventMode,
        venue: parsed.value.venue ?? '',
        address: parsed.value.address ?? '',
        onlineUrl: parsed.value.onlineUrl ?? '',
      });
    } catch (error) {
      if (error instanceof ValidationError) return renderCohort(request, reply, { values, errors: error.fields });
      throw error;
    }
    return reply.flash('success', 'qualification.trainer.session_added').redirect(`/kursleitung/kohorten/${cohortId}`, 303);
  });

  app.post(
    '/kursleitung/kohorten/:id/termine/:sid/absagen',
    { schema: { params: SessionParams, body: Type.Object({}, { additionalProperties: Type.String({ maxLength: 1000 }) }) } },
    async (request, reply) => {
      const actor = requireUser(request);
      const cohortId = cohortIdOf(request);
      const back = `/kursleitung/kohorten/${cohortId}`;
      const sessionId = parseId((request.params as { sid: string }).sid);
      const reason = (typedValues(request.body)[`reason-${sessionId}`] ?? '').trim();
      await service.ledCohort(actor, cohortId);
      if (reason.length < 3) return reply.flash('danger', 'qualification.errors.cancel_reason').redirect(back, 303);
      try {
        await service.cancelSession(actor, cohortId, sessionId, reason);
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey).redirect(back, 303);
        throw error;
      }
      return reply.flash('success', 'qualification.trainer.session_cancelled_done').redirect(back, 303);
    },
  );

  async function attendanceSession(request: FastifyRequest) {
    const actor = requireUser(request);
    const cohortId = cohortIdOf(request);
    await service.ledCohort(actor, cohortId);
    const session = await training.session(cohortId, parseId((request.params as { sid: string }).sid));
    if (!session) throw AppError.notFound();
    return { actor, cohortId, session };
  }

  app.get('/kursleitung/kohorten/:id/termine/:sid/anwesenheit', { schema: { params: SessionParams } }, async (request, reply) => {
    const { cohortId, session } = await attendanceSession(request);
    const trainees = await training.attendanceList(cohortId, session.id);
    const title = request.t('qualification.trainer.attendance_title', { when: '' }).trim();
    return reply.render(<AttendancePage cohortId={cohortId} session={session} trainees={trainees} />, {
      title,
      breadcrumbs: [{ href: '/kursleitung', label: request.t('qualification.trainer.title') }, { href: `/kursleitung/kohorten/${cohortId}`, label: session.title }, { label: title }],
    });
  });

  app.post('/kursleitung/kohorten/:id/termine/:sid/anwesenheit', { schema: { params: SessionParams, body: Type.Object({}, { additionalProperties: true }) } }, async (request, reply) => {
    const { actor, cohortId, session } = await attendanceSession(request);
    const present = new Set(
      formList(request.body, 'present')
        .slice(0, 2000)
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0),
    );
    const back = `/kursleitung/kohorten/${cohortId}/termine/${session.id}/anwesenheit`;
    try {
      const count = await service.recordAttendance(actor, cohortId, session.id, present);
      return reply.flash('success', 'qualification.trainer.attendance_saved', { count }).redirect(back, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey).redirect(back, 303);
      throw error;
    }
  });

  async function renderReview(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    const actor = requireUser(request);
    const cohort = await service.ledCohort(actor, cohortIdOf(request));
    const project = await training.project(cohort.id, parseId((request.params as { pid: string }).pid));
    if (!project) throw AppError.notFound();
    const comments = await training.projectComments(project.id);
    const title = request.t('qualification.trainer.project_title', { name: project.display_name ?? '' });
    return reply.render(<ProjectReviewPage cohortId={cohort.id} project={project} comments={comments} form={form} />, {
      title,
      breadcrumbs: [{ href: '/kursleitung', label: request.t('qualification.trainer.title') }, { href: `/kursleitung/kohorten/${cohort.id}`, label: cohort.title }, { label: title }],
      status: failed(form) ? 422 : 200,
    });
  }

  const ProjectParams = Type.Object({ id: Id, pid: Id });
  app.get('/kursleitung/kohorten/:id/praxisprojekte/:pid', { schema: { params: ProjectParams } }, (request, reply) => renderReview(request, reply));

  app.post(
    '/kursleitung/kohorten/:id/praxisprojekte/:pid',
    {
      schema: {
        params: ProjectParams,
        body: Type.Object(
          { decision: Type.Union([Type.Literal('approved'), Type.Literal('changes_requested'), Type.Literal('comment')]), comment: Type.Optional(Type.String({ maxLength: 5000 })) },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const cohortId = cohortIdOf(request);
      const projectId = parseId((request.params as { pid: string }).pid);
      const body = request.body as { decision: string; comment?: string };
      const decision = body.decision === 'comment' ? null : (body.decision as 'approved' | 'changes_requested');
      const back = `/kursleitung/kohorten/${cohortId}/praxisprojekte/${projectId}`;
      try {
        await service.reviewProject(actor, cohortId, projectId, decision, (body.comment ?? '').trim());
      } catch (error) {
        if (error instanceof ValidationError) return renderReview(request, reply, { values: typedValues(request.body), errors: error.fields });
        if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey).redirect(back, 303);
        throw error;
      }
      return reply.flash('success', decision ? `qualification.trainer.project_${decision}` : 'qualification.trainer.commented').redirect(back, 303);
    },
  );

  // ---------- the trainee ----------

  app.get('/qualifizierung/kohorten/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const actor = requireUser(request);
    const { cohort, enrolment } = await service.ownEnrolment(actor, cohortIdOf(request));
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
        windows={assessmentWindows(sessions, enrolledAt, new Set(done.map((d) => d.phase)))}
        hasItems={items.length > 0}
      />,
      {
        title: `${cohort.programme_title}: ${cohort.title}`,
        breadcrumbs: [{ href: '/qualifizierung', label: request.t('qualification.nav') }, { label: cohort.title }],
      },
    );
  });

  /** The trainee's sessions for their calendar; cancelled ones carry STATUS:CANCELLED so calendars drop them. */
  app.get('/qualifizierung/kohorten/:id/termine.ics', { schema: { params: IdParams } }, async (request, reply) => {
    const actor = requireUser(request);
    const { cohort, enrolment } = await service.ownEnrolment(actor, cohortIdOf(request));
    const sessions = await training.sessionsOfTrainee(cohort.id, enrolment.id);
    const page = `${services.config.baseUrl}/qualifizierung/kohorten/${cohort.id}`;
    const file = calendarFile(services.config.baseUrl, `${cohort.programme_title}: ${cohort.title}`, sessions, undefined, () => page);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="kurs-${cohort.id}.ics"`).header('cache-control', 'private, no-store').send(file);
  });

  async function renderProject(request: FastifyRequest, reply: FastifyReply, form?: FormState) {
    const actor = requireUser(request);
    const { cohort, enrolment } = await service.ownEnrolment(actor, cohortIdOf(request));
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

  app.get('/qualifizierung/kohorten/:id/praxisprojekt', { schema: { params: IdParams } }, (request, reply) => renderProject(request, reply));

  app.post('/qualifizierung/kohorten/:id/praxisprojekt', { schema: { params: IdParams, body: formBodySchema(PROJECT_FIELDS, 6000) } }, async (request, reply) => {
    const actor = requireUser(request);
    const cohortId = cohortIdOf(request);
    const values = typedValues(request.body);
    const parsed = parseForm(ProjectForm, request.body);
    if (!parsed.ok) return renderProject(request, reply, { values, errors: parsed.errors });
    const submit = values.action !== 'draft';
    const back = `/qualifizierung/kohorten/${cohortId}/praxisprojekt`;
    try {
      await service.saveProject(
        actor,
        cohortId,
        { goal: parsed.value.goal, organisation: parsed.value.organisation ?? '', steps: parsed.value.steps ?? '', result: parsed.value.result ?? '' },
        submit,
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey).redirect(back, 303);
      throw error;
    }
    return reply.flash('success', submit ? 'qualification.project.submitted' : 'qualification.project.saved').redirect(back, 303);
  });

  const PhaseParams = Type.Object({ id: Id, phase: Type.Union([Type.Literal('vorher'), Type.Literal('nachher')]) });

  async function renderAssessment(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    const actor = requireUser(request);
    const { cohort, enrolment } = await service.ownEnrolment(actor, cohortIdOf(request));
    const phase = PHASES[(request.params as { phase: string }).phase] as AssessmentPhase;
    const { items, windows } = await service.assessmentState(cohort, enrolment);
    if (!items.length) throw AppError.notFound();
    const window = windows[phase];
    const back = `/qualifizierung/kohorten/${cohort.id}`;
    if (window !== 'open') return reply.flash('info', `qualification.assessment.window.${window}`).redirect(back, 303);
    const title = request.t(`qualification.assessment.${phase}`);
    return reply.render(<AssessmentPage cohortId={cohort.id} phase={phase} items={items} form={form} />, {
      title,
      breadcrumbs: [{ href: '/qualifizierung', label: request.t('qualification.nav') }, { href: back, label: cohort.title }, { label: title }],
      status: failed(form) ? 422 : 200,
    });
  }

  app.get('/qualifizierung/kohorten/:id/selbsteinschaetzung/:phase', { schema: { params: PhaseParams } }, (request, reply) => renderAssessment(request, reply));

  app.post(
    '/qualifizierung/kohorten/:id/selbsteinschaetzung/:phase',
    { schema: { params: PhaseParams, body: Type.Object({}, { additionalProperties: Type.String({ maxLength: 200 }), maxProperties: 200 }) } },
    async (request, reply) => {
      const actor = requireUser(request);
      const cohortId = cohortIdOf(request);
      const phase = PHASES[(request.params as { phase: string }).phase] as AssessmentPhase;
      const values = typedValues(request.body);
      const scores = new Map<number, number>();
      for (const [key, value] of Object.entries(values)) {
        const match = /^item-(\d{1,10})$/.exec(key);
        if (match && /^[1-5]$/.test(value)) scores.set(Number(match[1]), Number(value));
      }
      const back = `/qualifizierung/kohorten/${cohortId}`;
      try {
        await service.submitAssessment(actor, cohortId, phase, scores);
      } catch (error) {
        if (error instanceof ValidationError) return renderAssessment(request, reply, { values, errors: error.fields });
        if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey).redirect(back, 303);
        throw error;
      }
      return reply.flash('success', 'qualification.assessment.thanks').redirect(back, 303);
    },
  );
}
