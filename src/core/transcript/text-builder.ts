// Builds an utterance text from verbatim runs of the file (each recorded as a span) and inserted characters
// (line joins, decoded entities) that have no span; the result is trimmed without breaking the span mapping.
import type { TextSpan } from '../types';
import { isSpace } from './lines';

export interface BuiltText {
  text: string;
  spans: TextSpan[];
}

export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly spans: TextSpan[] = [];

  verbatim(file: string, start: number, end: number): void {
    if (end <= start) return;
    const last = this.spans[this.spans.length - 1];
    if (last && last.textStart + last.length === this.length && last.fileStart + last.length === start) {
      last.length += end - start;
    } else {
      this.spans.push({ textStart: this.length, fileStart: start, length: end - start });
    }
    this.parts.push(file.slice(start, end));
    this.length += end - start;
  }

  inserted(characters: string): void {
    this.parts.push(characters);
    this.length += characters.length;
  }

  get isEmpty(): boolean {
    return this.length === 0;
  }

  build(): BuiltText {
    const whole = this.parts.join('');
    let from = 0;
    let to = whole.length;
    while (from < to && isSpace(whole.charCodeAt(from))) from++;
    while (to > from && isSpace(whole.charCodeAt(to - 1))) to--;
    const spans: TextSpan[] = [];
    for (const span of this.spans) {
      const clippedStart = Math.max(span.textStart, from);
      const clippedEnd = Math.min(span.textStart + span.length, to);
      if (clippedEnd <= clippedStart) continue;
      spans.push({ textStart: clippedStart - from, fileStart: span.fileStart + (clippedStart - span.textStart), length: clippedEnd - clippedStart });
    }
    return { text: whole.slice(from, to), spans };
  }
}
