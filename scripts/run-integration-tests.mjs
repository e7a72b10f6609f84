#!/usr/bin/env node
// Integration tests in a REAL VS Code extension host: code-server 4.139.1 (VS Code 1.139's
// workbench and node extension host), opened by headless Debian chromium via playwright-core,
// with a throwaway copy of examples/support-desk as the workspace (the tests edit files and write
// llm-usage.yml; the repository's example is never touched) and test/integration (mocha) as extensionTestsPath.
// Prints mocha's output and exits with its result (0 pass, 1 failing tests, 2 timeout, 3 error).
// Env: VERBOSE=1 for all logs, TEST_TIMEOUT_MS (default 1800000: a bound for a loaded machine, not a wait), LLMHA_SKIP_BUILD=1 to reuse dist/.
// `--desktop`: run the same suite in desktop VS Code with @vscode/test-electron instead (machines
// that can download VS Code; the package is not a dependency here: `npm i -D @vscode/test-electron`).
import * as esbuild from 'esbuild';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { buildExtension, EXAMPLE_WORKSPACE, ensureTools, launchChromium, onInterrupt, ROOT, startCodeServer } from './lib/code-server.mjs';

const TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS || 1800000);
const VERBOSE = !!process.env.VERBOSE;
const TEST_BUNDLE = join(ROOT, 'out', 'test', 'integration', 'index.js');

// Log lines of the workbench/extension host that are noise on an offline machine.
const NOISE = /authentication provider 'github'|tryActivateProvider|getSessions|open-vsx\.org|ENOTFOUND|EAI_AGAIN|Creating a socket|connection token|grace time|Service Worker|AgentHost|AccountPolicyGate|builtin extensions cache|marketplace|Extension host \(Remote\) is unresponsive|DeprecationWarning|punycode/i;

async function buildTests() {
  await esbuild.build({
    entryPoints: [join(ROOT, 'test', 'integration', 'index.ts')],
    outfile: TEST_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    // vscode is provided by the host; packages load from the project's node_modules at run time.
    external: ['vscode'],
    packages: 'external',
    logLevel: 'warning',
  });
}

async function runDesktop() {
  let testElectron;
  try {
    testElectron = await import('@vscode/test-electron');
  } catch {
    console.error('[runner] --desktop needs @vscode/test-electron (npm i -D @vscode/test-electron) and a machine that can download VS Code');
    process.exit(3);
  }
  buildExtension();
  await buildTests();
  const workspace = mkdtempSync(join(tmpdir(), 'llmha-ws-'));
  cpSync(EXAMPLE_WORKSPACE, workspace, { recursive: true });
  try {
    await testElectron.runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: TEST_BUNDLE,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

async function main() {
  if (process.argv.includes('--desktop')) {
    await runDesktop();
    return;
  }
  const t0 = Date.now();
  ensureTools();
  buildExtension();
  await buildTests();
  const workspace = mkdtempSync(join(tmpdir(), 'llmha-ws-'));
  cpSync(EXAMPLE_WORKSPACE, workspace, { recursive: true });
  const server = await startCodeServer();
  const browser = await launchChromium().catch(async (e) => { await server.stop(); rmSync(workspace, { recursive: true, force: true }); throw e; });
  const cleanup = async () => { await browser.close(); await server.stop(); rmSync(workspace, { recursive: true, force: true }); };
  onInterrupt(cleanup);
  let exitCode;
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const done = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationLog', (type, args) => {
        const msg = format(...(Array.isArray(args) ? args : [args]));
        if (VERBOSE || !NOISE.test(msg)) console.log(msg);
      });
      void page.exposeFunction('codeAutomationExit', (code) => { exitCode = code; resolve(); });
    });
    page.on('console', (m) => { if (VERBOSE) console.log('[browser]', m.text()); });
    await page.goto(server.url({ folder: workspace, extensionDevelopmentPath: ROOT, extensionTestsPath: TEST_BUNDLE }));
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => { console.error(`[runner] TIMEOUT after ${TIMEOUT_MS} ms waiting for the tests`); exitCode = 2; resolve(); }, TIMEOUT_MS); });
    await Promise.race([done, timeout]);
    clearTimeout(timer);
  } finally {
    await cleanup();
    if (VERBOSE) console.log(server.serverLog());
  }
  console.log(`[runner] integration tests exit code ${exitCode} after ${Date.now() - t0} ms`);
  process.exit(exitCode ?? 3);
}

main().catch((e) => { console.error('[runner]', e); process.exit(process.argv.includes('--desktop') ? 1 : 3); });
