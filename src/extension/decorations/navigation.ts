// Next/previous highlight from the cursor, wrapping around the file like VS Code's "Go to Next Problem".
import type { OffsetRange } from './categories';

export type Direction = 'next' | 'previous';

/** The range after (or before) the cursor offset, wrapping at the ends; undefined when there is none.
 * `ranges` must be sorted by start. A range that starts at the cursor counts as the current one, so "next"
 * moves past it. */
export function adjacentRange(ranges: readonly OffsetRange[], cursor: number, direction: Direction): OffsetRange | undefined {
  if (ranges.length === 0) return undefined;
  if (direction === 'next') return ranges.find((range) => range.start > cursor) ?? ranges[0];
  for (let index = ranges.length - 1; index >= 0; index--) {
    if (ranges[index].start < cursor) return ranges[index];
  }
  return ranges[ranges.length - 1];
}
