// Review mode: transcripts are health records, so they open read-only and a stray keystroke (which the browser
// workbench would auto-save within seconds) cannot change them. The lock is VS Code's own "read-only in session"
// state (VS Code 1.79+, also code-server): the editor refuses typing, pastes and extension edits, and VS Code never
// saves the file. Those commands only act on the active editor, so every change of state first makes the
// transcript's editor active. Codes, comments and reviews need no unlocking: they are written to the sidecar.
import * as vscode from 'vscode';

const SET_READONLY = 'workbench.action.files.setActiveEditorReadonlyInSession';
const SET_WRITEABLE = 'workbench.action.files.setActiveEditorWriteableInSession';

/** Lets a feature write the transcript itself (the front matter) after its own confirmation, locked or not. */
export interface WriteAccess {
  isLocked(uri: vscode.Uri): boolean;
  /** Runs `write`; when the transcript is locked it is unlocked for just this write, saved (a locked file cannot
   * be saved later) when `write` reports success, and locked again whatever happens. */
  withWriteAccess(document: vscode.TextDocument, write: () => Promise<boolean>): Promise<boolean>;
}

export interface ReviewLockOptions {
  /** Whether the document is a transcript Alliance Lens analyses. */
  isTranscript(document: vscode.TextDocument): boolean;
  /** The allianceLens.review.readOnly setting, read when a transcript is first shown. */
  readOnlyByDefault(): boolean;
}

export class ReviewLock implements WriteAccess, vscode.Disposable {
  private readonly locked = new Set<string>();
  /** Transcripts whose state this session has already set (by default or by the user): never re-locked behind
   * the user's back when they come back to one. */
  private readonly decided = new Set<string>();
  /** Transcripts whose unlocking the user has confirmed once; they are not asked again. */
  private readonly unlockConfirmed = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: ReviewLockOptions) {
    this.disposables.push(this.changed, vscode.window.onDidChangeActiveTextEditor((editor) => void this.applyDefault(editor)));
    void this.applyDefault(vscode.window.activeTextEditor);
  }

  isLocked(uri: vscode.Uri): boolean {
    return this.locked.has(uri.toString());
  }

  /** Only files can be locked: VS Code's read-only state needs a file on a writable file system. */
  canLock(document: vscode.TextDocument): boolean {
    return !document.isUntitled && vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === true && this.options.isTranscript(document);
  }

  async lock(document: vscode.TextDocument): Promise<boolean> {
    if (this.isLocked(document.uri)) return true;
    if (document.isDirty) {
      // A locked file cannot be saved, so unsaved edits would be stranded: save them first, with the user's word.
      const save = 'Save and Lock';
      const answer = await vscode.window.showWarningMessage(
        `${vscode.workspace.asRelativePath(document.uri)} has unsaved changes. Save them and lock the transcript for review?`,
        { modal: true },
        save,
      );
      if (answer !== save || !(await document.save())) return false;
    }
    return this.setLocked(document, true);
  }

  /** Asks once per transcript; after that, unlocking it again in this session does not ask. */
  async unlock(document: vscode.TextDocument): Promise<boolean> {
    if (!this.isLocked(document.uri)) return true;
    const key = document.uri.toString();
    if (!this.unlockConfirmed.has(key)) {
      const unlock = 'Unlock for Editing';
      const answer = await vscode.window.showWarningMessage(
        `Unlock ${vscode.workspace.asRelativePath(document.uri)} for editing?`,
        {
          modal: true,
          detail: 'This transcript is a health record under review. Once unlocked, what you type changes the file, and VS Code may save it on its own (files.autoSave). Codes, comments and reviews never need this: they are kept in the sidecar beside the transcript.',
        },
        unlock,
      );
      if (answer !== unlock) return false;
      this.unlockConfirmed.add(key);
    }
    return this.setLocked(document, false);
  }

  toggle(document: vscode.TextDocument): Promise<boolean> {
    return this.isLocked(document.uri) ? this.unlock(document) : this.lock(document);
  }

  async withWriteAccess(document: vscode.TextDocument, write: () => Promise<boolean>): Promise<boolean> {
    if (!this.isLocked(document.uri)) return write();
    if (!(await this.setLocked(document, false))) return false;
    try {
      const written = await write();
      return written && (await document.save());
    } finally {
      await this.setLocked(document, true);
    }
  }

  private async applyDefault(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor) return;
    const { document } = editor;
    const key = document.uri.toString();
    if (this.decided.has(key) || !this.canLock(document)) return;
    this.decided.add(key);
    // Unsaved work is left alone: locking it would strand the changes.
    if (this.options.readOnlyByDefault() && !document.isDirty) await this.setLocked(document, true);
  }

  private async setLocked(document: vscode.TextDocument, locked: boolean): Promise<boolean> {
    const editor = await this.focusedEditor(document);
    if (!editor) return false;
    await vscode.commands.executeCommand(locked ? SET_READONLY : SET_WRITEABLE);
    const key = document.uri.toString();
    this.decided.add(key);
    if (locked) this.locked.add(key);
    else this.locked.delete(key);
    this.changed.fire(document.uri);
    return true;
  }

  /** VS Code's read-only commands act on the active editor: make the transcript's editor the active one. */
  private async focusedEditor(document: vscode.TextDocument): Promise<vscode.TextEditor | undefined> {
    const active = vscode.window.activeTextEditor;
    if (active?.document === document) return active;
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
    try {
      return await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preview: false, preserveFocus: false });
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
