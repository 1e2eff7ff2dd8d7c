// RFC 4180 CSV writing: fields joined by commas, records ended by CRLF; a field holding a comma, a double quote,
// CR or LF is wrapped in double quotes with its quotes doubled. Pure, shared by every CSV export.

export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
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
