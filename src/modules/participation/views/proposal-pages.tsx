import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { Checkbox, ErrorSummary, FileField, Form, FormActions, type FormState, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import { osmLink } from '../location.ts';
import { authorLabel } from './process-pages.tsx';

interface Comment {
  hidden_at: Date | null;
  hidden_reason: string;
  held: boolean;
  id: number;
  parent_id: number | null;
  depth: number;
  body: string;
  created_at: Date;
  edited_at: Date | null;
  author_user_id: number | null;
  author_name: string | null;
  author_deleted_at: Date | null;
}

export interface ProposalView {
  place: string;
  latitude: number | null;
  longitude: number | null;
  hidden_at: Date | null;
  hidden_reason: string;
  held: boolean;
  id: number;
  process_id: number;
  title: string;
  body: string;
  status: string;
  answer_text: string;
  answered_at: Date | null;
  merged_into_id: number | null;
  merged_into_title: string | null;
  support_count: number;
  comment_count: number;
  offline: boolean;
  offline_source: string;
  created_at: Date;
  author_user_id: number | null;
  author_name: string | null;
  author_deleted_at: Date | null;
  field_name: string | null;
  district_name: string | null;
}

const grouped = new WeakMap<Comment[], Map<number | null, Comment[]>>();

/** Comments by parent, grouped once per page instead of once per thread level. */
function childrenOf(comments: Comment[]): Map<number | null, Comment[]> {
  let map = grouped.get(comments);
  if (!map) {
    map = new Map();
    for (const c of comments) {
      const siblings = map.get(c.parent_id);
      if (siblings) siblings.push(c);
      else map.set(c.parent_id, [c]);
    }
    grouped.set(comments, map);
  }
  return map;
}

/** What the public sees instead of a hidden or held contribution; moderators see the text with the note. */
export function ModerationNote({ hiddenReason, held }: { hiddenReason: string; held: boolean }) {
  const { t } = useView();
  return (
    <p class="kern-body vv-moderation-note">
      {held ? t('participation.moderation.held_note') : t('participation.moderation.hidden_note', { reason: t(`participation.report.reason.${hiddenReason || 'other'}`) })}
    </p>
  );
}

function CommentThread({
  comments,
  parentId,
  base,
  canComment,
  userId,
  moderator,
}: {
  comments: Comment[];
  parentId: number | null;
  base: string;
  canComment: boolean;
  userId: number | null;
  moderator: boolean;
}) {
  const { t, locale } = useView();
  const level = childrenOf(comments).get(parentId) ?? [];
  if (level.length === 0) return null;
  return (
    <ul class="vv-comments">
      {level.map((c) => (
        <li class="vv-comment" key={c.id} id={`kommentar-${c.id}`}>
          <p class="kern-body kern-body--small vv-muted">
            {authorLabel(t, { ...c, offline: false })} · {formatDate(locale, c.created_at, true)}
            {c.edited_at ? ` · ${t('participation.comment.edited')}` : ''}
          </p>
          {c.hidden_at || c.held ? <ModerationNote hiddenReason={c.hidden_reason} held={c.held} /> : null}
          {(c.hidden_at || c.held) && !moderator ? null : <p class="kern-body">{c.body}</p>}
          <p class="vv-actions">
            {canComment ? (
              <a class="kern-link" href={`${base}/kommentare/neu?antwort=${c.id}`}>
                {t('participation.comment.reply')}
                <span class="vv-visually-hidden">: {c.body.slice(0, 40)}</span>
              </a>
            ) : null}
            {userId !== null && c.author_user_id === userId && Date.now() - new Date(c.created_at).getTime() < 15 * 60_000 ? (
              <a class="kern-link" href={`${base}/kommentare/${c.id}`}>
                {t('common.edit')}
              </a>
            ) : null}
            {userId !== null && c.author_user_id !== userId && !c.hidden_at ? (
              <a class="kern-link" href={`${base}/kommentare/${c.id}/melden`}>
                {t('participation.report.link')}
              </a>
            ) : null}
          </p>
          <CommentThread comments={comments} parentId={c.id} base={base} canComment={canComment} userId={userId} moderator={moderator} />
        </li>
      ))}
    </ul>
  );
}

export function ProposalPage({
  proposal,
  comments,
  measures,
  ags,
  supported,
  following,
  images,
  canSupport,
  canComment,
  canEdit,
  canAnswer,
  userId,
  commentForm,
}: {
  proposal: ProposalView;
  comments: Comment[];
  measures: Array<{ id: number; title: string; status: string }>;
  ags: string;
  supported: boolean;
  following: boolean | null;
  images: Array<{ id: number; alt_text: string }>;
  canSupport: boolean;
  canComment: boolean;
  canEdit: boolean;
  canAnswer: boolean;
  userId: number | null;
  commentForm: FormState;
}) {
  const { t, locale } = useView();
  const base = `/beteiligung/${proposal.process_id}/vorschlaege/${proposal.id}`;
  const withheld = Boolean(proposal.hidden_at || proposal.held);
  const shown = !withheld || canAnswer;
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{shown ? proposal.title : t(proposal.held ? 'participation.moderation.held_title' : 'participation.moderation.hidden_title')}</h1>
        <p class="kern-body kern-body--large">
          {authorLabel(t, proposal)} · {formatDate(locale, proposal.created_at)}
          {proposal.field_name ? ` · ${proposal.field_name}` : ''}
          {proposal.district_name ? ` · ${proposal.district_name}` : ''}
        </p>
      </div>
      {proposal.offline && proposal.offline_source ? <p class="kern-body vv-muted">{t('participation.proposal.offline_source', { source: proposal.offline_source })}</p> : null}
      {withheld ? <ModerationNote hiddenReason={proposal.hidden_reason} held={proposal.held} /> : null}
      {shown ? <p class="kern-body">{proposal.body}</p> : null}
      {shown ? <ProposalLocation proposal={proposal} /> : null}
      {shown && images.length ? (
        <div class="vv-images">
          {images.map((image) => (
            <img key={image.id} src={`${base}/bilder/${image.id}`} alt={image.alt_text} class="vv-image" loading="lazy" />
          ))}
        </div>
      ) : null}
      {userId !== null && proposal.author_user_id !== userId && !proposal.hidden_at ? (
        <p>
          <a class="kern-link" href={`${base}/melden`}>
            {t('participation.report.link_proposal')}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="support-heading">
        <h2 class="kern-heading-medium" id="support-heading">
          {t('participation.proposal.supports', { count: proposal.support_count })}
        </h2>
        {canSupport ? (
          <Form action={`${base}/${supported ? 'zuruecknehmen' : 'unterstuetzen'}`}>
            <SubmitButton label={supported ? t('participation.support.withdraw') : t('participation.support.give')} kind={supported ? 'secondary' : 'primary'} />
          </Form>
        ) : null}
        {following !== null ? (
          <Form action={`${base}/folgen`}>
            <SubmitButton label={following ? t('participation.follow.stop_proposal') : t('participation.follow.proposal')} kind="tertiary" />
          </Form>
        ) : null}
        {canEdit ? (
          <p>
            <a class="kern-link" href={`${base}/bearbeiten`}>
              {t('participation.proposal.edit')}
            </a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="answer-heading">
        <h2 class="kern-heading-medium" id="answer-heading">
          {t('participation.answer.title')}
        </h2>
        <p class="kern-body">
          <span class="kern-badge kern-badge--info">{t(`participation.status.${proposal.status}`)}</span>
          {proposal.answered_at ? ` · ${formatDate(locale, proposal.answered_at)}` : ''}
        </p>
        {proposal.answer_text ? <p class="kern-body">{proposal.answer_text}</p> : proposal.answered_at ? null : <p class="kern-body">{t('participation.answer.none')}</p>}
        {proposal.merged_into_id ? (
          <p class="kern-body">
            {t('participation.answer.merged_into')}{' '}
            <a class="kern-link" href={`/beteiligung/${proposal.process_id}/vorschlaege/${proposal.merged_into_id}`}>
              {proposal.merged_into_title}
            </a>
          </p>
        ) : null}
        {measures.length ? (
          <>
            <h3 class="kern-heading-small">{t('participation.answer.measures')}</h3>
            <ul class="kern-list kern-list--bullet">
              {measures.map((m) => (
                <li key={m.id}>
                  <a class="kern-link" href={`/kommunen/${ags}/massnahmen/${m.id}`}>
                    {m.title}
                  </a>{' '}
                  ({t(`strategy.status.${m.status}`)})
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {canAnswer ? (
          <p>
            <a class="kern-link" href={`/verwaltung/${ags}/vorschlaege/${proposal.id}/antwort`}>
              {t('participation.answer.give')}
            </a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="comments-heading">
        <h2 class="kern-heading-medium" id="comments-heading">
          {t('participation.proposal.comments', { count: proposal.comment_count })}
        </h2>
        <CommentThread comments={comments} parentId={null} base={base} canComment={canComment} userId={userId} moderator={canAnswer} />
        {canComment ? (
          <>
            <ErrorSummary form={commentForm} labels={{ body: t('participation.comment.body') }} />
            <Form action={`${base}/kommentare`}>
              <TextArea form={commentForm} name="body" label={t('participation.comment.body')} required rows={4} maxLength={5000} />
              <SubmitButton label={t('participation.comment.submit')} />
            </Form>
          </>
        ) : (
          <p class="kern-body">{t('participation.comment.closed')}</p>
        )}
      </section>
      <p>
        <a class="kern-link" href={`/beteiligung/${proposal.process_id}`}>
          {t('participation.proposal.back')}
        </a>
      </p>
    </>
  );
}

/** Title, text, field of action and district: the same for a proposal made online and one from paper. */
/** Where the proposal is about: a named place and/or a point on the town's map, in words as well as drawn. */
function ProposalLocation({ proposal }: { proposal: { process_id: number; place: string; latitude: number | null; longitude: number | null } }) {
  const { t, locale } = useView();
  if (!proposal.place && proposal.latitude === null) return null;
  const point = proposal.latitude !== null && proposal.longitude !== null ? { latitude: proposal.latitude, longitude: proposal.longitude } : null;
  const coordinates = point
    ? t('participation.location.coordinates', {
        latitude: point.latitude.toLocaleString(locale, { maximumFractionDigits: 5 }),
        longitude: point.longitude.toLocaleString(locale, { maximumFractionDigits: 5 }),
      })
    : '';
  return (
    <figure class="vv-location">
      {point ? (
        <img
          src={`/beteiligung/${proposal.process_id}/karte.svg?punkt=${point.latitude},${point.longitude}`}
          alt={t('participation.location.marked', { place: proposal.place || coordinates })}
          width={240}
          height={240}
        />
      ) : null}
      <figcaption class="kern-body">
        {t('participation.location.label')}: {[proposal.place, coordinates].filter(Boolean).join(' · ')}
        {point ? (
          <>
            {' · '}
            <a class="kern-link" href={osmLink(point)} rel="noopener noreferrer">
              {t('participation.location.osm')}
            </a>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}

/** Choosing a place: from the process's list, or by clicking the town's map (an image button, no JavaScript). */
function LocationInputs({ form, places, map }: { form: FormState; places: string[]; map: { src: string; size: number; town: string } }) {
  const { t } = useView();
  const error = form.errors.karte;
  const hasPoint = Boolean(form.values.latitude && form.values.longitude);
  return (
    <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} id="karte" aria-describedby={`karte-hint${error ? ' karte-error' : ''}`}>
      <legend class="kern-label">
        {t('participation.location.legend')} <span class="kern-label__optional">– {t('forms.optional')}</span>
      </legend>
      <p class="kern-hint" id="karte-hint">
        {t('participation.location.hint')}
      </p>
      {error ? (
        <p class="kern-error" id="karte-error">
          <span class="kern-body">{t(error.key, error.params)}</span>
        </p>
      ) : null}
      {places.length ? (
        <SelectField form={form} name="place" label={t('participation.location.place')} emptyLabel={t('participation.location.no_place')} options={places.map((p) => ({ value: p, label: p }))} />
      ) : null}
      <input type="image" name="karte" src={map.src} alt={t('participation.location.map_button', { town: map.town })} width={map.size} height={map.size} class="vv-point-map" formNoValidate />
      {hasPoint ? (
        <>
          <input type="hidden" name="latitude" value={form.values.latitude} />
          <input type="hidden" name="longitude" value={form.values.longitude} />
          <Checkbox form={form} name="keepPoint" label={t('participation.location.keep', { latitude: form.values.latitude ?? '', longitude: form.values.longitude ?? '' })} />
        </>
      ) : null}
    </fieldset>
  );
}

function ProposalInputs({ form, fields, districts }: { form: FormState; fields: Array<{ id: number; name: string }>; districts: Array<{ id: number; name: string }> }) {
  const { t } = useView();
  return (
    <>
      <TextField form={form} name="title" label={t('participation.proposal.title_field')} required maxLength={200} />
      <TextArea form={form} name="body" label={t('participation.proposal.body')} hint={t('participation.proposal.body_hint')} required rows={8} maxLength={10000} />
      <SelectField
        form={form}
        name="fieldId"
        label={t('strategy.measure.field')}
        emptyLabel={t('participation.process.no_field')}
        options={fields.map((f) => ({ value: String(f.id), label: f.name }))}
      />
      <SelectField
        form={form}
        name="districtId"
        label={t('strategy.measure.district')}
        emptyLabel={t('strategy.measure.whole_town')}
        options={districts.map((d) => ({ value: String(d.id), label: d.name }))}
      />
    </>
  );
}

export function ProposalFormPage({
  title,
  action,
  cancel,
  form,
  fields,
  districts,
  withImages,
  places,
  map,
}: {
  title: string;
  action: string;
  cancel: string;
  form: FormState;
  fields: Array<{ id: number; name: string }>;
  districts: Array<{ id: number; name: string }>;
  withImages: boolean;
  places: string[];
  map: { src: string; size: number; town: string };
}) {
  const { t } = useView();
  const labels: Record<string, string> = {
    title: t('participation.proposal.title_field'),
    body: t('participation.proposal.body'),
    fieldId: t('strategy.measure.field'),
    districtId: t('strategy.measure.district'),
    place: t('participation.location.place'),
    karte: t('participation.location.legend'),
  };
  for (const n of [1, 2, 3]) {
    labels[`image${n}`] = t('participation.images.file', { n });
    labels[`alt${n}`] = t('participation.images.alt', { n });
  }
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary form={form} labels={labels} />
      <Form action={action} multipart={withImages}>
        <ProposalInputs form={form} fields={fields} districts={districts} />
        <LocationInputs form={form} places={places} map={map} />
        {withImages ? (
          <fieldset class="kern-fieldset vv-phases">
            <legend class="kern-label">{t('participation.images.legend')}</legend>
            <p class="kern-hint">{t('participation.images.hint')}</p>
            {[1, 2, 3].map((n) => (
              <div class="vv-phase-row" key={n}>
                <FileField form={form} name={`image${n}`} accept="image/png,image/jpeg" label={labels[`image${n}`] as string} />
                <TextField form={form} name={`alt${n}`} label={labels[`alt${n}`] as string} hint={t('participation.images.alt_hint')} maxLength={300} />
              </div>
            ))}
          </fieldset>
        ) : null}
        <FormActions submitLabel={t('participation.proposal.submit')} cancelHref={cancel} />
      </Form>
    </>
  );
}

export function CommentFormPage({ title, action, cancel, form }: { title: string; action: string; cancel: string; form: FormState }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary form={form} labels={{ body: t('participation.comment.body') }} />
      <Form action={action}>
        {form.values.parentId ? <input type="hidden" name="parentId" value={form.values.parentId} /> : null}
        <TextArea form={form} name="body" label={t('participation.comment.body')} required rows={5} maxLength={5000} />
        <FormActions submitLabel={t('participation.comment.submit')} cancelHref={cancel} />
      </Form>
    </>
  );
}

export function AnswerPage({
  proposal,
  form,
  measures,
  others,
  action,
}: {
  proposal: { id: number; title: string; process_id: number };
  form: FormState & { measureIds: number[] };
  measures: Array<{ id: number; title: string }>;
  others: Array<{ id: number; title: string }>;
  action: string;
}) {
  const { t } = useView();
  const labels = {
    status: t('participation.proposal.status'),
    text: t('participation.answer.text'),
    measureIds: t('participation.answer.measures'),
    mergedIntoId: t('participation.answer.merged_into'),
  };
  const measureError = form.errors.measureIds;
  return (
    <>
      <h1 class="kern-heading-large">{t('participation.answer.give_title', { title: proposal.title })}</h1>
      <ErrorSummary form={form} labels={labels} />
      <Form action={action}>
        <SelectField
          form={form}
          name="status"
          label={labels.status}
          required
          options={['in_review', 'accepted', 'rejected', 'merged'].map((s) => ({ value: s, label: t(`participation.status.${s}`) }))}
        />
        <TextArea form={form} name="text" label={labels.text} hint={t('participation.answer.text_hint')} rows={5} maxLength={10000} />
        <fieldset class={`kern-fieldset${measureError ? ' kern-form-input--error' : ''}`} id="measureIds" aria-describedby={measureError ? 'measureIds-error' : undefined}>
          <legend class="kern-label">{labels.measureIds}</legend>
          <p class="kern-hint">{t('participation.answer.measures_hint')}</p>
          {measureError ? (
            <p class="kern-error" id="measureIds-error">
              <span class="kern-body">{t(measureError.key, measureError.params)}</span>
            </p>
          ) : null}
          {measures.map((m) => (
            <div class="kern-form-check" key={m.id}>
              <input class="kern-form-check__checkbox" type="checkbox" id={`measure-${m.id}`} name="measureIds" value={String(m.id)} checked={form.measureIds.includes(m.id)} />
              <label class="kern-label" for={`measure-${m.id}`}>
                {m.title}
              </label>
            </div>
          ))}
        </fieldset>
        <SelectField
          form={form}
          name="mergedIntoId"
          label={labels.mergedIntoId}
          emptyLabel={t('participation.answer.no_merge')}
          options={others.map((o) => ({ value: String(o.id), label: o.title }))}
        />
        <FormActions submitLabel={t('participation.answer.submit')} cancelHref={`/beteiligung/${proposal.process_id}/vorschlaege/${proposal.id}`} />
      </Form>
    </>
  );
}

export function OfflinePage({
  action,
  cancel,
  form,
  fields,
  districts,
}: {
  action: string;
  cancel: string;
  form: FormState;
  fields: Array<{ id: number; name: string }>;
  districts: Array<{ id: number; name: string }>;
}) {
  const { t } = useView();
  const labels = {
    title: t('participation.proposal.title_field'),
    body: t('participation.proposal.body'),
    source: t('participation.offline.source'),
    fieldId: t('strategy.measure.field'),
    districtId: t('strategy.measure.district'),
  };
  return (
    <>
      <h1 class="kern-heading-large">{t('participation.offline.title')}</h1>
      <p class="kern-body">{t('participation.offline.lead')}</p>
      <ErrorSummary form={form} labels={labels} />
      <Form action={action}>
        <TextField form={form} name="source" label={labels.source} hint={t('participation.offline.source_hint')} required maxLength={200} />
        <ProposalInputs form={form} fields={fields} districts={districts} />
        <FormActions submitLabel={t('participation.offline.submit')} cancelHref={cancel} />
      </Form>
    </>
  );
}

export function ReportPage({ title, action, cancel, form }: { title: string; action: string; cancel: string; form: FormState }) {
  const { t } = useView();
  const labels = { reason: t('participation.report.reason_label'), note: t('participation.report.note') };
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('participation.report.lead')}</p>
      <ErrorSummary form={form} labels={labels} />
      <Form action={action}>
        <SelectField
          form={form}
          name="reason"
          label={labels.reason}
          required
          emptyLabel={t('strategy.measure.choose')}
          options={['insult', 'discrimination', 'spam', 'personal_data', 'other'].map((r) => ({ value: r, label: t(`participation.report.reason.${r}`) }))}
        />
        <TextArea form={form} name="note" label={labels.note} rows={3} maxLength={2000} />
        <FormActions submitLabel={t('participation.report.submit')} cancelHref={cancel} />
      </Form>
    </>
  );
}
