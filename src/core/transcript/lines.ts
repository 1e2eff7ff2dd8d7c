// Line boundaries of a text, found once in linear time. A line break is "\r\n", "\n" or a lone "\r", as in VS Code,
// so line numbers match the editor's.

export interface Lines {
  /** Offset of each line's first character (a leading byte-order mark is skipped on line 0). */
  starts: number[];
  /** Offset one past each line's last character, before its line break. */
  ends: number[];
}

export function splitLines(text: string): Lines {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.indexOf('\r') === -1) {
    // Fast path for the common LF-only text: indexOf is much quicker than a character loop.
    for (;;) {
      const newline = text.indexOf('\n', start);
      starts.push(start);
      if (newline === -1) {
        ends.push(text.length);
        return { starts, ends };
      }
      ends.push(newline);
      start = newline + 1;
    }
  }
  const breaks = /\r\n?|\n/g;
  breaks.lastIndex = start;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    starts.push(start);
    ends.push(match.index);
    start = match.index + match[0].length;
  }
  starts.push(start);
  ends.push(text.length);
  return { starts, ends };
}

/** True when text[start, end) holds only spaces, tabs and other white space. */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (!isSpace(text.charCodeAt(i))) return false;
  }
  return true;
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0xfeff
    || code === 0x200e || code === 0x200f || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0x0c || code === 0x0b
    || code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f;
}

/** First offset in [start, end) that is not white space (end when there is none). */
export function skipSpace(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** One past the last offset in [start, end) that is not white space (start when there is none). */
export function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}
