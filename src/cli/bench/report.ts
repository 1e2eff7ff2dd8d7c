// Formats the bench's figures, each beside its goal.
import type { ParseThroughput } from './throughput';
import { idleMachineMs, type CorpusRun } from './corpus-run';
import type { HugeInputRun } from './huge-input';
import type { ActivationRecord, BundleSizes } from './environment';
import type { SessionSpeed } from './analysis-speed';

export const GOALS = {
  coldRatio: 0.4,
  editMs: 15,
  editShare: 0.02,
  corpusRatio: 0.35,
  corpusJobs: 2,
  jobSpeedup: 1.8,
  peakRssMB: 300,
  extensionKB: 800,
  activationMs: 30,
};

const verdict = (met: boolean) => (met ? 'meets the goal' : 'MISSES the goal');
const ms = (value: number) => (value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`);
const count = (value: number) => Math.round(value).toLocaleString('en-US');

export interface BenchFigures {
  source: string;
  cores: number;
  loadAverage: number[];
  runs: number;
  sessions: SessionSpeed[];
  parser: ParseThroughput;
  bareCorpusMs: number;
  corpusWords: number;
  corpusRuns: (CorpusRun | string)[];
  /** The same corpus analysed several times over in one run, with the same job counts (none: not measured). */
  steadyRuns: (CorpusRun | string)[];
  hugeRuns: (HugeInputRun | string)[];
  benchMaxRssMB: number;
  bundles: BundleSizes;
  activation: ActivationRecord | string;
}

export function renderReport(figures: BenchFigures): string {
  const lines: string[] = [];
  lines.push(`Alliance Lens bench: ${figures.source}; best of ${figures.runs} runs per figure, each beside its goal.`);
  lines.push(`Load average when the bench ended: ${figures.loadAverage.map((load) => load.toFixed(2)).join(', ')} on ${figures.cores} cores.`, '');

  lines.push(`Cold analysis vs a bare compromise/two parse (nlp(text) per utterance, same utterances, same process; CPU time), ${figures.sessions.length} longest sessions:`);
  const header = ['session', 'utterances', 'words', 'bare parse', 'cold', 'cold/bare', 'one-utterance edit', 'edit/cold', 're-coded'];
  const rows = figures.sessions.map((session) => [session.name, String(session.utterances), count(session.words), ms(session.bareParseMs), ms(session.coldMs),
    (session.coldMs / session.bareParseMs).toFixed(2), ms(session.editMs), `${((session.editMs / session.coldMs) * 100).toFixed(2)}%`, String(session.editRecoded)]);
  const total = (pick: (session: SessionSpeed) => number) => figures.sessions.reduce((sum, session) => sum + pick(session), 0);
  const bare = total((session) => session.bareParseMs);
  const cold = total((session) => session.coldMs);
  rows.push(['all of them', String(total((session) => session.utterances)), count(total((session) => session.words)), ms(bare), ms(cold), (cold / bare).toFixed(2), '', '', '']);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  for (const row of [header, ...rows]) lines.push(`  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')}`);
  const worstCold = Math.max(...figures.sessions.map((session) => session.coldMs / session.bareParseMs));
  const worstEdit = Math.max(...figures.sessions.map((session) => session.editMs));
  const worstShare = Math.max(...figures.sessions.map((session) => session.editMs / session.coldMs));
  lines.push(`  cold/bare: ${(cold / bare).toFixed(2)} overall, worst session ${worstCold.toFixed(2)} (goal <= ${GOALS.coldRatio}): ${verdict(worstCold <= GOALS.coldRatio)}`);
  lines.push(`  one-utterance edit: worst ${ms(worstEdit)} (goal <= ${GOALS.editMs} ms): ${verdict(worstEdit <= GOALS.editMs)}; worst ${(worstShare * 100).toFixed(2)}% of cold (goal <= ${GOALS.editShare * 100}%): ${verdict(worstShare <= GOALS.editShare)}`);
  lines.push('');

  lines.push(`Parser throughput on labelled text (${(figures.parser.bytes / 1e6).toFixed(2)} MB, ${count(figures.parser.utterances)} utterances, median of ${figures.parser.runs}): ${figures.parser.mbPerSecond.toFixed(1)} MB/s`, '');

  const bareWordsPerSecond = figures.corpusWords / (figures.bareCorpusMs / 1000);
  const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
  lines.push(`Corpus throughput (${count(figures.corpusWords)} words). The machine may be shared, so the figures that count are CPU times: the`);
  lines.push('idle-machine time of a run is its busiest job thread, or its CPU over the cores if that is longer (V8\'s background');
  lines.push('threads, which optimise code and collect garbage for each thread that runs JavaScript, need cores too).');
  lines.push(`  bare single-thread compromise/two parse: ${count(bareWordsPerSecond)} words/s (${seconds(figures.bareCorpusMs)} CPU)`);
  const idle = new Map<number, number>();
  for (const run of figures.corpusRuns) {
    if (typeof run === 'string') {
      lines.push(`  ${run}`);
      continue;
    }
    const estimate = idleMachineMs(run, figures.cores);
    if (estimate !== null) idle.set(run.jobs, estimate);
    const jobThreads = run.jobThreadCpuMs.reduce((sum, value) => sum + value, 0);
    const threads = run.jobThreadCpuMs.length
      ? `job thread${run.jobThreadCpuMs.length === 1 ? '' : 's'} ${run.jobThreadCpuMs.map(seconds).join(' + ')}, V8 background and main thread ${seconds(run.cpuMs - jobThreads)}`
      : 'no per-thread figures on this platform';
    const ratio = estimate === null ? null : estimate / figures.bareCorpusMs;
    const goal = run.jobs === GOALS.corpusJobs
      ? ` (goal <= ${GOALS.corpusRatio}x: ${ratio === null ? 'not measured' : verdict(ratio <= GOALS.corpusRatio)}; peak RSS goal <= ${GOALS.peakRssMB} MB: ${verdict(run.maxRssMB <= GOALS.peakRssMB)})`
      : '';
    lines.push(`  analyze with ${run.jobs} job${run.jobs === 1 ? '' : 's'}: CPU ${seconds(run.cpuMs)} (${threads}); idle-machine time ${estimate === null ? 'unknown' : `${seconds(estimate)}, ${(ratio as number).toFixed(2)}x the bare parse`}; wall-clock ${seconds(run.ms)}; peak RSS ${run.maxRssMB.toFixed(0)} MB${run.failures ? `, ${run.failures} FAILED` : ''}${goal}`);
  }
  const one = idle.get(1);
  const many = idle.get(GOALS.corpusJobs);
  if (one !== undefined && many !== undefined) {
    const speedup = one / many;
    lines.push(`  ${GOALS.corpusJobs} jobs against 1: ${speedup.toFixed(2)}x the throughput (idle-machine times) (goal >= ${GOALS.jobSpeedup}x: ${verdict(speedup >= GOALS.jobSpeedup)})`);
    lines.push('  Why more jobs gain less on a small corpus: every worker is a V8 isolate that loads the engine and optimises');
    lines.push('  compromise\'s code for itself; that warm-up (the background CPU above, and slower first analyses) is paid once');
    lines.push('  per job, and one job already keeps a second core busy with it (README, Performance).');
  }
  if (figures.steadyRuns.length > 0) lines.push(...steadyStateLines(figures), '');
  lines.push(`  peak RSS of this bench process: ${figures.benchMaxRssMB.toFixed(0)} MB`, '');
  if (figures.hugeRuns.length > 0) lines.push(...hugeInputLines(figures.hugeRuns), '');

  if (figures.bundles.ok) {
    lines.push('Minified bundles (node esbuild.js --production into a temporary folder):');
    for (const { bundle, bytes } of figures.bundles.sizes) {
      const goal = bundle === 'extension.js' ? ` (goal <= ${GOALS.extensionKB} KB: ${verdict(bytes / 1000 <= GOALS.extensionKB)})` : '';
      lines.push(`  ${bundle.padEnd(22)} ${(bytes / 1000).toFixed(0).padStart(6)} KB${goal}`);
    }
  } else {
    lines.push(`Minified bundles: not measured: ${figures.bundles.reason}`);
  }
  lines.push('');
  const activation = figures.activation;
  lines.push(typeof activation === 'string'
    ? `activate() time: ${activation}`
    : `activate() time in the harness: ${ms(activation.activationMs)} (VS Code ${activation.vscodeVersion}, recorded ${activation.recordedAt}) (goal <= ${GOALS.activationMs} ms: ${verdict(activation.activationMs <= GOALS.activationMs)})`);
  return `${lines.join('\n')}\n`;
}

function hugeInputLines(runs: readonly (HugeInputRun | string)[]): string[] {
  const measured = runs.filter((run): run is HugeInputRun => typeof run !== 'string');
  const lines = [
    'Huge transcripts: analyze --format json --jobs 1 on one synthetic transcript (the samples repeated), a process each:',
    ...runs.map((run) => (typeof run === 'string'
      ? `  ${run}`
      : `  ${String(run.megabytes).padStart(3)} MB, ${count(run.utterances)} utterances: ${(run.ms / 1000).toFixed(1)} s, ${run.outputMB.toFixed(0)} MB of JSON written in pieces,`
        + ` peak RSS ${run.maxRssMB.toFixed(0)} MB (goal <= ${GOALS.peakRssMB} MB: ${verdict(run.maxRssMB <= GOALS.peakRssMB)})`)),
  ];
  if (measured.length >= 2) {
    const [smallest, largest] = [measured[0], measured[measured.length - 1]];
    const growth = (largest.maxRssMB - smallest.maxRssMB) / (largest.megabytes - smallest.megabytes);
    lines.push(`  growth: ${growth.toFixed(1)} MB of peak RSS per MB of transcript between ${smallest.megabytes} and ${largest.megabytes} MB`);
  }
  return lines;
}

/** The corpus analysed several times over: what thousands of sessions would see, and, from the difference with the
 * single pass, the throughput once every job has warmed up. Never the figure of the corpus itself. */
function steadyStateLines(figures: BenchFigures): string[] {
  const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
  const runs = figures.steadyRuns.filter((run): run is CorpusRun => typeof run !== 'string');
  const passes = runs[0]?.passes ?? 0;
  const lines = [`Steady state (NOT the figure of the corpus above): the same corpus analysed ${passes} times over in one run, as a corpus`
    + ` ${passes} times larger (${count(runs[0]?.words ?? 0)} words) would be:`];
  for (const run of figures.steadyRuns) if (typeof run === 'string') lines.push(`  ${run}`);
  const idle = new Map<number, { many: number; once: number | null }>();
  for (const run of runs) {
    const many = idleMachineMs(run, figures.cores);
    const single = figures.corpusRuns.find((candidate): candidate is CorpusRun => typeof candidate !== 'string' && candidate.jobs === run.jobs);
    const once = single ? idleMachineMs(single, figures.cores) : null;
    if (many === null) {
      lines.push(`  ${run.jobs} job${run.jobs === 1 ? '' : 's'}: no per-thread figures on this platform`);
      continue;
    }
    idle.set(run.jobs, { many, once });
    const perPass = once === null ? '' : `; beyond the first pass ${seconds((many - once) / (run.passes - 1))} a pass`;
    lines.push(`  ${run.jobs} job${run.jobs === 1 ? '' : 's'}: CPU ${seconds(run.cpuMs)}, job threads ${run.jobThreadCpuMs.map(seconds).join(' + ')}; idle-machine time`
      + ` ${seconds(many)}, ${(many / (figures.bareCorpusMs * run.passes)).toFixed(2)}x a bare parse of as much text${perPass}; peak RSS ${run.maxRssMB.toFixed(0)} MB${run.failures ? `, ${run.failures} FAILED` : ''}`);
  }
  const one = idle.get(1);
  const many = idle.get(GOALS.corpusJobs);
  if (one && many) {
    lines.push(`  ${GOALS.corpusJobs} jobs against 1 over ${passes} passes: ${(one.many / many.many).toFixed(2)}x the throughput`);
    if (one.once !== null && many.once !== null && passes > 1) {
      lines.push(`  ${GOALS.corpusJobs} jobs against 1 beyond the first pass (the warm-up left out): ${((one.many - one.once) / (many.many - many.once)).toFixed(2)}x`);
    }
  }
  return lines;
}
