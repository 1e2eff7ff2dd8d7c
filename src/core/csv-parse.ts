// An RFC 4180 CSV reader: comma-separated fields, double-quoted fields that may hold commas, line breaks and
// doubled quotes (""), CRLF or LF record ends. Pure and total: malformed input is reported, never thrown.

export interface CsvProblem {
  /** 1-based line where the problem starts. */
  line: number;
  message: string;
}

export interface CsvResult {
  rows: string[][];
  /** 1-based line on which each row starts (rows may span lines through quoted line breaks). */
  rowLines: number[];
  problems: CsvProblem[];
}

/** Splits CSV text into rows of fields. A leading byte-order mark is ignored; a final line break does not make an
 * empty row. A quote that is never closed is reported and the rest of the text becomes that field, so nothing is
 * lost. A stray quote inside an unquoted field is kept as text and reported. */
export function parseCsv(text: string): CsvResult {
  const rows: string[][] = [];
  const rowLines: number[] = [];
  let rowStartLine = 1;
  const problems: CsvProblem[] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let fieldStarted = false;

  const endField = () => { row.push(field); field = ''; fieldStarted = false; };
  const endRow = () => { endField(); rows.push(row); rowLines.push(rowStartLine); row = []; };

  while (index < text.length) {
    const char = text[index];
    if (char === '"' && !fieldStarted) {
      const openedOnLine = line;
      index++;
      let closed = false;
      while (index < text.length) {
        const inner = text[index];
        if (inner === '"') {
          if (text[index + 1] === '"') { field += '"'; index += 2; continue; }
          index++;
          closed = true;
          break;
        }
        if (inner === '\n') line++;
        field += inner;
        index++;
      }
      fieldStarted = true;
      if (!closed) {
        problems.push({ line: openedOnLine, message: 'a quoted field is never closed; the rest of the text was read into it' });
        break;
      }
      const next = text[index];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        problems.push({ line, message: 'text follows a closing quote before the next comma; it was kept in the field' });
      }
      continue;
    }
    if (char === ',') { endField(); index++; continue; }
    if (char === '\r' && text[index + 1] === '\n') { endRow(); line++; rowStartLine = line; index += 2; continue; }
    if (char === '\n' || char === '\r') { endRow(); line++; rowStartLine = line; index++; continue; }
    if (char === '"') problems.push({ line, message: 'a quote inside an unquoted field was kept as text' });
    field += char;
    fieldStarted = true;
    index++;
  }
  if (fieldStarted || row.length > 0) endRow();
  return { rows, rowLines, problems };
}

/** Rows as records keyed by the header row's names. Rows with a different number of fields are reported with
 * the line they start on and still returned, missing fields as ''. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[]; problems: CsvProblem[] } {
  const { rows, rowLines, problems } = parseCsv(text);
  const [header = [], ...body] = rows;
  const records = body.map((fields, i) => {
    if (fields.length !== header.length) {
      problems.push({ line: rowLines[i + 1], message: `this record has ${fields.length} fields, the header has ${header.length}` });
    }
    const record: Record<string, string> = {};
    header.forEach((name, column) => { record[name] = fields[column] ?? ''; });
    return record;
  });
  return { header, records, problems };
}
