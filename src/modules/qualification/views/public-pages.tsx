import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, FormActions, type FormState, TextArea } from '../../../platform/views/forms.tsx';

export interface ProgrammeSummary {
  id: number;
  kind: string;
  target_group: string | null;
  title: string;
  description: string;
  published: boolean;
  modules: number | string;
  hours: number | string;
  open_cohorts: number | string;
}

export function programmeKind(t: (key: string) => string, programme: { kind: string; target_group: string | null }): string {
  return programme.target_group ? `${t(`qualification.kind.${programme.kind}`)} – ${t(`qualification.target.${programme.target_group}`)}` : t(`qualification.kind.${programme.kind}`);
}

export interface OwnEnrolment {
  id: number;
  status: string;
  cohort_id: number;
  cohort_title: string;
  programme_title: string;
}

export function ProgrammesPage({ programmes, multiplier, mine }: { programmes: ProgrammeSummary[]; multiplier: boolean; mine: OwnEnrolment[] }) {
  const { t, locale } = useView();
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{t('qualification.public.title')}</h1>
        <p class="kern-body kern-body--large">{t('qualification.public.lead')}</p>
      </div>
      {mine.length ? (
        <section aria-labelledby="mine-heading" class="vv-section">
          <h2 class="kern-heading-medium" id="mine-heading">
            {t('qualification.course.mine')}
          </h2>
          <ul class="kern-list">
            {mine.map((e) => (
              <li key={e.id}>
                <a class="kern-link" href={e.status === 'approved' ? `/qualifizierung/kohorten/${e.cohort_id}` : `/qualifizierung/kohorten/${e.cohort_id}/bewerbung`}>
                  {e.programme_title}: {e.cohort_title}
                </a>{' '}
                ({t(`qualification.status.${e.status}`)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {multiplier ? (
        <p class="kern-body">
          <a class="kern-link" href="/qualifizierung/meine-wirkung">
            {t('qualification.reach.title')}
          </a>
        </p>
      ) : null}
      {programmes.length === 0 ? <p class="kern-body">{t('qualification.public.none')}</p> : null}
      <ul class="vv-measures">
        {programmes.map((p) => (
          <li class="vv-measure" key={p.id}>
            <h2 class="kern-heading-small">
              <a class="kern-link" href={`/qualifizierung/${p.id}`}>
                {p.title}
              </a>
            </h2>
            <p class="kern-body kern-body--small">
              {programmeKind(t, p)} · {t('qualification.public.modules_hours', { modules: Number(p.modules), hours: formatNumber(locale, Number(p.hours), 1) })} ·{' '}
              {t('qualification.public.open_cohorts', { count: Number(p.open_cohorts) })}
            </p>
            <p class="kern-body">{p.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export interface ModuleRow {
  id: number;
  title: string;
  learning_goals: string;
  hours: string;
}

export interface CohortRow {
  id: number;
  title: string;
  region: string;
  starts_on: string;
  ends_on: string;
  capacity: number;
  applications_open: boolean;
  municipality_name: string | null;
  approved: number | string;
  applied: number | string;
}

export function ModulesTable({ modules }: { modules: ModuleRow[] }) {
  const { t, locale } = useView();
  const total = modules.reduce((sum, m) => sum + Number(m.hours), 0);
  if (modules.length === 0) return <p class="kern-body">{t('qualification.public.no_modules')}</p>;
  return (
    <div class="kern-table-responsive">
      <table class="kern-table">
        <caption class="kern-title">{t('qualification.public.modules')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {t('qualification.field.module_title')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('qualification.field.learning_goals')}
            </th>
            <th class="kern-table__header kern-table__header--numeric" scope="col">
              {t('qualification.field.hours')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {modules.map((m) => (
            <tr class="kern-table__row" key={m.id}>
              <th class="kern-table__header" scope="row">
                {m.title}
              </th>
              <td class="kern-table__cell">{m.learning_goals}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(locale, Number(m.hours), 1)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="row" colSpan={2}>
              {t('qualification.public.total_hours')}
            </th>
            <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(locale, total, 1)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function CohortPlace({ cohort }: { cohort: { municipality_name: string | null; region: string } }) {
  const { t } = useView();
  return <>{cohort.municipality_name ?? (cohort.region || t('qualification.public.whole_state'))}</>;
}

export function ProgrammePage({
  programme,
  modules,
  cohorts,
}: {
  programme: ProgrammeSummary & { min_attendance_percent: number; requires_project: boolean };
  modules: ModuleRow[];
  cohorts: CohortRow[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{programme.title}</h1>
        <p class="kern-body kern-body--large">{programmeKind(t, programme)}</p>
      </div>
      <p class="kern-body vv-prewrap">{programme.description}</p>
      <p class="kern-body">
        <strong>{t('qualification.public.completion')}:</strong>{' '}
        {programme.requires_project
          ? t('qualification.public.rule_with_project', { percent: programme.min_attendance_percent })
          : t('qualification.public.rule_attendance', { percent: programme.min_attendance_percent })}
      </p>
      <ModulesTable modules={modules} />
      <h2 class="kern-heading-medium">{t('qualification.public.cohorts')}</h2>
      {cohorts.length === 0 ? <p class="kern-body">{t('qualification.public.no_cohorts')}</p> : null}
      <ul class="vv-measures">
        {cohorts.map((c) => (
          <li class="vv-measure" key={c.id}>
            <h3 class="kern-heading-small">{c.title}</h3>
            <p class="kern-body kern-body--small">
              <CohortPlace cohort={c} /> · {formatDate(locale, c.starts_on)} – {formatDate(locale, c.ends_on)} ·{' '}
              {t('qualification.public.seats', { approved: Number(c.approved), capacity: c.capacity })}
            </p>
            {c.applications_open ? (
              <p class="kern-body">
                <a class="kern-btn kern-btn--secondary" href={`/qualifizierung/kohorten/${c.id}/bewerbung`}>
                  <span class="kern-label">{t('qualification.public.apply_link')}</span>
                </a>
              </p>
            ) : (
              <p class="kern-body">{t('qualification.public.applications_closed')}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ApplyPage({
  cohort,
  form,
  existing,
}: {
  cohort: { id: number; title: string; programme_id: number; programme_title: string; starts_on: string; ends_on: string; municipality_name: string | null; region: string };
  form: FormState;
  existing: { status: string; created_at: Date } | null;
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('qualification.apply.title', { programme: cohort.programme_title })}</h1>
      <p class="kern-body">
        {cohort.title} · <CohortPlace cohort={cohort} /> · {formatDate(locale, cohort.starts_on)} – {formatDate(locale, cohort.ends_on)}
      </p>
      {existing ? (
        <p class="kern-body" role="status">
          {t(`qualification.apply.status_${existing.status}`, { date: formatDate(locale, existing.created_at) })}
        </p>
      ) : (
        <>
          <ErrorSummary form={form} labels={{ motivation: t('qualification.field.motivation') }} />
          <Form action={`/qualifizierung/kohorten/${cohort.id}/bewerbung`}>
            <TextArea form={form} name="motivation" label={t('qualification.field.motivation')} hint={t('qualification.field.motivation_hint')} required rows={6} maxLength={3000} />
            <FormActions submitLabel={t('qualification.apply.submit')} cancelHref={`/qualifizierung/${cohort.programme_id}`} />
          </Form>
        </>
      )}
    </>
  );
}
