import { Type } from '@sinclair/typebox';
import { Col, type OpenDataCollection } from '../../platform/open-data.ts';
import { qualificationOpenDataRepository } from './open-data-repository.ts';
import { PROGRAMME_KINDS, TARGET_GROUPS } from './tables.ts';

const ProgrammeRow = Type.Object({
  id: Col.id('Stable number of the programme'),
  kind: Col.oneOf(PROGRAMME_KINDS, 'diversity_manager, multiplier or moderation'),
  target_group: Col.nullable(Col.oneOf(TARGET_GROUPS, 'Target group of a multiplier programme')),
  title: Col.text('Title'),
  description: Col.text('Description'),
  min_attendance_percent: Col.int('Attendance needed for the certificate, in per cent'),
  requires_project: Col.bool('A practice project is needed for the certificate'),
  module_count: Col.int('Number of modules'),
  total_hours: Col.number('Hours of all modules'),
  created_at: Col.dateTime('When it was created'),
});

const CohortRow = Type.Object({
  id: Col.id('Stable number of the cohort'),
  programme_id: Col.id('The programme (collection qualification-programmes)'),
  programme_title: Col.text('Title of the programme'),
  title: Col.text('Title of the cohort'),
  ags: Col.nullable(Col.ags()),
  region: Col.text('Region it serves, empty if none'),
  starts_on: Col.date('First day'),
  ends_on: Col.date('Last day'),
  capacity: Col.int('Places'),
  applications_open: Col.bool('Open for applications'),
});

const KEYWORDS = ['Qualifizierung', 'Weiterbildung', 'Diversitätsmanagement', 'Multiplikatoren'];

export const qualificationOpenData: OpenDataCollection[] = [
  {
    id: 'qualification-programmes',
    titleKey: 'opendata.collection.qualification-programmes.title',
    textKey: 'opendata.collection.qualification-programmes.text',
    row: ProgrammeRow,
    keywords: KEYWORDS,
    themes: ['EDUC'],
    rows: (services, query) => qualificationOpenDataRepository(services.db).programmes(query),
    lastModified: (services) => qualificationOpenDataRepository(services.db).modified(),
  },
  {
    id: 'cohorts',
    titleKey: 'opendata.collection.cohorts.title',
    textKey: 'opendata.collection.cohorts.text',
    row: CohortRow,
    perTown: true,
    filters: { programm: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Only cohorts of this programme (programme_id)' }) },
    keywords: KEYWORDS,
    themes: ['EDUC'],
    rows: (services, query) => qualificationOpenDataRepository(services.db).cohorts(query),
    lastModified: (services) => qualificationOpenDataRepository(services.db).modified(),
  },
];
