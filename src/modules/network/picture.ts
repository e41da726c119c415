import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { type NetworkScope, networkFiguresRepository } from './figures-repository.ts';
import { layoutNetwork } from './graph.ts';

/** Figures, quarters and the laid-out graph of a town on a day, for the public page and the workspace alike. */
export async function networkPicture(db: Kysely<Database>, scope: NetworkScope, day: string, from: string) {
  const repo = networkFiguresRepository(db);
  const [figures, quarters, nodes, edges] = await Promise.all([repo.figures(scope, day, from), repo.quarters(scope, day), repo.nodes(scope, day), repo.edges(scope, day)]);
  return { figures, quarters, picture: layoutNetwork(nodes, edges) };
}
