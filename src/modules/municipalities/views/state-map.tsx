import { createHash } from 'node:crypto';
import { useView } from '../../../platform/views/context.ts';
import type { ProjectedShape } from '../map.ts';
import { STATE_MAP_SIZE } from '../maps.ts';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The map of Hessen as a standalone SVG document. It is served as its own file so that the browser
 * caches the outlines (about 140 kB) instead of loading them with every home page.
 */
export function stateMapSvg(shapes: { municipalities: ProjectedShape[]; counties: ProjectedShape[] }, participating: Set<string>, title: string): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${STATE_MAP_SIZE.width} ${STATE_MAP_SIZE.height}" width="${STATE_MAP_SIZE.width}" height="${STATE_MAP_SIZE.height}">`,
    `<title>${escapeXml(title)}</title>`,
    '<style>.a{fill:#e8eaf0;stroke:#fff;stroke-width:.6}.p{fill:#1b4f8f;stroke:#fff;stroke-width:.6}.c{fill:none;stroke:#6b6f80;stroke-width:.8}</style>',
  ];
  for (const m of shapes.municipalities) parts.push(`<path class="${participating.has(m.key) ? 'p' : 'a'}" d="${m.path}"/>`);
  for (const c of shapes.counties) parts.push(`<path class="c" d="${c.path}"/>`);
  parts.push('</svg>');
  return parts.join('');
}

/** Changes whenever the set of participating municipalities changes, so the cached map is replaced. */
export function stateMapVersion(participating: Iterable<string>): string {
  return createHash('sha256')
    .update([...participating].sort().join(','))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Hessen with the participating municipalities filled: a picture whose text alternative says what
 * it shows; the list of participating municipalities next to it carries the same facts as text and links.
 */
export function StateMap({ participating }: { participating: Set<string> }) {
  const { t } = useView();
  return (
    <figure class="vv-state-map">
      <img
        src={`/karte/hessen.svg?v=${stateMapVersion(participating)}`}
        width={STATE_MAP_SIZE.width}
        height={STATE_MAP_SIZE.height}
        class="vv-map"
        alt={`${t('municipalities.map.title')}. ${t('municipalities.map.description', { count: participating.size })}`}
      />
      <figcaption>
        <ul class="vv-legend">
          <li>
            <span class="vv-legend__swatch vv-legend__swatch--active" aria-hidden="true" />
            {t('municipalities.map.legend_participating')}
          </li>
          <li>
            <span class="vv-legend__swatch" aria-hidden="true" />
            {t('municipalities.map.legend_other')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
