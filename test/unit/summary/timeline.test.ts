import * as assert from 'assert';
import type { IndexFormula } from '../../../src/core/summary/alliance-index';
import { buildTimeline, MAX_EXCHANGE_SEGMENTS, SHORT_SESSION_EXCHANGES } from '../../../src/core/summary/timeline';
import { session, type Turn } from './fixture';

/** n exchanges of a therapist turn and a client reply, one a line; stamped every `secondsApart` from 0 when given. */
function exchanges(n: number, secondsApart?: number): Turn[] {
  const clock = (k: number) => {
    const at = k * (secondsApart ?? 0);
    return `${String(Math.floor(at / 3600)).padStart(2, '0')}:${String(Math.floor(at / 60) % 60).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
  };
  return Array.from({ length: 2 * n }, (_, k): Turn => [k % 2 === 0 ? 'therapist' : 'client', `Turn ${k}.`,
    secondsApart === undefined ? {} : { timestamp: clock(k) }]);
}

describe('summary: timeline', () => {
  it('uses five-minute windows from the first timestamp when the session runs six windows or more', () => {
    const utterances = session([
      ['therapist', 'Hello.', { timestamp: '00:01:00' }],
      ['client', 'Hi.', { timestamp: '00:05:59' }], // 299 s after the first: window 0
      ['therapist', 'You must stop.', { timestamp: '00:06:00', stance: 'directive' }], // 300 s: window 1
      ['client', 'Okay.'], // no timestamp: stays with the utterance before it
      ['therapist', 'It is up to you.', { timestamp: '00:21:30', stance: 'collaborative' }], // 1230 s: window 4 (2 and 3 are empty)
      ['client', 'Yes.', { timestamp: '00:22:00' }],
      ['therapist', 'Go on.\nPlease.', { timestamp: '00:31:00' }], // 1800 s: window 6, so the session spans seven windows
    ]);
    assert.deepStrictEqual(buildTimeline(utterances, []).map(({ startLine, endLine, collaborative, directive }) => ({ startLine, endLine, collaborative, directive })), [
      { startLine: 1, endLine: 2, collaborative: 0, directive: 0 },
      { startLine: 3, endLine: 4, collaborative: 0, directive: 1 },
      { startLine: 5, endLine: 6, collaborative: 1, directive: 0 },
      // The last utterance's text runs over two lines, so the last slice ends on line 8.
      { startLine: 7, endLine: 8, collaborative: 0, directive: 0 },
    ]);
  });

  it('goes exchange by exchange in a short timestamped session, so a five-minute session is not one bar', () => {
    // Five minutes: a rupture in the second exchange, repaired in the third.
    const utterances = session([
      ['therapist', 'What brings you in?', { timestamp: '00:00:05' }],
      ['client', 'My doctor sent me.', { timestamp: '00:00:20' }],
      ['therapist', 'You need to stop drinking.', { timestamp: '00:01:10', stance: 'directive' }],
      ['client', 'This is pointless.', { timestamp: '00:01:30', codes: ['rupture.confrontation'] }],
      ['therapist', 'You are the one who decides what to do.', { timestamp: '00:02:40', stance: 'collaborative' }],
      ['client', 'Okay. Maybe I could cut down.', { timestamp: '00:03:50' }],
      ['therapist', 'What would cutting down look like?', { timestamp: '00:04:55', stance: 'collaborative' }],
    ]);
    assert.deepStrictEqual(buildTimeline(utterances, []).map(({ startLine, endLine, collaborative, directive }) => [startLine, endLine, collaborative, directive]), [
      [1, 2, 0, 0],
      [3, 4, 0, 1], // the directive turn and the rupture it drew
      [5, 6, 1, 0], // the repair
      [7, 7, 1, 0],
    ]);
  });

  it('keeps whatever precedes the first therapist turn as a bar of its own', () => {
    const utterances = session([
      ['client', 'Can I start?'],
      ['client', 'It has been a hard week.'],
      ['therapist', 'Tell me about it.'],
      ['client', 'Work.'],
    ]);
    assert.deepStrictEqual(buildTimeline(utterances, []).map((segment) => [segment.startLine, segment.endLine]), [[1, 2], [3, 4]]);
  });

  it('goes utterance by utterance when no speaker is the therapist', () => {
    const utterances = session([['other', 'One.'], ['other', 'Two.'], ['other', 'Three.']]);
    assert.deepStrictEqual(buildTimeline(utterances, []).map((segment) => [segment.startLine, segment.endLine]), [[1, 1], [2, 2], [3, 3]]);
  });

  it('groups a short session\'s exchanges a few to a bar when there are more than the bars allow', () => {
    // 45 exchanges over 15 minutes (three windows, so short): ceil(45 / 30) = 2 exchanges a bar, 23 bars.
    const timeline = buildTimeline(session(exchanges(45, 10)), []);
    assert.strictEqual(MAX_EXCHANGE_SEGMENTS, 30);
    assert.strictEqual(timeline.length, 23);
    assert.deepStrictEqual([timeline[0].startLine, timeline[0].endLine], [1, 4]);
    assert.deepStrictEqual([timeline[22].startLine, timeline[22].endLine], [89, 90]);
  });

  it('keeps ten equal slices for a long session without timestamps', () => {
    const long = buildTimeline(session(exchanges(SHORT_SESSION_EXCHANGES + 1)), []);
    assert.strictEqual(long.length, 10);
    // At the threshold it is still a short session: one bar an exchange, two at a time to stay within 30 bars.
    assert.strictEqual(buildTimeline(session(exchanges(SHORT_SESSION_EXCHANGES)), []).length, 30);
  });

  it('keeps five-minute windows for a long timestamped session', () => {
    // 120 exchanges, 15 s between utterances: 3585 s, windows 0..11.
    assert.strictEqual(buildTimeline(session(exchanges(120, 15)), []).length, 12);
  });

  it('ignores a clock that fewer than half the utterances carry', () => {
    const utterances = session([
      ['therapist', 'Hello.', { timestamp: '00:01:00' }],
      ['client', 'Hi.'],
      ['therapist', 'How are you?'],
    ]);
    // A short session without a usable clock: exchange by exchange.
    assert.deepStrictEqual(buildTimeline(utterances, []).map((segment) => [segment.startLine, segment.endLine]), [[1, 2], [3, 3]]);
  });

  it('keeps the current window when the clock runs backwards', () => {
    const utterances = session([
      ['therapist', 'Hello.', { timestamp: '00:10:00' }],
      ['client', 'Hi.', { timestamp: '00:16:00' }], // window 1
      ['therapist', 'So.', { timestamp: '00:00:05' }], // earlier than the origin: stays in window 1
      ['client', 'Well.', { timestamp: '00:40:00' }], // window 6: a long session
    ]);
    assert.deepStrictEqual(buildTimeline(utterances, []).map((segment) => [segment.startLine, segment.endLine]), [[1, 1], [2, 3], [4, 4]]);
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
