// Checks one language's catalog against the German public keys: usage `npx tsx scripts/check-translation.ts tr`.
import { IntlMessageFormat } from 'intl-messageformat';
import { allModules } from '../src/app.ts';
import { intlLocale, loadCatalog, publicKeyTest } from '../src/platform/i18n/catalog.ts';
import { placeholders } from './icu-placeholders.ts';

const isPublicKey = publicKeyTest(allModules().flatMap((m) => (m.messages ? [m.messages] : [])));
const locale = process.argv[2] ?? '';
const german = loadCatalog('de');
const catalog = loadCatalog(locale);
const problems: string[] = [];

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
    if (placeholders(pattern).join() !== placeholders(german[key] as string).join()) problems.push(`placeholders differ in ${key}`);
  } catch (error) {
    problems.push(`unparsable ${key}: ${String(error)}`);
  }
}
console.log(problems.length === 0 ? `${locale}: ${Object.keys(catalog).length} keys, all fine` : problems.join('\n'));
process.exitCode = problems.length === 0 ? 0 : 1;
