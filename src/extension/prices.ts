import * as vscode from 'vscode';
import { redactCredentials, urlForDisplay } from '../model/redact';
import { readConfig } from './config';
import { log } from './log';
import { loadAdvisorModule, type WorkspaceScanModel } from './scanModel';
import type { PriceOverride } from './advisorBundle';

/**
 * "Refresh Prices": the only network access of the extension, and only on this explicit command.
 * Asks first, downloads the public price file from `llmHostingAdvisor.priceFileUrl` with a timeout
 * and a size cap, validates it, and stores the accepted prices in global storage as an override
 * layer over the bundled catalog (which always works offline). "Clear Price Override" removes it.
 */

const OVERRIDE_FILE = 'price-override.json';
export const FETCH_TIMEOUT_MS = 20_000;
const MAX_BYTES = 8 * 1024 * 1024;

export function overrideUri(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.globalStorageUri, OVERRIDE_FILE);
}

/** https anywhere; plain http only to this machine (a local mirror, and the tests). */
export function isAllowedPriceUrl(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]')) return url;
  return undefined;
}

/** Reads the stored override (validated again; a broken file is ignored and logged). */
export async function loadStoredOverride(context: vscode.ExtensionContext): Promise<PriceOverride | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(overrideUri(context));
  } catch {
    return undefined;
  }
  try {
    const { parseStoredOverride } = await loadAdvisorModule();
    const parsed = parseStoredOverride(JSON.parse(new TextDecoder().decode(bytes)));
    if (!parsed) log.warn('price override in global storage is not valid; using the bundled catalog');
    return parsed;
  } catch (err) {
    log.warn(`price override in global storage is unreadable (${(err as Error).message}); using the bundled catalog`);
    return undefined;
  }
}

/** Downloads with a timeout and a byte cap; returns the body as text. */
async function download(url: URL): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  // A redirect must not downgrade to plain http or leave this machine over http.
  if (response.url && !isAllowedPriceUrl(response.url)) throw new Error(`redirected to a URL that is not allowed: ${response.url}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_BYTES) throw new Error(`the file is ${declared} bytes, more than the ${MAX_BYTES}-byte limit`);
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BYTES) {
      await reader.cancel();
      throw new Error(`the file is larger than the ${MAX_BYTES}-byte limit`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}

export interface RefreshOptions {
  /** Skip the confirmation dialog (tests). */
  confirmed?: boolean;
}

/** The command. Returns the stored override, or undefined when cancelled or failed (the previous layer stays). */
export async function refreshPrices(context: vscode.ExtensionContext, model: WorkspaceScanModel, options: unknown): Promise<PriceOverride | undefined> {
  const confirmedArg = typeof options === 'object' && options !== null && (options as RefreshOptions).confirmed === true;
  const urlText = readConfig().priceFileUrl;
  const url = isAllowedPriceUrl(urlText);
  if (!url) {
    void vscode.window.showErrorMessage(`LLM Hosting Advisor: llmHostingAdvisor.priceFileUrl must be an https URL (got ${JSON.stringify(redactCredentials(String(urlText)))}).`);
    return undefined;
  }
  // The setting may carry a token (user:password@ or ?key=): every message and the stored source show it without.
  const shownUrl = urlForDisplay(url.href);
  if (!confirmedArg) {
    const answer = await vscode.window.showWarningMessage(
      `Download current model prices from ${url.host}?`,
      { modal: true, detail: `This is the extension's only network request: ${shownUrl}. The prices are stored as an override over the bundled catalog; "Clear Price Override" removes them.` },
      'Download',
    );
    if (answer !== 'Download') return undefined;
  }
  try {
    const text = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `LLM Hosting Advisor: downloading prices from ${url.host}` },
      () => download(url),
    );
    const { parsePriceFile } = await loadAdvisorModule();
    const parsed = parsePriceFile(text, shownUrl, new Date());
    if ('error' in parsed) throw new Error(parsed.error);
    const override = parsed.override;
    await vscode.workspace.fs.createDirectory(context.globalStorageUri);
    // Write a sibling and rename over the old file, so a failure never leaves half a file.
    const tmp = vscode.Uri.joinPath(context.globalStorageUri, `${OVERRIDE_FILE}.tmp`);
    await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(JSON.stringify(override, null, 1)));
    await vscode.workspace.fs.rename(tmp, overrideUri(context), { overwrite: true });
    model.setPriceOverride(override);
    log.info(`price override: ${override.rows.length} model prices from ${shownUrl} (as of ${override.asOf}; ${parsed.ignored} entries ignored)`);
    void vscode.window.showInformationMessage(`LLM Hosting Advisor: ${override.rows.length} model prices as of ${override.asOf} from ${url.host} now override the bundled catalog.`);
    if (model.lastResult) await model.rescan('window');
    return override;
  } catch (err) {
    const message = err instanceof Error ? (err.name === 'TimeoutError' ? `timed out after ${FETCH_TIMEOUT_MS / 1000} s` : err.message) : String(err);
    log.error(`refresh prices from ${shownUrl} failed: ${message}`);
    void vscode.window.showErrorMessage(`LLM Hosting Advisor: could not refresh prices (${message}). The previous prices stay in use.`);
    return undefined;
  }
}

/** Removes the override layer: back to the bundled catalog. */
export async function clearPriceOverride(context: vscode.ExtensionContext, model: WorkspaceScanModel): Promise<void> {
  await vscode.workspace.fs.delete(overrideUri(context)).then(undefined, () => undefined);
  model.setPriceOverride(undefined);
  void vscode.window.showInformationMessage('LLM Hosting Advisor: using the bundled price catalog.');
  if (model.lastResult) await model.rescan('window');
}
