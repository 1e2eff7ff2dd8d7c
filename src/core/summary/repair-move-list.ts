// The 3RS repair moves as data (repair-moves.json), apart from their compromise net in repair-moves.ts: reports name
// a move's strategy without loading the engine.
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
