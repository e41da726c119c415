import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * The network's duplicate rules, merges, event organisers, cooperation links and imports.
 *
 * - Normalised keys (name, website, e-mail, address) are generated columns computed by immutable
 *   SQL functions, so the form's input is compared with the same function; a trigram index
 *   (pg_trgm, on PostgreSQL and PGlite) finds similar names without reading the whole town.
 * - "Not a duplicate" is remembered per pair (smaller id first), for organisations and people.
 * - Events name their organising and co-organising organisations (the network owns the link; the
 *   events module writes it through the network's index), and cooperations name the measures and
 *   events they belong to.
 * - An import keeps its uploaded rows until it is run, the column mapping is remembered per town,
 *   and every organisation it created or updated carries its tag, so it can be undone as a whole.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create extension if not exists pg_trgm`,
    `create or replace function network_name_key(name text) returns text language sql immutable parallel safe as $$
      select btrim(regexp_replace(regexp_replace(regexp_replace(
        replace(replace(replace(replace(lower(name), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'),
        '[^[:alnum:]]+', ' ', 'g'),
        '(^| )(e v|ev|gemeinnuetzige|ggmbh|gmbh|ug|ag|eg|gbr|kg|der|die|das|und|fuer|the|of|and)(?= |$)', ' ', 'g'),
        ' +', ' ', 'g'))
    $$`,
    `create or replace function network_web_key(website text) returns text language sql immutable parallel safe as $$
      select regexp_replace(regexp_replace(lower(btrim(website)), '^(https?://)?(www\\.)?', ''), '/+$', '')
    $$`,
    `create or replace function network_address_key(address text) returns text language sql immutable parallel safe as $$
      select regexp_replace(regexp_replace(replace(lower(address), 'ß', 'ss'), 'strasse|str\\.', 'str', 'g'), '[^[:alnum:]]+', '', 'g')
    $$`,
    `alter table network_organisations
      add column name_key text generated always as (network_name_key(name)) stored,
      add column website_key text generated always as (network_web_key(website)) stored,
      add column email_key text generated always as (lower(btrim(email))) stored,
      add column address_key text generated always as (network_address_key(address)) stored`,
    `create index network_organisations_name_trgm_idx on network_organisations using gin (name_key gin_trgm_ops)`,
    `create index network_organisations_website_idx on network_organisations (municipality_id, website_key) where website_key <> ''`,
    `create index network_organisations_email_idx on network_organisations (municipality_id, email_key) where email_key <> ''`,
    `create index network_organisations_address_idx on network_organisations (municipality_id, address_key) where address_key <> ''`,
    `alter table network_people add column name_key text generated always as (network_name_key(name)) stored`,
    `create index network_people_name_trgm_idx on network_people using gin (name_key gin_trgm_ops) where consent_revoked_at is null`,
    `create table network_organisation_distinct (
      municipality_id integer not null,
      first_id integer not null,
      second_id integer not null,
      decided_by integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (first_id, second_id),
      check (first_id < second_id),
      foreign key (first_id, municipality_id) references network_organisations(id, municipality_id) on delete cascade,
      foreign key (second_id, municipality_id) references network_organisations(id, municipality_id) on delete cascade
    )`,
    `create index network_organisation_distinct_second_idx on network_organisation_distinct (second_id)`,
    `create table network_person_distinct (
      municipality_id integer not null,
      first_id integer not null,
      second_id integer not null,
      decided_by integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (first_id, second_id),
      check (first_id < second_id),
      foreign key (first_id, municipality_id) references network_people(id, municipality_id) on delete cascade,
      foreign key (second_id, municipality_id) references network_people(id, municipality_id) on delete cascade
    )`,
    `create index network_person_distinct_second_idx on network_person_distinct (second_id)`,
    `create table network_event_organisers (
      event_id integer not null references events(id) on delete cascade,
      organisation_id integer not null,
      municipality_id integer not null,
      role text not null check (role in ('organiser', 'co_organiser')),
      primary key (event_id, organisation_id),
      foreign key (organisation_id, municipality_id) references network_organisations(id, municipality_id) on delete cascade
    )`,
    `create index network_event_organisers_org_idx on network_event_organisers (organisation_id)`,
    `create table network_cooperation_events (
      cooperation_id integer not null references network_cooperations(id) on delete cascade,
      event_id integer not null references events(id) on delete cascade,
      primary key (cooperation_id, event_id)
    )`,
    `create index network_cooperation_events_event_idx on network_cooperation_events (event_id)`,
    `create table network_cooperation_measures (
      cooperation_id integer not null references network_cooperations(id) on delete cascade,
      measure_id integer not null references measures(id) on delete cascade,
      primary key (cooperation_id, measure_id)
    )`,
    `create index network_cooperation_measures_measure_idx on network_cooperation_measures (measure_id)`,
    `create table network_imports (
      id integer generated always as identity primary key,
      municipality_id integer not null references municipalities(id) on delete cascade,
      file_name text not null,
      headers jsonb not null default '[]',
      rows jsonb not null default '[]',
      mapping jsonb not null default '{}',
      status text not null default 'pending' check (status in ('pending', 'done', 'undone')),
      created_count integer not null default 0,
      updated_count integer not null default 0,
      skipped_count integer not null default 0,
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      imported_at timestamptz,
      undone_at timestamptz,
      unique (id, municipality_id)
    )`,
    `create index network_imports_town_idx on network_imports (municipality_id, created_at)`,
    `create table network_import_mappings (
      municipality_id integer primary key references municipalities(id) on delete cascade,
      mapping jsonb not null,
      updated_at timestamptz not null default now()
    )`,
    `alter table network_organisations add column import_id integer references network_imports(id) on delete set null`,
    `create index network_organisations_import_idx on network_organisations (import_id) where import_id is not null`,
    `create table network_import_updates (
      import_id integer not null references network_imports(id) on delete cascade,
      organisation_id integer not null references network_organisations(id) on delete cascade,
      before jsonb not null,
      primary key (import_id, organisation_id)
    )`,
  ]);
}
