import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { actorUserId } from '../../platform/access/actor.ts';
import type { NotificationMode, PhaseKind, ProposalStatus } from './tables.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { FormDate, FormInteger, FormText, formBodySchema, formList, parseForm, typedValues } from '../../platform/http/forms.ts';
import { requireUser } from '../../platform/http/guards.ts';
import { readMultipartForm } from '../../platform/http/multipart.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { type Cell, toCsv, toXlsx } from '../../platform/http/tables.ts';
import type { AppServices } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { districtOptions, POINT_MAP_SIZE, pointMap, requireMunicipality } from '../municipalities/index.ts';
import { fieldOptions, measureOptions } from '../strategy/index.ts';
import { mapClick, pickPoint, readLocation } from './location.ts';
import { activePhase, PHASES, phaseAllows } from './phases.ts';
import { can } from './policy.ts';
import { managedTown } from './town-access.ts';
import { type ProposalFilter, type ProposalSort, participationRepository } from './repository.ts';
import { NOTIFICATION_MODES, notificationRepository } from './notifications.ts';
import { type ProposalImage, participationService } from './service.ts';
import { authorLabel, ProcessesPage, ProcessFormPage, ProcessList, type ProcessRow, ProcessPage, type ProposalQuery } from './views/process-pages.tsx';
import { AnswerPage, CommentFormPage, OfflinePage, ProposalFormPage, ProposalPage } from './views/proposal-pages.tsx';

const STATUSES: readonly ProposalStatus[] = ['open', 'in_review', 'accepted', 'rejected', 'merged'];
const SORTS: readonly ProposalSort[] = ['newest', 'supported', 'commented', 'random'];
const PAGE_SIZE = 20;
const IMAGE_FIELDS = ['image1', 'image2', 'image3'];

const Id = Type.String({ maxLength: 12 });
const AgsParams = Type.Object({ ags: Type.String({ maxLength: 20 }) });
const ProcessParams = Type.Object({ id: Id });
const ProposalParams = Type.Object({ id: Id, pid: Id });
const CommentParams = Type.Object({ id: Id, pid: Id, cid: Id });
const ManageParams = Type.Object({ ags: Type.String({ maxLength: 20 }), id: Id });
const PageQuery = Type.Object({ seite: Type.Optional(Type.String({ maxLength: 6 })) });
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  handlungsfeld: Type.Optional(Type.String({ maxLength: 12 })),
  ortsteil: Type.Optional(Type.String({ maxLength: 12 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  antwort: Type.Optional(Type.String({ maxLength: 10 })),
  sort: Type.Optional(Type.String({ maxLength: 20 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});

const ProposalForm = Type.Object({
  title: FormText({ min: 3, max: 200 }),
  body: FormText({ min: 10, max: 10000 }),
  fieldId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
  districtId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
});
const OfflineForm = Type.Object({
  title: FormText({ min: 3, max: 200 }),
  body: FormText({ min: 10, max: 10000 }),
  fieldId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
  districtId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
  source: FormText({ min: 3, max: 200 }),
});
const CommentForm = Type.Object({ body: FormText({ min: 1, max: 5000 }), parentId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })) });
const ProcessForm = Type.Object({
  title: FormText({ min: 3, max: 200 }),
  description: Type.Optional(FormText({ max: 10000 })),
  fieldId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
  published: Type.Optional(Type.Literal('on')),
  places: Type.Optional(FormText({ max: 3000 })),
  ...Object.fromEntries(PHASES.flatMap((kind) => [`${kind}Start`, `${kind}End`].map((name) => [name, Type.Optional(FormDate())]))),
});
const AnswerForm = Type.Object({
  status: Type.Union([Type.Literal('in_review'), Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('merged')]),
  text: Type.Optional(FormText({ max: 10000 })),
  mergedIntoId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
});
const PROCESS_FIELDS = ['title', 'description', 'fieldId', 'published', 'places', ...PHASES.flatMap((k) => [`${k}Start`, `${k}End`])];

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

function cleanListQuery(raw: Record<string, string | undefined>): { filter: ProposalFilter; query: ProposalQuery; sort: ProposalSort } {
  const filter: ProposalFilter = {};
  const query: ProposalQuery = {};
  const q = raw.q?.trim();
  if (q) filter.search = query.q = q;
  if (raw.handlungsfeld && /^\d{1,9}$/.test(raw.handlungsfeld)) {
    filter.fieldId = Number(raw.handlungsfeld);
    query.handlungsfeld = raw.handlungsfeld;
  }
  if (raw.ortsteil && /^\d{1,9}$/.test(raw.ortsteil)) {
    filter.districtId = Number(raw.ortsteil);
    query.ortsteil = raw.ortsteil;
  }
  if (STATUSES.includes(raw.status as ProposalStatus)) {
    filter.status = raw.status as ProposalStatus;
    query.status = raw.status;
  }
  if (raw.antwort === 'ja' || raw.antwort === 'nein') {
    filter.answered = raw.antwort === 'ja';
    query.antwort = raw.antwort;
  }
  const sort = SORTS.includes(raw.sort as ProposalSort) ? (raw.sort as ProposalSort) : 'newest';
  if (sort !== 'newest') query.sort = sort;
  return { filter, query, sort };
}

export const participationRoutes: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  const { db } = services;
  const repo = participationRepository(db);
  const service = participationService(services);

  async function visibleProcess(request: FastifyRequest) {
    const process = await repo.process(parseId((request.params as { id: string }).id));
    if (!process || !can(request.actor, 'view', { municipalityId: process.municipality_id, published: process.published })) throw AppError.notFound();
    return process;
  }

  /** Place and point of a proposal form; a point sent back must still lie in the town. */
  async function checkedLocation(process: { municipality_id: number; places: string[] }, values: Record<string, string>) {
    const location = readLocation(values, process.places);
    if (location.point && !(await pointMap(db, process.municipality_id))?.contains(location.point)) location.errors.karte = { key: 'participation.location.outside' };
    return location;
  }

  app.get('/beteiligung/:id/karte.svg', { schema: { params: ProcessParams, querystring: Type.Object({ punkt: Type.Optional(Type.String({ maxLength: 40 })) }) } }, async (request, reply) => {
    const process = await visibleProcess(request);
    const map = await pointMap(db, process.municipality_id);
    if (!map) throw AppError.notFound();
    const match = /^(-?\d{1,2}(?:\.\d{1,8})?),(-?\d{1,3}(?:\.\d{1,8})?)$/.exec((request.query as { punkt?: string }).punkt ?? '');
    const point = match ? { latitude: Number(match[1]), longitude: Number(match[2]) } : null;
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(map.svg(point, request.t('participation.location.map_title', { town: process.municipality_name })));
  });

  app.get('/beteiligung/:id/bild', { schema: { params: ProcessParams } }, async (request, reply) => {
    const process = await visibleProcess(request);
    const file = process.image_file_id ? await services.files.read(db, process.image_file_id) : null;
    if (!file) throw AppError.notFound();
    return reply.type(file.mime_type).header('cache-control', 'public, max-age=3600').header('x-content-type-options', 'nosniff').send(file.data);
  });

  async function visibleProposal(request: FastifyRequest) {
    const process = await visibleProcess(request);
    const proposal = await repo.proposal(parseId((request.params as { pid: string }).pid));
    if (!proposal || proposal.process_id !== process.id) throw AppError.notFound();
    return { process, proposal };
  }

  /** A refused step (phase closed, not verified) comes back to the proposal page with the reason. */
  async function attempt(reply: FastifyReply, back: string, action: () => Promise<unknown>, success: string) {
    try {
      await action();
    } catch (error) {
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'forbidden') && error.messageKey.startsWith('participation.')) {
        return reply.flash('danger', error.messageKey, error.params).redirect(back, 303);
      }
      throw error;
    }
    return reply.flash('success', success).redirect(back, 303);
  }

  // ---------- public ----------

  app.get('/beteiligung', { schema: { querystring: PageQuery } }, async (request, reply) => {
    const page = pageRequest(pageNumber((request.query as { seite?: string }).seite), PAGE_SIZE);
    const rows = await repo.processes({ publishedOnly: true }, page);
    return reply.render(
      <ProcessesPage
        title={request.t('participation.nav')}
        lead={request.t('participation.process.lead_all')}
        result={pageResult(rows as ProcessRow[], Number(rows[0]?.total ?? 0), page)}
        path="/beteiligung"
        showTown
      />,
      { title: request.t('participation.nav'), breadcrumbs: [{ label: request.t('participation.nav') }] },
    );
  });

  app.get('/kommunen/:ags/beteiligung', { schema: { params: AgsParams, querystring: PageQuery } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, (request.params as { ags: string }).ags);
    const page = pageRequest(pageNumber((request.query as { seite?: string }).seite), PAGE_SIZE);
    const rows = await repo.processes({ municipalityId: municipality.id, publishedOnly: true }, page);
    const title = request.t('participation.process.town_title', { name: municipality.name });
    return reply.render(
      <ProcessesPage
        title={title}
        lead={request.t('participation.process.lead_town')}
        result={pageResult(rows as ProcessRow[], Number(rows[0]?.total ?? 0), page)}
        path={`/kommunen/${municipality.ags}/beteiligung`}
        showTown={false}
      />,
      { title, breadcrumbs: [{ href: `/kommunen/${municipality.ags}`, label: municipality.name }, { label: request.t('participation.nav') }] },
    );
  });

  app.get('/beteiligung/:id', { schema: { params: ProcessParams, querystring: ListQuery } }, async (request, reply) => {
    const process = await visibleProcess(request);
    const raw = request.query as Record<string, string | undefined>;
    const { filter, query, sort } = cleanListQuery(raw);
    const page = pageRequest(pageNumber(raw.seite), PAGE_SIZE);
    const seed = request.sessionSecret ? Number.parseInt(request.sessionSecret.slice(0, 6), 16) || 1 : 1;
    const userId = actorUserId(request.actor);
    const [phases, rows, fields, districts, following] = await Promise.all([
      repo.phases(process.id),
      repo.proposalPage(process.id, filter, sort, seed, page),
      fieldOptions(db, process.municipality_id),
      districtOptions(db, process.municipality_id),
      userId ? notificationRepository(db).followsProcess(userId, process.id) : Promise.resolve(null),
    ]);
    return reply.render(
      <ProcessPage
        following={following}
        districtNames={districts.filter((d) => process.district_ids.includes(d.id)).map((d) => d.name)}
        process={process}
        phases={phases}
        result={pageResult(rows.items, rows.total, page)}
        query={query}
        fields={fields}
        districts={districts}
        canPropose={phaseAllows(activePhase(phases), 'propose')}
        canManage={can(request.actor, 'manage', { municipalityId: process.municipality_id })}
      />,
      {
        title: process.title,
        breadcrumbs: [
          { href: `/kommunen/${process.ags}`, label: process.municipality_name },
          { href: `/kommunen/${process.ags}/beteiligung`, label: request.t('participation.nav') },
          { label: process.title },
        ],
      },
    );
  });

  async function proposalChoices(municipalityId: number) {
    const [fields, districts] = await Promise.all([
      db.selectFrom('fields_of_action').select(['id', 'name']).where('municipality_id', '=', municipalityId).orderBy('position').execute(),
      districtOptions(db, municipalityId),
    ]);
    return { fields, districts };
  }

  async function renderProposalForm(request: FastifyRequest, reply: FastifyReply, form: FormState, editing?: number) {
    const process = await visibleProcess(request);
    requireUser(request);
    const { fields, districts } = await proposalChoices(process.municipality_id);
    const base = `/beteiligung/${process.id}`;
    const title = editing ? request.t('participation.proposal.edit') : request.t('participation.proposal.new');
    return reply.render(
      <ProposalFormPage
        title={title}
        action={editing ? `${base}/vorschlaege/${editing}/bearbeiten` : `${base}/vorschlaege/neu`}
        cancel={editing ? `${base}/vorschlaege/${editing}` : base}
        form={form}
        fields={fields}
        districts={districts}
        withImages={!editing}
        places={process.places}
        map={{
          src: `${base}/karte.svg${form.values.latitude && form.values.longitude && form.values.keepPoint === 'on' ? `?punkt=${form.values.latitude},${form.values.longitude}` : ''}`,
          size: POINT_MAP_SIZE,
          town: process.municipality_name,
        }}
      />,
      { title, breadcrumbs: [{ href: base, label: process.title }, { label: title }], status: Object.keys(form.errors).length ? 422 : 200 },
    );
  }

  app.get('/beteiligung/:id/vorschlaege/neu', { schema: { params: ProcessParams } }, (request, reply) => renderProposalForm(request, reply, EMPTY_FORM));

  app.post('/beteiligung/:id/vorschlaege/neu', { schema: { params: ProcessParams } }, async (request, reply) => {
    const actor = requireUser(request);
    const process = await visibleProcess(request);
    // A browser sends the form as multipart because of the optional images; a plain form works too.
    let body: Record<string, unknown> = (request.body ?? {}) as Record<string, unknown>;
    const images: ProposalImage[] = [];
    const imageErrors: FieldErrors = {};
    if (request.isMultipart()) {
      const form = await readMultipartForm(request, IMAGE_FIELDS, 10);
      body = form.fields;
      if (form.fileError && form.fileErrorField) imageErrors[form.fileErrorField] = form.fileError;
      IMAGE_FIELDS.forEach((field, index) => {
        const file = form.files[field];
        const alt = form.fields[`alt${index + 1}`]?.trim() ?? '';
        if (!file) return;
        if (!alt) imageErrors[`alt${index + 1}`] = { key: 'participation.images.alt_required' };
        else if (alt.length > 300) imageErrors[`alt${index + 1}`] = { key: 'validation.too_long', params: { max: 300 } };
        images.push({ file, alt });
      });
    }
    const values = typedValues(body);
    const click = mapClick(values);
    if (click) return renderProposalForm(request, reply, await pickPoint(db, process.municipality_id, click, values));
    const parsed = parseForm(ProposalForm, body);
    const location = await checkedLocation(process, values);
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...imageErrors, ...location.errors };
    if (!parsed.ok || Object.keys(errors).length) return renderProposalForm(request, reply, { values, errors });
    let id: number;
    try {
      id = await service.propose(actor, process.id, { ...parsed.value, place: location.place, point: location.point }, images);
    } catch (error) {
      if (error instanceof ValidationError) return renderProposalForm(request, reply, { values, errors: error.fields });
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'forbidden') && error.messageKey.startsWith('participation.')) {
        return reply.flash('danger', error.messageKey).redirect(`/beteiligung/${process.id}`, 303);
      }
      throw error;
    }
    return reply.flash('success', 'participation.proposal.created').redirect(`/beteiligung/${process.id}/vorschlaege/${id}`, 303);
  });

  app.get('/beteiligung/:id/vorschlaege/:pid/bilder/:iid', { schema: { params: Type.Object({ id: Id, pid: Id, iid: Id }) } }, async (request, reply) => {
    const { process, proposal } = await visibleProposal(request);
    const withheld = Boolean(proposal.hidden_at || proposal.held);
    if (withheld && !can(request.actor, 'manage', { municipalityId: process.municipality_id })) throw AppError.notFound();
    const image = await repo.image(proposal.id, parseId((request.params as { iid: string }).iid));
    const file = image ? await services.files.read(db, image.file_id) : null;
    if (!file) throw AppError.notFound();
    return reply.type(file.mime_type).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(file.data);
  });

  app.get('/beteiligung/:id/vorschlaege/:pid', { schema: { params: ProposalParams } }, async (request, reply) => {
    const { process, proposal } = await visibleProposal(request);
    const userId = actorUserId(request.actor);
    const [phases, comments, measures, supported, following, images] = await Promise.all([
      repo.phases(process.id),
      repo.comments(proposal.id),
      repo.linkedMeasures(proposal.id),
      userId ? repo.hasSupported(proposal.id, userId) : Promise.resolve(false),
      userId ? notificationRepository(db).followsProposal(userId, proposal.id) : Promise.resolve(null),
      repo.images(proposal.id),
    ]);
    const phase = activePhase(phases);
    const contributor = can(request.actor, 'contribute', { municipalityId: process.municipality_id });
    const manager = can(request.actor, 'manage', { municipalityId: process.municipality_id });
    const withheld = Boolean(proposal.hidden_at || proposal.held);
    const title = withheld && !manager ? request.t(proposal.held ? 'participation.moderation.held_title' : 'participation.moderation.hidden_title') : proposal.title;
    return reply.render(
      <ProposalPage
        proposal={proposal}
        comments={comments}
        measures={measures}
        ags={process.ags}
        supported={supported}
        following={following}
        images={images}
        canSupport={contributor && phaseAllows(phase, 'support')}
        canComment={contributor && phaseAllows(phase, 'comment')}
        canEdit={userId !== null && proposal.author_user_id === userId && proposal.support_count === 0 && proposal.comment_count === 0}
        canAnswer={can(request.actor, 'manage', { municipalityId: process.municipality_id })}
        userId={userId}
        commentForm={EMPTY_FORM}
      />,
      {
        title,
        breadcrumbs: [{ href: `/kommunen/${process.ags}`, label: process.municipality_name }, { href: `/beteiligung/${process.id}`, label: process.title }, { label: title }],
      },
    );
  });

  app.get('/beteiligung/:id/vorschlaege/:pid/bearbeiten', { schema: { params: ProposalParams } }, async (request, reply) => {
    const actor = requireUser(request);
    const { proposal } = await visibleProposal(request);
    if (proposal.author_user_id !== actor.userId) throw AppError.forbidden();
    const values = {
      title: proposal.title,
      body: proposal.body,
      fieldId: proposal.field_id ? String(proposal.field_id) : '',
      districtId: proposal.district_id ? String(proposal.district_id) : '',
      place: proposal.place,
      latitude: proposal.latitude === null ? '' : String(proposal.latitude),
      longitude: proposal.longitude === null ? '' : String(proposal.longitude),
      keepPoint: proposal.latitude === null ? '' : 'on',
    };
    return renderProposalForm(request, reply, { values, errors: {} }, proposal.id);
  });

  app.post(
    '/beteiligung/:id/vorschlaege/:pid/bearbeiten',
    { schema: { params: ProposalParams, body: formBodySchema(['title', 'body', 'fieldId', 'districtId', 'place', 'latitude', 'longitude', 'keepPoint', 'karte.x', 'karte.y']) } },
    async (request, reply) => {
      const actor = requireUser(request);
      const { process, proposal } = await visibleProposal(request);
      if (proposal.author_user_id !== actor.userId) throw AppError.forbidden();
      const values = typedValues(request.body);
      const click = mapClick(values);
      if (click) return renderProposalForm(request, reply, await pickPoint(db, process.municipality_id, click, values), proposal.id);
      const parsed = parseForm(ProposalForm, request.body);
      const location = await checkedLocation(process, values);
      if (!parsed.ok || Object.keys(location.errors).length) return renderProposalForm(request, reply, { values, errors: { ...(parsed.ok ? {} : parsed.errors), ...location.errors } }, proposal.id);
      const back = `/beteiligung/${process.id}/vorschlaege/${proposal.id}`;
      try {
        await service.editProposal(actor, proposal.id, { ...parsed.value, place: location.place, point: location.point });
      } catch (error) {
        if (error instanceof ValidationError) return renderProposalForm(request, reply, { values, errors: error.fields }, proposal.id);
        if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey).redirect(back, 303);
        throw error;
      }
      return reply.flash('success', 'common.saved').redirect(back, 303);
    },
  );

  app.post('/beteiligung/:id/vorschlaege/:pid/unterstuetzen', { schema: { params: ProposalParams } }, async (request, reply) => {
    const actor = requireUser(request);
    const { process, proposal } = await visibleProposal(request);
    return attempt(reply, `/beteiligung/${process.id}/vorschlaege/${proposal.id}`, () => service.support(actor, proposal.id), 'participation.support.given');
  });

  app.post('/beteiligung/:id/vorschlaege/:pid/zuruecknehmen', { schema: { params: ProposalParams } }, async (request, reply) => {
    const actor = requireUser(request);
    const { process, proposal } = await visibleProposal(request);
    return attempt(reply, `/beteiligung/${process.id}/vorschlaege/${proposal.id}`, () => service.withdrawSupport(actor, proposal.id), 'participation.support.withdrawn');
  });

  async function renderCommentForm(request: FastifyRequest, reply: FastifyReply, form: FormState, commentId?: number) {
    const { process, proposal } = await visibleProposal(request);
    const base = `/beteiligung/${process.id}/vorschlaege/${proposal.id}`;
    const title = commentId ? request.t('participation.comment.edit') : request.t('participation.comment.reply_title', { title: proposal.title });
    return reply.render(<CommentFormPage title={title} action={commentId ? `${base}/kommentare/${commentId}` : `${base}/kommentare`} cancel={base} form={form} />, {
      title,
      breadcrumbs: [{ href: base, label: proposal.title }, { label: title }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/beteiligung/:id/vorschlaege/:pid/kommentare/neu', { schema: { params: ProposalParams, querystring: Type.Object({ antwort: Type.Optional(Id) }) } }, async (request, reply) => {
    requireUser(request);
    const parent = (request.query as { antwort?: string }).antwort;
    return renderCommentForm(request, reply, { values: { parentId: parent && /^\d{1,9}$/.test(parent) ? parent : undefined }, errors: {} });
  });

  app.post('/beteiligung/:id/vorschlaege/:pid/kommentare', { schema: { params: ProposalParams, body: formBodySchema(['body', 'parentId']) } }, async (request, reply) => {
    const actor = requireUser(request);
    const { process, proposal } = await visibleProposal(request);
    const values = typedValues(request.body);
    const parsed = parseForm(CommentForm, request.body);
    if (!parsed.ok) return renderCommentForm(request, reply, { values, errors: parsed.errors });
    const back = `/beteiligung/${process.id}/vorschlaege/${proposal.id}`;
    try {
      await service.comment(actor, proposal.id, parsed.value.body, parsed.value.parentId);
    } catch (error) {
      if (error instanceof ValidationError) return renderCommentForm(request, reply, { values, errors: error.fields });
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'forbidden') && error.messageKey.startsWith('participation.')) {
        return reply.flash('danger', error.messageKey).redirect(back, 303);
      }
      throw error;
    }
    return reply.flash('success', 'participation.comment.posted').redirect(`${back}#comments-heading`, 303);
  });

  app.get('/beteiligung/:id/vorschlaege/:pid/kommentare/:cid', { schema: { params: CommentParams } }, async (request, reply) => {
    const actor = requireUser(request);
    const { proposal } = await visibleProposal(request);
    const comment = await repo.comment(proposal.id, parseId((request.params as { cid: string }).cid));
    if (!comment) throw AppError.notFound();
    if (comment.author_user_id !== actor.userId) throw AppError.forbidden();
    return renderCommentForm(request, reply, { values: { body: comment.body }, errors: {} }, comment.id);
  });

  app.post('/beteiligung/:id/vorschlaege/:pid/kommentare/:cid', { schema: { params: CommentParams, body: formBodySchema(['body']) } }, async (request, reply) => {
    const actor = requireUser(request);
    const { process, proposal } = await visibleProposal(request);
    const commentId = parseId((request.params as { cid: string }).cid);
    const comment = await repo.comment(proposal.id, commentId);
    if (!comment) throw AppError.notFound();
    if (comment.author_user_id !== actor.userId) throw AppError.forbidden();
    const values = typedValues(request.body);
    const parsed = parseForm(CommentForm, request.body);
    if (!parsed.ok) return renderCommentForm(request, reply, { values, errors: parsed.errors }, commentId);
    const back = `/beteiligung/${process.id}/vorschlaege/${proposal.id}`;
    try {
      await service.editComment(actor, proposal.id, commentId, parsed.value.body);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey, error.params).redirect(back, 303);
      throw error;
    }
    return reply.flash('success', 'common.saved').redirect(back, 303);
  });

  // ---------- following and notifications ----------

  app.post('/beteiligung/:id/folgen', { schema: { params: ProcessParams } }, async (request, reply) => {
    const actor = requireUser(request);
    const process = await visibleProcess(request);
    const follows = notificationRepository(db);
    const following = await follows.followsProcess(actor.userId, process.id);
    if (following) await follows.unfollowProcess(actor.userId, process.id);
    else await follows.followProcess(actor.userId, process.id);
    return reply.flash('success', following ? 'participation.follow.stopped' : 'participation.follow.started').redirect(`/beteiligung/${process.id}`, 303);
  });

  app.post('/beteiligung/:id/vorschlaege/:pid/folgen', { schema: { params: ProposalParams } }, async (request, reply) => {
    const actor = requireUser(request);
    const { process, proposal } = await visibleProposal(request);
    const follows = notificationRepository(db);
    const following = await follows.followsProposal(actor.userId, proposal.id);
    if (following) await follows.unfollowProposal(actor.userId, proposal.id);
    else await follows.followProposal(actor.userId, proposal.id);
    return reply.flash('success', following ? 'participation.follow.stopped' : 'participation.follow.started').redirect(`/beteiligung/${process.id}/vorschlaege/${proposal.id}`, 303);
  });

  app.post('/konto/benachrichtigungen', { schema: { body: formBodySchema(['mode']) } }, async (request, reply) => {
    const actor = requireUser(request);
    const mode = typedValues(request.body).mode;
    if (!NOTIFICATION_MODES.includes(mode as NotificationMode)) throw new AppError('bad_request', 400, 'errors.bad_request.text');
    await notificationRepository(db).setMode(actor.userId, mode as NotificationMode);
    return reply.flash('success', 'participation.notify.saved').redirect('/konto', 303);
  });

  // ---------- the town's workspace ----------

  app.get('/verwaltung/:ags/beteiligung', { schema: { params: AgsParams, querystring: PageQuery } }, async (request, reply) => {
    const { municipality } = await managedTown(db, request);
    const page = pageRequest(pageNumber((request.query as { seite?: string }).seite), PAGE_SIZE);
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
    selected: { languages: string[]; districtIds: string[] } = { languages: ['de'], districtIds: [] },
    imageForm?: FormState,
  ) {
    const { municipality } = await managedTown(db, request);
    const [fields, districts, process] = await Promise.all([fieldOptions(db, municipality.id), districtOptions(db, municipality.id), processId ? repo.process(processId) : Promise.resolve(undefined)]);
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

  app.post('/verwaltung/:ags/beteiligung/:id/bild', { schema: { params: ManageParams } }, async (request, reply) => {
    const { actor, municipality } = await managedTown(db, request);
    const process = await ownProcess(request, municipality.id);
    const back = async (imageForm: FormState) =>
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
    if (form.fileError) return back({ values: { alt }, errors: { image: form.fileError } });
    const errors: FieldErrors = {};
    if (!form.files.image) errors.image = { key: 'files.empty' };
    if (alt.length < 3) errors.alt = { key: 'validation.required' };
    else if (alt.length > 300) errors.alt = { key: 'validation.too_long', params: { max: 300 } };
    if (Object.keys(errors).length || !form.files.image) return back({ values: { alt }, errors });
    try {
      await service.setProcessImage(actor, process.id, form.files.image, alt);
    } catch (error) {
      if (error instanceof ValidationError) return back({ values: { alt }, errors: error.fields });
      throw error;
    }
    return reply.flash('success', 'common.saved').redirect(`/verwaltung/${municipality.ags}/beteiligung/${process.id}`, 303);
  });

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

  function parseProcessForm(body: unknown) {
    const values = typedValues(body);
    const parsed = parseForm(ProcessForm, body);
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    const phases = readPhases(values, errors);
    const selected = { languages: formList(body, 'languages'), districtIds: formList(body, 'districtIds') };
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
    return { values, errors, value: parsed.ok ? parsed.value : null, phases, selected, places: { languages: selected.languages, districtIds, places: placeNames } };
  }

  app.get('/verwaltung/:ags/beteiligung/neu', { schema: { params: AgsParams } }, (request, reply) => renderProcessForm(request, reply, EMPTY_FORM));

  app.post('/verwaltung/:ags/beteiligung/neu', { schema: { params: AgsParams, body: formBodySchema(PROCESS_FIELDS) } }, async (request, reply) => {
    const { actor, municipality } = await managedTown(db, request);
    const { values, errors, value, phases, selected, places } = parseProcessForm(request.body);
    if (!value || Object.keys(errors).length) return renderProcessForm(request, reply, { values, errors }, undefined, selected);
    let id: number;
    try {
      id = await service.createProcess(actor, municipality.id, { title: value.title, description: value.description, fieldId: value.fieldId, phases, ...places });
    } catch (error) {
      if (error instanceof ValidationError) return renderProcessForm(request, reply, { values, errors: error.fields }, undefined, selected);
      throw error;
    }
    return reply.flash('success', 'participation.process.created').redirect(`/verwaltung/${municipality.ags}/beteiligung/${id}`, 303);
  });

  async function ownProcess(request: FastifyRequest, municipalityId: number) {
    const process = await repo.process(parseId((request.params as { id: string }).id));
    if (!process || process.municipality_id !== municipalityId) throw AppError.notFound();
    return process;
  }

  app.get('/verwaltung/:ags/beteiligung/:id', { schema: { params: ManageParams } }, async (request, reply) => {
    const { municipality } = await managedTown(db, request);
    const process = await ownProcess(request, municipality.id);
    const values = await processFormValues(process);
    return renderProcessForm(request, reply, { values, errors: {} }, process.id, { languages: process.languages, districtIds: process.district_ids.map(String) });
  });

  app.post('/verwaltung/:ags/beteiligung/:id', { schema: { params: ManageParams, body: formBodySchema(PROCESS_FIELDS) } }, async (request, reply) => {
    const { actor, municipality } = await managedTown(db, request);
    const process = await ownProcess(request, municipality.id);
    const { values, errors, value, phases, selected, places } = parseProcessForm(request.body);
    if (!value || Object.keys(errors).length) return renderProcessForm(request, reply, { values, errors }, process.id, selected);
    try {
      await service.updateProcess(actor, process.id, { title: value.title, description: value.description, fieldId: value.fieldId, phases, published: value.published === 'on', ...places });
    } catch (error) {
      if (error instanceof ValidationError) return renderProcessForm(request, reply, { values, errors: error.fields }, process.id, selected);
      throw error;
    }
    return reply.flash('success', 'common.saved').redirect(`/beteiligung/${process.id}`, 303);
  });

  // ---------- offline contributions and exports ----------

  async function renderOffline(request: FastifyRequest, reply: FastifyReply, form: FormState) {
    const { municipality } = await managedTown(db, request);
    const process = await ownProcess(request, municipality.id);
    const { fields, districts } = await proposalChoices(municipality.id);
    const title = request.t('participation.offline.title');
    return reply.render(
      <OfflinePage action={`/verwaltung/${municipality.ags}/beteiligung/${process.id}/offline`} cancel={`/beteiligung/${process.id}`} form={form} fields={fields} districts={districts} />,
      {
        title,
        breadcrumbs: [{ href: `/beteiligung/${process.id}`, label: process.title }, { label: title }],
        status: Object.keys(form.errors).length ? 422 : 200,
      },
    );
  }

  app.get('/verwaltung/:ags/beteiligung/:id/offline', { schema: { params: ManageParams } }, (request, reply) => renderOffline(request, reply, EMPTY_FORM));

  app.post('/verwaltung/:ags/beteiligung/:id/offline', { schema: { params: ManageParams, body: formBodySchema(['title', 'body', 'fieldId', 'districtId', 'source']) } }, async (request, reply) => {
    const { actor, municipality } = await managedTown(db, request);
    const process = await ownProcess(request, municipality.id);
    const values = typedValues(request.body);
    const parsed = parseForm(OfflineForm, request.body);
    if (!parsed.ok) return renderOffline(request, reply, { values, errors: parsed.errors });
    try {
      const id = await service.addOffline(actor, process.id, parsed.value);
      return reply.flash('success', 'participation.offline.saved').redirect(`/beteiligung/${process.id}/vorschlaege/${id}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderOffline(request, reply, { values, errors: error.fields });
      throw error;
    }
  });

  app.get(
    '/verwaltung/:ags/beteiligung/:id/export/:kind',
    { schema: { params: Type.Object({ ags: Type.String({ maxLength: 20 }), id: Id, kind: Type.String({ maxLength: 30 }) }) } },
    async (request, reply) => {
      const { municipality } = await managedTown(db, request);
      const process = await ownProcess(request, municipality.id);
      const match = /^(vorschlaege|kommentare)\.(csv|xlsx)$/.exec((request.params as { kind: string }).kind);
      if (!match) throw AppError.notFound();
      const [, what, format] = match as unknown as [string, 'vorschlaege' | 'kommentare', 'csv' | 'xlsx'];
      const t = request.t;
      const author = (row: { author_name: string | null; author_deleted_at: Date | null; offline?: boolean }) => authorLabel(t, { offline: row.offline ?? false, ...row });
      let headers: string[];
      let rows: Cell[][];
      if (what === 'vorschlaege') {
        const proposals = await repo.exportProposals(process.id);
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
        const comments = await repo.exportComments(process.id);
        headers = ['id', 'proposal', 'reply_to', 'body', 'author', 'created'].map((c) => t(`participation.export.${c}`));
        rows = comments.map((c) => [c.id, c.proposal_title, c.parent_id, c.body, author(c), c.created_at]);
      }
      const filename = `beteiligung-${process.id}-${what}.${format}`;
      reply.header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store');
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(headers, rows));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(t(`participation.export.sheet_${what}`), headers, rows));
    },
  );

  async function renderAnswer(request: FastifyRequest, reply: FastifyReply, form?: FormState & { measureIds: number[] }) {
    const { municipality } = await managedTown(db, request);
    const proposal = await repo.proposal(parseId((request.params as { id: string }).id));
    if (!proposal || proposal.municipality_id !== municipality.id) throw AppError.notFound();
    const [measures, linked, others] = await Promise.all([
      measureOptions(db, municipality.id),
      repo.linkedMeasures(proposal.id),
      db.selectFrom('proposals').select(['id', 'title']).where('process_id', '=', proposal.process_id).where('id', '<>', proposal.id).orderBy('title').limit(500).execute(),
    ]);
    const state = form ?? {
      values: { status: proposal.status === 'open' ? 'in_review' : proposal.status, text: proposal.answer_text, mergedIntoId: proposal.merged_into_id ? String(proposal.merged_into_id) : '' },
      errors: {},
      measureIds: linked.map((m) => m.id),
    };
    return reply.render(<AnswerPage proposal={proposal} form={state} measures={measures} others={others} action={`/verwaltung/${municipality.ags}/vorschlaege/${proposal.id}/antwort`} />, {
      title: request.t('participation.answer.give_title', { title: proposal.title }),
      breadcrumbs: [{ href: `/beteiligung/${proposal.process_id}/vorschlaege/${proposal.id}`, label: proposal.title }, { label: request.t('participation.answer.give') }],
      status: Object.keys(state.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/vorschlaege/:id/antwort', { schema: { params: ManageParams } }, (request, reply) => renderAnswer(request, reply));

  app.post('/verwaltung/:ags/vorschlaege/:id/antwort', { schema: { params: ManageParams, body: formBodySchema(['status', 'text', 'mergedIntoId']) } }, async (request, reply) => {
    const { actor, municipality } = await managedTown(db, request);
    const proposalId = parseId((request.params as { id: string }).id);
    const target = await repo.proposal(proposalId);
    if (!target || target.municipality_id !== municipality.id) throw AppError.notFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const rawIds = ([] as unknown[]).concat(body.measureIds ?? []);
    const measureIds = rawIds.filter((v): v is string => typeof v === 'string' && /^\d{1,9}$/.test(v)).map(Number);
    const values = typedValues(request.body);
    const parsed = parseForm(AnswerForm, request.body);
    if (!parsed.ok) return renderAnswer(request, reply, { values, errors: parsed.errors, measureIds });
    try {
      await service.answer(actor, proposalId, { status: parsed.value.status, text: parsed.value.text ?? '', measureIds, mergedIntoId: parsed.value.mergedIntoId });
    } catch (error) {
      if (error instanceof ValidationError) return renderAnswer(request, reply, { values, errors: error.fields, measureIds });
      throw error;
    }
    return reply.flash('success', 'participation.answer.saved').redirect(`/beteiligung/${target.process_id}/vorschlaege/${proposalId}`, 303);
  });
};
