import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBodySchema } from '../../platform/http/forms.ts';
import { readMultipartForm } from '../../platform/http/multipart.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { AgsIdParams, AgsParams, PageQuery } from '../../platform/http/schemas.ts';
import { toCsv } from '../../platform/http/tables.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { managedTown } from '../municipalities/index.ts';
import { CANDIDATES_JOB } from './candidates-job.ts';
import { networkCrumbs } from './crumbs.ts';
import { IMPORT_FIELDS } from './import-mapping.ts';
import { importRepository } from './import-repository.ts';
import { networkImportService } from './import-service.ts';
import { ImportPage, ImportStartPage } from './views/import-pages.tsx';
import { organisationLabels } from './views/workspace-pages.tsx';

const TOWN = { access: { scope: 'town' } } as const;
/** The mapping form: one column number per field. */
const MappingBody = formBodySchema([...IMPORT_FIELDS], 5);
/** The run form: a choice per likely duplicate (`row-<line>`), as many as the file has rows. */
const ChoiceBody = formBodySchema([]);

/** The import of organisations from a CSV or XLSX list: upload, mapping, preview with choices, run, error file, undo. */
export const networkImportRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const imports = networkImportService(db);
  const repo = importRepository(db);
  const startHref = (ags: string) => `/verwaltung/${ags}/netzwerk/import`;

  async function renderStart(request: FastifyRequest, reply: FastifyReply, form: FormState, pageText?: string) {
    const town = managedTown(request);
    const page = pageRequest(pageNumber(pageText), 20);
    const rows = await repo.list(town.id, page);
    return reply.render(<ImportStartPage ags={town.ags} form={form} imports={pageResult(rows, rows.length ? Number(rows[0]?.total) : 0, page)} />, {
      title: request.t('network.workspace.import.title'),
      breadcrumbs: networkCrumbs(request, town, { label: request.t('network.workspace.nav.import') }),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/netzwerk/import', { config: TOWN, schema: { params: AgsParams, querystring: PageQuery } }, (request, reply) =>
    renderStart(request, reply, EMPTY_FORM, request.query.seite),
  );

  app.post('/verwaltung/:ags/netzwerk/import', { config: TOWN, schema: { params: AgsParams } }, async (request, reply) => {
    const town = managedTown(request);
    const form = await readMultipartForm(request, 'file', 10);
    return formAction(reply, {
      body: {},
      invalid: (state) => renderStart(request, reply, state),
      run: async () => {
        if (form.fileError) throw new ValidationError({ file: form.fileError });
        if (!form.file) throw new ValidationError({ file: { key: 'files.empty' } });
        const id = await imports.upload(request.actor, town, form.file);
        return { redirect: `${startHref(town.ags)}/${id}#vorschau`, flash: { key: 'network.workspace.import.uploaded' } };
      },
    });
  });

  async function renderImport(request: FastifyRequest<{ Params: { ags: string; id: string } }>, reply: FastifyReply, forms: { mapping?: FormState; choices?: FormState } = {}) {
    const town = managedTown(request);
    const imp = await imports.ownImport(town, parseId(request.params.id));
    const mapping = forms.mapping ?? { values: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, imp.mapping[f] ?? ''])), errors: {} };
    // The preview follows the saved mapping; while the mapping form shows errors, there is nothing consistent to preview.
    const preview = imp.status === 'pending' && !forms.mapping && imp.mapping.name !== undefined ? await imports.preview(town, imp.id) : null;
    const choices = forms.choices ?? { values: {}, errors: {} };
    return reply.render(<ImportPage ags={town.ags} imp={imp} mappingForm={mapping} choiceForm={choices} preview={preview} />, {
      title: request.t('network.workspace.import.page_title', { file: imp.file_name }),
      breadcrumbs: networkCrumbs(request, town, { href: startHref(town.ags), label: request.t('network.workspace.nav.import') }, { label: imp.file_name }),
      status: Object.keys(mapping.errors).length || Object.keys(choices.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/netzwerk/import/:id', { config: TOWN, schema: { params: AgsIdParams } }, (request, reply) => renderImport(request, reply));

  app.post('/verwaltung/:ags/netzwerk/import/:id/zuordnung', { config: TOWN, schema: { params: AgsIdParams, body: MappingBody } }, async (request, reply) => {
    const town = managedTown(request);
    const imp = await imports.ownImport(town, parseId(request.params.id));
    const href = `${startHref(town.ags)}/${imp.id}`;
    return formAction(reply, {
      body: request.body,
      back: href,
      invalid: (form) => renderImport(request, reply, { mapping: form }),
      run: async () => {
        await imports.saveMapping(request.actor, town, imp.id, request.body);
        return { redirect: `${href}#vorschau`, flash: { key: 'network.workspace.import.mapping_saved' } };
      },
    });
  });

  app.post('/verwaltung/:ags/netzwerk/import/:id/ausfuehren', { config: TOWN, schema: { params: AgsIdParams, body: ChoiceBody } }, async (request, reply) => {
    const town = managedTown(request);
    const imp = await imports.ownImport(town, parseId(request.params.id));
    const href = `${startHref(town.ags)}/${imp.id}`;
    return formAction(reply, {
      body: request.body,
      back: href,
      invalid: (form) => renderImport(request, reply, { choices: form }),
      run: async () => {
        const result = await imports.run(request.actor, town, imp.id, request.body ?? {});
        // A large import queued its organisations for the duplicate comparison: start it now rather than within the minute.
        await services.jobs.trigger(CANDIDATES_JOB);
        return { redirect: href, flash: { key: 'network.workspace.import.done', params: result } };
      },
    });
  });

  app.post('/verwaltung/:ags/netzwerk/import/:id/rueckgaengig', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const imp = await imports.ownImport(town, parseId(request.params.id));
    const href = `${startHref(town.ags)}/${imp.id}`;
    return formAction(reply, {
      body: request.body,
      back: href,
      invalid: () => reply.redirect(href, 303),
      run: async () => {
        const result = await imports.undo(request.actor, town, imp.id);
        await services.jobs.trigger(CANDIDATES_JOB);
        return { redirect: href, flash: { key: 'network.workspace.import.undone', params: result } };
      },
    });
  });

  /** The rows the import refuses, each with its line and reasons, as the town's spreadsheet can open them (formulas neutralised). */
  app.get('/verwaltung/:ags/netzwerk/import/:id/fehler.csv', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const imp = await imports.ownImport(town, parseId(request.params.id));
    const t = request.t;
    const labels = organisationLabels(t);
    const preview = imp.mapping.name === undefined ? null : await imports.preview(town, imp.id);
    const rows = (preview?.rows ?? []).filter((r) => !r.values);
    const reasons = (errors: Record<string, { key: string; params?: Record<string, string | number> }>) =>
      Object.entries(errors)
        .map(([field, m]) => `${labels[field] ?? field}: ${t(m.key, m.params)}`)
        .join('; ');
    const csv = toCsv(
      [t('network.workspace.import.column_line'), t('network.workspace.import.column_reasons'), ...imp.headers],
      rows.map((r) => [r.line, reasons(r.errors), ...r.cells]),
    );
    return reply.header('content-disposition', `attachment; filename="import-${imp.id}-fehler.csv"`).header('cache-control', 'private, no-store').type('text/csv; charset=utf-8').send(csv);
  });
};
