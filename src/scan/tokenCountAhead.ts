/**
 * Counts prompt tokens ahead of pricing, in a worker thread, so a cold scan builds tiktoken's
 * encoder (about 0.35 s) on the second core while the first one parses. The counts land in the
 * memo of tokens.ts; pricing then reads them as if it had counted itself. Whatever the worker
 * cannot do (no bundled worker script when running from sources, a worker that failed) falls back
 * to counting in this thread, with the same result.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { isEncoderLoaded, isTokenCountKnown, rememberTokenCounts, textsToCount, type EncodingName } from '../core/estimate/tokens';
import type { DetectedCall } from '../model/types';

export interface TokenizerRequest {
  id: number;
  encoding: EncodingName;
  /** Texts to count; empty to only build the encoder. */
  texts: string[];
}

export type TokenizerResponse = { id: number; counts: number[] } | { id: number; error: string };

/** The bundled worker script; absent when the code runs from sources (tests, tsx). */
const WORKER_SCRIPT = path.join(__dirname, 'tokenizer-worker.js');

let worker: Worker | undefined;
let workerFailed = false;
let nextRequestId = 1;
const pending = new Map<number, { resolve: (counts: number[]) => void; reject: (error: Error) => void }>();
const requestedEncodings = new Set<EncodingName>();

function tokenizerWorker(): Worker | undefined {
  if (worker || workerFailed) return worker;
  if (!existsSync(WORKER_SCRIPT)) return undefined;
  try {
    worker = new Worker(WORKER_SCRIPT);
  } catch {
    workerFailed = true;
    return undefined;
  }
  // Idle, it must not keep the CLI's process alive.
  worker.unref();
  worker.on('message', (response: TokenizerResponse) => {
    const waiting = pending.get(response.id);
    pending.delete(response.id);
    if ('counts' in response) waiting?.resolve(response.counts);
    else waiting?.reject(new Error(response.error));
  });
  const fail = (error: Error) => {
    workerFailed = true;
    worker = undefined;
    requestedEncodings.clear();
    rejectPending(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`tokenizer worker exited with code ${code}`)));
  return worker;
}

function rejectPending(error: Error): void {
  for (const waiting of pending.values()) waiting.reject(error);
  pending.clear();
}

function request(encoding: EncodingName, texts: string[]): Promise<number[]> {
  const target = tokenizerWorker();
  if (!target) return Promise.reject(new Error('no tokenizer worker'));
  const id = nextRequestId++;
  requestedEncodings.add(encoding);
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Ref'd while a request is out, so the process waits for the answer.
    target.ref();
    target.postMessage({ id, encoding, texts } satisfies TokenizerRequest);
  }).finally(() => {
    if (pending.size === 0) worker?.unref();
  }) as Promise<number[]>;
}

/**
 * Starts building the encoder in the worker, unless this thread already has it. Call at the start
 * of a scan; never throws, and costs nothing when there is no worker.
 */
export function warmTokenizer(encoding: EncodingName = 'o200k_base'): void {
  if (isEncoderLoaded(encoding) || requestedEncodings.has(encoding)) return;
  request(encoding, []).catch(() => undefined);
}

/** Counts every prompt text these calls send, in the worker, into the memo pricing reads. */
export async function countTokensAhead(calls: readonly DetectedCall[]): Promise<void> {
  const work: Array<Promise<void>> = [];
  for (const [encoding, texts] of textsToCount(calls)) {
    if (isEncoderLoaded(encoding)) continue;
    // A re-scan sends only prompts it has not counted before (most come from the memo).
    const list = [...texts].filter((text) => !isTokenCountKnown(encoding, text));
    if (list.length === 0) continue;
    work.push(request(encoding, list).then((counts) => rememberTokenCounts(encoding, list, counts), () => undefined));
  }
  await Promise.all(work);
}

/** Whether the worker is counting for this process (false when running from sources or after a failure). */
export function tokenizerWorkerRunning(): boolean {
  return worker !== undefined;
}

/** Ends the worker (extension deactivation); a later scan starts a new one. */
export async function stopTokenizerWorker(): Promise<void> {
  const running = worker;
  worker = undefined;
  requestedEncodings.clear();
  rejectPending(new Error('tokenizer worker stopped'));
  if (running) {
    running.removeAllListeners('exit');
    await running.terminate();
  }
}
