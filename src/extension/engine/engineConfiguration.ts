// Feeds the engine its configuration: for each transcript, the nearest .alliance-lens/rules.json in its folder or
// above, up to the workspace folder (core's discovery, as the CLI finds it), and the rules the user switched off.
// Reconfigures (and re-analyses) when either changes, and reports broken rule files once, by line.
import * as vscode from 'vscode';
import { engineOptions, RULES_PATH, type FoundFile, type TranscriptConfiguration } from '../../core/configuration/discover';
import type { RuleFile } from '../../core';
import type { Configuration } from '../configuration';
import type { DocumentAnalyses } from '../documentAnalyses';
import type { FileProblems } from '../problems/fileProblems';
import { notify } from '../notify';
import type { AnalysisService } from './analysisService';
import { configurationOf, configurationScope } from './workspaceConfiguration';

type FoundConfiguration = Awaited<ReturnType<typeof configurationOf>>;

export class EngineConfigurator implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private disabledRulesKey = '';
  private reportedErrors = '';
  /** Every rules file in use (workspace folders' and those found for open transcripts), by the path the engine names
   * it with: the engine's rule errors cover them all, and the Problems panel shows them at their file. */
  private ruleFiles = new Map<string, { file: FoundFile; uri: vscode.Uri }>();
  /** What discovery found for each folder holding a transcript, by the uri of a transcript in it. */
  private readonly folderRules = new Map<string, { uri: vscode.Uri; found: Promise<FoundConfiguration> }>();

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

  /** The rules files for the transcript at `uri`, exactly as `alliance-lens analyze` would use them. */
  async rulesOf(uri: vscode.Uri): Promise<RuleFile[]> {
    const scope = configurationScope(uri);
    const folderKey = scope.base.with({ path: scope.folder }).toString();
    let held = this.folderRules.get(folderKey);
    if (!held) {
      held = { uri, found: configurationOf(uri) };
      this.folderRules.set(folderKey, held);
      const found = await held.found;
      // A rules file no other transcript uses yet joins the configuration, so its errors are reported.
      if (found.rules && this.ruleFiles.get(found.rules.path)?.file.text !== found.rules.text) {
        this.ruleFiles.set(found.rules.path, { file: found.rules, uri: found.scope.base.with({ path: found.rules.path }) });
        void this.configure();
      }
    }
    return engineOptions([await held.found]).userRuleFiles;
  }

  /** Reads the rule files and settings again, reconfigures the engine, and re-analyses the visible transcripts. */
  async apply(): Promise<void> {
    const roots = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri);
    for (const [folderKey, held] of this.folderRules) this.folderRules.set(folderKey, { uri: held.uri, found: configurationOf(held.uri) });
    const found: Array<Pick<TranscriptConfiguration, 'rules'> & { scope: FoundConfiguration['scope'] }> = [
      ...await Promise.all(roots.map((root) => configurationOf(root))),
      ...await Promise.all([...this.folderRules.values()].map((held) => held.found)),
    ];
    const previous = this.ruleFiles;
    this.ruleFiles = new Map(found.flatMap(({ rules, scope }) => (rules ? [[rules.path, { file: rules, uri: scope.base.with({ path: rules.path }) }] as const] : [])));
    // A rules file that is gone takes its problems with it.
    for (const [path, { uri }] of previous) if (!this.ruleFiles.has(path)) this.fileProblems.reportFileProblems(uri, 'rules file', []);
    await this.configure();
  }

  /** Reconfigures the engine at once (before any await), so no analysis runs with the previous settings. */
  private async configure(): Promise<void> {
    const disabledRules = this.configuration.settings['allianceLens.rules.disabled'];
    this.disabledRulesKey = JSON.stringify(disabledRules);
    const options = engineOptions([...this.ruleFiles.values()].map(({ file }) => ({ rules: file })), { disabledRules });
    this.service.configure(options);
    this.analyses.invalidateAll();
    if (options.userRuleFiles.length > 0) await this.reportRuleErrors();
  }

  private async reportRuleErrors(): Promise<void> {
    const { ruleErrors } = await this.service.helpers();
    for (const [path, { uri }] of this.ruleFiles) {
      this.fileProblems.reportFileProblems(uri, 'rules file', ruleErrors.filter((error) => error.path === path));
    }
    const text = ruleErrors.map((error) => `${error.path}:${error.line}: ${error.field}: ${error.message}`).join('\n');
    if (!text || text === this.reportedErrors) return;
    this.reportedErrors = text;
    const first = ruleErrors[0];
    // Built-in rule files have no uri: only a user's rules file can be opened.
    const uri = this.ruleFiles.get(first.path)?.uri;
    const where = uri ? vscode.workspace.asRelativePath(uri) : first.path;
    void notify('warning', `${ruleErrors.length} problem(s) in your rules; those rules are skipped, the built-in rules still work. First: ${where}:${first.line}: ${first.message}`,
      uri ? { open: { uri, line: first.line }, openLabel: 'Open rules file' } : {});
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
