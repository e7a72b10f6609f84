/**
 * The panel's static HTML document, produced by the host. Pure: no `vscode` import, so the
 * Content-Security-Policy is unit-tested as a string. No user data is ever put in the shell;
 * the webview script renders the scan result with `render.ts`.
 *
 * The `csp-nonce` meta tag is how FAST (under the webview UI toolkit) finds the nonce for the
 * `<style>` elements it creates at run time; without it those are blocked by `style-src`.
 */
import { escAttr } from '../model/display';

export interface ShellOptions {
  /** `webview.cspSource` */
  cspSource: string;
  /** A fresh random nonce per document. */
  nonce: string;
  /** `webview.asWebviewUri(dist/webview.js)` as a string. */
  scriptUri: string;
  /** `webview.asWebviewUri(media/panel.css)` as a string. */
  styleUri: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
  ].join('; ');
}

export function renderShell(o: ShellOptions): string {
  const nonce = escAttr(o.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escAttr(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="csp-nonce" content="${nonce}">
<link rel="stylesheet" nonce="${nonce}" href="${escAttr(o.styleUri)}">
<title>LLM Cost</title>
</head>
<body>
<header class="top">
  <h1>LLM hosting cost</h1>
  <div class="toolbar" role="toolbar" aria-label="Cost panel actions">
    <vscode-text-field id="filter" placeholder="Filter by file, model, task, tier" aria-label="Filter call sites"></vscode-text-field>
    <vscode-button id="rescan" appearance="secondary" aria-label="Rescan workspace">Rescan</vscode-button>
  </div>
</header>
<p id="notice" role="status" aria-live="polite"></p>
<section id="summary" aria-live="polite"><p class="status" role="status">Loading…</p></section>
<section id="whatif" aria-label="What-if inputs"></section>
<section id="grid-section" aria-label="Call sites"><div id="grid"></div><div id="grid-empty"></div></section>
<section id="detail" aria-label="Selected call" aria-live="polite"></section>
<script nonce="${nonce}" src="${escAttr(o.scriptUri)}"></script>
</body>
</html>`;
}
