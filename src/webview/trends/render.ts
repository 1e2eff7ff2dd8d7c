// Builds the trend panel's DOM from a validated TrendsPanelState, drawing with core's own trend code: the chart
// model and SVG tree of the HTML report, its table cells and its plain-language narrative. All text goes in through
// textContent and attributes (see ../summary/dom.ts); session points are focusable buttons that name their session.
import { ACCURACY_SECTION, agreementText, bandIsTrusted, estimateNote, MIN_ICC_FOR_BAND } from '../../core/summary/score-agreement';
import { bandOf } from '../../core/summary/bands';
import { chartModel } from '../../core/trends/chart-model';
import { groupNarrative, sessionName } from '../../core/trends/narrative';
import { groupTitle, sessionCells, tableHeadings } from '../../core/trends/report-parts';
import { svgChartTree } from '../../core/trends/svg-chart';
import type { SvgNode } from '../../core/trends/svg-tree';
import { TREND_SCORES } from '../../core/trends/trend-scores';
import type { TrendGroup } from '../../core/trends/trends';
import type { FromTrendsWebview, TrendsPanelState } from '../../shared/trends-protocol';
import { BAND_LABEL } from '../summary/format';
import { button, h, svg } from '../summary/dom';

export type Send = (message: FromTrendsWebview) => void;
type TrendsState = Extract<TrendsPanelState, { kind: 'trends' }>;

export function renderTrendsState(state: TrendsPanelState, send: Send): HTMLElement {
  if (state.kind === 'loading') return renderLoading(state);
  const group = state.groups.find((candidate) => candidate.key === state.selected) ?? state.groups[0];
  return h('div', { class: 'trends' },
    renderHeader(state, group, send),
    state.incomplete ? h('p', { class: 'notice', role: 'status' }, `${state.incomplete} Refresh to analyse them all.`) : null,
    state.problems.length > 0
      ? h('details', { class: 'notice' }, h('summary', {}, `${state.problems.length} ${state.problems.length === 1 ? 'file' : 'files'} could not be read`),
        h('ul', {}, ...state.problems.map((problem) => h('li', {}, problem))))
      : null,
    group ? renderGroup(group, state, send) : h('p', { class: 'empty' }, `No transcripts were found in ${state.folder}.`));
}

function renderLoading(state: Extract<TrendsPanelState, { kind: 'loading' }>): HTMLElement {
  const words = state.total > 0 ? `Analysing ${state.folder}: ${state.done} of ${state.total} files…` : `Looking for transcripts in ${state.folder}…`;
  return h('div', { class: 'state' },
    h('h1', {}, 'Sessions over time'),
    h('p', {}, words),
    state.total > 0 ? h('progress', { max: state.total, value: state.done, 'aria-label': words }) : h('progress', { 'aria-label': words }),
    h('p', { class: 'muted small' }, 'Each transcript is analysed on your machine. Cancel from the notification to see the sessions analysed so far.'));
}

function renderHeader(state: TrendsState, group: TrendGroup | undefined, send: Send): HTMLElement {
  const picker = state.groups.length > 1
    ? (() => {
      const select = h('select', { id: 'group', 'aria-label': `Group (${state.groupBy})` },
        ...state.groups.map((candidate, index) => h('option', { value: String(index), selected: candidate === group },
          `${groupTitle(candidate.key, state.groupBy)} (${candidate.sessions.length})`)));
      select.addEventListener('change', () => send({ type: 'selectGroup', key: state.groups[Number(select.value)]?.key ?? null }));
      return h('label', { class: 'group-picker' }, `${capitalise(state.groupBy)} `, select);
    })()
    : null;
  const dates = group?.sessions.map((session) => session.date).filter((date): date is string => date !== null) ?? [];
  const count = group ? `${group.sessions.length} ${group.sessions.length === 1 ? 'session' : 'sessions'}` : 'No sessions';
  const span = dates.length > 1 ? `, ${dates[0]} to ${dates[dates.length - 1]}` : dates.length === 1 ? `, ${dates[0]}` : '';
  return h('header', { class: 'header' },
    h('div', {},
      h('h1', {}, group ? `Sessions over time: ${groupTitle(group.key, state.groupBy)}` : 'Sessions over time'),
      h('p', { class: 'muted', id: 'session-count' }, `${count}${span} · from ${state.folder}`)),
    h('div', { class: 'controls' }, picker, button('Refresh', () => send({ type: 'refresh' }), { title: 'Analyse every transcript again' })));
}

function renderGroup(group: TrendGroup, state: TrendsState, send: Send): HTMLElement {
  const names = group.sessions.map(sessionName);
  const open = (index: number) => {
    const session = group.sessions[index];
    if (session) send({ type: 'openSession', file: session.file });
  };
  const charts = TREND_SCORES.map((score, scoreIndex) => {
    const chart = chartModel(score, group.sessions);
    const last = [...chart.values].reverse().find((value): value is number => value !== null);
    const band = score.thresholds && last !== undefined ? bandOf(last, score.thresholds) : null;
    // An estimate is never graded; a trusted score with thresholds shows its last session's MITI band.
    const mark = chart.estimate
      ? h('span', { class: 'band band-estimate', title: chart.estimate }, 'estimate')
      : band ? h('span', { class: `band band-${band}` }, `last: ${BAND_LABEL[band]}`) : null;
    return h('figure', { class: chart.estimate ? 'chart-card is-estimate' : 'chart-card' },
      h('figcaption', {}, h('span', { class: 'chart-title' }, chart.title), mark),
      toDom(svgChartTree(chart, { id: `chart-${scoreIndex}`, sessionNames: names })),
      chart.estimate
        ? h('p', { class: 'estimate-note muted small', title: estimateNote(score.agreementId!) },
          `Not graded: agrees with expert coders at ${agreementText(score.agreementId!)}; a band needs ${MIN_ICC_FOR_BAND.toFixed(2)}.${chart.thresholds.length > 0 ? ' MITI lines for reference only.' : ''}`)
        : null);
  });
  const root = h('div', {},
    h('p', { class: 'muted small' }, 'Automatic codes are heuristics: check a session against its transcript before drawing conclusions. Select a point, or focus it and press Enter, to open that session.'),
    h('div', { class: 'charts' }, ...charts),
    renderTable(group, state, open),
    h('p', { class: 'muted small' }, `An estimate agrees with expert coders below ICC ${MIN_ICC_FOR_BAND.toFixed(2)}, so it is not graded. `,
      button(`How good is the coding? (${ACCURACY_SECTION})`, () => send({ type: 'openAccuracyNotes' }), { class: 'link inline' }, 'How good is the coding?')),
    renderNarrative(group));
  // One listener for every point: a click, or Enter / Space on a focused point.
  const activate = (event: Event) => {
    const point = (event.target as Element | null)?.closest?.('[data-session]');
    if (!point) return;
    if (event instanceof KeyboardEvent) {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
    }
    open(Number(point.getAttribute('data-session')));
  };
  root.addEventListener('click', activate);
  root.addEventListener('keydown', activate);
  return root;
}

function renderTable(group: TrendGroup, state: TrendsState, open: (index: number) => void): HTMLElement {
  const headings = tableHeadings(bandIsTrusted);
  const rows = group.sessions.map((session, index) => {
    const cells = sessionCells(session);
    return h('tr', {}, ...cells.map((cell, column) => {
      if (column === 0) return h('th', { scope: 'row' }, button(`Open ${sessionName(session)}`, () => open(index), { class: 'link' }, cell === '–' ? `#${index + 1}` : cell));
      // The file's own name: the folder is in the header, and a full path would wrap over several lines.
      if (column === 2) return h('td', { class: 'file', title: cell }, cell.split('/').pop() ?? cell);
      return h('td', { class: 'num' }, cell);
    }));
  });
  return h('div', { class: 'table-scroll' }, h('table', { class: 'sessions' },
    h('caption', {}, `Sessions of ${groupTitle(group.key, state.groupBy)} in order; the change since the previous session in brackets`),
    h('thead', {}, h('tr', {}, ...headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, ...rows)));
}

function renderNarrative(group: TrendGroup): HTMLElement {
  const narrative = groupNarrative(group);
  const part = (title: string, sentences: string[]) => (sentences.length > 0 ? h('p', {}, h('strong', {}, `${title}: `), sentences.join(' ')) : null);
  return h('section', { class: 'narrative', 'aria-labelledby': 'plain-words' },
    h('h2', { id: 'plain-words' }, 'In plain words'),
    h('p', {}, narrative.overview),
    part('Improved', narrative.improved),
    part('Did not improve', narrative.notImproved),
    part('Estimates, not graded', narrative.estimates),
    part('Worth a look', narrative.worthALook));
}

/** The chart's tree as DOM: elements by createElementNS, text by textContent. */
function toDom(node: SvgNode): SVGElement {
  return svg(node.tag, node.attributes, ...node.children.map((child) => (typeof child === 'string' ? child : toDom(child))));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
