// Finding transcript files and reading them safely: unreadable paths and binary files become clear messages,
// never crashes, and directories are searched without following symbolic links (no loops).
import * as fs from 'fs';
import * as path from 'path';

/** File endings searched for in directories. A file named explicitly is read whatever its ending. */
export const TRANSCRIPT_EXTENSIONS = ['.txt', '.transcript', '.vtt', '.srt'];
const SKIPPED_DIRECTORIES = new Set(['node_modules']);
/** Far above any real session; stops a mistaken argument (a disk image, a log) from exhausting memory. */
const MAX_BYTES = 100 * 1024 * 1024;

export interface FoundFiles {
  files: string[];
  /** One message per path that could not be searched or does not exist. */
  errors: string[];
  /** Directories in which no transcript file was found. */
  emptyDirectories: string[];
}

export function findTranscriptFiles(paths: readonly string[]): FoundFiles {
  const found: FoundFiles = { files: [], errors: [], emptyDirectories: [] };
  for (const given of paths) {
    let stats: fs.Stats;
    try {
      stats = fs.statSync(given);
    } catch (error) {
      found.errors.push(`cannot read ${given}: ${reason(error)}`);
      continue;
    }
    if (!stats.isDirectory()) {
      found.files.push(given);
      continue;
    }
    const before = found.files.length;
    walk(given, found);
    if (found.files.length === before) found.emptyDirectories.push(given);
  }
  found.files = [...new Set(found.files)];
  return found;
}

function walk(directory: string, found: FoundFiles): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    found.errors.push(`cannot read ${directory}: ${reason(error)}`);
    return;
  }
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, found);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isTranscriptName(entry.name) && isFile(full)) {
      found.files.push(full);
    }
  }
}

/** The order of names in a folder as the walk visits them: by UTF-16 code unit, the same on every system. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SEPARATORS = path.sep === '/' ? /\// : /[\\/]/;

/** The order in which the walk of one folder finds these paths: folder by folder, each by name, so "a/x" comes
 * before "a-b/x" (a plain string sort would put "-" first). `merge` puts shard outputs back into this order. */
export function compareWalkOrder(a: string, b: string): number {
  const left = a.split(SEPARATORS);
  const right = b.split(SEPARATORS);
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const order = compareNames(left[index], right[index]);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

export function isTranscriptName(name: string): boolean {
  const lower = name.toLowerCase();
  return TRANSCRIPT_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export type ReadResult = { ok: true; text: string; notes: string[] } | { ok: false; error: string };

/** Reads a transcript as text. UTF-16 with a byte-order mark is decoded; invalid UTF-8 is replaced and noted;
 * NUL bytes (a binary file) are refused. */
export function readTranscriptFile(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readInputBytes(file);
  } catch (error) {
    if (error instanceof InputRefused) return { ok: false, error: `refused ${file}: ${error.message}` };
    return { ok: false, error: `cannot read ${file}: ${reason(error)}` };
  }
  const notes: string[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (bytes.includes(0)) return { ok: false, error: `refused ${file}: it contains NUL bytes, so it looks like a binary file, not a text transcript` };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('utf-8').decode(bytes);
      notes.push('the file is not valid UTF-8; undecodable bytes were replaced by "\uFFFD"');
    }
  }
  if (text.includes('\u0000')) return { ok: false, error: `refused ${file}: it contains NUL characters, so it looks like a binary file, not a text transcript` };
  return { ok: true, text, notes };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** Every file this process has read as an input, by identity, so that one check before any write can refuse to
 * overwrite any of them, whichever command read it and for whatever reason (transcript, sidecar, codebook). */
const inputsRead = new Map<string, string>();

/** A file that is readable but not one this tool reads: not a regular file, or far too large. */
export class InputRefused extends Error {}

const CHUNK_BYTES = 1024 * 1024;

/** Reads a command's input file and remembers it as one (see `wasReadAsInput`). Only regular files are read:
 * a device such as /dev/zero never ends and a FIFO blocks, so anything else is refused before it is opened (and
 * the open itself cannot block, in case the path changed meanwhile). The bytes actually read are capped at
 * `maxBytes`, whatever the file's size claims to be. Throws InputRefused for those, the system error otherwise. */
export function readInputBytes(file: string, maxBytes = MAX_BYTES): Buffer {
  const { descriptor, stats } = openInput(file);
  try {
    if (stats.size > maxBytes) throw new InputRefused(tooLarge(stats.size, maxBytes));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Asks for at most one byte more than the limit, so an over-long file is noticed without reading all of it.
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const count = fs.readSync(descriptor, chunk, 0, chunk.length, null);
      if (count === 0) break;
      chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count));
      total += count;
      if (total > maxBytes) throw new InputRefused(tooLarge(null, maxBytes));
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Opens a regular file for reading without blocking (see readInputBytes) and remembers it as an input. */
function openInput(file: string): { descriptor: number; stats: fs.Stats } {
  const before = fs.statSync(file);
  if (!before.isFile()) throw new InputRefused(notRegular(before));
  const descriptor = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  const stats = fs.fstatSync(descriptor);
  if (!stats.isFile()) {
    fs.closeSync(descriptor);
    throw new InputRefused(notRegular(stats));
  }
  inputsRead.set(`${stats.dev}:${stats.ino}`, file);
  return { descriptor, stats };
}

/** Reads an input line by line (split at "\n", UTF-8), without holding the whole file: for command outputs such
 * as JSON Lines, which may be far larger than a transcript. Regular files only, remembered as inputs. */
export function forEachInputLine(file: string, onLine: (line: string, lineNumber: number) => void): void {
  const { descriptor } = openInput(file);
  try {
    const decoder = new TextDecoder('utf-8');
    let pending: Buffer[] = [];
    let lineNumber = 0;
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const count = fs.readSync(descriptor, chunk, 0, chunk.length, null);
      let from = 0;
      for (let newline = chunk.indexOf(10, 0); newline !== -1 && newline < count; newline = chunk.indexOf(10, from)) {
        pending.push(chunk.subarray(from, newline));
        onLine(decoder.decode(Buffer.concat(pending)), ++lineNumber);
        pending = [];
        from = newline + 1;
      }
      if (count === 0) break;
      // Copied: the next read reuses the chunk.
      if (from < count) pending.push(Buffer.from(chunk.subarray(from, count)));
    }
    if (pending.length > 0) onLine(decoder.decode(Buffer.concat(pending)), ++lineNumber);
  } finally {
    fs.closeSync(descriptor);
  }
}

function notRegular(stats: fs.Stats): string {
  const kind = stats.isDirectory() ? 'a directory' : stats.isFIFO() ? 'a named pipe (FIFO)' : stats.isCharacterDevice() ? 'a character device'
    : stats.isBlockDevice() ? 'a block device' : stats.isSocket() ? 'a socket' : 'a special file';
  return `it is ${kind}, not a regular file; only regular text files are read`;
}

function tooLarge(size: number | null, maxBytes: number): string {
  const limit = `limit ${Math.round(maxBytes / 1024 / 1024)} MB`;
  return size === null
    ? `it holds more than ${Math.round(maxBytes / 1024 / 1024)} MB, more than a transcript can be (${limit})`
    : `it is ${Math.round(size / 1e6)} MB, more than a transcript can be (${limit})`;
}

/** The path under which this process read the file with the given identity, or null if it read no such file. */
export function wasReadAsInput(identity: string): string | null {
  return inputsRead.get(identity) ?? null;
}

/** Identity of an existing file (device and inode), so two paths to one file compare equal; null if absent. */
export function fileIdentity(file: string): string | null {
  try {
    const stats = fs.statSync(file);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return null;
  }
}
