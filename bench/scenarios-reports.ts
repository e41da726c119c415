import { hashPassword } from '../src/platform/auth/passwords.ts';
import { todayInBerlin } from '../src/platform/i18n/catalog.ts';
import { monitoringSummary } from './monitoring-summary.ts';
import { type BenchContext, defineScenarios } from './scenarios.ts';
import { busiestTown } from './scenarios-public.ts';

const PASSWORD = 'bench-passwort-1234';
const OFFICE = 'programmbuero-berichte@bench.invalid';

/** An office account of this set's own (so that it does not depend on the signed-in set's data). */
export async function office(ctx: BenchContext): Promise<string> {
  await ctx.once('reportsOffice', async () => {
    const hash = await hashPassword(PASSWORD);
    const existing = await ctx.db.selectFrom('users').select('id').where('email', '=', OFFICE).executeTakeFirst();
    if (existing) return;
    const user = await ctx.db
      .insertInto('users')
      .values({ email: OFFICE, display_name: 'Programmbüro', locale: 'de', email_verified_at: new Date(), password_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.insertInto('role_assignments').values({ user_id: user.id, role: 'programme_office', municipality_id: null }).execute();
  });
  return ctx.signIn(OFFICE, PASSWORD);
}

/** Downloads one file over HTTP five times and prints the median and the slowest (the report is computed afresh each time). */
export async function timeDownload(ctx: BenchContext, name: string, path: string, cookie: string, type = 'spreadsheetml'): Promise<string[]> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const response = await fetch(`${ctx.appUrl}${path}`, { headers: { cookie } });
    const body = Buffer.from(await response.arrayBuffer());
    times.push(performance.now() - started);
    if (response.status !== 200 || !String(response.headers.get('content-type')).includes(type)) return [`FAILED ${name}: ${path} answered ${response.status}`];
    bytes = body.length;
  }
  times.sort((a, b) => a - b);
  console.log(`RESULT ${name} ms=${Math.round(times[2] as number)} max_ms=${Math.round(times.at(-1) as number)} bytes=${bytes}`);
  return [];
}

/**
 * The XLSX of a period report, as the office downloads it before approval (from the summary the
 * jobs keep, not from a snapshot; see bench/monitoring-summary.ts): the programme report of the
 * current year over all towns, and the busiest town's.
 */
export default defineScenarios({
  topic: 'reports',
  scenarios: [
    {
      name: 'programmbericht_xlsx',
      run: async (ctx) => {
        await monitoringSummary(ctx);
        return timeDownload(ctx, 'programmbericht_xlsx_jahr', `/monitoring/berichte/${todayInBerlin().slice(0, 4)}/export/bericht.xlsx`, await office(ctx));
      },
    },
    {
      name: 'kommunenbericht_xlsx',
      run: async (ctx) => {
        await monitoringSummary(ctx);
        const town = await busiestTown(ctx);
        return timeDownload(ctx, 'kommunenbericht_xlsx_jahr', `/verwaltung/${town.ags}/monitoring/berichte/${todayInBerlin().slice(0, 4)}/export/bericht.xlsx`, await office(ctx));
      },
    },
  ],
});
