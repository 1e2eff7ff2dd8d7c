// Standard output when it is a pipe. Node writes to a pipe asynchronously: whatever the reader has not taken yet is
// queued in memory, so `analyze --format json HUGE | gzip` would hold most of its output (500 MB of JSON for a 50 MB
// transcript) however piecemeal it is written. Writing synchronously instead waits for the reader, which keeps the
// memory of a huge run bounded. Files are written synchronously by Node already, and a terminal keeps Node's stream.
import * as fs from 'fs';

/** Writes all of `text` to `fd`, waiting while a non-blocking pipe is full. */
export function writeAllSync(fd: number, text: string, wait: (ms: number) => void = sleep): void {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < bytes.length) {
    try {
      written += fs.writeSync(fd, bytes, written, bytes.length - written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      wait(1);
    }
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** True when `fd` is a pipe or a socket (what Node writes to asynchronously). */
export function isPipe(fd: number): boolean {
  try {
    const stats = fs.fstatSync(fd);
    return stats.isFIFO() || stats.isSocket();
  } catch {
    return false;
  }
}
