// Messages between the extension host and its analysis worker (analysis.worker.ts). Only plain data crosses.
import type { Analysis } from '../../core';
import type { EngineConfiguration } from './analysisService';

export type WorkerRequest =
  | { type: 'analyze'; id: number; key: string; fileName: string; text: string }
  | { type: 'configure'; configuration: EngineConfiguration }
  | { type: 'forget'; key: string };

export type WorkerReply =
  | { id: number; ok: true; analysis: Analysis }
  | { id: number; ok: false; message: string };
