import { type Kysely, sql, type Transaction } from 'kysely';
import { escapeLike } from '../../platform/db/like.ts';
import type { Database, NewRow, RowUpdate } from '../../platform/db/schema.ts';
import type { MeasureStatus } from './tables.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface MeasureFilter {
  fieldId?: number;
  status?: MeasureStatus;
  query?: string;
}

export function strategyRepository(db: Db) {
  function measuresOf(municipalityId: number, filter: MeasureFilter) {
    let query = db.selectFrom('measures as ms').where('ms.municipality_id', '=', municipalityId);
    if (filter.fieldId) query = query.where('ms.field_id', '=', filter.fieldId);
    if (filter.status) query = query.where('ms.status', '=', filter.status);
    if (filter.query) {
      const pattern = `%${escapeLike(filter.query.toLowerCase())}%`;
      query = query.where((eb) => eb.or([eb(sql`lower(ms.title)`, 'like', pattern), eb(sql`lower(ms.responsible_org)`, 'like', pattern)]));
    }
    return query;
  }

  return {
    // ---- strategy versions ----
    versions(municipalityId: number) {
      return db
        .selectFrom('strategy_versions as v')
        .leftJoin('files as f', 'f.id', 'v.document_file_id')
        .select(['v.id', 'v.title', 'v.version_label', 'v.adopted_on', 'v.summary', 'v.document_file_id', 'f.original_name as document_name', 'f.size_bytes as document_size', 'v.created_at'])
        .where('v.municipality_id', '=', municipalityId)
        .orderBy(sql`v.adopted_on desc nulls last`)
        .orderBy('v.id', 'desc')
        .execute();
    },
    /** By id alone: the service checks the town through the policy. */
    version(id: number) {
      return db.selectFrom('strategy_versions').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** The version in force: the latest adopted one, else the latest draft. */
    currentVersion(municipalityId: number) {
      return db.selectFrom('strategy_versions').selectAll().where('municipality_id', '=', municipalityId).orderBy(sql`adopted_on desc nulls last`).orderBy('id', 'desc').limit(1).executeTakeFirst();
    },
    insertVersion(row: NewRow<'strategy_versions'>) {
      return db.insertInto('strategy_versions').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateVersion(municipalityId: number, id: number, values: RowUpdate<'strategy_versions'>) {
      return db.updateTable('strategy_versions').set(values).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    },
    deleteVersion(municipalityId: number, id: number) {
      return db.deleteFrom('strategy_versions').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    },

    // ---- fields of action and goals ----
    countFields(municipalityId: number) {
      return db
        .selectFrom('fields_of_action')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },
    fields(municipalityId: number) {
      return db
        .selectFrom('fields_of_action as f')
        .select([
          'f.id',
          'f.name',
          'f.description',
          'f.position',
          (eb) =>
            eb
              .selectFrom('measures')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('measures.field_id', '=', 'f.id')
              .as('measure_count'),
        ])
        .where('f.municipality_id', '=', municipalityId)
        .orderBy('f.position')
        .orderBy('f.id')
        .execute();
    },
    field(id: number) {
      return db.selectFrom('fields_of_action').select(['id', 'municipality_id', 'name', 'description', 'position']).where('id', '=', id).executeTakeFirst();
    },
    /** Names of a town's fields by id. */
    async fieldNames(municipalityId: number, ids?: number[]) {
      if (ids?.length === 0) return new Map<number, string>();
      let query = db.selectFrom('fields_of_action').select(['id', 'name']).where('municipality_id', '=', municipalityId);
      if (ids) query = query.where('id', 'in', ids);
      return new Map((await query.execute()).map((f) => [f.id, f.name]));
    },
    insertField(row: NewRow<'fields_of_action'>) {
      return db.insertInto('fields_of_action').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateField(municipalityId: number, id: number, values: RowUpdate<'fields_of_action'>) {
      return db.updateTable('fields_of_action').set(values).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    },
    deleteField(municipalityId: number, id: number) {
      return db.deleteFrom('fields_of_action').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    },
    countMeasuresOfField(fieldId: number) {
      return db
        .selectFrom('measures')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('field_id', '=', fieldId)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },
    /** Goals of a municipality, each with its field: goals belong to a town only through their field. */
    goals(municipalityId: number) {
      return db
        .selectFrom('goals as g')
        .innerJoin('fields_of_action as f', 'f.id', 'g.field_id')
        .select(['g.id', 'g.field_id', 'g.title', 'g.description', 'g.position'])
        .where('f.municipality_id', '=', municipalityId)
        .orderBy('f.position')
        .orderBy('g.position')
        .orderBy('g.id')
        .execute();
    },
    /** A goal with the town of its field: goals belong to a town only through their field. */
    goal(id: number) {
      return db
        .selectFrom('goals as g')
        .innerJoin('fields_of_action as f', 'f.id', 'g.field_id')
        .select(['g.id', 'g.field_id', 'g.title', 'g.description', 'g.position', 'f.name as field_name', 'f.municipality_id'])
        .where('g.id', '=', id)
        .executeTakeFirst();
    },
    insertGoal(row: NewRow<'goals'>) {
      return db.insertInto('goals').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateGoal(id: number, values: RowUpdate<'goals'>) {
      return db.updateTable('goals').set(values).where('id', '=', id).execute();
    },
    deleteGoal(id: number) {
      return db.deleteFrom('goals').where('id', '=', id).execute();
    },

    // ---- measures ----
    async measurePage(municipalityId: number, filter: MeasureFilter, page: PageRequest) {
      const [items, count] = await Promise.all([
        measuresOf(municipalityId, filter)
          .leftJoin('fields_of_action as f', 'f.id', 'ms.field_id')
          .select(['ms.id', 'ms.title', 'ms.status', 'ms.progress', 'ms.responsible_org', 'ms.starts_on', 'ms.ends_on', 'ms.updated_at', 'f.name as field_name'])
          .orderBy('f.position')
          .orderBy('ms.title')
          .orderBy('ms.id')
          .limit(page.pageSize)
          .offset(page.offset)
          .execute(),
        measuresOf(municipalityId, filter)
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.total) };
    },
    /** Measures with field, goal, district and latest update, in the public order: one query; paged for the page, whole for the CSV. */
    publicMeasures(municipalityId: number, filter: MeasureFilter, page?: PageRequest) {
      let query = measuresOf(municipalityId, filter)
        .innerJoin('fields_of_action as f', 'f.id', 'ms.field_id')
        .leftJoin('goals as g', 'g.id', 'ms.goal_id')
        .leftJoin('districts as d', 'd.id', 'ms.district_id')
        .leftJoinLateral(
          (eb) =>
            eb.selectFrom('measure_updates as u').select(['u.text', 'u.created_at']).whereRef('u.measure_id', '=', 'ms.id').orderBy('u.created_at', 'desc').orderBy('u.id', 'desc').limit(1).as('lu'),
          (join) => join.onTrue(),
        )
        .select([
          'ms.id',
          'ms.title',
          'ms.description',
          'ms.status',
          'ms.progress',
          'ms.responsible_org',
          'ms.starts_on',
          'ms.ends_on',
          'ms.field_id',
          'f.name as field_name',
          'f.position as field_position',
          'ms.goal_id',
          'g.title as goal_title',
          'd.name as district_name',
          'lu.text as latest_update_text',
          'lu.created_at as latest_update_at',
          sql<number>`count(*) over ()`.as('total'),
        ])
        .orderBy('f.position')
        .orderBy('f.id')
        .orderBy(sql`g.position nulls last`)
        .orderBy('ms.title')
        .orderBy('ms.id');
      if (page) query = query.limit(page.pageSize).offset(page.offset);
      return query.execute();
    },
    statusCounts(municipalityId: number, filter: MeasureFilter = {}) {
      return measuresOf(municipalityId, filter)
        .select(['ms.status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('ms.status')
        .execute();
    },
    measure(id: number) {
      return db
        .selectFrom('measures as ms')
        .leftJoin('fields_of_action as f', 'f.id', 'ms.field_id')
        .leftJoin('goals as g', 'g.id', 'ms.goal_id')
        .leftJoin('districts as d', 'd.id', 'ms.district_id')
        .select([
          'ms.id',
          'ms.municipality_id',
          'ms.title',
          'ms.description',
          'ms.field_id',
          'ms.goal_id',
          'ms.district_id',
          'ms.responsible_org',
          'ms.starts_on',
          'ms.ends_on',
          'ms.status',
          'ms.progress',
          'ms.updated_at',
          'f.name as field_name',
          'g.title as goal_title',
          'd.name as district_name',
        ])
        .where('ms.id', '=', id)
        .executeTakeFirst();
    },
    measureOptions(municipalityId: number) {
      return db.selectFrom('measures').select(['id', 'title', 'status']).where('municipality_id', '=', municipalityId).orderBy('title').orderBy('id').execute();
    },
    /** The named measures of one town; ids of other towns drop out. */
    measuresOfTown(municipalityId: number, ids: number[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('measures').select(['id', 'title', 'status']).where('municipality_id', '=', municipalityId).where('id', 'in', ids).orderBy('title').orderBy('id').execute();
    },
    /** Locks the measure row so that two updates posted at once apply one after the other. */
    lockMeasure(id: number) {
      return db.selectFrom('measures').select(['id', 'municipality_id', 'status', 'progress']).where('id', '=', id).forUpdate().executeTakeFirst();
    },
    insertMeasure(row: NewRow<'measures'>) {
      return db.insertInto('measures').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateMeasure(municipalityId: number, id: number, values: RowUpdate<'measures'>) {
      return db.updateTable('measures').set(values).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    },
    deleteMeasure(municipalityId: number, id: number) {
      return db.deleteFrom('measures').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    },
    updates(measureId: number) {
      return db
        .selectFrom('measure_updates as u')
        .leftJoin('users as a', 'a.id', 'u.author_user_id')
        .select(['u.id', 'u.text', 'u.status', 'u.progress', 'u.created_at', 'a.display_name as author_name', 'a.deleted_at as author_deleted_at'])
        .where('u.measure_id', '=', measureId)
        .orderBy('u.created_at', 'desc')
        .orderBy('u.id', 'desc')
        .execute();
    },
    /** The history as the public sees it: no author. */
    publicUpdates(measureId: number) {
      return db
        .selectFrom('measure_updates')
        .select(['id', 'text', 'status', 'progress', 'created_at'])
        .where('measure_id', '=', measureId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },
    /** A person's progress reports, for the export of their data. */
    updatesByAuthor(userId: number) {
      return db
        .selectFrom('measure_updates as u')
        .innerJoin('measures as m', 'm.id', 'u.measure_id')
        .select(['m.title as measure', 'u.text', 'u.status', 'u.progress', 'u.created_at'])
        .where('u.author_user_id', '=', userId)
        .orderBy('u.created_at')
        .execute();
    },
    insertUpdate(row: NewRow<'measure_updates'>) {
      return db.insertInto('measure_updates').values(row).returning(['id', 'created_at']).executeTakeFirstOrThrow();
    },
  };
}

export type StrategyRepository = ReturnType<typeof strategyRepository>;
