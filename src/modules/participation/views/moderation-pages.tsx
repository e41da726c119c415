import type { PageResult } from '../../../platform/http/pagination.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState, SubmitButton, TextArea } from '../../../platform/views/forms.tsx';
import { commentPath, proposalPath } from '../links.ts';
import type { BlockedPerson, QueueItem, ReportedItem } from '../moderation-repository.ts';
import { REPORT_REASONS } from '../tables.ts';

/** The queue's lists by the value of a decision form's `liste` field, with the id of the list's heading (the fragment to return to). */
export const QUEUE_LISTS = { gemeldet: 'reported-heading', gehalten: 'held-heading', gesperrt: 'blocked-heading' } as const;
export type QueueList = keyof typeof QUEUE_LISTS;

/** The pages the queue shows, sent back with every decision so that it returns to them. */
export interface QueueState {
  reported: number;
  held: number;
  blocked: number;
}

/** The lists' page numbers as query parameters (none for a first page), in list order, leaving out one list's own. */
export function queuePageQuery(state: QueueState, without?: QueueList): Record<string, number> {
  const pages: Array<[QueueList, string, number]> = [
    ['gemeldet', 'seite', state.reported],
    ['gehalten', 'gehalten', state.held],
    ['gesperrt', 'gesperrt', state.blocked],
  ];
  return Object.fromEntries(pages.filter(([list, , page]) => list !== without && page > 1).map(([, param, page]) => [param, page]));
}

function QueueFields({ state, list }: { state: QueueState; list: QueueList }) {
  return (
    <>
      <input type="hidden" name="seite" value={String(state.reported)} />
      <input type="hidden" name="gehalten" value={String(state.held)} />
      <input type="hidden" name="gesperrt" value={String(state.blocked)} />
      <input type="hidden" name="liste" value={list} />
    </>
  );
}

const SLUG = { proposal: 'vorschlag', comment: 'kommentar' } as const;

/** Where a contribution is shown: the proposal, or the page of its comments that holds the comment. */
function itemPath(item: QueueItem): string {
  return item.content_type === 'comment' ? commentPath({ processId: item.process_id, proposalId: item.proposal_id, id: item.content_id }) : proposalPath(item.process_id, item.proposal_id);
}

function Decisions({ ags, item, reported, state }: { ags: string; item: QueueItem; reported: boolean; state: QueueState }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/moderation/${SLUG[item.content_type]}/${item.content_id}`;
  const list: QueueList = reported ? 'gemeldet' : 'gehalten';
  const reasonId = `reason-${list}-${item.content_type}-${item.content_id}`;
  const fields = <QueueFields state={state} list={list} />;
  return (
    <div class="vv-actions">
      <Form action={`${base}/ausblenden`} class="vv-inline-form">
        {fields}
        <label class="kern-label" for={reasonId}>
          {t('participation.moderation.reason')}
        </label>
        <select class="kern-form-input__select" id={reasonId} name="reason">
          {REPORT_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`participation.report.reason.${r}`)}
            </option>
          ))}
        </select>{' '}
        <SubmitButton label={t('participation.moderation.hide')} kind="secondary" />
      </Form>
      <Form action={`${base}/freigeben`} class="vv-inline-form">
        {fields}
        <SubmitButton label={t('participation.moderation.release')} kind="tertiary" />
      </Form>
      {reported ? (
        <Form action={`${base}/abweisen`} class="vv-inline-form">
          {fields}
          <SubmitButton label={t('participation.moderation.dismiss')} kind="tertiary" />
        </Form>
      ) : null}
      {item.author_user_id ? (
        <Form action={`/verwaltung/${ags}/moderation/person/${item.author_user_id}/sperren`} class="vv-inline-form">
          {fields}
          <SubmitButton label={t('participation.moderation.block')} kind="tertiary" />
        </Form>
      ) : null}
    </div>
  );
}

export function ModerationPage({ ags, reported, held, blocked }: { ags: string; reported: PageResult<ReportedItem>; held: PageResult<QueueItem>; blocked: PageResult<BlockedPerson> }) {
  const { t } = useView();
  const reasons = (list: string) =>
    list
      .split(',')
      .map((r) => t(`participation.report.reason.${r}`))
      .join(', ');
  const path = `/verwaltung/${ags}/moderation`;
  const state: QueueState = { reported: reported.page, held: held.page, blocked: blocked.page };
  // A list's own pager keeps the other lists' pages; its own page parameter comes last in its links.
  const others = (own: QueueList) => queuePageQuery(state, own);
  return (
    <>
      <h1 class="kern-heading-large">{t('participation.moderation.heading')}</h1>
      <p class="vv-actions">
        <a class="kern-link" href={`/verwaltung/${ags}/moderation/woerter`}>
          {t('participation.moderation.words_title')}
        </a>
      </p>
      <section aria-labelledby={QUEUE_LISTS.gemeldet}>
        <h2 class="kern-heading-medium" id={QUEUE_LISTS.gemeldet}>
          {t('participation.moderation.reported', { count: reported.total })}
        </h2>
        <ul class="vv-measures">
          {reported.items.map((item) => (
            <li class="vv-measure" key={`${item.content_type}-${item.content_id}`}>
              <h3 class="kern-heading-small">
                <a class="kern-link" href={itemPath(item)}>
                  {t(`participation.moderation.type_${item.content_type}`)}: {item.title}
                </a>
              </h3>
              <p class="kern-body">{item.body}</p>
              <p class="kern-body kern-body--small vv-muted">
                {t('participation.moderation.report_summary', { count: Number(item.report_count), reasons: reasons(item.reasons) })}
                {item.notes ? ` – ${item.notes}` : ''}
              </p>
              <Decisions ags={ags} item={item} reported state={state} />
            </li>
          ))}
        </ul>
        <Pagination result={reported} path={path} query={others('gemeldet')} param="seite" fragment={QUEUE_LISTS.gemeldet} label={t('participation.moderation.reported_pages')} />
      </section>
      <section aria-labelledby={QUEUE_LISTS.gehalten}>
        <h2 class="kern-heading-medium" id={QUEUE_LISTS.gehalten}>
          {t('participation.moderation.held', { count: held.total })}
        </h2>
        <ul class="vv-measures">
          {held.items.map((item) => (
            <li class="vv-measure" key={`${item.content_type}-${item.content_id}`}>
              <h3 class="kern-heading-small">
                <a class="kern-link" href={itemPath(item)}>
                  {t(`participation.moderation.type_${item.content_type}`)}: {item.title}
                </a>
              </h3>
              <p class="kern-body">{item.body}</p>
              <Decisions ags={ags} item={item} reported={false} state={state} />
            </li>
          ))}
        </ul>
        <Pagination result={held} path={path} query={others('gehalten')} param="gehalten" fragment={QUEUE_LISTS.gehalten} label={t('participation.moderation.held_pages')} />
      </section>
      <section aria-labelledby={QUEUE_LISTS.gesperrt}>
        <h2 class="kern-heading-medium" id={QUEUE_LISTS.gesperrt}>
          {t('participation.moderation.blocked', { count: blocked.total })}
        </h2>
        <ul class="kern-list">
          {blocked.items.map((b) => (
            <li key={b.user_id}>
              {b.display_name || t('admin.users.deleted_account')}
              <Form action={`/verwaltung/${ags}/moderation/person/${b.user_id}/entsperren`} class="vv-inline-form">
                <QueueFields state={state} list="gesperrt" /> <SubmitButton label={t('participation.moderation.unblock')} kind="tertiary" />
              </Form>
            </li>
          ))}
        </ul>
        <Pagination result={blocked} path={path} query={others('gesperrt')} param="gesperrt" fragment={QUEUE_LISTS.gesperrt} label={t('participation.moderation.blocked_pages')} />
      </section>
    </>
  );
}

export function WordsPage({ ags, form }: { ags: string; form: FormState }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('participation.moderation.words_title')}</h1>
      <p class="kern-body">{t('participation.moderation.words_lead')}</p>
      <ErrorSummary form={form} labels={{ words: t('participation.moderation.words_label') }} />
      <Form action={`/verwaltung/${ags}/moderation/woerter`}>
        <TextArea form={form} name="words" label={t('participation.moderation.words_label')} hint={t('participation.moderation.words_hint')} rows={10} maxLength={30000} />
        <SubmitButton label={t('common.save')} />
      </Form>
    </>
  );
}
