import { refreshFigures } from '../src/modules/monitoring/figure-store.ts';
import type { BenchContext } from './scenarios.ts';

/**
 * What the hourly and nightly jobs keep (ADR 0020): counted once per run before the first
 * monitoring measurement, and timed. `BENCH_MONITORING_SUMMARY=0` removes the summary instead,
 * to measure the pages counting live; `keep` uses the summary a kept database already has (`BENCH_REUSE=1`, page-cost).
 */
export function monitoringSummary(ctx: BenchContext): Promise<void> {
  return ctx.once('monitoringSummary', async () => {
    if (process.env.BENCH_MONITORING_SUMMARY === '0') {
      await ctx.db.deleteFrom('monitoring_figure_sets').execute();
      console.log('monitoring summary removed: the pages count live');
      return;
    }
    if (process.env.BENCH_MONITORING_SUMMARY === 'keep' && (await ctx.db.selectFrom('monitoring_figure_sets').select('period').limit(1).execute()).length > 0) {
      console.log('monitoring summary kept from an earlier run (BENCH_MONITORING_SUMMARY=keep)');
      return;
    }
    const { periods, ms } = await refreshFigures(ctx.services, 'all');
    console.log(`RESULT monitoring_summary_all ms=${ms} periods=${periods.length}`);
    const current = await refreshFigures(ctx.services, 'current');
    console.log(`RESULT monitoring_summary_current ms=${current.ms} periods=${current.periods.length}`);
  });
}
