import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { Checkbox, ErrorSummary, Form, type FormState, RadioGroup, SubmitButton, TextField } from '../../../platform/views/forms.tsx';
import type { RegistrationWindow } from '../registration.ts';
import { AGE_GROUPS, SEX_OPTIONS, THIRD_COUNTRY_OPTIONS } from '../tables.ts';
import type { EventDetail } from '../repository.ts';
import { SeatStatus } from './event-list.tsx';

export type OwnRegistration = { status: 'confirmed' | 'waiting'; position: number } | null;

function registrationLabels(t: (key: string) => string): Record<string, string> {
  return {
    name: t('events.field.name'),
    email: t('events.field.email'),
    organisation: t('events.field.organisation'),
    homeTown: t('events.field.home_town'),
    sex: t('events.stats.sex'),
    ageGroup: t('events.stats.age_group'),
    thirdCountry: t('events.stats.third_country'),
    privacy: t('events.field.privacy'),
  };
}

/** The statistical questions for the funder: each says why it is asked, and "keine Angabe" is always there. */
export function StatisticsFields({ form }: { form: FormState }) {
  const { t } = useView();
  return (
    <fieldset class="kern-fieldset">
      <legend class="kern-label">{t('events.stats.legend')}</legend>
      <p class="kern-hint">{t('events.stats.why')}</p>
      <RadioGroup form={form} name="sex" legend={t('events.stats.sex')} options={SEX_OPTIONS.map((o) => ({ value: o, label: t(`events.stats.sex_${o}`) }))} />
      <RadioGroup form={form} name="ageGroup" legend={t('events.stats.age_group')} options={AGE_GROUPS.map((o) => ({ value: o, label: t(`events.stats.age_${o}`) }))} />
      <RadioGroup
        form={form}
        name="thirdCountry"
        legend={t('events.stats.third_country')}
        hint={t('events.stats.third_country_hint')}
        options={THIRD_COUNTRY_OPTIONS.map((o) => ({ value: o, label: t(`events.stats.third_country_${o}`) }))}
      />
    </fieldset>
  );
}

/**
 * The registration form on a page of its own: its CSRF token is personal, while the event page is
 * the same for every visitor and can be served from the page cache.
 */
export function RegistrationPage({ event, form, guest }: { event: EventDetail; form: FormState; guest: boolean }) {
  const { t, locale } = useView();
  const full = event.confirmed >= event.capacity;
  return (
    <section aria-labelledby="registration-heading">
      <h1 class="kern-heading-large" id="registration-heading">
        {t('events.public.register_title', { title: event.title })}
      </h1>
      <p class="kern-body">
        <time datetime={event.starts_at.toISOString()}>{formatDate(locale, event.starts_at, true)}</time> · {[event.venue, event.municipality_name].filter(Boolean).join(', ')} ·{' '}
        <SeatStatus event={event} />
      </p>
      {full ? <p class="kern-body">{t('events.public.full_waitlist')}</p> : null}
      <ErrorSummary form={form} labels={registrationLabels(t)} />
      <Form action={`/veranstaltungen/${event.id}/anmeldung`}>
        {guest ? (
          <>
            <p class="kern-body">
              {t('events.public.guest_hint')}{' '}
              <a class="kern-link" href={`/anmelden?zurueck=/veranstaltungen/${event.id}`}>
                {t('events.public.login_instead')}
              </a>
            </p>
            <TextField form={form} name="name" label={t('events.field.name')} required maxLength={200} autocomplete="name" />
            <TextField form={form} name="email" type="email" label={t('events.field.email')} hint={t('events.field.email_hint')} required maxLength={254} autocomplete="email" />
          </>
        ) : null}
        <TextField form={form} name="organisation" label={t('events.field.organisation')} maxLength={200} autocomplete="organization" />
        <TextField form={form} name="homeTown" label={t('events.field.home_town')} maxLength={200} autocomplete="address-level2" />
        <StatisticsFields form={form} />
        {guest ? <Checkbox form={form} name="privacy" label={t('events.field.privacy')} /> : null}
        <SubmitButton label={full ? t('events.public.join_waitlist') : t('events.public.register')} />
      </Form>
    </section>
  );
}

export function EventPage({
  event,
  window,
  own,
  imageHref,
  feedbackHref,
  manageHref,
  organisers = [],
}: {
  event: EventDetail;
  organisers?: Array<{ organisation_id: number; role: string; name: string }>;
  window: RegistrationWindow;
  own: OwnRegistration;
  imageHref: string | null;
  feedbackHref: string | null;
  manageHref: string | null;
}) {
  const { t, locale } = useView();
  const place = [event.venue, event.address].filter(Boolean).join(', ');
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{event.title}</h1>
        <p class="kern-body kern-body--large">
          {t(`events.format.${event.format}`)} · {t(`events.mode.${event.mode}`)} · {event.municipality_name}
        </p>
      </div>
      {manageHref ? (
        <p class="kern-body">
          <a class="kern-link" href={manageHref}>
            {t('events.manage.manage_this')}
          </a>
        </p>
      ) : null}
      {event.cancelled_at ? (
        <div class="kern-alert kern-alert--danger" role="status">
          <div class="kern-alert__header">
            <span class="kern-title">{t('events.public.cancelled_title')}</span>
          </div>
          {event.cancel_reason ? (
            <div class="kern-alert__body">
              <p class="kern-body">{event.cancel_reason}</p>
            </div>
          ) : null}
        </div>
      ) : null}
      {imageHref ? <img class="vv-event-image" src={imageHref} alt={event.image_alt} width={640} /> : null}
      <dl class="vv-facts">
        <dt>{t('events.public.when')}</dt>
        <dd>
          <time datetime={event.starts_at.toISOString()}>{formatDate(locale, event.starts_at, true)}</time> –{' '}
          <time datetime={event.ends_at.toISOString()}>{formatDate(locale, event.ends_at, true)}</time>
        </dd>
        {place ? (
          <>
            <dt>{t('events.public.where')}</dt>
            <dd>{place}</dd>
          </>
        ) : null}
        {event.district_name ? (
          <>
            <dt>{t('events.field.district')}</dt>
            <dd>{event.district_name}</dd>
          </>
        ) : null}
        {event.online_url && own?.status === 'confirmed' ? (
          <>
            <dt>{t('events.field.online_url')}</dt>
            <dd>
              <a class="kern-link" href={event.online_url} rel="noopener noreferrer">
                {event.online_url}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('events.public.seats')}</dt>
        <dd>
          <SeatStatus event={event} />
        </dd>
        <dt>{t('events.field.languages')}</dt>
        <dd>{event.languages.map((l) => t(`events.language.${l}`)).join(', ')}</dd>
        {event.accessibility.length || event.accessibility_note ? (
          <>
            <dt>{t('events.field.accessibility')}</dt>
            <dd>{[...event.accessibility.map((a) => t(`events.access.${a}`)), event.accessibility_note].filter(Boolean).join('; ')}</dd>
          </>
        ) : null}
        {organisers.length ? (
          <>
            <dt>{t('network.event.organisers')}</dt>
            <dd>{organisers.map((o) => (o.role === 'organiser' ? o.name : t('network.event.co_organiser', { name: o.name }))).join('; ')}</dd>
          </>
        ) : null}
        {event.contact_name || event.contact_email ? (
          <>
            <dt>{t('events.public.contact')}</dt>
            <dd>
              {event.contact_name}
              {event.contact_email ? (
                <>
                  {event.contact_name ? ', ' : ''}
                  <a class="kern-link" href={`mailto:${event.contact_email}`}>
                    {event.contact_email}
                  </a>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      {event.description ? <p class="kern-body vv-prewrap">{event.description}</p> : null}
      <p class="kern-body">
        <a class="kern-link" href={`/veranstaltungen/${event.id}/termin.ics`} download>
          {t('events.public.add_to_calendar')}
        </a>
        {feedbackHref ? (
          <>
            {' · '}
            <a class="kern-link" href={feedbackHref}>
              {t('events.public.feedback')}
            </a>
          </>
        ) : null}
      </p>
      {own ? (
        <section aria-labelledby="own-heading" class="vv-section">
          <h2 class="kern-heading-medium" id="own-heading">
            {t('events.public.own_heading')}
          </h2>
          <p class="kern-body">{own.status === 'confirmed' ? t('events.public.own_confirmed') : t('events.public.own_waiting', { position: own.position })}</p>
          {Date.now() < event.starts_at.getTime() ? (
            <Form action={`/veranstaltungen/${event.id}/abmelden`}>
              <SubmitButton label={t('events.public.cancel_own')} kind="secondary" />
            </Form>
          ) : (
            <p class="kern-body">{t('events.errors.cancel_after_start')}</p>
          )}
        </section>
      ) : window === 'open' ? (
        <p class="kern-body">
          {event.confirmed >= event.capacity ? <span class="kern-body">{t('events.public.full_waitlist')} </span> : null}
          <a class="kern-btn kern-btn--primary" href={`/veranstaltungen/${event.id}/anmeldung`}>
            <span class="kern-label">{event.confirmed >= event.capacity ? t('events.public.join_waitlist') : t('events.public.register_link')}</span>
          </a>
        </p>
      ) : window !== 'cancelled' ? (
        <p class="kern-body">{t(`events.public.window_${window}`, { date: formatDate(locale, event.registration_opens_at, true) })}</p>
      ) : null}
    </>
  );
}

/** The page behind the cancellation link: one button, so that a mail scanner opening the link cancels nothing. */
export function CancelRegistrationPage({ token, event, done }: { token: string; event: { id: number; title: string; starts_at: Date } | null; done: boolean }) {
  const { t, locale } = useView();
  const heading = <h1 class="kern-heading-large">{t('events.public.cancel_title')}</h1>;
  if (!event) {
    return (
      <>
        {heading}
        <p class="kern-body">{t('events.public.cancel_link_invalid')}</p>
      </>
    );
  }
  if (done) {
    return (
      <>
        {heading}
        <p class="kern-body">{t('events.public.cancel_done', { title: event.title })}</p>
        <p class="kern-body">
          <a class="kern-link" href={`/veranstaltungen/${event.id}`}>
            {t('events.public.back_to_event')}
          </a>
        </p>
      </>
    );
  }
  if (Date.now() >= event.starts_at.getTime()) {
    return (
      <>
        {heading}
        <p class="kern-body">{t('events.errors.cancel_after_start')}</p>
      </>
    );
  }
  return (
    <>
      {heading}
      <p class="kern-body">{t('events.public.cancel_question', { title: event.title, date: formatDate(locale, event.starts_at, true) })}</p>
      <Form action={`/veranstaltungen/abmeldung/${token}`}>
        <SubmitButton label={t('events.public.cancel_confirm')} />
      </Form>
    </>
  );
}
