// Detects 3RS repair moves in a therapist utterance. The patterns live in repair-moves.json beside this file (data,
// with examples and counterexamples a unit test runs), compiled once into one compromise net and swept per utterance.
import nlp from 'compromise/two';
import { REPAIR_MOVE_NAMES, type RepairMoveName } from '../summary/repair-move-list';
import { memoizeByText } from '../memo';
import { boundForCompromise } from './bounded-text';
import { preferLongerAlternatives, type Reg } from './matcher';
import repairMovePatterns from './repair-moves.json';

export interface RepairMove extends RepairMoveName {
  patterns: string[];
  examples: string[];
  counterexamples: string[];
}

/** Each named move with its patterns, in the data file's order (the first move found wins). */
export const REPAIR_MOVES: readonly RepairMove[] = repairMovePatterns.moves.map((move) => {
  const name = REPAIR_MOVE_NAMES.find((candidate) => candidate.id === move.id);
  if (!name) throw new Error(`repair-moves.json: move "${move.id}" has no name in summary/repair-move-list.ts`);
  return { ...name, ...move };
});

type Net = ReturnType<typeof nlp.buildNet>;
let compiled: Net | undefined;

function repairNet(): Net {
  if (!compiled) {
    const matches = REPAIR_MOVES.flatMap((move) => move.patterns.map((match) => ({ match, tag: [], reason: move.id })));
    compiled = nlp.buildNet(matches);
    // buildNet parses each match into its own object's regs, the ones the net sweeps with: give them the matcher's
    // order, so "(our|our sessions)" finds "our sessions" here as in the rules.
    for (const match of matches as { regs?: Reg[] }[]) if (match.regs) preferLongerAlternatives(match.regs);
  }
  return compiled;
}

/** The id of the first repair move (in data-file order) found in the text, or null. Remembered by text: the summary
 * is recomputed on every edit, and most replies have not changed since the last one. */
export const findRepairMove: (text: string) => string | null = /* @__PURE__ */ memoizeByText((text) => detectRepairMove(text), 5000);

function detectRepairMove(text: string): string | null {
  if (!text.trim()) return null;
  try {
    const ids = new Set(matchingRepairMoves(text));
    return REPAIR_MOVES.find((move) => ids.has(move.id))?.id ?? null;
  } catch {
    // A text compromise cannot handle must not stop the summary; the rupture then simply has no detected repair.
    return null;
  }
}

/** Which moves' patterns match the text. Tokenising without tagging is enough: the patterns match words only. */
export function matchingRepairMoves(text: string): string[] {
  const { found } = nlp.tokenize(boundForCompromise(text)).sweep(repairNet());
  return [...new Set(found.map((hit) => String((hit as { reason?: string }).reason)))];
}
