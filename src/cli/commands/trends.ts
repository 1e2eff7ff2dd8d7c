// `alliance-lens trends PATH… [--group-by KEY] [--format NAME] [--out PATH] [--jobs N]`: a trainee's sessions over
// time. Analyses like `analyze` (same file discovery and job pool), then groups and orders the sessions.
import { DEFAULT_GROUP_KEY } from '../../core/trends/trends';
import { wholeAnalyses } from '../analysis-source';
import { analyseAndWrite } from '../collect-analyses';
import { parseCommandArgs, UsageError, type CliCommand, type CliIo } from '../command';
import { ENGINE_ARGUMENTS, ENGINE_USAGE } from '../engine-options';
import { TRANSCRIPT_EXTENSIONS } from '../files';
import { TRENDS_FORMATS, trendsFormat } from '../formats/trends';
import { defaultJobCount } from '../jobs/pool';
import { renderTrends } from '../trends-output';

const PREFIX = 'alliance-lens trends';

const usage = () => [
  'Usage: alliance-lens trends PATH... [--group-by KEY] [--format FORMAT] [--out PATH] [--jobs N]',
  '       [--rules PATH] [--disable-rule ID]...',
  '',
  'Follows sessions over time, e.g. a trainee\'s: analyses every transcript under the paths, groups the sessions by',
  'a front-matter key and orders them by date, then session number, then file name, with each score\'s change',
  'since the previous session. Everything runs locally.',
  '',
  'Arguments:',
  `  PATH               transcripts, or directories searched for ${TRANSCRIPT_EXTENSIONS.join(' ')} files`,
  '',
  'Options:',
  `  -g, --group-by KEY   front-matter key to group by (default: ${DEFAULT_GROUP_KEY}); a session without it is grouped`,
  '                       by its therapist speaker\'s label',
  '  -f, --format FORMAT  output format:',
  ...TRENDS_FORMATS.map((format) => `                         ${format.name.padEnd(9)} ${format.description}`),
  '  -o, --out PATH       write the output to PATH instead of standard output; PATH may not be one of the inputs',
  `  -j, --jobs N         analyse N files at a time on worker threads (default: ${defaultJobCount()}, or 1 for little text)`,
  ...ENGINE_USAGE,
  '  -h, --help           show this help',
  '',
  'Session metadata comes from front matter (date: YYYY-MM-DD, session: N, therapist:, client:); without a date',
  'there, a YYYY-MM-DD in the file name is used. Warnings go to standard error.',
  'Exit status: 0 when every file was read; 1 when a file could not be read; 2 for bad arguments.',
].join('\n');

export const trendsCommand: CliCommand = {
  name: 'trends',
  summary: 'follow a trainee\'s sessions over time: scores, changes, charts',
  get usage() {
    return usage();
  },
  async run(args: string[], io: CliIo): Promise<number> {
    const options = readOptions(args);
    return analyseAndWrite({ ...options, prefix: PREFIX }, io, (analyses, sink) => sink(renderTrends([...wholeAnalyses(analyses)], options.format, options.groupBy, io)), { one: 'session', many: 'sessions' });
  },
};

function readOptions(args: string[]) {
  const parsed = parseCommandArgs(args, {
        'group-by': { type: 'string', short: 'g' }, format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' },
        jobs: { type: 'string', short: 'j' }, help: { type: 'boolean', short: 'h' }, ...ENGINE_ARGUMENTS,
      });
  const formatName = parsed.values.format ?? 'table';
  const format = trendsFormat(formatName);
  if (!format) throw new UsageError(`unknown format '${formatName}': choose ${TRENDS_FORMATS.map((f) => f.name).join(', ')}`);
  if (parsed.positionals.length === 0) throw new UsageError('give at least one transcript file or directory');
  if (parsed.values.out === '') throw new UsageError('--out needs a path');
  const groupBy = (parsed.values['group-by'] ?? DEFAULT_GROUP_KEY).trim();
  if (groupBy === '') throw new UsageError('--group-by needs a front-matter key, e.g. therapist or client');
  const jobs = parsed.values.jobs === undefined ? undefined : Number(parsed.values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(`--jobs needs a whole number of at least 1, got '${parsed.values.jobs}'`);
  return { inputs: parsed.positionals, format, out: parsed.values.out, jobs, groupBy, engine: parsed.values };
}
