import { participationOpenData } from './open-data.ts';
import type { AppModule } from '../../platform/module.ts';
import { PARTICIPATION_AUDIT_ACTIONS } from './audit-actions.ts';
import { seedParticipationDemo } from './demo.ts';
import { participationPersonalData } from './personal-data.ts';
import { DIGEST_JOB, notificationRepository, sendDigests } from './notifications.ts';
import { participationRepository } from './repository.ts';
import { NotificationSettings } from './views/notification-settings.tsx';
import { commentRoutes } from './comment-routes.tsx';
import { exportRoutes } from './export-routes.tsx';
import { moderationRoutes } from './moderation-routes.tsx';
import { processRoutes } from './process-routes.tsx';
import { processWorkspaceRoutes } from './process-workspace-routes.tsx';
import { proposalRoutes } from './proposal-routes.tsx';
import { proposalWorkspaceRoutes } from './proposal-workspace-routes.tsx';
import { participationFacts } from './facts-repository.ts';

export const participationModule: AppModule = {
  name: 'participation',
  openData: participationOpenData,
  facts: participationFacts,
  auditActions: PARTICIPATION_AUDIT_ACTIONS,
  messages: { public: ['participation.'], staff: ['participation.export', 'participation.offline'] },
  plugin: async (app, options) => {
    for (const routes of [processRoutes, processWorkspaceRoutes, proposalRoutes, proposalWorkspaceRoutes, commentRoutes, moderationRoutes, exportRoutes]) await routes(app, options);
  },
  navigation: [{ href: '/beteiligung', labelKey: 'participation.nav' }],
  /** Its processes are what a town's survey may belong to (the survey form's process choice). */
  async surveyContexts(services, municipalityId) {
    return (await participationRepository(services.db).processOptions(municipalityId)).map((p) => ({ id: p.id, label: p.title }));
  },
  seedDemo: seedParticipationDemo,
  jobs: (services) => [
    {
      name: DIGEST_JOB,
      cron: '0 5 * * *',
      handler: async () => {
        if (await sendDigests(services.db, services.config.baseUrl)) services.mailQueued();
      },
    },
  ],
  async accountSection(services, actor) {
    return <NotificationSettings mode={await notificationRepository(services.db).mode(actor.userId)} />;
  },
  personalData: participationPersonalData,
  async measureLinks(services, measureIds) {
    const rows = await participationRepository(services.db).proposalsForMeasures(measureIds);
    const links = new Map<number, Array<{ href: string; label: string }>>();
    for (const row of rows) {
      const list = links.get(row.measure_id) ?? [];
      list.push({ href: `/beteiligung/${row.process_id}/vorschlaege/${row.id}`, label: row.title });
      links.set(row.measure_id, list);
    }
    return links;
  },
};
