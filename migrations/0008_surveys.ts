import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table surveys (
      id integer generated always as identity primary key,
      municipality_id integer not null references municipalities(id) on delete cascade,
      process_id integer references participation_processes(id) on delete set null,
      title text not null,
      description text not null default '',
      anonymous boolean not null default true,
      opens_on date not null,
      closes_on date not null,
      published boolean not null default false,
      created_at timestamptz not null default now(),
      check (closes_on >= opens_on)
    )`,
    `create index surveys_municipality_idx on surveys (municipality_id)`,
    `create table survey_questions (
      id integer generated always as identity primary key,
      survey_id integer not null references surveys(id) on delete cascade,
      position integer not null default 0,
      kind text not null check (kind in ('single', 'multiple', 'scale', 'number', 'text')),
      prompt text not null,
      help text not null default '',
      required boolean not null default false,
      options jsonb not null default '[]'
    )`,
    `create index survey_questions_survey_idx on survey_questions (survey_id, position)`,
    `create table survey_responses (
      id integer generated always as identity primary key,
      survey_id integer not null references surveys(id) on delete cascade,
      user_id integer references users(id) on delete set null,
      offline boolean not null default false,
      created_at timestamptz not null default now()
    )`,
    `create index survey_responses_survey_idx on survey_responses (survey_id)`,
    `create table survey_participants (
      survey_id integer not null references surveys(id) on delete cascade,
      user_id integer not null references users(id) on delete cascade,
      primary key (survey_id, user_id)
    )`,
    `create table survey_answers (
      id integer generated always as identity primary key,
      response_id integer not null references survey_responses(id) on delete cascade,
      question_id integer not null references survey_questions(id) on delete cascade,
      choice integer,
      number double precision,
      text text,
      text_approved boolean not null default false
    )`,
    `create index survey_answers_question_idx on survey_answers (question_id)`,
  ]);
}
