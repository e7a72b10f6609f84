import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { scanWorkspace } from '../../../src/scan/scan';
import type * as ScannerBundle from '../../../src/extension/scannerBundle';

const REPO = path.resolve(__dirname, '..', '..', '..');
// Inside the repo (git-ignored), so the bundle resolves tiktoken's rank files like dist/ does.
const BUNDLE_DIR = path.join(REPO, 'out', 'test-tokenizer-worker');

/** Builds the scanner bundle and its tokenizer worker the way esbuild.mjs does, into BUNDLE_DIR. */
async function buildScannerBundle(): Promise<typeof ScannerBundle> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', absWorkingDir: REPO } as const;
  await esbuild.build({ ...common, entryPoints: ['src/extension/scannerBundle.ts'], outfile: path.join(BUNDLE_DIR, 'scanner.js'), external: ['vscode'] });
  await esbuild.build({ ...common, entryPoints: ['src/scan/tokenizerWorker.ts'], outfile: path.join(BUNDLE_DIR, 'tokenizer-worker.js') });
  copyFileSync(path.join(REPO, 'node_modules', 'tiktoken', 'lite', 'tiktoken_bg.wasm'), path.join(BUNDLE_DIR, 'tiktoken_bg.wasm'));
  return require(path.join(BUNDLE_DIR, 'scanner.js')) as typeof ScannerBundle;
}

function comparable(result: Awaited<ReturnType<typeof scanWorkspace>>): unknown {
  return { ...result, generatedAt: undefined, summary: { ...result.summary, durationMs: undefined } };
}

describe('token counting in the worker thread (bundled scanner)', function () {
  this.timeout(60_000);
  let scanner: typeof ScannerBundle;
  before(async () => {
    scanner = await buildScannerBundle();
  });
  after(async () => {
    await scanner?.stopTokenizerWorker();
    rmSync(BUNDLE_DIR, { recursive: true, force: true });
  });

  it('counts in the worker and prices exactly as counting in-process does', async () => {
    const example = path.join(REPO, 'examples', 'support-desk');
    const fromBundle = await scanner.scanWorkspace(example);
    assert.equal(scanner.tokenizerWorkerRunning(), true, 'the bundled scanner started its tokenizer worker');
    // From sources there is no worker script next to the module, so this one counts in-process.
    const fromSources = await scanWorkspace(example);
    assert.ok(fromBundle.callSites.length > 0);
    assert.ok(fromBundle.callSites.some((site) => (site.tokens.countedInput ?? 0) > 0), 'some static prompt text was counted');
    assert.deepEqual(comparable(fromBundle), comparable(fromSources));
  });

  it('ends the worker once the prompts are counted when asked (the CLI), with the same result', async () => {
    const example = path.join(REPO, 'examples', 'support-desk');
    const kept = await scanner.scanWorkspace(example);
    assert.equal(scanner.tokenizerWorkerRunning(), true);
    await scanner.stopTokenizerWorker();
    const released = await scanner.scanWorkspace(example, { releaseTokenizerWhenCounted: true });
    assert.equal(scanner.tokenizerWorkerRunning(), false, 'the worker is gone before the scan returns');
    assert.deepEqual(comparable(released), comparable(kept));
  });

  it('stops the worker on request, and a later scan starts a new one', async () => {
    await scanner.stopTokenizerWorker();
    assert.equal(scanner.tokenizerWorkerRunning(), false);
    const again = await scanner.scanWorkspace(path.join(REPO, 'examples', 'support-desk'));
    assert.ok(again.callSites.length > 0);
    assert.equal(scanner.tokenizerWorkerRunning(), true);
  });
});
