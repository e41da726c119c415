import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * The cohesion survey (docs/INDICATORS.md, R8) on the survey engine: a survey made from a template
 * says so (`template`), and each of its questions names its item (its wording comes from the
 * message catalogs, in every public language), its dimension and whether its scale counts
 * backwards (often experienced discrimination = low cohesion). R8 gets a second catalogue version
 * that computes from the survey's facts; the first stays for what was reported with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table surveys add column template text check (template in ('cohesion'))`,
    `create index surveys_template_idx on surveys (template, municipality_id) where template is not null`,
    `alter table survey_questions add column item_key text`,
    `alter table survey_questions add column dimension text check (dimension in ('trust', 'belonging', 'acceptance', 'discrimination', 'engagement'))`,
    `alter table survey_questions add column reversed boolean not null default false`,
    `update monitoring_indicators set superseded_at = now() where code = 'R8' and superseded_at is null`,
    `insert into monitoring_indicators (code, version, "group", name_de, name_en, definition_de, definition_en, unit, numerator_source, numerator_filter, denominator_source, denominator_filter, factor, decimals, direction, time_aggregation, place_aggregation)
      select 'R8', coalesce(max(version), 0) + 1, 'result', 'Zusammenhalts-Index', 'Cohesion index',
        'Mittel der Antworten der Zusammenhalts-Befragung (Vertrauen, Zugehörigkeit, Akzeptanz von Vielfalt, erlebte Diskriminierung umgekehrt gewertet, Engagementbereitschaft; 0–100). Je Kommune erst ab 10 Antworten im Zeitraum; über mehrere Kommunen das Mittel der Kommunen, die diese Schwelle erreichen.',
        'Mean of the cohesion survey''s answers (trust, belonging, acceptance of diversity, experienced discrimination scored backwards, willingness to engage; 0–100). Per municipality only from 10 answers in the period; across municipalities the mean of those that reach this threshold.',
        'index', 'surveys.cohesion', '{}', null, '{}', 1, 1, 'up', 'mean', 'mean'
      from monitoring_indicators where code = 'R8'`,
  ]);
}
