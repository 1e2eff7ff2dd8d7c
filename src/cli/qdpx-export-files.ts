// `export --format qdpx`: the transcripts named or found in the folders given, with their sidecars and the
// workspace codebook, as one REFI-QDA project. Each source is named by its file name (its relative path when two
// files share a name), which is also what `import` matches on.
import * as path from 'path';
import { Analyzer } from '../core/analyzer';
import { mergeCodebook } from '../core/annotations/codebook';
import { exportQdpx, type QdpxTranscript } from '../core/annotations/qdpx-export';
import { InputError, readCodedTranscript, readWorkspaceCodebook, type CodedTranscript } from './annotation-files';
import { findTranscriptFiles } from './files';

export interface QdpxExportResult {
  bytes: Uint8Array;
  /** Every file read, so the output can never be one of them. */
  inputs: string[];
  warnings: string[];
}

export function exportQdpxFiles(given: readonly string[], options: { out: string; automatic: boolean; codebook?: string }): QdpxExportResult {
  const found = findTranscriptFiles(given);
  if (found.errors.length) throw new InputError(found.errors.join('\n'));
  const warnings = found.emptyDirectories.map((directory) => `${directory}: no transcript found`);
  const analyzer = new Analyzer();
  // A sidecar found in a folder is read through its transcript, not as a transcript of its own.
  const files = [...new Set(found.files.map((file) => file.replace(/\.alliance\.json$/, '')))];
  if (files.length === 0) throw new InputError('no transcript to export');
  const coded = files.map((file) => readCodedTranscript(file, analyzer));
  const codebook = readWorkspaceCodebook(path.dirname(files[0]!), options.codebook);
  const transcripts: QdpxTranscript[] = coded.map((item) => ({
    name: sourceName(item, coded), text: item.text, analysis: item.analysis, sidecar: item.sidecar,
  }));
  const { bytes, skipped } = exportQdpx(transcripts, {
    projectName: path.basename(options.out).replace(/\.qdpx$/i, ''), codebook: mergeCodebook(codebook), automatic: options.automatic,
  });
  return { bytes, inputs: coded.flatMap((item) => [item.transcriptPath, item.sidecarPath]), warnings: [...warnings, ...skipped] };
}

function sourceName(item: CodedTranscript, all: readonly CodedTranscript[]): string {
  const name = path.basename(item.transcriptPath);
  const shared = all.filter((other) => path.basename(other.transcriptPath) === name).length > 1;
  return shared ? path.relative(process.cwd(), item.transcriptPath).split(path.sep).join('/') : name;
}
