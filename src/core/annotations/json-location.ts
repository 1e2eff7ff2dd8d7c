// Turns JSON problems into "line N: problem" so a user can find and fix a hand-edited file. JSON.parse only
// reports a character position (and not always); schema problems only report a path. Both are mapped to lines.

export interface JsonProblem {
  /** 1-based line, column. */
  line: number;
  column: number;
  /** Dotted path of the offending field ('' for the whole document). */
  field: string;
  message: string;
}

export type JsonPath = readonly PropertyKey[];

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - lastBreak };
}

/** Parses JSON text; on a syntax error returns the problem with its line instead of throwing. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: JsonProblem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = lineAndColumn(text, position ? Number(position[1]) : text.length);
    return { ok: false, problem: { ...where, field: '', message: `invalid JSON: ${message.replace(/^JSON\.parse: /, '')}` } };
  }
}

export function formatPath(path: JsonPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** Line and column of the value at `path` in valid JSON text (a member's key for object members); the deepest
 * existing ancestor when the path is missing, e.g. for a required field that is absent. */
export function locatePath(text: string, path: JsonPath): { line: number; column: number } {
  const offsets = new Map<string, number>();
  try {
    new PathScanner(text, offsets).scanDocument();
  } catch {
    return { line: 1, column: 1 };
  }
  for (let depth = path.length; depth >= 0; depth--) {
    const offset = offsets.get(formatPath(path.slice(0, depth)));
    if (offset !== undefined) return lineAndColumn(text, offset);
  }
  return { line: 1, column: 1 };
}

/** A minimal recursive scanner of valid JSON that records where each path starts. */
class PathScanner {
  private at = 0;

  constructor(private readonly text: string, private readonly offsets: Map<string, number>) {}

  scanDocument(): void {
    this.value([]);
  }

  private value(path: PropertyKey[]): void {
    this.skipSpace();
    if (!this.offsets.has(formatPath(path))) this.offsets.set(formatPath(path), this.at);
    const char = this.text[this.at];
    if (char === '{') this.object(path);
    else if (char === '[') this.array(path);
    else if (char === '"') this.string();
    else {
      const literal = /^[-+0-9.eEtrufalsn]+/.exec(this.text.slice(this.at, this.at + 64));
      if (!literal) throw new Error('unexpected character');
      this.at += literal[0].length;
    }
  }

  private object(path: PropertyKey[]): void {
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === '}') { this.at++; return; }
    for (;;) {
      this.skipSpace();
      const keyStart = this.at;
      const key = this.string();
      const memberPath = [...path, key];
      this.offsets.set(formatPath(memberPath), keyStart);
      this.skipSpace();
      this.at++; // ':'
      this.value(memberPath);
      this.skipSpace();
      if (this.text[this.at++] === '}') return;
    }
  }

  private array(path: PropertyKey[]): void {
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === ']') { this.at++; return; }
    for (let index = 0; ; index++) {
      this.value([...path, index]);
      this.skipSpace();
      if (this.text[this.at++] === ']') return;
    }
  }

  private string(): string {
    const start = this.at;
    this.at++;
    while (this.at < this.text.length && this.text[this.at] !== '"') this.at += this.text[this.at] === '\\' ? 2 : 1;
    this.at++;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }
}
