import { TargetGroupEvidenceButton } from './evidence-pages.tsx';
import type { PageResult } from '../../../platform/http/pagination.ts';
import type { MethodPicker } from '../../../platform/method-links.ts';
import { MethodChoices } from '../../../platform/views/method-choices.tsx';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { FilterForm, FilterSearch } from '../../../platform/views/filters.tsx';
import { Checkbox, CheckboxGroup, ErrorSummary, FileField, Form, FormActions, type FormState, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import { EVENT_FORM_FIELDS } from '../event-form.ts';
import type { EventDetail, EventListItem } from '../repository.ts';
import { ACCESSIBILITY_FEATURES, EVENT_LANGUAGES } from '../service.ts';
import { EVENT_FORMATS, EVENT_MODES } from '../tables.ts';
import { SeatStatus } from './event-list.tsx';
import { StatisticsFields } from './event-page.tsx';

export function ManageEventsPage({ ags, name, result }: { ags: string; name: string; result: PageResult<EventListItem> }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('events.manage.title', { name })}</h1>
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={`/verwaltung/${ags}/veranstaltungen/neu`}>
          <span class="kern-label">{t('events.manage.new')}</span>
        </a>{' '}
        <a class="kern-link" href={`/verwaltung/${ags}/veranstaltungen/nachweise`}>
          {t('events.evidence.crumb')}
        </a>
      </p>
      {result.items.length === 0 ? (
        <p class="kern-body">{t('events.public.none')}</p>
      ) : (
        <div class="kern-table-responsive">
          <table class="kern-table">
            <caption class="kern-title">{t('events.manage.table_caption')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">
                  {t('events.field.title')}
                </th>
                <th class="kern-table__header" scope="col">
                  {t('events.field.starts_at')}
                </th>
                <th class="kern-table__header" scope="col">
                  {t('events.manage.state')}
                </th>
                <th class="kern-table__header" scope="col">
                  {t('events.public.seats')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {result.items.map((e) => (
                <tr class="kern-table__row" key={e.id}>
                  <td class="kern-table__cell">
                    <a class="kern-link" href={`/verwaltung/${ags}/veranstaltungen/${e.id}`}>
                      {e.title}
                    </a>
                  </td>
                  <td class="kern-table__cell">{formatDate(locale, e.starts_at, true)}</td>
                  <td class="kern-table__cell">{e.cancelled_at ? t('events.public.cancelled') : e.published ? t('events.manage.published') : t('events.manage.unpublished')}</td>
                  <td class="kern-table__cell">{t('events.manage.seats_taken', { confirmed: e.confirmed, capacity: e.capacity })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination result={result} path={`/verwaltung/${ags}/veranstaltungen`} query={{}} />
    </>
  );
}

export function eventLabels(t: (key: string) => string): Record<string, string> {
  const fields = [...EVENT_FORM_FIELDS.filter((f) => f !== 'published' && f !== 'organiserId'), 'languages', 'accessibility'];
  return {
    ...Object.fromEntries(fields.map((field) => [field, t(`events.field.${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`)])),
    organiserId: t('network.workspace.event.organiser'),
    coOrganiserIds: t('network.workspace.event.co_organisers'),
    methodIds: t('toolkit.form.used_methods'),
  };
}

export function EventFormPage({
  action,
  form,
  districts,
  organisations = [],
  methods = null,
  selected,
  editing,
  cancelHref,
}: {
  action: string;
  form: FormState;
  districts: Array<{ id: number; name: string }>;
  organisations?: Array<{ id: number; name: string }>;
  /** The toolkit's published cards the event may name. */
  methods?: MethodPicker | null;
  selected: { languages: string[]; accessibility: string[]; coOrganiserIds?: string[]; methodIds?: string[] };
  editing: boolean;
  cancelHref: string;
}) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{editing ? t('events.manage.edit_title') : t('events.manage.new')}</h1>
      <ErrorSummary form={form} labels={eventLabels(t)} />
      <Form action={action} defaultSubmit={{ label: t('common.save') }}>
        <TextField form={form} name="title" label={t('events.field.title')} required maxLength={200} />
        <TextArea form={form} name="description" label={t('events.field.description')} rows={5} maxLength={10000} />
        <SelectField form={form} name="format" label={t('events.field.format')} required options={EVENT_FORMATS.map((f) => ({ value: f, label: t(`events.format.${f}`) }))} />
        <SelectField form={form} name="mode" label={t('events.field.mode')} required options={EVENT_MODES.map((m) => ({ value: m, label: t(`events.mode.${m}`) }))} />
        <TextField form={form} name="venue" label={t('events.field.venue')} hint={t('events.field.venue_hint')} maxLength={200} />
        <TextField form={form} name="address" label={t('events.field.address')} maxLength={300} />
        <TextField form={form} name="onlineUrl" type="url" label={t('events.field.online_url')} hint={t('events.field.online_url_hint')} maxLength={500} />
        {districts.length ? (
          <SelectField form={form} name="districtId" label={t('events.field.district')} emptyLabel={t('common.none')} options={districts.map((d) => ({ value: String(d.id), label: d.name }))} />
        ) : null}
        <TextField form={form} name="startsAt" type="datetime-local" label={t('events.field.starts_at')} required />
        <TextField form={form} name="endsAt" type="datetime-local" label={t('events.field.ends_at')} required />
        <TextField form={form} name="capacity" type="number" label={t('events.field.capacity')} hint={t('events.field.capacity_hint')} required min={1} max={100000} />
        <TextField form={form} name="registrationOpensAt" type="datetime-local" label={t('events.field.registration_opens_at')} hint={t('events.field.registration_opens_hint')} />
        <TextField form={form} name="registrationClosesAt" type="datetime-local" label={t('events.field.registration_closes_at')} hint={t('events.field.registration_closes_hint')} />
        <CheckboxGroup
          name="languages"
          legend={t('events.field.languages')}
          options={EVENT_LANGUAGES.map((l) => ({ value: l, label: t(`events.language.${l}`) }))}
          selected={selected.languages}
          error={form.errors.languages ? t(form.errors.languages.key) : undefined}
        />
        <CheckboxGroup
          name="accessibility"
          legend={t('events.field.accessibility')}
          options={ACCESSIBILITY_FEATURES.map((a) => ({ value: a, label: t(`events.access.${a}`) }))}
          selected={selected.accessibility}
          error={form.errors.accessibility ? t(form.errors.accessibility.key) : undefined}
        />
        <TextArea form={form} name="accessibilityNote" label={t('events.field.accessibility_note')} rows={2} maxLength={1000} />
        {organisations.length ? (
          <>
            <SelectField
              form={form}
              name="organiserId"
              label={t('network.workspace.event.organiser')}
              hint={t('network.workspace.event.organiser_hint')}
              emptyLabel={t('common.none')}
              options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
            />
            <CheckboxGroup
              name="coOrganiserIds"
              legend={t('network.workspace.event.co_organisers')}
              hint={t('network.workspace.event.co_organisers_hint')}
              options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
              selected={selected.coOrganiserIds ?? []}
              error={form.errors.coOrganiserIds ? t(form.errors.coOrganiserIds.key) : undefined}
            />
          </>
        ) : null}
        <MethodChoices picker={methods} form={form} />
        <TextField form={form} name="contactName" label={t('events.field.contact_name')} maxLength={200} />
        <TextField form={form} name="contactEmail" type="email" label={t('events.field.contact_email')} maxLength={254} />
        <Checkbox form={form} name="published" label={t('events.field.published')} />
        <FormActions submitLabel={t('common.save')} cancelHref={cancelHref} />
      </Form>
    </>
  );
}

export function EventAdminPage({ ags, event, attended, imageForm, scanForm }: { ags: string; event: EventDetail; attended: number; imageForm: FormState; scanForm: FormState }) {
  const { t, locale } = useView();
  const base = `/verwaltung/${ags}/veranstaltungen/${event.id}`;
  return (
    <>
      <h1 class="kern-heading-large">{event.title}</h1>
      <p class="kern-body">
        {formatDate(locale, event.starts_at, true)} · {event.cancelled_at ? t('events.public.cancelled') : event.published ? t('events.manage.published') : t('events.manage.unpublished')} ·{' '}
        <SeatStatus event={event} />
      </p>
      <dl class="vv-facts">
        <dt>{t('events.manage.confirmed')}</dt>
        <dd>{t('events.manage.seats_taken', { confirmed: event.confirmed, capacity: event.capacity })}</dd>
        <dt>{t('events.manage.waiting')}</dt>
        <dd>{event.waiting}</dd>
        <dt>{t('events.manage.attended')}</dt>
        <dd>{attended}</dd>
      </dl>
      <ul class="kern-list vv-link-list">
        <li>
          <a class="kern-link" href={`/veranstaltungen/${event.id}`}>
            {t('events.manage.public_page')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={`${base}/bearbeiten`}>
            {t('common.edit')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={`${base}/anmeldungen`}>
            {t('events.manage.check_in')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={`${base}/teilnahmeliste.pdf`}>
            {t('events.manage.signature_list')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={`${base}/export/anmeldungen.csv`}>
            {t('events.manage.export_csv')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={`${base}/export/anmeldungen.xlsx`}>
            {t('events.manage.export_xlsx')}
          </a>
        </li>
        {event.feedback_survey_id ? (
          <li>
            <a class="kern-link" href={`/verwaltung/${ags}/umfragen/${event.feedback_survey_id}`}>
              {t('events.manage.feedback_survey')}
            </a>
          </li>
        ) : null}
        {event.cancelled_at ? null : (
          <li>
            <a class="kern-link" href={`${base}/absagen`}>
              {t('events.manage.cancel')}
            </a>
          </li>
        )}
      </ul>
      <div class="vv-actions">
        <Form action={`${base}/kopieren`} class="vv-inline-form">
          <SubmitButton label={t('events.manage.copy')} kind="secondary" />
        </Form>
        {event.feedback_survey_id ? null : (
          <Form action={`${base}/rueckmeldung`} class="vv-inline-form">
            <SubmitButton label={t('events.manage.create_feedback')} kind="secondary" />
          </Form>
        )}
      </div>
      <section aria-labelledby="scan-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="scan-heading">
          {t('events.manage.scan_heading')}
        </h2>
        {event.signed_list_file_id ? (
          <p class="kern-body">
            <a class="kern-link" href={`${base}/unterschriftenliste`}>
              {t('events.manage.scan_download')}
            </a>
          </p>
        ) : (
          <p class="kern-body">{t('events.manage.scan_missing')}</p>
        )}
        <Form action={`${base}/unterschriftenliste`} multipart>
          <FileField form={scanForm} name="scan" label={t('events.manage.scan_field')} hint={t('events.manage.scan_hint')} accept="application/pdf,image/png,image/jpeg" required />
          <SubmitButton label={t('events.manage.scan_upload')} kind="secondary" />
        </Form>
      </section>
      <section aria-labelledby="image-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="image-heading">
          {t('events.manage.image_heading')}
        </h2>
        <Form action={`${base}/bild`} multipart>
          <FileField form={imageForm} name="image" label={t('events.manage.image_field')} hint={t('events.manage.image_hint')} accept="image/png,image/jpeg" required />
          <TextField form={imageForm} name="alt" label={t('events.manage.image_alt')} hint={t('events.manage.image_alt_hint')} required maxLength={300} />
          <SubmitButton label={t('events.manage.image_upload')} kind="secondary" />
        </Form>
      </section>
    </>
  );
}

export function CancelEventPage({ ags, event, form }: { ags: string; event: EventDetail; form: FormState }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/veranstaltungen/${event.id}`;
  return (
    <>
      <h1 class="kern-heading-large">{t('events.manage.cancel_title', { title: event.title })}</h1>
      <p class="kern-body">{t('events.manage.cancel_text', { count: event.confirmed + event.waiting })}</p>
      <ErrorSummary form={form} labels={{ reason: t('events.manage.cancel_reason') }} />
      <Form action={`${base}/absagen`}>
        <TextArea form={form} name="reason" label={t('events.manage.cancel_reason')} hint={t('events.manage.cancel_reason_hint')} rows={3} maxLength={1000} required />
        <FormActions submitLabel={t('events.manage.cancel_confirm')} cancelHref={base} />
      </Form>
    </>
  );
}

export interface CheckInRow {
  id: number;
  name: string;
  organisation: string;
  status: string;
  attended: boolean;
  walk_in: boolean;
  target_group_confirmed_at: Date | null;
}

/** Made for a phone at the door: a search, big buttons, one line per person. */
export function CheckInPage({ ags, event, result, search, walkInForm }: { ags: string; event: EventDetail; result: PageResult<CheckInRow>; search: string; walkInForm: FormState }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/veranstaltungen/${event.id}`;
  return (
    <>
      <h1 class="kern-heading-large">{t('events.manage.check_in_title', { title: event.title })}</h1>
      <FilterForm action={`${base}/anmeldungen`} label={t('events.manage.check_in_search')}>
        <FilterSearch name="suche" label={t('events.manage.check_in_search')} value={search} />
      </FilterForm>
      <p class="kern-body" role="status">
        {t('common.results', { count: result.total })}
      </p>
      <ul class="vv-check-in">
        {result.items.map((r) => (
          <li key={r.id} class="vv-check-in__row">
            <span class="vv-check-in__name">
              <strong>{r.name}</strong>
              {r.organisation ? ` · ${r.organisation}` : ''}
              {r.status === 'waiting' ? ` · ${t('events.manage.on_waitlist')}` : ''}
              {r.walk_in ? ` · ${t('events.manage.walk_in')}` : ''}
            </span>
            {r.status === 'confirmed' ? (
              <Form action={`${base}/anmeldungen/${r.id}/anwesenheit`} class="vv-inline-form">
                <input type="hidden" name="attended" value={r.attended ? 'no' : 'yes'} />
                <button
                  type="submit"
                  class={`kern-btn kern-btn--${r.attended ? 'secondary' : 'primary'}`}
                  aria-label={`${r.attended ? `${t('events.manage.present')} – ${t('events.manage.undo_check_in')}` : t('events.manage.check_in_person')}: ${r.name}`}
                >
                  <span class="kern-label">{r.attended ? t('events.manage.present') : t('events.manage.check_in_person')}</span>
                </button>
              </Form>
            ) : null}
            {r.status === 'confirmed' ? <TargetGroupEvidenceButton action={`${base}/anmeldungen/${r.id}/zielgruppennachweis`} name={r.name} confirmed={r.target_group_confirmed_at !== null} /> : null}
            <Form action={`${base}/anmeldungen/${r.id}/stornieren`} class="vv-inline-form">
              <button type="submit" class="kern-btn kern-btn--tertiary" aria-label={`${t('events.manage.cancel_registration')}: ${r.name}`}>
                <span class="kern-label">{t('events.manage.cancel_registration')}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Pagination result={result} path={`${base}/anmeldungen`} query={search ? { suche: search } : {}} />
      <section aria-labelledby="walk-in-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="walk-in-heading">
          {t('events.manage.walk_in_heading')}
        </h2>
        <ErrorSummary form={walkInForm} labels={{ name: t('events.field.name'), email: t('events.field.email'), paperConsent: t('events.manage.paper_consent') }} />
        <Form action={`${base}/nachmeldung`}>
          <TextField form={walkInForm} name="name" label={t('events.field.name')} required maxLength={200} />
          <TextField form={walkInForm} name="organisation" label={t('events.field.organisation')} maxLength={200} />
          <TextField form={walkInForm} name="homeTown" label={t('events.field.home_town')} maxLength={200} />
          <TextField form={walkInForm} name="email" type="email" label={t('events.field.email')} maxLength={254} />
          <StatisticsFields form={walkInForm} />
          <Checkbox form={walkInForm} name="paperConsent" label={t('events.manage.paper_consent')} />
          <SubmitButton label={t('events.manage.walk_in_add')} />
        </Form>
      </section>
    </>
  );
}
