import * as assert from 'assert';
import { formatSummaryCsv, SUMMARY_CSV_COLUMNS } from '../../../src/cli/formats/summary-csv';
import { analysisOf, session, supervisionSession } from '../summary/fixture';

describe('formats: summary CSV', () => {
  it('writes a header and one row per file with the session metrics', () => {
    const session1 = analysisOf(supervisionSession, 'a, "first".txt');
    const session2 = analysisOf(session([['client', 'Hi.']]), 'b.txt');
    const csv = formatSummaryCsv([session1, session2]);
    const records = csv.split('\r\n');
    assert.strictEqual(records.length, 4); // header, two rows, and the empty string after the final CRLF
    assert.strictEqual(records[0], SUMMARY_CSV_COLUMNS.join(','));
    // The numbers of the hand-coded session (worked out in summary.test.ts); the file name is quoted by RFC 4180.
    assert.strictEqual(records[1], [
      '"a, ""first"".txt"', '', '', '', '', 'labeled', 12, 43, 38, 0.469, 2, 1, 1, 1, 0.67, 'below', 50, 'good', 66.7, 1, 1, 2, 2, 3, 1, 1, 1,
      2, 0, 0, session1.summary.allianceIndex, 0, '',
    ].join(','));
    // Undefined scores and their bands are empty fields.
    assert.strictEqual(records[2], ['b.txt', '', '', '', '', 'labeled', 1, 0, 1, 1, 0, 0, 0, 0, '', '', '', '', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, session2.summary.allianceIndex, 0, ''].join(','));
    assert.strictEqual(records[3], '');
  });

  it('counts rupture statuses and warnings', () => {
    const analysis = analysisOf(session([
      ['client', 'This is stupid.', { codes: ['rupture.confrontation'] }],
      ['therapist', 'You need to listen.', { stance: 'directive' }],
      ['client', 'Fine.', { codes: ['rupture.withdrawal'] }],
    ]));
    analysis.warnings.push({ line: 2, message: 'a warning' });
    const row = formatSummaryCsv([analysis]).split('\r\n')[1].split(',');
    const column = (name: (typeof SUMMARY_CSV_COLUMNS)[number]) => row[SUMMARY_CSV_COLUMNS.indexOf(name)];
    assert.deepStrictEqual(
      [column('rupturesRepaired'), column('rupturesMetWithDirective'), column('rupturesUnaddressed'), column('warnings')],
      ['0', '1', '1', '1']);
  });

  it('shows the session metadata: date, session, therapist and client in columns, other keys together', () => {
    const analysis = analysisOf(session([['client', 'Hi.']]), 'c.txt');
    analysis.metadata = { Therapist: 'Noor Haddad', date: '2026-02-03', session: '2', '=cmd': '@x', setting: 'clinic, room 4' };
    const row = formatSummaryCsv([analysis]).split('\r\n')[1];
    const column = (name: (typeof SUMMARY_CSV_COLUMNS)[number]) => row.split(',')[SUMMARY_CSV_COLUMNS.indexOf(name)];
    assert.deepStrictEqual([column('date'), column('session'), column('therapist'), column('client')], ['2026-02-03', '2', 'Noor Haddad', '']);
    // The last field: quoted (it holds a comma), and a key cannot make it a spreadsheet formula.
    assert.ok(row.endsWith(',"\'=cmd: @x; setting: clinic, room 4"'), row);
  });

  it('writes only the header for no files', () => {
    assert.strictEqual(formatSummaryCsv([]), `${SUMMARY_CSV_COLUMNS.join(',')}\r\n`);
  });
});
