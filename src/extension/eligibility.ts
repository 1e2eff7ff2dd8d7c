// Which documents Alliance Lens analyses. Pure (no vscode import) so the policy is unit-tested directly; the
// detector uses only the engine's parser (no compromise), so it stays cheap for every plain-text file opened.
import { parseTranscript } from '../core/transcript';

export const TRANSCRIPT_LANGUAGE = 'transcript';
/** Languages a transcript may arrive in when it has no .transcript extension (Zoom/Teams captions, exports). */
export const AUTO_DETECT_LANGUAGES = new Set(['plaintext', 'vtt', 'webvtt', 'srt', 'subtitles']);
const AUTO_DETECT_EXTENSIONS = /\.(txt|vtt|srt)$/i;

export const DETECTION_LINES = 50;
export const DETECTION_MIN_UTTERANCES = 4;
export const DETECTION_MIN_SPEAKERS = 2;

/** True when the first 50 lines hold at least 4 utterances from 2 or more speakers. */
export function looksLikeTranscript(text: string, fileName = ''): boolean {
  const head = firstLines(text, DETECTION_LINES);
  try {
    const parsed = parseTranscript(head, { fileName });
    if (parsed.utterances.length < DETECTION_MIN_UTTERANCES) return false;
    const speakers = new Set(parsed.utterances.map((utterance) => utterance.speaker));
    return speakers.size >= DETECTION_MIN_SPEAKERS;
  } catch {
    // The parser must not throw; if it ever does, the document is simply not auto-detected.
    return false;
  }
}

function firstLines(text: string, count: number): string {
  let index = -1;
  for (let line = 0; line < count; line++) {
    index = text.indexOf('\n', index + 1);
    if (index < 0) return text;
  }
  return text.slice(0, index);
}

export interface DocumentFacts {
  languageId: string;
  fileName: string;
  /** The user ran "Analyze This File" on it. */
  chosen: boolean;
  autoDetect: boolean;
  /** The document's text, or at least its first DETECTION_LINES lines; read only when detection is needed. */
  text: () => string;
}

export function shouldAnalyse(document: DocumentFacts): boolean {
  if (document.languageId === TRANSCRIPT_LANGUAGE || document.chosen) return true;
  if (!document.autoDetect) return false;
  const candidate = AUTO_DETECT_LANGUAGES.has(document.languageId) || AUTO_DETECT_EXTENSIONS.test(document.fileName);
  return candidate && looksLikeTranscript(document.text(), document.fileName);
}
