import { hashPassword } from '../src/platform/auth/passwords.ts';
import { todayInBerlin } from '../src/platform/i18n/catalog.ts';
import { monitoringSummary as summary } from './monitoring-summary.ts';
import { type BenchContext, defineScenarios } from './scenarios.ts';
import { busiestTown } from './scenarios-public.ts';
import { office, timeDownload } from './scenarios-reports.ts';

const PASSWORD = 'bench-passwort-1234';

/** The coordinator of the busiest town, with a password of this set's own. */
async function coordinator(ctx: BenchContext) {
  const town = await busiestTown(ctx);
  const cookie = await ctx.once('monitoringCoordinator', async () => {
    const account = await ctx.db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['u.id', 'u.email'])
      .where('r.role', '=', 'coordinator')
      .where('r.municipality_id', '=', town.id)
      .orderBy('u.id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(PASSWORD) })
      .where('id', '=', account.id)
      .execute();
    return ctx.signIn(account.email ?? '', PASSWORD);
  });
  return { town, cookie };
}

const year = () => todayInBerlin().slice(0, 4);

/**
 * The monitoring at Land scale (issue 13): the programme dashboard of the current year for the
 * office and a town's dashboard for its coordinator (signed in, never from the page cache), and
 * the AMIF table of the whole programme period over all towns (its CSV download). The XLSX of a
 * period report is in the `reports` topic.
 */
export default defineScenarios({
  topic: 'monitoring',
  scenarios: [
    {
      name: 'monitoring_land_jahr',
      page: async (ctx) => {
        await summary(ctx);
        return { path: `/monitoring?zeitraum=${year()}`, mustContain: ['O1', 'O12', (await busiestTown(ctx)).name], cookie: await office(ctx) };
      },
    },
    {
      name: 'monitoring_kommune_jahr',
      page: async (ctx) => {
        await summary(ctx);
        const { town, cookie } = await coordinator(ctx);
        return { path: `/verwaltung/${town.ags}/monitoring?zeitraum=${year()}`, mustContain: ['O1', 'O12', town.name], cookie };
      },
    },
    {
      name: 'amif_programm',
      run: async (ctx) => {
        await summary(ctx);
        return timeDownload(ctx, 'amif_programm_csv', '/monitoring/teilnehmende.csv?zeitraum=programm', await office(ctx), 'text/csv');
      },
    },
  ],
});
