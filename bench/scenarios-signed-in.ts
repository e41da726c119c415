import { hashPassword } from '../src/platform/auth/passwords.ts';
import { generateSignedIn } from './generate-signed-in.ts';
import { type BenchContext, defineScenarios, type PageScenario } from './scenarios.ts';
import { busiestTown, discussedProposal, firstProcess } from './scenarios-public.ts';

const PASSWORD = 'bench-passwort-1234';

/** Gives a generated account a password (one hash per run) so that the bench can sign in as it through the form. */
async function signInAs(ctx: BenchContext, email: string): Promise<string> {
  const hash = await ctx.once('passwordHash', () => hashPassword(PASSWORD));
  await ctx.db.updateTable('users').set({ password_hash: hash }).where('email', '=', email).executeTakeFirstOrThrow();
  return ctx.signIn(email, PASSWORD);
}

const participant = (ctx: BenchContext) => signInAs(ctx, 'user1001@bench.invalid');

async function coordinator(ctx: BenchContext) {
  const town = await busiestTown(ctx);
  const account = await ctx.db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('u.email')
    .where('r.role', '=', 'coordinator')
    .where('r.municipality_id', '=', town.id)
    .executeTakeFirstOrThrow();
  return { town, cookie: await signInAs(ctx, account.email ?? '') };
}

async function office(ctx: BenchContext) {
  const email = 'programmbuero@bench.invalid';
  await ctx.once('officeAccount', async () => {
    // On a reused database (BENCH_REUSE) the account is there from the run before.
    if (await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) return;
    const user = await ctx.db.insertInto('users').values({ email, display_name: 'Programmbüro', locale: 'de', email_verified_at: new Date() }).returning('id').executeTakeFirstOrThrow();
    await ctx.db.insertInto('role_assignments').values({ user_id: user.id, role: 'programme_office', municipality_id: null }).execute();
  });
  return signInAs(ctx, email);
}

const page = (name: string, make: PageScenario['page']): PageScenario => ({ name, page: make });

/** The main pages of people who are signed in: rendered for every request, never from the page cache. */
export default defineScenarios({
  topic: 'signed-in',
  generate: generateSignedIn,
  scenarios: [
    page('teilnehmende_vorschlaege', async (ctx) => ({
      path: `/beteiligung/${(await firstProcess(ctx)).id}`,
      mustContain: ['Vorschläge', '40 Unterstützungen', 'Person 1001'],
      cookie: await participant(ctx),
    })),
    page('teilnehmende_vorschlag', async (ctx) => {
      const proposal = await discussedProposal(ctx);
      return { path: `/beteiligung/${proposal.process_id}/vorschlaege/${proposal.id}`, mustContain: ['200 Kommentare', 'Kommentare 1–20 von 200', 'name="_csrf"'], cookie: await participant(ctx) };
    }),
    page('koordination_uebersicht', async (ctx) => {
      const { town, cookie } = await coordinator(ctx);
      return { path: `/verwaltung/${town.ags}`, mustContain: [town.name], cookie };
    }),
    page('koordination_massnahmen', async (ctx) => {
      const { town, cookie } = await coordinator(ctx);
      return { path: `/verwaltung/${town.ags}/massnahmen`, mustContain: ['Maßnahme '], cookie };
    }),
    page('koordination_moderation', async (ctx) => {
      const { town, cookie } = await coordinator(ctx);
      // The first of the queue's pages (20 reports, the held contributions), with the reports' own pager.
      return { path: `/verwaltung/${town.ags}/moderation`, mustContain: ['Bitte prüfen', 'Kommentar ', 'Seiten der gemeldeten Beiträge'], cookie };
    }),
    page('koordination_einlass_200', async (ctx) => {
      const { town, cookie } = await coordinator(ctx);
      const event = await ctx.db.selectFrom('events').select(['id', 'title']).where('municipality_id', '=', town.id).where('capacity', '=', 250).executeTakeFirstOrThrow();
      return { path: `/verwaltung/${town.ags}/veranstaltungen/${event.id}/anmeldungen`, mustContain: [event.title, 'Ayşe Yılmaz'], cookie };
    }),
    page('kursleitung_kohorte', async (ctx) => {
      const cohort = await ctx.db
        .selectFrom('cohort_trainers as t')
        .innerJoin('cohorts as c', 'c.id', 't.cohort_id')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select(['c.id', 'c.title', 'u.email'])
        .orderBy('c.id')
        .executeTakeFirstOrThrow();
      return { path: `/kursleitung/kohorten/${cohort.id}`, mustContain: [cohort.title, 'Fortschritt der Teilnehmenden'], cookie: await signInAs(ctx, cohort.email ?? '') };
    }),
    page('programmbuero_protokoll', async (ctx) => ({ path: '/programmbuero/protokoll', mustContain: ['Person 1', 'Maßnahme'], cookie: await office(ctx) })),
  ],
});
