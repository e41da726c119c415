import { Type } from '@sinclair/typebox';
import { Col, type OpenDataCollection } from '../../platform/open-data.ts';
import { participationOpenDataRepository } from './open-data-repository.ts';
import { PROPOSAL_STATUSES } from './tables.ts';

const ProcessRow = Type.Object({
  id: Col.id('Stable number of the participation process'),
  ags: Col.ags(),
  title: Col.text('Title'),
  description: Col.text('Description'),
  field_of_action: Col.nullable(Col.text('Field of action it belongs to')),
  languages: Col.list('Languages people can take part in (BCP 47 tags)'),
  places: Col.list('Places it names'),
  starts_on: Col.nullable(Col.date('First day of its first phase')),
  ends_on: Col.nullable(Col.date('Last day of its last phase')),
  created_at: Col.dateTime('When it was created'),
  updated_at: Col.dateTime('Last change'),
});

const STATUS_TEXT = 'State: open, in_review, accepted, rejected or merged';

const ProposalRow = Type.Object({
  id: Col.id('Stable number of the proposal'),
  process_id: Col.id('The participation process (collection processes)'),
  ags: Col.ags(),
  title: Col.text('Title'),
  body: Col.text('Text of the proposal'),
  status: Col.oneOf(PROPOSAL_STATUSES, STATUS_TEXT),
  merged_into_id: Col.nullable(Col.id('Proposal it was merged into')),
  field_of_action: Col.nullable(Col.text('Field of action')),
  district: Col.nullable(Col.text('District (Ortsteil)')),
  place: Col.text('Place it names, empty if none'),
  offline: Col.bool('Entered from a paper form or a meeting'),
  support_count: Col.int('Number of supporters'),
  comment_count: Col.int('Number of comments'),
  created_at: Col.dateTime('When it was submitted'),
  answered_at: Col.nullable(Col.dateTime('When the official answer was given')),
});

const AnswerRow = Type.Object({
  id: Col.id('Number of the proposal answered'),
  proposal_id: Col.id('Number of the proposal answered (same as id)'),
  process_id: Col.id('The participation process'),
  ags: Col.ags(),
  proposal_title: Col.text('Title of the proposal'),
  status: Col.oneOf(PROPOSAL_STATUSES, STATUS_TEXT),
  answer_text: Col.text('The official answer of the municipality'),
  answered_at: Col.nullable(Col.dateTime('When it was given')),
});

const KEYWORDS = ['Bürgerbeteiligung', 'Beteiligung', 'Vorschläge', 'Vielfalt'];

export const participationOpenData: OpenDataCollection[] = [
  {
    id: 'processes',
    titleKey: 'opendata.collection.processes.title',
    textKey: 'opendata.collection.processes.text',
    row: ProcessRow,
    perTown: true,
    keywords: KEYWORDS,
    themes: ['GOVE', 'SOCI'],
    rows: (services, query) => participationOpenDataRepository(services.db).processes(query),
    lastModified: (services, query) => participationOpenDataRepository(services.db).processesModified(query.municipalityId),
  },
  {
    id: 'proposals',
    titleKey: 'opendata.collection.proposals.title',
    textKey: 'opendata.collection.proposals.text',
    row: ProposalRow,
    perTown: true,
    filters: {
      prozess: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Only proposals of this process (process_id)' }),
      status: Col.oneOf(PROPOSAL_STATUSES, 'Only proposals in this state'),
      handlungsfeld: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Only this field of action (its number)' }),
      ortsteil: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Only this district (its number)' }),
    },
    keywords: KEYWORDS,
    themes: ['GOVE', 'SOCI'],
    rows: (services, query) => participationOpenDataRepository(services.db).proposals(query),
    lastModified: (services, query) => participationOpenDataRepository(services.db).proposalsModified(query.municipalityId),
    modifiedInRows: true,
  },
  {
    id: 'answers',
    titleKey: 'opendata.collection.answers.title',
    textKey: 'opendata.collection.answers.text',
    row: AnswerRow,
    perTown: true,
    filters: { prozess: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Only answers in this process (process_id)' }) },
    keywords: [...KEYWORDS, 'Rechenschaft', 'Antworten'],
    themes: ['GOVE'],
    rows: (services, query) => participationOpenDataRepository(services.db).answers(query),
    lastModified: (services, query) => participationOpenDataRepository(services.db).proposalsModified(query.municipalityId),
    modifiedInRows: true,
  },
];
