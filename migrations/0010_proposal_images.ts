import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table proposal_images (
      id integer generated always as identity primary key,
      proposal_id integer not null references proposals(id) on delete cascade,
      file_id integer not null references files(id) on delete cascade,
      alt_text text not null,
      position integer not null
    )`,
    `create index proposal_images_proposal_idx on proposal_images (proposal_id, position)`,
  ]);
}
