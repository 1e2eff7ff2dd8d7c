// A trend chart as inline SVG for the HTML report. Hand-written rather than a chart library: one line, a few ticks
// and two dashed thresholds are about a hundred lines, while Observable Plot brings d3 and needs a DOM (jsdom) to
// render in Node. No script, no external resource; <title> and <desc> give screen readers the chart in words, and
// the report's table gives the same numbers.
// XML escaping is what inline SVG and HTML text and double-quoted attributes need.
import { escapeXml as escapeHtml } from '../../../core/annotations/xml';
import type { ChartModel } from './chart-model';

const WIDTH = 420;
const HEIGHT = 190;
const MARGIN = { left: 48, right: 110, top: 14, bottom: 30 };

export function svgChart(chart: ChartModel, id: string): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const count = chart.values.length;
  const x = (index: number) => MARGIN.left + (count === 1 ? plotWidth / 2 : (index * plotWidth) / (count - 1));
  const y = (value: number) => MARGIN.top + plotHeight - ((clamp(value, chart.min, chart.max) - chart.min) / (chart.max - chart.min || 1)) * plotHeight;
  const n = (value: number) => `${Math.round(value * 10) / 10}`;

  const grid = chart.ticks.map((tick) => `<line class="grid" x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${n(y(tick))}" y2="${n(y(tick))}"/>`
    + `<text class="tick" x="${MARGIN.left - 6}" y="${n(y(tick) + 4)}" text-anchor="end">${escapeHtml(chart.format(tick))}</text>`);
  const thresholds = chart.thresholds.map((threshold) => `<line class="threshold" x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${n(y(threshold.value))}" y2="${n(y(threshold.value))}"/>`
    + `<text class="threshold-label" x="${MARGIN.left + plotWidth + 6}" y="${n(y(threshold.value) + 4)}">${escapeHtml(threshold.label)}</text>`);
  const labels = chart.labels.map((label, index) => `<text class="tick" x="${n(x(index))}" y="${HEIGHT - 10}" text-anchor="middle">${escapeHtml(label)}</text>`);
  const lines = runs(chart.values).map((run) => `<polyline class="line" points="${run.map((index) => `${n(x(index))},${n(y(chart.values[index] as number))}`).join(' ')}"/>`);
  const points = chart.values.flatMap((value, index) => (value === null ? [] : [
    `<circle class="point" cx="${n(x(index))}" cy="${n(y(value))}" r="3.5"><title>${escapeHtml(`${chart.labels[index]}: ${chart.format(value)}`)}</title></circle>`,
  ]));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeHtml(chart.estimate ? `${chart.title} (estimate)` : chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(describeChart(chart))}</desc>`,
    ...grid, ...thresholds, ...lines, ...points, ...labels,
    `<line class="axis" x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight}"/>`,
    '</svg>',
  ].join('\n');
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
