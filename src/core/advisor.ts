/**
 * Prices one call site under every hosting option the catalog knows and picks the cheapest one
 * that still does the job. Pure: no I/O, no `vscode`; every number comes with its derivation.
 */
import type {
  CallFeatures,
  Endpoint,
  HostingOption,
  ModelRef,
  Recommendation,
  TaskClassification,
  TokenEstimate,
  VolumeEstimate,
} from './types';
import { findModel, nearestModels, type Catalog, type ClosedModelRow, type CatalogModel, type OpenPriceRow } from './catalog';

export interface AdviceInput {
  model: ModelRef;
  provider: string;
  endpoint: Endpoint;
  task: TaskClassification;
  tokens: TokenEstimate;
  volume: VolumeEstimate;
  features: CallFeatures;
}

export interface Advice {
  options: HostingOption[];
  recommendation: Recommendation | null;
  monthlyUsdCurrent: number | null;
  diagnostics: string[];
}

export interface AdvisorOptions {
  /** Include a per-call self-hosting option with sizing (default true). */
  includeSelfHost?: boolean;
}

/** Advice for one call: every option priced, viable or not with a reason, and the cheapest viable one. */
export function adviseCall(input: AdviceInput, catalog: Catalog, _options: AdvisorOptions = {}): Advice {
  const diagnostics: string[] = [];
  const modelId = input.model.id;
  if (!modelId) {
    diagnostics.push(`model "${input.model.raw}" could not be resolved statically; not priced`);
    return { options: [], recommendation: null, monthlyUsdCurrent: null, diagnostics };
  }
  const current = findModel(catalog, modelId);
  if (!current) {
    const near = nearestModels(catalog, modelId);
    diagnostics.push(`model "${modelId}" is not in the catalog (as of ${catalog.asOf}); not priced. Nearest: ${near.join(', ')}`);
    return { options: [], recommendation: null, monthlyUsdCurrent: null, diagnostics };
  }
  const options: HostingOption[] = [];
  const currentOption = priceCurrent(input, current, diagnostics);
  if (currentOption) options.push(currentOption);
  const monthlyUsdCurrent = currentOption ? currentOption.monthlyUsd : null;
  const recommendation = recommend(options, monthlyUsdCurrent);
  return { options, recommendation, monthlyUsdCurrent, diagnostics };
}

function priceCurrent(input: AdviceInput, model: CatalogModel, diagnostics: string[]): HostingOption | null {
  if (model.closed) return priceClosed(input, model.closed, true);
  const row = pickOpenRow(model.openPrices, input.provider);
  if (!row) {
    diagnostics.push(`open model ${model.id} has no per-token price for provider ${input.provider}`);
    return null;
  }
  return priceOpen(input, row, true);
}

function pickOpenRow(rows: OpenPriceRow[], provider: string): OpenPriceRow | undefined {
  const p = provider.toLowerCase();
  return rows.find((r) => r.provider === p) ?? [...rows].sort((a, b) => a.inputPerMTok - b.inputPerMTok)[0];
}

/** Monthly token cost and the readable arithmetic behind it. */
function tokenCost(input: AdviceInput, inPrice: number, outPrice: number, priceLabel: string): { usd: number; derivation: string } {
  const calls = input.volume.callsPerMonth;
  const tin = input.tokens.inputPerCall;
  const tout = input.endpoint === 'embedding' ? 0 : input.tokens.outputPerCall;
  const usd = (calls * (tin * inPrice + tout * outPrice)) / 1e6;
  const vol = input.volume.basis ?? `${fmtInt(calls)} calls/month (${input.volume.source})`;
  const derivation =
    `${fmtInt(calls)} calls/month × (${fmtInt(tin)} in × $${inPrice}/M` +
    (input.endpoint === 'embedding' ? '' : ` + ${fmtInt(tout)} out × $${outPrice}/M`) +
    `) = $${fmtUsd(usd)}/month; volume: ${vol}; tokens: ${input.tokens.method}; price: ${priceLabel}`;
  return { usd, derivation };
}

function priceClosed(input: AdviceInput, row: ClosedModelRow, current: boolean): HostingOption | null {
  if (row.inputPerMTok === undefined) return null;
  const { usd, derivation } = tokenCost(input, row.inputPerMTok, row.outputPerMTok ?? 0, `${row.id} (${row.source}, as of ${row.asOf})`);
  return {
    tier: 'closed-api',
    label: current ? `Stay on ${row.id}` : `Switch to ${row.id}`,
    monthlyUsd: usd,
    viable: true,
    why: current ? 'what the code does today' : 'cheaper closed model',
    provider: row.provider,
    model: row.id,
    derivation,
    price: { source: row.source, asOf: row.asOf },
    current,
  };
}

function priceOpen(input: AdviceInput, row: OpenPriceRow, current: boolean): HostingOption {
  const { usd, derivation } = tokenCost(input, row.inputPerMTok, row.outputPerMTok, `${row.provider} ${row.providerModelId} (${row.source}, as of ${row.asOf})`);
  return {
    tier: 'open-api',
    label: `${row.model} on ${row.provider}`,
    monthlyUsd: usd,
    viable: true,
    why: current ? 'what the code does today' : 'open model served per token',
    provider: row.provider,
    model: row.model,
    derivation,
    price: { source: row.source, asOf: row.asOf },
    current,
  };
}

function recommend(options: HostingOption[], currentUsd: number | null): Recommendation | null {
  const viable = options.filter((o) => o.viable).sort((a, b) => a.monthlyUsd - b.monthlyUsd);
  const best = viable[0];
  if (!best) return null;
  return {
    tier: best.tier,
    label: best.label,
    monthlyUsd: best.monthlyUsd,
    savingsUsd: currentUsd === null ? 0 : Math.max(0, currentUsd - best.monthlyUsd),
    why: best.why,
  };
}

function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function fmtUsd(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}
