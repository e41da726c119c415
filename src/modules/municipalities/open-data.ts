import { Type } from '@sinclair/typebox';
import { Col, type OpenDataCollection } from '../../platform/open-data.ts';
import { municipalitiesOpenDataRepository } from './open-data-repository.ts';

const MunicipalityRow = Type.Object({
  id: Col.id('Stable number of the municipality on this platform'),
  ags: Col.ags(),
  name: Col.text('Short name'),
  official_name: Col.text('Official name'),
  type: Col.text('Kind of municipality, e.g. Stadt, Gemeinde'),
  county_ags: Col.text('Key of the county (Kreis), 5 digits'),
  county_name: Col.text('Name of the county'),
  region: Col.text('Administrative region (Regierungsbezirk): Darmstadt, Gießen or Kassel'),
  population: Col.int('Population on population_date'),
  population_date: Col.date('Reference date of the population'),
  area_km2: Col.number('Area in square kilometres'),
  participating: Col.bool('Takes part in the programme'),
  joined_on: Col.nullable(Col.date('Date the municipality joined the programme')),
  cohort_label: Col.nullable(Col.text('Cohort the municipality joined with')),
});

export const municipalitiesOpenData: OpenDataCollection[] = [
  {
    id: 'municipalities',
    titleKey: 'opendata.collection.municipalities.title',
    textKey: 'opendata.collection.municipalities.text',
    row: MunicipalityRow,
    filters: {
      kreis: Type.String({ pattern: '^[0-9]{5}$', description: 'Only this county (five-digit key)' }),
      region: Type.String({ maxLength: 40, description: 'Only this administrative region' }),
      teilnahme: Type.Union([Type.Literal('ja'), Type.Literal('nein')], { description: 'ja: only participating municipalities, nein: only the others' }),
    },
    keywords: ['Kommunen', 'Gemeinden', 'Hessen', 'Vielfalt verankern'],
    themes: ['GOVE', 'REGI'],
    async rows(services, query) {
      const rows = await municipalitiesOpenDataRepository(services.db).rows(query);
      return rows.map((r) => ({ ...r, participating: r.joined_on !== null }));
    },
    lastModified: (services) => municipalitiesOpenDataRepository(services.db).lastModified(),
  },
];
