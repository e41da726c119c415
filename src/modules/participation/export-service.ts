import type { Actor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { AppServices } from '../../platform/module.ts';
import { participationRepository } from './repository.ts';
import { withFieldNames } from './strategy-links.ts';

export type ExportKind = 'vorschlaege' | 'kommentare';

/**
 * A process's proposals or comments for the town's own evaluation. They carry names of people, so
 * every export is in the audit log (who, which process, what, how many rows) before it is handed out.
 */
export function exportService(services: Pick<AppServices, 'db'>) {
  const { db } = services;
  const logged = (actor: Actor, process: { id: number; municipality_id: number }, what: ExportKind, format: string, rows: number) =>
    writeAudit(db, actor, { action: 'participation.exported', entityType: 'participation_process', entityId: process.id, municipalityId: process.municipality_id, after: { what, format, rows } });

  return {
    async proposals(actor: Actor, process: { id: number; municipality_id: number }, format: string) {
      const rows = await withFieldNames(db, await participationRepository(db).exportProposals(process.id));
      await logged(actor, process, 'vorschlaege', format, rows.length);
      return rows;
    },
    async comments(actor: Actor, process: { id: number; municipality_id: number }, format: string) {
      const rows = await participationRepository(db).exportComments(process.id);
      await logged(actor, process, 'kommentare', format, rows.length);
      return rows;
    },
  };
}
