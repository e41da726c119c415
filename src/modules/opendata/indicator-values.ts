import { Type } from '@sinclair/typebox';
import { Col, type OpenDataCollection } from '../../platform/open-data.ts';
import { publicIndicatorValues, publicValuesModified } from '../monitoring/index.ts';

const IndicatorValueRow = Type.Object({
  id: Col.id('Stable number of the value: indicator, period and municipality in one'),
  ags: Col.ags(),
  municipality: Col.text('Name of the municipality'),
  indicator_code: Col.text('Code of the indicator in the programme catalogue, e.g. O1'),
  indicator_name: Col.text('Name of the indicator (German)'),
  unit: Col.oneOf(['persons', 'records', 'number', 'percent', 'index', 'euro'], 'Unit of the value'),
  period: Col.text('Period: a year (2026), a quarter (2026-Q1), a month (2026-03) or the programme period (programm)'),
  period_from: Col.date('First day of the period'),
  period_to: Col.date('Last day of the period'),
  value: Col.nullable(Col.number('The value; empty where withheld or where a share has no denominator')),
  withheld: Col.bool('Withheld by small-cell protection: a count of 1–4 persons, or a value from which one could be worked out'),
});

/**
 * Public indicator values: what the monitoring module releases (periods whose programme report the
 * office approved), protected as for the funder; asked for through monitoring's index.ts.
 */
export const indicatorValuesCollection: OpenDataCollection = {
  id: 'indicator-values',
  titleKey: 'opendata.collection.indicator-values.title',
  textKey: 'opendata.collection.indicator-values.text',
  row: IndicatorValueRow,
  perTown: true,
  filters: {
    indicator: Type.String({ pattern: '^[A-Z][A-Z0-9]{0,7}$', description: 'Only this indicator (its code)' }),
    period: Type.String({ pattern: '^(programm|20[0-9]{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?)$', description: 'Only this period' }),
  },
  keywords: ['Monitoring', 'Indikatoren', 'Kennzahlen', 'Vielfalt', 'AMIF'],
  themes: ['SOCI', 'GOVE'],
  async rows(services, query) {
    const all = await publicIndicatorValues(services, {
      municipalityId: query.municipalityId,
      indicator: typeof query.filters.indicator === 'string' ? query.filters.indicator : undefined,
      period: typeof query.filters.period === 'string' ? query.filters.period : undefined,
    });
    return all.filter((row) => query.after === undefined || row.id > query.after).slice(0, query.limit) as unknown as Array<Record<string, unknown>>;
  },
  lastModified: (services) => publicValuesModified(services),
};
