import type { Actor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import { createTranslator } from '../../platform/i18n/catalog.ts';
import type { AppServices } from '../../platform/module.ts';
import { COHESION_DIMENSIONS, COHESION_ITEMS, type CohesionScores, shownScores } from './cohesion.ts';
import { cohesionRepository, type WaveRow } from './cohesion-repository.ts';
import { surveyRepository } from './repository.ts';
import type { CohesionDimension } from './tables.ts';

export interface WaveInput {
  opensOn: string;
  closesOn: string;
}

export type WaveScores = WaveRow & CohesionScores;

/** The cohesion survey's waves: made from the template in one step, and their scores per town and over time. */
export function cohesionService(services: AppServices) {
  const { db } = services;

  /** Each wave with its scores, withheld below the threshold (count included). */
  async function withScores<W extends { id: number }>(waves: W[]): Promise<Array<W & CohesionScores>> {
    const { responses, means } = await cohesionRepository(db).scores(waves.map((w) => w.id));
    return waves.map((wave) => {
      const dimensions: Partial<Record<CohesionDimension, number>> = {};
      for (const m of means) if (m.survey_id === wave.id) dimensions[m.dimension] = m.mean;
      const known = COHESION_DIMENSIONS.map((d) => dimensions[d]).filter((v): v is number => v !== undefined);
      const overall = known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
      return { ...wave, ...shownScores({ responses: responses.get(wave.id) ?? 0, overall, dimensions }) };
    });
  }

  return {
    /**
     * A new wave for the town: published, anonymous, with the template's items (stored in German for
     * exports; every page shows them in the reader's language). The period is the wave's.
     */
    async createWave(actor: Actor, town: { id: number; name: string }, input: WaveInput): Promise<number> {
      if (input.closesOn < input.opensOn) throw new ValidationError({ closesOn: { key: 'validation.end_before_start' } });
      const de = createTranslator('de');
      return db.transaction().execute(async (trx) => {
        const repo = surveyRepository(trx);
        const { id } = await repo.insertSurvey({
          municipality_id: town.id,
          process_id: null,
          title: de('surveys.cohesion.title', { name: town.name }),
          description: de('surveys.cohesion.intro'),
          anonymous: true,
          opens_on: input.opensOn,
          closes_on: input.closesOn,
          published: true,
          template: 'cohesion',
        });
        for (const [index, item] of COHESION_ITEMS.entries()) {
          await repo.insertQuestion({
            survey_id: id,
            position: index + 1,
            kind: 'scale',
            prompt: de(`surveys.cohesion.item.${item.key}`),
            help: '',
            required: true,
            options: JSON.stringify([de(`surveys.cohesion.scale.${item.scale}_low`), de(`surveys.cohesion.scale.${item.scale}_high`)]),
            item_key: item.key,
            dimension: item.dimension,
            reversed: item.reversed,
          });
        }
        await writeAudit(trx, actor, { action: 'survey.cohesion_wave_created', entityType: 'survey', entityId: id, municipalityId: town.id, after: input });
        return id;
      });
    },

    /** The town's index over time: every wave, oldest first. */
    async townWaves(municipalityId: number): Promise<WaveScores[]> {
      return withScores(await cohesionRepository(db).wavesOfTown(municipalityId));
    },

    /** One page of every town's published waves, for the programme office and the funder. */
    async allWaves(page: PageRequest): Promise<{ waves: WaveScores[]; total: number }> {
      const rows = await cohesionRepository(db).wavesOfAllTowns(page);
      return { waves: await withScores(rows), total: rows[0]?.total ?? 0 };
    },

    /** One wave's scores (its results page). */
    async waveScores(surveyId: number): Promise<CohesionScores> {
      const [scored] = await withScores([{ id: surveyId }]);
      if (!scored) throw new Error('unreachable: one wave in, one out');
      return scored;
    },
  };
}
