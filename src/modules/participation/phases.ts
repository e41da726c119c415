import { todayInBerlin } from '../../platform/i18n/catalog.ts';
import { PHASE_KINDS, type PhaseKind } from './tables.ts';

export const PHASES = PHASE_KINDS;

export type ParticipationStep = 'propose' | 'support' | 'comment';

/** What each phase opens: ideas are collected, then discussed; later phases are for the town's answer. */
const ALLOWED: Record<PhaseKind, readonly ParticipationStep[]> = {
  information: [],
  ideas: ['propose', 'support', 'comment'],
  discussion: ['support', 'comment'],
  evaluation: [],
  implementation: [],
  reporting: [],
};

export interface Phase {
  kind: PhaseKind;
  starts_on: string;
  ends_on: string;
}

export function activePhase(phases: readonly Phase[], today = todayInBerlin()): Phase | null {
  return phases.find((p) => p.starts_on <= today && today <= p.ends_on) ?? null;
}

export function phaseAllows(phase: Phase | null, step: ParticipationStep): boolean {
  return phase !== null && ALLOWED[phase.kind].includes(step);
}
