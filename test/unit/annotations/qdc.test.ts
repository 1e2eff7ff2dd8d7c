import * as assert from 'assert';
import { builtInCodebook, guidFor, mergeCodebook, parseCodebookFile, serializeCodebookFile, type CodebookFile } from '../../../src/core/annotations/codebook';
import { exportQdc, importQdc } from '../../../src/core/annotations/qdc';
import { parseXml, XmlError } from '../../../src/core/annotations/xml';
import { CODE_IDS } from '../../../src/core/types';

const USER: CodebookFile = {
  version: 1,
  codes: [
    { id: 'hope', name: 'Hope & "future"', description: 'Client <imagines> change', color: '#123456' },
    { id: 'hope.small', name: 'Small steps', parent: 'hope' },
    { id: 'reflection.complex.metaphor', name: 'Metaphor', parent: 'reflection.complex' },
  ],
};

describe('annotations: codebook', () => {
  it('lists the built-in code ids first, in order, under their families', () => {
    const entries = mergeCodebook(USER);
    const codable = entries.filter((entry) => entry.codable).map((entry) => entry.id);
    assert.deepStrictEqual(codable.slice(0, CODE_IDS.length), [...CODE_IDS]);
    assert.deepStrictEqual(codable.slice(CODE_IDS.length), ['repair.move', 'hope', 'hope.small', 'reflection.complex.metaphor'], 'then the codes only people apply, then the user\'s');
    assert.strictEqual(entries.find((entry) => entry.id === 'hope.small')!.color, '#123456', 'inherits the parent colour');
    assert.strictEqual(entries.find((entry) => entry.id === 'collaborative.seek')!.parent, 'collaborative');
  });

  it('reports duplicate ids, unknown parents, cycles and bad colours with their lines', () => {
    const text = JSON.stringify({ version: 1, codes: [
      { id: 'a', name: 'A', parent: 'b' }, { id: 'b', name: 'B', parent: 'a' }, { id: 'a', name: 'again' },
      { id: 'c', name: 'C', parent: 'nowhere' }, { id: 'd', name: 'D', color: 'red' },
    ] }, null, 2);
    const colour = parseCodebookFile(text);
    assert.ok(!colour.ok && colour.problems.some((p) => p.field === 'codes[4].color'), 'zod reports the colour first');
    const structural = parseCodebookFile(JSON.stringify({ version: 1, codes: [
      { id: 'a', name: 'A', parent: 'b' }, { id: 'b', name: 'B', parent: 'a' }, { id: 'a', name: 'again' }, { id: 'c', name: 'C', parent: 'nowhere' },
    ] }, null, 2));
    assert.ok(!structural.ok);
    const messages = structural.problems.map((p) => `${p.field}: ${p.message}`);
    assert.ok(messages.includes('codes[2].id: duplicate code id "a"'), messages.join('; '));
    assert.ok(messages.includes('codes[3].parent: unknown parent "nowhere"'), messages.join('; '));
    assert.ok(messages.some((m) => m.includes('its own ancestor')), messages.join('; '));
    assert.ok(structural.problems.every((p) => p.line > 1));
  });

  it('writes the codebook file with stable key order', () => {
    const text = serializeCodebookFile({ version: 1, codes: [{ parent: 'hope', name: 'N', id: 'n', extra: 1 }] });
    assert.strictEqual(text, '{\n  "version": 1,\n  "codes": [\n    {\n      "id": "n",\n      "name": "N",\n      "parent": "hope",\n      "extra": 1\n    }\n  ]\n}\n');
  });

  it('derives a stable, UUID-shaped guid from a code id', () => {
    assert.match(guidFor('hope'), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.strictEqual(guidFor('hope'), guidFor('hope'));
    assert.notStrictEqual(guidFor('hope'), guidFor('hopf'));
    const guids = builtInCodebook().map((entry) => entry.guid);
    assert.strictEqual(new Set(guids).size, guids.length);
  });
});

describe('annotations: REFI-QDA codebook (.qdc)', () => {
  it('exports the REFI-QDA structure with nesting, escaping and isCodable', () => {
    const xml = exportQdc(mergeCodebook(USER));
    const root = parseXml(xml);
    assert.strictEqual(root.name, 'CodeBook');
    assert.strictEqual(root.attributes.xmlns, 'urn:QDA-XML:codebook:1.0');
    const families = root.children[0]!.children;
    assert.strictEqual(families[0]!.attributes.name, 'Collaborative');
    assert.strictEqual(families[0]!.attributes.isCodable, 'false');
    assert.strictEqual(families[0]!.children[0]!.attributes.isCodable, 'true');
    const hope = families.find((code) => code.attributes.name === 'Hope & "future"')!;
    assert.ok(xml.includes('name="Hope &amp; &quot;future&quot;"'));
    assert.strictEqual(hope.children[0]!.text, 'Client <imagines> change');
    assert.strictEqual(hope.children[1]!.attributes.name, 'Small steps');
  });

  it('drops characters XML 1.0 cannot hold instead of writing an unreadable file', () => {
    const xml = exportQdc(mergeCodebook({ version: 1, codes: [{ id: 'bell', name: 'Bell\u0007 sound' }] }));
    assert.ok(xml.includes('name="Bell sound"'));
    assert.doesNotThrow(() => parseXml(xml));
  });

  it('round-trips: importing its own export adds and changes nothing', () => {
    const result = importQdc(exportQdc(mergeCodebook(USER)), USER);
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepStrictEqual(result.added, []);
    assert.deepStrictEqual(mergeCodebook(result.file).map((e) => [e.id, e.name, e.parent, e.color, e.description]),
      mergeCodebook(USER).map((e) => [e.id, e.name, e.parent, e.color, e.description]));
  });

  it('imports codes from another program into an empty codebook, keeping their guids and hierarchy', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<!-- exported by QualCoder -->
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder 3.5">
  <Codes>
    <Code guid="0A1B2C3D-0000-4000-8000-000000000001" name="Ambivalence" isCodable="false" color="#aa00aa">
      <Description><![CDATA[Both sides & more]]></Description>
      <Code guid="0A1B2C3D-0000-4000-8000-000000000002" name="Café talk" isCodable="true"/>
    </Code>
  </Codes>
</CodeBook>`;
    const result = importQdc(xml, null);
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepStrictEqual(result.added, ['ambivalence', 'ambivalence.cafe-talk']);
    assert.deepStrictEqual(result.file.codes[0], {
      id: 'ambivalence', name: 'Ambivalence', description: 'Both sides & more', color: '#AA00AA',
      guid: '0A1B2C3D-0000-4000-8000-000000000001', codable: false,
    });
    assert.strictEqual(result.file.codes[1]!.parent, 'ambivalence');
    assert.ok(parseCodebookFile(serializeCodebookFile(result.file)).ok, 'the merged file validates');
    // Importing the same file again updates instead of duplicating.
    const again = importQdc(xml, result.file);
    assert.ok(again.ok);
    assert.deepStrictEqual(again.added, []);
    assert.strictEqual(again.file.codes.length, 2);
  });

  const malformed: Array<[string, string, RegExp]> = [
    ['an unclosed element', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>', /never closed/],
    ['a mismatched tag', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes></Code></CodeBook>', /closes <Codes>/],
    ['an unquoted attribute', '<CodeBook xmlns=urn><Codes/></CodeBook>', /must be quoted/],
    ['a bare ampersand', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="0A1B2C3D-0000-4000-8000-000000000001" name="A & B" isCodable="true"/></Codes></CodeBook>', /entity/],
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY a "b">]><CodeBook/>', /DOCTYPE/],
    ['two roots', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook><CodeBook/>', /after the root/],
    ['the wrong root', '<Project xmlns="urn:QDA-XML:project:1.0"/>', /not <CodeBook>/],
    ['the wrong namespace', '<CodeBook xmlns="urn:other"><Codes/></CodeBook>', /namespace/],
    ['a code without guid', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="A" isCodable="true"/></Codes></CodeBook>', /guid/],
    ['a bad isCodable', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="0A1B2C3D-0000-4000-8000-000000000001" name="A" isCodable="yes"/></Codes></CodeBook>', /isCodable/],
    ['an empty file', '', /no XML element/],
  ];
  for (const [what, xml, message] of malformed) {
    it(`refuses ${what} with a clear message and leaves the codebook as it was`, () => {
      const before = serializeCodebookFile(USER);
      const result = importQdc(xml, USER);
      assert.ok(!result.ok);
      assert.match(result.problems.map((p) => p.message).join('\n'), message);
      assert.ok(result.problems.every((p) => p.line >= 1));
      assert.strictEqual(serializeCodebookFile(USER), before);
    });
  }

  it('names the line and column of an XML error', () => {
    assert.throws(() => parseXml('<a>\n  <b x="1" x="2"/>\n</a>'), (error: unknown) => error instanceof XmlError && error.line === 2 && /twice/.test(error.message));
  });
});
