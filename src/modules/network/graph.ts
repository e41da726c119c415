import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { EdgeRow, NodeRow } from './figures-repository.ts';
import type { OrganisationType } from './tables.ts';

export const GRAPH_SIZE = { width: 640, height: 480 } as const;
const TICKS = 300;
const MARGIN = 24;

export interface PlacedNode {
  id: number;
  name: string;
  type: OrganisationType;
  degree: number;
  x: number;
  y: number;
}

export interface PlacedEdge {
  source: PlacedNode;
  target: PlacedNode;
  cooperations: number;
}

interface SimNode extends SimulationNodeDatum {
  row: NodeRow;
}

/**
 * Places the organisations with a force layout run for a fixed number of ticks from fixed starting
 * points (a sunflower spiral in id order), with d3's own fixed random source: the same network
 * always gives the same picture, so a page can be cached and a test can compare it.
 */
export function layoutNetwork(nodes: NodeRow[], edges: EdgeRow[]): { nodes: PlacedNode[]; edges: PlacedEdge[] } {
  const ordered = [...nodes].sort((a, b) => a.id - b.id);
  const sim: SimNode[] = ordered.map((row, i) => {
    const radius = 10 * Math.sqrt(i + 0.5);
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    return { row, x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
  const byId = new Map(sim.map((n) => [n.row.id, n]));
  const links: Array<SimulationLinkDatum<SimNode>> = edges.flatMap((e) => {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    return source && target ? [{ source, target }] : [];
  });
  const simulation = forceSimulation(sim)
    .force('charge', forceManyBody().strength(-60))
    .force('link', forceLink(links).distance(40))
    .force('collide', forceCollide(10))
    .force('center', forceCenter(0, 0))
    .stop();
  simulation.tick(TICKS);

  const xs = sim.map((n) => n.x ?? 0);
  const ys = sim.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs, 0), Math.max(...xs, 0), Math.min(...ys, 0), Math.max(...ys, 0)];
  const scale = Math.min((GRAPH_SIZE.width - 2 * MARGIN) / Math.max(maxX - minX, 1), (GRAPH_SIZE.height - 2 * MARGIN) / Math.max(maxY - minY, 1), 4);
  const offsetX = (GRAPH_SIZE.width - (maxX - minX) * scale) / 2;
  const offsetY = (GRAPH_SIZE.height - (maxY - minY) * scale) / 2;
  // Rounded, so that floating-point noise cannot change the markup.
  const round = (v: number) => Math.round(v * 10) / 10;
  const placed = new Map<number, PlacedNode>(sim.map((n) => [n.row.id, { ...n.row, x: round(offsetX + ((n.x ?? 0) - minX) * scale), y: round(offsetY + ((n.y ?? 0) - minY) * scale) }]));
  return {
    nodes: nodes.flatMap((n) => placed.get(n.id) ?? []),
    edges: edges.flatMap((e) => {
      const source = placed.get(e.source);
      const target = placed.get(e.target);
      return source && target ? [{ source, target, cooperations: e.cooperations }] : [];
    }),
  };
}

/** One colour per type (distinguishable also in greyscale order); migrant organisations are also a different shape. */
export const TYPE_COLOURS: Record<OrganisationType, string> = {
  administration: '#1f4e79',
  club: '#2e8b57',
  migrant_organisation: '#c0392b',
  company: '#7d5ba6',
  education_provider: '#d68910',
  school: '#17a589',
  religious_community: '#6e2c00',
  political_group: '#34495e',
  welfare_organisation: '#b03a6f',
  initiative: '#5d8aa8',
  other: '#7f8c8d',
};
