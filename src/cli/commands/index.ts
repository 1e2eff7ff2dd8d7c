import type { CliCommand } from '../command';

/** A subcommand's name, and how to load it: a command is loaded only when it runs (or for --help), so no command
 * pays for another's imports. This keeps compromise out of `analyze --jobs N`'s main thread, which only hands files
 * to its workers, while eval, export and bench import the engine. */
export interface CommandEntry {
  name: string;
  load(): Promise<CliCommand>;
}

/** Every subcommand, in the order `--help` lists them. Add one line per command. */
export const commands: readonly CommandEntry[] = [
  { name: 'analyze', load: async () => (await import('./analyze')).analyzeCommand },
  { name: 'trends', load: async () => (await import('./trends')).trendsCommand },
  { name: 'merge', load: async () => (await import('./merge')).mergeCommand },
  { name: 'eval', load: async () => (await import('./eval')).evalCommand },
  { name: 'explain-index', load: async () => (await import('./explain-index')).explainIndexCommand },
  { name: 'export', load: async () => (await import('./export')).exportCommand },
  { name: 'deidentify', load: async () => (await import('./deidentify')).deidentifyCommand },
  { name: 'import', load: async () => (await import('./import')).importCommand },
  { name: 'agree', load: async () => (await import('./agree')).agreeCommand },
  { name: 'bench', load: async () => (await import('./bench')).benchCommand },
];
