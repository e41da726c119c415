import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { MeasureStatus } from './tables.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { parseId } from '../../platform/http/params.ts';
import { FormDate, FormInteger, FormText, formBodySchema, parseForm, typedValues } from '../../platform/http/forms.ts';
import { requireUser } from '../../platform/http/guards.ts';
import { toCsv } from '../../platform/http/tables.ts';
import { readMultipartForm } from '../../platform/http/multipart.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { formatDate } from '../../platform/i18n/catalog.ts';
import type { AppServices } from '../../platform/module.ts';
import { ConfirmDelete, EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { coordinatedMunicipalityIds, isProgrammeOffice } from '../../platform/access/actor.ts';
import { districtOptions, type MunicipalityRow, municipalityOptions, participatingMunicipalities, requireMunicipality } from '../municipalities/index.ts';
import { can } from './policy.ts';
import { type MeasureFilter, strategyRepository } from './repository.ts';
import { type MeasureInput, strategyService } from './service.ts';
import { isMeasureStatus, MEASURE_STATUSES } from './statuses.ts';
import { FieldEditPage, FieldsPage, GoalEditPage } from './views/field-pages.tsx';
import { MeasureEditPage, type MeasureListQuery, MeasureListPage, MeasureNewPage } from './views/measure-pages.tsx';
import { type ImplementationQuery, ImplementationPage, MeasurePublicPage } from './views/public-pages.tsx';
import { VersionEditPage, VersionsPage } from './views/workspace-pages.tsx';
import { WorkspaceChoicePage, WorkspacePage } from './views/workspace-pages.tsx';

const Status = Type.Union(MEASURE_STATUSES.map((s) => Type.Literal(s)));
const VersionForm = Type.Object({
  title: FormText({ min: 1, max: 200 }),
  versionLabel: FormText({ min: 1, max: 50 }),
  adoptedOn: Type.Optional(FormDate()),
  summary: Type.Optional(FormText({ max: 5000 })),
});
const FieldForm = Type.Object({ name: FormText({ min: 1, max: 200 }), description: Type.Optional(FormText({ max: 5000 })), position: Type.Optional(FormInteger({ min: 0, max: 999 })) });
const GoalForm = Type.Object({ title: FormText({ min: 1, max: 300 }), description: Type.Optional(FormText({ max: 5000 })), position: Type.Optional(FormInteger({ min: 0, max: 999 })) });
const MeasureForm = Type.Object({
  title: FormText({ min: 1, max: 300 }),
  description: Type.Optional(FormText({ max: 10000 })),
  fieldId: FormInteger({ min: 1, max: 2_000_000_000 }),
  goalId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
  districtId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
  responsibleOrg: Type.Optional(FormText({ max: 200 })),
  startsOn: Type.Optional(FormDate()),
  endsOn: Type.Optional(FormDate()),
  status: Status,
  progress: FormInteger({ min: 0, max: 100 }),
});
const UpdateForm = Type.Object({ updateText: FormText({ min: 1, max: 5000 }), updateStatus: Status, updateProgress: FormInteger({ min: 0, max: 100 }) });

const AgsParams = Type.Object({ ags: Type.String({ maxLength: 20 }) });
const IdParams = Type.Object({ ags: Type.String({ maxLength: 20 }), id: Type.String({ maxLength: 12 }) });
const FilterQuery = Type.Object({
  handlungsfeld: Type.Optional(Type.String({ maxLength: 12 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});
const PUBLIC_PAGE_SIZE = 40;
const MEASURE_FIELDS = ['title', 'description', 'fieldId', 'goalId', 'districtId', 'responsibleOrg', 'startsOn', 'endsOn', 'status', 'progress'];

/** An ASCII fallback for old clients and the real name (umlauts, spaces) per RFC 6266 for the rest. */
function documentDisposition(name: string): string {
  const ascii = name.replace(/[^\w.-]/g, '_') || 'dokument.pdf';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function idParam(request: FastifyRequest): number {
  return parseId((request.params as { id: string }).id);
}

/** Filters from the query string; unknown values are dropped so that an old link still works. */
function cleanFilter(raw: Record<string, string | undefined>): { filter: MeasureFilter; query: MeasureListQuery & ImplementationQuery } {
  const filter: MeasureFilter = {};
  const query: MeasureListQuery = {};
  if (raw.handlungsfeld && /^\d{1,9}$/.test(raw.handlungsfeld)) {
    filter.fieldId = Number(raw.handlungsfeld);
    query.handlungsfeld = raw.handlungsfeld;
  }
  if (isMeasureStatus(raw.status)) {
    filter.status = raw.status;
    query.status = raw.status;
  }
  const q = raw.q?.trim();
  if (q) filter.query = query.q = q;
  return { filter, query };
}

/** Schema errors and the cross-field rule (end not before start) together, so the user sees all at once. */
function parseMeasure(body: unknown): { ok: true; value: MeasureInput } | { ok: false; errors: FieldErrors } {
  const parsed = parseForm(MeasureForm, body);
  const values = typedValues(body);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const start = values.startsOn?.trim();
  const end = values.endsOn?.trim();
  if (start && end && !errors.startsOn && !errors.endsOn && end < start) errors.endsOn = { key: 'validation.end_before_start' };
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: parsed.value as Static<typeof MeasureForm> as MeasureInput };
}

function measureToForm(m: {
  title: string;
  description: string;
  field_id: number;
  goal_id: number | null;
  district_id: number | null;
  responsible_org: string;
  starts_on: string | null;
  ends_on: string | null;
  status: MeasureStatus;
  progress: number;
}) {
  return {
    title: m.title,
    description: m.description,
    fieldId: String(m.field_id),
    goalId: m.goal_id ? String(m.goal_id) : '',
    districtId: m.district_id ? String(m.district_id) : '',
    responsibleOrg: m.responsible_org,
    startsOn: m.starts_on ?? '',
    endsOn: m.ends_on ?? '',
    status: m.status,
    progress: String(m.progress),
  };
}

export const strategyRoutes: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  const { db } = services;
  const repo = strategyRepository(db);
  const service = strategyService(services);

  /** The municipality of the URL, for someone allowed to manage it: visitors are sent to log in, others get 403. */
  async function workspace(request: FastifyRequest) {
    const actor = requireUser(request);
    const municipality = await requireMunicipality(db, (request.params as { ags: string }).ags);
    if (!can(actor, 'manage', { municipalityId: municipality.id })) throw AppError.forbidden();
    return { actor, municipality };
  }

  function crumbs(request: FastifyRequest, m: MunicipalityRow, ...rest: Array<{ href?: string; label: string }>) {
    return [{ href: `/kommunen/${m.ags}`, label: m.name }, { href: `/verwaltung/${m.ags}`, label: request.t('strategy.workspace.crumb') }, ...rest];
  }

  /** Other modules may show what they know about a measure, e.g. the proposals it came from. */
  async function measureLinksFrom(measureIds: number[]) {
    const merged = new Map<number, Array<{ href: string; label: string }>>();
    for (const module of services.modules()) {
      if (!module.measureLinks || measureIds.length === 0) continue;
      for (const [id, list] of await module.measureLinks(services, measureIds)) merged.set(id, [...(merged.get(id) ?? []), ...list]);
    }
    return merged;
  }

  async function statusCounts(municipalityId: number, filter: MeasureFilter = {}) {
    const rows = await repo.statusCounts(municipalityId, filter);
    const counts = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>;
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  // ---------- public ----------

  app.get('/kommunen/:ags/umsetzung', { schema: { params: AgsParams, querystring: FilterQuery } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, (request.params as { ags: string }).ags);
    const raw = request.query as Record<string, string | undefined>;
    const { filter, query } = cleanFilter(raw);
    const publicFilter = { fieldId: filter.fieldId, status: filter.status };
    const page = pageRequest(Number.parseInt(raw.seite ?? '1', 10), PUBLIC_PAGE_SIZE);
    const [fields, measures, counts] = await Promise.all([repo.fields(municipality.id), repo.publicMeasures(municipality.id, publicFilter, page), statusCounts(municipality.id)]);
    const total = measures.length ? Number(measures[0]?.total) : (await repo.statusCounts(municipality.id, publicFilter)).reduce((sum, row) => sum + Number(row.n), 0);
    const links = await measureLinksFrom(measures.map((m) => m.id));
    return reply.render(
      <ImplementationPage
        municipality={{ ags: municipality.ags, name: municipality.name, participating: municipality.joined_on !== null }}
        fields={fields}
        measures={pageResult(measures, total, page)}
        links={links}
        counts={counts}
        query={{ handlungsfeld: query.handlungsfeld, status: query.status }}
      />,
      {
        title: request.t('strategy.public.title', { name: municipality.name }),
        breadcrumbs: [
          { href: '/kommunen', label: request.t('municipalities.register.title') },
          { href: `/kommunen/${municipality.ags}`, label: municipality.name },
          { label: request.t('strategy.public.crumb') },
        ],
      },
    );
  });

  app.get('/kommunen/:ags/umsetzung.csv', { schema: { params: AgsParams, querystring: FilterQuery } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, (request.params as { ags: string }).ags);
    const { filter } = cleanFilter(request.query as Record<string, string | undefined>);
    const measures = await repo.publicMeasures(municipality.id, { fieldId: filter.fieldId, status: filter.status });
    const t = request.t;
    const csv = toCsv(
      ['field', 'goal', 'measure', 'status', 'progress', 'responsible_org', 'starts_on', 'ends_on', 'district', 'latest_update_at', 'latest_update'].map((c) => t(`strategy.csv.${c}`)),
      measures.map((m) => [
        m.field_name,
        m.goal_title ?? '',
        m.title,
        t(`strategy.status.${m.status}`),
        m.progress,
        m.responsible_org,
        m.starts_on ?? '',
        m.ends_on ?? '',
        m.district_name ?? '',
        m.latest_update_at ? formatDate('de', m.latest_update_at) : '',
        m.latest_update_text ?? '',
      ]),
    );
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="umsetzung-${municipality.ags}.csv"`).send(csv);
  });

  app.get('/kommunen/:ags/massnahmen/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, (request.params as { ags: string }).ags);
    const id = idParam(request);
    const [measure, updates] = await Promise.all([repo.measure(municipality.id, id), repo.publicUpdates(id)]);
    if (!measure) throw AppError.notFound();
    const publicMeasure = { ...measure, field_name: measure.field_name ?? '', latest_update_text: null, latest_update_at: null };
    return reply.render(<MeasurePublicPage ags={municipality.ags} measure={publicMeasure} updates={updates} />, {
      title: measure.title,
      breadcrumbs: [
        { href: `/kommunen/${municipality.ags}`, label: municipality.name },
        { href: `/kommunen/${municipality.ags}/umsetzung`, label: request.t('strategy.public.crumb') },
        { label: measure.title },
      ],
    });
  });

  app.get('/kommunen/:ags/strategie/:id/dokument', { schema: { params: IdParams } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, (request.params as { ags: string }).ags);
    const version = await repo.version(municipality.id, idParam(request));
    if (!version?.document_file_id) throw AppError.notFound();
    const file = await services.files.read(db, version.document_file_id);
    if (!file) throw AppError.notFound();
    return reply.type(file.mime_type).header('content-disposition', documentDisposition(file.original_name)).header('x-content-type-options', 'nosniff').send(file.data);
  });

  // ---------- workspace: overview ----------

  /** The way in from the main navigation: straight to the own town, or a choice when there are several. */
  app.get('/verwaltung', async (request, reply) => {
    const actor = requireUser(request);
    const towns = isProgrammeOffice(actor) ? await participatingMunicipalities(db) : (await municipalityOptions(db)).filter((m) => coordinatedMunicipalityIds(actor).includes(m.id));
    if (towns.length === 0) throw AppError.forbidden();
    if (towns.length === 1 && !isProgrammeOffice(actor)) return reply.redirect(`/verwaltung/${towns[0]?.ags}`, 303);
    return reply.render(<WorkspaceChoicePage towns={towns} />, { title: request.t('strategy.workspace.choose_title'), breadcrumbs: [{ label: request.t('strategy.workspace.crumb') }] });
  });

  app.get('/verwaltung/:ags', { schema: { params: AgsParams } }, async (request, reply) => {
    const { municipality } = await workspace(request);
    const [counts, fields, versions] = await Promise.all([statusCounts(municipality.id), repo.fields(municipality.id), repo.versions(municipality.id)]);
    return reply.render(<WorkspacePage ags={municipality.ags} name={municipality.name} counts={counts} fieldCount={fields.length} versionCount={versions.length} />, {
      title: request.t('strategy.workspace.title', { name: municipality.name }),
      breadcrumbs: [{ href: `/kommunen/${municipality.ags}`, label: municipality.name }, { label: request.t('strategy.workspace.crumb') }],
    });
  });

  // ---------- strategy versions ----------

  async function renderVersions(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    const { municipality } = await workspace(request);
    const versions = await repo.versions(municipality.id);
    return reply.render(<VersionsPage ags={municipality.ags} name={municipality.name} versions={versions} form={form} />, {
      title: request.t('strategy.version.page_title', { name: municipality.name }),
      breadcrumbs: crumbs(request, municipality, { label: request.t('strategy.workspace.versions') }),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  async function readVersionForm(request: FastifyRequest) {
    if (!request.isMultipart()) throw new AppError('bad_request', 400, 'errors.bad_request.text');
    const form = await readMultipartForm(request, 'document');
    const parsed = parseForm(VersionForm, form.fields);
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    if (form.fileError) errors.document = form.fileError;
    return { form, parsed, errors };
  }

  app.get('/verwaltung/:ags/strategie', { schema: { params: AgsParams } }, (request, reply) => renderVersions(request, reply));

  app.post('/verwaltung/:ags/strategie', { schema: { params: AgsParams } }, async (request, reply) => {
    const { actor, municipality } = await workspace(request);
    const { form, parsed, errors } = await readVersionForm(request);
    if (!parsed.ok || Object.keys(errors).length) return renderVersions(request, reply, { values: form.fields, errors });
    try {
      await service.addVersion(actor, municipality.id, parsed.value, form.file);
    } catch (error) {
      if (error instanceof ValidationError) return renderVersions(request, reply, { values: form.fields, errors: error.fields });
      throw error;
    }
    return reply.flash('success', 'strategy.version.added').redirect(`/verwaltung/${municipality.ags}/strategie`, 303);
  });

  async function renderVersionEdit(request: FastifyRequest, reply: FastifyReply, form?: FormState) {
    const { municipality } = await workspace(request);
    const id = idParam(request);
    const version = await repo.version(municipality.id, id);
    if (!version) throw AppError.notFound();
    const state = form ?? { values: { title: version.title, versionLabel: version.version_label, adoptedOn: version.adopted_on ?? '', summary: version.summary }, errors: {} };
    return reply.render(<VersionEditPage ags={municipality.ags} id={id} form={state} />, {
      title: request.t('strategy.version.edit_title'),
      breadcrumbs: crumbs(request, municipality, { href: `/verwaltung/${municipality.ags}/strategie`, label: request.t('strategy.workspace.versions') }, { label: version.title }),
      status: form && Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/strategie/:id', { schema: { params: IdParams } }, (request, reply) => renderVersionEdit(request, reply));

  app.post('/verwaltung/:ags/strategie/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const { actor, municipality } = await workspace(request);
    const id = idParam(request);
    const { form, parsed, errors } = await readVersionForm(request);
    if (!parsed.ok || Object.keys(errors).length) return renderVersionEdit(request, reply, { values: form.fields, errors });
    try {
      await service.updateVersion(actor, municipality.id, id, parsed.value, form.file);
    } catch (error) {
      if (error instanceof ValidationError) return renderVersionEdit(request, reply, { values: form.fields, errors: error.fields });
      throw error;
    }
    return reply.flash('success', 'common.saved').redirect(`/verwaltung/${municipality.ags}/strategie`, 303);
  });

  app.get('/verwaltung/:ags/strategie/:id/loeschen', { schema: { params: IdParams } }, async (request, reply) => {
    const { municipality } = await workspace(request);
    const version = await repo.version(municipality.id, idParam(request));
    if (!version) throw AppError.notFound();
    const base = `/verwaltung/${municipality.ags}/strategie`;
    return reply.render(<ConfirmDelete name={version.title} action={`${base}/${version.id}/loeschen`} cancelHref={base} />, {
      title: request.t('common.confirm_delete_title'),
      breadcrumbs: crumbs(request, municipality, { href: base, label: request.t('strategy.workspace.versions') }, { label: version.title }),
    });
  });

  app.post('/verwaltung/:ags/strategie/:id/loeschen', { schema: { params: IdParams } }, async (request, reply) => {
    const { actor, municipality } = await workspace(request);
    await service.deleteVersion(actor, municipality.id, idParam(request));
    return reply.flash('success', 'common.deleted').redirect(`/verwaltung/${municipality.ags}/strategie`, 303);
  });

  // ---------- fields of action and goals ----------

  async function renderFields(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    const { municipality } = await workspace(request);
    const [fields, goals] = await Promise.all([repo.fields(municipality.id), repo.goals(municipality.id)]);
    return reply.render(<FieldsPage ags={municipality.ags} name={municipality.name} fields={fields} goals={goals} form={form} />, {
      title: request.t('strategy.field.page_title', { name: municipality.name }),
      breadcrumbs: crumbs(request, municipality, { label: request.t('strategy.workspace.fields') }),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/handlungsfelder', { schema: { params: AgsParams } }, (request, reply) => renderFields(request, reply));

  app.post('/verwaltung/:ags/handlungsfelder', { schema: { params: AgsParams, body: formBodySchema(['name', 'description', 'position']) } }, async (request, reply) => {
    const { actor, municipality } = await workspace(request);
    const parsed = parseForm(FieldForm, request.body);
    if (!parsed.ok) return renderFields(request, reply, { values: typedValues(request.body), errors: parsed.errors });
    await service.addField(actor, municipality.id, parsed.value);
    return reply.flash('success', 'strategy.field.added', { name: parsed.value.name }).redirect(`/verwaltung/${municipality.ags}/handlungsfelder`, 303);
  });

  async function renderFieldEdit(request: FastifyRequest, reply: FastifyReply, forms: { field?: FormState; goal?: FormState } = {}) {
    const { municipality } = await workspace(request);
    const id = idParam(request);
    const [field, goals] = await Promise.all([repo.field(municipality.id, id), repo.goals(municipality.id)]);
    if (!field) throw AppError.notFound();
    const fieldForm = forms.field ?? { values: { name: field.name, description: field.description, position: String(field.position) }, errors: {} };
    const failed = Object.keys(forms.field?.errors ?? {}).length + Object.keys(forms.goal?.errors ?? {}).length > 0;
    return reply.render(<FieldEditPage ags={municipality.ags} fieldId={id} form={fieldForm} goals={goals.filter((g) => g.field_id === id)} goalForm={forms.goal ?? EMPTY_FORM} />, {
      title: request.t('strategy.field.edit_title'),
      breadcrumbs: crumbs(request, municipality, { href: `/verwaltung/${municipality.ags}/handlungsfelder`, label: request.t('strategy.workspace.fields') }, { label: field.name }),
      status: failed ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/handlungsfelder/:id', { schema: { params: IdParams } }, (request, reply) => renderFieldEdit(request, reply));

  app.post('/verwaltung/:ags/handlungsfelder/:id', { schema: { params: IdParams, body: formBodySchema(['name', 'description', 'position']) } }, async (request, reply) => {
    const { actor, municipality } = await workspace(request);
    const parsed = parseForm(FieldForm, request.body);
    if (!parsed.ok) return renderFieldEdit(request, reply, { field: { values: typedValues(request.body), errors: parsed.errors } });
    await service.updateField(actor, municipality.id, idParam(request), parsed.value);
    return reply.flash('success', 'common.saved').redirect(`/verwaltung/${municipality.ags}/handlungsfelder`, 303);
  });

  app.post('/verwaltung/:ags/handlungsfelder/:id/ziele', { schema: { params: IdParams, body: formBodySchema(['title', 'description', 'position']) } }, async (request, reply) => {
    const { actor, municipality } = await workspace(request);
    const id = idParam(request);
    const parsed = parseForm(GoalForm, request.body);
    if (!parsed.ok) return renderFieldEdit(request, reply, { goal: { values: typedValues(request.body), errors: parsed.errors } });
    await service.addGoal(actor, municipality.id, id, parsed.value);
    return reply.flash('success', 'strategy.goal.added', { title: parsed.value.title }).redirect(`/verwaltung/${municipality.ags}/handlungsfelder/${id}`, 303);
  });

  app.get('/verwaltung/:ags/handlungsfelder/:id/loeschen', { schema: { params: IdParams } }, async (request, reply) => {
    const { municipality } = await workspace(request);
    const field = await repo.field(municipality.id, idParam(request));
    if (!field) throw AppError.notFound();
    const base = `/verwaltung/${municipality.ags}/handlungsfelder`;
    return reply.render(<ConfirmDelete name={field.name} action={`${base}/${field.id}/loeschen`} cancelHref={base} note={request.t('strategy.field.delete_note')} />, {
      title: request.t('common.confirm_delete_title'),
      breadcrumbs: crumbs(request, municipality, { href: base, label: request.t('strategy.workspace.fields') }, { label: field.name }),
    });
  });

  app.post('/verwaltung/:ags/handlungsfelder/:id/loeschen', { schema: { params: IdParams } }, async (request, reply) => {
    const { actor, municipality } = await workspace(request);
    const base = `/verwaltung/${municipality.ags}/handlungsfelder`;
    try {
      await service.deleteField(actor, municipality.id, idParam(request));
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey, error.params).redirect(base, 303);
      throw error;
    }
    return reply.flash('success', 'common.deleted').redirect(base, 303);
  });

  async function renderGoalEdit(request: FastifyRequest, reply: FastifyReply, form?: FormState) {
    const { municipality } = await workspace(request);
    const goal = await repo.goal(municipality.id, idParam(request));
    if (!goal) throw AppError.notFound();
    const state = form ?? { values: { title: goal.title, description: goal.description, position: String(goal.position) }, errors: {} };
    return reply.render(<GoalEditPage ags={municipality.ags} goalId={goal.id} fieldId={goal.field_id} form={state} />, {
      title: request.t('strategy.goal.edit_title'),
      breadcrumbs: crumbs(request, municipality, { href: `/verwaltung/${municipality.ags}/handlungsfelder/${goal.field_id}`, label: goal.field_name }, { label: goal.title }),
      status: form ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/ziele/:id', { schema: { params: IdParams } }, (request, reply) => renderGoalEdit(request, reply));

  app.post('/verwaltung/:ags/ziele/:id', { schema: { params: IdParams, body: formBodySchema(['title', 'description', 'position']) } }, async (request, reply) => {
    const { actor, municipality } = await workspace(request);
    const parsed = parseForm(GoalForm, request.body);
    if (!parsed.ok) return renderGoalEdit(request, reply, { values: typedValues(request.body), errors: parsed.errors });
    const fieldId = await service.updateGoal(actor, municipality.id, idParam(request), parsed.value);
    return reply.flash('success', 'common.saved').redirect(`/verwaltung/${municipality.ags}/handlungsfelder/${fieldId}`, 303);
  });

  app.get('/verwaltung/:ags/ziele/:id/loeschen', { schema: { params: IdParams } }, async (request, reply) => {
    const { municipality } = await workspace(request);
    const goal = await repo.goal(municipality.id, idParam(request));
    if (!goal) throw AppError.notFound();
    const back = `/verwaltung/${municipality.ags}/handlungsfelder/${goal.field_id}`;
    return reply.render(<ConfirmDelete name={goal.title} action={`/verwaltung/${municipality.ags}/ziele/${goal.id}/loeschen`} cancelHref={back} note={request.t('strategy.goal.delete_note')} />, {
      title: request.t('common.confirm_delete_title'),
      breadcrumbs: crumbs(request, municipality, { href: back, label: goal.field_name }, { label: goal.title }),
    });
  });

  app.post('/verwaltung/:ags/ziele/:id/loeschen', { schema: { params: IdParams } }, async (request, reply) => {
    const { actor, municipality } = await workspace(request);
    const fieldId = await service.deleteGoal(actor, municipality.id, idParam(request));
    return reply.flash('success', 'common.deleted').redirect(`/verwaltung/${municipality.ags}/handlungsfelder/${fieldId}`, 303);
  });

  // ---------- measures ----------

  app.get('/verwaltung/:ags/massnahmen', { schema: { params: AgsParams, querystring: FilterQuery } }, async (request, reply) => {
    const { municipality } = await workspace(request);
    const raw = request.query as Record<string, string | undefined>;
    const { filter, query } = cleanFilter(raw);
    const page = pageRequest(Number.parseInt(raw.seite ?? '1', 10), 25);
    const [{ items, total }, fields] = await Promise.all([repo.measurePage(municipality.id, filter, page), repo.fields(municipality.id)]);
    return reply.render(<MeasureListPage ags={municipality.ags} name={municipality.name} result={pageResult(items, total, page)} query={query} fields={fields} />, {
      title: request.t('strategy.measure.list_title', { name: municipality.name }),
      breadcrumbs: crumbs(request, municipality, { label: request.t('strategy.workspace.measures') }),
    });
  });

  async function choices(municipalityId: number) {
    const [fields, goals, districts] = await Promise.all([repo.fields(municipalityId), repo.goals(municipalityId), districtOptions(db, municipalityId)]);
    return { fields, goals, districts };
  }

  async function renderNewMeasure(request: FastifyRequest, reply: FastifyReply, form: FormState = { values: { status: 'planned', progress: '0' }, errors: {} }) {
    const { municipality } = await workspace(request);
    return reply.render(<MeasureNewPage ags={municipality.ags} form={form} choices={await choices(municipality.id)} />, {
      title: request.t('strategy.measure.add'),
      breadcrumbs: crumbs(request, municipality, { href: `/verwaltung/${municipality.ags}/massnahmen`, label: request.t('strategy.workspace.measures') }, { label: request.t('strategy.measure.add') }),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/massnahmen/neu', { schema: { params: AgsParams } }, (request, reply) => renderNewMeasure(request, reply));

  app.post('/verwaltung/:ags/massnahmen/neu', { schema: { params: AgsParams, body: formBodySchema(MEASURE_FIELDS) } }, async (request, reply) => {
    const { actor, municipality } = await workspace(request);
    const values = typedValues(request.body);
    const parsed = parseMeasure(request.body);
    if (!parsed.ok) return renderNewMeasure(request, reply, { values, errors: parsed.errors });
    let id: number;
    try {
      id = await service.addMeasure(actor, municipality.id, parsed.value);
    } catch (error) {
      if (error instanceof ValidationError) return renderNewMeasure(request, reply, { values, errors: error.fields });
      throw error;
    }
    return reply.flash('success', 'strategy.measure.added', { title: parsed.value.title }).redirect(`/verwaltung/${municipality.ags}/massnahmen/${id}`, 303);
  });

  async function renderMeasure(request: FastifyRequest, reply: FastifyReply, forms: { edit?: FormState; update?: FormState } = {}) {
    const { municipality } = await workspace(request);
    const id = idParam(request);
    const measure = await repo.measure(municipality.id, id);
    if (!measure) throw AppError.notFound();
    const [options, history] = await Promise.all([choices(municipality.id), repo.updates(id)]);
    const failed = Object.keys(forms.edit?.errors ?? {}).length + Object.keys(forms.update?.errors ?? {}).length > 0;
    return reply.render(
      <MeasureEditPage
        ags={municipality.ags}
        measureId={id}
        title={measure.title}
        form={forms.edit ?? { values: measureToForm(measure), errors: {} }}
        updateForm={forms.update ?? { values: { updateStatus: measure.status, updateProgress: String(measure.progress) }, errors: {} }}
        choices={options}
        history={history}
      />,
      {
        title: measure.title,
        breadcrumbs: crumbs(request, municipality, { href: `/verwaltung/${municipality.ags}/massnahmen`, label: request.t('strategy.workspace.measures') }, { label: measure.title }),
        status: failed ? 422 : 200,
      },
    );
  }

  app.get('/verwaltung/:ags/massnahmen/:id', { schema: { params: IdParams } }, (request, reply) => renderMeasure(request, reply));

  app.post('/verwaltung/:ags/massnahmen/:id', { schema: { params: IdParams, body: formBodySchema(MEASURE_FIELDS) } }, async (request, reply) => {
    const { actor, municipality } = await workspace(request);
    const values = typedValues(request.body);
    const parsed = parseMeasure(request.body);
    if (!parsed.ok) return renderMeasure(request, reply, { edit: { values, errors: parsed.errors } });
    const id = idParam(request);
    try {
      await service.updateMeasure(actor, municipality.id, id, parsed.value);
    } catch (error) {
      if (error instanceof ValidationError) return renderMeasure(request, reply, { edit: { values, errors: error.fields } });
      throw error;
    }
    return reply.flash('success', 'common.saved').redirect(`/verwaltung/${municipality.ags}/massnahmen/${id}`, 303);
  });

  app.post('/verwaltung/:ags/massnahmen/:id/fortschritt', { schema: { params: IdParams, body: formBodySchema(['updateText', 'updateStatus', 'updateProgress']) } }, async (request, reply) => {
    const { actor, municipality } = await workspace(request);
    const parsed = parseForm(UpdateForm, request.body);
    if (!parsed.ok) return renderMeasure(request, reply, { update: { values: typedValues(request.body), errors: parsed.errors } });
    const id = idParam(request);
    await service.postUpdate(actor, municipality.id, id, { text: parsed.value.updateText, status: parsed.value.updateStatus, progress: parsed.value.updateProgress });
    return reply.flash('success', 'strategy.update.posted').redirect(`/verwaltung/${municipality.ags}/massnahmen/${id}`, 303);
  });

  app.get('/verwaltung/:ags/massnahmen/:id/loeschen', { schema: { params: IdParams } }, async (request, reply) => {
    const { municipality } = await workspace(request);
    const measure = await repo.measure(municipality.id, idParam(request));
    if (!measure) throw AppError.notFound();
    const base = `/verwaltung/${municipality.ags}/massnahmen`;
    return reply.render(<ConfirmDelete name={measure.title} action={`${base}/${measure.id}/loeschen`} cancelHref={`${base}/${measure.id}`} note={request.t('strategy.measure.delete_note')} />, {
      title: request.t('common.confirm_delete_title'),
      breadcrumbs: crumbs(request, municipality, { href: base, label: request.t('strategy.workspace.measures') }, { label: measure.title }),
    });
  });

  app.post('/verwaltung/:ags/massnahmen/:id/loeschen', { schema: { params: IdParams } }, async (request, reply) => {
    const { actor, municipality } = await workspace(request);
    await service.deleteMeasure(actor, municipality.id, idParam(request));
    return reply.flash('success', 'common.deleted').redirect(`/verwaltung/${municipality.ags}/massnahmen`, 303);
  });
};
