// The seam between the editor and the engine. Everything in src/extension analyses through AnalysisService, so
// the engine can later move into a worker or be chunked without touching decorations, hovers or the panel.
// The engine (dist/core.js, which pulls in compromise) is loaded on the first analysis, never at activation.
import * as path from 'path';
import type * as Core from '../../core/engine';
import type { Analysis, RuleDescription, RuleError, RuleFile } from '../../core';
import type { FileRange, PriorityAnalysis } from '../../core/analyzer';

export interface DocumentText {
  /** Stable key of the document (its URI string). */
  key: string;
  fileName: string;
  text: string;
  /** What the editor shows: for a large document these utterances may be coded and reported first. */
  priorityRanges?: FileRange[];
  /** The document's own rules files, as configuration discovery finds them for its folder (the CLI finds the same);
   * without them, those of the last configure(). */
  userRuleFiles?: RuleFile[];
}

/** The options of the Analyzer for a document, and a key that tells when they changed. */
export function documentOptions(configuration: EngineConfiguration, document: Pick<DocumentText, 'userRuleFiles'>): { options: EngineConfiguration; key: string } {
  const options = { ...configuration, userRuleFiles: document.userRuleFiles ?? configuration.userRuleFiles };
  return { options, key: JSON.stringify(options.userRuleFiles) };
}

/** The analysis was superseded by a newer one of the same document before its result was used. */
export class AnalysisCancelledError extends Error {
  constructor() {
    super('superseded by a newer analysis of the same document');
    this.name = 'AnalysisCancelledError';
  }
}

/** The analysis ran longer than its budget and the worker was stopped. */
export class AnalysisTimeoutError extends Error {
  constructor(readonly fileName: string, readonly budgetMs: number) {
    super(`the analysis of ${fileName} took longer than ${Math.round(budgetMs / 1000)} s and was stopped`);
    this.name = 'AnalysisTimeoutError';
  }
}

/** Receives the coded utterances of a large document's priority ranges before its full analysis. */
export type PreliminaryListener = (preliminary: PriorityAnalysis) => void;

/** What the editor needs from the engine besides the analysis itself. */
export interface EngineHelpers {
  codeName(codeId: string): string;
  describeRule(ruleId: string): RuleDescription | undefined;
  topMoments: typeof Core.topMoments;
  allianceIndexFormula: string;
  /** This session's index term by term. */
  indexBreakdown: typeof Core.sessionIndexBreakdown;
  ruleErrors: readonly RuleError[];
}

export interface EngineConfiguration {
  userRuleFiles: RuleFile[];
  disabledRules: string[];
}

export interface AnalysisService {
  /** `onPreliminary` may be called (at most once, before the promise settles) with the priority ranges' utterances. */
  analyze(document: DocumentText, onPreliminary?: PreliminaryListener): Promise<Analysis>;
  helpers(): Promise<EngineHelpers>;
  /** New rules or disabled rules: every document is re-analysed from scratch on its next analyze(). */
  configure(configuration: EngineConfiguration): void;
  /** Drops the per-document cache of a closed document. */
  forget(key: string): void;
}

type CoreModule = typeof Core;

/** Loads the separately built dist/core.js next to dist/extension.js. A runtime path keeps esbuild from
 * bundling the engine (and compromise) into the extension bundle. */
export function loadBundledCore(): CoreModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, 'core.js')) as CoreModule;
}

/** Runs the engine in the extension host, one Analyzer (with its per-utterance cache) per document. */
export class InProcessAnalysisService implements AnalysisService {
  private core: CoreModule | undefined;
  private readonly analyzers = new Map<string, { analyzer: Core.Analyzer; optionsKey: string }>();
  private configuration: EngineConfiguration = { userRuleFiles: [], disabledRules: [] };
  /** Shared Analyzer that answers describeRule/ruleErrors for the current configuration. */
  private describer: Core.Analyzer | undefined;

  constructor(private readonly load: () => CoreModule = loadBundledCore) {}

  private engine(): CoreModule {
    this.core ??= this.load();
    return this.core;
  }

  private newAnalyzer(options: EngineConfiguration = this.configuration): Core.Analyzer {
    return new (this.engine().Analyzer)({ ...options });
  }

  async analyze(document: DocumentText): Promise<Analysis> {
    const { options, key } = documentOptions(this.configuration, document);
    let held = this.analyzers.get(document.key);
    if (held?.optionsKey !== key) {
      held = { analyzer: this.newAnalyzer(options), optionsKey: key };
      this.analyzers.set(document.key, held);
    }
    return held.analyzer.analyze(document.text, { fileName: document.fileName });
  }

  async helpers(): Promise<EngineHelpers> {
    const core = this.engine();
    this.describer ??= this.newAnalyzer();
    const describer = this.describer;
    return {
      codeName: (codeId) => core.codeName(codeId),
      describeRule: (ruleId) => describer.describeRule(ruleId),
      topMoments: core.topMoments,
      allianceIndexFormula: core.ALLIANCE_INDEX_FORMULA,
      indexBreakdown: core.sessionIndexBreakdown,
      ruleErrors: describer.ruleErrors,
    };
  }

  configure(configuration: EngineConfiguration): void {
    this.configuration = configuration;
    this.analyzers.clear();
    this.describer = undefined;
  }

  forget(key: string): void {
    this.analyzers.delete(key);
  }
}
