import type { PageResult } from '../../../platform/http/pagination.ts';
import { withQuery } from '../../../platform/http/pagination.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { FilterForm, FilterSearch, FilterSelect } from '../../../platform/views/filters.tsx';
import { RenderedOnce } from '../../../platform/views/rendered-once.tsx';
import { type FacetRow, MARK_END, MARK_START, type SearchRow } from '../repository.ts';
import { DURATIONS, FIELDS, FORMATS, GROUP_SIZES, TARGET_GROUPS } from '../tables.ts';
import type { WhereUsed } from '../use-read.ts';
import { CardBody, type CardContent, labelList } from './card.tsx';
import { WhereUsedSection } from './where-used.tsx';

/** Text with the search's marks as <mark> elements; everything else stays text (escaped by Preact). */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return part;
        const [marked, rest] = part.split(MARK_END);
        return (
          <span key={i}>
            <mark>{marked}</mark>
            {rest ?? ''}
          </span>
        );
      })}
    </>
  );
}

type Query = Record<string, string | undefined>;

function facetOptions(facets: FacetRow[], facet: FacetRow['facet'], values: readonly string[], label: (v: string) => string) {
  const counts = new Map(facets.filter((f) => f.facet === facet).map((f) => [f.value, f.n]));
  return values.map((value) => ({ value, label: `${label(value)} (${counts.get(value) ?? 0})` }));
}

/** The filter form with the counts of each choice. */
function ToolkitFilters({ facets, query }: { facets: FacetRow[]; query: Query }) {
  const { t } = useView();
  const towns = facets.filter((f) => f.facet === 'town').sort((a, b) => (a.label ?? '').localeCompare(b.label ?? '', 'de'));
  return (
    <FilterForm action="/werkzeugkoffer" label={t('toolkit.public.filter_label')}>
      <FilterSearch name="q" label={t('toolkit.public.search')} value={query.q} />
      <FilterSelect name="feld" label={t('toolkit.card.fields')} value={query.feld} options={facetOptions(facets, 'field', FIELDS, (v) => t(`toolkit.field.${v}`))} />
      <FilterSelect name="zielgruppe" label={t('toolkit.card.target_groups')} value={query.zielgruppe} options={facetOptions(facets, 'target', TARGET_GROUPS, (v) => t(`toolkit.target.${v}`))} />
      <FilterSelect name="format" label={t('toolkit.card.format')} value={query.format} options={facetOptions(facets, 'format', FORMATS, (v) => t(`toolkit.format.${v}`))} />
      <FilterSelect name="dauer" label={t('toolkit.card.duration')} value={query.dauer} options={facetOptions(facets, 'duration', DURATIONS, (v) => t(`toolkit.duration.${v}`))} />
      <FilterSelect name="gruppe" label={t('toolkit.card.group_size')} value={query.gruppe} options={facetOptions(facets, 'size', GROUP_SIZES, (v) => t(`toolkit.size.${v}`))} />
      <FilterSelect name="kommune" label={t('toolkit.card.town')} value={query.kommune} options={towns.map((f) => ({ value: f.value, label: `${f.label ?? f.value} (${f.n})` }))} />
      <FilterSelect
        name="sortierung"
        label={t('toolkit.public.sort')}
        value={query.sortierung}
        withAll={false}
        options={[
          { value: '', label: t('toolkit.public.sort_relevance') },
          { value: 'beliebt', label: t('toolkit.public.sort_popular') },
        ]}
      />
    </FilterForm>
  );
}

/** A page of matches with the suggestion, the count and the pager. */
function ToolkitResults({ results, query, suggestion }: { results: PageResult<SearchRow>; query: Query; suggestion: string | null }) {
  const { t } = useView();
  return (
    <>
      {suggestion ? (
        <p class="kern-body">
          {t('toolkit.public.did_you_mean')}{' '}
          <a class="kern-link" href={withQuery('/werkzeugkoffer', query, { q: suggestion, seite: undefined })}>
            {suggestion}
          </a>
        </p>
      ) : null}
      <p class="kern-body" aria-live="polite">
        {t('toolkit.public.count', { count: results.total })}
      </p>
      {results.items.length ? (
        <ul class="vv-measures">
          {results.items.map((m) => (
            <li key={m.id} class="vv-measure">
              <h2 class="kern-heading-small">
                <a class="kern-link" href={`/werkzeugkoffer/methoden/${m.id}`}>
                  <Highlighted text={m.title} />
                </a>
              </h2>
              <p class="kern-body">{m.summary}</p>
              {m.headline ? (
                <p class="kern-body vv-muted">
                  <Highlighted text={m.headline} />
                </p>
              ) : null}
              <p class="kern-body">
                <span class="kern-badge kern-badge--info">{t(`toolkit.format.${m.format}`)}</span> {t(`toolkit.duration.${m.duration}`)} · {t(`toolkit.size.${m.group_size}`)} ·{' '}
                {labelList(t, 'toolkit.field', m.fields_of_action)} · {m.town}
                {m.uses ? ` · ${t('toolkit.public.used', { uses: m.uses, towns: m.towns })}` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="kern-body">{t('toolkit.public.empty')}</p>
      )}
      <Pagination result={results} path="/werkzeugkoffer" query={query} />
    </>
  );
}

/** The toolkit's public list: search with filters and their counts, the matches with highlighted excerpts, paged. */
export function ToolkitListPage({ results, facets, query, suggestion }: { results: PageResult<SearchRow>; facets: FacetRow[]; query: Query; suggestion: string | null }) {
  const { t } = useView();
  const key = JSON.stringify(query);
  return (
    <>
      <h1 class="kern-heading-large">{t('toolkit.public.title')}</h1>
      <p class="kern-body">{t('toolkit.public.lead')}</p>
      <p class="kern-body">
        <a class="kern-link" href="/werkzeugkoffer/beispiele">
          {t('toolkit.public.examples_link')}
        </a>
      </p>
      {/* The facet counts are kept per version of the cards (search.ts): the form with them is rendered once per counts and query. */}
      <RenderedOnce owner={facets} cacheKey={key} tag="div" attributes={{ class: 'vv-toolkit-filters' }}>
        <ToolkitFilters facets={facets} query={query} />
      </RenderedOnce>
      {/* A page of results is kept per versions of the cards and their use counts (search.ts): its list is rendered once per page and query. */}
      <RenderedOnce owner={results.items} cacheKey={key} tag="div" attributes={{ class: 'vv-toolkit-results' }}>
        <ToolkitResults results={results} query={query} suggestion={suggestion} />
      </RenderedOnce>
    </>
  );
}

/** A published card; `untranslated` when the visitor's language has no translation, so the German text shows with a note. */
export interface AttachmentRow {
  id: number;
  title: string;
  kind: string;
  size_bytes: number;
}

export function AttachmentList({ attachments }: { attachments: AttachmentRow[] }) {
  const { t } = useView();
  if (!attachments.length) return null;
  return (
    <>
      <h2 class="kern-heading-small">{t('toolkit.card.attachments')}</h2>
      <ul class="kern-list">
        {attachments.map((a) => (
          <li key={a.id}>
            <a class="kern-link" href={`/werkzeugkoffer/anhaenge/${a.id}`}>
              {a.title}
            </a>{' '}
            ({t(`toolkit.kind.${a.kind}`)}, {Math.max(1, Math.round(a.size_bytes / 1024))} KB)
          </li>
        ))}
      </ul>
    </>
  );
}

export function MethodPage({
  card,
  untranslated,
  translatedLang,
  attachments,
  used,
}: {
  card: CardContent;
  untranslated: boolean;
  translatedLang?: string;
  attachments: AttachmentRow[];
  used: { used: WhereUsed; examples: Array<{ id: number; title: string; town: string }> };
}) {
  const { t } = useView();
  return (
    <article class="vv-method-card" lang={translatedLang}>
      <h1 class="kern-heading-large">{card.title}</h1>
      {untranslated ? (
        <div class="kern-alert kern-alert--info vv-noprint" role="note">
          <div class="kern-alert__body">
            <p class="kern-body" lang={undefined}>
              {t('toolkit.card.not_translated')}
            </p>
          </div>
        </div>
      ) : null}
      <div lang={untranslated ? 'de' : undefined}>
        <CardBody card={card} />
        <AttachmentList attachments={attachments} />
      </div>
      <p class="kern-body vv-noprint">
        <a class="kern-link" href={`/werkzeugkoffer/methoden/${card.id}/pdf`}>
          {t('toolkit.card.pdf')}
        </a>{' '}
        · {t('toolkit.card.print_hint')}
      </p>
      <WhereUsedSection used={used.used} examples={used.examples} />
    </article>
  );
}
