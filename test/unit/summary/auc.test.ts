import * as assert from 'assert';
import { auc } from '../../../src/core/stats/auc';

describe('stats: AUC', () => {
  it('is the share of positive-negative pairs the score orders correctly', () => {
    // Positives 0.9, 0.7; negatives 0.8, 0.6. Pairs: 0.9>0.8 ✓, 0.9>0.6 ✓, 0.7>0.8 ✗, 0.7>0.6 ✓ → 3 / 4.
    assert.strictEqual(auc([0.9, 0.8, 0.7, 0.6], [true, false, true, false]), 0.75);
  });

  it('counts ties as one half', () => {
    // Positives 2, 1; negatives 1, 0. Pairs: 2>1 ✓, 2>0 ✓, 1=1 ½, 1>0 ✓ → 3.5 / 4.
    assert.strictEqual(auc([2, 1, 1, 0], [true, true, false, false]), 0.875);
  });

  it('is 1 for perfect separation and 0 for perfect inversion', () => {
    assert.strictEqual(auc([3, 4, 1, 2], [true, true, false, false]), 1);
    assert.strictEqual(auc([1, 2, 3, 4], [true, true, false, false]), 0);
  });

  it('leaves out cases without a score and is null when a class is empty', () => {
    // Without the null case: positive 5 vs negative 1 → 1.
    assert.strictEqual(auc([5, null, 1], [true, true, false]), 1);
    assert.strictEqual(auc([5, 4], [true, true]), null);
    assert.strictEqual(auc([null, 1], [true, false]), null);
  });

  it('refuses scores and labels of different lengths', () => {
    assert.throws(() => auc([1, 2], [true]), /2 scores but 1 labels/);
  });
});
