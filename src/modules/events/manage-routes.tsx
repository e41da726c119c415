import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../../platform/http/access.ts';
import { type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody, formBodySchema, formList } from '../../platform/http/forms.ts';
import { METHOD_IDS_FIELD, methodLinks, methodPicker } from '../../platform/method-links.ts';
import { readMultipartForm } from '../../platform/http/multipart.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { AgsIdParams, AgsParams, PageQuery } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { districtOptions, managedTown } from '../municipalities/index.ts';
import { eventOrganisers, networkOrganisationOptions } from '../network/index.ts';
import { EVENT_FORM_FIELDS, eventFormValues, listOf, readEventForm } from './event-form.ts';
import { type EventDetail, eventRepository } from './repository.ts';
import { CancelEventForm } from './schemas.ts';
import { eventService } from './service.ts';
import { CancelEventPage, EventAdminPage, EventFormPage, ManageEventsPage } from './views/manage-pages.tsx';

/** Every route here is `/verwaltung/:ags/veranstaltungen…` of a town the caller manages; the service finds each id inside it. */
export const TOWN = { access: { scope: 'town' } } as const;
const EventFormBody = formBodySchema(EVENT_FORM_FIELDS, 10000);

/** The town's workspace: its events, their form, copy, cancellation, image, scan upload and feedback form. */
export const manageEventRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = eventRepository(db);
  const service = eventService(services);
  const base = (ags: string, eventId: number) => `/verwaltung/${ags}/veranstaltungen/${eventId}`;

  app.get('/verwaltung/:ags/veranstaltungen', { config: TOWN, schema: { params: AgsParams, querystring: PageQuery } }, async (request, reply) => {
    const town = managedTown(request);
    const page = pageRequest(pageNumber(request.query.seite), 25);
    const { items, total } = await repo.list({ municipalityId: town.id, publishedOnly: false }, page);
    const title = request.t('events.manage.title', { name: town.name });
    return reply.render(<ManageEventsPage ags={town.ags} name={town.name} result={pageResult(items, total, page)} />, {
      title,
      breadcrumbs: [{ href: `/verwaltung/${town.ags}`, label: town.name }, { label: request.t('events.nav') }],
    });
  });

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    selected: { languages: string[]; accessibility: string[]; coOrganiserIds: string[]; methodIds?: string[] },
    event: EventDetail | null,
  ) {
    const town = managedTown(request);
    const cards = methodLinks(services);
    const [districts, organisations, methods] = await Promise.all([
      districtOptions(db, town.id),
      networkOrganisationOptions(db, town.id),
      (selected.methodIds ? Promise.resolve(selected.methodIds) : cards && event ? cards.named(db, 'event', event.id) : Promise.resolve([])).then((ticked) =>
        methodPicker(cards, db, ticked, form.values),
      ),
    ]);
    const back = event ? base(town.ags, event.id) : `/verwaltung/${town.ags}/veranstaltungen`;
    return reply.render(
      <EventFormPage
        action={event ? `${back}/bearbeiten` : `/verwaltung/${town.ags}/veranstaltungen/neu`}
        form={form}
        districts={districts}
        organisations={organisations}
        methods={methods}
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

  /** The event form's input, or the field messages (times need more than the schema: Berlin wall-clock times). */
  function eventInput(body: unknown) {
    const read = readEventForm(body);
    if (!read.ok) throw new ValidationError(read.errors);
    return read.value;
  }
  const selectedIn = (body: unknown) => ({
    languages: listOf(body, 'languages'),
    accessibility: listOf(body, 'accessibility'),
    coOrganiserIds: listOf(body, 'coOrganiserIds'),
    methodIds: formList(body, METHOD_IDS_FIELD),
  });

  app.get('/verwaltung/:ags/veranstaltungen/neu', { config: TOWN, schema: { params: AgsParams } }, (request, reply) =>
    renderForm(request, reply, { values: { format: 'dialogue', mode: 'in_person', capacity: '30' }, errors: {} }, { languages: ['de'], accessibility: [], coOrganiserIds: [], methodIds: [] }, null),
  );

  app.post('/verwaltung/:ags/veranstaltungen/neu', { config: TOWN, schema: { params: AgsParams, body: EventFormBody } }, async (request, reply) => {
    const town = managedTown(request);
    return formAction(reply, {
      body: request.body,
      invalid: (form) => renderForm(request, reply, form, selectedIn(request.body), null),
      run: async () => {
        const id = await service.create(signedInActor(request), town, eventInput(request.body));
        return { redirect: base(town.ags, id), flash: { key: 'common.saved' } };
      },
    });
  });

  async function renderAdmin(request: FastifyRequest, reply: FastifyReply, eventId: number, forms: { image?: FormState; scan?: FormState } = {}) {
    const town = managedTown(request);
    const event = await service.ofTown(town, eventId);
    const attended = await repo.attendedCount(event.id);
    return reply.render(<EventAdminPage ags={town.ags} event={event} attended={attended} imageForm={forms.image ?? EMPTY_FORM} scanForm={forms.scan ?? EMPTY_FORM} />, {
      title: event.title,
      breadcrumbs: [{ href: `/verwaltung/${town.ags}/veranstaltungen`, label: request.t('events.nav') }, { label: event.title }],
      status: forms.image || forms.scan ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/veranstaltungen/:id', { config: TOWN, schema: { params: AgsIdParams } }, (request, reply) => renderAdmin(request, reply, parseId(request.params.id)));

  app.get('/verwaltung/:ags/veranstaltungen/:id/bearbeiten', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const event = await service.ofTown(managedTown(request), parseId(request.params.id));
    const organisers = await eventOrganisers(db, event.id);
    const organiserId = organisers.find((o) => o.role === 'organiser')?.organisation_id ?? null;
    const coOrganiserIds = organisers.filter((o) => o.role === 'co_organiser').map((o) => String(o.organisation_id));
    return renderForm(request, reply, { values: eventFormValues(event, organiserId), errors: {} }, { languages: event.languages, accessibility: event.accessibility, coOrganiserIds }, event);
  });

  app.post('/verwaltung/:ags/veranstaltungen/:id/bearbeiten', { config: TOWN, schema: { params: AgsIdParams, body: EventFormBody } }, async (request, reply) => {
    const town = managedTown(request);
    const event = await service.ofTown(town, parseId(request.params.id));
    return formAction(reply, {
      body: request.body,
      invalid: (form) => renderForm(request, reply, form, selectedIn(request.body), event),
      run: async () => {
        await service.update(signedInActor(request), town, event.id, eventInput(request.body));
        return { redirect: base(town.ags, event.id), flash: { key: 'common.saved' } };
      },
    });
  });

  app.post('/verwaltung/:ags/veranstaltungen/:id/kopieren', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const id = await service.copy(signedInActor(request), town, parseId(request.params.id), request.t('events.manage.copy_prefix'));
    return reply.flash('success', 'events.manage.copied').redirect(`${base(town.ags, id)}/bearbeiten`, 303);
  });

  async function renderCancel(request: FastifyRequest, reply: FastifyReply, eventId: number, form: FormState = EMPTY_FORM) {
    const town = managedTown(request);
    const event = await service.ofTown(town, eventId);
    if (event.cancelled_at) return reply.redirect(base(town.ags, event.id), 303);
    return reply.render(<CancelEventPage ags={town.ags} event={event} form={form} />, {
      title: request.t('events.manage.cancel_title', { title: event.title }),
      breadcrumbs: [{ href: base(town.ags, event.id), label: event.title }, { label: request.t('events.manage.cancel') }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/veranstaltungen/:id/absagen', { config: TOWN, schema: { params: AgsIdParams } }, (request, reply) => renderCancel(request, reply, parseId(request.params.id)));

  app.post('/verwaltung/:ags/veranstaltungen/:id/absagen', { config: TOWN, schema: { params: AgsIdParams, body: formBody(CancelEventForm, [], 2000) } }, async (request, reply) => {
    const town = managedTown(request);
    const event = await service.ofTown(town, parseId(request.params.id));
    const back = base(town.ags, event.id);
    return formAction(reply, {
      body: request.body,
      schema: CancelEventForm,
      back,
      invalid: (form) => renderCancel(request, reply, event.id, form),
      run: async (value) => {
        const told = await service.cancel(signedInActor(request), town, event.id, value.reason);
        return { redirect: back, flash: { key: 'events.manage.cancelled', params: { count: told } } };
      },
    });
  });

  app.post('/verwaltung/:ags/veranstaltungen/:id/unterschriftenliste', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const event = await service.ofTown(town, parseId(request.params.id));
    const form = await readMultipartForm(request, 'scan', 20);
    return formAction(reply, {
      body: {},
      invalid: (state) => renderAdmin(request, reply, event.id, { scan: { values: {}, errors: state.errors } }),
      run: async () => {
        if (form.fileError) throw new ValidationError({ scan: form.fileError });
        const scan = form.files.scan;
        if (!scan) throw new ValidationError({ scan: { key: 'files.empty' } });
        await service.setSignedList(signedInActor(request), town, event.id, scan);
        return { redirect: base(town.ags, event.id), flash: { key: 'events.manage.scan_saved' } };
      },
    });
  });

  app.post('/verwaltung/:ags/veranstaltungen/:id/bild', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const event = await service.ofTown(town, parseId(request.params.id));
    const form = await readMultipartForm(request, 'image', 5);
    const alt = (form.fields.alt ?? '').trim();
    return formAction(reply, {
      body: { alt },
      invalid: (state) => renderAdmin(request, reply, event.id, { image: state }),
      run: async () => {
        if (form.fileError) throw new ValidationError({ image: form.fileError });
        const image = form.files.image;
        const errors: FieldErrors = {};
        if (!image) errors.image = { key: 'files.empty' };
        if (alt.length < 3) errors.alt = { key: 'validation.required' };
        if (alt.length > 300) errors.alt = { key: 'validation.too_long', params: { max: 300 } };
        if (Object.keys(errors).length || !image) throw new ValidationError(errors);
        await service.setImage(signedInActor(request), town, event.id, image, alt);
        return { redirect: base(town.ags, event.id), flash: { key: 'common.saved' } };
      },
    });
  });

  app.post('/verwaltung/:ags/veranstaltungen/:id/rueckmeldung', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const event = await service.ofTown(town, parseId(request.params.id));
    const t = request.t;
    await service.createFeedbackForm(signedInActor(request), town, event.id, {
      title: t('events.feedback.title', { title: event.title }),
      helpful: t('events.feedback.helpful'),
      helpfulLabels: [t('events.feedback.helpful_low'), t('events.feedback.helpful_high')],
      improve: t('events.feedback.improve'),
    });
    return reply.flash('success', 'events.manage.feedback_created').redirect(base(town.ags, event.id), 303);
  });
};
