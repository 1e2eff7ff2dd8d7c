// The extension's analysis worker (dist/analysis.worker.js): runs the engine off the extension host's thread, so a
// long transcript never freezes the editor, and loading compromise never costs the host either. One Analyzer
// (with its per-utterance cache) per open document.
import * as path from 'path';
import { parentPort } from 'worker_threads';
import type * as Core from '../../core/engine';
import { documentOptions, type EngineConfiguration } from './analysisService';
import { PRELIMINARY_MIN_LENGTH, type WorkerReply, type WorkerRequest } from './analysisWorkerProtocol';

// dist/core.js is loaded at run time rather than bundled, so this worker's bundle stays small.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = require(path.join(__dirname, 'core.js')) as typeof Core;
const analyzers = new Map<string, { analyzer: Core.Analyzer; optionsKey: string }>();
let configuration: EngineConfiguration = { userRuleFiles: [], disabledRules: [] };
let describer: Core.Analyzer | undefined;

function reply(message: WorkerReply): void {
  parentPort?.postMessage(message);
}

/** The document's Analyzer, made again when its rules changed (a new or edited rules file nearer to it). */
function analyzerFor(request: Extract<WorkerRequest, { type: 'analyze' }>): Core.Analyzer {
  const { options, key } = documentOptions(configuration, request);
  let held = analyzers.get(request.key);
  if (held?.optionsKey !== key) {
    held = { analyzer: new core.Analyzer({ ...options }), optionsKey: key };
    analyzers.set(request.key, held);
  }
  return held.analyzer;
}

function answer(request: Extract<WorkerRequest, { id: number }>): WorkerReply {
  if (request.type === 'ruleErrors') {
    describer ??= new core.Analyzer({ ...configuration });
    return { id: request.id, ok: true, ruleErrors: describer.ruleErrors };
  }
  const analyzer = analyzerFor(request);
  if (request.priorityRanges && request.text.length >= PRELIMINARY_MIN_LENGTH) sendPreliminary(analyzer, request);
  const analysis = analyzer.analyze(request.text, { fileName: request.fileName });
  const ruleIds = new Set(analysis.utterances.flatMap((utterance) => utterance.findings.map((finding) => finding.rule)));
  const rules = [...ruleIds].flatMap((ruleId) => analyzer.describeRule(ruleId) ?? []);
  return { id: request.id, ok: true, analysis, rules };
}

/** What the user is looking at in a large file, coded first; the full analysis reuses that coding from the cache. */
function sendPreliminary(analyzer: Core.Analyzer, request: Extract<WorkerRequest, { type: 'analyze' }>): void {
  try {
    const preliminary = analyzer.analyzePriority(request.text, { fileName: request.fileName, ranges: request.priorityRanges ?? [] });
    reply({ id: request.id, preliminary });
  } catch {
    // Only a head start: the full analysis that follows reports any error.
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'configure') {
    configuration = request.configuration;
    analyzers.clear();
    describer = undefined;
    return;
  }
  if (request.type === 'forget') {
    analyzers.delete(request.key);
    return;
  }
  try {
    reply(answer(request));
  } catch (error) {
    reply({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
