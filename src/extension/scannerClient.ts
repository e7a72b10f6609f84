/**
 * The extension host's side of the scanner thread (scannerThread.ts): starts it, sends it scans and
 * cancellations, and hands back results, progress and failures. A thread that dies (a crash, out of
 * memory) fails the scans it had; the next scan starts a new one. No `vscode` here.
 */
import { Worker } from 'node:worker_threads';
import type { ScanResult } from '../model/types';
import type { LastScanStoreOutcome, LastScanStoreRequest } from './lastScan';
import type { FromScannerThread, ScannerThreadData, ScanRequestOptions, ToScannerThread } from './scannerProtocol';

interface PendingScan {
  resolve(result: ScanResult): void;
  reject(error: Error): void;
  onProgress?: (done: number, total: number) => void;
}

/** A scan the thread stopped because it was cancelled (the caller checks its own signal as well). */
export class ScanCancelledError extends Error {
  constructor() {
    super('scan cancelled');
    this.name = 'AbortError';
  }
}

export class ScannerThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly scans = new Map<number, PendingScan>();
  /** Requests answered by one message (code cache saved, heap read, scan stored), with what each resolves to if the thread stops first. */
  private readonly replies = new Map<number, { resolve(value: unknown): void; whenStopped(reason: string): unknown }>();
  /** The thread's id of the scan behind each result handed out (a store names the result it writes). */
  private readonly scanIds = new WeakMap<ScanResult, number>();
  private loadInfo: { ms: number; codeCache: string } | undefined;
  private disposed = false;

  constructor(
    private readonly threadScript: string,
    private readonly data: ScannerThreadData,
  ) {}

  /** Starts the thread (it loads the scanner bundle at once) unless it runs. */
  start(): void {
    if (this.worker || this.disposed) return;
    const worker = new Worker(this.threadScript, { workerData: this.data });
    this.worker = worker;
    // The extension host ends the thread at deactivation (dispose); it never keeps a process alive by itself.
    worker.unref();
    worker.on('message', (message: FromScannerThread) => this.receive(message));
    worker.on('error', (error) => this.stopped(worker, `the scanner thread failed: ${error.message}`));
    worker.on('exit', (code) => this.stopped(worker, `the scanner thread exited (code ${code})`));
  }

  /** Whether the thread has been started (it loads the scanner bundle first thing). */
  get started(): boolean {
    return this.worker !== undefined;
  }

  /** How the thread loaded the scanner bundle: milliseconds, and the state of V8's code cache. Undefined until it has. */
  get load(): { ms: number; codeCache: string } | undefined {
    return this.loadInfo;
  }

  /** Scans `root` on the thread (progress messages only with `onProgress`); rejects with the scan's error, or a ScanCancelledError once `signal` aborts it. */
  scan(root: string, options: Omit<ScanRequestOptions, 'progress'>, signal?: AbortSignal, onProgress?: (done: number, total: number) => void): Promise<ScanResult> {
    if (signal?.aborted) return Promise.reject(new ScanCancelledError());
    this.start();
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('the scanner thread is closed'));
    const id = this.nextId++;
    return new Promise<ScanResult>((resolve, reject) => {
      this.scans.set(id, { resolve, reject, onProgress });
      signal?.addEventListener('abort', () => this.post({ kind: 'cancel', id }), { once: true });
      this.post({ kind: 'scan', id, root, options: { ...options, progress: onProgress !== undefined } });
    });
  }

  /** Drops the per-file results the thread keeps between scans. */
  forgetCache(): void {
    this.post({ kind: 'forget' });
  }

  /** Resolves once V8's code cache of the scanner bundle is written, when it was missing or stale (the thread writes it after its first scan); at once without a thread. */
  saveCodeCache(): Promise<void> {
    if (!this.worker) return Promise.resolve();
    return this.ask((id) => ({ kind: 'save-code-cache', id }), () => undefined);
  }

  /** The thread's heap in use after full collections, in bytes; undefined without a thread. */
  heapUsed(): Promise<number | undefined> {
    if (!this.worker) return Promise.resolve(undefined);
    return this.ask((id) => ({ kind: 'heap', id }), () => undefined);
  }

  /**
   * Has the thread write `result` (one this client handed out) for the next session. Superseded when
   * the thread has scanned since, or has been restarted: the newer result is stored instead.
   */
  storeLastScan(result: ScanResult, request: LastScanStoreRequest): Promise<LastScanStoreOutcome> {
    const scanId = this.scanIds.get(result);
    if (!this.worker || scanId === undefined) return Promise.resolve({ stored: false, superseded: true });
    return this.ask((id) => ({ kind: 'store-last-scan', id, scanId, request }), (reason) => ({ stored: false, error: reason }));
  }

  /** Stops the thread; scans in flight fail as cancelled. */
  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    if (worker) {
      this.stopped(worker, 'the scanner thread was closed', true);
      void worker.terminate();
    }
  }

  private post(message: ToScannerThread): void {
    this.worker?.postMessage(message);
  }

  /** Sends the request `message(id)` makes; resolves with the thread's one answer, or with `whenStopped` if the thread ends first. */
  private ask<T>(message: (id: number) => ToScannerThread, whenStopped: (reason: string) => T): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      this.replies.set(id, { resolve: resolve as (value: unknown) => void, whenStopped });
      this.post(message(id));
    });
  }

  private answer(id: number, value: unknown): void {
    this.replies.get(id)?.resolve(value);
    this.replies.delete(id);
  }

  private receive(message: FromScannerThread): void {
    switch (message.kind) {
      case 'loaded':
        this.loadInfo = { ms: message.ms, codeCache: message.codeCache };
        break;
      case 'progress':
        this.scans.get(message.id)?.onProgress?.(message.done, message.total);
        break;
      case 'scanned':
        this.scanIds.set(message.result, message.id);
        this.settle(message.id)?.resolve(message.result);
        break;
      case 'failed': {
        const error = message.cancelled ? new ScanCancelledError() : new Error(message.message);
        if (!message.cancelled && message.stack) error.stack = message.stack;
        this.settle(message.id)?.reject(error);
        break;
      }
      case 'code-cache-saved':
        this.answer(message.id, undefined);
        break;
      case 'heap-used':
        this.answer(message.id, message.bytes);
        break;
      case 'last-scan-stored':
        this.answer(message.id, message.outcome);
        break;
    }
  }

  private settle(id: number): PendingScan | undefined {
    const pending = this.scans.get(id);
    this.scans.delete(id);
    return pending;
  }

  /** The thread ended: what it had in flight fails, and the next scan starts a new thread. */
  private stopped(worker: Worker, reason: string, cancelled = false): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const pending of this.scans.values()) pending.reject(cancelled ? new ScanCancelledError() : new Error(reason));
    this.scans.clear();
    for (const { resolve, whenStopped } of this.replies.values()) resolve(whenStopped(reason));
    this.replies.clear();
  }
}
