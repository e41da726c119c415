import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import './tables.ts';

/** The monitoring module's own tables: the indicator catalogue, hand-entered values and the reports. */
export function monitoringRepository(db: Kysely<Database>) {
  return {
    /** The current version of every indicator, in catalogue order (outputs, results, finance; by number). */
    currentIndicators() {
      return db
        .selectFrom('monitoring_indicators')
        .selectAll()
        .where('superseded_at', 'is', null)
        .orderBy(sql`case "group" when 'output' then 1 when 'result' then 2 else 3 end`)
        .orderBy(sql`length(code)`)
        .orderBy('code')
        .execute();
    },

    /** The hand-entered values of an indicator for a period: per town, and `null` for the programme as a whole. */
    manualValues(code: string, period: string) {
      return db
        .selectFrom('monitoring_manual_values')
        .select(['municipality_id', sql<string>`sum(value)`.as('value'), sql<string>`count(*)`.as('entries')])
        .where('indicator_code', '=', code)
        .where('period', '=', period)
        .groupBy('municipality_id')
        .execute();
    },

    /** Every hand-entered value of a period, summed per indicator and town (`null`: the programme as a whole). */
    manualValuesOfPeriod(period: string) {
      return db
        .selectFrom('monitoring_manual_values')
        .select(['indicator_code', 'municipality_id', sql<string>`sum(value)`.as('value')])
        .where('period', '=', period)
        .groupBy(['indicator_code', 'municipality_id'])
        .execute();
    },

    targets(period: string) {
      return db.selectFrom('monitoring_targets').select(['indicator_code', 'municipality_id', 'value']).where('period', '=', period).execute();
    },

    /** The periods whose programme report the office approved: only these are shown to the funder. */
    async approvedProgrammePeriods(): Promise<string[]> {
      const rows = await db.selectFrom('monitoring_reports').select('period').where('municipality_id', 'is', null).where('status', '=', 'approved').orderBy('period', 'desc').execute();
      return rows.map((r) => r.period);
    },
    /** When the office last approved a programme report (the public indicator values change with it). */
    async lastApprovedProgrammeReport(): Promise<Date | null> {
      const row = await db
        .selectFrom('monitoring_reports')
        .select((eb) => eb.fn.max('updated_at').as('at'))
        .where('municipality_id', 'is', null)
        .where('status', '=', 'approved')
        .executeTakeFirst();
      return row?.at ? new Date(row.at) : null;
    },
  };
}

/** The programme report of a period, and its decision (approve freezes the snapshot; send back clears it). */
export function reportRepository(db: Kysely<Database>) {
  return {
    programmeReport(period: string) {
      return db.selectFrom('monitoring_reports').selectAll().where('municipality_id', 'is', null).where('period', '=', period).executeTakeFirst();
    },
    async decide(period: string, decision: { status: 'approved' | 'sent_back'; note: string; narrative: string; snapshot: unknown; by: number | null }) {
      const values = {
        status: decision.status,
        narrative: decision.narrative,
        decision_note: decision.note,
        snapshot: decision.snapshot === null ? null : JSON.stringify(decision.snapshot),
        decided_at: new Date(),
        decided_by: decision.by,
        updated_at: new Date(),
      };
      const existing = await db.selectFrom('monitoring_reports').select('id').where('municipality_id', 'is', null).where('period', '=', period).executeTakeFirst();
      if (existing) return db.updateTable('monitoring_reports').set(values).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow();
      return db
        .insertInto('monitoring_reports')
        .values({ municipality_id: null, period, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
    },
  };
}
