import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * Evidence completeness (docs/INDICATORS.md F3). A participant's target-group evidence is a staff
 * member's confirmation that it was seen (who and when; the confirmer may later be deleted, the
 * date stays as the evidence). F3 gets a second catalogue version that computes from the events'
 * evidence facts: of all evidence the funder expects (a signed list per event held, a confirmed
 * target group per attendee), the share that is there. The first version stays for what was
 * reported with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table event_registrations add column target_group_confirmed_at timestamptz`,
    `alter table event_registrations add column target_group_confirmed_by integer references users(id) on delete set null`,
    `create index event_registrations_attended_idx on event_registrations (event_id) where attended`,
    `update monitoring_indicators set superseded_at = now() where code = 'F3' and superseded_at is null`,
    `insert into monitoring_indicators (code, version, "group", name_de, name_en, definition_de, definition_en, unit, numerator_source, numerator_filter, denominator_source, denominator_filter, factor, decimals, direction, time_aggregation, place_aggregation)
      select 'F3', coalesce(max(version), 0) + 1, 'finance', 'Vollständigkeit der Nachweise', 'Evidence completeness',
        'Anteil der vorhandenen Nachweise an allen erwarteten: je stattgefundener Veranstaltung die hochgeladene unterschriebene Teilnahmeliste, je teilnehmender Person der bestätigte Zielgruppennachweis.',
        'Share of the evidence present among all evidence expected: for each event held its uploaded signed participant list, for each attendee a confirmed target-group evidence.',
        'percent', 'events.evidence', '{"complete":["yes"]}', 'events.evidence', '{}', 100, 1, 'up', 'sum', 'sum'
      from monitoring_indicators where code = 'F3'`,
  ]);
}
