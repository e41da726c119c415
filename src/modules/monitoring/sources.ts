import type { FactSource } from '../../platform/facts.ts';
import type { AppModule, AppServices } from '../../platform/module.ts';

/** Every fact source the modules declare, by id (`<module>.<fact>`). */
export function factSources(modules: readonly AppModule[]): Map<string, FactSource> {
  const sources = new Map<string, FactSource>();
  for (const module of modules) for (const source of module.facts ?? []) sources.set(source.id, source);
  return sources;
}

/** The activities whose people make up the participant statistics (O1): attendances, trainees, contributors, respondents. */
export const PARTICIPANT_SOURCES = ['events.attendances', 'qualification.trainees', 'participation.contributions', 'surveys.responses'] as const;

/** The sources that exist among those named (a module may be switched off). */
export function pick(sources: Map<string, FactSource>, ids: readonly string[]): FactSource[] {
  return ids.map((id) => sources.get(id)).filter((source): source is FactSource => source !== undefined);
}

/** What the definition pages and the dashboards know of a source: its label key and what one row counts. */
export interface SourceInfo {
  labelKey: string;
  kind: 'persons' | 'records' | 'values';
}

/** Every source an indicator may name: those the modules declare and the two monitoring computes itself. */
export function sourceInfos(services: AppServices): Map<string, SourceInfo> {
  const infos = new Map<string, SourceInfo>([
    ['monitoring.participants', { labelKey: 'monitoring.fact.participants', kind: 'persons' }],
    ['monitoring.active_towns', { labelKey: 'monitoring.fact.active_towns', kind: 'records' }],
  ]);
  for (const [id, source] of factSources(services.modules())) infos.set(id, { labelKey: source.labelKey, kind: source.kind });
  return infos;
}
