import { sql } from 'kysely';
import { measure } from './load.ts';
import { type BenchContext, defineScenarios } from './scenarios.ts';

/**
 * Guests registering for one event as fast as they can: each request a new person, until the seats
 * are gone and then onto the waiting list. Afterwards every answered registration must be in the
 * table exactly once, and exactly the capacity confirmed.
 */
async function registrationRun(ctx: BenchContext): Promise<string[]> {
  const { db } = ctx;
  const capacity = 500;
  const town = await db.selectFrom('programme_participations').select('municipality_id').orderBy('municipality_id').executeTakeFirstOrThrow();
  const startsAt = new Date(Date.now() + 14 * 86_400_000);
  const { id } = await db
    .insertInto('events')
    .values({
      municipality_id: town.municipality_id,
      title: 'Anmeldelauf',
      format: 'dialogue',
      mode: 'in_person',
      venue: 'Halle',
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 7200_000),
      capacity,
      published: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const page = await fetch(`${ctx.appUrl}/veranstaltungen/${id}/anmeldung`);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!token) return ['FAILED anmeldung: no CSRF token on the registration page'];
  const result = await measure({
    url: `${ctx.appUrl}/veranstaltungen/${id}/anmeldung`,
    connections: ctx.connections,
    duration: ctx.duration,
    post: { cookie, body: `name=Gast+{n}&email=gast-{n}%40lauf.invalid&privacy=on&_csrf=${encodeURIComponent(token)}` },
  });
  const rows = await db
    .selectFrom('event_registrations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>(sql`distinct lower(email)`).as('people')])
    .where('event_id', '=', id)
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  const stored = count('confirmed') + count('waiting');
  const people = rows.reduce((sum, r) => sum + Number(r.people), 0);
  const answered = result.statuses[303] ?? 0;
  const problems: string[] = [];
  if (result.non2xx || result.errors) problems.push(`${result.non2xx} failed answers and ${result.errors} errors: ${JSON.stringify(result.statuses)}`);
  // Requests still in flight when the run stops are stored but not counted as answered: at most one per connection.
  if (stored < answered) problems.push(`${answered} registrations answered, only ${stored} stored`);
  if (stored > answered + ctx.connections) problems.push(`${stored} stored for ${answered} answered registrations`);
  if (people !== stored) problems.push(`${stored - people} double registrations`);
  if (count('confirmed') !== Math.min(capacity, answered)) problems.push(`${count('confirmed')} confirmed for ${capacity} seats`);
  console.log(
    `RESULT anmeldung rps=${Math.round(result.rps)} p95_ms=${Math.round(result.p95)} ratio=${(result.rps / ctx.baselineRps()).toFixed(3)} confirmed=${count('confirmed')} waiting=${count('waiting')} lost=${Math.max(0, answered - stored)} double=${stored - people}`,
  );
  return problems.map((p) => `FAILED anmeldung: ${p}`);
}

/** Registration for one event with exact seats: a form post per guest. */
export default defineScenarios({
  topic: 'registration',
  scenarios: [{ name: 'anmeldung', run: registrationRun }],
});
