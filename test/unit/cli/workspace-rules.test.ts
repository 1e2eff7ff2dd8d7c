// The editor and the CLI must analyse a transcript with the same rules: a rule in the workspace's
// .alliance-lens/rules.json, and a rule switched off, change `alliance-lens analyze` exactly as they change the
// editor. The editor's engine options are built here the way EngineConfigurator builds them (core's discovery from
// the workspace folder, then engineOptions), and handed to the same Analyzer the editor's worker runs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../../../src/core/analyzer';
import { discoverConfiguration, engineOptions } from '../../../src/core/configuration/discover';
import type { Analysis } from '../../../src/core/types';
import { ensureBuiltCli, runCli, tempDirectory } from './run-cli';
import { TEAM_UP_RULE } from '../../fixtures/team-up-rule';

const TRANSCRIPT = [
  'Therapist: How was the week?',
  'Client: Hard. I keep putting off the calls.',
  'Therapist: Let us team up on this one. You should call her tonight.',
  'Client: Okay, that would help.',
].join('\n');

const readFile = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);

async function editorAnalysis(workspace: string, transcript: string, disabledRules: string[] = []): Promise<Analysis> {
  const options = engineOptions([await discoverConfiguration(workspace, { root: workspace, readFile })], { disabledRules });
  return new Analyzer(options).analyze(fs.readFileSync(transcript, 'utf8'), { fileName: transcript });
}

function cliAnalysis(args: string[]): Analysis {
  const run = runCli(['analyze', ...args, '--format', 'json']);
  assert.strictEqual(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as Analysis[])[0]!;
}

const rulesFired = (analysis: Analysis) => analysis.utterances.flatMap((utterance) => utterance.findings.map((finding) => finding.rule));

describe('workspace rules: the CLI analyses like the editor', function () {
  this.timeout(120_000);
  before(() => ensureBuiltCli());

  it('applies .alliance-lens/rules.json found above the transcript, with the editor\'s findings', async () => {
    const workspace = tempDirectory({ '.alliance-lens/rules.json': JSON.stringify({ rules: [TEAM_UP_RULE] }, null, 2), 'week1/session.txt': TRANSCRIPT });
    const transcript = path.join(workspace, 'week1', 'session.txt');
    const cli = cliAnalysis([transcript]);
    assert.ok(rulesFired(cli).includes(TEAM_UP_RULE.id), 'the workspace rule fires in the CLI');
    assert.deepStrictEqual(cli, await editorAnalysis(workspace, transcript));
  });

  it('switches built-in rules off with --disable-rule as the setting does in the editor', async () => {
    const workspace = tempDirectory({ '.alliance-lens/rules.json': JSON.stringify([TEAM_UP_RULE]), 'session.txt': TRANSCRIPT });
    const transcript = path.join(workspace, 'session.txt');
    const fired = rulesFired(cliAnalysis([transcript]));
    const directive = fired.find((rule) => rule.startsWith('directive.'));
    assert.ok(directive, `a built-in directive rule fires on "You should call her tonight" (fired: ${fired.join(', ')})`);
    const imperative = 'directive.command.imperative';
    const off = [directive, imperative];
    const cli = cliAnalysis([transcript, '--disable-rule', directive, '--disable-rule', imperative]);
    assert.deepStrictEqual(rulesFired(cli).filter((rule) => off.includes(rule)), []);
    assert.ok(rulesFired(cli).includes(TEAM_UP_RULE.id), 'the workspace rule still fires');
    assert.deepStrictEqual(cli, await editorAnalysis(workspace, transcript, off));
  });

  it('uses --rules PATH instead of the discovered file, and refuses a missing one', () => {
    const elsewhere = tempDirectory({ 'team.json': JSON.stringify([TEAM_UP_RULE]), 'session.txt': TRANSCRIPT });
    const transcript = path.join(elsewhere, 'session.txt');
    assert.ok(!rulesFired(cliAnalysis([transcript])).includes(TEAM_UP_RULE.id), 'no rules file: built-in rules only');
    assert.ok(rulesFired(cliAnalysis([transcript, '--rules', path.join(elsewhere, 'team.json')])).includes(TEAM_UP_RULE.id));
    const missing = runCli(['analyze', transcript, '--rules', path.join(elsewhere, 'nope.json')]);
    assert.strictEqual(missing.status, 1);
    assert.match(missing.stderr, /no rules file at .*nope\.json/);
    assert.strictEqual(missing.stdout, '');
  });

  it('reports a broken rule by file and line, and still analyses with the others', () => {
    const broken = { ...TEAM_UP_RULE, stance: 'bossy' };
    const workspace = tempDirectory({ '.alliance-lens/rules.json': JSON.stringify([broken], null, 2), 'session.txt': TRANSCRIPT });
    const run = runCli(['analyze', path.join(workspace, 'session.txt'), '--format', 'json']);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stderr, /rules\.json:\d+: \[0\]\.stance: .*this rule is skipped/);
    assert.strictEqual((JSON.parse(run.stdout) as Analysis[]).length, 1);
  });
});
