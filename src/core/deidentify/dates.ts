// Shifting a date by a fixed number of days (--shift-dates), written back in the style it was written in, so
// intervals between sessions and events survive while the real dates do not. A date that cannot be read back
// (a lone day, "the 3rd") becomes "[DATE]" instead.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh',
  'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth',
  'twenty-first', 'twenty-second', 'twenty-third', 'twenty-fourth', 'twenty-fifth', 'twenty-sixth', 'twenty-seventh',
  'twenty-eighth', 'twenty-ninth', 'thirtieth', 'thirty-first'];
/** A leap year, so that "29 February" without a year can still be read. */
const YEARLESS = 2000;

interface ReadDate {
  year: number | null;
  month: number;
  day: number | null;
  write(date: Date): string;
}

export function shiftDate(text: string, days: number): string | null {
  const read = readDate(text.trim());
  if (!read) return null;
  const date = new Date(Date.UTC(read.year ?? YEARLESS, read.month, read.day ?? 15));
  date.setUTCDate(date.getUTCDate() + (read.day === null ? 0 : days));
  if (read.day === null) date.setUTCMonth(date.getUTCMonth() + Math.round(days / 30.44));
  return read.write(date);
}

function readDate(text: string): ReadDate | null {
  const iso = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (iso) {
    const [, , separator] = iso;
    return {
      year: Number(iso[1]), month: Number(iso[3]) - 1, day: Number(iso[4]),
      write: (date) => [date.getUTCFullYear(), pad(date.getUTCMonth() + 1), pad(date.getUTCDate())].join(separator),
    };
  }
  const numeric = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text);
  if (numeric) {
    // Day first unless the first part cannot be a day-of-month-then-month (e.g. 03/14): then month first.
    const monthFirst = Number(numeric[3]) > 12;
    const month = Number(monthFirst ? numeric[1] : numeric[3]) - 1;
    const day = Number(monthFirst ? numeric[3] : numeric[1]);
    const shortYear = numeric[4].length === 2;
    const year = shortYear ? 2000 + Number(numeric[4]) : Number(numeric[4]);
    return {
      year, month, day,
      write: (date) => {
        const parts = [pad(date.getUTCDate()), pad(date.getUTCMonth() + 1)];
        if (monthFirst) parts.reverse();
        const y = String(date.getUTCFullYear());
        return [...parts, shortYear ? y.slice(2) : y].join(numeric[2]);
      },
    };
  }
  const slash = /^(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (slash) {
    return {
      year: null, month: Number(slash[1]) - 1, day: Number(slash[2]),
      write: (date) => `${date.getUTCMonth() + 1}/${date.getUTCDate()}`,
    };
  }
  return readWordDate(text);
}

function readWordDate(text: string): ReadDate | null {
  const words = text.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  let month = -1;
  let day: number | null = null;
  let year: number | null = null;
  let dayStyle: 'number' | 'ordinal' | 'word' = 'number';
  let abbreviated = false;
  let monthFirst = false;
  let hasOf = false;
  for (const word of words) {
    const lower = word.toLowerCase().replace(/\.$/, '');
    const monthIndex = MONTHS.findIndex((name) => name === lower || (lower.length >= 3 && name.startsWith(lower) && lower.length < name.length));
    if (monthIndex !== -1 && month === -1) {
      month = monthIndex;
      abbreviated = lower !== MONTHS[monthIndex];
      monthFirst = day === null;
      continue;
    }
    if (lower === 'of' || lower === 'the') {
      hasOf ||= lower === 'of';
      continue;
    }
    const number = /^(\d{1,4})(st|nd|rd|th)?$/.exec(lower);
    if (number) {
      const value = Number(number[1]);
      if (number[1].length === 4) year = value;
      else if (day === null) {
        day = value;
        dayStyle = number[2] ? 'ordinal' : 'number';
      }
      continue;
    }
    if (/^'\d\d$/.test(lower)) {
      year = 2000 + Number(lower.slice(1));
      continue;
    }
    const ordinal = ORDINALS.indexOf(lower.replace(' ', '-'));
    if (ordinal !== -1 && day === null) {
      day = ordinal + 1;
      dayStyle = 'word';
      continue;
    }
    return null;
  }
  if (month === -1) return null;
  const monthName = (index: number) => {
    const name = MONTHS[index][0].toUpperCase() + MONTHS[index].slice(1);
    return abbreviated ? name.slice(0, 3) : name;
  };
  const dayText = (value: number) => (dayStyle === 'ordinal' ? `${value}${suffix(value)}` : dayStyle === 'word' ? ORDINALS[value - 1] : String(value));
  return {
    year, month, day,
    write: (date) => {
      const m = monthName(date.getUTCMonth());
      const y = year === null ? '' : `${monthFirst && day !== null ? ',' : ''} ${date.getUTCFullYear()}`;
      if (day === null) return `${m}${y}`;
      const d = dayText(date.getUTCDate());
      return monthFirst ? `${m} ${d}${y}` : `${d}${hasOf ? ' of' : ''} ${m}${y}`;
    },
  };
}

function suffix(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
