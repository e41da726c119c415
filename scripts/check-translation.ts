// Checks one language's catalog against the German public keys: usage `npx tsx scripts/check-translation.ts tr`.
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { intlLocale, isPublicKey, loadCatalog } from '../src/platform/i18n/catalog.ts';

const locale = process.argv[2] ?? '';
const german = loadCatalog('de');
const catalog = loadCatalog(locale);
const problems: string[] = [];

const placeholders = (pattern: string) => {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== TYPE.literal) names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(pattern));
  return [...names].sort().join(',');
};

for (const key of Object.keys(german).filter(isPublicKey)) if (!(key in catalog)) problems.push(`missing: ${key}`);
for (const [key, pattern] of Object.entries(catalog)) {
  if (!(key in german)) {
    problems.push(`not in German: ${key}`);
    continue;
  }
  try {
    new IntlMessageFormat(pattern, intlLocale(locale));
  } catch (error) {
    problems.push(`invalid ICU in ${key}: ${String(error)}`);
  }
  try {
    if (placeholders(pattern) !== placeholders(german[key] as string)) problems.push(`placeholders differ in ${key}`);
  } catch (error) {
    problems.push(`unparsable ${key}: ${String(error)}`);
  }
}
console.log(problems.length === 0 ? `${locale}: ${Object.keys(catalog).length} keys, all fine` : problems.join('\n'));
process.exitCode = problems.length === 0 ? 0 : 1;
