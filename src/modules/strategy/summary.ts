import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { MEASURE_STATUSES, type MeasureStatus } from './tables.ts';
import { isAdopted } from './policy.ts';
import { type MeasureFilter, strategyRepository } from './repository.ts';

export interface StrategySummary {
  currentVersion: { versionId: number; title: string; versionLabel: string; adoptedOn: string | null; summary: string; hasDocument: boolean } | null;
  fieldCount: number;
  measureCount: number;
  measuresByStatus: Record<MeasureStatus, number>;
}

/** Measures per status, every status counted (also with none). */
export async function statusCounts(db: Kysely<Database>, municipalityId: number, filter: MeasureFilter = {}): Promise<Record<MeasureStatus, number>> {
  const counts = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>;
  for (const row of await strategyRepository(db).statusCounts(municipalityId, filter)) counts[row.status] = Number(row.n);
  return counts;
}

/** Three small queries, each an aggregate in SQL. A draft's document is not offered: the public may read only adopted versions' documents. */
export async function strategySummary(db: Kysely<Database>, municipalityId: number): Promise<StrategySummary> {
  const repo = strategyRepository(db);
  const [version, fieldCount, measuresByStatus] = await Promise.all([repo.currentVersion(municipalityId), repo.countFields(municipalityId), statusCounts(db, municipalityId)]);
  return {
    currentVersion: version
      ? {
          versionId: version.id,
          title: version.title,
          versionLabel: version.version_label,
          adoptedOn: version.adopted_on,
          summary: version.summary,
          hasDocument: version.document_file_id !== null && isAdopted(version),
        }
      : null,
    fieldCount,
    measureCount: Object.values(measuresByStatus).reduce((a, b) => a + b, 0),
    measuresByStatus,
  };
}
