// A set of sessions on disk, the workspace's or one folder's, analysed for trends and kept up to date. The first
// use finds the transcripts and analyses them one by one on the worker-based AnalysisService (never on the extension
// host), reporting progress and stopping when cancelled. After that, a transcript that changes, appears or goes is
// analysed (or dropped) alone: nothing else is analysed again. Grouping and ordering are core's, as in
// `alliance-lens trends`; only what trends read of each analysis is kept, not its utterances.
import * as vscode from 'vscode';
import { buildTrends, type TrendInput, type TrendsReport } from '../../core/trends/trends';
import type { DocumentRules } from '../documentAnalyses';
import type { AnalysisService } from '../engine/analysisService';
import { looksLikeTranscript } from '../eligibility';

/** .transcript files are transcripts by name; .txt, .vtt and .srt only when their first lines look like one. */
const TRANSCRIPT_GLOB = '**/*.{transcript,txt,vtt,srt}';
const TRANSCRIPT_NAME = /\.(transcript|txt|vtt|srt)$/i;
const EXCLUDED = '**/{node_modules,.git,.vscode,.alliance-lens}/**';
/** A workspace of thousands of text files is not a caseload; stop there rather than analyse them all. */
const MAX_FILES = 500;
/** Saving a file fires several events (the watcher's, the document's): analyse once they settle. */
const SETTLE_MS = 400;

export interface WorkspaceSessions {
  report: TrendsReport;
  /** Session file (the name in the report) → its file. */
  uris: Map<string, vscode.Uri>;
  /** Files that could not be read. */
  problems: string[];
  /** Set when the analysis was stopped before every file was analysed. */
  incomplete: string | null;
}

export interface CollectProgress {
  done: number;
  total: number;
}

interface Entry {
  uri: vscode.Uri;
  input: TrendInput;
}

export class SessionSet implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly problems = new Map<string, string>();
  private collection: Promise<void> | undefined;
  private cancellation: vscode.CancellationTokenSource | undefined;
  private incomplete: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly settling = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly progressed = new vscode.EventEmitter<CollectProgress>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after the sessions changed: collected, refreshed, or one file analysed again. */
  readonly onDidChange = this.changed.event;
  readonly onDidProgress = this.progressed.event;
  /** Every file analysed, in order (the last 1000), so tests can see that a change re-analysed only its file. */
  readonly analysed: string[] = [];

  /** `folder` undefined: every workspace folder. */
  constructor(
    private readonly service: AnalysisService,
    private readonly maxFileSizeMB: () => number,
    readonly folder?: vscode.Uri,
    /** Each transcript's rules files, found as the CLI finds them, so a session scores as `alliance-lens trends` scores it. */
    private readonly rulesOf?: DocumentRules,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(folder ? new vscode.RelativePattern(folder, TRANSCRIPT_GLOB) : TRANSCRIPT_GLOB);
    this.disposables.push(
      this.changed, this.progressed, watcher,
      watcher.onDidChange((uri) => this.settle(uri)),
      watcher.onDidCreate((uri) => this.settle(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      // Watchers may miss folders outside the workspace; a save in the editor is always seen.
      vscode.workspace.onDidSaveTextDocument((document) => this.settle(document.uri)),
    );
  }

  /** "trainee-sessions", or "this workspace". */
  get name(): string {
    return this.folder ? this.folder.path.replace(/\/+$/, '').split('/').pop() || this.folder.toString() : 'this workspace';
  }

  get started(): boolean {
    return this.collection !== undefined;
  }

  /** The sessions: collected on the first call, then kept up to date. */
  async sessions(): Promise<WorkspaceSessions> {
    this.collection ??= this.enqueue(() => this.collect());
    await this.collection;
    return this.snapshot();
  }

  snapshot(): WorkspaceSessions {
    const entries = [...this.entries.values()].sort((a, b) => compare(a.input.file, b.input.file));
    return {
      report: buildTrends(entries.map((entry) => entry.input)),
      uris: new Map(entries.map((entry) => [entry.input.file, entry.uri])),
      problems: [...this.problems.values()],
      incomplete: this.incomplete,
    };
  }

  /** Everything again, from scratch (the Refresh button). */
  refresh(): void {
    this.cancellation?.cancel();
    this.collection = undefined;
    this.changed.fire();
  }

  /** Stops the collection under way; what was analysed so far stays. */
  stop(): void {
    this.cancellation?.cancel();
  }

  private async collect(): Promise<void> {
    const cancellation = new vscode.CancellationTokenSource();
    this.cancellation = cancellation;
    try {
      const found = await vscode.workspace.findFiles(this.folder ? new vscode.RelativePattern(this.folder, TRANSCRIPT_GLOB) : TRANSCRIPT_GLOB, EXCLUDED, MAX_FILES, cancellation.token);
      found.sort((a, b) => compare(a.toString(), b.toString()));
      this.entries.clear();
      this.problems.clear();
      this.incomplete = null;
      for (const [done, uri] of found.entries()) {
        if (cancellation.token.isCancellationRequested) {
          this.incomplete = `Stopped after ${done} of ${found.length} files.`;
          break;
        }
        this.progressed.fire({ done, total: found.length });
        await this.analyse(uri);
      }
      if (!this.incomplete) this.progressed.fire({ done: found.length, total: found.length });
    } finally {
      cancellation.dispose();
      if (this.cancellation === cancellation) this.cancellation = undefined;
    }
    this.changed.fire();
  }

  private contains(uri: vscode.Uri): boolean {
    if (!TRANSCRIPT_NAME.test(uri.path) || /\/(node_modules|\.git|\.vscode|\.alliance-lens)\//.test(uri.path)) return false;
    if (!this.folder) return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
    return uri.scheme === this.folder.scheme && uri.authority === this.folder.authority && uri.path.startsWith(`${this.folder.path.replace(/\/+$/, '')}/`);
  }

  /** Analyses `uri` alone once its events settle; nothing happens before the first collection. */
  private settle(uri: vscode.Uri): void {
    if (!this.collection || !this.contains(uri)) return;
    const key = uri.toString();
    clearTimeout(this.settling.get(key));
    this.settling.set(key, setTimeout(() => {
      this.settling.delete(key);
      void this.enqueue(() => this.analyse(uri)).then(() => this.changed.fire());
    }, SETTLE_MS));
  }

  /** A deleted file, or a deleted folder and everything below it. */
  private remove(uri: vscode.Uri): void {
    if (!this.collection) return;
    const key = uri.toString();
    const below = `${key.replace(/\/+$/, '')}/`;
    let removed = false;
    for (const map of [this.entries, this.problems] as Map<string, unknown>[]) {
      for (const entryKey of [...map.keys()]) {
        if (entryKey === key || entryKey.startsWith(below)) removed = map.delete(entryKey) || removed;
      }
    }
    if (removed) this.changed.fire();
  }

  private async analyse(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const file = this.fileName(uri);
    this.entries.delete(key);
    this.problems.delete(key);
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > this.maxFileSizeMB() * 1024 * 1024) return;
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      if (!/\.transcript$/i.test(uri.path) && !looksLikeTranscript(text, file)) return;
      // A key of its own, forgotten at once: the set needs each file's summary, not a cache of every utterance.
      const analysisKey = `sessions:${key}`;
      const userRuleFiles = this.rulesOf && await this.rulesOf(uri);
      const analysis = await this.service.analyze({ key: analysisKey, fileName: file, text, ...(userRuleFiles ? { userRuleFiles } : {}) });
      this.service.forget(analysisKey);
      this.analysed.push(file);
      if (this.analysed.length > 1000) this.analysed.splice(0, this.analysed.length - 1000);
      if (analysis.utterances.length === 0) return;
      this.entries.set(key, { uri, input: { file, metadata: analysis.metadata, summary: analysis.summary, speakers: analysis.speakers } });
    } catch (error) {
      this.problems.set(key, `${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The workspace-relative path; for a folder outside the workspace, the path from the folder's own name. */
  private fileName(uri: vscode.Uri): string {
    const relative = vscode.workspace.asRelativePath(uri);
    if (!this.folder || (relative !== uri.fsPath && relative !== uri.toString())) return relative;
    return `${this.name}/${uri.path.slice(this.folder.path.replace(/\/+$/, '').length + 1)}`;
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.cancellation?.cancel();
    for (const timer of this.settling.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** By UTF-16 code units, the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
