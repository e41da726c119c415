import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/** A process has an image and a list of places; a proposal names a place or a point on the town's map. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table participation_processes add column image_file_id integer references files(id) on delete set null`,
    `alter table participation_processes add column image_alt text not null default ''`,
    `alter table participation_processes add column places text[] not null default '{}'`,
    `alter table proposals add column place text not null default ''`,
    `alter table proposals add column latitude double precision`,
    `alter table proposals add column longitude double precision`,
    `alter table proposals add constraint proposals_point_check check ((latitude is null) = (longitude is null) and (latitude is null or (latitude between -90 and 90 and longitude between -180 and 180)))`,
  ]);
}
