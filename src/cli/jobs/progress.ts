// Progress of a long `analyze` run on standard error. Short runs print nothing. On a terminal a single line counts
// up once the run has taken a couple of seconds; when standard error is a file or a pipe, a line is written only
// every half minute of a long run, so logs stay readable.
export interface ProgressSink {
  write(text: string): void;
  isTTY: boolean;
}

const TTY_DELAY_MS = 2000;
const TTY_INTERVAL_MS = 200;
const LOG_INTERVAL_MS = 30_000;

export function progressReporter(sink: ProgressSink, label: string, now: () => number = () => Date.now()) {
  const started = now();
  let lastWrite = started;
  let shown = false;
  return {
    update(done: number, total: number): void {
      const time = now();
      const elapsed = time - started;
      if (sink.isTTY) {
        if (elapsed < TTY_DELAY_MS || (shown && time - lastWrite < TTY_INTERVAL_MS && done < total)) return;
        sink.write(`\r${label}: ${done}/${total} files analysed`);
      } else {
        if (time - lastWrite < LOG_INTERVAL_MS) return;
        sink.write(`${label}: ${done}/${total} files analysed\n`);
      }
      shown = true;
      lastWrite = time;
    },
    /** Clears the terminal line so what follows starts on a clean line. */
    finish(): void {
      if (sink.isTTY && shown) sink.write('\r\x1b[K');
    },
  };
}
