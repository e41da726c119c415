import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { Form, SubmitButton, TextField } from '../../../platform/views/forms.tsx';
import type { Completion } from '../completion.ts';

export type Verification = { state: 'valid' | 'revoked'; holder: string; programme: string; issuedOn: string; revokedAt: Date | null } | { state: 'unknown' } | null;

/** Says whether a certificate is genuine: name, programme and date, nothing more. */
export function VerifyPage({ code, result }: { code: string; result: Verification }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('qualification.verify.title')}</h1>
      <form method="get" action="/zertifikate" class="vv-form">
        <TextField form={{ values: { code }, errors: {} }} name="code" label={t('qualification.verify.code')} hint={t('qualification.verify.code_hint')} required maxLength={20} />
        <SubmitButton label={t('qualification.verify.check')} />
      </form>
      {result === null ? null : result.state === 'unknown' ? (
        <div class="kern-alert kern-alert--danger" role="status">
          <div class="kern-alert__header">
            <span class="kern-title">{t('qualification.verify.unknown', { code })}</span>
          </div>
        </div>
      ) : result.state === 'revoked' ? (
        <div class="kern-alert kern-alert--danger" role="status">
          <div class="kern-alert__header">
            <span class="kern-title">{t('qualification.verify.revoked', { date: formatDate(locale, result.revokedAt) })}</span>
          </div>
        </div>
      ) : (
        <div class="kern-alert kern-alert--success" role="status">
          <div class="kern-alert__header">
            <span class="kern-title">{t('qualification.verify.valid')}</span>
          </div>
          <div class="kern-alert__body">
            <p class="kern-body">{t('qualification.verify.details', { holder: result.holder, programme: result.programme, date: formatDate(locale, result.issuedOn) })}</p>
          </div>
        </div>
      )}
    </>
  );
}

export function CohortCertificates({
  cohortId,
  certificates,
  pending,
}: {
  cohortId: number;
  certificates: Array<{ code: string; holder_name: string; issued_on: string; revoked_at: Date | null }>;
  pending: Array<{ enrolment_id: number; display_name: string | null; attended: number; counted: number; project_status: string | null; completion: Completion }>;
}) {
  const { t, locale } = useView();
  return (
    <section aria-labelledby="certificates-heading" class="vv-section">
      <h2 class="kern-heading-medium" id="certificates-heading">
        {t('qualification.office.certificates')}
      </h2>
      <p class="kern-hint">{t('qualification.office.certificates_hint')}</p>
      <ul class="kern-list">
        {pending.map((e) => (
          <li key={e.enrolment_id}>
            {e.completion.met ? (
              <Form action={`/programmbuero/qualifizierung/kohorten/${cohortId}/bewerbungen/${e.enrolment_id}/zertifikat`} class="vv-inline-form">
                <button type="submit" class="kern-btn kern-btn--secondary">
                  <span class="kern-label">{t('qualification.office.issue', { name: e.display_name ?? '' })}</span>
                </button>
              </Form>
            ) : (
              <>
                {e.display_name}: {t('qualification.office.not_yet_complete')}{' '}
                {t('qualification.course.attended_of', { attended: e.attended, counted: e.counted, percent: e.completion.percent, needed: e.completion.neededSessions })}
                {e.completion.projectMet ? '' : `; ${t('qualification.course.project_open')}`}
              </>
            )}
          </li>
        ))}
      </ul>
      <ul class="vv-measures">
        {certificates.map((c) => (
          <li class="vv-measure" key={c.code}>
            <p class="kern-body">
              {c.holder_name} · {formatDate(locale, c.issued_on)} ·{' '}
              <a class="kern-link" href={`/zertifikate/${c.code}`}>
                {c.code}
              </a>{' '}
              ·{' '}
              <a class="kern-link" href={`/zertifikate/${c.code}/pdf`}>
                PDF
              </a>
              {c.revoked_at ? ` · ${t('qualification.office.revoked_on', { date: formatDate(locale, c.revoked_at) })}` : ''}
            </p>
            {c.revoked_at ? null : (
              <Form action={`/programmbuero/qualifizierung/zertifikate/${c.code}/widerrufen`} class="vv-form">
                <TextField form={{ values: {}, errors: {} }} name={`reason-${c.code}`} label={t('qualification.office.revoke_reason', { code: c.code })} required maxLength={500} />
                <SubmitButton label={t('qualification.office.revoke')} kind="secondary" />
              </Form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
