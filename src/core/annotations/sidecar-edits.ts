// The changes a person makes to a sidecar, and re-anchoring of everything in it. Each returns a new Sidecar
// (the input is never mutated), keeping unknown fields of every item.
import type { Anchor, UtteranceRange } from './anchor';
import { moveAnchor, reanchor, type Placement, type TextEdit } from './reanchor';
import type { Annotation, CommentThread, Decision, Sidecar, Verdict } from './sidecar';

/** A short unique id; ids only need to be unique within one sidecar. */
export function newId(prefix: string, now: Date = new Date()): string {
  return `${prefix}-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function addAnnotation(sidecar: Sidecar, input: { coder: string; codes: string[]; memo?: string; anchor: Anchor; now?: Date }): Sidecar {
  const now = input.now ?? new Date();
  const annotation: Annotation = {
    id: newId('a', now), coder: input.coder, codes: [...new Set(input.codes)], memo: input.memo ?? '',
    anchor: input.anchor, created: now.toISOString(),
  };
  return { ...sidecar, annotations: [...sidecar.annotations, annotation] };
}

/** The same finding: same rule on the same quoted text at the same place. */
export function sameFinding(decision: Decision, rule: string, anchor: Anchor): boolean {
  return decision.rule === rule && decision.anchor.start === anchor.start && decision.anchor.end === anchor.end
    && decision.anchor.exact === anchor.exact;
}

/** Records a coder's verdict on an automatic finding, replacing that coder's earlier verdict on it. */
export function decide(sidecar: Sidecar, input: {
  coder: string; rule: string; code: string; verdict: Verdict; replacement?: string[]; anchor: Anchor; now?: Date;
}): Sidecar {
  const now = input.now ?? new Date();
  const decision: Decision = {
    id: newId('d', now), coder: input.coder, rule: input.rule, code: input.code, verdict: input.verdict,
    ...(input.verdict === 'replace' ? { replacement: [...new Set(input.replacement ?? [])] } : {}),
    anchor: input.anchor, created: now.toISOString(),
  };
  const others = sidecar.decisions.filter((old) => !(old.coder === input.coder && sameFinding(old, input.rule, input.anchor)));
  return { ...sidecar, decisions: [...others, decision] };
}

export function addThread(sidecar: Sidecar, input: { author: string; body: string; anchor: Anchor; now?: Date }): { sidecar: Sidecar; thread: CommentThread } {
  const now = input.now ?? new Date();
  const thread: CommentThread = {
    id: newId('t', now), anchor: input.anchor, resolved: false,
    comments: [{ id: newId('c', now), author: input.author, body: input.body, created: now.toISOString() }],
  };
  return { sidecar: { ...sidecar, comments: [...sidecar.comments, thread] }, thread };
}

export function reply(sidecar: Sidecar, threadId: string, input: { author: string; body: string; now?: Date }): Sidecar {
  const now = input.now ?? new Date();
  return updateThread(sidecar, threadId, (thread) => ({
    ...thread,
    comments: [...thread.comments, { id: newId('c', now), author: input.author, body: input.body, created: now.toISOString() }],
  }));
}

export function setResolved(sidecar: Sidecar, threadId: string, resolved: boolean): Sidecar {
  return updateThread(sidecar, threadId, (thread) => ({ ...thread, resolved }));
}

/** Takes one code off a coded segment (the whole annotation goes when it was its last code), or withdraws a
 * review of an automatic finding. Only ever a person's explicit choice, one item at a time. */
export function removeCode(sidecar: Sidecar, itemId: string, code: string): Sidecar {
  return {
    ...sidecar,
    annotations: sidecar.annotations
      .map((item) => (item.id === itemId ? { ...item, codes: item.codes.filter((existing) => existing !== code) } : item))
      .filter((item) => item.codes.length > 0),
    decisions: sidecar.decisions.filter((item) => item.id !== itemId),
  };
}

function updateThread(sidecar: Sidecar, threadId: string, change: (thread: CommentThread) => CommentThread): Sidecar {
  return { ...sidecar, comments: sidecar.comments.map((thread) => (thread.id === threadId ? change(thread) : thread)) };
}

type Anchored = { anchor: Anchor; orphaned?: boolean };

/** Re-anchors every item after edits seen one by one (the editor), or against new text alone (`edits` null:
 * a change on disk). Returns how many items ended orphaned. */
export function reanchorSidecar(sidecar: Sidecar, text: string, utterances: readonly UtteranceRange[], edits: readonly TextEdit[] | null = null): {
  sidecar: Sidecar; orphaned: number; changed: boolean;
} {
  let orphaned = 0;
  let changed = false;
  const place = <T extends Anchored>(item: T): T => {
    const placement: Placement = edits ? moveAnchor(item.anchor, edits, text, utterances) : reanchor(item.anchor, text, utterances);
    if (placement.orphaned) orphaned++;
    const next = { ...item, anchor: { ...item.anchor, ...placement.anchor }, orphaned: placement.orphaned };
    if (!sameAnchor(item.anchor, next.anchor) || Boolean(item.orphaned) !== placement.orphaned) changed = true;
    return next;
  };
  const next: Sidecar = {
    ...sidecar,
    annotations: sidecar.annotations.map(place),
    comments: sidecar.comments.map(place),
    decisions: sidecar.decisions.map(place),
  };
  return { sidecar: next, orphaned, changed };
}

function sameAnchor(a: Anchor, b: Anchor): boolean {
  return a.start === b.start && a.end === b.end && a.utterance === b.utterance && a.exact === b.exact
    && a.prefix === b.prefix && a.suffix === b.suffix;
}
