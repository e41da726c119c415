import type { PageResult } from '../../../platform/http/pagination.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { FilterForm, FilterSearch, FilterSelect } from '../../../platform/views/filters.tsx';
import { Checkbox, CheckboxGroup, EMPTY_FORM, ErrorSummary, FileField, Form, FormActions, type FormState, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import { activePhase, type Phase, PHASES } from '../phases.ts';
import { PROCESS_LANGUAGES } from '../service.ts';

export interface ProcessRow {
  id: number;
  title: string;
  description: string;
  published: boolean;
  ags: string;
  municipality_name: string;
  proposal_count: number | string | null;
  starts_on: string | null;
  ends_on: string | null;
}

export function ProcessList({ result, path, showTown, manageAgs }: { result: PageResult<ProcessRow>; path: string; showTown: boolean; manageAgs?: string }) {
  const { t, locale } = useView();
  if (result.items.length === 0) return <p class="kern-body">{t('participation.process.none')}</p>;
  return (
    <>
      <ul class="vv-measures">
        {result.items.map((p) => (
          <li class="vv-measure" key={p.id}>
            <h2 class="kern-heading-small">
              <a class="kern-link" href={manageAgs ? `/verwaltung/${manageAgs}/beteiligung/${p.id}` : `/beteiligung/${p.id}`}>
                {p.title}
              </a>
            </h2>
            <p class="kern-body kern-body--small vv-muted">
              {showTown ? `${p.municipality_name} · ` : ''}
              {p.starts_on && p.ends_on ? t('participation.process.period', { start: formatDate(locale, p.starts_on), end: formatDate(locale, p.ends_on) }) : t('participation.process.no_phases')} ·{' '}
              {t('participation.process.proposal_count', { count: Number(p.proposal_count ?? 0) })}
              {p.published ? '' : ` · ${t('participation.process.unpublished')}`}
            </p>
            <p class="kern-body">{p.description}</p>
          </li>
        ))}
      </ul>
      <Pagination result={result} path={path} query={{}} />
    </>
  );
}

export function ProcessesPage({ title, lead, result, path, showTown }: { title: string; lead: string; result: PageResult<ProcessRow>; path: string; showTown: boolean }) {
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body kern-body--large">{lead}</p>
      </div>
      <ProcessList result={result} path={path} showTown={showTown} />
    </>
  );
}

export function PhaseTimeline({ phases }: { phases: Phase[] }) {
  const { t, locale } = useView();
  const active = activePhase(phases);
  if (phases.length === 0) return <p class="kern-body">{t('participation.process.no_phases')}</p>;
  return (
    <ol class="vv-history">
      {phases.map((phase) => (
        <li key={phase.kind} aria-current={active?.kind === phase.kind ? 'step' : undefined}>
          <strong>{t(`participation.phase.${phase.kind}`)}</strong>
          {active?.kind === phase.kind ? ` (${t('participation.phase.active')})` : ''}: {formatDate(locale, phase.starts_on)} – {formatDate(locale, phase.ends_on)}
        </li>
      ))}
    </ol>
  );
}

export interface ProposalRow {
  hidden_at: Date | null;
  hidden_reason: string;
  held: boolean;
  id: number;
  title: string;
  body: string;
  status: string;
  support_count: number;
  comment_count: number;
  offline: boolean;
  created_at: Date;
  author_name: string | null;
  author_deleted_at: Date | null;
  field_name: string | null;
  district_name: string | null;
}

export interface ProposalQuery {
  q?: string;
  handlungsfeld?: string;
  ortsteil?: string;
  status?: string;
  antwort?: string;
  sort?: string;
}

export function authorLabel(t: (key: string) => string, row: { author_name: string | null; author_deleted_at: Date | null; offline: boolean }): string {
  if (row.offline) return t('participation.proposal.offline');
  if (row.author_deleted_at) return t('admin.users.deleted_account');
  return row.author_name ?? t('participation.proposal.unknown_author');
}

export function ProcessPage({
  process,
  phases,
  result,
  query,
  fields,
  districts,
  canPropose,
  canManage,
  following,
  districtNames,
}: {
  process: { id: number; title: string; description: string; ags: string; municipality_name: string; published: boolean; languages: string[]; image_file_id: number | null; image_alt: string };
  districtNames: string[];
  phases: Phase[];
  result: PageResult<ProposalRow>;
  query: ProposalQuery;
  fields: Array<{ id: number; name: string }>;
  districts: Array<{ id: number; name: string }>;
  canPropose: boolean;
  canManage: boolean;
  following: boolean | null;
}) {
  const { t, locale } = useView();
  const path = `/beteiligung/${process.id}`;
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{process.title}</h1>
        <p class="kern-body kern-body--large">
          <a class="kern-link" href={`/kommunen/${process.ags}`}>
            {process.municipality_name}
          </a>
          {process.published ? '' : ` · ${t('participation.process.unpublished')}`}
        </p>
      </div>
      {process.image_file_id ? <img class="vv-event-image" src={`/beteiligung/${process.id}/bild`} alt={process.image_alt} width={640} /> : null}
      <p class="kern-body">{process.description}</p>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('participation.process.where')}</dt>
          <dd class="kern-description-list-item__value">{districtNames.length ? districtNames.join(', ') : t('strategy.measure.whole_town')}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('participation.process.languages')}</dt>
          <dd class="kern-description-list-item__value">
            {process.languages.map((l, i) => (
              <span key={l} lang={l === 'de-x-leicht' ? 'de' : l}>
                {i > 0 ? ', ' : ''}
                {t(`participation.language.${l}`)}
              </span>
            ))}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="phases-heading">
        <h2 class="kern-heading-medium" id="phases-heading">
          {t('participation.process.phases')}
        </h2>
        <PhaseTimeline phases={phases} />
      </section>
      {following !== null ? (
        <Form action={`${path}/folgen`}>
          <SubmitButton label={following ? t('participation.follow.stop_process') : t('participation.follow.process')} kind="secondary" />
        </Form>
      ) : null}
      <p class="vv-actions">
        {canPropose ? (
          <a class="kern-btn kern-btn--primary" href={`${path}/vorschlaege/neu`}>
            <span class="kern-label">{t('participation.proposal.new')}</span>
          </a>
        ) : null}
        {canManage ? (
          <>
            <a class="kern-link" href={`/verwaltung/${process.ags}/beteiligung/${process.id}`}>
              {t('participation.process.manage')}
            </a>
            <a class="kern-link" href={`/verwaltung/${process.ags}/beteiligung/${process.id}/offline`}>
              {t('participation.offline.title')}
            </a>
            <a class="kern-link" href={`/verwaltung/${process.ags}/beteiligung/${process.id}/export/vorschlaege.xlsx`}>
              {t('participation.export.proposals_xlsx')}
            </a>
            <a class="kern-link" href={`/verwaltung/${process.ags}/beteiligung/${process.id}/export/vorschlaege.csv`}>
              {t('participation.export.proposals_csv')}
            </a>
            <a class="kern-link" href={`/verwaltung/${process.ags}/beteiligung/${process.id}/export/kommentare.xlsx`}>
              {t('participation.export.comments_xlsx')}
            </a>
            <a class="kern-link" href={`/verwaltung/${process.ags}/beteiligung/${process.id}/export/kommentare.csv`}>
              {t('participation.export.comments_csv')}
            </a>
          </>
        ) : null}
      </p>
      <section aria-labelledby="proposals-heading">
        <h2 class="kern-heading-medium" id="proposals-heading">
          {t('participation.proposal.list_title')}
        </h2>
        <FilterForm action={path} label={t('participation.proposal.filter_label')}>
          <FilterSearch name="q" label={t('participation.proposal.search')} value={query.q} />
          <FilterSelect name="handlungsfeld" label={t('strategy.measure.field')} value={query.handlungsfeld} options={fields.map((f) => ({ value: String(f.id), label: f.name }))} />
          <FilterSelect name="ortsteil" label={t('strategy.measure.district')} value={query.ortsteil} options={districts.map((d) => ({ value: String(d.id), label: d.name }))} />
          <FilterSelect
            name="status"
            label={t('participation.proposal.status')}
            value={query.status}
            options={['open', 'in_review', 'accepted', 'rejected', 'merged'].map((s) => ({ value: s, label: t(`participation.status.${s}`) }))}
          />
          <FilterSelect
            name="antwort"
            label={t('participation.proposal.answered')}
            value={query.antwort}
            options={[
              { value: 'ja', label: t('common.yes') },
              { value: 'nein', label: t('common.no') },
            ]}
          />
          <FilterSelect
            name="sort"
            label={t('participation.proposal.sort')}
            value={query.sort ?? 'newest'}
            withAll={false}
            options={['newest', 'supported', 'commented', 'random'].map((s) => ({ value: s, label: t(`participation.sort.${s}`) }))}
          />
        </FilterForm>
        <p class="kern-body" role="status">
          {t('common.results', { count: result.total })}
        </p>
        <ul class="vv-measures">
          {result.items.map((p) => (
            <li class="vv-measure" key={p.id}>
              <h3 class="kern-heading-small">
                <a class="kern-link" href={`${path}/vorschlaege/${p.id}`}>
                  {p.hidden_at || p.held ? t(p.held ? 'participation.moderation.held_title' : 'participation.moderation.hidden_title') : p.title}
                </a>
              </h3>
              <p class="kern-body kern-body--small vv-muted">
                {authorLabel(t, p)} · {formatDate(locale, p.created_at)}
                {p.field_name ? ` · ${p.field_name}` : ''}
                {p.district_name ? ` · ${p.district_name}` : ''}
              </p>
              <p class="kern-body">
                <span class="kern-badge kern-badge--info">{t(`participation.status.${p.status}`)}</span> {t('participation.proposal.supports', { count: p.support_count })} ·{' '}
                {t('participation.proposal.comments', { count: p.comment_count })}
              </p>
            </li>
          ))}
        </ul>
        <Pagination result={result} path={path} query={query as Record<string, unknown>} />
      </section>
      <p class="kern-body kern-body--small vv-muted">{t('participation.process.as_of', { date: formatDate(locale, new Date()) })}</p>
    </>
  );
}

export function processLabels(t: (key: string) => string): Record<string, string> {
  const labels: Record<string, string> = { title: t('participation.process.title_field'), description: t('participation.process.description'), fieldId: t('strategy.measure.field') };
  for (const kind of PHASES) {
    labels[`${kind}Start`] = `${t(`participation.phase.${kind}`)}: ${t('participation.phase.start')}`;
    labels[`${kind}End`] = `${t(`participation.phase.${kind}`)}: ${t('participation.phase.end')}`;
  }
  return labels;
}

export function ProcessFormPage({
  ags,
  action,
  form,
  fields,
  districts,
  selected,
  editing,
  imageForm,
  image,
}: {
  ags: string;
  action: string;
  form: FormState;
  fields: Array<{ id: number; name: string }>;
  districts: Array<{ id: number; name: string }>;
  selected: { languages: string[]; districtIds: string[] };
  editing: boolean;
  imageForm?: FormState;
  image?: { href: string; alt: string } | null;
}) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{editing ? t('participation.process.edit_title') : t('participation.process.new')}</h1>
      <ErrorSummary form={form} labels={processLabels(t)} />
      <Form action={action}>
        <TextField form={form} name="title" label={t('participation.process.title_field')} required maxLength={200} />
        <TextArea form={form} name="description" label={t('participation.process.description')} rows={5} maxLength={10000} />
        <SelectField
          form={form}
          name="fieldId"
          label={t('strategy.measure.field')}
          emptyLabel={t('participation.process.no_field')}
          options={fields.map((f) => ({ value: String(f.id), label: f.name }))}
        />
        {districts.length ? (
          <CheckboxGroup
            name="districtIds"
            legend={t('participation.process.districts')}
            options={districts.map((d) => ({ value: String(d.id), label: d.name }))}
            selected={selected.districtIds}
            error={form.errors.districtIds ? t(form.errors.districtIds.key) : undefined}
          />
        ) : null}
        <CheckboxGroup
          name="languages"
          legend={t('participation.process.languages')}
          options={PROCESS_LANGUAGES.map((l) => ({ value: l, label: t(`participation.language.${l}`) }))}
          selected={selected.languages}
          error={form.errors.languages ? t(form.errors.languages.key) : undefined}
        />
        <TextArea form={form} name="places" label={t('participation.process.places')} hint={t('participation.process.places_hint')} rows={4} maxLength={3000} />
        <fieldset class="vv-phases">
          <legend class="kern-label">{t('participation.process.phases')}</legend>
          <p class="kern-hint">{t('participation.process.phases_hint')}</p>
          {PHASES.map((kind) => (
            <div class="vv-phase-row" key={kind}>
              <TextField form={form} name={`${kind}Start`} type="date" label={`${t(`participation.phase.${kind}`)}: ${t('participation.phase.start')}`} />
              <TextField form={form} name={`${kind}End`} type="date" label={`${t(`participation.phase.${kind}`)}: ${t('participation.phase.end')}`} />
            </div>
          ))}
        </fieldset>
        {editing ? <Checkbox form={form} name="published" label={t('participation.process.published')} /> : null}
        <FormActions submitLabel={t('common.save')} cancelHref={`/verwaltung/${ags}/beteiligung`} />
      </Form>
      {editing ? (
        <section aria-labelledby="image-heading" class="vv-section">
          <h2 class="kern-heading-medium" id="image-heading">
            {t('participation.process.image_heading')}
          </h2>
          {image ? <img class="vv-event-image" src={image.href} alt={image.alt} width={320} /> : null}
          <ErrorSummary form={imageForm ?? EMPTY_FORM} labels={{ image: t('participation.process.image_field'), alt: t('participation.process.image_alt') }} />
          <Form action={`${action}/bild`} multipart>
            <FileField form={imageForm ?? EMPTY_FORM} name="image" label={t('participation.process.image_field')} hint={t('participation.process.image_hint')} accept="image/png,image/jpeg" required />
            <TextField form={imageForm ?? EMPTY_FORM} name="alt" label={t('participation.process.image_alt')} hint={t('participation.process.image_alt_hint')} required maxLength={300} />
            <SubmitButton label={t('participation.process.image_upload')} kind="secondary" />
          </Form>
        </section>
      ) : null}
    </>
  );
}
