// The `export` and `agree` commands, run as users run them: the built dist/cli.js on the fixtures.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeTranscript } from '../../../src/core/analyzer';
import { parseXml } from '../../../src/core/annotations/xml';
import { parseCsv } from '../../../src/core/csv-parse';
import { cohensKappa } from '../../../src/core/stats/agreement';
import { ensureBuiltCli, ROOT, runCli, tempDirectory } from '../cli/run-cli';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'annotations');
const TRANSCRIPT = path.join(FIXTURES, 'coded-session.transcript');
const SIDECAR = `${TRANSCRIPT}.alliance.json`;
const BEN_ONLY = path.join(FIXTURES, 'ben', 'coded-session.transcript.alliance.json');

interface JsonReport {
  coders: [string, string];
  units: number;
  perCode: Array<{ code: string; units: number; kappa: number | null; alpha: number | null; percent: number; both: number; onlyA: number; onlyB: number; neither: number }>;
  overall: { kappa: number; alpha: number; percent: number; meanKappa: number };
  coverage: { compared: number; total: number; scope: string };
  warnings: string[];
  disagreements: Array<{ line: number; code: string; codedBy: string }>;
}

const close = (actual: number | null, expected: number) => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-4, `${actual} ≠ ${expected}`);

/** ana and ben in the fixture, worked by hand; each code only over its role's 4 utterances (T: 0 2 4 6, C: 1 3 5 7):
 *  talk.change (client): both {1,3}, ana only {7}, ben only {5}: p_o = 2/4, p_e = (3/4)² + (1/4)² → κ = −0.3333;
 *    alpha: n = 8, n_present = 6, n_absent = 2, two disagreeing units → 1 − 7·4 / (6·2·2) = −0.1667.
 *  collaborative.autonomy (therapist): both {2}, ana only {6}, neither {0,4}: p_o = 3/4, p_e = (2/4)(1/4) + (2/4)(3/4)
 *    → κ = 0.5.
 *  pooled 8 decisions: 5 agree (62.5%), p_e = (5/8)(4/8) + (3/8)(4/8) → κ = 0.25; alpha 1 − 15·6 / (9·7·2) = 0.2857.
 *  (Over all 8 utterances for both codes, as before roles, talk.change would have read κ = 0.4667.) */
function assertAnaBen(report: JsonReport): void {
  assert.deepStrictEqual(report.coders, ['ana', 'ben']);
  assert.strictEqual(report.units, 8);
  const byCode = Object.fromEntries(report.perCode.map((entry) => [entry.code, entry]));
  close(byCode['talk.change']!.kappa, -1 / 3);
  close(byCode['talk.change']!.alpha, -1 / 6);
  assert.strictEqual(byCode['talk.change']!.percent, 50);
  assert.strictEqual(byCode['talk.change']!.units, 4);
  close(byCode['collaborative.autonomy']!.kappa, 0.5);
  assert.strictEqual(byCode['collaborative.autonomy']!.percent, 75);
  close(report.overall.kappa, 0.25);
  close(report.overall.alpha, 1 - 90 / 126);
  assert.strictEqual(report.overall.percent, 62.5);
  close(report.overall.meanKappa, (-1 / 3 + 0.5) / 2);
  assert.deepStrictEqual(report.disagreements.map((d) => [d.line, d.code, d.codedBy]),
    [[6, 'talk.change', 'b'], [7, 'collaborative.autonomy', 'a'], [8, 'talk.change', 'a']]);
}

describe('annotations: `alliance-lens agree` on fixtures', function () {
  this.timeout(60_000);
  before(ensureBuiltCli);

  it('compares the two coders of one sidecar', () => {
    const run = runCli(['agree', SIDECAR, '--format', 'json']);
    assert.strictEqual(run.status, 0, run.stderr);
    assertAnaBen(JSON.parse(run.stdout));
  });

  it('compares a coder from each of two sidecars, with the same result', () => {
    const run = runCli(['agree', SIDECAR, BEN_ONLY, '--coders', 'ana,ben', '--format', 'json']);
    assert.strictEqual(run.status, 0, run.stderr);
    assertAnaBen(JSON.parse(run.stdout));
  });

  it('prints Markdown with a table per code and line links for the disagreements', () => {
    const run = runCli(['agree', SIDECAR], FIXTURES);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /Cohen's kappa 0\.250, Krippendorff's alpha 0\.286, agreement 62\.5%/);
    assert.match(run.stdout, /\| Change talk \| 4 \| -0\.333 \| -0\.167 \| 50\.0% \| 2 \| 1 \| 1 \| 0 \|/);
    assert.match(run.stdout, /Compared: 8 of 8 utterances, every utterance/);
    assert.match(run.stdout, /Caution:.*too few/, 'eight utterances are too few for kappa to mean anything');
    assert.ok(run.stdout.includes('- [line 6](coded-session.transcript#L6), utterance 5'), run.stdout);
  });

  it('compares a coder with the automatic codes over the utterances she reviewed, each code over its role', () => {
    const run = runCli(['agree', SIDECAR, '--auto', '--coders', 'ana', '--format', 'json']);
    assert.strictEqual(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepStrictEqual(report.coders, ['ana', 'automatic']);
    // ana coded utterances 1, 2, 3, 6 and 7 and rejected an automatic code on 4; 0 and 5 she never looked at.
    const reviewed = [1, 2, 3, 4, 6, 7];
    assert.deepStrictEqual(report.coverage, { compared: 6, total: 8, scope: 'reviewed' });
    // Expected from the engine's own codes, whatever they are today, and ana's hand codes in the fixture.
    const analysis = analyzeTranscript(fs.readFileSync(TRANSCRIPT, 'utf8'));
    const ana: Record<string, number[]> = { 'talk.change': [1, 3, 7], 'collaborative.autonomy': [2, 6] };
    const roleOf = (code: string) => (code.startsWith('talk.') || code.startsWith('rupture.') ? 'client' : 'therapist');
    for (const entry of report.perCode) {
      const units = analysis.utterances.filter((u) => reviewed.includes(u.index) && u.role === roleOf(entry.code));
      const human = units.map((u) => ((ana[entry.code] ?? []).includes(u.index) ? 'present' : 'absent'));
      const automatic = units.map((u) => (u.codes.includes(entry.code) ? 'present' : 'absent'));
      assert.strictEqual(entry.units, units.length, entry.code);
      assert.strictEqual(entry.kappa, cohensKappa(human, automatic), entry.code);
    }
    assert.ok(report.perCode.some((entry) => entry.code === 'talk.change'));
    assert.ok(report.warnings.some((warning) => /Only 6 utterances reviewed out of 8/.test(warning)), report.warnings.join(' | '));

    const all = JSON.parse(runCli(['agree', SIDECAR, '--auto', '--all', '--coders', 'ana', '--format', 'json']).stdout) as JsonReport;
    assert.deepStrictEqual(all.coverage, { compared: 8, total: 8, scope: 'all' });
    assert.strictEqual(runCli(['agree', SIDECAR, '--all']).status, 2, '--all without --auto is a usage error');
  });

  it('warns about another copy\'s items whose text is not in this transcript, and leaves them out', () => {
    const ben = JSON.parse(fs.readFileSync(BEN_ONLY, 'utf8'));
    ben.annotations[2].anchor.exact = 'Words only in Ben\'s copy';
    const directory = tempDirectory({ 'ben.alliance.json': JSON.stringify(ben, null, 2) });
    const run = runCli(['agree', SIDECAR, path.join(directory, 'ben.alliance.json'), '--coders', 'ana,ben', '--format', 'json']);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stderr, /ben\.alliance\.json: 1 item\(s\) no longer match the transcript's text and are left out/);
    const report = JSON.parse(run.stdout) as JsonReport;
    // ben's "Maybe." (utterance 5) is the one left out, so that disagreement is gone.
    assert.deepStrictEqual(report.disagreements.map((d) => d.line), [7, 8]);
  });

  it('asks for --coders when a sidecar has one coder, and names the coders it has', () => {
    const run = runCli(['agree', BEN_ONLY]);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /name two coders with --coders A,B \(this sidecar has ben\)/);
    const unknown = runCli(['agree', SIDECAR, '--coders', 'ana,zoe']);
    assert.strictEqual(unknown.status, 2);
    assert.match(unknown.stderr, /no coder 'zoe'.*coders: ana, ben/);
  });

  it('refuses a broken sidecar with its file and line, and leaves it untouched', () => {
    const broken = fs.readFileSync(SIDECAR, 'utf8').replace('"verdict": "reject"', '"verdict": "maybe"');
    const directory = tempDirectory({ 's.transcript': fs.readFileSync(TRANSCRIPT, 'utf8'), 's.transcript.alliance.json': broken });
    const run = runCli(['agree', path.join(directory, 's.transcript.alliance.json')]);
    assert.strictEqual(run.status, 1);
    const line = broken.split('\n').findIndex((l) => l.includes('"maybe"')) + 1;
    assert.ok(run.stderr.includes(`s.transcript.alliance.json:${line}:1: decisions[0].verdict:`), run.stderr);
    assert.strictEqual(fs.readFileSync(path.join(directory, 's.transcript.alliance.json'), 'utf8'), broken);
  });
});

describe('annotations: `alliance-lens export` on fixtures', function () {
  this.timeout(60_000);
  before(ensureBuiltCli);

  it('writes one CSV row per utterance with automatic codes, each coder\'s codes, reviews and comments', () => {
    const run = runCli(['export', TRANSCRIPT]);
    assert.strictEqual(run.status, 0, run.stderr);
    const { rows: records, problems } = parseCsv(run.stdout);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(records[0], ['file', 'index', 'line', 'speaker', 'role', 'timestamp', 'text', 'automatic codes',
      'human codes (ana)', 'memos (ana)', 'human codes (ben)', 'memos (ben)', 'reviews of automatic codes', 'comments']);
    assert.strictEqual(records.length, 9);
    const row = (index: number) => records[index + 1]!;
    assert.strictEqual(row(1)[6], 'My drinking, I suppose. I want to cut down.', 'a text with commas survives the quoting');
    assert.deepStrictEqual([row(3)[8], row(3)[10]], ['talk.change', 'talk.change']);
    assert.strictEqual(row(3)[12], 'ben accepted talk.change (talk.change.desire-need)');
    assert.deepStrictEqual([row(5)[8], row(5)[10]], ['', 'talk.change']);
    assert.strictEqual(row(4)[12], 'ana rejected directive.persuade (directive.persuade.should)');
    assert.strictEqual(row(4)[13], 'supervisor: Try a reflection here instead of advice.\nana: Agreed, noted for next session.');
    assert.ok(run.stdout.includes('\r\n'), 'RFC 4180 line ends');
    assert.ok(!run.stdout.startsWith('\uFEFF'));
  });

  it('starts with a UTF-8 byte-order mark with --bom, and writes to --out but never over an input', () => {
    const directory = tempDirectory({});
    const out = path.join(directory, 'codes.csv');
    const run = runCli(['export', TRANSCRIPT, '--bom', '--out', out]);
    assert.strictEqual(run.status, 0, run.stderr);
    const bytes = fs.readFileSync(out);
    assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const clobber = runCli(['export', TRANSCRIPT, '--out', SIDECAR]);
    assert.strictEqual(clobber.status, 2);
    assert.match(clobber.stderr, /one of the input/);
  });

  it('adds the supervisor\'s comments and each coder\'s codes to the Markdown report', () => {
    const run = runCli(['export', SIDECAR, '--format', 'markdown']);
    assert.strictEqual(run.status, 0, run.stderr);
    const coding = run.stdout.slice(run.stdout.indexOf('## Human coding'), run.stdout.indexOf('## Supervisor comments')).replace(/\\/g, '');
    assert.ok(coding.startsWith('## Human coding'), run.stdout);
    assert.ok(coding.includes('### ana\n\n- Line 2: Change talk on “I want to cut down”'), coding);
    assert.ok(coding.includes('- Line 5: rejected the automatic Persuading on “You should just quit”'), coding);
    assert.ok(coding.includes('### ben'), coding);
    const section = run.stdout.slice(run.stdout.indexOf('## Supervisor comments'));
    assert.ok(section.startsWith('## Supervisor comments'), run.stdout);
    // Quoted text goes through the report's own escapeMarkdown, so compare with punctuation left out.
    const plain = section.replace(/\\/g, '');
    assert.ok(plain.includes('- Line 5: “You should just quit, honestly.”'), section);
    assert.ok(plain.includes('  - supervisor: Try a reflection here instead of advice.\n  - ana: Agreed, noted for next session.'), section);
  });

  it('exports the workspace codebook as REFI-QDA, with the user\'s codes after the built-in ones', () => {
    const directory = tempDirectory({ '.alliance-lens/codebook.json': JSON.stringify({ version: 1, codes: [{ id: 'hope', name: 'Hope', parent: 'talk' }] }) });
    const run = runCli(['export', '--format', 'qdc'], directory);
    assert.strictEqual(run.status, 0, run.stderr);
    const root = parseXml(run.stdout);
    assert.strictEqual(root.attributes.xmlns, 'urn:QDA-XML:codebook:1.0');
    const talk = root.children[0]!.children.find((code) => code.attributes.name === 'Client talk')!;
    assert.deepStrictEqual(talk.children.map((code) => code.attributes.name).slice(-1), ['Hope']);
  });

  it('never writes the REFI-QDA export over the codebook it reads, found or given', () => {
    const codebook = `${JSON.stringify({ version: 1, codes: [{ id: 'hope', name: 'Hope', parent: 'talk' }] }, null, 2)}\n`;
    const directory = tempDirectory({ '.alliance-lens/codebook.json': codebook });
    const codebookPath = path.join(directory, '.alliance-lens', 'codebook.json');
    fs.symlinkSync(codebookPath, path.join(directory, 'link.qdc'));
    for (const args of [
      ['--out', path.join('.alliance-lens', 'codebook.json')],
      ['--out', 'link.qdc'],
      ['--codebook', codebookPath, '--out', codebookPath],
    ]) {
      const run = runCli(['export', '--format', 'qdc', ...args], directory);
      assert.strictEqual(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /this command reads \(an input\) and would be overwritten; nothing was written/);
      assert.strictEqual(fs.readFileSync(codebookPath, 'utf8'), codebook, args.join(' '));
    }
    const elsewhere = runCli(['export', '--format', 'qdc', '--out', 'codebook.qdc'], directory);
    assert.strictEqual(elsewhere.status, 0, elsewhere.stderr);
    assert.ok(fs.readFileSync(path.join(directory, 'codebook.qdc'), 'utf8').includes('Hope'));
  });

  it('writes nothing when a sidecar is broken, and says where', () => {
    const directory = tempDirectory({ 's.transcript': 'T: Hi.\nC: Hello.\n', 's.transcript.alliance.json': '{ "schema": "alliance-lens/sidecar",\n  "version": 1,\n  oops }' });
    const out = path.join(directory, 'out.csv');
    const run = runCli(['export', path.join(directory, 's.transcript'), '--out', out]);
    assert.strictEqual(run.status, 1);
    assert.match(run.stderr, /s\.transcript\.alliance\.json:3:\d+: invalid JSON/);
    assert.match(run.stderr, /nothing was written/);
    assert.ok(!fs.existsSync(out));
  });
});
