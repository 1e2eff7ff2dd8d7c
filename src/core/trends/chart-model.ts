// What a trend chart shows, independent of how it is drawn (SVG in HTML, text in Markdown): one point per session,
// the value axis with round ticks, and the MITI thresholds where the score has them.
import { estimateNote, bandIsTrusted, type ScoreTrust } from '../summary/score-agreement';
import type { TrendScoreInfo } from './trend-scores';
import type { TrendSession } from './trends';

export interface ChartThreshold {
  label: string;
  value: number;
}

export interface ChartModel {
  title: string;
  /** Set for a score that may not be graded: the chart says so and its thresholds are a reference only. */
  estimate: string | null;
  /** One per session in order; null where the score is undefined for that session. */
  values: (number | null)[];
  /** Short labels under the points: the session number, else the date, else the position. */
  labels: string[];
  min: number;
  max: number;
  ticks: number[];
  thresholds: ChartThreshold[];
  format: (value: number) => string;
}

export function chartModel(score: TrendScoreInfo, sessions: readonly TrendSession[], trusted: ScoreTrust = bandIsTrusted): ChartModel {
  const values = sessions.map((session) => session[score.id]);
  const thresholds = score.thresholds
    ? [{ label: `MITI fair ${score.format(score.thresholds.fair)}`, value: score.thresholds.fair }, { label: `MITI good ${score.format(score.thresholds.good)}`, value: score.thresholds.good }]
    : [];
  const highest = Math.max(0, ...values.filter((value): value is number => value !== null), ...thresholds.map((threshold) => threshold.value));
  // Headroom above the highest value or threshold, so a threshold is not drawn on the frame.
  const [min, max] = score.range ?? [0, niceCeiling(highest * 1.1, score.whole ? 1 : 0)];
  const untrusted = score.agreementId !== undefined && !trusted(score.agreementId);
  return {
    title: score.name,
    estimate: untrusted && score.agreementId ? estimateNote(score.agreementId) : null,
    values,
    labels: sessions.map(sessionLabel),
    min,
    max,
    ticks: ticksBetween(min, max, score.whole ? 1 : 0),
    thresholds,
    format: score.format,
  };
}

/** "S3" for session 3, else "02-09" for a date, else "#2" for the second file. */
function sessionLabel(session: TrendSession, index: number): string {
  if (session.session !== null) return `S${session.session}`;
  if (session.date !== null) return session.date.slice(5);
  return `#${index + 1}`;
}

const STEPS = [1, 2, 2.5, 5, 10];

/** The smallest multiple of a round step (see niceStep) at or above `value`; 1 for 0. */
function niceCeiling(value: number, smallestStep: number): number {
  if (value <= 0) return 1;
  const step = niceStep(value / 4, smallestStep);
  return Math.ceil(value / step - 1e-9) * step;
}

/** 1, 2, 2.5 or 5 times a power of ten, at least `rough` and at least `smallestStep` (1 keeps counts whole). */
function niceStep(rough: number, smallestStep: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = (STEPS.find((candidate) => candidate * power >= rough - 1e-12) ?? 10) * power;
  if (smallestStep > 0 && step < smallestStep) return smallestStep;
  // 2.5 is not a whole step for counts.
  return smallestStep > 0 && !Number.isInteger(step) ? Math.ceil(step) : step;
}

/** About five round ticks from min to max, both included. */
function ticksBetween(min: number, max: number, smallestStep: number): number[] {
  const step = niceStep((max - min) / 4, smallestStep);
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step * 1e-9; tick += step) ticks.push(Math.round(tick * 1e6) / 1e6);
  return ticks;
}
