import type { Translate } from '../../platform/i18n/catalog.ts';
import { COHESION_DIMENSIONS, type CohesionDimension, type QuestionKind, type SurveyTemplate } from './tables.ts';

/**
 * The cohesion survey (docs/INDICATORS.md, R8): the programme's own items, two per dimension, each
 * on a five-point scale. A wave is a survey made from these items for one town and period; its
 * answers are scored 0–100 (1 → 0, 5 → 100; backwards for the items about experienced
 * discrimination, so that 100 is always the most cohesion) and averaged per dimension and overall.
 */
export interface CohesionItem {
  key: string;
  dimension: CohesionDimension;
  /** Agreement (do not agree … fully agree) or frequency (never … very often). */
  scale: 'agree' | 'frequency';
  reversed: boolean;
}

export const COHESION_ITEMS: readonly CohesionItem[] = [
  { key: 'trust_people', dimension: 'trust', scale: 'agree', reversed: false },
  { key: 'trust_administration', dimension: 'trust', scale: 'agree', reversed: false },
  { key: 'belonging_home', dimension: 'belonging', scale: 'agree', reversed: false },
  { key: 'belonging_welcome', dimension: 'belonging', scale: 'agree', reversed: false },
  { key: 'acceptance_enrich', dimension: 'acceptance', scale: 'agree', reversed: false },
  { key: 'acceptance_neighbours', dimension: 'acceptance', scale: 'agree', reversed: false },
  { key: 'discrimination_self', dimension: 'discrimination', scale: 'frequency', reversed: true },
  { key: 'discrimination_witnessed', dimension: 'discrimination', scale: 'frequency', reversed: true },
  { key: 'engagement_willing', dimension: 'engagement', scale: 'agree', reversed: false },
  { key: 'engagement_active', dimension: 'engagement', scale: 'frequency', reversed: false },
];

/** Below this many answers of a town in a wave or period, no cohesion figure and no count is shown anywhere. */
export const MIN_COHESION_RESPONSES = 10;

export { COHESION_DIMENSIONS };

/** The score 0–100 of one scale answer (1–5); `scoreSql` in cohesion-repository.ts is the same rule in SQL. */
export function score(choice: number, reversed: boolean): number {
  return reversed ? (5 - choice) * 25 : (choice - 1) * 25;
}

const scaleOf = new Map(COHESION_ITEMS.map((i) => [i.key, i.scale]));

/**
 * A template's questions in the reader's language: the prompt and the scale's end labels come from
 * the catalogs (the stored text is the German one, for exports); other questions stay as typed.
 */
export function localizeQuestions<Q extends { kind: QuestionKind; prompt: string; options: string[]; item_key?: string | null }>(questions: Q[], t: Translate): Q[] {
  return questions.map((q) => {
    const scale = q.item_key ? scaleOf.get(q.item_key) : undefined;
    if (!q.item_key || !scale) return q;
    return { ...q, prompt: t(`surveys.cohesion.item.${q.item_key}`), options: [t(`surveys.cohesion.scale.${scale}_low`), t(`surveys.cohesion.scale.${scale}_high`)] };
  });
}

/** A template survey's title and introduction in the reader's language. */
export function localizeSurvey<S extends { template?: SurveyTemplate | null; title: string; description: string; municipality_name: string }>(survey: S, t: Translate): S {
  if (survey.template !== 'cohesion') return survey;
  return { ...survey, title: t('surveys.cohesion.title', { name: survey.municipality_name }), description: t('surveys.cohesion.intro') };
}

/** Scores of a wave or period: per dimension and overall, withheld (null, count too) below the threshold. */
export interface CohesionScores {
  responses: number | null;
  overall: number | null;
  dimensions: Record<CohesionDimension, number | null>;
}

export function withheld(): CohesionScores {
  return { responses: null, overall: null, dimensions: Object.fromEntries(COHESION_DIMENSIONS.map((d) => [d, null])) as CohesionScores['dimensions'] };
}

/** From the aggregate rows of one wave (responses, mean per dimension, overall mean): the scores as shown. */
export function shownScores(row: { responses: number; overall: number | null; dimensions: Partial<Record<CohesionDimension, number | null>> }): CohesionScores {
  if (row.responses < MIN_COHESION_RESPONSES) return withheld();
  return {
    responses: row.responses,
    overall: row.overall,
    dimensions: Object.fromEntries(COHESION_DIMENSIONS.map((d) => [d, row.dimensions[d] ?? null])) as CohesionScores['dimensions'],
  };
}
