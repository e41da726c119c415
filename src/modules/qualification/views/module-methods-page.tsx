import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, FormActions, type FormState } from '../../../platform/views/forms.tsx';
import type { MethodPicker } from '../../../platform/method-links.ts';
import { MethodChoices } from '../../../platform/views/method-choices.tsx';

/** The office names the toolkit's method cards a training module uses. */
export function ModuleMethodsPage({ action, cancelHref, moduleTitle, form, choices }: { action: string; cancelHref: string; moduleTitle: string; form: FormState; choices: MethodPicker | null }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('qualification.office.module_methods_title', { title: moduleTitle })}</h1>
      <p class="kern-body">{t('qualification.office.module_methods_lead')}</p>
      <ErrorSummary form={form} labels={{ methodIds: t('toolkit.form.used_methods') }} />
      {choices && (choices.total || choices.selected.length || choices.text) ? (
        <Form action={action} defaultSubmit={{ label: t('common.save') }}>
          <MethodChoices picker={choices} form={form} />
          <FormActions submitLabel={t('common.save')} cancelHref={cancelHref} />
        </Form>
      ) : (
        <p class="kern-body">{t('qualification.office.module_methods_none')}</p>
      )}
    </>
  );
}
