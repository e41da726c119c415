import { toolkitOpenData } from './open-data.ts';
import type { AppModule } from '../../platform/module.ts';
import { TOOLKIT_AUDIT_ACTIONS } from './audit-actions.ts';
import { seedToolkitDemo } from './demo.ts';
import { toolkitRoutes } from './routes.ts';
import { toolkitMethodLinks } from './use-read.ts';

export const toolkitModule: AppModule = {
  name: 'toolkit',
  auditActions: TOOLKIT_AUDIT_ACTIONS,
  plugin: toolkitRoutes,
  navigation: [{ href: '/werkzeugkoffer', labelKey: 'toolkit.nav' }],
  messages: { public: ['toolkit.'], staff: ['toolkit.workspace', 'toolkit.office', 'toolkit.form', 'toolkit.status', 'toolkit.language'] },
  openData: toolkitOpenData,
  seedDemo: seedToolkitDemo,
  methodLinks: toolkitMethodLinks,
};
