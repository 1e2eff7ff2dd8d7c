// Where an annotation sits in a transcript, stored the way the W3C Web Annotation TextQuoteSelector does: the
// quoted text with a little context on either side, plus offsets and the utterance index as fast hints. The
// quote is the truth; offsets are only a guess that re-anchoring checks against it.

/** Characters of context kept on either side of the quote: enough to tell repeated phrases apart. */
export const CONTEXT_LENGTH = 24;

// A type alias (not an interface) so it fits the sidecar's loose objects, which allow unknown keys.
export type Anchor = {
  /** Index of the first utterance the quote overlaps, or -1 when it lies outside every utterance. */
  utterance: number;
  /** UTF-16 offsets of the quote in the transcript. */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
};

/** The part of an utterance the anchoring needs; AnalysedUtterance fits. */
export interface UtteranceRange {
  index: number;
  start: number;
  end: number;
}

export function createAnchor(text: string, start: number, end: number, utterances: readonly UtteranceRange[]): Anchor {
  const from = clamp(Math.min(start, end), 0, text.length);
  const to = clamp(Math.max(start, end), 0, text.length);
  return {
    utterance: firstOverlappingUtterance(utterances, from, to),
    start: from,
    end: to,
    exact: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - CONTEXT_LENGTH), from),
    suffix: text.slice(to, to + CONTEXT_LENGTH),
  };
}

/** True when the anchor's offsets point at exactly its quote in `text`. */
export function anchorHolds(anchor: Anchor, text: string): boolean {
  return anchor.end > anchor.start && text.slice(anchor.start, anchor.end) === anchor.exact;
}

/** The utterances whose text overlaps [start, end); a collapsed range counts when it touches the utterance. */
export function overlappingUtterances(utterances: readonly UtteranceRange[], start: number, end: number): number[] {
  return utterances
    .filter((utterance) => (start < end
      ? utterance.start < end && start < utterance.end
      : utterance.start <= start && start <= utterance.end))
    .map((utterance) => utterance.index);
}

export function firstOverlappingUtterance(utterances: readonly UtteranceRange[], start: number, end: number): number {
  return overlappingUtterances(utterances, start, end)[0] ?? -1;
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
