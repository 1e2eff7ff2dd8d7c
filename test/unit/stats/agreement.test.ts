import * as assert from 'assert';
import { binaryScores, classScores, cohensKappa, confusionMatrix, kappaFromMatrix, macroF1 } from '../../../src/core/stats/agreement';

/** Expands a 2×2 table of counts into two label arrays (rows = reference, columns = predicted). */
function fromTable(table: number[][], labels: string[]): [string[], string[]] {
  const reference: string[] = [];
  const predicted: string[] = [];
  table.forEach((row, i) => row.forEach((count, j) => {
    for (let k = 0; k < count; k++) { reference.push(labels[i]); predicted.push(labels[j]); }
  }));
  return [reference, predicted];
}

describe('agreement statistics', () => {
  it('matches the textbook kappa examples', () => {
    // Worked examples from the Cohen's kappa literature (Wikipedia, "Cohen's kappa").
    assert.ok(Math.abs((cohensKappa(...fromTable([[20, 5], [10, 15]], ['yes', 'no'])) ?? NaN) - 0.4) < 1e-9);
    assert.ok(Math.abs((cohensKappa(...fromTable([[45, 15], [25, 15]], ['yes', 'no'])) ?? NaN) - 0.1304) < 1e-4);
    assert.ok(Math.abs((cohensKappa(...fromTable([[25, 35], [5, 35]], ['yes', 'no'])) ?? NaN) - 0.2593) < 1e-4);
  });

  it('gives 1 for perfect agreement, about 0 for independent labels and negative below chance', () => {
    assert.strictEqual(cohensKappa(['a', 'b', 'c', 'a'], ['a', 'b', 'c', 'a']), 1);
    assert.strictEqual(cohensKappa(...fromTable([[10, 10], [10, 10]], ['x', 'y'])), 0);
    assert.ok((cohensKappa(['a', 'b', 'a', 'b'], ['b', 'a', 'b', 'a']) ?? 0) < 0);
  });

  it('reports undefined kappa as null instead of dividing by zero', () => {
    assert.strictEqual(cohensKappa([], []), null);
    assert.strictEqual(cohensKappa(['a', 'a'], ['a', 'a']), null);
  });

  it('refuses arrays of different lengths', () => {
    assert.throws(() => cohensKappa(['a'], ['a', 'b']), /1 reference labels but 2 predicted/);
  });

  it('keeps the requested label order and appends unseen labels', () => {
    const matrix = confusionMatrix(['b', 'a', 'c'], ['a', 'a', 'b'], ['a', 'b']);
    assert.deepStrictEqual(matrix.labels, ['a', 'b', 'c']);
    assert.deepStrictEqual(matrix.counts, [[1, 0, 0], [1, 0, 0], [0, 1, 0]]);
    assert.strictEqual(matrix.total, 3);
    assert.strictEqual(kappaFromMatrix(matrix), cohensKappa(['b', 'a', 'c'], ['a', 'a', 'b']));
  });

  it('computes precision, recall and F1 per class', () => {
    const [reference, predicted] = fromTable([[8, 2], [4, 6]], ['pos', 'neg']);
    const [pos, neg] = classScores(confusionMatrix(reference, predicted, ['pos', 'neg']));
    assert.strictEqual(pos.precision, 8 / 12);
    assert.strictEqual(pos.recall, 0.8);
    assert.ok(Math.abs((pos.f1 ?? 0) - (2 * (8 / 12) * 0.8) / (8 / 12 + 0.8)) < 1e-12);
    assert.strictEqual(pos.support, 10);
    assert.strictEqual(neg.precision, 6 / 8);
    assert.strictEqual(neg.recall, 0.6);
  });

  it('treats a set of labels as one positive class', () => {
    const scores = binaryScores(['neg', 'opt', 'info', 'adv'], ['opt', 'neg', 'neg', 'info'], ['neg', 'opt']);
    assert.strictEqual(scores.precision, 2 / 3);
    assert.strictEqual(scores.recall, 1);
    assert.strictEqual(scores.label, 'neg+opt');
  });

  it('gives null precision for a class never predicted and 0 F1 when nothing is right', () => {
    const [scores] = classScores(confusionMatrix(['x', 'y'], ['y', 'y'], ['x', 'y']));
    assert.strictEqual(scores.precision, null);
    assert.strictEqual(scores.recall, 0);
    assert.strictEqual(scores.f1, 0);
  });

  it('averages F1 over the named classes for macro-F1', () => {
    const reference = ['a', 'a', 'b', 'b'];
    const predicted = ['a', 'b', 'b', 'b'];
    const f1a = 2 * 1 * 0.5 / 1.5;
    const f1b = 2 * (2 / 3) * 1 / (2 / 3 + 1);
    assert.ok(Math.abs(macroF1(reference, predicted, ['a', 'b']) - (f1a + f1b) / 2) < 1e-12);
  });
});
