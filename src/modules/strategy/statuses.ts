import type { MeasureStatus } from './tables.ts';

export const MEASURE_STATUSES: readonly MeasureStatus[] = ['planned', 'running', 'done', 'paused', 'dropped'];

export function isMeasureStatus(value: unknown): value is MeasureStatus {
  return typeof value === 'string' && (MEASURE_STATUSES as readonly string[]).includes(value);
}

/** KERN badge variant per status; the badge always carries the status as text too. */
export const STATUS_BADGE: Record<MeasureStatus, string> = {
  planned: 'kern-badge--info',
  running: 'kern-badge--warning',
  done: 'kern-badge--success',
  paused: 'kern-badge--neutral',
  dropped: 'kern-badge--danger',
};
