// The Sessions view and Compare with Previous Session, in a real VS Code on the samples/ workspace: the bundled
// trainee series appears under its therapist in order, and the comparison opens with the previous session's scores.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SessionsNode, SessionsTreeProvider } from '../../src/extension/sessions/sessionsTree';

const EXTENSION_ID = 'alliance-lens.alliance-lens';

describe('Sessions over time', function () {
  this.timeout(120_000);
  let provider: SessionsTreeProvider;

  before(async () => {
    const api = await vscode.extensions.getExtension<{ sessions: SessionsTreeProvider }>(EXTENSION_ID)!.activate();
    provider = api.sessions;
    assert.ok(provider, 'activate() exports the Sessions view provider');
  });

  const trainee = async () => {
    const groups = await provider.getChildren();
    const group = groups.find((node): node is Extract<SessionsNode, { kind: 'group' }> => node.kind === 'group' && node.group.key === 'Sam Okafor');
    assert.ok(group, `the trainee's group among ${groups.map((node) => (node.kind === 'group' ? node.group.key : node.kind)).join(', ')}`);
    return group;
  };

  it('lists the trainee series of samples/ under its therapist, in session order, with date and index', async () => {
    const group = await trainee();
    const sessions = await provider.getChildren(group);
    assert.deepStrictEqual(sessions.map((node) => (node.kind === 'session' ? node.session.session : null)), [1, 2, 3, 4, 5, 6]);
    const item = await provider.getTreeItem(sessions[1]);
    assert.strictEqual(item.label, 'Session 2');
    assert.match(String(item.description), /^2026-01-26 · index \d+(\.\d)? \([+−±]/);
    assert.ok(item.command?.arguments?.[0] instanceof vscode.Uri, 'clicking a session opens its file');
  });

  it('Compare with Previous Session shows both sessions\' scores and the changes', async () => {
    const sessions = await provider.getChildren(await trainee());
    const markdown = await vscode.commands.executeCommand<string>('allianceLens.compareWithPreviousSession', sessions[2]);
    assert.ok(markdown, 'the command returned the comparison');
    assert.match(markdown, /^# Session 3 \\\(2026-02-09, /);
    assert.match(markdown, /Compared with the previous session of Sam Okafor: Session 2 \\\(2026-01-26, /);
    assert.match(markdown, /\| Alliance index \| [\d.]+ \| [\d.]+ \| [+−±][\d.]+ \|/);
    const preview = vscode.workspace.textDocuments.find((document) => document.languageId === 'markdown' && document.getText() === markdown);
    assert.ok(preview, 'the comparison was opened');
  });
});
