import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorUserId } from '../../platform/access/actor.ts';
import { signedInActor } from '../../platform/http/access.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody, typedValues } from '../../platform/http/forms.ts';
import { readMultipartForm } from '../../platform/http/multipart.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { optionalId, pageNumber, parseId } from '../../platform/http/params.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { POINT_MAP_SIZE, pointMap } from '../municipalities/index.ts';
import { COMMENT_PAGE_PARAM, COMMENT_PARAM, THREADS_PER_PAGE, proposalPath } from './links.ts';
import { mapClick, pickPoint, readLocation } from './location.ts';
import { notificationRepository } from './notifications.ts';
import { activePhase, phaseAllows } from './phases.ts';
import { can, isAuthor, mayReadWithheld } from './policy.ts';
import { participationRepository } from './repository.ts';
import { ImageParams, LOCATION_FIELDS, ProposalForm, ProposalParams, proposalChoices, shownTitle } from './route-support.ts';
import { type ProposalImage, participationService } from './service.ts';
import { townMeasures } from './strategy-links.ts';
import { ProposalFormPage } from './views/proposal-forms.tsx';
import { ProposalPage } from './views/proposal-page.tsx';

const PUBLIC = { access: 'public' } as const;
const SIGNED_IN = { access: 'signedIn' } as const;
const IMAGE_FIELDS = ['image1', 'image2', 'image3'];
/** The page of comment threads, or a comment whose thread's page to show; anything odd means the first page. */
const CommentsQuery = Type.Object({ [COMMENT_PAGE_PARAM]: Type.Optional(Type.String({ maxLength: 40 })), [COMMENT_PARAM]: Type.Optional(Type.String({ maxLength: 40 })) });

/** Making, reading and changing proposals, their pictures, supports and following them. */
export const proposalRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = participationRepository(db);
  const service = participationService(services);
  const visible = (request: FastifyRequest, params: { id: string; pid: string }) => service.visibleProposal(request.actor, parseId(params.id), parseId(params.pid));

  /** Place and point of a proposal form; a point sent back must still lie in the town. */
  async function checkedLocation(process: { municipality_id: number; places: string[] }, values: Record<string, string>) {
    const location = readLocation(values, process.places);
    if (location.point && !(await pointMap(db, process.municipality_id))?.contains(location.point)) location.errors.karte = { key: 'participation.location.outside' };
    return location;
  }

  async function renderProposalForm(request: FastifyRequest, reply: FastifyReply, processId: number, form: FormState, editing?: number) {
    const process = await service.visibleProcess(request.actor, processId);
    const { fields, districts } = await proposalChoices(db, process.municipality_id);
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

  app.get('/beteiligung/:id/vorschlaege/neu', { config: SIGNED_IN, schema: { params: IdParams } }, (request, reply) => renderProposalForm(request, reply, parseId(request.params.id), EMPTY_FORM));

  app.post('/beteiligung/:id/vorschlaege/neu', { config: SIGNED_IN, schema: { params: IdParams } }, async (request, reply) => {
    const actor = signedInActor(request);
    const process = await service.visibleProcess(actor, parseId(request.params.id));
    // A browser sends the form as multipart because of the optional images; a plain form works too.
    let body: unknown = request.body ?? {};
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
    if (click) return renderProposalForm(request, reply, process.id, await pickPoint(db, process.municipality_id, click, values));
    const location = await checkedLocation(process, values);
    const extra = { ...imageErrors, ...location.errors };
    return formAction(reply, {
      body,
      schema: ProposalForm,
      back: `/beteiligung/${process.id}`,
      invalid: (form) => renderProposalForm(request, reply, process.id, { values: form.values, errors: { ...form.errors, ...extra } }),
      run: async (value) => {
        if (Object.keys(extra).length) throw new ValidationError(extra);
        const id = await service.propose(actor, process.id, { ...value, place: location.place, point: location.point }, images);
        return { redirect: proposalPath(process.id, id), flash: { key: 'participation.proposal.created' } };
      },
    });
  });

  app.get('/beteiligung/:id/vorschlaege/:pid/bilder/:iid', { config: PUBLIC, schema: { params: ImageParams } }, async (request, reply) => {
    const { proposal } = await visible(request, request.params);
    if (!mayReadWithheld(request.actor, proposal)) throw AppError.notFound();
    const image = await repo.image(proposal.id, parseId(request.params.iid));
    const file = image ? await services.files.read(db, image.file_id) : null;
    if (!file) throw AppError.notFound();
    return reply.type(file.mime_type).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(file.data);
  });

  app.get('/beteiligung/:id/vorschlaege/:pid', { config: PUBLIC, schema: { params: ProposalParams, querystring: CommentsQuery } }, async (request, reply) => {
    const { process, proposal } = await visible(request, request.params);
    const userId = actorUserId(request.actor);
    const [phases, comments, measureIds, supported, following, images] = await Promise.all([
      repo.phases(process.id),
      repo.commentPage(proposal.id, {
        page: pageNumber(request.query[COMMENT_PAGE_PARAM]),
        commentId: optionalId(request.query[COMMENT_PARAM]),
        perPage: THREADS_PER_PAGE,
      }),
      repo.linkedMeasureIds(proposal.id),
      userId ? repo.hasSupported(proposal.id, userId) : Promise.resolve(false),
      userId ? notificationRepository(db).followsProposal(userId, proposal.id) : Promise.resolve(null),
      repo.images(proposal.id),
    ]);
    const phase = activePhase(phases);
    const contributor = can(request.actor, 'contribute', { municipalityId: process.municipality_id });
    const title = shownTitle(request.t, request.actor, proposal);
    return reply.render(
      <ProposalPage
        proposal={proposal}
        comments={comments.comments}
        threads={pageResult(
          comments.comments.filter((c) => c.parent_id === null),
          comments.threadTotal,
          pageRequest(comments.page, THREADS_PER_PAGE),
        )}
        measures={await townMeasures(db, proposal.municipality_id, measureIds)}
        ags={process.ags}
        supported={supported}
        following={following}
        images={images}
        canSupport={contributor && phaseAllows(phase, 'support')}
        canComment={contributor && phaseAllows(phase, 'comment')}
        canEdit={isAuthor(request.actor, proposal) && proposal.support_count === 0 && proposal.comment_count === 0}
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

  app.get('/beteiligung/:id/vorschlaege/:pid/bearbeiten', { config: SIGNED_IN, schema: { params: ProposalParams } }, async (request, reply) => {
    const { process, proposal } = await visible(request, request.params);
    if (!isAuthor(request.actor, proposal)) throw AppError.forbidden();
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
    return renderProposalForm(request, reply, process.id, { values, errors: {} }, proposal.id);
  });

  app.post('/beteiligung/:id/vorschlaege/:pid/bearbeiten', { config: SIGNED_IN, schema: { params: ProposalParams, body: formBody(ProposalForm, LOCATION_FIELDS) } }, async (request, reply) => {
    const actor = signedInActor(request);
    const { process, proposal } = await visible(request, request.params);
    if (!isAuthor(actor, proposal)) throw AppError.forbidden();
    const values = typedValues(request.body);
    const click = mapClick(values);
    if (click) return renderProposalForm(request, reply, process.id, await pickPoint(db, process.municipality_id, click, values), proposal.id);
    const location = await checkedLocation(process, values);
    return formAction(reply, {
      body: request.body,
      schema: ProposalForm,
      back: proposalPath(process.id, proposal.id),
      invalid: (form) => renderProposalForm(request, reply, process.id, { values: form.values, errors: { ...form.errors, ...location.errors } }, proposal.id),
      run: async (value) => {
        if (Object.keys(location.errors).length) throw new ValidationError(location.errors);
        await service.editProposal(actor, proposal.id, { ...value, place: location.place, point: location.point });
        return { redirect: proposalPath(process.id, proposal.id), flash: { key: 'common.saved' } };
      },
    });
  });

  for (const [step, key] of [
    ['unterstuetzen', 'participation.support.given'],
    ['zuruecknehmen', 'participation.support.withdrawn'],
  ] as const) {
    app.post(`/beteiligung/:id/vorschlaege/:pid/${step}`, { config: SIGNED_IN, schema: { params: ProposalParams } }, async (request, reply) => {
      const actor = signedInActor(request);
      const { process, proposal } = await visible(request, request.params);
      const back = proposalPath(process.id, proposal.id);
      return formAction(reply, {
        body: request.body,
        back,
        invalid: () => reply.redirect(back, 303),
        run: async () => {
          if (step === 'unterstuetzen') await service.support(actor, proposal.id);
          else await service.withdrawSupport(actor, proposal.id);
          return { redirect: back, flash: { key } };
        },
      });
    });
  }

  app.post('/beteiligung/:id/vorschlaege/:pid/folgen', { config: SIGNED_IN, schema: { params: ProposalParams } }, async (request, reply) => {
    const actor = signedInActor(request);
    const { process, proposal } = await visible(request, request.params);
    const follows = notificationRepository(db);
    const following = await follows.followsProposal(actor.userId, proposal.id);
    if (following) await follows.unfollowProposal(actor.userId, proposal.id);
    else await follows.followProposal(actor.userId, proposal.id);
    return reply.flash('success', following ? 'participation.follow.stopped' : 'participation.follow.started').redirect(proposalPath(process.id, proposal.id), 303);
  });
};
