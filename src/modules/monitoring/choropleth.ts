import type { ProjectedShape } from '../municipalities/index.ts';

/** Five classes of a sequential blue scale (ColorBrewer "Blues"), light to dark; readable on white. */
export const CLASS_COLOURS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
export const WITHHELD_COLOUR = '#9e9e9e';
export const NO_VALUE_COLOUR = '#ffffff';
export const OUTSIDE_COLOUR = '#eceef3';

export interface ColourClass {
  from: number;
  to: number;
  colour: string;
}

/**
 * Class breaks by quantiles of the shown values (each class about as many towns), at most five,
 * without empty or duplicate classes: a few large towns then do not paint all others the lightest.
 */
export function classesOf(values: readonly number[]): ColourClass[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const count = Math.min(CLASS_COLOURS.length, new Set(sorted).size);
  const bounds: number[] = [];
  for (let k = 1; k < count; k++) bounds.push(sorted[Math.floor((k * sorted.length) / count)] as number);
  const edges = [...new Set([sorted[0] as number, ...bounds, sorted[sorted.length - 1] as number])];
  if (edges.length === 1) return [{ from: edges[0] as number, to: edges[0] as number, colour: CLASS_COLOURS[CLASS_COLOURS.length - 1] as string }];
  const classes: ColourClass[] = [];
  for (let i = 0; i < edges.length - 1; i++) {
    const colour = CLASS_COLOURS[Math.round((i * (CLASS_COLOURS.length - 1)) / Math.max(1, edges.length - 2))] as string;
    classes.push({ from: edges[i] as number, to: edges[i + 1] as number, colour });
  }
  return classes;
}

/** The class of a value: the last whose lower edge it reaches (the top edge belongs to the last class). */
export function colourOf(classes: readonly ColourClass[], value: number): string {
  let colour = classes[0]?.colour ?? NO_VALUE_COLOUR;
  for (const c of classes) if (value >= c.from) colour = c.colour;
  return colour;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Hessen with each participating town of the level filled by its class, a withheld value in grey,
 * the rest of Hessen pale; drawn on the server from the projected boundaries (d3-geo, computed once
 * per process by the municipalities module). The title names what it shows; the page puts the same
 * numbers in a table next to it.
 */
export function choroplethSvg(
  shapes: { municipalities: ProjectedShape[]; counties: ProjectedShape[] },
  size: { width: number; height: number },
  fills: Map<string, { value: number | null | undefined }>,
  classes: readonly ColourClass[],
  title: string,
): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>path{stroke:#fff;stroke-width:.5}.o{fill:${OUTSIDE_COLOUR}}.n{fill:${NO_VALUE_COLOUR};stroke:#6b6f80}.w{fill:${WITHHELD_COLOUR}}.c{fill:none;stroke:#6b6f80;stroke-width:.8}</style>`,
  ];
  for (const m of shapes.municipalities) {
    const fill = fills.get(m.key);
    if (!fill) parts.push(`<path class="o" d="${m.path}"/>`);
    else if (fill.value === null) parts.push(`<path class="w" d="${m.path}"/>`);
    else if (fill.value === undefined) parts.push(`<path class="n" d="${m.path}"/>`);
    else parts.push(`<path fill="${colourOf(classes, fill.value)}" d="${m.path}"/>`);
  }
  for (const c of shapes.counties) parts.push(`<path class="c" d="${c.path}"/>`);
  parts.push('</svg>');
  return parts.join('');
}
