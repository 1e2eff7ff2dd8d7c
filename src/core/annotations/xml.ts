// A small, strict XML reader for codebook exchange files: elements, attributes, text, CDATA, comments and the
// five predefined plus numeric entities. It refuses DOCTYPE (no entity expansion from a foreign file) and any
// malformed input with the line and column of the problem. Enough for REFI-QDA codebooks; not a general parser.
import { decodeUtf8, lineAndColumn } from './json-location';

export interface XmlElement {
  /** The name as written, e.g. "Code" or "qda:Code". */
  name: string;
  /** The name without a namespace prefix. */
  localName: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), entities decoded. */
  text: string;
  line: number;
}

export class XmlError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(`line ${line}, column ${column}: ${message}`);
  }
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
/** Control characters other than tab, line feed and carriage return, and the two non-characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Far deeper than any codebook's hierarchy; deeper nesting is refused before it can exhaust the stack. */
export const MAX_XML_DEPTH = 256;

export function parseXml(source: string): XmlElement {
  return new XmlReader(source.replace(/^\uFEFF/, '')).document();
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot hold at all are dropped rather than producing a file nobody can read.
    .replace(XML_FORBIDDEN, '');
}

class XmlReader {
  private at = 0;
  private depth = 0;
  /** The last position whose line was counted: `at` only moves forward, so counting from there keeps the lines of
   * all elements linear in the file's size (counting from the start for each was quadratic). */
  private counted = { offset: 0, line: 1 };

  constructor(private readonly source: string) {}

  document(): XmlElement {
    this.skipMisc();
    if (this.source.startsWith('<!DOCTYPE', this.at)) this.fail('a DOCTYPE is not accepted in a codebook file');
    if (!this.source.startsWith('<', this.at)) this.fail(this.at >= this.source.length ? 'the file holds no XML element' : 'text before the root element');
    const root = this.element();
    this.skipMisc();
    if (this.at < this.source.length) this.fail('content after the root element');
    return root;
  }

  /** Whitespace, comments and processing instructions (including the <?xml ?> declaration). */
  private skipMisc(): void {
    for (;;) {
      while (/\s/.test(this.source[this.at] ?? '')) this.at++;
      if (this.source.startsWith('<!--', this.at)) this.skipPast('-->', 'an unclosed comment');
      else if (this.source.startsWith('<?', this.at)) this.skipPast('?>', 'an unclosed processing instruction');
      else return;
    }
  }

  private element(): XmlElement {
    if (++this.depth > MAX_XML_DEPTH) this.fail(`elements are nested more than ${MAX_XML_DEPTH} deep`);
    const line = this.lineAt(this.at);
    this.at++; // '<'
    const name = this.name('an element name');
    const attributes: Record<string, string> = {};
    for (;;) {
      const hadSpace = this.skipSpace();
      if (this.source.startsWith('/>', this.at)) {
        this.at += 2;
        this.depth--;
        return { name, localName: localName(name), attributes, children: [], text: '', line };
      }
      if (this.source[this.at] === '>') {
        this.at++;
        break;
      }
      if (!hadSpace) this.fail(`expected whitespace, ">" or "/>" in <${name}>`);
      const attribute = this.name('an attribute name');
      if (Object.hasOwn(attributes, attribute)) this.fail(`attribute "${attribute}" appears twice`);
      this.skipSpace();
      if (this.source[this.at] !== '=') this.fail(`expected "=" after attribute "${attribute}"`);
      this.at++;
      this.skipSpace();
      const quote = this.source[this.at];
      if (quote !== '"' && quote !== "'") this.fail(`the value of "${attribute}" must be quoted`);
      const end = this.source.indexOf(quote, this.at + 1);
      if (end === -1) this.fail(`unclosed value of attribute "${attribute}"`);
      const raw = this.source.slice(this.at + 1, end);
      if (raw.includes('<')) this.fail(`"<" inside the value of attribute "${attribute}"`);
      // defineProperty: an attribute named "__proto__" is kept as data instead of changing the object.
      Object.defineProperty(attributes, attribute, { value: this.decode(raw, this.at + 1), enumerable: true, writable: true, configurable: true });
      this.at = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (this.at >= this.source.length) this.fail(`<${name}> is never closed`);
      if (this.source.startsWith('</', this.at)) {
        this.at += 2;
        const closing = this.name('a closing tag name');
        if (closing !== name) this.fail(`</${closing}> closes <${name}>`);
        this.skipSpace();
        if (this.source[this.at] !== '>') this.fail(`expected ">" to end </${closing}>`);
        this.at++;
        this.depth--;
        return { name, localName: localName(name), attributes, children, text, line };
      }
      if (this.source.startsWith('<!--', this.at)) this.skipPast('-->', 'an unclosed comment');
      else if (this.source.startsWith('<![CDATA[', this.at)) {
        const end = this.source.indexOf(']]>', this.at);
        if (end === -1) this.fail('an unclosed CDATA section');
        text += this.source.slice(this.at + 9, end);
        this.at = end + 3;
      } else if (this.source.startsWith('<?', this.at)) this.skipPast('?>', 'an unclosed processing instruction');
      else if (this.source.startsWith('<!', this.at)) this.fail('a declaration is not accepted here');
      else if (this.source[this.at] === '<') children.push(this.element());
      else {
        const next = this.source.indexOf('<', this.at);
        const end = next === -1 ? this.source.length : next;
        text += this.decode(this.source.slice(this.at, end), this.at);
        this.at = end;
      }
    }
  }

  private decode(raw: string, offset: number): string {
    return raw.replace(/&([^;\s&<]*);?/g, (match, body: string, index: number) => {
      const fail = (message: string) => { this.at = offset + index; return this.fail(message); };
      if (!match.endsWith(';')) return fail(`"&" must start an entity such as &amp;`);
      if (Object.hasOwn(ENTITIES, body)) return ENTITIES[body]!;
      const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
      if (!numeric) return fail(`unknown entity &${body};`);
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
      if (code > 0x10ffff || code === 0) return fail(`&${body}; is not a character`);
      return String.fromCodePoint(code);
    });
  }

  private name(what: string): string {
    const match = NAME.exec(this.source.slice(this.at, this.at + 256));
    if (!match) this.fail(`expected ${what}`);
    this.at += match![0].length;
    return match![0];
  }

  private skipSpace(): boolean {
    const start = this.at;
    while (/\s/.test(this.source[this.at] ?? '')) this.at++;
    return this.at > start;
  }

  private skipPast(terminator: string, what: string): void {
    const end = this.source.indexOf(terminator, this.at);
    if (end === -1) this.fail(what);
    this.at = end + terminator.length;
  }

  private lineAt(offset: number): number {
    if (offset < this.counted.offset) return lineAndColumn(this.source, offset).line;
    let line = this.counted.line;
    for (let i = this.source.indexOf('\n', this.counted.offset); i !== -1 && i < offset; i = this.source.indexOf('\n', i + 1)) line++;
    this.counted = { offset, line };
    return line;
  }

  /** Only for errors: the column needs the text since the line's start. */
  private position(): { line: number; column: number } {
    return lineAndColumn(this.source, this.at);
  }

  private fail(message: string): never {
    const { line, column } = this.position();
    throw new XmlError(message, line, column);
  }
}

function localName(name: string): string {
  return name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
}

/** The text of an XML file's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with one. Anything else,
 * such as Latin-1, is refused with the place of the first byte that is not UTF-8, never read with U+FFFD. */
export function decodeXmlBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number; message: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return decoded;
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)))?.[1];
  const { line, column } = decoded.problem;
  return {
    ok: false, line,
    message: `the file is not UTF-8: byte 0x${(bytes[decoded.offset] ?? 0).toString(16).padStart(2, '0')} at line ${line}, column ${column}`
      + `${declared ? ` (it declares encoding "${declared}")` : ''}; a REFI-QDA codebook must be UTF-8 or UTF-16 with a byte-order mark. `
      + 'Save it as UTF-8 and import it again',
  };
}
