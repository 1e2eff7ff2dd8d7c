import * as assert from 'assert';
import { parseAnnoMi } from '../../../src/cli/eval/annomi';
import { analyseSessions, devCalibration, formatCalibration, formatSessionAuc, sessionAuc, sessionText, type SessionResult } from '../../../src/cli/eval/sessions';
import { indexComponents } from '../../../src/core/summary/alliance-index';
import { emptyCounts } from '../../../src/core/summary/counts';
import { formatScoreAgreement, measureScoreAgreement, staleFigures } from '../../../src/cli/eval/score-agreement';
import type { SessionTallies } from '../../../src/core/summary/score-agreement';
import { analysisOf, session } from './fixture';

const zeroComponents = indexComponents(emptyCounts(), []);

// A tiny hand-written file in AnnoMI's column layout (the real corpus is never needed by unit tests).
const header = 'mi_quality,transcript_id,video_title,video_url,topic,utterance_id,interlocutor,timestamp,utterance_text,annotator_id,'
  + 'therapist_input_exists,therapist_input_subtype,reflection_exists,reflection_subtype,question_exists,question_subtype,'
  + 'main_therapist_behaviour,client_talk_type';
const row = (quality: string, transcript: number, utterance: number, who: string, text: string) =>
  `${quality},${transcript},t,u,alcohol,${utterance},${who},00:00:0${utterance},"${text}",1,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a`;
const corpus = parseAnnoMi([
  header,
  row('high', 1, 1, 'client', 'I want to cut down.'),
  row('high', 1, 0, 'therapist', 'What brings you in?\nTell me.'),
  row('low', 2, 0, 'therapist', 'You should stop.'),
  row('high', 3, 0, 'therapist', 'How are you?'),
].join('\n'));

const noTallies: SessionTallies = {
  therapistTurns: 0, clientTurns: 0, openQuestions: 0, closedQuestions: 0, simpleReflections: 0, complexReflections: 0, changeTalk: 0, sustainTalk: 0,
};

function result(split: 'dev' | 'test', highQuality: boolean, allianceIndex: number, reflectionToQuestion: number | null, clientTalkShare: number): SessionResult {
  const { summary } = analysisOf(session([]));
  return {
    transcriptId: 0, split, highQuality, summary: { ...summary, allianceIndex, reflectionToQuestion, clientTalkShare }, components: zeroComponents,
    engineTallies: noTallies, expertTallies: noTallies,
  };
}

/** A session in which the engine and the experts found the given numbers of open questions in 10 therapist turns. */
function questionsResult(split: 'dev' | 'test', engineOpen: number, expertOpen: number): SessionResult {
  return {
    ...result(split, true, 50, null, 0.5),
    engineTallies: { ...noTallies, therapistTurns: 10, openQuestions: engineOpen },
    expertTallies: { ...noTallies, therapistTurns: 10, openQuestions: expertOpen },
  };
}

describe('eval: AnnoMI sessions', () => {
  it('writes a transcript as labelled lines in utterance order, one line per utterance', () => {
    const rows = corpus.rows.filter((r) => r.transcriptId === 1).sort((a, b) => a.utteranceId - b.utteranceId);
    assert.strictEqual(sessionText(rows), 'Therapist: What brings you in? Tell me.\nClient: I want to cut down.\n');
  });

  it('analyses each transcript with its split and quality label', () => {
    const results = analyseSessions(corpus);
    assert.deepStrictEqual(results.map((r) => [r.transcriptId, r.split, r.highQuality]), [[1, 'dev', true], [2, 'dev', false], [3, 'test', true]]);
    // The parser reads the rebuilt text back: 4 + 5 therapist and client words in transcript 1.
    assert.deepStrictEqual([results[0].summary.therapistWords, results[0].summary.clientWords], [6, 5]);
  });

  it('computes each score\'s AUC within a split, leaving out sessions without that score', () => {
    const results = [
      result('dev', true, 80, 2, 0.6), result('dev', true, 60, null, 0.3), result('dev', false, 70, 1, 0.5),
      result('test', true, 10, 1, 0.5),
    ];
    // allianceIndex: positives 80, 60 vs negative 70 → 1 of 2 pairs = 0.5. R:Q: positive 2 vs 1 (null left out) → 1.
    // Talk share: 0.6 > 0.5, 0.3 < 0.5 → 0.5.
    assert.deepStrictEqual(sessionAuc(results, 'dev'),
      { split: 'dev', sessions: 3, high: 2, low: 1, allianceIndex: 0.5, reflectionToQuestion: 1, clientTalkShare: 0.5 });
    // No low-quality test session: every AUC is undefined.
    assert.deepStrictEqual(sessionAuc(results, 'test'),
      { split: 'test', sessions: 1, high: 1, low: 0, allianceIndex: null, reflectionToQuestion: null, clientTalkShare: null });
  });

  it('prints a table of the AUCs per split', () => {
    const text = formatSessionAuc([
      { split: 'dev', sessions: 89, high: 76, low: 13, allianceIndex: 0.9123, reflectionToQuestion: 0.5, clientTalkShare: null },
    ]);
    assert.ok(text.includes('\ndev    89 (76/13)           0.912          0.500            n/a\n'), text);
  });

  it('calibrates on the dev sessions only and prints the rule\'s weights beside the ones in use', () => {
    const withReflections = (split: 'dev' | 'test', highQuality: boolean, reflections: number): SessionResult =>
      ({ ...result(split, highQuality, 0, null, 0), components: { ...zeroComponents, reflections } });
    // The test session would reverse the order if it were counted.
    const rows = devCalibration([withReflections('dev', true, 0.4), withReflections('dev', false, 0.2), withReflections('test', false, 0.9)]);
    const reflections = rows.find((row) => row.component === 'reflections');
    // Dev only: mean 0.3, SD 0.1; 10 / 0.1 = 100. High 0.4 above low 0.2: AUC 1.
    assert.deepStrictEqual([reflections?.auc, reflections?.impliedWeight], [1, 100]);
    const text = formatCalibration(rows);
    assert.ok(/\nreflections per therapist turn +1\.000 +0\.100 +\+100 +\+\d+\n/.test(text), text);
  });

  it('measures each session score against the experts\' per split, and flags recorded figures that no longer match', () => {
    // Dev: the engine finds exactly what the experts found. Test: the engine's order is reversed.
    const results = [
      questionsResult('dev', 1, 1), questionsResult('dev', 3, 3), questionsResult('dev', 6, 6),
      questionsResult('test', 6, 1), questionsResult('test', 3, 3), questionsResult('test', 1, 6),
    ];
    const questions = measureScoreAgreement(results).find((row) => row.id === 'questionsPerTurn');
    assert.deepStrictEqual(questions?.dev, { icc: 1, rho: 1, sessions: 3 });
    assert.strictEqual(questions?.test.rho, -1);
    assert.ok((questions?.test.icc ?? 0) < 0, `reversed order must not agree: ${questions?.test.icc}`);
    // No session has a reflection, so R:Q exists (0 of some questions) but %CR is undefined everywhere.
    const complex = measureScoreAgreement(results).find((row) => row.id === 'percentComplexReflections');
    assert.deepStrictEqual(complex?.test, { icc: null, rho: null, sessions: 0 });

    const measured = measureScoreAgreement(results);
    assert.deepStrictEqual(staleFigures(measured, measured), []);
    const recorded = measured.map((row) => (row.id === 'questionsPerTurn' ? { ...row, dev: { ...row.dev, icc: 0.5 } } : row));
    assert.deepStrictEqual(staleFigures(measured, recorded), ['Questions per therapist turn (dev): measured ICC 1.00, rho 1.00; recorded ICC 0.50, rho 1.00']);
    assert.match(formatScoreAgreement(measured), /Questions per therapist turn\s+1\.00\s+1\.00\s+3\s+-\d\.\d\d\s+-1\.00\s+3\s+no \(estimate\)/);
  });
});
