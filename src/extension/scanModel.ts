import * as vscode from 'vscode';
import type { CallSite, ScanResult } from '../core/types';
import type { ScanCache } from './scannerBundle';
import { readConfig } from './config';
import { log } from './log';

type ScanModule = typeof import('./scannerBundle');

let scanModule: Promise<ScanModule> | undefined;

/**
 * Loads the scanner (ts-morph, tiktoken, the catalog) on first use only. It is its own bundle,
 * dist/scanner.js (esbuild.mjs marks `./scanner.js` external here), so activation neither parses
 * nor evaluates it.
 */
export function loadScanModule(): Promise<ScanModule> {
  scanModule ??= Promise.resolve().then(() => require('./scanner.js') as ScanModule);
  return scanModule;
}

/** True once the scanner module has been requested (for the activation test). */
export function isScanModuleLoaded(): boolean {
  return scanModule !== undefined;
}

export type ProgressMode = 'notification' | 'window' | 'silent';

export interface ScanState {
  result: ScanResult | undefined;
  scanning: boolean;
  error?: string;
}

/** Languages whose edits can change call sites, for the save-triggered rescan. */
const SOURCE_LANGUAGES = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);
const RESCAN_DEBOUNCE_MS = 400;

/**
 * The workspace's scan: runs `scanWorkspace` on the first folder, keeps the last result, and
 * tells the panel, the lenses and the status bar when it changes. One scan at a time; a new one
 * cancels the running one.
 */
export class WorkspaceScanModel implements vscode.Disposable {
  private result: ScanResult | undefined;
  private error: string | undefined;
  private running: { promise: Promise<ScanResult | undefined>; abort: AbortController } | undefined;
  private cache: ScanCache | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private readonly emitter = new vscode.EventEmitter<ScanState>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.result && SOURCE_LANGUAGES.has(doc.languageId) && this.contains(doc.uri)) this.scheduleRescan();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.result = undefined;
        this.cache = undefined;
        this.fire();
      }),
    );
  }

  /** The first `file:` workspace folder (scans read the disk; virtual workspaces are not supported). */
  get root(): vscode.Uri | undefined {
    return vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
  }

  get state(): ScanState {
    return { result: this.result, scanning: this.running !== undefined, ...(this.error ? { error: this.error } : {}) };
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
    const abort = new AbortController();
    const run = async (progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken) => {
      token?.onCancellationRequested(() => abort.abort());
      const started = Date.now();
      try {
        const { scanWorkspace, ScanCache } = await loadScanModule();
        this.cache ??= new ScanCache();
        let reported = 0;
        const result = await scanWorkspace(root.fsPath, {
          defaultCallsPerMonth: readConfig(root).defaultCallsPerMonth,
          signal: abort.signal,
          cache: this.cache,
          onProgress: progress
            ? (done, total) => {
                const pct = total ? Math.floor((done / total) * 100) : 100;
                if (pct > reported) {
                  progress.report({ message: `${done}/${total} files`, increment: pct - reported });
                  reported = pct;
                }
              }
            : undefined,
        });
        if (abort.signal.aborted) return undefined;
        this.result = result;
        this.error = undefined;
        log.info(`scan: ${result.callSites.length} call sites in ${Date.now() - started} ms (${root.fsPath})`);
        return result;
      } catch (err) {
        if (abort.signal.aborted) {
          log.info('scan cancelled');
          return undefined;
        }
        this.error = err instanceof Error ? err.message : String(err);
        log.error(err instanceof Error ? err : new Error(String(err)));
        return undefined;
      } finally {
        if (this.running?.abort === abort) this.running = undefined;
        this.fire();
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

  private scheduleRescan(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.rescan('window');
    }, RESCAN_DEBOUNCE_MS);
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
    this.emitter.fire(this.state);
  }

  dispose(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.running?.abort.abort();
    for (const d of this.disposables) d.dispose();
  }
}
