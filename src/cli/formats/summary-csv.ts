// One row per file of session metrics (`analyze --format summary`), for comparing sessions in a spreadsheet.
import { toCsv, type CsvValue } from '../../core/csv';
import type { Analysis, RepairStatus } from '../../core/types';

export const SUMMARY_CSV_COLUMNS = [
  'file', 'format', 'utterances', 'therapistWords', 'clientWords', 'clientTalkShare',
  'openQuestions', 'closedQuestions', 'simpleReflections', 'complexReflections',
  'reflectionToQuestion', 'reflectionToQuestionBand', 'percentComplexReflections', 'percentComplexReflectionsBand',
  'percentOpenQuestions', 'collaborative', 'directive', 'miAdherent', 'miNonAdherent',
  'changeTalk', 'sustainTalk', 'withdrawalRuptures', 'confrontationRuptures',
  'rupturesRepaired', 'rupturesMetWithDirective', 'rupturesUnaddressed', 'allianceIndex', 'warnings',
] as const;

export function formatSummaryCsv(analyses: readonly Analysis[]): string {
  return toCsv(SUMMARY_CSV_COLUMNS, analyses.map(summaryRow));
}

function summaryRow({ file, format, utterances, summary: s, warnings }: Analysis): CsvValue[] {
  const ruptures = (status: RepairStatus) => s.ruptureEvents.filter((event) => event.status === status).length;
  return [
    file, format, utterances.length, s.therapistWords, s.clientWords, s.clientTalkShare,
    s.questions.open, s.questions.closed, s.reflections.simple, s.reflections.complex,
    s.reflectionToQuestion, s.bands.reflectionToQuestion, s.percentComplexReflections, s.bands.percentComplexReflections,
    s.percentOpenQuestions, s.collaborative, s.directive, s.miAdherent, s.miNonAdherent,
    s.changeTalk, s.sustainTalk, s.ruptures.withdrawal, s.ruptures.confrontation,
    ruptures('repaired'), ruptures('met-with-directive'), ruptures('unaddressed'), s.allianceIndex, warnings.length,
  ];
}
