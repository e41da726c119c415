import type { Translate } from '../../../platform/i18n/catalog.ts';

/** "Landkreis Fulda", but "Main-Kinzig-Kreis" as it is (the word is part of the name), and "Kassel (kreisfreie Stadt)". */
export function countyLabel(t: Translate, county: { name: string; type: string }): string {
  if (county.type !== 'Landkreis') return t('municipalities.county.city', { name: county.name });
  if (/kreis$/i.test(county.name)) return county.name;
  return t('municipalities.county.district', { name: county.name });
}
