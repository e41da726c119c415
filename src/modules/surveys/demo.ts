import { SYSTEM } from '../../platform/access/actor.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { COHESION_ITEMS } from './cohesion.ts';
import { cohesionService } from './cohesion-service.ts';
import { surveyRepository } from './repository.ts';

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

const BENSHEIM = '06431002';

/**
 * Two waves per town (spring 2025, autumn 2026): answers per wave and the mood the answers lean to
 * (1–5; the discrimination items are answered the other way round). Bensheim and the second town
 * improve, the third town's first wave stays below the threshold ("too few answers").
 */
const PLAN = [
  [
    { answers: 14, mood: 2.9 },
    { answers: 19, mood: 3.6 },
  ],
  [
    { answers: 12, mood: 3.1 },
    { answers: 11, mood: 3.4 },
  ],
  [
    { answers: 7, mood: 3.0 },
    { answers: 13, mood: 3.2 },
  ],
] as const;
const WAVES = [
  { opensOn: '2025-04-01', closesOn: '2025-05-31' },
  { opensOn: '2026-09-01', closesOn: '2026-10-31' },
] as const;

/** Paper answers of the cohesion survey in three towns, two waves each, so that R8 and the town pages show a change. */
export async function seedSurveysDemo({ services, log }: DemoSeedContext): Promise<void> {
  const participants = await participatingMunicipalities(services.db);
  const towns = [...participants.filter((m) => m.ags === BENSHEIM), ...participants.filter((m) => m.ags !== BENSHEIM)].slice(0, PLAN.length);
  const service = cohesionService(services);
  const next = random(2025);
  let answers = 0;
  for (const [i, town] of towns.entries()) {
    for (const [w, wave] of WAVES.entries()) {
      const plan = PLAN[i]?.[w];
      if (!plan) continue;
      const surveyId = await service.createWave(SYSTEM, town, wave);
      const questions = await surveyRepository(services.db).questions(surveyId);
      const byKey = new Map(COHESION_ITEMS.map((item) => [item.key, item]));
      await services.db.transaction().execute(async (trx) => {
        const repo = surveyRepository(trx);
        for (let n = 0; n < plan.answers; n++) {
          const day = new Date(`${wave.opensOn}T10:00:00Z`).getTime() + Math.floor(next() * 50) * 86_400_000;
          const { id } = await repo.insertResponse({ survey_id: surveyId, user_id: null, offline: true, created_at: new Date(day) });
          await repo.insertAnswers(
            questions.map((q) => {
              const leaning = Math.min(5, Math.max(1, Math.round(plan.mood + (next() - 0.5) * 2.4)));
              return { response_id: id, question_id: q.id, choice: byKey.get(q.item_key ?? '')?.reversed ? 6 - leaning : leaning, number: null, text: null };
            }),
          );
          answers++;
        }
      });
    }
  }
  log(`demo: cohesion survey, two waves in ${towns.length} municipalities with ${answers} paper answers`);
}
