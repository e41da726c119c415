import { type Quad, Writer } from 'n3';
import { PREFIXES } from './dcat.ts';

/** The catalogue as Turtle, with the usual DCAT prefixes. */
export function toTurtle(quads: Quad[]): Promise<string> {
  const writer = new Writer({ prefixes: PREFIXES });
  writer.addQuads(quads);
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}

type JsonLdValue = { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };

/**
 * The same statements as flattened JSON-LD: one node object per subject in `@graph`, full IRIs
 * as keys and every value written out, so no context processing can change their meaning.
 */
export function toJsonLd(quads: Quad[]): { '@context': Record<string, string>; '@graph': Array<Record<string, unknown>> } {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const { subject, predicate, object } of quads) {
    let node = nodes.get(subject.value);
    if (!node) {
      node = { '@id': subject.value };
      nodes.set(subject.value, node);
    }
    if (predicate.value === `${PREFIXES.rdf}type`) {
      node['@type'] = [...((node['@type'] as string[] | undefined) ?? []), object.value];
      continue;
    }
    let value: JsonLdValue;
    if (object.termType === 'Literal') {
      value = { '@value': object.value };
      if (object.language) value['@language'] = object.language;
      else if (object.datatype.value !== `${PREFIXES.xsd}string`) value['@type'] = object.datatype.value;
    } else value = { '@id': object.value };
    node[predicate.value] = [...((node[predicate.value] as JsonLdValue[] | undefined) ?? []), value];
  }
  return { '@context': { ...PREFIXES }, '@graph': [...nodes.values()] };
}
