import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Vielfalt verankern';
const PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const DIGITS_RE = /^\d{6}$/;
const SEPARATORS_RE = /[\s-]/g;

function totp(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** 160 random bits, as RFC 4226 recommends, in the base32 form authenticator apps take. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads (from a QR code or typed in). */
export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/**
 * The 30-second step a code belongs to, or null for a wrong one. One step before or after counts
 * (clocks drift); a step at or before `lastStep` does not, so a seen code cannot be used again.
 */
export function acceptedStep(secret: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const clean = code.replace(SEPARATORS_RE, '');
  if (!DIGITS_RE.test(clean)) return null;
  const delta = totp(secret, '').validate({ token: clean, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Ten codes of 12 characters (about 59 bits each), grouped for reading; only their hashes are stored. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** A recovery code as typed: case, spaces and dashes do not matter. */
export function normalRecoveryCode(input: string): string {
  return input.toLowerCase().replace(SEPARATORS_RE, '');
}
