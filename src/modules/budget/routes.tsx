import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { Id, IdParams } from '../../platform/http/schemas.ts';
import { toXlsx } from '../../platform/http/tables.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { ExpenseForm, LineForm, queryYear, YearQuery } from './forms.ts';
import { budgetFigures, centsToText } from './money.ts';
import { budgetRepository } from './repository.ts';
import { budgetService } from './service.ts';
import { BudgetPage, LinePage } from './views/pages.tsx';

const OFFICE = { access: 'office' } as const;
const BASE = '/programmbuero/budget';

/** The programme's budget: lines per cost category and year, expenses, spending against plan and the co-financing rate, XLSX. */
export const budgetRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = budgetRepository(db);
  const service = budgetService(db);
  const thisYear = () => new Date().getUTCFullYear();
  const towns = async () => (await participatingMunicipalities(db)).map((m) => ({ id: m.id, name: m.name }));

  async function renderBudget(request: FastifyRequest, reply: FastifyReply, year: number, form: FormState) {
    const [years, lines, categories, options] = await Promise.all([repo.years(), repo.lines(year), repo.categories(year), towns()]);
    return reply.render(
      <BudgetPage
        year={year}
        years={years.map((y) => y.year)}
        lines={lines}
        categories={categories}
        form={Object.keys(form.values).length ? form : { values: { year: String(year), euSharePercent: '75' }, errors: {} }}
        towns={options}
      />,
      {
        title: request.t('budget.title', { year }),
        breadcrumbs: [{ href: '/programmbuero', label: request.t('budget.office_crumb') }, { label: request.t('budget.crumb') }],
        status: Object.keys(form.errors).length ? 422 : 200,
      },
    );
  }

  app.get(BASE, { config: OFFICE, schema: { querystring: YearQuery } }, (request, reply) => renderBudget(request, reply, queryYear(request.query.jahr, thisYear()), EMPTY_FORM));

  app.post(BASE, { config: OFFICE, schema: { body: formBody(LineForm) } }, (request, reply) =>
    formAction(reply, {
      body: request.body,
      schema: LineForm,
      invalid: (form) => renderBudget(request, reply, queryYear(form.values.year, thisYear()), form),
      run: async (input) => {
        const id = await service.addLine(request.actor, input);
        return { redirect: `${BASE}/${id}`, flash: { key: 'budget.line_added' } };
      },
    }),
  );

  app.get(`${BASE}.xlsx`, { config: OFFICE, schema: { querystring: YearQuery } }, async (request, reply) => {
    const year = queryYear(request.query.jahr, thisYear());
    const lines = await repo.lines(year);
    const t = request.t;
    const headers = ['line', 'category', 'town', 'planned', 'spent', 'remaining', 'eligible', 'eu_share', 'eu_part'].map((c) => t(`budget.xlsx.${c}`));
    const euros = (cents: number) => Math.round(cents) / 100;
    const rows = lines.map((l) => {
      const f = budgetFigures(l.planned, l.spent, l.eligible, l.eu_part);
      return [
        l.title,
        t(`budget.category.${l.category}`),
        l.town_name ?? t('budget.line.programme_wide'),
        euros(f.planned),
        euros(f.spent),
        euros(f.remaining),
        euros(l.eligible),
        l.eu_share_percent / 100,
        euros(l.eu_part),
      ];
    });
    const xlsx = await toXlsx(t('budget.xlsx.sheet', { year }), headers, rows);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="budget-${year}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(xlsx);
  });

  async function renderLine(request: FastifyRequest, reply: FastifyReply, id: number, forms: { line?: FormState; expense?: FormState } = {}, pageNo = 1) {
    const line = await service.line(id);
    const page = pageRequest(pageNo, 50);
    const [rows, options] = await Promise.all([repo.expenses(id, page), towns()]);
    const lineForm = forms.line ?? {
      values: {
        year: String(line.year),
        category: line.category,
        title: line.title,
        planned: centsToText(line.planned_cents),
        euSharePercent: String(line.eu_share_percent),
        townId: line.municipality_id ? String(line.municipality_id) : '',
      },
      errors: {},
    };
    return reply.render(
      <LinePage
        id={id}
        title={line.title}
        lineForm={lineForm}
        expenseForm={forms.expense ?? { values: { eligible: 'on' }, errors: {} }}
        towns={options}
        expenses={pageResult(rows, rows[0]?.total ?? 0, page)}
      />,
      {
        title: line.title,
        breadcrumbs: [{ href: '/programmbuero', label: request.t('budget.office_crumb') }, { href: `${BASE}?jahr=${line.year}`, label: request.t('budget.crumb') }, { label: line.title }],
        status: forms.line?.errors && Object.keys(forms.line.errors).length ? 422 : forms.expense?.errors && Object.keys(forms.expense.errors).length ? 422 : 200,
      },
    );
  }

  const LineQuery = Type.Object({ seite: Type.Optional(Type.String({ maxLength: 6 })) });

  app.get(`${BASE}/:id`, { config: OFFICE, schema: { params: IdParams, querystring: LineQuery } }, (request, reply) =>
    renderLine(request, reply, parseId(request.params.id), {}, pageNumber(request.query.seite)),
  );

  app.post(`${BASE}/:id`, { config: OFFICE, schema: { params: IdParams, body: formBody(LineForm) } }, async (request, reply) => {
    const line = await service.line(parseId(request.params.id));
    return formAction(reply, {
      body: request.body,
      schema: LineForm,
      invalid: (form) => renderLine(request, reply, line.id, { line: form }),
      run: async (input) => {
        await service.updateLine(request.actor, line.id, input);
        return { redirect: `${BASE}/${line.id}`, flash: { key: 'common.saved' } };
      },
    });
  });

  app.post(`${BASE}/:id/ausgaben`, { config: OFFICE, schema: { params: IdParams, body: formBody(ExpenseForm) } }, async (request, reply) => {
    const line = await service.line(parseId(request.params.id));
    return formAction(reply, {
      body: request.body,
      schema: ExpenseForm,
      invalid: (form) => renderLine(request, reply, line.id, { expense: form }),
      run: async (input) => {
        await service.addExpense(request.actor, line.id, input);
        return { redirect: `${BASE}/${line.id}`, flash: { key: 'budget.expense_added' } };
      },
    });
  });

  app.post(`${BASE}/:id/ausgaben/:eid/loeschen`, { config: OFFICE, schema: { params: Type.Object({ id: Id, eid: Id }) } }, async (request, reply) => {
    const lineId = parseId(request.params.id);
    await service.deleteExpense(request.actor, lineId, parseId(request.params.eid));
    return reply.flash('success', 'common.deleted').redirect(`${BASE}/${lineId}`, 303);
  });
};
