// `import PROJECT.qdpx`: the workspace side of importing a REFI-QDA project. Reads the transcripts of a folder with
// their sidecars, lets core place the project's coding, and writes only the sidecars (and the codebook) that gain
// something, each through a temporary file and a rename, and only if it has not changed since it was read.
import * as fs from 'fs';
import * as path from 'path';
import { CODEBOOK_PATH, parseCodebookFile, serializeCodebookFile, type CodebookFile } from '../core/annotations/codebook';
import { importQdpxProject, type QdpxImportResult, type WorkspaceTranscript } from '../core/annotations/qdpx-import';
import type { ForeignProject } from '../core/annotations/qdpx-read';
import { serializeSidecar, sidecarPathFor } from '../core/annotations/sidecar';
import { parseTranscript } from '../core/transcript/parse';
import { InputError, readSidecar } from './annotation-files';
import { findTranscriptFiles, readTranscriptFile } from './files';

interface ReadTranscript extends WorkspaceTranscript {
  file: string;
  /** The sidecar's text as read, or null when there was none: the write checks it is still the same. */
  sidecarText: string | null;
}

export interface WorkspaceImport {
  result: QdpxImportResult;
  /** Files written (or that would be, on a dry run). */
  written: string[];
}

export function importIntoFolder(project: ForeignProject, folder: string, options: { addCodes: boolean; dryRun: boolean }): WorkspaceImport {
  const found = findTranscriptFiles([folder]);
  if (found.errors.length) throw new InputError(found.errors.join('\n'));
  const transcripts = found.files.map((file) => readWorkspaceTranscript(file, folder));
  const codebookPath = findCodebook(folder) ?? path.join(folder, CODEBOOK_PATH);
  const codebookText = readIfExists(codebookPath);
  let codebook: CodebookFile | null = null;
  if (codebookText !== null) {
    const parsed = parseCodebookFile(codebookText);
    if (!parsed.ok) throw new InputError(parsed.problems.map((p) => `${codebookPath}:${p.line}:${p.column}: ${p.field}: ${p.message}`).join('\n'));
    codebook = parsed.file;
  }
  const result = importQdpxProject(project, transcripts, { codebook, addCodes: options.addCodes });
  const writes: Array<{ file: string; text: string; before: string | null }> = result.sidecars.map((entry) => {
    const transcript = entry.transcript as ReadTranscript;
    return { file: sidecarPathFor(transcript.file), text: serializeSidecar(entry.sidecar), before: transcript.sidecarText };
  });
  if (result.codebook) writes.push({ file: codebookPath, text: serializeCodebookFile(result.codebook), before: codebookText });
  if (!options.dryRun) {
    // Every check first, so a file changed meanwhile stops the import before anything is written.
    for (const write of writes) assertUnchanged(write.file, write.before);
    for (const write of writes) replaceAtomically(write.file, write.text, write.before);
  }
  return { result, written: writes.map((write) => write.file) };
}

function readWorkspaceTranscript(file: string, folder: string): ReadTranscript {
  const read = readTranscriptFile(file);
  if (!read.ok) throw new InputError(read.error);
  const sidecarPath = sidecarPathFor(file);
  const sidecarText = readIfExists(sidecarPath);
  // A broken sidecar stops the import with its problems, as everywhere else: never written over.
  const sidecar = sidecarText === null ? null : readSidecar(sidecarPath);
  const parsed = parseTranscript(read.text, { fileName: file });
  return {
    file, name: path.basename(file), path: path.relative(folder, file).split(path.sep).join('/'), text: read.text, utterances: parsed.utterances, sidecar, sidecarText,
  };
}

function findCodebook(folder: string): string | null {
  for (let at = path.resolve(folder); ; at = path.dirname(at)) {
    const candidate = path.join(at, CODEBOOK_PATH);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(at) === at) return null;
  }
}

function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function assertUnchanged(file: string, before: string | null): void {
  if (readIfExists(file) !== before) throw new InputError(`${file} changed while the project was imported; nothing was written`);
}

function replaceAtomically(file: string, text: string, before: string | null): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, text, { flag: 'wx' });
    if (readIfExists(file) !== before) throw new Error('it changed while the project was imported');
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new InputError(`cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
