import type { PageResult } from '../../../platform/http/pagination.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState, SubmitButton, TextArea } from '../../../platform/views/forms.tsx';
import { COMMENT_PAGE_PARAM, COMMENTS_HEADING, commentAnchor, proposalPath } from '../links.ts';
import { osmLink } from '../location.ts';
import type { CommentRow as Comment } from '../repository.ts';
import { authorLabel } from './process-pages.tsx';

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
  merged_into_hidden_at: Date | null;
  merged_into_held: boolean | null;
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
        <li class="vv-comment" key={c.id} id={commentAnchor(c.id)}>
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
                {(c.hidden_at || c.held) && !moderator ? null : <span class="vv-visually-hidden">: {c.body.slice(0, 40)}</span>}
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
  threads,
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
  /** The comments of the page's threads, all levels. */
  comments: Comment[];
  /** The page of threads (top-level comments) and their number, for the page links. */
  threads: PageResult<unknown>;
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
  const base = proposalPath(proposal.process_id, proposal.id);
  const firstThread = (threads.page - 1) * threads.pageSize + 1;
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
              {(proposal.merged_into_hidden_at || proposal.merged_into_held) && !canAnswer
                ? t(proposal.merged_into_held ? 'participation.moderation.held_title' : 'participation.moderation.hidden_title')
                : proposal.merged_into_title}
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
      <section aria-labelledby={COMMENTS_HEADING}>
        <h2 class="kern-heading-medium" id={COMMENTS_HEADING}>
          {t('participation.proposal.comments', { count: proposal.comment_count })}
        </h2>
        {threads.pageCount > 1 ? (
          <p class="kern-body kern-body--small vv-muted">{t('participation.proposal.comment_range', { from: firstThread, to: firstThread + threads.items.length - 1, total: threads.total })}</p>
        ) : null}
        <CommentThread comments={comments} parentId={null} base={base} canComment={canComment} userId={userId} moderator={canAnswer} />
        <Pagination result={threads} path={base} query={{}} param={COMMENT_PAGE_PARAM} label={t('participation.proposal.comment_pages')} fragment={COMMENTS_HEADING} />
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
