// Positions in REFI-QDA plain text. The standard counts Unicode characters (code points), while our anchors count
// UTF-16 units: an emoji is one character there and two units here. Sources are exchanged with LF line endings,
// because tools disagree on whether CR LF is one character or two (QualCoder, ATLAS.ti and MAXQDA document shifted
// codings from exactly that); with no CR in the exchanged text every tool counts the same.

/** A transcript's text as exchanged (CR LF and lone CR made LF), with conversions between offsets in the original
 * (UTF-16) and character positions in the exchanged text. */
export class PlainTextPositions {
  /** The exchanged text: the original with every line ending made LF. */
  readonly plain: string;
  /** Number of characters (code points) of `plain`. */
  readonly length: number;
  /** Original UTF-16 offsets of each CR that was dropped (the CR of a CR LF), ascending. */
  private readonly droppedCr: number[] = [];
  /** UTF-16 offsets in `plain` of each character written as a surrogate pair, ascending. */
  private readonly astralAt: number[] = [];

  /** `keepLineEndings` counts the text as it is, CRs included: how a foreign project's positions are read. */
  constructor(readonly original: string, { keepLineEndings = false } = {}) {
    let plain = '';
    let from = 0;
    for (let at = keepLineEndings ? -1 : original.indexOf('\r'); at !== -1; at = original.indexOf('\r', at + 1)) {
      if (original[at + 1] === '\n') {
        plain += original.slice(from, at);
        this.droppedCr.push(at);
        from = at + 1;
      }
    }
    // A lone CR (old Mac files) keeps its place but becomes LF, so offsets do not move.
    this.plain = keepLineEndings ? original : (plain + original.slice(from)).replace(/\r/g, '\n');
    for (let at = 0; at < this.plain.length; at++) {
      const unit = this.plain.charCodeAt(at);
      if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(this.plain.charCodeAt(at + 1))) {
        this.astralAt.push(at);
        at++;
      }
    }
    this.length = this.plain.length - this.astralAt.length;
  }

  /** The character position in the exchanged text of a UTF-16 offset in the original. An offset between a CR and
   * its LF counts as the line's end; one inside a surrogate pair as the start of its character. */
  toCharacter(originalOffset: number): number {
    const inPlain = this.toPlainOffset(originalOffset);
    return inPlain - countBelow(this.astralAt, inPlain);
  }

  /** The UTF-16 offset in the exchanged text of a UTF-16 offset in the original. */
  toPlainOffset(originalOffset: number): number {
    const offset = Math.min(Math.max(originalOffset, 0), this.original.length);
    return offset - countBelow(this.droppedCr, offset);
  }

  /** The UTF-16 offset in the original of a UTF-16 offset in the exchanged text. A dropped CR sits just before the
   * LF it belonged to: an offset at that LF maps to before the CR, so a selection that ends at the end of a line
   * does not swallow half a line ending. */
  fromPlainOffset(plainOffset: number): number {
    const inPlain = Math.min(Math.max(plainOffset, 0), this.plain.length);
    let crs = 0;
    for (let low = 0, high = this.droppedCr.length; low < high;) {
      const middle = (low + high) >> 1;
      if (this.droppedCr[middle]! - middle < inPlain) low = crs = middle + 1;
      else high = middle;
    }
    return inPlain + crs;
  }

  /** The UTF-16 offset in the original of a character position in the exchanged text, or null when it lies
   * outside the text. */
  toOriginal(character: number): number | null {
    if (!Number.isInteger(character) || character < 0 || character > this.length) return null;
    // The i-th pair starts at character astralAt[i] - i; each pair before the position adds one unit.
    let pairs = 0;
    for (let low = 0, high = this.astralAt.length; low < high;) {
      const middle = (low + high) >> 1;
      if (this.astralAt[middle]! - middle < character) low = pairs = middle + 1;
      else high = middle;
    }
    return this.fromPlainOffset(character + pairs);
  }
}

/** How many values of the ascending list are below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
