import * as assert from 'assert';
import { checkAnnoMiParse, describeParseCheck, type ParseCheckRow } from '../../../src/cli/eval/parse-check';

function row(transcriptId: number, utteranceId: number, interlocutor: 'therapist' | 'client', text: string): ParseCheckRow {
  return { transcriptId, utteranceId, interlocutor, text };
}

describe('AnnoMI parse check', () => {
  it('passes rows that come back one utterance each, even with labels, line breaks and spaces inside the text', () => {
    const result = checkAnnoMiParse([
      row(1, 0, 'therapist', 'Speaker 1: Okay. What brings you in?'),
      row(1, 1, 'client', '  My doctor.\nShe said: talk to someone. '),
      row(1, 2, 'therapist', '[laughs] Fair enough.'),
      row(2, 0, 'client', 'Hi.'),
      row(2, 1, 'therapist', 'Hello.'),
    ]);
    assert.deepStrictEqual(result, { transcripts: 2, rows: 5, matchedRows: 5, matchedTranscripts: 2, mismatches: [] });
    assert.match(describeParseCheck(result), /^Parse check: 5\/5 .*\(2\/2 transcripts exact\)\.$/);
  });

  it('reports a transcript whose rows do not come back one for one', () => {
    const result = checkAnnoMiParse([
      row(7, 0, 'therapist', 'How are you?'),
      row(7, 1, 'client', 'Fine.\nTherapist: I said that too.'),
      row(8, 0, 'therapist', 'Hi.'),
    ]);
    assert.strictEqual(result.matchedTranscripts, 1);
    assert.strictEqual(result.matchedRows, 1);
    assert.deepStrictEqual(result.mismatches, [{ transcriptId: 7, utteranceId: null, message: '2 rows parsed into 3 utterances' }]);
    assert.match(describeParseCheck(result), /transcript 7: 2 rows parsed into 3 utterances/);
  });
});
