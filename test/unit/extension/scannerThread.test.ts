/**
 * The editor's scanner thread (src/extension/scannerClient.ts driving the built dist/scannerThread.js,
 * which loads the built dist/scanner.js): real worker threads scanning a copy of the example
 * workspace. Skipped when dist/ has not been built (`npm run build`; `npm test` builds first).
 */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lastScanFileName, parseStoredScan, restoreStoredScan, settingsKey } from '../../../src/extension/lastScan';
import { ScannerThread } from '../../../src/extension/scannerClient';
import type { ScanRequestOptions } from '../../../src/extension/scannerProtocol';
import type { ScanResult } from '../../../src/model/types';
import { scanWorkspace } from '../../../src/scan/scan';

const THREAD = path.resolve('dist', 'scannerThread.js');
const SCANNER = path.resolve('dist', 'scanner.js');
const EXAMPLE = path.resolve('examples', 'support-desk');

const request = (overrides: Partial<ScanRequestOptions> = {}): Omit<ScanRequestOptions, 'progress'> => ({ unsaved: new Map(), priceOverrideVersion: 0, ...overrides });

/** The result without what differs between two runs of the same scan. */
function comparable(result: ScanResult): unknown {
  const copy = structuredClone(result) as ScanResult & { summary: { durationMs?: number; filesReusedFromCache?: number } };
  delete (copy as { generatedAt?: string }).generatedAt;
  delete copy.summary.durationMs;
  delete copy.summary.filesReusedFromCache;
  return copy;
}

describe('extension: the scanner thread', function () {
  let root: string;
  let cacheFolder: string;
  const threads: ScannerThread[] = [];
  const thread = (codeCacheDirectory?: string, scannerBundle = SCANNER) => {
    const created = new ScannerThread(THREAD, { scannerBundle, codeCacheDirectory });
    threads.push(created);
    return created;
  };

  before(function () {
    if (!existsSync(THREAD) || !existsSync(SCANNER)) this.skip();
    root = mkdtempSync(path.join(tmpdir(), 'llmha-scanner-thread-'));
    cpSync(EXAMPLE, root, { recursive: true });
    cacheFolder = mkdtempSync(path.join(tmpdir(), 'llmha-scanner-thread-cache-'));
  });

  after(function () {
    for (const created of threads) created.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
    if (cacheFolder) rmSync(cacheFolder, { recursive: true, force: true });
  });

  it('scans as scanWorkspace does in this process, with progress, and says how it loaded the bundle', async function () {
    const scanner = thread();
    assert.equal(scanner.started, false);
    assert.equal(await scanner.heapUsed(), undefined, 'no thread, no heap');
    const progress: Array<[number, number]> = [];
    const onThread = await scanner.scan(root, request(), undefined, (done, total) => progress.push([done, total]));
    assert.ok(scanner.started);
    const here = await scanWorkspace(root);
    assert.ok(here.callSites.length > 0);
    assert.deepEqual(comparable(onThread), comparable(here));
    assert.ok(progress.length > 0, 'progress was reported');
    const [done, total] = progress[progress.length - 1];
    assert.equal(done, total);
    assert.equal(total, onThread.summary.filesScanned);
    assert.equal(scanner.load?.codeCache, 'off', 'without a cache folder the bundle is required as is');
    const heap = await scanner.heapUsed();
    assert.ok(heap !== undefined && heap > 10_000_000, `the thread's heap holds the scanner: ${heap} bytes`);
  });

  it('analyzes the unsaved text of a file instead of the file on disk, and keeps results between scans', async function () {
    const scanner = thread();
    const file = path.join(root, 'src', 'tickets', 'extract.ts');
    const first = await scanner.scan(root, request());
    const sitesIn = (result: ScanResult) => result.callSites.filter((site) => site.file === 'src/tickets/extract.ts');
    assert.ok(sitesIn(first).some((site) => site.model?.id === 'gpt-4o'));
    const edited = readFileSync(file, 'utf8').replace("model: 'gpt-4o',", "model: 'gpt-4.1',");
    const second = await scanner.scan(root, request({ unsaved: new Map([[file, edited]]) }));
    assert.ok(sitesIn(second).some((site) => site.model?.id === 'gpt-4.1'), 'the unsaved model is read');
    assert.ok(!sitesIn(second).some((site) => site.model?.id === 'gpt-4o'));
    assert.ok((second.summary.filesReusedFromCache ?? 0) > 0, 'unchanged files come from the thread\'s cache');
  });

  it('a cancelled scan rejects with an AbortError and the thread goes on scanning', async function () {
    const scanner = thread();
    const abort = new AbortController();
    // Both messages are queued before the thread has loaded the bundle: it starts the scan, then cancels it.
    const cancelled = scanner.scan(root, request(), abort.signal);
    abort.abort();
    await assert.rejects(cancelled, (error: Error) => error.name === 'AbortError');
    await assert.rejects(scanner.scan(root, request(), abort.signal), (error: Error) => error.name === 'AbortError', 'an aborted signal rejects at once');
    const after = await scanner.scan(root, request());
    assert.ok(after.callSites.length > 0);
  });

  it('stores the result it handed out for the next session; an older result, or one of a stopped thread, is not stored', async function () {
    const scanner = thread();
    const directory = path.join(cacheFolder, 'last-scan');
    const storeRequest = { directory, fileName: lastScanFileName(root), settings: settingsKey({}), inputs: [], skip: [], prune: true };
    const first = await scanner.scan(root, request());
    const second = await scanner.scan(root, request());
    assert.deepEqual(await scanner.storeLastScan(first, storeRequest), { stored: false, superseded: true }, 'a newer scan ran');
    assert.throws(() => readdirSync(directory), /ENOENT/);
    const outcome = await scanner.storeLastScan(second, storeRequest);
    assert.ok(outcome.stored);
    assert.equal(outcome.callSites, second.callSites.length);
    const stored = parseStoredScan(JSON.parse(readFileSync(path.join(directory, lastScanFileName(root)), 'utf8')));
    assert.ok(stored);
    assert.deepEqual((await restoreStoredScan(stored, { root, settings: storeRequest.settings }))?.result.callSites, JSON.parse(JSON.stringify(second.callSites)));
    assert.deepEqual(await scanner.storeLastScan(second, storeRequest), { stored: false, superseded: true }, 'each result is stored once');
    const third = await scanner.scan(root, request());
    scanner.dispose();
    const stopped = await scanner.storeLastScan(third, storeRequest);
    assert.ok(!stopped.stored);
  });

  it('a scan of a folder that is not there fails with the scan\'s own message', async function () {
    const scanner = thread();
    await assert.rejects(scanner.scan(path.join(root, 'no-such-folder'), request()), /not a readable directory/);
  });

  it('a thread that cannot load the scanner fails its scans with a clear error', async function () {
    const scanner = thread(undefined, path.join(root, 'missing-scanner.js'));
    await assert.rejects(scanner.scan(root, request()), /scanner thread (failed|exited)/);
    assert.equal(scanner.started, false, 'the next scan starts a new thread');
  });

  it('saves V8\'s code cache of the bundle, and the next thread loads from it', async function () {
    const first = thread(cacheFolder);
    await first.scan(root, request());
    assert.equal(first.load?.codeCache, 'missing');
    await first.saveCodeCache();
    assert.ok(readdirSync(cacheFolder).some((name) => name.startsWith('scanner.js-')), 'a cache file was written');
    first.dispose();
    const next = thread(cacheFolder);
    await next.scan(root, request());
    assert.equal(next.load?.codeCache, 'used');
  });
});
