import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { ContentType, ReportReason } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type { ContentType };

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
    /** Open reports and held contributions of a town, with the contribution's text: the moderation queue, two queries. */
    async queue(municipalityId: number) {
      const reported = await db
        .selectFrom('content_reports as r')
        .leftJoin('proposals as p', (join) => join.onRef('p.id', '=', 'r.content_id').on('r.content_type', '=', 'proposal'))
        .leftJoin('proposal_comments as c', (join) => join.onRef('c.id', '=', 'r.content_id').on('r.content_type', '=', 'comment'))
        .leftJoin('proposals as cp', 'cp.id', 'c.proposal_id')
        .select([
          'r.content_type',
          'r.content_id',
          sql<string>`string_agg(distinct r.reason, ',')`.as('reasons'),
          sql<string>`string_agg(nullif(r.note, ''), ' | ')`.as('notes'),
          sql<number>`count(*)`.as('report_count'),
          sql<string>`coalesce(p.title, cp.title)`.as('title'),
          sql<string>`coalesce(p.body, c.body)`.as('body'),
          sql<number>`coalesce(p.author_user_id, c.author_user_id)`.as('author_user_id'),
          sql<number>`coalesce(p.process_id, cp.process_id)`.as('process_id'),
          sql<number>`coalesce(p.id, cp.id)`.as('proposal_id'),
          sql<Date | null>`coalesce(p.hidden_at, c.hidden_at)`.as('hidden_at'),
        ])
        .where('r.municipality_id', '=', municipalityId)
        .where('r.resolved_at', 'is', null)
        .groupBy([
          'r.content_type',
          'r.content_id',
          'p.title',
          'cp.title',
          'p.body',
          'c.body',
          'p.author_user_id',
          'c.author_user_id',
          'p.process_id',
          'cp.process_id',
          'p.id',
          'cp.id',
          'p.hidden_at',
          'c.hidden_at',
        ])
        .orderBy(sql`min(r.created_at)`)
        .execute();
      const held = await db
        .selectFrom('proposals as p')
        .select([sql<ContentType>`'proposal'`.as('content_type'), 'p.id as content_id', 'p.title', 'p.body', 'p.author_user_id', 'p.process_id', 'p.id as proposal_id'])
        .where('p.municipality_id', '=', municipalityId)
        .where('p.held', '=', true)
        .unionAll(
          db
            .selectFrom('proposal_comments as c')
            .innerJoin('proposals as cp', 'cp.id', 'c.proposal_id')
            .select([sql<ContentType>`'comment'`.as('content_type'), 'c.id as content_id', 'cp.title', 'c.body', 'c.author_user_id', 'cp.process_id', 'cp.id as proposal_id'])
            .where('cp.municipality_id', '=', municipalityId)
            .where('c.held', '=', true),
        )
        .execute();
      return { reported, held };
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
    blocked(municipalityId: number) {
      return db
        .selectFrom('municipality_blocks as b')
        .innerJoin('users as u', 'u.id', 'b.user_id')
        .select(['b.user_id', 'u.display_name', 'b.reason', 'b.created_at'])
        .where('b.municipality_id', '=', municipalityId)
        .orderBy('b.created_at', 'desc')
        .execute();
    },
  };
}
