import type { CliCommand } from '../command';
import { analyzeCommand } from './analyze';
import { evalCommand } from './eval';
import { explainIndexCommand } from './explain-index';

/** Every subcommand, in the order `--help` lists them. Add one line per command. */
export const commands: CliCommand[] = [
  analyzeCommand,
  evalCommand,
  explainIndexCommand,
];
