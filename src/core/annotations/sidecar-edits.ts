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

/** Deleting is only ever a person's explicit choice (a command on that one item). */
export function removeItem(sidecar: Sidecar, id: string): Sidecar {
  return {
    ...sidecar,
    annotations: sidecar.annotations.filter((item) => item.id !== id),
    comments: sidecar.comments.filter((item) => item.id !== id),
    decisions: sidecar.decisions.filter((item) => item.id !== id),
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

/** Everything that could not be placed, for the "orphaned" list. */
export function orphans(sidecar: Sidecar): Array<{ kind: 'annotation' | 'comment' | 'decision'; id: string; exact: string }> {
  return [
    ...sidecar.annotations.filter((item) => item.orphaned).map((item) => ({ kind: 'annotation' as const, id: item.id, exact: item.anchor.exact })),
    ...sidecar.comments.filter((item) => item.orphaned).map((item) => ({ kind: 'comment' as const, id: item.id, exact: item.anchor.exact })),
    ...sidecar.decisions.filter((item) => item.orphaned).map((item) => ({ kind: 'decision' as const, id: item.id, exact: item.anchor.exact })),
  ];
}
