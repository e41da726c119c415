import type { FastifyReply } from 'fastify';
import { type Cell, toCsv, toXlsx } from '../../platform/http/tables.ts';
import { Type } from '@sinclair/typebox';
import { Ags } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { managedTown } from '../municipalities/index.ts';
import { networkRepository } from './repository.ts';

const TOWN = { access: { scope: 'town' } } as const;
const Params = Type.Object({ ags: Ags });

/** Organisations and cooperations of a town as CSV or XLSX for its coordinators; cells that look like formulas are neutralised. */
export const networkExportRoutes: ModulePlugin = async (app, { services }) => {
  const repo = networkRepository(services.db);

  async function send(reply: FastifyReply, format: 'csv' | 'xlsx', name: string, headers: string[], rows: Cell[][]) {
    reply.header('content-disposition', `attachment; filename="${name}.${format}"`).header('cache-control', 'private, no-store');
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(headers, rows));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(name.slice(0, 31), headers, rows));
  }

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/verwaltung/:ags/netzwerk/organisationen.${format}`, { config: TOWN, schema: { params: Params } }, async (request, reply) => {
      const town = managedTown(request);
      const t = request.t;
      const rows = await repo.organisationsExport(town.id);
      const headers = ['name', 'type', 'fieldsOfAction', 'districtId', 'address', 'website', 'email', 'languages', 'description', 'isPublic'].map((c) => t(`network.workspace.organisation.${c}`));
      return send(
        reply,
        format,
        `netzwerk-organisationen-${town.ags}`,
        headers,
        rows.map((o) => [
          o.name,
          t(`network.type.${o.type}`),
          o.fields_of_action.join(', '),
          o.district_name ?? '',
          o.address,
          o.website,
          o.email,
          o.languages.join(', '),
          o.description,
          o.is_public ? t('common.yes') : t('common.no'),
        ]),
      );
    });

    app.get(`/verwaltung/:ags/netzwerk/kooperationen.${format}`, { config: TOWN, schema: { params: Params } }, async (request, reply) => {
      const town = managedTown(request);
      const t = request.t;
      const rows = await repo.cooperations(town.id);
      const headers = ['organisationId', 'partnerId', 'type', 'startsOn', 'endsOn', 'description', 'outputs'].map((c) => t(`network.workspace.cooperation.${c}`));
      return send(
        reply,
        format,
        `netzwerk-kooperationen-${town.ags}`,
        headers,
        rows.map((c) => [c.organisation_name, c.partner_name, t(`network.workspace.cooperation_type.${c.type}`), c.starts_on, c.ends_on ?? '', c.description, c.outputs]),
      );
    });
  }
};
