import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ownRecord } from './policy.ts';
import { diversityCheckRepository } from './repository.ts';
import { adviceFor } from './scoring.ts';
import { DIMENSIONS, type Dimension, PHASES, type Phase } from './tables.ts';
import type { TownComparison } from './views/office-pages.tsx';
import type { ResultView, TownProfile } from './views/town-pages.tsx';

/** Below this many assessed institutions a town's means are withheld in views across towns. */
export const MIN_INSTITUTIONS = 3;

function scoreMap(rows: Array<{ dimension: Dimension; score: number }>): Record<Dimension, number | null> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, rows.find((r) => r.dimension === d)?.score ?? null])) as Record<Dimension, number | null>;
}

const textIn = (locale: string) => (item: { text_de: string; text_en: string }) => (locale === 'de' || locale === 'de-x-leicht' ? item.text_de : item.text_en);

/** What the pages show: one assessment with its advice, a town's profile, the towns compared. */
export function diversityCheckResults(db: Kysely<Database>) {
  const repo = diversityCheckRepository(db);
  return {
    /** An assessment of the town with its scores, the other phase of the same institution and the advice in the page's language. */
    async result(town: { id: number }, id: number, locale: string): Promise<ResultView & { municipality_id: number }> {
      const assessment = ownRecord(await repo.assessment(id), town);
      const otherPhase: Phase = assessment.phase === 'baseline' ? 'follow_up' : 'baseline';
      const [scores, answers, otherRef] = await Promise.all([repo.scores(id), repo.answers(id), repo.assessmentOf(assessment.organisation_id, otherPhase)]);
      let other: ResultView['other'] = null;
      if (otherRef) {
        const [otherAssessment, otherScores] = await Promise.all([repo.assessment(otherRef.id), repo.scores(otherRef.id)]);
        if (!otherAssessment) throw AppError.notFound();
        other = { id: otherRef.id, phase: otherPhase, index: otherAssessment.index_score, scores: scoreMap(otherScores) };
      }
      const text = textIn(locale);
      return {
        ...assessment,
        scores: scoreMap(scores),
        other,
        advice: adviceFor(answers.map((a) => ({ dimension: a.dimension, text: text(a), level: a.level }))),
      };
    },

    async townProfile(municipalityId: number): Promise<TownProfile> {
      const [dimensions, index] = await Promise.all([repo.townDimensionMeans(municipalityId), repo.indexByTown(municipalityId)]);
      const follow = index.find((r) => r.phase === 'follow_up');
      return {
        dimensions: Object.fromEntries(
          DIMENSIONS.map((d) => [
            d,
            Object.fromEntries(
              PHASES.map((p) => {
                const row = dimensions.find((r) => r.dimension === d && r.phase === p);
                return [p, row ? { mean: row.mean, institutions: row.institutions } : undefined];
              }),
            ),
          ]),
        ) as TownProfile['dimensions'],
        index: Object.fromEntries(
          PHASES.map((p) => {
            const row = index.find((r) => r.phase === p);
            return [p, row ? { mean: row.mean, institutions: row.institutions } : undefined];
          }),
        ) as TownProfile['index'],
        pairedChange: follow?.paired ? follow.paired_change : null,
        paired: follow?.paired ?? 0,
      };
    },

    /** Every town with assessments; a phase's mean (and the change over pairs) only from MIN_INSTITUTIONS institutions on. */
    async comparison(): Promise<TownComparison[]> {
      const rows = await repo.indexByTown();
      const towns = new Map<string, TownComparison>();
      for (const row of rows) {
        const town = towns.get(row.ags) ?? {
          ags: row.ags,
          name: row.name,
          phases: { baseline: { mean: null, institutions: 0 }, follow_up: { mean: null, institutions: 0 } },
          pairedChange: null,
          paired: 0,
        };
        town.phases[row.phase] = { mean: row.institutions >= MIN_INSTITUTIONS ? row.mean : null, institutions: row.institutions };
        if (row.phase === 'follow_up') {
          town.paired = row.paired;
          town.pairedChange = row.paired >= MIN_INSTITUTIONS ? row.paired_change : null;
        }
        towns.set(row.ags, town);
      }
      return [...towns.values()];
    },
  };
}
