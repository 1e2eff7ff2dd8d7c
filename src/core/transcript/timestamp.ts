// Timestamps as transcripts write them ([hh:mm:ss], [mm:ss], (hh:mm:ss), bare hh:mm:ss, #hh:mm:ss.s#, and the
// cue times of WebVTT and SRT), normalised to "hh:mm:ss" with fractions dropped.

export interface Clock {
  /** "hh:mm:ss", or null when the time is impossible (minutes or seconds of 60 or more). */
  normalised: string | null;
  seconds: number;
  /** The time as written, for messages. */
  written: string;
}

const CLOCK = /(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:[.,]\d+)?/;

/** Reads the first clock time inside `written` (brackets and fractions allowed around it). */
export function readClock(written: string): Clock | null {
  const match = CLOCK.exec(written);
  if (!match) return null;
  const hasHours = match[3] !== undefined;
  return clockOf(hasHours ? Number(match[1]) : 0, Number(match[hasHours ? 2 : 1]), Number(match[3] ?? match[2]), hasHours, written.trim());
}

/** WebVTT/SRT cue time: optional hours, minutes, seconds, a fraction after "." or ",". */
export function readCueClock(written: string): Clock | null {
  const match = CUE_CLOCK.exec(written);
  if (!match) return null;
  return clockOf(Number(match[1] ?? 0), Number(match[2]), Number(match[3]), match[1] !== undefined, written.trim());
}

export function isCueClock(written: string): boolean {
  return CUE_CLOCK.test(written);
}

const CUE_CLOCK = /^[ \t]*(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,]\d{1,3})?[ \t]*$/;

function clockOf(hours: number, minutes: number, seconds: number, hasHours: boolean, written: string): Clock {
  // In the two-part form "mm:ss" long sessions may run past 59 minutes ([75:00]); only "hh:mm:ss" caps minutes.
  const impossible = seconds >= 60 || (hasHours && minutes >= 60);
  const total = hours * 3600 + minutes * 60 + seconds;
  return { normalised: impossible ? null : formatSeconds(total), seconds: total, written };
}

export function formatSeconds(total: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(total / 3600))}:${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`;
}
