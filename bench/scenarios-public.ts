import { type BenchContext, defineScenarios, type PageScenario } from './scenarios.ts';

/** The town with the most measures (125), whose pages are the heaviest of the register. */
export function busiestTown(ctx: BenchContext) {
  return ctx.once('busiestTown', () =>
    ctx.db
      .selectFrom('measures')
      .innerJoin('municipalities', 'municipalities.id', 'measures.municipality_id')
      .select(['municipalities.id', 'municipalities.ags', 'municipalities.name', 'municipalities.county_ags', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['municipalities.id', 'municipalities.ags', 'municipalities.name', 'municipalities.county_ags'])
      .orderBy('n', 'desc')
      .orderBy('municipalities.ags')
      .limit(1)
      .executeTakeFirstOrThrow(),
  );
}

export function firstProcess(ctx: BenchContext) {
  return ctx.once('firstProcess', () => ctx.db.selectFrom('participation_processes').select('id').orderBy('id').executeTakeFirstOrThrow());
}

/** The proposal with 200 comments. */
export function discussedProposal(ctx: BenchContext) {
  return ctx.once('discussedProposal', () => ctx.db.selectFrom('proposals').select(['id', 'process_id']).where('comment_count', '=', 200).orderBy('id').executeTakeFirstOrThrow());
}

const page = (name: string, make: PageScenario['page']): PageScenario => ({ name, page: make });

/** Every public page as a visitor sees it: each measured with the page cache off and on. */
export default defineScenarios({
  topic: 'public',
  scenarios: [
    page('kommunen', async () => ({ path: '/kommunen', mustContain: ['href="/kommunen/06'] })),
    page('kommunen_filtered', async (ctx) => {
      const town = await busiestTown(ctx);
      return {
        path: `/kommunen?q=${encodeURIComponent(town.name.slice(0, 4))}&kreis=${town.county_ags}&groesse=target&teilnahme=ja&sort=-population`,
        mustContain: [town.name],
      };
    }),
    page('kommune', async (ctx) => {
      const town = await busiestTown(ctx);
      return { path: `/kommunen/${town.ags}`, mustContain: [town.name, 'Ortsteil 1'] };
    }),
    page('umsetzung', async (ctx) => {
      const town = await busiestTown(ctx);
      return { path: `/kommunen/${town.ags}/umsetzung`, mustContain: [town.name, 'Maßnahme '] };
    }),
    page('vorschlaege', async (ctx) => ({ path: `/beteiligung/${(await firstProcess(ctx)).id}`, mustContain: ['Vorschläge', '40 Unterstützungen'] })),
    page('vorschlaege_unterstuetzt', async (ctx) => ({ path: `/beteiligung/${(await firstProcess(ctx)).id}?sort=supported`, mustContain: ['Unterstützungen'] })),
    page('vorschlaege_suche', async (ctx) => ({ path: `/beteiligung/${(await firstProcess(ctx)).id}?q=Vereine`, mustContain: ['Verein'] })),
    page('vorschlag_200_kommentare', async (ctx) => {
      const proposal = await discussedProposal(ctx);
      return { path: `/beteiligung/${proposal.process_id}/vorschlaege/${proposal.id}`, mustContain: ['200 Kommentare', 'Kommentare 1–20 von 200'] };
    }),
    page('umfrage_ergebnisse', async (ctx) => {
      const survey = await ctx.db.selectFrom('surveys').select('id').orderBy('id').executeTakeFirstOrThrow();
      return { path: `/umfragen/${survey.id}/ergebnisse`, mustContain: ['500 Antworten'] };
    }),
    page('veranstaltungen_filter', async () => ({
      path: `/veranstaltungen?format=dialogue&sprache=tr&barrierefrei=step_free&von=${new Date().toISOString().slice(0, 10)}`,
      mustContain: ['Bürgerdialog', 'Plätzen frei'],
    })),
    page('veranstaltung', async (ctx) => {
      const upcoming = await ctx.db.selectFrom('events').select(['id', 'title']).where('starts_at', '>', new Date()).orderBy('starts_at').orderBy('id').executeTakeFirstOrThrow();
      return { path: `/veranstaltungen/${upcoming.id}`, mustContain: [upcoming.title, 'Jetzt anmelden'] };
    }),
    page('startseite', async () => ({ path: '/', mustContain: ['Vielfalt verankern'] })),
    page('karte', async () => ({ path: '/karte/hessen.svg', mustContain: ['<svg'] })),
    page('beteiligung', async () => ({ path: '/beteiligung', mustContain: ['Ideen für '] })),
    page('kommune_beteiligung', async (ctx) => {
      const town = await busiestTown(ctx);
      return { path: `/kommunen/${town.ags}/beteiligung`, mustContain: [`Ideen für ${town.name}`] };
    }),
    page('massnahme', async (ctx) => {
      const town = await busiestTown(ctx);
      const measure = await ctx.db.selectFrom('measures').select(['id', 'title']).where('municipality_id', '=', town.id).orderBy('id').executeTakeFirstOrThrow();
      return { path: `/kommunen/${town.ags}/massnahmen/${measure.id}`, mustContain: [measure.title, 'Zwischenstand '] };
    }),
    page('umfrage', async (ctx) => {
      const survey = await ctx.db.selectFrom('surveys').select(['id', 'title']).orderBy('id').executeTakeFirstOrThrow();
      return { path: `/umfragen/${survey.id}`, mustContain: [survey.title, `/umfragen/${survey.id}/ergebnisse`] };
    }),
    page('veranstaltungen', async () => ({ path: '/veranstaltungen', mustContain: ['Plätzen frei'] })),
    page('kommune_veranstaltungen', async (ctx) => {
      const town = await busiestTown(ctx);
      return { path: `/kommunen/${town.ags}/veranstaltungen`, mustContain: [town.name, 'Plätzen frei'] };
    }),
    page('anmeldeformular', async (ctx) => {
      const upcoming = await ctx.db.selectFrom('events').select(['id', 'title']).where('starts_at', '>', new Date()).orderBy('starts_at').orderBy('id').executeTakeFirstOrThrow();
      return { path: `/veranstaltungen/${upcoming.id}/anmeldung`, mustContain: [upcoming.title, 'name="_csrf"'] };
    }),
    page('qualifizierung', async () => ({ path: '/qualifizierung', mustContain: ['Programm 1'] })),
    page('zertifikate', async () => ({ path: '/zertifikate', mustContain: ['<form'] })),
    page('qualifizierung_programm', async (ctx) => {
      const programme = await ctx.db.selectFrom('qualification_programmes').select('id').where('title', '=', 'Programm 1').executeTakeFirstOrThrow();
      return { path: `/qualifizierung/${programme.id}`, mustContain: ['Programm 1', 'Modul 6', 'Kohorte '] };
    }),
  ],
});
