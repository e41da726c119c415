import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../../platform/http/access.ts';
import { checkInReturnQuery } from './check-in-return.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { AgsIdParams } from '../../platform/http/schemas.ts';
import { type Cell, toCsv, toXlsx } from '../../platform/http/tables.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { managedTown } from '../municipalities/index.ts';
import { TOWN } from './manage-routes.tsx';
import { registrationService } from './registration.ts';
import { eventRepository } from './repository.ts';
import { AttendanceBody, CheckInQuery, ExportParams, RegistrationParams, WalkInForm } from './schemas.ts';
import { eventService } from './service.ts';
import { signatureListPdf } from './signature-list.ts';
import { CheckInPage } from './views/manage-pages.tsx';

/**
 * The registrations of an event of the managed town: the check-in at the door, walk-ins, and the
 * downloads with names (export, signature list, its signed scan), each recorded in the audit log.
 */
export const checkInRoutes: ModulePlugin = async (app, { services }) => {
  const repo = eventRepository(services.db);
  const service = eventService(services);
  const registrations = registrationService(services);
  const listOf = (ags: string, eventId: number) => `/verwaltung/${ags}/veranstaltungen/${eventId}/anmeldungen`;

  async function renderCheckIn(request: FastifyRequest, reply: FastifyReply, eventId: number, query: { suche?: string; seite?: string }, walkInForm: FormState = EMPTY_FORM) {
    const town = managedTown(request);
    const event = await service.ofTown(town, eventId);
    const search = query.suche?.trim() ?? '';
    const page = pageRequest(pageNumber(query.seite), 50);
    const { items, total } = await repo.registrations(event.id, { search: search || undefined }, page);
    return reply.render(<CheckInPage ags={town.ags} event={event} result={pageResult(items, total, page)} search={search} walkInForm={walkInForm} />, {
      title: request.t('events.manage.check_in_title', { title: event.title }),
      breadcrumbs: [{ href: `/verwaltung/${town.ags}/veranstaltungen/${event.id}`, label: event.title }, { label: request.t('events.manage.check_in') }],
      status: Object.keys(walkInForm.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/veranstaltungen/:id/anmeldungen', { config: TOWN, schema: { params: AgsIdParams, querystring: CheckInQuery } }, (request, reply) =>
    renderCheckIn(request, reply, parseId(request.params.id), request.query),
  );

  app.post('/verwaltung/:ags/veranstaltungen/:id/anmeldungen/:rid/anwesenheit', { config: TOWN, schema: { params: RegistrationParams, body: AttendanceBody } }, async (request, reply) => {
    const town = managedTown(request);
    const eventId = parseId(request.params.id);
    await service.setAttendance(signedInActor(request), town, eventId, parseId(request.params.rid), request.body.attended === 'yes');
    return reply.redirect(`${listOf(town.ags, eventId)}${checkInReturnQuery(request.headers.referer, eventId)}`, 303);
  });

  app.post('/verwaltung/:ags/veranstaltungen/:id/anmeldungen/:rid/stornieren', { config: TOWN, schema: { params: RegistrationParams } }, async (request, reply) => {
    const town = managedTown(request);
    const event = await service.ofTown(town, parseId(request.params.id));
    const back = listOf(town.ags, event.id);
    return formAction(reply, {
      body: request.body,
      back,
      invalid: () => reply.redirect(back, 303),
      run: async () => {
        await registrations.cancelByCoordinator(signedInActor(request), event, parseId(request.params.rid));
        return { redirect: back, flash: { key: 'events.manage.registration_cancelled' } };
      },
    });
  });

  app.post('/verwaltung/:ags/veranstaltungen/:id/nachmeldung', { config: TOWN, schema: { params: AgsIdParams, body: formBody(WalkInForm, [], 500) } }, async (request, reply) => {
    const town = managedTown(request);
    const event = await service.ofTown(town, parseId(request.params.id));
    return formAction(reply, {
      body: request.body,
      schema: WalkInForm,
      invalid: (form) => renderCheckIn(request, reply, event.id, {}, form),
      run: async (value) => {
        await registrations.addWalkIn(signedInActor(request), event, { ...value, paperConsent: value.paperConsent === 'on' });
        return { redirect: listOf(town.ags, event.id), flash: { key: 'events.manage.walk_in_added', params: { name: value.name } } };
      },
    });
  });

  app.get('/verwaltung/:ags/veranstaltungen/:id/teilnahmeliste.pdf', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const { event, people } = await service.signatureList(signedInActor(request), town, parseId(request.params.id));
    const pdf = await signatureListPdf(
      {
        title: event.title,
        startsAt: event.starts_at,
        endsAt: event.ends_at,
        place: [event.venue, event.address].filter(Boolean).join(', '),
        municipality: town.name,
        rows: people.map((p) => ({ name: p.name, organisation: p.organisation, homeTown: p.home_town })),
      },
      request.t,
      request.locale,
    );
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="teilnahmeliste-${event.id}.pdf"`).header('cache-control', 'no-store').send(pdf);
  });

  app.get('/verwaltung/:ags/veranstaltungen/:id/unterschriftenliste', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const { event, file } = await service.signedListScan(signedInActor(request), managedTown(request), parseId(request.params.id));
    const extension = file.mime_type === 'application/pdf' ? 'pdf' : file.mime_type === 'image/png' ? 'png' : 'jpg';
    return reply.type(file.mime_type).header('content-disposition', `attachment; filename="unterschriftenliste-${event.id}.${extension}"`).header('cache-control', 'no-store').send(file.data);
  });

  /** Names and contact of everyone registered; the voluntary statistics are not per person, they stay out. */
  app.get('/verwaltung/:ags/veranstaltungen/:id/export/:file', { config: TOWN, schema: { params: ExportParams } }, async (request, reply) => {
    const match = /^anmeldungen\.(csv|xlsx)$/.exec(request.params.file);
    const format = match?.[1] === 'csv' ? 'csv' : match?.[1] === 'xlsx' ? 'xlsx' : null;
    if (!format) throw AppError.notFound();
    const { event, people } = await service.exportRegistrations(signedInActor(request), managedTown(request), parseId(request.params.id), format);
    const t = request.t;
    const headers = [
      t('events.export.number'),
      t('events.field.name'),
      t('events.field.email'),
      t('events.field.organisation'),
      t('events.field.home_town'),
      t('events.export.status'),
      t('events.export.attended'),
      t('events.export.walk_in'),
      t('events.export.registered_at'),
    ];
    const rows: Cell[][] = people.map((p, i) => [
      i + 1,
      p.name,
      p.email ?? '',
      p.organisation,
      p.home_town,
      t(`events.export.status_${p.status}`),
      p.attended ? t('common.yes') : t('common.no'),
      p.walk_in ? t('common.yes') : t('common.no'),
      p.created_at,
    ]);
    reply.header('content-disposition', `attachment; filename="anmeldungen-${event.id}.${format}"`).header('cache-control', 'no-store');
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(headers, rows));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(t('events.export.sheet'), headers, rows));
  });
};
