// A session's metadata: what its front matter says (date, session number, therapist, client, anything else), plus a
// date read from a YYYY-MM-DD in the file name when the front matter gives none. Nothing else is guessed. Pure, so
// the CLI's trends and the editor read sessions the same way.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/;
/** A date inside a file name, not part of a longer run of digits (so "20260301-2026-03-01x" still finds it). */
const DATE_IN_NAME = /(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/;

/** The Analysis's `metadata`: the front matter's entries as written, and `date` from the file name when they have
 * none. With neither, `{}`. */
export function sessionMetadata(frontMatter: Readonly<Record<string, string>>, fileName: string | undefined): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(frontMatter)) defineEntry(metadata, key, value);
  if (metadataValue(metadata, 'date') === null && fileName) {
    const fromName = dateInFileName(fileName);
    if (fromName !== null) defineEntry(metadata, 'date', fromName);
  }
  return metadata;
}

/** defineProperty, so that a key such as "__proto__" stays data rather than changing the object. */
function defineEntry(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A valid calendar date written YYYY-MM-DD in the base name of `fileName` (folders are not read), or null. */
export function dateInFileName(fileName: string): string | null {
  const baseName = fileName.split(/[\\/]/).pop() ?? '';
  const match = DATE_IN_NAME.exec(baseName);
  return match && isCalendarDate(match[1]) ? match[1] : null;
}

/** A metadata value by key, ignoring the key's case ("Therapist:" and "therapist:" are one key); the first entry
 * wins when both are written. Empty values count as absent. */
export function metadataValue(metadata: Readonly<Record<string, string>>, key: string): string | null {
  const wanted = key.toLowerCase();
  for (const [name, value] of Object.entries(metadata)) {
    if (name.toLowerCase() === wanted && value.trim() !== '') return value.trim();
  }
  return null;
}

/** The session's date as "YYYY-MM-DD" when `date` starts with a real calendar date (a time after it is allowed),
 * else null. */
export function sessionDate(metadata: Readonly<Record<string, string>>): string | null {
  const value = metadataValue(metadata, 'date');
  const match = value === null ? null : ISO_DATE.exec(value);
  if (!match) return null;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  return isCalendarDate(date) ? date : null;
}

/** The session number when `session` is a number ("4", "#4", "4.5"), else null. */
export function sessionNumber(metadata: Readonly<Record<string, string>>): number | null {
  const value = metadataValue(metadata, 'session');
  const match = value === null ? null : /^#?\s*(\d+(?:\.\d+)?)$/.exec(value);
  return match ? Number(match[1]) : null;
}

function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
