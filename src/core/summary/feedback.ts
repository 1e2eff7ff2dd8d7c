// Strengths and growth areas in neutral, templated sentences. Every sentence restates a number from the summary
// against a MITI threshold or a plain comparison; nothing is inferred beyond the metrics. A score that does not agree
// with expert coders is never graded: it is named as something to check by hand instead.
import type { Summary } from '../types';
import { MITI_BANDS } from './bands';
import { bandIsTrusted, type ScoreTrust } from './score-agreement';

export interface Feedback {
  strengths: string[];
  growthAreas: string[];
  /** Scores worth counting by hand before any grading, because the automatic count is only an estimate. */
  toCheck: string[];
}

/** Client talk share (0..1) below which the therapist did clearly more of the talking. */
const LOW_CLIENT_SHARE = 0.4;

export function sessionFeedback(summary: Summary, trusted: ScoreTrust = bandIsTrusted): Feedback {
  const strengths: string[] = [];
  const growthAreas: string[] = [];
  const toCheck: string[] = [];
  const rq = summary.reflectionToQuestion;
  const { fair: rqFair, good: rqGood } = MITI_BANDS.reflectionToQuestion;
  if (rq !== null && !trusted('reflectionToQuestion')) toCheck.push(`The automatic codes give R:Q ${rq}; count reflections and questions by hand before grading it against the MITI thresholds (fair ${rqFair}:1, good ${rqGood}:1).`);
  else if (rq !== null && summary.bands.reflectionToQuestion === 'good') strengths.push(`Reflections outnumbered questions (R:Q ${rq}, at or above the good threshold of ${rqGood}:1).`);
  else if (rq !== null && summary.bands.reflectionToQuestion === 'fair') strengths.push(`Reflections kept pace with questions (R:Q ${rq}, at or above the fair threshold of ${rqFair}:1).`);
  else if (rq !== null) growthAreas.push(`Questions outnumbered reflections (R:Q ${rq}, below the fair threshold of ${rqFair}:1); offering more reflections is an option to consider.`);

  const cr = summary.percentComplexReflections;
  const { fair: crFair } = MITI_BANDS.percentComplexReflections;
  if (cr !== null && !trusted('percentComplexReflections')) toCheck.push(`The automatic codes call ${cr}% of reflections complex; check which reflections add meaning or feeling before grading it (fair ${crFair}%).`);
  else if (cr !== null && summary.bands.percentComplexReflections !== 'below') strengths.push(`${cr}% of reflections were complex (at or above the fair threshold of ${crFair}%).`);
  else if (cr !== null) growthAreas.push(`${cr}% of reflections were complex (below the fair threshold of ${crFair}%); reflections that add meaning or feeling could be tried more often.`);

  if (summary.collaborative > summary.directive) strengths.push(`Collaborative utterances (${summary.collaborative}) outnumbered directive ones (${summary.directive}).`);
  else if (summary.directive > 0) growthAreas.push(`Directive utterances (${summary.directive}) were at least as frequent as collaborative ones (${summary.collaborative}); asking permission or the client's own ideas before advising is an alternative.`);

  const share = summary.clientTalkShare;
  if (share !== null && share >= 0.5) strengths.push(`The client spoke ${percent(share)} of the words.`);
  else if (share !== null && share < LOW_CLIENT_SHARE) growthAreas.push(`The client spoke ${percent(share)} of the words; the therapist did most of the talking.`);

  const events = summary.ruptureEvents;
  const repaired = events.filter((event) => event.status === 'repaired').length;
  if (events.length > 0 && repaired === events.length) strengths.push(`Every rupture marker (${events.length}) was followed by a repair move within three therapist turns.`);
  else if (events.length > 0) growthAreas.push(`${events.length - repaired} of ${events.length} rupture markers had no repair move within three therapist turns.`);

  return { strengths, growthAreas, toCheck };
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}
