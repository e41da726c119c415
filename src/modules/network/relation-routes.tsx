import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatDate } from '../../platform/i18n/catalog.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { parseId } from '../../platform/http/params.ts';
import { AgsIdParams, AgsParams } from '../../platform/http/schemas.ts';
import { toCsv } from '../../platform/http/tables.ts';
import type { AppServices, ModulePlugin } from '../../platform/module.ts';
import { ConfirmDelete, EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { managedTown } from '../municipalities/index.ts';
import { networkCrumbs } from './crumbs.ts';
import { CooperationForm, cooperationToForm, MembershipForm, PersonForm } from './forms.ts';
import { networkRepository } from './repository.ts';
import { LikelyPeople, networkService } from './service.ts';
import type { PersonHit } from './duplicates-repository.ts';
import { CooperationEditPage, CooperationsPage, MembershipsPage, PeoplePage, RevokePage } from './views/relation-pages.tsx';

const TOWN = { access: { scope: 'town' } } as const;

/** People (with their consent), memberships and cooperations of a town's network. */
/** The roles other modules know of these accounts (qualification: certified Vielfaltsmanager:innen and multipliers). */
async function accountRoles(services: AppServices, userIds: number[]): Promise<Map<number, string[]>> {
  const roles = new Map<number, string[]>();
  if (userIds.length === 0) return roles;
  for (const module of services.modules()) {
    if (!module.accountRoles) continue;
    for (const [userId, list] of await module.accountRoles(services, userIds)) roles.set(userId, [...new Set([...(roles.get(userId) ?? []), ...list])]);
  }
  return roles;
}

export const networkRelationRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = networkRepository(db);
  const service = networkService(db);
  const base = (ags: string, area: string) => `/verwaltung/${ags}/netzwerk/${area}`;
  const failed = (form: FormState) => (Object.keys(form.errors).length ? 422 : 200);

  // ---------- people ----------

  async function renderPeople(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM, hits: PersonHit[] = []) {
    const town = managedTown(request);
    const people = await repo.people(town.id);
    const roles = await accountRoles(
      services,
      people.flatMap((p) => (p.user_id ? [p.user_id] : [])),
    );
    return reply.render(<PeoplePage ags={town.ags} people={people} roles={roles} form={form} hits={hits} />, {
      title: request.t('network.workspace.person.list_title'),
      breadcrumbs: networkCrumbs(request, town, { label: request.t('network.workspace.nav.people') }),
      status: failed(form),
    });
  }

  app.get('/verwaltung/:ags/netzwerk/personen', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderPeople(request, reply));

  app.post('/verwaltung/:ags/netzwerk/personen', { config: TOWN, schema: { params: AgsParams, body: formBody(PersonForm) } }, async (request, reply) => {
    const town = managedTown(request);
    return formAction(reply, {
      body: request.body,
      schema: PersonForm,
      invalid: (form) => renderPeople(request, reply, form),
      run: async (input) => {
        try {
          await service.addPerson(request.actor, town, input);
        } catch (error) {
          if (!(error instanceof LikelyPeople)) throw error;
          const values = Object.fromEntries(Object.entries(request.body).filter((e): e is [string, string] => typeof e[1] === 'string'));
          return renderPeople(request, reply, { values, errors: { name: { key: 'network.workspace.person.confirm_needed' } } }, error.hits);
        }
        return { redirect: base(town.ags, 'personen'), flash: { key: 'network.workspace.person.added', params: { name: input.name } } };
      },
    });
  });

  /** People whose consent holds, with their memberships; a revoked person is not in it. */
  app.get('/verwaltung/:ags/netzwerk/personen.csv', { config: TOWN, schema: { params: AgsParams } }, async (request, reply) => {
    const town = managedTown(request);
    const t = request.t;
    const rows = await repo.peopleExport(town.id);
    const csv = toCsv(
      ['name', 'consent_purpose', 'consent_version', 'consent_given', 'organisation', 'role', 'starts_on', 'ends_on'].map((c) => t(`network.workspace.csv.${c}`)),
      rows.map((r) => [
        r.name,
        r.consent_purpose,
        r.consent_version,
        formatDate('de', r.consent_given_at),
        r.organisation_name ?? '',
        r.role ? t(`network.workspace.role.${r.role}`) : '',
        r.starts_on ?? '',
        r.ends_on ?? '',
      ]),
    );
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="netzwerk-personen-${town.ags}.csv"`).header('cache-control', 'private, no-store').send(csv);
  });

  app.get('/verwaltung/:ags/netzwerk/personen/:id/widerrufen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const person = await service.person(town, parseId(request.params.id));
    return reply.render(<RevokePage ags={town.ags} id={person.id} name={person.name} />, {
      title: request.t('network.workspace.person.revoke_title'),
      breadcrumbs: networkCrumbs(request, town, { href: base(town.ags, 'personen'), label: request.t('network.workspace.nav.people') }, { label: person.name }),
    });
  });

  app.post('/verwaltung/:ags/netzwerk/personen/:id/widerrufen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    await service.revokeConsent(request.actor, town, parseId(request.params.id));
    return reply.flash('success', 'network.workspace.person.revoked').redirect(base(town.ags, 'personen'), 303);
  });

  // ---------- memberships ----------

  async function renderMemberships(request: FastifyRequest, reply: FastifyReply, form: FormState = { values: { role: 'contact' }, errors: {} }) {
    const town = managedTown(request);
    const [memberships, people, organisations] = await Promise.all([repo.memberships(town.id), repo.people(town.id), repo.organisationOptions(town.id)]);
    return reply.render(
      <MembershipsPage
        ags={town.ags}
        memberships={memberships}
        people={people.map((p) => ({ value: String(p.id), label: p.name }))}
        organisations={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
        form={form}
      />,
      { title: request.t('network.workspace.membership.list_title'), breadcrumbs: networkCrumbs(request, town, { label: request.t('network.workspace.nav.memberships') }), status: failed(form) },
    );
  }

  app.get('/verwaltung/:ags/netzwerk/mitgliedschaften', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderMemberships(request, reply));

  app.post('/verwaltung/:ags/netzwerk/mitgliedschaften', { config: TOWN, schema: { params: AgsParams, body: formBody(MembershipForm) } }, async (request, reply) => {
    const town = managedTown(request);
    return formAction(reply, {
      body: request.body,
      schema: MembershipForm,
      invalid: (form) => renderMemberships(request, reply, form),
      run: async (input) => {
        await service.addMembership(request.actor, town, input);
        return { redirect: base(town.ags, 'mitgliedschaften'), flash: { key: 'network.workspace.membership.added' } };
      },
    });
  });

  app.get('/verwaltung/:ags/netzwerk/mitgliedschaften/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const membership = await service.membership(town, parseId(request.params.id));
    const list = base(town.ags, 'mitgliedschaften');
    const name = `${membership.person_name} – ${membership.organisation_name}`;
    return reply.render(<ConfirmDelete name={name} action={`${list}/${membership.id}/loeschen`} cancelHref={list} />, {
      title: request.t('common.confirm_delete_title'),
      breadcrumbs: networkCrumbs(request, town, { href: list, label: request.t('network.workspace.nav.memberships') }, { label: name }),
    });
  });

  app.post('/verwaltung/:ags/netzwerk/mitgliedschaften/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    await service.deleteMembership(request.actor, town, parseId(request.params.id));
    return reply.flash('success', 'common.deleted').redirect(base(town.ags, 'mitgliedschaften'), 303);
  });

  // ---------- cooperations ----------

  async function organisationChoices(municipalityId: number) {
    return (await repo.organisationOptions(municipalityId)).map((o) => ({ value: String(o.id), label: o.name }));
  }

  async function renderCooperations(request: FastifyRequest, reply: FastifyReply, form: FormState = { values: { type: 'project' }, errors: {} }) {
    const town = managedTown(request);
    const [cooperations, organisations] = await Promise.all([repo.cooperations(town.id), organisationChoices(town.id)]);
    return reply.render(<CooperationsPage ags={town.ags} cooperations={cooperations} organisations={organisations} form={form} />, {
      title: request.t('network.workspace.cooperation.list_title'),
      breadcrumbs: networkCrumbs(request, town, { label: request.t('network.workspace.nav.cooperations') }),
      status: failed(form),
    });
  }

  app.get('/verwaltung/:ags/netzwerk/kooperationen', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderCooperations(request, reply));

  app.post('/verwaltung/:ags/netzwerk/kooperationen', { config: TOWN, schema: { params: AgsParams, body: formBody(CooperationForm) } }, async (request, reply) => {
    const town = managedTown(request);
    return formAction(reply, {
      body: request.body,
      schema: CooperationForm,
      invalid: (form) => renderCooperations(request, reply, form),
      run: async (input) => {
        await service.addCooperation(request.actor, town, input);
        return { redirect: base(town.ags, 'kooperationen'), flash: { key: 'network.workspace.cooperation.added' } };
      },
    });
  });

  async function renderCooperation(request: FastifyRequest, reply: FastifyReply, id: number, form?: FormState) {
    const town = managedTown(request);
    const cooperation = await service.cooperation(town, id);
    const state = form ?? { values: cooperationToForm(cooperation), errors: {} };
    return reply.render(<CooperationEditPage ags={town.ags} id={id} organisations={await organisationChoices(town.id)} form={state} />, {
      title: request.t('network.workspace.cooperation.edit_title'),
      breadcrumbs: networkCrumbs(
        request,
        town,
        { href: base(town.ags, 'kooperationen'), label: request.t('network.workspace.nav.cooperations') },
        { label: request.t('network.workspace.cooperation.edit_title') },
      ),
      status: failed(state),
    });
  }

  app.get('/verwaltung/:ags/netzwerk/kooperationen/:id', { config: TOWN, schema: { params: AgsIdParams } }, (request, reply) => renderCooperation(request, reply, parseId(request.params.id)));

  app.post('/verwaltung/:ags/netzwerk/kooperationen/:id', { config: TOWN, schema: { params: AgsIdParams, body: formBody(CooperationForm) } }, async (request, reply) => {
    const town = managedTown(request);
    const cooperation = await service.cooperation(town, parseId(request.params.id));
    return formAction(reply, {
      body: request.body,
      schema: CooperationForm,
      invalid: (form) => renderCooperation(request, reply, cooperation.id, form),
      run: async (input) => {
        await service.updateCooperation(request.actor, town, cooperation.id, input);
        return { redirect: base(town.ags, 'kooperationen'), flash: { key: 'common.saved' } };
      },
    });
  });

  app.get('/verwaltung/:ags/netzwerk/kooperationen/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const cooperation = await service.cooperation(town, parseId(request.params.id));
    const list = base(town.ags, 'kooperationen');
    const label = request.t('network.workspace.cooperation.confirm_name', {
      type: request.t(`network.workspace.cooperation_type.${cooperation.type}`),
      date: formatDate(request.locale, cooperation.starts_on),
    });
    return reply.render(<ConfirmDelete name={label} action={`${list}/${cooperation.id}/loeschen`} cancelHref={list} />, {
      title: request.t('common.confirm_delete_title'),
      breadcrumbs: networkCrumbs(request, town, { href: list, label: request.t('network.workspace.nav.cooperations') }, { label }),
    });
  });

  app.post('/verwaltung/:ags/netzwerk/kooperationen/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    await service.deleteCooperation(request.actor, town, parseId(request.params.id));
    return reply.flash('success', 'common.deleted').redirect(base(town.ags, 'kooperationen'), 303);
  });
};
