import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { placeholders } from '../../scripts/icu-placeholders.ts';
import { allModules } from '../../src/app.ts';
import { auditLabelKey } from '../../src/platform/audit/audit.ts';
import { createTranslator, intlLocale, loadCatalog, PUBLIC_LOCALES, publicKeyTest, UI_LOCALES } from '../../src/platform/i18n/catalog.ts';

const isPublicKey = publicKeyTest(allModules().flatMap((m) => (m.messages ? [m.messages] : [])));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(entry) ? [path] : [];
  });
}

describe('message catalogs', () => {
  const german = loadCatalog('de');

  it('has every German key in every UI language, and no extra ones', () => {
    for (const locale of UI_LOCALES) {
      const catalog = loadCatalog(locale);
      const missing = Object.keys(german).filter((k) => !(k in catalog));
      const extra = Object.keys(catalog).filter((k) => !(k in german));
      assert.deepEqual(missing, [], `keys missing in ${locale}`);
      assert.deepEqual(extra, [], `keys only in ${locale}`);
    }
  });

  it('has every public German key in every public language, and nothing that German lacks', () => {
    const publicKeys = Object.keys(german).filter(isPublicKey);
    assert.ok(publicKeys.length > 500, `${publicKeys.length} public keys`);
    for (const locale of PUBLIC_LOCALES.filter((l) => !(UI_LOCALES as readonly string[]).includes(l))) {
      const catalog = loadCatalog(locale);
      const missing = publicKeys.filter((k) => !(k in catalog));
      const extra = Object.keys(catalog).filter((k) => !(k in german));
      assert.deepEqual(missing, [], `keys missing in ${locale}`);
      assert.deepEqual(extra, [], `keys only in ${locale}`);
    }
  });

  it('has a valid ICU message for every entry', () => {
    for (const locale of PUBLIC_LOCALES) {
      for (const [key, pattern] of Object.entries(loadCatalog(locale))) {
        assert.doesNotThrow(() => new IntlMessageFormat(pattern, intlLocale(locale)), `${locale}: ${key}`);
      }
    }
  });

  it('uses the same placeholders in every language', () => {
    for (const locale of PUBLIC_LOCALES) {
      const catalog = loadCatalog(locale);
      for (const [key, pattern] of Object.entries(german)) {
        if (catalog[key] === undefined) continue;
        assert.deepEqual(placeholders(catalog[key]), placeholders(pattern), `${locale}: ${key}`);
      }
    }
  });

  it('knows every key the code asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\b(?:t|translate|labelKey|titleKey|textKey|messageKey|key)\s*[(:=]\s*\(?\s*'([a-z_]+(?:\.[a-z0-9_]+)+)'/g)) used.add(match[1] as string);
    }
    const missing = [...used].filter((k) => !(k in german));
    assert.deepEqual(missing, [], 'keys used in src but missing from locales/de');
    assert.ok(used.size > 50, `found ${used.size} keys in the code`);
  });

  it('labels every audit action a module declares, in German and English, and no undeclared one', () => {
    const declared = allModules().flatMap((m) => m.auditActions ?? []);
    const english = loadCatalog('en');
    const unlabelled = declared.filter((a) => !(auditLabelKey(a) in german) || !(auditLabelKey(a) in english));
    assert.deepEqual(unlabelled, [], 'audit actions without a label');
    const labels = Object.keys(german).filter((k) => k.startsWith(auditLabelKey('')));
    const orphans = labels.filter((k) => !declared.some((a) => auditLabelKey(a) === k));
    assert.deepEqual(orphans, [], 'labels of audit actions no module declares');
    assert.ok(declared.length > 90, `found ${declared.length} audit actions`);
  });

  it('formats plural and placeholders in German and English', () => {
    assert.equal(createTranslator('de')('common.results', { count: 1 }), '1 Treffer');
    assert.equal(createTranslator('en')('common.results', { count: 2 }), '2 results');
  });
});
