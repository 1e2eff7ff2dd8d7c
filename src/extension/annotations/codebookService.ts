// The codebook a document is coded with: built-in codes plus the nearest `.alliance-lens/codebook.json` at or above
// it within its workspace folder (core's discovery, so the CLI's export and agree use the same one). A broken
// codebook file is reported with its line (and an Open action) and the built-in codes stay usable meanwhile.
import * as vscode from 'vscode';
import { CODEBOOK_PATH, mergeCodebook, parseCodebookFile, type CodebookEntry, type CodebookFile } from '../../core/annotations/codebook';
import { configurationOf, configurationScope } from '../engine/workspaceConfiguration';
import type { FileProblems } from '../problems/fileProblems';
import { notify, problemText } from '../notify';

export type CodebookState = { file: CodebookFile | null; entries: CodebookEntry[]; broken: boolean };

export class CodebookService implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<CodebookState>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(private readonly fileProblems: FileProblems) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CODEBOOK_PATH}`);
    const forget = () => {
      this.cache.clear();
      this.changed.fire();
    };
    this.disposables.push(watcher, watcher.onDidChange(forget), watcher.onDidCreate(forget), watcher.onDidDelete(forget));
  }

  /** Where the codebook of this document lives: the nearest existing one, else its workspace folder's
   * .alliance-lens, else the file's folder's (a transcript opened from outside the workspace never writes into it). */
  async codebookUri(documentUri: vscode.Uri): Promise<vscode.Uri> {
    const { codebook, scope } = await configurationOf(documentUri);
    if (codebook) return scope.base.with({ path: codebook.path });
    return vscode.Uri.joinPath(scope.base.with({ path: scope.root ?? scope.folder }), CODEBOOK_PATH);
  }

  async codebook(documentUri: vscode.Uri | undefined): Promise<CodebookState> {
    const context = documentUri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!context) return { file: null, entries: mergeCodebook(null), broken: false };
    // One entry per folder: every transcript in it has the same codebook, and a broken one is reported once.
    const scope = configurationScope(context);
    const key = scope.base.with({ path: scope.folder }).toString();
    let state = this.cache.get(key);
    if (!state) {
      state = this.read(context);
      this.cache.set(key, state);
    }
    return state;
  }

  private async read(documentUri: vscode.Uri): Promise<CodebookState> {
    const { codebook, scope } = await configurationOf(documentUri);
    if (!codebook) return { file: null, entries: mergeCodebook(null), broken: false };
    const uri = scope.base.with({ path: codebook.path });
    const parsed = parseCodebookFile(codebook.text);
    this.fileProblems.reportFileProblems(uri, 'codebook', parsed.ok ? [] : parsed.problems);
    if (parsed.ok) return { file: parsed.file, entries: mergeCodebook(parsed.file), broken: false };
    const first = parsed.problems[0]!;
    void notify('error', `${problemText(uri, first)}. Only the built-in codes are offered until it is fixed.`, { open: { uri, line: first.line } });
    return { file: null, entries: mergeCodebook(null), broken: true };
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
