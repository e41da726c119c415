import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { OrganisationType } from './tables.ts';

/** Which part of the network a figure covers: the public page counts public organisations only. */
export interface NetworkScope {
  municipalityId: number;
  publicOnly: boolean;
}

export interface NetworkFigures {
  organisations: number;
  activeCooperations: number;
  /** Pairs of organisations linked by at least one active cooperation (the edges of the graph). */
  links: number;
  /** 2·E / (N·(N−1)); null below two organisations. */
  density: number | null;
  isolated: number;
  withMigrantOrganisation: number;
  /** Share of active cooperations with a migrant organisation on one side; null without any. */
  migrantShare: number | null;
  /** R9: cooperations begun in the period between a migrant and an established organisation. */
  newMixed: number;
}

export interface NodeRow {
  id: number;
  name: string;
  type: OrganisationType;
  degree: number;
}

export interface EdgeRow {
  source: number;
  target: number;
  cooperations: number;
}

export interface QuarterRow {
  quarter_start: string;
  quarter_end: string;
  started: number;
  active: number;
  links: number;
  new_mixed: number;
}

/**
 * The common part of every figure: the organisations counted and the cooperations among them. A
 * cooperation is active on a day when it has begun and not ended before that day; only dates decide.
 */
function base(scope: NetworkScope) {
  return sql`orgs as (
      select id, name, type, type = 'migrant_organisation' as migrant from network_organisations
      where municipality_id = ${scope.municipalityId} and (${!scope.publicOnly} or is_public)
    ),
    coops as (
      select c.id, c.organisation_id as a, c.partner_id as b, c.starts_on, c.ends_on, (oa.migrant or ob.migrant) as with_migrant, (oa.migrant <> ob.migrant) as mixed
      from network_cooperations c
      join orgs oa on oa.id = c.organisation_id
      join orgs ob on ob.id = c.partner_id
      where c.municipality_id = ${scope.municipalityId}
    )`;
}

/** The first days of the quarters from the one of `first` to the one of `day` (none without a first day). */
export function quarterStarts(first: string | null, day: string): string[] {
  if (!first || first > day) return [];
  const starts: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Math.floor((Number(first.slice(5, 7)) - 1) / 3) * 3 + 1;
  const last = day.slice(0, 7);
  for (;;) {
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    if (start.slice(0, 7) > last) break;
    starts.push(start);
    month += 3;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return starts;
}

const activeOn = (day: string) => sql`starts_on <= cast(${day} as date) and (ends_on is null or ends_on >= cast(${day} as date))`;

/** The network figures of a town, all computed in the database from the records and the dates. */
export function networkFiguresRepository(db: Kysely<Database>) {
  return {
    /** The town's network version: counted up by the database on every change of its organisations or cooperations. */
    async version(municipalityId: number): Promise<string> {
      const row = await db.selectFrom('network_versions').select('version').where('municipality_id', '=', municipalityId).executeTakeFirst();
      return String(row?.version ?? 0);
    },

    /** Figures on `day`; `from` starts the period of R9 (new mixed cooperations up to and including `day`). */
    async figures(scope: NetworkScope, day: string, from: string): Promise<NetworkFigures> {
      const result = await sql<{
        organisations: number;
        active: number;
        links: number;
        isolated: number;
        with_migrant: number;
        new_mixed: number;
        density: number | null;
        migrant_share: number | null;
      }>`with ${base(scope)},
        active as (select * from coops where ${activeOn(day)}),
        pairs as (select distinct least(a, b) as x, greatest(a, b) as y from active),
        linked as (select x as id from pairs union select y from pairs),
        counts as (
          select
            (select count(*) from orgs) as n,
            (select count(*) from active) as active,
            (select count(*) from pairs) as links,
            -- Both ends of every counted cooperation are counted organisations, so the rest have no link.
            (select count(*) from orgs) - (select count(*) from linked) as isolated,
            (select count(*) from active where with_migrant) as with_migrant,
            (select count(*) from coops where mixed and starts_on >= cast(${from} as date) and starts_on <= cast(${day} as date)) as new_mixed
        )
        select cast(n as integer) as organisations, cast(active as integer) as active, cast(links as integer) as links, cast(isolated as integer) as isolated,
          cast(with_migrant as integer) as with_migrant, cast(new_mixed as integer) as new_mixed,
          case when n > 1 then cast(2.0 * links / (n * (n - 1)) as float8) end as density,
          case when active > 0 then cast(1.0 * with_migrant / active as float8) end as migrant_share
        from counts`.execute(db);
      const row = result.rows[0];
      if (!row) throw new Error('network figures returned no row');
      return {
        organisations: row.organisations,
        activeCooperations: row.active,
        links: row.links,
        density: row.density === null ? null : Number(row.density),
        isolated: row.isolated,
        withMigrantOrganisation: row.with_migrant,
        migrantShare: row.migrant_share === null ? null : Number(row.migrant_share),
        newMixed: row.new_mixed,
      };
    },

    /** Every organisation counted, by name, with its number of partners on `day`. */
    async nodes(scope: NetworkScope, day: string): Promise<NodeRow[]> {
      const result = await sql<NodeRow>`with ${base(scope)},
        pairs as (select distinct least(a, b) as x, greatest(a, b) as y from coops where ${activeOn(day)}),
        ends as (select x as id from pairs union all select y from pairs)
        select o.id, o.name, o.type, cast(count(e.id) as integer) as degree
        from orgs o left join ends e on e.id = o.id
        group by o.id, o.name, o.type
        order by o.name, o.id`.execute(db);
      return result.rows;
    },

    /** The linked pairs on `day` (smaller id first) with the number of active cooperations between them. */
    async edges(scope: NetworkScope, day: string): Promise<EdgeRow[]> {
      const result = await sql<EdgeRow>`with ${base(scope)}
        select least(a, b) as source, greatest(a, b) as target, cast(count(*) as integer) as cooperations
        from coops where ${activeOn(day)}
        group by least(a, b), greatest(a, b)
        order by 1, 2`.execute(db);
      return result.rows;
    },

    /**
     * Per quarter from the first cooperation up to `day`'s quarter: begun, active and linked pairs at
     * its end, new mixed ones. The quarters are listed here rather than by generate_series, so that
     * the planner knows how few they are (its guess of a thousand made PostgreSQL compile the query
     * with JIT, which took longer than the query itself in a town of 20,000 cooperations).
     */
    async quarters(scope: NetworkScope, day: string): Promise<QuarterRow[]> {
      const first = await sql<{ first: string | null }>`with ${base(scope)} select to_char(min(starts_on), 'YYYY-MM-DD') as first from coops`.execute(db);
      const starts = quarterStarts(first.rows[0]?.first ?? null, day);
      if (starts.length === 0) return [];
      const result = await sql<QuarterRow>`with ${base(scope)},
        q as (
          select qs, cast(qs + interval '3 months' - interval '1 day' as date) as qe
          from unnest(cast(${`{${starts.join(',')}}`} as date[])) as qs
        ),
        begun as (
          select cast(date_trunc('quarter', starts_on) as date) as qs, count(*) as started, count(*) filter (where mixed) as new_mixed
          from coops group by 1
        ),
        open_at_end as (
          select q.qs, least(c.a, c.b) as x, greatest(c.a, c.b) as y
          from q join coops c on c.starts_on <= q.qe and (c.ends_on is null or c.ends_on >= q.qe)
        ),
        active as (select qs, count(*) as active from open_at_end group by qs),
        linked as (select qs, count(*) as links from (select distinct qs, x, y from open_at_end) p group by qs)
        select to_char(q.qs, 'YYYY-MM-DD') as quarter_start, to_char(q.qe, 'YYYY-MM-DD') as quarter_end,
          cast(coalesce(b.started, 0) as integer) as started, cast(coalesce(a.active, 0) as integer) as active,
          cast(coalesce(l.links, 0) as integer) as links, cast(coalesce(b.new_mixed, 0) as integer) as new_mixed
        from q
        left join begun b on b.qs = q.qs
        left join active a on a.qs = q.qs
        left join linked l on l.qs = q.qs
        order by q.qs`.execute(db);
      return result.rows;
    },
  };
}
