#!/usr/bin/env node
// UI end-to-end test: code-server with this extension (dev-host payload) on examples/support-desk,
// headless Debian chromium via playwright-core, steps from test/e2e/panel.e2e.mjs. Prints one line
// per step and mocha-style counts ("N passing", "N failing", "N pending"); screenshots go to the
// git-ignored test-results/ui/. Exit 0 when every step passed.
// Env: VERBOSE=1, LLMHA_SKIP_BUILD=1 to reuse dist/, LLMHA_UI_VSIX=path/to.vsix to test the
// packaged extension installed into code-server instead of the dev-host checkout.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildExtension, EXAMPLE_WORKSPACE, ensureTools, launchChromium, onInterrupt, ROOT, startCodeServer } from './lib/code-server.mjs';

const SHOTS = join(ROOT, 'test-results', 'ui');
const VERBOSE = !!process.env.VERBOSE;

function expectedScan() {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'llm-hosting-advisor.js'), 'scan', EXAMPLE_WORKSPACE, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`CLI scan failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function main() {
  const t0 = Date.now();
  ensureTools();
  buildExtension();
  mkdirSync(SHOTS, { recursive: true });
  const expected = expectedScan();
  const { steps } = await import(pathToFileURL(join(ROOT, 'test', 'e2e', 'panel.e2e.mjs')).href);
  const vsix = process.env.LLMHA_UI_VSIX ? resolve(process.env.LLMHA_UI_VSIX) : undefined;
  const server = await startCodeServer({ installVsix: vsix });
  const browser = await launchChromium().catch(async (e) => { await server.stop(); throw e; });
  const cleanup = async () => { await browser.close(); await server.stop(); };
  onInterrupt(cleanup);
  let passed = 0, failed = 0, pending = 0;
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const consoleErrors = [];
    page.on('console', (m) => {
      const text = m.text();
      if (m.type() === 'error' || /Content Security Policy/i.test(text)) consoleErrors.push(text);
      if (VERBOSE) console.log(`[browser ${m.type()}]`, text.slice(0, 300));
    });
    await page.goto(server.url({ folder: EXAMPLE_WORKSPACE, extensionDevelopmentPath: vsix ? null : ROOT }));
    const ctx = { page, expected, shotsDir: SHOTS, state: {}, consoleErrors };
    console.log(`\n  Cost panel UI (code-server + chromium${vsix ? `, installed ${vsix}` : ''})`);
    for (const step of steps) {
      if (failed) { pending++; console.log(`    - ${step.name} (skipped)`); continue; }
      const s0 = Date.now();
      try {
        await step.run(ctx);
        passed++;
        console.log(`    ✔ ${step.name} (${Date.now() - s0}ms)`);
      } catch (e) {
        failed++;
        console.log(`    ✖ ${step.name} (${Date.now() - s0}ms)\n      ${String(e?.message ?? e).split('\n').join('\n      ')}`);
        await page.screenshot({ path: join(SHOTS, 'failure.png') }).catch(() => {});
        console.log(`      screenshot: ${join(SHOTS, 'failure.png')}`);
      }
    }
  } finally {
    await cleanup();
  }
  console.log(`\n  ${passed} passing (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
  if (failed) console.log(`  ${failed} failing`);
  if (pending) console.log(`  ${pending} pending`);
  console.log(`[runner] screenshots in ${SHOTS}`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error('[runner]', e); process.exit(3); });
