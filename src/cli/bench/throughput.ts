// Parser speed, for `alliance-lens bench` and hand measurements (never for timed assertions in tests), and the
// labelled transcript both the bench and `eval` build from corpus rows. CLI-only: nothing here ships in the engine.
import { parseTranscript } from '../../core/transcript/parse';

export interface ParseThroughput {
  /** UTF-8 size of the text. */
  bytes: number;
  runs: number;
  /** Median time of one parse. */
  medianMs: number;
  /** Fastest parse: on a busy machine the median includes time other processes took. */
  fastestMs: number;
  /** bytes / median time, in MB (10^6 bytes) per second. */
  mbPerSecond: number;
  utterances: number;
}

/** Parses `text` repeatedly (after one warm-up run) for at least `minMs` and `minRuns`, and reports the median. */
export function measureParseThroughput(text: string, options: { minMs?: number; minRuns?: number } = {}): ParseThroughput {
  const { minMs = 500, minRuns = 5 } = options;
  const utterances = parseTranscript(text).utterances.length;
  const times: number[] = [];
  const began = performance.now();
  while (times.length < minRuns || performance.now() - began < minMs) {
    const start = performance.now();
    parseTranscript(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)];
  const bytes = new TextEncoder().encode(text).length;
  return { bytes, runs: times.length, medianMs, fastestMs: times[0], mbPerSecond: bytes / 1e6 / (medianMs / 1000), utterances };
}

/** A transcript written as "Therapist: …" / "Client: …" lines, the shape of typed session notes. */
export function labelledTranscriptOf(turns: ReadonlyArray<{ role: 'therapist' | 'client'; text: string }>): string {
  return turns.map((turn) => `${turn.role === 'therapist' ? 'Therapist' : 'Client'}: ${turn.text}`).join('\n') + '\n';
}
