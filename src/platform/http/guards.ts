import type { FastifyRequest } from 'fastify';
import { type UserActor, isUser } from '../access/actor.ts';
import { AppError } from './errors.ts';

/** Only a path on this site: no scheme, no protocol-relative URL, so a link cannot send people elsewhere. */
export function safeReturnPath(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  return raw;
}

export function requireUser(request: FastifyRequest): UserActor {
  if (!isUser(request.actor)) throw AppError.unauthorized();
  return request.actor;
}
