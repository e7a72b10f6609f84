/**
 * Messages between the extension host and its scanner thread (scannerThread.ts). Plain data only:
 * each crosses the thread boundary by structured clone. No `vscode` here.
 */
import type { AdvisorOptions } from '../core/pricing/advisor';
import type { PriceOverride } from '../core/catalog/priceOverride';
import type { ScanResult } from '../model/types';
import type { LastScanStoreOutcome, LastScanStoreRequest } from './lastScan';

/** What the thread is started with (workerData). */
export interface ScannerThreadData {
  /** Absolute path of dist/scanner.js. */
  scannerBundle: string;
  /** Folder for V8's code cache of the bundle (the extension's global storage), or undefined for none. */
  codeCacheDirectory: string | undefined;
}

/** One workspace scan, as `scanWorkspace` takes it, minus what cannot cross threads (signal, callbacks, the cache object). */
export interface ScanRequestOptions {
  defaultCallsPerMonth?: number;
  nonProduction?: readonly string[];
  advisorOptions?: AdvisorOptions;
  /** The price override layer; the thread builds its catalog once per `priceOverrideVersion`. */
  priceOverride?: PriceOverride;
  priceOverrideVersion: number;
  /** Texts of documents with unsaved edits (absolute path → text). */
  unsaved: Map<string, string>;
  /** Whether to send progress messages (set by the client: whether its caller asked for progress). */
  progress: boolean;
}

export type ToScannerThread =
  | { kind: 'scan'; id: number; root: string; options: ScanRequestOptions }
  | { kind: 'cancel'; id: number }
  /** Drops the per-file results kept between scans (the workspace folders changed). */
  | { kind: 'forget' }
  /** Answered once V8's code cache of the bundle is written (the thread writes it after its first scan). */
  | { kind: 'save-code-cache'; id: number }
  /** The thread's heap after full collections (the soak test's leak check and the bench). */
  | { kind: 'heap'; id: number }
  /** Stores the result of scan `scanId` for the next session, unless a newer scan ran (the thread keeps the last result). */
  | { kind: 'store-last-scan'; id: number; scanId: number; request: LastScanStoreRequest };

export type FromScannerThread =
  | { kind: 'loaded'; ms: number; codeCache: string }
  | { kind: 'progress'; id: number; done: number; total: number }
  | { kind: 'scanned'; id: number; result: ScanResult }
  | { kind: 'failed'; id: number; message: string; cancelled: boolean; stack?: string }
  | { kind: 'code-cache-saved'; id: number }
  | { kind: 'heap-used'; id: number; bytes: number }
  | { kind: 'last-scan-stored'; id: number; outcome: LastScanStoreOutcome };
