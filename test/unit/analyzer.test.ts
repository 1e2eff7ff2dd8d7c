// The Analyzer's per-utterance cache (issue 7): a one-utterance edit re-codes only that utterance (and the summary
// is recomputed), and the cache never changes what an analysis says.
import * as assert from 'assert';
import { Analyzer, analyzeTranscript } from '../../src/core/analyzer';

const SESSION = [
  'Therapist: What brings you in today?',
  'Client: My wife thinks I drink too much.',
  'Therapist: You should stop drinking tonight.',
  'Client: I guess. Whatever.',
  'Therapist: It sounds like you are not sure it is a problem.',
  'Client: I want to be around for my kids.',
  'Therapist: Okay.',
  'Client: Okay.',
  'Therapist: Okay.',
  'Therapist: Would it be okay if I shared some information?',
].join('\n') + '\n';

function withLine(text: string, index: number, line: string): string {
  const lines = text.split('\n');
  lines[index] = line;
  return lines.join('\n');
}

describe('Analyzer: incremental analysis', () => {
  it('codes each distinct utterance once on a cold analysis, and nothing when the text is unchanged', () => {
    const analyzer = new Analyzer();
    const first = analyzer.analyze(SESSION);
    assert.strictEqual(first.utterances.length, 10);
    // "Okay." twice from the therapist is one cache entry; the client's "Okay." is another (role is in the key).
    assert.strictEqual(analyzer.lastCodedCount, 9);
    const again = analyzer.analyze(SESSION);
    assert.strictEqual(analyzer.lastCodedCount, 0);
    assert.deepStrictEqual(again, first);
  });

  it('re-codes only the edited utterance, and the result equals a fresh analysis of the edited text', () => {
    const analyzer = new Analyzer();
    const before = analyzer.analyze(SESSION);
    const edited = withLine(SESSION, 2, 'Therapist: What would you like to do about your drinking, if anything?');
    const after = analyzer.analyze(edited);
    assert.strictEqual(analyzer.lastCodedCount, 1);
    assert.deepStrictEqual(after, analyzeTranscript(edited));
    // The edit removed the only directive utterance, and the summary follows it.
    assert.strictEqual(before.utterances[2].stance, 'directive');
    assert.notStrictEqual(after.utterances[2].stance, 'directive');
    assert.ok(after.summary.directive < before.summary.directive, 'the summary was not recomputed');
  });

  it('re-codes an utterance whose speaker changes role even though its text is the same', () => {
    const analyzer = new Analyzer();
    analyzer.analyze(SESSION);
    const roleSwapped = withLine(SESSION, 2, 'Client: You should stop drinking tonight.');
    const result = analyzer.analyze(roleSwapped);
    assert.strictEqual(analyzer.lastCodedCount, 1);
    assert.strictEqual(result.utterances[2].role, 'client');
    assert.deepStrictEqual(result, analyzeTranscript(roleSwapped));
  });

  it('keeps offsets right when an edit shifts every later utterance', () => {
    const analyzer = new Analyzer();
    analyzer.analyze(SESSION);
    const shifted = withLine(SESSION, 0, 'Therapist: Hello and welcome, it is good to meet you. What brings you in today?');
    const result = analyzer.analyze(shifted);
    assert.strictEqual(analyzer.lastCodedCount, 1);
    const directive = result.utterances[2].findings.find((finding) => finding.stance === 'directive');
    assert.ok(directive, 'no directive finding in "You should stop drinking tonight."');
    assert.match(shifted.slice(directive.start, directive.end), /should/i);
    assert.deepStrictEqual(result, analyzeTranscript(shifted));
  });

  it('codes afresh when the rule set changes (a disabled rule is part of the cache key)', () => {
    const plain = new Analyzer();
    const finding = plain.analyze(SESSION).utterances[2].findings.find((item) => item.stance === 'directive');
    assert.ok(finding);
    const withoutRule = new Analyzer({ disabledRules: [finding.rule] });
    const result = withoutRule.analyze(SESSION);
    assert.strictEqual(withoutRule.lastCodedCount, 9);
    assert.ok(!result.utterances[2].findings.some((item) => item.rule === finding.rule));
  });
});
