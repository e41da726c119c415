import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { budgetFigures, centsToText, toCents } from '../../src/modules/budget/money.ts';

describe('budget amounts', () => {
  it('reads euros with comma or point into cents and back', () => {
    assert.equal(toCents('1234,5'), 123450);
    assert.equal(toCents('1234.56'), 123456);
    assert.equal(toCents('7'), 700);
    assert.equal(centsToText(123405), '1234,05');
  });

  it('computes spending against plan and the co-financing rate of the eligible spending', () => {
    const f = budgetFigures(100_000, 40_000, 30_000, 22_500);
    assert.equal(f.remaining, 60_000);
    assert.equal(f.utilisation, 40);
    assert.equal(f.coFinancingRate, 75);
    assert.equal(budgetFigures(0, 0, 0, 0).utilisation, null);
    assert.equal(budgetFigures(0, 0, 0, 0).coFinancingRate, null);
  });
});
