// Holds the sidecar of every transcript in use: loads it (re-anchoring to the text as it is now), keeps it on
// its quotes while the user types, and saves it. A sidecar that fails to parse or validate is never written:
// the user is told the file, line and problem, with an action to open it, and every change waits until it is
// fixed (the file is re-read when it changes on disk).
import * as vscode from 'vscode';
import type { UtteranceRange } from '../../core/annotations/anchor';
import type { TextEdit } from '../../core/annotations/reanchor';
import { reanchorSidecar } from '../../core/annotations/sidecar-edits';
import { emptySidecar, parseSidecar, serializeSidecar, sidecarPathFor, SIDECAR_SUFFIX, type Sidecar } from '../../core/annotations/sidecar';
import { mergeSidecars } from '../../core/annotations/sidecar-merge';
import type { JsonProblem } from '../../core/annotations/json-location';
import type { FileProblems } from '../problems/fileProblems';
import { readTextFile, writeTextFileAtomically } from './fileAccess';
import { errorMessage, notify } from '../notify';

const SAVE_DELAY_MS = 400;

interface Entry {
  /** The transcript's uri, which change events name. */
  documentUri: vscode.Uri;
  sidecarUri: vscode.Uri;
  /** null while the file on disk is broken: nothing is shown or written until it is fixed. */
  sidecar: Sidecar | null;
  problems: JsonProblem[];
  /** False for documents with nowhere to keep a sidecar (untitled, read-only file systems). */
  storable: boolean;
  /** Text of the last successful write, so our own writes are not mistaken for outside changes. */
  lastWritten?: string;
  saveTimer?: ReturnType<typeof setTimeout>;
  pendingSave?: Promise<void>;
}

export function sidecarUriFor(document: vscode.Uri): vscode.Uri {
  return document.with({ path: sidecarPathFor(document.path) });
}

export class SidecarStore implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Entry>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private closing: Promise<void> | undefined;
  /** Fires with the transcript's uri whenever its annotations change (load, edit, re-anchor). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly utterancesOf: (document: vscode.TextDocument) => readonly UtteranceRange[],
    private readonly fileProblems: FileProblems,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    this.disposables.push(
      watcher,
      watcher.onDidChange((uri) => this.reloadFromDisk(uri)),
      watcher.onDidCreate((uri) => this.reloadFromDisk(uri)),
      vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event)),
      vscode.workspace.onDidRenameFiles((event) => this.followRenames(event.files)),
    );
  }

  /** A transcript renamed or moved in VS Code takes its sidecar along, so its annotations are not left behind. An
   * existing sidecar at the new name is never overwritten. */
  private async followRenames(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<void> {
    for (const { oldUri, newUri } of files) {
      if (oldUri.path.endsWith(SIDECAR_SUFFIX)) continue;
      const from = sidecarUriFor(oldUri);
      const to = sidecarUriFor(newUri);
      try {
        await vscode.workspace.fs.stat(from);
      } catch {
        continue;
      }
      this.entries.delete(oldUri.toString());
      try {
        await vscode.workspace.fs.rename(from, to, { overwrite: false });
      } catch (error) {
        void notify('warning', `${vscode.workspace.asRelativePath(from)} was not moved along with its transcript (${errorMessage(error)}). Move or merge it by hand; it was not changed.`);
      }
    }
  }

  /** The sidecar of a transcript (an empty one if there is none yet), or undefined while its file is broken. */
  async get(document: vscode.TextDocument): Promise<Sidecar | undefined> {
    return (await this.entry(document)).sidecar ?? undefined;
  }

  /** Without loading: what is in memory now. */
  peek(uri: vscode.Uri): Sidecar | undefined {
    return this.entries.get(uri.toString())?.sidecar ?? undefined;
  }

  problems(uri: vscode.Uri): JsonProblem[] {
    return this.entries.get(uri.toString())?.problems ?? [];
  }

  /** Applies a change a person made and saves at once. Returns false (and says why) when the sidecar is broken. */
  async update(document: vscode.TextDocument, change: (sidecar: Sidecar) => Sidecar): Promise<boolean> {
    const entry = await this.entry(document);
    if (!entry.sidecar) {
      this.reportProblems(entry);
      return false;
    }
    if (!entry.storable) {
      void vscode.window.showInformationMessage('Alliance Lens: save the transcript first; its codes and comments are kept in a file beside it.');
      return false;
    }
    entry.sidecar = change(entry.sidecar);
    this.changed.fire(document.uri);
    await this.save(entry);
    return true;
  }

  /** Re-anchors to the document's current text and utterances (after an analysis, or on load). */
  async reanchor(document: vscode.TextDocument): Promise<void> {
    const entry = await this.entry(document);
    if (!entry.sidecar) return;
    const result = reanchorSidecar(entry.sidecar, document.getText(), this.utterancesOf(document));
    if (!result.changed) return;
    entry.sidecar = result.sidecar;
    this.changed.fire(document.uri);
    this.scheduleSave(entry);
  }

  /** Writes what is still waiting on its delay and waits for every write under way (tests, deactivation). */
  async flush(): Promise<void> {
    await Promise.all([...this.entries.values()].map((entry) => {
      if (entry.saveTimer) {
        clearTimeout(entry.saveTimer);
        entry.saveTimer = undefined;
        return this.save(entry);
      }
      return entry.pendingSave;
    }));
  }

  /** Reads every sidecar again from disk, in place, after writing what was waiting on its delay (as a window reload
   * does): whoever holds this store keeps it. Each transcript it held gets a change event; its sidecar is read again
   * on the next get(). */
  async reload(): Promise<void> {
    await this.flush();
    const held = [...this.entries.values()].map((entry) => entry.documentUri);
    this.entries.clear();
    for (const uri of held) this.changed.fire(uri);
  }

  private async entry(document: vscode.TextDocument): Promise<Entry> {
    const key = document.uri.toString();
    const existing = this.entries.get(key);
    if (existing) return existing;
    let loading = this.loading.get(key);
    if (!loading) {
      loading = this.load(document).finally(() => this.loading.delete(key));
      this.loading.set(key, loading);
    }
    return loading;
  }

  private async load(document: vscode.TextDocument): Promise<Entry> {
    const sidecarUri = sidecarUriFor(document.uri);
    const entry: Entry = { documentUri: document.uri, sidecarUri, sidecar: null, problems: [], storable: vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === true };
    if (!entry.storable) {
      entry.sidecar = emptySidecar(document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1));
    } else {
      try {
        this.applyFileText(entry, document, await readTextFile(sidecarUri));
      } catch (error) {
        // Unreadable (permissions, a folder of that name…): treat like a broken file, so it is never overwritten.
        entry.problems = [{ line: 1, column: 1, field: '', message: `cannot be read (${errorMessage(error)})` }];
        this.reportProblems(entry);
      }
    }
    this.entries.set(document.uri.toString(), entry);
    this.changed.fire(document.uri);
    return entry;
  }

  private applyFileText(entry: Entry, document: vscode.TextDocument, text: string | undefined): void {
    if (text === undefined) {
      entry.sidecar = emptySidecar(document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1));
      entry.problems = [];
      return;
    }
    const parsed = parseSidecar(text);
    if (!parsed.ok) {
      entry.sidecar = null;
      entry.problems = parsed.problems;
      this.reportProblems(entry);
      return;
    }
    entry.problems = [];
    this.fileProblems.reportFileProblems(entry.sidecarUri, 'sidecar', []);
    entry.lastWritten = text;
    const placed = reanchorSidecar(parsed.sidecar, document.getText(), this.utterancesOf(document));
    entry.sidecar = placed.sidecar;
    if (placed.orphaned > 0) {
      void notify('warning', `${placed.orphaned} annotation(s) in ${vscode.workspace.asRelativePath(entry.sidecarUri)} no longer match the transcript's text. They are kept and listed under "Orphaned" in the Codes view.`);
    }
  }

  private reportProblems(entry: Entry): void {
    this.fileProblems.reportFileProblems(entry.sidecarUri, 'sidecar', entry.problems);
    const first = entry.problems[0];
    if (!first) return;
    const where = `${vscode.workspace.asRelativePath(entry.sidecarUri)}, line ${first.line}`;
    const what = first.field ? `${first.field}: ${first.message}` : first.message;
    void notify('error', `cannot read ${where}: ${what}. It will not be overwritten; fix it and your annotations come back.`, { open: { uri: entry.sidecarUri, line: first.line } });
  }

  private async reloadFromDisk(sidecarUri: vscode.Uri): Promise<void> {
    const entryKey = [...this.entries].find(([, entry]) => entry.sidecarUri.toString() === sidecarUri.toString())?.[0];
    if (!entryKey) return;
    const entry = this.entries.get(entryKey)!;
    let text: string | undefined;
    let unreadable: string | undefined;
    try {
      text = await readTextFile(sidecarUri);
    } catch (error) {
      unreadable = errorMessage(error);
    }
    if (unreadable === undefined && (text === undefined || text === entry.lastWritten)) return;
    if (unreadable === undefined && entry.sidecar && serializeSidecar(entry.sidecar) !== entry.lastWritten) {
      // We have changes of our own not yet written: replacing memory with the file would drop them. The save merges
      // the two instead, and shows the result.
      this.scheduleSave(entry);
      return;
    }
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === entryKey);
    if (!document) {
      this.entries.delete(entryKey);
      return;
    }
    if (unreadable !== undefined) {
      // E.g. no longer valid UTF-8: treated like a broken file, never saved over until it is fixed.
      entry.sidecar = null;
      entry.problems = [{ line: 1, column: 1, field: '', message: `cannot be read (${unreadable})` }];
      this.reportProblems(entry);
      this.changed.fire(document.uri);
      return;
    }
    this.applyFileText(entry, document, text);
    this.changed.fire(document.uri);
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(event.document.uri.toString());
    if (!entry?.sidecar || event.contentChanges.length === 0) return;
    // VS Code lists a multi-cursor edit's changes from last to first, so each offset is valid when applied in turn.
    const edits: TextEdit[] = event.contentChanges.map((change) => ({
      start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text,
    }));
    const result = reanchorSidecar(entry.sidecar, event.document.getText(), [], edits);
    if (!result.changed) return;
    // Utterance indexes are refreshed after the next analysis (see reanchor); keep the old ones meanwhile.
    entry.sidecar = {
      ...result.sidecar,
      annotations: result.sidecar.annotations.map((item, i) => ({ ...item, anchor: { ...item.anchor, utterance: entry.sidecar!.annotations[i]!.anchor.utterance } })),
      comments: result.sidecar.comments.map((item, i) => ({ ...item, anchor: { ...item.anchor, utterance: entry.sidecar!.comments[i]!.anchor.utterance } })),
      decisions: result.sidecar.decisions.map((item, i) => ({ ...item, anchor: { ...item.anchor, utterance: entry.sidecar!.decisions[i]!.anchor.utterance } })),
    };
    this.changed.fire(event.document.uri);
    this.scheduleSave(entry);
  }

  private scheduleSave(entry: Entry): void {
    clearTimeout(entry.saveTimer);
    entry.saveTimer = setTimeout(() => {
      entry.saveTimer = undefined;
      void this.save(entry);
    }, SAVE_DELAY_MS);
  }

  /** Queues a write after the one under way. pendingSave is set before anything is awaited, so a flush that comes
   * at any moment (the window closing) finds every write, including one that has not started yet. */
  private save(entry: Entry): Promise<void> {
    const write = (entry.pendingSave ?? Promise.resolve()).then(() => this.write(entry));
    entry.pendingSave = write;
    return write;
  }

  private async write(entry: Entry): Promise<void> {
    if (!entry.sidecar || !entry.storable) return;
    if (serializeSidecar(entry.sidecar) === entry.lastWritten) return;
    try {
      const onDisk = await readTextFile(entry.sidecarUri);
      let toWrite = entry.sidecar;
      if (onDisk !== undefined && onDisk !== entry.lastWritten) {
        // Someone else wrote it since we last read it (a second coder, a sync client, git). A broken file is never
        // overwritten; a valid one is merged with ours by id, so neither side's work is lost.
        const theirs = parseSidecar(onDisk);
        if (!theirs.ok) {
          entry.problems = theirs.problems;
          this.reportProblems(entry);
          return;
        }
        const merged = await this.mergeWithDisk(entry, toWrite, theirs.sidecar);
        if (!merged) return;
        toWrite = merged;
      }
      const text = serializeSidecar(toWrite);
      await writeTextFileAtomically(entry.sidecarUri, text);
      entry.lastWritten = text;
      this.fileProblems.log.info(`saved ${vscode.workspace.asRelativePath(entry.sidecarUri)}`);
      if (toWrite !== entry.sidecar) {
        entry.sidecar = toWrite;
        this.changed.fire(entry.documentUri);
      }
    } catch (error) {
      void notify('error', `could not save ${vscode.workspace.asRelativePath(entry.sidecarUri)}: ${errorMessage(error)}. Your annotations are still in memory; they are saved again on the next change.`);
    }
  }

  /** Ours and the file's, merged against what we last read or wrote; on a true conflict the user chooses, and
   * without a choice nothing is written (ours stays in memory, theirs on disk). */
  private async mergeWithDisk(entry: Entry, ours: Sidecar, theirs: Sidecar): Promise<Sidecar | undefined> {
    const baseParsed = entry.lastWritten === undefined ? undefined : parseSidecar(entry.lastWritten);
    const base = baseParsed?.ok ? baseParsed.sidecar : emptySidecar(ours.transcript);
    const merged = mergeSidecars(base, ours, theirs);
    if (merged.ok) return merged.sidecar;
    const where = vscode.workspace.asRelativePath(entry.sidecarUri);
    const choice = await vscode.window.showWarningMessage(
      `Alliance Lens: ${merged.conflicts.length} item(s) in ${where} were changed both here and in the file (by another coder or a sync). Everything else is merged. Which version of those items should be kept?`,
      { modal: true }, 'Keep Mine', 'Keep the File\'s',
    );
    if (choice === undefined) return undefined;
    const settled = mergeSidecars(base, ours, theirs, choice === 'Keep Mine' ? 'ours' : 'theirs');
    return settled.ok ? settled.sidecar : undefined;
  }

  /** Stops listening, and writes at once what was waiting on its delay: a code applied or an anchor moved just
   * before the window closes is kept. `closed` settles when those writes are done. */
  dispose(): void {
    this.closing ??= this.flush();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Settles when the writes started by dispose() are done (at once if it was never disposed). */
  get closed(): Promise<void> {
    return this.closing ?? Promise.resolve();
  }
}
