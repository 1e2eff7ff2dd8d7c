// Peak memory of `analyze --format json` on one huge transcript (1, 10, 50 MB), each in a process of its own so
// each peak is that size's alone. The transcript is generated at bench time from the bundled samples' utterances,
// written as "Therapist:" / "Client:" lines and repeated to the size: the repeats come from the coder's cache, so
// the figure is the memory of reading, parsing, holding and writing a huge analysis (the time is not the coder's
// speed). The child runs the analyze command itself, its JSON counted and dropped rather than written to disk.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseTranscript } from '../../core/transcript';
import { labelledTranscriptOf } from './throughput';
import { findTranscriptFiles, readTranscriptFile } from '../files';
import { SAMPLES_DIRECTORY } from './sessions';

export const HUGE_INPUT_MB = [1, 10, 50];

export interface HugeInputRun {
  megabytes: number;
  utterances: number;
  /** Size of the JSON written. */
  outputMB: number;
  ms: number;
  maxRssMB: number;
}

/** At least `megabytes` MB (10^6 bytes) of labelled lines, whole sessions repeated. */
export function syntheticTranscript(megabytes: number, samples = SAMPLES_DIRECTORY): string {
  const sessions = findTranscriptFiles([samples]).files.flatMap((file) => {
    const read = readTranscriptFile(file);
    if (!read.ok) return [];
    const turns = parseTranscript(read.text).utterances
      .filter((utterance) => utterance.role === 'therapist' || utterance.role === 'client')
      .map((utterance) => ({ role: utterance.role as 'therapist' | 'client', text: utterance.text.replace(/\s+/g, ' ') }));
    return turns.length > 0 ? [labelledTranscriptOf(turns)] : [];
  });
  if (sessions.length === 0) throw new Error(`no sample transcripts in ${samples}`);
  const block = sessions.join('');
  const blockBytes = Buffer.byteLength(block, 'utf8');
  return block.repeat(Math.max(1, Math.ceil((megabytes * 1e6) / blockBytes)));
}

/** In the child: `analyze FILE --format json --jobs 1`, its output counted, then this process's figures. */
export async function hugeInputRun(file: string): Promise<Omit<HugeInputRun, 'megabytes' | 'utterances'>> {
  const { analyzeCommand } = await import('../commands/analyze');
  let outputBytes = 0;
  const start = performance.now();
  const status = await analyzeCommand.run([file, '--format', 'json', '--jobs', '1'], {
    stdout: (text) => {
      outputBytes += Buffer.byteLength(text, 'utf8');
    },
    stderr: () => undefined,
  });
  if (status !== 0) throw new Error(`analyze exited ${status}`);
  return { outputMB: outputBytes / 1e6, ms: performance.now() - start, maxRssMB: process.resourceUsage().maxRSS / 1024 };
}

/** Writes a synthetic transcript of `megabytes` MB and runs `alliance-lens bench --huge-run FILE` on it. */
export function hugeInputRunInChild(megabytes: number): HugeInputRun | string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-bench-'));
  try {
    const file = path.join(folder, `synthetic-${megabytes}mb.transcript`);
    const text = syntheticTranscript(megabytes);
    // One utterance a line.
    const utterances = text.split('\n').length - 1;
    fs.writeFileSync(file, text);
    const run = spawnSync(process.execPath, [process.argv[1], 'bench', '--huge-run', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) return `${megabytes} MB: the run failed: ${(run.stderr || run.stdout).trim().split('\n')[0]}`;
    return { megabytes, utterances, ...(JSON.parse(run.stdout) as Omit<HugeInputRun, 'megabytes' | 'utterances'>) };
  } catch (error) {
    return `${megabytes} MB: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
