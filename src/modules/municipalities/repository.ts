import { type Kysely, sql, type Transaction } from 'kysely';
import { escapeLike } from '../../platform/db/like.ts';
import type { Database, NewRow } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import { SIZE_CLASSES, type SizeClass } from './size-classes.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface RegisterFilter {
  query?: string;
  countyAgs?: string;
  region?: string;
  sizeClass?: SizeClass;
  participating?: boolean;
}

export type RegisterSort = 'name' | '-name' | 'population' | '-population' | 'county' | '-county' | 'area' | '-area';

const SORT_COLUMNS = { name: 'm.name', population: 'm.population', county: 'm.county_name', area: 'm.area_km2' } as const;

export function municipalitiesRepository(db: Db) {
  function filtered(filter: RegisterFilter) {
    let query = db.selectFrom('municipalities as m').leftJoin('programme_participations as p', 'p.municipality_id', 'm.id');
    if (filter.query) {
      const pattern = `%${escapeLike(filter.query.toLowerCase())}%`;
      query = query.where((eb) => eb.or([eb(sql`lower(m.name)`, 'like', pattern), eb(sql`lower(m.official_name)`, 'like', pattern), eb('m.ags', '=', filter.query ?? '')]));
    }
    if (filter.countyAgs) query = query.where('m.county_ags', '=', filter.countyAgs);
    if (filter.region) query = query.where('m.region', '=', filter.region);
    if (filter.sizeClass) {
      const range = SIZE_CLASSES.find((c) => c.key === filter.sizeClass);
      if (range) query = query.where('m.population', '>=', range.min).where('m.population', '<=', range.max);
    }
    if (filter.participating === true) query = query.where('p.municipality_id', 'is not', null);
    if (filter.participating === false) query = query.where('p.municipality_id', 'is', null);
    return query;
  }

  const listColumns = [
    'm.id',
    'm.ags',
    'm.name',
    'm.type',
    'm.county_ags',
    'm.county_name',
    'm.county_type',
    'm.region',
    'm.population',
    'm.population_date',
    'm.area_km2',
    'p.joined_on',
    'p.cohort_label',
  ] as const;

  return {
    /** One page of the register with the total count in the same query (a window count), all in SQL. */
    async page(filter: RegisterFilter, sort: RegisterSort, page: PageRequest) {
      const descending = sort.startsWith('-');
      const column = SORT_COLUMNS[(descending ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS];
      const rows = await filtered(filter)
        .select([...listColumns, sql<number>`count(*) over ()`.as('total')])
        .orderBy(column, descending ? 'desc' : 'asc')
        .orderBy('m.ags')
        .limit(page.pageSize)
        .offset(page.offset)
        .execute();
      if (rows.length > 0) return { items: rows, total: Number(rows[0]?.total) };
      // A page past the end has no rows to carry the count.
      const count = await filtered(filter)
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      return { items: rows, total: Number(count.total) };
    },

    /** The whole filtered list (at most 421 rows) for the CSV download. */
    all(filter: RegisterFilter, sort: RegisterSort) {
      const descending = sort.startsWith('-');
      const column = SORT_COLUMNS[(descending ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS];
      return filtered(filter)
        .select([...listColumns, 'm.official_name', 'm.population_census_2022'])
        .orderBy(column, descending ? 'desc' : 'asc')
        .orderBy('m.ags')
        .execute();
    },

    findByAgs(ags: string) {
      return db
        .selectFrom('municipalities as m')
        .leftJoin('programme_participations as p', 'p.municipality_id', 'm.id')
        .select([
          'm.id',
          'm.ags',
          'm.name',
          'm.official_name',
          'm.type',
          'm.county_ags',
          'm.county_name',
          'm.county_type',
          'm.region',
          'm.population',
          'm.population_date',
          'm.population_census_2022',
          'm.area_km2',
          'p.joined_on',
          'p.cohort_label',
        ])
        .where('m.ags', '=', ags)
        .executeTakeFirst();
    },

    geometryOf(municipalityId: number) {
      return db.selectFrom('municipalities').select(['geometry', 'county_ags']).where('id', '=', municipalityId).executeTakeFirst();
    },

    countyGeometry(countyAgs: string) {
      return db.selectFrom('counties').select(['geometry']).where('ags', '=', countyAgs).executeTakeFirst();
    },

    counties() {
      return db.selectFrom('counties').select(['ags', 'name', 'type', 'region']).orderBy('name').orderBy('type').execute();
    },

    /** Outlines for the map of Hessen: every municipality with its participation flag. */
    mapFeatures() {
      return db
        .selectFrom('municipalities as m')
        .leftJoin('programme_participations as p', 'p.municipality_id', 'm.id')
        .select(['m.ags', 'm.name', 'm.geometry', sql<boolean>`p.municipality_id is not null`.as('participating')])
        .orderBy('m.ags')
        .execute();
    },

    countyFeatures() {
      return db.selectFrom('counties').select(['ags', 'name', 'geometry']).orderBy('ags').execute();
    },

    participants() {
      return db
        .selectFrom('municipalities as m')
        .innerJoin('programme_participations as p', 'p.municipality_id', 'm.id')
        .select(['m.id', 'm.ags', 'm.name', 'm.county_name', 'm.county_type', 'm.region', 'm.population', 'p.joined_on', 'p.cohort_label'])
        .orderBy('m.name')
        .execute();
    },

    /** Every municipality (or only those taking part) with its Kreis and Regierungsbezirk (the AGS hierarchy) and whether it takes part. */
    hierarchy(participatingOnly = false) {
      return db
        .selectFrom('municipalities as m')
        .leftJoin('programme_participations as p', 'p.municipality_id', 'm.id')
        .$if(participatingOnly, (q) => q.where('p.municipality_id', 'is not', null))
        .select(['m.id', 'm.ags', 'm.name', 'm.county_ags', 'm.county_name', 'm.county_type', 'm.region', sql<boolean>`p.municipality_id is not null`.as('participating')])
        .orderBy('m.region')
        .orderBy('m.county_name')
        .orderBy('m.name')
        .execute();
    },

    /** Names and keys of the given municipalities. */
    names(ids: readonly number[]) {
      return ids.length === 0 ? Promise.resolve([]) : db.selectFrom('municipalities').select(['id', 'ags', 'name']).where('id', 'in', ids).execute();
    },

    options() {
      return db.selectFrom('municipalities').select(['id', 'ags', 'name', 'county_name']).orderBy('name').execute();
    },

    countMunicipalities() {
      return db
        .selectFrom('municipalities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },

    insertCounties(rows: NewRow<'counties'>[]) {
      return db
        .insertInto('counties')
        .values(rows)
        .onConflict((oc) => oc.column('ags').doNothing())
        .execute();
    },

    insertMunicipalities(rows: NewRow<'municipalities'>[]) {
      return db
        .insertInto('municipalities')
        .values(rows)
        .onConflict((oc) => oc.column('ags').doNothing())
        .execute();
    },

    exists(id: number) {
      return db.selectFrom('municipalities').select('id').where('id', '=', id).executeTakeFirst().then(Boolean);
    },

    participation(municipalityId: number) {
      return db.selectFrom('programme_participations').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst();
    },

    upsertParticipation(row: NewRow<'programme_participations'>) {
      return db
        .insertInto('programme_participations')
        .values(row)
        .onConflict((oc) => oc.column('municipality_id').doUpdateSet({ joined_on: row.joined_on, cohort_label: row.cohort_label }))
        .execute();
    },

    deleteParticipation(municipalityId: number) {
      return db.deleteFrom('programme_participations').where('municipality_id', '=', municipalityId).execute();
    },

    districts(municipalityId: number) {
      return db.selectFrom('districts').select(['id', 'name', 'description']).where('municipality_id', '=', municipalityId).orderBy('name').execute();
    },

    district(municipalityId: number, id: number) {
      return db.selectFrom('districts').select(['id', 'name', 'description']).where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
    },

    insertDistrict(row: NewRow<'districts'>) {
      return db.insertInto('districts').values(row).returning(['id']).executeTakeFirstOrThrow();
    },

    updateDistrict(municipalityId: number, id: number, values: { name: string; description: string }) {
      return db.updateTable('districts').set(values).where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
    },

    deleteDistrict(municipalityId: number, id: number) {
      return db.deleteFrom('districts').where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
    },

    districtNameTaken(municipalityId: number, name: string, exceptId?: number) {
      let query = db.selectFrom('districts').select('id').where('municipality_id', '=', municipalityId).where(sql`lower(name)`, '=', name.toLowerCase());
      if (exceptId) query = query.where('id', '<>', exceptId);
      return query.executeTakeFirst().then(Boolean);
    },
  };
}

export type MunicipalityRow = NonNullable<Awaited<ReturnType<ReturnType<typeof municipalitiesRepository>['findByAgs']>>>;
