// The codebook of the workspace a document belongs to: built-in codes plus `.alliance-lens/codebook.json`. A broken
// codebook file is reported with its line (and an Open action) and the built-in codes stay usable meanwhile.
import * as vscode from 'vscode';
import { CODEBOOK_PATH, mergeCodebook, parseCodebookFile, type CodebookEntry, type CodebookFile } from '../../core/annotations/codebook';
import { openAtLine, readTextFile } from './fileAccess';

export type CodebookState = { file: CodebookFile | null; entries: CodebookEntry[]; broken: boolean };

export class CodebookService implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<CodebookState>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CODEBOOK_PATH}`);
    const forget = () => {
      this.cache.clear();
      this.changed.fire();
    };
    this.disposables.push(watcher, watcher.onDidChange(forget), watcher.onDidCreate(forget), watcher.onDidDelete(forget));
  }

  /** Where the codebook of this document lives: its workspace folder's .alliance-lens, else the file's folder's
   * (a transcript opened from outside the workspace never writes into the workspace). */
  codebookUri(documentUri: vscode.Uri): vscode.Uri {
    const folder = vscode.workspace.getWorkspaceFolder(documentUri)?.uri ?? vscode.Uri.joinPath(documentUri, '..');
    return vscode.Uri.joinPath(folder, CODEBOOK_PATH);
  }

  async codebook(documentUri: vscode.Uri | undefined): Promise<CodebookState> {
    const uri = documentUri ? this.codebookUri(documentUri) : vscode.workspace.workspaceFolders?.[0] && vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, CODEBOOK_PATH);
    if (!uri) return { file: null, entries: mergeCodebook(null), broken: false };
    const key = uri.toString();
    let state = this.cache.get(key);
    if (!state) {
      state = this.read(uri);
      this.cache.set(key, state);
    }
    return state;
  }

  private async read(uri: vscode.Uri): Promise<CodebookState> {
    const text = await readTextFile(uri).catch(() => undefined);
    if (text === undefined) return { file: null, entries: mergeCodebook(null), broken: false };
    const parsed = parseCodebookFile(text);
    if (parsed.ok) return { file: parsed.file, entries: mergeCodebook(parsed.file), broken: false };
    const first = parsed.problems[0]!;
    void vscode.window.showErrorMessage(
      `Alliance Lens: ${vscode.workspace.asRelativePath(uri)}, line ${first.line}: ${first.field ? `${first.field}: ` : ''}${first.message}. Only the built-in codes are offered until it is fixed.`,
      'Open',
    ).then((choice) => (choice === 'Open' ? openAtLine(uri, first.line) : undefined));
    return { file: null, entries: mergeCodebook(null), broken: true };
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
