// The session summary of the Analysis contract: MITI summary scores with their bands, talk balance, rupture and
// repair, the alliance index and its timeline.
import type { AnalysedUtterance, ParsedTranscript, RuptureEvent, Summary } from '../types';
import { allianceIndexOf, indexComponents } from './alliance-index';
import { MITI_BANDS, bandOf } from './bands';
import { countUtterance, emptyCounts, ratioOrNull, roundOrNull, type SessionCounts } from './counts';
import { RuptureLinker, type RepairMoveDetector } from './ruptures';
import { planTimeline, scoreTimeline, type PlannedSegment, type TimelineUtterance } from './timeline';

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
  const tally = new SummaryTally(utterances, findRepairMove);
  for (const utterance of utterances) tally.add(utterance);
  return tally.finish();
}

/** The summary as running totals: the utterances are added one at a time, as they are coded, and need not be held
 * (a huge transcript is coded and written utterance by utterance). Built from the parsed utterances, which fix the
 * timeline's segments; they must then be added in the same order. */
export class SummaryTally {
  private readonly counts = emptyCounts();
  private readonly ruptures: RuptureLinker;
  private readonly plan: PlannedSegment[];
  private readonly segmentCounts: SessionCounts[];
  /** The segment of each rupture event, in event order. */
  private readonly ruptureSegments: number[] = [];
  private segment = 0;
  /** Utterances added to the current segment. */
  private inSegment = 0;

  constructor(utterances: readonly TimelineUtterance[], findRepairMove: RepairMoveDetector) {
    this.ruptures = new RuptureLinker(findRepairMove);
    this.plan = planTimeline(utterances);
    this.segmentCounts = this.plan.map(() => emptyCounts());
  }

  add(utterance: AnalysedUtterance): void {
    countUtterance(this.counts, utterance);
    while (this.segment < this.plan.length && this.inSegment >= this.plan[this.segment].size) {
      this.segment++;
      this.inSegment = 0;
    }
    this.inSegment++;
    if (this.segment < this.plan.length) countUtterance(this.segmentCounts[this.segment], utterance);
    const before = this.ruptures.count;
    this.ruptures.add(utterance);
    for (let event = before; event < this.ruptures.count; event++) this.ruptureSegments.push(this.segment);
  }

  finish(): Summary {
    const counts = this.counts;
    const ruptureEvents = this.ruptures.finish();
    const segmentRuptures = this.plan.map((): RuptureEvent[] => []);
    ruptureEvents.forEach((event, position) => segmentRuptures[this.ruptureSegments[position]]?.push(event));
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
      timeline: scoreTimeline(this.plan, this.segmentCounts, segmentRuptures),
      ruptureEvents,
      bands: {
        reflectionToQuestion: bandOf(reflectionToQuestion, MITI_BANDS.reflectionToQuestion),
        percentComplexReflections: bandOf(percentComplexReflections, MITI_BANDS.percentComplexReflections),
      },
    };
  }
}
