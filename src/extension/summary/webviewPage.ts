// Loads an Alliance Lens page into a webview (the Summary view's, the trend panel's): scripts on, resources only
// from dist/webview and media, and the strict-CSP shell of html.ts with its script and style sheets.
import * as vscode from 'vscode';
import { makeNonce, webviewShellHtml } from './html';

export interface WebviewPage {
  /** dist/webview/NAME.js and media/NAME.css. */
  name: string;
  title: string;
  placeholder: string;
}

export function loadWebviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): void {
  const webviewRoot = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  const mediaRoot = vscode.Uri.joinPath(extensionUri, 'media');
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, file)).toString();
  webview.options = { enableScripts: true, localResourceRoots: [webviewRoot, mediaRoot] };
  webview.html = webviewShellHtml({
    cspSource: webview.cspSource,
    nonce: makeNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, `${page.name}.js`)).toString(),
    styleUri: media(`${page.name}.css`),
    controlsStyleUri: media('controls.css'),
  }, page.title, page.placeholder);
}
