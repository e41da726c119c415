import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { AgsIdParams, AgsParams, IdParams, PageQuery } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { managedTown } from '../municipalities/index.ts';
import { type ExampleLinks, exampleToForm, readExampleLinks } from './example-forms.ts';
import { exampleChoices, exampleContent, namedLinks } from './example-read.ts';
import { exampleRepository } from './example-repository.ts';
import { exampleService } from './example-service.ts';
import { DecisionForm, ExampleForm } from './forms.ts';
import { can } from './policy.ts';
import { ExampleDecision, ExampleFormPage, ExampleTable, TownExamplesPage } from './views/example-pages.tsx';
import { ExampleBody } from './views/example-public.tsx';
import { StatusBadge, VersionList } from './views/workspace-pages.tsx';

const TOWN = { access: { scope: 'town' } } as const;
const OFFICE = { access: 'office' } as const;
const QUEUE = '/programmbuero/werkzeugkoffer/beispiele';
const NO_LINKS: ExampleLinks = { methods: [], measures: [], events: [] };

/** Good-practice examples in the town's workspace (write, submit) and at the office (queue, decision). */
export const exampleRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = exampleRepository(db);
  const service = exampleService(db);
  const base = (ags: string) => `/verwaltung/${ags}/werkzeugkoffer/beispiele`;
  const crumbs = (request: FastifyRequest, town: { ags: string; name: string }, ...rest: Array<{ href?: string; label: string }>) => [
    { href: `/kommunen/${town.ags}`, label: town.name },
    { href: `/verwaltung/${town.ags}`, label: request.t('toolkit.workspace.workspace_crumb') },
    { href: `/verwaltung/${town.ags}/werkzeugkoffer`, label: request.t('toolkit.workspace.crumb') },
    ...rest,
  ];

  app.get('/verwaltung/:ags/werkzeugkoffer/beispiele', { config: TOWN, schema: { params: AgsParams, querystring: PageQuery } }, async (request, reply) => {
    const town = managedTown(request);
    const page = pageRequest(pageNumber(request.query.seite), 25);
    const rows = await repo.townExamples(town.id, page);
    return reply.render(<TownExamplesPage ags={town.ags} name={town.name} examples={pageResult(rows, rows.length ? Number(rows[0]?.total) : 0, page)} />, {
      title: request.t('toolkit.workspace.examples_title', { name: town.name }),
      breadcrumbs: crumbs(request, town, { label: request.t('toolkit.workspace.examples') }),
    });
  });

  async function renderForm(request: FastifyRequest, reply: FastifyReply, form: FormState, links: ExampleLinks, id?: number) {
    const town = managedTown(request);
    const title = id ? request.t('toolkit.workspace.edit_example') : request.t('toolkit.workspace.new_example');
    let existing: Parameters<typeof ExampleFormPage>[0]['existing'];
    let locked = false;
    if (id) {
      const example = await service.townExample(town, id);
      locked = !can(request.actor, 'edit', { municipalityId: town.id, status: example.status });
      existing = {
        status: example.status,
        reviewNote: example.review_note,
        canSubmit: can(request.actor, 'submit', { municipalityId: town.id, status: example.status }),
        versions: await repo.versions(id),
      };
    }
    const choices = await exampleChoices(db, town.id);
    return reply.render(
      <ExampleFormPage action={id ? `${base(town.ags)}/${id}` : `${base(town.ags)}/neu`} cancelHref={base(town.ags)} form={form} links={links} choices={choices} locked={locked} existing={existing} />,
      {
        title,
        breadcrumbs: crumbs(request, town, { href: base(town.ags), label: request.t('toolkit.workspace.examples') }, { label: title }),
        status: Object.keys(form.errors).length ? 422 : 200,
      },
    );
  }

  /** The ticked lists' messages join the schema's, so one answer names every problem, with every tick kept. */
  function invalidWithLinks(request: FastifyRequest, reply: FastifyReply, id?: number) {
    return (form: FormState) => {
      const { links, errors } = readExampleLinks(request.body);
      return renderForm(request, reply, { values: form.values, errors: { ...errors, ...form.errors } }, links, id);
    };
  }

  function readLinksOrFail(body: unknown): ExampleLinks {
    const { links, errors } = readExampleLinks(body);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    return links;
  }

  app.get('/verwaltung/:ags/werkzeugkoffer/beispiele/neu', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderForm(request, reply, { values: {}, errors: {} }, NO_LINKS));

  app.post('/verwaltung/:ags/werkzeugkoffer/beispiele/neu', { config: TOWN, schema: { params: AgsParams, body: formBody(ExampleForm) } }, async (request, reply) => {
    const town = managedTown(request);
    return formAction(reply, {
      body: request.body,
      schema: ExampleForm,
      invalid: invalidWithLinks(request, reply),
      run: async (input) => {
        const id = await service.proposeExample(request.actor, town, input, readLinksOrFail(request.body));
        return { redirect: `${base(town.ags)}/${id}`, flash: { key: 'toolkit.workspace.example_created' } };
      },
    });
  });

  app.get('/verwaltung/:ags/werkzeugkoffer/beispiele/:id', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const example = await service.townExample(managedTown(request), parseId(request.params.id));
    return renderForm(request, reply, { values: exampleToForm(example), errors: {} }, await namedLinks(db, example.id), example.id);
  });

  app.post('/verwaltung/:ags/werkzeugkoffer/beispiele/:id', { config: TOWN, schema: { params: AgsIdParams, body: formBody(ExampleForm) } }, async (request, reply) => {
    const town = managedTown(request);
    const example = await service.townExample(town, parseId(request.params.id));
    return formAction(reply, {
      body: request.body,
      schema: ExampleForm,
      invalid: invalidWithLinks(request, reply, example.id),
      back: `${base(town.ags)}/${example.id}`,
      run: async (input) => {
        await service.updateExample(request.actor, town, example.id, input, readLinksOrFail(request.body));
        return { redirect: `${base(town.ags)}/${example.id}`, flash: { key: 'common.saved' } };
      },
    });
  });

  app.post('/verwaltung/:ags/werkzeugkoffer/beispiele/:id/einreichen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      invalid: () => reply.redirect(`${base(town.ags)}/${id}`, 303),
      back: `${base(town.ags)}/${id}`,
      run: async () => {
        await service.submitExample(request.actor, town, id);
        return { redirect: base(town.ags), flash: { key: 'toolkit.workspace.submitted' } };
      },
    });
  });

  // ---- the office ----
  const officeCrumbs = (request: FastifyRequest, ...rest: Array<{ href?: string; label: string }>) => [
    { href: '/programmbuero', label: request.t('toolkit.office.office_crumb') },
    { href: '/programmbuero/werkzeugkoffer', label: request.t('toolkit.office.title') },
    ...rest,
  ];

  app.get(QUEUE, { config: OFFICE, schema: { querystring: PageQuery } }, async (request, reply) => {
    const page = pageRequest(pageNumber(request.query.seite), 25);
    const rows = await repo.examplesInStates(['submitted', 'changes_requested', 'published', 'withdrawn'], page);
    const result = pageResult(rows, rows.length ? Number(rows[0]?.total) : 0, page);
    return reply.render(
      <>
        <h1 class="kern-heading-large">{request.t('toolkit.office.examples_title')}</h1>
        <p class="kern-body">{request.t('toolkit.office.examples_lead')}</p>
        <ExampleTable rows={result} hrefOf={(id) => `${QUEUE}/${id}`} withTown />
      </>,
      { title: request.t('toolkit.office.examples_title'), breadcrumbs: officeCrumbs(request, { label: request.t('toolkit.office.examples_title') }) },
    );
  });

  async function renderReview(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, form: FormState) {
    const example = await repo.exampleWithTown(parseId(request.params.id), false);
    if (!example) throw AppError.notFound();
    const [content, versions] = await Promise.all([exampleContent(db, example, false), repo.versions(example.id)]);
    return reply.render(
      <>
        <h1 class="kern-heading-large">{example.title}</h1>
        <p class="kern-body">
          <StatusBadge status={example.status} /> ·{' '}
          <a class="kern-link" href={`${base(example.ags)}/${example.id}`}>
            {request.t('common.edit')}
          </a>
        </p>
        <ExampleBody example={content} />
        <ExampleDecision id={example.id} form={form} />
        <VersionList versions={versions} />
      </>,
      {
        title: example.title,
        breadcrumbs: officeCrumbs(request, { href: QUEUE, label: request.t('toolkit.office.examples_title') }, { label: example.title }),
        status: Object.keys(form.errors).length ? 422 : 200,
      },
    );
  }

  app.get(`${QUEUE}/:id`, { config: OFFICE, schema: { params: IdParams } }, (request, reply) => renderReview(request, reply, { values: {}, errors: {} }));

  app.post(`${QUEUE}/:id/entscheidung`, { config: OFFICE, schema: { params: IdParams, body: formBody(DecisionForm) } }, async (request, reply) => {
    const id = parseId(request.params.id);
    if (!(await repo.example(id))) throw AppError.notFound();
    return formAction(reply, {
      body: request.body,
      schema: DecisionForm,
      invalid: (form) => renderReview(request, reply, form),
      run: async (input) => {
        const status = await service.decideExample(request.actor, id, input);
        return { redirect: QUEUE, flash: { key: `toolkit.office.example_decided_${status}` } };
      },
    });
  });
};
