import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { FormEmail, FormText, formBodySchema, parseForm, typedValues } from '../../platform/http/forms.ts';
import { requireUser } from '../../platform/http/guards.ts';
import { readMultipartForm } from '../../platform/http/multipart.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { type Cell, toCsv, toXlsx } from '../../platform/http/tables.ts';
import type { AppServices } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { districtOptions, requireMunicipality } from '../municipalities/index.ts';
import { EVENT_FORM_FIELDS, eventFormValues, listOf, readEventForm } from './event-form.ts';
import { can } from './policy.ts';
import { AGE_GROUPS, registrationService, SEX_OPTIONS, THIRD_COUNTRY_OPTIONS } from './registration.ts';
import { type EventDetail, eventRepository } from './repository.ts';
import { eventService } from './service.ts';
import { signatureListPdf } from './signature-list.ts';
import { CancelEventPage, CheckInPage, EventAdminPage, EventFormPage, ManageEventsPage } from './views/manage-pages.tsx';

const Ags = Type.String({ maxLength: 20 });
const Id = Type.String({ maxLength: 12 });
const TownParams = Type.Object({ ags: Ags });
const EventParams = Type.Object({ ags: Ags, id: Id });
const RegistrationParams = Type.Object({ ags: Ags, id: Id, rid: Id });

const Choice = <T extends string>(options: readonly T[]) => Type.Optional(Type.Union(options.map((o) => Type.Literal(o))));
const WalkInForm = Type.Object({
  name: FormText({ min: 2, max: 200 }),
  organisation: Type.Optional(FormText({ max: 200 })),
  homeTown: Type.Optional(FormText({ max: 200 })),
  email: Type.Optional(FormEmail()),
  sex: Choice(SEX_OPTIONS),
  ageGroup: Choice(AGE_GROUPS),
  thirdCountry: Choice(THIRD_COUNTRY_OPTIONS),
  paperConsent: Type.Optional(Type.Literal('on')),
});

export const manageEventRoutes: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  const { db } = services;
  const repo = eventRepository(db);
  const service = eventService(services);
  const registrations = registrationService(services);

  async function managedTown(request: FastifyRequest) {
    const actor = requireUser(request);
    const town = await requireMunicipality(db, (request.params as { ags: string }).ags);
    if (!can(actor, 'manage', { municipalityId: town.id, published: false })) throw AppError.forbidden();
    return { actor, town };
  }

  async function managedEvent(request: FastifyRequest): Promise<{ actor: ReturnType<typeof requireUser>; town: { id: number; ags: string; name: string }; event: EventDetail }> {
    const { actor, town } = await managedTown(request);
    const event = await repo.event(parseId((request.params as { id: string }).id));
    if (!event || event.municipality_id !== town.id) throw AppError.notFound();
    return { actor, town, event };
  }

  app.get('/verwaltung/:ags/veranstaltungen', { schema: { params: TownParams, querystring: Type.Object({ seite: Type.Optional(Type.String({ maxLength: 6 })) }) } }, async (request, reply) => {
    const { town } = await managedTown(request);
    const page = pageRequest(pageNumber((request.query as { seite?: string }).seite), 25);
    const { items, total } = await repo.list({ municipalityId: town.id, publishedOnly: false }, page);
    const title = request.t('events.manage.title', { name: town.name });
    return reply.render(<ManageEventsPage ags={town.ags} name={town.name} result={pageResult(items, total, page)} />, {
      title,
      breadcrumbs: [{ href: `/verwaltung/${town.ags}`, label: town.name }, { label: request.t('events.nav') }],
    });
  });

  async function renderForm(request: FastifyRequest, reply: FastifyReply, form: FormState, selected: { languages: string[]; accessibility: string[] }, event: EventDetail | null) {
    const { town } = await managedTown(request);
    const districts = await districtOptions(db, town.id);
    const back = event ? `/verwaltung/${town.ags}/veranstaltungen/${event.id}` : `/verwaltung/${town.ags}/veranstaltungen`;
    return reply.render(
      <EventFormPage
        action={event ? `${back}/bearbeiten` : `/verwaltung/${town.ags}/veranstaltungen/neu`}
        form={form}
        districts={districts}
        selected={selected}
        editing={event !== null}
        cancelHref={back}
      />,
      {
        title: event ? request.t('events.manage.edit_title') : request.t('events.manage.new'),
        breadcrumbs: [{ href: `/verwaltung/${town.ags}/veranstaltungen`, label: request.t('events.nav') }, { label: event ? event.title : request.t('events.manage.new') }],
        status: Object.keys(form.errors).length ? 422 : 200,
      },
    );
  }

  app.get('/verwaltung/:ags/veranstaltungen/neu', { schema: { params: TownParams } }, (request, reply) =>
    renderForm(request, reply, { values: { format: 'dialogue', mode: 'in_person', capacity: '30' }, errors: {} }, { languages: ['de'], accessibility: [] }, null),
  );

  app.post('/verwaltung/:ags/veranstaltungen/neu', { schema: { params: TownParams, body: formBodySchema(EVENT_FORM_FIELDS, 10000) } }, async (request, reply) => {
    const { actor, town } = await managedTown(request);
    const selected = { languages: listOf(request.body, 'languages'), accessibility: listOf(request.body, 'accessibility') };
    const values = typedValues(request.body);
    const read = readEventForm(request.body);
    if (!read.ok) return renderForm(request, reply, { values, errors: read.errors }, selected, null);
    try {
      const id = await service.create(actor, town.id, read.value);
      return reply.flash('success', 'common.saved').redirect(`/verwaltung/${town.ags}/veranstaltungen/${id}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(request, reply, { values, errors: error.fields }, selected, null);
      throw error;
    }
  });

  async function renderAdmin(request: FastifyRequest, reply: FastifyReply, forms: { image?: FormState; scan?: FormState } = {}) {
    const { town, event } = await managedEvent(request);
    const attended = await repo.attendedCount(event.id);
    return reply.render(<EventAdminPage ags={town.ags} event={event} attended={attended} imageForm={forms.image ?? EMPTY_FORM} scanForm={forms.scan ?? EMPTY_FORM} />, {
      title: event.title,
      breadcrumbs: [{ href: `/verwaltung/${town.ags}/veranstaltungen`, label: request.t('events.nav') }, { label: event.title }],
      status: forms.image || forms.scan ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/veranstaltungen/:id', { schema: { params: EventParams } }, (request, reply) => renderAdmin(request, reply));

  app.get('/verwaltung/:ags/veranstaltungen/:id/bearbeiten', { schema: { params: EventParams } }, async (request, reply) => {
    const { event } = await managedEvent(request);
    return renderForm(request, reply, { values: eventFormValues(event), errors: {} }, { languages: event.languages, accessibility: event.accessibility }, event);
  });

  app.post('/verwaltung/:ags/veranstaltungen/:id/bearbeiten', { schema: { params: EventParams, body: formBodySchema(EVENT_FORM_FIELDS, 10000) } }, async (request, reply) => {
    const { actor, town, event } = await managedEvent(request);
    const selected = { languages: listOf(request.body, 'languages'), accessibility: listOf(request.body, 'accessibility') };
    const values = typedValues(request.body);
    const read = readEventForm(request.body);
    if (!read.ok) return renderForm(request, reply, { values, errors: read.errors }, selected, event);
    try {
      await service.update(actor, event.id, read.value);
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(request, reply, { values, errors: error.fields }, selected, event);
      throw error;
    }
    return reply.flash('success', 'common.saved').redirect(`/verwaltung/${town.ags}/veranstaltungen/${event.id}`, 303);
  });

  app.post('/verwaltung/:ags/veranstaltungen/:id/kopieren', { schema: { params: EventParams } }, async (request, reply) => {
    const { actor, town, event } = await managedEvent(request);
    const id = await service.copy(actor, event.id, request.t('events.manage.copy_prefix'));
    return reply.flash('success', 'events.manage.copied').redirect(`/verwaltung/${town.ags}/veranstaltungen/${id}/bearbeiten`, 303);
  });

  async function renderCancel(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    const { town, event } = await managedEvent(request);
    if (event.cancelled_at) return reply.redirect(`/verwaltung/${town.ags}/veranstaltungen/${event.id}`, 303);
    return reply.render(<CancelEventPage ags={town.ags} event={event} form={form} />, {
      title: request.t('events.manage.cancel_title', { title: event.title }),
      breadcrumbs: [{ href: `/verwaltung/${town.ags}/veranstaltungen/${event.id}`, label: event.title }, { label: request.t('events.manage.cancel') }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/veranstaltungen/:id/absagen', { schema: { params: EventParams } }, (request, reply) => renderCancel(request, reply));

  app.post('/verwaltung/:ags/veranstaltungen/:id/absagen', { schema: { params: EventParams, body: formBodySchema(['reason'], 2000) } }, async (request, reply) => {
    const { actor, town, event } = await managedEvent(request);
    const parsed = parseForm(Type.Object({ reason: FormText({ min: 3, max: 1000 }) }), request.body);
    if (!parsed.ok) return renderCancel(request, reply, { values: typedValues(request.body), errors: parsed.errors });
    try {
      const told = await service.cancel(actor, event.id, parsed.value.reason);
      return reply.flash('success', 'events.manage.cancelled', { count: told }).redirect(`/verwaltung/${town.ags}/veranstaltungen/${event.id}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey).redirect(`/verwaltung/${town.ags}/veranstaltungen/${event.id}`, 303);
      throw error;
    }
  });

  async function renderCheckIn(request: FastifyRequest, reply: FastifyReply, walkInForm: FormState = EMPTY_FORM) {
    const { town, event } = await managedEvent(request);
    const query = request.query as { suche?: string; seite?: string };
    const search = query.suche?.trim() ?? '';
    const page = pageRequest(pageNumber(query.seite), 50);
    const { items, total } = await repo.registrations(event.id, { search: search || undefined }, page);
    return reply.render(<CheckInPage ags={town.ags} event={event} result={pageResult(items, total, page)} search={search} walkInForm={walkInForm} />, {
      title: request.t('events.manage.check_in_title', { title: event.title }),
      breadcrumbs: [{ href: `/verwaltung/${town.ags}/veranstaltungen/${event.id}`, label: event.title }, { label: request.t('events.manage.check_in') }],
      status: Object.keys(walkInForm.errors).length ? 422 : 200,
    });
  }

  const CheckInQuery = Type.Object({ suche: Type.Optional(Type.String({ maxLength: 100 })), seite: Type.Optional(Type.String({ maxLength: 6 })) });

  app.get('/verwaltung/:ags/veranstaltungen/:id/anmeldungen', { schema: { params: EventParams, querystring: CheckInQuery } }, (request, reply) => renderCheckIn(request, reply));

  app.post(
    '/verwaltung/:ags/veranstaltungen/:id/anmeldungen/:rid/anwesenheit',
    { schema: { params: RegistrationParams, body: Type.Object({ attended: Type.Union([Type.Literal('yes'), Type.Literal('no')]) }, { additionalProperties: true }) } },
    async (request, reply) => {
      const { actor, town, event } = await managedEvent(request);
      const { rid } = request.params as { rid: string };
      await service.setAttendance(actor, event.id, parseId(rid), (request.body as { attended: string }).attended === 'yes');
      const back = typeof request.headers.referer === 'string' && request.headers.referer.includes(`/veranstaltungen/${event.id}/anmeldungen`) ? new URL(request.headers.referer).search : '';
      return reply.redirect(`/verwaltung/${town.ags}/veranstaltungen/${event.id}/anmeldungen${back}`, 303);
    },
  );

  app.post('/verwaltung/:ags/veranstaltungen/:id/anmeldungen/:rid/stornieren', { schema: { params: RegistrationParams } }, async (request, reply) => {
    const { actor, town, event } = await managedEvent(request);
    await registrations.cancelByCoordinator(actor, event, parseId((request.params as { rid: string }).rid));
    return reply.flash('success', 'events.manage.registration_cancelled').redirect(`/verwaltung/${town.ags}/veranstaltungen/${event.id}/anmeldungen`, 303);
  });

  app.post(
    '/verwaltung/:ags/veranstaltungen/:id/nachmeldung',
    { schema: { params: EventParams, body: formBodySchema(['name', 'organisation', 'homeTown', 'email', 'sex', 'ageGroup', 'thirdCountry', 'paperConsent'], 500) } },
    async (request, reply) => {
      const { actor, town, event } = await managedEvent(request);
      const values = typedValues(request.body);
      const parsed = parseForm(WalkInForm, request.body);
      if (!parsed.ok) return renderCheckIn(request, reply, { values, errors: parsed.errors });
      try {
        await registrations.addWalkIn(actor, event, { ...parsed.value, paperConsent: parsed.value.paperConsent === 'on' });
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict') return renderCheckIn(request, reply, { values, errors: { email: { key: error.messageKey } } });
        throw error;
      }
      return reply.flash('success', 'events.manage.walk_in_added', { name: parsed.value.name }).redirect(`/verwaltung/${town.ags}/veranstaltungen/${event.id}/anmeldungen`, 303);
    },
  );

  app.get('/verwaltung/:ags/veranstaltungen/:id/teilnahmeliste.pdf', { schema: { params: EventParams } }, async (request, reply) => {
    const { town, event } = await managedEvent(request);
    const people = (await repo.participantList(event.id)).filter((p) => p.status === 'confirmed');
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

  app.post('/verwaltung/:ags/veranstaltungen/:id/unterschriftenliste', { schema: { params: EventParams } }, async (request, reply) => {
    const { actor, town, event } = await managedEvent(request);
    const form = await readMultipartForm(request, 'scan', 20);
    if (form.fileError) return renderAdmin(request, reply, { scan: { values: {}, errors: { scan: form.fileError } } });
    const scan = form.files.scan;
    if (!scan) return renderAdmin(request, reply, { scan: { values: {}, errors: { scan: { key: 'files.empty' } } } });
    try {
      await service.setSignedList(actor, event.id, scan);
    } catch (error) {
      if (error instanceof ValidationError) return renderAdmin(request, reply, { scan: { values: {}, errors: error.fields } });
      throw error;
    }
    return reply.flash('success', 'events.manage.scan_saved').redirect(`/verwaltung/${town.ags}/veranstaltungen/${event.id}`, 303);
  });

  app.get('/verwaltung/:ags/veranstaltungen/:id/unterschriftenliste', { schema: { params: EventParams } }, async (request, reply) => {
    const { event } = await managedEvent(request);
    const file = event.signed_list_file_id ? await services.files.read(db, event.signed_list_file_id) : null;
    if (!file) throw AppError.notFound();
    return reply
      .type(file.mime_type)
      .header('content-disposition', `attachment; filename="unterschriftenliste-${event.id}.${file.mime_type === 'application/pdf' ? 'pdf' : file.mime_type === 'image/png' ? 'png' : 'jpg'}"`)
      .header('cache-control', 'no-store')
      .send(file.data);
  });

  app.post('/verwaltung/:ags/veranstaltungen/:id/bild', { schema: { params: EventParams } }, async (request, reply) => {
    const { actor, town, event } = await managedEvent(request);
    const form = await readMultipartForm(request, 'image', 5);
    const alt = (form.fields.alt ?? '').trim();
    if (form.fileError) return renderAdmin(request, reply, { image: { values: { alt }, errors: { image: form.fileError } } });
    const image = form.files.image;
    const errors: Record<string, { key: string; params?: Record<string, number> }> = {};
    if (!image) errors.image = { key: 'files.empty' };
    if (alt.length < 3) errors.alt = { key: 'validation.required' };
    if (alt.length > 300) errors.alt = { key: 'validation.too_long', params: { max: 300 } };
    if (Object.keys(errors).length || !image) return renderAdmin(request, reply, { image: { values: { alt }, errors } });
    try {
      await service.setImage(actor, event.id, image, alt);
    } catch (error) {
      if (error instanceof ValidationError) return renderAdmin(request, reply, { image: { values: { alt }, errors: error.fields } });
      throw error;
    }
    return reply.flash('success', 'common.saved').redirect(`/verwaltung/${town.ags}/veranstaltungen/${event.id}`, 303);
  });

  app.post('/verwaltung/:ags/veranstaltungen/:id/rueckmeldung', { schema: { params: EventParams } }, async (request, reply) => {
    const { actor, town, event } = await managedEvent(request);
    const t = request.t;
    await service.createFeedbackForm(actor, event.id, {
      title: t('events.feedback.title', { title: event.title }),
      helpful: t('events.feedback.helpful'),
      helpfulLabels: [t('events.feedback.helpful_low'), t('events.feedback.helpful_high')],
      improve: t('events.feedback.improve'),
    });
    return reply.flash('success', 'events.manage.feedback_created').redirect(`/verwaltung/${town.ags}/veranstaltungen/${event.id}`, 303);
  });

  app.get('/verwaltung/:ags/veranstaltungen/:id/export/:file', { schema: { params: Type.Object({ ags: Ags, id: Id, file: Type.String({ maxLength: 30 }) }) } }, async (request, reply) => {
    const { event } = await managedEvent(request);
    const match = /^anmeldungen\.(csv|xlsx)$/.exec((request.params as { file: string }).file);
    if (!match) throw AppError.notFound();
    const t = request.t;
    const people = await repo.participantList(event.id);
    const headers = [
      t('events.export.number'),
      t('events.field.name'),
      t('events.field.email'),
      t('events.field.organisation'),
      t('events.field.home_town'),
      t('events.export.status'),
      t('events.export.attended'),
      t('events.export.walk_in'),
      t('events.stats.sex'),
      t('events.stats.age_group'),
      t('events.stats.third_country'),
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
      t(`events.stats.sex_${p.sex}`),
      t(`events.stats.age_${p.age_group}`),
      t(`events.stats.third_country_${p.third_country}`),
      p.created_at,
    ]);
    reply.header('content-disposition', `attachment; filename="anmeldungen-${event.id}.${match[1]}"`).header('cache-control', 'no-store');
    if (match[1] === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(headers, rows));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(t('events.export.sheet'), headers, rows));
  });
};
