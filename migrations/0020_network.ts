import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * A town's local network: organisations, the people the coordination keeps in touch with (only
 * with their consent), who belongs to which organisation, and the cooperations between them.
 * Whether a membership or cooperation is active on a day follows from its dates; nothing stores it.
 * The composite keys (id, municipality_id) let the database itself refuse a link across towns.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table network_organisations (
      id integer generated always as identity primary key,
      municipality_id integer not null references municipalities(id) on delete cascade,
      name text not null,
      type text not null check (type in ('administration', 'club', 'migrant_organisation', 'company', 'education_provider', 'school', 'religious_community', 'political_group', 'welfare_organisation', 'initiative', 'other')),
      fields_of_action text[] not null default '{}',
      district_id integer references districts(id) on delete set null,
      address text not null default '',
      website text not null default '',
      email text not null default '',
      languages text[] not null default '{}',
      description text not null default '',
      is_public boolean not null default false,
      search tsvector generated always as (to_tsvector('german', name || ' ' || description || ' ' || address)) stored,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (id, municipality_id)
    )`,
    `create index network_organisations_town_idx on network_organisations (municipality_id, name)`,
    `create index network_organisations_search_idx on network_organisations using gin (search)`,
    `create table network_people (
      id integer generated always as identity primary key,
      municipality_id integer not null references municipalities(id) on delete cascade,
      name text not null,
      user_id integer references users(id) on delete set null,
      consent_purpose text not null,
      consent_version text not null,
      consent_given_at timestamptz not null,
      consent_revoked_at timestamptz,
      created_at timestamptz not null default now(),
      unique (id, municipality_id)
    )`,
    `create index network_people_town_idx on network_people (municipality_id) where consent_revoked_at is null`,
    `create index network_people_user_idx on network_people (user_id) where user_id is not null`,
    `create table network_memberships (
      id integer generated always as identity primary key,
      municipality_id integer not null,
      person_id integer not null,
      organisation_id integer not null,
      role text not null check (role in ('contact', 'multiplier', 'diversity_manager', 'board_member', 'member', 'other')),
      starts_on date,
      ends_on date,
      created_at timestamptz not null default now(),
      foreign key (person_id, municipality_id) references network_people(id, municipality_id) on delete cascade,
      foreign key (organisation_id, municipality_id) references network_organisations(id, municipality_id) on delete cascade,
      check (ends_on is null or starts_on is null or ends_on >= starts_on)
    )`,
    `create index network_memberships_org_idx on network_memberships (organisation_id)`,
    `create index network_memberships_person_idx on network_memberships (person_id)`,
    `create table network_cooperations (
      id integer generated always as identity primary key,
      municipality_id integer not null,
      organisation_id integer not null,
      partner_id integer not null,
      type text not null check (type in ('project', 'event', 'agreement', 'working_group', 'referral', 'sponsorship', 'other')),
      starts_on date not null,
      ends_on date,
      description text not null default '',
      outputs text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (organisation_id, municipality_id) references network_organisations(id, municipality_id) on delete cascade,
      foreign key (partner_id, municipality_id) references network_organisations(id, municipality_id) on delete cascade,
      check (organisation_id <> partner_id),
      check (ends_on is null or ends_on >= starts_on)
    )`,
    `create index network_cooperations_town_idx on network_cooperations (municipality_id, starts_on)`,
    `create index network_cooperations_org_idx on network_cooperations (organisation_id)`,
    `create index network_cooperations_partner_idx on network_cooperations (partner_id)`,
  ]);
}
