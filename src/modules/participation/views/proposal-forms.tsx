import { useView } from '../../../platform/views/context.ts';
import { Checkbox, ErrorSummary, FileField, Form, FormActions, type FormState, SelectField, TextArea, TextField } from '../../../platform/views/forms.tsx';

/** Choosing a place: from the process's list, or by clicking the town's map (an image button, no JavaScript). */
function LocationInputs({ form, places, map }: { form: FormState; places: string[]; map: { src: string; size: number; town: string } }) {
  const { t } = useView();
  const error = form.errors.karte;
  const hasPoint = Boolean(form.values.latitude && form.values.longitude);
  return (
    <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} id="karte" aria-describedby={`karte-hint${error ? ' karte-error' : ''}`}>
      <legend class="kern-label">
        {t('participation.location.legend')} <span class="kern-label__optional">– {t('forms.optional')}</span>
      </legend>
      <p class="kern-hint" id="karte-hint">
        {t('participation.location.hint')}
      </p>
      {error ? (
        <p class="kern-error" id="karte-error">
          <span class="kern-body">{t(error.key, error.params)}</span>
        </p>
      ) : null}
      {places.length ? (
        <SelectField form={form} name="place" label={t('participation.location.place')} emptyLabel={t('participation.location.no_place')} options={places.map((p) => ({ value: p, label: p }))} />
      ) : null}
      <input type="image" name="karte" src={map.src} alt={t('participation.location.map_button', { town: map.town })} width={map.size} height={map.size} class="vv-point-map" formNoValidate />
      {hasPoint ? (
        <>
          <input type="hidden" name="latitude" value={form.values.latitude} />
          <input type="hidden" name="longitude" value={form.values.longitude} />
          <Checkbox form={form} name="keepPoint" label={t('participation.location.keep', { latitude: form.values.latitude ?? '', longitude: form.values.longitude ?? '' })} />
        </>
      ) : null}
    </fieldset>
  );
}

/** Title, text, field of action and district: the same for a proposal made online and one from paper. */
function ProposalInputs({ form, fields, districts }: { form: FormState; fields: Array<{ id: number; name: string }>; districts: Array<{ id: number; name: string }> }) {
  const { t } = useView();
  return (
    <>
      <TextField form={form} name="title" label={t('participation.proposal.title_field')} required maxLength={200} />
      <TextArea form={form} name="body" label={t('participation.proposal.body')} hint={t('participation.proposal.body_hint')} required rows={8} maxLength={10000} />
      <SelectField
        form={form}
        name="fieldId"
        label={t('strategy.measure.field')}
        emptyLabel={t('participation.process.no_field')}
        options={fields.map((f) => ({ value: String(f.id), label: f.name }))}
      />
      <SelectField
        form={form}
        name="districtId"
        label={t('strategy.measure.district')}
        emptyLabel={t('strategy.measure.whole_town')}
        options={districts.map((d) => ({ value: String(d.id), label: d.name }))}
      />
    </>
  );
}

export function ProposalFormPage({
  title,
  action,
  cancel,
  form,
  fields,
  districts,
  withImages,
  places,
  map,
}: {
  title: string;
  action: string;
  cancel: string;
  form: FormState;
  fields: Array<{ id: number; name: string }>;
  districts: Array<{ id: number; name: string }>;
  withImages: boolean;
  places: string[];
  map: { src: string; size: number; town: string };
}) {
  const { t } = useView();
  const labels: Record<string, string> = {
    title: t('participation.proposal.title_field'),
    body: t('participation.proposal.body'),
    fieldId: t('strategy.measure.field'),
    districtId: t('strategy.measure.district'),
    place: t('participation.location.place'),
    karte: t('participation.location.legend'),
  };
  for (const n of [1, 2, 3]) {
    labels[`image${n}`] = t('participation.images.file', { n });
    labels[`alt${n}`] = t('participation.images.alt', { n });
  }
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary form={form} labels={labels} />
      <Form action={action} multipart={withImages}>
        <ProposalInputs form={form} fields={fields} districts={districts} />
        <LocationInputs form={form} places={places} map={map} />
        {withImages ? (
          <fieldset class="kern-fieldset vv-phases">
            <legend class="kern-label">{t('participation.images.legend')}</legend>
            <p class="kern-hint">{t('participation.images.hint')}</p>
            {[1, 2, 3].map((n) => (
              <div class="vv-phase-row" key={n}>
                <FileField form={form} name={`image${n}`} accept="image/png,image/jpeg" label={labels[`image${n}`] as string} />
                <TextField form={form} name={`alt${n}`} label={labels[`alt${n}`] as string} hint={t('participation.images.alt_hint')} maxLength={300} />
              </div>
            ))}
          </fieldset>
        ) : null}
        <FormActions submitLabel={t('participation.proposal.submit')} cancelHref={cancel} />
      </Form>
    </>
  );
}

export function OfflinePage({
  action,
  cancel,
  form,
  fields,
  districts,
}: {
  action: string;
  cancel: string;
  form: FormState;
  fields: Array<{ id: number; name: string }>;
  districts: Array<{ id: number; name: string }>;
}) {
  const { t } = useView();
  const labels = {
    title: t('participation.proposal.title_field'),
    body: t('participation.proposal.body'),
    source: t('participation.offline.source'),
    fieldId: t('strategy.measure.field'),
    districtId: t('strategy.measure.district'),
  };
  return (
    <>
      <h1 class="kern-heading-large">{t('participation.offline.title')}</h1>
      <p class="kern-body">{t('participation.offline.lead')}</p>
      <ErrorSummary form={form} labels={labels} />
      <Form action={action}>
        <TextField form={form} name="source" label={labels.source} hint={t('participation.offline.source_hint')} required maxLength={200} />
        <ProposalInputs form={form} fields={fields} districts={districts} />
        <FormActions submitLabel={t('participation.offline.submit')} cancelHref={cancel} />
      </Form>
    </>
  );
}
