// What each person coded, utterance by utterance: their own codes on selections, plus the automatic findings they
// accepted (or the codes they put in place of one). A selection spanning two utterances codes both. Orphaned items
// have no place in the text, so they count nowhere until they are re-attached.
import { overlappingUtterances, type UtteranceRange } from './anchor';
import type { Sidecar } from './sidecar';

/** coder → utterance index → code ids. */
export type CodesByCoder = Map<string, Map<number, Set<string>>>;

export function humanCodesByUtterance(sidecar: Sidecar, utterances: readonly UtteranceRange[]): CodesByCoder {
  const byCoder: CodesByCoder = new Map();
  const add = (coder: string, start: number, end: number, codes: readonly string[]) => {
    let byUtterance = byCoder.get(coder);
    if (!byUtterance) byCoder.set(coder, (byUtterance = new Map()));
    for (const index of overlappingUtterances(utterances, start, end)) {
      let set = byUtterance.get(index);
      if (!set) byUtterance.set(index, (set = new Set()));
      for (const code of codes) set.add(code);
    }
  };
  for (const annotation of sidecar.annotations) {
    if (!annotation.orphaned) add(annotation.coder, annotation.anchor.start, annotation.anchor.end, annotation.codes);
  }
  for (const decision of sidecar.decisions) {
    if (decision.orphaned || decision.verdict === 'reject') continue;
    add(decision.coder, decision.anchor.start, decision.anchor.end, decision.verdict === 'accept' ? [decision.code] : decision.replacement ?? []);
  }
  return byCoder;
}

/** The utterances a person actually looked at: those they coded, or where they accepted, rejected or replaced an
 * automatic code. Against the automatic codes, only these are compared by default. */
export function reviewedUtterances(sidecar: Sidecar, utterances: readonly UtteranceRange[], coder: string): Set<number> {
  const reviewed = new Set<number>();
  for (const item of [...sidecar.annotations, ...sidecar.decisions]) {
    if (item.coder !== coder || item.orphaned) continue;
    for (const index of overlappingUtterances(utterances, item.anchor.start, item.anchor.end)) reviewed.add(index);
  }
  return reviewed;
}

/** Every coder named in a sidecar, in order of first appearance. */
export function codersIn(sidecar: Sidecar): string[] {
  return [...new Set([...sidecar.annotations.map((a) => a.coder), ...sidecar.decisions.map((d) => d.coder)])];
}

/** Counts of each code over all coders' human codes (one per utterance per coder), for the Summary panel. */
export function humanCodeCounts(byCoder: CodesByCoder): Record<string, number> {
  // Counted in a Map and made an object with fromEntries, which defines own properties: a code named "__proto__" or
  // "constructor" is counted like any other.
  const counts = new Map<string, number>();
  for (const byUtterance of byCoder.values()) {
    for (const codes of byUtterance.values()) for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return Object.fromEntries(counts);
}
