import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * Names are compared without their accents: "Yılmaz" and "Yilmaz", "Çelik" and "Celik", "José"
 * and "Jose" are the same name to a duplicate search. Turkish dotless and dotted i, the cedillas and
 * breves, and the accents of the Romance languages fold to their base letter; German umlauts keep
 * their spelled-out form (ä → ae), as before. Capitals are folded before `lower`, which in a C
 * locale leaves every letter outside ASCII as it is.
 *
 * A stored generated column keeps the value its function computed, so both name keys are dropped
 * and added again (their trigram indexes with them) to compute them with the new function.
 */
const FROM = 'ÄÖÜıİIÇçĞğŞşÉéÈèÊêËëÁáÀàÂâÃãÍíÌìÎîÏïÓóÒòÔôÕõÚúÙùÛûÑñ';
const TO = 'äöüiiiccggsseeeeeeeeaaaaaaaaiiiiiiiioooooooouuuuuunn';

export async function up(db: Kysely<unknown>): Promise<void> {
  if ([...FROM].length !== [...TO].length) throw new Error('network name folding: FROM and TO differ in length');
  await runStatements(db, [
    `create or replace function network_name_key(name text) returns text language sql immutable parallel safe as $$
      select btrim(regexp_replace(regexp_replace(regexp_replace(
        replace(replace(replace(replace(lower(translate(name, '${FROM}', '${TO}')), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'),
        '[^[:alnum:]]+', ' ', 'g'),
        '(^| )(e v|ev|gemeinnuetzige|ggmbh|gmbh|ug|ag|eg|gbr|kg|der|die|das|und|fuer|the|of|and)(?= |$)', ' ', 'g'),
        ' +', ' ', 'g'))
    $$`,
    `alter table network_organisations drop column name_key`,
    `alter table network_organisations add column name_key text generated always as (network_name_key(name)) stored`,
    `create index network_organisations_name_trgm_idx on network_organisations using gin (name_key gin_trgm_ops)`,
    `alter table network_people drop column name_key`,
    `alter table network_people add column name_key text generated always as (network_name_key(name)) stored`,
    `create index network_people_name_trgm_idx on network_people using gin (name_key gin_trgm_ops) where consent_revoked_at is null`,
  ]);
}
