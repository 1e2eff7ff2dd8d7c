// Timing for the bench. The machine may be shared, so single-thread figures are CPU time (user + system) of this
// process, which other processes' load barely changes, and every figure is the best of several runs: interference
// only ever adds time. Corpus runs, whose point is parallelism, are wall-clock time (see corpus-run.ts).
export function timeOnce(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Best (lowest) time of `runs` runs of each task, the tasks interleaved so drifting load hits them alike. */
export function bestTimes(runs: number, tasks: ReadonlyArray<() => void>): number[] {
  const best = tasks.map(() => Infinity);
  for (let run = 0; run < runs; run++) {
    tasks.forEach((task, index) => {
      best[index] = Math.min(best[index], timeOnce(task));
    });
  }
  return best;
}
