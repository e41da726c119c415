import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorUserId, isUser } from '../../platform/access/actor.ts';
import { signedInActor } from '../../platform/http/access.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody, parseForm, typedValues } from '../../platform/http/forms.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { AgsParams, IdParams } from '../../platform/http/schemas.ts';
import { PUBLIC_LOCALES, todayInBerlin } from '../../platform/i18n/catalog.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { participatingMunicipalities, requireMunicipality } from '../municipalities/index.ts';
import { calendarFile, withoutOnlineLink } from './calendar.ts';
import { can } from './policy.ts';
import { registrationService, registrationWindow } from './registration.ts';
import { type EventFilter, eventRepository } from './repository.ts';
import { ListQuery, RegistrationForm, TokenParams } from './schemas.ts';
import { ACCESSIBILITY_FEATURES, EVENT_LANGUAGES } from './service.ts';
import { EVENT_FORMATS } from './tables.ts';
import { registrationIdFromToken } from './tokens.ts';
import { type EventListQuery, EventListPage } from './views/event-list.tsx';
import { eventOrganisers } from '../network/index.ts';
import { CancelRegistrationPage, EventPage, type OwnRegistration, RegistrationPage } from './views/event-page.tsx';

const PAGE_SIZE = 20;
const PUBLIC = { access: 'public' } as const;

const isDay = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined);
const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined => list.find((item) => item === value);

/** Filters from the address bar: a value that is not one of the choices is left out rather than refused. */
export function eventFilter(query: EventListQuery): Omit<EventFilter, 'publishedOnly' | 'municipalityId'> {
  const from = isDay(query.von);
  const to = isDay(query.bis);
  return {
    format: oneOf(EVENT_FORMATS, query.format),
    // Without dates the list shows what is still to come.
    from: from ?? (to ? undefined : todayInBerlin()),
    to,
    language: oneOf(EVENT_LANGUAGES, query.sprache),
    accessibility: oneOf(ACCESSIBILITY_FEATURES, query.barrierefrei),
    search: query.suche?.trim() || undefined,
  };
}

/** The registration form: an account brings name and address, a guest types them and agrees to the privacy notice. */
export function readRegistration(body: unknown, guest: boolean, account: { name: string; email: string } | null) {
  const values = typedValues(body);
  const parsed = parseForm(RegistrationForm, guest ? body : { ...values, name: account?.name ?? '', email: account?.email ?? '' });
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (guest && values.privacy !== 'on') errors.privacy = { key: 'events.errors.privacy_required' };
  if (!parsed.ok || Object.keys(errors).length) throw new ValidationError(errors);
  return parsed.value;
}

/**
 * The public side: lists, the event page, registration (also as a guest), the person's own
 * cancellation and the calendar files. Meeting links stay out of everything public.
 */
export const eventRoutes: ModulePlugin = async (app, { services }) => {
  const { db, config } = services;
  const repo = eventRepository(db);
  const registrations = registrationService(services);
  const guestLimit = config.guestRegistrationsPerMinute > 0 ? { rateLimit: { max: config.guestRegistrationsPerMinute, timeWindow: '1 minute' } } : {};

  async function renderList(request: FastifyRequest, reply: FastifyReply, query: EventListQuery & { seite?: string }, town: { id: number; ags: string; name: string } | null) {
    const towns = town ? null : await participatingMunicipalities(db);
    const chosenTown = town ?? towns?.find((m) => m.ags === query.kommune) ?? null;
    const page = pageRequest(pageNumber(query.seite), PAGE_SIZE);
    const { items, total } = await repo.list({ ...eventFilter(query), municipalityId: chosenTown?.id, publishedOnly: true }, page);
    const t = request.t;
    const path = town ? `/kommunen/${town.ags}/veranstaltungen` : '/veranstaltungen';
    const { seite: _page, ...filters } = query;
    return reply.render(
      <EventListPage
        title={town ? t('events.public.town_title', { name: town.name }) : t('events.public.title')}
        lead={t('events.public.lead')}
        result={pageResult(items, total, page)}
        path={path}
        query={filters}
        towns={towns}
        feedHref={town ? `/kommunen/${town.ags}/veranstaltungen.ics` : undefined}
        manageHref={town && can(request.actor, 'manage', { municipalityId: town.id, published: false }) ? `/verwaltung/${town.ags}/veranstaltungen` : undefined}
      />,
      {
        title: town ? t('events.public.town_title', { name: town.name }) : t('events.public.title'),
        breadcrumbs: town ? [{ href: `/kommunen/${town.ags}`, label: town.name }, { label: t('events.nav') }] : [{ label: t('events.nav') }],
        locales: PUBLIC_LOCALES,
      },
    );
  }

  app.get('/veranstaltungen', { config: PUBLIC, schema: { querystring: ListQuery } }, (request, reply) => renderList(request, reply, request.query, null));

  app.get('/kommunen/:ags/veranstaltungen', { config: PUBLIC, schema: { params: AgsParams, querystring: ListQuery } }, async (request, reply) => {
    const town = await requireMunicipality(db, request.params.ags);
    return renderList(request, reply, request.query, town);
  });

  app.get('/kommunen/:ags/veranstaltungen.ics', { config: PUBLIC, schema: { params: AgsParams } }, async (request, reply) => {
    const town = await requireMunicipality(db, request.params.ags);
    const events = await repo.feed(town.id);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="veranstaltungen-${town.ags}.ics"`)
      .header('cache-control', 'public, max-age=300')
      .send(calendarFile(config.baseUrl, `${request.t('events.nav')} ${town.name}`, events));
  });

  async function ownRegistration(request: FastifyRequest, eventId: number): Promise<OwnRegistration> {
    const userId = actorUserId(request.actor);
    if (userId === null) return null;
    const own = await repo.liveRegistrationOf(eventId, userId);
    if (!own || own.status === 'cancelled') return null;
    return { status: own.status, position: own.status === 'waiting' ? await repo.waitingPosition(eventId, own.id) : 0 };
  }

  app.get('/veranstaltungen/:id', { config: PUBLIC, schema: { params: IdParams } }, async (request, reply) => {
    const event = await registrations.visibleEvent(request.actor, parseId(request.params.id));
    const [own, organisers] = await Promise.all([ownRegistration(request, event.id), eventOrganisers(db, event.id)]);
    const started = Date.now() >= event.starts_at.getTime();
    return reply.render(
      <EventPage
        event={event}
        window={registrationWindow(event)}
        own={own}
        organisers={organisers.filter((o) => o.is_public)}
        imageHref={event.image_file_id ? `/veranstaltungen/${event.id}/bild` : null}
        feedbackHref={event.feedback_survey_id && started ? `/umfragen/${event.feedback_survey_id}` : null}
        manageHref={can(request.actor, 'manage', { municipalityId: event.municipality_id, published: event.published }) ? `/verwaltung/${event.ags}/veranstaltungen/${event.id}` : null}
      />,
      {
        title: event.title,
        breadcrumbs: [{ href: '/veranstaltungen', label: request.t('events.nav') }, { href: `/kommunen/${event.ags}/veranstaltungen`, label: event.municipality_name }, { label: event.title }],
        locales: PUBLIC_LOCALES,
      },
    );
  });

  /** The form while registration is open and the person is not registered yet; otherwise the event page says why not. */
  async function renderRegistration(request: FastifyRequest, reply: FastifyReply, eventId: number, form: FormState = { values: {}, errors: {} }) {
    const event = await registrations.visibleEvent(request.actor, eventId);
    if (registrationWindow(event) !== 'open' || (await ownRegistration(request, event.id))) return reply.redirect(`/veranstaltungen/${event.id}`, 303);
    const title = request.t('events.public.register_title', { title: event.title });
    return reply.render(<RegistrationPage event={event} form={form} guest={!isUser(request.actor)} />, {
      title,
      breadcrumbs: [{ href: '/veranstaltungen', label: request.t('events.nav') }, { href: `/veranstaltungen/${event.id}`, label: event.title }, { label: request.t('events.public.register_heading') }],
      locales: PUBLIC_LOCALES,
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/veranstaltungen/:id/anmeldung', { config: PUBLIC, schema: { params: IdParams } }, (request, reply) => renderRegistration(request, reply, parseId(request.params.id)));

  /**
   * A guest hears the same "see your mail" whether the address was new or registered already (that
   * person gets a mail instead), so the form tells nobody who registered for what.
   */
  app.post('/veranstaltungen/:id/anmeldung', { config: { access: 'public', ...guestLimit }, schema: { params: IdParams, body: formBody(RegistrationForm, [], 500) } }, async (request, reply) => {
    // The service looks the event up (and answers 404 for one that is not visible); the route needs only its number.
    const eventId = parseId(request.params.id);
    const actor = request.actor;
    const guest = !isUser(actor);
    const back = `/veranstaltungen/${eventId}`;
    return formAction(reply, {
      body: request.body,
      back,
      invalid: (form) => renderRegistration(request, reply, eventId, form),
      run: async () => {
        const value = readRegistration(request.body, guest, isUser(actor) ? { name: actor.displayName, email: actor.email } : null);
        const result = await registrations.register(actor, eventId, { ...value, locale: request.locale });
        if (guest || result.status === 'existing') return { redirect: back, flash: { key: 'events.public.registration_mailed', kind: 'info' } };
        return {
          redirect: back,
          flash: result.status === 'confirmed' ? { key: 'events.public.registered' } : { key: 'events.public.waitlisted', params: { position: result.position }, kind: 'info' },
        };
      },
    });
  });

  app.post('/veranstaltungen/:id/abmelden', { config: { access: 'signedIn' }, schema: { params: IdParams } }, async (request, reply) => {
    const id = parseId(request.params.id);
    const back = `/veranstaltungen/${id}`;
    return formAction(reply, {
      body: request.body,
      back,
      invalid: () => reply.redirect(back, 303),
      run: async () => {
        await registrations.cancelOwn(signedInActor(request), id);
        return { redirect: back, flash: { key: 'events.public.cancelled_own' } };
      },
    });
  });

  app.get('/veranstaltungen/:id/termin.ics', { config: PUBLIC, schema: { params: IdParams } }, async (request, reply) => {
    const event = await registrations.visibleEvent(request.actor, parseId(request.params.id));
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="veranstaltung-${event.id}.ics"`)
      .header('cache-control', 'no-cache')
      .send(calendarFile(config.baseUrl, event.title, [withoutOnlineLink(event)]));
  });

  app.get('/veranstaltungen/:id/bild', { config: PUBLIC, schema: { params: IdParams } }, async (request, reply) => {
    const event = await registrations.visibleEvent(request.actor, parseId(request.params.id));
    const file = event.image_file_id ? await services.files.read(db, event.image_file_id) : null;
    if (!file) throw AppError.notFound();
    return reply.type(file.mime_type).header('cache-control', 'public, max-age=3600').send(file.data);
  });

  /** The link from the mail shows what would be cancelled; only the button cancels. */
  app.get('/veranstaltungen/abmeldung/:token', { config: PUBLIC, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    const id = registrationIdFromToken(config.sessionSecret, token);
    const registration = id === null ? undefined : await repo.registration(id);
    const event = registration ? await repo.event(registration.event_id) : undefined;
    const title = request.t('events.public.cancel_title');
    return reply.render(<CancelRegistrationPage token={token} event={event ?? null} done={registration?.status === 'cancelled'} />, {
      title,
      breadcrumbs: [{ href: '/veranstaltungen', label: request.t('events.nav') }, { label: title }],
      locales: PUBLIC_LOCALES,
      status: event ? 200 : 404,
    });
  });

  app.post('/veranstaltungen/abmeldung/:token', { config: PUBLIC, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    const back = `/veranstaltungen/abmeldung/${token}`;
    return formAction(reply, {
      body: request.body,
      back,
      invalid: () => reply.redirect(back, 303),
      run: async () => {
        const result = await registrations.cancelByToken(token);
        if (!result) throw AppError.notFound();
        return { redirect: back, flash: { key: 'events.public.cancelled_own' } };
      },
    });
  });
};
