// The shape of one `alliance-lens` subcommand. Each lives in src/cli/commands/<name>.ts and is listed once in
// src/cli/commands/index.ts.
import { parseArgs, type ParseArgsConfig } from 'util';
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliCommand {
  name: string;
  /** One line for `alliance-lens --help`. */
  summary: string;
  /** Full usage text for `alliance-lens <name> --help`. */
  usage: string;
  /** Returns the process exit code: non-zero only for unreadable files or bad arguments. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Thrown for bad arguments; main prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {}

/** util.parseArgs in strict mode, its complaints (an unknown option, a missing value) turned into usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
