import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import type { SearchFilter } from './forms.ts';
import { toolkitRepository } from './repository.ts';

/** Words of a search worth a suggestion: letters only, lower case, at most five. */
export function suggestionWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 2)
    .slice(0, 5);
}

/**
 * One page of the published cards that match, the facet counts and, when nothing matched, the
 * search with each unknown word replaced by the closest known one ("Vereinn" → "verein").
 */
export async function toolkitSearch(db: Kysely<Database>, filter: SearchFilter, page: PageRequest) {
  const repo = toolkitRepository(db);
  const { rows, facets } = await repo.search(filter, page);
  const total = rows.length ? Number(rows[0]?.total) : 0;
  let suggestion: string | null = null;
  if (filter.text && total === 0 && page.offset === 0) {
    const words = suggestionWords(filter.text);
    const best = await repo.suggestions(words);
    if (best.some((b) => b.best)) suggestion = best.map((b) => b.best ?? b.typed).join(' ');
  }
  return { rows, total, facets, suggestion };
}
