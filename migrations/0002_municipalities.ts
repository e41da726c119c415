import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table counties (
      ags text primary key check (ags ~ '^[0-9]{5}$'),
      name text not null,
      type text not null,
      region text not null,
      geometry jsonb not null
    )`,
    `create table municipalities (
      id integer generated always as identity primary key,
      ags text not null unique check (ags ~ '^[0-9]{8}$'),
      name text not null,
      official_name text not null,
      type text not null,
      county_ags text not null references counties(ags),
      county_name text not null,
      county_type text not null,
      region text not null,
      population integer not null,
      population_date date not null,
      population_census_2022 integer not null,
      area_km2 double precision not null,
      geometry jsonb not null
    )`,
    `create index municipalities_county_idx on municipalities (county_ags)`,
    `create index municipalities_name_idx on municipalities (lower(name))`,
    `create table programme_participations (
      municipality_id integer primary key references municipalities(id) on delete cascade,
      joined_on date not null,
      cohort_label text not null default '',
      created_at timestamptz not null default now()
    )`,
    `create table districts (
      id integer generated always as identity primary key,
      municipality_id integer not null references municipalities(id) on delete cascade,
      name text not null,
      description text not null default '',
      created_at timestamptz not null default now(),
      unique (municipality_id, name)
    )`,
    `alter table role_assignments add constraint role_assignments_municipality_fk
      foreign key (municipality_id) references municipalities(id) on delete cascade`,
  ]);
}
