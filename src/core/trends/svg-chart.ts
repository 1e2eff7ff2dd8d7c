// A trend chart as SVG, for the HTML report and the editor's trend panel alike. Hand-written rather than a chart
// library: one line, a few ticks and two dashed thresholds are about a hundred lines, while Observable Plot brings d3
// and needs a DOM (jsdom) to render in Node. No script, no external resource, no colour (classes only, so each front
// end styles it for its theme); <title> and <desc> give screen readers the chart in words, and a table beside it
// gives the same numbers.
import type { ChartModel } from './chart-model';
import { svgMarkup, svgNode, type SvgNode } from './svg-tree';

const WIDTH = 420;
const HEIGHT = 190;
/** The right margin holds the thresholds' labels; a chart without thresholds gives that room to its line. */
const MARGIN = { left: 48, right: 110, top: 14, bottom: 30 };
const RIGHT_WITHOUT_THRESHOLDS = 16;

export interface SvgChartOptions {
  /** Prefix of the ids the chart's title and description get; unique within the page. */
  id: string;
  /** One name per session ("Session 3 (2026-02-09, …)"): the points become keyboard-focusable buttons that carry
   * their session's position in data-session, for a front end that opens the session when one is pressed. */
  sessionNames?: readonly string[];
}

export function svgChart(chart: ChartModel, id: string): string {
  return svgMarkup(svgChartTree(chart, { id }));
}

export function svgChartTree(chart: ChartModel, options: SvgChartOptions): SvgNode {
  const { id, sessionNames } = options;
  const plotWidth = WIDTH - MARGIN.left - (chart.thresholds.length > 0 ? MARGIN.right : RIGHT_WITHOUT_THRESHOLDS);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const count = chart.values.length;
  const x = (index: number) => MARGIN.left + (count === 1 ? plotWidth / 2 : (index * plotWidth) / (count - 1));
  const y = (value: number) => MARGIN.top + plotHeight - ((clamp(value, chart.min, chart.max) - chart.min) / (chart.max - chart.min || 1)) * plotHeight;
  const n = (value: number) => `${Math.round(value * 10) / 10}`;
  const across = (className: string, at: number) => svgNode('line', { class: className, x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: n(at), y2: n(at) });

  const grid = chart.ticks.flatMap((tick) => [
    across('grid', y(tick)),
    svgNode('text', { class: 'tick', x: MARGIN.left - 6, y: n(y(tick) + 4), 'text-anchor': 'end' }, chart.format(tick)),
  ]);
  const thresholds = chart.thresholds.flatMap((threshold) => [
    across('threshold', y(threshold.value)),
    svgNode('text', { class: 'threshold-label', x: MARGIN.left + plotWidth + 6, y: n(y(threshold.value) + 4) }, threshold.label),
  ]);
  const labels = chart.labels.map((label, index) => svgNode('text', { class: 'tick', x: n(x(index)), y: HEIGHT - 10, 'text-anchor': 'middle' }, label));
  const lines = runs(chart.values).map((run) => svgNode('polyline', { class: 'line', points: run.map((index) => `${n(x(index))},${n(y(chart.values[index] as number))}`).join(' ') }));
  const points = chart.values.flatMap((value, index) => {
    if (value === null) return [];
    const words = `${chart.labels[index]}: ${chart.format(value)}`;
    const dot = (radius: number) => svgNode('circle', { class: 'point', cx: n(x(index)), cy: n(y(value)), r: radius }, svgNode('title', {}, words));
    const name = sessionNames?.[index];
    if (name === undefined) return [dot(3.5)];
    // A larger, invisible target around the dot, so a point is easy to hit with the mouse.
    return [svgNode('g', { class: 'session-point', tabindex: 0, role: 'button', 'data-session': index, 'aria-label': `${name}, ${chart.title}: ${chart.format(value)}. Open the transcript.` },
      svgNode('circle', { class: 'hit', cx: n(x(index)), cy: n(y(value)), r: 11 }), dot(4.5))];
  });
  // A chart whose points are buttons is a group, not an image: an image's children are hidden from screen readers.
  return svgNode('svg', { xmlns: 'http://www.w3.org/2000/svg', class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: sessionNames ? 'group' : 'img', 'aria-labelledby': `${id}-title ${id}-desc` },
    svgNode('title', { id: `${id}-title` }, chart.estimate ? `${chart.title} (estimate)` : chart.title),
    svgNode('desc', { id: `${id}-desc` }, describeChart(chart)),
    ...grid, ...thresholds, ...lines, ...labels,
    svgNode('line', { class: 'axis', x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: MARGIN.top + plotHeight, y2: MARGIN.top + plotHeight }),
    // Points last, so they are drawn over the axis and labels and come in session order for the keyboard.
    ...points,
  );
}

/** The chart in words: every value in order, and the thresholds. */
export function describeChart(chart: ChartModel): string {
  const values = chart.values.map((value, index) => `${chart.labels[index]} ${value === null ? 'no value' : chart.format(value)}`).join(', ');
  const thresholds = chart.thresholds.length > 0
    ? ` Dashed lines: ${chart.thresholds.map((threshold) => threshold.label).join(', ')}${chart.estimate ? ', shown for reference only, not as a grade' : ''}.`
    : '';
  return `${chart.title} over ${chart.values.length} ${chart.values.length === 1 ? 'session' : 'sessions'}: ${values}.${thresholds}`;
}

/** Indexes of consecutive defined values: a session without a value breaks the line. */
function runs(values: readonly (number | null)[]): number[][] {
  const result: number[][] = [];
  let current: number[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) result.push(current);
      current = [];
    } else {
      current.push(index);
    }
  });
  if (current.length > 0) result.push(current);
  return result.filter((run) => run.length > 1);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
