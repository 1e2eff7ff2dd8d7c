// Proves the extension under development activates inside the real VS Code of the harness: its command runs and
// its Summary webview view resolves.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'alliance-lens.alliance-lens';

/** The part of the extension's exported API this suite relies on (see src/extension/extension.ts). */
interface SummaryViewProbe {
  summaryView?: { snapshot(): { visible: boolean } };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Extension activation', () => {
  it('runs inside the VS Code the harness installed', () => {
    const expected = process.env.ALLIANCE_LENS_EXPECTED_VSCODE;
    if (expected) assert.strictEqual(vscode.version, expected);
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major > 1 || (major === 1 && minor >= 90), `engines.vscode is ^1.90.0, got ${vscode.version}`);
  });

  it('is the extension under development and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.strictEqual(extension.extensionPath, path.resolve(__dirname, '..', '..', '..'), 'a different copy of the extension was loaded');
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('registers and runs Alliance Lens: Show Summary, which resolves the Summary view', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('allianceLens.showSummary'), 'allianceLens.showSummary is not registered');
    const extension = vscode.extensions.getExtension<SummaryViewProbe>(EXTENSION_ID)!;
    const api = await extension.activate();
    assert.ok(api?.summaryView, 'activate() does not export summaryView');
    await vscode.commands.executeCommand('allianceLens.showSummary');
    await waitFor(() => api.summaryView!.snapshot().visible, 'the Summary view to resolve and become visible');
  });

  it('opens a sample transcript in the transcript language', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the harness opens samples/ as the workspace folder');
    const [sample] = await vscode.workspace.findFiles('*.transcript', undefined, 1);
    assert.ok(sample, 'no .transcript file in the workspace folder');
    const document = await vscode.workspace.openTextDocument(sample);
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'transcript');
  });
});
