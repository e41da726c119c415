import { useView } from '../../../platform/views/context.ts';

export function AdminNav({ current }: { current: 'overview' | 'users' | 'participation' | 'audit' | 'outbox' }) {
  const { t } = useView();
  const items = [
    ['overview', '/programmbuero', 'admin.nav.overview'],
    ['users', '/programmbuero/nutzer', 'admin.nav.users'],
    ['participation', '/programmbuero/teilnahme', 'admin.nav.participation'],
    ['audit', '/programmbuero/protokoll', 'admin.nav.audit'],
    ['outbox', '/programmbuero/postausgang', 'admin.nav.outbox'],
  ] as const;
  return (
    <nav class="vv-subnav" aria-label={t('admin.nav.label')}>
      <ul class="kern-list kern-list--horizontal">
        {items.map(([key, href, label]) => (
          <li key={key}>
            <a class="kern-link" href={href} aria-current={key === current ? 'page' : undefined}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: Array<{ value: string; label: string }> }) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={`filter-${name}`}>
        {label}
      </label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={`filter-${name}`} name={name}>
          {options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === (value ?? '')}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
