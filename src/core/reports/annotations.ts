// Markdown renderings of human coding, shared by the CLI (`export`, `agree`) and the editor (its report export and
// Compare Coders): the supervisor's comments as a report section, and the agreement report. Transcript text,
// names and comments go through the report's escapeMarkdown.
import type { AgreementReport } from '../annotations/agreement';
import type { Sidecar } from '../annotations/sidecar';
import { builtInCodeName } from '../annotations/codebook';
import type { Analysis } from '../types';
import { escapeMarkdown, type ReportSection } from './markdown';

/** The supervisor's comment threads, each with its line, the quoted words and every reply. */
export function commentsSection(analysis: Analysis, sidecar: Sidecar): ReportSection | null {
  if (sidecar.comments.length === 0) return null;
  const lineOf = (index: number) => analysis.utterances.find((utterance) => utterance.index === index)?.line;
  const markdown = sidecar.comments.map((thread) => {
    const line = lineOf(thread.anchor.utterance);
    const where = thread.orphaned ? 'Text no longer in the transcript' : line ? `Line ${line}` : 'Outside any utterance';
    return [
      `- ${where}${thread.resolved ? ' (resolved)' : ''}: “${escapeMarkdown(thread.anchor.exact)}”`,
      ...thread.comments.map((comment) => `  - ${escapeMarkdown(comment.author)}: ${escapeMarkdown(comment.body)}`),
    ].join('\n');
  }).join('\n');
  return { title: 'Supervisor comments', markdown };
}

const fixed = (value: number | null, digits: number) => (value === null ? 'n/a' : value.toFixed(digits));

/** The agreement report in Markdown; `link(line)` is the target of a line link (a relative path with #L, or a
 * command URI in the editor). Also used by the editor's Compare Coders command. */
export function formatAgreementMarkdown(report: AgreementReport, options: { title: string; link: (line: number) => string }): string {
  const [a, b] = report.coders.map(escapeMarkdown) as [string, string];
  const label = (code: string) => escapeMarkdown(builtInCodeName(code));
  const { coverage } = report;
  const scope = coverage.scope === 'reviewed'
    ? `only the utterances ${a} reviewed (coded, accepted or rejected)`
    : 'every utterance';
  return [
    `# ${escapeMarkdown(options.title)}`,
    '',
    `Coders: **${a}** and **${b}**. Compared: ${coverage.compared} of ${coverage.total} utterances, ${scope}; each code only over the utterances of the role it applies to (therapist or client).`,
    '',
    ...report.warnings.map((warning) => `> **Caution:** ${escapeMarkdown(warning)}\n`),
    `Overall, pooled over every utterance and code: Cohen's kappa ${fixed(report.overall.kappa, 3)}, Krippendorff's alpha ${fixed(report.overall.alpha, 3)}, agreement ${fixed(report.overall.percent, 1)}%. Mean kappa over codes: ${fixed(report.overall.meanKappa, 3)}.`,
    '',
    `| Code | Utterances | Kappa | Alpha | Agreement | Both | Only ${a} | Only ${b} | Neither |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.perCode.map((entry) => `| ${label(entry.code)} | ${entry.units} | ${fixed(entry.kappa, 3)} | ${fixed(entry.alpha, 3)} | ${entry.percent.toFixed(1)}% | ${entry.both} | ${entry.onlyA} | ${entry.onlyB} | ${entry.neither} |`),
    '',
    `## Disagreements (${report.disagreements.length})`,
    '',
    ...(report.disagreements.length
      ? report.disagreements.map((d) => `- [line ${d.line}](${options.link(d.line)}), utterance ${d.utterance}: ${label(d.code)}, coded by ${d.codedBy === 'a' ? a : b} only`)
      : ['None.']),
    '',
  ].join('\n');
}
