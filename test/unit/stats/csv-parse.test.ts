import * as assert from 'assert';
import { csvRecords, parseCsv } from '../../../src/core/csv-parse';

describe('csv-parse (RFC 4180)', () => {
  it('reads plain fields, CRLF and LF record ends, and ignores a final line break', () => {
    assert.deepStrictEqual(parseCsv('a,b\r\nc,d\ne,f\n').rows, [['a', 'b'], ['c', 'd'], ['e', 'f']]);
  });

  it('reads quoted fields holding commas, line breaks and doubled quotes', () => {
    const { rows, rowLines, problems } = parseCsv('id,text\n1,"Hello, ""you""\nthere"\n2,x');
    assert.deepStrictEqual(rows, [['id', 'text'], ['1', 'Hello, "you"\nthere'], ['2', 'x']]);
    assert.deepStrictEqual(rowLines, [1, 2, 4]);
    assert.deepStrictEqual(problems, []);
  });

  it('keeps empty fields, including a trailing one', () => {
    assert.deepStrictEqual(parseCsv('a,,c,\n').rows, [['a', '', 'c', '']]);
    assert.deepStrictEqual(parseCsv('"",x').rows, [['', 'x']]);
  });

  it('skips a byte-order mark', () => {
    assert.deepStrictEqual(parseCsv('\uFEFFa,b').rows, [['a', 'b']]);
  });

  it('reports an unclosed quote with its line and keeps the text', () => {
    const { rows, problems } = parseCsv('a,b\n1,"never closed\nstill here');
    assert.deepStrictEqual(rows[1], ['1', 'never closed\nstill here']);
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].line, 2);
    assert.match(problems[0].message, /never closed/);
  });

  it('reports stray quotes but keeps their text', () => {
    const { rows, problems } = parseCsv('ab"c,"d"e');
    assert.deepStrictEqual(rows, [['ab"c', 'de']]);
    assert.strictEqual(problems.length, 2);
  });

  it('maps records to header names and reports short records by line', () => {
    const { header, records, problems } = csvRecords('x,y\n1,2\n"multi\nline"\n3,4');
    assert.deepStrictEqual(header, ['x', 'y']);
    assert.deepStrictEqual(records, [{ x: '1', y: '2' }, { x: 'multi\nline', y: '' }, { x: '3', y: '4' }]);
    assert.deepStrictEqual(problems.map((problem) => problem.line), [3]);
  });

  it('returns nothing for empty text', () => {
    assert.deepStrictEqual(parseCsv(''), { rows: [], rowLines: [], problems: [] });
  });
});
