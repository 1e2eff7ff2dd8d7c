// The report's "Human coding" section: what each person coded, with their memos, and their verdicts on the
// automatic codes, in transcript order; items whose words are no longer in the transcript are flagged, not dropped.
// Shared by `alliance-lens export --format markdown` and the editor's Export Report.
import type { Sidecar } from '../annotations/sidecar';
import { codersIn } from '../annotations/human-codes';
import { builtInCodeName } from '../annotations/codebook';
import type { Analysis } from '../types';
import { escapeMarkdown, type ReportSection } from './markdown';

const ORPHANED = 'Text no longer in the transcript';

/** `nameOf` gives a code's name (the codebook's, for a user's own codes); by default the built-in names. */
export function humanCodingSection(analysis: Analysis, sidecar: Sidecar, nameOf: (code: string) => string = builtInCodeName): ReportSection | null {
  const coders = codersIn(sidecar);
  if (coders.length === 0) return null;
  const lineOf = (index: number) => analysis.utterances.find((utterance) => utterance.index === index)?.line;
  const where = (item: { orphaned?: boolean; anchor: { utterance: number } }) => {
    if (item.orphaned) return `**${ORPHANED}**`;
    const line = lineOf(item.anchor.utterance);
    return line ? `Line ${line}` : 'Outside any utterance';
  };
  const names = (codes: readonly string[]) => codes.map((code) => escapeMarkdown(nameOf(code))).join(', ');
  const quote = (exact: string) => `“${escapeMarkdown(exact)}”`;
  const blocks = coders.map((coder) => {
    const items = [
      ...sidecar.annotations.filter((annotation) => annotation.coder === coder).map((annotation) => ({
        start: annotation.orphaned ? Infinity : annotation.anchor.start,
        text: `- ${where(annotation)}: ${names(annotation.codes)} on ${quote(annotation.anchor.exact)}${annotation.memo.trim() ? `. Memo: ${escapeMarkdown(annotation.memo)}` : ''}`,
      })),
      ...sidecar.decisions.filter((decision) => decision.coder === coder).map((decision) => ({
        start: decision.orphaned ? Infinity : decision.anchor.start,
        text: `- ${where(decision)}: ${decision.verdict === 'replace'
          ? `replaced the automatic ${names([decision.code])} with ${names(decision.replacement ?? [])}`
          : `${decision.verdict === 'accept' ? 'accepted' : 'rejected'} the automatic ${names([decision.code])}`} on ${quote(decision.anchor.exact)}`,
      })),
    // Orphans last: their old offsets no longer say where they belong.
    ].sort((x, y) => (x.start === y.start ? 0 : x.start < y.start ? -1 : 1));
    const orphaned = [...sidecar.annotations, ...sidecar.decisions].filter((item) => item.coder === coder && item.orphaned).length;
    const note = orphaned ? `\n\n_${orphaned} of ${escapeMarkdown(coder)}'s items no longer match the transcript's text; re-attach or remove them in the Codes view._` : '';
    return `### ${escapeMarkdown(coder)}\n\n${items.map((item) => item.text).join('\n')}${note}`;
  });
  return { title: 'Human coding', markdown: blocks.join('\n\n') };
}
