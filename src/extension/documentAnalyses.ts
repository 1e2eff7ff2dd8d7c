// Keeps the latest Analysis of every transcript the user is looking at. It decides which documents qualify,
// debounces edits, analyses through the AnalysisService, and tells the decorations, status bar and panel.
import * as vscode from 'vscode';
import type { FileRange, PriorityAnalysis } from '../core/analyzer';
import type { RuleFile } from '../core';
import type { Analysis } from '../core/types';
import { AnalysisCancelledError, AnalysisTimeoutError, type AnalysisService } from './engine/analysisService';
import { errorMessage, notify } from './notify';
import type { Configuration } from './configuration';
import { DETECTION_LINES, shouldAnalyse } from './eligibility';

const CHOSEN_FILES_KEY = 'allianceLens.chosenFiles';
const BYTES_PER_MB = 1024 * 1024;
/** Above this many characters (about 200 KB) even a re-analysis shows window progress. */
const LARGE_FILE_CHARS = 200_000;

export interface AnalysisEvent {
  document: vscode.TextDocument;
  analysis: Analysis;
}

/** The visible range of a large document, coded before the rest. Only highlights use it: the panel and status bar
 * need the whole document's summary, so they wait for the full analysis. */
export interface PreliminaryAnalysisEvent {
  document: vscode.TextDocument;
  analysis: PriorityAnalysis;
}

export interface AnalysisFailure {
  document: vscode.TextDocument;
  message: string;
}

interface Entry {
  version: number;
  analysis: Analysis;
}

/** The rules files that apply to a document, found the way the CLI finds them (nearest .alliance-lens upwards). */
export type DocumentRules = (uri: vscode.Uri) => Promise<RuleFile[]>;

export class DocumentAnalyses implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly failures = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly eligibility = new Map<string, boolean>();
  private readonly oversizeNoticeShown = new Set<string>();
  private readonly analysed = new vscode.EventEmitter<AnalysisEvent>();
  private readonly preliminary = new vscode.EventEmitter<PreliminaryAnalysisEvent>();
  private readonly failed = new vscode.EventEmitter<AnalysisFailure>();
  private readonly cleared = new vscode.EventEmitter<vscode.Uri>();
  private readonly started = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly analysing = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidAnalyze = this.analysed.event;
  readonly onDidAnalyzePreliminary = this.preliminary.event;
  readonly onDidFail = this.failed.event;
  readonly onDidClear = this.cleared.event;
  /** A document's first analysis began (it has nothing to show yet), so views can say "Analysing…". */
  readonly onDidStartAnalysis = this.started.event;

  constructor(
    private readonly service: AnalysisService,
    private readonly configuration: Configuration,
    private readonly state: vscode.Memento,
    private readonly rulesOf: DocumentRules = async () => [],
  ) {
    this.disposables.push(
      this.analysed, this.preliminary, this.failed, this.cleared, this.started,
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshVisible()),
      vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event.document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.eligibility.delete(document.uri.toString())),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      configuration.onDidChange(() => {
        this.eligibility.clear();
        this.refreshVisible();
      }),
    );
  }

  /** The latest analysis of this document, if it is analysed and the analysis matches its current text. */
  get(document: vscode.TextDocument): Analysis | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.analysis : undefined;
  }

  /** The latest analysis even if the user has typed since (for hovers and navigation between refreshes). */
  latest(document: vscode.TextDocument): Analysis | undefined {
    return this.entries.get(document.uri.toString())?.analysis;
  }

  /** True while a document with no analysis yet is being analysed. */
  isAnalysing(document: vscode.TextDocument): boolean {
    return this.analysing.has(document.uri.toString());
  }

  failure(document: vscode.TextDocument): string | undefined {
    return this.failures.get(document.uri.toString());
  }

  isChosen(uri: vscode.Uri): boolean {
    return this.state.get<string[]>(CHOSEN_FILES_KEY, []).includes(uri.toString());
  }

  /** "Analyze This File": remember the choice and analyse now. */
  async choose(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const chosen = this.state.get<string[]>(CHOSEN_FILES_KEY, []);
    const key = document.uri.toString();
    if (!chosen.includes(key)) await this.state.update(CHOSEN_FILES_KEY, [...chosen, key]);
    this.eligibility.set(key, true);
    return this.analyseNow(document);
  }

  isEligible(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    let eligible = this.eligibility.get(key);
    if (eligible === undefined) {
      eligible = shouldAnalyse({
        languageId: document.languageId,
        fileName: document.fileName,
        chosen: this.isChosen(document.uri),
        autoDetect: this.configuration.settings['allianceLens.autoDetect'],
        // Only the head is read, so a huge plain-text file costs nothing per keystroke.
        text: () => document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, DETECTION_LINES), 0)),
      });
      this.eligibility.set(key, eligible);
    }
    return eligible;
  }

  /** Analyses every visible eligible document (e.g. after a settings change or on activation). */
  refreshVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) this.schedule(editor.document, 0);
  }

  /** Re-analyse everything from scratch (new rules). */
  invalidateAll(): void {
    this.entries.clear();
    this.refreshVisible();
  }

  private isVisible(document: vscode.TextDocument): boolean {
    return vscode.window.visibleTextEditors.some((editor) => editor.document === document);
  }

  private onEdit(document: vscode.TextDocument): void {
    // Language changes and edits can change eligibility (e.g. the first lines now look like a transcript).
    this.eligibility.delete(document.uri.toString());
    if (this.isVisible(document)) this.schedule(document, this.configuration.settings['allianceLens.updateDelayMs']);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    if (!this.isEligible(document)) {
      if (this.entries.delete(key) || this.failures.delete(key)) this.cleared.fire(document.uri);
      return;
    }
    if (this.entries.get(key)?.version === document.version) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (this.isVisible(document) && !document.isClosed) void this.analyseIfSmallEnough(document);
    }, delay));
  }

  private async analyseIfSmallEnough(document: vscode.TextDocument): Promise<void> {
    const limitMB = this.configuration.settings['allianceLens.maxFileSizeMB'];
    const sizeMB = document.getText().length / BYTES_PER_MB;
    if (sizeMB > limitMB && !this.isChosen(document.uri)) {
      this.offerOversizeAnalysis(document, sizeMB, limitMB);
      return;
    }
    await this.analyseNow(document);
  }

  private offerOversizeAnalysis(document: vscode.TextDocument, sizeMB: number, limitMB: number): void {
    const key = document.uri.toString();
    if (this.oversizeNoticeShown.has(key)) return;
    this.oversizeNoticeShown.add(key);
    const action = 'Analyze anyway';
    void vscode.window.showInformationMessage(
      `Alliance Lens: ${vscode.workspace.asRelativePath(document.uri)} is ${sizeMB.toFixed(1)} MB, above allianceLens.maxFileSizeMB (${limitMB} MB), so it was not analysed.`,
      action,
    ).then((choice) => (choice === action ? this.choose(document) : undefined));
  }

  private async analyseNow(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    // Only a document without an analysis (just opened, or new rules) gets its visible range first: after an edit the
    // cache makes the full analysis quick, and a partial repaint would briefly drop every highlight outside the view.
    const priorityRanges = this.entries.has(key) ? undefined : this.visibleRanges(document);
    const showPreliminary = (analysis: PriorityAnalysis) => {
      if (!document.isClosed && document.version === version && this.entries.get(key)?.version !== version) {
        this.preliminary.fire({ document, analysis });
      }
    };
    const text = document.getText();
    const first = !this.entries.has(key);
    if (first) {
      this.analysing.add(key);
      this.started.fire(document);
    }
    // A first analysis or a large file takes long enough to need a sign of life; re-analyses after a keystroke do not.
    const withProgress = <T>(work: () => Promise<T>): Thenable<T> => (first || text.length > LARGE_FILE_CHARS
      ? vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Alliance Lens: analysing ${vscode.workspace.asRelativePath(document.uri)}` }, work)
      : work());
    try {
      const userRuleFiles = await this.rulesOf(document.uri);
      const analysis = await withProgress(() => this.service.analyze({ key, fileName: document.fileName, text, priorityRanges, userRuleFiles }, showPreliminary));
      if (document.isClosed || document.version !== version) return analysis;
      this.entries.set(key, { version, analysis });
      this.failures.delete(key);
      this.analysed.fire({ document, analysis });
      return analysis;
    } catch (error) {
      // A newer edit of this document superseded it: the analysis of that edit follows.
      if (error instanceof AnalysisCancelledError) return undefined;
      const message = errorMessage(error);
      this.failures.set(key, message);
      this.failed.fire({ document, message });
      if (error instanceof AnalysisTimeoutError) {
        void notify('warning', `${message} (about ${Math.round(document.getText().length / 1024)} KB; very long sentences or words cost the most). Other transcripts are analysed as usual; an edit of this one tries again.`);
      }
      return undefined;
    } finally {
      if (first) this.analysing.delete(key);
    }
  }

  private visibleRanges(document: vscode.TextDocument): FileRange[] {
    return vscode.window.visibleTextEditors
      .filter((editor) => editor.document === document)
      .flatMap((editor) => editor.visibleRanges.map((range) => ({ start: document.offsetAt(range.start), end: document.offsetAt(range.end) })));
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.entries.delete(key);
    this.failures.delete(key);
    this.eligibility.delete(key);
    this.service.forget(key);
    this.cleared.fire(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
