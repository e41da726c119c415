import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adviceFor, compareScores, scoreAnswers } from '../../src/modules/diversity-check/scoring.ts';
import { DIMENSIONS } from '../../src/modules/diversity-check/tables.ts';

const all = (level: number) => DIMENSIONS.flatMap((dimension) => [0, 1, 2].map((i) => ({ dimension, text: `${dimension} ${i}`, level })));

describe('Vielfalts-Check scoring', () => {
  it('scales each dimension mean to 0–100 and averages the dimensions into the index', () => {
    assert.equal(scoreAnswers(all(0)).index, 0);
    assert.equal(scoreAnswers(all(4)).index, 100);
    const answers = all(2).map((a) => (a.dimension === 'leadership' ? { ...a, level: a.text.endsWith('0') ? 4 : 3 } : a));
    const { dimensions, index } = scoreAnswers(answers);
    // leadership: (4 + 3 + 3) / 3 / 4 = 83.33…; the others 50.
    assert.equal(dimensions.leadership, 83.3);
    assert.equal(dimensions.access, 50);
    assert.equal(index, Math.round(((250 / 3 + 6 * 50) / 7) * 10) / 10);
  });

  it('leaves a dimension without items unscored and out of the index', () => {
    const { dimensions, index } = scoreAnswers([{ dimension: 'work', text: 'x', level: 1 }]);
    assert.equal(dimensions.work, 25);
    assert.equal(dimensions.leadership, null);
    assert.equal(index, 25);
  });

  it('reports the change per dimension and whether a dimension rose by a whole level', () => {
    const before = scoreAnswers(all(1));
    const slightly = scoreAnswers(all(1).map((a, i) => (i === 0 ? { ...a, level: 2 } : a)));
    assert.equal(compareScores(before, slightly).improvedByALevel, false);
    assert.equal(compareScores(before, slightly).change.leadership, 8.3);
    const level = scoreAnswers(all(1).map((a) => (a.dimension === 'access' ? { ...a, level: 2 } : a)));
    const comparison = compareScores(before, level);
    assert.equal(comparison.improvedByALevel, true);
    assert.equal(comparison.change.access, 25);
    assert.equal(comparison.change.work, 0);
    assert.equal(comparison.indexChange, Math.round((25 / 7) * 10) / 10);
  });

  it('names items at level 3 or 4 as strengths and the two furthest behind as next steps', () => {
    const advice = adviceFor([
      { dimension: 'opening', text: 'A', level: 4 },
      { dimension: 'opening', text: 'B', level: 0 },
      { dimension: 'opening', text: 'C', level: 2 },
      { dimension: 'opening', text: 'D', level: 3 },
    ]);
    const opening = advice.find((a) => a.dimension === 'opening');
    assert.deepEqual(opening?.strengths, ['A', 'D']);
    assert.deepEqual(opening?.nextSteps, [
      { text: 'B', from: 0, to: 1 },
      { text: 'C', from: 2, to: 3 },
    ]);
    assert.equal(advice.length, 7);
  });
});
