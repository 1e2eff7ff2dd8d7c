// `alliance-lens merge FILE… [--format NAME] [--out PATH]`: combines the outputs of `analyze --shard K/N` (JSON
// Lines, or JSON) into one output, written by the same format code as `analyze` and `trends`, so the result is
// byte for byte what one run over every file prints.
import { DEFAULT_GROUP_KEY } from '../../core/trends/trends';
import type { Analysis } from '../../core/types';
import { readAnalyses } from '../analysis-records';
import { parseCommandArgs, UsageError, type CliCommand, type CliIo } from '../command';
import { OUTPUT_FORMATS, outputFormat } from '../formats';
import { TRENDS_FORMATS, trendsFormat } from '../formats/trends';
import { checkOutPath, deliverOutput, type OutputWriter } from '../out-file';
import { renderTrends } from '../trends-output';
import { compareWalkOrder } from '../files';

const PREFIX = 'alliance-lens merge';
const TRENDS_PREFIX = 'trends-';
const DEFAULT_FORMAT = 'summary';

const usage = [
  'Usage: alliance-lens merge FILE... [--format FORMAT] [--out PATH] [--group-by KEY]',
  '',
  'Combines the outputs of `alliance-lens analyze --shard K/N --format jsonl` (or --format json) into one: the',
  'per-file summary CSV, the trends report, or any other analyze format. The result is byte for byte what a single',
  '`analyze` or `trends` run over all the files prints: files are put in the order analyze finds them in one folder',
  '(by path, folder by folder), whatever order the shards finished in. Nothing is analysed again.',
  '',
  'Arguments:',
  '  FILE               outputs of analyze: JSON Lines (one Analysis per line; concatenated shards are fine) or JSON',
  '',
  'Options:',
  `  -f, --format FORMAT  output format (default: ${DEFAULT_FORMAT}):`,
  ...OUTPUT_FORMATS.map((format) => `                         ${format.name.padEnd(16)} ${format.description}`),
  ...TRENDS_FORMATS.map((format) => `                         ${`${TRENDS_PREFIX}${format.name}`.padEnd(16)} trends: ${format.description}`),
  '  -o, --out PATH       write the output to PATH instead of standard output; PATH may not be one of the inputs',
  `  -g, --group-by KEY   for the trends formats: front-matter key to group by (default: ${DEFAULT_GROUP_KEY})`,
  '  -h, --help           show this help',
  '',
  'A file that appears in more than one input is refused (merge each shard once). Warnings about transcripts were',
  'printed by analyze and are not repeated.',
  'Exit status: 0 on success; 1 when an input cannot be read or holds something other than analyses (nothing is',
  'written then, so a missing shard never passes for a complete result); 2 for bad arguments.',
].join('\n');

type MergeFormat =
  | { kind: 'analyses'; write: (analyses: readonly Analysis[], sink: (text: string) => void) => void }
  | { kind: 'trends'; format: NonNullable<ReturnType<typeof trendsFormat>> };

function mergeFormat(name: string): MergeFormat | undefined {
  if (name.startsWith(TRENDS_PREFIX)) {
    const format = trendsFormat(name.slice(TRENDS_PREFIX.length));
    return format && { kind: 'trends', format };
  }
  const format = outputFormat(name);
  return format && { kind: 'analyses', write: format.write };
}

export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: 'combine shard outputs of analyze (JSON Lines) into the summary CSV or the trends report',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const options = readOptions(args);
    const outIdentity = options.out ? checkOutPath(options.out, options.inputs) : null;
    const analyses: Analysis[] = [];
    const source = new Map<string, string>();
    for (const input of options.inputs) {
      const read = readAnalyses(input);
      if (!read.ok) {
        io.stderr(`${PREFIX}: ${read.error}; nothing was written\n`);
        return 1;
      }
      for (const analysis of read.analyses) {
        const earlier = source.get(analysis.file);
        if (earlier !== undefined) {
          io.stderr(`${PREFIX}: ${analysis.file} is in ${earlier === input ? `${input} twice` : `both ${earlier} and ${input}`}; merge each shard's output once; nothing was written\n`);
          return 1;
        }
        source.set(analysis.file, input);
        analyses.push(analysis);
      }
    }
    analyses.sort((a, b) => compareWalkOrder(a.file, b.file));
    const format = options.format;
    const output: OutputWriter = format.kind === 'trends'
      ? (sink) => sink(renderTrends(analyses, format.format, options.groupBy, io))
      : (sink) => format.write(analyses, sink);
    deliverOutput({ out: options.out, outIdentity, prefix: PREFIX }, io, output, `${analyses.length} ${analyses.length === 1 ? 'file' : 'files'}`);
    return 0;
  },
};

function readOptions(args: string[]) {
  const parsed = parseCommandArgs(args, { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, 'group-by': { type: 'string', short: 'g' }, help: { type: 'boolean', short: 'h' } });
  const formatName = parsed.values.format ?? DEFAULT_FORMAT;
  const format = mergeFormat(formatName);
  if (!format) {
    const names = [...OUTPUT_FORMATS.map((f) => f.name), ...TRENDS_FORMATS.map((f) => `${TRENDS_PREFIX}${f.name}`)];
    throw new UsageError(`unknown format '${formatName}': choose ${names.join(', ')}`);
  }
  if (parsed.positionals.length === 0) throw new UsageError('give at least one output of alliance-lens analyze (--format jsonl or json)');
  if (parsed.values.out === '') throw new UsageError('--out needs a path');
  const groupBy = (parsed.values['group-by'] ?? DEFAULT_GROUP_KEY).trim();
  if (groupBy === '') throw new UsageError('--group-by needs a front-matter key, e.g. therapist or client');
  if (parsed.values['group-by'] !== undefined && format.kind !== 'trends') throw new UsageError('--group-by applies to the trends formats only (trends-table, trends-json, ...)');
  return { inputs: parsed.positionals, format, out: parsed.values.out, groupBy };
}
