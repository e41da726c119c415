import { Type } from '@sinclair/typebox';
import { Col, type OpenDataCollection } from '../../platform/open-data.ts';
import { strategyOpenDataRepository } from './open-data-repository.ts';
import { MEASURE_STATUSES } from './tables.ts';

const StrategyRow = Type.Object({
  id: Col.id('Stable number of the strategy version'),
  ags: Col.ags(),
  municipality: Col.text('Name of the municipality'),
  title: Col.text('Title of the diversity strategy'),
  version_label: Col.text('Version, e.g. 2025'),
  adopted_on: Col.nullable(Col.date('Date the council adopted it')),
  summary: Col.text('Summary'),
  created_at: Col.dateTime('When it was entered'),
});

const MeasureRow = Type.Object({
  id: Col.id('Stable number of the measure'),
  ags: Col.ags(),
  field_id: Col.id('Number of the field of action (filter handlungsfeld)'),
  field_of_action: Col.text('Field of action (Handlungsfeld)'),
  goal: Col.nullable(Col.text('Goal the measure serves')),
  district: Col.nullable(Col.text('District (Ortsteil) where it takes place')),
  title: Col.text('Title'),
  description: Col.text('Description'),
  responsible_org: Col.text('Responsible organisation or office'),
  starts_on: Col.nullable(Col.date('Planned start')),
  ends_on: Col.nullable(Col.date('Planned end')),
  status: Col.oneOf(MEASURE_STATUSES, 'State: planned, running, done, paused or dropped'),
  progress: Col.int('Progress in per cent (0–100)'),
  updated_at: Col.dateTime('Last change'),
});

export const strategyOpenData: OpenDataCollection[] = [
  {
    id: 'strategies',
    titleKey: 'opendata.collection.strategies.title',
    textKey: 'opendata.collection.strategies.text',
    row: StrategyRow,
    perTown: true,
    keywords: ['Diversitätsstrategie', 'Strategie', 'Vielfalt'],
    themes: ['GOVE', 'SOCI'],
    rows: (services, query) => strategyOpenDataRepository(services.db).strategies(query),
    lastModified: (services, query) => strategyOpenDataRepository(services.db).strategiesModified(query.municipalityId),
  },
  {
    id: 'measures',
    titleKey: 'opendata.collection.measures.title',
    textKey: 'opendata.collection.measures.text',
    row: MeasureRow,
    perTown: true,
    filters: {
      handlungsfeld: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Only this field of action (field_id)' }),
      status: Col.oneOf(MEASURE_STATUSES, 'Only measures in this state'),
    },
    keywords: ['Maßnahmen', 'Umsetzung', 'Fortschritt', 'Vielfalt'],
    themes: ['GOVE', 'SOCI'],
    rows: (services, query) => strategyOpenDataRepository(services.db).measures(query),
    lastModified: (services, query) => strategyOpenDataRepository(services.db).measuresModified(query.municipalityId),
  },
];
