import * as assert from 'assert';
import { allianceIndexOf, indexComponents } from '../../../src/core/summary';
import { countSession } from '../../../src/core/summary/counts';
import { emptyParsed as parsed, finding, session, summarizeSession, supervisionSession as utterances } from './fixture';

describe('summary: session metrics on a hand-coded session', () => {
  const summary = summarizeSession(parsed, utterances);

  it('counts words per role and the client talk share', () => {
    assert.strictEqual(summary.therapistWords, 43); // 5 + 5 + 5 + 7 + 13 + 8
    assert.strictEqual(summary.clientWords, 38); // 7 + 8 + 8 + 1 + 7 + 7
    assert.strictEqual(summary.clientTalkShare, 0.469); // 38 / 81 = 0.46913… → 3 decimals
  });

  it('counts questions and reflections by subtype', () => {
    assert.deepStrictEqual(summary.questions, { open: 2, closed: 1 }); // lines 1 and 11 open, line 3 closed
    assert.deepStrictEqual(summary.reflections, { simple: 1, complex: 1 }); // lines 5 and 9
  });

  it('computes the MITI summary scores and their bands', () => {
    assert.strictEqual(summary.reflectionToQuestion, 0.67); // (1 + 1) / (2 + 1) = 0.666… → 0.67, below 1:1
    assert.strictEqual(summary.percentComplexReflections, 50); // 1 / 2 × 100
    assert.strictEqual(summary.percentOpenQuestions, 66.7); // 2 / 3 × 100 = 66.66… → 66.7
    assert.deepStrictEqual(summary.bands, { reflectionToQuestion: 'below', percentComplexReflections: 'good' });
  });

  it('counts stances by utterance and MI codes once per utterance', () => {
    assert.strictEqual(summary.collaborative, 1); // line 11
    assert.strictEqual(summary.directive, 1); // line 7
    assert.strictEqual(summary.miAdherent, 2); // autonomy + seek on line 11 (the repeated autonomy counts once)
    assert.strictEqual(summary.miNonAdherent, 2); // persuade + command on line 7
  });

  it('counts client talk and ruptures by kind', () => {
    assert.strictEqual(summary.changeTalk, 3); // lines 4, 10, 12
    assert.strictEqual(summary.sustainTalk, 1); // line 6
    assert.deepStrictEqual(summary.ruptures, { withdrawal: 1, confrontation: 1 }); // lines 8 and 6
  });

  it('links each rupture to the therapist turn that repaired it', () => {
    // Line 6: line 7 is directive, but line 9 (second therapist turn) says "I may have pushed too hard".
    // Line 8: line 9 is the first therapist turn after it. Move order in the data file puts
    // acknowledge-own-part before empathic-reflection, so that is the move reported.
    assert.deepStrictEqual(summary.ruptureEvents, [
      { kind: 'confrontation', utteranceIndex: 5, line: 6, status: 'repaired', responseIndex: 8, responseLine: 9, repairMove: 'acknowledge-own-part' },
      { kind: 'withdrawal', utteranceIndex: 7, line: 8, status: 'repaired', responseIndex: 8, responseLine: 9, repairMove: 'acknowledge-own-part' },
    ]);
  });

  it('scores the session with the index formula over its own components', () => {
    const components = indexComponents(countSession(utterances), summary.ruptureEvents);
    // Six therapist turns.
    assert.deepStrictEqual(components, {
      reflections: 2 / 6,
      advice: 1 / 6,
      closedQuestions: 1 / 6,
      collaborative: 1 / 6,
      directive: 1 / 6,
      clientTalkShareAboveHalf: 38 / 81 - 0.5,
      changeOverSustain: (3 - 1) / (3 + 1),
      unrepairedRuptures: 0,
    });
    assert.strictEqual(summary.allianceIndex, allianceIndexOf(components));
    // With the calibrated weights (explain-index): 45 + 50 × 2/6 + 100 × 1/6 − 100 × 1/6 (directive)
    // − 100 × 1/6 (advice) + 50 × (38/81 − 0.5) + 20 × 0.5 = 45 + 16.667 + 16.667 − 16.667 − 16.667 − 1.543 + 10
    // = 53.457 → 53.5
    assert.strictEqual(summary.allianceIndex, 53.5);
  });

  it('goes exchange by exchange through a short timestamp-free session, tiling the lines', () => {
    // 12 utterances, a therapist turn and its reply six times: one slice each exchange.
    assert.deepStrictEqual(summary.timeline.map((segment) => [segment.startLine, segment.endLine]),
      [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12]]);
    assert.deepStrictEqual(summary.timeline.map((segment) => segment.directive), [0, 0, 0, 1, 0, 0]); // line 7
    assert.deepStrictEqual(summary.timeline.map((segment) => segment.collaborative), [0, 0, 0, 0, 0, 1]); // line 11
  });

  it('scores each slice with the same formula on the slice alone', () => {
    const slices: [segment: number, from: number, to: number][] = [[0, 0, 2], [2, 4, 6], [3, 6, 8], [5, 10, 12]];
    for (const [segment, from, to] of slices) {
      assert.strictEqual(summary.timeline[segment].allianceIndex,
        allianceIndexOf(indexComponents(countSession(utterances.slice(from, to)), [])), `slice ${segment + 1}`);
    }
    // By hand, with the calibrated weights:
    // slice 1 (lines 1–2): an open question (5 words) and a neutral reply (7 words): 45 + 50 × (7/12 − 0.5) = 49.17 → 49.2.
    // slice 3 (lines 5–6): a simple reflection (5 words) and sustain talk (8 words):
    //   45 + 50 × 1 + 50 × (8/13 − 0.5) + 20 × (0 − 1)/1 = 45 + 50 + 5.769 − 20 = 80.769 → 80.8.
    // slice 4 (lines 7–8): directive advice (7 words) and "Whatever." (1 word):
    //   45 − 100 − 100 + 50 × (1/8 − 0.5) = −173.75 → clamped to 0.
    // slice 6 (lines 11–12): a collaborative question (8 words) and change talk (7 words):
    //   45 + 100 × 1 + 50 × (7/15 − 0.5) + 20 × 1 = 45 + 100 − 1.667 + 20 = 163.3 → clamped to 100.
    assert.deepStrictEqual([0, 2, 3, 5].map((segment) => summary.timeline[segment].allianceIndex), [49.2, 80.8, 0, 100]);
  });
});

describe('summary: MI-adherent and non-adherent codes', () => {
  it('counts other codes by the stance of the findings that produced them, once per utterance', () => {
    const summary = summarizeSession(parsed, session([
      ['therapist', 'What would you like to focus on today? What matters?', {
        stance: 'collaborative', codes: ['input.negotiation', 'question.open'],
        // Two negotiation findings (one code), a neutral open-question finding, and a collaborative finding whose
        // code the coder did not keep (it lost to another code): only input.negotiation counts.
        findings: [finding('collaborative', 'input.negotiation'), finding('collaborative', 'input.negotiation'),
          finding('neutral', 'question.open'), finding('collaborative', 'collaborative.seek')],
      }],
      ['therapist', 'You have to stop, or else.', {
        stance: 'directive', codes: ['directive.obligation', 'input.advice'],
        findings: [finding('directive', 'directive.obligation'), finding('directive', 'input.advice')],
      }],
    ]));
    assert.strictEqual(summary.miAdherent, 1); // input.negotiation on line 1
    assert.strictEqual(summary.miNonAdherent, 2); // directive.obligation and input.advice on line 2
  });
});

describe('summary: undefined scores and empty sessions', () => {
  it('reports null, not zero, for ratios without a denominator, and the base index', () => {
    const summary = summarizeSession(parsed, []);
    assert.strictEqual(summary.clientTalkShare, null);
    assert.strictEqual(summary.reflectionToQuestion, null);
    assert.strictEqual(summary.percentComplexReflections, null);
    assert.strictEqual(summary.percentOpenQuestions, null);
    assert.deepStrictEqual(summary.bands, { reflectionToQuestion: null, percentComplexReflections: null });
    assert.deepStrictEqual(summary.timeline, []);
    assert.deepStrictEqual(summary.ruptureEvents, []);
    assert.strictEqual(summary.therapistWords + summary.clientWords + summary.miAdherent + summary.miNonAdherent, 0);
  });

  it('gives R:Q null when there are reflections but no questions', () => {
    const summary = summarizeSession(parsed, session([['therapist', 'You feel stuck.', { reflection: 'simple' }]]));
    assert.strictEqual(summary.reflectionToQuestion, null); // 1 / 0
    assert.strictEqual(summary.percentComplexReflections, 0); // 0 / 1 × 100
    assert.strictEqual(summary.bands.percentComplexReflections, 'below');
  });

  it('ignores speakers whose role is other', () => {
    const summary = summarizeSession(parsed, session([
      ['other', 'Interpreter: she says she is tired.', { stance: 'directive', codes: ['directive.command', 'rupture.withdrawal'] }],
      ['client', 'Tired.', {}],
    ]));
    assert.strictEqual(summary.therapistWords, 0);
    assert.strictEqual(summary.clientWords, 1);
    assert.strictEqual(summary.clientTalkShare, 1); // 1 / (0 + 1)
    assert.strictEqual(summary.directive, 0);
    assert.strictEqual(summary.miNonAdherent, 0);
    assert.deepStrictEqual(summary.ruptures, { withdrawal: 0, confrontation: 0 });
  });
});
