import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { eventsByIds, eventOptions } from '../events/index.ts';
import { measureOptions, measuresByIds } from '../strategy/index.ts';
import type { ExampleLinks } from './example-forms.ts';
import { exampleRepository } from './example-repository.ts';
import type { ExampleContent } from './views/example-public.tsx';
import type { ExampleChoices } from './views/example-pages.tsx';

interface ExampleRecord {
  id: number;
  municipality_id: number;
  title: string;
  problem: string;
  approach: string;
  result: string;
  lessons: string;
  ags: string;
  town: string;
}

/** What an example names, as ids (for the form). */
export async function namedLinks(db: Kysely<Database>, exampleId: number): Promise<ExampleLinks> {
  const repo = exampleRepository(db);
  const [methods, links] = await Promise.all([repo.exampleMethods(exampleId, false), repo.exampleLinks(exampleId)]);
  return {
    methods: methods.map((m) => m.id),
    measures: links.filter((l) => l.kind === 'measure').map((l) => l.object_id),
    events: links.filter((l) => l.kind === 'event').map((l) => l.object_id),
  };
}

/**
 * An example with the titles and addresses of what it names, read from their modules. For the
 * public only published cards and published events show; a measure or event of another town (which
 * the service never links) or one deleted since drops out.
 */
export async function exampleContent(db: Kysely<Database>, example: ExampleRecord, forPublic: boolean): Promise<ExampleContent> {
  const repo = exampleRepository(db);
  const [methods, links] = await Promise.all([repo.exampleMethods(example.id, forPublic), repo.exampleLinks(example.id)]);
  const ids = (kind: 'measure' | 'event') => links.filter((l) => l.kind === kind).map((l) => l.object_id);
  const [measures, events] = await Promise.all([measuresByIds(db, ids('measure')), eventsByIds(db, ids('event'))]);
  return {
    ...example,
    methods: methods.map((m) => ({ id: m.id, label: m.title, href: m.status === 'published' ? `/werkzeugkoffer/methoden/${m.id}` : undefined })),
    measures: measures.filter((m) => m.municipality_id === example.municipality_id).map((m) => ({ id: m.id, label: m.title, href: `/kommunen/${example.ags}/massnahmen/${m.id}` })),
    events: events
      .filter((e) => e.municipality_id === example.municipality_id && (!forPublic || e.published))
      .map((e) => ({ id: e.id, label: e.title, href: e.published ? `/veranstaltungen/${e.id}` : undefined })),
  };
}

/** What the town may name in an example: cards (published or its own), its measures, its events. */
export async function exampleChoices(db: Kysely<Database>, municipalityId: number): Promise<ExampleChoices> {
  const [methods, measures, events] = await Promise.all([exampleRepository(db).methodChoices(municipalityId), measureOptions(db, municipalityId), eventOptions(db, municipalityId)]);
  return { methods, measures, events };
}
