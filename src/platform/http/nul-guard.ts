import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.values(value).some(containsNul);
  return false;
}

/** PostgreSQL text cannot hold U+0000; a request carrying one is refused before any query sees it. */
export async function refuseNulCharacters(request: FastifyRequest): Promise<void> {
  if (containsNul(request.query) || containsNul(request.params) || containsNul(request.body)) throw new AppError('bad_request', 400, 'errors.bad_request.text');
}
