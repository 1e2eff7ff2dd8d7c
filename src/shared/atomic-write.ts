// Replacing a file on a local disk so that it is either the old file or the new one, never half of either, and
// nothing else about it changes. Used by the command line's --out files and the editor's sidecars and codebooks.
//
// - The data goes to a temporary file beside the target, `.NAME.PID.tmp`, which is written, flushed to the disk
//   (fsync), then renamed over the target; the directory is flushed after the rename, so the new name survives a
//   power cut too.
// - The file being replaced keeps its permissions (a 0600 sidecar stays 0600) and, where the process may, its owner.
// - A symbolic link is written through: its target gets the new content and the link stays a link.
// - A temporary file that a killed process left behind (its PID no longer running, and older than a minute) is
//   removed on the next write in that directory.
// - With `guardSignals` (the command line), SIGINT and SIGTERM wait until the write is finished or undone, then
//   remove any temporary file still there and end the process (exit status 130 or 143).
import * as fs from 'fs';
import * as path from 'path';

export interface AtomicWriteOptions {
  guardSignals?: boolean;
}

/** The new content: whole, or written in pieces by a function (an output too large to hold as one string). */
export type AtomicContent = string | Uint8Array | ((write: (text: string) => void) => void);

/** `.NAME.PID.tmp`, or `.NAME.N.PID.tmp` while this process already writes that name: the PID is always last. */
const TEMPORARY = /^\..+\.(\d+)\.tmp$/;
/** A temporary file younger than this is left alone even if its PID looks dead: it may belong to a process on
 * another machine that shares the folder. */
const STALE_AFTER_MS = 60_000;
const MAX_LINKS = 40;

let counter = 0;
const inFlight = new Set<string>();

/** The file a write to `target` should replace: symbolic links followed (also one pointing to a file not yet there). */
export function resolveWriteTarget(target: string): string {
  let at = path.resolve(target);
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    let stats: fs.Stats;
    try {
      stats = fs.lstatSync(at);
    } catch {
      return at;
    }
    if (!stats.isSymbolicLink()) return at;
    at = path.resolve(path.dirname(at), fs.readlinkSync(at));
  }
  throw Object.assign(new Error(`${target}: too many levels of symbolic links`), { code: 'ELOOP' });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files of dead processes in `directory`; returns their paths. Never throws. */
export function removeStaleTemporaryFiles(directory: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(directory);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    const full = path.join(directory, name);
    if (inFlight.has(full) || (pid === process.pid) || isRunning(pid)) continue;
    try {
      const stats = fs.lstatSync(full);
      if (!stats.isFile() || now - stats.mtimeMs < STALE_AFTER_MS) continue;
      fs.rmSync(full);
      removed.push(full);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

interface Plan {
  target: string;
  directory: string;
  temporary: string;
  existing: fs.Stats | null;
}

function plan(target: string): Plan {
  const resolved = resolveWriteTarget(target);
  const directory = path.dirname(resolved);
  let existing: fs.Stats | null = null;
  try {
    existing = fs.statSync(resolved);
  } catch {
    existing = null;
  }
  if (existing?.isDirectory()) throw Object.assign(new Error(`${target} is a directory`), { code: 'EISDIR' });
  removeStaleTemporaryFiles(directory);
  let temporary = path.join(directory, `.${path.basename(resolved)}.${process.pid}.tmp`);
  if (inFlight.has(temporary)) temporary = path.join(directory, `.${path.basename(resolved)}.${++counter}.${process.pid}.tmp`);
  return { target: resolved, directory, temporary, existing };
}

function keepOwnerSync(descriptor: number, existing: fs.Stats): void {
  const uid = process.getuid?.();
  if (uid === undefined || (existing.uid === uid && existing.gid === process.getgid?.())) return;
  try {
    fs.fchownSync(descriptor, existing.uid, existing.gid);
  } catch {
    // Only a privileged process may give a file away; the mode is kept all the same.
  }
}

function syncDirectorySync(directory: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(directory, 'r');
    fs.fsyncSync(descriptor);
  } catch {
    // Some systems cannot open or flush a directory; the rename itself is still atomic.
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}

/** Removes the temporary files of writes still in progress (for a signal handler). */
export function removeTemporaryFilesInFlight(): void {
  for (const temporary of inFlight) fs.rmSync(temporary, { force: true });
  inFlight.clear();
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

/** Holds SIGINT and SIGTERM while `work` runs: Node then delivers them when it is done, and the handler removes any
 * temporary file left and exits. The handler stays until the next turn of the event loop, so a signal that arrived
 * during the write is not lost. */
function withSignalsHeld<T>(work: () => T): T {
  const handler = (signal: keyof typeof SIGNALS) => {
    removeTemporaryFilesInFlight();
    process.exit(SIGNALS[signal]);
  };
  for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.on(signal, handler);
  try {
    return work();
  } finally {
    setImmediate(() => {
      for (const signal of Object.keys(SIGNALS)) process.off(signal, handler);
    });
  }
}

/** Replaces `target` with `data` (see the top of this file). Synchronous, for the command line. */
export function writeFileAtomicallySync(target: string, data: AtomicContent, options: AtomicWriteOptions = {}): void {
  const write = () => {
    const { target: resolved, directory, temporary, existing } = plan(target);
    const mode = existing ? existing.mode & 0o7777 : 0o666;
    inFlight.add(temporary);
    let descriptor: number | undefined;
    try {
      descriptor = fs.openSync(temporary, 'wx', mode);
      // open() applies the umask; the file being replaced keeps its exact mode.
      if (existing) {
        fs.fchmodSync(descriptor, mode);
        keepOwnerSync(descriptor, existing);
      }
      const open = descriptor;
      const writeBytes = (bytes: Uint8Array) => {
        for (let written = 0; written < bytes.length;) written += fs.writeSync(open, bytes, written, bytes.length - written);
      };
      if (typeof data === 'function') data((text) => writeBytes(Buffer.from(text, 'utf8')));
      else writeBytes(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fs.fsyncSync(descriptor);
      fs.closeSync(descriptor);
      descriptor = undefined;
      fs.renameSync(temporary, resolved);
    } catch (error) {
      if (descriptor !== undefined) fs.closeSync(descriptor);
      fs.rmSync(temporary, { force: true });
      throw error;
    } finally {
      inFlight.delete(temporary);
    }
    syncDirectorySync(directory);
  };
  if (options.guardSignals) withSignalsHeld(write);
  else write();
}

/** The same, asynchronous, for the editor (whose extension host must not wait on the disk). */
export async function writeFileAtomically(target: string, data: string | Uint8Array): Promise<void> {
  const { target: resolved, directory, temporary, existing } = plan(target);
  const mode = existing ? existing.mode & 0o7777 : 0o666;
  inFlight.add(temporary);
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(temporary, 'wx', mode);
    if (existing) {
      await handle.chmod(mode);
      const uid = process.getuid?.();
      if (uid !== undefined && (existing.uid !== uid || existing.gid !== process.getgid?.())) await handle.chown(existing.uid, existing.gid).catch(() => undefined);
    }
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.promises.rename(temporary, resolved);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.promises.rm(temporary, { force: true });
    throw error;
  } finally {
    inFlight.delete(temporary);
  }
  let directoryHandle: fs.promises.FileHandle | undefined;
  try {
    directoryHandle = await fs.promises.open(directory, 'r');
    await directoryHandle.sync();
  } catch {
    // See syncDirectorySync.
  } finally {
    await directoryHandle?.close().catch(() => undefined);
  }
}
