import { SYSTEM } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { DEMO_CARDS } from './demo-cards.ts';
import { toolkitRepository } from './repository.ts';
import type { Status } from './tables.ts';

/** Most cards published, a few still in the editorial flow, so both sides of the review show something. */
function demoStatus(index: number): Status {
  if (index === 21) return 'submitted';
  if (index === 22) return 'submitted';
  if (index === 23) return 'changes_requested';
  if (index === 24) return 'draft';
  return 'published';
}

/** 25 method cards spread over the participating towns, with versions, a few translations and Leichte-Sprache summaries. */
export async function seedToolkitDemo({ services, log }: DemoSeedContext): Promise<void> {
  const towns = await participatingMunicipalities(services.db);
  if (!towns.length) return;
  await services.db.transaction().execute(async (trx) => {
    const repo = toolkitRepository(trx);
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
      await repo.refreshSearch(id);
      await repo.insertVersion({ method_id: id, version: 1, status, content: JSON.stringify({ title: card.title, summary: card.summary }), actor_user_id: null });
      if (card.en) await repo.upsertTranslation({ method_id: id, locale: 'en', title: card.en.title, summary: card.en.summary, goal: '', steps: [] });
    }
    await writeAudit(trx, SYSTEM, { action: 'demo.toolkit_seeded', entityType: 'programme', after: { methods: DEMO_CARDS.length } });
  });
  log(`demo: ${DEMO_CARDS.length} toolkit method cards`);
}
