#!/usr/bin/env node
// The cost panel's real HTML (renderShell from src/extension/panelShell.ts) and real script
// (dist/webview.js, the toolkit included) in headless Debian Chromium via playwright-core, fed a
// scan result whose every string is hostile: <script>, </textarea>, javascript: URLs, event-handler
// attributes, bidi controls, in prompt text, file names, model strings, reasons, options, prices
// and notices. Proves that no script from the data runs (window.__pwned stays unset, no dialog),
// that no live markup from the data reaches the DOM, that bidi characters are shown as visible
// markers, and that the CSP has no unsafe-inline / unsafe-eval and is enforced. Needs `npm run build`
// (dist/webview.js). Prints mocha-style counts for scripts/test-all.mjs. Exit 0 when all pass.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, ensureTools, ROOT } from '../../scripts/lib/code-server.mjs';

const ORIGIN = 'https://webview.test';
const SHOTS = join(ROOT, 'test-results', 'ui');

// Payloads that would set window.__pwned (or open a dialog) if any of them ran.
const P = {
  script: '<script>window.__pwned="script"</script>',
  img: '<img src=x onerror="window.__pwned=\'img\'">',
  textarea: '</textarea><svg onload="window.__pwned=\'svg\'"></svg>',
  js: 'javascript:window.__pwned="js";alert(1)',
  attr: '" onmouseover="window.__pwned=\'attr\'" autofocus onfocus="window.__pwned=\'focus\'" x="',
  single: "' onfocus='window.__pwned=1' autofocus='",
  iframe: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  style: '<style>body{background:url(javascript:alert(1))}</style>',
  template: '${window.__pwned=1}{{constructor.constructor("window.__pwned=1")()}}',
  bidi: 'access\u202E\u2066 ;admin\u2069\u2067 done',
  link: '[click](javascript:alert(1)) <a href="javascript:window.__pwned=1">x</a>',
};
const ALL = Object.values(P).join(' ');
const pick = (i) => Object.values(P)[i % Object.values(P).length];

function hostileResult() {
  const sites = Array.from({ length: 6 }, (_, i) => {
    const h = pick(i);
    const id = `src/${pick(i + 1).replace(/[\u0000-\u001f\u007f]/g, '')}.ts#${i}:create`.slice(0, 500);
    return {
      id,
      file: `src/${h}/${P.bidi}${i}.ts`,
      line: 3 + i,
      column: 7,
      endLine: 8 + i,
      endColumn: 3,
      provider: pick(i + 2),
      sdk: 'openai',
      method: `chat.${P.script}`,
      endpoint: 'chat',
      model: { id: i % 2 ? null : pick(i + 3), raw: `${P.js} ${P.textarea}`, source: 'literal' },
      task: { type: pick(i + 4), confidence: 0.5, reasons: [ALL, P.link] },
      tokens: { inputPerCall: 1000 + i, outputPerCall: 10, method: P.img, holes: [{ kind: 'interpolation', expression: P.textarea, tokens: 50, source: 'default' }] },
      features: { streaming: false, tools: false, vision: false, structuredOutput: false },
      volume: { callsPerMonth: 10000, source: 'default', basis: P.attr },
      options: [
        { tier: 'closed-api', label: `Stay on ${P.script}`, monthlyUsd: 100 + i, viable: true, why: P.img, derivation: ALL, current: true, price: { source: P.js, asOf: P.bidi } },
        { tier: 'open-api', label: P.iframe, monthlyUsd: 10, viable: true, why: P.style, derivation: P.template },
        {
          tier: 'self-hosted',
          label: P.single,
          monthlyUsd: 50,
          viable: false,
          why: P.textarea,
          sizing: {
            model: P.script, precision: P.img, gpu: P.js, gpusPerReplica: 1, replicas: 1, fits: true,
            memory: [{ name: P.textarea, gib: 10, derivation: P.attr }, { name: 'usable', gib: 70, derivation: '' }],
            usableGibPerReplica: 70, monthlyGpuUsdOnDemand: 50, engine: P.iframe, notes: [ALL],
          },
        },
      ],
      recommendation: { tier: 'open-api', label: P.iframe, monthlyUsd: 10, savingsUsd: 90 + i, why: ALL },
      monthlyUsdCurrent: 100 + i,
      enclosingFunction: P.single,
      evidence: [ALL, P.bidi],
      promptPreview: `${P.bidi} ${P.textarea} ${P.script} ${P.template}`,
    };
  });
  return {
    schemaVersion: 1,
    root: `/ws/${P.script}`,
    generatedAt: '2026-11-27T00:00:00.000Z',
    catalog: { asOf: P.img, sources: [P.js] },
    callSites: sites,
    summary: { callSites: sites.length, monthlyUsdCurrent: 615, monthlyUsdRecommended: 60, savingsUsd: 555, volumeAssumption: ALL },
    diagnostics: [{ file: P.script, message: ALL, severity: 'warning' }],
  };
}

async function loadShell() {
  const out = join(tmpdir(), `llmha-shell-${process.pid}.mjs`);
  await esbuild.build({ entryPoints: [join(ROOT, 'src', 'extension', 'panelShell.ts')], outfile: out, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(out, { force: true });
  }
}

/**
 * Resolves once the page has its fonts and has rendered two more frames: whatever the last
 * synchronous render put in the DOM is on screen, and the work queued by it (the toolkit's
 * components update on the next animation frame) has run.
 */
async function painted(page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  });
}

/**
 * Posts the messages to the page, then a marker after them, and resolves when the marker arrived:
 * messages are dispatched in order and the panel's listener, registered first, handles each
 * synchronously, so by then the panel has handled every one of them.
 */
async function postAndDrain(page, messages) {
  await page.evaluate(
    (messages) =>
      new Promise((resolve) => {
        const marker = `drained-${Math.random()}`;
        const onMessage = (event) => {
          if (event.data !== marker) return;
          window.removeEventListener('message', onMessage);
          resolve();
        };
        window.addEventListener('message', onMessage);
        for (const m of messages) window.postMessage(m, '*');
        window.postMessage(marker, '*');
      }),
    messages,
  );
}

const results = [];
async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push(true);
    console.log(`    ✔ ${name} (${Date.now() - t0}ms)`);
  } catch (e) {
    results.push(false);
    console.log(`    ✖ ${name}\n      ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n      ')}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

async function main() {
  ensureTools(); // Debian chromium (and the rest of the test tools) on a fresh machine
  const webviewJs = join(ROOT, 'dist', 'webview.js');
  if (!existsSync(webviewJs)) throw new Error('dist/webview.js missing: run npm run build');
  const { renderShell, contentSecurityPolicy } = await loadShell();
  const nonce = 'TEST-nonce-1234567890';
  const html = renderShell({ cspSource: ORIGIN, nonce, scriptUri: `${ORIGIN}/dist/webview.js`, styleUri: `${ORIGIN}/media/panel.css` });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  console.log('\n  Cost panel webview with hostile data (Chromium, real HTML + dist/webview.js)');
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const dialogs = [];
    const cspViolations = [];
    const pageErrors = [];
    page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text()); });
    // VS Code's webview API, as the page sees it (installed before any page script, outside the CSP).
    await page.addInitScript(() => {
      window.__posted = [];
      let state;
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => state, setState: (s) => { state = s; } });
    });
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: html });
      if (path === '/dist/webview.js') return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(webviewJs) });
      if (path === '/media/panel.css') return route.fulfill({ status: 200, contentType: 'text/css', body: readFileSync(join(ROOT, 'media', 'panel.css')) });
      // Anything else (an <img src=x> that slipped through, say) is recorded and refused.
      cspViolations.push(`unexpected request ${route.request().url()}`);
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${ORIGIN}/index.html`);

    await step('the CSP has no unsafe-inline or unsafe-eval, scripts need the nonce', async () => {
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert(csp === contentSecurityPolicy(ORIGIN, nonce), `CSP in the page: ${csp}`);
      assert(!/unsafe-inline|unsafe-eval|unsafe-hashes|\*/.test(csp), csp);
      assert(/default-src 'none'/.test(csp) && new RegExp(`script-src 'nonce-${nonce}'`).test(csp), csp);
    });

    await step('the panel script runs and says ready', async () => {
      await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'), null, { timeout: 15000 });
    });

    const result = hostileResult();
    await step('a scan result full of hostile strings renders as text; no script from the data runs', async () => {
      await page.evaluate(({ result, P }) => {
        window.postMessage({
          type: 'scanResult',
          result,
          focusCallSiteId: result.callSites[0].id,
          whatIf: { callsPerMonth: { [result.callSites[0].id]: 5 } },
          prices: { bundledAsOf: P.script, override: { asOf: P.img, url: P.js, fetchedAt: P.textarea, models: 3 } },
          choices: { gpus: [{ id: 'h100-80gb', name: P.script }, { id: 'x', name: P.img }], precisions: ['bf16', P.script] },
        }, '*');
        window.postMessage({ type: 'notice', level: 'info', text: P.iframe }, '*');
      }, { result, P });
      await page.locator('vscode-data-grid-row.callsite').first().waitFor({ timeout: 15000 });
      await page.locator('#detail-title').waitFor({ timeout: 15000 });
      // Click every row and hover a few things: handlers would fire on interaction.
      const rows = page.locator('vscode-data-grid-row.callsite');
      for (let i = 0; i < (await rows.count()); i++) {
        await rows.nth(i).locator('vscode-data-grid-cell').first().click();
        await page.mouse.move(300, 400);
      }
      await page.locator('#filter input').fill(P.script);
      await page.locator('#filter input').fill('');
      await page.locator('vscode-data-grid-row.callsite').nth(result.callSites.length - 1).waitFor({ timeout: 15000 });
      await painted(page);
      await page.screenshot({ path: join(SHOTS, 'hostile-panel.png'), fullPage: true });
      const pwned = await page.evaluate(() => window.__pwned);
      assert(pwned === undefined, `window.__pwned = ${pwned}`);
      assert(dialogs.length === 0, `dialogs: ${dialogs.join(', ')}`);
    });

    await step('no live markup from the data reached the DOM (no handlers, scripts, iframes, javascript: links)', async () => {
      const found = await page.evaluate(() => {
        const bad = [];
        const walk = (root) => {
          for (const el of root.querySelectorAll('*')) {
            for (const a of el.getAttributeNames()) if (/^on/i.test(a)) bad.push(`${el.tagName} ${a}`);
            const href = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
            if (/^\s*javascript:/i.test(href)) bad.push(`${el.tagName} ${href}`);
            if (['IFRAME', 'OBJECT', 'EMBED', 'IMG', 'SVG', 'STYLE', 'TEXTAREA', 'A'].includes(el.tagName.toUpperCase())) bad.push(el.tagName);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        const scripts = [...document.querySelectorAll('script')].map((s) => s.getAttribute('src') ?? 'inline');
        return { bad, scripts };
      });
      assert(found.bad.length === 0, `live elements from the data: ${found.bad.slice(0, 10).join(', ')}`);
      assert(found.scripts.length === 1 && found.scripts[0].endsWith('/dist/webview.js'), `scripts: ${found.scripts.join(', ')}`);
    });

    await step('the hostile text is shown literally, with bidi controls as visible markers', async () => {
      const text = await page.evaluate(() => document.body.innerText);
      assert(text.includes('<script>window.__pwned="script"</script>'), 'the <script> payload is visible as text');
      assert(text.includes('</textarea><svg'), 'the </textarea> payload is visible as text');
      assert(text.includes('<U+202E>') && text.includes('<U+2066>'), 'bidi controls shown as <U+…> markers');
      assert(!/[\u202a-\u202e\u2066-\u2069]/.test(text), 'no raw bidi control character in the rendered text');
    });

    await step('the CSP is enforced: an inline handler injected at run time does not run', async () => {
      // Chromium reports the blocked handler on the console; Playwright hears of it as an event.
      const reported = page.waitForEvent('console', { predicate: (m) => /Content Security Policy|Refused/i.test(m.text()), timeout: 15000 });
      // The image's load or error event is when its inline handler would have run: a listener added
      // after the attribute runs after it, so the probe is read once the handler's turn is over.
      const probe = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const holder = document.createElement('div');
            holder.innerHTML = '<img id="csp-probe" src="data:," onerror="window.__cspProbe=1" onload="window.__cspProbe=1">';
            const img = holder.firstElementChild;
            const done = () => resolve(window.__cspProbe);
            img.addEventListener('load', done);
            img.addEventListener('error', done);
            document.body.append(img);
          }),
      );
      await reported;
      assert(probe === undefined, 'inline event handler ran despite the CSP');
      assert(cspViolations.some((v) => /Content Security Policy|Refused/i.test(v)), 'Chromium reported the blocked handler');
      const fromData = cspViolations.filter((v) => !/csp-probe|inline event handler|script-src-attr|img-src/i.test(v) || /unexpected request/.test(v));
      assert(fromData.length === 0, `violations or requests caused by the data: ${fromData.join('\n')}`);
    });

    await step('forged host messages are ignored and page errors stay at zero', async () => {
      await postAndDrain(page, [
        { type: 'scanResult', result: { schemaVersion: 1, callSites: [{ id: P.script }] } },
        { type: 'focus', callSiteId: { value: P.script } },
        { type: 'eval', code: 'window.__pwned=1' },
        P.script,
      ]);
      await painted(page);
      assert((await page.evaluate(() => window.__pwned)) === undefined, 'pwned');
      assert(pageErrors.length === 0, `page errors: ${pageErrors.join('\n')}`);
      const posted = await page.evaluate(() => window.__posted);
      for (const m of posted) assert(['ready', 'select', 'reveal', 'whatIf', 'resetWhatIf', 'saveVolume', 'rescan'].includes(m.type), `unexpected message ${JSON.stringify(m)}`);
    });
  } finally {
    await browser.close();
  }
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  console.log(`\n  ${passed} passing`);
  if (failed) console.log(`  ${failed} failing`);
  process.exit(failed ? 1 : 0);
}

mkdirSync(SHOTS, { recursive: true });
main().catch((e) => { console.error('[webview-hostile]', e); process.exit(3); });
