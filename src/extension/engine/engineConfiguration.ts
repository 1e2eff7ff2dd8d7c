// Feeds the engine its configuration: each workspace folder's .alliance-lens/rules.json (found by core's discovery,
// as the CLI finds it) and the rules the user switched off. Reconfigures (and re-analyses) when either changes, and
// reports broken rule files once, by line.
import * as vscode from 'vscode';
import { engineOptions, RULES_PATH, type TranscriptConfiguration } from '../../core/configuration/discover';
import type { Configuration } from '../configuration';
import type { DocumentAnalyses } from '../documentAnalyses';
import type { FileProblems } from '../problems/fileProblems';
import { notify } from '../notify';
import type { AnalysisService } from './analysisService';
import { configurationOf } from './workspaceConfiguration';

export class EngineConfigurator implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private disabledRulesKey = '';
  private reportedErrors = '';
  /** The rules files in use, by the path the engine names them with, for the Problems panel. */
  private ruleFileUris = new Map<string, vscode.Uri>();
  /** Each workspace folder's configuration as last read, so a change of settings reconfigures without reading. */
  private folders: TranscriptConfiguration[] = [];

  constructor(
    private readonly service: AnalysisService,
    private readonly configuration: Configuration,
    private readonly analyses: DocumentAnalyses,
    private readonly fileProblems: FileProblems,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${RULES_PATH}`);
    const reload = () => void this.apply();
    this.disposables.push(
      watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload),
      configuration.onDidChange((settings) => {
        const key = JSON.stringify(settings['allianceLens.rules.disabled']);
        if (key !== this.disabledRulesKey) void this.configure();
      }),
    );
  }

  /** Reads the rule files and settings, reconfigures the engine, and re-analyses the visible transcripts. */
  async apply(): Promise<void> {
    const folders = await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => configurationOf(folder.uri)));
    const previous = this.ruleFileUris;
    this.folders = folders;
    this.ruleFileUris = new Map(folders.flatMap(({ rules, scope }) => (rules ? [[rules.path, scope.base.with({ path: rules.path })] as const] : [])));
    // A rules file that is gone takes its problems with it.
    for (const [path, uri] of previous) if (!this.ruleFileUris.has(path)) this.fileProblems.reportFileProblems(uri, 'rules file', []);
    await this.configure();
  }

  /** Reconfigures the engine at once (before any await), so no analysis runs with the previous settings. */
  private async configure(): Promise<void> {
    const disabledRules = this.configuration.settings['allianceLens.rules.disabled'];
    this.disabledRulesKey = JSON.stringify(disabledRules);
    const options = engineOptions(this.folders, { disabledRules });
    this.service.configure(options);
    this.analyses.invalidateAll();
    if (options.userRuleFiles.length > 0) await this.reportRuleErrors();
  }

  private async reportRuleErrors(): Promise<void> {
    const { ruleErrors } = await this.service.helpers();
    for (const [path, uri] of this.ruleFileUris) {
      this.fileProblems.reportFileProblems(uri, 'rules file', ruleErrors.filter((error) => error.path === path));
    }
    const text = ruleErrors.map((error) => `${error.path}:${error.line}: ${error.field}: ${error.message}`).join('\n');
    if (!text || text === this.reportedErrors) return;
    this.reportedErrors = text;
    const first = ruleErrors[0];
    // A user rule file's path is its URI's path (as discovered); built-in rule files have no workspace folder.
    const folder = vscode.workspace.workspaceFolders?.find((candidate) => first.path.startsWith(candidate.uri.path));
    const uri = folder?.uri.with({ path: first.path });
    const where = uri ? vscode.workspace.asRelativePath(uri) : first.path;
    void notify('warning', `${ruleErrors.length} problem(s) in your rules; those rules are skipped, the built-in rules still work. First: ${where}:${first.line}: ${first.message}`,
      uri ? { open: { uri, line: first.line }, openLabel: 'Open rules file' } : {});
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
