import { Type } from '@sinclair/typebox';
import { Col, type OpenDataCollection } from '../../platform/open-data.ts';
import { networkOpenDataRepository } from './open-data-repository.ts';
import { COOPERATION_TYPES, ORGANISATION_TYPES } from './tables.ts';

const OrganisationRow = Type.Object({
  id: Col.id('Stable number of the organisation'),
  ags: Col.ags(),
  name: Col.text('Name'),
  type: Col.oneOf(ORGANISATION_TYPES, 'Kind of organisation'),
  fields_of_action: Col.list('Fields of action it works in'),
  district: Col.nullable(Col.text('District (Ortsteil)')),
  address: Col.text('Postal address'),
  website: Col.text('Website, empty if none'),
  languages: Col.list('Languages it works in'),
  description: Col.text('Description'),
  updated_at: Col.dateTime('Last change'),
});

const CooperationRow = Type.Object({
  id: Col.id('Stable number of the cooperation'),
  ags: Col.ags(),
  organisation_id: Col.id('One organisation (collection organisations)'),
  organisation: Col.text('Its name'),
  partner_id: Col.id('The partner organisation'),
  partner: Col.text('Its name'),
  type: Col.oneOf(COOPERATION_TYPES, 'Kind of cooperation'),
  starts_on: Col.date('Start'),
  ends_on: Col.nullable(Col.date('End, null while it lasts')),
  description: Col.text('Description'),
  outputs: Col.text('What came of it'),
  updated_at: Col.dateTime('Last change'),
});

const KEYWORDS = ['Netzwerk', 'Organisationen', 'Vereine', 'Kooperation', 'Vielfalt'];

export const networkOpenData: OpenDataCollection[] = [
  {
    id: 'organisations',
    titleKey: 'opendata.collection.organisations.title',
    textKey: 'opendata.collection.organisations.text',
    row: OrganisationRow,
    perTown: true,
    filters: { typ: Col.oneOf(ORGANISATION_TYPES, 'Only this kind of organisation') },
    keywords: KEYWORDS,
    themes: ['SOCI'],
    rows: (services, query) => networkOpenDataRepository(services.db).organisations(query),
    lastModified: (services, query) => networkOpenDataRepository(services.db).modified(query.municipalityId),
  },
  {
    id: 'cooperations',
    titleKey: 'opendata.collection.cooperations.title',
    textKey: 'opendata.collection.cooperations.text',
    row: CooperationRow,
    perTown: true,
    keywords: KEYWORDS,
    themes: ['SOCI'],
    rows: (services, query) => networkOpenDataRepository(services.db).cooperations(query),
    lastModified: (services, query) => networkOpenDataRepository(services.db).modified(query.municipalityId),
  },
];
