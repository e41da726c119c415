import type { PageResult } from '../../../platform/http/pagination.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { redactTokenLinks } from '../../../platform/mail/redact.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { AdminNav } from './parts.tsx';

interface MailRow {
  id: number;
  to_address: string;
  subject: string;
  created_at: Date;
  sent_at: Date | null;
  attempts: number;
  last_error: string | null;
  delivered_as: string | null;
}

function State({ mail }: { mail: MailRow }) {
  const { t, locale } = useView();
  if (mail.sent_at)
    return (
      <>
        {mail.delivered_as
          ? t('admin.outbox.saved_as', { file: mail.delivered_as, date: formatDate(locale, mail.sent_at, true) })
          : t('admin.outbox.sent', { date: formatDate(locale, mail.sent_at, true) })}
      </>
    );
  if (mail.last_error) return <>{t('admin.outbox.failed', { attempts: mail.attempts })}</>;
  return <>{t('admin.outbox.waiting')}</>;
}

export function OutboxPage({ result, smtp, retentionDays }: { result: PageResult<MailRow>; smtp: boolean; retentionDays: number }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('admin.outbox.title')}</h1>
      <AdminNav current="outbox" />
      <p class="kern-body">{t(smtp ? 'admin.outbox.lead_smtp' : 'admin.outbox.lead_files', { days: retentionDays })}</p>
      {result.items.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('admin.outbox.caption', { page: result.page, pages: result.pageCount })}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__cell">
                  {t('admin.outbox.subject')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.outbox.to')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.outbox.created')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.outbox.state')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.outbox.attempts')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.outbox.last_error')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {result.items.map((m) => (
                <tr class="kern-table__row" key={m.id}>
                  <th scope="row" class="kern-table__cell">
                    <a class="kern-link" href={`/programmbuero/postausgang/${m.id}`}>
                      {m.subject}
                    </a>
                  </th>
                  <td class="kern-table__cell">{m.to_address}</td>
                  <td class="kern-table__cell">{formatDate(locale, m.created_at, true)}</td>
                  <td class="kern-table__cell">
                    <State mail={m} />
                  </td>
                  <td class="kern-table__cell">{m.attempts}</td>
                  <td class="kern-table__cell">{m.last_error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('admin.outbox.empty')}</p>
      )}
      <Pagination result={result} path="/programmbuero/postausgang" query={{}} />
    </>
  );
}

export function MailPage({ mail }: { mail: MailRow & { text_body: string } }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{mail.subject}</h1>
      <AdminNav current="outbox" />
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('admin.outbox.to')}</dt>
          <dd class="kern-description-list-item__value">{mail.to_address}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('admin.outbox.created')}</dt>
          <dd class="kern-description-list-item__value">{formatDate(locale, mail.created_at, true)}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('admin.outbox.state')}</dt>
          <dd class="kern-description-list-item__value">
            <State mail={mail} />
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('admin.outbox.attempts')}</dt>
          <dd class="kern-description-list-item__value">{mail.attempts}</dd>
        </div>
        {mail.last_error ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('admin.outbox.last_error')}</dt>
            <dd class="kern-description-list-item__value">{mail.last_error}</dd>
          </div>
        ) : null}
      </dl>
      <h2 class="kern-heading-medium">{t('admin.outbox.text')}</h2>
      {/* Stored redacted already; redacted again so that no row, however old, shows a live link. */}
      <pre class="vv-mail">{redactTokenLinks(mail.text_body)}</pre>
      <p>
        <a class="kern-link" href="/programmbuero/postausgang">
          {t('common.back')}
        </a>
      </p>
    </>
  );
}
