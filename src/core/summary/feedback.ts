// Strengths and growth areas in neutral, templated sentences. Every sentence restates a number from the summary
// against a MITI threshold or a plain comparison; nothing is inferred beyond the metrics.
import type { Summary } from '../types';
import { MITI_BANDS } from './bands';

export interface Feedback {
  strengths: string[];
  growthAreas: string[];
}

/** Client talk share (0..1) below which the therapist did clearly more of the talking. */
const LOW_CLIENT_SHARE = 0.4;

export function sessionFeedback(summary: Summary): Feedback {
  const strengths: string[] = [];
  const growthAreas: string[] = [];
  const rq = summary.reflectionToQuestion;
  const { fair: rqFair, good: rqGood } = MITI_BANDS.reflectionToQuestion;
  if (rq !== null && summary.bands.reflectionToQuestion === 'good') strengths.push(`Reflections outnumbered questions (R:Q ${rq}, at or above the good threshold of ${rqGood}:1).`);
  else if (rq !== null && summary.bands.reflectionToQuestion === 'fair') strengths.push(`Reflections kept pace with questions (R:Q ${rq}, at or above the fair threshold of ${rqFair}:1).`);
  else if (rq !== null) growthAreas.push(`Questions outnumbered reflections (R:Q ${rq}, below the fair threshold of ${rqFair}:1); offering more reflections is an option to consider.`);

  const cr = summary.percentComplexReflections;
  const { fair: crFair } = MITI_BANDS.percentComplexReflections;
  if (cr !== null && summary.bands.percentComplexReflections !== 'below') strengths.push(`${cr}% of reflections were complex (at or above the fair threshold of ${crFair}%).`);
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

  return { strengths, growthAreas };
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}
