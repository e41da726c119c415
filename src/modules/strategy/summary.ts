import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { MeasureStatus } from './tables.ts';
import { strategyRepository } from './repository.ts';
import { MEASURE_STATUSES } from './statuses.ts';

export interface StrategySummary {
  currentVersion: { versionId: number; title: string; versionLabel: string; adoptedOn: string | null; summary: string; hasDocument: boolean } | null;
  fieldCount: number;
  measureCount: number;
  measuresByStatus: Record<MeasureStatus, number>;
}

/** Three small queries, each an aggregate in SQL. */
export async function strategySummary(db: Kysely<Database>, municipalityId: number): Promise<StrategySummary> {
  const repo = strategyRepository(db);
  const [version, fieldCount, counts] = await Promise.all([repo.currentVersion(municipalityId), repo.countFields(municipalityId), repo.statusCounts(municipalityId)]);
  const measuresByStatus = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>;
  for (const row of counts) measuresByStatus[row.status] = Number(row.n);
  return {
    currentVersion: version
      ? { versionId: version.id, title: version.title, versionLabel: version.version_label, adoptedOn: version.adopted_on, summary: version.summary, hasDocument: version.document_file_id !== null }
      : null,
    fieldCount,
    measureCount: Object.values(measuresByStatus).reduce((a, b) => a + b, 0),
    measuresByStatus,
  };
}
