/**
 * Wall-clock times in Berlin, as people type them into a form and read them on a page, to and from
 * instants. Events are stored as instants (timestamptz) so that calendars and reminders stay right
 * across the daylight-saving change.
 */
const berlinParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function partsOf(date: Date): Record<string, number> {
  return Object.fromEntries(berlinParts.formatToParts(date).map((p) => [p.type, Number(p.value)]));
}

/** Minutes Berlin is ahead of UTC at this instant (60 in winter, 120 in summer). */
function offsetMinutes(date: Date): number {
  const p = partsOf(date);
  const asUtc = Date.UTC(p.year as number, (p.month as number) - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * "2026-10-25T10:00" in Berlin → the instant. A time that does not exist (the skipped hour in
 * March) moves forward by the gap; a time that exists twice (October) means the first, summer time.
 */
export function berlinLocalToInstant(local: string): Date | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(naive).getUTCDate() !== d) return null;
  const summer = naive - 120 * 60_000;
  if (offsetMinutes(new Date(summer)) === 120) return new Date(summer);
  // Winter time, or the skipped hour read as winter time, which lands one hour later on the clock.
  return new Date(naive - 60 * 60_000);
}

/** The instant as a form value for `<input type="datetime-local">`, in Berlin time. */
export function instantToBerlinLocal(date: Date): string {
  const p = partsOf(date);
  const two = (n: number | undefined) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}
