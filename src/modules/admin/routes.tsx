import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { FormDate, FormInteger, FormText, formBody } from '../../platform/http/forms.ts';
import { AgsParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { ConfirmDelete, EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { municipalityOptions, participatingMunicipalities, requireMunicipality } from '../municipalities/index.ts';
import { OFFICE, officeCrumbs } from './crumbs.ts';
import { recordRoutes } from './record-routes.tsx';
import { adminRepository } from './repository.ts';
import { adminService } from './service.ts';
import { userRoutes } from './user-routes.tsx';
import { OverviewPage } from './views/overview-page.tsx';
import { ParticipationPage } from './views/participation-page.tsx';

const ParticipationForm = Type.Object({ municipalityId: FormInteger({ min: 1, max: 2_000_000_000 }), joinedOn: FormDate(), cohort: Type.Optional(FormText({ max: 100 })) });

/** The programme office area (/programmbuero): overview and participating towns here, users and records in their own files. */
export const adminRoutes: ModulePlugin = async (app, options) => {
  const { services } = options;
  const { db } = services;
  const repo = adminRepository(db);
  const service = adminService(services);

  await app.register(userRoutes, options);
  await app.register(recordRoutes, options);

  app.get('/programmbuero', { config: OFFICE }, async (request, reply) => {
    const [counts, participants] = await Promise.all([repo.overviewCounts(), participatingMunicipalities(db)]);
    return reply.render(<OverviewPage counts={{ ...counts, participants: participants.length }} />, {
      title: request.t('admin.overview.title'),
      breadcrumbs: [{ label: request.t('admin.overview.title') }],
    });
  });

  async function renderParticipation(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    const [participants, municipalities] = await Promise.all([participatingMunicipalities(db), municipalityOptions(db)]);
    return reply.render(<ParticipationPage participants={participants} municipalities={municipalities} form={form} />, {
      title: request.t('admin.participation.title'),
      breadcrumbs: officeCrumbs(request, request.t('admin.participation.title')),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/programmbuero/teilnahme', { config: OFFICE }, (request, reply) => renderParticipation(request, reply));

  app.post('/programmbuero/teilnahme', { config: OFFICE, schema: { body: formBody(ParticipationForm) } }, async (request, reply) =>
    formAction(reply, {
      body: request.body,
      schema: ParticipationForm,
      invalid: (form) => renderParticipation(request, reply, form),
      run: async (value) => {
        await service.markParticipation(signedInActor(request), value.municipalityId, value.joinedOn, value.cohort ?? '');
        return { redirect: '/programmbuero/teilnahme', flash: { key: 'admin.participation.saved' } };
      },
    }),
  );

  app.get('/programmbuero/teilnahme/:ags/beenden', { config: OFFICE, schema: { params: AgsParams } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, request.params.ags);
    if (!municipality.joined_on) throw AppError.notFound();
    return reply.render(
      <ConfirmDelete
        name={request.t('admin.participation.end_name', { name: municipality.name })}
        action={`/programmbuero/teilnahme/${municipality.ags}/beenden`}
        cancelHref="/programmbuero/teilnahme"
        note={request.t('admin.participation.end_note')}
      />,
      { title: request.t('common.confirm_delete_title'), breadcrumbs: officeCrumbs(request, request.t('admin.participation.title'), '/programmbuero/teilnahme') },
    );
  });

  app.post('/programmbuero/teilnahme/:ags/beenden', { config: OFFICE, schema: { params: AgsParams } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, request.params.ags);
    await service.endParticipation(signedInActor(request), municipality.id);
    return reply.flash('success', 'admin.participation.ended', { name: municipality.name }).redirect('/programmbuero/teilnahme', 303);
  });
};
