// Replacing a file keeps it private and whole: mode kept, links written through, data flushed before the rename,
// temporary files of killed processes cleaned up, and none left by Ctrl-C or SIGTERM in the command line.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { removeStaleTemporaryFiles, writeFileAtomically, writeFileAtomicallySync } from '../../../src/shared/atomic-write';
import { CLI, ensureBuiltCli, tempDirectory } from './run-cli';

const posix = process.platform !== 'win32';
const temporaries = (directory: string) => fs.readdirSync(directory).filter((name) => name.endsWith('.tmp'));

/** A PID that ran and has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('atomic writes (src/shared/atomic-write.ts)', function () {
  this.timeout(60_000);

  for (const [variant, write] of [
    ['sync', async (file: string, text: string) => writeFileAtomicallySync(file, text)],
    ['async', (file: string, text: string) => writeFileAtomically(file, text)],
  ] as const) {
    describe(variant, () => {
      it('keeps the mode of the file it replaces (a 0600 sidecar stays 0600), and leaves no temporary file', async function () {
        if (!posix) this.skip();
        const directory = tempDirectory({ 's.alliance.json': 'old' });
        const file = path.join(directory, 's.alliance.json');
        fs.chmodSync(file, 0o600);
        await write(file, 'new');
        assert.strictEqual(fs.readFileSync(file, 'utf8'), 'new');
        assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
        fs.chmodSync(file, 0o640);
        await write(file, 'newer');
        assert.strictEqual(fs.statSync(file).mode & 0o777, 0o640);
        assert.deepStrictEqual(temporaries(directory), []);
      });

      it('writes through a symbolic link to its target and keeps the link, also a link to a file not yet there', async function () {
        if (!posix) this.skip();
        const directory = tempDirectory({ 'real/s.alliance.json': 'old' });
        const link = path.join(directory, 'link.alliance.json');
        fs.symlinkSync(path.join('real', 's.alliance.json'), link);
        await write(link, 'new');
        assert.ok(fs.lstatSync(link).isSymbolicLink());
        assert.strictEqual(fs.readFileSync(path.join(directory, 'real', 's.alliance.json'), 'utf8'), 'new');
        const dangling = path.join(directory, 'dangling.json');
        fs.symlinkSync('later.json', dangling);
        await write(dangling, 'created');
        assert.ok(fs.lstatSync(dangling).isSymbolicLink());
        assert.strictEqual(fs.readFileSync(path.join(directory, 'later.json'), 'utf8'), 'created');
        assert.deepStrictEqual(temporaries(directory), []);
        assert.deepStrictEqual(temporaries(path.join(directory, 'real')), []);
      });
    });
  }

  it('flushes the temporary file before the rename and the directory after it', () => {
    const directory = tempDirectory({ 'out.json': 'old' });
    const events: string[] = [];
    const fsync = fs.fsyncSync;
    const rename = fs.renameSync;
    const open = fs.openSync;
    const opened = new Map<number, string>();
    // The module object itself (the import above is a read-only view of it).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const patched = require('fs') as Record<string, unknown>;
    patched.openSync = (file: fs.PathLike, ...rest: unknown[]) => {
      const descriptor = (open as (...args: unknown[]) => number)(file, ...rest);
      opened.set(descriptor, String(file));
      return descriptor;
    };
    patched.fsyncSync = (descriptor: number) => {
      events.push(`fsync ${opened.get(descriptor) === directory ? 'directory' : path.extname(opened.get(descriptor) ?? '')}`);
      fsync(descriptor);
    };
    patched.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
      events.push('rename');
      rename(from, to);
    };
    try {
      writeFileAtomicallySync(path.join(directory, 'out.json'), 'new');
    } finally {
      patched.openSync = open;
      patched.fsyncSync = fsync;
      patched.renameSync = rename;
    }
    assert.deepStrictEqual(events, ['fsync .tmp', 'rename', 'fsync directory']);
  });

  it('removes temporary files of dead processes on the next write in that directory, not those of live ones or recent ones', () => {
    const directory = tempDirectory({ 'out.json': 'old' });
    const dead = deadPid();
    const hourAgo = new Date(Date.now() - 3600_000);
    const stale = [`.out.json.${dead}.tmp`, `.other.2024.csv.3.${dead}.tmp`];
    const kept = [`.out.json.7.${process.pid}.tmp`, `.recent.json.${dead}.tmp`, 'notes.tmp', `.out.json.${dead}.tmp.bak`];
    for (const name of [...stale, ...kept]) fs.writeFileSync(path.join(directory, name), 'partial');
    for (const name of [...stale, ...kept.slice(0, 1), ...kept.slice(2)]) fs.utimesSync(path.join(directory, name), hourAgo, hourAgo);
    writeFileAtomicallySync(path.join(directory, 'out.json'), 'new');
    assert.deepStrictEqual(fs.readdirSync(directory).sort(), ['out.json', ...kept].sort());
    assert.deepStrictEqual(removeStaleTemporaryFiles(directory), []);
  });

  describe('the command line (built dist/cli.js)', () => {
    before(() => ensureBuiltCli());

    it('finishes the --out file and leaves no temporary file when SIGTERM or SIGINT arrives during the write', function () {
      if (!posix) this.skip();
      const directory = tempDirectory({ 'a.txt': 'T: How are you?\nC: Fine.\n' });
      // Sends the signal as soon as the temporary file has been written to, before it is renamed.
      const preload = path.join(directory, 'signal-mid-write.js');
      fs.writeFileSync(preload, `
        const fs = require('fs');
        const temporary = new Set();
        const open = fs.openSync;
        fs.openSync = (file, ...rest) => { const fd = open(file, ...rest); if (String(file).endsWith('.tmp')) temporary.add(fd); return fd; };
        for (const name of ['writeSync', 'writeFileSync']) {
          const original = fs[name];
          fs[name] = (target, ...rest) => {
            const result = original(target, ...rest);
            if (temporary.has(target) || String(target).endsWith('.tmp')) process.kill(process.pid, process.env.SIGNAL_MID_WRITE);
            return result;
          };
        }
      `);
      for (const [signal, status] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
        const out = path.join(directory, `out-${signal}.json`);
        const run = spawnSync(process.execPath, ['--require', preload, CLI, 'analyze', path.join(directory, 'a.txt'), '-f', 'json', '--out', out],
          { encoding: 'utf8', env: { ...process.env, SIGNAL_MID_WRITE: signal } });
        assert.deepStrictEqual([run.status, run.signal], [status, null], run.stderr);
        assert.deepStrictEqual(temporaries(directory), []);
        assert.strictEqual((JSON.parse(fs.readFileSync(out, 'utf8')) as unknown[]).length, 1);
      }
    });
  });
});
