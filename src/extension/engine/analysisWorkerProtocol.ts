// Messages between the extension host and its analysis worker (analysis.worker.ts). Only plain data crosses.
import type { Analysis, RuleDescription, RuleError } from '../../core';
import type { FileRange, PriorityAnalysis } from '../../core/analyzer';
import type { RuleFile } from '../../core';
import type { EngineConfiguration } from './analysisService';

export type WorkerRequest =
  | { type: 'analyze'; id: number; key: string; fileName: string; text: string; priorityRanges?: FileRange[]; userRuleFiles?: RuleFile[] }
  | { type: 'ruleErrors'; id: number }
  | { type: 'configure'; configuration: EngineConfiguration }
  | { type: 'forget'; key: string };

export type WorkerAnswer =
  /** `rules` describes every rule that fired in the analysis, so hovers can explain findings without the engine. */
  | { id: number; ok: true; analysis: Analysis; rules: RuleDescription[] }
  | { id: number; ok: true; ruleErrors: RuleError[] };

/** Sent before the answer to an analysis of a large document: the utterances in `priorityRanges`, coded first. */
export interface WorkerPreliminary {
  id: number;
  preliminary: PriorityAnalysis;
}

export type WorkerReply = WorkerAnswer | WorkerPreliminary | { id: number; ok: false; message: string };

/** Below this size (UTF-16 code units, about 200 KB) the whole analysis is quick enough: no preliminary result. */
export const PRELIMINARY_MIN_LENGTH = 200 * 1024;
