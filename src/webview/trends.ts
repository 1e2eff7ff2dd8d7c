// Entry of the trend panel's webview (bundled to dist/webview/trends.js). It validates every message from the
// extension, renders it, keeps it with setState so the panel comes back at once when shown again, and reports what
// it rendered.
import { fromTrendsWebview, toTrendsWebview, trendsPanelState, type FromTrendsWebview, type TrendsPanelState } from '../shared/trends-protocol';
import { renderTrendsState } from './trends/render';
import { replaceKeepingFocus } from './shared/replace';
import { vscode } from './shared/vscode-api';

const root = document.getElementById('root') as HTMLElement;

function send(message: FromTrendsWebview): void {
  // Checked here too, so a bug shows in the webview's console rather than as a message the extension drops.
  if (fromTrendsWebview.safeParse(message).success) vscode.postMessage(message);
}

function render(state: TrendsPanelState): void {
  replaceKeepingFocus(root, renderTrendsState(state, send));
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
