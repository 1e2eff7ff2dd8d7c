// An output path that names someone's work (a transcript under review, a coder's sidecar, the workspace codebook or
// rules file) is refused by every command that writes --out, even when the command never reads that file, and the
// file keeps its bytes. The shard and merge paths write through the same guard.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ensureBuiltCli, runCli, tempDirectory } from './run-cli';

const session = 'T: How has the week been?\nC: Better than last week, honestly.\nT: What made the difference?\nC: I walked every evening.\n';
const otherSession = 'T: What would you like to talk about?\nC: Work, mostly.\n';
const sidecar = '{"version":1,"annotations":[],"note":"a coder\'s work"}\n';

describe('an --out path never replaces a transcript, sidecar, codebook or rules file', function () {
  this.timeout(120000);
  before(ensureBuiltCli);

  const protectedFiles = {
    'corpus/week-1.transcript': session,
    // Not read by analyze (a sidecar of a transcript that is not in the folder's shard or list).
    'corpus/week-1.transcript.alliance.json': sidecar,
    'notes/old-session.vtt': 'WEBVTT\n\n00:00.000 --> 00:02.000\n<v Therapist>Hello.\n',
    '.alliance-lens/codebook.json': '{"codes":[]}\n',
    '.alliance-lens/rules.json': '[]\n',
  };

  const writers: { name: string; args: (out: string) => string[]; prepare?: (directory: string) => void }[] = [
    { name: 'analyze', args: (out) => ['analyze', 'corpus/week-2.transcript', '--format', 'summary', '--out', out] },
    { name: 'analyze --shard', args: (out) => ['analyze', 'corpus', '--shard', '1/1', '--format', 'jsonl', '--out', out] },
    { name: 'trends', args: (out) => ['trends', 'corpus/week-2.transcript', '--format', 'json', '--out', out] },
    {
      name: 'merge',
      prepare: (directory) => {
        const run = runCli(['analyze', 'corpus/week-2.transcript', '--format', 'jsonl', '--out', 'shard.jsonl'], directory);
        assert.strictEqual(run.status, 0, run.stderr);
      },
      args: (out) => ['merge', 'shard.jsonl', '--out', out],
    },
    { name: 'export', args: (out) => ['export', 'corpus/week-2.transcript', '--format', 'markdown', '--out', out] },
  ];

  for (const writer of writers) {
    it(`${writer.name} refuses each and leaves it byte for byte`, () => {
      const directory = tempDirectory({ ...protectedFiles, 'corpus/week-2.transcript': otherSession });
      writer.prepare?.(directory);
      for (const [name, content] of Object.entries(protectedFiles)) {
        const run = runCli(writer.args(name), directory);
        assert.strictEqual(run.status, 2, `${writer.name} --out ${name}: exit ${run.status}, ${run.stderr}`);
        assert.match(run.stderr, /would be overwritten/, `${writer.name} --out ${name}`);
        assert.strictEqual(fs.readFileSync(path.join(directory, name), 'utf8'), content, `${name} was changed by ${writer.name}`);
        assert.deepStrictEqual(fs.readdirSync(path.dirname(path.join(directory, name))).filter((file) => file.endsWith('.tmp')), [], 'no temporary file is left');
      }
      // The guard is about those files only: a new report beside them is written.
      const fresh = runCli(writer.args('report.out'), directory);
      assert.strictEqual(fresh.status, 0, `${writer.name} --out report.out: ${fresh.stderr}`);
      assert.ok(fs.statSync(path.join(directory, 'report.out')).size > 0);
    });
  }
});
