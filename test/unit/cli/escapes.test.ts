// Other people's text reaches terminals, Markdown reports and name tables: none of it may act as anything but text.
import * as assert from 'assert';
import * as path from 'path';
import { forTerminal } from '../../../src/cli/terminal';
import { escapeMarkdown } from '../../../src/core/reports/markdown';
import { humanCodeCounts } from '../../../src/core/annotations/human-codes';
import { parseXml } from '../../../src/core/annotations/xml';
import { codeName } from '../../../src/core/code-names';
import { ensureBuiltCli, runCli, tempDirectory } from './run-cli';

describe('escapes: terminal, Markdown and name tables', function () {
  this.timeout(60_000);

  describe('terminal output', () => {
    it('forTerminal strips C0 (but tab and line feed), DEL and C1 controls, and line feeds too for a single line', () => {
      assert.strictEqual(forTerminal('a\x1b]0;pwned\x07b\tc\r\nd\x7fe\u009b31mf\u0000'), 'a]0;pwnedb\tc\nde31mf');
      assert.strictEqual(forTerminal('x\ny\tz', { singleLine: true }), 'xy\tz');
      assert.strictEqual(forTerminal('Café 😀 — ok'), 'Café 😀 — ok');
    });

    describe('alliance-lens analyze (built dist/cli.js)', () => {
      before(() => ensureBuiltCli());

      it('prints no escape sequence from a transcript to stderr or the table', () => {
        const name = 'esc\x1b[2Jname.vtt';
        const directory = tempDirectory({
          [name]: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nT: Hello\n\n00:00:xx\x1b]0;pwned\x07 --> soon\u009b2J\nC: Hi there\n',
        });
        const run = runCli(['analyze', path.join(directory, name)]);
        assert.strictEqual(run.status, 0, run.stderr);
        // eslint-disable-next-line no-control-regex
        const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
        assert.doesNotMatch(run.stderr, controls, JSON.stringify(run.stderr));
        assert.doesNotMatch(run.stdout, controls, JSON.stringify(run.stdout));
        assert.match(run.stderr, /:6: Malformed cue timing "00:00:xx\]0;pwned --> soon2J"/);
      });
    });
  });

  it('escapeMarkdown folds a lone CR like LF and CRLF, so CR-only text cannot start a Markdown line', () => {
    assert.strictEqual(escapeMarkdown('Fine.\r# Heading\r\n- item\n> quote\r\r| a |'), 'Fine. \\# Heading - item \\> quote \\| a \\|');
    assert.strictEqual(escapeMarkdown('a \r  b'), 'a b');
  });

  describe('ids that are also Object.prototype names', () => {
    it('codeName gives such ids back as they are', () => {
      for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) assert.strictEqual(codeName(id), id);
      assert.strictEqual(codeName('directive.command'), 'Command');
    });

    it('human code counts keep "__proto__" and "constructor" as codes', () => {
      const counts = humanCodeCounts(new Map([['Ann', new Map([[0, new Set(['__proto__', 'constructor'])], [1, new Set(['constructor'])]])]]));
      assert.deepStrictEqual(Object.entries(counts), [['__proto__', 1], ['constructor', 2]]);
    });

    it('XML: an attribute named "constructor" or "__proto__" is kept, and "&constructor;" is an unknown entity', () => {
      const element = parseXml('<Code constructor="a" __proto__="b" name="c"/>');
      assert.deepStrictEqual(Object.entries(element.attributes), [['constructor', 'a'], ['__proto__', 'b'], ['name', 'c']]);
      assert.throws(() => parseXml('<Code name="&constructor;"/>'), /unknown entity &constructor;/);
    });
  });
});
