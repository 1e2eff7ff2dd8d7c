import * as assert from 'assert';
import { automaticSide, compareCoders, type CoderSide } from '../../../src/core/annotations/agreement';
import { createAnchor } from '../../../src/core/annotations/anchor';
import { codersIn, humanCodeCounts, humanCodesByUtterance } from '../../../src/core/annotations/human-codes';
import { addAnnotation, decide } from '../../../src/core/annotations/sidecar-edits';
import { emptySidecar } from '../../../src/core/annotations/sidecar';

/** Builds two coders' present/absent decisions on one code from a 2×2 table of counts, in table order. */
function fromTable(code: string, table: { both: number; onlyA: number; onlyB: number; neither: number }) {
  const a = new Map<number, Set<string>>();
  const b = new Map<number, Set<string>>();
  const units: Array<{ index: number; line: number }> = [];
  const cells: Array<[number, boolean, boolean]> = [[table.both, true, true], [table.onlyA, true, false], [table.onlyB, false, true], [table.neither, false, false]];
  for (const [count, inA, inB] of cells) {
    for (let i = 0; i < count; i++) {
      const index = units.length;
      units.push({ index, line: index + 1 });
      a.set(index, new Set(inA ? [code] : []));
      b.set(index, new Set(inB ? [code] : []));
    }
  }
  return { units, a: { name: 'A', codes: a } as CoderSide, b: { name: 'B', codes: b } as CoderSide };
}

describe('annotations: agreement between coders', () => {
  // Worked examples from Wikipedia, "Cohen's kappa" (section "Examples": "Simple example" and "Same percentages
  // but different numbers"), https://en.wikipedia.org/wiki/Cohen%27s_kappa:
  //   50 proposals, both yes 20, A yes B no 5, A no B yes 10, both no 15 → p_o = 0.7, p_e = 0.5, κ = 0.4.
  //   100 items, 45 / 15 / 25 / 15 → κ = 0.1304; 100 items, 25 / 35 / 5 / 35 → κ = 0.2593 (both 60% agreement).
  const examples = [
    { table: { both: 20, onlyA: 5, onlyB: 10, neither: 15 }, kappa: 0.4, percent: 70 },
    { table: { both: 45, onlyA: 15, onlyB: 25, neither: 15 }, kappa: 0.1304, percent: 60 },
    { table: { both: 25, onlyA: 35, onlyB: 5, neither: 35 }, kappa: 0.2593, percent: 60 },
  ];
  for (const { table, kappa, percent } of examples) {
    it(`matches the worked example ${table.both}/${table.onlyA}/${table.onlyB}/${table.neither}: kappa ${kappa}, ${percent}%`, () => {
      const { units, a, b } = fromTable('talk.change', table);
      const report = compareCoders(units, a, b);
      const entry = report.perCode[0]!;
      assert.strictEqual(entry.code, 'talk.change');
      assert.ok(Math.abs(entry.kappa! - kappa) < 5e-5, `kappa ${entry.kappa}`);
      assert.ok(Math.abs(entry.percent - percent) < 1e-9);
      assert.deepStrictEqual([entry.both, entry.onlyA, entry.onlyB, entry.neither], [table.both, table.onlyA, table.onlyB, table.neither]);
      assert.strictEqual(report.disagreements.length, table.onlyA + table.onlyB);
    });
  }

  it('pools every (utterance, code) decision for the overall figure and lists disagreements by line', () => {
    const units = [{ index: 0, line: 2 }, { index: 1, line: 5 }, { index: 2, line: 9 }];
    const a: CoderSide = { name: 'ana', codes: new Map([[0, new Set(['x', 'y'])], [1, new Set(['x'])]]) };
    const b: CoderSide = { name: 'ben', codes: new Map([[0, new Set(['x'])], [2, new Set(['y'])]]) };
    const report = compareCoders(units, a, b);
    assert.deepStrictEqual(report.perCode.map((e) => e.code), ['x', 'y']);
    // x: present/present, present/absent, absent/absent; y: present/absent, absent/absent, absent/present.
    assert.strictEqual(report.overall.percent, 50);
    assert.deepStrictEqual(report.disagreements.map((d) => [d.line, d.code, d.codedBy]), [[2, 'y', 'a'], [5, 'x', 'a'], [9, 'y', 'b']]);
    // alpha: values p,p,a / p,a,a → n = 6, n_present = n_absent = 3, one disagreeing unit → 1 − 5·2 / (3·3·2).
    assert.deepStrictEqual(report.perCode[0], { code: 'x', units: 3, kappa: 0.4, alpha: 1 - 10 / 18, percent: 200 / 3, both: 1, onlyA: 1, onlyB: 0, neither: 1 });
  });

  it('reports kappa as n/a when it is undefined rather than dividing by zero', () => {
    const units = [{ index: 0, line: 1 }, { index: 1, line: 2 }];
    const same: CoderSide = { name: 'a', codes: new Map([[0, new Set(['x'])], [1, new Set(['x'])]]) };
    const report = compareCoders(units, same, { ...same, name: 'b' });
    assert.strictEqual(report.perCode[0]!.kappa, null);
    assert.strictEqual(report.perCode[0]!.percent, 100);
  });

  it('turns a sidecar into each coder\'s codes per utterance, with accepted and replaced findings, not rejected ones', () => {
    const text = 'T: One. C: Two. T: Three.';
    const utterances = [{ index: 0, start: 3, end: 7 }, { index: 1, start: 11, end: 15 }, { index: 2, start: 19, end: 25 }];
    let sidecar = addAnnotation(emptySidecar('s'), { coder: 'ana', codes: ['talk.change'], anchor: createAnchor(text, 3, 15, utterances) });
    sidecar = decide(sidecar, { coder: 'ben', rule: 'r1', code: 'question.open', verdict: 'accept', anchor: createAnchor(text, 19, 25, utterances) });
    sidecar = decide(sidecar, { coder: 'ben', rule: 'r2', code: 'directive.command', verdict: 'reject', anchor: createAnchor(text, 3, 7, utterances) });
    sidecar = decide(sidecar, { coder: 'ana', rule: 'r1', code: 'question.open', verdict: 'replace', replacement: ['question.closed'], anchor: createAnchor(text, 19, 25, utterances) });
    sidecar = { ...sidecar, annotations: [...sidecar.annotations, { ...sidecar.annotations[0]!, id: 'gone', codes: ['rupture.withdrawal'], orphaned: true }] };
    const byCoder = humanCodesByUtterance(sidecar, utterances);
    assert.deepStrictEqual(codersIn(sidecar), ['ana', 'ben']);
    assert.deepStrictEqual([...byCoder.get('ana')!].map(([i, codes]) => [i, [...codes]]), [[0, ['talk.change']], [1, ['talk.change']], [2, ['question.closed']]]);
    assert.deepStrictEqual([...byCoder.get('ben')!].map(([i, codes]) => [i, [...codes]]), [[2, ['question.open']]]);
    assert.deepStrictEqual(humanCodeCounts(byCoder), { 'talk.change': 2, 'question.closed': 1, 'question.open': 1 });
    const report = compareCoders(utterances.map((u) => ({ index: u.index, line: u.index + 1 })), { name: 'ana', codes: byCoder.get('ana')! },
      automaticSide([{ index: 0, codes: ['talk.change'] }, { index: 1, codes: [] }, { index: 2, codes: ['question.closed'] }]));
    assert.strictEqual(report.coders[1], 'automatic');
    assert.deepStrictEqual(report.disagreements.map((d) => [d.utterance, d.code, d.codedBy]), [[1, 'talk.change', 'a']]);
  });
});
