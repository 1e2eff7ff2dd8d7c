// One row per file of session metrics (`analyze --format summary`), for comparing sessions in a spreadsheet.
import { toCsv, type CsvValue } from '../../core/csv';
import { metadataValue } from '../../core/session-metadata';
import type { Analysis, RepairStatus } from '../../core/types';

/** The session metadata with a column each; any other front-matter keys share the otherMetadata column. */
const NAMED_METADATA = ['date', 'session', 'therapist', 'client'] as const;

export const SUMMARY_CSV_COLUMNS = [
  'file', ...NAMED_METADATA, 'format', 'utterances', 'therapistWords', 'clientWords', 'clientTalkShare',
  'openQuestions', 'closedQuestions', 'simpleReflections', 'complexReflections',
  'reflectionToQuestion', 'reflectionToQuestionBand', 'percentComplexReflections', 'percentComplexReflectionsBand',
  'percentOpenQuestions', 'collaborative', 'directive', 'miAdherent', 'miNonAdherent',
  'changeTalk', 'sustainTalk', 'withdrawalRuptures', 'confrontationRuptures',
  'rupturesRepaired', 'rupturesMetWithDirective', 'rupturesUnaddressed', 'allianceIndex', 'warnings', 'otherMetadata',
] as const;

export function formatSummaryCsv(analyses: readonly Analysis[]): string {
  return toCsv(SUMMARY_CSV_COLUMNS, analyses.map(summaryRow));
}

function summaryRow({ file, metadata, format, utterances, summary: s, warnings }: Analysis): CsvValue[] {
  const ruptures = (status: RepairStatus) => s.ruptureEvents.filter((event) => event.status === status).length;
  return [
    file, ...NAMED_METADATA.map((key) => metadataValue(metadata, key)), format, utterances.length, s.therapistWords, s.clientWords, s.clientTalkShare,
    s.questions.open, s.questions.closed, s.reflections.simple, s.reflections.complex,
    s.reflectionToQuestion, s.bands.reflectionToQuestion, s.percentComplexReflections, s.bands.percentComplexReflections,
    s.percentOpenQuestions, s.collaborative, s.directive, s.miAdherent, s.miNonAdherent,
    s.changeTalk, s.sustainTalk, s.ruptures.withdrawal, s.ruptures.confrontation,
    ruptures('repaired'), ruptures('met-with-directive'), ruptures('unaddressed'), s.allianceIndex, warnings.length,
    otherMetadata(metadata),
  ];
}

/** "setting: clinic; topic: sleep": the keys without a column of their own, in the order they were written. */
function otherMetadata(metadata: Readonly<Record<string, string>>): string {
  const named = new Set<string>(NAMED_METADATA);
  return Object.entries(metadata).filter(([key]) => !named.has(key.toLowerCase())).map(([key, value]) => `${key}: ${value}`).join('; ');
}
