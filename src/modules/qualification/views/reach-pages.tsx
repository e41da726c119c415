import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, FormActions, type FormState, SelectField, TextArea, TextField } from '../../../platform/views/forms.tsx';
import { TARGET_GROUPS } from '../tables.ts';

export interface ActivityRow {
  id: number;
  occurred_on: string;
  description: string;
  target_group: string;
  people_reached: number;
  municipality_name: string | null;
}

/** A multiplier's own log: what they did, whom they reached, and the running total. */
export function ReachPage({
  activities,
  total,
  form,
  towns,
}: {
  activities: ActivityRow[];
  total: { activities: number; people: number };
  form: FormState;
  towns: Array<{ id: number; name: string }>;
}) {
  const { t, locale } = useView();
  const labels = {
    occurredOn: t('qualification.reach.occurred_on'),
    description: t('qualification.reach.description'),
    targetGroup: t('qualification.field.target_group'),
    peopleReached: t('qualification.reach.people_reached'),
    municipalityId: t('qualification.reach.municipality'),
  };
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{t('qualification.reach.title')}</h1>
        <p class="kern-body kern-body--large">{t('qualification.reach.lead')}</p>
      </div>
      <p class="kern-body" role="status">
        {t('qualification.reach.total', { activities: total.activities, people: formatNumber(locale, total.people) })}
      </p>
      <section aria-labelledby="reach-form-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="reach-form-heading">
          {t('qualification.reach.new')}
        </h2>
        <ErrorSummary form={form} labels={labels} />
        <Form action="/qualifizierung/meine-wirkung">
          <TextField form={form} name="occurredOn" type="date" label={labels.occurredOn} required />
          <TextArea form={form} name="description" label={labels.description} hint={t('qualification.reach.description_hint')} required rows={3} maxLength={1000} />
          <SelectField form={form} name="targetGroup" label={labels.targetGroup} required options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`qualification.target.${g}`) }))} />
          <TextField form={form} name="peopleReached" type="number" label={labels.peopleReached} hint={t('qualification.reach.people_hint')} required min={1} max={100000} />
          <SelectField
            form={form}
            name="municipalityId"
            label={labels.municipalityId}
            emptyLabel={t('qualification.public.whole_state')}
            options={towns.map((m) => ({ value: String(m.id), label: m.name }))}
          />
          <FormActions submitLabel={t('qualification.reach.save')} cancelHref="/qualifizierung" />
        </Form>
      </section>
      {activities.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table">
            <caption class="kern-title">{t('qualification.reach.table_caption')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">
                  {labels.occurredOn}
                </th>
                <th class="kern-table__header" scope="col">
                  {labels.description}
                </th>
                <th class="kern-table__header" scope="col">
                  {labels.targetGroup}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {labels.peopleReached}
                </th>
                <th class="kern-table__header" scope="col">
                  {t('common.actions')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {activities.map((a) => (
                <tr class="kern-table__row" key={a.id}>
                  <td class="kern-table__cell">{formatDate(locale, a.occurred_on)}</td>
                  <td class="kern-table__cell">
                    {a.description}
                    {a.municipality_name ? ` (${a.municipality_name})` : ''}
                  </td>
                  <td class="kern-table__cell">{t(`qualification.target.${a.target_group}`)}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(locale, a.people_reached)}</td>
                  <td class="kern-table__cell">
                    <Form action={`/qualifizierung/meine-wirkung/${a.id}/loeschen`} class="vv-inline-form">
                      <button type="submit" class="kern-btn kern-btn--tertiary" aria-label={`${t('common.delete')}: ${formatDate(locale, a.occurred_on)}, ${a.description}`}>
                        <span class="kern-label">{t('common.delete')}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

/** The programme's reach per target group: what it can show beyond the people it trained itself (O12). */
export function OfficeReachPage({ rows }: { rows: Array<{ target_group: string; activities: number | string; multipliers: number | string; people: number | string }> }) {
  const { t, locale } = useView();
  const total = rows.reduce((sum, r) => sum + Number(r.people), 0);
  return (
    <>
      <h1 class="kern-heading-large">{t('qualification.office.reach_title')}</h1>
      {rows.length === 0 ? (
        <p class="kern-body">{t('qualification.office.reach_none')}</p>
      ) : (
        <div class="kern-table-responsive">
          <table class="kern-table">
            <caption class="kern-title">{t('qualification.office.reach_caption')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">
                  {t('qualification.field.target_group')}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('qualification.office.reach_multipliers')}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('qualification.office.reach_activities')}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('qualification.reach.people_reached')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {rows.map((r) => (
                <tr class="kern-table__row" key={r.target_group}>
                  <th class="kern-table__header" scope="row">
                    {t(`qualification.target.${r.target_group}`)}
                  </th>
                  <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(locale, Number(r.multipliers))}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(locale, Number(r.activities))}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(locale, Number(r.people))}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="row" colSpan={3}>
                  {t('qualification.office.reach_total')}
                </th>
                <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(locale, total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}
