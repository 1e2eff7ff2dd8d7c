// `alliance-lens export`: what people coded, per utterance (CSV for R, SPSS or Excel), as the Markdown supervision
// report with the supervisor's comments, or the codebook as a REFI-QDA .qdc file.
import * as path from 'path';
import { Analyzer } from '../../core/analyzer';
import { mergeCodebook } from '../../core/annotations/codebook';
import { codersIn } from '../../core/annotations/human-codes';
import { exportQdc } from '../../core/annotations/qdc';
import { utteranceTable } from '../../core/annotations/utterance-table';
import { toCsv } from '../../core/csv';
import { InputError, orphanWarning, readCodedTranscript, readWorkspaceCodebook, type CodedTranscript } from '../annotation-files';
import { markdownReport } from '../../core/reports/markdown';
import { commentsSection } from '../../core/reports/annotations';
import { humanCodingSection } from '../../core/reports/human-coding';
import { parseCommandArgs, UsageError, type CliCommand } from '../command';
import { checkOutPath, writeSafely } from '../out-file';
import { exportQdpxFiles } from '../qdpx-export-files';

const FORMATS = ['csv', 'markdown', 'qdc', 'qdpx'] as const;
type ExportFormat = (typeof FORMATS)[number];
const UTF8_BOM = '\uFEFF';

const usage = `Usage: alliance-lens export FILE... [--format csv|markdown|qdc|qdpx] [--bom] [--auto] [--out PATH] [--codebook PATH]

Exports human coding. FILE is a transcript or its <transcript>.alliance.json sidecar.
  --format csv       one row per utterance: file, index, line, speaker, role, timestamp, text, automatic codes,
                     human codes (one column per coder), reviews of automatic codes, comments (RFC 4180; default)
  --format markdown  the supervision report of each transcript, with the supervisor's comments
  --format qdc       the codebook (built-in codes and .alliance-lens/codebook.json) as a REFI-QDA codebook; FILE
                     is optional and only says where to look for the codebook
  --format qdpx      a REFI-QDA project for NVivo, MAXQDA, ATLAS.ti or QualCoder: the transcripts (FILE or DIR)
                     with every human code, coder, memo and comment, speakers as cases, front matter as
                     variables; needs --out
  --auto             (qdpx) also export the automatic codes, under the user "Alliance Lens (automatic)"
  --bom              start the CSV with a UTF-8 byte-order mark, so Excel reads accents correctly
  --out PATH         write to PATH (never one of the inputs) instead of standard output
  --codebook PATH    the codebook.json to use (default: the nearest .alliance-lens/codebook.json)
Exit status: 0 on success; 1 when a file cannot be read or a sidecar or codebook is invalid (nothing is written);
2 for bad arguments.`;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export human codes (CSV per utterance), the report with comments (Markdown) or the codebook (REFI-QDA)',
  usage,
  async run(args, io) {
    const options = readOptions(args);
    try {
      const files = options.files;
      let output: string | Uint8Array;
      let inputs: string[] = [];
      if (options.format === 'qdpx') {
        if (!options.out) throw new UsageError('--format qdpx writes a zip archive: give --out PROJECT.qdpx');
        if (files.length === 0) throw new UsageError('give at least one transcript or folder');
        const project = exportQdpxFiles(files, { out: options.out, automatic: options.auto, codebook: options.codebook });
        for (const warning of project.warnings) io.stderr(`alliance-lens export: ${warning}\n`);
        output = project.bytes;
        inputs = project.inputs;
      } else if (options.format === 'qdc') {
        const codebook = readWorkspaceCodebook(files[0] ? path.dirname(files[0]) : process.cwd(), options.codebook);
        output = exportQdc(mergeCodebook(codebook));
      } else {
        if (files.length === 0) throw new UsageError('give at least one transcript or sidecar');
        const analyzer = new Analyzer();
        const coded = files.map((file) => readCodedTranscript(file, analyzer));
        inputs = coded.flatMap((item) => [item.transcriptPath, item.sidecarPath]);
        for (const item of coded) {
          if (!item.sidecar) io.stderr(`alliance-lens export: ${item.sidecarPath} does not exist; exporting the automatic codes only\n`);
          const warning = orphanWarning(item.sidecarPath, item.orphaned);
          if (warning) io.stderr(warning);
        }
        output = options.format === 'csv' ? csvExport(coded, options.bom) : coded.map(markdownWithComments).join('\n---\n\n');
      }
      if (options.out) {
        writeSafely(options.out, output, checkOutPath(options.out, inputs));
        io.stderr(`alliance-lens export: wrote ${options.out}\n`);
      } else if (typeof output === 'string') {
        io.stdout(output);
      }
      return 0;
    } catch (error) {
      if (error instanceof InputError) {
        io.stderr(`${error.message}\nalliance-lens export: nothing was written\n`);
        return 1;
      }
      throw error;
    }
  },
};

function readOptions(args: string[]) {
  const parsed = parseCommandArgs(args, { format: { type: 'string', short: 'f' }, bom: { type: 'boolean' }, auto: { type: 'boolean' }, out: { type: 'string', short: 'o' }, codebook: { type: 'string' } });
  const format = (parsed.values.format ?? 'csv') as ExportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${format}': choose ${FORMATS.join(', ')}`);
  if (parsed.values.bom && format !== 'csv') throw new UsageError('--bom applies to --format csv only');
  if (parsed.values.auto && format !== 'qdpx') throw new UsageError('--auto applies to --format qdpx only');
  if (parsed.values.out === '') throw new UsageError('--out needs a path');
  return { files: parsed.positionals, format, bom: Boolean(parsed.values.bom), auto: Boolean(parsed.values.auto), out: parsed.values.out, codebook: parsed.values.codebook };
}

/** One table for all files, with a column for every coder of any of them, so the rows line up. */
function csvExport(coded: readonly CodedTranscript[], bom: boolean): string {
  const coders = [...new Set(coded.flatMap((item) => (item.sidecar ? codersIn(item.sidecar) : [])))];
  const metadataKeys = [...new Set(coded.flatMap((item) => Object.keys(item.analysis.metadata ?? {})))];
  const tables = coded.map((item) => utteranceTable(item.analysis, item.sidecar, coders, metadataKeys));
  const csv = toCsv(tables[0]?.header ?? [], tables.flatMap((table) => table.rows));
  return bom ? UTF8_BOM + csv : csv;
}

function markdownWithComments(item: CodedTranscript): string {
  const sections = item.sidecar ? [humanCodingSection(item.analysis, item.sidecar), commentsSection(item.analysis, item.sidecar)] : [];
  return markdownReport(item.analysis, sections.filter((section) => section !== null));
}
