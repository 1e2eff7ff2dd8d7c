import * as assert from 'assert';
import { completeSessions, icc21, iccTwoWayRandomSingle, spearman } from '../../../src/core/stats/session-agreement';

const close = (actual: number | null, expected: number, tolerance = 0.005) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < tolerance, `${actual} is not ${expected}`);

describe('session-level agreement statistics', () => {
  it('ICC(2,1) matches Shrout and Fleiss\'s worked example (six targets, four judges: 0.29)', () => {
    const ratings = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]];
    close(iccTwoWayRandomSingle(ratings), 0.29);
  });

  it('ICC(2,1) punishes a constant offset that a correlation would forgive', () => {
    const experts = [1, 2, 3, 4, 5, 6];
    close(icc21(experts, experts), 1, 1e-9);
    const offset = icc21(experts.map((value) => value + 3), experts);
    assert.ok(offset !== null && offset < 0.5, `offset ICC ${offset}`);
    close(spearman(experts.map((value) => value + 3), experts), 1, 1e-9);
  });

  it('Spearman\'s rho matches the textbook example with ranks (IQ against hours of television: -29/165)', () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const television = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    close(spearman(iq, television), -29 / 165, 1e-9);
  });

  it('leaves out sessions where either score is undefined, and gives no figure below three sessions', () => {
    assert.strictEqual(completeSessions([1, null, 3, 4], [1, 2, null, 4]), 2);
    assert.strictEqual(icc21([1, null, 3, 4], [1, 2, null, 4]), null);
    assert.strictEqual(spearman([1, 2], [2, 1]), null);
    assert.strictEqual(icc21([2, 2, 2], [2, 2, 2]), null, 'no variance at all: no figure, not 0 or 1');
  });
});
