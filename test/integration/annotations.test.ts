// Human coding in the real VS Code: code a selection, accept and reject automatic findings, comment, reply and
// resolve; edit the transcript in the editor and on disk; reload; and find every annotation in place, on disk and
// on screen. A broken sidecar is never overwritten.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AnnotationsApi } from '../../src/extension/annotations';
import { mergeCodebook } from '../../src/core/annotations/codebook';
import { exportQdpx } from '../../src/core/annotations/qdpx-export';
import { readQdpx } from '../../src/core/annotations/qdpx-read';
import { emptySidecar, type Sidecar } from '../../src/core/annotations/sidecar';
import type { Analysis } from '../../src/core/types';
import { parseCsv } from '../../src/core/csv-parse';
import { EXTENSION_ID, REPO_ROOT, waitFor } from './editorSupport';

interface Api {
  annotations: AnnotationsApi;
  analyses: { latest(document: vscode.TextDocument): Analysis | undefined };
  summaryView: { snapshot(): { posted: { kind: string; summary?: { humanCodes?: Array<{ code: string; count: number }> } } } };
}

const SOURCE = path.join(REPO_ROOT, 'test', 'fixtures', 'annotations', 'coded-session.transcript');

function readSidecar(file: string): Sidecar {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Sidecar;
}

/** Every stored item sits on exactly its quoted text and none is orphaned. */
function assertAllInPlace(sidecar: Sidecar, text: string): void {
  for (const item of [...sidecar.annotations, ...sidecar.comments, ...sidecar.decisions]) {
    assert.ok(!item.orphaned, `${item.id} is orphaned`);
    assert.strictEqual(text.slice(item.anchor.start, item.anchor.end), item.anchor.exact, `${item.id} is not on its quote`);
  }
}

function rangeOf(document: vscode.TextDocument, phrase: string): vscode.Range {
  const start = document.getText().indexOf(phrase);
  assert.ok(start >= 0, `"${phrase}" is in the transcript`);
  return new vscode.Range(document.positionAt(start), document.positionAt(start + phrase.length));
}

describe('Human coding (annotations)', function () {
  this.timeout(90_000);
  let api: Api;
  let directory: string;
  let transcript: string;
  let sidecarFile: string;
  let editor: vscode.TextEditor;

  before(async () => {
    api = (await vscode.extensions.getExtension<Api>(EXTENSION_ID)!.activate());
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-annotations-'));
    transcript = path.join(directory, 'session.transcript');
    sidecarFile = `${transcript}.alliance.json`;
    fs.copyFileSync(SOURCE, transcript);
    await vscode.workspace.getConfiguration().update('allianceLens.coder', 'ana', vscode.ConfigurationTarget.Global);
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(transcript), { preview: false });
    await waitFor(() => api.analyses.latest(editor.document), 'the transcript to be analysed');
  });

  after(async () => {
    await vscode.workspace.getConfiguration().update('allianceLens.coder', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('codes a selection with a memo, saved at once to the sidecar beside the transcript', async () => {
    editor.selection = new vscode.Selection(rangeOf(editor.document, 'I want to cut down').start, rangeOf(editor.document, 'I want to cut down').end);
    const coded = await vscode.commands.executeCommand<boolean>('allianceLens.codeSelection', ['talk.change', 'talk.sustain'], 'mixed');
    assert.strictEqual(coded, true);
    const sidecar = readSidecar(sidecarFile);
    assert.strictEqual(sidecar.annotations.length, 1);
    assert.deepStrictEqual([sidecar.annotations[0]!.coder, sidecar.annotations[0]!.codes, sidecar.annotations[0]!.memo], ['ana', ['talk.change', 'talk.sustain'], 'mixed']);
    assert.strictEqual(sidecar.annotations[0]!.anchor.exact, 'I want to cut down');
    assert.strictEqual(sidecar.annotations[0]!.anchor.utterance, 1);
    assert.ok(fs.readdirSync(directory).every((name) => !name.endsWith('.tmp')), 'no temporary file is left behind');
  });

  it('offers accept, reject and replace on an automatic finding, and records the verdicts', async () => {
    const analysis = api.analyses.latest(editor.document)!;
    const findings = analysis.utterances.flatMap((utterance) => utterance.findings);
    assert.ok(findings.length >= 2, 'the engine found something to review');
    const [first, second] = findings;
    type Finding = typeof first;
    /** The quick fix for this finding (several findings may share a range, so match on the rule in the arguments). */
    const actionFor = async (finding: Finding, verdict: 'accept' | 'reject' | 'replace') => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
        editor.document.uri, new vscode.Range(editor.document.positionAt(finding!.start), editor.document.positionAt(finding!.end)));
      const action = actions.find((candidate) => {
        const review = candidate.command?.arguments?.[0] as { rule?: string; verdict?: string; start?: number } | undefined;
        return review?.rule === finding!.rule && review.verdict === verdict && review.start === finding!.start;
      });
      assert.ok(action, `a quick fix to ${verdict} ${finding!.rule}`);
      assert.match(action.title, new RegExp(`^${verdict[0]!.toUpperCase()}${verdict.slice(1)} `));
      return action;
    };
    const run = (action: vscode.CodeAction, override: object = {}) =>
      vscode.commands.executeCommand(action.command!.command, { ...action.command!.arguments![0], ...override });
    await run(await actionFor(first, 'accept'));
    await run(await actionFor(second, 'reject'));
    // Replacing asks for codes in a quick pick; giving them in the arguments skips it. It supersedes the rejection.
    await run(await actionFor(second, 'replace'), { replacement: ['question.closed'] });
    assert.deepStrictEqual(readSidecar(sidecarFile).decisions.map((d) => [d.rule, d.verdict, d.replacement ?? null]),
      [[first!.rule, 'accept', null], [second!.rule, 'replace', ['question.closed']]]);
    await run(await actionFor(second, 'reject'));
    const decisions = readSidecar(sidecarFile).decisions;
    assert.deepStrictEqual(decisions.map((d) => [d.rule, d.verdict, d.coder]), [[first!.rule, 'accept', 'ana'], [second!.rule, 'reject', 'ana']]);
    assert.strictEqual(decisions[0]!.anchor.exact, editor.document.getText().slice(first!.start, first!.end));
  });

  it('adds a supervisor comment thread, a reply, and resolves it', async () => {
    const stored = await api.annotations.comments.addComment(editor.document, rangeOf(editor.document, 'You should just quit, honestly.'), 'Try a reflection here.');
    assert.ok(stored);
    const thread = await waitFor(() => api.annotations.comments.threads(editor.document.uri)[0], 'the comment thread to show');
    await vscode.commands.executeCommand('allianceLens.comments.reply', { thread, text: 'Agreed.' });
    await vscode.commands.executeCommand('allianceLens.comments.resolve', thread);
    await vscode.commands.executeCommand('allianceLens.comments.reopen', thread);
    assert.strictEqual(readSidecar(sidecarFile).comments[0]!.resolved, false);
    assert.strictEqual(thread.state, vscode.CommentThreadState.Unresolved);
    await vscode.commands.executeCommand('allianceLens.comments.resolve', thread);
    const [saved] = readSidecar(sidecarFile).comments;
    assert.deepStrictEqual(saved!.comments.map((c) => [c.author, c.body]), [['ana', 'Try a reflection here.'], ['ana', 'Agreed.']]);
    assert.strictEqual(saved!.resolved, true);
    assert.strictEqual(thread.comments.length, 2);
    assert.strictEqual(thread.state, vscode.CommentThreadState.Resolved);
    assert.strictEqual(thread.contextValue, 'resolved');
  });

  it('turns a new thread from the gutter into a stored comment on that line', async () => {
    // A thread VS Code creates when the user clicks the gutter; here made by a controller of the test's own.
    const probe = vscode.comments.createCommentController('allianceLens.test', 'test');
    try {
      const line = editor.document.lineAt(7);
      const fresh = probe.createCommentThread(editor.document.uri, new vscode.Range(7, 0, 7, 0), []);
      await vscode.commands.executeCommand('allianceLens.comments.create', { thread: fresh, text: 'Good change talk.' });
      const [, stored] = readSidecar(sidecarFile).comments;
      assert.strictEqual(stored!.anchor.exact, line.text.trim());
      assert.deepStrictEqual(stored!.comments.map((c) => c.body), ['Good change talk.']);
      await waitFor(() => api.annotations.comments.threads(editor.document.uri).length === 2 || undefined, 'both threads to show');
    } finally {
      probe.dispose();
    }
  });

  it('exports the human codes with their memos: a Human coding section in the report, memo columns in the CSV', async () => {
    await vscode.window.showTextDocument(editor.document);
    const report = vscode.Uri.file(path.join(directory, 'session.report.md'));
    await vscode.commands.executeCommand('allianceLens.exportReport', report);
    const markdown = fs.readFileSync(report.fsPath, 'utf8').replace(/\\/g, '');
    const coding = markdown.slice(markdown.indexOf('## Human coding'), markdown.indexOf('## Supervisor comments'));
    assert.ok(coding.includes('### ana') && coding.includes('Change talk, Sustain talk on “I want to cut down”. Memo: mixed'), coding);
    const table = vscode.Uri.file(path.join(directory, 'session.utterances.csv'));
    await vscode.commands.executeCommand('allianceLens.exportUtterances', table);
    const { rows } = parseCsv(fs.readFileSync(table.fsPath, 'utf8'));
    const memos = rows[0]!.indexOf('memos (ana)');
    assert.ok(memos > 0, rows[0]!.join(', '));
    assert.strictEqual(rows.find((row) => row[rows[0]!.indexOf('text')]!.includes('I want to cut down'))![memos], 'mixed');
  });

  it('counts the human codes in the Summary panel and lists them in the Codes view', async () => {
    await vscode.commands.executeCommand('allianceLens.showSummary');
    const humanCodes = await waitFor(() => api.summaryView.snapshot().posted.summary?.humanCodes, 'human codes in the Summary panel');
    assert.ok(humanCodes.some((entry) => entry.code === 'talk.change' && entry.count >= 1), JSON.stringify(humanCodes));
    await vscode.window.showTextDocument(editor.document);
    const roots = await waitFor(() => (api.annotations.codesTree.rootNodes.length ? api.annotations.codesTree.rootNodes : undefined), 'the Codes view');
    const labels = roots.map((node) => (node.kind === 'code' ? node.entry.id : node.kind === 'group' ? node.label : ''));
    assert.ok(labels.includes('talk.change') && labels.includes('talk.sustain'), labels.join(', '));
    assert.ok(labels.includes('Rejected automatic codes'), labels.join(', '));
  });

  it('keeps everything on its quote through edits in the editor, and saves the new offsets', async () => {
    const before = readSidecar(sidecarFile);
    await editor.edit((edit) => {
      edit.insert(new vscode.Position(0, 0), 'T: Welcome back, this is session five.\n');
      edit.replace(rangeOf(editor.document, 'weekdays'), 'school nights');
    });
    await editor.document.save();
    await api.annotations.store.flush();
    const after = readSidecar(sidecarFile);
    assert.strictEqual(after.annotations.length + after.comments.length + after.decisions.length, before.annotations.length + before.comments.length + before.decisions.length);
    assertAllInPlace(after, editor.document.getText());
    assert.ok(after.annotations[0]!.anchor.start > before.annotations[0]!.anchor.start, 'offsets moved with the inserted line');
  });

  it('re-anchors when the transcript changes on disk', async () => {
    const text = fs.readFileSync(transcript, 'utf8');
    fs.writeFileSync(transcript, `T: A line added outside VS Code.\n${text}`);
    await waitFor(() => editor.document.getText().startsWith('T: A line added outside'), 'VS Code to reload the changed file');
    await waitFor(() => {
      const sidecar = readSidecar(sidecarFile);
      try {
        assertAllInPlace(sidecar, editor.document.getText());
        return true;
      } catch {
        return undefined;
      }
    }, 'the sidecar to follow the change on disk');
  });

  it('after a reload from disk, finds every annotation in place: decorations, comment thread and Codes view', async () => {
    const saved = readSidecar(sidecarFile);
    await api.annotations.reload();
    const text = editor.document.getText();
    assertAllInPlace(saved, text);
    const painted = await waitFor(() => (api.annotations.decorations.paintedRanges(editor.document.uri).length ? api.annotations.decorations.paintedRanges(editor.document.uri) : undefined), 'human-code decorations');
    assert.deepStrictEqual(painted.map((range) => editor.document.getText(range)), saved.annotations.map((annotation) => annotation.anchor.exact));
    const [thread] = await waitFor(() => (api.annotations.comments.threads(editor.document.uri).length ? api.annotations.comments.threads(editor.document.uri) : undefined), 'the comment thread after reload');
    assert.strictEqual(editor.document.getText(thread!.range), 'You should just quit, honestly.');
    assert.strictEqual(thread!.comments.length, 2);
    assert.strictEqual(thread!.state, vscode.CommentThreadState.Resolved);
  });

  it('writes before a reload what was still waiting on its delay: an edit just before it is not lost', async () => {
    await vscode.window.showTextDocument(editor.document);
    await api.annotations.store.flush();
    const before = readSidecar(sidecarFile);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'T: One more line, just before closing.\n'));
    // No flush here: the moved anchors wait on the save delay when the store reloads in place; it writes them before
    // it reads everything again from disk. (Dispose, as when the window closes, is tested in concurrentCoders.)
    await api.annotations.reload();
    const after = readSidecar(sidecarFile);
    assert.ok(after.annotations[0]!.anchor.start > before.annotations[0]!.anchor.start, 'the moved offsets reached the disk');
    assertAllInPlace(after, editor.document.getText());
    await vscode.commands.executeCommand('undo');
    await waitFor(() => !editor.document.getText().startsWith('T: One more line') || undefined, 'undo to remove the line');
    await api.annotations.store.flush();
  });

  it('flags an annotation whose words are deleted as orphaned, lists it, and re-attaches it on undo', async () => {
    await vscode.window.showTextDocument(editor.document);
    await editor.edit((edit) => edit.delete(rangeOf(editor.document, 'I want to cut down')));
    // The change reaches the extension as an event, and the sidecar is saved shortly after: wait for both.
    const orphaned = await waitFor(async () => {
      await api.annotations.store.flush();
      const first = readSidecar(sidecarFile).annotations[0]!;
      return first.orphaned ? first : undefined;
    }, 'the annotation to be flagged orphaned on disk');
    assert.deepStrictEqual(orphaned.codes, ['talk.change', 'talk.sustain'], 'kept whole');
    const roots = await waitFor(() => (api.annotations.codesTree.rootNodes.some((node) => node.kind === 'group' && node.label.startsWith('Orphaned')) ? api.annotations.codesTree.rootNodes : undefined), 'the Orphaned group');
    const group = roots.find((node) => node.kind === 'group' && node.label.startsWith('Orphaned'));
    assert.ok(group && group.kind === 'group' && group.orphans?.[0]?.includes('I want to cut down'));
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText().includes('I want to cut down') || undefined, 'undo to restore the words');
    const back = await waitFor(async () => {
      await api.annotations.store.flush();
      const sidecar = readSidecar(sidecarFile);
      return sidecar.annotations[0]!.orphaned ? undefined : sidecar;
    }, 'the annotation to re-attach on disk');
    assertAllInPlace(back, editor.document.getText());
  });

  it('compares a coder with the automatic codes over what they reviewed, and renders the report from a file with line links', async () => {
    type Report = { coders: string[]; units: number; coverage: { compared: number; total: number; scope: string }; warnings: string[]; disagreements: Array<{ line: number }>; file: string };
    const total = api.analyses.latest(editor.document)!.utterances.length;
    const report = await vscode.commands.executeCommand<Report>('allianceLens.compareCoders', { a: 'ana', b: 'automatic' });
    assert.deepStrictEqual(report.coders, ['ana', 'automatic']);
    assert.strictEqual(report.coverage.scope, 'reviewed');
    assert.ok(report.units > 0 && report.units < total, `only the reviewed utterances (${report.units} of ${total})`);
    assert.ok(report.warnings.some((warning) => /too few/.test(warning)), 'a handful of utterances gets a warning');
    const markdown = fs.readFileSync(vscode.Uri.parse(report.file).fsPath, 'utf8');
    assert.match(markdown, /^# Agreement: /);
    assert.match(markdown, /Krippendorff's alpha/);
    if (report.disagreements.length) assert.ok(markdown.includes(`${editor.document.uri.with({ fragment: `L${report.disagreements[0]!.line}` }).toString()}`));
    assert.ok(!report.file.startsWith(vscode.Uri.file(directory).toString()), 'nothing is written beside the transcript');
    assert.ok(vscode.workspace.textDocuments.every((document) => !(document.isUntitled && document.isDirty)), 'no unsaved editor is left to ask about');

    const all = await vscode.commands.executeCommand<Report>('allianceLens.compareCoders', { a: 'ana', b: 'automatic', scope: 'all' });
    assert.strictEqual(all.coverage.scope, 'all');
    assert.strictEqual(all.units, total);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    editor = await vscode.window.showTextDocument(editor.document);
  });

  it('exports the codebook as REFI-QDA and imports one into .alliance-lens/codebook.json; a broken file changes nothing', async () => {
    const exported = vscode.Uri.file(path.join(directory, 'codebook.qdc'));
    await vscode.commands.executeCommand('allianceLens.exportCodebook', exported);
    const xml = fs.readFileSync(exported.fsPath, 'utf8');
    assert.ok(xml.includes('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"'));
    const foreign = path.join(directory, 'foreign.qdc');
    fs.writeFileSync(foreign, xml.replace('  </Codes>', '    <Code guid="0A1B2C3D-0000-4000-8000-000000000009" name="Hope" isCodable="true" color="#123456"/>\n  </Codes>'));
    const imported = await vscode.commands.executeCommand<{ added: string[] }>('allianceLens.importCodebook', vscode.Uri.file(foreign));
    assert.deepStrictEqual(imported.added, ['hope']);
    const codebookFile = path.join(directory, '.alliance-lens', 'codebook.json');
    const written = fs.readFileSync(codebookFile, 'utf8');
    assert.ok(JSON.parse(written).codes.some((code: { id: string }) => code.id === 'hope'));
    fs.writeFileSync(path.join(directory, 'broken.qdc'), '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>');
    const refused = await vscode.commands.executeCommand('allianceLens.importCodebook', vscode.Uri.file(path.join(directory, 'broken.qdc')));
    assert.strictEqual(refused, undefined);
    assert.strictEqual(fs.readFileSync(codebookFile, 'utf8'), written);
  });

  it('exports the coded transcripts as a REFI-QDA project (.qdpx) that the importer reads back', async () => {
    const exported = vscode.Uri.file(path.join(directory, 'project.qdpx'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('allianceLens.exportProject', exported);
    assert.strictEqual(written?.fsPath, exported.fsPath);
    const read = readQdpx(new Uint8Array(fs.readFileSync(exported.fsPath)));
    assert.ok(read.ok, read.ok ? '' : read.problems.join('\n'));
    const source = read.project.sources.find((candidate) => candidate.name.endsWith('session.transcript'));
    assert.ok(source, `session.transcript is among ${read.project.sources.map((candidate) => candidate.name).join(', ')}`);
    assert.strictEqual(source.text, editor.document.getText().replace(/\r\n/g, '\n'));
    const coders = new Set(source.selections.flatMap((selection) => selection.codings.map((coding) => read.project.users.get(coding.userGuid ?? '') ?? '')));
    assert.ok(coders.has('ana'), `ana codes in the project: ${[...coders].join(', ')}`);
  });

  it('imports a REFI-QDA project into the sidecar: a new coder and a new code, existing items untouched', async () => {
    const text = editor.document.getText();
    // Words of a client turn as the transcript reads now (earlier tests edited it).
    const quote = text.split(/\r?\n/).filter((line) => line.startsWith('C: ')).pop()!.slice(3).trim();
    const start = text.indexOf(quote);
    assert.ok(quote.length > 5 && start >= 0, `a client turn to code: "${quote}"`);
    const foreignSidecar = { ...emptySidecar('session.transcript'), annotations: [
      { id: 'z1', coder: 'zed', codes: ['zed.hope'], memo: 'from another tool', created: '2026-05-01T00:00:00.000Z',
        anchor: { utterance: 3, start, end: start + quote.length, exact: quote, prefix: '', suffix: '' } },
    ] };
    const codebook = [...mergeCodebook(null), { id: 'zed.hope', name: 'Hope (zed)', description: '', color: '#123456', parent: null, codable: true, builtIn: false, guid: '0a1b2c3d-0000-4000-8000-0000000000aa' }];
    const { bytes } = exportQdpx([{ name: 'session.transcript', text, analysis: { speakers: [], metadata: {}, utterances: [] }, sidecar: foreignSidecar }], { projectName: 'other', codebook });
    const projectFile = path.join(directory, 'other.qdpx');
    fs.writeFileSync(projectFile, bytes);
    const before = readSidecar(sidecarFile);
    const outcome = await vscode.commands.executeCommand<{ codes: number; addedCodes: string[]; notImported: string[] }>('allianceLens.importProject', vscode.Uri.file(projectFile), true);
    assert.strictEqual(outcome.codes, 1);
    assert.deepStrictEqual(outcome.addedCodes, ['hope-zed']);
    const after = readSidecar(sidecarFile);
    assert.deepStrictEqual(after.annotations.slice(0, before.annotations.length), before.annotations, 'existing annotations are untouched');
    const added = after.annotations[after.annotations.length - 1]!;
    assert.deepStrictEqual([added.coder, added.codes, added.anchor.exact, added.memo], ['zed', ['hope-zed'], quote, 'from another tool']);
    assert.ok(JSON.parse(fs.readFileSync(path.join(directory, '.alliance-lens', 'codebook.json'), 'utf8')).codes.some((code: { id: string }) => code.id === 'hope-zed'));
  });

  it('removes one code from a segment from the Codes view, keeping the others', async () => {
    await vscode.window.showTextDocument(editor.document);
    const sustain = await waitFor(() => api.annotations.codesTree.rootNodes.find((node) => node.kind === 'code' && node.entry.id === 'talk.sustain'), 'talk.sustain in the Codes view');
    const [segment] = api.annotations.codesTree.getChildren(sustain);
    const removed = await vscode.commands.executeCommand<boolean>('allianceLens.removeCodeSegment', segment, true);
    assert.strictEqual(removed, true);
    const annotation = readSidecar(sidecarFile).annotations[0]!;
    assert.deepStrictEqual(annotation.codes, ['talk.change']);
    await waitFor(() => !api.annotations.codesTree.rootNodes.some((node) => node.kind === 'code' && node.entry.id === 'talk.sustain') || undefined, 'talk.sustain to leave the Codes view');
  });

  it('never overwrites a sidecar that fails to validate, and refuses new codes until it is fixed', async () => {
    const broken = fs.readFileSync(sidecarFile, 'utf8').replace('"verdict": "reject"', '"verdict": "perhaps"');
    fs.writeFileSync(sidecarFile, broken);
    await api.annotations.reload();
    editor.selection = new vscode.Selection(rangeOf(editor.document, 'Maybe.').start, rangeOf(editor.document, 'Maybe.').end);
    const coded = await vscode.commands.executeCommand<boolean>('allianceLens.codeSelection', ['talk.change'], '');
    assert.strictEqual(coded, false);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'T: One more line.\n'));
    await api.annotations.store.flush();
    assert.strictEqual(fs.readFileSync(sidecarFile, 'utf8'), broken);
    assert.strictEqual(api.annotations.store.problems(editor.document.uri)[0]?.field, 'decisions[1].verdict');
    await vscode.commands.executeCommand('undo');
  });

  it('moves the sidecar along when the transcript is renamed in VS Code, unchanged', async () => {
    const content = fs.readFileSync(sidecarFile, 'utf8');
    const renamed = path.join(directory, 'session-renamed.transcript');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(vscode.Uri.file(transcript), vscode.Uri.file(renamed));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => fs.existsSync(`${renamed}.alliance.json`) || undefined, 'the sidecar to follow the rename');
    assert.strictEqual(fs.readFileSync(`${renamed}.alliance.json`, 'utf8'), content);
    assert.ok(!fs.existsSync(sidecarFile));
  });
});
