// A workspace's .alliance-lens/rules.json adds rules that highlight like the built-in ones, and removing the file
// removes them: the engine is reconfigured without reloading the window.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Analysis } from '../../src/core/types';
import { decorations, engine, EXTENSION_ID, REPO_ROOT, waitFor } from './editorSupport';
import { TEAM_UP_RULE } from '../fixtures/team-up-rule';

const RULES_FOLDER = path.join(REPO_ROOT, 'samples', '.alliance-lens');
const RULES_FILE = path.join(RULES_FOLDER, 'rules.json');

const TRANSCRIPT = [
  'Therapist: How was the week?',
  'Client: Hard. I keep putting off the calls.',
  'Therapist: Let us team up on this one.',
  'Client: Okay, that would help.',
].join('\n');

describe('Workspace rules (.alliance-lens/rules.json)', function () {
  this.timeout(60_000);
  const hadFolder = fs.existsSync(RULES_FOLDER);

  before(async () => {
    // The folder first: file watchers pick up a file in a folder they already know about more reliably.
    fs.mkdirSync(RULES_FOLDER, { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  });

  after(() => {
    if (!hadFolder) fs.rmSync(RULES_FOLDER, { recursive: true, force: true });
  });

  it('a rule in the workspace file highlights, and goes when the file is removed', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: TRANSCRIPT });
    await vscode.window.showTextDocument(document);
    const teamUp = TRANSCRIPT.indexOf('Let us team up');
    const covered = (ranges: { start: number; end: number }[]) => ranges.some((range) => range.start <= teamUp && range.end > teamUp);
    const builtIn = await waitFor(async () => (await decorations(document.uri))?.ranges, 'the untitled transcript to be analysed');
    assert.ok(!covered(builtIn.collaborative), 'the built-in rules leave "Let us team up" alone');

    const text = JSON.stringify({ rules: [TEAM_UP_RULE] }, null, 2);
    const withRule = new (engine().Analyzer)({ userRuleFiles: [{ path: RULES_FILE, text }] });
    assert.deepStrictEqual(withRule.ruleErrors, [], 'the test rule is valid');
    fs.writeFileSync(RULES_FILE, text);
    const painted = await waitFor(async () => {
      const ranges = (await decorations(document.uri))?.ranges?.collaborative ?? [];
      return covered(ranges) ? ranges : undefined;
    }, 'the workspace rule to highlight', 30_000);

    // The command line, given the same text in the same workspace folder, reports the rule at the same place.
    const saved = path.join(RULES_FOLDER, '..', '.team-up-check.txt');
    fs.writeFileSync(saved, TRANSCRIPT);
    try {
      const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'analyze', saved, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
      assert.strictEqual(run.status, 0, run.stderr);
      const [analysis] = JSON.parse(run.stdout) as Analysis[];
      const finding = analysis!.utterances.flatMap((utterance) => utterance.findings).find((candidate) => candidate.rule === TEAM_UP_RULE.id);
      assert.ok(finding, 'alliance-lens analyze reports the workspace rule');
      assert.ok(painted.some((range) => range.start === finding.start && range.end === finding.end), `the editor paints ${finding.start}..${finding.end}`);
    } finally {
      fs.rmSync(saved, { force: true });
    }

    fs.rmSync(RULES_FILE);
    await waitFor(async () => {
      const ranges = (await decorations(document.uri))?.ranges;
      return ranges && !covered(ranges.collaborative) ? true : undefined;
    }, 'the highlight to go with the rules file', 30_000);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows a broken rule in the Problems panel at its line, and clears it once the file is fixed', async () => {
    const broken = JSON.stringify({ rules: [{ ...TEAM_UP_RULE, stance: 'bossy' }] }, null, 2);
    const stanceLine = broken.split('\n').findIndex((line) => line.includes('"bossy"'));
    fs.writeFileSync(RULES_FILE, broken);
    const uri = vscode.Uri.file(RULES_FILE);
    const [problem] = await waitFor(() => {
      const shown = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Alliance Lens');
      return shown.length ? shown : undefined;
    }, 'the broken rule in the Problems panel', 30_000);
    assert.strictEqual(problem!.range.start.line, stanceLine, problem!.message);
    assert.match(problem!.message, /stance/);
    fs.writeFileSync(RULES_FILE, JSON.stringify({ rules: [TEAM_UP_RULE] }, null, 2));
    await waitFor(() => (vscode.languages.getDiagnostics(uri).some((diagnostic) => diagnostic.source === 'Alliance Lens') ? undefined : true), 'the problem to clear', 30_000);
    fs.rmSync(RULES_FILE);
  });

  it('a transcript in a subfolder with its own rules file is analysed as `alliance-lens analyze` analyses it', async () => {
    const subfolder = path.join(REPO_ROOT, 'samples', '.subfolder-rules-check');
    const transcript = path.join(subfolder, 'session.transcript');
    fs.mkdirSync(path.join(subfolder, '.alliance-lens'), { recursive: true });
    fs.writeFileSync(path.join(subfolder, '.alliance-lens', 'rules.json'), JSON.stringify({ rules: [TEAM_UP_RULE] }, null, 2));
    fs.writeFileSync(transcript, TRANSCRIPT);
    try {
      assert.ok(!fs.existsSync(RULES_FILE), 'the workspace folder has no rules file of its own: only the subfolder\'s can apply');
      const api = await vscode.extensions.getExtension<{ analyses: { get(document: vscode.TextDocument): Analysis | undefined } }>(EXTENSION_ID)!.activate();
      const document = await vscode.workspace.openTextDocument(transcript);
      await vscode.window.showTextDocument(document);
      const inEditor = await waitFor(() => api.analyses.get(document), 'the subfolder transcript to be analysed');
      const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'analyze', transcript, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
      assert.strictEqual(run.status, 0, run.stderr);
      const [inCli] = JSON.parse(run.stdout) as Analysis[];
      assert.ok(inCli!.utterances.some((utterance) => utterance.findings.some((finding) => finding.rule === TEAM_UP_RULE.id)), 'the CLI applies the subfolder\'s rule');
      assert.deepStrictEqual({ utterances: inEditor.utterances, summary: inEditor.summary }, { utterances: inCli!.utterances, summary: inCli!.summary });
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(subfolder, { recursive: true, force: true });
    }
  });
});
