import { METHOD_IDS_FIELD } from '../method-links.ts';
import { useView } from './context.ts';
import { CheckboxGroup, type FormState } from './forms.tsx';

/**
 * The "methods used" checkboxes of a measure, event or training module form: the published cards
 * of the toolkit (platform/method-links.ts), those named ticked; nothing when there are no cards.
 */
export function MethodChoices({ choices, selected, form }: { choices: Array<{ id: number; title: string; town: string }>; selected: number[] | string[]; form: FormState }) {
  const { t } = useView();
  if (!choices.length) return null;
  const error = form.errors[METHOD_IDS_FIELD];
  return (
    <CheckboxGroup
      name={METHOD_IDS_FIELD}
      legend={t('toolkit.form.used_methods')}
      hint={t('toolkit.form.used_methods_hint')}
      options={choices.map((c) => ({ value: String(c.id), label: `${c.title} (${c.town})` }))}
      selected={selected.map(String)}
      error={error ? t(error.key, error.params) : undefined}
    />
  );
}
