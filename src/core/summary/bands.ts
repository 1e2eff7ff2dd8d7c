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
