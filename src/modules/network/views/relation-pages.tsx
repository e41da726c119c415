import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { RowActions } from '../../../platform/views/filters.tsx';
import { Checkbox, ErrorSummary, Form, FormActions, type FormState, type Option, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import { COOPERATION_TYPES, type CooperationType, MEMBERSHIP_ROLES, type MembershipRole } from '../tables.ts';
import type { PersonHit } from '../duplicates-repository.ts';
import { PersonHits } from './person-merge-pages.tsx';
import { NetworkNav } from './workspace-pages.tsx';

function Dates({ startsOn, endsOn }: { startsOn: string | null; endsOn: string | null }) {
  const { t, locale } = useView();
  if (!startsOn && !endsOn) return <>{t('network.workspace.open_period')}</>;
  return (
    <>
      {startsOn ? formatDate(locale, startsOn) : '…'} – {endsOn ? formatDate(locale, endsOn) : '…'}
    </>
  );
}

export interface PersonRow {
  id: number;
  name: string;
  user_id: number | null;
  consent_purpose: string;
  consent_version: string;
  consent_given_at: Date;
  membership_count: number | null;
}

const personLabels = (t: (key: string) => string) =>
  Object.fromEntries(['name', 'consentPurpose', 'consentVersion', 'consentGivenOn', 'userEmail'].map((f) => [f, t(`network.workspace.person.${f}`)]));

export function PeoplePage({ ags, people, roles = new Map(), form, hits = [] }: { ags: string; people: PersonRow[]; roles?: Map<number, string[]>; form: FormState; hits?: PersonHit[] }) {
  const { t, locale } = useView();
  const base = `/verwaltung/${ags}/netzwerk/personen`;
  const labels = personLabels(t);
  return (
    <>
      <h1 class="kern-heading-large">{t('network.workspace.person.list_title')}</h1>
      <NetworkNav ags={ags} current="people" />
      <p class="kern-body">{t('network.workspace.person.lead')}</p>
      <p class="kern-body">
        <a class="kern-link" href={`${base}.csv`}>
          {t('network.workspace.person.export')}
        </a>
      </p>
      {people.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('network.workspace.person.list_title')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['name', 'consent', 'memberships', 'actions'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`network.workspace.person.column_${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {people.map((p) => (
                <tr class="kern-table__row" key={p.id}>
                  <th scope="row" class="kern-table__cell">
                    {p.name}
                    {p.user_id ? ` (${t('network.workspace.person.linked')})` : ''}{' '}
                    {(p.user_id ? (roles.get(p.user_id) ?? []) : []).map((kind) => (
                      <span key={kind} class="kern-badge kern-badge--info">
                        {t(`network.workspace.person.qualified_${kind}`)}
                      </span>
                    ))}
                  </th>
                  <td class="kern-table__cell">
                    {t('network.workspace.person.consent_text', { purpose: p.consent_purpose, version: p.consent_version, date: formatDate(locale, p.consent_given_at) })}
                  </td>
                  <td class="kern-table__cell">{p.membership_count ?? 0}</td>
                  <td class="kern-table__cell">
                    <a class="kern-link" href={`${base}/${p.id}/widerrufen`}>
                      {t('network.workspace.person.revoke')}
                      <span class="vv-visually-hidden">: {p.name}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('network.workspace.person.empty')}</p>
      )}
      <h2 class="kern-heading-medium">{t('network.workspace.person.add')}</h2>
      <ErrorSummary form={form} labels={labels} />
      <PersonHits hits={hits} />
      <Form action={base}>
        <TextField form={form} name="name" label={labels.name ?? ''} required maxLength={200} />
        <TextField form={form} name="consentPurpose" label={labels.consentPurpose ?? ''} hint={t('network.workspace.person.purpose_hint')} required maxLength={500} />
        <TextField form={form} name="consentVersion" label={labels.consentVersion ?? ''} required maxLength={50} />
        <TextField form={form} name="consentGivenOn" type="date" label={labels.consentGivenOn ?? ''} required />
        <TextField form={form} name="userEmail" type="email" label={labels.userEmail ?? ''} hint={t('network.workspace.person.user_hint')} maxLength={254} />
        {hits.length ? <Checkbox form={form} name="notDuplicate" label={t('network.workspace.person.confirm_new')} /> : null}
        <SubmitButton label={t('network.workspace.person.add')} />
      </Form>
    </>
  );
}

export function RevokePage({ ags, id, name }: { ags: string; id: number; name: string }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/netzwerk/personen`;
  return (
    <>
      <h1 class="kern-heading-large">{t('network.workspace.person.revoke_title')}</h1>
      <p class="kern-body">{t('network.workspace.person.revoke_text', { name })}</p>
      <Form action={`${base}/${id}/widerrufen`}>
        <FormActions submitLabel={t('network.workspace.person.revoke')} cancelHref={base} />
      </Form>
    </>
  );
}

export interface MembershipRow {
  id: number;
  role: MembershipRole;
  starts_on: string | null;
  ends_on: string | null;
  person_name: string;
  organisation_name: string;
}

const membershipLabels = (t: (key: string) => string) => Object.fromEntries(['personId', 'organisationId', 'role', 'startsOn', 'endsOn'].map((f) => [f, t(`network.workspace.membership.${f}`)]));

export function MembershipsPage({ ags, memberships, people, organisations, form }: { ags: string; memberships: MembershipRow[]; people: Option[]; organisations: Option[]; form: FormState }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/netzwerk/mitgliedschaften`;
  const labels = membershipLabels(t);
  return (
    <>
      <h1 class="kern-heading-large">{t('network.workspace.membership.list_title')}</h1>
      <NetworkNav ags={ags} current="memberships" />
      {memberships.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('network.workspace.membership.list_title')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['organisationId', 'personId', 'role', 'period', 'actions'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`network.workspace.membership.${c === 'actions' || c === 'period' ? `column_${c}` : c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {memberships.map((m) => (
                <tr class="kern-table__row" key={m.id}>
                  <th scope="row" class="kern-table__cell">
                    {m.organisation_name}
                  </th>
                  <td class="kern-table__cell">{m.person_name}</td>
                  <td class="kern-table__cell">{t(`network.workspace.role.${m.role}`)}</td>
                  <td class="kern-table__cell">
                    <Dates startsOn={m.starts_on} endsOn={m.ends_on} />
                  </td>
                  <td class="kern-table__cell">
                    <a class="kern-link" href={`${base}/${m.id}/loeschen`}>
                      {t('common.delete')}
                      <span class="vv-visually-hidden">: {`${m.person_name} – ${m.organisation_name}`}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('network.workspace.membership.empty')}</p>
      )}
      <h2 class="kern-heading-medium">{t('network.workspace.membership.add')}</h2>
      <ErrorSummary form={form} labels={labels} />
      <Form action={base}>
        <SelectField form={form} name="personId" label={labels.personId ?? ''} required emptyLabel="" options={people} />
        <SelectField form={form} name="organisationId" label={labels.organisationId ?? ''} required emptyLabel="" options={organisations} />
        <SelectField form={form} name="role" label={labels.role ?? ''} required options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: t(`network.workspace.role.${r}`) }))} />
        <TextField form={form} name="startsOn" type="date" label={labels.startsOn ?? ''} />
        <TextField form={form} name="endsOn" type="date" label={labels.endsOn ?? ''} />
        <SubmitButton label={t('network.workspace.membership.add')} />
      </Form>
    </>
  );
}

export interface CooperationRow {
  id: number;
  type: CooperationType;
  starts_on: string;
  ends_on: string | null;
  description: string;
  organisation_name: string;
  partner_name: string;
}

export const cooperationLabels = (t: (key: string) => string) =>
  Object.fromEntries(['organisationId', 'partnerId', 'type', 'startsOn', 'endsOn', 'description', 'outputs'].map((f) => [f, t(`network.workspace.cooperation.${f}`)]));

function CooperationFields({ form, organisations }: { form: FormState; organisations: Option[] }) {
  const { t } = useView();
  const labels = cooperationLabels(t);
  return (
    <>
      <SelectField form={form} name="organisationId" label={labels.organisationId ?? ''} required emptyLabel="" options={organisations} />
      <SelectField form={form} name="partnerId" label={labels.partnerId ?? ''} required emptyLabel="" options={organisations} />
      <SelectField form={form} name="type" label={labels.type ?? ''} required options={COOPERATION_TYPES.map((c) => ({ value: c, label: t(`network.workspace.cooperation_type.${c}`) }))} />
      <TextField form={form} name="startsOn" type="date" label={labels.startsOn ?? ''} required />
      <TextField form={form} name="endsOn" type="date" label={labels.endsOn ?? ''} hint={t('network.workspace.cooperation.ends_hint')} />
      <TextArea form={form} name="description" label={labels.description ?? ''} rows={3} maxLength={2000} />
      <TextArea form={form} name="outputs" label={labels.outputs ?? ''} rows={3} maxLength={2000} />
    </>
  );
}

export function CooperationsPage({ ags, cooperations, organisations, form }: { ags: string; cooperations: CooperationRow[]; organisations: Option[]; form: FormState }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/netzwerk/kooperationen`;
  return (
    <>
      <h1 class="kern-heading-large">{t('network.workspace.cooperation.list_title')}</h1>
      <NetworkNav ags={ags} current="cooperations" />
      {cooperations.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('network.workspace.cooperation.list_title')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['organisationId', 'partnerId', 'type', 'column_period', 'column_actions'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`network.workspace.cooperation.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {cooperations.map((c) => (
                <tr class="kern-table__row" key={c.id}>
                  <th scope="row" class="kern-table__cell">
                    {c.organisation_name}
                  </th>
                  <td class="kern-table__cell">{c.partner_name}</td>
                  <td class="kern-table__cell">{t(`network.workspace.cooperation_type.${c.type}`)}</td>
                  <td class="kern-table__cell">
                    <Dates startsOn={c.starts_on} endsOn={c.ends_on} />
                  </td>
                  <td class="kern-table__cell">
                    <RowActions editHref={`${base}/${c.id}`} deleteHref={`${base}/${c.id}/loeschen`} name={`${c.organisation_name} – ${c.partner_name}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('network.workspace.cooperation.empty')}</p>
      )}
      <h2 class="kern-heading-medium">{t('network.workspace.cooperation.add')}</h2>
      <ErrorSummary form={form} labels={cooperationLabels(t)} />
      <Form action={base}>
        <CooperationFields form={form} organisations={organisations} />
        <SubmitButton label={t('network.workspace.cooperation.add')} />
      </Form>
    </>
  );
}

export function CooperationEditPage({ ags, id, organisations, form }: { ags: string; id: number; organisations: Option[]; form: FormState }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/netzwerk/kooperationen`;
  return (
    <>
      <h1 class="kern-heading-large">{t('network.workspace.cooperation.edit_title')}</h1>
      <NetworkNav ags={ags} current="cooperations" />
      <ErrorSummary form={form} labels={cooperationLabels(t)} />
      <Form action={`${base}/${id}`}>
        <CooperationFields form={form} organisations={organisations} />
        <FormActions submitLabel={t('common.save')} cancelHref={base} />
      </Form>
    </>
  );
}
