// Entry of the trend panel's webview (bundled to dist/webview/trends.js). It validates every message from the
// extension, renders it, keeps it with setState so the panel comes back at once when shown again, and reports what
// it rendered.
import { fromTrendsWebview, toTrendsWebview, trendsPanelState, type FromTrendsWebview, type TrendsPanelState } from '../shared/trends-protocol';
import { renderTrendsState } from './trends/render';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;

function send(message: FromTrendsWebview): void {
  // Checked here too, so a bug shows in the webview's console rather than as a message the extension drops.
  if (fromTrendsWebview.safeParse(message).success) vscode.postMessage(message);
}

function render(state: TrendsPanelState): void {
  // Keep focus on the same point or control when a changed file re-renders the panel.
  const focusedLabel = document.activeElement?.getAttribute('aria-label');
  root.replaceChildren(renderTrendsState(state, send));
  if (focusedLabel) {
    const again = Array.from(root.querySelectorAll('[aria-label]')).find((node) => node.getAttribute('aria-label') === focusedLabel);
    if (again instanceof HTMLElement || again instanceof SVGElement) again.focus();
  }
  vscode.setState(state);
  const group = state.kind === 'trends' ? state.groups.find((candidate) => candidate.key === state.selected) : undefined;
  send({ type: 'rendered', kind: state.kind, group: group?.key ?? null, sessions: group?.sessions.length ?? 0, charts: root.querySelectorAll('svg.chart').length });
}

window.addEventListener('message', (event: MessageEvent) => {
  const parsed = toTrendsWebview.safeParse(event.data);
  if (parsed.success) render(parsed.data.state);
});

const saved = trendsPanelState.safeParse(vscode.getState());
if (saved.success) render(saved.data);
send({ type: 'ready' });
