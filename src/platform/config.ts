import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';

export interface Config {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  smtpUrl: string | undefined;
  baseUrl: string;
  sessionSecret: string;
  /** Registrations without an account per address and minute; each sends a mail, so it is limited. 0 = no limit. */
  guestRegistrationsPerMinute: number;
  /** Seconds a public page, as a visitor without an account sees it, is served without rendering again. 0 = off. */
  pageCacheSeconds: number;
  /** Bytes of page bodies the page cache may hold; the oldest pages go first. */
  pageCacheMaxBytes: number;
  /** Days a sent mail (row and .eml file) is kept for the programme office's outbox, then deleted. */
  mailRetentionDays: number;
  /** Sessions expired or signed out this many days ago are deleted. */
  sessionRetentionDays: number;
  /** Used or expired links from e-mails (confirm, reset, invite) are deleted after this many days. */
  authTokenRetentionDays: number;
  /** Guests' names and addresses of registrations without attendance are removed this many days after the event. */
  guestDataRetentionDays: number;
  /** Last day of the programme period (AMIF); evidence is kept for `evidenceRetentionYears` after it. */
  programmeEnd: string;
  evidenceRetentionYears: number;
  demoData: boolean;
  production: boolean;
  logLevel: string;
  mailFrom: string;
  /**
   * Which proxies may name the client in X-Forwarded-For (Fastify's trustProxy): off, a number of
   * hops, or their addresses. Trusting every sender would let anyone pick the address rate limits count.
   */
  trustProxy: false | number | string[];
  /** Staff (programme office, coordination, trainers) are signed out after this many idle minutes … */
  staffSessionIdleMinutes: number;
  /** … and after this many hours in any case. */
  staffSessionMaxHours: number;
  /** The programme office must set up a second factor before it opens a staff page (demo accounts aside). */
  officeRequiresSecondFactor: boolean;
  /** Requests to the read API /api/v1 per client address and minute. 0 = no limit. */
  apiRequestsPerMinute: number;
  /** The licence of the open data: Datenlizenz Deutschland – Namensnennung 2.0 or CC BY 4.0. */
  openDataLicence: 'dl-de/by-2-0' | 'cc-by-4.0';
  /** The contact point the open-data catalogue names (an office address, never a person's). */
  openDataContactEmail: string;
}

export class ConfigError extends Error {}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function parseUrl(name: string, raw: string | undefined, protocols: string[]): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${redact(raw)}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${url.protocol}//"`);
  }
  return raw;
}

function redact(raw: string): string {
  return raw.replace(/\/\/([^@/]*)@/, '//***@');
}

function parseCount(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,7}$/.test(raw)) throw new ConfigError(`${name} must be a whole number (0 switches the limit off), got "${raw}"`);
  return Number(raw);
}

function parsePositive(name: string, raw: string | undefined, fallback: number, maxDigits: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!new RegExp(`^\\d{1,${maxDigits}}$`).test(raw) || Number(raw) < 1) throw new ConfigError(`${name} must be a whole number of at least 1, got "${raw}"`);
  return Number(raw);
}

function parseTrustProxy(raw: string | undefined): false | number | string[] {
  if (raw === undefined || raw === '' || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (family === 0 || !prefixOk || rest.length > 0) {
      throw new ConfigError(`TRUST_PROXY must be false, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ranges, got "${raw}"`);
    }
  }
  return entries;
}

/** The session secret survives restarts: generated once and kept in the data dir. */
function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = parseUrl('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']);
  const port = parsePort(env.PORT);
  const host = env.HOST || '127.0.0.1';
  const dataDir = resolve(env.DATA_DIR || './data');
  const smtpUrl = parseUrl('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']);
  const baseUrl = parseUrl('BASE_URL', env.BASE_URL, ['http:', 'https:']) ?? `http://localhost:${port || 3000}`;
  const production = env.NODE_ENV === 'production';
  // Demo data is on for the embedded database (someone trying the product) and off for a real server.
  const demoData = parseBoolean('DEMO_DATA', env.DEMO_DATA, databaseUrl === undefined && !production);
  if (production && demoData) {
    throw new ConfigError('DEMO_DATA must not be on with NODE_ENV=production: demo accounts have published passwords');
  }
  const officeRequiresSecondFactor = parseBoolean('OFFICE_REQUIRES_SECOND_FACTOR', env.OFFICE_REQUIRES_SECOND_FACTOR, true);
  if (production && !officeRequiresSecondFactor) {
    throw new ConfigError('OFFICE_REQUIRES_SECOND_FACTOR must not be off with NODE_ENV=production: the programme office sees personal data of every town');
  }
  let sessionSecret = env.SESSION_SECRET ?? '';
  if (sessionSecret !== '' && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long');
  }
  if (sessionSecret === '') sessionSecret = loadOrCreateSecret(dataDir);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "${logLevel}"`);
  }
  const mailFrom = env.MAIL_FROM || 'Vielfalt verankern <no-reply@vielfalt-verankern.invalid>';
  const guestRegistrationsPerMinute = parseCount('GUEST_REGISTRATIONS_PER_MINUTE', env.GUEST_REGISTRATIONS_PER_MINUTE, 20);
  const pageCacheSeconds = parseCount('PAGE_CACHE_SECONDS', env.PAGE_CACHE_SECONDS, 5);
  const pageCacheMaxBytes = parsePositive('PAGE_CACHE_MAX_BYTES', env.PAGE_CACHE_MAX_BYTES, 32 * 1024 * 1024, 12);
  const mailRetentionDays = parsePositive('MAIL_RETENTION_DAYS', env.MAIL_RETENTION_DAYS, 30, 5);
  const programmeEnd = env.PROGRAMME_END || '2027-12-31';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(programmeEnd) || Number.isNaN(Date.parse(`${programmeEnd}T00:00:00Z`))) {
    throw new ConfigError(`PROGRAMME_END must be a date like 2027-12-31, got "${programmeEnd}"`);
  }
  const openDataLicence = env.OPEN_DATA_LICENCE || 'dl-de/by-2-0';
  if (openDataLicence !== 'dl-de/by-2-0' && openDataLicence !== 'cc-by-4.0') {
    throw new ConfigError(`OPEN_DATA_LICENCE must be dl-de/by-2-0 or cc-by-4.0, got "${openDataLicence}"`);
  }
  const openDataContactEmail = env.OPEN_DATA_CONTACT_EMAIL || 'opendata@vielfalt-verankern.invalid';
  if (!/^[^@\s]+@[^@\s]+$/.test(openDataContactEmail)) throw new ConfigError(`OPEN_DATA_CONTACT_EMAIL must be an e-mail address, got "${openDataContactEmail}"`);
  return {
    apiRequestsPerMinute: parseCount('API_REQUESTS_PER_MINUTE', env.API_REQUESTS_PER_MINUTE, 600),
    openDataLicence,
    openDataContactEmail,
    databaseUrl,
    port,
    host,
    dataDir,
    smtpUrl,
    baseUrl: baseUrl.replace(/\/$/, ''),
    sessionSecret,
    demoData,
    production,
    logLevel,
    mailFrom,
    guestRegistrationsPerMinute,
    pageCacheSeconds,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    staffSessionIdleMinutes: parsePositive('STAFF_SESSION_IDLE_MINUTES', env.STAFF_SESSION_IDLE_MINUTES, 30, 5),
    staffSessionMaxHours: parsePositive('STAFF_SESSION_MAX_HOURS', env.STAFF_SESSION_MAX_HOURS, 12, 5),
    officeRequiresSecondFactor,
    pageCacheMaxBytes,
    mailRetentionDays,
    sessionRetentionDays: parsePositive('SESSION_RETENTION_DAYS', env.SESSION_RETENTION_DAYS, 30, 5),
    authTokenRetentionDays: parsePositive('AUTH_TOKEN_RETENTION_DAYS', env.AUTH_TOKEN_RETENTION_DAYS, 7, 5),
    guestDataRetentionDays: parsePositive('GUEST_DATA_RETENTION_DAYS', env.GUEST_DATA_RETENTION_DAYS, 180, 5),
    programmeEnd,
    evidenceRetentionYears: parsePositive('EVIDENCE_RETENTION_YEARS', env.EVIDENCE_RETENTION_YEARS, 5, 2),
  };
}
