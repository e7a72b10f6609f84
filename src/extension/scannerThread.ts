/**
 * The editor's scanner thread (dist/scannerThread.js): a worker thread of the extension host that
 * loads dist/scanner.js (ts-morph, TypeScript, the token counter, the catalog) and runs the
 * workspace scans. The extension host's thread is shared by every extension and carries VS Code's
 * requests (for lenses, hovers, completions): loading the 11 MB bundle there held it for 1-2 s in a
 * first session, and each scan held it for its whole length. Here both run beside it, on another
 * core. The thread starts with the session's first scan (the editor's first request for lenses).
 * Keeps the per-file results between scans (ScanCache) and V8's code cache of the bundle. No `vscode`.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { requireWithCodeCache } from '../runtime/codeCache';
import type { ScanResult } from '../model/types';
import { storeScan, type LastScanStoreRequest, type StoredStamps } from './lastScan';
import type { Catalog } from '../core/catalog/catalog';
import type { FromScannerThread, ScannerThreadData, ScanRequestOptions, ToScannerThread } from './scannerProtocol';

type ScannerModule = typeof import('./scannerBundle');

const port = parentPort;
if (!port) throw new Error('scannerThread.js runs as a worker thread of the extension host');
const data = workerData as ScannerThreadData;
const send = (message: FromScannerThread) => port.postMessage(message);

const started = performance.now();
const loaded = requireWithCodeCache<ScannerModule>(data.scannerBundle, data.codeCacheDirectory);
const scanner = loaded.exports;
send({ kind: 'loaded', ms: Math.round(performance.now() - started), codeCache: loaded.cache });

let cache = new scanner.ScanCache();
let codeCacheSaved: Promise<void> | undefined;
/**
 * Writes V8's code cache of the bundle once (when it was missing or stale), right after the first
 * scan: it then holds the functions that scan compiled, and the user is reading the first lenses,
 * not yet saving (creating the cache holds this thread ~0.1-0.3 s; a re-scan asked meanwhile waits).
 */
const saveCodeCacheOnce = () => (codeCacheSaved ??= loaded.saveCache());
const running = new Map<number, AbortController>();
/** The last scan's result until it is stored for the next session (the extension host asks once it is on screen). */
let lastScanned: { id: number; result: ScanResult } | undefined;
/** Scans started so far: a store gives way to a scan that started while it stamped files. */
let scansStarted = 0;
/** The stamps of the record this thread stored last: the next record reuses them for unchanged files. */
let storedStamps: StoredStamps | undefined;
/** One catalog object per override version, so the per-call pricing cache keeps working across re-scans. */
let overrideCatalog: { version: number; catalog: Catalog } | undefined;

function catalogFor(options: ScanRequestOptions): Catalog | undefined {
  if (!options.priceOverride) return undefined;
  if (overrideCatalog?.version !== options.priceOverrideVersion) overrideCatalog = { version: options.priceOverrideVersion, catalog: scanner.catalogWithOverride(options.priceOverride) };
  return overrideCatalog.catalog;
}

async function scan(id: number, root: string, options: ScanRequestOptions): Promise<void> {
  const abort = new AbortController();
  scansStarted++;
  running.set(id, abort);
  let reported = -1;
  try {
    const result = await scanner.scanWorkspace(root, {
      defaultCallsPerMonth: options.defaultCallsPerMonth,
      nonProduction: options.nonProduction,
      advisorOptions: options.advisorOptions,
      catalog: catalogFor(options),
      signal: abort.signal,
      cache,
      unsaved: options.unsaved,
      // Whole percents only: a 30,000-file scan would otherwise send a message per file.
      onProgress: options.progress
        ? (done, total) => {
            const percent = total ? Math.floor((done / total) * 100) : 100;
            if (percent === reported) return;
            reported = percent;
            send({ kind: 'progress', id, done, total });
          }
        : undefined,
    });
    lastScanned = { id, result };
    send({ kind: 'scanned', id, result });
    void saveCodeCacheOnce();
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    send({ kind: 'failed', id, message: error.message, cancelled: abort.signal.aborted, ...(error.stack ? { stack: error.stack } : {}) });
  } finally {
    running.delete(id);
  }
}

/**
 * Writes the result of scan `scanId` for the next session here, not on the extension host: the
 * record's JSON is the whole result (2.8 MB on a 3,000-file workspace, 5.7 MB on anything-llm), and
 * stringifying it there held that thread 20-70 ms after each save.
 */
async function storeLastScan(id: number, scanId: number, request: LastScanStoreRequest): Promise<void> {
  const scanned = lastScanned;
  if (scanned?.id !== scanId) {
    send({ kind: 'last-scan-stored', id, outcome: { stored: false, superseded: true } });
    return;
  }
  lastScanned = undefined;
  const startedBefore = scansStarted;
  const outcome = await storeScan(scanned.result, { ...request, previous: storedStamps ?? request.previous }, () => scansStarted === startedBefore);
  if (outcome.stored) storedStamps = outcome.stamps;
  send({ kind: 'last-scan-stored', id, outcome });
}

/** This thread's heap in use after three full collections (`gc` is exposed for the call only if the process did not). */
function heapAfterCollection(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

port.on('message', (message: ToScannerThread) => {
  switch (message.kind) {
    case 'scan':
      void scan(message.id, message.root, message.options);
      break;
    case 'cancel':
      running.get(message.id)?.abort();
      break;
    case 'forget':
      cache = new scanner.ScanCache();
      break;
    case 'save-code-cache':
      void saveCodeCacheOnce().finally(() => send({ kind: 'code-cache-saved', id: message.id }));
      break;
    case 'heap':
      send({ kind: 'heap-used', id: message.id, bytes: heapAfterCollection() });
      break;
    case 'store-last-scan':
      void storeLastScan(message.id, message.scanId, message.request);
      break;
  }
});
