// Collects parser warnings. Each kind is capped so that a huge or garbled file yields a readable list rather than
// a million near-identical lines; the cap is reported, so nothing is hidden silently.
import type { Warning } from '../types';

const MAX_PER_KIND = 50;

export class WarningList {
  private readonly list: Warning[] = [];
  private readonly counts = new Map<string, number>();

  /** `kind` groups warnings for the cap; `line` is 1-based (0 for the whole file). A message may be given as a
   * function, so that warnings past the cap cost no string building. */
  add(kind: string, line: number, message: string | (() => string)): void {
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    if (count <= MAX_PER_KIND) this.list.push({ line, message: typeof message === 'string' ? message : message() });
  }

  toArray(): Warning[] {
    const overflow: Warning[] = [];
    for (const [kind, count] of this.counts) {
      if (count > MAX_PER_KIND) {
        overflow.push({ line: 0, message: `${count - MAX_PER_KIND} more warnings of the kind "${kind}" were left out.` });
      }
    }
    return [...this.list.sort((a, b) => a.line - b.line), ...overflow];
  }
}
