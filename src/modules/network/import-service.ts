import type { Kysely } from 'kysely';
import { type Actor, actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import type { UploadedFile } from '../../platform/files/store.ts';
import { districtOptions } from '../municipalities/index.ts';
import { type DuplicateHit, duplicatesRepository } from './duplicates-repository.ts';
import { readImportFile } from './import-file.ts';
import { type CheckedRow, checkRows, guessMapping, type ImportField, type ImportMapping, type ImportValues, mappingByHeader, readMapping } from './import-mapping.ts';
import { importRepository } from './import-repository.ts';
import { can, ownRecord } from './policy.ts';
import type { Town } from './service.ts';

/** A row of the preview: as checked, with the likely duplicates among the town's organisations. */
export interface PreviewRow extends CheckedRow {
  hits: DuplicateHit[];
}

export interface Preview {
  rows: PreviewRow[];
  counts: { rows: number; new: number; duplicates: number; errors: number };
}

/** The column of each import field, for an update that writes only what the file says. */
const COLUMN: Record<ImportField, keyof ImportValues> = {
  name: 'name',
  type: 'type',
  fieldsOfAction: 'fields_of_action',
  districtId: 'district_id',
  address: 'address',
  website: 'website',
  email: 'email',
  languages: 'languages',
  description: 'description',
  isPublic: 'is_public',
};

/** The choice for a likely duplicate: keep the file's row out, add it anyway, or write it into one of the hits. */
export const choiceField = (line: number) => `row-${line}`;

/**
 * The import of organisations from a town's CSV or XLSX list: upload, mapping, preview, run in one
 * transaction, undo. Every step takes the town of the route's scope and finds the import only there.
 */
export function networkImportService(db: Kysely<Database>) {
  const repo = importRepository(db);

  function authorize(actor: Actor, town: Town): void {
    if (!can(actor, 'manage', { municipalityId: town.id })) throw AppError.forbidden();
  }

  /**
   * Every row checked with the mapping, then the valid ones compared with the town's organisations
   * in one statement; a row naming the same organisation as an earlier row is refused with that line.
   */
  async function preview(trx: Kysely<Database>, town: Town, rows: string[][], mapping: ImportMapping): Promise<Preview> {
    const checked = checkRows(rows, mapping, await districtOptions(trx, town.id));
    const valid = checked.filter((r) => r.values);
    const hits = await duplicatesRepository(trx).organisationHitsForMany(
      town.id,
      valid.map((r) => ({ line: r.line, name: r.values?.name ?? '', website: r.values?.website, email: r.values?.email, address: r.values?.address })),
    );
    const byLine = new Map(hits.map((h) => [h.line, h]));
    const firstLine = new Map<string, number>();
    const out: PreviewRow[] = checked.map((row) => {
      const found = byLine.get(row.line);
      if (!row.values || !found) return { ...row, hits: [] };
      const earlier = firstLine.get(found.name_key);
      if (earlier !== undefined && found.name_key !== '') return { ...row, values: null, errors: { name: { key: 'network.workspace.import.twice_in_file', params: { line: earlier } } }, hits: [] };
      firstLine.set(found.name_key, row.line);
      return { ...row, hits: found.hits };
    });
    const errors = out.filter((r) => !r.values).length;
    const duplicates = out.filter((r) => r.values && r.hits.length).length;
    return { rows: out, counts: { rows: out.length, new: out.length - errors - duplicates, duplicates, errors } };
  }

  async function ownImport(town: Town, id: number) {
    return ownRecord(await repo.summary(id), town);
  }

  return {
    ownImport,

    /** Reads the file (a field error for anything but a readable CSV or XLSX within the limits) and keeps its rows with a proposed mapping. */
    async upload(actor: Actor, town: Town, file: UploadedFile): Promise<number> {
      authorize(actor, town);
      const table = await readImportFile(file.data);
      const mapping = guessMapping(table.headers, await repo.rememberedMapping(town.id));
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a shown file name must not contain
      const fileName = file.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'import';
      return repo.insertImport({ municipality_id: town.id, file_name: fileName, headers: table.headers, rows: table.rows, mapping, created_by: actorUserId(actor) });
    },

    /** Saves the mapping of a pending import and remembers it for the town's next file. */
    async saveMapping(actor: Actor, town: Town, id: number, body: Record<string, unknown>): Promise<void> {
      authorize(actor, town);
      const imp = await ownImport(town, id);
      if (imp.status !== 'pending') throw AppError.refused('network.workspace.import.already_run');
      const { mapping, errors } = readMapping(body, imp.headers.length);
      if (Object.keys(errors).length) throw new ValidationError(errors);
      await db.transaction().execute(async (trx) => {
        await importRepository(trx).setMapping(town.id, id, mapping);
        await importRepository(trx).rememberMapping(town.id, mappingByHeader(imp.headers, mapping));
      });
    },

    async preview(town: Town, id: number): Promise<Preview> {
      const imp = await ownImport(town, id);
      return preview(db, town, await repo.rows(id), imp.mapping);
    },

    /**
     * Runs a pending import in one transaction: new rows are created with the import's tag, each
     * likely duplicate goes the way the coordinator chose (a missing or foreign choice is a field
     * error and changes nothing), an update writes only the file's non-empty mapped cells and keeps
     * the record's columns as they were for the undo. "Create" remembers the pair as not a duplicate.
     */
    async run(actor: Actor, town: Town, id: number, choices: Record<string, unknown>) {
      authorize(actor, town);
      return db.transaction().execute(async (trx) => {
        const repository = importRepository(trx);
        const imp = ownRecord(await repository.lock(id), town);
        if (imp.status !== 'pending') throw AppError.refused('network.workspace.import.already_run');
        // Each update is a statement of its own: comparing each at once took over a minute for 5,000 rows in a large town.
        await duplicatesRepository(trx).deferCandidates();
        const { rows, counts } = await preview(trx, town, imp.rows, imp.mapping);
        const errors: FieldErrors = {};
        const creates: PreviewRow[] = [];
        const updates = new Map<number, PreviewRow>();
        let skipped = counts.errors;
        for (const row of rows) {
          if (!row.values) continue;
          if (row.hits.length === 0) {
            creates.push(row);
            continue;
          }
          const field = choiceField(row.line);
          const choice = choices[field];
          const target = typeof choice === 'string' ? /^update-(\d{1,10})$/.exec(choice) : null;
          if (choice === 'skip') skipped++;
          else if (choice === 'create') creates.push(row);
          else if (target && row.hits.some((h) => h.id === Number(target[1]))) {
            if (updates.has(Number(target[1]))) errors[field] = { key: 'network.workspace.import.same_target' };
            else updates.set(Number(target[1]), row);
          } else errors[field] = { key: choice === undefined || choice === '' ? 'network.workspace.import.choose' : 'validation.choice' };
        }
        if (Object.keys(errors).length) throw new ValidationError(errors);

        const createdIds = await repository.insertOrganisations(
          town.id,
          id,
          creates.map((r) => r.values as ImportValues),
        );
        const duplicates = duplicatesRepository(trx);
        const decidedBy = actorUserId(actor);
        for (const [index, row] of creates.entries()) {
          const newId = createdIds[index];
          if (newId !== undefined) for (const hit of row.hits) await duplicates.markOrganisationsDistinct(town.id, newId, hit.id, decidedBy);
        }
        const before = new Map((await repository.lockForUpdate(town.id, [...updates.keys()])).map(({ id: key, ...values }) => [key, values]));
        for (const [targetId, row] of updates) {
          const values: Partial<ImportValues> = {};
          for (const [field, index] of Object.entries(imp.mapping) as Array<[ImportField, string]>) {
            if (index !== '' && (row.cells[Number(index)] ?? '') !== '') Object.assign(values, { [COLUMN[field]]: row.values?.[COLUMN[field]] });
          }
          await repository.updateFromImport(town.id, id, targetId, before.get(targetId) ?? {}, values);
        }
        const result = { created: createdIds.length, updated: updates.size, skipped };
        await repository.finish(id, result);
        await writeAudit(trx, actor, {
          action: 'network.import_run',
          entityType: 'network_import',
          entityId: id,
          municipalityId: town.id,
          after: { file: imp.file_name, ...result, rejected: counts.errors, updatedIds: [...updates.keys()] },
        });
        return result;
      });
    },

    /** Takes a whole import back, unless a record it created or changed has been changed since (then nothing happens and the names are said). */
    async undo(actor: Actor, town: Town, id: number) {
      authorize(actor, town);
      return db.transaction().execute(async (trx) => {
        const repository = importRepository(trx);
        const imp = ownRecord(await repository.lock(id), town);
        if (imp.status !== 'done') throw AppError.refused('network.workspace.import.not_undoable');
        const changed = await repository.changedSince(id);
        if (changed.length) throw AppError.refused('network.workspace.import.undo_blocked', { names: changed.map((c) => c.name).join(', ') });
        await duplicatesRepository(trx).deferCandidates();
        const result = await repository.undo(town.id, id);
        await writeAudit(trx, actor, { action: 'network.import_undone', entityType: 'network_import', entityId: id, municipalityId: town.id, after: { file: imp.file_name, ...result } });
        return result;
      });
    },
  };
}
