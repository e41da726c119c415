import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

const DIMENSIONS = `('leadership', 'opening', 'access', 'work', 'engagement', 'encounter', 'communication')`;

/**
 * The Vielfalts-Check: the programme's own items in seven dimensions, kept in numbered versions
 * (an item is never changed in place: a change makes a new version, so an old assessment keeps the
 * items it was answered on); assessments of an organisation of the town's network register
 * (baseline and follow-up), their answers (maturity 0–4) and the scores computed when saved.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table diversity_check_versions (
      id integer generated always as identity primary key,
      number integer not null unique,
      note text not null default '',
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    `create table diversity_check_items (
      id integer generated always as identity primary key,
      version_id integer not null references diversity_check_versions(id) on delete cascade,
      dimension text not null check (dimension in ${DIMENSIONS}),
      position integer not null,
      text_de text not null,
      text_en text not null,
      unique (version_id, dimension, position)
    )`,
    `create table diversity_check_assessments (
      id integer generated always as identity primary key,
      municipality_id integer not null,
      organisation_id integer not null,
      version_id integer not null references diversity_check_versions(id),
      phase text not null check (phase in ('baseline', 'follow_up')),
      assessed_on date not null,
      index_score double precision not null check (index_score between 0 and 100),
      note text not null default '',
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (organisation_id, municipality_id) references network_organisations(id, municipality_id) on delete cascade,
      unique (organisation_id, phase)
    )`,
    `create index diversity_check_assessments_town_idx on diversity_check_assessments (municipality_id, phase)`,
    `create table diversity_check_answers (
      assessment_id integer not null references diversity_check_assessments(id) on delete cascade,
      item_id integer not null references diversity_check_items(id),
      level smallint not null check (level between 0 and 4),
      primary key (assessment_id, item_id)
    )`,
    `create table diversity_check_scores (
      assessment_id integer not null references diversity_check_assessments(id) on delete cascade,
      dimension text not null check (dimension in ${DIMENSIONS}),
      score double precision not null check (score between 0 and 100),
      primary key (assessment_id, dimension)
    )`,
  ]);
}
