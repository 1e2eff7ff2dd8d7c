import * as assert from 'assert';
import { REPAIR_MOVES, findRepairMove, matchingRepairMoves } from '../../../src/core/coding/repair-moves';
import { REPAIR_MOVE_NAMES } from '../../../src/core/summary/repair-move-list';

describe('repair moves: coding/repair-moves.json and their names', () => {
  it('covers the five 3RS strategies with unique ids', () => {
    assert.deepStrictEqual(REPAIR_MOVES.map((move) => move.id),
      ['invite-feelings', 'acknowledge-own-part', 'rationale', 'change-task', 'empathic-reflection']);
  });

  it('names every move it has patterns for, and has patterns for every named move', () => {
    assert.deepStrictEqual([...REPAIR_MOVES.map((move) => move.id)].sort(), [...REPAIR_MOVE_NAMES.map((move) => move.id)].sort());
    for (const move of REPAIR_MOVES) assert.ok(move.strategy.length > 0 && move.reference.startsWith('3RS'), move.id);
  });

  it('matches a longer alternative written after a shorter one, as the rule matcher does', () => {
    // "(…|our|…|our sessions|our time|…)": compromise alone stops at "our" and never tries "our sessions".
    assert.strictEqual(findRepairMove('What would make our sessions more useful for you?'), 'invite-feelings');
    assert.strictEqual(findRepairMove('What would make our time more helpful?'), 'invite-feelings');
  });

  for (const move of REPAIR_MOVES) {
    describe(move.id, () => {
      it('has patterns, examples and counterexamples', () => {
        assert.ok(move.patterns.length > 0 && move.examples.length > 0 && move.counterexamples.length > 0);
      });
      for (const example of move.examples) {
        it(`matches: ${example}`, () => assert.ok(matchingRepairMoves(example).includes(move.id), `no pattern of ${move.id} matched`));
      }
      for (const counterexample of move.counterexamples) {
        it(`does not match: ${counterexample}`, () => assert.deepStrictEqual(matchingRepairMoves(counterexample), []));
      }
    });
  }

  it('finds no move in empty text and reports the first move in file order', () => {
    assert.strictEqual(findRepairMove('   '), null);
    // Both acknowledge-own-part and empathic-reflection match; acknowledge-own-part comes first in the file.
    assert.strictEqual(findRepairMove("It sounds like this isn't helping, and I may have pushed too hard."), 'acknowledge-own-part');
  });
});
