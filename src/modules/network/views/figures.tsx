import { renderToString } from 'preact-render-to-string';
import type { PageResult } from '../../../platform/http/pagination.ts';
import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { RenderedOnce } from '../../../platform/views/rendered-once.tsx';
import type { NetworkFigures, QuarterRow } from '../figures-repository.ts';
import { GRAPH_SIZE, type PlacedEdge, type PlacedNode, TYPE_COLOURS } from '../graph.ts';
import type { NetworkTableRow } from '../picture.ts';
import { ORGANISATION_TYPES, type OrganisationType } from '../tables.ts';

export interface NetworkPicture {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** Organisations and linked pairs counted; more than drawn when only the best connected are drawn. */
  total: number;
  totalLinks: number;
}

/** "Stand am" and the start of the period of R9 as a plain GET form: works without JavaScript and gives a link to share. */
export function ReferenceDateForm({ action, day, from, hidden }: { action: string; day: string; from: string; hidden?: Record<string, string | undefined> }) {
  const { t } = useView();
  return (
    <form method="get" action={action} class="vv-filters" aria-label={t('network.figures.date_form')}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <div class="kern-form-input">
        <label class="kern-label" for="network-stand">
          {t('network.figures.reference_date')}
        </label>
        <input class="kern-form-input__input" id="network-stand" name="stand" type="date" value={day} />
      </div>
      <div class="kern-form-input">
        <label class="kern-label" for="network-von">
          {t('network.figures.period_from')}
        </label>
        <input class="kern-form-input__input" id="network-von" name="von" type="date" value={from} />
      </div>
      <div class="vv-actions">
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t('network.figures.show')}</span>
        </button>
      </div>
    </form>
  );
}

function percent(locale: string, value: number | null): string {
  return value === null ? '–' : `${formatNumber(locale, value * 100, 1)} %`;
}

export function FiguresList({ figures, day, from }: { figures: NetworkFigures; day: string; from: string }) {
  const { t, locale } = useView();
  const rows: Array<[string, string]> = [
    [t('network.figures.organisations'), formatNumber(locale, figures.organisations)],
    [t('network.figures.active_cooperations'), formatNumber(locale, figures.activeCooperations)],
    [t('network.figures.links'), formatNumber(locale, figures.links)],
    [t('network.figures.density'), figures.density === null ? '–' : formatNumber(locale, figures.density, 3, true)],
    [t('network.figures.isolated'), formatNumber(locale, figures.isolated)],
    [t('network.figures.migrant_share'), percent(locale, figures.migrantShare)],
    [t('network.figures.new_mixed', { from: formatDate(locale, from), to: formatDate(locale, day) }), formatNumber(locale, figures.newMixed)],
  ];
  return (
    <section aria-labelledby="network-figures">
      <h2 class="kern-heading-medium" id="network-figures">
        {t('network.figures.title', { date: formatDate(locale, day) })}
      </h2>
      <dl class="vv-figures">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt class="kern-body">{label}</dt>
            <dd class="kern-heading-small">{value}</dd>
          </div>
        ))}
      </dl>
      <p class="kern-body kern-body--small">{t('network.figures.density_hint')}</p>
    </section>
  );
}

export function QuartersTable({ quarters }: { quarters: QuarterRow[] }) {
  const { t, locale } = useView();
  if (quarters.length === 0) return null;
  return (
    <div class="kern-table-responsive">
      <table class="kern-table kern-table--striped">
        <caption class="kern-title">{t('network.figures.quarters_caption')}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            {['quarter', 'started', 'active', 'links', 'new_mixed_short'].map((c) => (
              <th key={c} scope="col" class="kern-table__cell">
                {t(`network.figures.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {quarters.map((q) => (
            <tr class="kern-table__row" key={q.quarter_start}>
              <th scope="row" class="kern-table__cell">
                {t('network.figures.quarter_label', { year: q.quarter_start.slice(0, 4), quarter: Math.floor((Number(q.quarter_start.slice(5, 7)) - 1) / 3) + 1 })}
              </th>
              <td class="kern-table__cell">{formatNumber(locale, q.started)}</td>
              <td class="kern-table__cell">{formatNumber(locale, q.active)}</td>
              <td class="kern-table__cell">{formatNumber(locale, q.links)}</td>
              <td class="kern-table__cell">{formatNumber(locale, q.new_mixed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NodeShape({ type, x, y, size = 6 }: { type: OrganisationType; x: number; y: number; size?: number }) {
  const fill = TYPE_COLOURS[type];
  // A square for migrant organisations, so the difference does not rest on colour alone.
  if (type === 'migrant_organisation') return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} fill={fill} stroke="#ffffff" stroke-width="1" />;
  return <circle cx={x} cy={y} r={size} fill={fill} stroke="#ffffff" stroke-width="1" />;
}

const drawings = new WeakMap<NetworkPicture, string>();

/** Lines and shapes of a picture as SVG markup, rendered once per picture (the picture is kept while its network is unchanged). */
function drawing(picture: NetworkPicture): string {
  let markup = drawings.get(picture);
  if (markup === undefined) {
    markup = renderToString(
      <>
        <g stroke="#8a8a8a" stroke-opacity="0.7">
          {picture.edges.map((e) => (
            <line key={`${e.source.id}-${e.target.id}`} x1={e.source.x} y1={e.source.y} x2={e.target.x} y2={e.target.y} stroke-width={Math.min(1 + e.cooperations, 4)} />
          ))}
        </g>
        <g>
          {picture.nodes.map((n) => (
            <NodeShape key={n.id} type={n.type} x={n.x} y={n.y} />
          ))}
        </g>
      </>,
    );
    drawings.set(picture, markup);
  }
  return markup;
}

/** The network as a picture (server-side SVG, the same for the same data) and, next to it, every organisation in a table, page by page. */
export function NetworkGraph({
  picture,
  table,
  day,
  path,
  query,
}: {
  picture: NetworkPicture;
  table: PageResult<NetworkTableRow>;
  day: string;
  path: string;
  query: Record<string, string | undefined>;
}) {
  const { t, locale } = useView();
  const present = ORGANISATION_TYPES.filter((type) => picture.nodes.some((n) => n.type === type));
  const title = t('network.graph.title', { date: formatDate(locale, day), organisations: picture.nodes.length, links: picture.edges.length });
  return (
    <section aria-labelledby="network-graph" class="vv-network">
      <h2 class="kern-heading-medium" id="network-graph">
        {t('network.graph.heading')}
      </h2>
      {picture.nodes.length === 0 ? (
        <p class="kern-body">{t('network.graph.empty')}</p>
      ) : (
        <>
          {picture.total > picture.nodes.length ? <p class="kern-body">{t('network.graph.capped', { drawn: picture.nodes.length, total: picture.total, links: picture.totalLinks })}</p> : null}
          <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${GRAPH_SIZE.width} ${GRAPH_SIZE.height}`} role="img" aria-labelledby="network-graph-title" class="vv-network__graph">
            <title id="network-graph-title">{title}</title>
            {/* The drawing is the same for every request of one state of the network: made into markup once. */}
            <g dangerouslySetInnerHTML={{ __html: drawing(picture) }} />
          </svg>
          <ul class="vv-network__legend" aria-label={t('network.graph.legend')}>
            {present.map((type) => (
              <li key={type}>
                <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
                  <NodeShape type={type} x={8} y={8} size={6} />
                </svg>{' '}
                {t(`network.type.${type}`)}
              </li>
            ))}
          </ul>
          <div class="kern-table-responsive">
            <table class="kern-table kern-table--striped">
              <caption class="kern-title">{t('network.graph.table_caption', { date: formatDate(locale, day) })}</caption>
              <thead class="kern-table__header">
                <tr class="kern-table__row">
                  <th scope="col" class="kern-table__cell">
                    {t('network.graph.organisation')}
                  </th>
                  <th scope="col" class="kern-table__cell">
                    {t('network.graph.type')}
                  </th>
                  <th scope="col" class="kern-table__cell">
                    {t('network.graph.degree')}
                  </th>
                  <th scope="col" class="kern-table__cell">
                    {t('network.graph.partners')}
                  </th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {table.items.map((n) => (
                  <tr class="kern-table__row" key={n.id}>
                    <th scope="row" class="kern-table__cell">
                      {n.name}
                    </th>
                    <td class="kern-table__cell">{t(`network.type.${n.type}`)}</td>
                    <td class="kern-table__cell">{formatNumber(locale, n.degree)}</td>
                    <td class="kern-table__cell">{n.partners.join(', ') || t('network.graph.no_partners')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination result={table} path={path} query={query} param="tabelle" label={t('network.graph.table_pages')} />
        </>
      )}
    </section>
  );
}

/**
 * The state of a town's network on a day: figures, picture with its table, growth by quarter. The
 * same for everyone who may see that state (its picture stands for it: a change makes a new one),
 * so it is rendered once per table page, links and language.
 */
export function NetworkState({
  figures,
  quarters,
  picture,
  table,
  day,
  from,
  path,
  query,
}: {
  figures: NetworkFigures;
  quarters: QuarterRow[];
  picture: NetworkPicture;
  table: PageResult<NetworkTableRow>;
  day: string;
  from: string;
  path: string;
  query: Record<string, string | undefined>;
}) {
  return (
    <RenderedOnce owner={picture} cacheKey={JSON.stringify([path, day, from, table.page, query])} tag="div" attributes={{ class: 'vv-network-state' }}>
      <FiguresList figures={figures} day={day} from={from} />
      <NetworkGraph picture={picture} table={table} day={day} path={path} query={query} />
      <QuartersTable quarters={quarters} />
    </RenderedOnce>
  );
}
