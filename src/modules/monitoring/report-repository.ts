import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import type { MonitoringReportsTable, ReportStatus } from './tables.ts';

export type ReportRow = Selectable<MonitoringReportsTable>;

/** The statuses in which the coordinator may still write: not begun, a draft, or sent back by the office. */
export const EDITABLE_STATUSES = ['draft', 'sent_back'] as const;

/**
 * The town reports of a period (the row with `municipality_id` null is the programme report, see
 * repository.ts). Every change of status is one conditional UPDATE, so two people deciding at once
 * cannot both win: the second finds the status changed and gets nothing back.
 */
export function townReportRepository(db: Kysely<Database>) {
  return {
    find(municipalityId: number, period: string): Promise<ReportRow | undefined> {
      return db.selectFrom('monitoring_reports').selectAll().where('municipality_id', '=', municipalityId).where('period', '=', period).executeTakeFirst();
    },

    /** Writes the narrative while the report is editable; submitting sets it to submitted. Returns null when it was not editable. */
    async write(municipalityId: number, period: string, change: { narrative: string; submit: boolean; by: number | null }): Promise<{ id: number; before: ReportRow | undefined } | null> {
      const before = await db.selectFrom('monitoring_reports').selectAll().where('municipality_id', '=', municipalityId).where('period', '=', period).forUpdate().executeTakeFirst();
      if (before && !(EDITABLE_STATUSES as readonly string[]).includes(before.status)) return null;
      const now = new Date();
      const values = {
        narrative: change.narrative,
        updated_at: now,
        ...(change.submit ? { status: 'submitted' as const, submitted_at: now, submitted_by: change.by } : {}),
      };
      if (before) {
        const row = await db
          .updateTable('monitoring_reports')
          .set(values)
          .where('id', '=', before.id)
          .where('status', 'in', [...EDITABLE_STATUSES])
          .returning('id')
          .executeTakeFirst();
        return row ? { id: row.id, before } : null;
      }
      const row = await db
        .insertInto('monitoring_reports')
        .values({ municipality_id: municipalityId, period, status: 'draft', ...values })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return row ? { id: row.id, before } : null;
    },

    /** The office's decision on a submitted report; null when it is not (or no longer) submitted. */
    async decide(id: number, decision: { status: 'approved' | 'sent_back'; note: string; snapshot: unknown; by: number | null }): Promise<ReportRow | null> {
      const row = await db
        .updateTable('monitoring_reports')
        .set({
          status: decision.status,
          decision_note: decision.note,
          snapshot: decision.snapshot === null ? null : JSON.stringify(decision.snapshot),
          decided_at: new Date(),
          decided_by: decision.by,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .where('status', '=', 'submitted')
        .returningAll()
        .executeTakeFirst();
      return row ?? null;
    },

    /** A report as the demo data has it (a status other than draft, with its dates and snapshot). */
    async insertDemo(values: Insertable<MonitoringReportsTable>): Promise<number> {
      const row = await db.insertInto('monitoring_reports').values(values).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    /** One page of the town reports of a period, those waiting for a decision first. */
    async page(period: string, status: ReportStatus | undefined, request: PageRequest) {
      let query = db.selectFrom('monitoring_reports').where('municipality_id', 'is not', null).where('period', '=', period);
      if (status) query = query.where('status', '=', status);
      const [items, count] = await Promise.all([
        query
          .select(['id', 'municipality_id', 'status', 'submitted_at', 'decided_at', 'updated_at'])
          .orderBy(sql`case status when 'submitted' then 0 when 'sent_back' then 1 when 'draft' then 2 else 3 end`)
          .orderBy('updated_at', 'desc')
          .orderBy('id')
          .limit(request.pageSize)
          .offset(request.offset)
          .execute(),
        query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: items.map((r) => ({ ...r, municipality_id: Number(r.municipality_id) })), total: Number(count.n) };
    },
  };
}

/** What the public may read of the reports: the approved ones with their frozen snapshot (open data). */
export function publicReportRepository(db: Kysely<Database>) {
  return {
    /** Approved reports with a snapshot, of one town (and the programme's) or all, by id. */
    approvedSnapshots(municipalityId?: number) {
      return db
        .selectFrom('monitoring_reports')
        .select(['id', 'municipality_id', 'period', 'snapshot', 'decided_at'])
        .where('status', '=', 'approved')
        .where('snapshot', 'is not', null)
        .$if(municipalityId !== undefined, (q) => q.where('municipality_id', '=', municipalityId ?? 0))
        .orderBy('id')
        .execute();
    },
    async lastApproval(municipalityId?: number): Promise<Date | null> {
      const row = await db
        .selectFrom('monitoring_reports')
        .select((eb) => eb.fn.max('decided_at').as('at'))
        .where('status', '=', 'approved')
        .$if(municipalityId !== undefined, (q) => q.where('municipality_id', '=', municipalityId ?? 0))
        .executeTakeFirst();
      return row?.at ? new Date(row.at) : null;
    },
  };
}
