import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.tsx';
import { AdminNav } from './parts.tsx';

export function ParticipationPage({
  participants,
  municipalities,
  form,
}: {
  participants: Array<{ id: number; ags: string; name: string; county_name: string; joined_on: string; cohort_label: string }>;
  municipalities: Array<{ id: number; name: string; county_name: string }>;
  form: FormState;
}) {
  const { t, locale } = useView();
  const labels = { municipalityId: t('admin.participation.municipality'), joinedOn: t('admin.participation.joined_on'), cohort: t('admin.participation.cohort') };
  return (
    <>
      <h1 class="kern-heading-large">{t('admin.participation.title')}</h1>
      <AdminNav current="participation" />
      <div class="kern-table-responsive">
        <table class="kern-table kern-table--striped">
          <caption class="kern-title">{t('admin.participation.caption', { count: participants.length })}</caption>
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              <th scope="col" class="kern-table__cell">
                {t('admin.participation.municipality')}
              </th>
              <th scope="col" class="kern-table__cell">
                {t('admin.participation.joined_on')}
              </th>
              <th scope="col" class="kern-table__cell">
                {t('admin.participation.cohort')}
              </th>
              <th scope="col" class="kern-table__cell">
                {t('common.actions')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {participants.map((p) => (
              <tr class="kern-table__row" key={p.id}>
                <th scope="row" class="kern-table__cell">
                  <a class="kern-link" href={`/kommunen/${p.ags}`}>
                    {p.name}
                  </a>
                </th>
                <td class="kern-table__cell">{formatDate(locale, p.joined_on)}</td>
                <td class="kern-table__cell">{p.cohort_label}</td>
                <td class="kern-table__cell">
                  <a class="kern-link" href={`/programmbuero/teilnahme/${p.ags}/beenden`}>
                    {t('admin.participation.end')}
                    <span class="vv-visually-hidden">: {p.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 class="kern-heading-medium">{t('admin.participation.add')}</h2>
      <p class="kern-body">{t('admin.participation.add_hint')}</p>
      <ErrorSummary form={form} labels={labels} />
      <Form action="/programmbuero/teilnahme">
        <SelectField
          form={form}
          name="municipalityId"
          label={labels.municipalityId}
          required
          emptyLabel={t('admin.participation.choose')}
          options={municipalities.map((m) => ({ value: String(m.id), label: `${m.name} (${m.county_name})` }))}
        />
        <TextField form={form} name="joinedOn" type="date" label={labels.joinedOn} required />
        <TextField form={form} name="cohort" label={labels.cohort} hint={t('admin.participation.cohort_hint')} maxLength={100} />
        <SubmitButton label={t('admin.participation.add')} />
      </Form>
    </>
  );
}
