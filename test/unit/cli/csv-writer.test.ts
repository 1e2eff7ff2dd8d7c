import * as assert from 'assert';
import { parseCsv } from '../../../src/core/csv-parse';
import { csvField, toCsv } from '../../../src/core/csv';

describe('RFC 4180 CSV writer', () => {
  it('quotes only fields that need it and doubles their quotes', () => {
    assert.strictEqual(csvField('plain'), 'plain');
    assert.strictEqual(csvField('a,b'), '"a,b"');
    assert.strictEqual(csvField('say "hi"'), '"say ""hi"""');
    assert.strictEqual(csvField('two\nlines'), '"two\nlines"');
    assert.strictEqual(csvField('cr\r'), '"cr\r"');
    assert.strictEqual(csvField(null), '');
    assert.strictEqual(csvField(3), '3');
  });

  it('ends records with CRLF and round-trips through the project CSV reader', () => {
    const rows = [['x', 'he said "no", then\r\nleft', ''], ['ü 😊', ' spaced ', '"']];
    const csv = toCsv(['a', 'b', 'c'], rows);
    assert.ok(csv.startsWith('a,b,c\r\n'));
    assert.deepStrictEqual(parseCsv(csv).rows, [['a', 'b', 'c'], ...rows]);
  });

  it('turns a cell a spreadsheet would run as a formula into text, and leaves plain numbers alone', () => {
    assert.strictEqual(csvField('=HYPERLINK("http://example.invalid","open")'), '"\'=HYPERLINK(""http://example.invalid"",""open"")"');
    assert.strictEqual(csvField('+cmd|\'/c calc\'!A0'), "'+cmd|'/c calc'!A0");
    assert.strictEqual(csvField('-2+3'), "'-2+3");
    assert.strictEqual(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.strictEqual(csvField('\t=1'), "'\t=1");
    assert.strictEqual(csvField('\r=1'), '"\'\r=1"');
    assert.strictEqual(csvField('- a dash opening a line'), "'- a dash opening a line");
    for (const number of [-3, -0.25, 1e-7, 42]) assert.strictEqual(csvField(number), String(number));
    for (const text of ['-3', '-0.25', '+7', '-.5', '-1e-7']) assert.strictEqual(csvField(text), text);
    for (const text of ['a=b', 'x@y.org', 'well - maybe']) assert.strictEqual(csvField(text), text);
  });
});
