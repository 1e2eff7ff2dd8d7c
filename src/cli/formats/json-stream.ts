// JSON written in pieces, byte for byte what JSON.stringify(value, null, indent) returns, so an analysis of a huge
// transcript never has to exist as one string: V8 refuses strings over about 512 MB ("Invalid string length"),
// and one that size costs its length again when it is encoded for writing.
//
// Arrays and plain objects down to `depth` levels are written element by element; anything deeper is small (one
// utterance, one finding) and goes through JSON.stringify, re-indented to its place. JSON.stringify escapes line
// breaks inside strings, so every raw "\n" in its output is structure and may be indented.

/** Receives the text in order; the pieces concatenate to the whole document. */
export type TextSink = (text: string) => void;

export interface JsonStreamOptions {
  /** Spaces per level, as JSON.stringify's third argument; 0 writes compact JSON (one line). */
  indent: number;
  /** How many levels of arrays and objects are written piece by piece. */
  depth?: number;
}

/** Pieces are collected to about this many characters before they are handed on, so a writer sees few large
 * writes rather than one per field. */
const FLUSH_CHARS = 1 << 16;

/** Writes JSON.stringify(value, null, indent) to `sink` in pieces of about 64 K characters. */
export function writeJson(value: unknown, sink: TextSink, options: JsonStreamOptions): void {
  const buffered = bufferedSink(sink);
  writeValue(value, buffered.write, options.indent, '', options.depth ?? 3);
  buffered.flush();
}

/** A sink that gathers small pieces into larger ones; call flush() at the end. */
export function bufferedSink(sink: TextSink): { write: TextSink; flush: () => void } {
  let pieces: string[] = [];
  let length = 0;
  const flush = () => {
    if (length > 0) sink(pieces.join(''));
    pieces = [];
    length = 0;
  };
  return {
    write: (text) => {
      pieces.push(text);
      length += text.length;
      if (length >= FLUSH_CHARS) flush();
    },
    flush,
  };
}

/** An array given as an iterable: written element by element as the iterable produces them, never held whole (the
 * utterances of a huge transcript, coded as they are written). Its JSON is that of the array of its elements. */
export class StreamedArray {
  constructor(readonly elements: Iterable<unknown>) {}
}

/** A value computed only when the writer reaches it: a summary that needs every utterance written before it. */
export class Deferred {
  constructor(readonly compute: () => unknown) {}
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function writeValue(given: unknown, write: TextSink, indent: number, at: string, depth: number): void {
  let value = given instanceof Deferred ? given.compute() : given;
  if (value instanceof StreamedArray && depth <= 0) value = [...value.elements];
  if (value instanceof StreamedArray) {
    writeElements(value.elements, write, indent, at, depth);
    return;
  }
  if (depth <= 0 || !(Array.isArray(value) || isPlainObject(value))) {
    const text = JSON.stringify(value, null, indent);
    write(indent > 0 && at !== '' ? text.replace(/\n/g, `\n${at}`) : text);
    return;
  }
  if (Array.isArray(value)) {
    writeElements(value, write, indent, at, depth);
    return;
  }
  const { inner, open, close } = layout(indent, at);
  const entries = Object.entries(value as Record<string, unknown>).filter(([, element]) => !isOmitted(element));
  if (entries.length === 0) {
    write('{}');
    return;
  }
  write('{');
  entries.forEach(([key, element], index) => {
    write(`${index === 0 ? open : `,${open}`}${JSON.stringify(key)}:${indent > 0 ? ' ' : ''}`);
    writeValue(element, write, indent, inner, depth - 1);
  });
  write(`${close}}`);
}

function layout(indent: number, at: string): { inner: string; open: string; close: string } {
  const inner = at + ' '.repeat(indent);
  return { inner, open: indent > 0 ? `\n${inner}` : '', close: indent > 0 ? `\n${at}` : '' };
}

function writeElements(elements: Iterable<unknown>, write: TextSink, indent: number, at: string, depth: number): void {
  const { inner, open, close } = layout(indent, at);
  let written = 0;
  for (const element of elements) {
    write(written === 0 ? `[${open}` : `,${open}`);
    writeValue(isOmitted(element) ? null : element, write, indent, inner, depth - 1);
    written++;
  }
  write(written === 0 ? '[]' : `${close}]`);
}
