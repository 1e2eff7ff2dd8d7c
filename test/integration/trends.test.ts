// The trend panel (Alliance Lens: Show Trends…) in a real VS Code on the samples/ workspace: the model it posts
// (groups, sessions in date order) and what its webview reports having drawn, for a folder and for a Sessions-view
// group; then a saved edit to one transcript re-analyses that file alone.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SessionsNode, SessionsTreeProvider } from '../../src/extension/sessions/sessionsTree';
import type { FromTrendsWebview, TrendsPanelState } from '../../src/shared/trends-protocol';

const EXTENSION_ID = 'alliance-lens.alliance-lens';
type Snapshot = { posted: TrendsPanelState | undefined; rendered: FromTrendsWebview | undefined; analysed: string[]; folder: string | undefined };
type Shown = Extract<TrendsPanelState, { kind: 'trends' }>;

const snapshot = () => vscode.commands.executeCommand<Snapshot | undefined>('allianceLens._getTrendsPanelState');

/** Waits (up to 60 s) until the panel's snapshot passes `ready`. */
async function until(ready: (shot: Snapshot) => boolean, what: string): Promise<Snapshot> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const shot = await snapshot();
    if (shot && ready(shot)) return shot;
    if (Date.now() > deadline) throw new Error(`the trend panel never ${what}: ${JSON.stringify(shot?.rendered)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const rendered = (group: string, sessions: number) => (shot: Snapshot) =>
  shot.posted?.kind === 'trends' && shot.rendered?.type === 'rendered' && shot.rendered.kind === 'trends' && shot.rendered.group === group && shot.rendered.sessions === sessions;

describe('The trend panel', function () {
  this.timeout(180_000);
  const samples = vscode.workspace.workspaceFolders![0].uri;
  let copy: string | undefined;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (copy) fs.rmSync(copy, { recursive: true, force: true });
  });

  it('charts a folder\'s sessions: one group, ordered by date, and the webview draws a chart per score', async () => {
    await vscode.commands.executeCommand('allianceLens.showTrends', vscode.Uri.joinPath(samples, 'trainee-sessions'));
    const shot = await until(rendered('Sam Okafor', 6), 'drew the trainee series');
    const model = shot.posted as Shown;
    assert.strictEqual(model.folder, 'trainee-sessions');
    assert.deepStrictEqual(model.groups.map((group) => group.key), ['Sam Okafor']);
    const sessions = model.groups[0].sessions;
    assert.deepStrictEqual(sessions.map((session) => session.date), ['2026-01-12', '2026-01-26', '2026-02-09', '2026-02-23', '2026-03-09', '2026-03-23']);
    assert.deepStrictEqual(sessions.map((session) => session.session), [1, 2, 3, 4, 5, 6]);
    assert.ok(sessions.every((session) => session.file.startsWith('trainee-sessions/')), sessions.map((session) => session.file).join(', '));
    assert.strictEqual(sessions[0].change.allianceIndex, null, 'the first session has nothing to change from');
    assert.strictEqual(sessions[4].change.allianceIndex, Math.round(((sessions[4].allianceIndex ?? 0) - (sessions[3].allianceIndex ?? 0)) * 1e6) / 1e6);
    assert.ok(shot.rendered?.type === 'rendered' && shot.rendered.charts === 9);
  });

  it('opened from a therapist in the Sessions view, shows the whole workspace with that group selected', async () => {
    const provider = (await vscode.extensions.getExtension<{ sessions: SessionsTreeProvider }>(EXTENSION_ID)!.activate()).sessions;
    const groups = await provider.getChildren();
    const trainee = groups.find((node): node is Extract<SessionsNode, { kind: 'group' }> => node.kind === 'group' && node.group.key === 'Sam Okafor');
    assert.ok(trainee);
    await vscode.commands.executeCommand('allianceLens.showTrends', trainee);
    const shot = await until(rendered('Sam Okafor', 6), 'showed the workspace');
    const model = shot.posted as Shown;
    assert.strictEqual(model.folder, 'this workspace');
    assert.strictEqual(model.selected, 'Sam Okafor');
    assert.ok(model.groups.length > 1, `the other samples' therapists too: ${model.groups.map((group) => group.key).join(', ')}`);
    const keys = model.groups.map((group) => group.key ?? '\uffff');
    assert.deepStrictEqual(keys, [...keys].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())), 'groups in key order');
  });

  it('re-analyses only the transcript that was saved, and redraws with its new scores', async () => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-trends-'));
    const folder = path.join(copy, 'series');
    fs.cpSync(path.join(samples.fsPath, 'trainee-sessions'), folder, { recursive: true });
    await vscode.commands.executeCommand('allianceLens.showTrends', vscode.Uri.file(folder));
    const before = await until((shot) => rendered('Sam Okafor', 6)(shot) && shot.folder === vscode.Uri.file(folder).toString(), 'drew the copy');
    const analysedBefore = before.analysed.length;
    const directiveBefore = (before.posted as Shown).groups[0].sessions[5].directive;

    const document = await vscode.workspace.openTextDocument(path.join(folder, '2026-03-23-session-6.transcript'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(document.lineCount, 0), '\nSam Okafor: You need to stop the lunchtime one this week. Throw the packet away tonight.\nDana: Okay.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());

    const after = await until((shot) => (shot.posted as Shown | undefined)?.groups?.[0]?.sessions[5]?.directive !== directiveBefore, 'redrew session 6');
    // The save and the file watcher may each ask; however often, only the saved file was analysed again.
    assert.deepStrictEqual([...new Set(after.analysed.slice(analysedBefore))], ['series/2026-03-23-session-6.transcript']);
    assert.ok(((after.posted as Shown).groups[0].sessions[5].directive ?? 0) > (directiveBefore ?? 0));
  });
});
