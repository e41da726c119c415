import { SESSION_MODES } from '../../../events/index.ts';
import type { PageResult } from '../../../../platform/http/pagination.ts';
import { formatDate } from '../../../../platform/i18n/catalog.ts';
import { Pagination } from '../../../../platform/views/components.tsx';
import { useView } from '../../../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState, SelectField, SubmitButton, TextField } from '../../../../platform/views/forms.tsx';
import type { Completion } from '../../completion.ts';
import { CompetenceChange, type CompetenceChangeRow } from './competence-change.tsx';
import { CohortPlace } from '../../views/public-pages.tsx';

export interface LedCohortRow {
  id: number;
  title: string;
  region: string;
  starts_on: string;
  ends_on: string;
  programme_title: string;
  municipality_name: string | null;
  trainees: number;
  sessions: number;
  projects_to_review: number;
}

export interface SessionRow {
  id: number;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue: string;
  mode: string;
  cancelled_at: Date | null;
  cancel_reason: string;
  module_title: string | null;
  municipality_name: string;
  present: number;
  recorded: number;
}

export interface ProgressRow {
  enrolment_id: number;
  display_name: string | null;
  counted: number;
  attended: number;
  held: number;
  project_id: number | null;
  project_status: string | null;
  completion: Completion;
}

export function TrainerCohortsPage({ result }: { result: PageResult<LedCohortRow> }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('qualification.trainer.title')}</h1>
      <p class="kern-body">{t('qualification.trainer.lead')}</p>
      {result.items.length === 0 ? (
        <p class="kern-body">{t('qualification.trainer.no_cohorts')}</p>
      ) : (
        <div class="kern-table-responsive">
          <table class="kern-table">
            <caption class="kern-title">{t('qualification.trainer.cohorts_caption')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">
                  {t('qualification.trainer.cohort')}
                </th>
                <th class="kern-table__header" scope="col">
                  {t('qualification.trainer.period')}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('qualification.trainer.trainees')}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('qualification.trainer.sessions')}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('qualification.trainer.to_review')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {result.items.map((c) => (
                <tr class="kern-table__row" key={c.id}>
                  <td class="kern-table__cell">
                    <a class="kern-link" href={`/kursleitung/kohorten/${c.id}`}>
                      {c.programme_title}: {c.title}
                    </a>{' '}
                    (<CohortPlace cohort={c} />)
                  </td>
                  <td class="kern-table__cell">
                    {formatDate(locale, c.starts_on)} – {formatDate(locale, c.ends_on)}
                  </td>
                  <td class="kern-table__cell kern-table__cell--numeric">{c.trainees}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{c.sessions}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{c.projects_to_review}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination result={result} path="/kursleitung" query={{}} />
    </>
  );
}

function SessionsTable({ base, sessions }: { base: string; sessions: SessionRow[] }) {
  const { t, locale } = useView();
  const now = new Date();
  if (!sessions.length) return <p class="kern-body">{t('qualification.trainer.no_sessions')}</p>;
  return (
    <div class="kern-table-responsive">
      <table class="kern-table">
        <caption class="kern-title">{t('qualification.trainer.sessions_caption')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {t('qualification.trainer.when')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('qualification.trainer.module')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('qualification.trainer.place')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('qualification.trainer.attendance')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {sessions.map((s) => (
            <tr class="kern-table__row" key={s.id}>
              <td class="kern-table__cell">{formatDate(locale, s.starts_at, true)}</td>
              <td class="kern-table__cell">{s.module_title ?? t('qualification.trainer.no_module')}</td>
              <td class="kern-table__cell">{[s.venue, s.municipality_name].filter(Boolean).join(', ')}</td>
              <td class="kern-table__cell">
                {s.cancelled_at ? (
                  t('qualification.trainer.session_cancelled', { reason: s.cancel_reason })
                ) : s.starts_at > now ? (
                  <>
                    {t('qualification.trainer.upcoming')}
                    {/* Cancelling asks for a reason behind a disclosure, so it is never one click away. */}
                    <details class="kern-accordion">
                      <summary class="kern-accordion__header">
                        <span class="kern-title">{t('qualification.trainer.cancel_session')}</span>
                      </summary>
                      <div class="kern-accordion__body">
                        <Form action={`${base}/termine/${s.id}/absagen`} class="vv-form">
                          <TextField
                            form={{ values: {}, errors: {} }}
                            name={`reason-${s.id}`}
                            label={t('qualification.trainer.cancel_reason', { when: formatDate(locale, s.starts_at, true) })}
                            required
                            maxLength={500}
                          />
                          <SubmitButton label={t('qualification.trainer.cancel_session')} kind="secondary" />
                        </Form>
                      </div>
                    </details>
                  </>
                ) : (
                  <a class="kern-link" href={`${base}/termine/${s.id}/anwesenheit`}>
                    {s.recorded ? t('qualification.trainer.present_of', { present: s.present, of: s.recorded }) : t('qualification.trainer.take_attendance')}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProgressTable({ base, progress, minPercent }: { base: string; progress: ProgressRow[]; minPercent: number }) {
  const { t } = useView();
  if (!progress.length) return <p class="kern-body">{t('qualification.trainer.no_trainees')}</p>;
  return (
    <div class="kern-table-responsive">
      <table class="kern-table">
        <caption class="kern-title">{t('qualification.trainer.progress_caption', { min: minPercent })}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {t('qualification.trainer.trainee')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('qualification.trainer.attended')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('qualification.trainer.project')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('qualification.trainer.completion')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {progress.map((p) => (
            <tr class="kern-table__row" key={p.enrolment_id}>
              <th class="kern-table__header" scope="row">
                {p.display_name ?? t('auth.deleted_account')}
              </th>
              <td class="kern-table__cell">
                {t('qualification.course.attended_of', { attended: p.attended, counted: p.counted, percent: p.completion.percent, needed: p.completion.neededSessions })}
              </td>
              <td class="kern-table__cell">
                {p.project_id ? (
                  <a class="kern-link" href={`${base}/praxisprojekte/${p.project_id}`}>
                    {t(`qualification.project.status.${p.project_status}`)}
                  </a>
                ) : (
                  t('qualification.project.status.none')
                )}
              </td>
              <td class="kern-table__cell">{p.completion.met ? t('qualification.course.met') : t('qualification.course.not_met')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TrainerCohortPage({
  cohort,
  sessions,
  progress,
  sessionForm,
  modules,
  towns,
  competence,
  competenceChart,
  minPercent,
  requiresProject,
}: {
  cohort: { id: number; title: string; programme_title: string; region: string; municipality_name: string | null; starts_on: string; ends_on: string };
  sessions: SessionRow[];
  progress: ProgressRow[];
  sessionForm: FormState;
  modules: Array<{ id: number; title: string }>;
  towns: Array<{ id: number; name: string }>;
  competence: { rows: CompetenceChangeRow[]; counts: { before: number; after: number }; meansFrom: Date | null };
  competenceChart: string | null;
  minPercent: number;
  requiresProject: boolean;
}) {
  const { t, locale } = useView();
  const base = `/kursleitung/kohorten/${cohort.id}`;
  const labels = {
    moduleId: t('qualification.trainer.module'),
    municipalityId: t('qualification.field.municipality'),
    startsAt: t('events.field.starts_at'),
    endsAt: t('events.field.ends_at'),
    mode: t('events.field.mode'),
    venue: t('events.field.venue'),
    address: t('events.field.address'),
    onlineUrl: t('events.field.online_url'),
  };
  return (
    <>
      <h1 class="kern-heading-large">
        {cohort.programme_title}: {cohort.title}
      </h1>
      <p class="kern-body">
        <CohortPlace cohort={cohort} /> · {formatDate(locale, cohort.starts_on)} – {formatDate(locale, cohort.ends_on)}
      </p>
      <p class="kern-body">{requiresProject ? t('qualification.public.rule_with_project', { percent: minPercent }) : t('qualification.public.rule_attendance', { percent: minPercent })}</p>
      <section aria-labelledby="sessions-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="sessions-heading">
          {t('qualification.trainer.sessions')}
        </h2>
        <SessionsTable base={base} sessions={sessions} />
        <h3 class="kern-heading-small">{t('qualification.trainer.new_session')}</h3>
        <ErrorSummary form={sessionForm} labels={labels} />
        <Form action={`${base}/termine`}>
          <SelectField
            form={sessionForm}
            name="moduleId"
            label={labels.moduleId}
            emptyLabel={t('qualification.trainer.no_module')}
            options={modules.map((m) => ({ value: String(m.id), label: m.title }))}
          />
          <SelectField form={sessionForm} name="municipalityId" label={labels.municipalityId} required options={towns.map((m) => ({ value: String(m.id), label: m.name }))} />
          <TextField form={sessionForm} name="startsAt" type="datetime-local" label={labels.startsAt} hint={t('qualification.trainer.berlin_time')} required />
          <TextField form={sessionForm} name="endsAt" type="datetime-local" label={labels.endsAt} required />
          <SelectField form={sessionForm} name="mode" label={labels.mode} required options={SESSION_MODES.map((m) => ({ value: m, label: t(`events.mode.${m}`) }))} />
          <TextField form={sessionForm} name="venue" label={labels.venue} maxLength={200} />
          <TextField form={sessionForm} name="address" label={labels.address} maxLength={300} />
          <TextField form={sessionForm} name="onlineUrl" type="url" label={labels.onlineUrl} maxLength={500} />
          <SubmitButton label={t('qualification.trainer.add_session')} kind="secondary" />
        </Form>
      </section>
      <section aria-labelledby="progress-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="progress-heading">
          {t('qualification.trainer.progress')}
        </h2>
        <p class="kern-hint">{t('qualification.course.rule_explained')}</p>
        <ProgressTable base={base} progress={progress} minPercent={minPercent} />
      </section>
      <CompetenceChange rows={competence.rows} counts={competence.counts} chartSvg={competenceChart} meansFrom={competence.meansFrom} />
    </>
  );
}
