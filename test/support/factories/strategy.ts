import type { Kysely } from 'kysely';
import type { MeasureStatus } from '../../../src/modules/strategy/index.ts';
import type { Database } from '../../../src/platform/db/schema.ts';
import type { FileStore } from '../../../src/platform/files/store.ts';
import { pdfBytes } from '../pdf.ts';

/** Valid strategy records of one town, straight into the database. */
export function strategyFactory(db: Kysely<Database>, municipalityId: number) {
  return {
    async field(name = 'Testfeld', position = 1): Promise<number> {
      return (await db.insertInto('fields_of_action').values({ municipality_id: municipalityId, name, description: '', position }).returning('id').executeTakeFirstOrThrow()).id;
    },
    async goal(fieldId: number, title = 'Testziel'): Promise<number> {
      return (await db.insertInto('goals').values({ field_id: fieldId, title, description: '', position: 1 }).returning('id').executeTakeFirstOrThrow()).id;
    },
    async measure(fieldId: number, values: { title?: string; goalId?: number | null; districtId?: number | null; status?: MeasureStatus; progress?: number } = {}): Promise<number> {
      const row = {
        municipality_id: municipalityId,
        field_id: fieldId,
        goal_id: values.goalId ?? null,
        district_id: values.districtId ?? null,
        title: values.title ?? 'Testmaßnahme',
        description: '',
        responsible_org: '',
        starts_on: null,
        ends_on: null,
        status: values.status ?? 'planned',
        progress: values.progress ?? 0,
      };
      return (await db.insertInto('measures').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
    /**
     * A strategy version; `adoptedOn: null` makes it a draft. With `files` it carries a real PDF;
     * with `documentRecord` only a file record without stored bytes (enough where the document must not be reached).
     */
    async version(options: { title?: string; adoptedOn: string | null; files?: FileStore; documentRecord?: boolean }): Promise<number> {
      let document: number | null = null;
      if (options.files) {
        document = await options.files.save(
          db,
          'document',
          { filename: 'Strategie.pdf', mimetype: 'application/pdf', data: await pdfBytes('Strategie') },
          { allowed: ['application/pdf'], maxBytes: 10 * 1024 * 1024, userId: null },
        );
      } else if (options.documentRecord) {
        const file = { original_name: 'Strategie.pdf', mime_type: 'application/pdf', size_bytes: 1, sha256: '0'.repeat(64), storage_key: `missing-${Date.now()}-${Math.random()}`, created_by: null };
        document = (await db.insertInto('files').values(file).returning('id').executeTakeFirstOrThrow()).id;
      }
      const row = { municipality_id: municipalityId, title: options.title ?? 'Vielfaltsstrategie', version_label: '1.0', adopted_on: options.adoptedOn, summary: '', document_file_id: document };
      return (await db.insertInto('strategy_versions').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
  };
}
