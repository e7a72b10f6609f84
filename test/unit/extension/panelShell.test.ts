import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, renderShell } from '../../../src/extension/panelShell';

describe('webview shell document', function () {
  const html = renderShell({
    cspSource: 'https://abc.vscode-cdn.net',
    nonce: 'n0nce',
    scriptUri: 'https://abc.vscode-cdn.net/ext/dist/webview.js',
    styleUri: 'https://abc.vscode-cdn.net/ext/media/panel.css',
  });

  it('has a strict CSP: nonce scripts only, no unsafe-inline or unsafe-eval', function () {
    const csp = contentSecurityPolicy('https://abc.vscode-cdn.net', 'n0nce');
    assert.equal(
      csp,
      "default-src 'none'; script-src 'nonce-n0nce'; style-src https://abc.vscode-cdn.net 'nonce-n0nce'; font-src https://abc.vscode-cdn.net; img-src https://abc.vscode-cdn.net",
    );
    assert.ok(html.includes('http-equiv="Content-Security-Policy"'));
    assert.ok(!/unsafe-inline|unsafe-eval/.test(html));
  });

  it('loads its one script and stylesheet with the nonce, and tells FAST the nonce', function () {
    assert.match(html, /<script nonce="n0nce" src="https:\/\/abc\.vscode-cdn\.net\/ext\/dist\/webview\.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" nonce="n0nce" href="https:\/\/abc\.vscode-cdn\.net\/ext\/media\/panel\.css">/);
    assert.match(html, /<meta property="csp-nonce" content="n0nce">/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!/\sstyle=/.test(html), 'no inline style attributes');
    assert.ok(!/\son\w+=/.test(html), 'no inline event handlers');
  });
});
