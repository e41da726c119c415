import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/** Events with capacity and waiting list; registrations of accounts and guests with attendance. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table events (
      id integer generated always as identity primary key,
      municipality_id integer not null references municipalities(id) on delete cascade,
      title text not null,
      description text not null default '',
      format text not null check (format in ('dialogue', 'idea_workshop', 'innovation_circle', 'network_meeting', 'training', 'other')),
      mode text not null check (mode in ('in_person', 'online', 'hybrid')),
      venue text not null default '',
      address text not null default '',
      online_url text not null default '',
      district_id integer references districts(id) on delete set null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      capacity integer not null check (capacity between 1 and 100000),
      registration_opens_at timestamptz,
      registration_closes_at timestamptz,
      languages text[] not null default '{de}',
      accessibility text[] not null default '{}',
      accessibility_note text not null default '',
      contact_name text not null default '',
      contact_email text not null default '',
      image_file_id integer references files(id) on delete set null,
      image_alt text not null default '',
      signed_list_file_id integer references files(id) on delete set null,
      feedback_survey_id integer references surveys(id) on delete set null,
      published boolean not null default false,
      cancelled_at timestamptz,
      cancel_reason text not null default '',
      reminder_sent_at timestamptz,
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      check (ends_at > starts_at)
    )`,
    `create index events_municipality_idx on events (municipality_id, starts_at)`,
    `create index events_public_idx on events (starts_at, id) where published`,
    `create table event_registrations (
      id integer generated always as identity primary key,
      event_id integer not null references events(id) on delete cascade,
      user_id integer references users(id) on delete set null,
      name text not null,
      email text,
      organisation text not null default '',
      home_town text not null default '',
      sex text not null default 'not_stated' check (sex in ('female', 'male', 'diverse', 'not_stated')),
      age_group text not null default 'not_stated' check (age_group in ('under_18', '18_24', '25_54', '55_64', '65_plus', 'not_stated')),
      third_country text not null default 'not_stated' check (third_country in ('yes', 'no', 'not_stated')),
      status text not null check (status in ('confirmed', 'waiting', 'cancelled')),
      locale text not null default 'de',
      attended boolean not null default false,
      checked_in_at timestamptz,
      walk_in boolean not null default false,
      paper_consent boolean not null default false,
      created_at timestamptz not null default now(),
      promoted_at timestamptz,
      cancelled_at timestamptz
    )`,
    `create index event_registrations_event_idx on event_registrations (event_id, status, id)`,
    `create index event_registrations_user_idx on event_registrations (user_id) where user_id is not null`,
    // One live registration per address and per account and event: a double click or a race yields one.
    `create unique index event_registrations_email_once on event_registrations (event_id, lower(email)) where status <> 'cancelled' and email is not null`,
    `create unique index event_registrations_user_once on event_registrations (event_id, user_id) where status <> 'cancelled' and user_id is not null`,
  ]);
}
