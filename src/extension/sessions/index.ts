// Sessions over time in the editor: the Sessions view, "Compare with Previous Session" and the trend panel.
import * as vscode from 'vscode';
import type { Configuration } from '../configuration';
import type { DocumentRules } from '../documentAnalyses';
import type { AnalysisService } from '../engine/analysisService';
import { comparisonMarkdown, findSession } from './comparison';
import { SessionSet } from './sessionSet';
import { SESSIONS_VIEW_ID, SessionsTreeProvider, type SessionsNode } from './sessionsTree';
import { TRENDS_PANEL_TYPE, TrendsPanel, type TrendsTarget } from './trendsPanel';

export const COMPARE_WITH_PREVIOUS_COMMAND = 'allianceLens.compareWithPreviousSession';
export const REFRESH_SESSIONS_COMMAND = 'allianceLens.refreshSessions';
export const SHOW_TRENDS_COMMAND = 'allianceLens.showTrends';

export function activateSessions(service: AnalysisService, configuration: Configuration, extensionUri: vscode.Uri, rulesOf?: DocumentRules): { provider: SessionsTreeProvider; disposables: vscode.Disposable[] } {
  const maxFileSizeMB = () => configuration.settings['allianceLens.maxFileSizeMB'];
  // One set for the workspace, shared by the Sessions view and a trend panel of the whole workspace.
  const workspaceSet = new SessionSet(service, maxFileSizeMB, undefined, rulesOf);
  const provider = new SessionsTreeProvider(workspaceSet);
  const trends = new TrendsPanels(extensionUri);
  const disposables = [
    workspaceSet,
    provider,
    trends,
    vscode.window.createTreeView(SESSIONS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true }),
    vscode.commands.registerCommand(REFRESH_SESSIONS_COMMAND, () => provider.refresh()),
    vscode.commands.registerCommand(COMPARE_WITH_PREVIOUS_COMMAND, (node?: SessionsNode) => compareWithPrevious(provider, node)),
    vscode.commands.registerCommand(SHOW_TRENDS_COMMAND, async (target?: vscode.Uri | SessionsNode) => {
      const chosen = await chooseTarget(target, workspaceSet, (folder) => new SessionSet(service, maxFileSizeMB, folder, rulesOf));
      if (chosen) await trends.show(chosen);
    }),
    vscode.commands.registerCommand('allianceLens._getTrendsPanelState', () => trends.snapshot()),
  ];
  return { provider, disposables };
}

/** One trend panel at a time: showing another folder's trends reuses it. */
class TrendsPanels implements vscode.Disposable {
  private panel: TrendsPanel | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  async show(target: TrendsTarget): Promise<void> {
    if (!this.panel) {
      const webviewPanel = vscode.window.createWebviewPanel(TRENDS_PANEL_TYPE, 'Trends', vscode.ViewColumn.Active, { retainContextWhenHidden: false });
      const panel = new TrendsPanel(webviewPanel, this.extensionUri);
      panel.onDidClose(() => {
        if (this.panel === panel) this.panel = undefined;
      });
      this.panel = panel;
    }
    await this.panel.show(target);
  }

  snapshot() {
    return this.panel?.snapshot();
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** A folder from the explorer or a test, a group from the Sessions view, or else the user's pick. */
async function chooseTarget(target: vscode.Uri | SessionsNode | undefined, workspaceSet: SessionSet, folderSet: (folder: vscode.Uri) => SessionSet): Promise<TrendsTarget | undefined> {
  if (target instanceof vscode.Uri) return { set: folderSet(target), owned: true };
  if (target?.kind === 'group') return { set: workspaceSet, owned: false, group: target.group.key };
  if (target?.kind === 'session') return { set: workspaceSet, owned: false, group: target.group.key };
  const items: (vscode.QuickPickItem & { scope: 'workspace' | 'folder' })[] = [
    ...(vscode.workspace.workspaceFolders?.length ? [{ label: '$(root-folder) This workspace', description: 'every transcript in it', scope: 'workspace' as const }] : []),
    { label: '$(folder-opened) Choose a folder…', description: 'e.g. one trainee\'s sessions', scope: 'folder' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Alliance Lens: show trends of which sessions?' });
  if (!picked) return undefined;
  if (picked.scope === 'workspace') return { set: workspaceSet, owned: false };
  const folders = await vscode.window.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Show Trends',
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return folders?.[0] ? { set: folderSet(folders[0]), owned: true } : undefined;
}

/** Opens the comparison as a Markdown preview; returns its text (for tests), or undefined when there is none. */
async function compareWithPrevious(provider: SessionsTreeProvider, node?: SessionsNode): Promise<string | undefined> {
  const sessions = await provider.sessions();
  let file: string | undefined;
  if (node?.kind === 'session') {
    file = node.session.file;
  } else {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    file = [...sessions.uris].find(([, uri]) => uri.toString() === active)?.[0];
  }
  const place = file === undefined ? undefined : findSession(sessions.report.groups, file);
  if (!place) {
    void vscode.window.showInformationMessage('Alliance Lens: open a transcript of this workspace, or pick one in the Sessions view, to compare it with the previous session.');
    return undefined;
  }
  const markdown = comparisonMarkdown(place);
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  return markdown;
}
