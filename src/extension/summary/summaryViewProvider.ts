// The Summary webview view. It follows the active editor, re-renders on every analysis, and talks to its script
// only through the zod-checked protocol. State survives hiding through the webview's getState/setState.
import * as vscode from 'vscode';
import type { AnalysisService } from '../engine/analysisService';
import type { DocumentAnalyses } from '../documentAnalyses';
import { ACCURACY_ANCHOR } from '../../core/summary/score-agreement';
import { EMPTY_STATE_TEXT, fromWebviewMessage, type FromWebviewMessage, type PanelState, type SummaryModel } from '../../shared/protocol';
import { buildSummaryModel, fileBaseName } from './panelModel';
import { loadWebviewPage } from './webviewPage';

export const SUMMARY_VIEW_ID = 'allianceLens.summary';

export interface RoleChanger {
  changeRole(document: vscode.TextDocument, speaker: string, role: 'therapist' | 'client'): Promise<boolean>;
}

/** Adds human-coding counts (or anything else) to the model before it is posted; set by the annotations hook. */
export type SummaryDecorator = (document: vscode.TextDocument, summary: SummaryModel) => SummaryModel;

export class SummaryViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private shownDocument: vscode.TextDocument | undefined;
  private state: PanelState = { kind: 'empty' };
  private lastRendered: Extract<FromWebviewMessage, { type: 'rendered' }> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly summaryDecorators: SummaryDecorator[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analyses: DocumentAnalyses,
    private readonly service: AnalysisService,
    private readonly roles: RoleChanger,
  ) {
    this.disposables.push(
      analyses.onDidAnalyze(({ document }) => {
        if (document === vscode.window.activeTextEditor?.document) void this.follow(document);
      }),
      analyses.onDidStartAnalysis((document) => {
        if (document === vscode.window.activeTextEditor?.document) void this.follow(document);
      }),
      analyses.onDidFail(({ document }) => {
        if (document === vscode.window.activeTextEditor?.document) void this.follow(document);
      }),
      analyses.onDidClear((uri) => {
        if (this.shownDocument?.uri.toString() === uri.toString()) void this.follow(vscode.window.activeTextEditor?.document);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Focus moving to a non-text editor keeps the last transcript on show.
        if (editor) void this.follow(editor.document);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        // The transcript on show was closed (documents outlive their editors, so this is the signal to leave it).
        if (this.shownDocument && !editors.some((editor) => editor.document === this.shownDocument)) {
          void this.follow(vscode.window.activeTextEditor?.document);
        }
      }),
    );
  }

  /** Lets other features (human coding) add to the summary model, e.g. humanCodes. */
  addSummaryDecorator(decorator: SummaryDecorator): vscode.Disposable {
    this.summaryDecorators.push(decorator);
    void this.follow(this.shownDocument);
    return new vscode.Disposable(() => {
      const index = this.summaryDecorators.indexOf(decorator);
      if (index >= 0) this.summaryDecorators.splice(index, 1);
    });
  }

  /** Renders again what is on show (or only if `document` is on show): its human codes, rules or settings
   * changed without a new analysis. */
  refresh(document?: vscode.TextDocument): void {
    if (!document || document === this.shownDocument) void this.follow(this.shownDocument);
  }

  /** For tests: what was last posted, and what the webview reported it rendered. */
  snapshot(): { posted: PanelState; rendered: FromWebviewMessage | undefined; visible: boolean } {
    return { posted: this.state, rendered: this.lastRendered, visible: this.view?.visible ?? false };
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    loadWebviewPage(view.webview, this.extensionUri, { name: 'summary', title: 'Alliance Lens Summary', placeholder: EMPTY_STATE_TEXT });
    this.disposables.push(
      view.webview.onDidReceiveMessage((message) => this.onMessage(message)),
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
      }),
    );
    void this.follow(vscode.window.activeTextEditor?.document ?? this.shownDocument);
  }

  private async follow(document: vscode.TextDocument | undefined): Promise<void> {
    if (!document || document.isClosed) return this.post({ kind: 'empty' });
    const analysis = this.analyses.latest(document);
    const failure = this.analyses.failure(document);
    if (failure) {
      this.shownDocument = document;
      return this.post({ kind: 'error', fileName: fileBaseName(document.fileName), message: failure });
    }
    if (!analysis) {
      // Never the empty state ("Open a transcript…") for a file that is being analysed, e.g. after Analyze This File.
      if (this.analyses.isEligible(document) || this.analyses.isAnalysing(document)) {
        this.shownDocument = document;
        return this.post({ kind: 'loading', fileName: fileBaseName(document.fileName) });
      }
      // Another text file became active: keep showing the transcript we had, unless it was closed.
      const shown = this.shownDocument;
      if (shown && vscode.window.visibleTextEditors.some((editor) => editor.document === shown) && this.analyses.latest(shown)) return;
      this.shownDocument = undefined;
      return this.post({ kind: 'empty' });
    }
    this.shownDocument = document;
    try {
      let summary = buildSummaryModel(analysis, await this.service.helpers());
      for (const decorate of this.summaryDecorators) summary = decorate(document, summary);
      this.post({ kind: 'summary', summary });
    } catch (error) {
      this.post({ kind: 'error', fileName: fileBaseName(document.fileName), message: error instanceof Error ? error.message : String(error) });
    }
  }

  private post(state: PanelState): void {
    this.state = state;
    void this.view?.webview.postMessage({ type: 'state', state });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const parsed = fromWebviewMessage.safeParse(raw);
    if (!parsed.success) return; // Ignore anything that is not our protocol.
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        return this.post(this.state);
      case 'rendered':
        this.lastRendered = message;
        return;
      case 'analyzeActiveFile':
        await vscode.commands.executeCommand('allianceLens.analyzeFile');
        return;
      case 'openAccuracyNotes':
        await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(this.extensionUri, 'README.md').with({ fragment: ACCURACY_ANCHOR }));
        return;
      case 'revealLines':
        return this.revealLines(message.startLine, message.endLine);
      case 'selectUtterance':
        return this.selectUtterance(message.utteranceIndex);
      case 'setRole':
        if (this.shownDocument) await this.roles.changeRole(this.shownDocument, message.speaker, message.role);
        return;
    }
  }

  private async editorFor(document: vscode.TextDocument): Promise<vscode.TextEditor> {
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
    return vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false });
  }

  private async revealLines(startLine: number, endLine: number): Promise<void> {
    const document = this.shownDocument;
    if (!document) return;
    const last = document.lineCount - 1;
    const start = new vscode.Position(Math.min(startLine - 1, last), 0);
    const end = document.lineAt(Math.min(endLine - 1, last)).range.end;
    const editor = await this.editorFor(document);
    editor.selection = new vscode.Selection(start, end);
    editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async selectUtterance(index: number): Promise<void> {
    const document = this.shownDocument;
    const utterance = document && this.analyses.latest(document)?.utterances.find((candidate) => candidate.index === index);
    if (!document || !utterance) return;
    const editor = await this.editorFor(document);
    const range = new vscode.Range(document.positionAt(utterance.start), document.positionAt(utterance.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
