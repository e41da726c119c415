import type { Kysely } from 'kysely';
import { setBounded } from '../../platform/bounded-map.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import type { SearchFilter } from './forms.ts';
import { type FacetRow, type SearchRow, type SearchVersions, toolkitRepository } from './repository.ts';

/** At most this many searches' facet counts are kept per process (the oldest go first). */
const KEPT_FACETS_LIMIT = 500;

/**
 * The facet counts of a search (its text and filters, not its order or page), kept with the
 * version of the toolkit's search data they were counted at (migration 0040). The page reads the
 * version in its own statement: the same version means the same cards with the same filters and
 * texts, so the counts are the same; any other version counts anew. Counting them was most of a
 * search's database time (every published card, six groupings); the page itself still runs.
 */
const keptFacets = new Map<string, { version: number; facets: FacetRow[] }>();

function facetKey(filter: SearchFilter): string {
  return JSON.stringify([filter.text ?? null, filter.field ?? null, filter.targetGroup ?? null, filter.format ?? null, filter.duration ?? null, filter.groupSize ?? null, filter.ags ?? null]);
}

async function facetsOf(repo: ReturnType<typeof toolkitRepository>, filter: SearchFilter, version: number): Promise<FacetRow[]> {
  const key = facetKey(filter);
  const kept = keptFacets.get(key);
  if (kept && kept.version === version) return kept.facets;
  const counted = await repo.facets(filter);
  setBounded(keptFacets, key, counted, KEPT_FACETS_LIMIT);
  return counted.facets;
}

/** What a search page shows: one page of matching cards, the total, the facet counts and a suggestion when nothing matched. */
export interface ToolkitSearchResult {
  rows: SearchRow[];
  total: number;
  facets: FacetRow[];
  suggestion: string | null;
}

/** At most this many pages of results are kept per process (the oldest go first). */
const KEPT_PAGES_LIMIT = 500;

/**
 * A page of results (a search, its order and page), kept with the versions of the search data and
 * of the use counts it was read at. A kept page costs one small statement reading both versions
 * instead of the search (ranking, headlines, the window count); unchanged versions mean the same
 * cards with the same texts, filters and counts, so the same page. Its rows are the owner of the
 * list's rendered HTML (views/public-pages.tsx), which goes with them.
 */
const keptPages = new Map<string, SearchVersions & { result: ToolkitSearchResult }>();

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
export async function toolkitSearch(db: Kysely<Database>, filter: SearchFilter, page: PageRequest): Promise<ToolkitSearchResult> {
  const repo = toolkitRepository(db);
  const pageKey = JSON.stringify([facetKey(filter), filter.sort ?? null, page.offset, page.pageSize]);
  const kept = keptPages.get(pageKey);
  if (kept) {
    const now = await repo.searchVersions();
    if (now.version === kept.version && now.usesVersion === kept.usesVersion) return kept.result;
  }
  const { rows, version, usesVersion } = await repo.searchPage(filter, page);
  const facets = await facetsOf(repo, filter, version);
  const total = rows.length ? Number(rows[0]?.total) : 0;
  let suggestion: string | null = null;
  if (filter.text && total === 0 && page.offset === 0) {
    const words = suggestionWords(filter.text);
    const best = await repo.suggestions(words);
    if (best.some((b) => b.best)) suggestion = best.map((b) => b.best ?? b.typed).join(' ');
  }
  const result = { rows, total, facets, suggestion };
  setBounded(keptPages, pageKey, { version, usesVersion, result }, KEPT_PAGES_LIMIT);
  return result;
}
