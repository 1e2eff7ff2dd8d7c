// Entry of the Summary webview (bundled to dist/webview/summary.js). It validates every message from the
// extension, renders it, keeps it with setState so the panel comes back instantly when shown again, and reports
// what it rendered.
import { toWebviewMessage, panelState, type FromWebviewMessage, type PanelState } from '../shared/protocol';
import { renderState } from './summary/render';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
let lastAnnouncement = '';

/** One short line for screen readers when what the panel shows changes materially (not on every keystroke). */
function announce(state: PanelState): void {
  const text = state.kind === 'summary'
    ? `Alliance Lens summary of ${state.summary.fileName}: alliance index ${state.summary.allianceIndex}, ${state.summary.balance.collaborative} collaborative, ${state.summary.balance.directive} directive.`
    : state.kind === 'error' ? `Alliance Lens could not analyse ${state.fileName}.` : '';
  if (text === lastAnnouncement) return;
  lastAnnouncement = text;
  status.textContent = text;
}

function send(message: FromWebviewMessage): void {
  vscode.postMessage(message);
}

function render(state: PanelState): void {
  // Keep focus on the same control across re-renders while the user types in the editor.
  const focusedLabel = document.activeElement?.getAttribute('aria-label');
  // An open "How is it computed?" or parser-warnings list stays open when a new analysis arrives.
  const open = new Set(Array.from(root.querySelectorAll('details[open]')).map((details) => details.className));
  root.replaceChildren(renderState(state, send));
  for (const details of Array.from(root.querySelectorAll('details'))) if (open.has(details.className)) details.open = true;
  if (focusedLabel) {
    const again = Array.from(root.querySelectorAll('[aria-label]')).find((node) => node.getAttribute('aria-label') === focusedLabel);
    if (again instanceof HTMLElement || again instanceof SVGElement) again.focus();
  }
  vscode.setState(state);
  announce(state);
  send({ type: 'rendered', kind: state.kind, fileName: state.kind === 'summary' ? state.summary.fileName : state.kind === 'empty' ? null : state.fileName });
}

window.addEventListener('message', (event: MessageEvent) => {
  const parsed = toWebviewMessage.safeParse(event.data);
  if (!parsed.success) return; // Not our protocol: ignore rather than render something unknown.
  render(parsed.data.state);
});

const saved = panelState.safeParse(vscode.getState());
if (saved.success) render(saved.data);
send({ type: 'ready' });
