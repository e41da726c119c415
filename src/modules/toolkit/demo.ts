import { SYSTEM } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { eventOptions } from '../events/index.ts';
import { measureOptions } from '../strategy/index.ts';
import { DEMO_CARDS } from './demo-cards.ts';
import { DEMO_EXAMPLES } from './demo-examples.ts';
import { exampleRepository } from './example-repository.ts';
import { toolkitRepository } from './repository.ts';
import type { Status } from './tables.ts';
import { useRepository } from './use-repository.ts';

/** Most cards published, a few still in the editorial flow, so both sides of the review show something. */
function demoStatus(index: number): Status {
  if (index === 21) return 'submitted';
  if (index === 22) return 'submitted';
  if (index === 23) return 'changes_requested';
  if (index === 24) return 'draft';
  return 'published';
}

/** 25 method cards spread over the participating towns, with versions, a few translations and Leichte-Sprache summaries; 8 published examples naming them. */
export async function seedToolkitDemo({ services, log }: DemoSeedContext): Promise<void> {
  const towns = await participatingMunicipalities(services.db);
  if (!towns.length) return;
  await services.db.transaction().execute(async (trx) => {
    const repo = toolkitRepository(trx);
    const cardIds: number[] = [];
    for (const [i, card] of DEMO_CARDS.entries()) {
      const town = towns[i % towns.length];
      if (!town) continue;
      const status = demoStatus(i);
      const { id } = await repo.insertMethod({
        municipality_id: town.id,
        status,
        title: card.title,
        summary: card.summary,
        goal: card.goal,
        steps: card.steps,
        duration: card.duration,
        group_size: card.size,
        format: card.format,
        target_groups: card.targets,
        fields_of_action: card.fields,
        materials: card.materials ?? '',
        contact: `Koordination Vielfalt, ${town.name}`,
        languages: ['Deutsch'],
        easy_summary: card.easy ?? '',
        review_note: status === 'changes_requested' ? 'Bitte die Schritte genauer beschreiben und eine Ansprechperson nennen.' : '',
        published_at: status === 'published' ? new Date(Date.UTC(2025, i % 12, 1 + i)) : null,
      });
      cardIds.push(id);
      await repo.refreshSearch(id);
      await repo.insertVersion({ method_id: id, version: 1, status, content: JSON.stringify({ title: card.title, summary: card.summary }), actor_user_id: null });
      if (card.en) await repo.upsertTranslation({ method_id: id, locale: 'en', title: card.en.title, summary: card.en.summary, goal: '', steps: [] });
    }
    // Examples: each in a town, naming published cards, the town's first measures and its latest events.
    const examples = exampleRepository(trx);
    for (const [i, example] of DEMO_EXAMPLES.entries()) {
      const town = towns[i % towns.length];
      if (!town) continue;
      const [measures, events] = await Promise.all([measureOptions(trx, town.id), eventOptions(trx, town.id, 10)]);
      const { id } = await examples.insertExample({
        municipality_id: town.id,
        status: 'published',
        title: example.title,
        problem: example.problem,
        approach: example.approach,
        result: example.result,
        lessons: example.lessons,
        published_at: new Date(Date.UTC(2025, 3 + i, 10)),
      });
      const links = {
        methods: example.cards.map((c) => cardIds[c]).filter((c): c is number => c !== undefined),
        measures: measures.slice(i % 2, (i % 2) + 2).map((m) => m.id),
        events: events.slice(0, 1 + (i % 2)).map((e) => e.id),
      };
      await examples.replaceLinks(id, links);
      await examples.insertVersion({ example_id: id, version: 1, status: 'published', content: JSON.stringify({ title: example.title, links }), actor_user_id: null });
    }
    // Where the cards were used: each town's first measures and events name published cards; the first card in every town, so it leads "most used".
    const published = cardIds.filter((_, i) => demoStatus(i) === 'published');
    const uses = useRepository(trx);
    let linked = 0;
    for (const [t, town] of towns.entries()) {
      const [measures, events] = await Promise.all([measureOptions(trx, town.id), eventOptions(trx, town.id, 3)]);
      for (const [j, m] of measures.slice(0, 4).entries()) {
        const named = [...new Set([j === 0 ? published[0] : published[(t + j) % published.length], published[(t * 3 + j + 5) % published.length]])].filter((c): c is number => c !== undefined);
        await uses.replace({ kind: 'measure', objectId: m.id, municipalityId: town.id, isPublic: true }, named);
        linked += named.length;
      }
      for (const [j, e] of events.entries()) {
        const card = published[(t + 2 * j + 1) % published.length];
        if (card === undefined) continue;
        await uses.replace({ kind: 'event', objectId: e.id, municipalityId: town.id, isPublic: e.published }, [card]);
        linked += 1;
      }
    }
    await writeAudit(trx, SYSTEM, { action: 'demo.toolkit_seeded', entityType: 'programme', after: { methods: DEMO_CARDS.length, examples: DEMO_EXAMPLES.length, uses: linked } });
  });
  log(`demo: ${DEMO_CARDS.length} toolkit method cards, ${DEMO_EXAMPLES.length} good-practice examples`);
}
