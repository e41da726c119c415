import { Type } from '@sinclair/typebox';
import { actorUserId } from '../../platform/access/actor.ts';
import { signedInActor } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formBodySchema } from '../../platform/http/forms.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { AgsParams, IdParams, PageQuery } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { districtOptions, pointMap, requireMunicipality } from '../municipalities/index.ts';
import { fieldsOfTown } from '../strategy/index.ts';
import { notificationRepository } from './notifications.ts';
import { activePhase, phaseAllows } from './phases.ts';
import { can } from './policy.ts';
import { type ProposalFilter, type ProposalSort, participationRepository } from './repository.ts';
import { PAGE_SIZE } from './route-support.ts';
import { participationService } from './service.ts';
import { withFieldNames } from './strategy-links.ts';
import { NOTIFICATION_MODES, PROPOSAL_STATUSES, type ProposalStatus } from './tables.ts';
import { ProcessesPage, ProcessPage, type ProcessRow, type ProposalQuery } from './views/process-pages.tsx';

const SORTS: readonly ProposalSort[] = ['newest', 'supported', 'commented', 'random'];
const PUBLIC = { access: 'public' } as const;
const SIGNED_IN = { access: 'signedIn' } as const;
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  handlungsfeld: Type.Optional(Type.String({ maxLength: 12 })),
  ortsteil: Type.Optional(Type.String({ maxLength: 12 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  antwort: Type.Optional(Type.String({ maxLength: 10 })),
  sort: Type.Optional(Type.String({ maxLength: 20 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});
const isStatus = (value: string | undefined): value is ProposalStatus => (PROPOSAL_STATUSES as readonly string[]).includes(value ?? '');
const isSort = (value: string | undefined): value is ProposalSort => (SORTS as readonly string[]).includes(value ?? '');

/** Unknown filter values are dropped rather than rejected: a stale bookmark still shows the list. */
function cleanListQuery(raw: { q?: string; handlungsfeld?: string; ortsteil?: string; status?: string; antwort?: string; sort?: string }) {
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
  if (isStatus(raw.status)) {
    filter.status = raw.status;
    query.status = raw.status;
  }
  if (raw.antwort === 'ja' || raw.antwort === 'nein') {
    filter.answered = raw.antwort === 'ja';
    query.antwort = raw.antwort;
  }
  const sort = isSort(raw.sort) ? raw.sort : 'newest';
  if (sort !== 'newest') query.sort = sort;
  return { filter, query, sort };
}

/** The public side of processes: the lists, a process with its proposals, its map and picture, following it. */
export const processRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = participationRepository(db);
  const service = participationService(services);

  function processPage(rows: Awaited<ReturnType<typeof repo.processes>>, page: ReturnType<typeof pageRequest>) {
    return pageResult(rows as ProcessRow[], Number(rows[0]?.total ?? 0), page);
  }

  app.get('/beteiligung', { config: PUBLIC, schema: { querystring: PageQuery } }, async (request, reply) => {
    const page = pageRequest(pageNumber(request.query.seite), PAGE_SIZE);
    const rows = await repo.processes({ publishedOnly: true }, page);
    return reply.render(<ProcessesPage title={request.t('participation.nav')} lead={request.t('participation.process.lead_all')} result={processPage(rows, page)} path="/beteiligung" showTown />, {
      title: request.t('participation.nav'),
      breadcrumbs: [{ label: request.t('participation.nav') }],
    });
  });

  app.get('/kommunen/:ags/beteiligung', { config: PUBLIC, schema: { params: AgsParams, querystring: PageQuery } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, request.params.ags);
    const page = pageRequest(pageNumber(request.query.seite), PAGE_SIZE);
    const rows = await repo.processes({ municipalityId: municipality.id, publishedOnly: true }, page);
    const title = request.t('participation.process.town_title', { name: municipality.name });
    return reply.render(
      <ProcessesPage title={title} lead={request.t('participation.process.lead_town')} result={processPage(rows, page)} path={`/kommunen/${municipality.ags}/beteiligung`} showTown={false} />,
      { title, breadcrumbs: [{ href: `/kommunen/${municipality.ags}`, label: municipality.name }, { label: request.t('participation.nav') }] },
    );
  });

  app.get('/beteiligung/:id', { config: PUBLIC, schema: { params: IdParams, querystring: ListQuery } }, async (request, reply) => {
    const process = await service.visibleProcess(request.actor, parseId(request.params.id));
    const { filter, query, sort } = cleanListQuery(request.query);
    const page = pageRequest(pageNumber(request.query.seite), PAGE_SIZE);
    const seed = request.sessionSecret ? Number.parseInt(request.sessionSecret.slice(0, 6), 16) || 1 : 1;
    const userId = actorUserId(request.actor);
    const [phases, rows, fields, districts, following] = await Promise.all([
      repo.phases(process.id),
      repo.proposalPage(process.id, filter, sort, seed, page),
      fieldsOfTown(db, process.municipality_id),
      districtOptions(db, process.municipality_id),
      userId ? notificationRepository(db).followsProcess(userId, process.id) : Promise.resolve(null),
    ]);
    return reply.render(
      <ProcessPage
        following={following}
        districtNames={districts.filter((d) => process.district_ids.includes(d.id)).map((d) => d.name)}
        process={process}
        phases={phases}
        result={pageResult(await withFieldNames(db, rows.items), rows.total, page)}
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

  app.get(
    '/beteiligung/:id/karte.svg',
    { config: PUBLIC, schema: { params: IdParams, querystring: Type.Object({ punkt: Type.Optional(Type.String({ maxLength: 40 })) }) } },
    async (request, reply) => {
      const process = await service.visibleProcess(request.actor, parseId(request.params.id));
      const map = await pointMap(db, process.municipality_id);
      if (!map) throw AppError.notFound();
      const match = /^(-?\d{1,2}(?:\.\d{1,8})?),(-?\d{1,3}(?:\.\d{1,8})?)$/.exec(request.query.punkt ?? '');
      const point = match ? { latitude: Number(match[1]), longitude: Number(match[2]) } : null;
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(map.svg(point, request.t('participation.location.map_title', { town: process.municipality_name })));
    },
  );

  app.get('/beteiligung/:id/bild', { config: PUBLIC, schema: { params: IdParams } }, async (request, reply) => {
    const process = await service.visibleProcess(request.actor, parseId(request.params.id));
    const file = process.image_file_id ? await services.files.read(db, process.image_file_id) : null;
    if (!file) throw AppError.notFound();
    return reply.type(file.mime_type).header('cache-control', 'public, max-age=3600').header('x-content-type-options', 'nosniff').send(file.data);
  });

  app.post('/beteiligung/:id/folgen', { config: SIGNED_IN, schema: { params: IdParams } }, async (request, reply) => {
    const actor = signedInActor(request);
    const process = await service.visibleProcess(actor, parseId(request.params.id));
    const follows = notificationRepository(db);
    const following = await follows.followsProcess(actor.userId, process.id);
    if (following) await follows.unfollowProcess(actor.userId, process.id);
    else await follows.followProcess(actor.userId, process.id);
    return reply.flash('success', following ? 'participation.follow.stopped' : 'participation.follow.started').redirect(`/beteiligung/${process.id}`, 303);
  });

  app.post('/konto/benachrichtigungen', { config: SIGNED_IN, schema: { body: formBodySchema(['mode']) } }, async (request, reply) => {
    const actor = signedInActor(request);
    const mode = NOTIFICATION_MODES.find((m) => m === request.body.mode);
    if (!mode) throw new AppError('bad_request', 400, 'errors.bad_request.text');
    await notificationRepository(db).setMode(actor.userId, mode);
    return reply.flash('success', 'participation.notify.saved').redirect('/konto', 303);
  });
};
