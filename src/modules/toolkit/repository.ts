import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { prepared } from '../../platform/db/prepared.ts';
import type { Database, NewRow, RowUpdate } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import type { SearchFilter } from './forms.ts';
import type { Status, TranslationLocale } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Start and end of a highlighted match in a headline: control characters no text of a card contains, replaced by <mark> in the view. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export interface SearchRow {
  id: number;
  title: string;
  summary: string;
  format: string;
  duration: string;
  group_size: string;
  fields_of_action: string[];
  target_groups: string[];
  ags: string;
  town: string;
  headline: string | null;
  /** How many towns and records (measures, events, training modules) name the card. */
  towns: number;
  uses: number;
  total: number;
}

/** The versions of the search's data (migration 0040) and of the cards' use counts (migration 0042), read in one snapshot. */
export interface SearchVersions {
  version: number;
  usesVersion: number;
}

/** The versions as a statement returns them (bigint columns come as text). */
function versionsOf(row: { version: number; uses_version: number } | undefined): SearchVersions {
  return { version: Number(row?.version ?? 0), usesVersion: Number(row?.uses_version ?? 0) };
}

export interface FacetRow {
  facet: 'field' | 'target' | 'format' | 'duration' | 'size' | 'town';
  value: string;
  label: string | null;
  n: number;
}

/**
 * The filtered set of published cards with, per filter, whether a row passes it: the page takes
 * the rows that pass all, each facet counts the rows that pass all the others (so a chosen format
 * still shows how many the other formats would give). Only the columns the filters, facets and
 * order need: the facet statement materialises the set once for its six groupings (every card
 * without a search text), and the page reads the texts of its own rows only.
 */
function filtered(f: SearchFilter): RawBuilder<unknown> {
  const query = f.text ? sql`websearch_to_tsquery('german', ${f.text})` : sql`null::tsquery`;
  // A filter not chosen is the constant true, not a test per card: less for the planner and per row.
  const passes = (chosen: string | undefined, test: RawBuilder<unknown>) => (chosen === undefined ? sql`true` : test);
  return sql`select m.id, m.title, m.format, m.duration, m.group_size, m.fields_of_action, m.target_groups, m.municipality_id,
      m.use_towns as towns, m.use_count as uses,
      ${f.text ? sql`ts_rank(m.search, ${query})` : sql`0`} as rank,
      ${passes(f.field, sql`${f.field ?? null}::text = any(m.fields_of_action)`)} as ok_field,
      ${passes(f.targetGroup, sql`${f.targetGroup ?? null}::text = any(m.target_groups)`)} as ok_target,
      ${passes(f.format, sql`m.format = ${f.format ?? null}::text`)} as ok_format,
      ${passes(f.duration, sql`m.duration = ${f.duration ?? null}::text`)} as ok_duration,
      ${passes(f.groupSize, sql`m.group_size = ${f.groupSize ?? null}::text`)} as ok_size,
      ${passes(f.ags, sql`m.municipality_id is not distinct from (select id from municipalities where ags = ${f.ags ?? null}::text)`)} as ok_town
    from toolkit_methods m
    where m.status = 'published' ${f.text ? sql`and m.search @@ ${query}` : sql``}`;
}

/** Method cards, their versions and translations. Records are read by id alone; the service checks the town. */
export function toolkitRepository(db: Db) {
  return {
    // ---- search (published cards only) ----
    /**
     * One page of the published cards that match, best first, each with a highlighted excerpt and
     * the total, with the versions of the search's data and use counts read in the same statement
     * (so the facet counts and pages kept for them can be told apart from stale ones).
     */
    async searchPage(f: SearchFilter, page: PageRequest): Promise<{ rows: SearchRow[] } & SearchVersions> {
      const query = f.text ? sql`websearch_to_tsquery('german', ${f.text})` : sql`null::tsquery`;
      const headline = f.text
        ? sql<string>`ts_headline('german', c.summary || ' ' || c.goal || ' ' || array_to_string(c.steps, ' '), ${query}, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`})`
        : sql<null>`null`;
      // Popular: the cards most towns used first, then the most uses; otherwise the best match first.
      const order = f.sort === 'popular' ? sql`towns desc, uses desc, rank desc` : sql`rank desc`;
      const titleMark = f.text ? sql<string>`ts_headline('german', p.title, ${query}, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`})` : sql<string>`p.title`;
      const result = await sql<{ rows: SearchRow[] | null; version: number; uses_version: number }>`${prepared}
        with page as (
          select b.*, cast(count(*) over () as integer) as total, row_number() over (order by ${order}, title, id) as position from (${filtered(f)}) b
          where ok_field and ok_target and ok_format and ok_duration and ok_size and ok_town
          order by position
          limit ${page.pageSize} offset ${page.offset}
        ),
        hits as (
          select p.position, p.id, ${titleMark} as title, c.summary, p.format, p.duration, p.group_size, p.fields_of_action, p.target_groups, mu.ags, mu.name as town, ${headline} as headline, p.towns, p.uses, p.total
          from page p join toolkit_methods c on c.id = p.id join municipalities mu on mu.id = p.municipality_id
        )
        select (select json_agg(h order by h.position) from hits h) as rows, s.version, s.uses_version from toolkit_search_state s`.execute(db);
      const [row] = result.rows;
      return { rows: row?.rows ?? [], ...versionsOf(row) };
    },

    /** Both versions alone: whether a kept page of results still shows what the cards hold. */
    async searchVersions(): Promise<SearchVersions> {
      const result = await sql<{ version: number; uses_version: number }>`${prepared} select version, uses_version from toolkit_search_state`.execute(db);
      return versionsOf(result.rows[0]);
    },

    /** For each filter, how many cards each of its values would give with the other filters kept; with the version they were counted at. */
    async facets(f: SearchFilter): Promise<{ facets: FacetRow[]; version: number }> {
      const result = await sql<{ facets: FacetRow[] | null; version: number }>`
        with base as materialized (${filtered(f)}),
        facets as (
          select 'field' as facet, v as value, null as label, cast(count(*) as integer) as n from base, unnest(fields_of_action) v
            where ok_target and ok_format and ok_duration and ok_size and ok_town group by v
          union all
          select 'target', v, null, cast(count(*) as integer) from base, unnest(target_groups) v
            where ok_field and ok_format and ok_duration and ok_size and ok_town group by v
          union all
          select 'format', format, null, cast(count(*) as integer) from base
            where ok_field and ok_target and ok_duration and ok_size and ok_town group by format
          union all
          select 'duration', duration, null, cast(count(*) as integer) from base
            where ok_field and ok_target and ok_format and ok_size and ok_town group by duration
          union all
          select 'size', group_size, null, cast(count(*) as integer) from base
            where ok_field and ok_target and ok_format and ok_duration and ok_town group by group_size
          union all
          select 'town', mu.ags, min(mu.name), cast(count(*) as integer) from base b join municipalities mu on mu.id = b.municipality_id
            where ok_field and ok_target and ok_format and ok_duration and ok_size group by mu.ags
        )
        select (select json_agg(f) from facets f) as facets, (select version from toolkit_search_state) as version`.execute(db);
      const [row] = result.rows;
      return { facets: row?.facets ?? [], version: Number(row?.version ?? 0) };
    },

    /**
     * For each typed word, the most similar word of the published cards' titles and summaries
     * (trigram similarity), or null when none is close enough or the word is already there.
     */
    async suggestions(words: string[]): Promise<Array<{ typed: string; best: string | null }>> {
      if (!words.length) return [];
      const result = await sql<{ typed: string; best: string | null }>`
        with vocabulary as materialized (
          select word from ts_stat($$select to_tsvector('simple', title || ' ' || summary) from toolkit_methods where status = 'published'$$)
          where length(word) > 2
        )
        select w.typed, (
          select v.word from vocabulary v where v.word % w.typed and v.word <> w.typed
          and not exists (select 1 from vocabulary e where e.word = w.typed)
          order by similarity(v.word, w.typed) desc, v.word limit 1
        ) as best
        from unnest(cast(${words} as text[])) with ordinality as w(typed, n) order by w.n`.execute(db);
      return result.rows;
    },

    /** Every published card with its town, for the open-data file. */
    publishedMethods() {
      return db
        .selectFrom('toolkit_methods as m')
        .innerJoin('municipalities as mu', 'mu.id', 'm.municipality_id')
        .select([
          'm.id',
          'm.title',
          'm.summary',
          'm.goal',
          'm.steps',
          'm.format',
          'm.duration',
          'm.group_size',
          'm.fields_of_action',
          'm.target_groups',
          'm.languages',
          'm.licence',
          'm.published_at',
          'm.version',
          'mu.ags',
          'mu.name as town',
        ])
        .where('m.status', '=', 'published')
        .orderBy('m.id')
        .execute();
    },

    // ---- cards ----
    method(id: number) {
      return db.selectFrom('toolkit_methods').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** A card with its town: for the public page only a published one. */
    methodWithTown(id: number, publishedOnly: boolean) {
      let query = db.selectFrom('toolkit_methods as m').innerJoin('municipalities as mu', 'mu.id', 'm.municipality_id').selectAll('m').select(['mu.ags', 'mu.name as town']).where('m.id', '=', id);
      if (publishedOnly) query = query.where('m.status', '=', 'published');
      return query.executeTakeFirst();
    },
    /** One page of a town's cards in every state, newest change first. */
    townMethods(municipalityId: number, page: PageRequest) {
      return db
        .selectFrom('toolkit_methods')
        .select(['id', 'title', 'status', 'version', 'updated_at', 'review_note'])
        .select(sql<number>`cast(count(*) over () as integer)`.as('total'))
        .where('municipality_id', '=', municipalityId)
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.pageSize)
        .offset(page.offset)
        .execute();
    },
    /** One page of the cards of every town in the given states (the office's review queue), oldest change first. */
    methodsInStates(states: Status[], page: PageRequest) {
      return db
        .selectFrom('toolkit_methods as m')
        .innerJoin('municipalities as mu', 'mu.id', 'm.municipality_id')
        .select(['m.id', 'm.title', 'm.status', 'm.version', 'm.updated_at', 'mu.name as town', 'mu.ags'])
        .select(sql<number>`cast(count(*) over () as integer)`.as('total'))
        .where('m.status', 'in', states)
        .orderBy('m.updated_at')
        .orderBy('m.id')
        .limit(page.pageSize)
        .offset(page.offset)
        .execute();
    },
    insertMethod(row: NewRow<'toolkit_methods'>) {
      return db.insertInto('toolkit_methods').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateMethod(id: number, values: RowUpdate<'toolkit_methods'>) {
      return db.updateTable('toolkit_methods').set(values).where('id', '=', id).execute();
    },
    /** Rewrites the search vector: title and summary weigh most (A), goal and steps next (B), materials and attachments' text least (C). */
    refreshSearch(id: number) {
      return sql`update toolkit_methods set search =
          setweight(to_tsvector('german', title), 'A') || setweight(to_tsvector('german', summary), 'A')
          || setweight(to_tsvector('german', goal || ' ' || array_to_string(steps, ' ')), 'B')
          || setweight(to_tsvector('german', materials || ' ' || attachment_text), 'C')
        where id = ${id}`.execute(db);
    },

    // ---- versions ----
    insertVersion(row: NewRow<'toolkit_method_versions'>) {
      return db.insertInto('toolkit_method_versions').values(row).execute();
    },
    versions(methodId: number) {
      return db
        .selectFrom('toolkit_method_versions as v')
        .leftJoin('users as u', 'u.id', 'v.actor_user_id')
        .select(['v.version', 'v.status', 'v.created_at', 'u.display_name as actor'])
        .where('v.method_id', '=', methodId)
        .orderBy('v.version', 'desc')
        .limit(50)
        .execute();
    },

    // ---- attachments ----
    attachments(methodId: number) {
      return db
        .selectFrom('toolkit_attachments as a')
        .innerJoin('files as f', 'f.id', 'a.file_id')
        .select(['a.id', 'a.title', 'a.kind', 'f.size_bytes', sql<boolean>`a.text_content <> ''`.as('has_text')])
        .where('a.method_id', '=', methodId)
        .orderBy('a.id')
        .execute();
    },
    /** An attachment with its card's town and state, for the checks of download and deletion. */
    attachment(id: number) {
      return db
        .selectFrom('toolkit_attachments as a')
        .innerJoin('toolkit_methods as m', 'm.id', 'a.method_id')
        .select(['a.id', 'a.method_id', 'a.file_id', 'a.title', 'a.kind', 'm.municipality_id', 'm.status'])
        .where('a.id', '=', id)
        .executeTakeFirst();
    },
    insertAttachment(row: NewRow<'toolkit_attachments'>) {
      return db.insertInto('toolkit_attachments').values(row).returning('id').executeTakeFirstOrThrow();
    },
    deleteAttachment(id: number) {
      return db.deleteFrom('toolkit_attachments').where('id', '=', id).execute();
    },
    /** The card keeps its attachments' text together, so the search vector can weigh it (C). */
    refreshAttachmentText(methodId: number) {
      return sql`update toolkit_methods set attachment_text = coalesce((select string_agg(text_content, ' ' order by id) from toolkit_attachments where method_id = ${methodId}), '')
        where id = ${methodId}`.execute(db);
    },

    // ---- translations ----
    translation(methodId: number, locale: TranslationLocale) {
      return db.selectFrom('toolkit_method_translations').selectAll().where('method_id', '=', methodId).where('locale', '=', locale).executeTakeFirst();
    },
    translatedLocales(methodId: number) {
      return db
        .selectFrom('toolkit_method_translations')
        .select('locale')
        .where('method_id', '=', methodId)
        .orderBy('locale')
        .execute()
        .then((rows) => rows.map((r) => r.locale));
    },
    upsertTranslation(row: NewRow<'toolkit_method_translations'>) {
      return db
        .insertInto('toolkit_method_translations')
        .values(row)
        .onConflict((oc) => oc.columns(['method_id', 'locale']).doUpdateSet({ title: row.title, summary: row.summary, goal: row.goal, steps: row.steps, updated_at: sql`now()` }))
        .execute();
    },
  };
}
