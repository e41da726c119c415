import { SYSTEM } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { organisationOptions } from '../network/index.ts';
import { levelField } from './forms.ts';
import { diversityCheckService } from './service.ts';

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Institutions per town: two towns with enough for the comparison across towns, three below its threshold. */
const PER_TOWN = [3, 3, 2, 1, 1];
const BENSHEIM = '06431002';

/**
 * Baseline (autumn 2019 to spring 2020) and follow-up (autumn 2021 to spring 2022) for 10
 * institutions in 5 towns, Bensheim first; most improve, one stays where it was.
 */
export async function seedDiversityCheckDemo({ services, log }: DemoSeedContext): Promise<void> {
  const participants = await participatingMunicipalities(services.db);
  const towns = [...participants.filter((m) => m.ags === BENSHEIM), ...participants.filter((m) => m.ags !== BENSHEIM)].slice(0, PER_TOWN.length);
  const service = diversityCheckService(services.db);
  const { items } = await service.current();
  const next = random(2019);
  let count = 0;
  for (const [i, town] of towns.entries()) {
    const organisations = (await organisationOptions(services.db, town.id)).filter((o) => o.type !== 'migrant_organisation').slice(0, PER_TOWN[i] ?? 0);
    for (const [k, organisation] of organisations.entries()) {
      const baseline = Object.fromEntries(items.map((item) => [levelField(item.id), Math.floor(next() * 3)]));
      const stays = i === 0 && k === 2;
      const followUp = Object.fromEntries(Object.entries(baseline).map(([key, level]) => [key, stays ? level : Math.min(4, level + Math.floor(next() * 3))]));
      const day = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(next() * 27)).padStart(2, '0')}`;
      await service.record(SYSTEM, town, { organisationId: organisation.id, phase: 'baseline', assessedOn: day(2019, 10 + (k % 3)), note: '' }, baseline);
      await service.record(SYSTEM, town, { organisationId: organisation.id, phase: 'follow_up', assessedOn: day(2022, 1 + (k % 3)), note: '' }, followUp);
      count++;
    }
  }
  await writeAudit(services.db, SYSTEM, { action: 'demo.diversity_check_seeded', entityType: 'programme', after: { institutions: count } });
  log(`demo: Vielfalts-Check baseline and follow-up for ${count} institutions in ${towns.length} municipalities`);
}
