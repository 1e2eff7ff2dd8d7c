// Keeps annotations on their quoted text while the transcript changes. Edits seen in the editor shift offsets
// exactly; whatever an edit touched, or a change made on disk, is found again by its quote and context. An
// annotation that cannot be placed on exactly its quote is flagged orphaned and keeps every field: never dropped.
import { anchorHolds, clamp, createAnchor, type Anchor, type UtteranceRange } from './anchor';

/** One replacement, with offsets in the text as it was just before this edit (edits apply in sequence). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Placement {
  anchor: Anchor;
  orphaned: boolean;
}

/** Beyond this many occurrences of a quote, only the first ones are scored: a one-word quote in a long file. */
const MAX_CANDIDATES = 2000;

/** Shifts the offsets through edits. `touched` is true once an edit overlapped the quote, whose offsets are then
 * only an estimate for the search. */
export function shiftThroughEdits(anchor: Anchor, edits: readonly TextEdit[]): { anchor: Anchor; touched: boolean } {
  let { start, end } = anchor;
  let touched = false;
  for (const edit of edits) {
    const delta = edit.text.length - (edit.end - edit.start);
    if (edit.end <= start) {
      start += delta;
      end += delta;
    } else if (edit.start >= end) {
      continue;
    } else {
      touched = true;
      // Keep the estimate inside the edited region so the search starts near where the quote was.
      start = Math.min(start, edit.start);
      end = Math.max(edit.start + edit.text.length, end + delta, start);
    }
  }
  return { anchor: { ...anchor, start, end }, touched };
}

/** Places an anchor on `text`: where its offsets already point at its quote, else at the best occurrence of the
 * quote (context first, then nearness to the old offsets), else nowhere (orphaned, old fields kept). */
export function reanchor(anchor: Anchor, text: string, utterances: readonly UtteranceRange[]): Placement {
  const start = anchorHolds(anchor, text) ? anchor.start : findQuote(anchor, text);
  if (start === null) {
    const hint = clamp(anchor.start, 0, text.length);
    return { anchor: { ...anchor, start: hint, end: clamp(hint + anchor.exact.length, hint, text.length) }, orphaned: true };
  }
  return { anchor: createAnchor(text, start, start + anchor.exact.length, utterances), orphaned: false };
}

/** The editor's path: shift through the edits, then check and, if needed, search. */
export function moveAnchor(anchor: Anchor, edits: readonly TextEdit[], text: string, utterances: readonly UtteranceRange[]): Placement {
  return reanchor(shiftThroughEdits(anchor, edits).anchor, text, utterances);
}

/** Start offset of the occurrence of anchor.exact that best matches its context and old position, or null. */
export function findQuote(anchor: Anchor, text: string): number | null {
  if (!anchor.exact) return null;
  // Fast path: the quote with its whole context is almost always unique, and any such occurrence scores highest.
  const inContext = nearestOccurrence(text, anchor.prefix + anchor.exact + anchor.suffix, anchor.start - anchor.prefix.length);
  if (inContext !== null) return inContext + anchor.prefix.length;
  let best: number | null = null;
  let bestScore = -Infinity;
  let count = 0;
  for (let at = text.indexOf(anchor.exact); at !== -1 && count < MAX_CANDIDATES; at = text.indexOf(anchor.exact, at + 1)) {
    count++;
    const context = commonSuffixLength(text.slice(Math.max(0, at - anchor.prefix.length), at), anchor.prefix)
      + commonPrefixLength(text.slice(at + anchor.exact.length, at + anchor.exact.length + anchor.suffix.length), anchor.suffix);
    // Context dominates; distance only breaks ties (it is below 1 for any file shorter than a gigabyte).
    const score = context - Math.abs(at - anchor.start) / 1e9;
    if (score > bestScore) {
      bestScore = score;
      best = at;
    }
  }
  return best;
}

/** Edits usually move text by less than this, so the search looks around the old offset before the whole file. */
const NEARBY = 65_536;

/** The occurrence of `needle` closest to `near`. If one lies within NEARBY, the closest one does too, so the
 * window's answer is the file's answer. */
function nearestOccurrence(text: string, needle: string, near: number): number | null {
  const scan = (from: number, to: number): number | null => {
    // Searching a slice keeps indexOf from running on to the end of a long file after the last match.
    const part = from === 0 && to >= text.length ? text : text.slice(from, to);
    let best: number | null = null;
    for (let at = part.indexOf(needle), count = 0; at !== -1 && count < MAX_CANDIDATES; at = part.indexOf(needle, at + 1), count++) {
      if (best === null || Math.abs(from + at - near) < Math.abs(best - near)) best = from + at;
    }
    return best;
  };
  return scan(Math.max(0, near - NEARBY), near + NEARBY + needle.length) ?? scan(0, text.length);
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
