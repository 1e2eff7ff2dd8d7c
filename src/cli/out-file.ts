// Writing a command's --out file without ever clobbering one of its inputs or leaving half a file behind.
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomicallySync } from '../shared/atomic-write';
import { UsageError } from './command';
import { fileIdentity, wasReadAsInput } from './files';

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
export function writeSafely(out: string, output: string | Uint8Array, identityAtStart: string | null): void {
  const identity = fileIdentity(out);
  if (identity !== identityAtStart) throw new Error(`${out} changed while the transcripts were analysed; nothing was written`);
  const read = identity === null ? null : wasReadAsInput(identity);
  if (read !== null) {
    throw new UsageError(`--out ${out} is ${read === out ? 'a file' : `${read}, a file`} this command reads (an input) and would be overwritten; nothing was written; choose another path`);
  }
  try {
    // Through a temporary file, flushed and renamed; the mode of a file replaced is kept, a link is written through,
    // and Ctrl-C or SIGTERM during the write leave no temporary file (see atomic-write.ts).
    writeFileAtomicallySync(out, output, { guardSignals: true });
  } catch (error) {
    throw new Error(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
