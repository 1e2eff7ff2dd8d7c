// The "Codes" view: each code used in the active transcript with its count and its segments (a person's codes and
// the automatic findings they accepted or put a code in place of), the findings they rejected, and every orphaned
// item. Clicking a segment reveals it.
import * as vscode from 'vscode';
import type { CodebookEntry } from '../../core/annotations/codebook';
import type { Sidecar } from '../../core/annotations/sidecar';

export const CODES_VIEW_ID = 'allianceLens.codes';
export const REVEAL_SEGMENT_COMMAND = 'allianceLens.revealCodeSegment';
export const REMOVE_SEGMENT_COMMAND = 'allianceLens.removeCodeSegment';

export interface Segment {
  /** The annotation or decision it comes from. */
  itemId: string;
  code: string;
  coder: string;
  exact: string;
  start: number;
  end: number;
  memo?: string;
  source: 'selection' | 'accepted finding' | 'replaced finding' | 'rejected finding';
}

export type CodesNode =
  | { kind: 'code'; entry: Pick<CodebookEntry, 'id' | 'name' | 'color'>; segments: Segment[] }
  | { kind: 'group'; label: string; segments: Segment[]; orphans?: string[] }
  | { kind: 'segment'; segment: Segment }
  | { kind: 'orphan'; text: string };

/** Groups a sidecar into the view's nodes; pure, so it is easy to test. */
export function codesTree(sidecar: Sidecar, codebook: readonly CodebookEntry[]): CodesNode[] {
  const segments: Segment[] = [];
  const rejected: Segment[] = [];
  for (const annotation of sidecar.annotations) {
    if (annotation.orphaned) continue;
    for (const code of annotation.codes) {
      segments.push({ itemId: annotation.id, code, coder: annotation.coder, exact: annotation.anchor.exact, start: annotation.anchor.start, end: annotation.anchor.end, memo: annotation.memo, source: 'selection' });
    }
  }
  for (const decision of sidecar.decisions) {
    if (decision.orphaned) continue;
    const base = { itemId: decision.id, coder: decision.coder, exact: decision.anchor.exact, start: decision.anchor.start, end: decision.anchor.end };
    if (decision.verdict === 'accept') segments.push({ ...base, code: decision.code, source: 'accepted finding' });
    else if (decision.verdict === 'replace') for (const code of decision.replacement ?? []) segments.push({ ...base, code, source: 'replaced finding' });
    else rejected.push({ ...base, code: decision.code, source: 'rejected finding' });
  }
  const known = codebook.filter((entry) => segments.some((segment) => segment.code === entry.id));
  const unknownIds = [...new Set(segments.map((segment) => segment.code))].filter((id) => !codebook.some((entry) => entry.id === id));
  const nodes: CodesNode[] = [...known, ...unknownIds.map((id) => ({ id, name: id, color: '#607D8B' }))].map((entry) => ({
    kind: 'code', entry, segments: segments.filter((segment) => segment.code === entry.id).sort((a, b) => a.start - b.start),
  }));
  if (rejected.length) nodes.push({ kind: 'group', label: 'Rejected automatic codes', segments: rejected.sort((a, b) => a.start - b.start) });
  const orphans = [
    ...sidecar.annotations.filter((item) => item.orphaned).map((item) => `${item.codes.join(', ')}: “${item.anchor.exact}” (${item.coder})`),
    ...sidecar.comments.filter((item) => item.orphaned).map((item) => `comment: “${item.anchor.exact}” (${item.comments[0]?.author ?? ''})`),
    ...sidecar.decisions.filter((item) => item.orphaned).map((item) => `${item.verdict} ${item.code}: “${item.anchor.exact}” (${item.coder})`),
  ];
  if (orphans.length) nodes.push({ kind: 'group', label: 'Orphaned (text no longer in the transcript)', segments: [], orphans });
  return nodes;
}

export class CodesTreeProvider implements vscode.TreeDataProvider<CodesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private document: vscode.TextDocument | undefined;
  private roots: CodesNode[] = [];

  show(document: vscode.TextDocument | undefined, sidecar: Sidecar | undefined, codebook: readonly CodebookEntry[]): void {
    this.document = document;
    this.roots = sidecar ? codesTree(sidecar, codebook) : [];
    this.changed.fire();
  }

  /** For tests. */
  get rootNodes(): readonly CodesNode[] {
    return this.roots;
  }

  get shownDocument(): vscode.TextDocument | undefined {
    return this.document;
  }

  getChildren(node?: CodesNode): CodesNode[] {
    if (!node) return this.roots;
    if (node.kind === 'code' || node.kind === 'group') {
      return [...node.segments.map((segment): CodesNode => ({ kind: 'segment', segment })), ...(node.kind === 'group' ? node.orphans ?? [] : []).map((text): CodesNode => ({ kind: 'orphan', text }))];
    }
    return [];
  }

  getTreeItem(node: CodesNode): vscode.TreeItem {
    switch (node.kind) {
      case 'code': {
        const item = new vscode.TreeItem(node.entry.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${node.segments.length}`;
        item.tooltip = `${node.entry.id}: ${node.segments.length} segment(s)`;
        item.iconPath = new vscode.ThemeIcon('tag');
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${node.segments.length + (node.orphans?.length ?? 0)}`;
        item.iconPath = new vscode.ThemeIcon(node.orphans ? 'warning' : 'close');
        return item;
      }
      case 'segment': {
        const { segment } = node;
        const line = this.document ? this.document.positionAt(segment.start).line + 1 : undefined;
        const item = new vscode.TreeItem(`“${segment.exact.replace(/\s+/g, ' ')}”`, vscode.TreeItemCollapsibleState.None);
        item.description = `${segment.coder}${line ? ` · line ${line}` : ''}${segment.source === 'selection' ? '' : ` · ${segment.source}`}`;
        item.tooltip = segment.memo ? `${segment.code} · ${segment.memo}` : segment.code;
        if (this.document) item.command = { command: REVEAL_SEGMENT_COMMAND, title: 'Reveal', arguments: [this.document.uri, segment.start, segment.end] };
        item.contextValue = 'segment';
        return item;
      }
      case 'orphan':
        return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export async function revealSegment(uri: vscode.Uri, start: number, end: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  const editor = await vscode.window.showTextDocument(document, { selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
