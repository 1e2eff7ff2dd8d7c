// The Analyzer's per-utterance cache: a one-utterance edit re-codes only that utterance and the replies whose context
// it changed (and the summary is recomputed), and the cache never changes what an analysis says.
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
    // Every utterance is coded once: the therapist's two "Okay."s follow different client turns, so their contexts
    // differ (role and context are in the key).
    assert.strictEqual(analyzer.lastCodedCount, 10);
    const again = analyzer.analyze(SESSION);
    assert.strictEqual(analyzer.lastCodedCount, 0);
    assert.deepStrictEqual(again, first);
  });

  it('re-codes only the edited utterance, and the result equals a fresh analysis of the edited text', () => {
    const analyzer = new Analyzer();
    const before = analyzer.analyze(SESSION);
    const edited = withLine(SESSION, 2, 'Therapist: What would you like to do about your drinking, if anything?');
    const after = analyzer.analyze(edited);
    // The edited line, and the client's reply to it: it now answers an open question.
    assert.strictEqual(analyzer.lastCodedCount, 2);
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
    // The swapped line, and the client turn after it, whose last therapist turn is now the opening question.
    assert.strictEqual(analyzer.lastCodedCount, 2);
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
    assert.strictEqual(withoutRule.lastCodedCount, 10);
    assert.ok(!result.utterances[2].findings.some((item) => item.rule === finding.rule));
  });
});

// "The visible range of a large file comes first": analyzePriority codes only the utterances a range touches, gives
// them exactly as the full analysis does, and the full analysis that follows re-codes only the rest.
describe('Analyzer.analyzePriority', () => {
  const full = analyzeTranscript(SESSION, { fileName: 's.transcript' });
  /** An utterance's file range, as the parser placed it. */
  const rangeOf = (index: number) => ({ start: full.utterances[index].start, end: full.utterances[index].end });

  it('returns the utterances a range overlaps, with the same codes and finding offsets as the full analysis', () => {
    const analyzer = new Analyzer();
    const priority = analyzer.analyzePriority(SESSION, { fileName: 's.transcript', ranges: [rangeOf(2), rangeOf(9)] });
    assert.deepStrictEqual(priority.utterances.map((utterance) => utterance.index), [2, 9]);
    assert.deepStrictEqual(priority.utterances, [full.utterances[2], full.utterances[9]]);
    assert.ok(priority.utterances[0].findings.length > 0, 'the directive turn has no finding to compare');
    assert.strictEqual(priority.file, 's.transcript');
    assert.strictEqual(analyzer.lastCodedCount, 2);
  });

  it('selects every utterance a range spans, and the utterance a caret sits in', () => {
    const analyzer = new Analyzer();
    const span = { start: rangeOf(3).start + 3, end: rangeOf(5).start + 2 };
    assert.deepStrictEqual(analyzer.analyzePriority(SESSION, { ranges: [span] }).utterances.map((utterance) => utterance.index), [3, 4, 5]);
    const caret = rangeOf(4).start + 2;
    assert.deepStrictEqual(analyzer.analyzePriority(SESSION, { ranges: [{ start: caret, end: caret }] }).utterances.map((utterance) => utterance.index), [4]);
    assert.deepStrictEqual(analyzer.analyzePriority(SESSION, { ranges: [] }).utterances, []);
  });

  it('leaves the following full analysis to code only the rest, with an unchanged result', () => {
    const analyzer = new Analyzer();
    analyzer.analyzePriority(SESSION, { fileName: 's.transcript', ranges: [rangeOf(0), rangeOf(1), rangeOf(2)] });
    assert.strictEqual(analyzer.lastCodedCount, 3);
    const after = analyzer.analyze(SESSION, { fileName: 's.transcript' });
    // 10 distinct utterances in their contexts, 3 of them already coded.
    assert.strictEqual(analyzer.lastCodedCount, 7);
    assert.deepStrictEqual(after, full);
  });

  it('keeps the roles that depend on the whole file (front matter)', () => {
    const withRoles = `---\ntherapist: Ana\nclient: Ben\n---\nAna: You should stop drinking tonight.\nBen: Maybe.\n`;
    const whole = analyzeTranscript(withRoles);
    const turn = withRoles.indexOf('You should');
    const priority = new Analyzer().analyzePriority(withRoles, { ranges: [{ start: turn, end: turn + 5 }] });
    assert.deepStrictEqual(priority.utterances, [whole.utterances[0]]);
    assert.strictEqual(priority.utterances[0].role, 'therapist');
  });
});

// The coder sees the turn before: a therapist statement that restates the client is a reflection, a client's plain
// "Sure." answers a request for permission. Both change when the turn before them changes.
describe('Analyzer: context of the previous turn', () => {
  const restating = (clientLine: string) => [
    'Therapist: What happens on a bad weekend?',
    `Client: ${clientLine}`,
    'Therapist: The drinking and the arguments with Sam seem to come together on Saturdays.',
  ].join('\n') + '\n';

  it('codes a statement that restates the client as a reflection, and the same words after another turn as not one', () => {
    const echoed = analyzeTranscript(restating('Saturdays I drink, and then Sam and I have arguments.')).utterances[2];
    const unrelated = analyzeTranscript(restating('Work has been quiet lately.')).utterances[2];
    assert.strictEqual(echoed.behaviour, 'reflection');
    assert.notStrictEqual(unrelated.behaviour, 'reflection');
  });

  it('re-codes the therapist reply after an edited client turn, and only that, with the result of a fresh analysis', () => {
    const analyzer = new Analyzer();
    analyzer.analyze(restating('Work has been quiet lately.'));
    const edited = restating('Saturdays I drink, and then Sam and I have arguments.');
    const after = analyzer.analyze(edited);
    assert.strictEqual(analyzer.lastCodedCount, 2, 'the client turn and the therapist reply after it');
    assert.deepStrictEqual(after, analyzeTranscript(edited));
    assert.strictEqual(after.utterances[2].behaviour, 'reflection');
  });

  const reply = (therapistLine: string, clientLine: string) =>
    analyzeTranscript(`Therapist: ${therapistLine}\nClient: ${clientLine}\n`).utterances[1].codes.includes('rupture.withdrawal');

  it('does not call a plain answer to a request for permission or a closed question a withdrawal', () => {
    assert.strictEqual(reply('Would it be okay if I mentioned something I noticed?', 'Sure.'), false);
    assert.strictEqual(reply('Did you manage to get to the meeting?', 'Not really.'), false);
  });

  it('still calls the same reply a withdrawal after a push, and a sigh or trailing off one after a question', () => {
    assert.strictEqual(reply('You need to stop making excuses.', 'Sure.'), true);
    assert.strictEqual(reply('Would it be okay if I mentioned something I noticed?', '(sighs) Sure.'), true);
    assert.strictEqual(reply('Would it be okay if I mentioned something I noticed?', 'Whatever.'), true);
  });

  it('names the context rule behind a withdrawal found from the turn before, and lets it be switched off', () => {
    const text = 'Therapist: You need to throw them away tonight.\nClient: (sighs) Yeah, okay.\n';
    const finding = analyzeTranscript(text).utterances[1].findings.find((item) => item.code === 'rupture.withdrawal');
    assert.ok(finding, 'no withdrawal after the push');
    assert.strictEqual(text.slice(finding.start, finding.end), 'Yeah, okay');
    const analyzer = new Analyzer();
    assert.strictEqual(analyzer.describeRule(finding.rule)?.code, 'rupture.withdrawal');
    const without = new Analyzer({ disabledRules: [finding.rule] }).analyze(text);
    assert.ok(!without.utterances[1].codes.includes('rupture.withdrawal'));
  });

  it('gives the same context to a visible range coded first as to the full analysis', () => {
    const text = 'Therapist: Would it be okay if I mentioned something I noticed?\nClient: Sure.\nTherapist: Thanks.\n';
    const clientTurn = text.indexOf('Sure.');
    const priority = new Analyzer().analyzePriority(text, { ranges: [{ start: clientTurn, end: clientTurn + 5 }] });
    assert.deepStrictEqual(priority.utterances, [analyzeTranscript(text).utterances[1]]);
  });
});
