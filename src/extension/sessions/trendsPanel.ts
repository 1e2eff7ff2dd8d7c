// The trend panel: a webview beside the editors that charts one group's scores over its sessions, for the workspace
// or a chosen folder. It shows progress while the folder is analysed (cancellable from the notification), follows
// the SessionSet as single files change, and opens a session when its point or row is pressed. Its script draws
// everything with core's chart, table and narrative code from validated messages (see trends-protocol.ts).
import * as vscode from 'vscode';
import { ACCURACY_ANCHOR } from '../../core/summary/score-agreement';
import { fromTrendsWebview, type FromTrendsWebview, type TrendsPanelState } from '../../shared/trends-protocol';
import { loadWebviewPage } from '../summary/webviewPage';
import type { SessionSet } from './sessionSet';
import { trendsModel } from './trendsModel';

export const TRENDS_PANEL_TYPE = 'allianceLens.trends';

export interface TrendsTarget {
  set: SessionSet;
  /** Dispose the set with the panel (a folder's own set; the workspace's is shared with the Sessions view). */
  owned: boolean;
  /** The group to show first; undefined for the largest. */
  group?: string | null;
}

export class TrendsPanel implements vscode.Disposable {
  private state: TrendsPanelState | undefined;
  private rendered: Extract<FromTrendsWebview, { type: 'rendered' }> | undefined;
  private selected: string | null | undefined;
  private target: TrendsTarget | undefined;
  private targetDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly closed = new vscode.EventEmitter<void>();
  private disposed = false;
  readonly onDidClose = this.closed.event;

  constructor(private readonly panel: vscode.WebviewPanel, private readonly extensionUri: vscode.Uri) {
    loadWebviewPage(panel.webview, extensionUri, { name: 'trends', title: 'Alliance Lens: Sessions over Time', placeholder: 'Analysing the sessions…' });
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity.svg');
    this.disposables.push(
      this.closed,
      panel.webview.onDidReceiveMessage((message) => this.onMessage(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Shows the sessions of `target`, analysing them first if need be. */
  async show(target: TrendsTarget): Promise<void> {
    if (this.target?.set !== target.set) {
      this.releaseTarget();
      this.target = target;
      this.targetDisposables = [target.set.onDidChange(() => {
        // A refresh empties the set: collect again (with progress); otherwise one file changed.
        if (target.set.started) this.postTrends();
        else void this.load();
      })];
    }
    this.selected = target.group;
    this.panel.title = `Trends: ${target.set.name}`;
    this.panel.reveal(undefined, false);
    await this.load();
  }

  /** For tests: what was last posted, what the webview reported it rendered, and which files were analysed. */
  snapshot(): { posted: TrendsPanelState | undefined; rendered: FromTrendsWebview | undefined; analysed: readonly string[]; folder: string | undefined } {
    return { posted: this.state, rendered: this.rendered, analysed: [...(this.target?.set.analysed ?? [])], folder: this.target?.set.folder?.toString() };
  }

  private async load(): Promise<void> {
    const set = this.target?.set;
    if (!set) return;
    if (set.started) {
      await set.sessions();
      if (this.target?.set === set) this.postTrends();
      return;
    }
    this.post({ kind: 'loading', folder: set.name, done: 0, total: 0 });
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Alliance Lens: analysing the sessions in ${set.name}`, cancellable: true },
      async (progress, token) => {
        const stop = token.onCancellationRequested(() => set.stop());
        let reported = 0;
        const listening = set.onDidProgress(({ done, total }) => {
          if (total > 0) progress.report({ message: `${done} of ${total} files`, increment: ((done - reported) / total) * 100 });
          reported = done;
          if (this.target?.set === set) this.post({ kind: 'loading', folder: set.name, done, total });
        });
        try {
          await set.sessions();
        } finally {
          stop.dispose();
          listening.dispose();
        }
      },
    );
    if (this.target?.set === set) this.postTrends();
  }

  private postTrends(): void {
    const set = this.target?.set;
    if (!set) return;
    const model = trendsModel(set.snapshot(), set.name, this.selected);
    this.selected = model.selected;
    this.post(model);
  }

  private post(state: TrendsPanelState): void {
    this.state = state;
    void this.panel.webview.postMessage({ type: 'state', state });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const parsed = fromTrendsWebview.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        if (this.state) this.post(this.state);
        return;
      case 'rendered':
        this.rendered = message;
        return;
      case 'selectGroup':
        this.selected = message.key;
        return this.postTrends();
      case 'refresh':
        this.target?.set.refresh();
        return;
      case 'openSession':
        return this.openSession(message.file);
      case 'openAccuracyNotes':
        await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(this.extensionUri, 'README.md').with({ fragment: ACCURACY_ANCHOR }));
        return;
    }
  }

  /** Only a file of the set: the webview names a session, never an arbitrary path. */
  private async openSession(file: string): Promise<void> {
    const uri = this.target?.set.snapshot().uris.get(file);
    if (!uri) return;
    // Beside the panel, so the charts stay in view.
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  private releaseTarget(): void {
    for (const disposable of this.targetDisposables) disposable.dispose();
    this.targetDisposables = [];
    if (this.target?.owned) this.target.set.dispose();
    this.target = undefined;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.releaseTarget();
    this.closed.fire();
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
  }
}
