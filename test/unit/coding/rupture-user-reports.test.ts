import * as assert from 'assert';
import * as path from 'path';
import { Analyzer } from '../../../src/core/analyzer';
import { readRuptureFolder, type RuptureLabel } from '../../../src/cli/eval/ruptures';

// The rupture cases users reported, each written into one of our labelled sessions (test/fixtures/ruptures) and
// marked "userReport" there. Tests run from out/test/unit/coding, so the fixtures are found from the repository root.
const directory = path.resolve(__dirname, '../../../../test/fixtures/ruptures');

interface Case { file: string; label: RuptureLabel; codes: string[] }

function userReports(): Case[] {
  const analyzer = new Analyzer();
  return readRuptureFolder(directory).flatMap((transcript) => {
    const analysis = analyzer.analyze(transcript.text, { fileName: transcript.name });
    return transcript.labels.client.filter((label) => label.userReport)
      .map((label) => ({ file: transcript.name, label, codes: analysis.utterances[label.utterance].codes.filter((code) => code.startsWith('rupture.')) }));
  });
}

const expectedCodes = (label: RuptureLabel) => (label.expected === 'none' ? [] : [`rupture.${label.expected}`]);

describe('rupture cases from user reports', function () {
  this.timeout(60_000);
  const cases = userReports();
  const find = (text: string) => {
    const found = cases.find((candidate) => candidate.label.text === text);
    assert.ok(found, `"${text}" is not a user-report case in test/fixtures/ruptures`);
    return found;
  };

  // Decided by the words alone: the engine must get them right today.
  const byWords: [string, string[]][] = [
    ["I feel like you're not really listening to me.", ['rupture.confrontation']],
    ["I'm not avoiding anything. I came here, didn't I?", ['rupture.confrontation']],
    ["I don't really want to talk about my dad.", ['rupture.withdrawal']],
    // Consent to "Can I share something…?" — labelled as depending on the permission question, but bare "Sure." is no
    // longer a minimal reply, so it holds without the previous turn.
    ['Sure.', []],
  ];
  for (const [text, codes] of byWords) {
    it(`codes "${text}" as ${codes.length ? codes.join(', ') : 'no rupture'}`, () => {
      const found = find(text);
      assert.deepStrictEqual(expectedCodes(found.label), codes, 'the label disagrees with this test');
      assert.deepStrictEqual(found.codes, codes, `${found.file}:${found.label.utterance}`);
    });
  }

  it('labels every "Sure." that answers a permission question as no rupture, and the engine agrees', () => {
    const sures = cases.filter((candidate) => candidate.label.text === 'Sure.');
    assert.ok(sures.length >= 2, `${sures.length} cases`);
    for (const sure of sures) {
      assert.deepStrictEqual([sure.label.expected, sure.label.context], ['none', ['permission']]);
      assert.deepStrictEqual(sure.codes, []);
    }
  });

  // "... Okay." and "(sighs) Yeah, okay." after a push are withdrawals because of the push before them and of the sigh or
  // the trailing dots: the coder decides them from the previous therapist turn. The same words elsewhere in the set,
  // labelled as no rupture, show that the words alone do not decide it.
  for (const [text, words] of [['... Okay.', 'Okay.'], ['(sighs) Yeah, okay.', 'Yeah, okay.']]) {
    it(`codes "${text}" after a push as a withdrawal, and the bare words elsewhere as none`, () => {
      const found = find(text);
      assert.strictEqual(found.label.expected, 'withdrawal');
      assert.ok(found.label.context?.includes('push') && found.label.context.includes('nonverbal'), `context: ${found.label.context}`);
      assert.deepStrictEqual(found.codes, ['rupture.withdrawal'], `${found.file}:${found.label.utterance}`);
      const twins = readRuptureFolder(directory).flatMap((transcript) => transcript.labels.client).filter((label) => label.text === words);
      assert.ok(twins.length > 0 && twins.every((twin) => twin.expected === 'none'), `${words}: ${JSON.stringify(twins)}`);
    });
  }
});
