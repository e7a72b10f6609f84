import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CallSite, ScanResult } from '../model/types';
import { isComponentFile, USAGE_FILE_NAME } from '../model/vocabulary';
import { isWorkspaceSettingsFile } from '../model/settingsFiles';
import type { Catalog } from '../core/catalog/catalog';
import type { AdvisorOptions } from '../core/pricing/advisor';
import type { PriceOverride, WhatIf } from './advisorBundle';
import { readConfig } from './config';
import { lastScanFileName, parseStoredScan, restoreStoredScan, settingsKey, stampsOf, type RestoredScan, type StoredStamps } from './lastScan';
import { log } from './log';
import { promises as fs } from 'node:fs';
import { ScannerThread } from './scannerClient';

type AdvisorModule = typeof import('./advisorBundle');

let advisorModule: Promise<AdvisorModule> | undefined;

/**
 * Loads what the panel, the plan export and the price commands run in the extension host (what-if
 * re-pricing, the plan renderer, price and usage files): dist/advisor.js, its own bundle without
 * ts-morph or TypeScript (under 1 MB), on first use only. Scans run on the scanner thread.
 */
export function loadAdvisorModule(): Promise<AdvisorModule> {
  advisorModule ??= Promise.resolve().then(() => require(path.join(__dirname, 'advisor.js')) as AdvisorModule);
  return advisorModule;
}

export type ProgressMode = 'notification' | 'window' | 'silent';

/**
 * performance.now() stamps of one completed scan: the first event of the burst that caused it,
 * the last one (which armed the debounce that ran it), when it started and when it finished.
 */
export interface ScanTiming {
  requestedAt: number;
  lastTriggerAt: number;
  startedAt: number;
  finishedAt: number;
  trigger: string;
}

export interface ScanState {
  result: ScanResult | undefined;
  scanning: boolean;
  error?: string;
  /** Before this session's first result: the last session's result for the unchanged files (lastScan.ts). */
  restored?: RestoredScan;
}

/** Where the last result is kept between sessions, and the files outside the workspace every result depends on. */
export interface LastScanStore {
  /** Folder for the stored results (in context.globalStorageUri; one file per workspace folder, see lastScanFileName). */
  directory: string;
  /** Absolute paths of shared inputs outside the scan root (the scanner bundle with its catalog, the price override). */
  inputs: string[];
}

/** Languages whose edits can change call sites, for the save-triggered rescan (Vue and Svelte components by their file name, see isSourceDocument). */
const SOURCE_LANGUAGES = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);
/** Files whose change on disk (save, git checkout, another tool) can change the result. */
const WATCH_GLOB = `**/{*.ts,*.tsx,*.mts,*.cts,*.js,*.jsx,*.mjs,*.cjs,*.vue,*.svelte,${USAGE_FILE_NAME}}`;

/** A document whose edits can change call sites: a source language, or a Vue or Svelte component whatever language it is given. */
function isSourceDocument(doc: vscode.TextDocument): boolean {
  return SOURCE_LANGUAGES.has(doc.languageId) || isComponentFile(doc.uri.path);
}
/** Files that may be workspace settings (env examples, compose and values files, model configs, package.json, tsconfig); isWorkspaceSettingsFile decides. */
const SETTINGS_WATCH_GLOB = '**/{*.env,.env*,env.*,*.json,*.yml,*.yaml,*.toml}';
/**
 * Saves and changes on disk are coalesced: a burst (Save All, a checkout) becomes one incremental
 * re-scan. The events of one burst arrive a few milliseconds apart, and a later one only restarts
 * the scan (a new scan cancels the running one, and the files it analyzed stay in the ScanCache),
 * so the wait is short: it is part of every save's time to a re-analyzed result (issue 14's p95
 * target is 100 ms; it was 50 ms, with a re-scan of ~25 ms after it).
 */
export const RESCAN_DEBOUNCE_MS = 10;
/** Typing without saving re-scans the unsaved text once the user pauses. */
export const TYPING_DEBOUNCE_MS = 300;

/**
 * The workspace's scan: runs `scanWorkspace` on the first folder, keeps the last result, and
 * tells the panel, the lenses and the status bar when it changes. One scan at a time; a new one
 * cancels the running one.
 */
export class WorkspaceScanModel implements vscode.Disposable {
  private result: ScanResult | undefined;
  private error: string | undefined;
  private running: { promise: Promise<ScanResult | undefined>; abort: AbortController } | undefined;
  /** Loads the scanner bundle and runs the scans beside the extension host's thread; keeps the per-file results between scans. */
  private readonly scanner: ScannerThread;
  /** Bumped with each change of the override, so the scanner thread builds its catalog once per override. */
  private overrideVersion = 0;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private override: PriceOverride | undefined;
  private overrideLoad: (() => Promise<PriceOverride | undefined>) | undefined;
  private overrideCatalog: Catalog | undefined;
  /** Completed scans since activation (tests and the bench wait on it). */
  scanCount = 0;
  /** When the last completed scan was requested, started and finished (performance.now()), for the bench. */
  lastScanTiming: ScanTiming | undefined;
  /** The first event of a burst (what the bench measures from) and the last one (which armed the debounce). */
  private pendingTrigger: { at: number; lastAt: number; trigger: string } | undefined;
  private store: LastScanStore | undefined;
  private restoring: Promise<RestoredScan | undefined> | undefined;
  private restored: RestoredScan | undefined;
  private storing: Promise<void> = Promise.resolve();
  /** The stamps of the record read at restore: the thread's first store reuses them for files that did not change since. */
  private restoredStamps: StoredStamps | undefined;
  /** Whether this session has stored a scan yet (the first store is logged). */
  private storedThisSession = false;
  private readonly emitter = new vscode.EventEmitter<ScanState>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  readonly onDidChange = this.emitter.event;

  /** `codeCacheDirectory`: where the scanner thread keeps V8's code cache of dist/scanner.js (the extension's global storage). */
  constructor(codeCacheDirectory?: string) {
    this.scanner = new ScannerThread(path.join(__dirname, 'scannerThread.js'), { scannerBundle: path.join(__dirname, 'scanner.js'), codeCacheDirectory });
    this.disposables.push({ dispose: () => this.scanner.dispose() });
    const watcher = vscode.workspace.createFileSystemWatcher(WATCH_GLOB);
    // Saves from the editor arrive as a save event first; the watcher's echo of the same write is skipped.
    const recentlySaved = new Map<string, number>();
    const echoOfSave = (uri: vscode.Uri) => {
      const savedAt = recentlySaved.get(uri.toString());
      return savedAt !== undefined && performance.now() - savedAt < 2000;
    };
    const onDisk = (uri: vscode.Uri) => {
      if (!echoOfSave(uri) && this.result && this.contains(uri) && !/\/node_modules\//.test(uri.path)) this.scheduleRescan('file change');
    };
    // A settings file (an env example, a model config, tsconfig) changes what the scan resolves without any
    // source file changing: the next scan starts over, since cached file analyses do not record them.
    const settingsWatcher = vscode.workspace.createFileSystemWatcher(SETTINGS_WATCH_GLOB);
    const onSettingsDisk = (uri: vscode.Uri) => {
      if (!echoOfSave(uri) && this.isSettingsFile(uri)) this.settingsChanged();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(onDisk),
      watcher.onDidCreate(onDisk),
      watcher.onDidDelete(onDisk),
      settingsWatcher,
      settingsWatcher.onDidChange(onSettingsDisk),
      settingsWatcher.onDidCreate(onSettingsDisk),
      settingsWatcher.onDidDelete(onSettingsDisk),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (recentlySaved.size > 1000) recentlySaved.clear();
        recentlySaved.set(doc.uri.toString(), performance.now());
        if (this.result && (isSourceDocument(doc) || doc.uri.path.endsWith(`/${USAGE_FILE_NAME}`)) && this.contains(doc.uri)) this.scheduleRescan('save');
        else if (this.isSettingsFile(doc.uri)) this.settingsChanged();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        // Lenses follow unsaved edits (the dirty text is analyzed instead of the file on disk) and reverts.
        const doc = event.document;
        if (this.result && event.contentChanges.length > 0 && isSourceDocument(doc) && this.contains(doc.uri)) this.scheduleRescan('edit', TYPING_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.running?.abort.abort();
        this.result = undefined;
        this.restored = undefined;
        this.scanner.forgetCache();
        this.fire();
      }),
    );
  }

  /** Workspace settings the advisor uses (data sensitivity, fixed costs of self-hosting), from the configuration. */
  advisorOptions(): AdvisorOptions {
    const config = readConfig();
    return { dataSensitivity: config.dataSensitivity, fixedCostOverrides: config.fixedCosts, ...(config.assumedModels.length ? { assumedModels: config.assumedModels } : {}) };
  }

  /** The price override layer in use (from Refresh Prices), if any. */
  get priceOverride(): PriceOverride | undefined {
    return this.override;
  }

  /** Sets (or clears) the override layer; the next scan and every what-if price with it. */
  setPriceOverride(override: PriceOverride | undefined): void {
    this.overrideLoad = undefined;
    this.override = override;
    this.overrideCatalog = undefined;
    this.overrideVersion++;
  }

  /** How to read the stored override; called once, on the first scan (nothing is read at activation). */
  setOverrideLoader(load: () => Promise<PriceOverride | undefined>): void {
    this.overrideLoad = load;
  }

  /** The override layer in use, read from storage on first use. */
  private async loadedOverride(): Promise<PriceOverride | undefined> {
    if (this.overrideLoad) {
      const load = this.overrideLoad;
      this.overrideLoad = undefined;
      if (!this.override) {
        this.override = await load();
        this.overrideVersion++;
      }
    }
    return this.override;
  }

  /** The bundled catalog with the override layered on it (one object per override), for what-if re-pricing here. */
  private async catalog(): Promise<Catalog | undefined> {
    const override = await this.loadedOverride();
    if (!override) return undefined;
    const { catalogWithOverride } = await loadAdvisorModule();
    this.overrideCatalog ??= catalogWithOverride(override);
    return this.overrideCatalog;
  }

  /**
   * The last result re-priced under panel what-ifs (and the price override), without re-analyzing
   * files. Undefined when there is no result yet.
   */
  async priced(whatIf: WhatIf): Promise<ScanResult | undefined> {
    const result = this.result;
    if (!result) return undefined;
    const { applyWhatIf, isEmptyWhatIf } = await loadAdvisorModule();
    if (isEmptyWhatIf(whatIf)) return result;
    return applyWhatIf(result, whatIf, await this.catalog(), this.advisorOptions());
  }

  /** The first `file:` workspace folder (scans read the disk; virtual workspaces are not supported). */
  get root(): vscode.Uri | undefined {
    return vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
  }

  get state(): ScanState {
    const restored = this.result ? undefined : this.restored;
    return { result: this.result, scanning: this.running !== undefined, ...(this.error ? { error: this.error } : {}), ...(restored ? { restored } : {}) };
  }

  /** Keeps each result in `store` for the next session; set at activation (no storage: nothing kept). */
  useLastScanStore(store: LastScanStore | undefined): void {
    this.store = store;
  }

  /** The settings and shared input files a stored result must match, for the current root. */
  private storeKey(root: vscode.Uri, store: LastScanStore): { settings: string; inputs: string[] } {
    const config = readConfig();
    const settings = settingsKey({ advisor: this.advisorOptions(), defaultCallsPerMonth: config.defaultCallsPerMonth, nonProduction: config.nonProductionGlobs });
    const inRoot = [USAGE_FILE_NAME, 'tsconfig.json', 'package.json'].map((name) => path.join(root.fsPath, name));
    return { settings, inputs: [...inRoot, ...store.inputs] };
  }

  /**
   * The last session's result for the files unchanged since, read once (without the scanner
   * bundle); undefined when there is none, it is unreadable, or this session already has a result.
   */
  restoreLastScan(): Promise<RestoredScan | undefined> {
    this.restoring ??= (async () => {
      const root = this.root;
      const store = this.store;
      if (!root || root.scheme !== 'file' || !store) return undefined;
      const started = performance.now();
      try {
        const text = await fs.readFile(path.join(store.directory, lastScanFileName(root.fsPath)), 'utf8').catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') return undefined;
          throw err;
        });
        if (text === undefined) {
          log.info('no stored last scan for this workspace: the first CodeLens waits for the scan');
          return undefined;
        }
        const stored = parseStoredScan(JSON.parse(text));
        if (!stored) {
          log.warn('the stored last scan is not valid for this version; waiting for a new scan');
          return undefined;
        }
        // Its stamps were just checked: the session's first store reuses those whose size and time still
        // match instead of reading and hashing every input again (the scanner bundle alone is ~11 MB).
        this.restoredStamps ??= stampsOf(stored);
        const restored = await restoreStoredScan(stored, { root: root.fsPath, ...this.storeKey(root, store) });
        log.info(
          restored
            ? `last scan restored in ${Math.round(performance.now() - started)} ms: ${restored.result.callSites.length} call sites from ${restored.unchangedFiles.length} unchanged files, ${restored.changedFiles.length} changed`
            : 'stored last scan is for other settings or inputs; waiting for a new scan',
        );
        if (!restored || this.result || this.disposed) return undefined;
        this.restored = restored;
        this.fire();
        return restored;
      } catch (err) {
        log.warn(`stored last scan is unreadable (${(err as Error).message}); waiting for a new scan`);
        return undefined;
      }
    })();
    return this.restoring;
  }

  /** Starts this session's first scan behind the restored lenses (the provider calls it when it returns them), unless it runs. */
  scanBehindRestored(): void {
    if (this.result || this.running || this.disposed) return;
    void this.ensureResult('window');
  }

  /** Whether the scanner thread has been started (it loads the scanner bundle first thing). */
  get scannerStarted(): boolean {
    return this.scanner.started;
  }

  /** How the scanner thread loaded the scanner bundle (milliseconds, V8 code cache state), once it has. */
  get scannerLoad(): { ms: number; codeCache: string } | undefined {
    return this.scanner.load;
  }

  /** The scanner thread's heap in use after full collections (bytes), or undefined without a thread. */
  scannerHeapUsed(): Promise<number | undefined> {
    return this.scanner.heapUsed();
  }

  /** performance.now() when the editor first asked the lens provider (for the bench: VS Code's own delay). */
  lensesRequestedAt: number | undefined;

  /** performance.now() when the lens provider first returned lenses, restored or scanned (for the bench). */
  lensesProvidedAt: number | undefined;

  /** performance.now() when the lens provider first returned lenses from the restored last scan (for the bench). */
  restoredLensesProvidedAt: number | undefined;

  /** Call sites of a file from the restored last scan (before this session's first result). */
  restoredCallSitesFor(uri: vscode.Uri): CallSite[] {
    const rel = this.relativePath(uri);
    const restored = this.result ? undefined : this.restored;
    if (rel === undefined || !restored) return [];
    // An editor with unsaved edits shows other text than the stored result was computed from.
    if (vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === uri.toString())) return [];
    return restored.result.callSites.filter((c) => c.file === rel);
  }

  /** Resolves once the last result has been written for the next session (tests wait on it). */
  lastScanStored(): Promise<void> {
    return this.storing;
  }

  /**
   * Writes `result` for the next session, after it is on screen. Skipped when another scan is due
   * or ran meanwhile (a file changed while it was stamped: that scan writes instead).
   */
  private storeLastScan(result: ScanResult): void {
    const root = this.root;
    const store = this.store;
    if (!root || root.scheme !== 'file' || !store) return;
    const count = this.scanCount;
    this.storing = this.storing.then(async () => {
      if (this.disposed || count !== this.scanCount || !this.idle) return;
      // The scanner thread stamps the files and writes the record (its JSON is the whole result).
      const skip = [...this.unsavedTexts().keys()].map((file) => path.relative(root.fsPath, file).split(path.sep).join('/'));
      const outcome = await this.scanner.storeLastScan(result, {
        directory: store.directory,
        fileName: lastScanFileName(root.fsPath),
        ...this.storeKey(root, store),
        skip,
        ...(this.restoredStamps ? { previous: this.restoredStamps } : {}),
        prune: !this.storedThisSession,
      });
      if (this.disposed) return;
      if ('error' in outcome) {
        log.warn(`could not store the last scan (${outcome.error}); the next session scans before showing lenses`);
        return;
      }
      if (!outcome.stored) return;
      if (!this.storedThisSession) {
        log.info(`last scan stored for the next session: ${outcome.callSites} call sites in ${outcome.files} files`);
        if (outcome.pruned > 0) log.info(`removed ${outcome.pruned} stored scans of other folders, not opened for long or beyond the most recent (policy: data/editor/stored-scans.json)`);
      }
      this.storedThisSession = true;
    });
  }

  get lastResult(): ScanResult | undefined {
    return this.result;
  }

  /** The current result, scanning first when there is none. */
  async ensureResult(mode: ProgressMode = 'window'): Promise<ScanResult | undefined> {
    if (this.result) return this.result;
    if (this.running) return this.running.promise;
    return this.rescan(mode);
  }

  rescan(mode: ProgressMode = 'notification'): Promise<ScanResult | undefined> {
    const root = this.root;
    if (!root) {
      this.error = 'Open a folder to scan it for LLM calls.';
      this.fire();
      return Promise.resolve(undefined);
    }
    this.running?.abort.abort();
    // The thread loads the scanner bundle (seconds in a first session) while the settings and the
    // price override are read below, instead of after.
    this.scanner.start();
    const abort = new AbortController();
    const startedAt = performance.now();
    const trigger = this.pendingTrigger ?? { at: startedAt, lastAt: startedAt, trigger: mode };
    this.pendingTrigger = undefined;
    const run = async (progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken) => {
      token?.onCancellationRequested(() => abort.abort());
      const started = Date.now();
      let completed: ScanResult | undefined;
      try {
        let reported = 0;
        const config = readConfig();
        const override = await this.loadedOverride();
        const result = await this.scanner.scan(
          root.fsPath,
          {
            defaultCallsPerMonth: config.defaultCallsPerMonth,
            nonProduction: config.nonProductionGlobs,
            advisorOptions: this.advisorOptions(),
            ...(override ? { priceOverride: override } : {}),
            priceOverrideVersion: this.overrideVersion,
            unsaved: this.unsavedTexts(),
          },
          abort.signal,
          progress
            ? (done, total) => {
                const pct = total ? Math.floor((done / total) * 100) : 100;
                if (pct > reported) {
                  progress.report({ message: `${done}/${total} files`, increment: pct - reported });
                  reported = pct;
                }
              }
            : undefined,
        );
        if (abort.signal.aborted) return undefined;
        this.result = result;
        completed = result;
        this.restored = undefined;
        this.error = undefined;
        this.scanCount++;
        this.lastScanTiming = { requestedAt: trigger.at, lastTriggerAt: trigger.lastAt, startedAt, finishedAt: performance.now(), trigger: trigger.trigger };
        const load = this.scanCount === 1 ? this.scanner.load : undefined;
        log.info(
          `scan (${trigger.trigger}): ${result.callSites.length} call sites in ${Date.now() - started} ms, ${result.summary.filesReusedFromCache ?? 0}/${result.summary.filesScanned ?? 0} files reused from cache` +
            (load ? `; the scanner thread loaded the scanner in ${load.ms} ms (code cache: ${load.codeCache})` : ''),
        );
        return result;
      } catch (err) {
        if (abort.signal.aborted) {
          if (!this.disposed) log.info('scan cancelled');
          return undefined;
        }
        this.error = err instanceof Error ? err.message : String(err);
        log.error(err instanceof Error ? err : new Error(String(err)));
        return undefined;
      } finally {
        if (this.running?.abort === abort) this.running = undefined;
        this.fire();
        if (completed) this.storeLastScan(completed);
      }
    };
    const promise =
      mode === 'silent'
        ? run()
        : Promise.resolve(
            vscode.window.withProgress(
              {
                location: mode === 'notification' ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
                title: 'LLM Hosting Advisor: scanning workspace',
                cancellable: mode === 'notification',
              },
              (progress, token) => run(progress, token),
            ),
          );
    this.running = { promise, abort };
    this.fire();
    return promise;
  }

  /** A settings file the scan reads, in this workspace and outside node_modules and hidden folders. */
  private isSettingsFile(uri: vscode.Uri): boolean {
    const rel = this.relativePath(uri);
    return rel !== undefined && !rel.split('/').slice(0, -1).some((folder) => folder === 'node_modules' || folder.startsWith('.')) && isWorkspaceSettingsFile(rel);
  }

  /** Re-scans from scratch once a result is on screen: the scanner thread forgets its per-file results first. */
  private settingsChanged(): void {
    if (!this.result) return;
    this.scanner.forgetCache();
    this.scheduleRescan('settings change');
  }

  /** Debounced incremental re-scan (the cache re-analyzes only changed files and their dependents). */
  private scheduleRescan(trigger: string, delayMs = RESCAN_DEBOUNCE_MS): void {
    if (this.debounce) clearTimeout(this.debounce);
    // The bench measures from the first edit of a burst to the refreshed result.
    const now = performance.now();
    this.pendingTrigger = { at: this.pendingTrigger?.at ?? now, lastAt: now, trigger: this.pendingTrigger?.trigger ?? trigger };
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.rescan('window');
    }, delayMs);
  }

  /** Texts of the workspace's source documents with unsaved edits, by file system path. */
  private unsavedTexts(): Map<string, string> {
    const texts = new Map<string, string>();
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isDirty && doc.uri.scheme === 'file' && isSourceDocument(doc) && this.contains(doc.uri)) texts.set(doc.uri.fsPath, doc.getText());
    }
    return texts;
  }

  /** The scan-root-relative POSIX path of a document, or undefined when it is outside the root. */
  relativePath(uri: vscode.Uri): string | undefined {
    const root = this.root;
    if (!root || uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
    const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
    return uri.path.startsWith(prefix) ? uri.path.slice(prefix.length) : undefined;
  }

  contains(uri: vscode.Uri): boolean {
    return this.relativePath(uri) !== undefined;
  }

  callSitesFor(uri: vscode.Uri): CallSite[] {
    const rel = this.relativePath(uri);
    if (rel === undefined || !this.result) return [];
    return this.result.callSites.filter((c) => c.file === rel);
  }

  findCallSite(id: string): CallSite | undefined {
    return this.result?.callSites.find((c) => c.id === id);
  }

  /**
   * The file of a call site from the current result, resolved under the scan root. Refuses
   * anything that is absolute or climbs out of the root (defence in depth: paths come from our scan).
   */
  uriFor(site: CallSite): vscode.Uri | undefined {
    const root = this.root;
    if (!root) return undefined;
    const segments = site.file.split('/');
    if (site.file.startsWith('/') || /^[a-zA-Z]:/.test(site.file) || segments.some((s) => s === '..' || s === '')) return undefined;
    return vscode.Uri.joinPath(root, ...segments);
  }

  private fire(): void {
    // A scan aborted by deactivation finishes after its listeners are gone.
    if (!this.disposed) this.emitter.fire(this.state);
  }

  /**
   * Cancels the running scan (what the notification's Cancel button does) and resolves once it
   * has stopped; the previous result stays. Resolves at once when nothing runs.
   */
  async cancel(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.abort.abort();
    await running.promise;
  }

  /** No scan running and none scheduled. */
  get idle(): boolean {
    return this.running === undefined && this.debounce === undefined;
  }

  /** True after dispose(). */
  disposed = false;

  dispose(): void {
    this.disposed = true;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = undefined;
    this.running?.abort.abort();
    for (const d of this.disposables) d.dispose();
  }
}
