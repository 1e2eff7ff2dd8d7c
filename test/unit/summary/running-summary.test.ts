// The summary kept as running totals (SummaryTally, what a huge transcript is summarised with while it is coded and
// written) must give what the whole-session functions give, above all where a rupture and its repair fall in
// different timeline segments: the rupture counts in the segment of its marker, settled by a later one.
import * as assert from 'assert';
import { findRepairMove } from '../../../src/core/coding/repair-moves';
import { SummaryTally } from '../../../src/core/summary';
import { linkRuptures } from '../../../src/core/summary/ruptures';
import { buildTimeline } from '../../../src/core/summary/timeline';
import { session, type Turn } from './fixture';

/** 130 alternating turns without timestamps: ten segments of 13 utterances. A withdrawal closes the first segment;
 * `reply` is the therapist's second turn after it, in the second segment. */
function sessionWithRuptureAtBoundary(reply: string) {
  const turns: Turn[] = [];
  for (let k = 0; k < 130; k++) turns.push(k % 2 === 0 ? ['therapist', `What happened on day ${k}?`] : ['client', `We went out on day ${k}.`]);
  turns[11] = ['client', 'Whatever.', { codes: ['rupture.withdrawal'] }];
  turns[14] = ['therapist', reply];
  return session(turns);
}

function tallied(utterances: ReturnType<typeof session>) {
  const tally = new SummaryTally(utterances, findRepairMove);
  for (const utterance of utterances) tally.add(utterance);
  return tally.finish();
}

describe('the summary as running totals', () => {
  for (const [status, reply] of [['repaired', 'I may have pushed you too hard there, and I am sorry.'], ['unaddressed', 'What happened on day 14?']] as const) {
    it(`scores the rupture (${status}) in its marker's segment when the reply falls in the next`, () => {
      const utterances = sessionWithRuptureAtBoundary(reply);
      const summary = tallied(utterances);
      assert.deepStrictEqual(summary.ruptureEvents.map((event) => [event.utteranceIndex, event.status]), [[11, status]]);
      assert.deepStrictEqual(summary.ruptureEvents, linkRuptures(utterances, findRepairMove));
      assert.deepStrictEqual(summary.timeline, buildTimeline(utterances, summary.ruptureEvents));
      assert.strictEqual(summary.timeline.length, 10);
    });
  }

  it('settles ruptures still open at the end with the replies they had', () => {
    const utterances = session([
      ['therapist', 'How was the week?'], ['client', 'Whatever.', { codes: ['rupture.withdrawal', 'rupture.confrontation'] }],
      ['therapist', 'You need to stop that.', { stance: 'directive' }],
    ]);
    assert.deepStrictEqual(tallied(utterances).ruptureEvents.map((event) => [event.kind, event.status, event.responseIndex]),
      [['withdrawal', 'met-with-directive', 2], ['confrontation', 'met-with-directive', 2]]);
  });
});
