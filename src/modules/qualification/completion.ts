import type { ProjectStatus } from './tables.ts';

/** What the completion rule looks at for one trainee. */
export interface CompletionFacts {
  /** Sessions that count: not cancelled, and not already over when the trainee was accepted (unless attended). */
  countedSessions: number;
  attendedSessions: number;
  minAttendancePercent: number;
  requiresProject: boolean;
  projectStatus: ProjectStatus | null;
}

export interface Completion {
  /** Sessions needed to reach the minimum share, rounded up: 80 % of 7 sessions is 6. */
  neededSessions: number;
  attendanceMet: boolean;
  projectMet: boolean;
  met: boolean;
  /** Whole per cent, rounded down so 79.9 % never shows as 80 %. */
  percent: number;
}

/** A programme's rule as its row holds it. */
export interface CompletionRule {
  min_attendance_percent: number;
  requires_project: boolean;
}

/** The rule applied to one trainee's row of the progress query. */
export function completionFor(rule: CompletionRule, progress: { counted: number; attended: number; project_status?: ProjectStatus | null }): Completion {
  return evaluateCompletion({
    countedSessions: progress.counted,
    attendedSessions: progress.attended,
    minAttendancePercent: rule.min_attendance_percent,
    requiresProject: rule.requires_project,
    projectStatus: progress.project_status ?? null,
  });
}

/**
 * The rule of a programme: at least the minimum share of the counted sessions attended, and an
 * approved practice project where the programme asks for one. Integer arithmetic keeps "exactly
 * 80 %" exact (4 of 5 meets it). A cohort without counted sessions is not complete.
 */
export function evaluateCompletion(facts: CompletionFacts): Completion {
  const { countedSessions, attendedSessions, minAttendancePercent } = facts;
  const neededSessions = Math.ceil((countedSessions * minAttendancePercent) / 100);
  const attendanceMet = countedSessions > 0 && attendedSessions * 100 >= minAttendancePercent * countedSessions;
  const projectMet = !facts.requiresProject || facts.projectStatus === 'approved';
  const percent = countedSessions > 0 ? Math.floor((attendedSessions * 100) / countedSessions) : 0;
  return { neededSessions, attendanceMet, projectMet, met: attendanceMet && projectMet, percent };
}
