// The trends report from analyses, shared by `trends` (which analyses the transcripts itself) and `merge` (which
// reads the analyses that `analyze --format jsonl` wrote), so both print the same report for the same sessions.
import { metadataValue, sessionDate, sessionNumber } from '../core/session-metadata';
import { buildTrends } from '../core/trends/trends';
import type { Analysis } from '../core/types';
import type { CliIo } from './command';
import type { TrendsFormat } from './formats/trends';

/** The report in `format`; notes about sessions that cannot be placed in order go to standard error. */
export function renderTrends(analyses: readonly Analysis[], format: TrendsFormat, groupBy: string, io: CliIo): string {
  for (const note of orderingNotes(analyses)) io.stderr(`${note}\n`);
  return format.render(buildTrends(analyses, groupBy), { groupBy });
}

/** A date or session number that is present but unreadable would silently move a session to the end: say so. */
function orderingNotes(analyses: readonly Analysis[]): string[] {
  const notes: string[] = [];
  for (const analysis of analyses) {
    const date = metadataValue(analysis.metadata, 'date');
    if (date !== null && sessionDate(analysis.metadata) === null) {
      notes.push(`${analysis.file}: date "${date}" is not a YYYY-MM-DD date; the session is ordered as undated`);
    }
    const session = metadataValue(analysis.metadata, 'session');
    if (session !== null && sessionNumber(analysis.metadata) === null) {
      notes.push(`${analysis.file}: session "${session}" is not a number; the session is ordered as unnumbered`);
    }
  }
  return notes;
}
