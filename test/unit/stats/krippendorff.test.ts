import * as assert from 'assert';
import { alphaForTwoCoders, krippendorffAlphaNominal } from '../../../src/core/stats/krippendorff';
import { cohensKappa } from '../../../src/core/stats/agreement';

const _ = null;
/** Rows are coders, columns units (as the published tables print them); alpha wants units. */
const byUnit = (rows: Array<Array<string | null>>) => rows[0]!.map((__, unit) => rows.map((row) => row[unit]!));
const close = (actual: number | null, expected: number, digits = 3) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 0.5 * 10 ** -digits, `alpha ${actual}, expected ${expected}`);

describe("stats: Krippendorff's alpha (nominal)", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A: binary data, two observers, no
  // missing data, 10 units; alpha = 1 − (20 − 1)·4 / (14·6) = 0.095.
  const observerA = '0100000010'.split('');
  const observerB = '1110010000'.split('');

  it('matches Krippendorff (2011) example A, two observers, binary: 0.095', () => {
    close(alphaForTwoCoders(observerA, observerB), 0.095);
  });

  it('is not Scott\'s pi or Cohen\'s kappa on that example: it corrects for the small sample (pi would be 0.048)', () => {
    const alpha = alphaForTwoCoders(observerA, observerB)!;
    const scottsPi = (0.6 - (0.7 ** 2 + 0.3 ** 2)) / (1 - (0.7 ** 2 + 0.3 ** 2));
    close(scottsPi, 0.048);
    assert.ok(Math.abs(alpha - scottsPi) > 0.04);
    assert.ok(Math.abs(alpha - cohensKappa(observerA, observerB)!) > 0.003, 'nor Cohen kappa (0.091)');
  });

  it('matches Krippendorff (2011) example C, four observers, nominal, missing data: 0.743', () => {
    close(krippendorffAlphaNominal(byUnit([
      ['1', '2', '3', '3', '2', '1', '4', '1', '2', _, _, _],
      ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', _, '3'],
      [_, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', _],
      ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', _],
    ])), 0.743);
  });

  // Wikipedia, "Krippendorff's alpha", the worked example: 3 coders, 15 units, many values missing; nominal 0.691.
  it('matches Wikipedia\'s worked example, three coders with missing values: 0.691', () => {
    close(krippendorffAlphaNominal(byUnit([
      [_, _, _, _, _, '3', '4', '1', '2', '1', '1', '3', '3', _, '3'],
      ['1', _, '2', '1', '3', '3', '4', '3', _, _, _, _, _, _, _],
      [_, _, '2', '1', '3', '4', '4', _, '2', '1', '1', '3', '3', _, '4'],
    ])), 0.691);
  });

  it('leaves out units with a single value (where some tools count them and get it wrong)', () => {
    const paired = [['a', 'a'], ['a', 'b'], ['b', 'b'], ['b', 'b']];
    const withLoners = [...paired, ['a', null], [null, 'b'], [null, null]];
    assert.strictEqual(krippendorffAlphaNominal(withLoners), krippendorffAlphaNominal(paired));
  });

  it('is undefined (null), not 0 or 1, when there is no variation or nothing pairable', () => {
    assert.strictEqual(alphaForTwoCoders(['x', 'x', 'x'], ['x', 'x', 'x']), null);
    assert.strictEqual(krippendorffAlphaNominal([['x', null], [null, 'y']]), null);
    assert.strictEqual(krippendorffAlphaNominal([]), null);
  });

  it('is 1 for perfect agreement and below 0 for systematic disagreement', () => {
    assert.strictEqual(alphaForTwoCoders(['a', 'b', 'a', 'b'], ['a', 'b', 'a', 'b']), 1);
    assert.ok(alphaForTwoCoders(['a', 'b', 'a', 'b'], ['b', 'a', 'b', 'a'])! < 0);
  });

  it('refuses label lists of different lengths', () => {
    assert.throws(() => alphaForTwoCoders(['a'], ['a', 'b']), RangeError);
  });
});
