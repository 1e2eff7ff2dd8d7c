import * as assert from 'assert';
import { escapeMarkdown, formatMarkdown, markdownReport } from '../../../src/cli/formats/markdown';
import { analysisOf, finding, session, supervisionSession } from '../summary/fixture';

describe('formats: markdown supervision report', () => {
  // As if every score agreed with experts, so that the band cells can be tested; the measured table decides in use.
  const report = markdownReport(analysisOf(supervisionSession, 'client_a.txt'), [], () => true);

  it('titles the report with the escaped file name and lists the sections in order', () => {
    assert.ok(report.startsWith('# Supervision feedback: client\\_a.txt\n'));
    const headings = report.split('\n').filter((line) => line.startsWith('## '));
    assert.deepStrictEqual(headings, ['## Key metrics', '## Most collaborative moments', '## Most directive moments',
      '## Ruptures and how they were met', '## Strengths and growth areas']);
  });

  it('shows the key metrics against the MITI bands', () => {
    assert.ok(report.includes('| Reflection-to-question ratio | 0.67 | below (fair 1:1 · good 2:1) |'));
    assert.ok(report.includes('| Complex reflections | 50% | good (fair 40% · good 50%) |'));
    assert.ok(report.includes('| Open questions | 66.7% | not banded in MITI 4.2.1 |'));
    assert.ok(report.includes('| Client talk share | 46.9% of 81 words |  |'));
  });

  it('quotes the moments with their line numbers, escaped', () => {
    assert.ok(report.includes('## Most collaborative moments\n\n- Line 11: “It\'s your choice. What would work for you?”\n'));
    assert.ok(report.includes('## Most directive moments\n\n- Line 7: “You should just stop drinking right now.”\n'));
  });

  it('lists each rupture with how it was met', () => {
    assert.ok(report.includes("- Line 6 (confrontation): “But I don't see the point of this.” — repaired (acknowledging the therapist's own part in the rupture) at line 9: “It sounds like this isn't helping, and I may have pushed too hard.”"));
    assert.ok(report.includes('- Line 8 (withdrawal): “Whatever.” — repaired'));
  });

  it('includes the templated strengths and growth areas', () => {
    assert.ok(report.includes('Strengths: 50% of reflections were complex'));
    assert.ok(report.includes('Growth areas: Questions outnumbered reflections (R:Q 0.67'));
  });

  it('appends extra sections after its own', () => {
    const withComments = markdownReport(analysisOf(supervisionSession), [{ title: 'Supervisor comments', markdown: '- Line 7: too soon.' }]);
    assert.ok(withComments.endsWith('## Strengths and growth areas\n\n' + withComments.split('## Strengths and growth areas\n\n')[1]));
    assert.ok(withComments.trimEnd().endsWith('## Supervisor comments\n\n- Line 7: too soon.'));
  });

  it('says so when there is nothing to quote', () => {
    const empty = markdownReport(analysisOf(session([['client', 'Hi.']])), [], () => true);
    assert.ok(empty.includes('No collaborative therapist utterances were found.'));
    assert.ok(empty.includes('No directive therapist utterances were found.'));
    assert.ok(empty.includes('No client rupture markers were found.'));
    assert.ok(empty.includes('| Reflection-to-question ratio | n/a | n/a (fair 1:1 · good 2:1) |'));
  });

  it('grades no score that disagrees with experts: it is an estimate with its agreement, and the feedback asks for a count by hand', () => {
    const ungraded = markdownReport(analysisOf(supervisionSession, 'client_a.txt'), [], (score) => score !== 'reflectionToQuestion');
    assert.match(ungraded, /\| Reflection-to-question ratio \| 0\.67 \| _estimate_, not graded \(agreement with experts ICC -?\d\.\d\d; fair 1:1 · good 2:1\) \|/);
    assert.ok(ungraded.includes('| Complex reflections | 50% | good (fair 40% · good 50%) |'));
    assert.ok(ungraded.includes('is not graded with a MITI band. See README, "How good is the coding?".'));
    assert.ok(!ungraded.includes('Questions outnumbered reflections'));
    assert.ok(ungraded.includes('To check by hand: The automatic codes give R:Q 0.67'));
  });

  it('escapes markup in quoted transcript text so it stays text', () => {
    const hostile = markdownReport(analysisOf(session([
      ['therapist', '# You *must* [click](http://x) <b>now</b> | a_b `c`\n- and stop!', {
        stance: 'directive', findings: [finding('directive', 'directive.command')],
      }],
    ])));
    assert.ok(hostile.includes('- Line 1: “\\# You \\*must\\* \\[click\\]\\(http://x\\) \\<b\\>now\\</b\\> \\| a\\_b \\`c\\` - and stop\\!”'));
  });

  it('escapes every markup character and folds line breaks', () => {
    assert.strictEqual(escapeMarkdown('\\`*_{}[]()<>#!|~&$'), '\\\\\\`\\*\\_\\{\\}\\[\\]\\(\\)\\<\\>\\#\\!\\|\\~\\&\\$');
    assert.strictEqual(escapeMarkdown('one\n  two\r\nthree'), 'one two three');
  });

  it('joins several files with a rule', () => {
    const both = formatMarkdown([analysisOf(supervisionSession, 'a.txt'), analysisOf(supervisionSession, 'b.txt')]);
    assert.strictEqual(both.split('\n---\n\n# Supervision feedback: ').length, 2);
  });
});

describe('formats: markdown rupture statuses', () => {
  it('names ruptures met with directive talk and unaddressed ones', () => {
    const report = markdownReport(analysisOf(session([
      ['client', 'This is stupid.', { codes: ['rupture.confrontation'] }],
      ['therapist', 'You need to listen.', { stance: 'directive' }],
      ['client', 'Fine.', { codes: ['rupture.withdrawal'] }],
    ])));
    assert.ok(report.includes('- Line 1 (confrontation): “This is stupid.” — met with directive talk at line 2: “You need to listen.”\n'));
    assert.ok(report.includes('- Line 3 (withdrawal): “Fine.” — unaddressed within three therapist turns\n'));
  });
});
