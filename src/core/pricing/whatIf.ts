/**
 * Re-prices a finished scan under what-if inputs from the cost panel (calls per month for a call,
 * data sensitivity, GPU and precision for self-hosting) or under a price override layer, without
 * re-analyzing any file: every call site already carries what the advisor needs (model, task,
 * tokens, volume, features). Pure over its inputs; no `vscode`. Shipped in the lazily loaded
 * scanner bundle (it pulls in the catalog and the advisor).
 *
 * The pricing itself is the scan's own pipeline (`priceCallSites`), so with no what-if and the
 * bundled catalog the output equals the scan's pricing, diagnostics included (unit-tested): every
 * field the pricing decides (price, unpriced reason and kind, $0 note, totals decision, the pricing
 * diagnostics) comes from the new pricing, never from the scan's.
 */
import type { AdvisorOptions } from './advisor';
import { findGpu, isPastDeprecation, loadCatalog, type Catalog } from '../catalog/catalog';
import { priceCallSites } from './pipeline';
import { PRECISIONS, type DataSensitivity, type Precision } from '../../model/vocabulary';
import { redactCredentials } from '../../model/redact';
import type { Diagnostic, ScanResult } from '../../model/types';

/** What the panel lets people change; every field optional (absent = as scanned). */
export interface WhatIf {
  /** Calls per month per call-site id. */
  callsPerMonth?: Record<string, number>;
  /** Model id per call-site id: "what if this call sent that model" (and for calls whose model is unknown, a first price). */
  model?: Record<string, string>;
  dataSensitivity?: DataSensitivity;
  /** GPU id from the catalog (e.g. `h100-80gb`) for every self-hosted option. */
  gpu?: string;
  precision?: Precision;
}

/** True when the what-if changes nothing. */
export function isEmptyWhatIf(w: WhatIf | undefined): boolean {
  return !w || (!w.dataSensitivity && !w.gpu && !w.precision && Object.keys(w.callsPerMonth ?? {}).length === 0 && Object.keys(w.model ?? {}).length === 0);
}

/** The GPU ids and precisions the panel offers (from the catalog in use). */
export function whatIfChoices(catalog: Catalog = loadCatalog()): { gpus: Array<{ id: string; name: string }>; precisions: string[]; models: ModelChoice[] } {
  return { gpus: catalog.gpus.filter((g) => g.prices.length > 0).map((g) => ({ id: g.id, name: g.name ?? g.id })), precisions: [...PRECISIONS], models: modelChoices(catalog) };
}

/** A model the user can pick for a call: the catalog's id, and what it is. */
export interface ModelChoice {
  id: string;
  /** `openai · chat · $2.50 / $10 per M tokens`, or `open model · 70B` */
  description: string;
}

/**
 * The models the Set Model command and the panel's model what-if offer: the catalog's closed chat and
 * embedding models that are not retired (by vendor), then open models with a per-token price. Ids are
 * the catalog's own, so whatever is picked is priced.
 */
export function modelChoices(catalog: Catalog = loadCatalog()): ModelChoice[] {
  const closed = catalog.closed
    .filter((row) => !isPastDeprecation(row) && (row.endpoint === 'chat' || row.endpoint === 'embedding'))
    .map((row) => ({ id: row.id, description: `${row.vendor} · ${row.endpoint}${row.inputPerMTok !== undefined ? ` · $${row.inputPerMTok} / $${row.outputPerMTok ?? 0} per M tokens` : ''}` }));
  const openIds = new Set(catalog.open.filter((row) => !isPastDeprecation(row)).map((row) => row.model));
  const open = catalog.architectures
    .filter((arch) => openIds.has(arch.id))
    .map((arch) => ({ id: arch.id, description: `open model · ${arch.totalParamsB}B${arch.activeParamsB !== arch.totalParamsB ? ` (${arch.activeParamsB}B active)` : ''}` }));
  const seen = new Set<string>();
  return [...closed, ...open].filter((choice) => !seen.has(choice.id) && seen.add(choice.id));
}

/**
 * The scan result re-priced under `whatIf` with `catalog` (default: the bundled one). Returns a new
 * result; the input is not modified. `base` options are the workspace settings the scan used.
 */
export function applyWhatIf(result: ScanResult, whatIf: WhatIf = {}, catalog: Catalog = loadCatalog(), base: AdvisorOptions = {}): ScanResult {
  const gpu = whatIf.gpu ? findGpu(catalog, whatIf.gpu) : undefined;
  // GPU and precision choices reach every self-hosting plan: per call and the workspace pool.
  const advisorOptions: AdvisorOptions = {
    ...base,
    ...(whatIf.dataSensitivity ? { dataSensitivity: whatIf.dataSensitivity } : {}),
    ...(gpu ? { gpuIds: [gpu.id] } : {}),
    ...(whatIf.precision ? { precisions: [whatIf.precision] } : {}),
  };
  const priced = priceCallSites(result.callSites, { catalog, advisorOptions, volumeOverrides: whatIf.callsPerMonth, modelOverrides: whatIf.model });
  // Fields the new pricing may not set (no unpriced call, no range) must not survive from the scan's.
  const { unpricedByKind: _kinds, unpricedLeftOutCallSites: _leftOut, monthlyUsdCurrentRange: _range, assumedModelCallSites: _assumed, ...scanned } = result.summary;
  void _kinds, void _leftOut, void _range, void _assumed;
  return {
    ...result,
    catalog: { ...result.catalog, asOf: catalog.asOf },
    callSites: priced.callSites,
    workspace: priced.workspace,
    summary: { ...scanned, ...priced.summary },
    diagnostics: withPricingDiagnostics(result.diagnostics, priced.diagnostics),
  };
}

/**
 * The scan's diagnostics with its pricing ones (`origin: 'pricing'`) replaced by `pricing`'s, at the
 * place the scan put them (one block, after the workspace reading's own and before the usage file's
 * unmatched entries), so an empty what-if gives the scan's list back. The workspace reading's
 * diagnostics (files, settings, analyzers, comments, usage file and export) are kept: a re-pricing
 * reads no file. Messages are redacted as the scan redacts every diagnostic.
 */
function withPricingDiagnostics(scanned: readonly Diagnostic[], pricing: readonly Diagnostic[]): Diagnostic[] {
  const fresh = pricing.map((diagnostic) => ({ ...diagnostic, message: redactCredentials(diagnostic.message) }));
  const at = scanned.findIndex((diagnostic) => diagnostic.origin === 'pricing');
  const kept = scanned.filter((diagnostic) => diagnostic.origin !== 'pricing');
  // A scan with no pricing diagnostic: the new ones go after the scan's (where a scan puts them is not known then).
  const insertAt = at === -1 ? kept.length : at;
  return [...kept.slice(0, insertAt), ...fresh, ...kept.slice(insertAt)];
}
