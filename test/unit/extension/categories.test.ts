import * as assert from 'assert';
import { findingsAt, highlightRanges, type HighlightToggles } from '../../../src/extension/decorations/categories';
import { analysis, finding, utterance } from './analysis-builder';

const ALL_ON: HighlightToggles = { collaborative: true, directive: true, rupture: true, question: true, reflection: true };

const sample = analysis([
  utterance(0, 0, 40, {
    question: 'open', codes: ['collaborative.permission', 'question.open'],
    findings: [finding('collaborative.permission.may-i', 'collaborative.permission', 'collaborative', 5, 15), finding('question.open.what', 'question.open', 'neutral', 20, 24)],
  }),
  utterance(1, 41, 60, { role: 'client', codes: ['rupture.withdrawal'], findings: [] }),
  utterance(2, 61, 100, {
    reflection: 'simple', codes: ['directive.command', 'reflection.simple'],
    findings: [finding('directive.command.imperative', 'directive.command', 'directive', 80, 90), finding('directive.persuade.should', 'directive.persuade', 'directive', 62, 70)],
  }),
  utterance(3, 101, 120, { role: 'client', codes: ['rupture.confrontation'], findings: [finding('rupture.confrontation.pointless', 'rupture.confrontation', 'neutral', 105, 115)] }),
]);

describe('highlightRanges', () => {
  it('puts each finding in its category, sorted by start', () => {
    const ranges = highlightRanges(sample, ALL_ON);
    assert.deepStrictEqual(ranges.collaborative, [{ start: 5, end: 15 }]);
    assert.deepStrictEqual(ranges.directive, [{ start: 62, end: 70 }, { start: 80, end: 90 }]);
  });

  it('marks a rupture finding, or the whole turn when the rupture code has no located finding', () => {
    assert.deepStrictEqual(highlightRanges(sample, ALL_ON).rupture, [{ start: 41, end: 60 }, { start: 105, end: 115 }]);
  });

  it('marks questions and reflections over the whole utterance', () => {
    const ranges = highlightRanges(sample, ALL_ON);
    assert.deepStrictEqual(ranges.question, [{ start: 0, end: 40 }]);
    assert.deepStrictEqual(ranges.reflection, [{ start: 61, end: 100 }]);
  });

  it('leaves categories that are switched off empty', () => {
    const ranges = highlightRanges(sample, { ...ALL_ON, directive: false, question: false });
    assert.deepStrictEqual(ranges.directive, []);
    assert.deepStrictEqual(ranges.question, []);
    assert.strictEqual(ranges.collaborative.length, 1);
  });
});

describe('findingsAt', () => {
  it('finds the highlighted findings under an offset, with their utterance', () => {
    const hits = findingsAt(sample, 85);
    assert.deepStrictEqual(hits.map((hit) => [hit.finding.rule, hit.utterance.index]), [['directive.command.imperative', 2]]);
  });

  it('finds nothing between findings', () => {
    assert.deepStrictEqual(findingsAt(sample, 75), []);
  });
});
