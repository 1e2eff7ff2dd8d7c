// Paints human codes with their own style, distinct from the automatic highlights: a double underline in the
// human-code colour and the code names after the passage, so a person's codes never look like the engine's; reviews
// of automatic findings show as a struck-through rejection or a tick.
import * as vscode from 'vscode';
import type { CodebookEntry } from '../../core/annotations/codebook';
import type { Sidecar } from '../../core/annotations/sidecar';
import { humanCodeLabels } from './codeLabels';

export class HumanCodeDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    borderColor: new vscode.ThemeColor('allianceLens.humanCodeBorder'),
    borderStyle: 'none none double none',
    borderWidth: '0 0 3px 0',
    overviewRulerColor: new vscode.ThemeColor('allianceLens.humanCodeBorder'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
    after: { color: new vscode.ThemeColor('allianceLens.humanCodeBorder'), margin: '0 0 0 0.4em', fontStyle: 'italic' },
  });

  /** Automatic findings a person reviewed: rejected ones struck through, accepted or replaced ones marked. */
  private readonly rejectedType = vscode.window.createTextEditorDecorationType({
    textDecoration: 'line-through',
    after: { color: new vscode.ThemeColor('allianceLens.humanCodeBorder'), margin: '0 0 0 0.3em', fontStyle: 'italic' },
  });
  private readonly confirmedType = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('allianceLens.humanCodeBorder'), margin: '0 0 0 0.3em', fontStyle: 'italic' },
  });

  /** What was painted last, per document, for tests. */
  private readonly painted = new Map<string, vscode.Range[]>();

  paint(editor: vscode.TextEditor, sidecar: Sidecar | undefined, codebook: readonly CodebookEntry[]): void {
    const nameOf = (id: string) => codebook.find((entry) => entry.id === id)?.name ?? id;
    const placed = (sidecar?.annotations ?? []).filter((annotation) => !annotation.orphaned);
    const labels = humanCodeLabels(placed, nameOf);
    const options: vscode.DecorationOptions[] = placed
      .map((annotation, i) => {
        const range = new vscode.Range(editor.document.positionAt(annotation.anchor.start), editor.document.positionAt(annotation.anchor.end));
        const hover = new vscode.MarkdownString();
        hover.appendText(`${annotation.codes.map(nameOf).join(', ')} (coded by ${annotation.coder})`);
        if (annotation.memo) hover.appendMarkdown('\n\n').appendText(annotation.memo);
        return { range, hoverMessage: hover, renderOptions: { after: { contentText: labels[i] } } };
      });
    editor.setDecorations(this.type, options);
    const reviews = (sidecar?.decisions ?? []).filter((decision) => !decision.orphaned).map((decision) => {
      const range = new vscode.Range(editor.document.positionAt(decision.anchor.start), editor.document.positionAt(decision.anchor.end));
      const mark = decision.verdict === 'reject' ? `✗ ${nameOf(decision.code)}`
        : decision.verdict === 'accept' ? `✓ ${nameOf(decision.code)}` : `→ ${(decision.replacement ?? []).map(nameOf).join(', ')}`;
      const hover = new vscode.MarkdownString().appendText(`${decision.coder} ${decision.verdict === 'replace' ? 'replaced' : `${decision.verdict}ed`} the automatic code ${decision.code} (${decision.rule})`);
      return { verdict: decision.verdict, option: { range, hoverMessage: hover, renderOptions: { after: { contentText: mark } } } };
    });
    editor.setDecorations(this.rejectedType, reviews.filter((review) => review.verdict === 'reject').map((review) => review.option));
    editor.setDecorations(this.confirmedType, reviews.filter((review) => review.verdict !== 'reject').map((review) => review.option));
    this.painted.set(editor.document.uri.toString(), options.map((option) => option.range));
  }

  paintedRanges(uri: vscode.Uri): vscode.Range[] {
    return this.painted.get(uri.toString()) ?? [];
  }

  dispose(): void {
    this.type.dispose();
    this.rejectedType.dispose();
    this.confirmedType.dispose();
  }
}
