// The extension's analysis worker (dist/analysis.worker.js): runs the engine off the extension host's thread, so a
// long transcript never freezes the editor. One Analyzer (with its per-utterance cache) per open document.
import * as path from 'path';
import { parentPort } from 'worker_threads';
import type * as Core from '../../core';
import type { EngineConfiguration } from './analysisService';
import type { WorkerReply, WorkerRequest } from './analysisWorkerProtocol';

// dist/core.js is loaded at run time rather than bundled, so this worker's bundle stays small.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = require(path.join(__dirname, 'core.js')) as typeof Core;
const analyzers = new Map<string, Core.Analyzer>();
let configuration: EngineConfiguration = { userRuleFiles: [], disabledRules: [] };

function reply(message: WorkerReply): void {
  parentPort?.postMessage(message);
}

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'configure') {
    configuration = request.configuration;
    analyzers.clear();
    return;
  }
  if (request.type === 'forget') {
    analyzers.delete(request.key);
    return;
  }
  try {
    let analyzer = analyzers.get(request.key);
    if (!analyzer) {
      analyzer = new core.Analyzer({ ...configuration });
      analyzers.set(request.key, analyzer);
    }
    reply({ id: request.id, ok: true, analysis: analyzer.analyze(request.text, { fileName: request.fileName }) });
  } catch (error) {
    reply({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
