import type { PageResult } from '../../../platform/http/pagination.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { FilterForm, FilterSelect } from '../../../platform/views/filters.tsx';

export interface PublicExampleRow {
  id: number;
  title: string;
  problem: string;
  ags: string;
  town: string;
  methods: number;
}

/** A link to something the example names, with the module's own address (or none when the public does not see it). */
export interface NamedLink {
  id: number;
  label: string;
  href?: string;
}

export interface ExampleContent {
  id: number;
  title: string;
  problem: string;
  approach: string;
  result: string;
  lessons: string;
  ags: string;
  town: string;
  methods: NamedLink[];
  measures: NamedLink[];
  events: NamedLink[];
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The published examples, newest first, filtered by town and by a method they used, paged. */
export function ExampleListPage({
  results,
  towns,
  methods,
  query,
}: {
  results: PageResult<PublicExampleRow>;
  towns: Array<{ ags: string; name: string; n: number }>;
  methods: Array<{ id: number; title: string }>;
  query: Record<string, string | undefined>;
}) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('toolkit.example.list_title')}</h1>
      <p class="kern-body">{t('toolkit.example.list_lead')}</p>
      <FilterForm action="/werkzeugkoffer/beispiele" label={t('toolkit.public.filter_label')}>
        <FilterSelect name="kommune" label={t('toolkit.card.town')} value={query.kommune} options={towns.map((f) => ({ value: f.ags, label: `${f.name} (${f.n})` }))} />
        <FilterSelect name="methode" label={t('toolkit.example.method_filter')} value={query.methode} options={methods.map((m) => ({ value: String(m.id), label: m.title }))} />
      </FilterForm>
      <p class="kern-body" aria-live="polite">
        {t('toolkit.example.count', { count: results.total })}
      </p>
      {results.items.length ? (
        <ul class="vv-measures">
          {results.items.map((e) => (
            <li key={e.id} class="vv-measure">
              <h2 class="kern-heading-small">
                <a class="kern-link" href={`/werkzeugkoffer/beispiele/${e.id}`}>
                  {e.title}
                </a>
              </h2>
              <p class="kern-body" lang="de">
                {shorten(e.problem, 240)}
              </p>
              <p class="kern-body vv-muted">
                {e.town} · {t('toolkit.example.methods_count', { count: e.methods })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="kern-body">{t('toolkit.example.empty')}</p>
      )}
      <Pagination result={results} path="/werkzeugkoffer/beispiele" query={query} />
    </>
  );
}

function LinkList({ title, links }: { title: string; links: NamedLink[] }) {
  if (!links.length) return null;
  return (
    <>
      <h2 class="kern-heading-small">{title}</h2>
      <ul class="kern-list">
        {links.map((l) => (
          <li key={l.id} lang="de">
            {l.href ? (
              <a class="kern-link" href={l.href}>
                {l.label}
              </a>
            ) : (
              l.label
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** One example told as problem → approach → result → lessons, with the cards, measures and events it names. */
export function ExampleBody({ example }: { example: ExampleContent }) {
  const { t } = useView();
  const part = (key: 'problem' | 'approach' | 'result' | 'lessons') =>
    example[key] ? (
      <section class="vv-field-block" aria-labelledby={`example-${key}`}>
        <h2 class="kern-heading-small" id={`example-${key}`}>
          {t(`toolkit.example.${key}`)}
        </h2>
        <p class="kern-body vv-pre-line" lang="de">
          {example[key]}
        </p>
      </section>
    ) : null;
  return (
    <>
      <p class="kern-body">
        {t('toolkit.card.town')}:{' '}
        <a class="kern-link" href={`/kommunen/${example.ags}`}>
          {example.town}
        </a>
      </p>
      {part('problem')}
      {part('approach')}
      {part('result')}
      {part('lessons')}
      <LinkList title={t('toolkit.example.methods')} links={example.methods} />
      <LinkList title={t('toolkit.example.measures')} links={example.measures} />
      <LinkList title={t('toolkit.example.events')} links={example.events} />
    </>
  );
}

export function ExamplePage({ example }: { example: ExampleContent }) {
  return (
    <article>
      <h1 class="kern-heading-large" lang="de">
        {example.title}
      </h1>
      <ExampleBody example={example} />
    </article>
  );
}
