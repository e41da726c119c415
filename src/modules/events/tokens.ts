import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The cancellation link in a confirmation mail works without an account: it carries the
 * registration number and a signature only the server can make.
 */
export function cancellationToken(secret: string, registrationId: number): string {
  return `${registrationId}.${signature(secret, registrationId)}`;
}

export function registrationIdFromToken(secret: string, token: string): number | null {
  const match = /^(\d{1,10})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const id = Number(match[1]);
  const expected = Buffer.from(signature(secret, id));
  const given = Buffer.from(match[2] as string);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

function signature(secret: string, registrationId: number): string {
  return createHmac('sha256', secret).update(`event-registration:${registrationId}`).digest('base64url');
}
