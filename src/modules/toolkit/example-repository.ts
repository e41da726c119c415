import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewRow, RowUpdate } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import type { ExampleLinkKind, Status } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The public list's filters: a town by its AGS, a method card the example used. */
export interface ExampleFilter {
  ags?: string;
  methodId?: number;
}

/** Good-practice examples, their versions and what they name. Records are read by id alone; the service checks the town. */
export function exampleRepository(db: Db) {
  return {
    example(id: number) {
      return db.selectFrom('toolkit_examples').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** An example with its town: for the public page only a published one. */
    exampleWithTown(id: number, publishedOnly: boolean) {
      let query = db.selectFrom('toolkit_examples as e').innerJoin('municipalities as mu', 'mu.id', 'e.municipality_id').selectAll('e').select(['mu.ags', 'mu.name as town']).where('e.id', '=', id);
      if (publishedOnly) query = query.where('e.status', '=', 'published');
      return query.executeTakeFirst();
    },
    /** One page of a town's examples in every state, newest change first. */
    townExamples(municipalityId: number, page: PageRequest) {
      return db
        .selectFrom('toolkit_examples')
        .select(['id', 'title', 'status', 'version', 'updated_at', 'review_note'])
        .select(sql<number>`cast(count(*) over () as integer)`.as('total'))
        .where('municipality_id', '=', municipalityId)
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.pageSize)
        .offset(page.offset)
        .execute();
    },
    /** One page of the examples of every town in the given states (the office's queue), oldest change first. */
    examplesInStates(states: Status[], page: PageRequest) {
      return db
        .selectFrom('toolkit_examples as e')
        .innerJoin('municipalities as mu', 'mu.id', 'e.municipality_id')
        .select(['e.id', 'e.title', 'e.status', 'e.version', 'e.updated_at', 'mu.name as town', 'mu.ags'])
        .select(sql<number>`cast(count(*) over () as integer)`.as('total'))
        .where('e.status', 'in', states)
        .orderBy('e.updated_at')
        .orderBy('e.id')
        .limit(page.pageSize)
        .offset(page.offset)
        .execute();
    },
    /** One page of the published examples that pass the filters, newest first, each with its town and how many methods it used. */
    publishedExamples(f: ExampleFilter, page: PageRequest) {
      let query = db
        .selectFrom('toolkit_examples as e')
        .innerJoin('municipalities as mu', 'mu.id', 'e.municipality_id')
        .select(['e.id', 'e.title', 'e.problem', 'e.published_at', 'mu.ags', 'mu.name as town'])
        .select(sql<number>`cast((select count(*) from toolkit_example_methods em where em.example_id = e.id) as integer)`.as('methods'))
        .select(sql<number>`cast(count(*) over () as integer)`.as('total'))
        .where('e.status', '=', 'published');
      if (f.ags) query = query.where('mu.ags', '=', f.ags);
      if (f.methodId) {
        const methodId = f.methodId;
        query = query.where(({ exists, selectFrom }) =>
          exists(selectFrom('toolkit_example_methods as em').select('em.method_id').whereRef('em.example_id', '=', 'e.id').where('em.method_id', '=', methodId)),
        );
      }
      return query.orderBy('e.published_at', 'desc').orderBy('e.id', 'desc').limit(page.pageSize).offset(page.offset).execute();
    },
    /** The towns with published examples and how many each has: the list's town filter. */
    exampleTowns() {
      return db
        .selectFrom('toolkit_examples as e')
        .innerJoin('municipalities as mu', 'mu.id', 'e.municipality_id')
        .select(['mu.ags', 'mu.name'])
        .select(sql<number>`cast(count(*) as integer)`.as('n'))
        .where('e.status', '=', 'published')
        .groupBy(['mu.ags', 'mu.name'])
        .orderBy('mu.name')
        .execute();
    },
    /** The published cards that published examples used: the list's method filter. */
    usedMethods() {
      return db
        .selectFrom('toolkit_methods as m')
        .select(['m.id', 'm.title'])
        .where('m.status', '=', 'published')
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('toolkit_example_methods as em')
              .innerJoin('toolkit_examples as e', 'e.id', 'em.example_id')
              .select('em.method_id')
              .whereRef('em.method_id', '=', 'm.id')
              .where('e.status', '=', 'published'),
          ),
        )
        .orderBy('m.title')
        .orderBy('m.id')
        .execute();
    },
    insertExample(row: NewRow<'toolkit_examples'>) {
      return db.insertInto('toolkit_examples').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateExample(id: number, values: RowUpdate<'toolkit_examples'>) {
      return db.updateTable('toolkit_examples').set(values).where('id', '=', id).execute();
    },
    insertVersion(row: NewRow<'toolkit_example_versions'>) {
      return db.insertInto('toolkit_example_versions').values(row).execute();
    },
    versions(exampleId: number) {
      return db
        .selectFrom('toolkit_example_versions as v')
        .leftJoin('users as u', 'u.id', 'v.actor_user_id')
        .select(['v.version', 'v.status', 'v.created_at', 'u.display_name as actor'])
        .where('v.example_id', '=', exampleId)
        .orderBy('v.version', 'desc')
        .limit(50)
        .execute();
    },

    // ---- what an example names ----
    /** The method cards an example used, by title; `publishedOnly` for the public page. */
    exampleMethods(exampleId: number, publishedOnly: boolean) {
      let query = db
        .selectFrom('toolkit_example_methods as em')
        .innerJoin('toolkit_methods as m', 'm.id', 'em.method_id')
        .select(['m.id', 'm.title', 'm.status'])
        .where('em.example_id', '=', exampleId);
      if (publishedOnly) query = query.where('m.status', '=', 'published');
      return query.orderBy('m.title').orderBy('m.id').execute();
    },
    /** The measures and events an example names (ids only: their modules know the rest). */
    exampleLinks(exampleId: number) {
      return db.selectFrom('toolkit_example_links').select(['kind', 'object_id']).where('example_id', '=', exampleId).orderBy('kind').orderBy('object_id').execute();
    },
    /** Replaces everything the example names by the given ids (already checked by the service). */
    async replaceLinks(exampleId: number, links: { methods: number[]; measures: number[]; events: number[] }) {
      await db.deleteFrom('toolkit_example_methods').where('example_id', '=', exampleId).execute();
      await db.deleteFrom('toolkit_example_links').where('example_id', '=', exampleId).execute();
      if (links.methods.length)
        await db
          .insertInto('toolkit_example_methods')
          .values(links.methods.map((method_id) => ({ example_id: exampleId, method_id })))
          .execute();
      const rows: Array<{ example_id: number; kind: ExampleLinkKind; object_id: number }> = [
        ...links.measures.map((object_id) => ({ example_id: exampleId, kind: 'measure' as const, object_id })),
        ...links.events.map((object_id) => ({ example_id: exampleId, kind: 'event' as const, object_id })),
      ];
      if (rows.length) await db.insertInto('toolkit_example_links').values(rows).execute();
    },
    /** The cards a town may name in an example: every published card and the town's own in any state, by title. */
    methodChoices(municipalityId: number) {
      return db
        .selectFrom('toolkit_methods as m')
        .innerJoin('municipalities as mu', 'mu.id', 'm.municipality_id')
        .select(['m.id', 'm.title', 'mu.name as town'])
        .where((eb) => eb.or([eb('m.status', '=', 'published'), eb('m.municipality_id', '=', municipalityId)]))
        .orderBy('m.title')
        .orderBy('m.id')
        .execute();
    },
    /** Of the given card ids, those the town may name (published, or its own). */
    async selectableMethods(municipalityId: number, ids: number[]): Promise<number[]> {
      if (!ids.length) return [];
      const rows = await db
        .selectFrom('toolkit_methods')
        .select('id')
        .where('id', 'in', ids)
        .where((eb) => eb.or([eb('status', '=', 'published'), eb('municipality_id', '=', municipalityId)]))
        .execute();
      return rows.map((r) => r.id);
    },
    /** The published examples that used a card, newest first (the card page lists them). */
    examplesOfMethod(methodId: number, limit = 20) {
      return db
        .selectFrom('toolkit_example_methods as em')
        .innerJoin('toolkit_examples as e', 'e.id', 'em.example_id')
        .innerJoin('municipalities as mu', 'mu.id', 'e.municipality_id')
        .select(['e.id', 'e.title', 'mu.name as town'])
        .where('em.method_id', '=', methodId)
        .where('e.status', '=', 'published')
        .orderBy('e.published_at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(limit)
        .execute();
    },
  };
}
