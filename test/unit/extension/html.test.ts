import * as assert from 'assert';
import { contentSecurityPolicy, makeNonce, summaryShellHtml } from '../../../src/extension/summary/html';

describe('Summary webview shell', () => {
  const html = summaryShellHtml({ cspSource: 'vscode-webview://abc', nonce: 'n0nce', scriptUri: 'vscode-webview://abc/summary.js', styleUri: 'vscode-webview://abc/summary.css' });

  it("has a default-src 'none' CSP with nonce scripts and cspSource styles", () => {
    const csp = contentSecurityPolicy('vscode-webview://abc', 'n0nce');
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-n0nce'/);
    assert.match(csp, /style-src vscode-webview:\/\/abc/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.ok(html.includes(`content="${csp}"`));
  });

  it('loads exactly one script, carrying the nonce, and no inline script', () => {
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.deepStrictEqual(scripts, ['<script nonce="n0nce" src="vscode-webview://abc/summary.js">']);
    assert.doesNotMatch(html, /<script[^>]*>[^<]+<\/script>/);
  });

  it('makes a different hex nonce each time', () => {
    const first = makeNonce();
    assert.match(first, /^[0-9a-f]{36}$/);
    assert.notStrictEqual(first, makeNonce());
  });
});
