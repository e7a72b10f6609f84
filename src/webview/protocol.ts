/**
 * The one message protocol between the extension host and the cost panel's webview.
 * Both sides validate what they receive with the parsers below: a webview can be compromised by
 * content it renders, so the host treats every incoming message as untrusted data, and the
 * webview ignores anything that is not a message it knows.
 *
 * Handshake: the webview posts `{ type: 'ready' }` once its script runs; the host answers with
 * `{ type: 'scanResult', result }` (result null while the first scan is still running).
 *
 * Pure module: no `vscode`, no DOM; imported by the host, the webview and the unit tests.
 */
import type { ScanResult } from '../core/types';

/** The webview panel's view type, shared by the host, the serializer and package.json. */
export const COST_PANEL_VIEW_TYPE = 'llmHostingAdvisor.costPanel';

// ---- host -> webview -------------------------------------------------------------------------

export interface ScanResultMessage {
  type: 'scanResult';
  result: ScanResult | null;
  /** Select (and scroll to) this call when the result is shown, e.g. from a CodeLens click. */
  focusCallSiteId?: string;
}
export interface ScanStateMessage {
  type: 'scanState';
  scanning: boolean;
  error?: string;
}
export interface FocusMessage {
  type: 'focus';
  callSiteId: string;
}
export type ToWebviewMessage = ScanResultMessage | ScanStateMessage | FocusMessage;

// ---- webview -> host -------------------------------------------------------------------------

export interface ReadyMessage {
  type: 'ready';
}
/** Open the editor at a call. The host looks the id up in its own result; no paths cross over. */
export interface RevealMessage {
  type: 'reveal';
  callSiteId: string;
}
export interface SelectMessage {
  type: 'select';
  callSiteId: string | null;
}
export interface RescanMessage {
  type: 'rescan';
}
export type FromWebviewMessage = ReadyMessage | RevealMessage | SelectMessage | RescanMessage;

// ---- validation ------------------------------------------------------------------------------

/** Call-site ids are short, printable strings; anything else is rejected before lookup. */
export const MAX_ID_LENGTH = 512;

export function isCallSiteId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH && !/[\u0000-\u001f\u007f]/.test(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function hasOnlyKeys(obj: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(obj).every((k) => allowed.includes(k));
}

/**
 * Validates a message received from the webview. Returns a fresh, well-typed copy, or undefined for
 * anything unknown, malformed or carrying extra fields (e.g. a forged `file` or `path`).
 */
export function parseFromWebview(raw: unknown): FromWebviewMessage | undefined {
  if (!isPlainObject(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'ready':
      return hasOnlyKeys(raw, ['type']) ? { type: 'ready' } : undefined;
    case 'rescan':
      return hasOnlyKeys(raw, ['type']) ? { type: 'rescan' } : undefined;
    case 'reveal':
      return hasOnlyKeys(raw, ['type', 'callSiteId']) && isCallSiteId(raw.callSiteId)
        ? { type: 'reveal', callSiteId: raw.callSiteId }
        : undefined;
    case 'select':
      if (!hasOnlyKeys(raw, ['type', 'callSiteId'])) return undefined;
      if (raw.callSiteId === null) return { type: 'select', callSiteId: null };
      return isCallSiteId(raw.callSiteId) ? { type: 'select', callSiteId: raw.callSiteId } : undefined;
    default:
      return undefined;
  }
}

/** Validates a message received by the webview from the host (structure only). */
export function parseToWebview(raw: unknown): ToWebviewMessage | undefined {
  if (!isPlainObject(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'scanResult': {
      const result = raw.result;
      if (result !== null && !looksLikeScanResult(result)) return undefined;
      const focus = raw.focusCallSiteId;
      if (focus !== undefined && !isCallSiteId(focus)) return undefined;
      return { type: 'scanResult', result: result as ScanResult | null, ...(focus ? { focusCallSiteId: focus } : {}) };
    }
    case 'scanState':
      if (typeof raw.scanning !== 'boolean') return undefined;
      if (raw.error !== undefined && typeof raw.error !== 'string') return undefined;
      return { type: 'scanState', scanning: raw.scanning, ...(typeof raw.error === 'string' ? { error: raw.error } : {}) };
    case 'focus':
      return isCallSiteId(raw.callSiteId) ? { type: 'focus', callSiteId: raw.callSiteId } : undefined;
    default:
      return undefined;
  }
}

function looksLikeScanResult(value: unknown): value is ScanResult {
  if (!isPlainObject(value)) return false;
  return (
    value.schemaVersion === 1 &&
    Array.isArray(value.callSites) &&
    isPlainObject(value.summary) &&
    isPlainObject(value.catalog) &&
    value.callSites.every((c) => isPlainObject(c) && isCallSiteId(c.id) && typeof c.file === 'string' && typeof c.line === 'number')
  );
}

/** What the webview keeps in `vscode.setState`, so a reload or a hidden tab comes back as it was. */
export interface PanelViewState {
  selectedCallSiteId: string | null;
  sortKey: SortKey;
  sortDescending: boolean;
  filter: string;
  /** Last result shown, so a restored panel paints at once while the host answers the handshake. */
  result: ScanResult | null;
}

export const SORT_KEYS = ['file', 'model', 'task', 'tokens', 'calls', 'current', 'recommended', 'savings'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export function parseViewState(raw: unknown): PanelViewState {
  const fallback: PanelViewState = { selectedCallSiteId: null, sortKey: 'savings', sortDescending: true, filter: '', result: null };
  if (!isPlainObject(raw)) return fallback;
  return {
    selectedCallSiteId: isCallSiteId(raw.selectedCallSiteId) ? raw.selectedCallSiteId : null,
    sortKey: (SORT_KEYS as readonly unknown[]).includes(raw.sortKey) ? (raw.sortKey as SortKey) : fallback.sortKey,
    sortDescending: typeof raw.sortDescending === 'boolean' ? raw.sortDescending : fallback.sortDescending,
    filter: typeof raw.filter === 'string' ? raw.filter.slice(0, 200) : '',
    result: looksLikeScanResult(raw.result) ? raw.result : null,
  };
}
