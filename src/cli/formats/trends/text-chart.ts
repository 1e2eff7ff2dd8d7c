// A trend chart drawn in characters for the Markdown report, inside a fenced block. Markdown viewers differ in what
// they allow (GitHub drops inline SVG and data: images), but every one shows a code block, and a text chart can
// be read in a terminal or a diff too. Its lines hold only numbers, our own labels and drawing characters, so the
// fence cannot be broken out of.
import type { ChartModel } from '../../../core/trends/chart-model';

const ROWS = 9;
const COLUMN = 7;

export function textChart(chart: ChartModel): string {
  const count = chart.values.length;
  const width = Math.max(1, (count - 1) * COLUMN + 1);
  const grid: string[][] = Array.from({ length: ROWS }, () => Array.from({ length: width }, () => ' '));
  const row = (value: number) => ROWS - 1 - Math.round(((clamp(value, chart.min, chart.max) - chart.min) / (chart.max - chart.min || 1)) * (ROWS - 1));
  const rightLabels = new Map<number, string>();

  for (const threshold of chart.thresholds) {
    const at = row(threshold.value);
    grid[at].fill('-');
    rightLabels.set(at, rightLabels.has(at) ? `${rightLabels.get(at)} / ${threshold.label}` : threshold.label);
  }
  // The line between two sessions with values: a dot in every column, and in every row the line passes through
  // on its way to the next column, so a steep change stays one unbroken line.
  const dot = (at: number, column: number) => {
    if (grid[at][column] === ' ' || grid[at][column] === '-') grid[at][column] = '·';
  };
  for (let index = 0; index + 1 < count; index++) {
    const from = chart.values[index];
    const to = chart.values[index + 1];
    if (from === null || to === null) continue;
    let previousRow = row(from);
    for (let step = 1; step <= COLUMN; step++) {
      const nextRow = row(from + ((to - from) * step) / COLUMN);
      const column = index * COLUMN + Math.min(step, COLUMN - 1);
      const direction = Math.sign(nextRow - previousRow);
      if (step < COLUMN) dot(nextRow, column);
      for (let at = previousRow + direction; direction !== 0 && at !== nextRow; at += direction) dot(at, column);
      previousRow = nextRow;
    }
  }
  chart.values.forEach((value, index) => {
    if (value !== null) grid[row(value)][index * COLUMN] = '●';
  });

  const axisLabels = new Map<number, string>([[0, chart.format(chart.max)], [ROWS - 1, chart.format(chart.min)]]);
  const axisWidth = Math.max(...[...axisLabels.values()].map((label) => label.length));
  const lines = grid.map((cells, index) => {
    const right = rightLabels.get(index);
    return `${(axisLabels.get(index) ?? '').padStart(axisWidth)} ┤ ${cells.join('')}${right ? `  ${right}` : ''}`.trimEnd();
  });
  const under = (texts: string[]) => `${' '.repeat(axisWidth + 3)}${texts.map((text, index) => (index === texts.length - 1 ? text : text.padEnd(COLUMN))).join('')}`.trimEnd();
  return [
    ...lines,
    `${' '.repeat(axisWidth + 1)}└${'─'.repeat(width + 2)}`,
    under(chart.labels.map((label) => label.slice(0, COLUMN - 1))),
    under(chart.values.map((value) => (value === null ? '–' : chart.format(value)).slice(0, COLUMN - 1))),
  ].join('\n');
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
