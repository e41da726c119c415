import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { actorUserId, isUser } from '../../platform/access/actor.ts';
import { AppError, type FieldErrors } from '../../platform/http/errors.ts';
import { FormEmail, FormText, formBodySchema, parseForm, typedValues } from '../../platform/http/forms.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { PUBLIC_LOCALES, todayInBerlin } from '../../platform/i18n/catalog.ts';
import type { AppServices } from '../../platform/module.ts';
import type { EventFormat } from './tables.ts';
import { participatingMunicipalities, requireMunicipality } from '../municipalities/index.ts';
import { calendarFile } from './calendar.ts';
import { can } from './policy.ts';
import { AGE_GROUPS, registrationService, registrationWindow, SEX_OPTIONS, THIRD_COUNTRY_OPTIONS } from './registration.ts';
import { type EventFilter, eventRepository } from './repository.ts';
import { ACCESSIBILITY_FEATURES, EVENT_FORMATS, EVENT_LANGUAGES } from './service.ts';
import { type EventListQuery, EventListPage } from './views/event-list.tsx';
import { CancelRegistrationPage, EventPage, type OwnRegistration, RegistrationPage } from './views/event-page.tsx';
import type { FormState } from '../../platform/views/forms.tsx';
import { registrationIdFromToken } from './tokens.ts';

const PAGE_SIZE = 20;
const Id = Type.String({ maxLength: 12 });
const ListQuery = Type.Object({
  kommune: Type.Optional(Type.String({ maxLength: 20 })),
  format: Type.Optional(Type.String({ maxLength: 30 })),
  von: Type.Optional(Type.String({ maxLength: 10 })),
  bis: Type.Optional(Type.String({ maxLength: 10 })),
  sprache: Type.Optional(Type.String({ maxLength: 20 })),
  barrierefrei: Type.Optional(Type.String({ maxLength: 30 })),
  suche: Type.Optional(Type.String({ maxLength: 100 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});

const Choice = <T extends string>(options: readonly T[]) => Type.Optional(Type.Union(options.map((o) => Type.Literal(o))));
const RegistrationForm = Type.Object({
  name: FormText({ min: 2, max: 200 }),
  email: FormEmail(),
  organisation: Type.Optional(FormText({ max: 200 })),
  homeTown: Type.Optional(FormText({ max: 200 })),
  sex: Choice(SEX_OPTIONS),
  ageGroup: Choice(AGE_GROUPS),
  thirdCountry: Choice(THIRD_COUNTRY_OPTIONS),
  privacy: Type.Optional(Type.Literal('on')),
});
export const REGISTRATION_FIELDS = ['name', 'email', 'organisation', 'homeTown', 'sex', 'ageGroup', 'thirdCountry', 'privacy'];

const isDay = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined);

/** Filters from the address bar: a value that is not one of the choices is left out rather than refused. */
export function eventFilter(query: EventListQuery): Omit<EventFilter, 'publishedOnly' | 'municipalityId'> {
  const from = isDay(query.von);
  const to = isDay(query.bis);
  return {
    format: (EVENT_FORMATS as readonly string[]).includes(query.format ?? '') ? (query.format as EventFormat) : undefined,
    // Without dates the list shows what is still to come.
    from: from ?? (to ? undefined : todayInBerlin()),
    to,
    language: (EVENT_LANGUAGES as readonly string[]).includes(query.sprache ?? '') ? query.sprache : undefined,
    accessibility: (ACCESSIBILITY_FEATURES as readonly string[]).includes(query.barrierefrei ?? '') ? query.barrierefrei : undefined,
    search: query.suche?.trim() || undefined,
  };
}

/** The registration form: an account brings name and address, a guest types them and agrees to the privacy notice. */
export function readRegistration(body: unknown, guest: boolean, account: { name: string; email: string } | null) {
  const values = typedValues(body);
  const parsed = parseForm(RegistrationForm, guest ? body : { ...values, name: account?.name ?? '', email: account?.email ?? '' });
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (guest && values.privacy !== 'on') errors.privacy = { key: 'events.errors.privacy_required' };
  if (!parsed.ok || Object.keys(errors).length) return { ok: false as const, errors };
  return { ok: true as const, value: parsed.value };
}

export const eventRoutes: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  const { db, config } = services;
  const repo = eventRepository(db);
  const registrations = registrationService(services);
  const guestLimit = config.guestRegistrationsPerMinute > 0 ? { rateLimit: { max: config.guestRegistrationsPerMinute, timeWindow: '1 minute' } } : undefined;

  async function renderList(request: FastifyRequest, reply: FastifyReply, town: { id: number; ags: string; name: string } | null) {
    const query = request.query as EventListQuery & { seite?: string };
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

  app.get('/veranstaltungen', { schema: { querystring: ListQuery } }, (request, reply) => renderList(request, reply, null));

  app.get('/kommunen/:ags/veranstaltungen', { schema: { params: Type.Object({ ags: Type.String({ maxLength: 20 }) }), querystring: ListQuery } }, async (request, reply) => {
    const town = await requireMunicipality(db, (request.params as { ags: string }).ags);
    return renderList(request, reply, town);
  });

  app.get('/kommunen/:ags/veranstaltungen.ics', { schema: { params: Type.Object({ ags: Type.String({ maxLength: 20 }) }) } }, async (request, reply) => {
    const town = await requireMunicipality(db, (request.params as { ags: string }).ags);
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

  async function renderEvent(request: FastifyRequest, reply: FastifyReply) {
    const event = await registrations.visibleEvent(request.actor, parseId((request.params as { id: string }).id));
    const own = await ownRegistration(request, event.id);
    const started = Date.now() >= event.starts_at.getTime();
    return reply.render(
      <EventPage
        event={event}
        window={registrationWindow(event)}
        own={own}
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
  }

  app.get('/veranstaltungen/:id', { schema: { params: Type.Object({ id: Id }) } }, (request, reply) => renderEvent(request, reply));

  /** The form while registration is open and the person is not registered yet; otherwise the event page says why not. */
  async function renderRegistration(request: FastifyRequest, reply: FastifyReply, form: FormState = { values: {}, errors: {} }, status = 200) {
    const event = await registrations.visibleEvent(request.actor, parseId((request.params as { id: string }).id));
    if (registrationWindow(event) !== 'open' || (await ownRegistration(request, event.id))) return reply.redirect(`/veranstaltungen/${event.id}`, 303);
    const title = request.t('events.public.register_title', { title: event.title });
    return reply.render(<RegistrationPage event={event} form={form} guest={!isUser(request.actor)} />, {
      title,
      breadcrumbs: [{ href: '/veranstaltungen', label: request.t('events.nav') }, { href: `/veranstaltungen/${event.id}`, label: event.title }, { label: request.t('events.public.register_heading') }],
      locales: PUBLIC_LOCALES,
      status,
    });
  }

  app.get('/veranstaltungen/:id/anmeldung', { schema: { params: Type.Object({ id: Id }) } }, (request, reply) => renderRegistration(request, reply));

  app.post('/veranstaltungen/:id/anmeldung', { schema: { params: Type.Object({ id: Id }), body: formBodySchema(REGISTRATION_FIELDS, 500) }, config: guestLimit }, async (request, reply) => {
    // The service looks the event up (and answers 404 for one that is not visible); the route needs only its number.
    const event = { id: parseId((request.params as { id: string }).id) };
    const actor = request.actor;
    const guest = !isUser(actor);
    const read = readRegistration(request.body, guest, isUser(actor) ? { name: actor.displayName, email: actor.email } : null);
    if (!read.ok) return renderRegistration(request, reply, { values: typedValues(request.body), errors: read.errors }, 422);
    try {
      const result = await registrations.register(actor, event.id, { ...read.value, locale: request.locale });
      return reply
        .flash(result.status === 'confirmed' ? 'success' : 'info', result.status === 'confirmed' ? 'events.public.registered' : 'events.public.waitlisted', { position: result.position })
        .redirect(`/veranstaltungen/${event.id}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') {
        // A second registration is corrected in the form; a closed or cancelled event has no form to correct.
        if (error.messageKey === 'events.errors.already_registered' && guest)
          return renderRegistration(request, reply, { values: typedValues(request.body), errors: { email: { key: error.messageKey } } }, 409);
        return reply.flash('danger', error.messageKey).redirect(`/veranstaltungen/${event.id}`, 303);
      }
      throw error;
    }
  });

  app.post('/veranstaltungen/:id/abmelden', { schema: { params: Type.Object({ id: Id }) } }, async (request, reply) => {
    const id = parseId((request.params as { id: string }).id);
    if (!isUser(request.actor)) throw AppError.unauthorized();
    await registrations.cancelOwn(request.actor, id);
    return reply.flash('success', 'events.public.cancelled_own').redirect(`/veranstaltungen/${id}`, 303);
  });

  app.get('/veranstaltungen/:id/termin.ics', { schema: { params: Type.Object({ id: Id }) } }, async (request, reply) => {
    const event = await registrations.visibleEvent(request.actor, parseId((request.params as { id: string }).id));
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="veranstaltung-${event.id}.ics"`)
      .header('cache-control', 'no-cache')
      .send(calendarFile(config.baseUrl, event.title, [event]));
  });

  app.get('/veranstaltungen/:id/bild', { schema: { params: Type.Object({ id: Id }) } }, async (request, reply) => {
    const event = await registrations.visibleEvent(request.actor, parseId((request.params as { id: string }).id));
    const file = event.image_file_id ? await services.files.read(db, event.image_file_id) : null;
    if (!file) throw AppError.notFound();
    return reply.type(file.mime_type).header('cache-control', 'public, max-age=3600').send(file.data);
  });

  const TokenParams = Type.Object({ token: Type.String({ maxLength: 80 }) });

  /** The link from the mail shows what would be cancelled; only the button cancels. */
  app.get('/veranstaltungen/abmeldung/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as { token: string };
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

  app.post('/veranstaltungen/abmeldung/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const result = await registrations.cancelByToken(token);
    if (!result) throw AppError.notFound();
    return reply.flash('success', 'events.public.cancelled_own').redirect(`/veranstaltungen/abmeldung/${token}`, 303);
  });
};
