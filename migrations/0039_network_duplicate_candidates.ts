import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * The likely duplicate pairs of organisations are kept, not searched when the list is opened.
 * Searching all pairs of a town with 10,000 organisations took 10–60 s (docs/benchmark.md, topic
 * network); finding the likely duplicates of the organisations one statement changed takes
 * milliseconds per organisation. So the database keeps the pairs itself: a statement trigger on
 * insert and on an update that changes a compared key scores the changed organisations against
 * their town by the duplicate rule (`DUPLICATE_RULE` in duplicates-repository.ts: name similarity
 * × 60, same website 40, same e-mail 40, same address 20, threshold 40) — whoever writes (a form,
 * an import, a merge, the demo). A deleted organisation takes its pairs with it (cascade). "Not a
 * duplicate" stays a decision of its own and is left out when the list is read.
 *
 * Name candidates come through the trigram index at similarity 0.65 (the least a name alone needs
 * to reach the threshold, a little lower for rounding), key candidates through the key indexes;
 * each is then scored exactly. That costs about 2–7 ms per organisation in a town of 10,000 (the
 * index passes hundreds of names sharing common trigrams to be checked), so a statement of up to
 * 20 organisations (a form, a merge) is scored at once, and a larger one (the demo) is queued in
 * `network_candidate_queue` for the job `network.duplicate_candidates`, which scores 500 at a time,
 * each batch in its own transaction; the list says how many are still waiting. A transaction that
 * writes organisations one statement at a time (an import's run and its undo, of any size) sets
 * `vv.network_candidates_deferred` to queue them as well. The existing organisations are queued
 * here, not scored, so the upgrade stays quick.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const keyCandidates = (column: string) => `
            select a.id as a_id, b.id as b_id from network_organisations a
            join network_organisations b on b.municipality_id = a.municipality_id and b.id <> a.id and b.${column} = a.${column}
            where a.id = any(ids) and a.${column} <> ''`;
  await runStatements(db, [
    `create table network_organisation_candidates (
      municipality_id integer not null,
      first_id integer not null,
      second_id integer not null,
      score integer not null,
      same_website boolean not null,
      same_email boolean not null,
      same_address boolean not null,
      primary key (first_id, second_id),
      check (first_id < second_id),
      foreign key (first_id, municipality_id) references network_organisations(id, municipality_id) on delete cascade,
      foreign key (second_id, municipality_id) references network_organisations(id, municipality_id) on delete cascade
    )`,
    `create index network_organisation_candidates_town_idx on network_organisation_candidates (municipality_id, score desc, first_id, second_id)`,
    `create index network_organisation_candidates_second_idx on network_organisation_candidates (second_id)`,
    `create or replace function network_refresh_candidates(ids integer[]) returns void language plpgsql as $$
      declare
        -- Unset until pg_trgm is first used in this session; 0.3 is its default.
        threshold text := coalesce(current_setting('pg_trgm.similarity_threshold', true), '0.3');
      begin
        delete from network_organisation_candidates where first_id = any(ids) or second_id = any(ids);
        perform set_config('pg_trgm.similarity_threshold', '0.65', true);
        insert into network_organisation_candidates (municipality_id, first_id, second_id, score, same_website, same_email, same_address)
        select distinct on (least(s.a_id, s.b_id), greatest(s.a_id, s.b_id))
          s.municipality_id, least(s.a_id, s.b_id), greatest(s.a_id, s.b_id), s.score, s.same_website, s.same_email, s.same_address
        from (
          select a.municipality_id, a.id as a_id, b.id as b_id, k.same_website, k.same_email, k.same_address,
            cast(round(60 * similarity(a.name_key, b.name_key)) as integer)
              + case when k.same_website then 40 else 0 end + case when k.same_email then 40 else 0 end + case when k.same_address then 20 else 0 end as score
          from (
            select a.id as a_id, b.id as b_id from network_organisations a
            join network_organisations b on b.municipality_id = a.municipality_id and b.id <> a.id and a.name_key % b.name_key
            where a.id = any(ids)
            union ${keyCandidates('website_key')}
            union ${keyCandidates('email_key')}
            union ${keyCandidates('address_key')}
          ) c
          join network_organisations a on a.id = c.a_id
          join network_organisations b on b.id = c.b_id
          cross join lateral (select
            a.website_key <> '' and a.website_key = b.website_key as same_website,
            a.email_key <> '' and a.email_key = b.email_key as same_email,
            a.address_key <> '' and a.address_key = b.address_key as same_address) k
        ) s
        where s.score >= 40
        order by least(s.a_id, s.b_id), greatest(s.a_id, s.b_id)
        on conflict (first_id, second_id) do update set score = excluded.score, same_website = excluded.same_website, same_email = excluded.same_email, same_address = excluded.same_address;
        perform set_config('pg_trgm.similarity_threshold', threshold, true);
      end
    $$`,
    `create table network_candidate_queue (
      organisation_id integer primary key references network_organisations(id) on delete cascade,
      municipality_id integer not null,
      queued_at timestamptz not null default now()
    )`,
    `create index network_candidate_queue_town_idx on network_candidate_queue (municipality_id)`,
    `create or replace function network_candidates_changed(ids integer[]) returns void language plpgsql as $$
      begin
        if cardinality(ids) = 0 then
          return;
        elsif cardinality(ids) <= 20 and current_setting('vv.network_candidates_deferred', true) is distinct from 'on' then
          perform network_refresh_candidates(ids);
        else
          insert into network_candidate_queue (organisation_id, municipality_id)
            select o.id, o.municipality_id from network_organisations o where o.id = any(ids)
            on conflict (organisation_id) do nothing;
        end if;
      end
    $$`,
    `create or replace function network_candidates_inserted() returns trigger language plpgsql as $$
      begin
        perform network_candidates_changed(array(select id from changed));
        return null;
      end
    $$`,
    `create or replace function network_candidates_updated() returns trigger language plpgsql as $$
      declare
        ids integer[] := array(
          select n.id from changed n join previous o on o.id = n.id
          where (n.name_key, n.website_key, n.email_key, n.address_key) is distinct from (o.name_key, o.website_key, o.email_key, o.address_key));
      begin
        perform network_candidates_changed(ids);
        return null;
      end
    $$`,
    `create trigger network_organisations_candidates_insert after insert on network_organisations referencing new table as changed for each statement execute function network_candidates_inserted()`,
    `create trigger network_organisations_candidates_update after update on network_organisations referencing old table as previous new table as changed for each statement execute function network_candidates_updated()`,
    `insert into network_candidate_queue (organisation_id, municipality_id) select id, municipality_id from network_organisations`,
  ]);
}
