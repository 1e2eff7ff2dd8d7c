// Writing a command's --out file without ever clobbering one of its inputs or leaving half a file behind.
import * as fs from 'fs';
import * as path from 'path';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar';
import { CODEBOOK_PATH, RULES_PATH } from '../core/configuration/discover';
import { writeFileAtomicallySync, type AtomicContent } from '../shared/atomic-write';
import { UsageError, type CliIo } from './command';
import { fileIdentity, wasReadAsInput } from './files';

/** Files that hold someone's work whether or not this command reads them: a transcript under review, a coder's
 * sidecar, a workspace codebook or rules file. An output never replaces one (a `.txt` may be a report, so only
 * the transcript formats that cannot be one are named). */
function holdsUsersWork(file: string): string | null {
  const normalised = path.resolve(file).split(path.sep).join('/').toLowerCase();
  if (normalised.endsWith(SIDECAR_SUFFIX)) return 'a coder\'s annotations (sidecar)';
  if (normalised.endsWith(`/${CODEBOOK_PATH}`) || normalised.endsWith(`/${RULES_PATH}`)) return 'a workspace codebook or rules file';
  if (['.transcript', '.vtt', '.srt'].some((extension) => normalised.endsWith(extension))) return 'a transcript';
  return null;
}

/** Refuses an output path that is an input (by identity, so links and other spellings count) or a directory. */
export function checkOutPath(out: string, inputs: readonly string[]): string | null {
  const identity = fileIdentity(out);
  if (identity === null) {
    // Checked before any work, so a typo in the folder does not cost a whole run.
    if (!fs.existsSync(path.dirname(path.resolve(out)))) throw new UsageError(`--out ${out}: the folder ${path.dirname(out)} does not exist`);
    const resolved = path.resolve(out);
    if (inputs.some((input) => path.resolve(input) === resolved)) throw new UsageError(`--out ${out} is one of the inputs; choose another path`);
    return null;
  }
  if (fs.statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a directory; give a file path`);
  if (inputs.some((input) => fileIdentity(input) === identity)) {
    throw new UsageError(`--out ${out} is one of the input transcripts and would be overwritten; choose another path`);
  }
  return identity;
}

/** Writes atomically (never a half-written output), and checks
 * again that the target has not become an input meanwhile, nor is any other file the command read on the way
 * (a codebook, a sidecar), which its caller may not have listed as an input. */
export function writeSafely(out: string, output: AtomicContent, identityAtStart: string | null): void {
  const identity = fileIdentity(out);
  if (identity !== identityAtStart) throw new Error(`${out} changed while the transcripts were analysed; nothing was written`);
  const read = identity === null ? null : wasReadAsInput(identity);
  if (read !== null) {
    throw new UsageError(`--out ${out} is ${read === out ? 'a file' : `${read}, a file`} this command reads (an input) and would be overwritten; nothing was written; choose another path`);
  }
  const work = identity === null ? null : holdsUsersWork(out);
  if (work) throw new UsageError(`--out ${out} is ${work} and would be overwritten; nothing was written; choose another path`);
  try {
    // Through a temporary file, flushed and renamed; the mode of a file replaced is kept, a link is written through,
    // and Ctrl-C or SIGTERM during the write leave no temporary file (see atomic-write.ts).
    writeFileAtomicallySync(out, output, { guardSignals: true });
  } catch (error) {
    throw new Error(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Produces a command's output in pieces (see formats/json-stream.ts). */
export type OutputWriter = (sink: (text: string) => void) => void;

/** Writes the output to --out (atomically, piece by piece, then says what it holds on standard error) or to
 * standard output. */
export function deliverOutput(target: { out?: string; outIdentity: string | null; prefix: string }, io: CliIo, output: OutputWriter, holds: string): void {
  if (target.out) {
    writeSafely(target.out, output, target.outIdentity);
    io.stderr(`${target.prefix}: wrote ${holds} to ${target.out}\n`);
  } else {
    output(io.stdout);
  }
}
