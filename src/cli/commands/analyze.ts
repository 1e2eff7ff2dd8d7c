// `alliance-lens analyze FILE|DIR… [--format NAME] [--out PATH]`: analyses transcripts and prints the result.
import { analyseAndWrite, STREAM_FROM_BYTES } from '../collect-analyses';
import { parseCommandArgs, UsageError, type CliCommand, type CliIo } from '../command';
import { ENGINE_ARGUMENTS, ENGINE_USAGE } from '../engine-options';
import { TRANSCRIPT_EXTENSIONS } from '../files';
import { OUTPUT_FORMATS, outputFormat } from '../formats';
import { defaultJobCount, WORKER_THRESHOLD_BYTES } from '../jobs/pool';
import { parseShard } from '../shard';

const PREFIX = 'alliance-lens analyze';

const usage = () => [
  'Usage: alliance-lens analyze FILE|DIR... [--format FORMAT] [--out PATH] [--jobs N] [--shard K/N]',
  '       [--rules PATH] [--disable-rule ID]...',
  '',
  'Analyses psychotherapy transcripts: speakers and roles, the therapist\'s collaborative and directive language,',
  'and a session summary. Formats read: labelled lines ("T: ...", "[00:01:05] Dr. Lee: ..."), WebVTT, SRT and',
  'Otter.ai exports. Everything runs locally.',
  '',
  'Arguments:',
  `  FILE|DIR           transcripts to read; directories are searched for ${TRANSCRIPT_EXTENSIONS.join(' ')} files`,
  '                     (hidden folders and node_modules are skipped, symbolic links to folders are not followed)',
  '',
  'Options:',
  '  -f, --format FORMAT  output format:',
  ...OUTPUT_FORMATS.map((format) => `                         ${format.name.padEnd(9)} ${format.description}`),
  '  -o, --out PATH       write the output to PATH instead of standard output; PATH may not be one of the inputs',
  `  -j, --jobs N         analyse N files at a time on worker threads (default: ${defaultJobCount()}, the number of cores, or 1`,
  `                       for less than ${WORKER_THRESHOLD_BYTES / 1024} KB of transcripts); the output is the same for every N;`,
  '                       progress goes to standard error on long runs',
  '  -s, --shard K/N      analyse only share K of N (1 <= K <= N) of the files found, for N machines or a job array:',
  '                       a file\'s share is a hash of its path below the folder holding every file found, so it is',
  '                       the same on any machine; the N outputs (--format jsonl) concatenate, and',
  '                       `alliance-lens merge` turns them into the summary CSV or the trends report',
  ...ENGINE_USAGE,
  '  -h, --help           show this help',
  '',
  'Warnings about a transcript go to standard error as "file:line: message".',
  'Exit status: 0 when every file was read (even with warnings); 1 when a file could not be read or was refused',
  '(missing, unreadable, binary, not a regular file, over 100 MB); 2 for bad arguments.',
].join('\n');

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'analyse transcripts and print a table, JSON or CSV',
  get usage() {
    return usage();
  },
  async run(args: string[], io: CliIo): Promise<number> {
    const options = readOptions(args);
    return analyseAndWrite({ ...options, prefix: PREFIX, streamFromBytes: STREAM_FROM_BYTES }, io, (analyses, sink) => options.format.write(analyses, sink), { one: 'analysis', many: 'analyses' });
  },
};

function readOptions(args: string[]) {
  const parsed = parseCommandArgs(args, { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, jobs: { type: 'string', short: 'j' }, shard: { type: 'string', short: 's' }, help: { type: 'boolean', short: 'h' }, ...ENGINE_ARGUMENTS });
  const formatName = parsed.values.format ?? 'table';
  const format = outputFormat(formatName);
  if (!format) throw new UsageError(`unknown format '${formatName}': choose ${OUTPUT_FORMATS.map((f) => f.name).join(', ')}`);
  if (parsed.positionals.length === 0) throw new UsageError('give at least one transcript file or directory');
  if (parsed.values.out === '') throw new UsageError('--out needs a path');
  const jobs = parsed.values.jobs === undefined ? undefined : Number(parsed.values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(`--jobs needs a whole number of at least 1, got '${parsed.values.jobs}'`);
  const shard = parsed.values.shard === undefined ? undefined : parseShard(parsed.values.shard);
  return { inputs: parsed.positionals, format, out: parsed.values.out, jobs, shard, engine: parsed.values };
}

