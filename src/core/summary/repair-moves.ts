// Detects 3RS repair moves in a therapist utterance. The patterns live in repair-moves.json (data, with examples
// and counterexamples a unit test runs), compiled once into one compromise net and swept per utterance.
import nlp from 'compromise/two';
import repairMoveData from './repair-moves.json';

export interface RepairMove {
  id: string;
  strategy: string;
  reference: string;
  patterns: string[];
  examples: string[];
  counterexamples: string[];
}

export const REPAIR_MOVES: readonly RepairMove[] = repairMoveData.moves;

type Net = ReturnType<typeof nlp.buildNet>;
let compiled: Net | undefined;

function repairNet(): Net {
  compiled ??= nlp.buildNet(REPAIR_MOVES.flatMap((move) => move.patterns.map((match) => ({ match, tag: [], reason: move.id }))));
  return compiled;
}

/** The id of the first repair move (in data-file order) found in the text, or null. */
export function findRepairMove(text: string): string | null {
  if (!text.trim()) return null;
  try {
    const { found } = nlp(text).sweep(repairNet());
    const ids = new Set(found.map((hit) => (hit as { reason?: string }).reason));
    return REPAIR_MOVES.find((move) => ids.has(move.id))?.id ?? null;
  } catch {
    // A pattern or a text compromise cannot handle must not stop the summary; the rupture then simply has no
    // detected repair.
    return null;
  }
}

/** Which moves' patterns match the text, for the data file's tests. */
export function matchingRepairMoves(text: string): string[] {
  const { found } = nlp(text).sweep(repairNet());
  return [...new Set(found.map((hit) => String((hit as { reason?: string }).reason)))];
}
