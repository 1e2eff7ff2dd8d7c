// Two coders on one sidecar at once (two windows, or a window and a sync client): each store saves while the other
// has written in the meantime, and the file keeps both coders' work. The second store stands for the other window.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { createAnchor } from '../../src/core/annotations/anchor';
import { addAnnotation, addThread } from '../../src/core/annotations/sidecar-edits';
import { parseSidecar } from '../../src/core/annotations/sidecar';
import { SidecarStore } from '../../src/extension/annotations/sidecarStore';
import { FileProblems } from '../../src/extension/problems/fileProblems';

const TEXT = 'T: What would you like to talk about today?\nC: My drinking, I guess. And my sister.\n';

describe('Two coders saving one sidecar at the same time', function () {
  this.timeout(60_000);
  let directory: string;
  let first: SidecarStore;
  let second: SidecarStore;
  let problems: FileProblems;

  before(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-concurrent-'));
    problems = new FileProblems();
    first = new SidecarStore(() => [], problems);
    second = new SidecarStore(() => [], problems);
  });

  after(async () => {
    first.dispose();
    second.dispose();
    await Promise.all([first.closed, second.closed]);
    problems.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it("keeps both coders' codes and comments, whoever saves last", async () => {
    const transcript = path.join(directory, 'session.transcript');
    fs.writeFileSync(transcript, TEXT);
    const document = await vscode.workspace.openTextDocument(transcript);
    const question = createAnchor(TEXT, 3, 44, []);
    const answer = createAnchor(TEXT, 48, 70, []);
    // Both stores read the (absent) sidecar before either writes, as two open windows would.
    await first.get(document);
    await second.get(document);

    assert.ok(await first.update(document, (sidecar) => addAnnotation(sidecar, { coder: 'ana', codes: ['question.open'], anchor: question })));
    assert.ok(await second.update(document, (sidecar) => addAnnotation(sidecar, { coder: 'ben', codes: ['talk.sustain'], anchor: answer })));
    assert.ok(await first.update(document, (sidecar) => addThread(sidecar, { author: 'ana', body: 'Open question, well placed.', anchor: question }).sidecar));
    await first.flush();
    await second.flush();

    const onDisk = parseSidecar(fs.readFileSync(`${transcript}.alliance.json`, 'utf8'));
    assert.ok(onDisk.ok);
    assert.deepStrictEqual(onDisk.sidecar.annotations.map((item) => [item.coder, item.codes]).sort(), [['ana', ['question.open']], ['ben', ['talk.sustain']]]);
    assert.deepStrictEqual(onDisk.sidecar.comments.map((thread) => thread.comments[0]!.body), ['Open question, well placed.']);
    // The store that merged shows the merged result too, not only what it had itself.
    assert.strictEqual((await first.get(document))?.annotations.length, 2);
  });

  it('writes on dispose what was still waiting on its delay, as when the window closes right after an edit', async () => {
    const transcript = path.join(directory, 'closing.transcript');
    fs.writeFileSync(transcript, TEXT);
    const document = await vscode.workspace.openTextDocument(transcript);
    const closing = new SidecarStore(() => [], problems);
    assert.ok(await closing.update(document, (sidecar) => addAnnotation(sidecar, { coder: 'ana', codes: ['talk.change'], anchor: createAnchor(TEXT, 48, 70, []) })));
    const sidecarFile = `${transcript}.alliance.json`;
    const before = parseSidecar(fs.readFileSync(sidecarFile, 'utf8'));
    assert.ok(before.ok);
    // The edit moves the anchor; its save waits on the store's delay, and dispose comes first.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), 'T: One more line.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    closing.dispose();
    await closing.closed;
    const after = parseSidecar(fs.readFileSync(sidecarFile, 'utf8'));
    assert.ok(after.ok);
    assert.strictEqual(after.sidecar.annotations[0]!.anchor.start, before.sidecar.annotations[0]!.anchor.start + 'T: One more line.\n'.length);
  });
});
