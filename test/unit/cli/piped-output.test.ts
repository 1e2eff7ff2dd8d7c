// Standard output as a pipe (`analyze --format json HUGE | gzip`): Node queues whatever a pipe has not taken yet in
// memory, and a synchronous run never lets it drain, so the whole output piled up in the process however piecemeal
// it was written. The peak memory of a piped run must stay that of a run writing to a file.
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI, ensureBuiltCli, tempDirectory } from './run-cli';

/** Labelled turns of our own, repeated to about `megabytes` MB. */
function bigTranscript(megabytes: number): string {
  const block = [
    'Therapist: What would you like to talk about today?',
    'Client: Work has been a lot, and I keep snapping at my kids.',
    'Therapist: The pressure at work is spilling over at home.',
    'Client: Yes. I want to stop doing that.',
  ].join('\n');
  return `${block}\n`.repeat(Math.ceil((megabytes * 1e6) / (block.length + 1)));
}

/** A script, loaded before the CLI, that records the process's peak RSS (KB) in `file` when it exits. */
function peakRecorder(folder: string, file: string): string {
  const script = path.join(folder, 'record-peak.js');
  fs.writeFileSync(script, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(file)}, String(process.resourceUsage().maxRSS)));\n`);
  return script;
}

describe('piped standard output', function () {
  this.timeout(120_000);
  before(ensureBuiltCli);

  it('keeps a piped run\'s peak memory to that of a run writing a file, and delivers every byte', async () => {
    const folder = tempDirectory({ 'big.transcript': bigTranscript(3) });
    const input = path.join(folder, 'big.transcript');
    const toFile = spawnSync(process.execPath, ['--require', peakRecorder(folder, path.join(folder, 'file-peak')), CLI, 'analyze', input, '--format', 'json', '--out', path.join(folder, 'out.json')]);
    assert.strictEqual(toFile.status, 0, String(toFile.stderr));
    const piped = spawn(process.execPath, ['--require', peakRecorder(folder, path.join(folder, 'pipe-peak')), CLI, 'analyze', input, '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    piped.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const status = await new Promise<number | null>((resolve) => piped.on('close', resolve));
    assert.strictEqual(status, 0);
    const expected = fs.readFileSync(path.join(folder, 'out.json'));
    assert.ok(Buffer.concat(chunks).equals(expected), 'the piped output differs from the file output');
    const [filePeak, pipePeak] = ['file-peak', 'pipe-peak'].map((name) => Number(fs.readFileSync(path.join(folder, name), 'utf8')) / 1024);
    // The JSON is about 35 MB; queued in the process it would add at least that much.
    assert.ok(pipePeak < filePeak + 25, `peak RSS ${pipePeak.toFixed(0)} MB piped against ${filePeak.toFixed(0)} MB to a file`);
  });
});
