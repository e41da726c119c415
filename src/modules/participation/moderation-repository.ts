import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { type PageResult, pageRequest, pageResult } from '../../platform/http/pagination.ts';
import type { ContentType, ReportReason } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type { ContentType };

/** Items per page in each list of the moderation queue. */
export const QUEUE_PAGE_SIZE = 20;

/** A contribution waiting in the queue, with what the decision forms need. */
export interface QueueItem {
  content_type: ContentType;
  content_id: number;
  title: string;
  body: string;
  author_user_id: number | null;
  process_id: number;
  proposal_id: number;
}

/** A reported contribution: its reports' reasons, notes and number. */
export interface ReportedItem extends QueueItem {
  reasons: string;
  notes: string | null;
  report_count: number;
}

export interface BlockedPerson {
  user_id: number;
  display_name: string;
  reason: string;
}

export interface QueuePages {
  reported: PageResult<ReportedItem>;
  held: PageResult<QueueItem>;
}

export function moderationRepository(db: Db) {
  const table = (type: ContentType) => (type === 'proposal' ? 'proposals' : 'proposal_comments');

  return {
    /** Whether the person wrote a proposal or comment, or supported a proposal, in the town: only such people can be blocked there. */
    contributedIn(municipalityId: number, userId: number) {
      return db
        .selectNoFrom((eb) => [
          eb
            .or([
              eb.exists(eb.selectFrom('proposals as p').select('p.id').where('p.municipality_id', '=', municipalityId).where('p.author_user_id', '=', userId)),
              eb.exists(
                eb
                  .selectFrom('proposal_comments as c')
                  .innerJoin('proposals as cp', 'cp.id', 'c.proposal_id')
                  .select('c.id')
                  .where('cp.municipality_id', '=', municipalityId)
                  .where('c.author_user_id', '=', userId),
              ),
              eb.exists(
                eb
                  .selectFrom('proposal_supports as s')
                  .innerJoin('proposals as sp', 'sp.id', 's.proposal_id')
                  .select('s.user_id')
                  .where('sp.municipality_id', '=', municipalityId)
                  .where('s.user_id', '=', userId),
              ),
            ])
            .as('contributed'),
        ])
        .executeTakeFirstOrThrow()
        .then((row) => Boolean(row.contributed));
    },
    isBlocked(municipalityId: number, userId: number) {
      return db.selectFrom('municipality_blocks').select('user_id').where('municipality_id', '=', municipalityId).where('user_id', '=', userId).executeTakeFirst().then(Boolean);
    },
    words(municipalityId: number) {
      return db
        .selectFrom('moderation_words')
        .select('word')
        .where('municipality_id', '=', municipalityId)
        .orderBy('word')
        .execute()
        .then((rows) => rows.map((r) => r.word));
    },
    async replaceWords(municipalityId: number, words: string[]) {
      await db.deleteFrom('moderation_words').where('municipality_id', '=', municipalityId).execute();
      if (words.length)
        await db
          .insertInto('moderation_words')
          .values(words.map((word) => ({ municipality_id: municipalityId, word })))
          .execute();
    },
    /** A person reports a contribution once; a second report of theirs changes nothing. */
    insertReport(row: { municipality_id: number; content_type: ContentType; content_id: number; reporter_user_id: number; reason: ReportReason; note: string }) {
      return db
        .insertInto('content_reports')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
    },
    /**
     * One page of each of the queue's two lists, open reports (oldest first report first) and held
     * contributions (proposals, then comments, by id), with how many each list has: one statement.
     * A page beyond a list's end is its last page; the pages shown come back with the rows.
     */
    async queuePages(municipalityId: number, pages: { reported: number; held: number }, pageSize = QUEUE_PAGE_SIZE): Promise<QueuePages> {
      const size = sql`cast(${pageSize} as integer)`;
      const result = await sql<{
        reported_total: number;
        reported_page: number;
        held_total: number;
        held_page: number;
        reported: ReportedItem[] | null;
        held: QueueItem[] | null;
      }>`
        with reported as (
          select r.content_type, r.content_id, string_agg(distinct r.reason, ',') as reasons, string_agg(nullif(r.note, ''), ' | ') as notes,
            cast(count(*) as integer) as report_count, min(r.created_at) as first_at
          from content_reports r
          where r.municipality_id = ${municipalityId} and r.resolved_at is null
          group by r.content_type, r.content_id
        ),
        held as (
          select 0 as kind, 'proposal' as content_type, p.id as content_id from proposals p where p.municipality_id = ${municipalityId} and p.held
          union all
          select 1, 'comment', c.id from proposal_comments c join proposals cp on cp.id = c.proposal_id where cp.municipality_id = ${municipalityId} and c.held
        ),
        pages as (
          select r.total as reported_total, least(cast(${pages.reported} as integer), greatest(1, (r.total + ${size} - 1) / ${size})) as reported_page,
            h.total as held_total, least(cast(${pages.held} as integer), greatest(1, (h.total + ${size} - 1) / ${size})) as held_page
          from (select cast(count(*) as integer) as total from reported) r, (select cast(count(*) as integer) as total from held) h
        ),
        reported_rows as (
          select q.content_type, q.content_id, q.reasons, q.notes, q.report_count, q.first_at,
            coalesce(p.title, cp.title) as title, coalesce(p.body, c.body) as body, coalesce(p.author_user_id, c.author_user_id) as author_user_id,
            coalesce(p.process_id, cp.process_id) as process_id, coalesce(p.id, cp.id) as proposal_id
          from (select * from reported order by first_at, content_type, content_id limit ${size} offset (select (reported_page - 1) * ${size} from pages)) q
          left join proposals p on q.content_type = 'proposal' and p.id = q.content_id
          left join proposal_comments c on q.content_type = 'comment' and c.id = q.content_id
          left join proposals cp on cp.id = c.proposal_id
        ),
        held_rows as (
          select q.kind, q.content_type, q.content_id, coalesce(p.title, cp.title) as title, coalesce(p.body, c.body) as body,
            coalesce(p.author_user_id, c.author_user_id) as author_user_id, coalesce(p.process_id, cp.process_id) as process_id, coalesce(p.id, cp.id) as proposal_id
          from (select * from held order by kind, content_id limit ${size} offset (select (held_page - 1) * ${size} from pages)) q
          left join proposals p on q.content_type = 'proposal' and p.id = q.content_id
          left join proposal_comments c on q.content_type = 'comment' and c.id = q.content_id
          left join proposals cp on cp.id = c.proposal_id
        )
        select pages.*,
          (select json_agg(json_build_object('content_type', x.content_type, 'content_id', x.content_id, 'title', x.title, 'body', x.body, 'author_user_id', x.author_user_id,
            'process_id', x.process_id, 'proposal_id', x.proposal_id, 'reasons', x.reasons, 'notes', x.notes, 'report_count', x.report_count)
            order by x.first_at, x.content_type, x.content_id) from reported_rows x) as reported,
          (select json_agg(json_build_object('content_type', x.content_type, 'content_id', x.content_id, 'title', x.title, 'body', x.body, 'author_user_id', x.author_user_id,
            'process_id', x.process_id, 'proposal_id', x.proposal_id) order by x.kind, x.content_id) from held_rows x) as held
        from pages`.execute(db);
      const row = result.rows[0];
      if (!row) throw new Error('the queue statement returns one row');
      return {
        reported: pageResult(row.reported ?? [], Number(row.reported_total), pageRequest(Number(row.reported_page), pageSize)),
        held: pageResult(row.held ?? [], Number(row.held_total), pageRequest(Number(row.held_page), pageSize)),
      };
    },
    contentMunicipality(type: ContentType, id: number) {
      if (type === 'proposal') return db.selectFrom('proposals').select(['municipality_id', 'author_user_id', 'hidden_at', 'held']).where('id', '=', id).executeTakeFirst();
      return db
        .selectFrom('proposal_comments as c')
        .innerJoin('proposals as p', 'p.id', 'c.proposal_id')
        .select(['p.municipality_id', 'c.author_user_id', 'c.hidden_at', 'c.held'])
        .where('c.id', '=', id)
        .executeTakeFirst();
    },
    setHidden(type: ContentType, id: number, hidden: { at: Date | null; reason: string }) {
      return db.updateTable(table(type)).set({ hidden_at: hidden.at, hidden_reason: hidden.reason, held: false }).where('id', '=', id).execute();
    },
    resolveReports(type: ContentType, id: number) {
      return db.updateTable('content_reports').set({ resolved_at: new Date() }).where('content_type', '=', type).where('content_id', '=', id).where('resolved_at', 'is', null).execute();
    },
    block(municipalityId: number, userId: number, reason: string) {
      return db
        .insertInto('municipality_blocks')
        .values({ municipality_id: municipalityId, user_id: userId, reason })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    unblock(municipalityId: number, userId: number) {
      return db.deleteFrom('municipality_blocks').where('municipality_id', '=', municipalityId).where('user_id', '=', userId).execute();
    },
    /** A page of the people blocked in the town, newest first; a page past the end is the last page (clamped as in queuePages). */
    async blocked(municipalityId: number, page: number, pageSize = QUEUE_PAGE_SIZE): Promise<PageResult<BlockedPerson>> {
      const size = sql`cast(${pageSize} as integer)`;
      const result = await sql<{ total: number; page: number; user_id: number | null; display_name: string | null; reason: string | null }>`
        with blocked as (
          select b.user_id, u.display_name, b.reason, b.created_at
          from municipality_blocks b join users u on u.id = b.user_id
          where b.municipality_id = ${municipalityId}
        ),
        pages as (
          select cast(count(*) as integer) as total, least(cast(${page} as integer), greatest(1, (cast(count(*) as integer) + ${size} - 1) / ${size})) as page from blocked
        )
        select pages.total, pages.page, x.user_id, x.display_name, x.reason
        from pages left join lateral (select * from blocked order by created_at desc, user_id limit ${size} offset (pages.page - 1) * ${size}) x on true
        order by x.created_at desc, x.user_id`.execute(db);
      const first = result.rows[0];
      // An empty page still gives its one row of counts, without a person.
      const people = result.rows.flatMap(({ user_id, display_name, reason }) => (user_id === null ? [] : [{ user_id, display_name: display_name ?? '', reason: reason ?? '' }]));
      return pageResult(people, first?.total ?? 0, pageRequest(first?.page ?? 1, pageSize));
    },
  };
}
