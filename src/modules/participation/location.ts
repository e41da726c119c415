import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { FieldErrors } from '../../platform/http/errors.ts';
import { pointMap } from '../municipalities/index.ts';

export interface Point {
  latitude: number;
  longitude: number;
}

/**
 * The map in the proposal form is an image button: a click sends `karte.x`/`karte.y`. Pressing
 * Enter in a text field "clicks" the first button of the form at 0,0, which lies in the map's
 * margin, outside every town: that is an ordinary submission, not a choice of point.
 */
export function mapClick(values: Record<string, string | undefined>): { x: number; y: number } | null {
  const x = Number(values['karte.x']);
  const y = Number(values['karte.y']);
  if (!Number.isInteger(x) || !Number.isInteger(y) || (x === 0 && y === 0)) return null;
  return { x, y };
}

/** Turns the click into the point the form shows and keeps (hidden fields), or says it lies outside. */
export async function pickPoint(
  db: Kysely<Database>,
  municipalityId: number,
  click: { x: number; y: number },
  values: Record<string, string>,
): Promise<{ values: Record<string, string>; errors: FieldErrors }> {
  const point = (await pointMap(db, municipalityId))?.pointAt(click.x, click.y) ?? null;
  const kept = { ...values };
  delete kept['karte.x'];
  delete kept['karte.y'];
  if (!point) return { values: kept, errors: { karte: { key: 'participation.location.outside' } } };
  return { values: { ...kept, latitude: String(point.latitude), longitude: String(point.longitude), keepPoint: 'on' }, errors: {} };
}

/** The chosen place and point from the submitted form; a point is kept only while its box stays ticked. */
export function readLocation(values: Record<string, string | undefined>, places: string[]): { place: string; point: Point | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const place = values.place?.trim() ?? '';
  if (place && !places.includes(place)) errors.place = { key: 'validation.choice' };
  let point: Point | null = null;
  if (values.keepPoint === 'on' && values.latitude && values.longitude) {
    const latitude = Number(values.latitude);
    const longitude = Number(values.longitude);
    if (Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) point = { latitude, longitude };
    else errors.karte = { key: 'validation.invalid' };
  }
  return { place, point, errors };
}

export function osmLink(point: Point): string {
  return `https://www.openstreetmap.org/?mlat=${point.latitude}&mlon=${point.longitude}#map=17/${point.latitude}/${point.longitude}`;
}
