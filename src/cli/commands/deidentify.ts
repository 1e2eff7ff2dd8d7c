// `alliance-lens deidentify FILE|DIR… --out DIR [--key PATH] …`: a copy of each transcript (and of its sidecar)
// with names, places, dates and numbers replaced, so a session can be shared without sharing the person.
// Contract: ARCHITECTURE.md §3 "De-identification (CLI)". Never writes over an input, never puts the key in DIR.
import { randomInt } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parseTranscript } from '../../core/transcript/parse';
import { parseSidecar, serializeSidecar, sidecarPathFor, SIDECAR_SUFFIX } from '../../core/annotations/sidecar';
import { CATEGORIES, type Category } from '../../core/deidentify/categories';
import { DEIDENTIFY_CONFIG_PATH, parseDeidentifyConfig } from '../../core/deidentify/config';
import { emptyKey, keySchema, type KeyFile } from '../../core/deidentify/key';
import { deidentifySidecar } from '../../core/deidentify/sidecar';
import { deidentifyTranscript } from '../../core/deidentify/transcript';
import { parseJsonWithSchema } from '../../core/annotations/json-location';
import { parseCommandArgs, UsageError, type CliCommand, type CliIo } from '../command';
import { findTranscriptFiles, readInputBytes, readTranscriptFile } from '../files';

const usage = `Usage: alliance-lens deidentify FILE|DIR... --out DIR [--key PATH] [--names a,b] [--keep a,b]
                               [--placeholders] [--shift-dates]

Writes a de-identified copy of each transcript to DIR/<its file name>, in its own format (labelled, WebVTT, SRT,
Otter) with the same utterances and speaker roles. Replaced: names (speaker labels and front matter, every word, any
case; the name lexicon; titles such as "Dr. Asante"), places (addresses, cities, schools, clinics, employers), dates
more specific than a year, ages over 89, phone numbers, e-mail and web addresses, ID numbers. A transcript's sidecar
(<file>.alliance.json) is copied too, every code, memo and comment moved onto the new text and de-identified.
  --out DIR        where the copies go (created if missing); an existing file there is never overwritten
  --key PATH       the key (originals -> replacements, JSON): read if it exists, extended, written back, so the
                   same person gets the same replacement across files and runs. It holds the originals: keep it
                   apart from what you share. It may not be inside DIR. Without --key no key is written.
  --names a,b      more names to replace wherever they occur (every word, any case)
  --keep a,b       words or phrases never to replace (a medicine, a public service's name)
  --placeholders   speakers' names in the text become [NAME-n] instead of their role (labels keep the role)
  --shift-dates    move every date by the key's fixed number of days instead of writing [DATE]
Standing lists: ${DEIDENTIFY_CONFIG_PATH} (nearest above the first input): {"names": [...], "keep": [...]}.
Prints how many identifiers of each kind were replaced (never the originals) to standard error.
Automatic de-identification misses things: read every copy before you share it.
Exit status: 0 on success; 1 when a file could not be read, de-identified or written; 2 for bad arguments.`;

interface Options {
  inputs: string[];
  out: string;
  key: string | null;
  names: string[];
  keep: string[];
  placeholders: boolean;
  shiftDates: boolean;
}

export const deidentifyCommand: CliCommand = {
  name: 'deidentify',
  summary: 'write de-identified copies of transcripts (and their sidecars) for sharing',
  usage,
  async run(args, io) {
    const options = readOptions(args);
    const found = findTranscriptFiles(options.inputs);
    const files = found.files.filter((file) => !file.endsWith(SIDECAR_SUFFIX));
    for (const error of found.errors) io.stderr(`alliance-lens deidentify: ${error}\n`);
    for (const directory of found.emptyDirectories) io.stderr(`alliance-lens deidentify: no transcript files in ${directory}\n`);
    if (files.length === 0) {
      io.stderr('alliance-lens deidentify: nothing to de-identify; nothing was written\n');
      return 1;
    }
    const outDirectory = prepareOutDirectory(options.out, files);
    const keyPath = options.key === null ? null : checkKeyPath(options.key, outDirectory, files);
    const config = readConfig(path.dirname(path.resolve(files[0])), io);
    if (config === null) return 1;
    const key = keyPath === null ? newKey() : readKey(keyPath, io);
    if (key === null) return 1;
    if (options.shiftDates && key.shiftDays === null) key.shiftDays = randomShift();
    createOutDirectory(options.out, outDirectory);
    const names = [...config.names, ...options.names];
    const keep = [...config.keep, ...options.keep];

    let failed = found.errors.length > 0;
    const total = zeroCounts();
    const written = new Set<string>();
    for (const file of files) {
      const target = path.join(outDirectory, path.basename(file));
      const problem = targetProblem(target, file, files, written);
      if (problem) {
        io.stderr(`alliance-lens deidentify: ${problem}; ${file} was skipped\n`);
        failed = true;
        continue;
      }
      const read = readTranscriptFile(file);
      if (!read.ok) {
        io.stderr(`alliance-lens deidentify: ${read.error}\n`);
        failed = true;
        continue;
      }
      const result = deidentifyTranscript(read.text, {
        fileName: file, key, names, keep, placeholders: options.placeholders, shiftDates: options.shiftDates,
      });
      if (!result.ok) {
        io.stderr(`alliance-lens deidentify: ${file}: ${result.error}\n`);
        failed = true;
        continue;
      }
      const sidecarNote = copySidecar(file, target, read.text, result, io);
      if (sidecarNote === 'failed') {
        failed = true;
        continue;
      }
      try {
        writeNew(target, result.text);
        if (typeof sidecarNote === 'object') writeNew(sidecarPathFor(target), sidecarNote.text);
      } catch (error) {
        io.stderr(`alliance-lens deidentify: ${error instanceof Error ? error.message : String(error)}\n`);
        failed = true;
        continue;
      }
      written.add(path.resolve(target));
      for (const category of CATEGORIES) total[category] += result.counts[category];
      const sidecarText = typeof sidecarNote === 'object' ? ` and its sidecar${sidecarNote.unplaced ? ` (${sidecarNote.unplaced} item(s) could not be placed on the text and are kept flagged orphaned)` : ''}` : '';
      io.stderr(`alliance-lens deidentify: wrote ${target}${sidecarText}: ${describeCounts(result.counts)}\n`);
    }
    if (files.length > 1) io.stderr(`alliance-lens deidentify: in all ${describeCounts(total)}\n`);
    if (keyPath !== null) {
      try {
        writeReplacing(keyPath, `${JSON.stringify(key, null, 2)}\n`);
        io.stderr(`alliance-lens deidentify: key (${key.entries.length} entries) in ${keyPath}: it holds the originals, keep it apart from the copies\n`);
      } catch (error) {
        io.stderr(`alliance-lens deidentify: cannot write the key: ${error instanceof Error ? error.message : String(error)}\n`);
        failed = true;
      }
    }
    io.stderr('alliance-lens deidentify: automatic de-identification misses things; read every copy before sharing it\n');
    return failed ? 1 : 0;
  },
};

function readOptions(args: string[]): Options {
  const parsed = parseCommandArgs(args, {
        out: { type: 'string', short: 'o' }, key: { type: 'string' }, names: { type: 'string', multiple: true },
        keep: { type: 'string', multiple: true }, placeholders: { type: 'boolean' }, 'shift-dates': { type: 'boolean' },
      });
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('give at least one transcript file or folder');
  if (!values.out) throw new UsageError('--out DIR is required: the copies are never written beside the originals');
  if (values.key === '') throw new UsageError('--key needs a path');
  const list = (given: string[] | undefined) => (given ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  return {
    inputs: positionals, out: values.out, key: values.key ?? null, names: list(values.names), keep: list(values.keep),
    placeholders: Boolean(values.placeholders), shiftDates: Boolean(values['shift-dates']),
  };
}

/** Resolves DIR through links, without creating it yet (nothing is made before every check has passed); refuses
 * a file, and a folder that is an input's own. */
function prepareOutDirectory(out: string, files: readonly string[]): string {
  if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file; give a folder`);
  const real = realPathOfMaybeMissing(out);
  for (const file of files) {
    if (fs.realpathSync(path.dirname(path.resolve(file))) === real) {
      throw new UsageError(`--out ${out} is the folder of ${file}: the copy would replace the original; choose another folder`);
    }
  }
  return real;
}

/** The real path of an existing path, or of its nearest existing ancestor joined with the rest. */
function realPathOfMaybeMissing(given: string): string {
  const missing: string[] = [];
  let at = path.resolve(given);
  while (!fs.existsSync(at)) {
    missing.unshift(path.basename(at));
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  return path.join(fs.realpathSync(at), ...missing);
}

function createOutDirectory(out: string, real: string): void {
  try {
    fs.mkdirSync(real, { recursive: true });
  } catch (error) {
    throw new UsageError(`--out ${out}: cannot create the folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function checkKeyPath(key: string, outDirectory: string, files: readonly string[]): string {
  const resolved = path.resolve(key);
  const parent = path.dirname(resolved);
  if (!fs.existsSync(parent)) throw new UsageError(`--key ${key}: the folder ${parent} does not exist`);
  const realParent = fs.realpathSync(parent);
  const real = path.join(realParent, path.basename(resolved));
  const realTarget = fs.existsSync(real) ? fs.realpathSync(real) : real;
  if (isInside(realTarget, outDirectory)) {
    throw new UsageError(`--key ${key} is inside --out: the key holds the originals and must not travel with the copies; keep it elsewhere`);
  }
  if (fs.existsSync(realTarget) && fs.statSync(realTarget).isDirectory()) throw new UsageError(`--key ${key} is a folder; give a file path`);
  if (files.some((file) => fs.realpathSync(file) === realTarget || fs.realpathSync(file) + SIDECAR_SUFFIX === realTarget)) {
    throw new UsageError(`--key ${key} is one of the inputs and would be overwritten; choose another path`);
  }
  return realTarget;
}

function isInside(file: string, directory: string): boolean {
  const relative = path.relative(directory, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Why DIR/<name> cannot be written: it is an input however spelt, two inputs share a name, or it exists. */
function targetProblem(target: string, file: string, files: readonly string[], written: ReadonlySet<string>): string | null {
  const real = fs.existsSync(target) ? fs.realpathSync(target) : target;
  if (files.some((input) => fs.realpathSync(input) === real)) return `${target} is an input and would be overwritten`;
  if (written.has(path.resolve(target))) return `${target} was already written from another input of the same name`;
  if (fs.existsSync(target) || fs.existsSync(sidecarPathFor(target))) return `${target} already exists and is never overwritten (choose an empty --out folder)`;
  if (path.basename(file).endsWith(SIDECAR_SUFFIX)) return `${file} is a sidecar, not a transcript`;
  return null;
}

type SidecarOutcome = { text: string; unplaced: number } | 'none' | 'failed';

function copySidecar(file: string, target: string, originalText: string, result: Extract<ReturnType<typeof deidentifyTranscript>, { ok: true }>, io: CliIo): SidecarOutcome {
  const sidecarPath = sidecarPathFor(file);
  if (!fs.existsSync(sidecarPath)) return 'none';
  let source: string;
  try {
    source = readInputBytes(sidecarPath).toString('utf8');
  } catch (error) {
    io.stderr(`alliance-lens deidentify: cannot read ${sidecarPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}; ${file} was skipped\n`);
    return 'failed';
  }
  const parsed = parseSidecar(source);
  if (!parsed.ok) {
    for (const problem of parsed.problems) io.stderr(`${sidecarPath}:${problem.line}:${problem.column}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}\n`);
    io.stderr(`alliance-lens deidentify: ${file} was skipped, so that its codes are not lost from the copy\n`);
    return 'failed';
  }
  const utterancesOf = (text: string) => parseTranscript(text, { fileName: file }).utterances;
  const copy = deidentifySidecar(parsed.sidecar, { text: originalText, utterances: utterancesOf(originalText) },
    { text: result.text, utterances: utterancesOf(result.text) }, result.replacements, result.deidentifier);
  copy.sidecar.transcript = path.basename(target);
  return { text: serializeSidecar(copy.sidecar), unplaced: copy.unplaced };
}

function readConfig(from: string, io: CliIo): { names: string[]; keep: string[] } | null {
  for (let at = from; ; at = path.dirname(at)) {
    const candidate = path.join(at, DEIDENTIFY_CONFIG_PATH);
    if (fs.existsSync(candidate)) {
      const parsed = parseDeidentifyConfig(readInputBytes(candidate).toString('utf8'));
      if (parsed.ok) return parsed.config;
      for (const problem of parsed.problems) io.stderr(`${candidate}:${problem.line}:${problem.column}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}\n`);
      io.stderr(`alliance-lens deidentify: fix ${candidate} (expected {"names": ["..."], "keep": ["..."]}); nothing was written\n`);
      return null;
    }
    if (path.dirname(at) === at) return { names: [], keep: [] };
  }
}

function newKey(): KeyFile {
  return emptyKey(null);
}

function readKey(keyPath: string, io: CliIo): KeyFile | null {
  if (!fs.existsSync(keyPath)) return newKey();
  const parsed = parseJsonWithSchema(readInputBytes(keyPath).toString('utf8'), keySchema);
  if (parsed.ok) return parsed.value;
  const why = parsed.problems.map((problem) => `line ${problem.line}${problem.field ? `, ${problem.field}` : ''}: ${problem.message}`).join('; ');
  io.stderr(`alliance-lens deidentify: ${keyPath} is not a de-identification key (${why}); it was left as it is and nothing was written\n`);
  return null;
}

/** Between one and twelve months either way, never zero, fixed once per key. */
function randomShift(): number {
  const days = randomInt(30, 366);
  return randomInt(0, 2) === 0 ? -days : days;
}

function zeroCounts(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>;
}

function describeCounts(counts: Record<Category, number>): string {
  const parts = CATEGORIES.filter((category) => counts[category] > 0).map((category) => `${counts[category]} ${category}`);
  return parts.length ? parts.join(', ') : 'nothing found to replace';
}

/** Creates a new file, failing if anything is already there: a copy never replaces a file. */
function writeNew(target: string, text: string): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, text, { flag: 'wx' });
    fs.linkSync(temporary, target);
  } catch (error) {
    throw new Error(`cannot write ${target}: ${(error as NodeJS.ErrnoException).code === 'EEXIST' ? 'it already exists' : error instanceof Error ? error.message : String(error)}`);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** The key is the one file this command updates in place: through a temporary file and a rename. */
function writeReplacing(target: string, text: string): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, text, { flag: 'wx', mode: 0o600 });
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
