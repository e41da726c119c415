import { createHash } from 'node:crypto';
import { renderToString } from 'preact-render-to-string';
import { setBounded } from '../bounded-map.ts';
import { useView, ViewContextProvider } from './context.ts';

/** At most this many rendered parts are kept per process under keys alone (periods × levels × languages that were asked for). */
const LIMIT = 300;
/** At most this many rendered parts are kept per owner. */
const PER_OWNER_LIMIT = 100;
const rendered = new Map<string, string>();
const renderedFor = new WeakMap<object, Map<string, string>>();

function keptIn(owner: object | undefined): { store: Map<string, string>; limit: number } {
  if (!owner) return { store: rendered, limit: LIMIT };
  let store = renderedFor.get(owner);
  if (!store) {
    store = new Map();
    renderedFor.set(owner, store);
  }
  return { store, limit: PER_OWNER_LIMIT };
}

/**
 * A part of a page rendered once per state of what it shows and kept as HTML: the AMIF tables of
 * all towns on the Land dashboard, the network's figures, picture and table of one state of a
 * town's network. The key must name everything the part shows that its owner does not (a kept
 * figure set and the time it was counted, the level, the protection, the town names; the table
 * page and the links' query); `owner`, when given, is the object the part is drawn from (a
 * network state that is replaced, never changed, when the data change): the parts go with it.
 * A new state makes a new key or owner, so nothing stale is shown on any instance. Renders under
 * the page's own context, so the texts are the viewer's language (part of the key); the part must
 * hold nothing of the viewer (no form with its CSRF token). Its children should be component
 * elements (`<Part {...props} />`): what is written inline is computed on every request, even when
 * the kept HTML is used.
 */
export function RenderedOnce({
  cacheKey,
  owner,
  tag,
  attributes,
  children,
}: {
  cacheKey: string | null;
  owner?: object;
  tag: 'section' | 'div';
  attributes: Record<string, string>;
  children: preact.ComponentChildren;
}) {
  const ctx = useView();
  const Tag = tag;
  if (cacheKey === null) return <Tag {...attributes}>{children}</Tag>;
  const key = `${ctx.locale}|${cacheKey}`;
  const { store, limit } = keptIn(owner);
  let html = store.get(key);
  if (html === undefined) {
    html = renderToString(<ViewContextProvider.Provider value={ctx}>{children}</ViewContextProvider.Provider>);
    setBounded(store, key, html, limit);
  }
  return <Tag {...attributes} dangerouslySetInnerHTML={{ __html: html }} />;
}

const UNDEFINED = '\u0000undefined';

/**
 * A key for RenderedOnce made of the data a part shows itself, for parts drawn from values read
 * per request (figures with what was entered by hand, the towns' names): equal data, equal HTML.
 * Maps and Sets count with their entries, Dates with their time; a digest keeps the key short.
 */
export function dataKey(...data: unknown[]): string {
  const json = JSON.stringify(data, (_key, value: unknown) => {
    if (value instanceof Map) return ['Map', [...value]];
    if (value instanceof Set) return ['Set', [...value]];
    // Unlike JSON, a part may show "no value" (undefined) other than "withheld" (null).
    return value === undefined ? UNDEFINED : value;
  });
  return createHash('sha256').update(json).digest('base64url');
}
