import type { DemoSeedContext } from '../../platform/module.ts';
import { berlinLocalToInstant } from '../../platform/i18n/berlin-time.ts';
import { todayInBerlin } from '../../platform/i18n/catalog.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';

const PLAN = [
  { title: 'Bürgerdialog: Zusammenleben in unserer Stadt', format: 'dialogue', mode: 'in_person', days: 9, hour: '18:00', hours: 2, capacity: 40, venue: 'Bürgerhaus, Großer Saal' },
  { title: 'Ideenwerkstatt Begegnungsorte', format: 'idea_workshop', mode: 'hybrid', days: 16, hour: '17:00', hours: 3, capacity: 25, venue: 'Stadtbibliothek' },
  { title: 'Netzwerktreffen Vereine und Migrantenorganisationen', format: 'network_meeting', mode: 'in_person', days: 23, hour: '19:00', hours: 2, capacity: 12, venue: 'Rathaus, Sitzungssaal' },
  { title: 'Schulung: Interkulturelle Öffnung im Verein', format: 'training', mode: 'online', days: 30, hour: '10:00', hours: 4, capacity: 20, venue: '' },
] as const;

const NAMES = [
  'Ayşe Yılmaz',
  'Jonas Becker',
  'Olena Kovalenko',
  'Mehmet Demir',
  'Sara Haddad',
  'Lukas Wagner',
  'Fatemeh Rahimi',
  'Anna Schmidt',
  'Dmytro Shevchenko',
  'Lea Fischer',
  'Omar Khalil',
  'Marie Hoffmann',
];

/** Upcoming events in the first demo towns; one is booked out with a waiting list, so every state can be tried. */
export async function seedEventsDemo({ services, log }: DemoSeedContext): Promise<void> {
  const towns = (await participatingMunicipalities(services.db)).slice(0, 4);
  const today = todayInBerlin();
  const day = (offset: number) => new Date(new Date(`${today}T12:00:00Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  let events = 0;
  let registrations = 0;
  await services.db.transaction().execute(async (trx) => {
    for (const [townIndex, town] of towns.entries()) {
      for (const plan of PLAN) {
        const startsAt = berlinLocalToInstant(`${day(plan.days + townIndex)}T${plan.hour}`) as Date;
        const { id } = await trx
          .insertInto('events')
          .values({
            municipality_id: town.id,
            title: plan.title,
            description: `Eine Demo-Veranstaltung in ${town.name}. Alle Personen und Anmeldungen sind erfunden.`,
            format: plan.format,
            mode: plan.mode,
            venue: plan.venue,
            address: plan.mode === 'online' ? '' : `Marktplatz 1, ${town.name}`,
            online_url: plan.mode === 'in_person' ? '' : 'https://video.example.org/vielfalt-demo',
            district_id: null,
            starts_at: startsAt,
            ends_at: new Date(startsAt.getTime() + plan.hours * 3600_000),
            capacity: plan.capacity,
            registration_opens_at: null,
            registration_closes_at: null,
            languages: plan.format === 'dialogue' ? ['de', 'tr', 'ar'] : ['de'],
            accessibility: plan.mode === 'online' ? [] : ['step_free', ...(plan.format === 'dialogue' ? ['childcare'] : [])],
            accessibility_note: '',
            contact_name: `Koordination ${town.name}`,
            contact_email: 'kontakt@demo.vielfalt-verankern.de',
            published: true,
            created_by: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        events++;
        // The network meeting is full with two on the waiting list.
        const count = plan.format === 'network_meeting' ? plan.capacity + 2 : Math.min(8, plan.capacity);
        const rows = Array.from({ length: count }, (_, i) => ({
          event_id: id,
          name: NAMES[(i + townIndex) % NAMES.length] as string,
          email: `gast${townIndex}-${id}-${i}@demo.vielfalt-verankern.de`,
          organisation: i % 3 === 0 ? 'Demo-Verein e. V.' : '',
          home_town: town.name,
          status: i < plan.capacity ? ('confirmed' as const) : ('waiting' as const),
        }));
        await trx.insertInto('event_registrations').values(rows).execute();
        registrations += rows.length;
      }
    }
  });
  log(`demo events: ${events} events with ${registrations} invented registrations`);
}
