import type { CliCommand } from '../command';
import { agreeCommand } from './agree';
import { analyzeCommand } from './analyze';
import { benchCommand } from './bench';
import { evalCommand } from './eval';
import { explainIndexCommand } from './explain-index';
import { exportCommand } from './export';

/** Every subcommand, in the order `--help` lists them. Add one line per command. */
export const commands: CliCommand[] = [
  analyzeCommand,
  evalCommand,
  explainIndexCommand,
  exportCommand,
  agreeCommand,
  benchCommand,
];
