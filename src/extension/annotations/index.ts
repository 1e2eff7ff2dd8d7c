// Human coding in the editor: codes on selections, reviews of automatic findings, supervisor comments,
// the Codes view, Compare Coders and the REFI-QDA codebook exchange, all stored in the transcript's sidecar.
import * as vscode from 'vscode';
import type { FileProblems } from '../problems/fileProblems';
import { humanCodeCounts, humanCodesByUtterance } from '../../core/annotations/human-codes';
import { removeCode } from '../../core/annotations/sidecar-edits';
import { builtInCodeName, type CodebookEntry } from '../../core/annotations/codebook';
import type { Sidecar } from '../../core/annotations/sidecar';
import type { Analysis } from '../../core/types';
import type { Configuration } from '../configuration';
import type { SummaryDecorator } from '../summary/summaryViewProvider';
import type { ExportContributor } from '../export/exports';
import { commentsSection } from '../../core/reports/annotations';
import { humanCodingSection } from '../../core/reports/human-coding';
import { askCoderNameOnce, coderName } from './coder';
import { exportCodebook, EXPORT_CODEBOOK_COMMAND, importCodebook, IMPORT_CODEBOOK_COMMAND } from './codebookExchange';
import { CodebookService } from './codebookService';
import { exportProject, EXPORT_PROJECT_COMMAND, importProject, IMPORT_PROJECT_COMMAND } from './projectExchange';
import { CODE_SELECTION_COMMAND, codeSelection, FindingReviewActions, REVIEW_FINDING_COMMAND, reviewFinding, type CodingContext, type FindingReview } from './codingActions';
import { CODES_VIEW_ID, CodesTreeProvider, REMOVE_SEGMENT_COMMAND, REVEAL_SEGMENT_COMMAND, revealSegment, type CodesNode } from './codesTree';
import { chooseComparison, COMPARE_CODERS_COMMAND, runComparison, showAgreementReport, type Comparison } from './compareCoders';
import { HumanCodeDecorations } from './humanDecorations';
import { SidecarStore } from './sidecarStore';
import { COMMENT_COMMANDS, SupervisorComments } from './supervisorComments';

/** What human coding needs from the rest of the extension (ExtensionServices provides it). */
export interface AnnotationHostServices {
  configuration: Configuration;
  analyses: {
    latest(document: vscode.TextDocument): Analysis | undefined;
    /** Only an analysis of the document's current version (offsets that match its text). */
    get(document: vscode.TextDocument): Analysis | undefined;
    onDidAnalyze: vscode.Event<{ document: vscode.TextDocument; analysis: Analysis }>;
  };
  summaryView?: { addSummaryDecorator(decorator: SummaryDecorator): vscode.Disposable; refresh(document?: vscode.TextDocument): void };
  exporter?: { addContributor(contributor: ExportContributor): vscode.Disposable };
  problems: FileProblems;
}

/** Returned for tests and for other features. */
export interface AnnotationsApi {
  store: SidecarStore;
  comments: SupervisorComments;
  codesTree: CodesTreeProvider;
  decorations: HumanCodeDecorations;
  /** Forget everything in memory and read it again from disk, as a window reload does. */
  reload(): Promise<void>;
}

export function activateAnnotations(context: vscode.ExtensionContext, services: AnnotationHostServices): AnnotationsApi {
  const analysisOf = (document: vscode.TextDocument) => services.analyses.latest(document);
  const coder = () => coderName(services.configuration);
  const codebooks = new CodebookService(services.problems);
  const store = new SidecarStore((document) => analysisOf(document)?.utterances ?? [], services.problems);
  const comments = new SupervisorComments(store, coder, analysisOf);
  const decorations = new HumanCodeDecorations();
  const codesTree = new CodesTreeProvider();
  const coding: CodingContext = { store, codebooks, coder, analysisOf, ensureCoder: () => askCoderNameOnce(services.configuration, context.globalState) };

  /** The codebook last used for each document, for the Summary panel's code names (its decorator is synchronous). */
  const codebookOf = new Map<string, CodebookEntry[]>();
  const refresh = async (document: vscode.TextDocument) => {
    const sidecar = store.peek(document.uri);
    const { entries } = await codebooks.codebook(document.uri);
    codebookOf.set(document.uri.toString(), entries);
    services.summaryView?.refresh(document);
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) decorations.paint(editor, sidecar, entries);
    comments.sync(document, sidecar);
    if (vscode.window.activeTextEditor?.document === document) codesTree.show(document, sidecar, entries);
  };
  const documentFor = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  const storeSubscription = store.onDidChange((uri) => {
    const document = documentFor(uri);
    if (document) void refresh(document);
  });

  const humanCodesFor: SummaryDecorator = (document, summary) => {
    const sidecar = store.peek(document.uri);
    const analysis = analysisOf(document);
    if (!sidecar || !analysis) return summary;
    const counts = humanCodeCounts(humanCodesByUtterance(sidecar, analysis.utterances));
    const entries = codebookOf.get(document.uri.toString()) ?? [];
    return {
      ...summary,
      humanCodes: Object.entries(counts).map(([code, count]) => ({ code, name: entries.find((entry) => entry.id === code)?.name ?? code, count })),
    };
  };
  context.subscriptions.push(
    codebooks, decorations, codesTree, comments,
    { dispose: () => { storeSubscription.dispose(); store.dispose(); } },
    vscode.window.registerTreeDataProvider(CODES_VIEW_ID, codesTree),
    services.analyses.onDidAnalyze(({ document }) => void store.reanchor(document).then(() => refresh(document))),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && analysisOf(editor.document)) void store.get(editor.document).then(() => refresh(editor.document));
      else codesTree.show(undefined, undefined, []);
    }),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => void refresh(editor.document))),
    codebooks.onDidChange(() => vscode.window.visibleTextEditors.forEach((editor) => void refresh(editor.document))),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new FindingReviewActions((document) => services.analyses.get(document)), FindingReviewActions.metadata),
    vscode.commands.registerCommand(CODE_SELECTION_COMMAND, (codes?: string[], memo?: string) => codeSelection(coding, vscode.window.activeTextEditor, codes, memo)),
    vscode.commands.registerCommand(REVIEW_FINDING_COMMAND, (review: FindingReview) => reviewFinding(coding, review)),
    vscode.commands.registerCommand(REVEAL_SEGMENT_COMMAND, (uri: vscode.Uri, start: number, end: number) => revealSegment(uri, start, end)),
    vscode.commands.registerCommand(REMOVE_SEGMENT_COMMAND, (node: CodesNode, confirmed?: boolean) => removeSegment(node, confirmed)),
    vscode.commands.registerCommand(COMMENT_COMMANDS.create, (reply: vscode.CommentReply) => comments.handleCreateOrReply(reply)),
    vscode.commands.registerCommand(COMMENT_COMMANDS.reply, (reply: vscode.CommentReply) => comments.handleCreateOrReply(reply)),
    vscode.commands.registerCommand(COMMENT_COMMANDS.resolve, (thread: vscode.CommentThread) => comments.setResolved(thread, true)),
    vscode.commands.registerCommand(COMMENT_COMMANDS.reopen, (thread: vscode.CommentThread) => comments.setResolved(thread, false)),
    vscode.commands.registerCommand(COMPARE_CODERS_COMMAND, (comparison?: Comparison) => compare(comparison)),
    vscode.commands.registerCommand(EXPORT_CODEBOOK_COMMAND, (target?: vscode.Uri) => exportCodebook(codebooks, target)),
    vscode.commands.registerCommand(IMPORT_CODEBOOK_COMMAND, (source?: vscode.Uri) => importCodebook(codebooks, source)),
    vscode.commands.registerCommand(EXPORT_PROJECT_COMMAND, (target?: vscode.Uri) => exportProject({ store, codebooks, analysisOf }, target)),
    vscode.commands.registerCommand(IMPORT_PROJECT_COMMAND, (source?: vscode.Uri, addCodes?: boolean) => importProject({ store, codebooks, analysisOf }, source, addCodes)),
  );
  if (services.summaryView) context.subscriptions.push(services.summaryView.addSummaryDecorator(humanCodesFor));
  if (services.exporter) {
    context.subscriptions.push(services.exporter.addContributor({
      sidecar: (document) => store.get(document),
      reportSections: async (document) => {
        const sidecar = await store.get(document);
        const analysis = analysisOf(document);
        if (!sidecar || !analysis) return [];
        const { entries } = await codebooks.codebook(document.uri);
        const nameOf = (code: string) => entries.find((entry) => entry.id === code)?.name ?? builtInCodeName(code);
        return [humanCodingSection(analysis, sidecar, nameOf), commentsSection(analysis, sidecar)].filter((section) => section !== null);
      },
    }));
  }

  /** From the Codes view's context menu; asks first, since a person's code is removed. */
  async function removeSegment(node: CodesNode, confirmed = false): Promise<boolean> {
    const document = codesTree.shownDocument;
    if (node?.kind !== 'segment' || !document) return false;
    const { segment } = node;
    const what = segment.source === 'selection' ? `the code ${segment.code} from “${segment.exact}”` : `${segment.coder}'s review of ${segment.code} on “${segment.exact}”`;
    if (!confirmed) {
      const choice = await vscode.window.showWarningMessage(`Remove ${what}?`, { modal: true }, 'Remove');
      if (choice !== 'Remove') return false;
    }
    return store.update(document, (sidecar) => removeCode(sidecar, segment.itemId, segment.code));
  }

  async function compare(given?: Comparison) {
    const document = vscode.window.activeTextEditor?.document;
    const analysis = document && analysisOf(document);
    const sidecar: Sidecar | undefined = document && analysis ? await store.get(document) : undefined;
    if (!document || !analysis || !sidecar) {
      void vscode.window.showInformationMessage('Alliance Lens: open an analysed transcript whose codes you want to compare.');
      return undefined;
    }
    const comparison = given ?? await chooseComparison(sidecar, analysis);
    if (!comparison) return undefined;
    const { entries } = await codebooks.codebook(document.uri);
    const report = await runComparison(document, analysis, sidecar, comparison, entries);
    if (!report) return undefined;
    const file = await showAgreementReport(document, report, context.storageUri ?? context.globalStorageUri);
    return { ...report, file: file.toString() };
  }

  const api: AnnotationsApi = {
    store, comments, codesTree, decorations,
    async reload() {
      await store.reload();
      for (const editor of vscode.window.visibleTextEditors) {
        comments.sync(editor.document, undefined);
        decorations.paint(editor, undefined, []);
        if (analysisOf(editor.document)) {
          await store.get(editor.document);
          await refresh(editor.document);
        }
      }
    },
  };
  // Transcripts already open when the extension starts.
  for (const editor of vscode.window.visibleTextEditors) {
    if (analysisOf(editor.document)) void store.get(editor.document).then(() => refresh(editor.document));
  }
  return api;
}
