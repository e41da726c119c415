import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import type { ImportMapping, ImportValues } from './import-mapping.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The columns an import writes and an undo restores. */
export const IMPORTED_COLUMNS = ['name', 'type', 'fields_of_action', 'district_id', 'address', 'website', 'email', 'languages', 'description', 'is_public'] as const;

/** Imports of a town: the uploaded rows until and after the run, the remembered mapping, and what a run created or changed. */
export function importRepository(db: Db) {
  return {
    async insertImport(row: { municipality_id: number; file_name: string; headers: string[]; rows: string[][]; mapping: ImportMapping; created_by: number | null }): Promise<number> {
      const values = { ...row, headers: JSON.stringify(row.headers), rows: JSON.stringify(row.rows), mapping: JSON.stringify(row.mapping) };
      return (await db.insertInto('network_imports').values(values).returning('id').executeTakeFirstOrThrow()).id;
    },

    /** An import without its rows (they can be thousands), with how many rows it has. */
    summary(id: number) {
      return db
        .selectFrom('network_imports')
        .select(['id', 'municipality_id', 'file_name', 'headers', 'mapping', 'status', 'created_count', 'updated_count', 'skipped_count', 'created_at', 'imported_at', 'undone_at'])
        .select(sql<number>`cast(jsonb_array_length(rows) as integer)`.as('row_count'))
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** The import locked for its run or undo, so two clicks cannot both run it. */
    lock(id: number) {
      return db.selectFrom('network_imports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    async rows(id: number): Promise<string[][]> {
      const row = await db.selectFrom('network_imports').select('rows').where('id', '=', id).executeTakeFirst();
      return row?.rows ?? [];
    },

    /** One page of a town's imports, newest first, each with the total. */
    list(municipalityId: number, page: PageRequest) {
      return db
        .selectFrom('network_imports')
        .select(['id', 'file_name', 'status', 'created_count', 'updated_count', 'skipped_count', 'created_at', 'imported_at', 'undone_at'])
        .select(sql<number>`cast(jsonb_array_length(rows) as integer)`.as('row_count'))
        .select(sql<number>`cast(count(*) over () as integer)`.as('total'))
        .where('municipality_id', '=', municipalityId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.pageSize)
        .offset(page.offset)
        .execute();
    },

    setMapping(municipalityId: number, id: number, mapping: ImportMapping) {
      return db
        .updateTable('network_imports')
        .set({ mapping: JSON.stringify(mapping) })
        .where('id', '=', id)
        .where('municipality_id', '=', municipalityId)
        .execute();
    },

    async rememberedMapping(municipalityId: number): Promise<Record<string, string>> {
      const row = await db.selectFrom('network_import_mappings').select('mapping').where('municipality_id', '=', municipalityId).executeTakeFirst();
      return row?.mapping ?? {};
    },

    rememberMapping(municipalityId: number, mapping: Record<string, string>) {
      const json = JSON.stringify(mapping);
      return db
        .insertInto('network_import_mappings')
        .values({ municipality_id: municipalityId, mapping: json, updated_at: new Date() })
        .onConflict((oc) => oc.column('municipality_id').doUpdateSet({ mapping: json, updated_at: new Date() }))
        .execute();
    },

    /** New organisations in batches (a statement has at most 65,535 parameters), each tagged with the import; their ids in the order given. */
    async insertOrganisations(municipalityId: number, importId: number, rows: ImportValues[]): Promise<number[]> {
      const ids: number[] = [];
      for (let i = 0; i < rows.length; i += 500) {
        const batch = rows.slice(i, i + 500).map((v) => ({ ...v, municipality_id: municipalityId, import_id: importId }));
        const inserted = await db.insertInto('network_organisations').values(batch).returning('id').execute();
        ids.push(...inserted.map((r) => r.id));
      }
      return ids;
    },

    /** The chosen existing records, locked, with the columns an update would overwrite (kept for the undo). */
    lockForUpdate(municipalityId: number, ids: number[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('network_organisations')
        .select(['id', ...IMPORTED_COLUMNS])
        .where('municipality_id', '=', municipalityId)
        .where('id', 'in', ids)
        .orderBy('id')
        .forUpdate()
        .execute();
    },

    async updateFromImport(municipalityId: number, importId: number, id: number, before: Record<string, unknown>, values: Partial<ImportValues>) {
      await db
        .insertInto('network_import_updates')
        .values({ import_id: importId, organisation_id: id, before: JSON.stringify(before) })
        .execute();
      await db
        .updateTable('network_organisations')
        .set({ ...values, updated_at: sql<Date>`now()` })
        .where('id', '=', id)
        .where('municipality_id', '=', municipalityId)
        .execute();
    },

    finish(id: number, counts: { created: number; updated: number; skipped: number }) {
      return db
        .updateTable('network_imports')
        .set({ status: 'done', created_count: counts.created, updated_count: counts.updated, skipped_count: counts.skipped, imported_at: sql<Date>`now()` })
        .where('id', '=', id)
        .execute();
    },

    /**
     * What an undo would have to take back and has been touched since the run: a created record
     * edited, merged or given memberships, cooperations or event links; an updated record edited.
     */
    changedSince(importId: number) {
      const created = db
        .selectFrom('network_organisations as o')
        .innerJoin('network_imports as i', 'i.id', 'o.import_id')
        .select(['o.id', 'o.name'])
        .where('o.import_id', '=', importId)
        .where((eb) =>
          eb.or([
            eb('o.updated_at', '>', eb.ref('i.imported_at')),
            eb.exists(eb.selectFrom('network_memberships as m').select('m.id').whereRef('m.organisation_id', '=', 'o.id')),
            eb.exists(
              eb
                .selectFrom('network_cooperations as c')
                .select('c.id')
                .where((c) => c.or([c('c.organisation_id', '=', c.ref('o.id')), c('c.partner_id', '=', c.ref('o.id'))])),
            ),
            eb.exists(eb.selectFrom('network_event_organisers as e').select('e.event_id').whereRef('e.organisation_id', '=', 'o.id')),
          ]),
        );
      const updated = db
        .selectFrom('network_import_updates as u')
        .innerJoin('network_organisations as o', 'o.id', 'u.organisation_id')
        .innerJoin('network_imports as i', 'i.id', 'u.import_id')
        .select(['o.id', 'o.name'])
        .where('u.import_id', '=', importId)
        .whereRef('o.updated_at', '>', 'i.imported_at');
      return created.union(updated).orderBy('name').limit(20).execute();
    },

    /** The undo itself: created records go, updated ones get their columns back as they were before the run. */
    async undo(municipalityId: number, importId: number) {
      const removed = await db.deleteFrom('network_organisations').where('municipality_id', '=', municipalityId).where('import_id', '=', importId).executeTakeFirst();
      const updates = await db.selectFrom('network_import_updates').select(['organisation_id', 'before']).where('import_id', '=', importId).execute();
      for (const u of updates) {
        const before = Object.fromEntries(IMPORTED_COLUMNS.filter((c) => c in u.before).map((c) => [c, u.before[c]]));
        await db
          .updateTable('network_organisations')
          .set({ ...before, updated_at: sql<Date>`now()` })
          .where('id', '=', u.organisation_id)
          .where('municipality_id', '=', municipalityId)
          .execute();
      }
      await db.updateTable('network_imports').set({ status: 'undone', undone_at: sql<Date>`now()` }).where('id', '=', importId).execute();
      return { removed: Number(removed.numDeletedRows), restored: updates.length };
    },
  };
}
