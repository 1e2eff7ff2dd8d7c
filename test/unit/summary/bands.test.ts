import * as assert from 'assert';
import { MITI_BANDS, bandOf } from '../../../src/core/summary/bands';

describe('summary: MITI 4.2.1 bands', () => {
  it('bands R:Q at 1:1 (fair) and 2:1 (good)', () => {
    assert.deepStrictEqual([0, 0.99, 1, 1.99, 2, 5].map((value) => bandOf(value, MITI_BANDS.reflectionToQuestion)),
      ['below', 'below', 'fair', 'fair', 'good', 'good']);
  });

  it('bands %CR at 40% (fair) and 50% (good)', () => {
    assert.deepStrictEqual([0, 39.9, 40, 49.9, 50, 100].map((value) => bandOf(value, MITI_BANDS.percentComplexReflections)),
      ['below', 'below', 'fair', 'fair', 'good', 'good']);
  });

  it('has no band for an undefined score', () => {
    assert.strictEqual(bandOf(null, MITI_BANDS.reflectionToQuestion), null);
  });
});
