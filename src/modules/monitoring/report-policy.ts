import { type Actor, coordinatesMunicipality, isFunder, isProgrammeOffice } from '../../platform/access/actor.ts';
import { EDITABLE_STATUSES } from './report-repository.ts';
import type { ReportStatus } from './tables.ts';

export type ReportAction = 'write' | 'decide' | 'read_approved';

/**
 * Who may do what with a town's period report: its coordinators (and the office) write the
 * narrative while it is a draft or sent back; the office decides on a submitted one; the funder
 * (and the office) read an approved one, protected. `status` is null for a report not begun.
 */
export function can(actor: Actor, action: ReportAction, report: { municipalityId: number; status: ReportStatus | null }): boolean {
  const status = report.status ?? 'draft';
  switch (action) {
    case 'write':
      return (isProgrammeOffice(actor) || coordinatesMunicipality(actor, report.municipalityId)) && (EDITABLE_STATUSES as readonly string[]).includes(status);
    case 'decide':
      return isProgrammeOffice(actor) && status === 'submitted';
    case 'read_approved':
      return (isProgrammeOffice(actor) || isFunder(actor)) && status === 'approved';
  }
}
