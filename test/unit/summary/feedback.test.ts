import * as assert from 'assert';
import { sessionFeedback } from '../../../src/core/summary/feedback';
import { analysisOf, session, supervisionSession } from './fixture';

// As if every score agreed with experts, so the grading sentences can be tested; the real table decides in use.
const allTrusted = () => true;

describe('summary: templated strengths and growth areas', () => {
  it('restates the metrics of the hand-coded session against their thresholds', () => {
    // R:Q 0.67 (below 1), %CR 50 (good), 1 collaborative vs 1 directive, client share 0.469 (between 0.4 and 0.5:
    // no sentence), 2 ruptures both repaired.
    assert.deepStrictEqual(sessionFeedback(analysisOf(supervisionSession).summary, allTrusted), {
      strengths: [
        '50% of reflections were complex (at or above the fair threshold of 40%).',
        'Every rupture marker (2) was followed by a repair move within three therapist turns.',
      ],
      growthAreas: [
        'Questions outnumbered reflections (R:Q 0.67, below the fair threshold of 1:1); offering more reflections is an option to consider.',
        "Directive utterances (1) were at least as frequent as collaborative ones (1); asking permission or the client's own ideas before advising is an alternative.",
      ],
      toCheck: [],
    });
  });

  it('names good R:Q, collaborative balance and a talkative client as strengths, unrepaired ruptures as growth', () => {
    const feedback = sessionFeedback(analysisOf(session([
      ['therapist', 'What matters most?', { question: 'open' }],
      ['client', 'My kids matter most to me, more than anything else.', { codes: ['rupture.withdrawal'] }],
      ['therapist', 'They come first.', { reflection: 'simple' }],
      ['therapist', 'What would you like to do?', { stance: 'collaborative' }],
      ['therapist', 'You love them.', { reflection: 'complex' }],
      ['therapist', 'And you want more.', { reflection: 'complex' }],
    ])).summary, allTrusted);
    // R:Q = 3 / 1 = 3 (good); %CR = 2 / 3 = 66.7 (good); 1 collaborative vs 0 directive; client 10 of 10 + 3 + 3 + 6 + 3 + 4 = 29
    // words = 34.5%, below 40%; the rupture's first therapist reply is a reflection, so it counts as repaired.
    assert.deepStrictEqual(feedback.strengths, [
      'Reflections outnumbered questions (R:Q 3, at or above the good threshold of 2:1).',
      '66.7% of reflections were complex (at or above the fair threshold of 40%).',
      'Collaborative utterances (1) outnumbered directive ones (0).',
      'Every rupture marker (1) was followed by a repair move within three therapist turns.',
    ]);
    assert.deepStrictEqual(feedback.growthAreas, ['The client spoke 34.5% of the words; the therapist did most of the talking.']);
  });

  it('says nothing about scores that are undefined', () => {
    assert.deepStrictEqual(sessionFeedback(analysisOf([]).summary, allTrusted), { strengths: [], growthAreas: [], toCheck: [] });
  });

  it('never grades a score that does not agree with experts: it asks for a count by hand instead', () => {
    const summary = analysisOf(session([
      ['therapist', 'What matters most?', { question: 'open' }],
      ['therapist', 'They come first.', { reflection: 'simple' }],
      ['therapist', 'You love them.', { reflection: 'complex' }],
      ['therapist', 'And you want more.', { reflection: 'complex' }],
    ])).summary;
    const feedback = sessionFeedback(summary, (score) => score !== 'reflectionToQuestion');
    assert.ok(!feedback.strengths.some((line) => line.includes('R:Q')), feedback.strengths.join('\n'));
    assert.ok(!feedback.growthAreas.some((line) => line.includes('R:Q')), feedback.growthAreas.join('\n'));
    assert.deepStrictEqual(feedback.toCheck, ['The automatic codes give R:Q 3; count reflections and questions by hand before grading it against the MITI thresholds (fair 1:1, good 2:1).']);
    assert.ok(feedback.strengths.includes('66.7% of reflections were complex (at or above the fair threshold of 40%).'));
  });
});
