import { useView } from '../../views/context.ts';
import { PageHeading } from '../../views/components.tsx';
import { ErrorSummary, Form, type FormState, SubmitButton, TextField } from '../../views/forms.tsx';
import type { SecondFactorState } from '../second-factor-service.ts';

/** The second step of signing in: a code from the app, or a recovery code. */
export function SecondFactorLoginPage({ form, action }: { form: FormState; action: string }) {
  const { t } = useView();
  return (
    <div class="vv-narrow">
      <PageHeading title={t('auth.totp.login_title')} lead={t('auth.totp.login_lead')} />
      <ErrorSummary form={form} labels={{ code: t('auth.totp.code') }} />
      <Form action={action}>
        <TextField form={form} name="code" label={t('auth.totp.code')} hint={t('auth.totp.code_hint')} autocomplete="one-time-code" maxLength={40} required />
        <SubmitButton label={t('auth.totp.login_submit')} />
      </Form>
    </div>
  );
}

/** Setting up (secret as text and as otpauth address, then a code to confirm) or, once on, the state and what can be done. */
export function SecondFactorPage({ state, form, passwordForm }: { state: SecondFactorState; form: FormState; passwordForm: FormState }) {
  const { t } = useView();
  if (!state.enabled) {
    return (
      <div class="vv-narrow">
        <PageHeading title={t('auth.totp.title')} lead={t('auth.totp.setup_lead')} />
        <dl class="kern-description-list">
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('auth.totp.secret')}</dt>
            <dd class="kern-description-list-item__value">
              <code data-totp-secret>{state.secret}</code>
            </dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('auth.totp.uri')}</dt>
            <dd class="kern-description-list-item__value">
              <code class="vv-break">{state.uri}</code>
            </dd>
          </div>
        </dl>
        <ErrorSummary form={form} labels={{ code: t('auth.totp.code') }} />
        <Form action="/konto/zwei-faktor">
          <TextField form={form} name="code" label={t('auth.totp.code')} hint={t('auth.totp.confirm_hint')} autocomplete="one-time-code" maxLength={40} required />
          <SubmitButton label={t('auth.totp.confirm_submit')} />
        </Form>
      </div>
    );
  }
  return (
    <div class="vv-narrow">
      <PageHeading title={t('auth.totp.title')} lead={t('auth.totp.enabled_lead')} />
      <p class="kern-body">{t('auth.totp.codes_left', { count: state.unusedRecoveryCodes })}</p>
      <h2 class="kern-heading-medium">{t('auth.totp.renew_title')}</h2>
      <ErrorSummary form={form} labels={{ code: t('auth.totp.code') }} />
      <Form action="/konto/zwei-faktor/codes">
        <TextField form={form} name="code" label={t('auth.totp.code')} autocomplete="one-time-code" maxLength={40} required />
        <SubmitButton kind="secondary" label={t('auth.totp.renew_submit')} />
      </Form>
      <h2 class="kern-heading-medium">{t('auth.totp.disable_title')}</h2>
      <ErrorSummary form={passwordForm} labels={{ password: t('auth.fields.password') }} />
      <Form action="/konto/zwei-faktor/aus">
        <TextField form={passwordForm} name="password" type="password" label={t('auth.fields.password')} autocomplete="current-password" required />
        <SubmitButton kind="secondary" label={t('auth.totp.disable_submit')} />
      </Form>
    </div>
  );
}

/** The recovery codes, shown this once; only their hashes are kept. */
export function RecoveryCodesPage({ codes }: { codes: string[] }) {
  const { t } = useView();
  return (
    <div class="vv-narrow">
      <PageHeading title={t('auth.totp.codes_title')} lead={t('auth.totp.codes_lead')} />
      <ul class="kern-list" data-recovery-codes>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p class="kern-body">
        <a class="kern-link" href="/konto">
          {t('auth.totp.back_to_account')}
        </a>
      </p>
    </div>
  );
}
