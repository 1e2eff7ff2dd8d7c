// Stance check on hand-labelled therapist utterances (test/fixtures/stance/*.json, or a user's own file):
// macro-F1 over collaborative / directive / neutral, with the confusion matrix and the misses.
import type { Coder } from '../../core/coding';
import { classScores, confusionMatrix, macroF1, type ClassScores, type ConfusionMatrix } from '../../core/stats/agreement';
import type { Stance } from '../../core/types';

export const STANCES: Stance[] = ['collaborative', 'directive', 'neutral'];

export interface StanceItem {
  text: string;
  stance: Stance;
  /** Why it is labelled so, or which trap it covers. */
  note?: string;
}

export interface StanceEvaluation {
  n: number;
  macroF1: number;
  perClass: ClassScores[];
  matrix: ConfusionMatrix;
  misses: { text: string; expected: Stance; got: Stance }[];
}

/** Reads a stance file: a JSON array of {text, stance, note?}. Throws with the item number on a bad item. */
export function parseStanceFile(json: string, source: string): StanceItem[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) throw new Error(`${source}: expected a JSON array of {"text", "stance"} items`);
  return data.map((item, index) => {
    const candidate = item as Partial<StanceItem> | null;
    if (!candidate || typeof candidate.text !== 'string' || !STANCES.includes(candidate.stance as Stance)) {
      throw new Error(`${source}: item ${index + 1} needs "text" and a "stance" of ${STANCES.join(', ')}`);
    }
    return { text: candidate.text, stance: candidate.stance as Stance, note: candidate.note };
  });
}

export function evaluateStance(coder: Coder, items: readonly StanceItem[]): StanceEvaluation {
  const predicted = items.map((item) => coder.codeUtterance(item.text, 'therapist').stance);
  const reference = items.map((item) => item.stance);
  const matrix = confusionMatrix(reference, predicted, STANCES);
  return {
    n: items.length,
    macroF1: macroF1(reference, predicted, STANCES),
    perClass: classScores(matrix),
    matrix,
    misses: items.flatMap((item, i) => (predicted[i] === item.stance ? [] : [{ text: item.text, expected: item.stance, got: predicted[i] }])),
  };
}
