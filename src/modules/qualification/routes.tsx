import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ProgrammeKind, TargetGroup } from './tables.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { FormDate, FormInteger, FormText, formBodySchema, parseForm, typedValues } from '../../platform/http/forms.ts';
import { requireUser } from '../../platform/http/guards.ts';
import { parseId } from '../../platform/http/params.ts';
import { todayInBerlin } from '../../platform/i18n/catalog.ts';
import type { AppServices } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { can } from './policy.ts';
import { qualificationRepository } from './repository.ts';
import { PROGRAMME_KINDS, type ProgrammeInput, qualificationService, TARGET_GROUPS } from './service.ts';
import { OfficeCohortPage, OfficeProgrammePage, OfficeProgrammesPage } from './views/office-pages.tsx';
import { ApplyPage, ProgrammePage, ProgrammesPage } from './views/public-pages.tsx';
import { OfficeReachPage, ReachPage } from './views/reach-pages.tsx';
import { type Verification, VerifyPage } from './views/certificate-pages.tsx';
import { certificatePdf } from './certificate-pdf.ts';
import { trainingRepository } from './training-repository.ts';
import { trainingRoutes } from './training-routes.tsx';
import { trainingService } from './training-service.ts';
import { isProgrammeOffice } from '../../platform/access/actor.ts';

const Id = Type.String({ maxLength: 12 });
const IdParams = Type.Object({ id: Id });

const ProgrammeForm = Type.Object({
  kind: Type.Union(PROGRAMME_KINDS.map((k) => Type.Literal(k))),
  targetGroup: Type.Optional(Type.Union(TARGET_GROUPS.map((g) => Type.Literal(g)))),
  title: FormText({ min: 3, max: 200 }),
  description: Type.Optional(FormText({ max: 10000 })),
  minAttendancePercent: FormInteger({ min: 0, max: 100 }),
  requiresProject: Type.Optional(Type.Literal('on')),
  published: Type.Optional(Type.Literal('on')),
});
const PROGRAMME_FIELDS = ['kind', 'targetGroup', 'title', 'description', 'minAttendancePercent', 'requiresProject', 'published'];
const ModuleForm = Type.Object({ moduleTitle: FormText({ min: 3, max: 200 }), learningGoals: Type.Optional(FormText({ max: 3000 })), hours: Type.Number({ minimum: 0.5, maximum: 999 }) });
const CohortForm = Type.Object({
  cohortTitle: FormText({ min: 3, max: 200 }),
  municipalityId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
  region: Type.Optional(FormText({ max: 200 })),
  startsOn: FormDate(),
  endsOn: FormDate(),
  capacity: FormInteger({ min: 1, max: 1000 }),
});
const ApplyForm = Type.Object({ motivation: FormText({ min: 20, max: 3000 }) });
const ActivityForm = Type.Object({
  occurredOn: FormDate(),
  description: FormText({ min: 3, max: 1000 }),
  targetGroup: Type.Union(TARGET_GROUPS.map((g) => Type.Literal(g))),
  peopleReached: FormInteger({ min: 1, max: 100000 }),
  municipalityId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
});

function readProgramme(body: unknown): { ok: true; value: ProgrammeInput } | { ok: false; errors: FieldErrors } {
  const parsed = parseForm(ProgrammeForm, body);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return {
    ok: true,
    value: {
      kind: v.kind as ProgrammeKind,
      targetGroup: (v.targetGroup as TargetGroup | undefined) ?? null,
      title: v.title,
      description: v.description ?? '',
      minAttendancePercent: v.minAttendancePercent,
      requiresProject: v.requiresProject === 'on',
      published: v.published === 'on',
    },
  };
}

export const qualificationRoutes: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  const { db } = services;
  const repo = qualificationRepository(db);
  const service = qualificationService(services);
  const training = trainingRepository(db);
  const trainingActions = trainingService(services);

  // ---------- public ----------

  app.get('/qualifizierung', async (request, reply) => {
    const userId = request.actor.kind === 'user' ? request.actor.userId : null;
    const [programmes, multiplier, mine] = await Promise.all([
      repo.programmes(true),
      userId === null ? Promise.resolve(false) : repo.isMultiplier(userId),
      userId === null ? Promise.resolve([]) : repo.enrolmentsOfUser(userId),
    ]);
    return reply.render(<ProgrammesPage programmes={programmes} multiplier={multiplier} mine={mine} />, {
      title: request.t('qualification.public.title'),
      breadcrumbs: [{ label: request.t('qualification.nav') }],
    });
  });

  async function visibleProgramme(request: FastifyRequest) {
    const programme = await repo.programme(parseId((request.params as { id: string }).id));
    if (!programme || !can(request.actor, 'view', programme)) throw AppError.notFound();
    return programme;
  }

  app.get('/qualifizierung/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const programme = await visibleProgramme(request);
    const [modules, cohorts] = await Promise.all([repo.modules(programme.id), repo.cohorts(programme.id)]);
    return reply.render(<ProgrammePage programme={{ ...programme, modules: modules.length, hours: 0, open_cohorts: 0 }} modules={modules} cohorts={cohorts} />, {
      title: programme.title,
      breadcrumbs: [{ href: '/qualifizierung', label: request.t('qualification.nav') }, { label: programme.title }],
    });
  });

  async function renderApply(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    const actor = requireUser(request);
    const cohort = await repo.cohort(parseId((request.params as { id: string }).id));
    if (!cohort || !can(actor, 'view', { published: cohort.programme_published })) throw AppError.notFound();
    const existing = await repo.enrolmentOf(cohort.id, actor.userId);
    const title = request.t('qualification.apply.title', { programme: cohort.programme_title });
    return reply.render(<ApplyPage cohort={cohort} form={form} existing={existing ?? null} />, {
      title,
      breadcrumbs: [{ href: `/qualifizierung/${cohort.programme_id}`, label: cohort.programme_title }, { label: request.t('qualification.apply.crumb') }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/qualifizierung/kohorten/:id/bewerbung', { schema: { params: IdParams } }, (request, reply) => renderApply(request, reply));

  app.post('/qualifizierung/kohorten/:id/bewerbung', { schema: { params: IdParams, body: formBodySchema(['motivation'], 4000) } }, async (request, reply) => {
    const actor = requireUser(request);
    const cohortId = parseId((request.params as { id: string }).id);
    const parsed = parseForm(ApplyForm, request.body);
    if (!parsed.ok) return renderApply(request, reply, { values: typedValues(request.body), errors: parsed.errors });
    const back = `/qualifizierung/kohorten/${cohortId}/bewerbung`;
    try {
      await service.apply(actor, cohortId, parsed.value.motivation);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'forbidden') && error.messageKey.startsWith('qualification.')) {
        return reply.flash('danger', error.messageKey).redirect(back, 303);
      }
      throw error;
    }
    return reply.flash('success', 'qualification.apply.sent').redirect(back, 303);
  });

  // ---------- certificates ----------

  const CODE = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
  const normalise = (raw: string) => {
    const compact = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
    return compact.length === 12 ? `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}` : raw.trim().toUpperCase();
  };

  app.get('/zertifikate', { schema: { querystring: Type.Object({ code: Type.Optional(Type.String({ maxLength: 40 })) }) } }, async (request, reply) => {
    const code = (request.query as { code?: string }).code;
    if (code?.trim()) return reply.redirect(`/zertifikate/${encodeURIComponent(normalise(code))}`, 303);
    const title = request.t('qualification.verify.title');
    return reply.render(<VerifyPage code="" result={null} />, { title, breadcrumbs: [{ label: title }] });
  });

  /** Public: confirms name, programme and date of a genuine certificate, nothing more. */
  app.get('/zertifikate/:code', { schema: { params: Type.Object({ code: Type.String({ maxLength: 40 }) }) } }, async (request, reply) => {
    const code = normalise((request.params as { code: string }).code);
    const certificate = CODE.test(code) ? await repo.certificate(code) : undefined;
    const result: Verification = certificate
      ? {
          state: certificate.revoked_at ? 'revoked' : 'valid',
          holder: certificate.holder_name,
          programme: certificate.programme_title,
          issuedOn: certificate.issued_on,
          revokedAt: certificate.revoked_at,
        }
      : { state: 'unknown' };
    const title = request.t('qualification.verify.title');
    return reply.render(<VerifyPage code={code} result={result} />, { title, breadcrumbs: [{ href: '/zertifikate', label: title }, { label: code }], status: certificate ? 200 : 404 });
  });

  /** The PDF for the holder and the programme office; the public check is the page above. */
  app.get('/zertifikate/:code/pdf', { schema: { params: Type.Object({ code: Type.String({ maxLength: 40 }) }) } }, async (request, reply) => {
    const actor = requireUser(request);
    const code = normalise((request.params as { code: string }).code);
    const certificate = CODE.test(code) ? await repo.certificate(code) : undefined;
    if (!certificate || (certificate.user_id !== actor.userId && !isProgrammeOffice(actor))) throw AppError.notFound();
    const modules = await repo.modules(certificate.programme_id);
    const pdf = await certificatePdf(
      {
        holderName: certificate.holder_name,
        programmeTitle: certificate.programme_title,
        modules: modules.map((m) => ({ title: m.title, hours: Number(m.hours) })),
        totalHours: Number(certificate.total_hours),
        issuedOn: certificate.issued_on,
        code: certificate.code,
        verifyUrl: `${services.config.baseUrl}/zertifikate/${certificate.code}`,
      },
      request.t,
      request.locale,
    );
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="zertifikat-${certificate.code}.pdf"`).header('cache-control', 'no-store').send(pdf);
  });

  // ---------- multipliers' reach ----------

  async function renderReach(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    const actor = requireUser(request);
    if (!(await repo.isMultiplier(actor.userId))) throw AppError.forbidden('qualification.errors.not_multiplier');
    const [activities, total, towns] = await Promise.all([repo.activitiesOf(actor.userId, 200), repo.reachOf(actor.userId), participatingMunicipalities(db)]);
    return reply.render(<ReachPage activities={activities} total={total} form={form} towns={towns} />, {
      title: request.t('qualification.reach.title'),
      breadcrumbs: [{ href: '/qualifizierung', label: request.t('qualification.nav') }, { label: request.t('qualification.reach.title') }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/qualifizierung/meine-wirkung', (request, reply) => renderReach(request, reply));

  app.post('/qualifizierung/meine-wirkung', { schema: { body: formBodySchema(['occurredOn', 'description', 'targetGroup', 'peopleReached', 'municipalityId'], 2000) } }, async (request, reply) => {
    const actor = requireUser(request);
    if (!(await repo.isMultiplier(actor.userId))) throw AppError.forbidden('qualification.errors.not_multiplier');
    const values = typedValues(request.body);
    const parsed = parseForm(ActivityForm, request.body);
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    if (!errors.occurredOn && values.occurredOn && values.occurredOn > todayInBerlin()) errors.occurredOn = { key: 'qualification.errors.future_date' };
    const towns = await participatingMunicipalities(db);
    if (parsed.ok && parsed.value.municipalityId && !towns.some((m) => m.id === parsed.value.municipalityId)) errors.municipalityId = { key: 'validation.choice' };
    if (!parsed.ok || Object.keys(errors).length) return renderReach(request, reply, { values, errors });
    await service.logActivity(actor, { ...parsed.value, targetGroup: parsed.value.targetGroup as TargetGroup, municipalityId: parsed.value.municipalityId ?? null });
    return reply.flash('success', 'qualification.reach.saved').redirect('/qualifizierung/meine-wirkung', 303);
  });

  app.post('/qualifizierung/meine-wirkung/:id/loeschen', { schema: { params: IdParams } }, async (request, reply) => {
    const actor = requireUser(request);
    await service.deleteActivity(actor, parseId((request.params as { id: string }).id));
    return reply.flash('success', 'common.deleted').redirect('/qualifizierung/meine-wirkung', 303);
  });

  // ---------- programme office ----------

  function office(request: FastifyRequest) {
    const actor = requireUser(request);
    if (!can(actor, 'manage', { published: false })) throw AppError.forbidden();
    return actor;
  }

  async function renderOfficeList(
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState = { values: { kind: 'diversity_manager', minAttendancePercent: '80', requiresProject: 'on' }, errors: {} },
  ) {
    office(request);
    const programmes = await repo.programmes(false);
    return reply.render(<OfficeProgrammesPage programmes={programmes} form={form} />, {
      title: request.t('qualification.office.title'),
      breadcrumbs: [{ href: '/programmbuero', label: request.t('admin.overview.title') }, { label: request.t('qualification.nav') }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/programmbuero/qualifizierung', (request, reply) => renderOfficeList(request, reply));

  app.get('/programmbuero/qualifizierung/wirkung', async (request, reply) => {
    office(request);
    const rows = await repo.reachByTargetGroup();
    return reply.render(<OfficeReachPage rows={rows} />, {
      title: request.t('qualification.office.reach_title'),
      breadcrumbs: [{ href: '/programmbuero/qualifizierung', label: request.t('qualification.nav') }, { label: request.t('qualification.office.reach_title') }],
    });
  });

  app.post('/programmbuero/qualifizierung', { schema: { body: formBodySchema(PROGRAMME_FIELDS) } }, async (request, reply) => {
    const actor = office(request);
    const read = readProgramme(request.body);
    const values = typedValues(request.body);
    if (!read.ok) return renderOfficeList(request, reply, { values, errors: read.errors });
    try {
      const id = await service.createProgramme(actor, read.value);
      return reply.flash('success', 'common.saved').redirect(`/programmbuero/qualifizierung/${id}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderOfficeList(request, reply, { values, errors: error.fields });
      throw error;
    }
  });

  async function renderOfficeProgramme(request: FastifyRequest, reply: FastifyReply, forms: { programme?: FormState; module?: FormState; cohort?: FormState; item?: FormState } = {}) {
    office(request);
    const programme = await repo.programme(parseId((request.params as { id: string }).id));
    if (!programme) throw AppError.notFound();
    const [modules, cohorts, towns, items] = await Promise.all([repo.modules(programme.id), repo.cohorts(programme.id), participatingMunicipalities(db), training.items(programme.id)]);
    const programmeForm = forms.programme ?? {
      values: {
        kind: programme.kind,
        targetGroup: programme.target_group ?? '',
        title: programme.title,
        description: programme.description,
        minAttendancePercent: String(programme.min_attendance_percent),
        requiresProject: programme.requires_project ? 'on' : '',
        published: programme.published ? 'on' : '',
      },
      errors: {},
    };
    const failed = [forms.programme, forms.module, forms.cohort, forms.item].some((f) => f && Object.keys(f.errors).length);
    return reply.render(
      <OfficeProgrammePage
        programmeId={programme.id}
        programmeForm={{ ...programmeForm, values: { ...programmeForm.values, title: programmeForm.values.title || programme.title } }}
        moduleForm={forms.module ?? EMPTY_FORM}
        cohortForm={forms.cohort ?? { values: { capacity: '20' }, errors: {} }}
        itemForm={forms.item ?? EMPTY_FORM}
        items={items}
        modules={modules}
        cohorts={cohorts}
        towns={towns}
      />,
      {
        title: programme.title,
        breadcrumbs: [{ href: '/programmbuero/qualifizierung', label: request.t('qualification.nav') }, { label: programme.title }],
        status: failed ? 422 : 200,
      },
    );
  }

  app.get('/programmbuero/qualifizierung/:id', { schema: { params: IdParams } }, (request, reply) => renderOfficeProgramme(request, reply));

  app.post('/programmbuero/qualifizierung/:id', { schema: { params: IdParams, body: formBodySchema(PROGRAMME_FIELDS) } }, async (request, reply) => {
    const actor = office(request);
    const id = parseId((request.params as { id: string }).id);
    const values = typedValues(request.body);
    const read = readProgramme(request.body);
    if (!read.ok) return renderOfficeProgramme(request, reply, { programme: { values, errors: read.errors } });
    try {
      await service.updateProgramme(actor, id, read.value);
    } catch (error) {
      if (error instanceof ValidationError) return renderOfficeProgramme(request, reply, { programme: { values, errors: error.fields } });
      throw error;
    }
    return reply.flash('success', 'common.saved').redirect(`/programmbuero/qualifizierung/${id}`, 303);
  });

  app.post('/programmbuero/qualifizierung/:id/module', { schema: { params: IdParams, body: formBodySchema(['moduleTitle', 'learningGoals', 'hours']) } }, async (request, reply) => {
    const actor = office(request);
    const id = parseId((request.params as { id: string }).id);
    const body = { ...typedValues(request.body), hours: typedValues(request.body).hours?.replace(',', '.') };
    const parsed = parseForm(ModuleForm, body);
    if (!parsed.ok) return renderOfficeProgramme(request, reply, { module: { values: typedValues(request.body), errors: parsed.errors } });
    await service.addModule(actor, id, { title: parsed.value.moduleTitle, learningGoals: parsed.value.learningGoals ?? '', hours: parsed.value.hours });
    return reply.flash('success', 'common.saved').redirect(`/programmbuero/qualifizierung/${id}`, 303);
  });

  app.post('/programmbuero/qualifizierung/:id/module/:mid/loeschen', { schema: { params: Type.Object({ id: Id, mid: Id }) } }, async (request, reply) => {
    const actor = office(request);
    const { id, mid } = request.params as { id: string; mid: string };
    await service.deleteModule(actor, parseId(id), parseId(mid));
    return reply.flash('success', 'common.deleted').redirect(`/programmbuero/qualifizierung/${parseId(id)}`, 303);
  });

  app.post('/programmbuero/qualifizierung/:id/kompetenzen', { schema: { params: IdParams, body: formBodySchema(['statement'], 1000) } }, async (request, reply) => {
    const actor = office(request);
    const id = parseId((request.params as { id: string }).id);
    const parsed = parseForm(Type.Object({ statement: FormText({ min: 5, max: 300 }) }), request.body);
    if (!parsed.ok) return renderOfficeProgramme(request, reply, { item: { values: typedValues(request.body), errors: parsed.errors } });
    await trainingActions.addItem(actor, id, parsed.value.statement);
    return reply.flash('success', 'common.saved').redirect(`/programmbuero/qualifizierung/${id}#competence-heading`, 303);
  });

  app.post('/programmbuero/qualifizierung/:id/kompetenzen/:iid/loeschen', { schema: { params: Type.Object({ id: Id, iid: Id }) } }, async (request, reply) => {
    const actor = office(request);
    const { id, iid } = request.params as { id: string; iid: string };
    try {
      await trainingActions.deleteItem(actor, parseId(id), parseId(iid));
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey).redirect(`/programmbuero/qualifizierung/${parseId(id)}#competence-heading`, 303);
      throw error;
    }
    return reply.flash('success', 'common.deleted').redirect(`/programmbuero/qualifizierung/${parseId(id)}#competence-heading`, 303);
  });

  app.post(
    '/programmbuero/qualifizierung/:id/kohorten',
    { schema: { params: IdParams, body: formBodySchema(['cohortTitle', 'municipalityId', 'region', 'startsOn', 'endsOn', 'capacity']) } },
    async (request, reply) => {
      const actor = office(request);
      const id = parseId((request.params as { id: string }).id);
      const values = typedValues(request.body);
      const parsed = parseForm(CohortForm, request.body);
      if (!parsed.ok) return renderOfficeProgramme(request, reply, { cohort: { values, errors: parsed.errors } });
      const towns = await participatingMunicipalities(db);
      if (parsed.value.municipalityId && !towns.some((m) => m.id === parsed.value.municipalityId)) {
        return renderOfficeProgramme(request, reply, { cohort: { values, errors: { municipalityId: { key: 'validation.choice' } } } });
      }
      try {
        const cohortId = await service.createCohort(actor, id, {
          title: parsed.value.cohortTitle,
          municipalityId: parsed.value.municipalityId ?? null,
          region: parsed.value.region ?? '',
          startsOn: parsed.value.startsOn,
          endsOn: parsed.value.endsOn,
          capacity: parsed.value.capacity,
        });
        return reply.flash('success', 'common.saved').redirect(`/programmbuero/qualifizierung/kohorten/${cohortId}`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return renderOfficeProgramme(request, reply, { cohort: { values, errors: error.fields } });
        throw error;
      }
    },
  );

  async function renderOfficeCohort(request: FastifyRequest, reply: FastifyReply, trainerForm: FormState = EMPTY_FORM) {
    office(request);
    const cohort = await repo.cohort(parseId((request.params as { id: string }).id));
    if (!cohort) throw AppError.notFound();
    const [trainers, candidates, enrolments, certificates, progress] = await Promise.all([
      repo.trainers(cohort.id),
      repo.trainerCandidates(),
      repo.enrolments(cohort.id),
      repo.certificatesOfCohort(cohort.id),
      trainingActions.completionOf(cohort),
    ]);
    return reply.render(
      <OfficeCohortPage cohort={cohort} trainers={trainers} candidates={candidates} enrolments={enrolments} trainerForm={trainerForm} certificates={certificates} progress={progress} />,
      {
        title: `${cohort.programme_title}: ${cohort.title}`,
        breadcrumbs: [{ href: `/programmbuero/qualifizierung/${cohort.programme_id}`, label: cohort.programme_title }, { label: cohort.title }],
        status: Object.keys(trainerForm.errors).length ? 422 : 200,
      },
    );
  }

  app.get('/programmbuero/qualifizierung/kohorten/:id', { schema: { params: IdParams } }, (request, reply) => renderOfficeCohort(request, reply));

  app.post('/programmbuero/qualifizierung/kohorten/:id/trainer', { schema: { params: IdParams, body: formBodySchema(['trainerId']) } }, async (request, reply) => {
    const actor = office(request);
    const id = parseId((request.params as { id: string }).id);
    const parsed = parseForm(Type.Object({ trainerId: FormInteger({ min: 1, max: 2_000_000_000 }) }), request.body);
    if (!parsed.ok) return renderOfficeCohort(request, reply, { values: typedValues(request.body), errors: parsed.errors });
    try {
      await service.addTrainer(actor, id, parsed.value.trainerId);
    } catch (error) {
      if (error instanceof ValidationError) return renderOfficeCohort(request, reply, { values: typedValues(request.body), errors: error.fields });
      throw error;
    }
    return reply.flash('success', 'common.saved').redirect(`/programmbuero/qualifizierung/kohorten/${id}`, 303);
  });

  app.post('/programmbuero/qualifizierung/kohorten/:id/bewerbungen/:eid/zertifikat', { schema: { params: Type.Object({ id: Id, eid: Id }) } }, async (request, reply) => {
    const actor = office(request);
    const { id, eid } = request.params as { id: string; eid: string };
    const back = `/programmbuero/qualifizierung/kohorten/${parseId(id)}`;
    try {
      const code = await service.issueCertificate(actor, parseId(id), parseId(eid));
      return reply.flash('success', 'qualification.office.issued', { code }).redirect(back, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey).redirect(back, 303);
      throw error;
    }
  });

  app.post(
    '/programmbuero/qualifizierung/zertifikate/:code/widerrufen',
    { schema: { params: Type.Object({ code: Type.String({ maxLength: 40 }) }), body: Type.Object({}, { additionalProperties: Type.String({ maxLength: 1000 }) }) } },
    async (request, reply) => {
      const actor = office(request);
      const code = normalise((request.params as { code: string }).code);
      const certificate = CODE.test(code) ? await repo.certificate(code) : undefined;
      if (!certificate) throw AppError.notFound();
      const back = `/programmbuero/qualifizierung/kohorten/${certificate.cohort_id}`;
      const reason = ((request.body as Record<string, string>)[`reason-${code}`] ?? '').trim();
      if (reason.length < 3) return reply.flash('danger', 'qualification.errors.revoke_reason').redirect(back, 303);
      try {
        await service.revokeCertificate(actor, code, reason);
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey).redirect(back, 303);
        throw error;
      }
      return reply.flash('success', 'qualification.office.revoked').redirect(back, 303);
    },
  );

  app.post(
    '/programmbuero/qualifizierung/kohorten/:id/bewerbungen/:eid',
    {
      schema: {
        params: Type.Object({ id: Id, eid: Id }),
        body: Type.Object({ decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]) }, { additionalProperties: Type.String({ maxLength: 1000 }) }),
      },
    },
    async (request, reply) => {
      const actor = office(request);
      const { id, eid } = request.params as { id: string; eid: string };
      const body = request.body as Record<string, string>;
      const back = `/programmbuero/qualifizierung/kohorten/${parseId(id)}`;
      try {
        await service.decide(actor, parseId(id), parseId(eid), body.decision === 'approve', (body[`note-${parseId(eid)}`] ?? '').trim());
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey).redirect(back, 303);
        throw error;
      }
      return reply.flash('success', body.decision === 'approve' ? 'qualification.office.approved' : 'qualification.office.rejected').redirect(back, 303);
    },
  );

  await trainingRoutes(app, { services });
};
