import { isProgrammeOffice } from '../../platform/access/actor.ts';
import { ADMIN_AUDIT_ACTIONS } from './audit-actions.ts';
import type { AppModule } from '../../platform/module.ts';
import { seedDemoAccounts } from './demo.ts';
import { adminRoutes } from './routes.tsx';

/** The programme office's area: users and roles, participation, audit log, mail outbox; and the demo accounts. */
export const adminModule: AppModule = {
  name: 'admin',
  auditActions: ADMIN_AUDIT_ACTIONS,
  plugin: adminRoutes,
  staffAreas: ['/programmbuero'],
  navigation: [{ href: '/programmbuero', labelKey: 'admin.nav.main', visible: (actor) => actor.kind === 'user' && isProgrammeOffice(actor) }],
  seedDemo: seedDemoAccounts,
};
