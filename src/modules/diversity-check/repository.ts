import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewRow } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import type { Dimension, Phase } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Items and their versions, assessments with answers and scores, and the means over them. Records are read by id; the service checks the town. */
export function diversityCheckRepository(db: Db) {
  return {
    // ---- items ----
    currentVersion() {
      return db.selectFrom('diversity_check_versions').select(['id', 'number', 'created_at']).orderBy('number', 'desc').limit(1).executeTakeFirst();
    },
    version(id: number) {
      return db.selectFrom('diversity_check_versions').select(['id', 'number', 'created_at']).where('id', '=', id).executeTakeFirst();
    },
    versions() {
      return db
        .selectFrom('diversity_check_versions as v')
        .select(['v.id', 'v.number', 'v.note', 'v.created_at'])
        .select((eb) => eb.selectFrom('diversity_check_assessments as a').select(sql<number>`cast(count(*) as integer)`.as('n')).whereRef('a.version_id', '=', 'v.id').as('assessments'))
        .orderBy('v.number', 'desc')
        .execute();
    },
    items(versionId: number) {
      return db.selectFrom('diversity_check_items').selectAll().where('version_id', '=', versionId).orderBy('dimension').orderBy('position').execute();
    },
    item(id: number) {
      return db.selectFrom('diversity_check_items').selectAll().where('id', '=', id).executeTakeFirst();
    },
    insertVersion(row: NewRow<'diversity_check_versions'>) {
      return db.insertInto('diversity_check_versions').values(row).returning(['id', 'number']).executeTakeFirstOrThrow();
    },
    insertItems(rows: Array<NewRow<'diversity_check_items'>>) {
      return db.insertInto('diversity_check_items').values(rows).returning(['id', 'dimension', 'position']).execute();
    },
    /** Serialises changes to the items: two office members editing at once make two versions one after the other. */
    async lockItems() {
      await sql`lock table diversity_check_versions in share row exclusive mode`.execute(db);
    },

    // ---- assessments ----
    /** One page of a town's assessed organisations by name, each with its baseline and follow-up. */
    organisationsOfTown(municipalityId: number, page: PageRequest) {
      return db
        .selectFrom('diversity_check_assessments as a')
        .innerJoin('network_organisations as o', 'o.id', 'a.organisation_id')
        .where('a.municipality_id', '=', municipalityId)
        .groupBy(['a.organisation_id', 'o.name'])
        .select(['a.organisation_id', 'o.name'])
        .select([
          sql<number | null>`max(a.id) filter (where a.phase = 'baseline')`.as('baseline_id'),
          sql<number | null>`max(a.index_score) filter (where a.phase = 'baseline')`.as('baseline_index'),
          sql<string | null>`to_char(max(a.assessed_on) filter (where a.phase = 'baseline'), 'YYYY-MM-DD')`.as('baseline_on'),
          sql<number | null>`max(a.id) filter (where a.phase = 'follow_up')`.as('follow_up_id'),
          sql<number | null>`max(a.index_score) filter (where a.phase = 'follow_up')`.as('follow_up_index'),
          sql<string | null>`to_char(max(a.assessed_on) filter (where a.phase = 'follow_up'), 'YYYY-MM-DD')`.as('follow_up_on'),
          sql<number>`cast(count(*) over () as integer)`.as('total'),
        ])
        .orderBy('o.name')
        .orderBy('a.organisation_id')
        .limit(page.pageSize)
        .offset(page.offset)
        .execute();
    },
    assessment(id: number) {
      return db
        .selectFrom('diversity_check_assessments as a')
        .innerJoin('network_organisations as o', 'o.id', 'a.organisation_id')
        .innerJoin('diversity_check_versions as v', 'v.id', 'a.version_id')
        .select(['a.id', 'a.municipality_id', 'a.organisation_id', 'a.version_id', 'a.phase', 'a.assessed_on', 'a.index_score', 'a.note', 'o.name as organisation_name', 'v.number as version_number'])
        .where('a.id', '=', id)
        .executeTakeFirst();
    },
    assessmentOf(organisationId: number, phase: Phase) {
      return db.selectFrom('diversity_check_assessments').select(['id', 'municipality_id']).where('organisation_id', '=', organisationId).where('phase', '=', phase).executeTakeFirst();
    },
    /** The answers with their items' wording, in the items' order. */
    answers(assessmentId: number) {
      return db
        .selectFrom('diversity_check_answers as r')
        .innerJoin('diversity_check_items as i', 'i.id', 'r.item_id')
        .select(['i.id as item_id', 'i.dimension', 'i.position', 'i.text_de', 'i.text_en', 'r.level'])
        .where('r.assessment_id', '=', assessmentId)
        .orderBy('i.dimension')
        .orderBy('i.position')
        .execute();
    },
    scores(assessmentId: number) {
      return db.selectFrom('diversity_check_scores').select(['dimension', 'score']).where('assessment_id', '=', assessmentId).execute();
    },
    insertAssessment(row: NewRow<'diversity_check_assessments'>) {
      return db.insertInto('diversity_check_assessments').values(row).returning('id').executeTakeFirstOrThrow();
    },
    async saveResults(assessmentId: number, answers: Array<{ item_id: number; level: number }>, scores: Array<{ dimension: Dimension; score: number }>) {
      await db.deleteFrom('diversity_check_answers').where('assessment_id', '=', assessmentId).execute();
      await db.deleteFrom('diversity_check_scores').where('assessment_id', '=', assessmentId).execute();
      if (answers.length)
        await db
          .insertInto('diversity_check_answers')
          .values(answers.map((a) => ({ assessment_id: assessmentId, ...a })))
          .execute();
      if (scores.length)
        await db
          .insertInto('diversity_check_scores')
          .values(scores.map((s) => ({ assessment_id: assessmentId, ...s })))
          .execute();
    },
    deleteAssessment(municipalityId: number, id: number) {
      return db.deleteFrom('diversity_check_assessments').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    },

    // ---- means ----
    /** Per phase and dimension the town's mean score and the number of institutions behind it. */
    townDimensionMeans(municipalityId: number) {
      return db
        .selectFrom('diversity_check_scores as s')
        .innerJoin('diversity_check_assessments as a', 'a.id', 's.assessment_id')
        .where('a.municipality_id', '=', municipalityId)
        .groupBy(['a.phase', 's.dimension'])
        .select(['a.phase', 's.dimension', sql<number>`round(cast(avg(s.score) as numeric), 1)::float8`.as('mean'), sql<number>`cast(count(*) as integer)`.as('institutions')])
        .execute();
    },
    /** Per town and phase the mean index and the number of institutions; with the change over those assessed twice. */
    indexByTown(municipalityId?: number) {
      let query = db
        .selectFrom('diversity_check_assessments as a')
        .innerJoin('municipalities as m', 'm.id', 'a.municipality_id')
        .leftJoin('diversity_check_assessments as b', (join) => join.onRef('b.organisation_id', '=', 'a.organisation_id').on('b.phase', '=', 'baseline'))
        .groupBy(['m.id', 'm.ags', 'm.name', 'a.phase'])
        .select(['m.id as municipality_id', 'm.ags', 'm.name', 'a.phase'])
        .select([
          sql<number>`round(cast(avg(a.index_score) as numeric), 1)::float8`.as('mean'),
          sql<number>`cast(count(*) as integer)`.as('institutions'),
          sql<number | null>`round(cast(avg(a.index_score - b.index_score) filter (where a.phase = 'follow_up') as numeric), 1)::float8`.as('paired_change'),
          sql<number>`cast(count(b.id) filter (where a.phase = 'follow_up') as integer)`.as('paired'),
        ])
        .orderBy('m.name')
        .orderBy('a.phase');
      if (municipalityId !== undefined) query = query.where('a.municipality_id', '=', municipalityId);
      return query.execute();
    },
  };
}
