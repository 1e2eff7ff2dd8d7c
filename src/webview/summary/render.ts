// Builds the Summary panel's DOM from a validated PanelState. Every section is plain DOM with textContent;
// every interactive part is a <button> or a focusable SVG group with a label, so it works from the keyboard.
import { EMPTY_STATE_TEXT, type FromWebviewMessage, type PanelState, type SummaryModel } from '../../shared/protocol';
import { button, h, svg } from './dom';
import { BAND_LABEL, FORMAT_LABEL, percent, shareText, STATUS_LABEL } from './format';

export type Send = (message: FromWebviewMessage) => void;

function section(title: string, id: string, ...children: (Node | null)[]): HTMLElement {
  const headingId = `${id}-heading`;
  return h('section', { class: 'section', 'aria-labelledby': headingId }, h('h2', { id: headingId }, title), ...children);
}

function renderEmpty(send: Send): HTMLElement {
  return h('div', { class: 'state state-empty' },
    h('p', {}, EMPTY_STATE_TEXT),
    button('Analyze This File', () => send({ type: 'analyzeActiveFile' }), { class: 'primary' }));
}

function renderError(fileName: string, message: string, send: Send): HTMLElement {
  return h('div', { class: 'state state-error', role: 'alert' },
    h('p', { class: 'error-title' }, `Alliance Lens could not analyse ${fileName}.`),
    h('p', { class: 'error-message' }, message),
    button('Try again', () => send({ type: 'analyzeActiveFile' }), { class: 'primary' }));
}

function renderSpeakers(summary: SummaryModel, send: Send): HTMLElement {
  const rows = summary.speakers.map((speaker) => {
    const select = h('select', { 'aria-label': `Role of ${speaker.label}` },
      ...(['therapist', 'client', 'other'] as const).map((role) =>
        h('option', { value: role, selected: role === speaker.role, disabled: role === 'other' }, role)));
    select.addEventListener('change', () => {
      const role = select.value;
      // Back to the current role until the extension confirms and the file is re-analysed.
      select.value = speaker.role;
      if (role === 'therapist' || role === 'client') send({ type: 'setRole', speaker: speaker.label, role });
    });
    return h('tr', {},
      h('th', { scope: 'row' }, speaker.label),
      h('td', {}, select),
      h('td', { class: 'num' }, String(speaker.turns)),
      h('td', { class: 'num' }, String(speaker.words)));
  });
  return section('Speakers', 'speakers', h('table', { class: 'speakers' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Speaker'), h('th', { scope: 'col' }, 'Role'),
      h('th', { scope: 'col', class: 'num' }, 'Turns'), h('th', { scope: 'col', class: 'num' }, 'Words'))),
    h('tbody', {}, ...rows)));
}

/** "+16.7", "−8.3", "0": points as the table adds them up. */
function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0';
}

/** This session's index term by term: start, each component's value × weight = points, the sum and any clamp. */
function renderIndexParts(parts: NonNullable<SummaryModel['allianceIndexParts']>, index: number): HTMLElement {
  const row = (label: string, value: string, weight: string, points: string, className = '') => h('tr', { class: className },
    h('th', { scope: 'row' }, label), h('td', { class: 'num' }, value), h('td', { class: 'num muted' }, weight), h('td', { class: 'num' }, points));
  const clamped = parts.raw < parts.min || parts.raw > parts.max;
  return h('table', { class: 'index-parts' },
    h('caption', { class: 'muted small' }, 'This session'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Component'), h('th', { scope: 'col', class: 'num' }, 'Value'),
      h('th', { scope: 'col', class: 'num' }, 'Weight'), h('th', { scope: 'col', class: 'num' }, 'Points'))),
    h('tbody', {},
      row('Start', '', '', String(parts.base)),
      // A no-break space keeps "× −100" on one line in a narrow side bar.
      ...parts.terms.map((term) => row(term.label, term.value.replace('-', '−'), `×\u00a0${signed(term.weight)}`, signed(term.points)))),
    h('tfoot', {},
      row(clamped ? `Sum, kept within ${parts.min}–${parts.max}` : 'Sum', '', '', clamped ? `${parts.raw} → ${index}` : String(index), 'total')));
}

function renderIndex(summary: SummaryModel): HTMLElement {
  const value = summary.allianceIndex;
  const parts = summary.allianceIndexParts;
  return h('div', { class: 'index', title: summary.allianceIndexFormula },
    h('div', { class: 'index-value', 'aria-label': `Alliance index ${value} out of 100` }, String(value)),
    h('div', { class: 'index-label' }, 'Alliance index (0–100)'),
    svg('svg', { class: 'bar meter', viewBox: '0 0 100 6', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
      svg('rect', { class: 'bar-track', x: 0, y: 0, width: 100, height: 6 }),
      svg('rect', { class: 'fill-index', x: 0, y: 0, width: Math.max(0, Math.min(100, value)), height: 6 })),
    h('details', { class: 'formula' }, h('summary', {}, 'How is it computed?'),
      parts ? renderIndexParts(parts, value) : null,
      h('p', {}, summary.allianceIndexFormula)));
}

function bandMark(score: SummaryModel['scores'][number]): HTMLElement {
  if (score.estimate) return h('span', { class: 'band band-estimate', title: score.estimate }, 'estimate');
  if (score.band) return h('span', { class: `band band-${score.band}` }, BAND_LABEL[score.band]);
  return h('span', { class: 'muted', 'aria-label': 'no band' }, '—');
}

function renderScores(summary: SummaryModel, send: Send): HTMLElement {
  const rows = summary.scores.map((score) => h('tr', {},
    h('th', { scope: 'row' }, score.name,
      h('div', { class: 'muted small' }, score.thresholds),
      // One short line; the full explanation is its tooltip, and "How good is the coding?" opens the README.
      score.estimate ? h('div', { class: 'muted small estimate-note', title: score.estimate }, `estimate · ${score.estimateBrief ?? score.estimate}`) : null),
    h('td', { class: 'num value' }, score.value ?? 'n/a'),
    h('td', { class: 'band-cell' }, bandMark(score))));
  const estimated = summary.scores.some((score) => score.estimate);
  return section('MITI scores', 'scores', h('table', { class: 'scores' }, h('tbody', {}, ...rows)),
    estimated ? button('How good is the coding?', () => send({ type: 'openAccuracyNotes' }), { class: 'link' }) : null);
}

/** A two-part horizontal bar; widths are set as SVG attributes (no inline styles under the CSP). */
function splitBar(label: string, left: { name: string; value: number; className: string }, right: { name: string; value: number; className: string }): HTMLElement {
  const total = left.value + right.value;
  const leftShare = percent(left.value, total);
  const bar = svg('svg', { class: 'bar', viewBox: '0 0 100 8', preserveAspectRatio: 'none', role: 'img',
    'aria-label': `${label}: ${left.name} ${left.value} (${leftShare}%), ${right.name} ${right.value} (${total ? 100 - leftShare : 0}%)` },
  svg('rect', { class: `bar-track`, x: 0, y: 0, width: 100, height: 8 }),
  total > 0 ? svg('rect', { class: left.className, x: 0, y: 0, width: leftShare, height: 8 }) : null,
  total > 0 ? svg('rect', { class: right.className, x: leftShare, y: 0, width: 100 - leftShare, height: 8 }) : null);
  return h('div', { class: 'split' },
    h('div', { class: 'split-label' }, label),
    bar,
    h('div', { class: 'split-legend' },
      h('span', { class: `swatch ${left.className}` }), `${left.name} ${left.value}`,
      h('span', { class: `swatch ${right.className}` }), `${right.name} ${right.value}`));
}

function renderTalk(summary: SummaryModel): HTMLElement {
  return section('Talk and balance', 'talk',
    splitBar(`Talk share (client ${shareText(summary.talk.clientTalkShare)})`,
      { name: 'Client words', value: summary.talk.clientWords, className: 'fill-client' },
      { name: 'Therapist words', value: summary.talk.therapistWords, className: 'fill-therapist' }),
    splitBar('Collaborative / directive therapist turns',
      { name: 'Collaborative', value: summary.balance.collaborative, className: 'fill-collaborative' },
      { name: 'Directive', value: summary.balance.directive, className: 'fill-directive' }));
}

/** The segment whose lines hold `line`, or -1. */
function segmentAt(segments: SummaryModel['timeline'], line: number): number {
  return segments.findIndex((segment) => segment.startLine <= line && line <= segment.endLine);
}

const BARS_HEIGHT = 60;
const MARK_Y = 63;
const MARK_HEIGHT = 4;
const ARC_DEPTH = 12;

/** Under the bars: a purple mark where a client rupture falls, a green one where the therapist repaired it, and an
 * arc from one to the other, so a rupture and its repair read as one movement. */
function ruptureMarks(summary: SummaryModel, width: number): SVGElement[] {
  const marks: SVGElement[] = [];
  for (const rupture of summary.ruptures) {
    const at = segmentAt(summary.timeline, rupture.line);
    if (at < 0) continue;
    const x = at * width + width * 0.15;
    marks.push(svg('rect', { class: `mark-rupture status-mark-${rupture.status}`, x, y: MARK_Y, width: width * 0.7, height: MARK_HEIGHT }));
    const repairedAt = rupture.status === 'repaired' && rupture.responseLine !== null ? segmentAt(summary.timeline, rupture.responseLine) : -1;
    if (repairedAt < 0) continue;
    const x2 = repairedAt * width + width * 0.15;
    marks.push(svg('rect', { class: 'mark-repair', x: x2, y: MARK_Y, width: width * 0.7, height: MARK_HEIGHT }));
    if (repairedAt !== at) {
      const from = at * width + width / 2;
      const to = repairedAt * width + width / 2;
      const bottom = MARK_Y + MARK_HEIGHT;
      marks.push(svg('path', { class: 'repair-arc', d: `M ${from} ${bottom} C ${from} ${bottom + ARC_DEPTH} ${to} ${bottom + ARC_DEPTH} ${to} ${bottom}` }));
    }
  }
  return marks;
}

function renderTimeline(summary: SummaryModel, send: Send): HTMLElement {
  const segments = summary.timeline;
  if (segments.length === 0) return section('Timeline', 'timeline', h('p', { class: 'muted' }, 'Too short for a timeline.'));
  const width = 100 / segments.length;
  const maxCount = Math.max(1, ...segments.map((segment) => Math.max(segment.collaborative, segment.directive)));
  const height = BARS_HEIGHT;
  const marked = summary.ruptures.length > 0;
  const totalHeight = marked ? MARK_Y + MARK_HEIGHT + ARC_DEPTH : height;
  const chart = svg('svg', { class: `timeline${marked ? ' marked' : ''}`, viewBox: `0 0 100 ${totalHeight}`, preserveAspectRatio: 'none', role: 'group', 'aria-label': 'Session timeline; each segment is a button that reveals its lines' },
    ...segments.map((segment, index) => {
      const x = index * width;
      const collaborativeHeight = (segment.collaborative / maxCount) * (height / 2 - 4);
      const directiveHeight = (segment.directive / maxCount) * (height / 2 - 4);
      const ruptures = summary.ruptures.filter((rupture) => segment.startLine <= rupture.line && rupture.line <= segment.endLine).length;
      const repairs = summary.ruptures.filter((rupture) => rupture.status === 'repaired' && rupture.responseLine !== null
        && segment.startLine <= rupture.responseLine && rupture.responseLine <= segment.endLine).length;
      const events = [ruptures ? `${ruptures} rupture${ruptures > 1 ? 's' : ''}` : '', repairs ? `${repairs} repair${repairs > 1 ? 's' : ''}` : ''].filter(Boolean);
      const label = `Lines ${segment.startLine}–${segment.endLine}: ${segment.collaborative} collaborative, ${segment.directive} directive, `
        + `${events.length ? `${events.join(', ')}, ` : ''}index ${Math.round(segment.allianceIndex)}`;
      const group = svg('g', { class: 'segment', role: 'button', tabindex: 0, 'aria-label': label },
        svg('title', {}, label),
        svg('rect', { class: 'segment-hit', x, y: 0, width, height: totalHeight }),
        svg('rect', { class: 'fill-collaborative', x: x + width * 0.15, y: height / 2 - collaborativeHeight, width: width * 0.7, height: collaborativeHeight }),
        svg('rect', { class: 'fill-directive', x: x + width * 0.15, y: height / 2, width: width * 0.7, height: directiveHeight }));
      const reveal = () => send({ type: 'revealLines', startLine: segment.startLine, endLine: segment.endLine });
      group.addEventListener('click', reveal);
      group.addEventListener('keydown', (event) => {
        const key = (event as KeyboardEvent).key;
        if (key === 'Enter' || key === ' ') {
          event.preventDefault();
          reveal();
        }
      });
      return group;
    }),
    svg('line', { class: 'axis', x1: 0, x2: 100, y1: height / 2, y2: height / 2 }),
    ...ruptureMarks(summary, width));
  const legend = marked
    ? 'Collaborative above the line, directive below; purple marks a rupture, green its repair. Click a segment to reveal its lines.'
    : 'Collaborative above the line, directive below. Click a segment to reveal its lines.';
  return section('Timeline', 'timeline', chart, h('p', { class: 'muted small' }, legend));
}

function renderRuptures(summary: SummaryModel, send: Send): HTMLElement {
  if (summary.ruptures.length === 0) return section('Ruptures', 'ruptures', h('p', { class: 'muted' }, 'No rupture markers found.'));
  return section('Ruptures', 'ruptures', h('ul', { class: 'list' }, ...summary.ruptures.map((rupture) => {
    const response = rupture.responseLine ? ` (line ${rupture.responseLine})` : '';
    const text = `Line ${rupture.line} · ${rupture.kind} · ${STATUS_LABEL[rupture.status]}${response}`;
    return h('li', {}, button(text, () => send({ type: 'revealLines', startLine: rupture.line, endLine: rupture.responseLine ?? rupture.line }),
      { class: `link status-${rupture.status}` }));
  })));
}

function renderMoments(summary: SummaryModel, send: Send): HTMLElement {
  const list = (title: string, className: string, moments: SummaryModel['moments']['collaborative']) => h('div', { class: 'moments' },
    h('h3', {}, title),
    moments.length === 0 ? h('p', { class: 'muted' }, 'None found.') : h('ol', { class: 'list' }, ...moments.map((moment) =>
      h('li', {}, button(`Line ${moment.line}: ${moment.text}`, () => send({ type: 'selectUtterance', utteranceIndex: moment.utteranceIndex }),
        { class: `link moment ${className}` }, h('span', { class: 'line' }, `Line ${moment.line}`), h('q', {}, moment.text))))));
  return section('Moments', 'moments',
    list('Most collaborative', 'moment-collaborative', summary.moments.collaborative),
    list('Most directive', 'moment-directive', summary.moments.directive));
}

function renderHumanCodes(summary: SummaryModel): HTMLElement | null {
  if (!summary.humanCodes || summary.humanCodes.length === 0) return null;
  return section('Human codes', 'human-codes', h('table', { class: 'scores' }, h('tbody', {}, ...summary.humanCodes.map((code) =>
    h('tr', {}, h('th', { scope: 'row' }, code.name ?? code.code), h('td', { class: 'num' }, String(code.count)))))));
}

function renderWarnings(summary: SummaryModel): HTMLElement | null {
  if (summary.warnings.length === 0) return null;
  return h('details', { class: 'warnings' }, h('summary', {}, `${summary.warnings.length} parser warning(s)`),
    h('ul', {}, ...summary.warnings.map((warning) => h('li', {}, warning.line > 0 ? `Line ${warning.line}: ${warning.message}` : warning.message))));
}

function renderSummary(summary: SummaryModel, send: Send): HTMLElement {
  return h('div', { class: 'summary' },
    h('header', { class: 'file' }, h('h1', { title: summary.fileName }, summary.fileName), h('span', { class: 'muted small' }, (Object.hasOwn(FORMAT_LABEL, summary.format) ? FORMAT_LABEL[summary.format] : summary.format))),
    renderIndex(summary),
    renderSpeakers(summary, send),
    renderScores(summary, send),
    renderTalk(summary),
    renderTimeline(summary, send),
    renderRuptures(summary, send),
    renderMoments(summary, send),
    renderHumanCodes(summary),
    renderWarnings(summary));
}

export function renderState(state: PanelState, send: Send): HTMLElement {
  switch (state.kind) {
    case 'empty':
      return renderEmpty(send);
    case 'loading':
      return h('div', { class: 'state' }, h('p', {}, `Analysing ${state.fileName}…`));
    case 'error':
      return renderError(state.fileName, state.message, send);
    case 'summary':
      return renderSummary(state.summary, send);
  }
}
