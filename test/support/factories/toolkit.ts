import type { Kysely } from 'kysely';
import { toolkitRepository } from '../../../src/modules/toolkit/repository.ts';
import type { Field, MethodFormat, Status } from '../../../src/modules/toolkit/tables.ts';
import type { Database } from '../../../src/platform/db/schema.ts';

/** Valid method cards of one town, straight into the database (published unless said otherwise), with their search vector. */
export function toolkitFactory(db: Kysely<Database>, municipalityId: number) {
  return {
    async method(values: { title: string; summary?: string; steps?: string[]; format?: MethodFormat; fields?: Field[]; status?: Status }): Promise<number> {
      const status = values.status ?? 'published';
      const repo = toolkitRepository(db);
      const { id } = await repo.insertMethod({
        municipality_id: municipalityId,
        status,
        title: values.title,
        summary: values.summary ?? 'Kurzbeschreibung',
        steps: values.steps ?? ['Erster Schritt'],
        duration: 'short',
        group_size: 'medium',
        format: values.format ?? 'workshop',
        fields_of_action: values.fields ?? ['civil_society'],
        target_groups: ['everyone'],
        published_at: status === 'published' ? new Date() : null,
      });
      await repo.refreshSearch(id);
      return id;
    },
  };
}

const drafts = new WeakMap<object, Promise<number>>();

/** A draft card of the given town, made once per database: a card no other record may name (only published ones may be). */
export function draftCardOf(db: Kysely<Database>, municipalityId: number): Promise<number> {
  let id = drafts.get(db);
  if (!id) {
    id = toolkitFactory(db, municipalityId).method({ title: 'Entwurf einer fremden Methode', status: 'draft' });
    drafts.set(db, id);
  }
  return id;
}

/** What the link table holds about a card: the records that name it. */
export function usesOfCard(db: Kysely<Database>, methodId: number) {
  return db.selectFrom('toolkit_method_uses').select(['kind', 'object_id']).where('method_id', '=', methodId).orderBy('kind').orderBy('object_id').execute();
}
