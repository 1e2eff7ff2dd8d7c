// RFC 4180 CSV writing: fields joined by commas, records ended by CRLF; a field holding a comma, a double quote,
// CR or LF is wrapped in double quotes with its quotes doubled. Pure, shared by every CSV export.
//
// Spreadsheets run a cell that starts with =, +, - or @ (and some with a leading tab or CR) as a formula, so text
// from a transcript, a speaker's name or a comment could fetch a URL or start a program when the export is opened.
// Such a cell gets a leading apostrophe, which spreadsheets read as "this is text"; a plain number such as -3 or
// -0.25 is left as it is, so it stays a number.

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** The text a spreadsheet will show as typed, never evaluate. */
function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvValue): string {
  const text = neutraliseFormula(value === null || value === undefined ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** A header record and one record per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const records = [csvRecord(header)];
  for (const row of rows) records.push(csvRecord(row));
  return records.join('');
}
