// The session summary of the Analysis contract: MITI summary scores with their bands, talk balance, rupture and
// repair, the alliance index and its timeline.
import type { AnalysedUtterance, ParsedTranscript, Summary } from '../types';
import { allianceIndexOf, indexComponents } from './alliance-index';
import { MITI_BANDS, bandOf } from './bands';
import { countSession, ratioOrNull, roundOrNull } from './counts';
import { linkRuptures, type RepairMoveDetector } from './ruptures';
import { buildTimeline } from './timeline';

export { topMoments, type Moment } from './moments';
export { ALLIANCE_INDEX, ALLIANCE_INDEX_FORMULA, allianceIndexOf, describeFormula, explainIndex, indexComponents, sessionIndexBreakdown } from './alliance-index';
export type { IndexBreakdown, IndexComponents, IndexContribution, IndexFormula, IndexTerm } from './alliance-index';
export { MITI_BANDS, bandOf } from './bands';
export { REPAIR_MOVE_NAMES, repairStrategyName } from './repair-move-list';
export type { RepairMoveDetector } from './ruptures';

/** Ratios are rounded for display (R:Q to 2 decimals, percentages to 1, the talk share to 3); bands are decided on
 * the unrounded values. Percentages run 0..100; clientTalkShare is a fraction 0..1. `findRepairMove` is the nlp
 * layer's detector (the Analyzer passes it), so this barrel stays free of compromise. */
export function summarize(_parsed: ParsedTranscript, utterances: AnalysedUtterance[], findRepairMove: RepairMoveDetector): Summary {
  const counts = countSession(utterances);
  const ruptureEvents = linkRuptures(utterances, findRepairMove);
  const reflections = counts.simpleReflections + counts.complexReflections;
  const questions = counts.openQuestions + counts.closedQuestions;
  const reflectionToQuestion = ratioOrNull(reflections, questions);
  const complexShare = ratioOrNull(counts.complexReflections, reflections);
  const percentComplexReflections = complexShare === null ? null : complexShare * 100;
  const openShare = ratioOrNull(counts.openQuestions, questions);
  return {
    therapistWords: counts.therapistWords,
    clientWords: counts.clientWords,
    clientTalkShare: roundOrNull(ratioOrNull(counts.clientWords, counts.therapistWords + counts.clientWords), 3),
    questions: { open: counts.openQuestions, closed: counts.closedQuestions },
    reflections: { simple: counts.simpleReflections, complex: counts.complexReflections },
    reflectionToQuestion: roundOrNull(reflectionToQuestion, 2),
    percentComplexReflections: roundOrNull(percentComplexReflections, 1),
    percentOpenQuestions: roundOrNull(openShare === null ? null : openShare * 100, 1),
    collaborative: counts.collaborative,
    directive: counts.directive,
    miAdherent: counts.miAdherent,
    miNonAdherent: counts.miNonAdherent,
    ruptures: { withdrawal: counts.withdrawalRuptures, confrontation: counts.confrontationRuptures },
    changeTalk: counts.changeTalk,
    sustainTalk: counts.sustainTalk,
    allianceIndex: allianceIndexOf(indexComponents(counts, ruptureEvents)),
    timeline: buildTimeline(utterances, ruptureEvents),
    ruptureEvents,
    bands: {
      reflectionToQuestion: bandOf(reflectionToQuestion, MITI_BANDS.reflectionToQuestion),
      percentComplexReflections: bandOf(percentComplexReflections, MITI_BANDS.percentComplexReflections),
    },
  };
}
