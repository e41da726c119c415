import type { PageResult } from '../../../platform/http/pagination.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, FormActions, type FormState, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.tsx';
import { GRANTABLE_ROLES } from '../roles.ts';
import { FilterForm, FilterSearch, FilterSelect } from '../../../platform/views/filters.tsx';
import { AdminNav } from './parts.tsx';

export interface UserQuery {
  q?: string;
  rolle?: string;
  kommune?: string;
}

interface UserRow {
  id: number;
  display_name: string;
  email: string | null;
  email_verified_at: Date | null;
  created_at: Date;
  deleted_at: Date | null;
  is_demo: boolean;
  roles: string | null;
}

type Municipality = { id: number; name: string; county_name: string };

function municipalityOptions(municipalities: Municipality[]) {
  return municipalities.map((m) => ({ value: String(m.id), label: `${m.name} (${m.county_name})` }));
}

/** "coordinator:Bensheim, funder" from SQL, shown in the reader's language. */
function RolesText({ roles }: { roles: string | null }) {
  const { t } = useView();
  if (!roles) return <>{t('admin.role.participant')}</>;
  return (
    <>
      {roles
        .split(', ')
        .map((entry) => {
          const [role, place] = entry.split(':');
          return place ? t('admin.role.with_place', { role: t(`admin.role.${role}`), place }) : t(`admin.role.${role}`);
        })
        .join(', ')}
    </>
  );
}

export function UsersPage({ result, query, municipalities }: { result: PageResult<UserRow>; query: UserQuery; municipalities: Municipality[] }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('admin.users.title')}</h1>
      <AdminNav current="users" />
      <p class="vv-actions">
        <a class="kern-btn kern-btn--primary" href="/programmbuero/nutzer/einladen">
          <span class="kern-label">{t('admin.users.invite')}</span>
        </a>
      </p>
      <FilterForm action="/programmbuero/nutzer" label={t('admin.users.filter_label')}>
        <FilterSearch name="q" label={t('admin.users.search')} value={query.q} />
        <FilterSelect name="rolle" label={t('admin.users.role')} value={query.rolle} options={['participant', ...GRANTABLE_ROLES].map((r) => ({ value: r, label: t(`admin.role.${r}`) }))} />
        <FilterSelect name="kommune" label={t('admin.users.municipality')} value={query.kommune} options={municipalityOptions(municipalities)} />
      </FilterForm>
      <p class="kern-body" role="status">
        {t('common.results', { count: result.total })}
      </p>
      {result.items.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('admin.users.caption', { page: result.page, pages: result.pageCount })}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__cell">
                  {t('admin.users.name')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.users.email')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.users.roles')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.users.state')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.users.created')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {result.items.map((u) => (
                <tr class="kern-table__row" key={u.id}>
                  <th scope="row" class="kern-table__cell">
                    {u.deleted_at ? (
                      t('admin.users.deleted_account')
                    ) : (
                      <a class="kern-link" href={`/programmbuero/nutzer/${u.id}`}>
                        {u.display_name}
                      </a>
                    )}
                  </th>
                  <td class="kern-table__cell">{u.email ?? ''}</td>
                  <td class="kern-table__cell">
                    <RolesText roles={u.roles} />
                  </td>
                  <td class="kern-table__cell">
                    {u.deleted_at ? t('admin.users.state_deleted') : u.email_verified_at ? t('admin.users.state_verified') : t('admin.users.state_unverified')}
                    {u.is_demo ? ` · ${t('admin.users.demo')}` : ''}
                  </td>
                  <td class="kern-table__cell">{formatDate(locale, u.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination result={result} path="/programmbuero/nutzer" query={query as Record<string, unknown>} />
    </>
  );
}

function RoleFields({ form, municipalities, withParticipant }: { form: FormState; municipalities: Municipality[]; withParticipant: boolean }) {
  const { t } = useView();
  const roles = withParticipant ? ['participant', ...GRANTABLE_ROLES] : [...GRANTABLE_ROLES];
  return (
    <>
      <SelectField form={form} name="role" label={t('admin.users.role')} required options={roles.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))} />
      <SelectField
        form={form}
        name="municipalityId"
        label={t('admin.users.municipality')}
        hint={t('admin.users.municipality_hint')}
        emptyLabel={t('admin.users.no_municipality')}
        options={municipalityOptions(municipalities)}
      />
    </>
  );
}

export function inviteLabels(t: (key: string) => string): Record<string, string> {
  return { displayName: t('admin.users.name'), email: t('admin.users.email'), role: t('admin.users.role'), municipalityId: t('admin.users.municipality') };
}

export function InvitePage({ form, municipalities }: { form: FormState; municipalities: Municipality[] }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('admin.users.invite')}</h1>
      <AdminNav current="users" />
      <p class="kern-body">{t('admin.users.invite_lead')}</p>
      <ErrorSummary form={form} labels={inviteLabels(t)} />
      <Form action="/programmbuero/nutzer/einladen">
        <TextField form={form} name="displayName" label={t('admin.users.name')} required maxLength={100} />
        <TextField form={form} name="email" type="email" label={t('admin.users.email')} required autocomplete="off" maxLength={254} />
        <RoleFields form={form} municipalities={municipalities} withParticipant />
        <FormActions submitLabel={t('admin.users.invite_submit')} cancelHref="/programmbuero/nutzer" />
      </Form>
    </>
  );
}

export function UserPage({
  user,
  roles,
  form,
  municipalities,
}: {
  user: { id: number; display_name: string; email: string | null; email_verified_at: Date | null; created_at: Date; is_demo: boolean };
  roles: Array<{ id: number; role: string; municipality_name: string | null; created_at: Date }>;
  form: FormState;
  municipalities: Municipality[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{user.display_name}</h1>
      <AdminNav current="users" />
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('admin.users.email')}</dt>
          <dd class="kern-description-list-item__value">{user.email}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('admin.users.state')}</dt>
          <dd class="kern-description-list-item__value">{user.email_verified_at ? t('admin.users.state_verified') : t('admin.users.state_unverified')}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('admin.users.created')}</dt>
          <dd class="kern-description-list-item__value">{formatDate(locale, user.created_at)}</dd>
        </div>
      </dl>
      <h2 class="kern-heading-medium">{t('admin.users.roles')}</h2>
      {roles.length ? (
        <ul class="kern-list">
          {roles.map((r) => {
            const label = r.municipality_name ? t('admin.role.with_place', { role: t(`admin.role.${r.role}`), place: r.municipality_name }) : t(`admin.role.${r.role}`);
            return (
              <li key={r.id}>
                {label} ·{' '}
                <a class="kern-link" href={`/programmbuero/nutzer/${user.id}/rollen/${r.id}/entziehen`}>
                  {t('admin.users.revoke')}
                  <span class="vv-visually-hidden">: {label}</span>
                </a>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="kern-body">{t('admin.role.participant')}</p>
      )}
      <h2 class="kern-heading-medium">{t('admin.users.grant')}</h2>
      <ErrorSummary form={form} labels={inviteLabels(t)} />
      <Form action={`/programmbuero/nutzer/${user.id}/rollen`}>
        <RoleFields form={form} municipalities={municipalities} withParticipant={false} />
        <SubmitButton label={t('admin.users.grant')} />
      </Form>
    </>
  );
}
