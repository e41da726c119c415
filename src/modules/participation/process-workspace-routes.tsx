import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../../platform/http/access.ts';
import { type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { FormDate, FormInteger, FormText, formBody, formList, typedValues } from '../../platform/http/forms.ts';
import { readMultipartForm } from '../../platform/http/multipart.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { AgsIdParams, AgsParams, PageQuery } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { districtOptions, managedTown } from '../municipalities/index.ts';
import { fieldsOfTown } from '../strategy/index.ts';
import { PHASES } from './phases.ts';
import { processService } from './process-service.ts';
import { participationRepository } from './repository.ts';
import { PAGE_SIZE } from './route-support.ts';
import type { PhaseKind } from './tables.ts';
import { ProcessFormPage, ProcessList, type ProcessRow } from './views/process-pages.tsx';

const TOWN = { access: { scope: 'town' } } as const;
const ProcessForm = Type.Object({
  title: FormText({ min: 3, max: 200 }),
  description: Type.Optional(FormText({ max: 10000 })),
  fieldId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
  published: Type.Optional(Type.Literal('on')),
  places: Type.Optional(FormText({ max: 3000 })),
  ...Object.fromEntries(PHASES.flatMap((kind) => [`${kind}Start`, `${kind}End`].map((name) => [name, Type.Optional(FormDate())]))),
});
type Selected = { languages: string[]; districtIds: string[] };

/** Phases from the form: a phase is used when both dates are given; half a phase is an error at the missing date. */
function readPhases(values: Record<string, string | undefined>, errors: FieldErrors) {
  const phases: Array<{ kind: PhaseKind; starts_on: string; ends_on: string }> = [];
  for (const kind of PHASES) {
    const start = values[`${kind}Start`]?.trim();
    const end = values[`${kind}End`]?.trim();
    if (!start && !end) continue;
    if (!start) errors[`${kind}Start`] ??= { key: 'validation.required' };
    else if (!end) errors[`${kind}End`] ??= { key: 'validation.required' };
    else if (end < start) errors[`${kind}End`] ??= { key: 'validation.end_before_start' };
    else phases.push({ kind, starts_on: start, ends_on: end });
  }
  return phases;
}

/** What the process form carries besides its schema: phases, languages, districts and places, with their errors. */
function readProcessExtras(body: unknown) {
  const values = typedValues(body);
  const errors: FieldErrors = {};
  const phases = readPhases(values, errors);
  const selected: Selected = { languages: formList(body, 'languages'), districtIds: formList(body, 'districtIds') };
  const districtIds = selected.districtIds.filter((v) => /^\d{1,9}$/.test(v)).map(Number);
  if (districtIds.length !== selected.districtIds.length) errors.districtIds = { key: 'validation.choice' };
  // One place per line; the same name twice is one place.
  const placeNames = [
    ...new Set(
      (values.places ?? '')
        .split(/\r?\n/)
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
  if (placeNames.length > 50) errors.places = { key: 'validation.max', params: { max: 50 } };
  else if (placeNames.some((p) => p.length > 100)) errors.places = { key: 'validation.too_long', params: { max: 100 } };
  return { errors, phases, selected, lists: { languages: selected.languages, districtIds, places: placeNames } };
}

/** The town's processes: the list, creating and editing one, its picture. */
export const processWorkspaceRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = participationRepository(db);
  const processes = processService(services);

  app.get('/verwaltung/:ags/beteiligung', { config: TOWN, schema: { params: AgsParams, querystring: PageQuery } }, async (request, reply) => {
    const municipality = managedTown(request);
    const page = pageRequest(pageNumber(request.query.seite), PAGE_SIZE);
    const rows = await repo.processes({ municipalityId: municipality.id, publishedOnly: false }, page);
    const title = request.t('participation.process.manage_title', { name: municipality.name });
    return reply.render(
      <>
        <h1 class="kern-heading-large">{title}</h1>
        <p class="vv-actions">
          <a class="kern-btn kern-btn--primary" href={`/verwaltung/${municipality.ags}/beteiligung/neu`}>
            <span class="kern-label">{request.t('participation.process.new')}</span>
          </a>
        </p>
        <ProcessList result={pageResult(rows as ProcessRow[], Number(rows[0]?.total ?? 0), page)} path={`/verwaltung/${municipality.ags}/beteiligung`} showTown={false} manageAgs={municipality.ags} />
      </>,
      { title, breadcrumbs: [{ href: `/verwaltung/${municipality.ags}`, label: municipality.name }, { label: request.t('participation.nav') }] },
    );
  });

  async function renderProcessForm(
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    processId?: number,
    selected: Selected = { languages: ['de'], districtIds: [] },
    imageForm?: FormState,
  ) {
    const municipality = managedTown(request);
    const [fields, districts, process] = await Promise.all([
      fieldsOfTown(db, municipality.id),
      districtOptions(db, municipality.id),
      processId ? processes.ownProcess(request.actor, municipality.id, processId) : Promise.resolve(undefined),
    ]);
    const action = processId ? `/verwaltung/${municipality.ags}/beteiligung/${processId}` : `/verwaltung/${municipality.ags}/beteiligung/neu`;
    const title = processId ? request.t('participation.process.edit_title') : request.t('participation.process.new');
    const image = process?.image_file_id ? { href: `/beteiligung/${process.id}/bild`, alt: process.image_alt } : null;
    return reply.render(
      <ProcessFormPage
        ags={municipality.ags}
        action={action}
        form={form}
        fields={fields}
        districts={districts}
        selected={selected}
        editing={processId !== undefined}
        imageForm={imageForm}
        image={image}
      />,
      {
        title,
        breadcrumbs: [{ href: `/verwaltung/${municipality.ags}/beteiligung`, label: request.t('participation.nav') }, { label: title }],
        status: Object.keys(form.errors).length || Object.keys(imageForm?.errors ?? {}).length ? 422 : 200,
      },
    );
  }

  /** The process as its edit form shows it. */
  async function processFormValues(process: { id: number; title: string; description: string; field_id: number | null; published: boolean; places: string[] }) {
    const values: Record<string, string> = {
      title: process.title,
      description: process.description,
      fieldId: process.field_id ? String(process.field_id) : '',
      published: process.published ? 'on' : '',
      places: process.places.join('\n'),
    };
    for (const phase of await repo.phases(process.id)) {
      values[`${phase.kind}Start`] = phase.starts_on;
      values[`${phase.kind}End`] = phase.ends_on;
    }
    return values;
  }

  app.get('/verwaltung/:ags/beteiligung/neu', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderProcessForm(request, reply, EMPTY_FORM));

  app.post('/verwaltung/:ags/beteiligung/neu', { config: TOWN, schema: { params: AgsParams, body: formBody(ProcessForm) } }, async (request, reply) => {
    const municipality = managedTown(request);
    const extras = readProcessExtras(request.body);
    return formAction(reply, {
      body: request.body,
      schema: ProcessForm,
      invalid: (form) => renderProcessForm(request, reply, { values: form.values, errors: { ...extras.errors, ...form.errors } }, undefined, extras.selected),
      run: async (value) => {
        if (Object.keys(extras.errors).length) throw new ValidationError(extras.errors);
        const input = { title: value.title, description: value.description, fieldId: value.fieldId, phases: extras.phases, ...extras.lists };
        const id = await processes.createProcess(signedInActor(request), municipality.id, input);
        return { redirect: `/verwaltung/${municipality.ags}/beteiligung/${id}`, flash: { key: 'participation.process.created' } };
      },
    });
  });

  app.get('/verwaltung/:ags/beteiligung/:id', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const process = await processes.ownProcess(request.actor, managedTown(request).id, parseId(request.params.id));
    const values = await processFormValues(process);
    return renderProcessForm(request, reply, { values, errors: {} }, process.id, { languages: process.languages, districtIds: process.district_ids.map(String) });
  });

  app.post('/verwaltung/:ags/beteiligung/:id', { config: TOWN, schema: { params: AgsIdParams, body: formBody(ProcessForm) } }, async (request, reply) => {
    const municipality = managedTown(request);
    const process = await processes.ownProcess(request.actor, municipality.id, parseId(request.params.id));
    const extras = readProcessExtras(request.body);
    return formAction(reply, {
      body: request.body,
      schema: ProcessForm,
      invalid: (form) => renderProcessForm(request, reply, { values: form.values, errors: { ...extras.errors, ...form.errors } }, process.id, extras.selected),
      run: async (value) => {
        if (Object.keys(extras.errors).length) throw new ValidationError(extras.errors);
        const input = { title: value.title, description: value.description, fieldId: value.fieldId, phases: extras.phases, published: value.published === 'on', ...extras.lists };
        await processes.updateProcess(signedInActor(request), municipality.id, process.id, input);
        return { redirect: `/beteiligung/${process.id}`, flash: { key: 'common.saved' } };
      },
    });
  });

  app.post('/verwaltung/:ags/beteiligung/:id/bild', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const municipality = managedTown(request);
    const process = await processes.ownProcess(request.actor, municipality.id, parseId(request.params.id));
    const again = async (imageForm: FormState) =>
      renderProcessForm(
        request,
        reply,
        { values: await processFormValues(process), errors: {} },
        process.id,
        { languages: process.languages, districtIds: process.district_ids.map(String) },
        imageForm,
      );
    const form = await readMultipartForm(request, 'image', 5);
    const alt = (form.fields.alt ?? '').trim();
    if (form.fileError) return again({ values: { alt }, errors: { image: form.fileError } });
    const image = form.files.image;
    return formAction(reply, {
      body: { alt },
      invalid: (state) => again({ values: { alt }, errors: state.errors }),
      run: async () => {
        const errors: FieldErrors = {};
        if (!image) errors.image = { key: 'files.empty' };
        if (alt.length < 3) errors.alt = { key: 'validation.required' };
        else if (alt.length > 300) errors.alt = { key: 'validation.too_long', params: { max: 300 } };
        if (Object.keys(errors).length || !image) throw new ValidationError(errors);
        await processes.setProcessImage(signedInActor(request), municipality.id, process.id, image, alt);
        return { redirect: `/verwaltung/${municipality.ags}/beteiligung/${process.id}`, flash: { key: 'common.saved' } };
      },
    });
  });
};
