import { Type } from '@sinclair/typebox';
import { Col, type OpenDataCollection } from '../../platform/open-data.ts';
import { toolkitOpenDataRepository } from './open-data-repository.ts';
import { DURATIONS, FORMATS, GROUP_SIZES, LICENCES } from './tables.ts';

const MethodRow = Type.Object({
  id: Col.id('Stable number of the method card (/werkzeugkoffer/methoden/{id})'),
  ags: Col.ags(),
  title: Col.text('Title'),
  summary: Col.text('Short summary'),
  goal: Col.text('Goal'),
  steps: Col.list('Steps, in order'),
  format: Col.oneOf(FORMATS, 'Format'),
  duration: Col.oneOf(DURATIONS, 'Duration'),
  group_size: Col.oneOf(GROUP_SIZES, 'Group size'),
  fields_of_action: Col.list('Fields of action'),
  target_groups: Col.list('Target groups'),
  languages: Col.list('Languages the method works in'),
  licence: Col.oneOf(LICENCES, 'Licence of the card'),
  version: Col.int('Version of the card'),
  published_at: Col.nullable(Col.dateTime('When it was published')),
  updated_at: Col.dateTime('Last change'),
});

export const toolkitOpenData: OpenDataCollection[] = [
  {
    id: 'method-cards',
    titleKey: 'opendata.collection.method-cards.title',
    textKey: 'opendata.collection.method-cards.text',
    row: MethodRow,
    perTown: true,
    filters: { format: Col.oneOf(FORMATS, 'Only this format') },
    keywords: ['Werkzeugkoffer', 'Methoden', 'gute Praxis', 'Vielfalt'],
    themes: ['SOCI', 'EDUC'],
    rows: (services, query) => toolkitOpenDataRepository(services.db).methods(query),
    lastModified: (services, query) => toolkitOpenDataRepository(services.db).modified(query.municipalityId),
  },
];
