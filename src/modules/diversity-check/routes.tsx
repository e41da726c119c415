import type { FastifyReply, FastifyRequest } from 'fastify';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { AgsIdParams, AgsParams, PageQuery } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { managedTown } from '../municipalities/index.ts';
import { AssessmentForm, assessmentSchema } from './forms.ts';
import { diversityCheckRepository } from './repository.ts';
import { resultSheetPdf } from './result-pdf.ts';
import { diversityCheckResults } from './results.ts';
import { diversityCheckService } from './service.ts';
import { AssessmentFormPage, OverviewPage } from './views/town-pages.tsx';
import { ResultPage } from './views/town-pages.tsx';

const TOWN = { access: { scope: 'town' } } as const;

/** A town's Vielfalts-Check: its profile and institutions, new assessments, each result with its PDF sheet. */
export const diversityCheckTownRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const service = diversityCheckService(db);
  const results = diversityCheckResults(db);
  const repo = diversityCheckRepository(db);
  const base = (ags: string) => `/verwaltung/${ags}/vielfalts-check`;
  const crumbs = (request: FastifyRequest, town: { ags: string; name: string }, ...rest: Array<{ href?: string; label: string }>) => [
    { href: `/kommunen/${town.ags}`, label: town.name },
    { href: `/verwaltung/${town.ags}`, label: request.t('diversity_check.workspace_crumb') },
    ...(rest.length ? [{ href: base(town.ags), label: request.t('diversity_check.crumb') }, ...rest] : [{ label: request.t('diversity_check.crumb') }]),
  ];

  app.get('/verwaltung/:ags/vielfalts-check', { config: TOWN, schema: { params: AgsParams, querystring: PageQuery } }, async (request, reply) => {
    const town = managedTown(request);
    const page = pageRequest(pageNumber(request.query.seite), 25);
    const [profile, rows] = await Promise.all([results.townProfile(town.id), repo.organisationsOfTown(town.id, page)]);
    const total = rows[0]?.total ?? 0;
    return reply.render(<OverviewPage ags={town.ags} name={town.name} profile={profile} entries={pageResult(rows, total, page)} />, {
      title: request.t('diversity_check.overview.title', { name: town.name }),
      breadcrumbs: crumbs(request, town),
    });
  });

  async function renderForm(request: FastifyRequest, reply: FastifyReply, form: FormState) {
    const town = managedTown(request);
    const [{ version, items }, organisations] = await Promise.all([service.current(), service.organisations(town)]);
    return reply.render(<AssessmentFormPage ags={town.ags} form={form} organisations={organisations} items={items} version={version.number} />, {
      title: request.t('diversity_check.form.title'),
      breadcrumbs: crumbs(request, town, { label: request.t('diversity_check.form.title') }),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/vielfalts-check/neu', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderForm(request, reply, { values: { phase: 'baseline' }, errors: {} }));

  app.post('/verwaltung/:ags/vielfalts-check/neu', { config: TOWN, schema: { params: AgsParams, body: formBody(AssessmentForm, [], 2000) } }, async (request, reply) => {
    const town = managedTown(request);
    const { items } = await service.current();
    const schema = assessmentSchema(items.map((i) => i.id));
    return formAction(reply, {
      body: request.body,
      schema,
      invalid: (form) => renderForm(request, reply, form),
      run: async (value) => {
        const input = value as typeof value & { organisationId: number; phase: 'baseline' | 'follow_up'; assessedOn: string; note?: string };
        const levels = Object.fromEntries(Object.entries(value).filter(([key, v]) => key.startsWith('level_') && typeof v === 'number')) as Record<string, number>;
        const id = await service.record(request.actor, town, input, levels);
        return { redirect: `${base(town.ags)}/${id}`, flash: { key: 'diversity_check.form.saved' } };
      },
    });
  });

  app.get('/verwaltung/:ags/vielfalts-check/:id', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const result = await results.result(town, parseId(request.params.id), request.locale);
    return reply.render(<ResultPage ags={town.ags} result={result} />, {
      title: request.t('diversity_check.result.title', { name: result.organisation_name }),
      breadcrumbs: crumbs(request, town, { label: result.organisation_name }),
    });
  });

  app.get('/verwaltung/:ags/vielfalts-check/:id/ergebnis.pdf', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const result = await results.result(town, parseId(request.params.id), request.locale);
    const baseline = result.phase === 'follow_up' && result.other ? { index: result.other.index, scores: result.other.scores } : null;
    const pdf = await resultSheetPdf(
      {
        organisation: result.organisation_name,
        municipality: town.name,
        phase: result.phase,
        assessedOn: result.assessed_on,
        version: result.version_number,
        index: result.index_score,
        scores: result.scores,
        baseline,
        advice: result.advice,
      },
      request.t,
      request.locale,
    );
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="vielfalts-check-${result.id}.pdf"`).header('cache-control', 'no-store').send(pdf);
  });

  app.post('/verwaltung/:ags/vielfalts-check/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    await service.remove(request.actor, town, parseId(request.params.id));
    return reply.flash('success', 'common.deleted').redirect(base(town.ags), 303);
  });
};
