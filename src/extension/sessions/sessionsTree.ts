// The "Sessions" view: the workspace's transcripts grouped by therapist, each session with its date and alliance
// index (and the change since the previous session). Collected when the view is first shown; after that a transcript
// that is saved, created or deleted is analysed alone (see SessionSet), and Refresh collects everything again.
// Clicking a session opens it.
import * as vscode from 'vscode';
import { sessionName } from '../../core/trends/narrative';
import type { TrendGroup, TrendSession } from '../../core/trends/trends';
import { sessionDescription } from './comparison';
import type { SessionSet, WorkspaceSessions } from './sessionSet';

export const SESSIONS_VIEW_ID = 'allianceLens.sessions';
export const SESSION_ITEM_CONTEXT = 'session';
export const GROUP_ITEM_CONTEXT = 'group';

export type SessionsNode =
  | { kind: 'group'; group: TrendGroup }
  | { kind: 'session'; session: TrendSession; group: TrendGroup }
  | { kind: 'message'; text: string };

export class SessionsTreeProvider implements vscode.TreeDataProvider<SessionsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly set: SessionSet) {
    this.disposables.push(this.changed, set.onDidChange(() => this.changed.fire()));
  }

  /** The sessions, collected on first use and kept up to date. */
  sessions(): Promise<WorkspaceSessions> {
    if (this.set.started) return this.set.sessions();
    // Analysing a folder of sessions takes a while: say so in the status bar until it is done.
    return Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Alliance Lens: analysing the sessions in this workspace' },
      () => this.set.sessions(),
    ));
  }

  refresh(): void {
    this.set.refresh();
  }

  async getChildren(node?: SessionsNode): Promise<SessionsNode[]> {
    if (node?.kind === 'group') return node.group.sessions.map((session) => ({ kind: 'session', session, group: node.group }));
    if (node) return [];
    const { report } = await this.sessions();
    if (report.groups.length === 0) return [{ kind: 'message', text: 'No transcripts found in this workspace.' }];
    return report.groups.map((group) => ({ kind: 'group', group }));
  }

  async getTreeItem(node: SessionsNode): Promise<vscode.TreeItem> {
    if (node.kind === 'message') return new vscode.TreeItem(node.text);
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group.key ?? 'No therapist named', vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.group.sessions.length} ${node.group.sessions.length === 1 ? 'session' : 'sessions'}`;
      item.iconPath = new vscode.ThemeIcon('person');
      item.contextValue = GROUP_ITEM_CONTEXT;
      return item;
    }
    const { session } = node;
    const item = new vscode.TreeItem(session.session === null ? session.file.split('/').pop() ?? session.file : `Session ${session.session}`);
    item.description = sessionDescription(session);
    item.tooltip = `${sessionName(session)}\nAlliance index ${session.allianceIndex ?? 'n/a'}`;
    item.contextValue = SESSION_ITEM_CONTEXT;
    item.iconPath = new vscode.ThemeIcon('file-text');
    const uri = (await this.sessions()).uris.get(session.file);
    if (uri) {
      item.resourceUri = uri;
      item.command = { command: 'vscode.open', title: 'Open Transcript', arguments: [uri] };
    }
    return item;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
