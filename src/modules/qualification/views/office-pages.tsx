import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { Checkbox, ErrorSummary, Form, type FormState, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import { PROGRAMME_KINDS, TARGET_GROUPS } from '../tables.ts';
import type { Completion } from '../completion.ts';
import { CohortCertificates } from './certificate-pages.tsx';
import { CohortPlace, type CohortRow, type ModuleRow, ModulesTable, type ProgrammeSummary, programmeKind } from './public-pages.tsx';

function programmeLabels(t: (key: string) => string): Record<string, string> {
  return {
    kind: t('qualification.field.kind'),
    targetGroup: t('qualification.field.target_group'),
    title: t('qualification.field.title'),
    description: t('qualification.field.description'),
    minAttendancePercent: t('qualification.field.min_attendance'),
  };
}

function ProgrammeFields({ form }: { form: FormState }) {
  const { t } = useView();
  return (
    <>
      <SelectField form={form} name="kind" label={t('qualification.field.kind')} required options={PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`qualification.kind.${k}`) }))} />
      <SelectField
        form={form}
        name="targetGroup"
        label={t('qualification.field.target_group')}
        hint={t('qualification.field.target_group_hint')}
        emptyLabel={t('common.none')}
        options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`qualification.target.${g}`) }))}
      />
      <TextField form={form} name="title" label={t('qualification.field.title')} required maxLength={200} />
      <TextArea form={form} name="description" label={t('qualification.field.description')} rows={4} maxLength={10000} />
      <TextField form={form} name="minAttendancePercent" type="number" label={t('qualification.field.min_attendance')} hint={t('qualification.field.min_attendance_hint')} required min={0} max={100} />
      <Checkbox form={form} name="requiresProject" label={t('qualification.field.requires_project')} />
      <Checkbox form={form} name="published" label={t('qualification.field.published')} />
    </>
  );
}

export function OfficeProgrammesPage({ programmes, form }: { programmes: ProgrammeSummary[]; form: FormState }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('qualification.office.title')}</h1>
      <p class="kern-body">
        <a class="kern-link" href="/programmbuero/qualifizierung/wirkung">
          {t('qualification.office.reach_title')}
        </a>
      </p>
      <ul class="kern-list">
        {programmes.map((p) => (
          <li key={p.id}>
            <a class="kern-link" href={`/programmbuero/qualifizierung/${p.id}`}>
              {p.title}
            </a>{' '}
            ({programmeKind(t, p)}
            {p.published ? '' : `, ${t('qualification.office.unpublished')}`})
          </li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">{t('qualification.office.new_programme')}</h2>
      <ErrorSummary form={form} labels={programmeLabels(t)} />
      <Form action="/programmbuero/qualifizierung">
        <ProgrammeFields form={form} />
        <SubmitButton label={t('qualification.office.create')} />
      </Form>
    </>
  );
}

export function OfficeProgrammePage({
  programmeId,
  programmeForm,
  moduleForm,
  cohortForm,
  itemForm,
  items,
  modules,
  cohorts,
  towns,
}: {
  programmeId: number;
  programmeForm: FormState;
  moduleForm: FormState;
  cohortForm: FormState;
  itemForm: FormState;
  items: Array<{ id: number; statement: string }>;
  modules: ModuleRow[];
  cohorts: CohortRow[];
  towns: Array<{ id: number; name: string }>;
}) {
  const { t, locale } = useView();
  const base = `/programmbuero/qualifizierung/${programmeId}`;
  return (
    <>
      <h1 class="kern-heading-large">{programmeForm.values.title}</h1>
      <p class="kern-body">
        <a class="kern-link" href={`/qualifizierung/${programmeId}`}>
          {t('qualification.office.public_page')}
        </a>
      </p>
      <section aria-labelledby="programme-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="programme-heading">
          {t('qualification.office.programme')}
        </h2>
        <ErrorSummary form={programmeForm} labels={programmeLabels(t)} />
        <Form action={base}>
          <ProgrammeFields form={programmeForm} />
          <SubmitButton label={t('common.save')} />
        </Form>
      </section>
      <section aria-labelledby="modules-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="modules-heading">
          {t('qualification.public.modules')}
        </h2>
        <ModulesTable modules={modules} />
        <ul class="kern-list">
          {modules.map((m) => (
            <li key={m.id}>
              <a class="kern-link" href={`${base}/module/${m.id}/methoden`}>
                {t('qualification.office.module_methods_link', { title: m.title })}
              </a>{' '}
              <Form action={`${base}/module/${m.id}/loeschen`} class="vv-inline-form">
                <button type="submit" class="kern-btn kern-btn--tertiary" aria-label={`${t('common.delete')}: ${m.title}`}>
                  <span class="kern-label">
                    {t('common.delete')}: {m.title}
                  </span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <h3 class="kern-heading-small">{t('qualification.office.new_module')}</h3>
        <ErrorSummary
          form={moduleForm}
          labels={{ moduleTitle: t('qualification.field.module_title'), learningGoals: t('qualification.field.learning_goals'), hours: t('qualification.field.hours') }}
        />
        <Form action={`${base}/module`}>
          <TextField form={moduleForm} name="moduleTitle" label={t('qualification.field.module_title')} required maxLength={200} />
          <TextArea form={moduleForm} name="learningGoals" label={t('qualification.field.learning_goals')} rows={3} maxLength={3000} />
          <TextField form={moduleForm} name="hours" type="number" label={t('qualification.field.hours')} required min={0} max={999} />
          <SubmitButton label={t('qualification.office.add_module')} kind="secondary" />
        </Form>
      </section>
      <section aria-labelledby="competence-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="competence-heading">
          {t('qualification.office.items')}
        </h2>
        <p class="kern-hint">{t('qualification.office.items_hint')}</p>
        {items.length === 0 ? <p class="kern-body">{t('qualification.trainer.no_items')}</p> : null}
        <ol class="kern-list">
          {items.map((item) => (
            <li key={item.id}>
              {item.statement}{' '}
              <Form action={`${base}/kompetenzen/${item.id}/loeschen`} class="vv-inline-form">
                <button type="submit" class="kern-btn kern-btn--tertiary" aria-label={`${t('common.delete')}: ${item.statement}`}>
                  <span class="kern-label">{t('common.delete')}</span>
                </button>
              </Form>
            </li>
          ))}
        </ol>
        <ErrorSummary form={itemForm} labels={{ statement: t('qualification.office.item_statement') }} />
        <Form action={`${base}/kompetenzen`}>
          <TextField form={itemForm} name="statement" label={t('qualification.office.item_statement')} hint={t('qualification.office.item_statement_hint')} required maxLength={300} />
          <SubmitButton label={t('qualification.office.add_item')} kind="secondary" />
        </Form>
      </section>
      <section aria-labelledby="cohorts-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="cohorts-heading">
          {t('qualification.public.cohorts')}
        </h2>
        <ul class="kern-list">
          {cohorts.map((c) => (
            <li key={c.id}>
              <a class="kern-link" href={`/programmbuero/qualifizierung/kohorten/${c.id}`}>
                {c.title}
              </a>{' '}
              (<CohortPlace cohort={c} />, {formatDate(locale, c.starts_on)} – {formatDate(locale, c.ends_on)};{' '}
              {t('qualification.office.applications_count', { applied: Number(c.applied), approved: Number(c.approved), capacity: c.capacity })})
            </li>
          ))}
        </ul>
        <h3 class="kern-heading-small">{t('qualification.office.new_cohort')}</h3>
        <ErrorSummary
          form={cohortForm}
          labels={{
            cohortTitle: t('qualification.field.cohort_title'),
            municipalityId: t('qualification.field.municipality'),
            region: t('qualification.field.region'),
            startsOn: t('qualification.field.starts_on'),
            endsOn: t('qualification.field.ends_on'),
            capacity: t('qualification.field.capacity'),
          }}
        />
        <Form action={`${base}/kohorten`}>
          <TextField form={cohortForm} name="cohortTitle" label={t('qualification.field.cohort_title')} required maxLength={200} />
          <SelectField
            form={cohortForm}
            name="municipalityId"
            label={t('qualification.field.municipality')}
            emptyLabel={t('qualification.public.whole_state')}
            options={towns.map((m) => ({ value: String(m.id), label: m.name }))}
          />
          <TextField form={cohortForm} name="region" label={t('qualification.field.region')} hint={t('qualification.field.region_hint')} maxLength={200} />
          <TextField form={cohortForm} name="startsOn" type="date" label={t('qualification.field.starts_on')} required />
          <TextField form={cohortForm} name="endsOn" type="date" label={t('qualification.field.ends_on')} required />
          <TextField form={cohortForm} name="capacity" type="number" label={t('qualification.field.capacity')} required min={1} max={1000} />
          <SubmitButton label={t('qualification.office.create_cohort')} kind="secondary" />
        </Form>
      </section>
    </>
  );
}

export function OfficeCohortPage({
  cohort,
  trainers,
  candidates,
  enrolments,
  trainerForm,
  certificates,
  progress,
}: {
  cohort: { id: number; title: string; programme_id: number; programme_title: string; capacity: number };
  trainers: Array<{ id: number; display_name: string; email: string | null }>;
  candidates: Array<{ id: number; display_name: string; email: string | null }>;
  enrolments: Array<{ id: number; status: string; motivation: string; decision_note: string; created_at: Date; display_name: string | null; email: string | null }>;
  trainerForm: FormState;
  certificates: Array<{ code: string; holder_name: string; issued_on: string; revoked_at: Date | null; enrolment_id: number }>;
  progress: Array<{ enrolment_id: number; display_name: string | null; attended: number; counted: number; project_status: string | null; completion: Completion }>;
}) {
  const { t, locale } = useView();
  const base = `/programmbuero/qualifizierung/kohorten/${cohort.id}`;
  const certified = new Set(certificates.map((c) => c.enrolment_id));
  return (
    <>
      <h1 class="kern-heading-large">
        {cohort.programme_title}: {cohort.title}
      </h1>
      <p class="kern-body">
        <a class="kern-link" href={`/kursleitung/kohorten/${cohort.id}`}>
          {t('qualification.office.sessions_link')}
        </a>
      </p>
      <section aria-labelledby="trainers-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="trainers-heading">
          {t('qualification.office.trainers')}
        </h2>
        {trainers.length ? (
          <ul class="kern-list">
            {trainers.map((tr) => (
              <li key={tr.id}>
                {tr.display_name} ({tr.email})
              </li>
            ))}
          </ul>
        ) : (
          <p class="kern-body">{t('qualification.office.no_trainers')}</p>
        )}
        <ErrorSummary form={trainerForm} labels={{ trainerId: t('qualification.field.trainer') }} />
        <Form action={`${base}/trainer`}>
          <SelectField
            form={trainerForm}
            name="trainerId"
            label={t('qualification.field.trainer')}
            hint={t('qualification.field.trainer_hint')}
            required
            options={candidates.map((c) => ({ value: String(c.id), label: `${c.display_name} (${c.email})` }))}
          />
          <SubmitButton label={t('qualification.office.add_trainer')} kind="secondary" />
        </Form>
      </section>
      <section aria-labelledby="applications-heading" class="vv-section">
        <h2 class="kern-heading-medium" id="applications-heading">
          {t('qualification.office.applications')}
        </h2>
        {enrolments.length === 0 ? <p class="kern-body">{t('qualification.office.no_applications')}</p> : null}
        <ul class="vv-measures">
          {enrolments.map((e) => (
            <li class="vv-measure" key={e.id}>
              <h3 class="kern-heading-small">
                {e.display_name ?? t('auth.deleted_account')} · {t(`qualification.status.${e.status}`)}
              </h3>
              <p class="kern-body kern-body--small">
                {e.email} · {formatDate(locale, e.created_at)}
              </p>
              <p class="kern-body vv-prewrap">{e.motivation}</p>
              {e.decision_note ? <p class="kern-body vv-muted">{e.decision_note}</p> : null}
              {e.status === 'applied' ? (
                <Form action={`${base}/bewerbungen/${e.id}`} class="vv-form">
                  <TextField form={{ values: {}, errors: {} }} name={`note-${e.id}`} label={t('qualification.field.decision_note')} maxLength={1000} />
                  <div class="vv-actions">
                    <button type="submit" name="decision" value="approve" class="kern-btn kern-btn--primary">
                      <span class="kern-label">{t('qualification.office.approve')}</span>
                    </button>
                    <button type="submit" name="decision" value="reject" class="kern-btn kern-btn--secondary">
                      <span class="kern-label">{t('qualification.office.reject')}</span>
                    </button>
                  </div>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <CohortCertificates cohortId={cohort.id} certificates={certificates} pending={progress.filter((p) => p.display_name && !certified.has(p.enrolment_id))} />
    </>
  );
}
