/**
 * Re-prices a finished scan under what-if inputs from the cost panel (calls per month for a call,
 * data sensitivity, GPU and precision for self-hosting) or under a price override layer, without
 * re-analyzing any file: every call site already carries what the advisor needs (model, task,
 * tokens, volume, features). Pure over its inputs; no `vscode`. Shipped in the lazily loaded
 * scanner bundle (it pulls in the catalog and the advisor).
 *
 * The pricing itself is the scan's own pipeline (`priceCallSites`), so with no what-if and the
 * bundled catalog the output equals the scan's pricing (unit-tested).
 */
import type { AdvisorOptions } from './advisor';
import { findGpu, loadCatalog, type Catalog } from '../catalog/catalog';
import { priceCallSites } from './pipeline';
import { PRECISIONS, type DataSensitivity, type Precision } from '../../model/vocabulary';
import type { ScanResult } from '../../model/types';

/** What the panel lets people change; every field optional (absent = as scanned). */
export interface WhatIf {
  /** Calls per month per call-site id. */
  callsPerMonth?: Record<string, number>;
  dataSensitivity?: DataSensitivity;
  /** GPU id from the catalog (e.g. `h100-80gb`) for every self-hosted option. */
  gpu?: string;
  precision?: Precision;
}

/** True when the what-if changes nothing. */
export function isEmptyWhatIf(w: WhatIf | undefined): boolean {
  return !w || (!w.dataSensitivity && !w.gpu && !w.precision && Object.keys(w.callsPerMonth ?? {}).length === 0);
}

/** The GPU ids and precisions the panel offers (from the catalog in use). */
export function whatIfChoices(catalog: Catalog = loadCatalog()): { gpus: Array<{ id: string; name: string }>; precisions: string[] } {
  return { gpus: catalog.gpus.filter((g) => g.prices.length > 0).map((g) => ({ id: g.id, name: g.name ?? g.id })), precisions: [...PRECISIONS] };
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
  const priced = priceCallSites(result.callSites, { catalog, advisorOptions, volumeOverrides: whatIf.callsPerMonth });
  return {
    ...result,
    catalog: { ...result.catalog, asOf: catalog.asOf },
    callSites: priced.callSites,
    workspace: priced.workspace,
    summary: { ...result.summary, ...priced.summary },
  };
}
