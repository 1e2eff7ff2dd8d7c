import * as assert from 'assert';
import { Analyzer } from '../../../src/core/analyzer';

// A minimal reply is a withdrawal by what it answers: the same "Fine." takes in an offer, answers a closed question,
// or withholds an answer to an open one. Written here in our own words, beside the labelled sessions.
const analyzer = new Analyzer();
function ruptureCodesOfLastReply(text: string): string[] {
  const { utterances } = analyzer.analyze(text, { fileName: 'context.transcript' });
  return utterances[utterances.length - 1].codes.filter((code) => code.startsWith('rupture.'));
}

describe('rupture markers that depend on the therapist turn before', () => {
  it('takes a plain "Fine." after a statement that asked for nothing as no rupture', () => {
    assert.deepStrictEqual(ruptureCodesOfLastReply('Therapist: We can leave your sister out of it for today.\nClient: Fine.\n'), []);
  });

  it('still codes the same "Fine." to an open question as a withdrawal', () => {
    assert.deepStrictEqual(ruptureCodesOfLastReply('Therapist: What was the weekend like for you?\nClient: Fine.\n'), ['rupture.withdrawal']);
  });

  it('codes a trailing-off hedge ("Okay... I mean... I guess.") as a withdrawal wherever it comes', () => {
    assert.deepStrictEqual(ruptureCodesOfLastReply('Therapist: You noticed you go quiet at home.\nClient: Okay... I mean... I guess.\n'), ['rupture.withdrawal']);
  });

  it('finds a dismissal inside a longer reply, and not in a reply that only starts the same way', () => {
    assert.deepStrictEqual(ruptureCodesOfLastReply('Therapist: What was that like?\nClient: Pretty grim, if I am honest. But it\'s fine.\n'), ['rupture.withdrawal']);
    assert.deepStrictEqual(ruptureCodesOfLastReply('Therapist: What was that like?\nClient: It\'s fine now. The new shifts suit me.\n'), []);
  });
});
