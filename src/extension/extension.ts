// Activation wires the services together and registers everything; it does no analysis and loads no engine
// (dist/core.js and compromise load on the first analysis), so activate() stays cheap.
import * as vscode from 'vscode';
import type { RuleFile } from '../core';
import { Configuration } from './configuration';
import { DocumentAnalyses } from './documentAnalyses';
import type { AnalysisService } from './engine/analysisService';
import { WorkerAnalysisService } from './engine/workerAnalysisService';
import { EngineConfigurator } from './engine/engineConfiguration';
import { Decorator } from './decorations/decorator';
import { FindingHoverProvider } from './hover/hoverProvider';
import { AllianceStatusBar } from './statusBar';
import { FrontMatterRoleChanger } from './roles/roleChanger';
import { SUMMARY_VIEW_ID, SummaryViewProvider } from './summary/summaryViewProvider';
import { registerCommands } from './commands';
import { Exporter } from './export/exports';
import { activateAnnotations } from './annotations';
import { activateSessions } from './sessions';
import { registerDeidentify } from './deidentify/deidentifyCommand';
import { FileProblems } from './problems/fileProblems';
import { activateReview } from './review';
import { openWalkthroughOnFirstRun } from './firstRun';

/** What other features (e.g. human coding in ./annotations) can build on. */
export interface ExtensionServices {
  configuration: Configuration;
  service: AnalysisService;
  analyses: DocumentAnalyses;
  decorator: Decorator;
  summaryView: SummaryViewProvider;
  exporter: Exporter;
  /** The Problems panel entries and the log for rules, codebook and sidecar files. */
  problems: FileProblems;
}

/** Writes the extension host must let finish before it stops: sidecar saves still waiting on their delay. */
let finishWrites: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionServices & {
  annotations: ReturnType<typeof activateAnnotations>; review: ReturnType<typeof activateReview>['lock']; sessions: ReturnType<typeof activateSessions>['provider']; activationMs: number;
} {
  const started = performance.now();
  const configuration = new Configuration();
  // Analysis runs in a worker thread (started on the first analysis), so long transcripts never block the host.
  const service = new WorkerAnalysisService();
  // Each transcript's rules are found as the CLI finds them (the configurator, made below, runs the discovery).
  const analyses = new DocumentAnalyses(service, configuration, context.workspaceState, (uri): Promise<RuleFile[]> => configurator.rulesOf(uri));
  const decorator = new Decorator(analyses, configuration);
  // Review mode: transcripts open read-only; the role change unlocks for its one confirmed write.
  const review = activateReview(configuration, analyses);
  const roles = new FrontMatterRoleChanger(analyses, review.lock);
  const summaryView = new SummaryViewProvider(context.extensionUri, analyses, service, roles);
  const problems = new FileProblems();
  const configurator = new EngineConfigurator(service, configuration, analyses, problems);
  const exporter = new Exporter(analyses);
  context.subscriptions.push(
    problems,
    service,
    configuration, analyses, ...review.disposables, decorator, summaryView, configurator,
    new AllianceStatusBar(analyses),
    vscode.window.registerWebviewViewProvider(SUMMARY_VIEW_ID, summaryView),
    vscode.languages.registerHoverProvider({ scheme: '*' }, new FindingHoverProvider(analyses, decorator, service)),
    ...registerCommands({ analyses, decorator, summaryView, roles, exporter, extensionUri: context.extensionUri }),
    ...registerDeidentify(),
    // A changed setting (or rules file, through the re-analysis it starts) re-renders the panel in place.
    configuration.onDidChange(() => summaryView.refresh()),
  );
  const services: ExtensionServices = { configuration, service, analyses, decorator, summaryView, exporter, problems };
  // Human coding: codes, reviews, comments, the Codes view; it reads the analyses and adds to the panel.
  const annotations = activateAnnotations(context, services);
  finishWrites = () => annotations.store.flush();
  // Sessions over time: collected when the Sessions view is first shown, analysed on the worker.
  const sessions = activateSessions(service, configuration, context.extensionUri, (uri) => configurator.rulesOf(uri));
  context.subscriptions.push(...sessions.disposables);
  void configurator.apply();
  openWalkthroughOnFirstRun(context);
  // For the bench: how long activate() itself took, measured in the real extension host.
  return { ...services, annotations, review: review.lock, sessions: sessions.provider, activationMs: performance.now() - started };
}

/** VS Code waits for the returned promise before it stops the extension host, so no code applied just before the
 * window closes is lost. */
export function deactivate(): Promise<void> | undefined {
  return finishWrites?.();
}
