import * as assert from 'assert';
import { Analyzer } from '../../../src/core/analyzer';
import { ALLIANCE_INDEX, ALLIANCE_INDEX_FORMULA, sessionIndexBreakdown, topMoments } from '../../../src/core/summary';
import { buildSummaryModel } from '../../../src/extension/summary/panelModel';
import { editorFixture } from './fixtures';
import { summaryModel } from '../../../src/shared/protocol';

const text = editorFixture('session.transcript');

const graded = (ratio: number | null) => (ratio === null ? null : `${ratio.toFixed(1)}:1`);

const helpers = { topMoments, allianceIndexFormula: ALLIANCE_INDEX_FORMULA, indexBreakdown: sessionIndexBreakdown };

describe('Summary panel model', () => {
  const analysis = new Analyzer().analyze(text, { fileName: '/work/sessions/session.transcript' });
  const model = buildSummaryModel(analysis, helpers);

  it('passes the protocol schema the webview checks', () => {
    const parsed = summaryModel.safeParse(model);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  });

  it('shows the file name and every speaker with its role', () => {
    assert.strictEqual(model.fileName, 'session.transcript');
    assert.deepStrictEqual(model.speakers, analysis.speakers);
    assert.ok(model.speakers.length >= 2);
  });

  it('carries the index, its formula, the balance and the talk from the summary', () => {
    assert.strictEqual(model.allianceIndex, Math.round(analysis.summary.allianceIndex));
    assert.strictEqual(model.allianceIndexFormula, ALLIANCE_INDEX_FORMULA);
    assert.deepStrictEqual(model.balance, { collaborative: analysis.summary.collaborative, directive: analysis.summary.directive });
    assert.strictEqual(model.talk.clientWords, analysis.summary.clientWords);
  });

  it('formats the MITI scores with their bands when they agree with experts', () => {
    const graded = buildSummaryModel(analysis, helpers, () => true);
    const ratio = graded.scores.find((score) => score.id === 'reflectionToQuestion');
    assert.strictEqual(ratio?.estimate, null);
    const { reflectionToQuestion } = analysis.summary;
    assert.strictEqual(ratio?.value, reflectionToQuestion === null ? null : `${reflectionToQuestion.toFixed(1)}:1`);
    assert.strictEqual(ratio?.band, analysis.summary.bands.reflectionToQuestion);
    const complex = graded.scores.find((score) => score.id === 'percentComplexReflections');
    const { percentComplexReflections } = analysis.summary;
    assert.strictEqual(complex?.value, percentComplexReflections === null ? null : `${Math.round(percentComplexReflections)}%`);
  });

  it('marks a score that does not agree with experts as an estimate, with its agreement, and gives it no band', () => {
    const ungraded = buildSummaryModel(analysis, helpers, (id) => id !== 'reflectionToQuestion');
    const ratio = ungraded.scores.find((score) => score.id === 'reflectionToQuestion');
    assert.strictEqual(ratio?.band, null);
    assert.match(ratio?.estimate ?? '', /^Estimate, not graded: .* ICC -?\d\.\d\d on held-out sessions; a MITI band needs 0\.60\.$/);
    // The panel shows one short line; the sentence above is its tooltip.
    assert.match(ratio?.estimateBrief ?? '', /^agrees with experts ICC -?\d\.\d\d$/);
    assert.strictEqual(ratio?.value, graded(analysis.summary.reflectionToQuestion));
    const complex = ungraded.scores.find((score) => score.id === 'percentComplexReflections');
    assert.strictEqual(complex?.estimate, null);
    assert.strictEqual(complex?.estimateBrief, null);
    assert.strictEqual(complex?.band, analysis.summary.bands.percentComplexReflections);
  });

  it('lists this session\'s index components and their points, which add up to the index', () => {
    const parts = model.allianceIndexParts;
    assert.ok(parts);
    assert.deepStrictEqual(parts.terms.map((term) => [term.label, term.weight]), ALLIANCE_INDEX.terms.map((term) => [term.label, term.weight]));
    const sum = parts.terms.reduce((total, term) => total + term.points, parts.base);
    // Each term is rounded to a tenth, so the sum may drift by a few tenths from the unrounded raw value.
    assert.ok(Math.abs(sum - parts.raw) < 0.5, `${sum} vs ${parts.raw}`);
    assert.strictEqual(Math.round(Math.min(100, Math.max(0, parts.raw))), model.allianceIndex);
    for (const term of parts.terms) assert.match(term.value, /^-?\d+\.\d\d$/);
  });

  it('lists the top moments and the ruptures by line', () => {
    const moments = topMoments(analysis.utterances, 3);
    assert.deepStrictEqual(model.moments.directive.map((moment) => moment.line), moments.directive.map((moment) => moment.line));
    assert.deepStrictEqual(model.moments.collaborative.map((moment) => moment.utteranceIndex), moments.collaborative.map((moment) => moment.utteranceIndex));
    assert.deepStrictEqual(model.ruptures.map((rupture) => rupture.line), analysis.summary.ruptureEvents.map((event) => event.line));
    assert.strictEqual(model.timeline.length, analysis.summary.timeline.length);
  });
});
