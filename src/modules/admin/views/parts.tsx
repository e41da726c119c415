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
