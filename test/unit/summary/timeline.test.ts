import * as assert from 'assert';
import type { IndexFormula } from '../../../src/core/summary/alliance-index';
import { buildTimeline } from '../../../src/core/summary/timeline';
import { session } from './fixture';

describe('summary: timeline', () => {
  it('uses five-minute windows from the first timestamp when most utterances have one', () => {
    const utterances = session([
      ['therapist', 'Hello.', { timestamp: '00:01:00' }],
      ['client', 'Hi.', { timestamp: '00:05:59' }], // 299 s after the first: window 0
      ['therapist', 'You must stop.', { timestamp: '00:06:00', stance: 'directive' }], // 300 s: window 1
      ['client', 'Okay.'], // no timestamp: stays with the utterance before it
      ['therapist', 'It is up to you.', { timestamp: '00:21:30', stance: 'collaborative' }], // 1230 s: window 4 (2 and 3 are empty)
      ['client', 'Yes.\nI know.', { timestamp: '00:22:00' }],
    ]);
    assert.deepStrictEqual(buildTimeline(utterances, []).map(({ startLine, endLine, collaborative, directive }) => ({ startLine, endLine, collaborative, directive })), [
      { startLine: 1, endLine: 2, collaborative: 0, directive: 0 },
      { startLine: 3, endLine: 4, collaborative: 0, directive: 1 },
      // The last utterance's text runs over two lines, so the slice ends on line 7.
      { startLine: 5, endLine: 7, collaborative: 1, directive: 0 },
    ]);
  });

  it('falls back to slices of utterances when fewer than half carry a timestamp', () => {
    const utterances = session([
      ['therapist', 'Hello.', { timestamp: '00:01:00' }],
      ['client', 'Hi.'],
      ['therapist', 'How are you?'],
    ]);
    // Three utterances, fewer than ten: one slice each.
    assert.deepStrictEqual(buildTimeline(utterances, []).map((segment) => [segment.startLine, segment.endLine]), [[1, 1], [2, 2], [3, 3]]);
  });

  it('keeps the current window when the clock runs backwards', () => {
    const utterances = session([
      ['therapist', 'Hello.', { timestamp: '00:10:00' }],
      ['client', 'Hi.', { timestamp: '00:16:00' }], // window 1
      ['therapist', 'So.', { timestamp: '00:00:05' }], // earlier than the origin: stays in window 1
    ]);
    assert.deepStrictEqual(buildTimeline(utterances, []).map((segment) => [segment.startLine, segment.endLine]), [[1, 1], [2, 3]]);
  });

  it('counts only the ruptures inside a slice against its index', () => {
    const utterances = session([
      ['client', 'Whatever.', { codes: ['rupture.withdrawal'] }],
      ['therapist', 'Okay.'],
    ]);
    const rupture = { kind: 'withdrawal' as const, utteranceIndex: 0, line: 1, status: 'unaddressed' as const, responseIndex: null, responseLine: null };
    // A formula that scores only unrepaired ruptures: −10 each from 50.
    const rupturesOnly: IndexFormula = {
      base: 50, min: 0, max: 100, excluded: [], calibration: 'test',
      terms: [{ component: 'unrepairedRuptures', weight: -10, label: 'unrepaired ruptures' }],
    };
    // Slice 1 (line 1) holds the rupture: 50 − 10 = 40. Slice 2 (line 2) does not: 50.
    assert.deepStrictEqual(buildTimeline(utterances, [rupture], rupturesOnly).map((segment) => segment.allianceIndex), [40, 50]);
  });
});
