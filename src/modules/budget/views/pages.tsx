import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import type { PageResult } from '../../../platform/http/pagination.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { Checkbox, ErrorSummary, Form, type FormState, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.tsx';
import { budgetFigures } from '../money.ts';
import type { LineFigures } from '../repository.ts';
import { COST_CATEGORIES, type CostCategory } from '../tables.ts';

const BASE = '/programmbuero/budget';

function Euro({ cents }: { cents: number }) {
  const { locale } = useView();
  return <>{formatNumber(locale, cents / 100, 2, true)} €</>;
}

function Percent({ value }: { value: number | null }) {
  const { locale } = useView();
  return <>{value === null ? '–' : `${formatNumber(locale, value, 1)} %`}</>;
}

export interface CategorySums {
  category: CostCategory;
  planned: number;
  spent: number;
  eligible: number;
  eu_part: number;
}

const lineLabels = (t: (key: string) => string) =>
  Object.fromEntries(['year', 'category', 'title', 'planned', 'euSharePercent', 'townId'].map((f) => [f, t(`budget.line.${f}`)])) as Record<string, string>;

function LineFields({ form, towns }: { form: FormState; towns: Array<{ id: number; name: string }> }) {
  const { t } = useView();
  const labels = lineLabels(t);
  return (
    <>
      <TextField form={form} name="year" label={labels.year ?? ''} required maxLength={4} />
      <SelectField form={form} name="category" label={labels.category ?? ''} required options={COST_CATEGORIES.map((c) => ({ value: c, label: t(`budget.category.${c}`) }))} />
      <TextField form={form} name="title" label={labels.title ?? ''} required maxLength={200} />
      <TextField form={form} name="planned" label={labels.planned ?? ''} hint={t('budget.euro_hint')} required maxLength={13} />
      <TextField form={form} name="euSharePercent" label={labels.euSharePercent ?? ''} hint={t('budget.line.eu_hint')} required maxLength={2} />
      <SelectField form={form} name="townId" label={labels.townId ?? ''} emptyLabel={t('budget.line.programme_wide')} options={towns.map((m) => ({ value: String(m.id), label: m.name }))} />
    </>
  );
}

export function BudgetPage({
  year,
  years,
  lines,
  categories,
  form,
  towns,
}: {
  year: number;
  years: number[];
  lines: LineFigures[];
  categories: CategorySums[];
  form: FormState;
  towns: Array<{ id: number; name: string }>;
}) {
  const { t } = useView();
  const total = categories.reduce((s, c) => ({ planned: s.planned + c.planned, spent: s.spent + c.spent, eligible: s.eligible + c.eligible, eu: s.eu + c.eu_part }), {
    planned: 0,
    spent: 0,
    eligible: 0,
    eu: 0,
  });
  const totals = budgetFigures(total.planned, total.spent, total.eligible, total.eu);
  return (
    <>
      <h1 class="kern-heading-large">{t('budget.title', { year })}</h1>
      <p class="kern-body">{t('budget.lead')}</p>
      <Form action={BASE} method="get" class="vv-filters">
        <SelectField
          form={{ values: { jahr: String(year) }, errors: {} }}
          name="jahr"
          label={t('budget.year_filter')}
          options={[...new Set([...years, year])].sort().map((y) => ({ value: String(y), label: String(y) }))}
        />
        <SubmitButton label={t('budget.show')} kind="secondary" />
      </Form>
      <p class="kern-body">
        <a class="kern-link" href={`${BASE}.xlsx?jahr=${year}`}>
          {t('budget.export')}
        </a>
      </p>
      <ul class="kern-list">
        <li>
          {t('budget.figures.utilisation')}: <Percent value={totals.utilisation} /> (<Euro cents={totals.spent} /> / <Euro cents={totals.planned} />)
        </li>
        <li>
          {t('budget.figures.co_financing')}: <Percent value={totals.coFinancingRate} />
        </li>
      </ul>
      <div class="kern-table-responsive">
        <table class="kern-table kern-table--striped">
          <caption class="kern-title">{t('budget.categories_caption', { year })}</caption>
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              {['category', 'planned', 'spent', 'remaining', 'utilisation', 'co_financing'].map((c) => (
                <th key={c} scope="col" class={`kern-table__cell${c === 'category' ? '' : ' kern-table__cell--numeric'}`}>
                  {t(`budget.column.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {categories.map((c) => {
              const f = budgetFigures(c.planned, c.spent, c.eligible, c.eu_part);
              return (
                <tr class="kern-table__row" key={c.category}>
                  <th scope="row" class="kern-table__cell">
                    {t(`budget.category.${c.category}`)}
                  </th>
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <Euro cents={f.planned} />
                  </td>
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <Euro cents={f.spent} />
                  </td>
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <Euro cents={f.remaining} />
                  </td>
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <Percent value={f.utilisation} />
                  </td>
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <Percent value={f.coFinancingRate} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2 class="kern-heading-medium">{t('budget.lines')}</h2>
      {lines.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('budget.lines_caption', { year, count: lines.length })}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['line', 'category', 'town', 'planned', 'spent', 'eu_share'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`budget.column.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {lines.map((l) => (
                <tr class="kern-table__row" key={l.id}>
                  <th scope="row" class="kern-table__cell">
                    <a class="kern-link" href={`${BASE}/${l.id}`}>
                      {l.title}
                    </a>
                  </th>
                  <td class="kern-table__cell">{t(`budget.category.${l.category}`)}</td>
                  <td class="kern-table__cell">{l.town_name ?? t('budget.line.programme_wide')}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <Euro cents={l.planned} />
                  </td>
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <Euro cents={l.spent} />
                  </td>
                  <td class="kern-table__cell kern-table__cell--numeric">{l.eu_share_percent} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('budget.empty')}</p>
      )}
      <h2 class="kern-heading-medium">{t('budget.new_line')}</h2>
      <ErrorSummary form={form} labels={lineLabels(t)} />
      <Form action={BASE}>
        <LineFields form={form} towns={towns} />
        <SubmitButton label={t('budget.add_line')} />
      </Form>
    </>
  );
}

export interface ExpenseRow {
  id: number;
  spent_on: string;
  description: string;
  eligible: boolean;
  receipt: string;
  amount: number;
}

const expenseLabels = (t: (key: string) => string) =>
  Object.fromEntries(['spentOn', 'amount', 'description', 'receipt', 'eligible'].map((f) => [f, t(`budget.expense.${f}`)])) as Record<string, string>;

export function LinePage({
  id,
  title,
  lineForm,
  expenseForm,
  towns,
  expenses,
}: {
  id: number;
  title: string;
  lineForm: FormState;
  expenseForm: FormState;
  towns: Array<{ id: number; name: string }>;
  expenses: PageResult<ExpenseRow>;
}) {
  const { t, locale } = useView();
  const expLabels = expenseLabels(t);
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      <h2 class="kern-heading-medium">{t('budget.expenses')}</h2>
      {expenses.items.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('budget.expenses_caption', { count: expenses.total })}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['date', 'description', 'receipt', 'amount', 'eligible', 'actions'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`budget.column.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {expenses.items.map((e) => (
                <tr class="kern-table__row" key={e.id}>
                  <td class="kern-table__cell">{formatDate(locale, e.spent_on)}</td>
                  <th scope="row" class="kern-table__cell">
                    {e.description}
                  </th>
                  <td class="kern-table__cell">{e.receipt}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <Euro cents={e.amount} />
                  </td>
                  <td class="kern-table__cell">{e.eligible ? t('common.yes') : t('common.no')}</td>
                  <td class="kern-table__cell">
                    <Form action={`${BASE}/${id}/ausgaben/${e.id}/loeschen`} class="vv-inline-form">
                      <button type="submit" class="kern-btn kern-btn--tertiary">
                        <span class="kern-label">
                          {t('common.delete')}
                          <span class="vv-visually-hidden">: {e.description}</span>
                        </span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('budget.no_expenses')}</p>
      )}
      <Pagination result={expenses} path={`${BASE}/${id}`} query={{}} />
      <h2 class="kern-heading-medium">{t('budget.new_expense')}</h2>
      <ErrorSummary form={expenseForm} labels={expLabels} />
      <Form action={`${BASE}/${id}/ausgaben`}>
        <TextField form={expenseForm} name="spentOn" type="date" label={expLabels.spentOn ?? ''} required />
        <TextField form={expenseForm} name="amount" label={expLabels.amount ?? ''} hint={t('budget.euro_hint')} required maxLength={13} />
        <TextField form={expenseForm} name="description" label={expLabels.description ?? ''} required maxLength={300} />
        <TextField form={expenseForm} name="receipt" label={expLabels.receipt ?? ''} maxLength={100} />
        <Checkbox form={expenseForm} name="eligible" label={expLabels.eligible ?? ''} />
        <SubmitButton label={t('budget.add_expense')} />
      </Form>
      <h2 class="kern-heading-medium">{t('budget.edit_line')}</h2>
      <ErrorSummary form={lineForm} labels={lineLabels(t)} />
      <Form action={`${BASE}/${id}`}>
        <LineFields form={lineForm} towns={towns} />
        <SubmitButton label={t('common.save')} />
      </Form>
    </>
  );
}
