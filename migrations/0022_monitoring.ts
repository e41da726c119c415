import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * Monitoring (docs/INDICATORS.md, ADR 0014): the indicator catalogue as data, versioned (a changed
 * formula is a new version; the old one stays, so a frozen report still says what it counted),
 * targets per period, hand-entered values for what happens outside the platform (who, when, a
 * note), and the period reports of a town or of the programme with their approval and, once
 * approved, their frozen snapshot. The first catalogue is O1–O12, R1–R9, F1–F3; an indicator
 * without a source on the platform yet is filled by hand-entered values.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table monitoring_indicators (
      id integer generated always as identity primary key,
      code text not null check (code ~ '^[A-Z][A-Z0-9]{0,7}$'),
      version integer not null default 1,
      "group" text not null check ("group" in ('output', 'result', 'finance')),
      name_de text not null,
      name_en text not null,
      definition_de text not null default '',
      definition_en text not null default '',
      unit text not null check (unit in ('persons', 'records', 'number', 'percent', 'index', 'euro')),
      numerator_source text,
      numerator_filter jsonb not null default '{}',
      denominator_source text,
      denominator_filter jsonb not null default '{}',
      factor numeric not null default 1,
      decimals integer not null default 0 check (decimals between 0 and 4),
      direction text not null default 'up' check (direction in ('up', 'down', 'none')),
      time_aggregation text not null default 'sum' check (time_aggregation in ('sum', 'distinct', 'mean', 'last')),
      place_aggregation text not null default 'sum' check (place_aggregation in ('sum', 'distinct', 'mean')),
      status text not null default 'active' check (status in ('active', 'retired')),
      superseded_at timestamptz,
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      unique (code, version)
    )`,
    `create unique index monitoring_indicators_current_idx on monitoring_indicators (code) where superseded_at is null`,
    `create table monitoring_targets (
      id integer generated always as identity primary key,
      indicator_code text not null,
      period text not null,
      municipality_id integer references municipalities(id) on delete cascade,
      value numeric not null,
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    `create unique index monitoring_targets_key_idx on monitoring_targets (indicator_code, period, coalesce(municipality_id, 0))`,
    `create table monitoring_manual_values (
      id integer generated always as identity primary key,
      indicator_code text not null,
      period text not null,
      municipality_id integer references municipalities(id) on delete cascade,
      value numeric not null,
      note text not null default '',
      entered_by integer references users(id) on delete set null,
      entered_at timestamptz not null default now()
    )`,
    `create index monitoring_manual_values_key_idx on monitoring_manual_values (indicator_code, period, municipality_id)`,
    `create table monitoring_reports (
      id integer generated always as identity primary key,
      municipality_id integer references municipalities(id) on delete cascade,
      period text not null,
      status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'sent_back')),
      narrative text not null default '',
      snapshot jsonb,
      submitted_at timestamptz,
      submitted_by integer references users(id) on delete set null,
      decided_at timestamptz,
      decided_by integer references users(id) on delete set null,
      decision_note text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create unique index monitoring_reports_key_idx on monitoring_reports (coalesce(municipality_id, 0), period)`,
    `create index monitoring_reports_status_idx on monitoring_reports (status, period)`,
    `insert into monitoring_indicators (code, "group", name_de, name_en, unit, numerator_source, numerator_filter, denominator_source, denominator_filter, factor, decimals, direction, time_aggregation, place_aggregation) values
      ('O1', 'output', 'Teilnehmende aller Aktivitäten (Personen)', 'Unique participants in all activities', 'persons', 'monitoring.participants', '{}', null, '{}', 1, 0, 'up', 'distinct', 'distinct'),
      ('O2', 'output', 'Davon Drittstaatsangehörige (Anteil)', 'Of them third-country nationals (share)', 'percent', 'monitoring.participants', '{"third_country":["yes"]}', 'monitoring.participants', '{}', 100, 1, 'up', 'distinct', 'distinct'),
      ('O3', 'output', 'Ausgebildete Multiplikator*innen', 'Multipliers trained', 'persons', 'qualification.completions', '{"programme_kind":["multiplier"]}', null, '{}', 1, 0, 'up', 'distinct', 'distinct'),
      ('O4', 'output', 'Zertifizierte Diversity-Manager*innen', 'Diversity managers certified', 'persons', 'qualification.completions', '{"programme_kind":["diversity_manager"]}', null, '{}', 1, 0, 'up', 'distinct', 'distinct'),
      ('O5', 'output', 'Durchgeführte Beteiligungsverfahren', 'Participation processes run', 'records', 'participation.processes', '{}', null, '{}', 1, 0, 'up', 'sum', 'sum'),
      ('O6', 'output', 'Personen in Beteiligungsverfahren', 'People who took part in participation processes', 'persons', 'participation.contributions', '{}', null, '{}', 1, 0, 'up', 'distinct', 'distinct'),
      ('O7', 'output', 'Durchgeführte Dialogveranstaltungen', 'Dialogue events held', 'records', 'events.held', '{"format":["dialogue"]}', null, '{}', 1, 0, 'up', 'sum', 'sum'),
      ('O8', 'output', 'Beteiligte Migrantenorganisationen', 'Migrant organisations involved', 'records', 'network.migrant_organisations', '{}', null, '{}', 1, 0, 'up', 'distinct', 'sum'),
      ('O9', 'output', 'Aktive Kooperationen', 'Active cooperations', 'records', 'network.cooperations_active', '{}', null, '{}', 1, 0, 'up', 'distinct', 'sum'),
      ('O10', 'output', 'Unterstützte Kommunen', 'Municipalities supported', 'records', 'monitoring.active_towns', '{}', null, '{}', 1, 0, 'up', 'distinct', 'sum'),
      ('O11', 'output', 'Beschlossene oder fortgeschriebene Strategien', 'Strategies or action plans adopted or updated', 'records', 'strategy.adopted', '{}', null, '{}', 1, 0, 'up', 'sum', 'sum'),
      ('O12', 'output', 'Von Multiplikator*innen erreichte Personen', 'People reached by multipliers', 'number', 'qualification.reach', '{}', null, '{}', 1, 0, 'up', 'sum', 'sum'),
      ('R1', 'result', 'Veränderung des Vielfalts-Check-Index', 'Change of the Vielfalts-Check index', 'index', null, '{}', null, '{}', 1, 1, 'up', 'last', 'mean'),
      ('R2', 'result', 'Anteil Einrichtungen mit Verbesserung', 'Share of institutions that improved', 'percent', null, '{}', null, '{}', 100, 1, 'up', 'last', 'mean'),
      ('R3', 'result', 'Umsetzung des Handlungsplans (erledigte Maßnahmen)', 'Implementation of the action plan (measures done)', 'percent', 'strategy.measures', '{"status":["done"]}', 'strategy.measures', '{"status":["planned","running","done","paused"]}', 100, 1, 'up', 'last', 'sum'),
      ('R4', 'result', 'Beantwortete Vorschläge', 'Proposals answered', 'percent', null, '{}', null, '{}', 100, 1, 'up', 'sum', 'sum'),
      ('R5', 'result', 'Anteil, die eine Aktivität als hilfreich bewerten', 'Share who rated an activity as helpful', 'percent', null, '{}', null, '{}', 100, 1, 'up', 'sum', 'sum'),
      ('R6', 'result', 'Kompetenzzuwachs der Teilnehmenden', 'Competence gain of trainees', 'number', null, '{}', null, '{}', 1, 2, 'up', 'mean', 'mean'),
      ('R7', 'result', 'Transfer: Praxisprojekte und Multiplikation', 'Transfer: practice projects and multiplication', 'persons', null, '{}', null, '{}', 1, 0, 'up', 'sum', 'sum'),
      ('R8', 'result', 'Zusammenhalts-Index', 'Cohesion index', 'index', null, '{}', null, '{}', 1, 1, 'up', 'last', 'mean'),
      ('R9', 'result', 'Neue Kooperationen mit Migrantenorganisationen', 'New cooperations between established and migrant organisations', 'records', 'network.cooperations_started', '{"mixed":["yes"]}', null, '{}', 1, 0, 'up', 'sum', 'sum'),
      ('F1', 'finance', 'Mittelabfluss gegenüber Plan', 'Spending against plan', 'percent', null, '{}', null, '{}', 100, 1, 'none', 'sum', 'sum'),
      ('F2', 'finance', 'Kofinanzierungsquote', 'Co-financing rate', 'percent', null, '{}', null, '{}', 100, 1, 'none', 'sum', 'sum'),
      ('F3', 'finance', 'Vollständigkeit der Nachweise', 'Evidence completeness', 'percent', null, '{}', null, '{}', 100, 1, 'up', 'last', 'mean')`,
  ]);
}
