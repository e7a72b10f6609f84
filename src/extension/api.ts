import type * as vscode from 'vscode';
import type { ScanResult } from '../model/types';
import type { CostPanelProbe } from './costPanel';
import type { RestoredScan } from './lastScan';
import type { ScanState, ScanTiming } from './scanModel';
import type { PriceOverride } from './advisorBundle';

/**
 * What `activate()` returns: a small read-only API the integration tests use to compare what the
 * panel shows with an independent scan. Nothing here changes behaviour.
 */
export interface AdvisorApi {
  /** The last completed scan, if any. */
  lastScanResult(): ScanResult | undefined;
  /** Before this session's first result: the last session's result for the unchanged files, shown as lenses meanwhile. */
  restoredScan(): RestoredScan | undefined;
  /** performance.now() when the CodeLens provider first answered with lenses from the restored last scan. */
  restoredLensesProvidedAt(): number | undefined;
  /** performance.now() when the CodeLens provider first answered with any lenses (restored or scanned). */
  lensesProvidedAt(): number | undefined;
  /** performance.now() when the editor first asked for lenses, or undefined. */
  lensesRequestedAt(): number | undefined;
  /** performance.now() when activate() returned. */
  readonly activatedAt: number;
  /** Resolves once the last completed scan has been stored for the next session. */
  lastScanStored(): Promise<void>;
  /**
   * Deactivates, runs `between` (files changed between sessions), and activates again with the same
   * context and storage: a later session as the extension sees it (a new scanner thread, which loads the bundle with the code cache the first one saved).
   */
  simulateNextSession(between?: () => Promise<void> | void): Promise<AdvisorApi>;
  /** Scans if there is no result yet, then returns it. */
  ensureScanned(): Promise<ScanResult | undefined>;
  /** How long activate() took, in milliseconds. */
  readonly activationMs: number;
  /** How long a save or a change on disk waits for more before the re-scan starts, in milliseconds. */
  readonly rescanDebounceMs: number;
  /** Whether the scanner (ts-morph, the token counter) was loaded, or its thread started, when activate() returned. */
  readonly scannerLoadedAtActivation: boolean;
  /** Whether the scanner thread has loaded the scanner bundle by now. */
  scannerLoaded(): boolean;
  /** The scanner thread's heap in use after full collections, in bytes (undefined without a thread): the soak test's leak check. */
  scannerHeapUsed(): Promise<number | undefined>;
  /** How the scanner thread loaded the scanner bundle: milliseconds, and whether V8's code cache was used. */
  scannerLoad(): { ms: number; codeCache: string } | undefined;
  /** The open cost panel's message log, or undefined when no panel is open. */
  panel(): CostPanelProbe | undefined;
  /** Feeds a raw message to the open panel's handler, as if the webview had posted it. */
  sendPanelMessage(raw: unknown): Promise<void>;
  /** The file VS Code writes the extension's output channel to (in `context.logUri`). */
  readonly logFile: vscode.Uri;
  /** The status bar item's text. */
  statusBarText(): string;
  /** Completed scans since activation (incremental re-scans included). */
  scanCount(): number;
  /** When the last completed scan was requested (first and last event of a burst), started and finished, in performance.now() ms. */
  lastScanTiming(): ScanTiming | undefined;
  /** The price override layer in use, if any. */
  priceOverride(): PriceOverride | undefined;
  /** Cancels the running scan like the progress notification's Cancel button; resolves when it stopped. */
  cancelScan(): Promise<void>;
  /** A scan is running. */
  isScanning(): boolean;
  /** Fires when a scan starts or ends (with or without a result): tests wait on it instead of polling a clock. */
  readonly onDidChangeState: vscode.Event<ScanState>;
  /** The CodeLens provider's change event (the editor asks for lenses again on each). */
  readonly onDidChangeCodeLenses: vscode.Event<void>;
  /** No scan running and none scheduled (debounce elapsed). */
  isIdle(): boolean;
  /** True once the scan model was disposed (deactivation); no timer or watcher is left then. */
  isDisposed(): boolean;
  /** Disposes everything activate() registered, exactly as VS Code does on deactivation (for tests). */
  simulateDeactivation(): void;
}
