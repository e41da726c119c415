import type { FastifyRequest } from 'fastify';
import { type UserActor, isUser } from '../access/actor.ts';
import { AppError } from './errors.ts';

const OWN_ORIGIN = 'http://return-path.invalid';
// Browsers drop tabs and newlines from a URL and read a backslash as a slash, so "/\t/evil" or "/\\evil" would leave the site.
function hasUnsafeCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

function decodedOnce(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * Only a path on this site, so that a link cannot send people elsewhere: resolved the way a browser
 * does against this origin and kept only if it stays there, with no control characters or
 * backslashes (also percent-encoded ones) that a browser would strip or turn into a slash.
 */
export function safeReturnPath(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || raw.length > 2000 || !raw.startsWith('/')) return fallback;
  const decoded = decodedOnce(raw);
  if (decoded === null || hasUnsafeCharacter(raw) || hasUnsafeCharacter(decoded) || decoded.startsWith('//')) return fallback;
  let url: URL;
  try {
    url = new URL(raw, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? fallback : path;
}

export function requireUser(request: FastifyRequest): UserActor {
  if (!isUser(request.actor)) throw AppError.unauthorized();
  return request.actor;
}
