import * as assert from 'assert';
import { adjacentRange } from '../../../src/extension/decorations/navigation';

describe('adjacentRange', () => {
  const ranges = [{ start: 10, end: 15 }, { start: 30, end: 40 }, { start: 60, end: 62 }];

  it('finds the next range after the cursor', () => {
    assert.deepStrictEqual(adjacentRange(ranges, 0, 'next'), ranges[0]);
    assert.deepStrictEqual(adjacentRange(ranges, 12, 'next'), ranges[1]);
  });

  it('moves past the range the cursor sits at the start of', () => {
    assert.deepStrictEqual(adjacentRange(ranges, 30, 'next'), ranges[2]);
    assert.deepStrictEqual(adjacentRange(ranges, 30, 'previous'), ranges[0]);
  });

  it('wraps around at both ends', () => {
    assert.deepStrictEqual(adjacentRange(ranges, 61, 'next'), ranges[0]);
    assert.deepStrictEqual(adjacentRange(ranges, 5, 'previous'), ranges[2]);
  });

  it('returns undefined when there is nothing to go to', () => {
    assert.strictEqual(adjacentRange([], 5, 'next'), undefined);
  });
});
