// Sessions over time in the editor: the Sessions view and "Compare with Previous Session".
import * as vscode from 'vscode';
import type { Configuration } from '../configuration';
import type { DocumentRules } from '../documentAnalyses';
import type { AnalysisService } from '../engine/analysisService';
import { comparisonMarkdown, findSession } from './comparison';
import { SESSIONS_VIEW_ID, SessionsTreeProvider, type SessionsNode } from './sessionsTree';

export const COMPARE_WITH_PREVIOUS_COMMAND = 'allianceLens.compareWithPreviousSession';
export const REFRESH_SESSIONS_COMMAND = 'allianceLens.refreshSessions';

export function activateSessions(service: AnalysisService, configuration: Configuration, rulesOf?: DocumentRules): { provider: SessionsTreeProvider; disposables: vscode.Disposable[] } {
  const provider = new SessionsTreeProvider(service, configuration, rulesOf);
  const disposables = [
    provider,
    vscode.window.createTreeView(SESSIONS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true }),
    vscode.commands.registerCommand(REFRESH_SESSIONS_COMMAND, () => provider.refresh()),
    vscode.commands.registerCommand(COMPARE_WITH_PREVIOUS_COMMAND, (node?: SessionsNode) => compareWithPrevious(provider, node)),
  ];
  return { provider, disposables };
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
