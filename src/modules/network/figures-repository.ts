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

const activeOn = (day: string) => sql`starts_on <= cast(${day} as date) and (ends_on is null or ends_on >= cast(${day} as date))`;

/** The network figures of a town, all computed in the database from the records and the dates. */
export function networkFiguresRepository(db: Kysely<Database>) {
  return {
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
        counts as (
          select
            (select count(*) from orgs) as n,
            (select count(*) from active) as active,
            (select count(*) from pairs) as links,
            (select count(*) from orgs o where not exists (select 1 from pairs p where p.x = o.id or p.y = o.id)) as isolated,
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

    /** Per quarter from the first cooperation up to `day`'s quarter: begun, active and linked pairs at its end, new mixed ones. */
    async quarters(scope: NetworkScope, day: string): Promise<QuarterRow[]> {
      const result = await sql<QuarterRow>`with ${base(scope)},
        q as (
          select cast(gs as date) as qs, cast(gs + interval '3 months' - interval '1 day' as date) as qe
          from generate_series(date_trunc('quarter', (select min(starts_on) from coops)::timestamp), date_trunc('quarter', cast(${day} as date)::timestamp), interval '3 months') as gs
        )
        select to_char(q.qs, 'YYYY-MM-DD') as quarter_start, to_char(q.qe, 'YYYY-MM-DD') as quarter_end,
          cast((select count(*) from coops c where c.starts_on between q.qs and q.qe) as integer) as started,
          cast((select count(*) from coops c where c.starts_on <= q.qe and (c.ends_on is null or c.ends_on >= q.qe)) as integer) as active,
          cast((select count(distinct (least(c.a, c.b), greatest(c.a, c.b))) from coops c where c.starts_on <= q.qe and (c.ends_on is null or c.ends_on >= q.qe)) as integer) as links,
          cast((select count(*) from coops c where c.mixed and c.starts_on between q.qs and q.qe) as integer) as new_mixed
        from q order by q.qs`.execute(db);
      return result.rows;
    },
  };
}
