import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isProgrammeOffice } from '../../platform/access/actor.ts';
import { signedInActor } from '../../platform/http/access.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { FormDate, FormInteger, FormText, formBody } from '../../platform/http/forms.ts';
import { parseId } from '../../platform/http/params.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { todayInBerlin } from '../../platform/i18n/catalog.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { CertificateCodeParams, certificateCode } from './certificate-code.ts';
import { can } from './policy.ts';
import { qualificationRepository } from './repository.ts';
import { qualificationService } from './service.ts';
import { TARGET_GROUPS } from './tables.ts';
import { type Verification, VerifyPage } from './views/certificate-pages.tsx';
import { ApplyPage, ProgrammePage, ProgrammesPage } from './views/public-pages.tsx';
import { ReachPage } from './views/reach-pages.tsx';

const ApplyForm = Type.Object({ motivation: FormText({ min: 20, max: 3000 }) });
const ActivityForm = Type.Object({
  occurredOn: FormDate(),
  description: FormText({ min: 3, max: 1000 }),
  targetGroup: Type.Union(TARGET_GROUPS.map((g) => Type.Literal(g))),
  peopleReached: FormInteger({ min: 1, max: 100000 }),
  municipalityId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
});

/** The public programme pages, applications, the certificate check and the multipliers' reach log. */
export const publicRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = qualificationRepository(db);
  const service = qualificationService(services);

  app.get('/qualifizierung', { config: { access: 'public' } }, async (request, reply) => {
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

  app.get('/qualifizierung/:id', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) => {
    const programme = await repo.programme(parseId(request.params.id));
    if (!programme || !can(request.actor, 'view', programme)) throw AppError.notFound();
    const [modules, cohorts] = await Promise.all([repo.modules(programme.id), repo.cohorts(programme.id)]);
    return reply.render(<ProgrammePage programme={{ ...programme, modules: modules.length, hours: 0, open_cohorts: 0 }} modules={modules} cohorts={cohorts} />, {
      title: programme.title,
      breadcrumbs: [{ href: '/qualifizierung', label: request.t('qualification.nav') }, { label: programme.title }],
    });
  });

  async function renderApply(request: FastifyRequest, reply: FastifyReply, cohortId: number, form: FormState = EMPTY_FORM) {
    const actor = signedInActor(request);
    const cohort = await repo.cohort(cohortId);
    if (!cohort || !can(actor, 'view', { published: cohort.programme_published })) throw AppError.notFound();
    const existing = await repo.enrolmentOf(cohort.id, actor.userId);
    const title = request.t('qualification.apply.title', { programme: cohort.programme_title });
    return reply.render(<ApplyPage cohort={cohort} form={form} existing={existing ?? null} />, {
      title,
      breadcrumbs: [{ href: `/qualifizierung/${cohort.programme_id}`, label: cohort.programme_title }, { label: request.t('qualification.apply.crumb') }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/qualifizierung/kohorten/:id/bewerbung', { config: { access: 'signedIn' }, schema: { params: IdParams } }, (request, reply) => renderApply(request, reply, parseId(request.params.id)));

  app.post('/qualifizierung/kohorten/:id/bewerbung', { config: { access: 'signedIn' }, schema: { params: IdParams, body: formBody(ApplyForm, [], 4000) } }, async (request, reply) => {
    const cohortId = parseId(request.params.id);
    const back = `/qualifizierung/kohorten/${cohortId}/bewerbung`;
    return formAction(reply, {
      body: request.body,
      schema: ApplyForm,
      invalid: (form) => renderApply(request, reply, cohortId, form),
      back,
      run: async (value) => {
        await service.apply(signedInActor(request), cohortId, value.motivation);
        return { redirect: back, flash: { key: 'qualification.apply.sent' } };
      },
    });
  });

  // ---------- certificates ----------

  app.get('/zertifikate', { config: { access: 'public' }, schema: { querystring: Type.Object({ code: Type.Optional(Type.String({ maxLength: 40 })) }) } }, async (request, reply) => {
    const code = request.query.code;
    if (code?.trim()) return reply.redirect(`/zertifikate/${encodeURIComponent(certificateCode(code).normalised)}`, 303);
    const title = request.t('qualification.verify.title');
    return reply.render(<VerifyPage code="" result={null} />, { title, breadcrumbs: [{ label: title }] });
  });

  /** Public: confirms name, programme and date of a genuine certificate, nothing more. */
  app.get('/zertifikate/:code', { config: { access: 'public' }, schema: { params: CertificateCodeParams } }, async (request, reply) => {
    const { normalised, valid } = certificateCode(request.params.code);
    const certificate = valid ? await repo.certificate(normalised) : undefined;
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
    return reply.render(<VerifyPage code={normalised} result={result} />, {
      title,
      breadcrumbs: [{ href: '/zertifikate', label: title }, { label: normalised }],
      status: certificate ? 200 : 404,
    });
  });

  /** The PDF for the holder and the programme office; the public check is the page above. For anyone else the certificate does not exist. */
  app.get('/zertifikate/:code/pdf', { config: { access: 'signedIn' }, schema: { params: CertificateCodeParams } }, async (request, reply) => {
    const actor = signedInActor(request);
    const { normalised, valid } = certificateCode(request.params.code);
    const certificate = valid ? await repo.certificate(normalised) : undefined;
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

  /** Only multipliers (an accepted place in a multiplier training) keep a reach log; everyone else is refused. */
  async function multiplier(request: FastifyRequest) {
    const actor = signedInActor(request);
    if (!(await repo.isMultiplier(actor.userId))) throw AppError.forbidden('qualification.errors.not_multiplier');
    return actor;
  }

  async function renderReach(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    const actor = await multiplier(request);
    const [activities, total, towns] = await Promise.all([repo.activitiesOf(actor.userId, 200), repo.reachOf(actor.userId), participatingMunicipalities(db)]);
    return reply.render(<ReachPage activities={activities} total={total} form={form} towns={towns} />, {
      title: request.t('qualification.reach.title'),
      breadcrumbs: [{ href: '/qualifizierung', label: request.t('qualification.nav') }, { label: request.t('qualification.reach.title') }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/qualifizierung/meine-wirkung', { config: { access: 'signedIn' } }, (request, reply) => renderReach(request, reply));

  app.post('/qualifizierung/meine-wirkung', { config: { access: 'signedIn' }, schema: { body: formBody(ActivityForm, [], 2000) } }, async (request, reply) => {
    const actor = await multiplier(request);
    return formAction(reply, {
      body: request.body,
      schema: ActivityForm,
      invalid: (form) => renderReach(request, reply, form),
      run: async (value) => {
        const errors: FieldErrors = {};
        if (value.occurredOn > todayInBerlin()) errors.occurredOn = { key: 'qualification.errors.future_date' };
        if (value.municipalityId && !(await participatingMunicipalities(db)).some((m) => m.id === value.municipalityId)) errors.municipalityId = { key: 'validation.choice' };
        if (Object.keys(errors).length) throw new ValidationError(errors);
        await service.logActivity(actor, { ...value, municipalityId: value.municipalityId ?? null });
        return { redirect: '/qualifizierung/meine-wirkung', flash: { key: 'qualification.reach.saved' } };
      },
    });
  });

  app.post('/qualifizierung/meine-wirkung/:id/loeschen', { config: { access: 'signedIn' }, schema: { params: IdParams } }, async (request, reply) => {
    await service.deleteActivity(signedInActor(request), parseId(request.params.id));
    return reply.flash('success', 'common.deleted').redirect('/qualifizierung/meine-wirkung', 303);
  });
};
