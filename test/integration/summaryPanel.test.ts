// The Summary webview view in the real VS Code: it receives and renders the active transcript's summary.
import * as assert from 'assert';
import * as fs from 'fs';
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
