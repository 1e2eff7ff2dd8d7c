// The default terminal output: per file, its speakers and the headline figures of the session.
import type { Analysis } from '../../core/types';
import { forTerminal } from '../terminal';

export function formatTable(analyses: readonly Analysis[]): string {
  if (analyses.length === 0) return 'No transcripts were analysed.\n';
  return analyses.map(fileTable).join('\n');
}

function fileTable(analysis: Analysis): string {
  const { summary } = analysis;
  const speakerRows = [['Speaker', 'Role', 'Turns', 'Words'], ...analysis.speakers.map((s) => [forTerminal(s.label, { singleLine: true }), s.role, String(s.turns), String(s.words)])];
  const widths = speakerRows[0].map((_, column) => Math.max(...speakerRows.map((row) => row[column].length)));
  const percent = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value * 100)}%`);
  const lines = [
    `${forTerminal(analysis.file || '(text)', { singleLine: true })}  (${analysis.format}, ${analysis.utterances.length} utterances)`,
    ...speakerRows.map((row) => `  ${row.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ')}`),
    `  Stance: ${summary.collaborative} collaborative, ${summary.directive} directive`
      + ` · Questions: ${summary.questions.open} open / ${summary.questions.closed} closed`
      + ` · Reflections: ${summary.reflections.simple} simple / ${summary.reflections.complex} complex`,
    `  Alliance index: ${summary.allianceIndex}/100 · Client talk share: ${percent(summary.clientTalkShare)}`
      + ` · Change / sustain talk: ${summary.changeTalk} / ${summary.sustainTalk}`,
  ];
  if (analysis.warnings.length > 0) lines.push(`  Warnings: ${analysis.warnings.length} (listed on stderr)`);
  return `${lines.join('\n')}\n`;
}
