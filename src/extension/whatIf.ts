/**
 * Re-prices a finished scan under what-if inputs from the cost panel (calls per month for a call,
 * data sensitivity, GPU and precision for self-hosting) or under a price override layer, without
 * re-analyzing any file: every call site already carries what the advisor needs (model, task,
 * tokens, volume, features). Pure over its inputs; no `vscode`. Shipped in the lazily loaded
 * scanner bundle (it pulls in the catalog and the advisor).
 *
 * With no what-if and the bundled catalog the output equals the scan's own pricing (unit-tested),
 * because it runs the same steps as core/enrich.ts: adviseCall per site, then adviseWorkspace and
 * the pooled recommendations.
 */
import { adviseCall, adviseWorkspace, recommend, type AdvisorOptions, type DataSensitivity } from '../core/advisor';
import { assumption, findArchitecture, findGpu, type Catalog } from '../core/catalog';
import { getCatalog } from '../core/enrich';
import { planDeployment, PRECISIONS, type Precision } from '../core/sizing';
import { rescaleTokens } from '../core/tokens';
import type { CallSite, HostingOption, ScanResult } from '../core/types';

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
  const advisorOptions: AdvisorOptions = { ...base, ...(whatIf.dataSensitivity ? { dataSensitivity: whatIf.dataSensitivity } : {}) };
  const gpu = whatIf.gpu ? findGpu(catalog, whatIf.gpu) : undefined;
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
    let options = advice.options;
    let recommendation = advice.recommendation;
    if ((gpu || whatIf.precision) && options.some((o) => o.sizing)) {
      options = options.map((o) => (o.sizing ? replanSelfHost(o, original, volume.callsPerMonth, catalog, gpu?.id, whatIf.precision) : o));
      const current = options.find((o) => o.current);
      if (current) recommendation = recommend(options, current, advisorOptions);
    }
    return { ...original, volume, options, recommendation, monthlyUsdCurrent: advice.monthlyUsdCurrent };
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

/** A self-hosted option re-planned on the chosen GPU and/or precision (not viable when nothing fits). */
function replanSelfHost(option: HostingOption, site: CallSite, callsPerMonth: number, catalog: Catalog, gpuId: string | undefined, precision: Precision | undefined): HostingOption {
  const sizing = option.sizing!;
  const arch = findArchitecture(catalog, sizing.model);
  if (!arch) return option;
  const managed = option.label.startsWith('Managed');
  const visibleOut = Math.max(0, site.tokens.outputPerCall - (site.tokens.reasoningTokens ?? 0));
  const workload = {
    callsPerMonth,
    inputTokens: rescaleTokens(site.tokens.inputPerCall, site.model.id, arch.id),
    outputTokens: Math.max(1, rescaleTokens(visibleOut, site.model.id, arch.id)),
  };
  const minStream = site.features.streaming ? assumption(catalog, 'minStreamingTokensPerSecond', 20) : 0;
  const classes = managed ? (['managed'] as const) : (['specialist', 'hyperscaler'] as const);
  const plans = classes
    .map((providerClass) =>
      planDeployment(arch, workload, catalog, { providerClass, minStreamTokensPerSecond: minStream, ...(gpuId ? { gpuIds: [gpuId] } : {}), ...(precision ? { precisions: [precision] } : {}) }),
    )
    .filter((p) => p !== null);
  const plan = plans.sort((a, b) => a.sizing.monthlyGpuUsdOnDemand - b.sizing.monthlyGpuUsdOnDemand)[0];
  const chosen = [gpuId, precision].filter(Boolean).join(', ');
  if (!plan) {
    return { ...option, viable: false, why: `not viable: ${arch.id} has no priced configuration that fits on ${chosen} (what-if)` };
  }
  const s = plan.sizing;
  return {
    ...option,
    label: `${managed ? 'Managed GPU hosting' : 'Self-managed GPUs'}: ${s.model} ${s.precision} on ${s.replicas} replica(s) × ${s.gpusPerReplica} ${s.gpu}${plan.price ? ` (${plan.price.provider})` : ''}`,
    monthlyUsd: s.monthlyGpuUsdOnDemand,
    viable: s.fits,
    why: s.fits ? `${s.model} fits ${s.gpusPerReplica}× ${s.gpu} at ${s.precision} (what-if: ${chosen}); recommended only when the workspace pool breaks even` : `not viable: ${plan.result.reason ?? 'does not fit'}`,
    provider: plan.price?.provider,
    derivation: `what-if ${chosen}: ${plan.derivation}`,
    price: plan.price ? { source: plan.price.source, asOf: plan.price.asOf } : undefined,
    sizing: s,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
