// CPU time of the calling thread, for the bench's account of where a corpus run's CPU goes: a worker's
// own work, against what V8's background threads (the optimising compiler, the garbage collector) add for each
// isolate. process.cpuUsage() counts every thread of the process, so it cannot tell them apart.
import * as fs from 'fs';

/** Milliseconds of CPU this thread has used, or null where the platform cannot tell (only Linux's /proc can). */
export function threadCpuMs(): number | null {
  try {
    // The first field is the time on a CPU in nanoseconds.
    const nanoseconds = Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(nanoseconds) ? nanoseconds / 1e6 : null;
  } catch {
    return null;
  }
}
