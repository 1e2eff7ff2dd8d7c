// Coding in the editor: "Code Selection…" on one or more selections, and the quick fixes on every automatic
// finding (accept it, reject it, or replace its code). Each change goes straight to the sidecar.
import * as vscode from 'vscode';
import { builtInCodeName } from '../../core/annotations/codebook';
import { createAnchor } from '../../core/annotations/anchor';
import { addAnnotation, decide } from '../../core/annotations/sidecar-edits';
import type { Verdict } from '../../core/annotations/sidecar';
import type { Analysis, Finding } from '../../core/types';
import type { CodebookService } from './codebookService';
import { askMemo, pickCodes } from './codePicker';
import type { SidecarStore } from './sidecarStore';

export const CODE_SELECTION_COMMAND = 'allianceLens.codeSelection';
export const REVIEW_FINDING_COMMAND = 'allianceLens.reviewFinding';

export interface CodingContext {
  readonly store: SidecarStore;
  codebooks: CodebookService;
  coder: () => string;
  /** Asks for the coder's name once, when it would be an account name like "root". */
  ensureCoder?: () => Promise<void>;
  analysisOf: (document: vscode.TextDocument) => Analysis | undefined;
}

/** Codes every non-empty selection of the editor. `codes` and `memo` skip the pickers (tests, keybindings). */
export async function codeSelection(context: CodingContext, editor: vscode.TextEditor | undefined, codes?: string[], memo?: string): Promise<boolean> {
  if (!editor) {
    void vscode.window.showInformationMessage('Alliance Lens: open a transcript and select the words to code.');
    return false;
  }
  const selections = editor.selections.filter((selection) => !selection.isEmpty);
  if (selections.length === 0) {
    void vscode.window.showInformationMessage('Alliance Lens: select the words to code first.');
    return false;
  }
  const { entries } = await context.codebooks.codebook(editor.document.uri);
  const chosen = codes ?? await pickCodes(entries, `Code ${selections.length === 1 ? 'the selection' : `${selections.length} selections`}`);
  if (!chosen || chosen.length === 0) return false;
  const note = memo ?? await askMemo();
  if (note === undefined) return false;
  const document = editor.document;
  const text = document.getText();
  const utterances = context.analysisOf(document)?.utterances ?? [];
  await context.ensureCoder?.();
  const coder = context.coder();
  return context.store.update(document, (sidecar) => selections.reduce((current, selection) => addAnnotation(current, {
    coder, codes: chosen, memo: note,
    anchor: createAnchor(text, document.offsetAt(selection.start), document.offsetAt(selection.end), utterances),
  }), sidecar));
}

export interface FindingReview {
  uri: string;
  rule: string;
  code: string;
  start: number;
  end: number;
  verdict: Verdict;
  replacement?: string[];
}

export async function reviewFinding(context: CodingContext, review: FindingReview): Promise<boolean> {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === review.uri);
  if (!document) return false;
  let replacement = review.replacement;
  if (review.verdict === 'replace' && !replacement) {
    const { entries } = await context.codebooks.codebook(document.uri);
    replacement = await pickCodes(entries, `Replace ${review.code} with…`);
    if (!replacement) return false;
  }
  const anchor = createAnchor(document.getText(), review.start, review.end, context.analysisOf(document)?.utterances ?? []);
  await context.ensureCoder?.();
  return context.store.update(document, (sidecar) => decide(sidecar, {
    coder: context.coder(), rule: review.rule, code: review.code, verdict: review.verdict, replacement, anchor,
  }));
}

export class FindingReviewActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly analysisOf: (document: vscode.TextDocument) => Analysis | undefined) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const analysis = this.analysisOf(document);
    if (!analysis) return [];
    const from = document.offsetAt(range.start);
    const to = document.offsetAt(range.end);
    const findings = analysis.utterances.flatMap((utterance) => utterance.findings)
      .filter((finding) => finding.start <= to && from <= finding.end && finding.end <= document.getText().length);
    // One rule can fire twice on the same words; one set of fixes is enough.
    const unique = findings.filter((finding, i) => findings.findIndex((other) => other.rule === finding.rule && other.start === finding.start && other.end === finding.end) === i);
    return unique.flatMap((finding) => this.actionsFor(document, finding));
  }

  private actionsFor(document: vscode.TextDocument, finding: Finding): vscode.CodeAction[] {
    const make = (title: string, verdict: Verdict) => {
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      const review: FindingReview = { uri: document.uri.toString(), rule: finding.rule, code: finding.code, start: finding.start, end: finding.end, verdict };
      action.command = { command: REVIEW_FINDING_COMMAND, title, arguments: [review] };
      return action;
    };
    return [
      // Code names, not ids: the rule id is in the hover for those who want it.
      make(`Accept "${builtInCodeName(finding.code)}"`, 'accept'),
      make(`Reject "${builtInCodeName(finding.code)}"`, 'reject'),
      make(`Replace "${builtInCodeName(finding.code)}" with another code…`, 'replace'),
    ];
  }
}
