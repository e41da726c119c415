import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import type { FormState, Option } from '../../platform/views/forms.tsx';
import { municipalityOptions, participatingMunicipalities } from '../municipalities/index.ts';
import { catalogueRepository } from './catalogue-repository.ts';
import { filterText, IndicatorForm, indicatorInput, ManualValueForm, PARTICIPANT_DIMENSIONS, parseDecimal, StatusForm, TargetForm } from './catalogue-forms.ts';
import { catalogueService } from './catalogue-service.ts';
import { CodeParams } from './definitions-routes.tsx';
import { periodOptions } from './periods.ts';
import type { Indicator } from './service.ts';
import { factSources, sourceInfos } from './sources.ts';
import { EditIndicatorPage, ManualValuesPage, TargetsPage, valuesHref } from './views/catalogue-pages.tsx';
import { definitionHref } from './views/definitions-page.tsx';

const OFFICE = { access: 'office' } as const;
const PageQuery = Type.Object({ seite: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) });

/** What the edit form shows for a version: its fields as text. */
function formOf(indicator: Indicator): FormState {
  return {
    values: {
      name_de: indicator.name_de,
      name_en: indicator.name_en,
      definition_de: indicator.definition_de,
      definition_en: indicator.definition_en,
      unit: indicator.unit,
      numerator_source: indicator.numerator_source ?? '',
      numerator_filter: filterText(indicator.numerator_filter),
      denominator_source: indicator.denominator_source ?? '',
      denominator_filter: filterText(indicator.denominator_filter),
      factor: String(Number(indicator.factor)),
      decimals: String(indicator.decimals),
      direction: indicator.direction,
    },
    errors: {},
  };
}

/**
 * The programme office edits the indicator catalogue: a changed definition or a retirement is a new
 * version (reports keep theirs), targets per period and town, and values entered by hand for what
 * happens outside the platform.
 */
export const monitoringCatalogueRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const service = catalogueService(services);

  async function indicatorOf(code: string): Promise<Indicator> {
    const indicator = await catalogueRepository(db).current(code);
    if (!indicator) throw AppError.notFound();
    return indicator;
  }

  function dimensionsOf(id: string) {
    if (id === 'monitoring.participants') return PARTICIPANT_DIMENSIONS;
    if (id === 'monitoring.active_towns') return {};
    return factSources(services.modules()).get(id)?.dimensions ?? null;
  }

  function sourceOptions(request: FastifyRequest): Option[] {
    return [...sourceInfos(services)].map(([id, info]) => ({ value: id, label: `${request.t(info.labelKey)} (${id})` })).sort((a, b) => a.label.localeCompare(b.label));
  }

  async function townOptions(): Promise<Option[]> {
    const towns = await participatingMunicipalities(db);
    return towns.map((town) => ({ value: String(town.id), label: town.name }));
  }

  async function renderEdit(request: FastifyRequest, reply: FastifyReply, indicator: Indicator, form: FormState, status = 200) {
    return reply
      .code(status)
      .render(<EditIndicatorPage indicator={indicator} form={form} sources={sourceOptions(request)} />, { title: `${indicator.code}: ${request.t('monitoring.catalogue.edit_title')}` });
  }

  async function renderTargets(request: FastifyRequest, reply: FastifyReply, indicator: Indicator, form: FormState, status = 200) {
    return reply.code(status).render(<TargetsPage indicator={indicator} form={form} periods={periodOptions()} towns={await townOptions()} />, {
      title: `${indicator.code}: ${request.t('monitoring.catalogue.targets_title')}`,
    });
  }

  async function renderValues(request: FastifyRequest, reply: FastifyReply, indicator: Indicator, form: FormState, page: number | undefined, status = 200) {
    const request_ = pageRequest(page, 20);
    const [values, towns, names] = await Promise.all([catalogueRepository(db).manualValues(indicator.code, request_), townOptions(), municipalityOptions(db)]);
    const townName = new Map(names.map((n) => [n.id, n.name]));
    const rows = values.items.map((row) => ({ ...row, value: Number(row.value), town: row.municipality_id === null ? null : (townName.get(row.municipality_id) ?? null) }));
    return reply.code(status).render(<ManualValuesPage indicator={indicator} form={form} periods={periodOptions()} towns={towns} values={pageResult(rows, values.total, request_)} />, {
      title: `${indicator.code}: ${request.t('monitoring.catalogue.values_title')}`,
    });
  }

  app.get('/monitoring/indikatoren/:code/bearbeiten', { config: OFFICE, schema: { params: CodeParams } }, async (request, reply) => {
    const indicator = await indicatorOf(request.params.code);
    return renderEdit(request, reply, indicator, formOf(indicator));
  });

  app.post('/monitoring/indikatoren/:code/bearbeiten', { config: OFFICE, schema: { params: CodeParams, body: formBody(IndicatorForm) } }, async (request, reply) => {
    const indicator = await indicatorOf(request.params.code);
    return formAction(reply, {
      body: request.body,
      schema: IndicatorForm,
      invalid: (form) => renderEdit(request, reply, indicator, form, 422),
      run: async (value) => {
        const checked = indicatorInput(value, dimensionsOf);
        if ('errors' in checked) throw new ValidationError(checked.errors);
        const { changed, version } = await service.changeIndicator(request.actor, indicator.code, checked.input);
        return { redirect: definitionHref(indicator.code), flash: changed ? { key: 'monitoring.catalogue.saved', params: { version } } : { key: 'monitoring.catalogue.unchanged', kind: 'info' } };
      },
    });
  });

  app.post('/monitoring/indikatoren/:code/status', { config: OFFICE, schema: { params: CodeParams, body: formBody(StatusForm) } }, async (request, reply) => {
    const indicator = await indicatorOf(request.params.code);
    return formAction(reply, {
      body: request.body,
      schema: StatusForm,
      invalid: (form) => renderEdit(request, reply, indicator, { values: formOf(indicator).values, errors: form.errors }, 422),
      run: async (value) => {
        await service.setStatus(request.actor, indicator.code, value.status);
        return { redirect: definitionHref(indicator.code), flash: { key: value.status === 'retired' ? 'monitoring.catalogue.retired' : 'monitoring.catalogue.reactivated' } };
      },
    });
  });

  app.get('/monitoring/indikatoren/:code/zielwerte', { config: OFFICE, schema: { params: CodeParams } }, async (request, reply) => {
    const indicator = await indicatorOf(request.params.code);
    return renderTargets(request, reply, indicator, { values: {}, errors: {} });
  });

  app.post('/monitoring/indikatoren/:code/zielwerte', { config: OFFICE, schema: { params: CodeParams, body: formBody(TargetForm) } }, async (request, reply) => {
    const indicator = await indicatorOf(request.params.code);
    return formAction(reply, {
      body: request.body,
      schema: TargetForm,
      invalid: (form) => renderTargets(request, reply, indicator, form, 422),
      run: async (value) => {
        await service.setTarget(request.actor, indicator.code, { period: value.period, townId: value.townId, value: parseDecimal(value.value) });
        return { redirect: definitionHref(indicator.code), flash: { key: 'monitoring.catalogue.target_saved' } };
      },
    });
  });

  app.get('/monitoring/indikatoren/:code/werte', { config: OFFICE, schema: { params: CodeParams, querystring: PageQuery } }, async (request, reply) => {
    const indicator = await indicatorOf(request.params.code);
    return renderValues(request, reply, indicator, { values: {}, errors: {} }, request.query.seite);
  });

  app.post('/monitoring/indikatoren/:code/werte', { config: OFFICE, schema: { params: CodeParams, body: formBody(ManualValueForm) } }, async (request, reply) => {
    const indicator = await indicatorOf(request.params.code);
    return formAction(reply, {
      body: request.body,
      schema: ManualValueForm,
      invalid: (form) => renderValues(request, reply, indicator, form, undefined, 422),
      run: async (value) => {
        await service.addManualValue(request.actor, indicator.code, { period: value.period, townId: value.townId, value: parseDecimal(value.value), note: value.note });
        return { redirect: valuesHref(indicator.code), flash: { key: 'monitoring.catalogue.value_saved' } };
      },
    });
  });
};
