// Agreement that means something: each code over the utterances of its role, and against the automatic codes only
// over what the person reviewed. The fixture below is small enough to work out by hand (figures in the comments).
import * as assert from 'assert';
import { automaticSide, compareCoders, MIN_UNITS_FOR_RELIABILITY, type CoderSide } from '../../../src/core/annotations/agreement';
import { createAnchor } from '../../../src/core/annotations/anchor';
import { roleOfCode } from '../../../src/core/annotations/code-roles';
import { humanCodesByUtterance, reviewedUtterances } from '../../../src/core/annotations/human-codes';
import { addAnnotation, decide } from '../../../src/core/annotations/sidecar-edits';
import { emptySidecar } from '../../../src/core/annotations/sidecar';
import { formatAgreementMarkdown } from '../../../src/core/reports/annotations';
import type { Role } from '../../../src/core/types';

// Ten utterances, therapist and client in turn: "T0: … C1: … T2: …", each 8 characters long.
const TEXT = Array.from({ length: 10 }, (_, i) => `${i % 2 ? 'C' : 'T'}${i}: word.`).join(' ');
const utterances = Array.from({ length: 10 }, (_, i) => {
  const start = TEXT.indexOf(`${i % 2 ? 'C' : 'T'}${i}:`) + 4;
  return { index: i, line: i + 1, start, end: start + 5, role: (i % 2 ? 'client' : 'therapist') as Role };
});
const at = (index: number) => createAnchor(TEXT, utterances[index]!.start, utterances[index]!.end, utterances);

// The automatic codes: open questions on T0 and T6, a command on T2, a closed question on T4, a reflection on T8,
// change talk on C1 and a withdrawal on C5.
const automatic = automaticSide(utterances.map((u) => ({
  index: u.index,
  codes: ({ 0: ['question.open'], 1: ['talk.change'], 2: ['directive.command'], 4: ['question.closed'], 5: ['rupture.withdrawal'], 6: ['question.open'], 8: ['reflection.simple'] } as Record<number, string[]>)[u.index] ?? [],
})));

// Ana accepted the open question on T0, rejected the command on T2 and coded C5 a withdrawal herself. Ben coded
// something on another transcript line, to show other coders' work does not count as Ana's review.
let sidecar = decide(emptySidecar('s'), { coder: 'ana', rule: 'r.open', code: 'question.open', verdict: 'accept', anchor: at(0) });
sidecar = decide(sidecar, { coder: 'ana', rule: 'r.command', code: 'directive.command', verdict: 'reject', anchor: at(2) });
sidecar = addAnnotation(sidecar, { coder: 'ana', codes: ['rupture.withdrawal'], anchor: at(5) });
sidecar = addAnnotation(sidecar, { coder: 'ben', codes: ['talk.sustain'], anchor: at(7) });
const ana: CoderSide = { name: 'ana', codes: humanCodesByUtterance(sidecar, utterances).get('ana')! };
const roleOf = (code: string) => roleOfCode(code);

describe('annotations: agreement by role and by coverage', () => {
  it('knows whose utterances a code describes, following a user code\'s parents', () => {
    assert.strictEqual(roleOfCode('question.open'), 'therapist');
    assert.strictEqual(roleOfCode('repair.acknowledge'), 'therapist');
    assert.strictEqual(roleOfCode('talk.change'), 'client');
    assert.strictEqual(roleOfCode('rupture.withdrawal'), 'client');
    assert.strictEqual(roleOfCode('hope'), null);
    const parents: Record<string, string> = { 'my.hope': 'talk.change', 'my.deeper': 'my.hope', loop: 'loop2', loop2: 'loop' };
    assert.strictEqual(roleOfCode('my.deeper', (code) => parents[code]), 'client');
    assert.strictEqual(roleOfCode('loop', (code) => parents[code]), null, 'a cycle ends the search');
  });

  it('counts as reviewed what the person coded, accepted or rejected, and nobody else\'s work', () => {
    assert.deepStrictEqual([...reviewedUtterances(sidecar, utterances, 'ana')].sort(), [0, 2, 5]);
    const orphaned = { ...sidecar, annotations: sidecar.annotations.map((a) => ({ ...a, orphaned: true })) };
    assert.deepStrictEqual([...reviewedUtterances(orphaned, utterances, 'ana')].sort(), [0, 2]);
  });

  it('against the automatic codes, compares only the reviewed utterances of each code\'s role (worked by hand)', () => {
    const report = compareCoders(utterances, ana, automatic, { roleOf, reviewed: reviewedUtterances(sidecar, utterances, 'ana') });
    assert.deepStrictEqual(report.coverage, { compared: 3, total: 10, scope: 'reviewed' });
    const byCode = Object.fromEntries(report.perCode.map((entry) => [entry.code, entry]));
    assert.deepStrictEqual(Object.keys(byCode), ['directive.command', 'question.open', 'rupture.withdrawal']);
    // Open question over T0, T2: ana p,a; automatic p,a → 100 %, kappa 1, alpha 1.
    assert.deepStrictEqual(byCode['question.open'], { code: 'question.open', units: 2, kappa: 1, alpha: 1, percent: 100, both: 1, onlyA: 0, onlyB: 0, neither: 1 });
    // Command over T0, T2: ana a,a; automatic a,p → 50 %; p_o = p_e = 0.5 → kappa 0; alpha 1 − 3·2/(3·1·2) = 0.
    assert.deepStrictEqual(byCode['directive.command'], { code: 'directive.command', units: 2, kappa: 0, alpha: 0, percent: 50, both: 0, onlyA: 0, onlyB: 1, neither: 1 });
    // Withdrawal over C5 alone: both present; one value throughout → kappa and alpha undefined.
    assert.deepStrictEqual(byCode['rupture.withdrawal'], { code: 'rupture.withdrawal', units: 1, kappa: null, alpha: null, percent: 100, both: 1, onlyA: 0, onlyB: 0, neither: 0 });
    assert.deepStrictEqual(report.disagreements.map((d) => [d.line, d.code, d.codedBy]), [[3, 'directive.command', 'b']]);
    // Pooled: 5 decisions, 4 agree.
    assert.strictEqual(report.overall.percent, 80);
    assert.ok(report.warnings.some((warning) => warning.includes(`Only 3 utterances reviewed out of 10`)), report.warnings.join(' | '));
  });

  it('over every utterance, still keeps therapist codes to therapist turns and client codes to client turns', () => {
    const report = compareCoders(utterances, ana, automatic, { roleOf });
    assert.deepStrictEqual(report.coverage, { compared: 10, total: 10, scope: 'all' });
    for (const entry of report.perCode) assert.strictEqual(entry.units, 5, `${entry.code} over 5 utterances of its role`);
    const open = report.perCode.find((entry) => entry.code === 'question.open')!;
    // T0, T2, T4, T6, T8: ana p,a,a,a,a; automatic p,a,a,p,a → 80 %.
    assert.deepStrictEqual([open.both, open.onlyA, open.onlyB, open.neither, open.percent], [1, 0, 1, 3, 80]);
    for (const disagreement of report.disagreements) {
      assert.strictEqual(utterances[disagreement.utterance]!.role, roleOfCode(disagreement.code), `${disagreement.code} on utterance ${disagreement.utterance}`);
    }
  });

  it('without roles, counts every utterance for every code (the old, inflated figure), so the difference is real', () => {
    const report = compareCoders(utterances, ana, automatic);
    const open = report.perCode.find((entry) => entry.code === 'question.open')!;
    assert.strictEqual(open.units, 10);
    assert.strictEqual(open.neither, 8);
  });

  it('warns about codes compared over too few utterances even when the session is large enough', () => {
    const many = Array.from({ length: 2 * MIN_UNITS_FOR_RELIABILITY + 2 }, (_, i) => ({ index: i, line: i + 1, role: (i ? 'therapist' : 'client') as Role }));
    const a: CoderSide = { name: 'a', codes: new Map([[0, new Set(['talk.change'])], [1, new Set(['question.open'])]]) };
    const b: CoderSide = { name: 'b', codes: new Map([[0, new Set(['talk.change'])], [2, new Set(['question.open'])]]) };
    const report = compareCoders(many, a, b, { roleOf });
    assert.strictEqual(report.warnings.length, 1);
    assert.match(report.warnings[0]!, /Change talk/);
    assert.doesNotMatch(report.warnings[0]!, /Open question/);
  });

  it('states the coverage and the caution in the Markdown report, with code names', () => {
    const report = compareCoders(utterances, ana, automatic, { roleOf, reviewed: reviewedUtterances(sidecar, utterances, 'ana') });
    const markdown = formatAgreementMarkdown(report, { title: 'Agreement: s', link: (line) => `s#L${line}` });
    assert.match(markdown, /Compared: 3 of 10 utterances, only the utterances ana reviewed/);
    assert.match(markdown, /> \*\*Caution:\*\* Only 3 utterances reviewed out of 10/);
    assert.match(markdown, /Krippendorff's alpha/);
    assert.match(markdown, /\| Command \| 2 \| 0\.000 \| 0\.000 \| 50\.0% \|/);
    assert.doesNotMatch(markdown, /directive\.command/);
  });
});
