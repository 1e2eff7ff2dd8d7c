// What each trend score is, for every front end that shows trends: its name, how to write a value, which way is
// better, the MITI thresholds it has (from bands.ts) and the agreement row that says whether it may be graded.
import { MITI_BANDS, type BandThresholds } from '../summary/bands';
import type { SessionScoreId } from '../summary/score-agreement';
import type { TrendScoreId } from './trends';

export interface TrendScoreInfo {
  id: TrendScoreId;
  name: string;
  /** A value as people read it: "0.8", "45%", "62% of words". */
  format: (value: number) => string;
  /** A change as people read it, with its sign: "+0.3", "−12 points". */
  formatChange: (change: number) => string;
  /** +1 when higher is better, −1 when lower is, null when neither (a rupture count says little alone). */
  better: 1 | -1 | null;
  /** The smallest first-to-last change that the plain-language summary calls a change; smaller ones are "steady". */
  noticeable: number;
  /** A count of utterances or events: its axis ticks are whole numbers. */
  whole?: boolean;
  /** The fixed range of the score's axis, when it has one. */
  range?: [number, number];
  /** MITI 4.2.1 thresholds, where the manual has them. */
  thresholds?: BandThresholds;
  /** The score's row in score-agreement.ts: when that row is not trusted the score is an estimate, never graded. */
  agreementId?: SessionScoreId;
}

const plain = (value: number) => `${round(value, 2)}`;
const percent = (value: number) => `${round(value, 1)}%`;
/** "+3", "−3" (a true minus sign), or "±0" for a change that rounds to nothing. */
const signed = (text: string, change: number) => {
  const magnitude = text.replace(/^-/, '');
  if (/^0(?: |$)/.test(magnitude)) return `\u00b1${magnitude}`;
  return change > 0 ? `+${magnitude}` : `\u2212${magnitude}`;
};

export const TREND_SCORES: readonly TrendScoreInfo[] = [
  { id: 'allianceIndex', name: 'Alliance index', format: (v) => `${round(v, 1)}`, formatChange: (c) => signed(`${round(c, 1)}`, c), better: 1, noticeable: 5, range: [0, 100] },
  {
    id: 'reflectionToQuestion', name: 'Reflection-to-question ratio', format: (v) => `${round(v, 2)}:1`, formatChange: (c) => signed(plain(c), c),
    better: 1, noticeable: 0.25, thresholds: MITI_BANDS.reflectionToQuestion, agreementId: 'reflectionToQuestion',
  },
  {
    id: 'percentComplexReflections', name: 'Complex reflections', format: percent, formatChange: (c) => signed(`${round(c, 1)} points`, c),
    better: 1, noticeable: 10, range: [0, 100], thresholds: MITI_BANDS.percentComplexReflections, agreementId: 'percentComplexReflections',
  },
  {
    id: 'percentOpenQuestions', name: 'Open questions', format: percent, formatChange: (c) => signed(`${round(c, 1)} points`, c),
    better: 1, noticeable: 10, range: [0, 100], agreementId: 'percentOpenQuestions',
  },
  { id: 'collaborative', name: 'Collaborative utterances', format: plain, formatChange: (c) => signed(plain(c), c), better: 1, noticeable: 1, whole: true },
  { id: 'directive', name: 'Directive utterances', format: plain, formatChange: (c) => signed(plain(c), c), better: -1, noticeable: 1, whole: true },
  {
    id: 'clientTalkShare', name: 'Client talk share', format: (v) => `${round(v * 100, 1)}%`, formatChange: (c) => signed(`${round(c * 100, 1)} points`, c),
    better: 1, noticeable: 0.05, range: [0, 1],
  },
  { id: 'ruptures', name: 'Ruptures (withdrawal + confrontation)', format: plain, formatChange: (c) => signed(plain(c), c), better: null, noticeable: 1, whole: true },
  { id: 'repairedRuptures', name: 'Repaired ruptures', format: plain, formatChange: (c) => signed(plain(c), c), better: null, noticeable: 1, whole: true },
];

export function trendScore(id: TrendScoreId): TrendScoreInfo {
  const found = TREND_SCORES.find((score) => score.id === id);
  if (!found) throw new RangeError(`unknown trend score ${id}`);
  return found;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
