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

/** Results by text: the summary is recomputed on every edit, and most replies have not changed since the last one.
 * Bounded, because a long editing session sees many texts. */
const movesByText = new Map<string, string | null>();
const MOVE_CACHE_LIMIT = 5000;

/** The id of the first repair move (in data-file order) found in the text, or null. */
export function findRepairMove(text: string): string | null {
  const cached = movesByText.get(text);
  if (cached !== undefined) return cached;
  const move = detectRepairMove(text);
  if (movesByText.size >= MOVE_CACHE_LIMIT) movesByText.clear();
  movesByText.set(text, move);
  return move;
}

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
  const { found } = nlp.tokenize(text).sweep(repairNet());
  return [...new Set(found.map((hit) => String((hit as { reason?: string }).reason)))];
}
