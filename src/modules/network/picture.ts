import type { Kysely } from 'kysely';
import { setBounded } from '../../platform/bounded-map.ts';
import type { Database } from '../../platform/db/schema.ts';
import { type PageRequest, type PageResult, pageResult } from '../../platform/http/pagination.ts';
import { type EdgeRow, type NetworkFigures, type NetworkScope, type NodeRow, networkFiguresRepository, type QuarterRow } from './figures-repository.ts';
import { layoutNetwork, type PlacedEdge, type PlacedNode } from './graph.ts';

/**
 * At most this many organisations are drawn: the best connected ones on the day (then by name). A
 * force layout of thousands of points costs seconds and shows nothing one could read; the table next
 * to the picture lists every organisation with its partners all the same.
 */
export const DRAWN_LIMIT = 150;

/** One row of the table next to the picture: every organisation counted, with the names of its partners on the day. */
export interface NetworkTableRow {
  id: number;
  name: string;
  type: NodeRow['type'];
  degree: number;
  partners: string[];
}

export interface NetworkState {
  figures: NetworkFigures;
  quarters: QuarterRow[];
  /** What is drawn: all organisations, or the DRAWN_LIMIT best connected and the links among them. */
  picture: { nodes: PlacedNode[]; edges: PlacedEdge[]; total: number; totalLinks: number };
  /** Every organisation counted, by name. */
  table: NetworkTableRow[];
}

/** The organisations drawn: all of them, or the best connected when there are too many. */
export function drawnPart(nodes: NodeRow[], edges: EdgeRow[], limit = DRAWN_LIMIT): { nodes: NodeRow[]; edges: EdgeRow[] } {
  if (nodes.length <= limit) return { nodes, edges };
  const chosen = [...nodes].sort((a, b) => b.degree - a.degree || a.name.localeCompare(b.name, 'de') || a.id - b.id).slice(0, limit);
  const ids = new Set(chosen.map((n) => n.id));
  return { nodes: nodes.filter((n) => ids.has(n.id)), edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

function tableOf(nodes: NodeRow[], edges: EdgeRow[]): NetworkTableRow[] {
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const partners = new Map<number, string[]>();
  const add = (id: number, other: number) => {
    const name = names.get(other);
    if (name === undefined) return;
    const list = partners.get(id);
    if (list) list.push(name);
    else partners.set(id, [name]);
  };
  for (const e of edges) {
    add(e.source, e.target);
    add(e.target, e.source);
  }
  return nodes.map((n) => ({ id: n.id, name: n.name, type: n.type, degree: n.degree, partners: (partners.get(n.id) ?? []).sort((a, b) => a.localeCompare(b, 'de')) }));
}

async function compute(db: Kysely<Database>, scope: NetworkScope, day: string, from: string): Promise<NetworkState> {
  const repo = networkFiguresRepository(db);
  const [figures, quarters, nodes, edges] = await Promise.all([repo.figures(scope, day, from), repo.quarters(scope, day), repo.nodes(scope, day), repo.edges(scope, day)]);
  const drawn = drawnPart(nodes, edges);
  const placed = layoutNetwork(drawn.nodes, drawn.edges);
  return { figures, quarters, picture: { ...placed, total: nodes.length, totalLinks: edges.length }, table: tableOf(nodes, edges) };
}

export const TABLE_PAGE_SIZE = 25;

/** One page of the table next to the picture. */
export function tablePage(state: NetworkState, page: PageRequest): PageResult<NetworkTableRow> {
  return pageResult(state.table.slice(page.offset, page.offset + page.pageSize), state.table.length, page);
}

/**
 * Computed states by town, scope, day, start of the period and the version of the town's network
 * (counted up by the database on every change, migration 0033): an entry is used only while the
 * version it was computed from is still the current one, so no change is ever hidden, on any
 * instance. Requests that arrive while a state is computed share the computation.
 */
const states = new Map<string, Promise<NetworkState>>();
const MAX_STATES = 64;

/** Figures, quarters, the drawn graph and the full table of a town on a day, for the public page and the workspace alike. */
export async function networkPicture(db: Kysely<Database>, scope: NetworkScope, day: string, from: string): Promise<NetworkState> {
  const version = await networkFiguresRepository(db).version(scope.municipalityId);
  const key = `${scope.municipalityId}|${scope.publicOnly ? 'public' : 'all'}|${day}|${from}|${version}`;
  let state = states.get(key);
  if (state) {
    // Most recently used last, so the oldest entry is the first one dropped.
    setBounded(states, key, state, MAX_STATES);
    return state;
  }
  state = compute(db, scope, day, from);
  setBounded(states, key, state, MAX_STATES);
  state.catch(() => states.delete(key));
  return state;
}
