// Supervisor comments through VS Code's Comments API: threads on ranges, replies, resolve and reopen. The sidecar
// is the truth; the VS Code threads are redrawn from it whenever it changes (load, re-anchoring, edits).
import * as vscode from 'vscode';
import { createAnchor } from '../../core/annotations/anchor';
import { addThread, reply, setResolved } from '../../core/annotations/sidecar-edits';
import type { CommentThread as StoredThread, Sidecar } from '../../core/annotations/sidecar';
import type { Analysis } from '../../core/types';
import type { SidecarStore } from './sidecarStore';

export const COMMENT_CONTROLLER_ID = 'allianceLens.comments';
export const COMMENT_COMMANDS = {
  create: 'allianceLens.comments.create',
  reply: 'allianceLens.comments.reply',
  resolve: 'allianceLens.comments.resolve',
  reopen: 'allianceLens.comments.reopen',
} as const;

interface Shown {
  thread: vscode.CommentThread;
  /** The sidecar thread id. */
  id: string;
}

export class SupervisorComments implements vscode.Disposable {
  private readonly controller = vscode.comments.createCommentController(COMMENT_CONTROLLER_ID, 'Alliance Lens supervision');
  /** document uri → shown threads. */
  private readonly shown = new Map<string, Shown[]>();

  constructor(
    private readonly store: SidecarStore,
    private readonly author: () => string,
    private readonly analysisOf: (document: vscode.TextDocument) => Analysis | undefined,
  ) {
    this.controller.options = { prompt: 'Comment for the trainee…', placeHolder: 'Supervisor comment' };
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (document) => (this.analysisOf(document) ? [new vscode.Range(0, 0, Math.max(0, document.lineCount - 1), 0)] : []),
    };
  }

  /** Adds a new thread on a range (the UI's "Add Comment", and tests). */
  async addComment(document: vscode.TextDocument, range: vscode.Range, body: string): Promise<StoredThread | undefined> {
    const text = document.getText();
    let start = document.offsetAt(range.start);
    let end = document.offsetAt(range.end);
    if (start === end) {
      // A comment on a line from the gutter: anchor it to that line's text.
      const line = document.lineAt(range.start.line);
      start = document.offsetAt(line.range.start) + line.firstNonWhitespaceCharacterIndex;
      end = document.offsetAt(line.range.end);
      if (start === end) return undefined;
    }
    let created: StoredThread | undefined;
    const ok = await this.store.update(document, (sidecar) => {
      const result = addThread(sidecar, { author: this.author(), body, anchor: createAnchor(text, start, end, this.analysisOf(document)?.utterances ?? []) });
      created = result.thread;
      return result.sidecar;
    });
    return ok ? created : undefined;
  }

  async handleCreateOrReply(input: vscode.CommentReply): Promise<void> {
    const document = await vscode.workspace.openTextDocument(input.thread.uri);
    const mine = this.find(input.thread);
    if (mine) {
      await this.store.update(document, (sidecar) => reply(sidecar, mine.id, { author: this.author(), body: input.text }));
      return;
    }
    // A thread VS Code made from the gutter: replace it with a stored one.
    const range = input.thread.range ?? new vscode.Range(0, 0, 0, 0);
    input.thread.dispose();
    await this.addComment(document, range, input.text);
  }

  async setResolved(thread: vscode.CommentThread, resolved: boolean): Promise<void> {
    const mine = this.find(thread);
    if (!mine) return;
    const document = await vscode.workspace.openTextDocument(thread.uri);
    await this.store.update(document, (sidecar) => setResolved(sidecar, mine.id, resolved));
  }

  /** Redraws a document's threads from its sidecar. */
  sync(document: vscode.TextDocument, sidecar: Sidecar | undefined): void {
    const key = document.uri.toString();
    const before = this.shown.get(key) ?? [];
    const next: Shown[] = [];
    for (const stored of sidecar?.comments ?? []) {
      if (stored.orphaned) continue;
      const range = new vscode.Range(document.positionAt(stored.anchor.start), document.positionAt(stored.anchor.end));
      const comments = stored.comments.map((comment): vscode.Comment => ({
        author: { name: comment.author },
        body: new vscode.MarkdownString().appendText(comment.body),
        mode: vscode.CommentMode.Preview,
        timestamp: new Date(comment.created),
      }));
      let shown = before.find((candidate) => candidate.id === stored.id);
      if (!shown) {
        shown = { id: stored.id, thread: this.controller.createCommentThread(document.uri, range, comments) };
      } else {
        shown.thread.range = range;
        shown.thread.comments = comments;
      }
      shown.thread.label = `“${stored.anchor.exact.length > 40 ? `${stored.anchor.exact.slice(0, 39)}…` : stored.anchor.exact}”`;
      shown.thread.contextValue = stored.resolved ? 'resolved' : 'unresolved';
      shown.thread.state = stored.resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
      shown.thread.canReply = true;
      next.push(shown);
    }
    for (const old of before) if (!next.includes(old)) old.thread.dispose();
    this.shown.set(key, next);
  }

  /** For tests: the threads shown in a document. */
  threads(uri: vscode.Uri): vscode.CommentThread[] {
    return (this.shown.get(uri.toString()) ?? []).map((shown) => shown.thread);
  }

  private find(thread: vscode.CommentThread): Shown | undefined {
    return this.shown.get(thread.uri.toString())?.find((shown) => shown.thread === thread);
  }

  dispose(): void {
    this.controller.dispose();
  }
}
