// Timing for the bench. The machine may be shared, so every figure is the best of several runs: interference
// only ever adds time.
export function timeOnce(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
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

export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
