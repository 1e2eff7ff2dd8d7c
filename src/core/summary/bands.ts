// MITI 4.2.1 summary-score thresholds. %OQ is deliberately absent: 4.2.1 dropped its thresholds, so it is reported
// without a band.
import type { Band } from '../types';

export interface BandThresholds {
  fair: number;
  good: number;
}

/** R:Q: fair from 1:1, good from 2:1. %CR (0..100): fair from 40%, good from 50%. */
export const MITI_BANDS = {
  reflectionToQuestion: { fair: 1, good: 2 },
  percentComplexReflections: { fair: 40, good: 50 },
} as const satisfies Record<string, BandThresholds>;

export function bandOf(value: number | null, thresholds: BandThresholds): Band | null {
  if (value === null) return null;
  if (value >= thresholds.good) return 'good';
  if (value >= thresholds.fair) return 'fair';
  return 'below';
}

const THRESHOLD_UNIT: Record<keyof typeof MITI_BANDS, (value: number) => string> = {
  reflectionToQuestion: (value) => `${value}:1`,
  percentComplexReflections: (value) => `${value}%`,
};

/** "fair 1:1 · good 2:1": the thresholds in words, for every place that states them. */
export function describeThresholds(score: keyof typeof MITI_BANDS): string {
  const unit = THRESHOLD_UNIT[score];
  return `fair ${unit(MITI_BANDS[score].fair)} · good ${unit(MITI_BANDS[score].good)}`;
}
