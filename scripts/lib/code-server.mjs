// Shared plumbing for the real-VS-Code test runners: the tools from scripts/setup-test-tools.sh
// (code-server 4.139.1 on node 24, Debian chromium), a throwaway code-server on a free 127.0.0.1
// port, and headless chromium driven by playwright-core. Nothing here depends on files outside
// the repository.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TOOLS = join(ROOT, '.vscode-test-tools');
export const CODE_SERVER = process.env.CODE_SERVER || join(TOOLS, 'cs', 'bin', 'code-server');
export const NODE24_BIN = join(TOOLS, 'node_modules', 'node', 'bin');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const EXAMPLE_WORKSPACE = join(ROOT, 'examples', 'support-desk');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const log = (...args) => console.log('[runner]', ...args);

/** Runs scripts/setup-test-tools.sh when code-server, node 24 or chromium is missing. */
export function ensureTools() {
  if (process.env.CODE_SERVER) return;
  if (existsSync(CODE_SERVER) && existsSync(join(NODE24_BIN, 'node')) && existsSync(CHROMIUM)) return;
  log('test tools missing: running scripts/setup-test-tools.sh');
  const r = spawnSync('bash', [join(ROOT, 'scripts', 'setup-test-tools.sh')], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) throw new Error(`setup-test-tools.sh failed with exit code ${r.status}`);
}

/** `npm run build` (esbuild), unless the caller already built (LLMHA_SKIP_BUILD=1, set by test-all). */
/**
 * Builds dist/ with esbuild.mjs. `production: true` uses `--production` (minified, no source maps):
 * the same build `npm run package` puts in the .vsix, which is what the editor bench must measure.
 */
export function buildExtension({ production = false } = {}) {
  if (process.env.LLMHA_SKIP_BUILD === '1' && existsSync(join(ROOT, 'dist', 'extension.js'))) return;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs'), ...(production ? ['--production'] : [])], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) throw new Error(`build failed with exit code ${r.status}`);
  log(`extension built in ${Date.now() - t0} ms${production ? ' (production: minified, as `npm run package` ships it)' : ''}`);
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/**
 * Starts code-server with throwaway user-data, extensions and config dirs, in its own process
 * group (detached), and resolves once it listens. `stop()` ends the whole group and removes the dirs.
 */
export async function startCodeServer({ settings = {}, verbose = !!process.env.VERBOSE, installVsix, reuseDir } = {}) {
  const t0 = Date.now();
  // `reuseDir` (the `tmp` of an earlier server stopped with `keepDirs`): a second session with the same user data.
  const tmp = reuseDir ?? mkdtempSync(join(tmpdir(), 'llmha-cs-'));
  const userDir = join(tmp, 'user');
  mkdirSync(join(userDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'chat.disableAIFeatures': true,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.enableExperiments': false,
      'update.mode': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'git.enabled': false,
      // Tests decide when a document is saved (one test reverts an unsaved edit).
      'files.autoSave': 'off',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      ...settings,
    }),
  );
  writeFileSync(join(tmp, 'config.yaml'), 'auth: none\n');
  const port = await freePort();
  const env0 = { ...process.env, PATH: `${NODE24_BIN}:${dirname(CODE_SERVER)}:${process.env.PATH}`, XDG_CONFIG_HOME: join(tmp, 'xdg') };
  if (installVsix) {
    // The packaged extension, installed the way a user gets it (no dev-host payload then).
    const r = spawnSync(CODE_SERVER, ['--extensions-dir', join(tmp, 'ext'), '--user-data-dir', userDir, '--install-extension', installVsix], { env: env0, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing ${installVsix} failed: ${r.stdout}${r.stderr}`);
    log(`installed ${installVsix}`);
  }
  const env = {
    ...process.env,
    PATH: `${NODE24_BIN}:${dirname(CODE_SERVER)}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(tmp, 'xdg'),
    XDG_DATA_HOME: join(tmp, 'xdg-data'),
  };
  const server = spawn(
    CODE_SERVER,
    [
      '--config', join(tmp, 'config.yaml'),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--user-data-dir', userDir,
      '--extensions-dir', join(tmp, 'ext'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env },
  );
  let serverLog = '';
  let stopped = false;
  await new Promise((res, rej) => {
    const on = (d) => {
      serverLog += d;
      if (verbose) process.stdout.write(`[code-server] ${d}`);
      if (/HTTP server listening/.test(serverLog)) res();
    };
    server.stdout.on('data', on);
    server.stderr.on('data', on);
    server.on('error', rej);
    server.on('exit', (c) => { if (!stopped) rej(new Error(`code-server exited ${c}\n${serverLog}`)); });
    setTimeout(() => rej(new Error(`code-server did not start in 60 s\n${serverLog}`)), 60000).unref();
  });
  log(`code-server up on 127.0.0.1:${port} after ${Date.now() - t0} ms`);
  const stop = async ({ keepDirs = false } = {}) => {
    if (stopped) return;
    stopped = true;
    const exited = new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
    try { process.kill(-server.pid, 'SIGTERM'); } catch {}
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    try { process.kill(-server.pid, 'SIGKILL'); } catch {}
    if (!keepDirs) rmSync(tmp, { recursive: true, force: true });
  };
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  /** The workbench URL for a folder, with the dev-host payload (extension path, optional tests path). */
  const url = ({ folder, extensionDevelopmentPath = ROOT, extensionTestsPath } = {}) => {
    if (extensionDevelopmentPath === null) return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
    const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  };
  return { port, url, stop, serverLog: () => serverLog, tmp };
}

/** Launches Debian's chromium headless with a fresh profile (playwright-core, no bundled browser). */
export async function launchChromium({ viewport = { width: 1600, height: 1000 } } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'llmha-chr-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** Runs `cleanup` (end code-server and chromium) when the runner is interrupted (Ctrl-C, SIGTERM). */
export function onInterrupt(cleanup) {
  const handler = async (sig) => {
    await cleanup().catch(() => {});
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
