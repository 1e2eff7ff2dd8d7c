// "Compare Coders": agreement between two coders of the active transcript (both in its sidecar, or one from
// another copy's sidecar), or between a coder and the automatic codes (over what the coder reviewed, unless they
// choose every utterance), shown as a rendered Markdown preview whose disagreements link to their lines.
import * as vscode from 'vscode';
import { automaticSide, compareCoders, type AgreementReport, type CoderSide, type CompareOptions } from '../../core/annotations/agreement';
import type { CodebookEntry } from '../../core/annotations/codebook';
import { roleOfCode } from '../../core/annotations/code-roles';
import { codersIn, humanCodesByUtterance, reviewedUtterances } from '../../core/annotations/human-codes';
import { reanchorSidecar } from '../../core/annotations/sidecar-edits';
import { parseSidecar, SIDECAR_SUFFIX, type Sidecar } from '../../core/annotations/sidecar';
import type { Analysis } from '../../core/types';
import { formatAgreementMarkdown } from '../../core/reports/annotations';
import { readTextFile } from './fileAccess';
import { notify, problemText } from '../notify';

export const COMPARE_CODERS_COMMAND = 'allianceLens.compareCoders';
export const AUTOMATIC = 'automatic';

/** Who to compare: coder names in this sidecar, AUTOMATIC, or a coder of another sidecar file. */
export interface Comparison {
  a: string;
  b: string;
  /** When set, coder b is read from this sidecar (re-anchored to this transcript). */
  otherSidecar?: vscode.Uri;
  /** Against the automatic codes: only the utterances coder a reviewed (the default), or every utterance. */
  scope?: 'reviewed' | 'all';
}

export async function chooseComparison(sidecar: Sidecar, analysis: Analysis): Promise<Comparison | undefined> {
  const coders = codersIn(sidecar);
  type Item = vscode.QuickPickItem & { comparison?: Comparison; other?: boolean };
  const reviewedCount = (coder: string) => reviewedUtterances(sidecar, analysis.utterances, coder).size;
  const items: Item[] = [
    ...coders.flatMap((a, i) => coders.slice(i + 1).map((b): Item => ({ label: `${a} and ${b}`, comparison: { a, b } }))),
    ...coders.flatMap((a): Item[] => [
      { label: `${a} and the automatic codes`, description: `over the ${reviewedCount(a)} utterances ${a} reviewed`, comparison: { a, b: AUTOMATIC, scope: 'reviewed' } },
      { label: `${a} and the automatic codes, every utterance`, description: `what ${a} left uncoded counts as "absent"`, comparison: { a, b: AUTOMATIC, scope: 'all' } },
    ]),
    { label: 'A coder in another sidecar…', description: `another coder's ${SIDECAR_SUFFIX} for this transcript`, other: true },
  ];
  const chosen = await vscode.window.showQuickPick(items, { title: 'Compare coders', placeHolder: coders.length ? 'Which two?' : 'Nobody has coded this transcript yet' });
  if (!chosen) return undefined;
  if (chosen.comparison) return chosen.comparison;
  const [file] = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Alliance Lens sidecar': ['json'] }, title: 'The other coder\'s sidecar' }) ?? [];
  if (!file) return undefined;
  const other = await readOtherSidecar(file);
  if (!other) return undefined;
  const a = coders.length === 1 ? coders[0] : await vscode.window.showQuickPick(coders, { title: 'Coder in this transcript\'s sidecar' });
  const otherCoders = codersIn(other);
  const b = otherCoders.length === 1 ? otherCoders[0] : await vscode.window.showQuickPick(otherCoders, { title: 'Coder in the other sidecar' });
  return a && b ? { a, b, otherSidecar: file } : undefined;
}

async function readOtherSidecar(uri: vscode.Uri): Promise<Sidecar | undefined> {
  const text = await readTextFile(uri);
  if (text === undefined) return undefined;
  const parsed = parseSidecar(text);
  if (parsed.ok) return parsed.sidecar;
  const first = parsed.problems[0]!;
  void notify('error', problemText(uri, { line: first.line, message: first.message }), { open: { uri, line: first.line } });
  return undefined;
}

export async function runComparison(
  document: vscode.TextDocument, analysis: Analysis, sidecar: Sidecar, comparison: Comparison, codebook: readonly CodebookEntry[] = [],
): Promise<AgreementReport | undefined> {
  const side = (source: Sidecar, name: string): CoderSide => ({ name, codes: humanCodesByUtterance(source, analysis.utterances).get(name) ?? new Map() });
  let other = sidecar;
  if (comparison.otherSidecar) {
    const read = await readOtherSidecar(comparison.otherSidecar);
    if (!read) return undefined;
    other = reanchorSidecar(read, document.getText(), analysis.utterances).sidecar;
  }
  const automatic = comparison.b === AUTOMATIC && !comparison.otherSidecar;
  const b = automatic ? automaticSide(analysis.utterances) : side(other, comparison.b);
  const parentOf = (code: string) => codebook.find((entry) => entry.id === code)?.parent;
  const options: CompareOptions = { roleOf: (code) => roleOfCode(code, parentOf) };
  if (automatic && comparison.scope !== 'all') options.reviewed = reviewedUtterances(sidecar, analysis.utterances, comparison.a);
  return compareCoders(analysis.utterances, side(sidecar, comparison.a), b, options);
}

/** Writes the report to the extension's storage (never beside the transcript, never an unsaved editor) and opens
 * it as a rendered Markdown preview. Returns the report file. */
export async function showAgreementReport(document: vscode.TextDocument, report: AgreementReport, storage: vscode.Uri): Promise<vscode.Uri> {
  const relative = vscode.workspace.asRelativePath(document.uri);
  const markdown = formatAgreementMarkdown(report, {
    title: `Agreement: ${relative}`,
    link: (line) => document.uri.with({ fragment: `L${line}` }).toString(),
  });
  const name = `agreement-${relative.replace(/[^\w.-]+/g, '_')}-${report.coders.join('-').replace(/[^\w.-]+/g, '_')}.md`;
  const file = vscode.Uri.joinPath(storage, 'reports', name);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(storage, 'reports'));
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(markdown));
  await vscode.commands.executeCommand('markdown.showPreview', file);
  return file;
}
