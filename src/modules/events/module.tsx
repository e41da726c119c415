import { eventsOpenData } from './open-data.ts';
import type { AppModule } from '../../platform/module.ts';
import { EVENTS_AUDIT_ACTIONS } from './audit-actions.ts';
import { seedEventsDemo } from './demo.ts';
import { checkInRoutes } from './check-in-routes.tsx';
import { evidenceRoutes } from './evidence-routes.tsx';
import { manageEventRoutes } from './manage-routes.tsx';
import { eventsPersonalData } from './personal-data.ts';
import { registrationService } from './registration.ts';
import { eventRepository } from './repository.ts';
import { eventRoutes } from './routes.tsx';
import { UpcomingEvents } from './views/upcoming.tsx';
import { registrationRetention } from './retention.ts';
import { eventFacts } from './facts-repository.ts';

export const REMINDER_JOB = 'event-reminders';

/** Events with registration, waiting list, check-in and the evidence the funder keeps. */
export const eventsModule: AppModule = {
  name: 'events',
  openData: eventsOpenData,
  facts: eventFacts,
  auditActions: EVENTS_AUDIT_ACTIONS,
  messages: { public: ['events.'], staff: ['events.manage', 'events.export', 'events.pdf', 'events.feedback', 'events.evidence'] },
  plugin: async (app, options) => {
    await eventRoutes(app, options);
    await manageEventRoutes(app, options);
    await checkInRoutes(app, options);
    await evidenceRoutes(app, options);
  },
  navigation: [{ href: '/veranstaltungen', labelKey: 'events.nav' }],
  // Every quarter of an hour: the reminder goes out between 24 h and 23¾ h before the start, and the mark in the table survives restarts.
  jobs: (services) => [{ name: REMINDER_JOB, cron: '*/15 * * * *', handler: async () => void (await registrationService(services).sendReminders()) }],
  personalData: eventsPersonalData,
  retention: registrationRetention,
  seedDemo: seedEventsDemo,
  async municipalitySection(services, municipality) {
    const events = await eventRepository(services.db).upcomingForMunicipality(municipality.id, 5);
    return events.length ? <UpcomingEvents ags={municipality.ags} events={events} /> : null;
  },
};
