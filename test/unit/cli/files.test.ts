// The one reader of command inputs: only regular files, and never more bytes than the limit, whatever stat says.
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { forEachInputLine, InputRefused, readInputBytes, readTranscriptFile, wasReadAsInput, fileIdentity } from '../../../src/cli/files';
import { CLI, ensureBuiltCli, tempDirectory } from './run-cli';

describe('reading command inputs (src/cli/files.ts)', function () {
  this.timeout(60_000);

  it('caps the bytes actually read, even when the size on record is 0 (/proc files)', function () {
    if (!fs.existsSync('/proc/self/maps') || fs.statSync('/proc/self/maps').size !== 0) this.skip();
    assert.throws(() => readInputBytes('/proc/self/maps', 16), (error: unknown) =>
      error instanceof InputRefused && /more than a transcript can be/.test(error.message));
  });

  it('reads a file of exactly the limit and refuses one byte more', () => {
    const directory = tempDirectory({ 'ten.txt': '0123456789', 'eleven.txt': '0123456789A' });
    assert.strictEqual(readInputBytes(path.join(directory, 'ten.txt'), 10).toString(), '0123456789');
    assert.throws(() => readInputBytes(path.join(directory, 'eleven.txt'), 10), InputRefused);
  });

  it('refuses a character device and a directory without reading them', function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    const zero = readTranscriptFile('/dev/zero');
    assert.ok(!zero.ok);
    assert.strictEqual(zero.error, 'refused /dev/zero: it is a character device, not a regular file; only regular text files are read');
    const directory = tempDirectory({});
    const folder = readTranscriptFile(directory);
    assert.ok(!folder.ok && /it is a directory, not a regular file/.test(folder.error), JSON.stringify(folder));
  });

  it('reads lines longer than its 1 MB chunks whole, characters split between chunks intact, the last without a line break', () => {
    // The first line and its break are 8 bytes, so "é" (2 bytes) starts on the last byte of the first chunk.
    const long = `${'x'.repeat(1024 * 1024 - 9)}é${'y'.repeat(1500 * 1024)}😊`;
    const lines = ['{"a":1}', long, '', 'ü'.repeat(700 * 1024), 'last'];
    const directory = tempDirectory({ 'lines.jsonl': lines.join('\n') });
    const file = path.join(directory, 'lines.jsonl');
    const read: Array<[string, number]> = [];
    forEachInputLine(file, (line, number) => read.push([line, number]));
    assert.deepStrictEqual(read.map(([line]) => line), lines);
    assert.deepStrictEqual(read.map(([, number]) => number), [1, 2, 3, 4, 5]);
    assert.strictEqual(wasReadAsInput(fileIdentity(file)!), file, 'remembered as an input, so --out cannot overwrite it');
    assert.throws(() => forEachInputLine(directory, () => undefined), InputRefused);
  });

  describe('alliance-lens analyze on special files (built dist/cli.js)', () => {
    before(() => ensureBuiltCli());

    it('refuses /dev/zero and a FIFO at once, exit 1, and still analyses the other files', function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      const directory = tempDirectory({ 'ok.txt': 'T: Hi?\nC: Hello.\n' });
      const fifo = path.join(directory, 'pipe.txt');
      try {
        execFileSync('mkfifo', [fifo]);
      } catch {
        this.skip();
      }
      const run = spawnSync(process.execPath, [CLI, 'analyze', '/dev/zero', fifo, path.join(directory, 'ok.txt'), '-f', 'json'],
        { encoding: 'utf8', timeout: 15_000 });
      assert.strictEqual(run.signal, null, 'the command did not finish');
      assert.strictEqual(run.status, 1, run.stderr);
      assert.match(run.stderr, /refused \/dev\/zero: it is a character device, not a regular file/);
      assert.match(run.stderr, /refused .*pipe\.txt: it is a named pipe \(FIFO\), not a regular file/);
      assert.strictEqual((JSON.parse(run.stdout) as unknown[]).length, 1);
    });
  });
});
