// Where a transcript's configuration lives, found the same way by every front end, so the editor and the CLI
// analyse a transcript with the same rules and code it with the same codebook: for each file of `.alliance-lens`
// (rules.json, codebook.json), the nearest one in the transcript's folder or above it, never above the workspace
// root. Pure: paths are plain strings ('/' or '\' separated) and the caller says how to read a file, so this runs
// on Node's fs, on VS Code's workspace.fs and in tests alike.
import { CODEBOOK_PATH } from '../annotations/codebook';
import type { CoderOptions, RuleFile } from '../coding';

export const CONFIGURATION_FOLDER = '.alliance-lens';
export const RULES_PATH = `${CONFIGURATION_FOLDER}/rules.json`;
export { CODEBOOK_PATH };

/** Reads a file's text; undefined when there is no such file. */
export type ReadTextFile = (path: string) => string | undefined | Promise<string | undefined>;

export interface FoundFile {
  path: string;
  text: string;
}

export interface TranscriptConfiguration {
  /** The nearest .alliance-lens/rules.json, or null: only the built-in rules apply. */
  rules: FoundFile | null;
  /** The nearest .alliance-lens/codebook.json, or null: only the built-in codes. */
  codebook: FoundFile | null;
}

export interface DiscoverOptions {
  readFile: ReadTextFile;
  /** The workspace root: the search goes no higher. A folder outside it (or none given) is searched up to the top. */
  root?: string;
}

function separatorOf(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

function trimTrailingSeparators(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  // '/' and 'C:\' are roots: trimming them away would leave nothing (or a bare drive).
  return trimmed === '' || /^[A-Za-z]:$/.test(trimmed) ? path : trimmed;
}

/** The folder that holds `path`, or null at the top ('/', 'C:\', a bare name). */
export function parentFolder(path: string): string | null {
  const folder = trimTrailingSeparators(path);
  const cut = Math.max(folder.lastIndexOf('/'), folder.lastIndexOf('\\'));
  if (cut < 0 || folder.length === cut + 1) return null;
  if (cut === 0) return folder.slice(0, 1);
  if (/^[A-Za-z]:$/.test(folder.slice(0, cut))) return folder.slice(0, cut + 1);
  return folder.slice(0, cut);
}

function sameFolder(a: string, b: string): boolean {
  const normal = (path: string) => trimTrailingSeparators(path).replace(/\\/g, '/');
  return normal(a) === normal(b);
}

function isInside(folder: string, root: string): boolean {
  for (let at: string | null = folder; at !== null; at = parentFolder(at)) {
    if (sameFolder(at, root)) return true;
  }
  return false;
}

/** `folder` and each folder above it, nearest first, ending at `root` when `folder` lies inside it. */
export function foldersUpward(folder: string, root?: string): string[] {
  const stopAt = root !== undefined && isInside(folder, root) ? root : undefined;
  const folders: string[] = [];
  for (let at: string | null = trimTrailingSeparators(folder); at !== null; at = parentFolder(at)) {
    folders.push(at);
    if (stopAt !== undefined && sameFolder(at, stopAt)) break;
  }
  return folders;
}

export function joinPath(folder: string, relative: string): string {
  const separator = separatorOf(folder);
  const base = folder.endsWith('/') || folder.endsWith('\\') ? folder : folder + separator;
  return base + relative.split('/').join(separator);
}

async function nearest(folders: readonly string[], relative: string, readFile: ReadTextFile): Promise<FoundFile | null> {
  for (const folder of folders) {
    const path = joinPath(folder, relative);
    const text = await readFile(path);
    if (text !== undefined) return { path, text };
  }
  return null;
}

/** The configuration of the transcripts in `folder`. */
export async function discoverConfiguration(folder: string, options: DiscoverOptions): Promise<TranscriptConfiguration> {
  const folders = foldersUpward(folder, options.root);
  return {
    rules: await nearest(folders, RULES_PATH, options.readFile),
    codebook: await nearest(folders, CODEBOOK_PATH, options.readFile),
  };
}

/** The configuration of one transcript: the one of the folder it is in. */
export function discoverTranscriptConfiguration(transcriptPath: string, options: DiscoverOptions): Promise<TranscriptConfiguration> {
  return discoverConfiguration(parentFolder(transcriptPath) ?? '.', options);
}

export interface EngineChoices {
  /** Rule ids switched off (the setting allianceLens.rules.disabled, or the CLI's --disable-rule). */
  disabledRules?: readonly string[];
  /** A rules file named explicitly (the CLI's --rules): used instead of the discovered one. */
  rulesFile?: RuleFile;
}

/** What the engine is given for a transcript with this configuration (the editor, configuring one engine for a
 * multi-root workspace, passes each folder's). */
export function engineOptions(configurations: ReadonlyArray<Pick<TranscriptConfiguration, 'rules'>>, choices: EngineChoices = {}): Required<CoderOptions> {
  const rulesFiles = choices.rulesFile ? [choices.rulesFile] : configurations.flatMap((configuration) => configuration.rules ?? []);
  return {
    userRuleFiles: rulesFiles.map((file) => ({ path: file.path, text: file.text })),
    disabledRules: [...new Set(choices.disabledRules ?? [])],
  };
}
