// The de-identified copy's sidecar: every human code, memo, comment and decision moved onto the new text through
// the same replacements, with its own free text de-identified too. Nothing is dropped: an item that was already
// orphaned on the original keeps its place estimate, stays orphaned, and is counted so the caller can report it.
import { createAnchor, type Anchor, type UtteranceRange } from '../annotations/anchor';
import type { Sidecar } from '../annotations/sidecar';
import { reanchorSidecar } from '../annotations/sidecar-edits';
import type { Deidentifier, Replacement } from './transcript';

export interface SidecarCopy {
  sidecar: Sidecar;
  /** Items that could not be placed on the original (and so not on the copy either): kept, flagged orphaned. */
  unplaced: number;
}

export function deidentifySidecar(sidecar: Sidecar, original: { text: string; utterances: readonly UtteranceRange[] },
  copy: { text: string; utterances: readonly UtteranceRange[] }, replacements: readonly Replacement[], deidentifier: Deidentifier): SidecarCopy {
  const placed = reanchorSidecar(sidecar, original.text, original.utterances).sidecar;
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  let unplaced = 0;
  const move = <T extends { anchor: Anchor; orphaned?: boolean }>(item: T): T => {
    if (item.orphaned) {
      unplaced++;
      const anchor = {
        ...item.anchor,
        exact: deidentifier.deidentifyText(item.anchor.exact), prefix: deidentifier.deidentifyText(item.anchor.prefix),
        suffix: deidentifier.deidentifyText(item.anchor.suffix), start: mapOffset(item.anchor.start, sorted, 'start'),
      };
      return { ...item, anchor: { ...anchor, end: anchor.start + anchor.exact.length } };
    }
    const start = mapOffset(item.anchor.start, sorted, 'start');
    const end = mapOffset(item.anchor.end, sorted, 'end');
    return { ...item, anchor: { ...item.anchor, ...createAnchor(copy.text, start, Math.max(end, start + 1), copy.utterances) } };
  };
  return {
    sidecar: {
      ...placed,
      annotations: placed.annotations.map((annotation) => ({ ...move(annotation), memo: deidentifier.deidentifyText(annotation.memo) })),
      comments: placed.comments.map((thread) => ({
        ...move(thread),
        comments: thread.comments.map((comment) => ({ ...comment, body: deidentifier.deidentifyText(comment.body) })),
      })),
      decisions: placed.decisions.map(move),
    },
    unplaced,
  };
}

/** Where an offset of the original lands in the copy. An offset inside a replaced span goes to the replacement's
 * start (for a start) or end (for an end), so a quote that began or ended inside a name takes the whole stand-in. */
export function mapOffset(offset: number, sorted: readonly Replacement[], side: 'start' | 'end'): number {
  let delta = 0;
  for (const replacement of sorted) {
    if (replacement.end <= offset) {
      delta += replacement.replacement.length - (replacement.end - replacement.start);
      continue;
    }
    if (replacement.start < offset) {
      return replacement.start + delta + (side === 'start' ? 0 : replacement.replacement.length);
    }
    break;
  }
  return offset + delta;
}
