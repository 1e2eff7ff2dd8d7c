// Export Report (Markdown) and Export Utterances (CSV) write what the shared writers make of the engine's
// analysis of the active transcript.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { markdownReport } from '../../src/core/reports/markdown';
import { parseCsv } from '../../src/core/csv-parse';
import { analyseWithEngine, openFixture, paintedRanges } from './editorSupport';

describe('Exports', function () {
  this.timeout(60_000);
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-export-'));
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('Export Report (Markdown) writes the supervision report of the active transcript', async () => {
    const editor = await openFixture('session.transcript');
    await paintedRanges(editor.document.uri);
    const target = vscode.Uri.file(path.join(folder, 'session.report.md'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('allianceLens.exportReport', target);
    assert.strictEqual(written?.fsPath, target.fsPath);
    const text = fs.readFileSync(target.fsPath, 'utf8');
    // Titled by the workspace-relative path (the fixture lies outside the workspace, so here it is the full path).
    const titled = { ...analyseWithEngine(editor.document), file: vscode.workspace.asRelativePath(editor.document.uri, false) };
    assert.ok(text.startsWith(markdownReport(titled).trimEnd()), 'the report of the engine\'s analysis');
    assert.match(text, /^# Supervision feedback: /);
  });

  it('Export Utterances (CSV) writes one RFC 4180 record per utterance', async () => {
    const editor = await openFixture('session.transcript');
    await paintedRanges(editor.document.uri);
    const target = vscode.Uri.file(path.join(folder, 'session.utterances.csv'));
    await vscode.commands.executeCommand('allianceLens.exportUtterances', target);
    const { rows } = parseCsv(fs.readFileSync(target.fsPath, 'utf8'));
    const analysis = analyseWithEngine(editor.document);
    assert.deepStrictEqual(rows[0].slice(0, 4), ['file', 'index', 'line', 'speaker']);
    assert.strictEqual(rows.length - 1, analysis.utterances.length);
    const textColumn = rows[0].indexOf('text');
    assert.deepStrictEqual(rows.slice(1).map((row) => row[textColumn]), analysis.utterances.map((utterance) => utterance.text));
  });
});
