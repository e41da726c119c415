import { duplicatesRepository } from '../src/modules/network/duplicates-repository.ts';
import { networkFiguresRepository } from '../src/modules/network/figures-repository.ts';
import { pageRequest } from '../src/platform/http/pagination.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { todayInBerlin } from '../src/platform/i18n/catalog.ts';
import { generateNetwork } from './generate-network.ts';
import { timeImport } from './network-import.ts';
import { type BenchContext, defineScenarios } from './scenarios.ts';
import { busiestTown } from './scenarios-public.ts';

const PASSWORD = 'bench-passwort-1234';
const TIMES = 20;

/** The coordinator of the busiest town, signed in through the login form (the generated account gets a password). */
async function coordinator(ctx: BenchContext): Promise<string> {
  const town = await busiestTown(ctx);
  const account = await ctx.db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('u.email')
    .where('r.role', '=', 'coordinator')
    .where('r.municipality_id', '=', town.id)
    .executeTakeFirstOrThrow();
  const hash = await ctx.once('networkPasswordHash', () => hashPassword(PASSWORD));
  await ctx.db
    .updateTable('users')
    .set({ password_hash: hash })
    .where('email', '=', account.email ?? '')
    .executeTakeFirstOrThrow();
  return ctx.signIn(account.email ?? '', PASSWORD);
}

/** A town with a typical share of the network (not the busiest). */
function typicalTown(ctx: BenchContext) {
  return ctx.once('networkTypicalTown', async () => {
    const busiest = await busiestTown(ctx);
    return ctx.db
      .selectFrom('network_organisations')
      .select('municipality_id as id')
      .where('municipality_id', '<>', busiest.id)
      .groupBy('municipality_id')
      .orderBy('municipality_id')
      .limit(1)
      .executeTakeFirstOrThrow();
  });
}

/** Runs `work` TIMES times one after another and prints the median and the slowest in ms. */
async function timed(name: string, work: () => Promise<string>, runs = TIMES): Promise<string[]> {
  const times: number[] = [];
  let extra = '';
  try {
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      extra = await work();
      times.push(performance.now() - started);
    }
  } catch (error) {
    return [`FAILED ${name}: ${error instanceof Error ? error.message : String(error)}`];
  }
  times.sort((a, b) => a - b);
  console.log(`RESULT ${name} ms=${(times[Math.floor(runs / 2)] as number).toFixed(1)} max_ms=${(times.at(-1) as number).toFixed(1)}${extra}`);
  return [];
}

/**
 * The network of actors at Land scale (bench/generate-network.ts): the busiest town's public network
 * page and its coordinator's network page with the graph, both rendered for every request; the
 * network figures of a town on a day in SQL; the duplicate search over the busiest town's 10,000
 * organisations; and an import of 5,000 rows into it (bench/network-import.ts, undone afterwards).
 */
export default defineScenarios({
  topic: 'network',
  generate: generateNetwork,
  scenarios: [
    {
      name: 'netzwerk_oeffentlich',
      page: async (ctx) => {
        const town = await busiestTown(ctx);
        return { path: `/kommunen/${town.ags}/netzwerk`, mustContain: [town.name, '<svg', 'Organisation Nummer'] };
      },
    },
    {
      name: 'koordination_netzwerk',
      page: async (ctx) => {
        const town = await busiestTown(ctx);
        return { path: `/verwaltung/${town.ags}/netzwerk`, mustContain: [town.name, '<svg'], cookie: await coordinator(ctx) };
      },
    },
    {
      name: 'netzwerk_kennzahlen',
      run: async (ctx) => {
        const figures = networkFiguresRepository(ctx.db);
        const day = todayInBerlin();
        const from = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
        const busiest = await busiestTown(ctx);
        const typical = await typicalTown(ctx);
        const failures: string[] = [];
        for (const [name, id] of [
          ['netzwerk_kennzahlen_groesste', busiest.id],
          ['netzwerk_kennzahlen_typisch', typical.id],
        ] as const) {
          failures.push(
            ...(await timed(name, async () => {
              const f = await figures.figures({ municipalityId: id, publicOnly: false }, day, from);
              return ` organisations=${f.organisations} active=${f.activeCooperations} links=${f.links} isolated=${f.isolated}`;
            })),
          );
        }
        return failures;
      },
    },
    {
      name: 'duplikate_suche',
      run: async (ctx) => {
        const town = await busiestTown(ctx);
        const duplicates = duplicatesRepository(ctx.db);
        const organisations = await ctx.db
          .selectFrom('network_organisations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('municipality_id', '=', town.id)
          .executeTakeFirstOrThrow();
        // What the form asks when a coordinator enters an organisation: a near name, another website.
        const probe = await ctx.db.selectFrom('network_organisations').select(['name', 'address']).where('municipality_id', '=', town.id).orderBy('id').offset(4321).limit(1).executeTakeFirstOrThrow();
        const failures = await timed('duplikate_suche_eingabe', async () => {
          const hits = await duplicates.organisationHits(town.id, { name: `${probe.name.replace(/ (\d+)$/, '$1')} e.V.`, website: 'https://neu.example', email: '', address: probe.address });
          if (!hits.length) throw new Error('duplikate_suche_eingabe found no hit for a near name');
          return ` organisations=${Number(organisations.n)} hits=${hits.length}`;
        });
        // The first page of the town's pairs, as the coordinator's list shows it: kept by the database since migration 0039.
        failures.push(
          ...(await timed('duplikate_suche_liste', async () => {
            const pairs = await duplicates.organisationPairs(town.id, pageRequest(1, 50));
            return ` organisations=${Number(organisations.n)} pairs=${pairs.total}`;
          })),
        );
        return failures;
      },
    },
    {
      name: 'netzwerk_import_5000',
      run: async (ctx) => {
        const town = await busiestTown(ctx);
        const existing = await ctx.db.selectFrom('network_organisations').select('name').where('municipality_id', '=', town.id).orderBy('id').limit(2000).execute();
        const t = await timeImport(
          ctx.db,
          town,
          5000,
          existing.map((o) => o.name),
        );
        const total = t.readMs + t.previewMs + t.runMs;
        console.log(
          `RESULT netzwerk_import_5000 ms=${total.toFixed(0)} read_ms=${t.readMs.toFixed(0)} preview_ms=${t.previewMs.toFixed(0)} run_ms=${t.runMs.toFixed(0)} candidates_job_ms=${t.candidatesMs.toFixed(0)} undo_ms=${t.undoMs.toFixed(0)} created=${t.created} updated=${t.updated} skipped=${t.skipped} duplicates=${t.duplicates} errors=${t.errors}`,
        );
        return t.created > 0 ? [] : ['FAILED netzwerk_import_5000: nothing was created'];
      },
    },
  ],
});
