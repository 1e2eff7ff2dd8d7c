import * as assert from 'assert';
import type { IndexComponents, IndexFormula } from '../../../src/core/summary/alliance-index';
import { calibrateComponents, nearestNiceWeight } from '../../../src/core/summary/calibration';

const zero: IndexComponents = {
  reflections: 0, advice: 0, closedQuestions: 0, collaborative: 0, directive: 0,
  clientTalkShareAboveHalf: 0, changeOverSustain: 0, unrepairedRuptures: 0,
};

const formula: IndexFormula = {
  base: 50, min: 0, max: 100, calibration: 'test',
  terms: [
    { component: 'reflections', weight: 100, label: 'reflections' },
    { component: 'directive', weight: -25, label: 'directive' },
  ],
  excluded: [{ component: 'changeOverSustain', direction: 1, label: 'change over sustain', reason: 'test' }],
};

describe('summary: index calibration rule', () => {
  it('rounds to the nearest nice weight', () => {
    assert.deepStrictEqual([3, 61.2, 74, 76, 97, 140, 160, 1000].map(nearestNiceWeight), [5, 50, 50, 100, 100, 100, 200, 500]);
  });

  it('derives each weight from the component\'s spread and reports its AUC alone', () => {
    const sessions = [
      { ...zero, reflections: 0.5, directive: 0 },
      { ...zero, reflections: 0.3, directive: 0.1 },
      { ...zero, reflections: 0.1, directive: 0.4 },
    ];
    const rows = calibrateComponents(sessions, [true, true, false], formula);
    assert.deepStrictEqual(rows.map((row) => [row.component, row.direction, row.auc, row.impliedWeight, row.currentWeight]), [
      // Reflections: mean 0.3, variance (0.04 + 0 + 0.04) / 3 = 0.02667, SD 0.1633; 10 / 0.1633 = 61.2 → 50.
      // Both positives (0.5, 0.3) above the negative (0.1): AUC 1.
      ['reflections', 1, 1, 50, 100],
      // Directive: mean 0.1667, variance (0.02778 + 0.00444 + 0.05444) / 3 = 0.02889, SD 0.1700; 10 / 0.17 = 58.8
      // → 50, negative. As a penalty (−0, −0.1 vs −0.4) the positives score higher: AUC 1.
      ['directive', -1, 1, -50, -25],
      // Change over sustain never varies: no weight, and every pair ties (AUC 0.5).
      ['changeOverSustain', 1, 0.5, 0, 0],
    ]);
    assert.ok(Math.abs(rows[0].standardDeviation - 0.1633) < 1e-4, String(rows[0].standardDeviation));
    assert.ok(Math.abs(rows[1].standardDeviation - 0.1700) < 1e-4, String(rows[1].standardDeviation));
  });

  it('gives no AUC without both classes and no weight without sessions', () => {
    const rows = calibrateComponents([], [], formula);
    assert.deepStrictEqual(rows.map((row) => [row.auc, row.standardDeviation, row.impliedWeight]), [[null, 0, 0], [null, 0, 0], [null, 0, 0]]);
  });
});
