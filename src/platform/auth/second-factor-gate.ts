import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasRole } from '../access/actor.ts';

export const SECOND_FACTOR_SETUP_PATH = '/konto/zwei-faktor';
/** The staff areas; the programme office sees personal data of every town there. */
const GATED_PREFIXES = ['/programmbuero', '/verwaltung', '/kursleitung'];

/**
 * The programme office works only with a second factor: an office account without one is sent to
 * set it up before any staff page. Demo accounts are exempt, so that trying the product stays two commands.
 */
export function officeSecondFactorGate(required: boolean) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!required || request.secondFactor) return;
    const actor = request.actor;
    if (actor.kind !== 'user' || actor.isDemo || !hasRole(actor, 'programme_office')) return;
    if (!GATED_PREFIXES.some((prefix) => request.url === prefix || request.url.startsWith(`${prefix}/`) || request.url.startsWith(`${prefix}?`))) return;
    return reply.flash('warning', 'auth.totp.required_notice').redirect(SECOND_FACTOR_SETUP_PATH, 303);
  };
}
