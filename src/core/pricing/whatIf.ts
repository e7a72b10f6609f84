/**
 * Re-prices a finished scan under what-if inputs from the cost panel (calls per month for a call,
 * data sensitivity, GPU and precision for self-hosting) or under a price override layer, without
 * re-analyzing any file: every call site already carries what the advisor needs (model, task,
 * tokens, volume, features). Pure over its inputs; no `vscode`. Shipped in the lazily loaded
 * scanner bundle (it pulls in the catalog and the advisor).
 *
 * With no what-if and the bundled catalog the output equals the scan's own pricing (unit-tested),
 * because it runs the same steps as core/pricing/pipeline.ts: adviseCall per site, then adviseWorkspace and
 * the pooled recommendations.
 */
import { adviseCall, adviseWorkspace, type AdvisorOptions, type DataSensitivity } from './advisor';
import { findGpu, type Catalog } from '../catalog/catalog';
import { getCatalog } from './pipeline';
import { PRECISIONS, type Precision } from './sizing';
import type { CallSite, ScanResult } from '../../model/types';

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
export function whatIfChoices(catalog: Catalog = getCatalog()): { gpus: Array<{ id: string; name: string }>; precisions: string[] } {
  return { gpus: catalog.gpus.filter((g) => g.prices.length > 0).map((g) => ({ id: g.id, name: g.name ?? g.id })), precisions: [...PRECISIONS] };
}

/**
 * The scan result re-priced under `whatIf` with `catalog` (default: the bundled one). Returns a new
 * result; the input is not modified. `base` options are the workspace settings the scan used.
 */
export function applyWhatIf(result: ScanResult, whatIf: WhatIf = {}, catalog: Catalog = getCatalog(), base: AdvisorOptions = {}): ScanResult {
  const gpu = whatIf.gpu ? findGpu(catalog, whatIf.gpu) : undefined;
  // GPU and precision choices reach every self-hosting plan: per call and the workspace pool.
  const advisorOptions: AdvisorOptions = {
    ...base,
    ...(whatIf.dataSensitivity ? { dataSensitivity: whatIf.dataSensitivity } : {}),
    ...(gpu ? { gpuIds: [gpu.id] } : {}),
    ...(whatIf.precision ? { precisions: [whatIf.precision] } : {}),
  };
  const callSites: CallSite[] = result.callSites.map((original) => {
    const override = whatIf.callsPerMonth?.[original.id];
    const volume =
      override !== undefined && Number.isFinite(override) && override >= 0
        ? { callsPerMonth: override, source: original.volume.source, basis: `what-if: ${Math.round(override).toLocaleString('en-US')} calls/month (not saved; was ${original.volume.basis ?? original.volume.source})` }
        : original.volume;
    const advice = adviseCall(
      { model: original.model, provider: original.provider, endpoint: original.endpoint, task: original.task, tokens: original.tokens, volume, features: original.features },
      catalog,
      advisorOptions,
    );
    return { ...original, volume, options: advice.options, recommendation: advice.recommendation, monthlyUsdCurrent: advice.monthlyUsdCurrent };
  });
  const workspace = adviseWorkspace(callSites, catalog, advisorOptions);
  for (const site of callSites) {
    const pooled = workspace.recommendations[site.id];
    if (pooled) site.recommendation = pooled;
  }
  const current = callSites.reduce((s, c) => s + (c.monthlyUsdCurrent ?? 0), 0);
  const recommended = workspace.monthlyUsdRecommended;
  return {
    ...result,
    catalog: { ...result.catalog, asOf: catalog.asOf },
    callSites,
    workspace: { selfHost: workspace.selfHost, breakEven: workspace.breakEven, stage: workspace.stage, monthlyUsdRecommended: workspace.monthlyUsdRecommended },
    summary: { ...result.summary, monthlyUsdCurrent: round2(current), monthlyUsdRecommended: round2(recommended), savingsUsd: round2(current - recommended) },
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
