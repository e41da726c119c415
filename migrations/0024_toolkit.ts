import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * The toolkit (Werkzeugkoffer): method cards and good-practice examples that a town proposes and
 * the programme office publishes, each change kept as a version; translations of a card per
 * language; attachments with their extracted text; and where a method was used (measures, events,
 * training modules: the toolkit keeps the link, the other module keeps its object).
 * `search` is written by the repository (title and summary weigh more than steps and attachments),
 * since it also takes the text of the attachments, which a generated column cannot.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create extension if not exists pg_trgm`,
    `create table toolkit_methods (
      id integer generated always as identity primary key,
      municipality_id integer not null references municipalities(id) on delete cascade,
      status text not null default 'draft' check (status in ('draft', 'submitted', 'changes_requested', 'published', 'withdrawn')),
      title text not null,
      summary text not null,
      goal text not null default '',
      steps text[] not null default '{}',
      duration text not null check (duration in ('short', 'half_day', 'full_day', 'several_days', 'series')),
      group_size text not null check (group_size in ('small', 'medium', 'large', 'any')),
      target_groups text[] not null default '{}',
      fields_of_action text[] not null default '{}',
      format text not null check (format in ('workshop', 'dialogue', 'training_unit', 'campaign', 'event', 'counselling', 'other')),
      materials text not null default '',
      contact text not null default '',
      languages text[] not null default '{}',
      licence text not null default 'CC-BY-4.0' check (licence in ('CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'dl-de-by-2.0')),
      easy_summary text not null default '',
      review_note text not null default '',
      version integer not null default 1,
      attachment_text text not null default '',
      search tsvector not null default ''::tsvector,
      published_at timestamptz,
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (id, municipality_id)
    )`,
    `create index toolkit_methods_status_idx on toolkit_methods (status, municipality_id)`,
    `create index toolkit_methods_search_idx on toolkit_methods using gin (search)`,
    `create index toolkit_methods_title_trgm_idx on toolkit_methods using gin (title gin_trgm_ops)`,
    `create table toolkit_method_versions (
      id integer generated always as identity primary key,
      method_id integer not null references toolkit_methods(id) on delete cascade,
      version integer not null,
      status text not null,
      content jsonb not null,
      actor_user_id integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      unique (method_id, version)
    )`,
    `create table toolkit_method_translations (
      method_id integer not null references toolkit_methods(id) on delete cascade,
      locale text not null check (locale in ('en', 'tr', 'ar', 'uk', 'ru', 'fa', 'de-x-leicht')),
      title text not null,
      summary text not null,
      goal text not null default '',
      steps text[] not null default '{}',
      updated_at timestamptz not null default now(),
      primary key (method_id, locale)
    )`,
    `create table toolkit_attachments (
      id integer generated always as identity primary key,
      method_id integer not null references toolkit_methods(id) on delete cascade,
      file_id integer not null references files(id) on delete cascade,
      title text not null,
      kind text not null check (kind in ('pdf', 'docx', 'pptx', 'image')),
      text_content text not null default '',
      created_at timestamptz not null default now()
    )`,
    `create index toolkit_attachments_method_idx on toolkit_attachments (method_id)`,
    `create table toolkit_examples (
      id integer generated always as identity primary key,
      municipality_id integer not null references municipalities(id) on delete cascade,
      status text not null default 'draft' check (status in ('draft', 'submitted', 'changes_requested', 'published', 'withdrawn')),
      title text not null,
      problem text not null,
      approach text not null,
      result text not null,
      lessons text not null default '',
      review_note text not null default '',
      version integer not null default 1,
      published_at timestamptz,
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index toolkit_examples_status_idx on toolkit_examples (status, municipality_id)`,
    `create table toolkit_example_versions (
      id integer generated always as identity primary key,
      example_id integer not null references toolkit_examples(id) on delete cascade,
      version integer not null,
      status text not null,
      content jsonb not null,
      actor_user_id integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      unique (example_id, version)
    )`,
    `create table toolkit_example_methods (
      example_id integer not null references toolkit_examples(id) on delete cascade,
      method_id integer not null references toolkit_methods(id) on delete cascade,
      primary key (example_id, method_id)
    )`,
    `create index toolkit_example_methods_method_idx on toolkit_example_methods (method_id)`,
    `create table toolkit_method_uses (
      method_id integer not null references toolkit_methods(id) on delete cascade,
      kind text not null check (kind in ('measure', 'event', 'training_module', 'example')),
      object_id integer not null,
      municipality_id integer references municipalities(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (method_id, kind, object_id)
    )`,
    `create index toolkit_method_uses_object_idx on toolkit_method_uses (kind, object_id)`,
  ]);
}
