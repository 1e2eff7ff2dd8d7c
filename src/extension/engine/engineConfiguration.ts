// Feeds the engine its configuration: the workspace's .alliance-lens/rules.json files and the rules the user
// switched off. Reconfigures (and re-analyses) when either changes, and reports broken rule files once, by line.
import * as vscode from 'vscode';
import type { RuleFile } from '../../core';
import type { Configuration } from '../configuration';
import type { DocumentAnalyses } from '../documentAnalyses';
import type { AnalysisService } from './analysisService';

export const USER_RULES_GLOB = '.alliance-lens/rules.json';

async function readUserRuleFiles(): Promise<RuleFile[]> {
  const files: RuleFile[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, USER_RULES_GLOB);
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      files.push({ path: vscode.workspace.asRelativePath(uri), text: new TextDecoder().decode(bytes) });
    } catch {
      // No rules file in this folder: the built-in rules apply.
    }
  }
  return files;
}

export class EngineConfigurator implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private disabledRulesKey = '';
  private reportedErrors = '';

  constructor(
    private readonly service: AnalysisService,
    private readonly configuration: Configuration,
    private readonly analyses: DocumentAnalyses,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${USER_RULES_GLOB}`);
    const reload = () => void this.apply();
    this.disposables.push(
      watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload),
      configuration.onDidChange((settings) => {
        const key = JSON.stringify(settings['allianceLens.rules.disabled']);
        if (key !== this.disabledRulesKey) reload();
      }),
    );
  }

  /** Reads the rule files and settings, reconfigures the engine, and re-analyses the visible transcripts. */
  async apply(): Promise<void> {
    const disabledRules = this.configuration.settings['allianceLens.rules.disabled'];
    this.disabledRulesKey = JSON.stringify(disabledRules);
    const userRuleFiles = await readUserRuleFiles();
    this.service.configure({ userRuleFiles, disabledRules });
    this.analyses.invalidateAll();
    if (userRuleFiles.length > 0) await this.reportRuleErrors();
  }

  private async reportRuleErrors(): Promise<void> {
    const { ruleErrors } = await this.service.helpers();
    const text = ruleErrors.map((error) => `${error.path}:${error.line}: ${error.field}: ${error.message}`).join('\n');
    if (!text || text === this.reportedErrors) return;
    this.reportedErrors = text;
    const first = ruleErrors[0];
    const open = 'Open rules file';
    const choice = await vscode.window.showWarningMessage(
      `Alliance Lens: ${ruleErrors.length} problem(s) in your rules; those rules are skipped, the built-in rules still work. First: ${first.path}:${first.line}: ${first.message}`,
      open,
    );
    if (choice === open) {
      const folder = vscode.workspace.workspaceFolders?.find((candidate) => first.path.startsWith(candidate.name)) ?? vscode.workspace.workspaceFolders?.[0];
      if (folder) {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, USER_RULES_GLOB));
        const editor = await vscode.window.showTextDocument(document);
        const position = new vscode.Position(Math.max(0, first.line - 1), 0);
        editor.selection = new vscode.Selection(position, position);
      }
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
