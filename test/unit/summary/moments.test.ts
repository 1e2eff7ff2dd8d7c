import * as assert from 'assert';
import { topMoments } from '../../../src/core/summary';
import { finding, session } from './fixture';

describe('summary: top moments', () => {
  const utterances = session([
    ['therapist', 'What would you like to do?', { stance: 'collaborative', findings: [finding('collaborative', 'collaborative.seek')] }],
    ['therapist', "It's your call, and what do you think?", {
      stance: 'collaborative', findings: [finding('collaborative', 'collaborative.autonomy'), finding('collaborative', 'collaborative.seek')],
    }],
    ['client', "It's my call.", { stance: 'collaborative', findings: [finding('collaborative', 'collaborative.autonomy')] }],
    ['therapist', 'You should stop.', { stance: 'directive', findings: [finding('directive', 'directive.persuade')] }],
    ['therapist', 'Throw them away.', { stance: 'directive', findings: [] }],
    ['therapist', 'You have to, or you will regret it.', {
      stance: 'directive', findings: [finding('directive', 'directive.obligation'), finding('directive', 'directive.warn')],
    }],
    ['therapist', 'Say more.', { stance: 'neutral', findings: [finding('collaborative', 'collaborative.seek')] }],
  ]);

  it('orders therapist utterances of a stance by their findings of that stance, earlier first on ties', () => {
    const moments = topMoments(utterances, 2);
    assert.deepStrictEqual(moments.collaborative.map((moment) => [moment.line, moment.weight]), [[2, 2], [1, 1]]);
    // Line 5 has no findings but is directive: weight 1, and it ties with line 4, which comes first.
    assert.deepStrictEqual(moments.directive.map((moment) => [moment.line, moment.weight]), [[6, 2], [4, 1]]);
    assert.strictEqual(moments.directive[0].text, 'You have to, or you will regret it.');
  });

  it('returns fewer moments when there are fewer, and none for n = 0', () => {
    assert.strictEqual(topMoments(utterances).collaborative.length, 2); // the client line and the neutral line are left out
    assert.deepStrictEqual(topMoments(utterances, 0), { collaborative: [], directive: [] });
  });
});
