import { SubNavigation } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';

export function AdminNav({ current }: { current: 'overview' | 'users' | 'participation' | 'audit' | 'outbox' | 'evidence' }) {
  const { t } = useView();
  const items = [
    ['overview', '/programmbuero', 'admin.nav.overview'],
    ['users', '/programmbuero/nutzer', 'admin.nav.users'],
    ['participation', '/programmbuero/teilnahme', 'admin.nav.participation'],
    ['audit', '/programmbuero/protokoll', 'admin.nav.audit'],
    ['outbox', '/programmbuero/postausgang', 'admin.nav.outbox'],
    ['evidence', '/programmbuero/nachweise', 'admin.nav.evidence'],
  ] as const;
  return <SubNavigation label={t('admin.nav.label')} items={items} current={current} />;
}
