import { ConfirmDelete, ErrorSummary, Form, FormActions, type FormState, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import { useView } from '../../../platform/views/context.ts';
import { RowActions } from '../../../platform/views/filters.tsx';

interface District {
  id: number;
  name: string;
  description: string;
}

function DistrictFields({ form }: { form: FormState }) {
  const { t } = useView();
  return (
    <>
      <TextField form={form} name="name" label={t('municipalities.districts.name')} required maxLength={100} />
      <TextArea form={form} name="description" label={t('municipalities.districts.description')} rows={3} maxLength={1000} />
    </>
  );
}

function labels(t: (key: string) => string) {
  return { name: t('municipalities.districts.name'), description: t('municipalities.districts.description') };
}

export function DistrictListPage({ ags, name, districts, form }: { ags: string; name: string; districts: District[]; form: FormState }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('municipalities.districts.manage_title', { name })}</h1>
      <p class="kern-body">{t('municipalities.districts.lead')}</p>
      {districts.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('municipalities.districts.title')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__cell">
                  {t('municipalities.districts.name')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('municipalities.districts.description')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('common.actions')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {districts.map((d) => (
                <tr class="kern-table__row" key={d.id}>
                  <th scope="row" class="kern-table__cell">
                    {d.name}
                  </th>
                  <td class="kern-table__cell">{d.description}</td>
                  <td class="kern-table__cell vv-table-actions">
                    <RowActions editHref={`/verwaltung/${ags}/ortsteile/${d.id}`} deleteHref={`/verwaltung/${ags}/ortsteile/${d.id}/loeschen`} name={d.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('municipalities.districts.none')}</p>
      )}
      <h2 class="kern-heading-medium">{t('municipalities.districts.add')}</h2>
      <ErrorSummary form={form} labels={labels(t)} />
      <Form action={`/verwaltung/${ags}/ortsteile`}>
        <DistrictFields form={form} />
        <SubmitButton label={t('municipalities.districts.add')} />
      </Form>
    </>
  );
}

export function DistrictEditPage({ ags, form }: { ags: string; form: FormState }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('municipalities.districts.edit_title')}</h1>
      <ErrorSummary form={form} labels={labels(t)} />
      <Form action={`/verwaltung/${ags}/ortsteile/${form.values.id}`}>
        <DistrictFields form={form} />
        <FormActions submitLabel={t('common.save')} cancelHref={`/verwaltung/${ags}/ortsteile`} />
      </Form>
    </>
  );
}

export function DistrictDeletePage({ ags, district }: { ags: string; district: District }) {
  const { t } = useView();
  return (
    <ConfirmDelete name={district.name} action={`/verwaltung/${ags}/ortsteile/${district.id}/loeschen`} cancelHref={`/verwaltung/${ags}/ortsteile`} note={t('municipalities.districts.delete_note')} />
  );
}
