import { formatDate } from '../../../../platform/i18n/catalog.ts';
import { useView } from '../../../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState, SubmitButton, TextArea } from '../../../../platform/views/forms.tsx';

/** The trainer's pages for one session's attendance and one practice project, below the cohort page. */

function BackToCohort({ cohortId }: { cohortId: number }) {
  const { t } = useView();
  return (
    <p class="kern-body">
      <a class="kern-link" href={`/kursleitung/kohorten/${cohortId}`}>
        {t('qualification.trainer.back')}
      </a>
    </p>
  );
}

export function AttendancePage({
  cohortId,
  session,
  trainees,
}: {
  cohortId: number;
  session: { id: number; title: string; starts_at: Date; module_title: string | null };
  trainees: Array<{ id: number; display_name: string | null; attended: boolean | null }>;
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('qualification.trainer.attendance_title', { when: formatDate(locale, session.starts_at, true) })}</h1>
      <p class="kern-body">{session.module_title ?? session.title}</p>
      {trainees.length === 0 ? (
        <p class="kern-body">{t('qualification.trainer.no_trainees')}</p>
      ) : (
        <Form action={`/kursleitung/kohorten/${cohortId}/termine/${session.id}/anwesenheit`}>
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{t('qualification.trainer.attendance_legend')}</legend>
            <p class="kern-hint">{t('qualification.trainer.attendance_hint')}</p>
            {trainees.map((p) => (
              <div class="kern-form-check" key={p.id}>
                <input class="kern-form-check__checkbox" type="checkbox" id={`present-${p.id}`} name="present" value={String(p.id)} checked={p.attended === true} />
                <label class="kern-label" for={`present-${p.id}`}>
                  {p.display_name ?? t('auth.deleted_account')}
                  {p.attended === null ? ` (${t('qualification.trainer.not_recorded')})` : ''}
                </label>
              </div>
            ))}
          </fieldset>
          <SubmitButton label={t('qualification.trainer.save_attendance')} />
        </Form>
      )}
      <BackToCohort cohortId={cohortId} />
    </>
  );
}

export interface ProjectView {
  id: number;
  goal: string;
  organisation: string;
  steps: string;
  result: string;
  status: string;
  display_name: string | null;
  submitted_at: Date | null;
}

export interface ProjectComment {
  id: number;
  body: string;
  decision: string | null;
  created_at: Date;
  display_name: string | null;
}

export function ProjectComments({ comments }: { comments: ProjectComment[] }) {
  const { t, locale } = useView();
  if (!comments.length) return null;
  return (
    <section aria-labelledby="comments-heading" class="vv-section">
      <h2 class="kern-heading-medium" id="comments-heading">
        {t('qualification.project.comments')}
      </h2>
      <ul class="vv-measures">
        {comments.map((c) => (
          <li class="vv-measure" key={c.id}>
            <p class="kern-body kern-body--small">
              {c.display_name ?? t('auth.deleted_account')} · {formatDate(locale, c.created_at, true)}
              {c.decision ? ` · ${t(`qualification.project.status.${c.decision}`)}` : ''}
            </p>
            <p class="kern-body vv-prewrap">{c.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ProjectReviewPage({ cohortId, project, comments, form }: { cohortId: number; project: ProjectView; comments: ProjectComment[]; form: FormState }) {
  const { t } = useView();
  const fields: Array<[keyof ProjectView, string]> = [
    ['goal', 'qualification.project.goal'],
    ['organisation', 'qualification.project.organisation'],
    ['steps', 'qualification.project.steps'],
    ['result', 'qualification.project.result'],
  ];
  return (
    <>
      <h1 class="kern-heading-large">{t('qualification.trainer.project_title', { name: project.display_name ?? t('auth.deleted_account') })}</h1>
      <p class="kern-body">
        <strong>{t('qualification.project.state')}:</strong> {t(`qualification.project.status.${project.status}`)}
      </p>
      <dl class="kern-description-list">
        {fields.map(([key, label]) => (
          <div class="kern-description-list-item" key={key}>
            <dt class="kern-description-list-item__key">{t(label)}</dt>
            <dd class="kern-description-list-item__value vv-prewrap">{String(project[key] ?? '') || '–'}</dd>
          </div>
        ))}
      </dl>
      <ProjectComments comments={comments} />
      <h2 class="kern-heading-medium">{t('qualification.trainer.review')}</h2>
      <ErrorSummary form={form} labels={{ comment: t('qualification.trainer.comment') }} />
      <Form action={`/kursleitung/kohorten/${cohortId}/praxisprojekte/${project.id}`}>
        <TextArea form={form} name="comment" label={t('qualification.trainer.comment')} hint={t('qualification.trainer.comment_hint')} rows={4} maxLength={5000} />
        <div class="vv-actions">
          {project.status === 'submitted' ? (
            <>
              <button type="submit" name="decision" value="approved" class="kern-btn kern-btn--primary">
                <span class="kern-label">{t('qualification.trainer.approve_project')}</span>
              </button>
              <button type="submit" name="decision" value="changes_requested" class="kern-btn kern-btn--secondary">
                <span class="kern-label">{t('qualification.trainer.request_changes')}</span>
              </button>
            </>
          ) : null}
          <button type="submit" name="decision" value="comment" class="kern-btn kern-btn--tertiary">
            <span class="kern-label">{t('qualification.trainer.comment_only')}</span>
          </button>
        </div>
      </Form>
      <BackToCohort cohortId={cohortId} />
    </>
  );
}
