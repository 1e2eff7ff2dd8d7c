// The Summary webview view in the real VS Code: it receives and renders the active transcript's summary.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PanelState } from '../../src/shared/protocol';
import { analyseWithEngine, openFixture, paintedRanges, REPO_ROOT, waitFor } from './editorSupport';

interface PanelSnapshot {
  posted: PanelState;
  rendered?: { type: 'rendered'; kind: string; fileName: string | null };
  visible: boolean;
}

const snapshot = () => vscode.commands.executeCommand<PanelSnapshot>('allianceLens._getPanelState');

describe('Summary panel', function () {
  this.timeout(60_000);

  it('receives the summary of the active transcript and reports rendering it', async () => {
    const editor = await openFixture('session.transcript');
    await paintedRanges(editor.document.uri);
    await vscode.commands.executeCommand('allianceLens.showSummary');
    const state = await waitFor(async () => {
      const current = await snapshot();
      return current.rendered?.kind === 'summary' && current.rendered.fileName === 'session.transcript' ? current : undefined;
    }, 'the panel to render the summary of session.transcript');
    assert.ok(state.visible);
    assert.strictEqual(state.posted.kind, 'summary');
    if (state.posted.kind !== 'summary') return;
    const analysis = analyseWithEngine(editor.document);
    assert.strictEqual(state.posted.summary.allianceIndex, Math.round(analysis.summary.allianceIndex));
    assert.deepStrictEqual(state.posted.summary.speakers.map((speaker) => [speaker.label, speaker.role]), analysis.speakers.map((speaker) => [speaker.label, speaker.role]));
    assert.deepStrictEqual(state.posted.summary.balance, { collaborative: analysis.summary.collaborative, directive: analysis.summary.directive });
  });

  it('follows the active editor to another transcript', async () => {
    await openFixture('teams.txt');
    await waitFor(async () => ((await snapshot()).rendered?.fileName === 'teams.txt') || undefined, 'the panel to follow teams.txt');
  });

  it('shows the empty state once no transcript is open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const state = await waitFor(async () => {
      const current = await snapshot();
      return current.rendered?.kind === 'empty' ? current : undefined;
    }, 'the panel to show its empty state');
    assert.strictEqual(state.posted.kind, 'empty');
  });
});

describe('Summary panel while analysing', function () {
  this.timeout(120_000);
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-progress-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('says "Analysing…" for a large file after Analyze This File, and never shows the empty state meanwhile', async () => {
    // A .log file is never auto-detected, so only Analyze This File analyses it: the case the empty state hid.
    const turns = Array.from({ length: 3000 }, (_, i) => (i % 2
      ? `C: I suppose I could try walking in the evenings, turn ${i}, but work gets in the way most days.`
      : `T: What would make this week different from last week, turn ${i}, in your own words?`));
    const file = path.join(folder, 'long-session.log');
    fs.writeFileSync(file, `${turns.join('\n')}\n`);
    await vscode.commands.executeCommand('allianceLens.showSummary');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), { preview: false });
    const seen: string[] = [];
    let finished = false;
    const analysing = Promise.resolve(vscode.commands.executeCommand<boolean>('allianceLens.analyzeFile')).finally(() => { finished = true; });
    while (!finished) {
      const posted = (await snapshot()).posted;
      const label = posted.kind === 'loading' ? `loading ${posted.fileName}` : posted.kind;
      if (seen[seen.length - 1] !== label) seen.push(label);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.strictEqual(await analysing, true);
    const firstLoading = seen.indexOf('loading long-session.log');
    assert.ok(firstLoading >= 0, `the panel said "Analysing long-session.log…" (states: ${seen.join(' → ')})`);
    assert.ok(!seen.slice(firstLoading).includes('empty'), `no empty state once analysing began (states: ${seen.join(' → ')})`);
    await waitFor(async () => ((await snapshot()).posted.kind === 'summary') || undefined, 'the summary once analysed');
  });
});

describe('Commands of package.json', () => {
  it('every contributed Alliance Lens command is registered', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((command) => command.command).filter((command) => !registered.has(command));
    assert.deepStrictEqual(missing, []);
  });

  it('Open Sample Transcript (the walkthrough\'s first step) opens a sample and shows its summary', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('allianceLens.openSample');
    const opened = vscode.window.activeTextEditor?.document;
    assert.ok(opened && path.dirname(opened.uri.fsPath) === path.join(REPO_ROOT, 'samples'), 'a file of samples/ is open');
    await waitFor(async () => ((await snapshot()).rendered?.fileName === path.basename(opened.uri.fsPath)) || undefined, 'the panel to show the sample');
  });
});
