// Every Alliance Lens command. Each handler is a few lines over the services; the logic lives in its module.
import * as vscode from 'vscode';
import { notify } from './notify';
import type { DocumentAnalyses } from './documentAnalyses';
import type { Decorator } from './decorations/decorator';
import type { FrontMatterRoleChanger } from './roles/roleChanger';
import type { Exporter } from './export/exports';
import type { SummaryViewProvider } from './summary/summaryViewProvider';
import { HIGHLIGHT_CATEGORIES, highlightRanges, type HighlightCategory } from './decorations/categories';
import { adjacentRange, type Direction } from './decorations/navigation';
import { SUMMARY_VIEW_ID } from './summary/summaryViewProvider';
import { DISABLE_RULE_COMMAND } from './hover/hoverContent';

export interface CommandServices {
  analyses: DocumentAnalyses;
  decorator: Decorator;
  summaryView: SummaryViewProvider;
  roles: FrontMatterRoleChanger;
  exporter: Exporter;
  extensionUri: vscode.Uri;
}

const ALL_CATEGORIES_ON = Object.fromEntries(HIGHLIGHT_CATEGORIES.map((category) => [category, true])) as Record<HighlightCategory, boolean>;

const NAVIGATION: { command: string; category: HighlightCategory; direction: Direction }[] = [
  { command: 'allianceLens.nextDirective', category: 'directive', direction: 'next' },
  { command: 'allianceLens.previousDirective', category: 'directive', direction: 'previous' },
  { command: 'allianceLens.nextCollaborative', category: 'collaborative', direction: 'next' },
  { command: 'allianceLens.previousCollaborative', category: 'collaborative', direction: 'previous' },
  { command: 'allianceLens.nextRupture', category: 'rupture', direction: 'next' },
];

async function analysedEditor(analyses: DocumentAnalyses): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Alliance Lens: open a transcript first.');
    return undefined;
  }
  if (!analyses.latest(editor.document)) await analyses.choose(editor.document);
  return editor;
}

async function navigate(analyses: DocumentAnalyses, category: HighlightCategory, direction: Direction): Promise<boolean> {
  const editor = await analysedEditor(analyses);
  const analysis = editor && analyses.latest(editor.document);
  if (!editor || !analysis) return false;
  const ranges = highlightRanges(analysis, ALL_CATEGORIES_ON)[category];
  const target = adjacentRange(ranges, editor.document.offsetAt(editor.selection.start), direction);
  if (!target) {
    void vscode.window.setStatusBarMessage(`Alliance Lens: no ${category} passages in this file.`, 3000);
    return false;
  }
  const range = new vscode.Range(editor.document.positionAt(target.start), editor.document.positionAt(target.end));
  // Selected so it stands out; the cursor sits at its start, so the next jump starts from this passage.
  editor.selection = new vscode.Selection(range.end, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

async function disableRule(ruleId: unknown): Promise<void> {
  if (typeof ruleId !== 'string' || ruleId.length === 0) return;
  const configuration = vscode.workspace.getConfiguration('allianceLens');
  const current = configuration.get<unknown>('rules.disabled');
  const list = Array.isArray(current) ? current.filter((item): item is string => typeof item === 'string') : [];
  if (list.includes(ruleId)) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await configuration.update('rules.disabled', [...list, ruleId], target);
  void vscode.window.setStatusBarMessage(`Alliance Lens: rule ${ruleId} turned off (allianceLens.rules.disabled).`, 4000);
}

/** Opens the bundled collaborative sample (any sample if names change) and shows the Summary beside it. */
async function openSample(extensionUri: vscode.Uri): Promise<void> {
  const folder = vscode.Uri.joinPath(extensionUri, 'samples');
  let names: string[] = [];
  try {
    names = (await vscode.workspace.fs.readDirectory(folder))
      .filter(([, type]) => type === vscode.FileType.File).map(([name]) => name).sort();
  } catch {
    // Reported below.
  }
  const name = names.find((candidate) => /collab/i.test(candidate)) ?? names.find((candidate) => /\.transcript$/.test(candidate)) ?? names[0];
  if (!name) {
    void notify('error', 'the sample transcripts are missing from this installation.');
    return;
  }
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name)));
  await vscode.commands.executeCommand(`${SUMMARY_VIEW_ID}.focus`);
}

/** Read-only view of what is painted, for tests: offsets and positions per category. */
function describeDecorations(services: CommandServices, uri?: string) {
  const document = uri
    ? vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri)
    : vscode.window.activeTextEditor?.document;
  if (!document) return undefined;
  const applied = services.decorator.appliedRanges(document);
  if (!applied) return { uri: document.uri.toString(), enabled: services.decorator.highlightsEnabled, ranges: undefined };
  const ranges = Object.fromEntries(HIGHLIGHT_CATEGORIES.map((category) => [category, applied[category].map(({ start, end }) => {
    const from = document.positionAt(start);
    const to = document.positionAt(end);
    return { start, end, startLine: from.line, startCharacter: from.character, endLine: to.line, endCharacter: to.character };
  })]));
  return { uri: document.uri.toString(), enabled: services.decorator.highlightsEnabled, ranges };
}

export function registerCommands(services: CommandServices): vscode.Disposable[] {
  const { analyses, decorator, summaryView, roles, exporter } = services;
  const register = vscode.commands.registerCommand;
  return [
    register('allianceLens.analyzeFile', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Alliance Lens: open a text file to analyse first.');
        return undefined;
      }
      const analysis = await analyses.choose(editor.document);
      if (analysis && analysis.utterances.length === 0) {
        void notify('warning', 'no utterances found. Label each turn like "T:" / "C:" or "Therapist:" / "Client:".');
      }
      return analysis !== undefined;
    }),
    register('allianceLens.toggleHighlights', () => {
      const enabled = decorator.toggle();
      void vscode.window.setStatusBarMessage(`Alliance Lens: highlights ${enabled ? 'on' : 'off'}.`, 3000);
      return enabled;
    }),
    register('allianceLens.showSummary', () => vscode.commands.executeCommand(`${SUMMARY_VIEW_ID}.focus`)),
    ...NAVIGATION.map(({ command, category, direction }) => register(command, () => navigate(analyses, category, direction))),
    register('allianceLens.exportReport', (target?: vscode.Uri) => exporter.export('report', target)),
    register('allianceLens.exportUtterances', (target?: vscode.Uri) => exporter.export('utterances', target)),
    register('allianceLens.setSpeakerRole', () => roles.pickAndChange(vscode.window.activeTextEditor?.document)),
    register(DISABLE_RULE_COMMAND, disableRule),
    register('allianceLens.openSample', () => openSample(services.extensionUri)),
    register('allianceLens._getDecorations', (uri?: string) => describeDecorations(services, uri)),
    register('allianceLens._getPanelState', () => summaryView.snapshot()),
  ];
}
