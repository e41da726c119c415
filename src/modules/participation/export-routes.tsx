import { Type } from '@sinclair/typebox';
import { signedInActor } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { parseId } from '../../platform/http/params.ts';
import { Ags, Id } from '../../platform/http/schemas.ts';
import { type Cell, toCsv, toXlsx } from '../../platform/http/tables.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { managedTown } from '../municipalities/index.ts';
import { type ExportKind, exportService } from './export-service.ts';
import { processService } from './process-service.ts';
import { authorLabel } from './views/process-pages.tsx';

const ExportParams = Type.Object({ ags: Ags, id: Id, kind: Type.String({ maxLength: 30 }) });
const KINDS: Record<string, { what: ExportKind; format: 'csv' | 'xlsx' }> = {
  'vorschlaege.csv': { what: 'vorschlaege', format: 'csv' },
  'vorschlaege.xlsx': { what: 'vorschlaege', format: 'xlsx' },
  'kommentare.csv': { what: 'kommentare', format: 'csv' },
  'kommentare.xlsx': { what: 'kommentare', format: 'xlsx' },
};

/** A process's proposals and comments as CSV or Excel, for the town's coordinators. */
export const exportRoutes: ModulePlugin = async (app, { services }) => {
  const processes = processService(services);
  const exports = exportService(services);

  app.get('/verwaltung/:ags/beteiligung/:id/export/:kind', { config: { access: { scope: 'town' } }, schema: { params: ExportParams } }, async (request, reply) => {
    const actor = signedInActor(request);
    const process = await processes.ownProcess(actor, managedTown(request).id, parseId(request.params.id));
    const kind = Object.hasOwn(KINDS, request.params.kind) ? KINDS[request.params.kind] : undefined;
    if (!kind) throw AppError.notFound();
    const { what, format } = kind;
    const t = request.t;
    const author = (row: { author_name: string | null; author_deleted_at: Date | null; offline?: boolean }) => authorLabel(t, { offline: row.offline ?? false, ...row });
    let headers: string[];
    let rows: Cell[][];
    if (what === 'vorschlaege') {
      const proposals = await exports.proposals(actor, process, format);
      headers = ['id', 'title', 'body', 'author', 'offline_source', 'field', 'district', 'status', 'answer', 'supports', 'comments', 'created'].map((c) => t(`participation.export.${c}`));
      rows = proposals.map((p) => [
        p.id,
        p.title,
        p.body,
        author(p),
        p.offline_source,
        p.field_name,
        p.district_name,
        t(`participation.status.${p.status}`),
        p.answer_text,
        p.support_count,
        p.comment_count,
        p.created_at,
      ]);
    } else {
      const comments = await exports.comments(actor, process, format);
      headers = ['id', 'proposal', 'reply_to', 'body', 'author', 'created'].map((c) => t(`participation.export.${c}`));
      rows = comments.map((c) => [c.id, c.proposal_title, c.parent_id, c.body, author(c), c.created_at]);
    }
    const filename = `beteiligung-${process.id}-${what}.${format}`;
    reply.header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store');
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(headers, rows));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(t(`participation.export.sheet_${what}`), headers, rows));
  });
};
