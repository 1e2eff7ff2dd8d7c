// `alliance-lens import PROJECT.qdpx`: a REFI-QDA project's coding into the sidecars of the transcripts it matches.
import * as fs from 'fs';
import { parseArgs } from 'util';
import { readQdpx } from '../../core/annotations/qdpx-read';
import { QDPX_LIMITS } from '../../core/annotations/qdpx-zip';
import { InputError } from '../annotation-files';
import { UsageError, type CliCommand } from '../command';
import { readInputBytes } from '../files';
import { importIntoFolder } from '../qdpx-import-files';

const usage = `Usage: alliance-lens import PROJECT.qdpx [--into DIR] [--add-codes] [--dry-run]

Imports a REFI-QDA project (from NVivo, MAXQDA, ATLAS.ti, QualCoder or Alliance Lens) into the transcripts of DIR
(default: the current folder). Each text source of the project is matched to a transcript by identical text (line
endings aside), else by file name. Its codings become human codes of their users, and its notes become memos or
comments, in the transcripts' <transcript>.alliance.json sidecars. The import only adds: nothing is changed or
removed, and an item already there is not added twice. Transcripts themselves are never written.
  --into DIR     the folder whose transcripts (searched recursively) receive the coding
  --add-codes    add codes the workspace codebook lacks to .alliance-lens/codebook.json; without it, their
                 codings are listed as not imported
  --dry-run      report what would be imported; write nothing
Codings that cannot be placed are listed. The codings of "Alliance Lens (automatic)" are not imported: the engine
recomputes them.
Exit status: 0 when the project was imported (even if some codings are listed as not placed); 1 when the project
or a sidecar is invalid, or no source matches a transcript (nothing is written); 2 for bad arguments.`;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import a REFI-QDA project (.qdpx): its codings and notes into the transcripts\' sidecars',
  usage,
  async run(args, io) {
    const options = readOptions(args);
    const fail = (message: string) => {
      io.stderr(`${message}\nalliance-lens import: nothing was written\n`);
      return 1;
    };
    try {
      let size: number;
      try {
        size = fs.statSync(options.project).size;
      } catch (error) {
        return fail(`cannot read ${options.project}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      if (size > QDPX_LIMITS.totalBytes) return fail(`${options.project} is ${size} bytes, larger than a project this tool reads (${QDPX_LIMITS.totalBytes})`);
      const read = readQdpx(readInputBytes(options.project));
      if (!read.ok) return fail(`${options.project} is refused:\n${read.problems.map((problem) => `  ${problem}`).join('\n')}`);
      const { result, written } = importIntoFolder(read.project, options.into, { addCodes: options.addCodes, dryRun: options.dryRun });
      const lines: string[] = [];
      for (const ignored of read.project.ignored) lines.push(`not imported: ${ignored} (only text sources are read)`);
      for (const source of result.unmatchedSources) lines.push(`not imported: source ${source}`);
      if (result.unknownCodes.length) lines.push(`codes not in the workspace codebook (rerun with --add-codes to add them): ${result.unknownCodes.map((name) => `"${name}"`).join(', ')}`);
      for (const item of result.unplaced) lines.push(`not placed: ${item}`);
      if (result.automaticSkipped) lines.push(`${result.automaticSkipped} automatic coding(s) of "Alliance Lens (automatic)" skipped: the engine recomputes them`);
      if (result.alreadyPresent) lines.push(`${result.alreadyPresent} item(s) already in the sidecars, not added again`);
      for (const entry of result.sidecars) lines.push(`${entry.transcript.path ?? entry.transcript.name}: ${entry.codes} coded segment(s), ${entry.comments} comment thread(s)`);
      if (result.addedCodes.length) lines.push(`codes added to the codebook: ${result.addedCodes.join(', ')}`);
      if (result.sidecars.length === 0 && result.unmatchedSources.length === read.project.sources.length && read.project.sources.length > 0) {
        return fail([...lines, `no source of ${options.project} matches a transcript in ${options.into}`].join('\n'));
      }
      lines.push(options.dryRun ? `dry run: would write ${written.length} file(s)` : `wrote ${written.length} file(s)${written.length ? `: ${written.join(', ')}` : ''}`);
      io.stdout(`${lines.join('\n')}\n`);
      return 0;
    } catch (error) {
      if (error instanceof InputError) return fail(error.message);
      throw error;
    }
  },
};

function readOptions(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true, strict: true,
      options: { into: { type: 'string' }, 'add-codes': { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length !== 1) throw new UsageError('give exactly one PROJECT.qdpx');
  if (parsed.values.into === '') throw new UsageError('--into needs a folder');
  const into = parsed.values.into ?? '.';
  if (!fs.existsSync(into) || !fs.statSync(into).isDirectory()) throw new UsageError(`--into ${into} is not a folder`);
  return { project: parsed.positionals[0]!, into, addCodes: Boolean(parsed.values['add-codes']), dryRun: Boolean(parsed.values['dry-run']) };
}
