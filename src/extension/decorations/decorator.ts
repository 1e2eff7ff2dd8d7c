// Paints the highlights. One decoration type per category, created once; colours are themable (package.json
// contributes.colors) and every category also has a non-colour cue (its own border style) and an overview-ruler
// mark. Only visible editors are decorated.
import * as vscode from 'vscode';
import type { Analysis } from '../../core/types';
import type { Configuration } from '../configuration';
import type { DocumentAnalyses } from '../documentAnalyses';
import type { Settings } from '../settings';
import { CATEGORY_COLORS, HIGHLIGHT_CATEGORIES, highlightRanges, type HighlightCategory, type HighlightToggles, type OffsetRange } from './categories';

/** Non-colour cues per category: each has its own border style, so highlights differ without colour too. */
const BORDER_STYLES: Record<HighlightCategory, vscode.DecorationRenderOptions> = {
  collaborative: { borderStyle: 'none none solid none', borderWidth: '0 0 2px 0' },
  directive: { borderStyle: 'solid', borderWidth: '1px', borderRadius: '2px' },
  rupture: { borderStyle: 'dashed', borderWidth: '1px', borderRadius: '2px' },
  question: { borderStyle: 'none none dotted none', borderWidth: '0 0 2px 0' },
  reflection: { borderStyle: 'none none dashed none', borderWidth: '0 0 2px 0' },
};

const RULER_LANES: Partial<Record<HighlightCategory, vscode.OverviewRulerLane>> = {
  collaborative: vscode.OverviewRulerLane.Left,
  directive: vscode.OverviewRulerLane.Right,
  rupture: vscode.OverviewRulerLane.Center,
};

function decorationOptions(category: HighlightCategory): vscode.DecorationRenderOptions {
  const { border, background } = CATEGORY_COLORS[category];
  const lane = RULER_LANES[category];
  return {
    ...BORDER_STYLES[category],
    borderColor: new vscode.ThemeColor(border),
    ...(background ? { backgroundColor: new vscode.ThemeColor(background) } : {}),
    ...(lane ? { overviewRulerColor: new vscode.ThemeColor(border), overviewRulerLane: lane } : {}),
  };
}

export function togglesFromSettings(settings: Settings): HighlightToggles {
  return {
    collaborative: settings['allianceLens.highlight.collaborative'],
    directive: settings['allianceLens.highlight.directive'],
    rupture: settings['allianceLens.highlight.ruptures'],
    question: settings['allianceLens.highlight.questions'],
    reflection: settings['allianceLens.highlight.reflections'],
  };
}

export type AppliedRanges = Record<HighlightCategory, OffsetRange[]>;

export class Decorator implements vscode.Disposable {
  private readonly types: Record<HighlightCategory, vscode.TextEditorDecorationType>;
  /** What is currently painted, per document, for navigation and the read-only _getDecorations command. */
  private readonly applied = new Map<string, AppliedRanges>();
  private readonly disposables: vscode.Disposable[] = [];
  private enabled = true;

  constructor(private readonly analyses: DocumentAnalyses, private readonly configuration: Configuration) {
    this.types = Object.fromEntries(HIGHLIGHT_CATEGORIES.map((category) =>
      [category, vscode.window.createTextEditorDecorationType(decorationOptions(category))])) as Record<HighlightCategory, vscode.TextEditorDecorationType>;
    this.disposables.push(
      ...Object.values(this.types),
      analyses.onDidAnalyze(({ document, analysis }) => this.paintDocument(document, analysis)),
      // A large file's visible range first; the full analysis then replaces these highlights.
      analyses.onDidAnalyzePreliminary(({ document, analysis }) => this.paintDocument(document, analysis)),
      analyses.onDidClear((uri) => this.clearDocument(uri)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.paintEditor(editor))),
      configuration.onDidChange(() => this.repaintVisible()),
    );
  }

  get highlightsEnabled(): boolean {
    return this.enabled;
  }

  toggle(): boolean {
    this.enabled = !this.enabled;
    this.repaintVisible();
    return this.enabled;
  }

  /** The ranges painted in this document (empty when it has no highlights). */
  appliedRanges(document: vscode.TextDocument): AppliedRanges | undefined {
    return this.applied.get(document.uri.toString());
  }

  private rangesFor(analysis: Pick<Analysis, 'utterances'>): AppliedRanges {
    const toggles = togglesFromSettings(this.configuration.settings);
    if (!this.enabled) for (const category of HIGHLIGHT_CATEGORIES) toggles[category] = false;
    return highlightRanges(analysis, toggles);
  }

  private paintDocument(document: vscode.TextDocument, analysis: Pick<Analysis, 'utterances'>): void {
    const ranges = this.rangesFor(analysis);
    this.applied.set(document.uri.toString(), ranges);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === document) this.setDecorations(editor, ranges);
    }
  }

  private paintEditor(editor: vscode.TextEditor): void {
    const analysis = this.analyses.get(editor.document);
    if (!analysis) return;
    const ranges = this.rangesFor(analysis);
    this.applied.set(editor.document.uri.toString(), ranges);
    this.setDecorations(editor, ranges);
  }

  private repaintVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (this.analyses.get(editor.document)) this.paintEditor(editor);
    }
  }

  private setDecorations(editor: vscode.TextEditor, ranges: AppliedRanges): void {
    const { document } = editor;
    for (const category of HIGHLIGHT_CATEGORIES) {
      editor.setDecorations(this.types[category], ranges[category].map(({ start, end }) =>
        new vscode.Range(document.positionAt(start), document.positionAt(end))));
    }
  }

  private clearDocument(uri: vscode.Uri): void {
    const key = uri.toString();
    this.applied.delete(key);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== key) continue;
      for (const category of HIGHLIGHT_CATEGORIES) editor.setDecorations(this.types[category], []);
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
