// `alliance-lens bench [--annomi PATH] [--jobs N] [--runs N]`: the performance figures, each beside its
// goal. Prints figures only; tests never assert timings.
import * as os from 'os';
import { measureParseThroughput } from '../bench/throughput';
import { parseCommandArgs, UsageError, type CliCommand, type CliIo } from '../command';
import { defaultJobCount } from '../jobs/pool';
import { corpusRun, corpusRunInChild, sessionsFromStandardInput } from '../bench/corpus-run';
import { HUGE_INPUT_MB, hugeInputRun, hugeInputRunInChild } from '../bench/huge-input';
import { minifiedBundleSizes, recordedActivation } from '../bench/environment';
import { renderReport } from '../bench/report';
import { annoMiSessions, longest, sampleSessions, type BenchSession } from '../bench/sessions';

const LONGEST_SESSIONS = 6;
const STEADY_STATE_PASSES = 4;

const usage = [
  'Usage: alliance-lens bench [--annomi PATH/AnnoMI-full.csv] [--jobs N] [--runs N] [--passes N] [--huge-sizes LIST]',
  '',
  'Measures Alliance Lens and prints each figure beside its goal: cold analysis against a bare compromise/two parse',
  `of the same utterances (the ${LONGEST_SESSIONS} longest sessions), a one-utterance edit, parser throughput, corpus throughput`,
  'with 1 and N jobs, peak memory, peak memory on huge synthetic transcripts, minified bundle sizes and the',
  'activate() time the editor harness recorded.',
  '',
  'Options:',
  '  --annomi PATH  measure on AnnoMI (read-only, never copied); without it the bundled samples are used',
  `  --jobs N       jobs for the second corpus run (default: ${defaultJobCount()}, the number of cores)`,
  '  --runs N       runs per timed figure, the best one counts (default 3)',
  `  --passes N     also analyse the corpus N times over in one run, with 1 and N jobs: the steady-state throughput of a`,
  `                 corpus N times larger, where each job's warm-up counts for less (default ${STEADY_STATE_PASSES}; 1 skips it)`,
  `  --huge-sizes LIST  sizes in MB of the synthetic transcripts whose peak memory is measured, each in a process of`,
  `                 its own (default: ${HUGE_INPUT_MB.join(',')}; e.g. 1,10 to skip the slowest; none to skip them all)`,
  '  -h, --help     show this help',
].join('\n');

function readOptions(args: string[]) {
  const parsed = parseCommandArgs(args, {
        annomi: { type: 'string' }, jobs: { type: 'string' }, runs: { type: 'string' }, passes: { type: 'string' }, 'corpus-run': { type: 'boolean' },
        'huge-sizes': { type: 'string' }, 'huge-run': { type: 'string' },
      }, false);
  const whole = (value: string | undefined, fallback: number, name: string) => {
    const number = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(number) || number < 1) throw new UsageError(`--${name} needs a whole number of at least 1, got '${value}'`);
    return number;
  };
  return {
    annomi: parsed.values.annomi,
    jobs: whole(parsed.values.jobs, defaultJobCount(), 'jobs'),
    runs: whole(parsed.values.runs, 3, 'runs'),
    passes: whole(parsed.values.passes, STEADY_STATE_PASSES, 'passes'),
    corpusRun: parsed.values['corpus-run'] === true,
    hugeSizes: hugeSizes(parsed.values['huge-sizes']),
    hugeRun: parsed.values['huge-run'],
  };
}

function hugeSizes(value: string | undefined): number[] {
  if (value === undefined) return HUGE_INPUT_MB;
  if (value.trim() === 'none') return [];
  const sizes = value.split(',').map((size) => Number(size.trim()));
  if (sizes.some((size) => !Number.isFinite(size) || size <= 0 || size > 100)) {
    throw new UsageError(`--huge-sizes needs sizes in MB between 0 and 100 separated by commas, or none, got '${value}'`);
  }
  return sizes;
}

function loadSessions(annomi: string | undefined): BenchSession[] {
  return annomi ? annoMiSessions(annomi) : sampleSessions();
}

export const benchCommand: CliCommand = {
  name: 'bench',
  summary: 'measure analysis speed, memory, bundle sizes and activation against the performance goals',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const options = readOptions(args);
    if (options.corpusRun) {
      // Internal: one corpus run in a process of its own (see bench/corpus-run.ts).
      io.stdout(`${JSON.stringify(await corpusRun(sessionsFromStandardInput(), options.jobs, options.passes))}\n`);
      return 0;
    }
    if (options.hugeRun !== undefined) {
      // Internal: one huge transcript analysed in a process of its own (see bench/huge-input.ts).
      io.stdout(`${JSON.stringify(await hugeInputRun(options.hugeRun))}\n`);
      return 0;
    }
    // Loaded here, not with the command: the corpus run above must not hold compromise in its main thread, or its
    // peak memory would count an engine that `analyze --jobs N` does not load there.
    const { bareParseCorpusMs, measureSession } = await import('../bench/analysis-speed');
    const sessions = loadSessions(options.annomi);
    const source = options.annomi ? `AnnoMI (${sessions.length} sessions)` : `the bundled samples (${sessions.length} sessions; give --annomi PATH for the real figures)`;
    const cores = os.availableParallelism?.() ?? os.cpus().length;
    io.stderr(`alliance-lens bench: measuring ${source} on ${cores} cores...\n`);
    const chosen = longest(sessions, LONGEST_SESSIONS);
    const speeds = chosen.map((session) => measureSession(session, options.runs));
    const parser = measureParseThroughput(chosen.map((session) => session.text).join(''), { minMs: 500, minRuns: 5 });
    const bareCorpusMs = bareParseCorpusMs(sessions);
    const jobCounts = [...new Set([1, options.jobs])];
    const corpusRuns = jobCounts.map((jobs) => corpusRunInChild(sessions, jobs));
    const steadyRuns = options.passes > 1 ? jobCounts.map((jobs) => corpusRunInChild(sessions, jobs, options.passes)) : [];
    const hugeRuns = options.hugeSizes.map((megabytes) => hugeInputRunInChild(megabytes));
    io.stdout(renderReport({
      source, cores, loadAverage: os.loadavg(), runs: options.runs, sessions: speeds, parser, bareCorpusMs,
      corpusWords: sessions.reduce((sum, session) => sum + session.words, 0), corpusRuns, steadyRuns, hugeRuns,
      benchMaxRssMB: process.resourceUsage().maxRSS / 1024, bundles: minifiedBundleSizes(), activation: recordedActivation(),
    }));
    return 0;
  },
};
