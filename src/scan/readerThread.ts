/**
 * The reader thread's own end on the main thread (prereadWorker.ts runs on the thread): starts it and
 * holds what it sends until the scan takes it. Kept apart from preread.ts, which also reads on the main
 * thread when the thread fails (the file walk, the settings files, the examination), because the CLI's
 * launcher starts the thread before it loads anything else: this module and what it imports are all the
 * launcher's bundle (dist/launch.js) evaluates before the scanner bundle loads.
 */
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import { MAX_KEPT_TEXT_CHARS, type ExaminedFile } from './fileExamination';
import type { DiscoveredFile } from './files';
import type { StatDigests } from './statDigests';
import type { LoadedSettings } from './settingsFiles';
import type { Diagnostic } from '../model/types';

/** What the reader thread is asked to do: the scan uses its results only when its own options are the same. */
export interface PrereadRequest {
  /** Absolute scan root. */
  root: string;
  exclude: readonly string[];
  include: readonly string[];
  /** Hash each file's bytes (the scan keeps results between runs, resultStore.ts). */
  hashContent: boolean;
  /** The store's stat-digest file (statDigests.ts): files whose stat it holds are not read. */
  statDigestsFile?: string;
  /** Characters of texts to parse the thread may send ahead of what the main thread took. */
  maxUnconsumedChars: number;
  /**
   * Characters of text of files the scan will not parse (ruled out by the prefilter, or minified) that
   * the thread sends; past them such files come without their text (see prereadWorker.ts).
   */
  maxUnparsedTextChars: number;
}

export type ExaminedBatchEntry = ExaminedFile & { index: number };

/** Messages from the reader thread, in this order: discovered, settings, stat-digests (with a stat-digest file), examined..., done (or failed at any point). */
export type ReaderMessage =
  | { kind: 'discovered'; files: DiscoveredFile[]; diagnostics: Diagnostic[]; listedAt: number }
  | ({ kind: 'settings' } & LoadedSettings)
  | { kind: 'examined'; entries: ExaminedBatchEntry[]; chars: number }
  | { kind: 'done' }
  | { kind: 'failed'; message: string }
  | { kind: 'stat-digests'; digests: StatDigests };

/**
 * A bound on what the thread may read ahead of the scan (one-byte strings: about a byte per character):
 * the texts pile up in the message queue. When every text counted, 16 M of them (with the scan's kept
 * texts) took the generated 30,000-file tree's peak past the 600 MB target, and 2 M held the thread
 * back while the scan parsed the tree's first 1,000 files (all 750 it parses), so the scan then waited
 * 2-3 s for the other 29,000 to be read. Only texts the scan parses count now: the others are bounded
 * on their own (maxUnparsedTextChars), and past that bound come without text. Nor does a full window
 * stop the reads: the thread holds what it read next until the window has room, and waits only once
 * that holds a batch's worth of texts to parse (prereadWorker.ts). With 6 M the tree's peak is about
 * 495 MB and the thread is done reading about 3.5 s into an 8.5 s scan, the scan never waiting for it;
 * midday's peak and time are unchanged.
 */
const DEFAULT_MAX_UNCONSUMED_CHARS = 6 * 1024 * 1024;

export interface PrereadOptions {
  root: string;
  exclude?: readonly string[];
  include?: readonly string[];
  hashContent: boolean;
  statDigestsFile?: string;
  maxUnconsumedChars?: number;
  maxUnparsedTextChars?: number;
}

/** Starts the reader thread from `workerScript` (dist/prereader.js, or prereadWorker.ts under tsx). */
export function startReaderThread(workerScript: string, options: PrereadOptions): ReaderThread {
  const request: PrereadRequest = {
    root: path.resolve(options.root),
    exclude: [...(options.exclude ?? [])],
    include: [...(options.include ?? [])],
    hashContent: options.hashContent,
    ...(options.hashContent && options.statDigestsFile !== undefined ? { statDigestsFile: options.statDigestsFile } : {}),
    maxUnconsumedChars: options.maxUnconsumedChars ?? DEFAULT_MAX_UNCONSUMED_CHARS,
    maxUnparsedTextChars: options.maxUnparsedTextChars ?? MAX_KEPT_TEXT_CHARS,
  };
  return new ReaderThread(request, workerScript);
}

type Waiter = () => void;

export class ReaderThread {
  private worker: Worker | undefined;
  private readonly queue: ReaderMessage[] = [];
  private waiter: Waiter | undefined;
  /** Set once the thread ended (done, failed, crashed or closed): what it sent is still in the queue. */
  private ended = false;
  /** The stat digests the reading went by (request.statDigestsFile as the thread read it before the first file). */
  statDigestsRead: StatDigests | undefined;
  /** The workspace settings as the thread loaded them after its walk. */
  settingsRead: LoadedSettings | undefined;

  /** Settles once the thread has ended (its exit code; undefined when it never started). */
  readonly exited: Promise<number | undefined>;

  constructor(readonly request: PrereadRequest, workerScript: string) {
    let exited: (code: number | undefined) => void = () => undefined;
    this.exited = new Promise((resolve) => (exited = resolve));
    try {
      this.worker = new Worker(workerScript, { workerData: request });
      // The process exits when the scan is done, whatever the thread is doing.
      this.worker.unref();
      this.worker.on('message', (message: ReaderMessage) => this.receive(message));
      this.worker.on('error', () => this.stop());
      this.worker.on('exit', (code) => {
        this.stop();
        exited(code);
      });
    } catch {
      this.ended = true;
      exited(undefined);
    }
  }

  /** Whether the thread has ended: nothing more will come than what the queue holds. */
  get stopped(): boolean {
    return this.ended;
  }

  /** Whether a scan with these options can take the thread's results (the same root, globs and hashing). */
  matches(root: string, exclude: readonly string[] = [], include: readonly string[] = [], hashContent: boolean): boolean {
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);
    return this.request.root === root && same(this.request.exclude, exclude) && same(this.request.include, include) && this.request.hashContent === hashContent;
  }

  /** Tells the thread the scan took texts of this many characters, so it may read ahead that much more. */
  acknowledge(consumedChars: number): void {
    this.worker?.postMessage({ consumedChars });
  }

  /** Ends the thread (done, failed or cancelled). Safe to call more than once. */
  close(): void {
    this.stop();
    void this.worker?.terminate();
    this.worker = undefined;
  }

  /** The next message, or undefined once the thread ended without one (or the scan was cancelled: then it throws). */
  async next(signal?: AbortSignal): Promise<ReaderMessage | undefined> {
    for (;;) {
      signal?.throwIfAborted();
      const message = this.queue.shift();
      if (message) return message.kind === 'failed' ? undefined : message;
      if (this.ended) return undefined;
      await this.wait(signal);
    }
  }

  /** Until the thread sends something or ends, or the scan is cancelled. */
  wait(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    return new Promise<void>((resolve) => {
      const onAbort = () => resolve();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiter = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
    });
  }

  private receive(message: ReaderMessage): void {
    if (message.kind === 'stat-digests') {
      this.statDigestsRead = message.digests;
      return;
    }
    if (message.kind === 'settings') {
      this.settingsRead = { settings: message.settings, diagnostics: message.diagnostics };
      this.wake();
      return;
    }
    this.queue.push(message);
    if (message.kind === 'done' || message.kind === 'failed') this.close();
    this.wake();
  }

  private stop(): void {
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }
}
