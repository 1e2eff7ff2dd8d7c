import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from '../../../src/core/csv-parse';
import type { Analysis } from '../../../src/core/types';
import { ensureBuiltCli, ROOT, runCli, tempDirectory } from './run-cli';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'transcripts');
const fixtureCount = fs.readdirSync(FIXTURES).length;

describe('alliance-lens analyze (built dist/cli.js)', function () {
  this.timeout(120_000);
  before(() => ensureBuiltCli());

  describe('output formats', () => {
    it('prints a table by default, one block per transcript found in a directory', () => {
      const run = runCli(['analyze', FIXTURES]);
      assert.strictEqual(run.status, 0, run.stderr);
      assert.strictEqual(run.stdout.match(/^\S.*\((labeled|webvtt|srt|otter), \d+ utterances\)$/gm)?.length, fixtureCount);
      assert.match(run.stdout, /teams\.vtt {2}\(webvtt, 3 utterances\)/);
      assert.match(run.stdout, /Priya Shah +therapist +2 +21/);
    });

    it('prints an array of Analysis objects with --format json, offsets pointing into each file', () => {
      const run = runCli(['analyze', FIXTURES, '--format', 'json']);
      assert.strictEqual(run.status, 0, run.stderr);
      const analyses = JSON.parse(run.stdout) as Analysis[];
      assert.strictEqual(analyses.length, fixtureCount);
      for (const analysis of analyses) {
        assert.deepStrictEqual(Object.keys(analysis).sort(), ['file', 'format', 'metadata', 'speakers', 'summary', 'utterances', 'warnings']);
        const file = fs.readFileSync(analysis.file, 'utf8');
        for (const utterance of analysis.utterances) {
          for (const key of ['index', 'speaker', 'role', 'line', 'timestamp', 'text', 'stance', 'behaviour', 'question',
            'reflection', 'input', 'talk', 'codes', 'findings']) assert.ok(key in utterance, `${key} in ${analysis.file}`);
          for (const finding of utterance.findings) {
            assert.ok(finding.start >= utterance.start && finding.end <= utterance.end && finding.start <= finding.end,
              `finding ${finding.rule} at ${finding.start}..${finding.end} outside utterance ${utterance.start}..${utterance.end}`);
          }
          if (analysis.format === 'labeled') assert.strictEqual(file.slice(utterance.start, utterance.end), utterance.text);
        }
      }
      const teams = analyses.find((analysis) => analysis.file.endsWith('teams.vtt'));
      assert.deepStrictEqual(teams?.speakers.map((s) => [s.label, s.role, s.turns]), [['Priya Shah', 'therapist', 2], ['Tom Becker', 'client', 1]]);
    });

    it('prints one RFC 4180 row per utterance with --format csv, line breaks in text kept inside quotes', () => {
      const json = JSON.parse(runCli(['analyze', FIXTURES, '-f', 'json']).stdout) as Analysis[];
      const run = runCli(['analyze', FIXTURES, '-f', 'csv']);
      assert.strictEqual(run.status, 0, run.stderr);
      const { rows, problems } = parseCsv(run.stdout);
      assert.deepStrictEqual(problems, []);
      assert.deepStrictEqual(rows[0].slice(0, 6), ['file', 'index', 'line', 'timestamp', 'speaker', 'role']);
      const texts = json.flatMap((analysis) => analysis.utterances.map((u) => u.text));
      assert.deepStrictEqual(rows.slice(1).map((row) => row[row.length - 1]), texts);
      assert.ok(texts.some((text) => text.includes('\n')), 'the fixtures include a multi-line utterance');
      assert.ok(run.stdout.endsWith('\r\n'));
    });

    it('prints speaker names and text that look like formulas as text in --format csv', () => {
      const directory = tempDirectory({ 'a.txt': 'T: =1+1 is what I wrote.\n@SUM(A1): -that was me.\nT: Thanks.\n@SUM(A1): +1 from me.\n' });
      const run = runCli(['analyze', path.join(directory, 'a.txt'), '-f', 'csv']);
      assert.strictEqual(run.status, 0, run.stderr);
      const rows = parseCsv(run.stdout).rows.slice(1);
      assert.deepStrictEqual(rows.map((row) => [row[4], row[row.length - 1]]),
        [['T', "'=1+1 is what I wrote."], ["'@SUM(A1)", "'-that was me."], ['T', 'Thanks.'], ["'@SUM(A1)", "'+1 from me."]]);
    });
  });

  describe('warnings and failures', () => {
    it('writes warnings to stderr as file:line: message and still exits 0', () => {
      const directory = tempDirectory({ 'a.txt': 'T: Hi?\nC: Fine.\nStep one: breathe.\n' });
      const file = path.join(directory, 'a.txt');
      const run = runCli(['analyze', file]);
      assert.strictEqual(run.status, 0);
      assert.match(run.stderr, new RegExp(`^${escapeRegExp(file)}:3: "Step one:" looks like a speaker label`, 'm'));
      assert.match(run.stdout, /a\.txt {2}\(labeled, 2 utterances\)/);
    });

    it('exits 1 for a missing or unreadable path and still analyses the others', () => {
      const directory = tempDirectory({ 'ok.txt': 'T: Hi\nC: Hello\n', 'plain-file': 'x' });
      const run = runCli(['analyze', path.join(directory, 'missing.txt'), path.join(directory, 'plain-file', 'inside.txt'), path.join(directory, 'ok.txt'), '-f', 'json']);
      assert.strictEqual(run.status, 1);
      assert.match(run.stderr, /cannot read .*missing\.txt: no such file or directory/);
      assert.match(run.stderr, /cannot read .*inside\.txt/);
      assert.strictEqual((JSON.parse(run.stdout) as Analysis[]).length, 1);
    });

    it('refuses a binary file with a clear message and exit 1', () => {
      const directory = tempDirectory({ 'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]) });
      const run = runCli(['analyze', path.join(directory, 'image.txt')]);
      assert.strictEqual(run.status, 1);
      assert.match(run.stderr, /refused .*image\.txt: it contains NUL bytes, so it looks like a binary file/);
    });

    it('reads UTF-16 text with a byte-order mark, and notes invalid UTF-8 without failing', () => {
      const text = 'T: Hello there?\nC: Hi.\n';
      const directory = tempDirectory({
        'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
        'latin1.txt': Buffer.from('T: Caf\xe9?\nC: Oui.\n', 'latin1'),
      });
      const run = runCli(['analyze', path.join(directory, 'utf16.txt'), path.join(directory, 'latin1.txt'), '-f', 'json']);
      assert.strictEqual(run.status, 0, run.stderr);
      const [utf16, latin1] = JSON.parse(run.stdout) as Analysis[];
      assert.deepStrictEqual(utf16.utterances.map((u) => u.text), ['Hello there?', 'Hi.']);
      assert.deepStrictEqual(latin1.utterances.map((u) => u.text), ['Caf\uFFFD?', 'Oui.']);
      assert.match(run.stderr, /latin1\.txt: the file is not valid UTF-8/);
    });

    it('exits 2 with the usage for bad arguments', () => {
      const missingFolder = path.join(tempDirectory({}), 'no', 'such', 'folder', 'out.json');
      for (const args of [['analyze'], ['analyze', FIXTURES, '--format', 'xml'], ['analyze', FIXTURES, '--frobnicate', '2'], ['analyze', FIXTURES, '--out'],
        ['analyze', FIXTURES, '--out', missingFolder]]) {
        const run = runCli(args);
        assert.strictEqual(run.status, 2, args.join(' '));
        assert.match(run.stderr, /Usage: alliance-lens analyze/, args.join(' '));
        assert.strictEqual(run.stdout, '');
      }
    });

    it('documents every option and format in --help', () => {
      const run = runCli(['analyze', '--help']);
      assert.strictEqual(run.status, 0);
      for (const word of ['--format', '--out', 'table', 'json', 'csv', 'Exit status']) assert.ok(run.stdout.includes(word), word);
    });
  });

  describe('directories and --out', () => {
    it('searches directories for transcript files, skipping hidden folders and other files', () => {
      const directory = tempDirectory({
        'a.transcript': 'T: a\nC: b\n', 'sub/b.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nT: hi\n', 'sub/c.srt': '1\n00:00:01,000 --> 00:00:02,000\nC: yo\n',
        'notes.docx': 'x', '.git/d.txt': 'T: hidden\n', 'e.session.txt': 'T: e\n',
      });
      const run = runCli(['analyze', directory, '-f', 'json']);
      assert.strictEqual(run.status, 0, run.stderr);
      assert.deepStrictEqual((JSON.parse(run.stdout) as Analysis[]).map((a) => path.relative(directory, a.file)),
        ['a.transcript', 'e.session.txt', path.join('sub', 'b.vtt'), path.join('sub', 'c.srt')]);
    });

    it('says so when a directory holds no transcripts, without failing', () => {
      const directory = tempDirectory({ 'readme.docx': 'x' });
      const run = runCli(['analyze', directory]);
      assert.strictEqual(run.status, 0);
      assert.match(run.stderr, /no transcript files in /);
    });

    it('writes to --out instead of stdout', () => {
      const directory = tempDirectory({ 'a.txt': 'T: Hi\nC: Hello\n' });
      const out = path.join(directory, 'result.json');
      const run = runCli(['analyze', path.join(directory, 'a.txt'), '-f', 'json', '--out', out]);
      assert.strictEqual(run.status, 0, run.stderr);
      assert.strictEqual(run.stdout, '');
      assert.strictEqual((JSON.parse(fs.readFileSync(out, 'utf8')) as Analysis[])[0].utterances.length, 2);
    });

    it('never overwrites an input with --out, however the path is spelled', () => {
      const content = 'T: Hi\nC: Hello\n';
      const directory = tempDirectory({ 'a.txt': content });
      const input = path.join(directory, 'a.txt');
      fs.linkSync(input, path.join(directory, 'hard-link.txt'));
      fs.symlinkSync(input, path.join(directory, 'soft-link.out'));
      for (const out of [input, path.join(directory, 'sub', '..', 'a.txt'), path.join(directory, 'hard-link.txt'), path.join(directory, 'soft-link.out')]) {
        const run = runCli(['analyze', input, '--out', out]);
        assert.strictEqual(run.status, 2, out);
        assert.match(run.stderr, /is one of the input/, out);
      }
      // A directory argument counts too: its transcripts are inputs.
      const viaDirectory = runCli(['analyze', directory, '--out', input]);
      assert.strictEqual(viaDirectory.status, 2);
      assert.strictEqual(fs.readFileSync(input, 'utf8'), content);
    });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
