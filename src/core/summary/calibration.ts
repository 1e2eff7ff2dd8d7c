// How the alliance index's weights are derived, so anyone can re-derive them from a labelled set of sessions
// (AnnoMI's dev split): per component, its AUC alone, its standard deviation, and the weight the rule
// "10 index points per standard deviation, rounded to a nice number" gives it.
import { auc } from '../stats/auc';
import { ALLIANCE_INDEX, type IndexComponents, type IndexFormula } from './alliance-index';

export const POINTS_PER_STANDARD_DEVIATION = 10;
export const NICE_WEIGHTS = [5, 10, 20, 25, 50, 100, 200, 250, 500] as const;

export interface ComponentCalibration {
  component: keyof IndexComponents;
  label: string;
  /** +1 or −1: the direction MITI gives the component. */
  direction: 1 | -1;
  /** AUC of direction × component alone for separating the positive sessions; null without both classes. */
  auc: number | null;
  standardDeviation: number;
  /** direction × the nice number nearest to POINTS_PER_STANDARD_DEVIATION / standardDeviation; 0 when constant. */
  impliedWeight: number;
  /** The weight in the formula (0 for an excluded component). */
  currentWeight: number;
}

export function calibrateComponents(
  sessions: readonly IndexComponents[], positive: readonly boolean[], formula: IndexFormula = ALLIANCE_INDEX,
): ComponentCalibration[] {
  const considered = [
    ...formula.terms.map((term) => ({ component: term.component, label: term.label, direction: (term.weight < 0 ? -1 : 1) as 1 | -1, currentWeight: term.weight })),
    ...formula.excluded.map((item) => ({ component: item.component, label: item.label, direction: item.direction, currentWeight: 0 })),
  ];
  return considered.map(({ component, label, direction, currentWeight }) => {
    const values = sessions.map((session) => session[component]);
    const standardDeviation = populationStandardDeviation(values);
    return {
      component, label, direction, currentWeight, standardDeviation,
      auc: auc(values.map((value) => direction * value), positive),
      impliedWeight: standardDeviation > 0 ? direction * nearestNiceWeight(POINTS_PER_STANDARD_DEVIATION / standardDeviation) : 0,
    };
  });
}

export function nearestNiceWeight(raw: number): number {
  return NICE_WEIGHTS.reduce((best, nice) => (Math.abs(nice - raw) < Math.abs(best - raw) ? nice : best), NICE_WEIGHTS[0]);
}

function populationStandardDeviation(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
}
