import { renderToString } from 'preact-render-to-string';
import { useView, ViewContextProvider } from '../../../platform/views/context.ts';

/** At most this many rendered parts are kept per process (periods × levels × languages that were asked for). */
const LIMIT = 300;
const rendered = new Map<string, string>();

/**
 * A part of a dashboard rendered once per state of the figures it shows and kept as HTML: the AMIF
 * tables of all towns are most of the Land dashboard's markup (about 2,000 cells), and a kept figure
 * set does not change until the next count. The key must name everything the part shows (the set
 * and the time it was counted, the level, the protection, the language, the town names); a new count
 * makes a new key, so nothing stale is shown on any instance. Renders under the page's own context,
 * so the texts are the viewer's language.
 */
export function RenderedOnce({ cacheKey, tag, attributes, children }: { cacheKey: string | null; tag: 'section'; attributes: Record<string, string>; children: preact.ComponentChildren }) {
  const ctx = useView();
  const Tag = tag;
  if (cacheKey === null) return <Tag {...attributes}>{children}</Tag>;
  const key = `${ctx.locale}|${cacheKey}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = renderToString(<ViewContextProvider.Provider value={ctx}>{children}</ViewContextProvider.Provider>);
    if (rendered.size >= LIMIT) rendered.delete(rendered.keys().next().value as string);
    rendered.set(key, html);
  }
  return <Tag {...attributes} dangerouslySetInnerHTML={{ __html: html }} />;
}
