// Messages between the extension host and its analysis worker (analysis.worker.ts). Only plain data crosses.
import type { Analysis, RuleDescription, RuleError } from '../../core';
import type { EngineConfiguration } from './analysisService';

export type WorkerRequest =
  | { type: 'analyze'; id: number; key: string; fileName: string; text: string }
  | { type: 'ruleErrors'; id: number }
  | { type: 'configure'; configuration: EngineConfiguration }
  | { type: 'forget'; key: string };

export type WorkerAnswer =
  /** `rules` describes every rule that fired in the analysis, so hovers can explain findings without the engine. */
  | { id: number; ok: true; analysis: Analysis; rules: RuleDescription[] }
  | { id: number; ok: true; ruleErrors: RuleError[] };

export type WorkerReply = WorkerAnswer | { id: number; ok: false; message: string };
