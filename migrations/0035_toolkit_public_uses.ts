import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * Whether the record that names a method card is public (a published event that is no training
 * session, a module of a published programme, a measure), kept on the link: the card's public
 * counts take only public uses, so a draft event never shows on the toolkit as "used once more".
 * The owning modules write the flag through the methodLinks hook whenever the record's visibility
 * changes. Existing links get it from their records; links of records deleted since are not public.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table toolkit_method_uses add column is_public boolean not null default false`,
    `update toolkit_method_uses u set is_public = coalesce((select e.published and e.cohort_id is null from events e where e.id = u.object_id), false) where u.kind = 'event'`,
    `update toolkit_method_uses u set is_public = coalesce((select p.published from programme_modules m join qualification_programmes p on p.id = m.programme_id where m.id = u.object_id), false)
      where u.kind = 'training_module'`,
    `update toolkit_method_uses u set is_public = exists (select 1 from measures m where m.id = u.object_id) where u.kind = 'measure'`,
    `update toolkit_method_uses set is_public = true where kind = 'example'`,
    `update toolkit_methods m set
        use_towns = coalesce((select count(distinct u.municipality_id) from toolkit_method_uses u where u.method_id = m.id and u.kind <> 'example' and u.is_public), 0),
        use_count = coalesce((select count(*) from toolkit_method_uses u where u.method_id = m.id and u.kind <> 'example' and u.is_public), 0)`,
  ]);
}
