// When a sidecar changed on disk while this window had changes of its own (a second coder, a sync client, a git
// pull), neither side's work may be lost. A three-way merge by id against the version both started from: what only
// one side added, changed or removed is taken from that side; only an item that both sides changed differently (or
// one changed and the other removed) is a conflict, and then nothing is decided for the user.
import type { Sidecar } from './sidecar';

type ListName = 'annotations' | 'comments' | 'decisions';
const LISTS: readonly ListName[] = ['annotations', 'comments', 'decisions'];

export interface SidecarConflict {
  list: ListName;
  id: string;
}

export type SidecarMerge = { ok: true; sidecar: Sidecar } | { ok: false; conflicts: SidecarConflict[] };

interface Identified {
  id: string;
}

/** Same content, whatever the key order (items come from JSON, so a canonical JSON text compares them). */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item && typeof item === 'object' && !Array.isArray(item)
    ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : item));
}

/** How a true conflict is settled once the user has chosen; without a choice it is reported, not settled. */
export type ConflictChoice = 'ask' | 'ours' | 'theirs';

function mergeList<T extends Identified>(base: readonly T[], ours: readonly T[], theirs: readonly T[], list: ListName, conflicts: SidecarConflict[], choice: ConflictChoice): T[] {
  const byId = (items: readonly T[]) => new Map(items.map((item) => [item.id, item]));
  const baseItems = byId(base);
  const theirItems = byId(theirs);
  const ourItems = byId(ours);
  const merged: T[] = [];
  const pick = (id: string, mine: T | undefined, other: T | undefined) => {
    const original = baseItems.get(id);
    const changed = (version: T | undefined) => (original === undefined ? version !== undefined : version === undefined || !same(version, original));
    let chosen: T | undefined;
    if (!changed(mine)) chosen = other;
    else if (!changed(other)) chosen = mine;
    else if (mine === undefined && other === undefined) chosen = undefined;
    else if (mine !== undefined && other !== undefined && same(mine, other)) chosen = mine;
    else if (choice === 'ours') chosen = mine;
    else if (choice === 'theirs') chosen = other;
    else {
      conflicts.push({ list, id });
      return;
    }
    if (chosen !== undefined) merged.push(chosen);
  };
  // Our order first (it is what this window shows), then what only the other side has, in its order.
  for (const item of ours) pick(item.id, item, theirItems.get(item.id));
  for (const item of theirs) if (!ourItems.has(item.id)) pick(item.id, undefined, item);
  for (const item of base) if (!ourItems.has(item.id) && !theirItems.has(item.id)) pick(item.id, undefined, undefined);
  return merged;
}

/** `base`: the version this window last read or wrote; `ours`: this window's; `theirs`: what is on disk now. Fields
 * other than the three lists (schema, version, unknown keys) come from `theirs` unless only ours changed them. */
export function mergeSidecars(base: Sidecar, ours: Sidecar, theirs: Sidecar, choice: ConflictChoice = 'ask'): SidecarMerge {
  const conflicts: SidecarConflict[] = [];
  const lists = Object.fromEntries(LISTS.map((list) => [list, mergeList<Identified>(base[list], ours[list], theirs[list], list, conflicts, choice)]));
  if (conflicts.length > 0) return { ok: false, conflicts };
  const rest = (sidecar: Sidecar) => Object.fromEntries(Object.entries(sidecar).filter(([key]) => !LISTS.includes(key as ListName)));
  const others = same(rest(ours), rest(base)) ? rest(theirs) : rest(ours);
  return { ok: true, sidecar: { ...others, ...lists } as Sidecar };
}
