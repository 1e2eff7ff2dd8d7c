// Importing a REFI-QDA codebook from another tool: linear in the file's size, sibling codes of one name kept apart,
// deep nesting refused with a message, UTF-16 read and Latin-1 refused with one that names the encoding.
import * as assert from 'assert';
import { importQdc } from '../../../src/core/annotations/qdc';
import { MAX_XML_DEPTH, parseXml, XmlError } from '../../../src/core/annotations/xml';

const NAMESPACE = 'urn:QDA-XML:codebook:1.0';
const guid = (n: number) => `0A1B2C3D-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const codebook = (codes: string) => `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="${NAMESPACE}">\n  <Codes>\n${codes}\n  </Codes>\n</CodeBook>\n`;

function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe('annotations: REFI-QDA import from other tools', function () {
  this.timeout(120_000);

  it('takes time linear in the size of the file (four times the codes, at most eight times the time)', () => {
    const file = (count: number) => codebook(Array.from({ length: count }, (_, i) => `    <Code guid="${guid(i + 1)}" name="Code ${i}" isCodable="true"/>`).join('\n'));
    const small = file(2_000);
    const large = file(8_000);
    importQdc(small, null);
    const smallMs = Math.max(1, Math.min(cpuMs(() => parseXml(small)), cpuMs(() => parseXml(small))));
    const largeMs = cpuMs(() => parseXml(large));
    assert.ok(largeMs <= 8 * smallMs + 20, `${largeMs.toFixed(0)} ms for 8,000 codes against ${smallMs.toFixed(0)} ms for 2,000`);
    const result = importQdc(large, null);
    assert.ok(result.ok && result.added.length === 8_000);
    // Lines are still right for the elements that need them.
    assert.strictEqual(parseXml(large).children[0]!.children[7_999]!.line, 8_003);
  });

  it('keeps sibling codes of one name as two codes, and a second import adds nothing', () => {
    const xml = codebook([
      `    <Code guid="${guid(1)}" name="Parent" isCodable="false">`,
      `      <Code guid="${guid(2)}" name="Same" isCodable="true"/>`,
      `      <Code guid="${guid(3)}" name="Same" isCodable="true"/>`,
      '    </Code>',
      `    <Code guid="${guid(4)}" name="Affirming" isCodable="true"/>`,
      `    <Code guid="${guid(5)}" name="Affirming" isCodable="true"/>`,
    ].join('\n'));
    const result = importQdc(xml, null);
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepStrictEqual(result.added, ['parent', 'parent.same', 'parent.same-2', 'affirming', 'affirming-2']);
    assert.deepStrictEqual(result.file.codes.map((code) => code.guid), [1, 2, 3, 4, 5].map(guid));
    const again = importQdc(xml, result.file);
    assert.ok(again.ok);
    assert.deepStrictEqual(again.added, []);
    assert.strictEqual(again.file.codes.length, 5);
  });

  it('refuses elements nested 5,000 deep with a clear message, not a stack overflow', () => {
    const depth = 5_000;
    const xml = codebook(`${`<Code guid="${guid(1)}" name="A" isCodable="true">`.repeat(depth)}${'</Code>'.repeat(depth)}`);
    assert.throws(() => parseXml(xml), (error: unknown) => error instanceof XmlError && new RegExp(`nested more than ${MAX_XML_DEPTH} deep`).test(error.message));
    const result = importQdc(xml, null);
    assert.ok(!result.ok);
    assert.match(result.problems[0]!.message, /nested more than \d+ deep/);
  });

  it('reads UTF-16 with a byte-order mark, and refuses Latin-1 with a message about the encoding', () => {
    const xml = codebook(`    <Code guid="${guid(1)}" name="Café talk" isCodable="true"/>`);
    const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const bigEndian = Buffer.from(littleEndian).swap16();
    for (const bytes of [littleEndian, bigEndian, Buffer.from(`\uFEFF${xml}`, 'utf8'), Buffer.from(xml, 'utf8')]) {
      const result = importQdc(bytes, null);
      assert.ok(result.ok, JSON.stringify(result));
      assert.strictEqual(result.file.codes[0]!.name, 'Café talk');
    }
    const latin1 = Buffer.from(xml.replace('encoding="utf-8"', 'encoding="ISO-8859-1"'), 'latin1');
    const refused = importQdc(latin1, null);
    assert.ok(!refused.ok);
    assert.strictEqual(refused.problems[0]!.line, 4);
    assert.match(refused.problems[0]!.message, /not UTF-8: byte 0xe9 at line 4, column \d+ \(it declares encoding "ISO-8859-1"\); a REFI-QDA codebook must be UTF-8 or UTF-16/);
  });
});
