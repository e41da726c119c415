import type { AssessmentPhase } from '../../tables.ts';
import { formatDate } from '../../../../platform/i18n/catalog.ts';
import { ProgressBar } from '../../../../platform/views/components.tsx';
import { useView } from '../../../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState, RadioGroup, TextArea } from '../../../../platform/views/forms.tsx';
import type { Completion } from '../../completion.ts';
import type { AssessmentWindow } from '../service.ts';
import { CohortPlace } from '../../views/public-pages.tsx';
import { ProjectComments, type ProjectComment } from './review-pages.tsx';

export const PHASE_SLUGS: Record<AssessmentPhase, string> = { before: 'vorher', after: 'nachher' };

interface OwnSession {
  id: number;
  title: string;
  description: string;
  address: string;
  starts_at: Date;
  ends_at: Date;
  venue: string;
  online_url: string;
  cancelled_at: Date | null;
  module_title: string | null;
  municipality_name: string;
  attended: boolean | null;
  /** Whether the session counts for this trainee (SESSION_COUNTS in the repository). */
  counts: boolean;
}

/** The trainee's course: sessions with their own mark, progress against the rule, project and self-assessment. */
export function MyCohortPage({
  cohort,
  rule,
  progress,
  sessions,
  projectStatus,
  windows,
  hasItems,
}: {
  cohort: { id: number; title: string; programme_title: string; region: string; municipality_name: string | null };
  rule: { minPercent: number; requiresProject: boolean };
  progress: { counted: number; attended: number; held: number; completion: Completion };
  sessions: OwnSession[];
  projectStatus: string | null;
  windows: Record<AssessmentPhase, AssessmentWindow>;
  hasItems: boolean;
}) {
  const { t, locale } = useView();
  const base = `/qualifizierung/kohorten/${cohort.id}`;
  const c = progress.completion;
  return (
    <>
      <h1 class="kern-heading-large">
        {cohort.programme_title}: {cohort.title}
      </h1>
      <p class="kern-body">
        <CohortPlace cohort={cohort} />
      </p>
      <section aria-labelledby="progress-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="progress-heading">
          {t('qualification.course.progress')}
        </h2>
        <p class="kern-body">
          <strong>{t('qualification.public.completion')}:</strong>{' '}
          {rule.requiresProject ? t('qualification.public.rule_with_project', { percent: rule.minPercent }) : t('qualification.public.rule_attendance', { percent: rule.minPercent })}
        </p>
        <p class="kern-body">{t('qualification.course.attended_of', { attended: progress.attended, counted: progress.counted, percent: c.percent, needed: c.neededSessions })}</p>
        <ProgressBar
          value={Math.min(100, c.percent)}
          label={t('qualification.course.attended_of', { attended: progress.attended, counted: progress.counted, percent: c.percent, needed: c.neededSessions })}
        />
        <ul class="kern-list">
          <li>{c.attendanceMet ? t('qualification.course.attendance_met') : t('qualification.course.attendance_open', { needed: Math.max(0, c.neededSessions - progress.attended) })}</li>
          {rule.requiresProject ? <li>{c.projectMet ? t('qualification.course.project_met') : t('qualification.course.project_open')}</li> : null}
          <li>
            <strong>{c.met ? t('qualification.course.met') : t('qualification.course.not_met')}</strong>
          </li>
        </ul>
        <p class="kern-hint">{t('qualification.course.rule_explained')}</p>
      </section>
      <section aria-labelledby="sessions-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="sessions-heading">
          {t('qualification.course.sessions')}
        </h2>
        {sessions.length ? (
          <p class="kern-body">
            <a class="kern-link" href={`${base}/termine.ics`}>
              {t('qualification.course.calendar')}
            </a>
          </p>
        ) : null}
        {sessions.length === 0 ? (
          <p class="kern-body">{t('qualification.course.no_sessions')}</p>
        ) : (
          <ul class="vv-measures">
            {sessions.map((s) => (
              <li class="vv-measure" key={s.id}>
                <h3 class="kern-heading-small">
                  {formatDate(locale, s.starts_at, true)} · {s.module_title ?? s.title}
                </h3>
                <p class="kern-body kern-body--small">
                  {[s.venue, s.municipality_name].filter(Boolean).join(', ')}
                  {s.online_url ? (
                    <>
                      {' · '}
                      <a class="kern-link" href={s.online_url}>
                        {t('qualification.course.online_link')}
                      </a>
                    </>
                  ) : null}
                </p>
                <p class="kern-body">
                  {s.cancelled_at
                    ? t('qualification.course.session_cancelled')
                    : !s.counts
                      ? t('qualification.course.before_enrolment')
                      : s.attended === true
                        ? t('qualification.course.present')
                        : s.attended === false
                          ? t('qualification.course.absent')
                          : s.starts_at > new Date()
                            ? t('qualification.course.upcoming')
                            : t('qualification.course.not_recorded')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {rule.requiresProject ? (
        <section aria-labelledby="project-heading" class="vv-section">
          <h2 class="kern-heading-medium" id="project-heading">
            {t('qualification.project.title')}
          </h2>
          <p class="kern-body">
            {t('qualification.project.state')}: {t(`qualification.project.status.${projectStatus ?? 'none'}`)}
          </p>
          <p class="kern-body">
            <a class="kern-link" href={`${base}/praxisprojekt`}>
              {projectStatus ? t('qualification.project.open') : t('qualification.project.start')}
            </a>
          </p>
        </section>
      ) : null}
      {hasItems ? (
        <section aria-labelledby="assessment-heading" class="vv-section">
          <h2 class="kern-heading-medium" id="assessment-heading">
            {t('qualification.assessment.title')}
          </h2>
          <p class="kern-body">{t('qualification.assessment.lead')}</p>
          <ul class="kern-list">
            {(['before', 'after'] as const).map((phase) => (
              <li key={phase}>
                {windows[phase] === 'open' ? (
                  <a class="kern-link" href={`${base}/selbsteinschaetzung/${PHASE_SLUGS[phase]}`}>
                    {t(`qualification.assessment.${phase}`)}
                  </a>
                ) : (
                  t(`qualification.assessment.${phase}`)
                )}
                : {t(`qualification.assessment.window.${windows[phase]}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function ProjectPage({ cohortId, status, form, comments }: { cohortId: number; status: string | null; form: FormState; comments: ProjectComment[] }) {
  const { t } = useView();
  const labels = {
    goal: t('qualification.project.goal'),
    organisation: t('qualification.project.organisation'),
    steps: t('qualification.project.steps'),
    result: t('qualification.project.result'),
  };
  const approved = status === 'approved';
  return (
    <>
      <h1 class="kern-heading-large">{t('qualification.project.title')}</h1>
      <p class="kern-body">{t('qualification.project.lead')}</p>
      <p class="kern-body">
        <strong>{t('qualification.project.state')}:</strong> {t(`qualification.project.status.${status ?? 'none'}`)}
      </p>
      <ProjectComments comments={comments} />
      {approved ? (
        <dl class="kern-description-list">
          {(Object.keys(labels) as Array<keyof typeof labels>).map((key) => (
            <div class="kern-description-list-item" key={key}>
              <dt class="kern-description-list-item__key">{labels[key]}</dt>
              <dd class="kern-description-list-item__value vv-prewrap">{form.values[key] || '–'}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <>
          <ErrorSummary form={form} labels={labels} />
          <Form action={`/qualifizierung/kohorten/${cohortId}/praxisprojekt`}>
            <TextArea form={form} name="goal" label={labels.goal} hint={t('qualification.project.goal_hint')} required rows={3} maxLength={3000} />
            <TextArea form={form} name="organisation" label={labels.organisation} hint={t('qualification.project.organisation_hint')} rows={2} maxLength={1000} />
            <TextArea form={form} name="steps" label={labels.steps} rows={5} maxLength={5000} />
            <TextArea form={form} name="result" label={labels.result} hint={t('qualification.project.result_hint')} rows={5} maxLength={5000} />
            <div class="vv-actions">
              <button type="submit" name="action" value="submit" class="kern-btn kern-btn--primary">
                <span class="kern-label">{t('qualification.project.submit')}</span>
              </button>
              <button type="submit" name="action" value="draft" class="kern-btn kern-btn--secondary">
                <span class="kern-label">{t('qualification.project.save_draft')}</span>
              </button>
            </div>
          </Form>
        </>
      )}
      <p class="kern-body">
        <a class="kern-link" href={`/qualifizierung/kohorten/${cohortId}`}>
          {t('qualification.course.back')}
        </a>
      </p>
    </>
  );
}

export function AssessmentPage({ cohortId, phase, items, form }: { cohortId: number; phase: AssessmentPhase; items: Array<{ id: number; statement: string }>; form: FormState }) {
  const { t } = useView();
  const options = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`qualification.assessment.scale.${n}`) }));
  const labels = Object.fromEntries(items.map((i) => [`item-${i.id}`, i.statement]));
  return (
    <>
      <h1 class="kern-heading-large">{t(`qualification.assessment.${phase}`)}</h1>
      <p class="kern-body">{t('qualification.assessment.intro')}</p>
      <ErrorSummary form={form} labels={labels} />
      <Form action={`/qualifizierung/kohorten/${cohortId}/selbsteinschaetzung/${PHASE_SLUGS[phase]}`}>
        {items.map((item) => (
          <RadioGroup key={item.id} form={form} name={`item-${item.id}`} legend={item.statement} options={options} preselectFirst={false} />
        ))}
        <div class="vv-actions">
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{t('qualification.assessment.send')}</span>
          </button>
        </div>
      </Form>
    </>
  );
}
