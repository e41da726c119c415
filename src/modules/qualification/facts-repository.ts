import { sql } from 'kysely';
import { type FactSource, PERSON_DIMENSIONS } from '../../platform/facts.ts';
import { PROGRAMME_KINDS, TARGET_GROUPS } from './tables.ts';

/**
 * What monitoring may count from qualification (docs/INDICATORS.md O1, O3, O4, O12): trainees who
 * attended a session, completions (a certificate issued and not revoked: the certificate is only
 * issued once the completion rule is met), and the people multipliers report to have reached.
 * A cohort without a town is not counted per town (it has no place on the map).
 */
const notStated = sql<string>`'not_stated'`;

export const qualificationFacts: readonly FactSource[] = [
  {
    id: 'qualification.trainees',
    labelKey: 'monitoring.fact.qualification_trainees',
    kind: 'persons',
    dimensions: { ...PERSON_DIMENSIONS, programme_kind: PROGRAMME_KINDS },
    rows: (db) =>
      db
        .selectFrom('session_attendance as sa')
        .innerJoin('events as e', 'e.id', 'sa.event_id')
        .innerJoin('enrolments as en', 'en.id', 'sa.enrolment_id')
        .innerJoin('cohorts as c', 'c.id', 'en.cohort_id')
        .innerJoin('qualification_programmes as p', 'p.id', 'c.programme_id')
        .where('sa.attended', '=', true)
        .where('c.municipality_id', 'is not', null)
        .select([
          sql<string>`to_char(e.starts_at at time zone 'Europe/Berlin', 'YYYY-MM-DD')`.as('day'),
          sql<number>`c.municipality_id`.as('municipality_id'),
          sql<number | null>`null`.as('district_id'),
          sql<string>`case when en.user_id is not null then 'a:' || en.user_id else 'o:qualification:' || en.id end`.as('person_key'),
          sql<number>`1`.as('value'),
          notStated.as('sex'),
          notStated.as('age_group'),
          notStated.as('third_country'),
          sql<string>`case when e.mode = 'online' then 'online' else 'offline' end`.as('channel'),
          'p.kind as programme_kind',
        ]) as ReturnType<FactSource['rows']>,
  },
  {
    id: 'qualification.completions',
    labelKey: 'monitoring.fact.qualification_completions',
    kind: 'persons',
    dimensions: { programme_kind: PROGRAMME_KINDS, target_group: TARGET_GROUPS },
    rows: (db) =>
      db
        .selectFrom('certificates as ce')
        .innerJoin('enrolments as en', 'en.id', 'ce.enrolment_id')
        .innerJoin('cohorts as c', 'c.id', 'en.cohort_id')
        .innerJoin('qualification_programmes as p', 'p.id', 'c.programme_id')
        .where('ce.revoked_at', 'is', null)
        .where('c.municipality_id', 'is not', null)
        .select([
          sql<string>`to_char(ce.issued_on, 'YYYY-MM-DD')`.as('day'),
          sql<number>`c.municipality_id`.as('municipality_id'),
          sql<number | null>`null`.as('district_id'),
          sql<string>`case when en.user_id is not null then 'a:' || en.user_id else 'o:qualification:' || en.id end`.as('person_key'),
          sql<number>`1`.as('value'),
          'p.kind as programme_kind',
          sql<string>`coalesce(p.target_group, 'other')`.as('target_group'),
        ]) as ReturnType<FactSource['rows']>,
  },
  {
    id: 'qualification.reach',
    labelKey: 'monitoring.fact.qualification_reach',
    kind: 'values',
    dimensions: { target_group: TARGET_GROUPS },
    rows: (db) =>
      db
        .selectFrom('multiplier_activities as m')
        .where('m.municipality_id', 'is not', null)
        .select([
          sql<string>`to_char(m.occurred_on, 'YYYY-MM-DD')`.as('day'),
          sql<number>`m.municipality_id`.as('municipality_id'),
          sql<number | null>`null`.as('district_id'),
          sql<string | null>`null`.as('person_key'),
          sql<number>`m.people_reached`.as('value'),
          'm.target_group',
        ]) as ReturnType<FactSource['rows']>,
  },
];
