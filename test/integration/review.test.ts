// Review mode in the real VS Code: a transcript opens locked, refuses typing and extension edits (and is never
// dirty, so auto-save has nothing to write), yet takes codes, reviews and comments into its sidecar; the front
// matter goes through the lock for its one write, and the lock comes back. With the setting off, nothing locks.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AnnotationsApi } from '../../src/extension/annotations';
import type { WriteAccess } from '../../src/extension/review/reviewLock';
import type { Sidecar } from '../../src/core/annotations/sidecar';
import type { Analysis } from '../../src/core/types';
import { EXTENSION_ID, REPO_ROOT, waitFor } from './editorSupport';

interface Api {
  annotations: AnnotationsApi;
  analyses: { latest(document: vscode.TextDocument): Analysis | undefined };
  review: WriteAccess;
}

const SOURCE = path.join(REPO_ROOT, 'test', 'fixtures', 'annotations', 'coded-session.transcript');
const SETTING = 'allianceLens.review.readOnly';

function rangeOf(document: vscode.TextDocument, phrase: string): vscode.Range {
  const start = document.getText().indexOf(phrase);
  assert.ok(start >= 0, `"${phrase}" is in the transcript`);
  return new vscode.Range(document.positionAt(start), document.positionAt(start + phrase.length));
}

/** Tries to change the document the two ways a user or an extension would: typing, and a TextEditor edit. */
async function tryToEdit(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  await vscode.commands.executeCommand('type', { text: 'stray keystroke ' });
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'T: Inserted by an extension.\n'));
}

async function openCopy(directory: string, name: string): Promise<vscode.TextEditor> {
  const file = path.join(directory, name);
  fs.copyFileSync(SOURCE, file);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), { preview: false });
}

describe('Review mode (read-only transcripts)', function () {
  this.timeout(90_000);
  let api: Api;
  let directory: string;
  let editor: vscode.TextEditor;
  let original: string;
  let previousSetting: boolean | undefined;

  before(async () => {
    api = (await vscode.extensions.getExtension<Api>(EXTENSION_ID)!.activate());
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-review-'));
    original = fs.readFileSync(SOURCE, 'utf8');
    previousSetting = vscode.workspace.getConfiguration().inspect<boolean>(SETTING)?.globalValue;
    await vscode.workspace.getConfiguration().update(SETTING, true, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration().update('allianceLens.coder', 'ana', vscode.ConfigurationTarget.Global);
    editor = await openCopy(directory, 'locked.transcript');
    await waitFor(() => api.analyses.latest(editor.document), 'the transcript to be analysed');
    await waitFor(() => api.review.isLocked(editor.document.uri), 'the transcript to be locked');
  });

  after(async () => {
    await vscode.workspace.getConfiguration().update(SETTING, previousSetting, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration().update('allianceLens.coder', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('refuses typing and extension edits: the text, the file on disk and the dirty flag are unchanged', async () => {
    await tryToEdit(editor);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(editor.document.getText(), original);
    assert.strictEqual(editor.document.isDirty, false);
    assert.strictEqual(fs.readFileSync(editor.document.fileName, 'utf8'), original);
  });

  it('still takes a code with a memo, a review of an automatic code, and a comment, all in the sidecar', async () => {
    const phrase = rangeOf(editor.document, 'I want to cut down');
    editor.selection = new vscode.Selection(phrase.start, phrase.end);
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('allianceLens.codeSelection', ['talk.change'], 'first step'), true);

    const finding = api.analyses.latest(editor.document)!.utterances.flatMap((utterance) => utterance.findings)[0];
    assert.ok(finding, 'the engine found something to review');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri,
      new vscode.Range(editor.document.positionAt(finding.start), editor.document.positionAt(finding.end)));
    const accept = actions.find((action) => {
      const review = action.command?.arguments?.[0] as { rule?: string; verdict?: string } | undefined;
      return review?.rule === finding.rule && review.verdict === 'accept';
    });
    assert.ok(accept, 'the quick fix to accept the automatic code is offered on a locked transcript');
    await vscode.commands.executeCommand(accept.command!.command, ...accept.command!.arguments!);

    assert.ok(await api.annotations.comments.addComment(editor.document, rangeOf(editor.document, 'You should just quit, honestly.'), 'Try a reflection.'));

    const sidecar = JSON.parse(fs.readFileSync(`${editor.document.fileName}.alliance.json`, 'utf8')) as Sidecar;
    assert.deepStrictEqual(sidecar.annotations.map((a) => [a.codes, a.memo, a.anchor.exact]), [[['talk.change'], 'first step', 'I want to cut down']]);
    assert.deepStrictEqual(sidecar.decisions.map((d) => [d.rule, d.verdict]), [[finding.rule, 'accept']]);
    assert.deepStrictEqual(sidecar.comments.map((c) => c.comments[0]!.body), ['Try a reflection.']);
    assert.strictEqual(fs.readFileSync(editor.document.fileName, 'utf8'), original, 'the transcript itself is untouched');
    assert.ok(api.review.isLocked(editor.document.uri));
  });

  it('lets a confirmed front-matter write through, saves it, and locks the transcript again', async () => {
    const written = await api.review.withWriteAccess(editor.document, async () => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(editor.document.uri, new vscode.Position(0, 0), '---\nclient: C\n---\n');
      return vscode.workspace.applyEdit(edit);
    });
    assert.strictEqual(written, true);
    const expected = `---\nclient: C\n---\n${original}`;
    assert.strictEqual(fs.readFileSync(editor.document.fileName, 'utf8'), expected, 'saved to disk at once');
    assert.strictEqual(editor.document.isDirty, false);
    assert.ok(api.review.isLocked(editor.document.uri), 'locked again');
    await tryToEdit(editor);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(editor.document.getText(), expected, 'and it refuses edits again');
  });

  it('leaves transcripts editable when allianceLens.review.readOnly is off', async () => {
    await vscode.workspace.getConfiguration().update(SETTING, false, vscode.ConfigurationTarget.Global);
    const editable = await openCopy(directory, 'editable.transcript');
    await waitFor(() => api.analyses.latest(editable.document), 'the second transcript to be analysed');
    assert.strictEqual(api.review.isLocked(editable.document.uri), false);
    await tryToEdit(editable);
    await waitFor(() => editable.document.getText() !== original || undefined, 'the edit to land');
    assert.ok(editable.document.getText().includes('stray keystroke'), 'typing reaches an unlocked transcript');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
