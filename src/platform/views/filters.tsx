import type { ComponentChildren } from 'preact';
import { useView } from './context.ts';

/** A GET form above a list: its fields, a "Filtern" button and a link back to the unfiltered list. */
export function FilterForm({ action, label, resetHref, children }: { action: string; label: string; resetHref?: string; children: ComponentChildren }) {
  const { t } = useView();
  return (
    <form method="get" action={action} class="vv-filters" aria-label={label}>
      {children}
      <div class="vv-actions">
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t('common.filter')}</span>
        </button>
        <a class="kern-link" href={resetHref ?? action}>
          {t('common.reset_filter')}
        </a>
      </div>
    </form>
  );
}

export function FilterSelect({
  name,
  label,
  value,
  options,
  withAll = true,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: Array<{ value: string; label: string }>;
  withAll?: boolean;
}) {
  const { t } = useView();
  const all = withAll ? [{ value: '', label: t('common.all') }, ...options] : options;
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={`filter-${name}`}>
        {label}
      </label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={`filter-${name}`} name={name}>
          {all.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === (value ?? '')}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function FilterSearch({ name, label, value }: { name: string; label: string; value: string | undefined }) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={`filter-${name}`}>
        {label}
      </label>
      <input class="kern-form-input__input" id={`filter-${name}`} name={name} type="search" value={value ?? ''} maxLength={100} />
    </div>
  );
}

/** "Bearbeiten · Löschen" in a table row; the record's name goes along for screen readers. */
export function RowActions({ editHref, deleteHref, name }: { editHref: string; deleteHref: string; name: string }) {
  const { t } = useView();
  return (
    <>
      <a class="kern-link" href={editHref}>
        {t('common.edit')}
        <span class="vv-visually-hidden">: {name}</span>
      </a>{' '}
      ·{' '}
      <a class="kern-link" href={deleteHref}>
        {t('common.delete')}
        <span class="vv-visually-hidden">: {name}</span>
      </a>
    </>
  );
}
