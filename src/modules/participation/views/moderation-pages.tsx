import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState, SubmitButton, TextArea } from '../../../platform/views/forms.tsx';
import { commentPath, proposalPath } from '../links.ts';
import { REPORT_REASONS } from '../tables.ts';

interface QueueItem {
  content_type: 'proposal' | 'comment';
  content_id: number;
  title: string;
  body: string;
  author_user_id: number | null;
  process_id: number;
  proposal_id: number;
}

const SLUG = { proposal: 'vorschlag', comment: 'kommentar' } as const;

/** Where a contribution is shown: the proposal, or the page of its comments that holds the comment. */
function itemPath(item: QueueItem): string {
  return item.content_type === 'comment' ? commentPath({ processId: item.process_id, proposalId: item.proposal_id, id: item.content_id }) : proposalPath(item.process_id, item.proposal_id);
}

function Decisions({ ags, item, reported }: { ags: string; item: QueueItem; reported: boolean }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/moderation/${SLUG[item.content_type]}/${item.content_id}`;
  const reasonId = `reason-${item.content_type}-${item.content_id}`;
  return (
    <div class="vv-actions">
      <Form action={`${base}/ausblenden`} class="vv-inline-form">
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
        <SubmitButton label={t('participation.moderation.release')} kind="tertiary" />
      </Form>
      {reported ? (
        <Form action={`${base}/abweisen`} class="vv-inline-form">
          <SubmitButton label={t('participation.moderation.dismiss')} kind="tertiary" />
        </Form>
      ) : null}
      {item.author_user_id ? (
        <Form action={`/verwaltung/${ags}/moderation/person/${item.author_user_id}/sperren`} class="vv-inline-form">
          <SubmitButton label={t('participation.moderation.block')} kind="tertiary" />
        </Form>
      ) : null}
    </div>
  );
}

export function ModerationPage({
  ags,
  reported,
  held,
  blocked,
}: {
  ags: string;
  reported: Array<QueueItem & { reasons: string; notes: string | null; report_count: number | string; hidden_at: Date | null }>;
  held: QueueItem[];
  blocked: Array<{ user_id: number; display_name: string; reason: string }>;
}) {
  const { t } = useView();
  const reasons = (list: string) =>
    list
      .split(',')
      .map((r) => t(`participation.report.reason.${r}`))
      .join(', ');
  return (
    <>
      <h1 class="kern-heading-large">{t('participation.moderation.heading')}</h1>
      <p class="vv-actions">
        <a class="kern-link" href={`/verwaltung/${ags}/moderation/woerter`}>
          {t('participation.moderation.words_title')}
        </a>
      </p>
      <section aria-labelledby="reported-heading">
        <h2 class="kern-heading-medium" id="reported-heading">
          {t('participation.moderation.reported', { count: reported.length })}
        </h2>
        <ul class="vv-measures">
          {reported.map((item) => (
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
              <Decisions ags={ags} item={item} reported />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="held-heading">
        <h2 class="kern-heading-medium" id="held-heading">
          {t('participation.moderation.held', { count: held.length })}
        </h2>
        <ul class="vv-measures">
          {held.map((item) => (
            <li class="vv-measure" key={`${item.content_type}-${item.content_id}`}>
              <h3 class="kern-heading-small">
                {t(`participation.moderation.type_${item.content_type}`)}: {item.title}
              </h3>
              <p class="kern-body">{item.body}</p>
              <Decisions ags={ags} item={item} reported={false} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="blocked-heading">
        <h2 class="kern-heading-medium" id="blocked-heading">
          {t('participation.moderation.blocked', { count: blocked.length })}
        </h2>
        <ul class="kern-list">
          {blocked.map((b) => (
            <li key={b.user_id}>
              {b.display_name || t('admin.users.deleted_account')}
              <Form action={`/verwaltung/${ags}/moderation/person/${b.user_id}/entsperren`} class="vv-inline-form">
                {' '}
                <SubmitButton label={t('participation.moderation.unblock')} kind="tertiary" />
              </Form>
            </li>
          ))}
        </ul>
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
