import { type Static, Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../../platform/http/access.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { FormDate, FormInteger, FormText, formBody, typedValues } from '../../platform/http/forms.ts';
import { parseId } from '../../platform/http/params.ts';
import { Id, IdParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { CertificateCodeParams, certificateCode } from './certificate-code.ts';
import { qualificationRepository } from './repository.ts';
import { type ProgrammeInput, qualificationService } from './service.ts';
import { PROGRAMME_KINDS, TARGET_GROUPS } from './tables.ts';
import { trainingRepository } from './training/repository.ts';
import { trainingService } from './training/service.ts';
import { OfficeCohortPage, OfficeProgrammePage, OfficeProgrammesPage } from './views/office-pages.tsx';
import { OfficeReachPage } from './views/reach-pages.tsx';

const ProgrammeForm = Type.Object({
  kind: Type.Union(PROGRAMME_KINDS.map((k) => Type.Literal(k))),
  targetGroup: Type.Optional(Type.Union(TARGET_GROUPS.map((g) => Type.Literal(g)))),
  title: FormText({ min: 3, max: 200 }),
  description: Type.Optional(FormText({ max: 10000 })),
  minAttendancePercent: FormInteger({ min: 0, max: 100 }),
  requiresProject: Type.Optional(Type.Literal('on')),
  published: Type.Optional(Type.Literal('on')),
});
const ModuleForm = Type.Object({ moduleTitle: FormText({ min: 3, max: 200 }), learningGoals: Type.Optional(FormText({ max: 3000 })), hours: Type.Number({ minimum: 0.5, maximum: 999 }) });
const ItemForm = Type.Object({ statement: FormText({ min: 5, max: 300 }) });
const CohortForm = Type.Object({
  cohortTitle: FormText({ min: 3, max: 200 }),
  municipalityId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
  region: Type.Optional(FormText({ max: 200 })),
  startsOn: FormDate(),
  endsOn: FormDate(),
  capacity: FormInteger({ min: 1, max: 1000 }),
});
const TrainerForm = Type.Object({ trainerId: FormInteger({ min: 1, max: 2_000_000_000 }) });
/** Forms of one list row carry the row's own field names (`note-{id}`, `reason-{code}`). */
const RowFieldsBody = Type.Object({}, { additionalProperties: Type.String({ maxLength: 1000 }) });
const DecisionBody = Type.Object({ decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]) }, { additionalProperties: Type.String({ maxLength: 1000 }) });
const OFFICE = { access: 'office' } as const;

function programmeInput(v: Static<typeof ProgrammeForm>): ProgrammeInput {
  return {
    kind: v.kind,
    targetGroup: v.targetGroup ?? null,
    title: v.title,
    description: v.description ?? '',
    minAttendancePercent: v.minAttendancePercent,
    requiresProject: v.requiresProject === 'on',
    published: v.published === 'on',
  };
}

/** The programme office's pages: programmes, modules, competence items, cohorts, trainers, decisions and certificates. */
export const officeRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = qualificationRepository(db);
  const service = qualificationService(services);
  const training = trainingRepository(db);
  const trainingActions = trainingService(services);
  const programmePage = (id: number, anchor = '') => `/programmbuero/qualifizierung/${id}${anchor}`;
  const cohortPage = (id: number) => `/programmbuero/qualifizierung/kohorten/${id}`;

  async function renderOfficeList(
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState = { values: { kind: 'diversity_manager', minAttendancePercent: '80', requiresProject: 'on' }, errors: {} },
  ) {
    const programmes = await repo.programmes(false);
    return reply.render(<OfficeProgrammesPage programmes={programmes} form={form} />, {
      title: request.t('qualification.office.title'),
      breadcrumbs: [{ href: '/programmbuero', label: request.t('admin.overview.title') }, { label: request.t('qualification.nav') }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/programmbuero/qualifizierung', { config: OFFICE }, (request, reply) => renderOfficeList(request, reply));

  app.get('/programmbuero/qualifizierung/wirkung', { config: OFFICE }, async (request, reply) => {
    const rows = await repo.reachByTargetGroup();
    return reply.render(<OfficeReachPage rows={rows} />, {
      title: request.t('qualification.office.reach_title'),
      breadcrumbs: [{ href: '/programmbuero/qualifizierung', label: request.t('qualification.nav') }, { label: request.t('qualification.office.reach_title') }],
    });
  });

  app.post('/programmbuero/qualifizierung', { config: OFFICE, schema: { body: formBody(ProgrammeForm) } }, async (request, reply) =>
    formAction(reply, {
      body: request.body,
      schema: ProgrammeForm,
      invalid: (form) => renderOfficeList(request, reply, form),
      run: async (value) => {
        const id = await service.createProgramme(signedInActor(request), programmeInput(value));
        return { redirect: programmePage(id), flash: { key: 'common.saved' } };
      },
    }),
  );

  type ProgrammeForms = { programme?: FormState; module?: FormState; cohort?: FormState; item?: FormState };

  async function renderOfficeProgramme(request: FastifyRequest, reply: FastifyReply, programmeId: number, forms: ProgrammeForms = {}) {
    const programme = await repo.programme(programmeId);
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

  app.get('/programmbuero/qualifizierung/:id', { config: OFFICE, schema: { params: IdParams } }, (request, reply) => renderOfficeProgramme(request, reply, parseId(request.params.id)));

  app.post('/programmbuero/qualifizierung/:id', { config: OFFICE, schema: { params: IdParams, body: formBody(ProgrammeForm) } }, async (request, reply) => {
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      schema: ProgrammeForm,
      invalid: (form) => renderOfficeProgramme(request, reply, id, { programme: form }),
      run: async (value) => {
        await service.updateProgramme(signedInActor(request), id, programmeInput(value));
        return { redirect: programmePage(id), flash: { key: 'common.saved' } };
      },
    });
  });

  app.post('/programmbuero/qualifizierung/:id/module', { config: OFFICE, schema: { params: IdParams, body: formBody(ModuleForm) } }, async (request, reply) => {
    const id = parseId(request.params.id);
    // A decimal comma is how hours are written in German.
    const body = { ...request.body, hours: request.body.hours?.replace(',', '.') };
    return formAction(reply, {
      body,
      schema: ModuleForm,
      invalid: (form) => renderOfficeProgramme(request, reply, id, { module: { ...form, values: typedValues(request.body) } }),
      run: async (value) => {
        await service.addModule(signedInActor(request), id, { title: value.moduleTitle, learningGoals: value.learningGoals ?? '', hours: value.hours });
        return { redirect: programmePage(id), flash: { key: 'common.saved' } };
      },
    });
  });

  app.post('/programmbuero/qualifizierung/:id/module/:mid/loeschen', { config: OFFICE, schema: { params: Type.Object({ id: Id, mid: Id }) } }, async (request, reply) => {
    const id = parseId(request.params.id);
    await service.deleteModule(signedInActor(request), id, parseId(request.params.mid));
    return reply.flash('success', 'common.deleted').redirect(programmePage(id), 303);
  });

  app.post('/programmbuero/qualifizierung/:id/kompetenzen', { config: OFFICE, schema: { params: IdParams, body: formBody(ItemForm, [], 1000) } }, async (request, reply) => {
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      schema: ItemForm,
      invalid: (form) => renderOfficeProgramme(request, reply, id, { item: form }),
      run: async (value) => {
        await trainingActions.addItem(signedInActor(request), id, value.statement);
        return { redirect: programmePage(id, '#competence-heading'), flash: { key: 'common.saved' } };
      },
    });
  });

  app.post('/programmbuero/qualifizierung/:id/kompetenzen/:iid/loeschen', { config: OFFICE, schema: { params: Type.Object({ id: Id, iid: Id }) } }, async (request, reply) => {
    const id = parseId(request.params.id);
    const back = programmePage(id, '#competence-heading');
    return formAction(reply, {
      body: request.body,
      invalid: () => reply.redirect(back, 303),
      back,
      run: async () => {
        await trainingActions.deleteItem(signedInActor(request), id, parseId(request.params.iid));
        return { redirect: back, flash: { key: 'common.deleted' } };
      },
    });
  });

  app.post('/programmbuero/qualifizierung/:id/kohorten', { config: OFFICE, schema: { params: IdParams, body: formBody(CohortForm) } }, async (request, reply) => {
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      schema: CohortForm,
      invalid: (form) => renderOfficeProgramme(request, reply, id, { cohort: form }),
      run: async (value) => {
        if (value.municipalityId && !(await participatingMunicipalities(db)).some((m) => m.id === value.municipalityId)) {
          throw new ValidationError({ municipalityId: { key: 'validation.choice' } });
        }
        const cohortId = await service.createCohort(signedInActor(request), id, {
          title: value.cohortTitle,
          municipalityId: value.municipalityId ?? null,
          region: value.region ?? '',
          startsOn: value.startsOn,
          endsOn: value.endsOn,
          capacity: value.capacity,
        });
        return { redirect: cohortPage(cohortId), flash: { key: 'common.saved' } };
      },
    });
  });

  async function renderOfficeCohort(_request: FastifyRequest, reply: FastifyReply, cohortId: number, trainerForm: FormState = EMPTY_FORM) {
    const cohort = await repo.cohort(cohortId);
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
        breadcrumbs: [{ href: programmePage(cohort.programme_id), label: cohort.programme_title }, { label: cohort.title }],
        status: Object.keys(trainerForm.errors).length ? 422 : 200,
      },
    );
  }

  app.get('/programmbuero/qualifizierung/kohorten/:id', { config: OFFICE, schema: { params: IdParams } }, (request, reply) => renderOfficeCohort(request, reply, parseId(request.params.id)));

  app.post('/programmbuero/qualifizierung/kohorten/:id/trainer', { config: OFFICE, schema: { params: IdParams, body: formBody(TrainerForm) } }, async (request, reply) => {
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      schema: TrainerForm,
      invalid: (form) => renderOfficeCohort(request, reply, id, form),
      run: async (value) => {
        await service.addTrainer(signedInActor(request), id, value.trainerId);
        return { redirect: cohortPage(id), flash: { key: 'common.saved' } };
      },
    });
  });

  app.post('/programmbuero/qualifizierung/kohorten/:id/bewerbungen/:eid/zertifikat', { config: OFFICE, schema: { params: Type.Object({ id: Id, eid: Id }) } }, async (request, reply) => {
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      invalid: () => reply.redirect(cohortPage(id), 303),
      back: cohortPage(id),
      run: async () => {
        const code = await service.issueCertificate(signedInActor(request), id, parseId(request.params.eid));
        return { redirect: cohortPage(id), flash: { key: 'qualification.office.issued', params: { code } } };
      },
    });
  });

  app.post('/programmbuero/qualifizierung/zertifikate/:code/widerrufen', { config: OFFICE, schema: { params: CertificateCodeParams, body: RowFieldsBody } }, async (request, reply) => {
    const { normalised, valid } = certificateCode(request.params.code);
    const certificate = valid ? await repo.certificate(normalised) : undefined;
    if (!certificate) throw AppError.notFound();
    const back = cohortPage(certificate.cohort_id);
    const reason = (typedValues(request.body)[`reason-${normalised}`] ?? '').trim();
    return formAction(reply, {
      body: request.body,
      invalid: () => reply.redirect(back, 303),
      back,
      run: async () => {
        await service.revokeCertificate(signedInActor(request), normalised, reason);
        return { redirect: back, flash: { key: 'qualification.office.revoked' } };
      },
    });
  });

  app.post('/programmbuero/qualifizierung/kohorten/:id/bewerbungen/:eid', { config: OFFICE, schema: { params: Type.Object({ id: Id, eid: Id }), body: DecisionBody } }, async (request, reply) => {
    const id = parseId(request.params.id);
    const enrolmentId = parseId(request.params.eid);
    const approve = request.body.decision === 'approve';
    const note = (typedValues(request.body)[`note-${enrolmentId}`] ?? '').trim();
    return formAction(reply, {
      body: request.body,
      invalid: () => reply.redirect(cohortPage(id), 303),
      back: cohortPage(id),
      run: async () => {
        await service.decide(signedInActor(request), id, enrolmentId, approve, note);
        return { redirect: cohortPage(id), flash: { key: approve ? 'qualification.office.approved' : 'qualification.office.rejected' } };
      },
    });
  });
};
