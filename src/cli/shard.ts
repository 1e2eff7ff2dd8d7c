// `analyze --shard K/N`: which of the transcripts found this run analyses, so that N runs (machines, a Slurm job
// array, GNU parallel) each take a share and together take every file exactly once.
//
// A file's shard depends only on its path below the common input root, never on the machine, the order files were
// found in, or how many there are:
//   key   = the file's path relative to the deepest folder holding every file found, "/"-separated, Unicode NFC
//           (macOS may store names decomposed);
//   shard = (the first 4 bytes of SHA-256(key as UTF-8), read as a big-endian unsigned integer) mod N, plus 1.
// So every run must be given the same files (the same arguments over the same folder tree); where the tree sits
// on each machine does not matter.
import { createHash } from 'crypto';
import * as path from 'path';
import { UsageError } from './command';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Reads "K/N" (1 <= K <= N); throws a UsageError that says what is wrong. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new UsageError(`--shard needs K/N, e.g. 1/4 for the first of four shares, got '${text}'`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || !Number.isSafeInteger(count)) throw new UsageError(`--shard ${text}: N, the number of shards, must be at least 1`);
  if (index < 1 || index > count) throw new UsageError(`--shard ${text}: K must be between 1 and N (${count}), so K/N is one of 1/${count} … ${count}/${count}`);
  return { index, count };
}

/** The deepest folder holding every file (absolute). */
export function commonRoot(files: readonly string[]): string {
  if (files.length === 0) return '';
  const folders = files.map((file) => path.dirname(path.resolve(file)).split(path.sep));
  let shared = folders[0];
  for (const folder of folders.slice(1)) {
    let same = 0;
    while (same < shared.length && same < folder.length && shared[same] === folder[same]) same++;
    shared = shared.slice(0, same);
  }
  return shared.join(path.sep) || path.sep;
}

/** The partition key of a file: its path below `root`, "/"-separated and NFC. */
export function shardKey(file: string, root: string): string {
  return path.relative(root, path.resolve(file)).split(path.sep).join('/').normalize('NFC');
}

/** 1..count for a key (see the top of this file). */
export function shardOfKey(key: string, count: number): number {
  return (createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) % count) + 1;
}

/** The files of this shard, in the order given. */
export function filesInShard(files: readonly string[], shard: Shard): string[] {
  const root = commonRoot(files);
  return files.filter((file) => shardOfKey(shardKey(file, root), shard.count) === shard.index);
}
