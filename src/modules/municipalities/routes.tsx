import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { FormText, formBody } from '../../platform/http/forms.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { AgsIdParams, AgsParams } from '../../platform/http/schemas.ts';
import { toCsv } from '../../platform/http/tables.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { managedTown } from './scopes.ts';
import { projectedOutline, projectedStateMap } from './maps.ts';
import { can } from './policy.ts';
import { type RegisterFilter, type RegisterSort, municipalitiesRepository } from './repository.ts';
import { districtService, requireMunicipality } from './service.ts';
import { isSizeClass, REGIONS } from './size-classes.ts';
import { DistrictDeletePage, DistrictEditPage, DistrictListPage } from './views/district-pages.tsx';
import { MunicipalityPage } from './views/detail-page.tsx';
import { stateMapSvg, stateMapVersion } from './views/state-map.tsx';
import { type RegisterQuery, RegisterPage, SORTS } from './views/register-page.tsx';

const RegisterQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  kreis: Type.Optional(Type.String({ maxLength: 10 })),
  region: Type.Optional(Type.String({ maxLength: 20 })),
  groesse: Type.Optional(Type.String({ maxLength: 10 })),
  teilnahme: Type.Optional(Type.String({ maxLength: 10 })),
  sort: Type.Optional(Type.String({ maxLength: 20 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});
const DistrictForm = Type.Object({ name: FormText({ min: 1, max: 100 }), description: Type.Optional(FormText({ max: 1000 })) });
const PAGE_SIZE = 25;

/** Unknown filter values are dropped rather than rejected: a stale bookmark still shows the register. */
function cleanQuery(raw: { q?: string; kreis?: string; region?: string; groesse?: string; teilnahme?: string; sort?: string; seite?: string }): {
  query: RegisterQuery;
  filter: RegisterFilter;
  sort: RegisterSort;
  page: number;
} {
  const query: RegisterQuery = {};
  const filter: RegisterFilter = {};
  const q = raw.q?.trim();
  if (q) query.q = filter.query = q;
  if (raw.kreis && /^06\d{3}$/.test(raw.kreis)) query.kreis = filter.countyAgs = raw.kreis;
  if (raw.region && (REGIONS as readonly string[]).includes(raw.region)) query.region = filter.region = raw.region;
  if (isSizeClass(raw.groesse)) {
    query.groesse = raw.groesse;
    filter.sizeClass = raw.groesse;
  }
  if (raw.teilnahme === 'ja' || raw.teilnahme === 'nein') {
    query.teilnahme = raw.teilnahme;
    filter.participating = raw.teilnahme === 'ja';
  }
  const sort = (SORTS as readonly string[]).includes(raw.sort ?? '') ? (raw.sort as RegisterSort) : 'name';
  if (sort !== 'name') query.sort = sort;
  return { query, filter, sort, page: pageNumber(raw.seite) };
}

export const municipalityRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = municipalitiesRepository(db);
  const districts = districtService(db);
  // The 27 counties are reference data: read once per process.
  let counties: ReturnType<typeof repo.counties> | null = null;
  const countyList = () => {
    counties ??= repo.counties().catch((error) => {
      counties = null;
      throw error;
    });
    return counties;
  };

  app.get('/kommunen', { config: { access: 'public' }, schema: { querystring: RegisterQuerySchema } }, async (request, reply) => {
    const { query, filter, sort, page } = cleanQuery(request.query);
    const pageReq = pageRequest(page, PAGE_SIZE);
    const [{ items, total }, counties] = await Promise.all([repo.page(filter, sort, pageReq), countyList()]);
    return reply.render(<RegisterPage result={pageResult(items, total, pageReq)} query={query} counties={counties} />, {
      title: request.t('municipalities.register.title'),
      breadcrumbs: [{ label: request.t('municipalities.register.title') }],
    });
  });

  app.get('/kommunen.csv', { config: { access: 'public' }, schema: { querystring: RegisterQuerySchema } }, async (request, reply) => {
    const { filter, sort } = cleanQuery(request.query);
    const rows = await repo.all(filter, sort);
    const t = request.t;
    const csv = toCsv(
      ['ags', 'name', 'official_name', 'type', 'county_ags', 'county', 'county_type', 'region', 'population', 'population_date', 'census_2022', 'area_km2', 'participating_since', 'cohort'].map((c) =>
        t(`municipalities.csv.${c}`),
      ),
      rows.map((m) => [
        m.ags,
        m.name,
        m.official_name,
        m.type,
        m.county_ags,
        m.county_name,
        m.county_type,
        m.region,
        m.population,
        m.population_date,
        m.population_census_2022,
        m.area_km2,
        m.joined_on ?? '',
        m.cohort_label ?? '',
      ]),
    );
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="kommunen-hessen.csv"').send(csv);
  });

  app.get('/karte/hessen.svg', { config: { access: 'public' }, schema: { querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 32 })) }) } }, async (request, reply) => {
    const [shapes, participants] = await Promise.all([projectedStateMap(db), repo.participants()]);
    const participating = new Set(participants.map((p) => p.ags));
    const etag = `"${stateMapVersion(participating)}"`;
    reply.header('etag', etag).header('cache-control', 'public, max-age=300');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type('image/svg+xml; charset=utf-8').send(stateMapSvg(shapes, participating, request.t('municipalities.map.title')));
  });

  app.get('/kommunen/:ags', { config: { access: 'public' }, schema: { params: AgsParams } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, request.params.ags);
    const [outline, districtList, strategy] = await Promise.all([
      projectedOutline(db, municipality.id),
      repo.districts(municipality.id),
      municipality.joined_on ? Promise.all(services.modules().flatMap((m) => (m.municipalitySection ? [m.municipalitySection(services, municipality)] : []))) : Promise.resolve([]),
    ]);
    return reply.render(
      <MunicipalityPage municipality={municipality} outline={outline} districts={districtList} canManage={can(request.actor, 'manage_districts', municipality)} strategy={strategy} />,
      {
        title: municipality.name,
        breadcrumbs: [{ href: '/kommunen', label: request.t('municipalities.register.title') }, { label: municipality.name }],
      },
    );
  });

  const TOWN = { access: { scope: 'town' } } as const;

  function crumbs(request: FastifyRequest, municipality: { ags: string; name: string }, last?: string) {
    return [
      { href: `/kommunen/${municipality.ags}`, label: municipality.name },
      { href: `/verwaltung/${municipality.ags}`, label: request.t('municipalities.workspace') },
      ...(last
        ? [{ href: `/verwaltung/${municipality.ags}/ortsteile`, label: request.t('municipalities.districts.title') }, { label: last }]
        : [{ label: request.t('municipalities.districts.title') }]),
    ];
  }

  async function renderList(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    const municipality = managedTown(request);
    const list = await repo.districts(municipality.id);
    return reply.render(<DistrictListPage ags={municipality.ags} name={municipality.name} districts={list} form={form} />, {
      title: request.t('municipalities.districts.manage_title', { name: municipality.name }),
      breadcrumbs: crumbs(request, municipality),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/ortsteile', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderList(request, reply));

  app.post('/verwaltung/:ags/ortsteile', { config: TOWN, schema: { params: AgsParams, body: formBody(DistrictForm) } }, async (request, reply) => {
    const municipality = managedTown(request);
    return formAction(reply, {
      body: request.body,
      schema: DistrictForm,
      invalid: (form) => renderList(request, reply, form),
      run: async (value) => {
        await districts.add(request.actor, municipality.id, value);
        return { redirect: `/verwaltung/${municipality.ags}/ortsteile`, flash: { key: 'municipalities.districts.added', params: { name: value.name } } };
      },
    });
  });

  async function renderEdit(request: FastifyRequest, reply: FastifyReply, id: number, form?: FormState) {
    const municipality = managedTown(request);
    const district = await repo.district(municipality.id, id);
    if (!district) throw AppError.notFound();
    const shown = form ?? { values: { name: district.name, description: district.description }, errors: {} };
    return reply.render(<DistrictEditPage ags={municipality.ags} form={{ ...shown, values: { ...shown.values, id: String(id) } }} />, {
      title: request.t('municipalities.districts.edit_title'),
      breadcrumbs: crumbs(request, municipality, district.name),
      status: Object.keys(shown.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/ortsteile/:id', { config: TOWN, schema: { params: AgsIdParams } }, (request, reply) => renderEdit(request, reply, parseId(request.params.id)));

  app.post('/verwaltung/:ags/ortsteile/:id', { config: TOWN, schema: { params: AgsIdParams, body: formBody(DistrictForm) } }, async (request, reply) => {
    const municipality = managedTown(request);
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      schema: DistrictForm,
      invalid: (form) => renderEdit(request, reply, id, form),
      run: async (value) => {
        await districts.update(request.actor, municipality.id, id, value);
        return { redirect: `/verwaltung/${municipality.ags}/ortsteile`, flash: { key: 'common.saved' } };
      },
    });
  });

  app.get('/verwaltung/:ags/ortsteile/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const municipality = managedTown(request);
    const district = await repo.district(municipality.id, parseId(request.params.id));
    if (!district) throw AppError.notFound();
    return reply.render(<DistrictDeletePage ags={municipality.ags} district={district} />, {
      title: request.t('common.confirm_delete_title'),
      breadcrumbs: crumbs(request, municipality, district.name),
    });
  });

  app.post('/verwaltung/:ags/ortsteile/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const municipality = managedTown(request);
    await districts.remove(request.actor, municipality.id, parseId(request.params.id));
    return reply.flash('success', 'common.deleted').redirect(`/verwaltung/${municipality.ags}/ortsteile`, 303);
  });
};
