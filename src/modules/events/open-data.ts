import { Type } from '@sinclair/typebox';
import { Col, type OpenDataCollection } from '../../platform/open-data.ts';
import { eventsOpenDataRepository } from './open-data-repository.ts';
import { EVENT_FORMATS, EVENT_MODES } from './tables.ts';

const EventRow = Type.Object({
  id: Col.id('Stable number of the event'),
  ags: Col.ags(),
  title: Col.text('Title'),
  description: Col.text('Description'),
  format: Col.oneOf(EVENT_FORMATS, 'Format of the event'),
  mode: Col.oneOf(EVENT_MODES, 'in_person, online or hybrid (the meeting link is never published)'),
  venue: Col.text('Venue, empty for online events'),
  address: Col.text('Address of the venue'),
  district: Col.nullable(Col.text('District (Ortsteil)')),
  starts_at: Col.dateTime('Start'),
  ends_at: Col.dateTime('End'),
  capacity: Col.int('Places'),
  languages: Col.list('Languages (BCP 47 tags)'),
  accessibility: Col.list('Accessibility features, e.g. step_free, sign_language'),
  accessibility_note: Col.text('Note on accessibility'),
  cancelled: Col.bool('The event was cancelled'),
  created_at: Col.dateTime('When it was published or created'),
});

const DAY = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

export const eventsOpenData: OpenDataCollection[] = [
  {
    id: 'events',
    titleKey: 'opendata.collection.events.title',
    textKey: 'opendata.collection.events.text',
    row: EventRow,
    perTown: true,
    filters: {
      format: Col.oneOf(EVENT_FORMATS, 'Only this format'),
      von: Type.String({ ...DAY, description: 'Only events ending on or after this day (YYYY-MM-DD)' }),
      bis: Type.String({ ...DAY, description: 'Only events starting on or before this day (YYYY-MM-DD)' }),
      sprache: Type.String({ maxLength: 20, pattern: '^[a-z]{2,3}(-[a-zA-Z0-9]+)*$', description: 'Only events in this language' }),
    },
    keywords: ['Veranstaltungen', 'Termine', 'Dialog', 'Vielfalt'],
    themes: ['SOCI', 'EDUC'],
    async rows(services, query) {
      const rows = await eventsOpenDataRepository(services.db).rows(query);
      return rows.map(({ cancelled_at, ...r }) => ({ ...r, cancelled: cancelled_at !== null }));
    },
    lastModified: (services, query) => eventsOpenDataRepository(services.db).modified(query.municipalityId),
  },
];
