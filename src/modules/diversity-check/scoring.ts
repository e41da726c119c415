import { DIMENSIONS, type Dimension } from './tables.ts';

/** One answered item: its dimension, its wording and the maturity level chosen (0–4). */
export interface AnsweredItem {
  dimension: Dimension;
  text: string;
  level: number;
}

export type DimensionScores = Record<Dimension, number | null>;

/** The highest maturity level; a dimension's mean level divided by it, times 100, is its score. */
export const MAX_LEVEL = 4;
/** One maturity level on the 0–100 scale: a dimension whose score rose by this much improved by a level on average (R2). */
export const LEVEL_STEP = 100 / MAX_LEVEL;

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Dimension score = mean of its items' levels scaled to 0–100; the index = mean of the dimensions
 * that have items. Both rounded to one decimal. A dimension without items has no score (null).
 */
export function scoreAnswers(answers: readonly AnsweredItem[]): { dimensions: DimensionScores; index: number } {
  const dimensions = {} as DimensionScores;
  const scored: number[] = [];
  for (const dimension of DIMENSIONS) {
    const levels = answers.filter((a) => a.dimension === dimension).map((a) => a.level);
    if (!levels.length) {
      dimensions[dimension] = null;
      continue;
    }
    const score = (levels.reduce((sum, level) => sum + level, 0) / levels.length / MAX_LEVEL) * 100;
    dimensions[dimension] = round1(score);
    scored.push(score);
  }
  const index = scored.length ? round1(scored.reduce((sum, s) => sum + s, 0) / scored.length) : 0;
  return { dimensions, index };
}

export interface Comparison {
  /** Follow-up minus baseline per dimension (null where either lacks a score). */
  change: DimensionScores;
  indexChange: number;
  /** At least one dimension rose by one maturity level on average (R2). */
  improvedByALevel: boolean;
}

/** Baseline and follow-up of one institution: the change per dimension and of the index. */
export function compareScores(baseline: { dimensions: DimensionScores; index: number }, followUp: { dimensions: DimensionScores; index: number }): Comparison {
  const change = {} as DimensionScores;
  let improvedByALevel = false;
  for (const dimension of DIMENSIONS) {
    const before = baseline.dimensions[dimension];
    const after = followUp.dimensions[dimension];
    change[dimension] = before === null || after === null ? null : round1(after - before);
    if (before !== null && after !== null && after - before >= LEVEL_STEP - 1e-9) improvedByALevel = true;
  }
  return { change, indexChange: round1(followUp.index - baseline.index), improvedByALevel };
}

export interface DimensionAdvice {
  dimension: Dimension;
  score: number | null;
  /** Items at level 3 or 4: what already works. */
  strengths: string[];
  /** The items furthest behind (at most two), each with the level to reach next. */
  nextSteps: Array<{ text: string; from: number; to: number }>;
}

/** Per dimension, what the result sheet names as strengths and as next steps. */
export function adviceFor(answers: readonly AnsweredItem[]): DimensionAdvice[] {
  const { dimensions } = scoreAnswers(answers);
  return DIMENSIONS.map((dimension) => {
    const items = answers.filter((a) => a.dimension === dimension);
    const open = items.filter((a) => a.level < MAX_LEVEL).sort((a, b) => a.level - b.level);
    return {
      dimension,
      score: dimensions[dimension],
      strengths: items.filter((a) => a.level >= 3).map((a) => a.text),
      nextSteps: open.slice(0, 2).map((a) => ({ text: a.text, from: a.level, to: a.level + 1 })),
    };
  });
}
