import type { NotificationMode } from '../tables.ts';
import { useView } from '../../../platform/views/context.ts';
import { Form, SelectField, SubmitButton } from '../../../platform/views/forms.tsx';
import { NOTIFICATION_MODES } from '../notifications.ts';

/** On /konto: how the person wants to hear about proposals and processes they follow. */
export function NotificationSettings({ mode }: { mode: NotificationMode }) {
  const { t } = useView();
  return (
    <section aria-labelledby="account-notifications">
      <h2 class="kern-heading-medium" id="account-notifications">
        {t('participation.notify.settings_title')}
      </h2>
      <p class="kern-body">{t('participation.notify.settings_lead')}</p>
      <Form action="/konto/benachrichtigungen">
        <SelectField
          form={{ values: { mode }, errors: {} }}
          name="mode"
          label={t('participation.notify.mode')}
          required
          options={NOTIFICATION_MODES.map((m) => ({ value: m, label: t(`participation.notify.mode_${m}`) }))}
        />
        <SubmitButton label={t('common.save')} kind="secondary" />
      </Form>
    </section>
  );
}
