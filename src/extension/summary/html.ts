// The HTML shell of the Summary and trend webviews. It holds no transcript text at all: the webview script builds
// the DOM with textContent from validated messages, so nothing from a transcript is ever parsed as HTML.
import { EMPTY_STATE_TEXT } from '../../shared/protocol';

export interface ShellOptions {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** media/controls.css (buttons and drop-downs), linked before the page's own style sheet. */
  controlsStyleUri?: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** A cryptographically random nonce per rendering, so only our own script tag runs. */
export function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function summaryShellHtml(options: ShellOptions): string {
  return webviewShellHtml(options, 'Alliance Lens Summary', EMPTY_STATE_TEXT);
}

/** A page titled `title` that shows `placeholder` until its script renders. */
export function webviewShellHtml(options: ShellOptions, title: string, placeholder: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${options.controlsStyleUri ? `<link rel="stylesheet" href="${attribute(options.controlsStyleUri)}">\n` : ''}<link rel="stylesheet" href="${attribute(options.styleUri)}">
<title>${attribute(title)}</title>
</head>
<body>
<main id="root"><p class="empty">${attribute(placeholder)}</p></main>
<div id="status" class="visually-hidden" role="status" aria-live="polite"></div>
<script nonce="${attribute(options.nonce)}" src="${attribute(options.scriptUri)}"></script>
</body>
</html>`;
}
