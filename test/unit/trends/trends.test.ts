import * as assert from 'assert';
import { groupNarrative, narrativeText } from '../../../src/core/trends/narrative';
import { buildTrends, type TrendSession } from '../../../src/core/trends/trends';
import type { Analysis, RuptureEvent, Summary } from '../../../src/core/types';
import { analysisOf, session } from '../summary/fixture';

/** An Analysis whose summary holds exactly the given scores: buildTrends only reads them, so the expected numbers
 * below are worked out by hand from these. */
function sessionOf(file: string, metadata: Record<string, string>, scores: Partial<Summary>, therapist = 'T'): Analysis {
  const analysis = analysisOf(session([['therapist', 'Hello.'], ['client', 'Hi.']]), file);
  analysis.metadata = metadata;
  analysis.speakers = [{ label: therapist, role: 'therapist', turns: 1, words: 1 }, { label: 'C', role: 'client', turns: 1, words: 1 }];
  analysis.summary = { ...analysis.summary, ...scores };
  return analysis;
}

const rupture = (status: RuptureEvent['status']): RuptureEvent => ({
  kind: 'withdrawal', utteranceIndex: 1, line: 2, status, responseIndex: null, responseLine: null,
});

describe('trends: grouping, order and changes', () => {
  it('groups by the front-matter therapist, else the therapist speaker, null last; groups ordered by key whatever the case (exact spelling only breaks ties)', () => {
    const report = buildTrends([
      sessionOf('x.txt', { therapist: 'noor' }, {}),
      sessionOf('y.txt', {}, {}, 'Ari'),
      sessionOf('z.txt', { Therapist: 'Bea' }, {}),
      { ...sessionOf('w.txt', {}, {}), speakers: [] },
      sessionOf('v.txt', { therapist: 'Noor' }, {}),
    ]);
    assert.deepStrictEqual(report.groups.map((group) => [group.key, group.sessions.map((s) => s.file)]),
      [['Ari', ['y.txt']], ['Bea', ['z.txt']], ['Noor', ['v.txt']], ['noor', ['x.txt']], [null, ['w.txt']]]);
  });

  it('groups by another key when asked, falling back to the therapist speaker', () => {
    const report = buildTrends([sessionOf('a.txt', { client: 'Ray' }, {}, 'Lee'), sessionOf('b.txt', {}, {}, 'Lee')], 'client');
    assert.deepStrictEqual(report.groups.map((group) => group.key), ['Lee', 'Ray']);
  });

  it('orders sessions by date (nulls last), then session number (nulls last), then file name', () => {
    const report = buildTrends([
      sessionOf('e.txt', { therapist: 'N' }, {}),
      sessionOf('d.txt', { therapist: 'N', session: '9' }, {}),
      sessionOf('c.txt', { therapist: 'N', date: '2026-02-10' }, {}),
      sessionOf('b.txt', { therapist: 'N', date: '2026-02-10', session: '2' }, {}),
      sessionOf('a.txt', { therapist: 'N', date: '2026-02-10', session: '2' }, {}),
      sessionOf('f.txt', { therapist: 'N', date: '2026-01-31', session: '7' }, {}),
      sessionOf('g.txt', { therapist: 'N', date: 'last Tuesday', session: '1' }, {}),
    ]);
    assert.deepStrictEqual(report.groups[0].sessions.map((s) => [s.file, s.date, s.session]), [
      ['f.txt', '2026-01-31', 7], ['a.txt', '2026-02-10', 2], ['b.txt', '2026-02-10', 2], ['c.txt', '2026-02-10', null],
      ['g.txt', null, 1], ['d.txt', null, 9], ['e.txt', null, null],
    ]);
  });

  it('carries the summary scores, sums ruptures, counts repaired ones, and subtracts the previous session', () => {
    const first = sessionOf('1.txt', { therapist: 'N', session: '1' }, {
      allianceIndex: 40, reflectionToQuestion: 0.67, percentComplexReflections: null, percentOpenQuestions: 25,
      collaborative: 1, directive: 3, clientTalkShare: 0.35, ruptures: { withdrawal: 1, confrontation: 1 },
      ruptureEvents: [rupture('unaddressed'), rupture('met-with-directive')],
    });
    const second = sessionOf('2.txt', { therapist: 'N', session: '2' }, {
      allianceIndex: 72.5, reflectionToQuestion: 1.5, percentComplexReflections: 40, percentOpenQuestions: 60,
      collaborative: 4, directive: 1, clientTalkShare: 0.52, ruptures: { withdrawal: 1, confrontation: 0 },
      ruptureEvents: [rupture('repaired')],
    });
    const [one, two] = buildTrends([second, first]).groups[0].sessions;
    assert.deepStrictEqual(one, {
      file: '1.txt', date: null, session: 1, allianceIndex: 40, reflectionToQuestion: 0.67, percentComplexReflections: null,
      percentOpenQuestions: 25, collaborative: 1, directive: 3, clientTalkShare: 0.35, ruptures: 2, repairedRuptures: 0,
      change: {
        allianceIndex: null, reflectionToQuestion: null, percentComplexReflections: null, percentOpenQuestions: null,
        collaborative: null, directive: null, clientTalkShare: null, ruptures: null, repairedRuptures: null,
      },
    });
    // 72.5 − 40, 1.5 − 0.67 (0.83, not 0.8300000000000001), null − anything is null, 0.52 − 0.35, 1 − 2, 1 − 0.
    assert.deepStrictEqual(two.change, {
      allianceIndex: 32.5, reflectionToQuestion: 0.83, percentComplexReflections: null, percentOpenQuestions: 35,
      collaborative: 3, directive: -2, clientTalkShare: 0.17, ruptures: -1, repairedRuptures: 1,
    });
  });

  it('keeps the contract\'s field order and nothing else', () => {
    const [only] = buildTrends([sessionOf('1.txt', {}, {})]).groups[0].sessions;
    assert.deepStrictEqual(Object.keys(only), ['file', 'date', 'session', 'allianceIndex', 'reflectionToQuestion', 'percentComplexReflections',
      'percentOpenQuestions', 'collaborative', 'directive', 'clientTalkShare', 'ruptures', 'repairedRuptures', 'change']);
  });

  it('gives no groups for no analyses', () => {
    assert.deepStrictEqual(buildTrends([]), { groups: [] });
  });
});

describe('trends: the plain-language summary', () => {
  const series = (): TrendSession[] => buildTrends([
    sessionOf('s1.txt', { therapist: 'N', session: '1', date: '2026-01-05' }, { allianceIndex: 50, reflectionToQuestion: 0.5, collaborative: 1, directive: 3, clientTalkShare: 0.4 }),
    sessionOf('s2.txt', { therapist: 'N', session: '2', date: '2026-01-12' }, {
      allianceIndex: 30, reflectionToQuestion: 1, collaborative: 1, directive: 4, clientTalkShare: 0.41,
      ruptures: { withdrawal: 1, confrontation: 1 }, ruptureEvents: [rupture('repaired'), rupture('unaddressed')],
    }),
    sessionOf('s3.txt', { therapist: 'N', session: '3', date: '2026-01-19' }, { allianceIndex: 70, reflectionToQuestion: 2.2, collaborative: 3, directive: 4, clientTalkShare: 0.42 }),
    sessionOf('s4.txt', { therapist: 'N', session: '4', date: '2026-01-26' }, { allianceIndex: 62, reflectionToQuestion: 2.5, collaborative: 4, directive: 5, clientTalkShare: 0.42 }),
  ]).groups[0].sessions;

  it('says what improved and what did not, first session against the last', () => {
    const narrative = groupNarrative({ key: 'N', sessions: series() });
    assert.strictEqual(narrative.overview, '4 sessions from 2026-01-05 to 2026-01-26; first session compared with the last.');
    assert.deepStrictEqual(narrative.improved, ['Alliance index rose from 50 to 62 (+12).', 'Collaborative utterances rose from 1 to 4 (+3).']);
    assert.deepStrictEqual(narrative.notImproved, ['Directive utterances rose from 3 to 5 (+2).', 'Client talk share stayed about the same (40% to 42%).']);
  });

  it('points at the largest fall of the alliance index and at unrepaired ruptures', () => {
    const narrative = groupNarrative({ key: 'N', sessions: series() });
    assert.deepStrictEqual(narrative.worthALook, [
      'Session 2 (2026-01-12, s2.txt): the alliance index fell by 20 points, the largest fall in this series.',
      'Session 2 (2026-01-12, s2.txt): 1 of 2 ruptures were not repaired.',
    ]);
  });

  it('never grades a score that is not trusted: it is an estimate, with its agreement', () => {
    const text = narrativeText(groupNarrative({ key: 'N', sessions: series() }, () => false));
    assert.match(text, /Estimates, not graded: Reflection-to-question ratio went from 0\.5:1 to 2\.5:1 \(an estimate: it agrees with expert coders at ICC -?\d\.\d\d/);
    assert.ok(!/band|MITI/.test(text), text);
  });

  it('grades a trusted score with thresholds by its MITI band', () => {
    const narrative = groupNarrative({ key: 'N', sessions: series() }, () => true);
    assert.ok(narrative.improved.includes('Reflection-to-question ratio rose from 0.5:1 to 2.5:1 (+2), in the MITI good band.'), narrative.improved.join('\n'));
    assert.deepStrictEqual(narrative.estimates, []);
  });

  it('has nothing to compare for one session', () => {
    const narrative = groupNarrative({ key: 'N', sessions: series().slice(0, 1) });
    assert.strictEqual(narrative.overview, 'One session, dated 2026-01-05: nothing to compare yet.');
    assert.deepStrictEqual([narrative.improved, narrative.notImproved, narrative.estimates, narrative.worthALook], [[], [], [], []]);
  });
});
