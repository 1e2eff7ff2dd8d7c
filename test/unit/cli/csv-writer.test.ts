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
});
