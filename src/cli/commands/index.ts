import type { CliCommand } from '../command';
import { explainIndexCommand } from './explain-index';

/** Every subcommand, in the order `--help` lists them. Add one line per command. */
export const commands: CliCommand[] = [
  explainIndexCommand,
];
