import * as assert from 'assert';
import { ALLIANCE_INDEX, ALLIANCE_INDEX_FORMULA, allianceIndexOf, describeFormula, explainIndex, indexComponents, sessionIndexBreakdown, type IndexComponents, type IndexFormula } from '../../../src/core/summary';
import { emptyParsed, summarizeSession, supervisionSession } from './fixture';
import { emptyCounts } from '../../../src/core/summary/counts';
import type { RuptureEvent } from '../../../src/core/types';

const zero: IndexComponents = {
  reflections: 0, advice: 0, closedQuestions: 0, collaborative: 0, directive: 0,
  clientTalkShareAboveHalf: 0, changeOverSustain: 0, unrepairedRuptures: 0,
};

const toyFormula: IndexFormula = {
  base: 50, min: 0, max: 100, calibration: 'a toy formula for the test',
  excluded: [{ component: 'closedQuestions', direction: -1, label: 'closed questions', reason: 'a reason' }],
  terms: [
    { component: 'reflections', weight: 100, label: 'reflections per therapist turn' },
    { component: 'directive', weight: -80, label: 'directive turns per therapist turn' },
    { component: 'unrepairedRuptures', weight: -5, label: 'unrepaired ruptures' },
  ],
};

describe('summary: alliance index formula', () => {
  it('adds weighted components to the base and rounds to one decimal', () => {
    // 50 + 100 × 0.25 − 80 × 0.1 − 5 × 1 = 50 + 25 − 8 − 5 = 62
    assert.strictEqual(allianceIndexOf({ ...zero, reflections: 0.25, directive: 0.1, unrepairedRuptures: 1 }, toyFormula), 62);
    // 50 + 100 × 1/3 = 83.333… → 83.3
    assert.strictEqual(allianceIndexOf({ ...zero, reflections: 1 / 3 }, toyFormula), 83.3);
  });

  it('clamps to 0..100', () => {
    // 50 − 80 × 1 − 5 × 2 = −40 → 0; 50 + 100 × 1 = 150 → 100
    assert.strictEqual(allianceIndexOf({ ...zero, directive: 1, unrepairedRuptures: 2 }, toyFormula), 0);
    assert.strictEqual(allianceIndexOf({ ...zero, reflections: 1 }, toyFormula), 100);
  });

  it('lists each term\'s value and points, which add up to the index', () => {
    const breakdown = explainIndex({ ...zero, reflections: 0.25, directive: 0.1, unrepairedRuptures: 1 }, toyFormula);
    assert.deepStrictEqual(breakdown.contributions.map(({ component, value, weight, points }) => [component, value, weight, points]), [
      ['reflections', 0.25, 100, 25],
      ['directive', 0.1, -80, -8],
      ['unrepairedRuptures', 1, -5, -5],
    ]);
    assert.deepStrictEqual([breakdown.base, breakdown.raw, breakdown.index], [50, 62, 62]);
    // Over the top: the raw sum is kept, the index is clamped.
    const high = explainIndex({ ...zero, reflections: 1 }, toyFormula);
    assert.deepStrictEqual([high.raw, high.index], [150, 100]);
  });

  it('breaks down a whole session into the index its summary reports', () => {
    const summary = summarizeSession(emptyParsed, supervisionSession);
    const breakdown = sessionIndexBreakdown(supervisionSession, summary.ruptureEvents);
    assert.strictEqual(breakdown.index, summary.allianceIndex);
    assert.deepStrictEqual(breakdown.contributions.map((term) => term.component), ALLIANCE_INDEX.terms.map((term) => term.component));
    // Two reflections in six therapist turns, at 50 points each: 16.7 points.
    const reflections = breakdown.contributions.find((term) => term.component === 'reflections');
    assert.strictEqual(Math.round((reflections?.points ?? 0) * 10) / 10, 16.7);
  });

  it('scores all-zero components at the base', () => {
    assert.strictEqual(allianceIndexOf(zero), ALLIANCE_INDEX.base);
  });

  it('describes the formula one term a line, with signs', () => {
    assert.strictEqual(describeFormula(toyFormula), [
      'allianceIndex = 50',
      '  + 100 × reflections per therapist turn',
      '  − 80 × directive turns per therapist turn',
      '  − 5 × unrepaired ruptures',
      'clamped to 0..100. Higher = more alliance-supportive therapist language.',
      'Weights: a toy formula for the test.',
      'Not weighted:',
      '  closed questions: a reason.',
    ].join('\n'));
  });

  it('exports the description of the formula in use', () => {
    assert.strictEqual(ALLIANCE_INDEX_FORMULA, describeFormula(ALLIANCE_INDEX));
    for (const term of ALLIANCE_INDEX.terms) assert.ok(ALLIANCE_INDEX_FORMULA.includes(term.label), term.label);
  });

  it('weights each component once, and excludes only components it does not weight', () => {
    const weighted = ALLIANCE_INDEX.terms.map((term) => term.component);
    assert.strictEqual(new Set(weighted).size, weighted.length);
    for (const item of ALLIANCE_INDEX.excluded) assert.ok(!weighted.includes(item.component), item.component);
  });

  it('counts ruptures met with directive talk and unaddressed ones as unrepaired', () => {
    const event = (status: RuptureEvent['status']): RuptureEvent =>
      ({ kind: 'withdrawal', utteranceIndex: 0, line: 1, status, responseIndex: null, responseLine: null });
    const components = indexComponents(emptyCounts(), [event('repaired'), event('met-with-directive'), event('unaddressed')]);
    assert.strictEqual(components.unrepairedRuptures, 2);
    // No therapist turns and no words: every rate is 0 rather than undefined.
    assert.deepStrictEqual({ ...components, unrepairedRuptures: 0 }, zero);
  });
});
