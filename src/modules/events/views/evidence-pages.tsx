import type { PageResult } from '../../../platform/http/pagination.ts';
import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { FilterForm, FilterSelect } from '../../../platform/views/filters.tsx';
import { Form } from '../../../platform/views/forms.tsx';
import type { EvidenceEventRow, EvidenceTotals } from '../evidence-repository.ts';
import { completeness } from '../evidence-service.ts';

function Share({ totals }: { totals: EvidenceTotals }) {
  const { t, locale } = useView();
  const value = completeness(totals);
  return <>{value === null ? t('events.evidence.nothing_expected') : `${formatNumber(locale, value, 1, true)} %`}</>;
}

function YearFilter({ year, years }: { year: number | undefined; years: number[] }) {
  const { t } = useView();
  return (
    <FilterSelect
      name="jahr"
      label={t('events.evidence.year')}
      value={year === undefined ? '' : String(year)}
      options={[...new Set([...years, ...(year === undefined ? [] : [year])])].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }))}
    />
  );
}

function Summary({ totals }: { totals: EvidenceTotals }) {
  const { t } = useView();
  return (
    <ul class="kern-list" aria-label={t('events.evidence.summary_label')}>
      <li>{t('events.evidence.lists_present', { present: totals.eventsWithList, total: totals.events })}</li>
      <li>{t('events.evidence.people_present', { present: totals.attendeesConfirmed, total: totals.attendees })}</li>
      <li>
        {t('events.evidence.completeness')}:{' '}
        <strong>
          <Share totals={totals} />
        </strong>
      </li>
    </ul>
  );
}

const numeric = 'kern-table__cell kern-table__cell--numeric';

/** A town's held events with what evidence each lacks, linked to where it is added. */
export function TownEvidencePage({
  ags,
  name,
  year,
  years,
  incompleteOnly,
  totals,
  result,
}: {
  ags: string;
  name: string;
  year: number | undefined;
  years: number[];
  incompleteOnly: boolean;
  totals: EvidenceTotals;
  result: PageResult<EvidenceEventRow>;
}) {
  const { t, locale } = useView();
  const base = `/verwaltung/${ags}/veranstaltungen`;
  const query = { jahr: year, unvollstaendig: incompleteOnly ? 'ja' : undefined };
  return (
    <>
      <h1 class="kern-heading-large">{t('events.evidence.town_title', { name })}</h1>
      <p class="kern-body">{t('events.evidence.lead')}</p>
      <FilterForm action={`${base}/nachweise`} label={t('events.evidence.filter_label')}>
        <YearFilter year={year} years={years} />
        <FilterSelect
          name="unvollstaendig"
          label={t('events.evidence.which')}
          value={incompleteOnly ? 'ja' : ''}
          withAll={false}
          options={[
            { value: '', label: t('events.evidence.which_all') },
            { value: 'ja', label: t('events.evidence.which_incomplete') },
          ]}
        />
      </FilterForm>
      <Summary totals={totals} />
      <p class="kern-body" role="status">
        {t('common.results', { count: result.total })}
      </p>
      {result.items.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table">
            <caption class="kern-title">{t('events.evidence.table_caption')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">
                  {t('events.field.title')}
                </th>
                <th class="kern-table__header" scope="col">
                  {t('events.field.starts_at')}
                </th>
                <th class="kern-table__header" scope="col">
                  {t('events.evidence.signed_list')}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('events.evidence.attendees')}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('events.evidence.confirmed')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {result.items.map((row) => (
                <tr class="kern-table__row" key={row.id}>
                  <th class="kern-table__cell" scope="row">
                    <a class="kern-link" href={`${base}/${row.id}`}>
                      {row.title}
                    </a>
                  </th>
                  <td class="kern-table__cell">{formatDate(locale, row.starts_at, true)}</td>
                  <td class="kern-table__cell">
                    {row.has_list ? (
                      t('events.evidence.list_present')
                    ) : (
                      <a class="kern-link" href={`${base}/${row.id}#scan-heading`}>
                        {t('events.evidence.list_missing')}
                      </a>
                    )}
                  </td>
                  <td class={numeric}>{formatNumber(locale, row.attendees)}</td>
                  <td class={numeric}>
                    {row.confirmed < row.attendees ? (
                      <a class="kern-link" href={`${base}/${row.id}/anmeldungen`} aria-label={t('events.evidence.people_missing_label', { title: row.title, missing: row.attendees - row.confirmed })}>
                        {formatNumber(locale, row.confirmed)} / {formatNumber(locale, row.attendees)}
                      </a>
                    ) : (
                      `${formatNumber(locale, row.confirmed)} / ${formatNumber(locale, row.attendees)}`
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('events.evidence.none')}</p>
      )}
      <Pagination result={result} path={`${base}/nachweise`} query={query} />
    </>
  );
}

/** Per participating town, for the programme office: what its held events lack. */
export function ProgrammeEvidencePage({ year, years, rows }: { year: number | undefined; years: number[]; rows: Array<{ ags: string; name: string; totals: EvidenceTotals }> }) {
  const { t, locale } = useView();
  const all = rows.reduce(
    (sum, r) => ({
      events: sum.events + r.totals.events,
      eventsWithList: sum.eventsWithList + r.totals.eventsWithList,
      attendees: sum.attendees + r.totals.attendees,
      attendeesConfirmed: sum.attendeesConfirmed + r.totals.attendeesConfirmed,
    }),
    { events: 0, eventsWithList: 0, attendees: 0, attendeesConfirmed: 0 },
  );
  return (
    <>
      <h1 class="kern-heading-large">{t('events.evidence.programme_title')}</h1>
      <p class="kern-body">{t('events.evidence.lead')}</p>
      <FilterForm action="/programmbuero/nachweise" label={t('events.evidence.filter_label')}>
        <YearFilter year={year} years={years} />
      </FilterForm>
      <Summary totals={all} />
      <div class="kern-table-responsive">
        <table class="kern-table">
          <caption class="kern-title">{t('events.evidence.towns_caption')}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">
                {t('events.evidence.town')}
              </th>
              {['events', 'lists_missing', 'attendees', 'people_missing', 'completeness'].map((c) => (
                <th key={c} class="kern-table__header kern-table__header--numeric" scope="col">
                  {t(`events.evidence.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {rows.map((row) => (
              <tr class="kern-table__row" key={row.ags}>
                <th class="kern-table__cell" scope="row">
                  <a class="kern-link" href={`/verwaltung/${row.ags}/veranstaltungen/nachweise${year === undefined ? '' : `?jahr=${year}`}`}>
                    {row.name}
                  </a>
                </th>
                <td class={numeric}>{formatNumber(locale, row.totals.events)}</td>
                <td class={numeric}>{formatNumber(locale, row.totals.events - row.totals.eventsWithList)}</td>
                <td class={numeric}>{formatNumber(locale, row.totals.attendees)}</td>
                <td class={numeric}>{formatNumber(locale, row.totals.attendees - row.totals.attendeesConfirmed)}</td>
                <td class={numeric}>
                  <Share totals={row.totals} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** On the check-in list: confirm (or withdraw) that a person's target-group evidence was seen. */
export function TargetGroupEvidenceButton({ action, name, confirmed }: { action: string; name: string; confirmed: boolean }) {
  const { t } = useView();
  return (
    <Form action={action} class="vv-inline-form">
      <input type="hidden" name="confirmed" value={confirmed ? 'no' : 'yes'} />
      <button
        type="submit"
        class={`kern-btn kern-btn--${confirmed ? 'secondary' : 'tertiary'}`}
        aria-label={`${confirmed ? `${t('events.evidence.confirmed_mark')} – ${t('events.evidence.withdraw')}` : t('events.evidence.confirm')}: ${name}`}
      >
        <span class="kern-label">{confirmed ? t('events.evidence.confirmed_mark') : t('events.evidence.confirm')}</span>
      </button>
    </Form>
  );
}
