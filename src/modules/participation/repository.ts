import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewRow, RowUpdate } from '../../platform/db/schema.ts';
import type { PhaseKind, ProposalStatus } from './tables.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A comment as the proposal page shows it, with its author's name (null once the account is gone). */
export interface CommentRow {
  id: number;
  parent_id: number | null;
  depth: number;
  body: string;
  created_at: Date;
  edited_at: Date | null;
  author_user_id: number | null;
  hidden_at: Date | null;
  hidden_reason: string;
  held: boolean;
  author_name: string | null;
  author_deleted_at: Date | null;
}

/** A row of commentPage: the page and the count, and a comment unless the page is empty. */
interface CommentPageRow extends Omit<CommentRow, 'id'> {
  thread_total: number;
  page_index: number;
  id: number | null;
}

export type ProposalSort = 'newest' | 'supported' | 'commented' | 'random';

export interface ProposalFilter {
  fieldId?: number;
  districtId?: number;
  status?: ProposalStatus;
  answered?: boolean;
  search?: string;
}

export function participationRepository(db: Db) {
  function proposalsOf(processId: number, filter: ProposalFilter) {
    let query = db.selectFrom('proposals as p').where('p.process_id', '=', processId);
    if (filter.fieldId) query = query.where('p.field_id', '=', filter.fieldId);
    if (filter.districtId) query = query.where('p.district_id', '=', filter.districtId);
    if (filter.status) query = query.where('p.status', '=', filter.status);
    if (filter.answered === true) query = query.where('p.answered_at', 'is not', null);
    if (filter.answered === false) query = query.where('p.answered_at', 'is', null);
    // German stemming: "Vereine" finds "Verein".
    // Hidden and held texts must not be found by what they say.
    if (filter.search) query = query.where(sql<boolean>`p.search @@ websearch_to_tsquery('german', ${filter.search})`).where('p.hidden_at', 'is', null).where('p.held', '=', false);
    return query;
  }

  return {
    // ---- processes ----
    processes(options: { municipalityId?: number; publishedOnly: boolean }, page: PageRequest) {
      let query = db
        .selectFrom('participation_processes as pp')
        .innerJoin('municipalities as m', 'm.id', 'pp.municipality_id')
        .select([
          'pp.id',
          'pp.title',
          'pp.description',
          'pp.published',
          'm.ags',
          'm.name as municipality_name',
          (eb) =>
            eb
              .selectFrom('proposals')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('proposals.process_id', '=', 'pp.id')
              .as('proposal_count'),
          (eb) =>
            eb
              .selectFrom('process_phases')
              .select((e) => e.fn.min('starts_on').as('s'))
              .whereRef('process_phases.process_id', '=', 'pp.id')
              .as('starts_on'),
          (eb) =>
            eb
              .selectFrom('process_phases')
              .select((e) => e.fn.max('ends_on').as('e'))
              .whereRef('process_phases.process_id', '=', 'pp.id')
              .as('ends_on'),
          sql<number>`count(*) over ()`.as('total'),
        ]);
      if (options.municipalityId) query = query.where('pp.municipality_id', '=', options.municipalityId);
      if (options.publishedOnly) query = query.where('pp.published', '=', true);
      return query.orderBy('pp.created_at', 'desc').orderBy('pp.id', 'desc').limit(page.pageSize).offset(page.offset).execute();
    },
    process(id: number) {
      return db
        .selectFrom('participation_processes as pp')
        .innerJoin('municipalities as m', 'm.id', 'pp.municipality_id')
        .select([
          'pp.id',
          'pp.municipality_id',
          'pp.title',
          'pp.description',
          'pp.field_id',
          'pp.published',
          'pp.languages',
          'pp.district_ids',
          'pp.places',
          'pp.image_file_id',
          'pp.image_alt',
          'm.ags',
          'm.name as municipality_name',
        ])
        .where('pp.id', '=', id)
        .executeTakeFirst();
    },
    phases(processId: number) {
      return db.selectFrom('process_phases').select(['kind', 'starts_on', 'ends_on']).where('process_id', '=', processId).orderBy('starts_on').execute();
    },
    insertProcess(row: NewRow<'participation_processes'>) {
      return db.insertInto('participation_processes').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateProcess(id: number, values: RowUpdate<'participation_processes'>) {
      return db.updateTable('participation_processes').set(values).where('id', '=', id).execute();
    },
    async replacePhases(processId: number, phases: Array<{ kind: PhaseKind; starts_on: string; ends_on: string }>) {
      await db.deleteFrom('process_phases').where('process_id', '=', processId).execute();
      if (phases.length)
        await db
          .insertInto('process_phases')
          .values(phases.map((p) => ({ ...p, process_id: processId })))
          .execute();
    },

    // ---- proposals ----
    /** A page of proposals and the total: two queries, so that the page can use the index and stop at its limit. */
    async proposalPage(processId: number, filter: ProposalFilter, sort: ProposalSort, seed: number, page: PageRequest) {
      let query = proposalsOf(processId, filter)
        .leftJoin('users as a', 'a.id', 'p.author_user_id')
        .leftJoin('districts as d', 'd.id', 'p.district_id')
        .select([
          'p.id',
          'p.title',
          'p.body',
          'p.municipality_id',
          'p.field_id',
          'p.status',
          'p.support_count',
          'p.comment_count',
          'p.offline',
          'p.created_at',
          'p.answered_at',
          'p.hidden_at',
          'p.hidden_reason',
          'p.held',
          'a.display_name as author_name',
          'a.deleted_at as author_deleted_at',
          'd.name as district_name',
        ]);
      if (sort === 'supported') query = query.orderBy('p.support_count', 'desc');
      else if (sort === 'commented') query = query.orderBy('p.comment_count', 'desc');
      // A stable shuffle per visitor: the same seed gives the same order on every page.
      else if (sort === 'random') query = query.orderBy(sql`md5(p.id::text || ${String(seed)})`);
      const [items, count] = await Promise.all([
        query.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(page.pageSize).offset(page.offset).execute(),
        proposalsOf(processId, filter)
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.total) };
    },
    proposal(id: number) {
      return db
        .selectFrom('proposals as p')
        .leftJoin('users as a', 'a.id', 'p.author_user_id')
        .leftJoin('districts as d', 'd.id', 'p.district_id')
        .leftJoin('proposals as merged', 'merged.id', 'p.merged_into_id')
        .select([
          'p.id',
          'p.process_id',
          'p.municipality_id',
          'p.author_user_id',
          'p.title',
          'p.body',
          'p.field_id',
          'p.district_id',
          'p.place',
          'p.latitude',
          'p.longitude',
          'p.status',
          'p.answer_text',
          'p.answered_at',
          'p.merged_into_id',
          'merged.title as merged_into_title',
          'merged.hidden_at as merged_into_hidden_at',
          'merged.held as merged_into_held',
          'p.support_count',
          'p.comment_count',
          'p.offline',
          'p.offline_source',
          'p.created_at',
          'p.hidden_at',
          'p.hidden_reason',
          'p.held',
          'a.display_name as author_name',
          'a.deleted_at as author_deleted_at',
          'd.name as district_name',
        ])
        .where('p.id', '=', id)
        .executeTakeFirst();
    },
    lockProposal(id: number) {
      return db.selectFrom('proposals').select(['id', 'support_count', 'comment_count', 'author_user_id', 'process_id', 'municipality_id', 'held']).where('id', '=', id).forUpdate().executeTakeFirst();
    },
    insertProposal(row: NewRow<'proposals'>) {
      return db.insertInto('proposals').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateProposal(id: number, values: RowUpdate<'proposals'>) {
      return db.updateTable('proposals').set(values).where('id', '=', id).execute();
    },
    /** Inserts the support unless it exists; the primary key makes a second one impossible. */
    insertSupport(proposalId: number, userId: number) {
      return db
        .insertInto('proposal_supports')
        .values({ proposal_id: proposalId, user_id: userId })
        .onConflict((oc) => oc.doNothing())
        .returning('proposal_id')
        .executeTakeFirst();
    },
    deleteSupport(proposalId: number, userId: number) {
      return db.deleteFrom('proposal_supports').where('proposal_id', '=', proposalId).where('user_id', '=', userId).returning('proposal_id').executeTakeFirst();
    },
    changeSupportCount(proposalId: number, delta: 1 | -1) {
      return db
        .updateTable('proposals')
        .set((eb) => ({ support_count: eb('support_count', '+', delta) }))
        .where('id', '=', proposalId)
        .execute();
    },
    hasSupported(proposalId: number, userId: number) {
      return db.selectFrom('proposal_supports').select('user_id').where('proposal_id', '=', proposalId).where('user_id', '=', userId).executeTakeFirst().then(Boolean);
    },
    /**
     * One page of a proposal's comment threads (a top-level comment with all its replies, threads
     * oldest first, replies in the order written) and the number of threads, in one statement. The
     * page is `page`, brought into range (past the end: the last page), unless `commentId` names a
     * comment of this proposal: then it is the page that holds that comment's thread. Threads go
     * three levels deep, so a comment's thread is its grandparent, its parent or itself.
     */
    async commentPage(proposalId: number, options: { page: number; commentId?: number; perPage: number }) {
      const size = sql.lit(options.perPage);
      const { rows } = await sql<CommentPageRow>`
        with roots as (
          select id, (row_number() over (order by created_at, id) - 1)::int as position
          from proposal_comments
          where proposal_id = ${proposalId} and parent_id is null
        ),
        threads as (
          select count(*)::int as total,
                 coalesce(
                   (select r.position
                    from proposal_comments c
                    left join proposal_comments p on p.id = c.parent_id
                    join roots r on r.id = coalesce(p.parent_id, c.parent_id, c.id)
                    where c.id = ${options.commentId ?? null}::int and c.proposal_id = ${proposalId}) / ${size},
                   least(${options.page - 1}::int, greatest((count(*)::int - 1) / ${size}, 0))
                 )::int as page_index
          from roots
        )
        select t.total as thread_total, t.page_index, x.*
        from threads t
        left join lateral (
          select c.id, c.parent_id, c.depth, c.body, c.created_at, c.edited_at, c.author_user_id, c.hidden_at, c.hidden_reason, c.held,
                 a.display_name as author_name, a.deleted_at as author_deleted_at
          from proposal_comments c
          left join proposal_comments p on p.id = c.parent_id
          join roots r on r.id = coalesce(p.parent_id, c.parent_id, c.id)
          left join users a on a.id = c.author_user_id
          where c.proposal_id = ${proposalId} and r.position >= t.page_index * ${size} and r.position < (t.page_index + 1) * ${size}
        ) x on true
        order by x.created_at, x.id`.execute(db);
      const first = rows[0];
      const comments = rows.filter((row): row is CommentPageRow & CommentRow => row.id !== null);
      return { comments, threadTotal: first?.thread_total ?? 0, page: (first?.page_index ?? 0) + 1 };
    },
    comment(proposalId: number, id: number) {
      return db.selectFrom('proposal_comments').selectAll().where('proposal_id', '=', proposalId).where('id', '=', id).executeTakeFirst();
    },
    insertComment(row: NewRow<'proposal_comments'>) {
      return db.insertInto('proposal_comments').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateComment(id: number, body: string, held: boolean) {
      return db.updateTable('proposal_comments').set({ body, held, edited_at: new Date() }).where('id', '=', id).execute();
    },
    incrementCommentCount(proposalId: number) {
      return db
        .updateTable('proposals')
        .set((eb) => ({ comment_count: eb('comment_count', '+', 1) }))
        .where('id', '=', proposalId)
        .execute();
    },
    images(proposalId: number) {
      return db.selectFrom('proposal_images').select(['id', 'alt_text', 'file_id']).where('proposal_id', '=', proposalId).orderBy('position').execute();
    },
    image(proposalId: number, id: number) {
      return db.selectFrom('proposal_images').select(['file_id', 'alt_text']).where('proposal_id', '=', proposalId).where('id', '=', id).executeTakeFirst();
    },
    /** The measures a proposal led to, as ids: the strategy module owns the measures themselves. */
    linkedMeasureIds(proposalId: number) {
      return db
        .selectFrom('proposal_measures')
        .select('measure_id')
        .where('proposal_id', '=', proposalId)
        .execute()
        .then((rows) => rows.map((r) => r.measure_id));
    },
    insertImage(row: NewRow<'proposal_images'>) {
      return db.insertInto('proposal_images').values(row).execute();
    },
    /** The other proposals of a process, which one may be merged into. */
    mergeCandidates(processId: number, proposalId: number) {
      return db.selectFrom('proposals').select(['id', 'title']).where('process_id', '=', processId).where('id', '<>', proposalId).orderBy('title').limit(500).execute();
    },
    async replaceMeasureLinks(proposalId: number, measureIds: number[]) {
      await db.deleteFrom('proposal_measures').where('proposal_id', '=', proposalId).execute();
      if (measureIds.length)
        await db
          .insertInto('proposal_measures')
          .values(measureIds.map((measure_id) => ({ proposal_id: proposalId, measure_id })))
          .execute();
    },
    /** Everything of a process for the exports, in one query each. */
    exportProposals(processId: number) {
      return db
        .selectFrom('proposals as p')
        .leftJoin('users as a', 'a.id', 'p.author_user_id')
        .leftJoin('districts as d', 'd.id', 'p.district_id')
        .select([
          'p.id',
          'p.title',
          'p.body',
          'p.municipality_id',
          'p.field_id',
          'p.status',
          'p.answer_text',
          'p.support_count',
          'p.comment_count',
          'p.offline',
          'p.offline_source',
          'p.created_at',
          'a.display_name as author_name',
          'a.deleted_at as author_deleted_at',
          'd.name as district_name',
        ])
        .where('p.process_id', '=', processId)
        .orderBy('p.id')
        .execute();
    },
    exportComments(processId: number) {
      return db
        .selectFrom('proposal_comments as c')
        .innerJoin('proposals as p', 'p.id', 'c.proposal_id')
        .leftJoin('users as a', 'a.id', 'c.author_user_id')
        .select(['c.id', 'c.proposal_id', 'p.title as proposal_title', 'c.parent_id', 'c.body', 'c.created_at', 'a.display_name as author_name', 'a.deleted_at as author_deleted_at'])
        .where('p.process_id', '=', processId)
        .orderBy('c.id')
        .execute();
    },
    /** A town's processes (id, title), newest first, for choice lists in other modules. */
    processOptions(municipalityId: number) {
      return db.selectFrom('participation_processes').select(['id', 'title']).where('municipality_id', '=', municipalityId).orderBy('created_at', 'desc').execute();
    },
    /** For the implementation page: which proposals led to these measures (one query for the whole page). */
    proposalsForMeasures(measureIds: number[]) {
      if (measureIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('proposal_measures as pm')
        .innerJoin('proposals as p', 'p.id', 'pm.proposal_id')
        .innerJoin('participation_processes as pp', 'pp.id', 'p.process_id')
        .select(['pm.measure_id', 'p.id', 'p.title', 'p.process_id'])
        .where('pm.measure_id', 'in', measureIds)
        .where('pp.published', '=', true)
        .where('p.hidden_at', 'is', null)
        .where('p.held', '=', false)
        .orderBy('p.title')
        .execute();
    },
  };
}
