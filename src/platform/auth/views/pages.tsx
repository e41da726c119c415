import type { ComponentChildren } from 'preact';
import { useView } from '../../views/context.ts';
import { PageHeading } from '../../views/components.tsx';
import { Checkbox, ErrorSummary, Form, type FormState, SubmitButton, TextField } from '../../views/forms.tsx';
import { formatDate } from '../../i18n/catalog.ts';
import { EMAIL_MAX_LENGTH } from '../../http/forms.ts';

export function LoginPage({ form, returnTo, failed }: { form: FormState; returnTo: string; failed: boolean }) {
  const { t } = useView();
  return (
    <div class="vv-narrow">
      <PageHeading title={t('auth.login.title')} />
      {failed ? (
        <div class="kern-alert kern-alert--danger" role="alert">
          <div class="kern-alert__header">
            <span class="kern-title">{t('auth.login.failed')}</span>
          </div>
        </div>
      ) : null}
      <ErrorSummary form={form} labels={{ email: t('auth.fields.email'), password: t('auth.fields.password') }} />
      <Form action={`/anmelden?zurueck=${encodeURIComponent(returnTo)}`}>
        <TextField form={form} name="email" type="email" label={t('auth.fields.email')} autocomplete="email" maxLength={EMAIL_MAX_LENGTH} required />
        <TextField form={form} name="password" type="password" label={t('auth.fields.password')} autocomplete="current-password" required />
        <SubmitButton label={t('auth.login.submit')} />
      </Form>
      <p class="kern-body">
        <a class="kern-link" href="/passwort-vergessen">
          {t('auth.login.forgot')}
        </a>{' '}
        ·{' '}
        <a class="kern-link" href="/registrieren">
          {t('auth.login.register')}
        </a>
      </p>
    </div>
  );
}

export function RegisterPage({ form }: { form: FormState }) {
  const { t } = useView();
  const labels = { displayName: t('auth.fields.display_name'), email: t('auth.fields.email'), password: t('auth.fields.password'), acceptPrivacy: t('auth.register.privacy_label') };
  return (
    <div class="vv-narrow">
      <PageHeading title={t('auth.register.title')} lead={t('auth.register.lead')} />
      <ErrorSummary form={form} labels={labels} />
      <Form action="/registrieren">
        <TextField form={form} name="displayName" label={labels.displayName} hint={t('auth.register.display_name_hint')} autocomplete="name" maxLength={100} required />
        <TextField form={form} name="email" type="email" label={labels.email} autocomplete="email" maxLength={EMAIL_MAX_LENGTH} required />
        <TextField form={form} name="password" type="password" label={labels.password} hint={t('auth.register.password_hint', { min: 10 })} autocomplete="new-password" required />
        <p class="kern-body">
          <a class="kern-link" href="/datenschutz">
            {t('auth.register.privacy_link')}
          </a>
        </p>
        <Checkbox form={form} name="acceptPrivacy" label={labels.acceptPrivacy} />
        <SubmitButton label={t('auth.register.submit')} />
      </Form>
    </div>
  );
}

export function MessagePage({ titleKey, textKey, params }: { titleKey: string; textKey: string; params?: Record<string, string | number> }) {
  const { t } = useView();
  return (
    <div class="vv-narrow">
      <PageHeading title={t(titleKey)} />
      <p class="kern-body">{t(textKey, params)}</p>
      <p class="kern-body">
        <a class="kern-link" href="/">
          {t('errors.back_home')}
        </a>
      </p>
    </div>
  );
}

/** The mailed link opens this page; the button posts the token, so a mail scanner that opens links confirms nothing. */
export function ConfirmEmailPage({ token }: { token: string }) {
  const { t } = useView();
  return (
    <div class="vv-narrow">
      <PageHeading title={t('auth.verify.confirm_title')} lead={t('auth.verify.confirm_text')} />
      <Form action="/konto/bestaetigen">
        <input type="hidden" name="token" value={token} />
        <SubmitButton label={t('auth.verify.confirm_submit')} />
      </Form>
    </div>
  );
}

export function ForgotPasswordPage({ form }: { form: FormState }) {
  const { t } = useView();
  return (
    <div class="vv-narrow">
      <PageHeading title={t('auth.forgot.title')} lead={t('auth.forgot.lead')} />
      <ErrorSummary form={form} labels={{ email: t('auth.fields.email') }} />
      <Form action="/passwort-vergessen">
        <TextField form={form} name="email" type="email" label={t('auth.fields.email')} autocomplete="email" maxLength={EMAIL_MAX_LENGTH} required />
        <SubmitButton label={t('auth.forgot.submit')} />
      </Form>
    </div>
  );
}

/** The token of the link rides in the form's body, not in the address the form posts to (addresses end up in logs). */
export function SetPasswordPage({ form, action, token, titleKey }: { form: FormState; action: string; token: string; titleKey: string }) {
  const { t } = useView();
  return (
    <div class="vv-narrow">
      <PageHeading title={t(titleKey)} />
      <ErrorSummary form={form} labels={{ password: t('auth.fields.new_password') }} />
      <Form action={action}>
        <input type="hidden" name="token" value={token} />
        <TextField form={form} name="password" type="password" label={t('auth.fields.new_password')} hint={t('auth.register.password_hint', { min: 10 })} autocomplete="new-password" required />
        <SubmitButton label={t('auth.reset.submit')} />
      </Form>
    </div>
  );
}

export interface SessionRow {
  id_hash: string;
  created_at: Date;
  last_seen_at: Date;
  user_agent: string | null;
}

export function AccountPage({
  sections,
  sessions,
  currentHash,
  passwordForm,
  emailVerified,
  email,
  secondFactor,
}: {
  secondFactor: boolean;
  sections: ComponentChildren;
  sessions: SessionRow[];
  currentHash: string;
  passwordForm: FormState;
  emailVerified: boolean;
  email: string;
}) {
  const { t, locale, actor, csrfToken } = useView();
  const name = actor.kind === 'user' ? actor.displayName : '';
  return (
    <div>
      <PageHeading title={t('auth.account.title')} />
      <section aria-labelledby="account-data">
        <h2 class="kern-heading-medium" id="account-data">
          {t('auth.account.data')}
        </h2>
        <dl class="kern-description-list">
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('auth.fields.display_name')}</dt>
            <dd class="kern-description-list-item__value">{name}</dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('auth.fields.email')}</dt>
            <dd class="kern-description-list-item__value">
              {email}{' '}
              {emailVerified ? (
                <span class="kern-badge kern-badge--success">
                  <span class="kern-label kern-label--small">{t('auth.account.verified')}</span>
                </span>
              ) : (
                <span class="kern-badge kern-badge--warning">
                  <span class="kern-label kern-label--small">{t('auth.account.unverified')}</span>
                </span>
              )}
            </dd>
          </div>
        </dl>
        {emailVerified ? null : (
          <Form action="/konto/bestaetigung-senden">
            <SubmitButton kind="secondary" label={t('auth.account.resend')} />
          </Form>
        )}
      </section>

      <section aria-labelledby="account-second-factor">
        <h2 class="kern-heading-medium" id="account-second-factor">
          {t('auth.totp.title')}
        </h2>
        <p class="kern-body">{t(secondFactor ? 'auth.totp.account_on' : 'auth.totp.account_off')}</p>
        <p>
          <a class="kern-btn kern-btn--secondary" href="/konto/zwei-faktor">
            <span class="kern-label">{t(secondFactor ? 'auth.totp.account_manage' : 'auth.totp.account_setup')}</span>
          </a>
        </p>
      </section>

      {sections}

      <section aria-labelledby="account-sessions">
        <h2 class="kern-heading-medium" id="account-sessions">
          {t('auth.account.sessions')}
        </h2>
        <div class="kern-table-responsive">
          <table class="kern-table">
            <caption class="kern-title">{t('auth.account.sessions_caption')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  {t('auth.account.session_device')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t('auth.account.session_started')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t('auth.account.session_last_seen')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t('common.actions')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {sessions.map((s) => (
                <tr class="kern-table__row" key={s.id_hash}>
                  <td class="kern-table__cell">{s.user_agent ?? t('auth.account.session_unknown_device')}</td>
                  <td class="kern-table__cell">{formatDate(locale, s.created_at, true)}</td>
                  <td class="kern-table__cell">{formatDate(locale, s.last_seen_at, true)}</td>
                  <td class="kern-table__cell">
                    {s.id_hash === currentHash ? (
                      t('auth.account.session_current')
                    ) : (
                      <form method="post" action={`/konto/sitzungen/${s.id_hash}/beenden`} class="vv-inline-form">
                        <input type="hidden" name="_csrf" value={csrfToken} />
                        <button type="submit" class="kern-btn kern-btn--secondary kern-btn--x-small">
                          <span class="kern-label">{t('auth.account.session_revoke')}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="account-password">
        <h2 class="kern-heading-medium" id="account-password">
          {t('auth.account.change_password')}
        </h2>
        <ErrorSummary form={passwordForm} labels={{ currentPassword: t('auth.fields.current_password'), newPassword: t('auth.fields.new_password') }} />
        <Form action="/konto/passwort">
          <TextField form={passwordForm} name="currentPassword" type="password" label={t('auth.fields.current_password')} autocomplete="current-password" required />
          <TextField
            form={passwordForm}
            name="newPassword"
            type="password"
            label={t('auth.fields.new_password')}
            hint={t('auth.register.password_hint', { min: 10 })}
            autocomplete="new-password"
            required
          />
          <SubmitButton kind="secondary" label={t('auth.account.change_password_submit')} />
        </Form>
      </section>

      <section aria-labelledby="account-privacy">
        <h2 class="kern-heading-medium" id="account-privacy">
          {t('auth.account.privacy')}
        </h2>
        <p class="kern-body">{t('auth.account.export_text')}</p>
        <p>
          <a class="kern-btn kern-btn--secondary" href="/konto/export">
            <span class="kern-label">{t('auth.account.export')}</span>
          </a>
        </p>
        <p class="kern-body">{t('auth.account.delete_text')}</p>
        <p>
          <a class="kern-btn kern-btn--secondary" href="/konto/loeschen">
            <span class="kern-label">{t('auth.account.delete')}</span>
          </a>
        </p>
      </section>
    </div>
  );
}

export function DeleteAccountPage({ form }: { form: FormState }) {
  const { t } = useView();
  return (
    <div class="vv-narrow">
      <PageHeading title={t('auth.delete.title')} />
      <div class="kern-alert kern-alert--warning" role="note">
        <div class="kern-alert__body">
          <p class="kern-body">{t('auth.delete.warning')}</p>
        </div>
      </div>
      <ErrorSummary form={form} labels={{ password: t('auth.fields.password') }} />
      <Form action="/konto/loeschen">
        <TextField form={form} name="password" type="password" label={t('auth.delete.password_label')} autocomplete="current-password" required />
        <SubmitButton label={t('auth.delete.submit')} />
      </Form>
      <p class="kern-body">
        <a class="kern-link" href="/konto">
          {t('common.cancel')}
        </a>
      </p>
    </div>
  );
}
