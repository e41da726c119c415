import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { MethodLinks } from '../../platform/method-links.ts';
import { eventsByIds } from '../events/index.ts';
import { programmeModulesByIds } from '../qualification/index.ts';
import { measuresByIds } from '../strategy/index.ts';
import { useRepository } from './use-repository.ts';

export interface UseLink {
  id: number;
  label: string;
  href: string;
  town?: string;
}

/** Where a card was used, as the public may see it: towns with their counts, and the measures, events and training modules. */
export interface WhereUsed {
  towns: Array<{ ags: string; name: string; count: number }>;
  measures: UseLink[];
  events: UseLink[];
  modules: UseLink[];
}

/**
 * Reads the records that name the card from their modules and keeps what the public sees: every
 * measure of a town, published events (never a training session), modules of published
 * programmes. A record deleted since, or one of another town than the link says, drops out.
 */
export async function whereUsed(db: Kysely<Database>, methodId: number): Promise<WhereUsed> {
  const uses = await useRepository(db).usesOfMethod(methodId);
  const ids = (kind: string) => uses.filter((u) => u.kind === kind).map((u) => u.object_id);
  const [measures, events, modules] = await Promise.all([measuresByIds(db, ids('measure')), eventsByIds(db, ids('event')), programmeModulesByIds(db, ids('training_module'))]);
  const town = new Map(uses.filter((u) => u.ags).map((u) => [u.municipality_id, { ags: u.ags ?? '', name: u.town ?? '' }]));
  const shownMeasures = measures.filter((m) => town.has(m.municipality_id));
  const shownEvents = events.filter((e) => e.published && e.cohort_id === null && town.has(e.municipality_id));
  const counts = new Map<number, number>();
  for (const r of [...shownMeasures, ...shownEvents]) counts.set(r.municipality_id, (counts.get(r.municipality_id) ?? 0) + 1);
  return {
    towns: [...counts].map(([id, count]) => ({ ...(town.get(id) ?? { ags: '', name: '' }), count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'de')),
    measures: shownMeasures.map((m) => {
      const t = town.get(m.municipality_id);
      return { id: m.id, label: m.title, href: `/kommunen/${t?.ags}/massnahmen/${m.id}`, town: t?.name };
    }),
    events: shownEvents.map((e) => ({ id: e.id, label: e.title, href: `/veranstaltungen/${e.id}`, town: town.get(e.municipality_id)?.name })),
    modules: modules.filter((m) => m.published).map((m) => ({ id: m.id, label: `${m.programme}: ${m.title}`, href: `/qualifizierung/${m.programme_id}` })),
  };
}

/** The toolkit's side of platform/method-links.ts: what the forms of measures, events and training modules offer and store. */
export const toolkitMethodLinks: MethodLinks = {
  choices: (db, query) => useRepository(db).choices(query),
  named: (db, kind, objectId) => useRepository(db).named(kind, objectId),
  published: (db, ids) => useRepository(db).published(ids),
  replace: (trx, user, ids) => useRepository(trx).replace(user, ids),
  setPublic: (trx, kind, objectIds, isPublic) => useRepository(trx).setPublic(kind, objectIds, isPublic),
  forget: (trx, kind, objectId) => useRepository(trx).forget(kind, objectId),
};
