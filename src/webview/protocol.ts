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
import type { ScanResult } from '../model/types';
import { DATA_SENSITIVITIES, MODEL_ID_PATTERN, PRECISIONS, type DataSensitivity, type Precision } from '../model/vocabulary';

/** The webview panel's view type, shared by the host, the serializer and package.json. */
export const COST_PANEL_VIEW_TYPE = 'llmHostingAdvisor.costPanel';

// ---- host -> webview -------------------------------------------------------------------------

export interface ScanResultMessage {
  type: 'scanResult';
  /** The scan result, re-priced under the panel's what-if inputs when any are set. */
  result: ScanResult | null;
  /** Select (and scroll to) this call when the result is shown, e.g. from a CodeLens click. */
  focusCallSiteId?: string;
  /** The what-if inputs the result was priced with (empty object: as scanned). */
  whatIf?: WhatIfState;
  /** Which prices are in use: the bundled catalog's date, and the override layer if one is active. */
  prices?: PriceInfo;
  /** What the what-if selects offer. */
  choices?: WhatIfChoices;
}

/** The panel's what-if inputs. Volumes are per call-site id; the rest apply to the whole workspace. */
export interface WhatIfState {
  callsPerMonth?: Record<string, number>;
  /** Model id per call-site id: price the call as if it sent that model. */
  model?: Record<string, string>;
  dataSensitivity?: DataSensitivity;
  gpu?: string;
  precision?: Precision;
}

export interface PriceInfo {
  bundledAsOf: string;
  override?: { asOf: string; url: string; fetchedAt: string; models: number };
}

export interface WhatIfChoices {
  gpus: Array<{ id: string; name: string }>;
  precisions: string[];
  /** The catalog's models a call can be priced as (the model what-if). */
  models?: Array<{ id: string; description: string }>;
}

/** Shown under the toolbar after an action (e.g. the volume was written to llm-usage.yml). */
export interface NoticeMessage {
  type: 'notice';
  level: 'info' | 'error';
  text: string;
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
export type ToWebviewMessage = ScanResultMessage | ScanStateMessage | FocusMessage | NoticeMessage;

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
/**
 * Change one or more what-if inputs; `null` resets that input to the scanned value. The volume
 * needs the call it applies to. The host re-prices and answers with a `scanResult`.
 */
export interface WhatIfMessage {
  type: 'whatIf';
  callSiteId?: string;
  callsPerMonth?: number | null;
  /** The model the call is priced as (needs callSiteId); null: as scanned. */
  model?: string | null;
  dataSensitivity?: DataSensitivity | null;
  gpu?: string | null;
  precision?: Precision | null;
}
export interface ResetWhatIfMessage {
  type: 'resetWhatIf';
}
/**
 * Write the call's what-if volume to the workspace's llm-usage.yml. Carries only the id: the host
 * takes the number from its own what-if state and the path is always `<root>/llm-usage.yml`.
 */
export interface SaveVolumeMessage {
  type: 'saveVolume';
  callSiteId: string;
}
export type FromWebviewMessage = ReadyMessage | RevealMessage | SelectMessage | RescanMessage | WhatIfMessage | ResetWhatIfMessage | SaveVolumeMessage;

/** Upper bound for a what-if volume: a trillion calls a month is beyond any real workload. */
export const MAX_CALLS_PER_MONTH = 1e12;

/** A non-negative, finite volume no larger than MAX_CALLS_PER_MONTH. */
export function isCallsPerMonth(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_CALLS_PER_MONTH;
}

/** GPU ids are catalog ids like `h100-80gb`; the host also checks the id is in the catalog. */
export function isGpuId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9][a-z0-9._-]{0,63}$/.test(value);
}

// ---- validation ------------------------------------------------------------------------------

/** Call-site ids are short, printable strings; anything else is rejected before lookup. */
export const MAX_ID_LENGTH = 512;

export function isModelId(value: unknown): value is string {
  return typeof value === 'string' && MODEL_ID_PATTERN.test(value);
}

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
    case 'resetWhatIf':
      return hasOnlyKeys(raw, ['type']) ? { type: 'resetWhatIf' } : undefined;
    case 'saveVolume':
      return hasOnlyKeys(raw, ['type', 'callSiteId']) && isCallSiteId(raw.callSiteId) ? { type: 'saveVolume', callSiteId: raw.callSiteId } : undefined;
    case 'whatIf':
      return parseWhatIfMessage(raw);
    default:
      return undefined;
  }
}

function parseWhatIfMessage(raw: Record<string, unknown>): WhatIfMessage | undefined {
  if (!hasOnlyKeys(raw, ['type', 'callSiteId', 'callsPerMonth', 'model', 'dataSensitivity', 'gpu', 'precision'])) return undefined;
  const msg: WhatIfMessage = { type: 'whatIf' };
  if (raw.callSiteId !== undefined) {
    if (!isCallSiteId(raw.callSiteId)) return undefined;
    msg.callSiteId = raw.callSiteId;
  }
  if (raw.callsPerMonth !== undefined) {
    // A volume without the call it belongs to means nothing.
    if (msg.callSiteId === undefined || (raw.callsPerMonth !== null && !isCallsPerMonth(raw.callsPerMonth))) return undefined;
    msg.callsPerMonth = raw.callsPerMonth === null ? null : Math.round(raw.callsPerMonth);
  }
  if (raw.model !== undefined) {
    // A model without the call it belongs to means nothing.
    if (msg.callSiteId === undefined || (raw.model !== null && !isModelId(raw.model))) return undefined;
    msg.model = raw.model;
  }
  if (raw.dataSensitivity !== undefined) {
    if (raw.dataSensitivity !== null && !(DATA_SENSITIVITIES as readonly unknown[]).includes(raw.dataSensitivity)) return undefined;
    msg.dataSensitivity = raw.dataSensitivity as DataSensitivity | null;
  }
  if (raw.gpu !== undefined) {
    if (raw.gpu !== null && !isGpuId(raw.gpu)) return undefined;
    msg.gpu = raw.gpu;
  }
  if (raw.precision !== undefined) {
    if (raw.precision !== null && !(PRECISIONS as readonly unknown[]).includes(raw.precision)) return undefined;
    msg.precision = raw.precision as Precision | null;
  }
  return msg;
}

/** Validates the what-if state the host sends (structure and ranges), dropping anything else. */
export function parseWhatIfState(raw: unknown): WhatIfState | undefined {
  if (!isPlainObject(raw)) return undefined;
  const out: WhatIfState = {};
  if (isPlainObject(raw.callsPerMonth)) {
    const volumes: Record<string, number> = {};
    for (const [id, n] of Object.entries(raw.callsPerMonth)) if (isCallSiteId(id) && isCallsPerMonth(n)) volumes[id] = n;
    out.callsPerMonth = volumes;
  }
  if (isPlainObject(raw.model)) {
    const models: Record<string, string> = {};
    for (const [id, model] of Object.entries(raw.model)) if (isCallSiteId(id) && isModelId(model)) models[id] = model;
    out.model = models;
  }
  if ((DATA_SENSITIVITIES as readonly unknown[]).includes(raw.dataSensitivity)) out.dataSensitivity = raw.dataSensitivity as DataSensitivity;
  if (isGpuId(raw.gpu)) out.gpu = raw.gpu;
  if ((PRECISIONS as readonly unknown[]).includes(raw.precision)) out.precision = raw.precision as Precision;
  return out;
}

function parsePriceInfo(raw: unknown): PriceInfo | undefined {
  if (!isPlainObject(raw) || typeof raw.bundledAsOf !== 'string') return undefined;
  const o = raw.override;
  if (o === undefined) return { bundledAsOf: raw.bundledAsOf };
  if (!isPlainObject(o) || typeof o.asOf !== 'string' || typeof o.url !== 'string' || typeof o.fetchedAt !== 'string' || typeof o.models !== 'number') return undefined;
  return { bundledAsOf: raw.bundledAsOf, override: { asOf: o.asOf, url: o.url, fetchedAt: o.fetchedAt, models: o.models } };
}

function parseChoices(raw: unknown): WhatIfChoices | undefined {
  if (!isPlainObject(raw) || !Array.isArray(raw.gpus) || !Array.isArray(raw.precisions)) return undefined;
  const gpus = raw.gpus.filter((g): g is { id: string; name: string } => isPlainObject(g) && isGpuId(g.id) && typeof g.name === 'string');
  const precisions = raw.precisions.filter((p): p is string => (PRECISIONS as readonly unknown[]).includes(p));
  const models = Array.isArray(raw.models) ? raw.models.filter((m): m is { id: string; description: string } => isPlainObject(m) && isModelId(m.id) && typeof m.description === 'string').map((m) => ({ id: m.id, description: m.description.slice(0, 200) })) : undefined;
  return { gpus, precisions, ...(models ? { models } : {}) };
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
      const whatIf = raw.whatIf === undefined ? undefined : parseWhatIfState(raw.whatIf);
      const prices = raw.prices === undefined ? undefined : parsePriceInfo(raw.prices);
      const choices = raw.choices === undefined ? undefined : parseChoices(raw.choices);
      return {
        type: 'scanResult',
        result: result as ScanResult | null,
        ...(focus ? { focusCallSiteId: focus } : {}),
        ...(whatIf ? { whatIf } : {}),
        ...(prices ? { prices } : {}),
        ...(choices ? { choices } : {}),
      };
    }
    case 'notice':
      if ((raw.level !== 'info' && raw.level !== 'error') || typeof raw.text !== 'string') return undefined;
      return { type: 'notice', level: raw.level, text: raw.text.slice(0, 500) };
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
