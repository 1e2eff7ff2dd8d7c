import * as assert from 'assert';
import { chartModel } from '../../../src/core/trends/chart-model';
import { svgChart, svgChartTree } from '../../../src/core/trends/svg-chart';
import { svgMarkup, svgNode, type SvgNode } from '../../../src/core/trends/svg-tree';
import { trendScore } from '../../../src/core/trends/trend-scores';
import { buildTrends } from '../../../src/core/trends/trends';
import type { Analysis } from '../../../src/core/types';
import { trendsModel } from '../../../src/extension/sessions/trendsModel';
import { fromTrendsWebview, toTrendsWebview } from '../../../src/shared/trends-protocol';
import { analysisOf, session } from '../summary/fixture';

function analysis(file: string, metadata: Record<string, string>, allianceIndex: number): Analysis {
  const result = analysisOf(session([['therapist', 'Hello.'], ['client', 'Hi.']]), file);
  result.metadata = metadata;
  result.summary = { ...result.summary, allianceIndex, reflectionToQuestion: allianceIndex / 50 };
  return result;
}

const report = buildTrends([
  analysis('b.txt', { therapist: 'Ana', date: '2026-03-08', session: '2' }, 60),
  analysis('x.txt', { therapist: 'Ben', date: '2026-01-01', session: '1' }, 20),
  analysis('a.txt', { therapist: 'Ana', date: '2026-03-01', session: '1' }, 40),
  analysis('c.txt', { therapist: 'Ana', date: '2026-03-15', session: '3' }, 55),
]);

function find(node: SvgNode, accept: (candidate: SvgNode) => boolean): SvgNode[] {
  return [...(accept(node) ? [node] : []), ...node.children.flatMap((child) => (typeof child === 'string' ? [] : find(child, accept)))];
}

describe('trend panel: the chart tree shared with the HTML report', () => {
  it('serialises to the report\'s markup, escaping text and attributes', () => {
    assert.strictEqual(svgMarkup(svgNode('g', { 'aria-label': 'a "b" <c>' }, svgNode('text', {}, '<script>&'))), '<g aria-label="a &quot;b&quot; &lt;c&gt;">\n<text>&lt;script&gt;&amp;</text>\n</g>');
    const chart = chartModel(trendScore('allianceIndex'), report.groups[0].sessions);
    assert.strictEqual(svgChart(chart, 'c'), svgMarkup(svgChartTree(chart, { id: 'c' })));
  });

  it('in the report, points are plain dots in an image; in the panel, focusable buttons naming their session', () => {
    const chart = chartModel(trendScore('reflectionToQuestion'), report.groups[0].sessions);
    const still = svgChartTree(chart, { id: 'r' });
    assert.strictEqual(still.attributes.role, 'img');
    assert.deepStrictEqual(find(still, (node) => 'tabindex' in node.attributes), []);

    const names = ['Session 1 (2026-03-01, a.txt)', 'Session 2 (2026-03-08, b.txt)', 'Session 3 (2026-03-15, c.txt)'];
    const live = svgChartTree(chart, { id: 'r', sessionNames: names });
    assert.strictEqual(live.attributes.role, 'group', 'an image would hide its buttons from screen readers');
    const points = find(live, (node) => node.attributes.role === 'button');
    assert.deepStrictEqual(points.map((point) => [point.attributes.tabindex, point.attributes['data-session']]), [['0', '0'], ['0', '1'], ['0', '2']]);
    assert.strictEqual(points[1].attributes['aria-label'], 'Session 2 (2026-03-08, b.txt), Reflection-to-question ratio: 1.2:1. Open the transcript.');
    assert.strictEqual(find(live, (node) => node.attributes.class === 'threshold').length, 2, 'the MITI fair and good lines');
  });
});

describe('trend panel: its model', () => {
  it('shows the largest group unless another is chosen, and a chosen group that is gone falls back to the largest', () => {
    const source = { report, problems: [], incomplete: null };
    assert.strictEqual(trendsModel(source, 'sessions').selected, 'Ana');
    assert.strictEqual(trendsModel(source, 'sessions', 'Ben').selected, 'Ben');
    assert.strictEqual(trendsModel(source, 'sessions', 'Cleo').selected, 'Ana');
    assert.deepStrictEqual(trendsModel(source, 'sessions').groups[0].sessions.map((s) => s.file), ['a.txt', 'b.txt', 'c.txt']);
    assert.strictEqual(trendsModel({ report: { groups: [] }, problems: [], incomplete: null }, 'empty').selected, null);
  });

  it('crosses the webview boundary intact, and the webview may only name sessions, not paths to open', () => {
    const state = trendsModel({ report, problems: ['z.txt: unreadable'], incomplete: 'Stopped after 4 of 9 files.' }, 'sessions');
    const parsed = toTrendsWebview.safeParse({ type: 'state', state });
    assert.ok(parsed.success);
    assert.deepStrictEqual(parsed.data.state, state);
    assert.ok(!toTrendsWebview.safeParse({ type: 'state', state: { ...state, groups: [{ key: 'x', sessions: [{ file: 1 }] }] } }).success);
    assert.ok(fromTrendsWebview.safeParse({ type: 'openSession', file: 'a.txt' }).success);
    assert.ok(!fromTrendsWebview.safeParse({ type: 'openSession', uri: 'file:///etc/passwd' }).success);
  });
});
