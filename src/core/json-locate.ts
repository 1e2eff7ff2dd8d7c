// Finds the line of a value inside JSON text, so a broken rule file's error can say "rules.json, line 12, field
// rules[3].patterns[0]". A small scanner over already-valid JSON (JSON.parse has accepted the text before this runs).

export type JsonPath = readonly (string | number)[];

/** 1-based line of the value at `path` (or of the deepest part of the path that exists); 1 when not found. */
export function lineOfJsonPath(text: string, path: JsonPath): number {
  let position = 0;
  let line = 1;
  let found = 1;

  const skipSpace = () => {
    while (position < text.length && /\s/.test(text[position])) {
      if (text[position] === '\n') line++;
      position++;
    }
  };
  const skipString = () => {
    position++;
    while (position < text.length && text[position] !== '"') {
      if (text[position] === '\\') position++;
      position++;
    }
    position++;
  };
  const readString = (): string => {
    const start = position;
    skipString();
    try { return JSON.parse(text.slice(start, position)) as string; } catch { return ''; }
  };
  /** Skips one value; when depth < path.length and the value is a container, descends looking for path[depth]. */
  const value = (depth: number): void => {
    skipSpace();
    found = depth === 0 ? line : found;
    const char = text[position];
    const wanted = path[depth];
    if (char === '{') {
      position++;
      for (;;) {
        skipSpace();
        if (text[position] === '}' || position >= text.length) { position++; return; }
        const keyLine = line;
        const key = readString();
        skipSpace();
        position++; // ':'
        if (depth < path.length && key === wanted) {
          found = keyLine;
          value(depth + 1);
          if (depth + 1 >= path.length) found = keyLine;
          return;
        }
        value(path.length + 1);
        skipSpace();
        if (text[position] === ',') position++;
      }
    }
    if (char === '[') {
      position++;
      let index = 0;
      for (;;) {
        skipSpace();
        if (text[position] === ']' || position >= text.length) { position++; return; }
        if (depth < path.length && index === wanted) {
          skipSpace();
          found = line;
          const itemLine = line;
          value(depth + 1);
          if (depth + 1 >= path.length) found = itemLine;
          return;
        }
        value(path.length + 1);
        skipSpace();
        if (text[position] === ',') position++;
        index++;
      }
    }
    if (char === '"') { skipString(); return; }
    while (position < text.length && !/[\s,\]}]/.test(text[position])) position++;
  };

  value(0);
  return found;
}

/** 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) if (text[i] === '\n') line++;
  return line;
}
