import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { PROJECT_ROOT } from '../paths.ts';

export const LOCALES_DIR = join(PROJECT_ROOT, 'locales');

/** German is the source of truth; English covers every page; the others cover the public pages. */
export const UI_LOCALES = ['de', 'en'] as const;
export const PUBLIC_LOCALES = ['de', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'de-x-leicht'] as const;
export type Locale = (typeof PUBLIC_LOCALES)[number];
export const RTL_LOCALES: ReadonlySet<string> = new Set(['ar', 'fa']);

/**
 * Which catalog keys belong to pages a resident sees: only these need the languages beyond German
 * and English. Each module declares its own (`messages` in its manifest); the platform its own here.
 */
export interface MessageAreas {
  /** Key prefixes of public pages. */
  public: readonly string[];
  /** Prefixes inside those that belong to staff pages after all (e.g. exports). */
  staff?: readonly string[];
}

const PLATFORM_MESSAGES: MessageAreas = { public: ['common.', 'errors.', 'validation.', 'pagination.', 'forms.', 'files.', 'layout.', 'auth.'] };

export function publicKeyTest(areas: readonly MessageAreas[]): (key: string) => boolean {
  const all = [PLATFORM_MESSAGES, ...areas];
  const publicPrefixes = all.flatMap((a) => a.public);
  const staffPrefixes = all.flatMap((a) => a.staff ?? []);
  return (key) => publicPrefixes.some((p) => key.startsWith(p)) && !staffPrefixes.some((p) => key.startsWith(p));
}

export type Catalog = Record<string, string>;

/**
 * A language's catalog is `locales/<lang>.json`; a module under development may keep its keys in
 * `locales/<lang>/<module>.json` until they are merged. Both are read, the single file first.
 */
export function loadCatalog(locale: string, dir = LOCALES_DIR): Catalog {
  const catalog: Catalog = {};
  const main = join(dir, `${locale}.json`);
  if (existsSync(main)) Object.assign(catalog, JSON.parse(readFileSync(main, 'utf8')) as Catalog);
  const partsDir = join(dir, locale);
  if (existsSync(partsDir)) {
    for (const file of readdirSync(partsDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      Object.assign(catalog, JSON.parse(readFileSync(join(partsDir, file), 'utf8')) as Catalog);
    }
  }
  return catalog;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (PUBLIC_LOCALES as readonly string[]).includes(value);
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;

const catalogs = new Map<string, Catalog>();
const formatters = new Map<string, IntlMessageFormat>();

function catalogFor(locale: string): Catalog {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = loadCatalog(locale);
    catalogs.set(locale, catalog);
  }
  return catalog;
}

export function intlLocale(locale: string): string {
  return locale === 'de-x-leicht' ? 'de' : locale;
}

/** A missing key falls back to English, then German; a key missing there too shows as the key itself. */
export function createTranslator(locale: Locale): Translate {
  const chain = [locale, 'en', 'de'].filter((l, i, all) => all.indexOf(l) === i);
  return (key, params) => {
    for (const candidate of chain) {
      const pattern = catalogFor(candidate)[key];
      if (pattern === undefined) continue;
      // Most texts have no placeholders; they need no formatter at all (pages render thousands of them).
      if (!pattern.includes('{') && !pattern.includes("'")) return pattern;
      const cacheKey = `${candidate}\u0000${key}`;
      let formatter = formatters.get(cacheKey);
      if (!formatter) {
        formatter = new IntlMessageFormat(pattern, intlLocale(candidate));
        formatters.set(cacheKey, formatter);
      }
      return String(formatter.format(params as Record<string, string | number>));
    }
    return key;
  };
}

export function negotiateLocale(acceptLanguage: string | undefined, allowed: readonly string[]): Locale {
  if (!acceptLanguage) return 'de';
  const wanted = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    if (allowed.includes(tag)) return tag as Locale;
    const base = tag.split('-')[0] ?? '';
    if (allowed.includes(base)) return base as Locale;
  }
  return 'de';
}

// Building an Intl formatter costs far more than using one; pages format hundreds of values.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: 'Europe/Berlin' });
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDate(locale: string, value: Date | string | null | undefined, withTime = false): string {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return dateFormat(locale, withTime).format(date);
}

/** Up to `fractionDigits` decimals; with `fixed`, always that many (a mean of 4 shows as 4,0 next to 2,4). */
export function formatNumber(locale: string, value: number, fractionDigits = 0, fixed = false): string {
  const key = `${locale}|${fractionDigits}|${fixed}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: fractionDigits, minimumFractionDigits: fixed ? fractionDigits : 0 });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today (or `now`) as a calendar day in Berlin, YYYY-MM-DD: the day phases and surveys open and close on. */
export function todayInBerlin(now = new Date()): string {
  return berlinDay.format(now);
}
