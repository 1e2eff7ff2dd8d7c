// Reading a transcript with its sidecar and the workspace codebook from disk, for `export` and `agree`. A sidecar
// that fails to parse stops the command with its file, line and problem: never a silent export without it.
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../core/analyzer';
import { CODEBOOK_PATH, parseCodebookFile, type CodebookFile } from '../core/annotations/codebook';
import { decodeUtf8 } from '../core/annotations/json-location';
import { reanchorSidecar } from '../core/annotations/sidecar-edits';
import { foldersUpward, joinPath } from '../core/configuration/discover';
import { parseSidecar, sidecarPathFor, transcriptPathFor, type Sidecar } from '../core/annotations/sidecar';
import type { Analysis } from '../core/types';
import { InputRefused, readInputBytes, readTranscriptFile } from './files';

export class InputError extends Error {}

export interface CodedTranscript {
  transcriptPath: string;
  sidecarPath: string;
  text: string;
  analysis: Analysis;
  /** Re-anchored in memory to the transcript as it is now; null when there is no sidecar. */
  sidecar: Sidecar | null;
  /** How many of its items could not be placed on the transcript. */
  orphaned: number;
}

/** Accepts a transcript or its sidecar; reads both. */
export function readCodedTranscript(file: string, analyzer = new Analyzer()): CodedTranscript {
  const transcriptPath = transcriptPathFor(file) ?? file;
  const sidecarPath = sidecarPathFor(transcriptPath);
  const read = readTranscriptFile(transcriptPath);
  if (!read.ok) throw new InputError(read.error);
  const { text } = read;
  const analysis = analyzer.analyze(text, { fileName: transcriptPath });
  const stored = fs.existsSync(sidecarPath) ? readSidecar(sidecarPath) : null;
  const placed = stored && placeOn(stored, text, analysis);
  return { transcriptPath, sidecarPath, text, analysis, sidecar: placed?.sidecar ?? null, orphaned: placed?.orphaned ?? 0 };
}

/** Re-anchors a sidecar (maybe another coder's, made on their copy) to this transcript, in memory only. */
export function placeOn(sidecar: Sidecar, text: string, analysis: Analysis): { sidecar: Sidecar; orphaned: number } {
  const { sidecar: placed, orphaned } = reanchorSidecar(sidecar, text, analysis.utterances);
  return { sidecar: placed, orphaned };
}

/** The warning for items whose text is no longer in the transcript: kept in the file, left out of the figures. */
export function orphanWarning(sidecarPath: string, orphaned: number): string | null {
  return orphaned > 0 ? `${sidecarPath}: ${orphaned} item(s) no longer match the transcript's text and are left out (the file keeps them)\n` : null;
}

export function readSidecar(sidecarPath: string): Sidecar {
  const parsed = parseSidecar(readText(sidecarPath));
  if (parsed.ok) return parsed.sidecar;
  throw new InputError(parsed.problems.map((problem) =>
    `${sidecarPath}:${problem.line}:${problem.column}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`).join('\n'));
}

/** The nearest .alliance-lens/codebook.json at or above `from` (core's discovery order, as in the editor), or null;
 * a broken one is an error. */
export function readWorkspaceCodebook(from: string, explicit?: string): CodebookFile | null {
  const found = explicit ?? foldersUpward(path.resolve(from)).map((folder) => joinPath(folder, CODEBOOK_PATH)).find((file) => fs.existsSync(file)) ?? null;
  if (!found) return null;
  const parsed = parseCodebookFile(readText(found));
  if (parsed.ok) return parsed.file;
  throw new InputError(parsed.problems.map((problem) => `${found}:${problem.line}:${problem.column}: ${problem.field}: ${problem.message}`).join('\n'));
}

function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readInputBytes(file);
  } catch (error) {
    if (error instanceof InputRefused) throw new InputError(`refused ${file}: ${error.message}`);
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new InputError(`${file}:${decoded.problem.line}:${decoded.problem.column}: ${decoded.problem.message}`);
  return decoded.text;
}
