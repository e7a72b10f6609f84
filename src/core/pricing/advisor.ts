/**
 * Prices one call site under every hosting option the catalog knows (stay, a cheaper closed model
 * of the same vendor, an open model served per token, managed or self-managed GPUs) and picks the
 * cheapest option that still does the job. Also decides self-hosting across a workspace, where its
 * fixed costs can be shared. Pure: no I/O, no `vscode`; every number carries its derivation.
 */
import type {
  BreakEven,
  CallFeatures,
  CallSite,
  Endpoint,
  HostingOption,
  ModelRef,
  Recommendation,
  RunsOn,
  SelfHostPool,
  SpendStage,
  TaskClassification,
  TaskType,
  TokenEstimate,
  VolumeEstimate,
  WorkspaceAdviceSummary,
} from '../../model/types';
import {
  assumption,
  billsReasoningTokens,
  capabilitiesOf,
  referenceModel,
  findModelAt,
  isOllamaCloudTag,
  ollamaLibraryRow,
  ollamaTagPrecision,
  isoToday,
  isLocalServer,
  isPastDeprecation,
  nearestModels,
  rowBillsReasoningTokens,
  type Catalog,
  type CatalogModel,
  type ClosedModelRow,
  type ModelArchitecture,
  type ModelCapabilities,
  type OpenPriceRow,
  type OwnCloudRow,
  type AgentHarnessRow,
  type RouterRow,
  type ProviderClass,
  type QualityRow,
  type SelfHostCostRow,
} from '../catalog/catalog';
import { p95Context, planDeployment, type DeploymentPlan, type Workload } from './sizing';
import { IN_PROCESS_PROVIDER, isOllamaServer, OLLAMA_PARALLEL_SETTING, type DataSensitivity, type Precision } from '../../model/vocabulary';
import { formatCount, formatUsd } from '../../model/format';
import { settingModelCouldPrice, writtenModel } from '../../model/display';
import { CHARACTERS_PER_TOKEN, o200kRatio, rescaleTokens, tokenizerFor } from '../estimate/tokens';

export interface AdviceInput {
  model: ModelRef;
  provider: string;
  /** The analyzer that reported the call (the call's `sdk`): whether it runs on the end user's own device (vocabulary's runsOnEndUserDevice). */
  sdk?: string;
  /** The end user's own device, when the code shows the call runs there (the call's `runsOn`). */
  runsOn?: RunsOn;
  endpoint: Endpoint;
  task: TaskClassification;
  tokens: TokenEstimate;
  volume: VolumeEstimate;
  features: CallFeatures;
  /** A request of a realtime (speech-to-speech) session, minting or opening it: a model it does not state is a realtime model, not a text one. */
  realtimeSession?: boolean;
}

export interface Advice {
  options: HostingOption[];
  recommendation: Recommendation | null;
  monthlyUsdCurrent: number | null;
  diagnostics: string[];
}


export interface AdvisorOptions {
  /** Include managed and self-managed GPU options with sizing (default true). */
  includeSelfHost?: boolean;
  /** Only the current model's own price is wanted (a model set's members): alternatives are not priced, so the advice lists no options beyond the current one. */
  currentPriceOnly?: boolean;
  /** Let a self-hosted option win the per-call recommendation (set when the workspace pool breaks even). */
  selfHostApproved?: boolean;
  /** Workspace setting: regulated data rules out third-party APIs. */
  dataSensitivity?: DataSensitivity;
  /** Settings overriding the fixed monthly costs in self-host-costs.json, by row id (e.g. `ml-engineering-self-managed`). */
  fixedCostOverrides?: Record<string, number>;
  /** Self-hosting limited to these GPU ids (a what-if choice); default: every priced GPU. */
  gpuIds?: string[];
  /** Self-hosting limited to these precisions (a what-if choice); default: every precision. */
  precisions?: Precision[];
  /** The date deprecations are judged against (YYYY-MM-DD); default today (UTC). */
  today?: string;
  /** A change is recommended only when it saves at least this many USD/month (default: assumption minSavingsUsdPerMonth). */
  minSavingsUsdPerMonth?: number;
  /** ... and at least this share of the call's current cost (default: assumption minSavingsFraction). */
  minSavingsFraction?: number;
  /** Models a user-chosen model is priced against when the app offers no list (setting llmHostingAdvisor.assumedModels, CLI --assumed-models); default: data/catalog/assumed-models.json. Read by adviseSite (modelSet.ts). */
  assumedModels?: string[];
  /** `OLLAMA_NUM_PARALLEL` as the workspace's settings files set it (the scan reads it): requests the team's Ollama server takes at once. */
  ollamaParallelRequests?: { value: number; file: string; line: number };
}

/** The savings a change must clear, from the options or the catalog's assumptions. */
export function savingsThreshold(catalog: Catalog, options: AdvisorOptions = {}): { usd: number; fraction: number } {
  return {
    usd: options.minSavingsUsdPerMonth ?? assumption(catalog, 'minSavingsUsdPerMonth'),
    fraction: options.minSavingsFraction ?? assumption(catalog, 'minSavingsFraction'),
  };
}

/** Where the current model stands in its vendor's lifecycle on `today`. */
export interface Lifecycle {
  state: 'active' | 'deprecating' | 'retired';
  date?: string;
  /** The fact alone, for a retired model (`x is retired by v (deprecation date d, source)`): what `note` says before its consequence. */
  retiredFact?: string;
  note: string;
}

/** Retired (or past its deprecation date), deprecating within the warning window, or active. */
export function lifecycleOf(model: CatalogModel, provider: string, catalog: Catalog, today: string): Lifecycle {
  const row: { retired?: boolean; deprecationDate?: string; deprecationSource?: string } | undefined = model.closed ?? model.openPrices.find((r) => r.provider === provider.toLowerCase());
  if (!row) return { state: 'active', note: '' };
  const date = row.deprecationDate;
  const vendor = model.closed?.vendor ?? provider;
  if (isPastDeprecation(row, today)) {
    const retiredFact = `${model.id} is retired by ${vendor}${date ? ` (deprecation date ${date}` : ' (no date in the catalog'}${row.deprecationSource ? `, ${row.deprecationSource}` : ''})`;
    return { state: 'retired', date, retiredFact, note: `${retiredFact}: calls fail or will fail, so it must be migrated whatever the price` };
  }
  const warnDays = assumption(catalog, 'deprecationWarningDays');
  if (date) {
    const days = Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
    if (days <= warnDays) return { state: 'deprecating', date, note: `${model.id} is deprecated by ${vendor} on ${date} (in ${days} days): plan the migration before then` };
  }
  return { state: 'active', note: '' };
}

/** tiny (nano, flash-lite) < small (mini, haiku, flash) < large; reasoning models count as large. */
const CLASS_RANK: Record<string, number> = { tiny: 0, small: 1, large: 2, reasoning: 2 };

/** No priced advice for the call; the reason, when given, goes to its diagnostics. */
function unpriced(diagnostics: string[], reason?: string): Advice {
  if (reason !== undefined) diagnostics.push(reason);
  return { options: [], recommendation: null, monthlyUsdCurrent: null, diagnostics };
}

/** A retired model is priced at its last list price but cannot be where the call stays. */
function markRetired(option: HostingOption, lifecycle: Lifecycle): void {
  option.viable = false;
  option.why = `not viable: ${lifecycle.note}`;
}

/** Advice for one call: every option priced, viable or not with a reason, and the cheapest viable one. */
export function adviseCall(input: AdviceInput, catalog: Catalog, options: AdvisorOptions = {}): Advice {
  const diagnostics: string[] = [];
  const modelId = input.model.id;
  // The pipeline replaces this with the exact instruction that sets the model (modelSet.ts).
  if (!modelId) return unpriced(diagnostics, `model "${writtenModel(input.model.raw)}" could not be resolved statically; not priced`);
  const current = findModelAt(catalog, modelId, input.provider);
  if (isOllamaCloudTag(catalog, modelId, input.provider)) {
    const cloud = catalog.ollamaCloudModels!;
    return unpriced(diagnostics, `\`${modelId}\`: ${cloud.why} (${cloud.source}); not priced`);
  }
  const library = ollamaLibraryRow(catalog, modelId, input.provider);
  if (!current && library) {
    return unpriced(diagnostics, `on Ollama, \`${modelId}\` pulls ${library.weights} (${library.parameters} parameters; ${library.source}), which the catalog has no architecture for: there is no per-token bill on a server you run, and its hardware cannot be sized. If those weights are a model the catalog has, set its id as this call's \`model:\` in llm-usage.yml`);
  }
  if (!current) {
    const near = nearestModels(catalog, modelId);
    return unpriced(diagnostics, `model ${modelId} is not in the catalog (as of ${catalog.asOf}); not priced. Nearest: ${near.join(', ')}`);
  }
  const today = options.today ?? isoToday();
  const lifecycle = lifecycleOf(current, input.provider, catalog, today);
  if (lifecycle.state === 'retired') diagnostics.push(`${lifecycle.note}; priced at its last list price (${current.closed?.asOf ?? current.openPrices[0]?.asOf ?? 'unknown date'})`);
  if (lifecycle.state === 'deprecating') diagnostics.push(lifecycle.note);
  if (current.closed?.perRequestUsd) diagnostics.push(`${current.id} bills $${current.closed.perRequestUsd} per request on top of its tokens for the web search each request runs; the alternatives priced here are plain chat models without that search, so a replacement needs its own search step`);
  if (current.closed?.unverified) diagnostics.push(`${current.id}: price from the public price file, not yet checked against ${current.closed.vendor}'s price page`);

  if (current.closed?.endpoint === 'realtime') return adviseRealtime(input, current.closed, catalog, diagnostics, { ...savingsThreshold(catalog, options), lifecycle }, today, options);
  if (isImageOutputChat(input)) return adviseImageOutputChat(input, current, catalog, diagnostics, lifecycle, today, options);
  if (MEDIA_ENDPOINTS.has(input.endpoint) || current.closed?.endpoint === 'rerank') return adviseMedia(input, current, catalog, diagnostics, lifecycle, today, options);
  const rule: RecommendRule = { ...savingsThreshold(catalog, options), lifecycle };
  input = withoutFeaturesTheModelLacks(input, current, catalog, diagnostics);
  if ((input.endpoint === 'embedding' || input.endpoint === 'rerank') && current.kind === 'open') return adviseOpenEncoder(input, current, catalog, diagnostics, rule, options, today);
  if (input.endpoint === 'embedding' || current.closed?.endpoint === 'embedding') return adviseEmbedding(input, current, catalog, diagnostics, rule, options, today);

  const quality = screeningQuality(catalog, input.task);
  const opts: HostingOption[] = [];
  const priced = priceCurrent(input, current, catalog, diagnostics, today, options);
  if (!priced) return unpriced(diagnostics);
  // The model a bare Ollama name stands for is read off Ollama's library table: the derivation says so.
  const currentOption = library ? { ...priced, derivation: `${(priced.derivation ?? '').replace(/\.?$/, '.')} Model: on Ollama \`${modelId}\` is its default tag, ${library.weights} (${library.source})${library.notes ? `; ${library.notes}` : ''}` } : priced;
  if (options.currentPriceOnly) return { options: [currentOption], recommendation: null, monthlyUsdCurrent: currentOption.monthlyUsd, diagnostics };
  if (lifecycle.state === 'retired') markRetired(currentOption, lifecycle);
  opts.push(currentOption);
  if (current.closed) opts.push(...closedSiblings(input, current.closed, quality, catalog, currentOption.monthlyUsd, today, lifecycle.state !== 'active'));
  // An agent harness (Claude Code, Codex) runs its vendors' models only: another vendor's or an open model needs another harness.
  const harness = harnessOf(catalog, input.sdk);
  if (harness) {
    diagnostics.push(`${harness.label}: ${harness.why}, so the alternatives are its vendor's models only (${harness.source}, as of ${harness.asOf})`);
    const kept = current.closed && harness.servesVendors.includes(current.closed.vendor) ? opts : [currentOption];
    return { options: kept, recommendation: recommend(kept, currentOption, options, rule), monthlyUsdCurrent: currentOption.monthlyUsd, diagnostics };
  }
  const regulated = options.dataSensitivity === 'regulated';
  // Regulated data: open models only where the team's own cloud serves them.
  const ownOpenProviders = regulated ? new Set((catalog.ownCloud ?? []).flatMap((r) => r.servesOpenProviders)) : undefined;
  opts.push(...openApiOptions(input, current, quality, catalog, today, ownOpenProviders));
  const router = routerOf(catalog, input.provider);
  if (router && !regulated) {
    // The router's own serving of open models, which the cheapest-provider pick above may have passed over.
    const inRouter = openApiOptions(input, current, quality, catalog, today, new Set(router.servesOpenProviders));
    for (const o of inRouter) if (!opts.some((x) => x.label === o.label)) opts.push(o);
  }
  // A retired model with no replacement of its vendor's or open passing the screen (an agent step sending tools
  // and images, say): the closed models of other vendors that do the job, rather than no answer.
  if (lifecycle.state === 'retired' && !opts.some((o) => !o.current && o.viable)) {
    opts.push(...closedSiblings(input, undefined, quality, catalog, currentOption.monthlyUsd, today, true).filter((o) => o.viable));
  }
  if (options.includeSelfHost !== false) opts.push(...selfHostOptions(input, quality, catalog, options));

  if (regulated) applyRegulated(opts, input, current, currentOption, catalog);
  if (router) rule.router = markReachable(opts, router, current);
  const recommendation = recommend(opts, currentOption, options, rule);
  return { options: opts, recommendation, monthlyUsdCurrent: currentOption.monthlyUsd, diagnostics };
}

/** The quality row for a task type (falls back to "other"). */
export function qualityFor(catalog: Catalog, task: TaskType): QualityRow | undefined {
  return catalog.quality.find((q) => q.task === task) ?? catalog.quality.find((q) => q.task === 'other');
}

/**
 * The quality bar the alternatives of a call must pass: its task's row; for an inferred task below the confidence
 * floor (the `uncertainTaskConfidence` assumption), its runner-up's too (the stricter closed class, only the open
 * models adequate for both), so a misread task never moves a call to a model too weak for the task it may be. A task
 * the user stated (annotation, usage file) is taken as stated.
 */
function screeningQuality(catalog: Catalog, task: TaskClassification): QualityRow | undefined {
  const row = qualityFor(catalog, task.type);
  const stated = task.source === 'annotation' || task.source === 'usage-file';
  if (!row || stated || !task.runnerUp || task.confidence >= assumption(catalog, 'uncertainTaskConfidence')) return row;
  const other = qualityFor(catalog, task.runnerUp);
  if (!other || other === row) return row;
  let merged = uncertainQualityRows.get(catalog);
  if (!merged) uncertainQualityRows.set(catalog, (merged = new Map()));
  // One row per pair and confidence (the why quotes it), so the per-quality-row memos downstream (adequateBySize) stay bounded.
  const key = `${task.type}|${task.runnerUp}|${task.confidence}`;
  let both = merged.get(key);
  if (!both) {
    const closedMinClass = (CLASS_RANK[other.closedMinClass] ?? 0) > (CLASS_RANK[row.closedMinClass] ?? 0) ? other.closedMinClass : row.closedMinClass;
    both = {
      ...row,
      closedMinClass,
      closedLeads: row.closedLeads || other.closedLeads,
      openModels: row.openModels.filter((model) => other.openModels.includes(model)),
      why: `${row.why.replace(/\.?$/, '.')} The task is uncertain (${task.type} at confidence ${task.confidence}, runner-up ${task.runnerUp}), so options must pass ${task.runnerUp}'s bar too: ${other.why}`,
    };
    merged.set(key, both);
  }
  return both;
}

const uncertainQualityRows = new WeakMap<Catalog, Map<string, QualityRow>>();

// ---------------------------------------------------------------- pricing

/** A monthly cost and how it was worked out; the sentence is written when first read (most options priced are never shown). */
interface Cost {
  usd: number;
  readonly derivation: string;
}

/** Output tokens an alternative would bill, and why they differ from the current call's. */
interface OutputTokens {
  tokens: number;
  note: string;
}

/** The tokens a call bills per request on a model: its own counts, or `toModel`'s when that model's tokenizer counts the same text differently. */
interface BilledTokens {
  input: number;
  output: number;
  /** `toModel`'s count over the call's own, when the counts were rescaled. */
  ratio: number;
  rescaledTo?: string;
}

/**
 * Billed tokens per call. `toModel` names another model whose tokenizer counts the same text
 * differently: counts are rescaled with the measured family factors of tokens.ts (Claude +16%,
 * Mistral +20%, ...).
 */
function billedTokens(input: AdviceInput, inputOnly = false, output?: OutputTokens, toModel?: string): BilledTokens {
  const tin = input.tokens.inputPerCall;
  const tout = inputOnly ? 0 : output?.tokens ?? input.tokens.outputPerCall;
  const ratio = toModel ? o200kRatio(toModel) / o200kRatio(input.model.id) : 1;
  if (!toModel || Math.abs(ratio - 1) <= 0.005) return { input: tin, output: tout, ratio };
  return { input: rescaleTokens(tin, input.model.id, toModel), output: rescaleTokens(tout, input.model.id, toModel), ratio, rescaledTo: toModel };
}

/** calls × (in × inPrice + out × outPrice) / 1e6. */
function monthlyTokenUsd(calls: number, billed: BilledTokens, inPrice: number, outPrice: number): number {
  return (calls * (billed.input * inPrice + billed.output * outPrice)) / 1e6;
}

/**
 * Monthly token cost (monthlyTokenUsd of billedTokens), with every input shown. The number is worked
 * out now; the derivation on first read, because a call's alternatives are priced by the dozen to rank
 * them and only the few kept are shown.
 */
function tokenCost(input: AdviceInput, inPrice: number, outPrice: number, priceLabel: string, inputOnly = false, output?: OutputTokens, toModel?: string): Cost {
  const calls = input.volume.callsPerMonth;
  const billed = billedTokens(input, inputOnly, output, toModel);
  const usd = monthlyTokenUsd(calls, billed, inPrice, outPrice);
  let derivation: string | undefined;
  const derive = (): string => {
    const rescaled = billed.rescaledTo ? `; counts ×${billed.ratio.toFixed(2)} for ${billed.rescaledTo}'s tokenizer (${tokenizerFor(billed.rescaledTo).label})` : '';
    const vol = input.volume.basis ?? `${formatCount(calls)} calls/month from ${volumeSourceLabel(input.volume)}`;
    return (
      `${formatCount(calls)} calls/month × (${formatCount(billed.input)} in × $${inPrice}/M` +
      (inputOnly ? '' : ` + ${formatCount(billed.output)} out × $${outPrice}/M`) +
      `) ÷ 1e6 = ${formatUsd(usd)}/month. Volume: ${vol}. Tokens: ${input.tokens.method}${output?.note ? `; ${output.note}` : ''}${rescaled}. Price: ${priceLabel}`
    );
  };
  return {
    usd,
    get derivation() {
      return (derivation ??= derive());
    },
  };
}

/**
 * Output tokens on another model. The current estimate may include hidden reasoning tokens
 * (`tokens.reasoningTokens`, when the code calls a reasoning model): a non-reasoning alternative
 * does not bill them; a reasoning alternative to a non-reasoning model adds the same assumed overhead.
 */
/** `overhead`: the hidden reasoning tokens a reasoning alternative adds (the `reasoningOverheadTokens` assumption); needed only when `altReasons`. */
function outputFor(input: AdviceInput, currentReasons: boolean, altReasons: boolean, overhead = 0): OutputTokens | undefined {
  const hidden = input.tokens.reasoningTokens ?? 0;
  if (altReasons && !currentReasons) {
    const tokens = input.tokens.outputPerCall + overhead;
    return { tokens, note: `output + ${overhead} hidden reasoning tokens this reasoning model bills (assumption)` };
  }
  if (!altReasons && hidden > 0) {
    return { tokens: Math.max(0, input.tokens.outputPerCall - hidden), note: `output without the ${hidden} hidden reasoning tokens a non-reasoning model does not produce` };
  }
  return undefined;
}

/** Whether the model the call runs today reasons by default (its estimate then carries hidden reasoning tokens, unless its task's default already counts them). */
function currentModelReasons(input: AdviceInput, catalog: Catalog): boolean {
  return billsReasoningTokens(catalog, input.model.id, input.provider) || (input.tokens.reasoningTokens ?? 0) > 0;
}

/** Output tokens on an open model (at an API host or on GPUs), with the reasoning it does by default or does not do; and what the option's why says of it. */
interface OpenModelOutput {
  output: OutputTokens | undefined;
  reasoningNote: string;
}

function openModelOutput(input: AdviceInput, catalog: Catalog, modelId: string, arch: ModelArchitecture | undefined): OpenModelOutput {
  const current = currentModelReasons(input, catalog);
  const alternative = rowBillsReasoningTokens(arch?.billsReasoningTokens, modelId);
  const overhead = assumption(catalog, 'reasoningOverheadTokens');
  return {
    output: outputFor(input, current, alternative, overhead),
    reasoningNote: alternative && !current ? `; thinks before it answers by default (${overhead} hidden reasoning tokens/call assumed): measure, or turn thinking off where the host allows` : '',
  };
}

function volumeSourceLabel(v: VolumeEstimate): string {
  return v.source === 'default' ? 'the built-in default (an assumption)' : v.source === 'usage-file' ? 'llm-usage.yml' : v.source === 'annotation' ? 'the llm-advisor comment' : 'the defaultCallsPerMonth setting';
}

/** Input/output prices of a closed row for this call: long-context tier and batch rates when they apply. */
function closedRates(input: AdviceInput, row: ClosedModelRow): { inP: number; outP: number; note: string } {
  let inP = row.inputPerMTok ?? 0;
  let outP = row.outputPerMTok ?? 0;
  let note = '';
  if (row.longContextThreshold && input.tokens.inputPerCall > row.longContextThreshold && row.inputPerMTokLong !== undefined) {
    inP = row.inputPerMTokLong;
    outP = row.outputPerMTokLong ?? outP;
    note = `, long-context rate above ${formatCount(row.longContextThreshold)} input tokens`;
  }
  if (input.endpoint === 'batch' && row.batchInputPerMTok !== undefined) {
    inP = row.batchInputPerMTok;
    outP = row.batchOutputPerMTok ?? outP;
    note += ', Batch API rate';
  }
  return { inP, outP, note };
}

/** A per-request fee on top of the token cost (Perplexity's online models bill the web search each request runs). */
function withRequestFee(cost: Cost, input: AdviceInput, feeUsd: number | undefined): Cost {
  if (!feeUsd) return cost;
  const calls = input.volume.callsPerMonth;
  const fee = calls * feeUsd;
  const usd = cost.usd + fee;
  return {
    usd,
    get derivation() {
      return `${cost.derivation}. Plus a per-request fee: ${formatCount(calls)} requests × $${feeUsd}/request = ${formatUsd(fee)}/month; total ${formatUsd(usd)}/month`;
    },
  };
}

function priceLabel(r: { source: string; asOf: string }, what: string): string {
  return `${what} (${r.source}, as of ${r.asOf})`;
}

/**
 * Providers that do not say who serves an open model: the OpenAI SDK with no base URL or one the scan
 * could not tell (`openai`, assumed), or an unknown OpenAI-compatible server. OpenAI's API serves no
 * open-weights model, so such a call reaches a server that does: it is priced at the model's own API
 * providers in the catalog, and the figure says it is an assumption.
 */
const UNKNOWN_SERVER_PROVIDERS = new Set(['openai', 'openai-compatible']);

/**
 * The open-API row a call is priced at when its provider has no row of its own for the model, and the sentence that
 * says so: a server the code does not name (an OpenAI client whose base URL is not known, an OpenAI-compatible
 * endpoint), priced at the cheapest of the model's providers for `kind`; or a router that hands the call to one of its
 * partners and bills that partner's rate unchanged (`billsPartnerRates`), priced at the cheapest of its partners that
 * serve the model. Both are assumptions, and the note says so: the real server may charge more (a router's partner,
 * more or less: not every partner is in the catalog).
 */
function assumedServerRow(input: AdviceInput, model: CatalogModel, kind: 'chat' | 'embedding' | 'rerank', today: string, catalog: Catalog): { row: OpenPriceRow; note: string; router?: RouterRow } | undefined {
  const provider = input.provider.toLowerCase();
  const unknownServer = UNKNOWN_SERVER_PROVIDERS.has(provider);
  const router = unknownServer ? undefined : routerOf(catalog, provider);
  if (!unknownServer && !router?.billsPartnerRates) return undefined;
  const inputOnly = kind !== 'chat';
  const perCall = (r: OpenPriceRow) => input.tokens.inputPerCall * r.inputPerMTok + (inputOnly ? 0 : input.tokens.outputPerCall * r.outputPerMTok);
  const rows = model.openPrices
    .filter((r) => (r.endpoint ?? 'chat') === kind && !isPastDeprecation(r, today) && (!router || router.servesOpenProviders.includes(r.provider)))
    .sort((a, b) => perCall(a) - perCall(b) || a.provider.localeCompare(b.provider));
  const row = rows[0];
  if (!row) return undefined;
  const last = rows[rows.length - 1];
  const spread = rows.length > 1 ? `the lowest of ${rows.length} ${router ? 'of its partners' : 'API providers of it'} in the catalog (highest: ${last.provider} $${last.inputPerMTok}/$${last.outputPerMTok} per M)` : `its only ${router ? 'partner serving it' : 'API provider'} in the catalog`;
  if (router) return { row, router, note: `${router.label} has no price of its own for ${model.id} in the catalog; it hands the call to one of its partners and bills that partner's rate unchanged, and which partner serves is its choice: priced at ${row.provider}, ${spread}; an assumption, the partner it picks may charge more or less (not every partner is in the catalog)` };
  return { row, note: `the server behind this ${input.provider === 'openai' ? 'OpenAI client (base URL not recognised)' : 'OpenAI-compatible endpoint'} is not known and OpenAI does not serve ${model.id}: priced at ${row.provider}, ${spread}; an assumption, the real server may charge more` };
}

function priceCurrent(input: AdviceInput, model: CatalogModel, catalog: Catalog, diagnostics: string[], today: string = isoToday(), options: AdvisorOptions = {}): HostingOption | null {
  if (model.closed) {
    const row = model.closed;
    if (row.inputPerMTok === undefined) {
      diagnostics.push(`${row.id} has no per-token price in the catalog; not priced`);
      return null;
    }
    const { inP, outP, note } = closedRates(input, row);
    const cost = withRequestFee(tokenCost(input, inP, outP, priceLabel(row, `${row.id}${note}`)), input, row.perRequestUsd);
    const screen = screenCapabilities(input, row.capabilities, catalog);
    if (screen.gaps.length) diagnostics.push(`${row.id} as called: ${screen.gaps.join('; ')}`);
    return { tier: 'closed-api', label: `Stay on ${row.id}`, monthlyUsd: cost.usd, viable: true, why: 'what the code does today', provider: row.provider, model: row.id, derivation: cost.derivation, price: { source: row.source, asOf: row.asOf }, current: true };
  }
  const provider = input.provider.toLowerCase();
  const row = model.openPrices.find((r) => r.provider === provider || provider.startsWith(r.provider));
  const assumed = row ? undefined : assumedServerRow(input, model, 'chat', today, catalog);
  if (assumed) {
    diagnostics.push(`${model.id}: ${assumed.note}`);
    const a = assumed.row;
    const cost = tokenCost(input, a.inputPerMTok, a.outputPerMTok, priceLabel(a, `${a.provider} ${a.providerModelId}; ${assumed.note}`));
    return { tier: 'open-api', label: `Stay on ${model.id} (${assumed.router ? `via ${assumed.router.label}` : 'server unknown'}; priced as ${a.provider})`, monthlyUsd: cost.usd, viable: true, why: `what the code does today; ${assumed.note}`, provider: a.provider, model: model.id, derivation: cost.derivation, price: { source: a.source, asOf: a.asOf }, current: true };
  }
  if (!row) {
    const local = isLocalServer(provider);
    const onServer = local ? localServerCurrent(input, model, catalog, options) : null;
    if (onServer) return onServer;
    const priced = [...new Set(model.openPrices.map((r) => r.provider))];
    diagnostics.push(
      local
        ? ownHardwareUnsized(model, input.provider)
        : `${model.id} has no per-token price for provider ${input.provider} in the catalog; current cost not priced${priced.length ? ` (priced for ${priced.join(', ')})` : ''}`,
    );
    return null;
  }
  const cost = tokenCost(input, row.inputPerMTok, row.outputPerMTok, priceLabel(row, `${row.provider} ${row.providerModelId}`));
  return { tier: 'open-api', label: `Stay on ${model.id} via ${row.provider}`, monthlyUsd: cost.usd, viable: true, why: 'what the code does today', provider: row.provider, model: model.id, derivation: cost.derivation, price: { source: row.source, asOf: row.asOf }, current: true };
}

/** Why a model on hardware the team operates has no price: no bill to read, and nothing in the catalog it can be sized on. */
function ownHardwareUnsized(model: CatalogModel, provider: string, kind?: 'embedding' | 'rerank'): string {
  return `${model.id} runs on ${provider}, on hardware you operate: there is no per-token ${kind ? `${kind} ` : ''}price and the catalog cannot size it (no architecture or no GPU that fits); size it with \`llm-hosting-advisor size --model ${model.arch?.hfRepo ?? model.id}\``;
}

/**
 * Today's cost of a call on a server the team runs (Ollama, LM Studio, vLLM, ...): no per-token bill,
 * so the hardware is priced instead, as rented GPUs sized for the call (the cheapest self-managed
 * configuration that fits its model and workload) and charged for the share of one replica's
 * throughput its volume uses. Calls sharing a server then add up to the server, not to a server each.
 * An assumption, and the option says so; null when the model has no architecture or nothing fits.
 */
function localServerCurrent(input: AdviceInput, model: CatalogModel, catalog: Catalog, options: AdvisorOptions = {}): HostingOption | null {
  const arch = model.arch;
  if (!arch) return null;
  // The server generates the reasoning tokens of a model that thinks by default, as it would bill them.
  const visibleOut = openModelOutput(input, catalog, model.id, arch).output?.tokens ?? input.tokens.outputPerCall;
  const workload: Workload = { callsPerMonth: input.volume.callsPerMonth, inputTokens: input.tokens.inputPerCall, outputTokens: Math.max(1, visibleOut) };
  const minStream = input.features.streaming ? assumption(catalog, 'minStreamingTokensPerSecond') : 0;
  // An Ollama server runs the weights at the precision its tag pulls (4-bit unless the tag says otherwise),
  // one request at a time unless the team set OLLAMA_NUM_PARALLEL (ollama-library.json).
  // The library default rests on its generative models' sizes: an embedding model keeps the planner's pick unless its tag names one.
  const tagged = ollamaTagPrecision(catalog, input.model.id ?? '', input.provider);
  const tagPrecision = tagged && (tagged.fromTag || (arch.kind ?? 'chat') === 'chat') ? tagged : undefined;
  const parallel = !isOllamaServer(input.provider) ? undefined : options.ollamaParallelRequests ? { value: options.ollamaParallelRequests.value, why: `the workspace sets ${OLLAMA_PARALLEL_SETTING}`, source: `${options.ollamaParallelRequests.file}:${options.ollamaParallelRequests.line}` } : catalog.ollamaDefaultParallelRequests;
  const serving = parallel ? { concurrency: parallel.value } : {};
  const plan = (tagPrecision && planFor(arch, workload, catalog, 'self-managed', minStream, { ...serving, precisions: [tagPrecision.precision] })) || planFor(arch, workload, catalog, 'self-managed', minStream, serving);
  if (!plan || !plan.sizing.fits || plan.replicaCallsPerSecond <= 0) return null;
  const s = plan.sizing;
  const hours = assumption(catalog, 'hoursPerMonth');
  const callsPerSecond = input.volume.callsPerMonth / (hours * 3600);
  const replicaUsd = s.monthlyGpuUsdOnDemand / Math.max(1, s.replicas);
  const share = callsPerSecond / plan.replicaCallsPerSecond;
  const usd = Math.min(s.monthlyGpuUsdOnDemand, replicaUsd * share);
  const server = `${s.gpusPerReplica}× ${s.gpu} at ${s.precision}${plan.price ? ` (${plan.price.provider})` : ''}`;
  // `local` is a model run inside the app's own process (transformers.js, WebLLM, node-llama-cpp), not a server.
  const inProcess = input.provider === IN_PROCESS_PROVIDER;
  const host = inProcess ? "the model runs in the app's own process" : `${input.provider} runs`;
  const alone = inProcess ? 'a GPU kept for this call alone costs the whole replica, and a CPU or hardware you already own costs compute time, power and upkeep instead' : 'a server kept for this call alone costs the whole replica, and hardware you already own costs power and upkeep instead';
  const precisionNote =
    (tagPrecision && s.precision === tagPrecision.precision ? `; the weights at ${s.precision}: ${tagPrecision.why}` : '') +
    (parallel ? `; ${parallel.value === 1 ? 'one request' : `${parallel.value} requests`} at a time: ${parallel.why} (${parallel.source})` : '');
  const note = `an assumption: ${host} on hardware you operate, priced as rented GPUs (${server}, ${formatUsd(replicaUsd, 'whole')}/month per replica on demand) of which this call uses its share of the throughput; ${alone}${precisionNote}`;
  return {
    tier: 'self-hosted',
    label: inProcess ? `Stay on ${model.id} in process` : `Stay on ${model.id} on your ${input.provider} server`,
    monthlyUsd: usd,
    viable: true,
    why: `what the code does today; ${note}`,
    model: model.id,
    derivation: `${formatCount(input.volume.callsPerMonth)} calls/month = ${callsPerSecond.toPrecision(3)} calls/s of the ${plan.replicaCallsPerSecond.toPrecision(3)} calls/s one replica sustains (${(share * 100).toPrecision(3)}%) × ${formatUsd(replicaUsd, 'whole')}/month = ${formatUsd(usd)}/month. Sizing: ${plan.derivation}. Volume: ${volumeSourceLabel(input.volume)}. ${note.charAt(0).toUpperCase()}${note.slice(1)}.`,
    ...(plan.price ? { provider: plan.price.provider, price: { source: plan.price.source, asOf: plan.price.asOf } } : {}),
    current: true,
  };
}

/**
 * The call as alternatives are screened for it: a feature the code can use (images a user may attach, tools an
 * agent loop offers) but the model it runs today does not take (the catalog says so: false, not unknown) is
 * one the app already works without, so it is not required of an alternative either. Without this, an agent
 * step on a text-only Llama that formats optional attachments ruled out every text-only option and pushed a
 * forced migration to a new vendor's vision model. The diagnostics say which features were set aside and why.
 */
function withoutFeaturesTheModelLacks(input: AdviceInput, current: CatalogModel, catalog: Catalog, diagnostics: string[]): AdviceInput {
  const caps = capabilitiesOf(catalog, current.id, input.provider) ?? capabilitiesOf(catalog, current.id);
  if (!caps) return input;
  const setAside = SCREENED_FEATURES.filter(({ feature, capability }) => input.features[feature] && caps[capability] === false);
  if (setAside.length === 0) return input;
  const names = setAside.map(({ sent }) => sent).join(', ');
  diagnostics.push(`the code can send ${names}, but ${current.id} takes none (catalog), so the app works without them today and alternatives are not required to take them`);
  const features = { ...input.features };
  for (const { feature } of setAside) features[feature] = false;
  return { ...input, features };
}

/** The call features a target is screened for, the capability that answers each, and how the advice names them. */
const SCREENED_FEATURES: ReadonlyArray<{ feature: 'tools' | 'vision' | 'structuredOutput'; capability: 'tools' | 'vision' | 'jsonSchema'; needed: string; sent: string }> = [
  { feature: 'tools', capability: 'tools', needed: 'tool calling', sent: 'tool definitions' },
  { feature: 'vision', capability: 'vision', needed: 'image input', sent: 'images' },
  { feature: 'structuredOutput', capability: 'jsonSchema', needed: 'JSON-schema output', sent: 'a JSON schema' },
];

/** What a call needs that a target lacks (`gaps`: not viable) or that the catalog does not state (`unverified`). */
export interface CapabilityScreen {
  gaps: string[];
  unverified: string[];
}

/**
 * Screens a target model or provider endpoint by what the call needs: images, tools, JSON-schema
 * output, its context (prompt + answer) and answer length. A capability the catalog marks unknown
 * (null) is not taken as support: the option is flagged unverified instead of silently viable.
 */
export function screenCapabilities(input: Pick<AdviceInput, 'tokens' | 'features'>, cap: ModelCapabilities | undefined, catalog: Catalog): CapabilityScreen {
  if (!cap) return { gaps: [], unverified: ['capabilities not in the catalog'] };
  const gaps: string[] = [];
  const unverified: string[] = [];
  const need = input.tokens.inputPerCall + input.tokens.outputPerCall;
  if (cap.contextTokens !== null) {
    if (need > cap.contextTokens) gaps.push(`context ${formatCount(cap.contextTokens)} tokens is smaller than the call's ~${formatCount(need)}`);
  } else if (need > assumption(catalog, 'contextServedByEveryProviderTokens')) {
    unverified.push(`context window not stated (the call needs ~${formatCount(need)} tokens)`);
  }
  if (cap.maxOutputTokens !== null && input.tokens.outputPerCall > cap.maxOutputTokens) gaps.push(`answers at most ${formatCount(cap.maxOutputTokens)} tokens, the call expects ~${formatCount(input.tokens.outputPerCall)}`);
  for (const { feature, capability, needed } of SCREENED_FEATURES) {
    if (!input.features[feature]) continue;
    if (cap[capability] === false) gaps.push(`no ${needed}`);
    else if (cap[capability] === null) unverified.push(`${needed} not stated`);
  }
  return { gaps, unverified };
}

/** An option's verdict from its screen: null when it passes. */
function screenVerdict(screen: CapabilityScreen, qualityReasons: string[] = []): string | null {
  if (qualityReasons.length || screen.gaps.length) return `not viable: ${[...qualityReasons, ...screen.gaps].join('; ')}`;
  if (screen.unverified.length) return `unverified, not offered until checked: the catalog does not say it supports what this call uses (${screen.unverified.join('; ')}); check the provider's documentation, then record it in the catalog`;
  return null;
}

/** Capabilities of an open model served on your own GPUs: JSON schema is enforced by the engine's guided decoding (vLLM, SGLang). */
function selfHostCapabilities(arch: ModelArchitecture): ModelCapabilities {
  return { vision: arch.supportsVision, tools: arch.supportsTools, jsonSchema: true, contextTokens: arch.contextWindow, maxOutputTokens: null };
}

/**
 * Cheaper models of the same vendor: viable when their class is enough for the task and they support the call.
 * Without `cur` (a retired model that neither its vendor nor an open-model host in the catalog can replace),
 * closed models of every vendor, each a new vendor for the team.
 */
function closedSiblings(input: AdviceInput, cur: ClosedModelRow | undefined, quality: QualityRow | undefined, catalog: Catalog, currentUsd: number, today: string, mustMove: boolean): HostingOption[] {
  const minRank = CLASS_RANK[quality?.closedMinClass ?? 'large'];
  const currentReasons = (cur ? rowBillsReasoningTokens(cur.billsReasoningTokens, cur.id) : false) || currentModelReasons(input, catalog);
  const overhead = assumption(catalog, 'reasoningOverheadTokens');
  // Every cheaper sibling is priced and screened; only the options kept (three viable, two not) are written out.
  const viable: Array<{ row: ClosedModelRow; cost: Cost; verdict: null }> = [];
  const weak: Array<{ row: ClosedModelRow; cost: Cost; verdict: string }> = [];
  for (const row of catalog.closed) {
    // Retired models cannot be switched to; unverified prices are not a basis for a recommendation; a replaced preview gives way to its successor.
    if ((cur && (row.vendor !== cur.vendor || row.id === cur.id)) || row.endpoint !== 'chat' || isPastDeprecation(row, today) || row.unverified || row.inputPerMTok === undefined || hasSuccessorInCatalog(row, catalog, today)) continue;
    const { inP, outP, note } = closedRates(input, row);
    const cost = withRequestFee(tokenCost(input, inP, outP, priceLabel(row, `${row.id}${note}`), false, outputFor(input, currentReasons, rowBillsReasoningTokens(row.billsReasoningTokens, row.id), overhead), row.id), input, row.perRequestUsd);
    // A model that must be migrated may move to a pricier successor; otherwise only cheaper siblings are options.
    if (cost.usd >= currentUsd && !mustMove) continue;
    const classOk = (CLASS_RANK[row.class] ?? 0) >= minRank;
    const verdict = screenVerdict(screenCapabilities(input, row.capabilities, catalog), classOk ? [] : [`quality for ${input.task.type}: ${row.class}-class model, task needs ${quality?.closedMinClass ?? 'large'} (${quality?.why ?? 'unknown task'})`]);
    if (verdict === null) viable.push({ row, cost, verdict });
    else weak.push({ row, cost, verdict });
  }
  const option = ({ row, cost, verdict }: { row: ClosedModelRow; cost: Cost; verdict: string | null }): HostingOption => ({
    tier: 'closed-api',
    label: `Switch to ${row.id}`,
    monthlyUsd: cost.usd,
    viable: verdict === null,
    why: verdict
      ? verdict
      : (cur
          ? `same vendor, ${row.class}-class model adequate for ${input.task.type}; one-line model change`
          : `nothing the call's vendor or an open-model host offers in the catalog passes this call's task and feature screen; ${row.vendor}'s ${row.class}-class model does: a new vendor (its terms, keys and an evaluation on your traffic), not a model-id change`) +
        (rowBillsReasoningTokens(row.billsReasoningTokens, row.id) && !currentReasons ? `; bills hidden reasoning tokens (${overhead}/call assumed): measure before switching` : ''),
    provider: row.provider,
    model: row.id,
    derivation: cost.derivation + (row.notes ? `. Note: ${row.notes}` : ''),
    price: { source: row.source, asOf: row.asOf },
  });
  viable.sort((a, b) => a.cost.usd - b.cost.usd);
  weak.sort((a, b) => a.cost.usd - b.cost.usd);
  return [...viable.slice(0, 3).map(option), ...weak.slice(0, 2).map(option)];
}

/** An open model's chat rows with what each provider's endpoint supports, and the model's architecture (for its own context window). */
interface OpenChatModel {
  modelId: string;
  arch: ModelArchitecture | undefined;
  rows: ReadonlyArray<{ row: OpenPriceRow; caps: ModelCapabilities }>;
}

/**
 * The catalog's open chat rows still sold on that day (by these providers), by model, with each row's
 * capabilities: the same for every call priced, so worked out once per catalog, day and provider set.
 */
function openChatModels(catalog: Catalog, today: string, onlyProviders?: Set<string>): readonly OpenChatModel[] {
  let groupings = openRowGroupings.get(catalog);
  if (!groupings) openRowGroupings.set(catalog, (groupings = new Map()));
  const key = `${today}|${onlyProviders ? [...onlyProviders].sort().join(',') : '*'}`;
  let models = groupings.get(key);
  if (!models) {
    const byModel = new Map<string, OpenPriceRow[]>();
    for (const row of catalog.open) {
      if ((row.endpoint ?? 'chat') !== 'chat' || isPastDeprecation(row, today) || (onlyProviders && !onlyProviders.has(row.provider))) continue;
      const rows = byModel.get(row.model);
      if (rows) rows.push(row);
      else byModel.set(row.model, [row]);
    }
    models = [...byModel].map(([modelId, rows]) => ({
      modelId,
      arch: catalog.architectures.find((a) => a.id === modelId),
      rows: rows.map((row) => ({ row, caps: capabilitiesOf(catalog, row.providerModelId, row.provider) ?? row.capabilities })),
    }));
    groupings.set(key, models);
  }
  return models;
}

const openRowGroupings = new WeakMap<Catalog, Map<string, OpenChatModel[]>>();

/**
 * Open models per token: one option per adequate model at its cheapest provider that supports the call.
 * Every provider of every adequate model is priced and screened to rank them; only the four options
 * kept are written out (their derivation and reasons).
 */
function openApiOptions(input: AdviceInput, current: CatalogModel, quality: QualityRow | undefined, catalog: Catalog, today: string, onlyProviders?: Set<string>): HostingOption[] {
  const adequate = new Set(quality?.openModels ?? []);
  // A model the team already runs on its own server does the job by their own choice: the same model
  // at the API providers is the first alternative to weigh against the server.
  if (current.kind === 'open' && isLocalServer(input.provider)) adequate.add(current.id);
  const ranked: Array<{ modelId: string; modelOutput: OpenModelOutput; scored: Array<{ row: OpenPriceRow; usd: number; screen: CapabilityScreen }>; viable: boolean; monthlyUsd: number }> = [];
  const need = input.tokens.inputPerCall + input.tokens.outputPerCall;
  for (const { modelId, arch, rows } of openChatModels(catalog, today, onlyProviders)) {
    if (!adequate.has(modelId)) continue;
    const modelOutput = openModelOutput(input, catalog, modelId, arch);
    // The same tokens at every provider of the model: counted once, priced per row.
    const billed = billedTokens(input, false, modelOutput.output, modelId);
    const scored = rows
      .map(({ row, caps }) => {
        // A provider silent on its context still cannot serve more than the weights' own window.
        const windowOfWeights = arch && caps.contextTokens === null && need > arch.contextWindow ? arch.contextWindow : caps.contextTokens;
        const screen = screenCapabilities(input, windowOfWeights === caps.contextTokens ? caps : { ...caps, contextTokens: windowOfWeights }, catalog);
        return { row, usd: monthlyTokenUsd(input.volume.callsPerMonth, billed, row.inputPerMTok, row.outputPerMTok), screen };
      })
      .sort((a, b) => a.screen.gaps.length - b.screen.gaps.length || a.screen.unverified.length - b.screen.unverified.length || a.usd - b.usd);
    const best = scored[0];
    if (current.kind === 'open' && current.id === modelId && best.row.provider === input.provider.toLowerCase()) continue;
    ranked.push({ modelId, modelOutput, scored, viable: best.screen.gaps.length === 0 && best.screen.unverified.length === 0, monthlyUsd: best.usd });
  }
  ranked.sort((a, b) => Number(b.viable) - Number(a.viable) || a.monthlyUsd - b.monthlyUsd);
  const kept = ranked.slice(0, 4).map(({ modelId, modelOutput: { output, reasoningNote }, scored }): HostingOption => {
    const best = scored[0];
    const cost = tokenCost(input, best.row.inputPerMTok, best.row.outputPerMTok, priceLabel(best.row, `${best.row.provider} ${best.row.providerModelId}`), false, output, modelId);
    const verdict = screenVerdict(best.screen);
    const qualityNote = `open ${modelId} adequate for ${input.task.type}: ${quality?.why ?? ''}`;
    const others = scored.length > 1 ? `; ${scored.length - 1} other provider(s) priced: ${scored.slice(1, 4).map((s) => `${s.row.provider} ${formatUsd(s.usd)}`).join(', ')}` : '';
    return {
      tier: 'open-api',
      label: `${modelId} via ${best.row.provider}`,
      monthlyUsd: cost.usd,
      viable: verdict === null,
      why: verdict ?? `${qualityNote} OpenAI-compatible endpoint${best.row.quantization ? `, served in ${best.row.quantization}` : ''}${reasoningNote}`,
      provider: best.row.provider,
      model: modelId,
      derivation: cost.derivation + others + (best.row.notes ? `. Note: ${best.row.notes}` : ''),
      price: { source: best.row.source, asOf: best.row.asOf },
    };
  });
  if (kept.length === 0 && quality && !onlyProviders) {
    // Show why no open model is offered: the cheapest 70B-class option, marked with the quality reason.
    const rows = catalog.open.filter((r) => r.model === referenceModel(catalog, 'breakEven')).sort((a, b) => a.inputPerMTok + a.outputPerMTok - (b.inputPerMTok + b.outputPerMTok));
    const row = rows[0];
    if (row) {
      const cost = tokenCost(input, row.inputPerMTok, row.outputPerMTok, priceLabel(row, `${row.provider} ${row.providerModelId}`), false, openModelOutput(input, catalog, row.model, catalog.architectures.find((a) => a.id === row.model)).output, row.model);
      kept.push({
        tier: 'open-api',
        label: `${row.model} via ${row.provider}`,
        monthlyUsd: cost.usd,
        viable: false,
        why: `not viable: quality for ${input.task.type}: ${quality.why}`,
        provider: row.provider,
        model: row.model,
        derivation: cost.derivation,
        price: { source: row.source, asOf: row.asOf },
      });
    }
  }
  return kept;
}

/**
 * Regulated data (healthcare, legal, finance): a third-party API under its standard terms is not
 * compliant, so the current call is never "keep as is" unless it already runs in the team's own
 * cloud account. What compliance teams use is offered instead: the same model (or a sibling) inside
 * the team's own Azure / AWS / Google Cloud account, pinned to a region, at the list price times the
 * regional multiplier, each with the terms it needs (BAA, zero data retention, residency), next to
 * self-hosting. Terms and multipliers come from own-cloud.json.
 */
function applyRegulated(opts: HostingOption[], input: AdviceInput, current: CatalogModel, currentOption: HostingOption, catalog: Catalog): void {
  const clouds = catalog.ownCloud ?? [];
  const provider = input.provider.toLowerCase();
  const home = clouds.find((c) => c.provider === provider);
  const terms = (c: OwnCloudRow) => `needs ${c.terms.join('; ')}. Residency: ${c.residency}; retention: ${c.retention}${c.basis === 'estimate' ? ' (terms recalled from vendor documentation: verify)' : ''}`;
  const vendor = current.closed?.vendor;
  for (const o of opts) {
    if (o.tier === 'self-hosted') continue;
    if (o.current) {
      if (home) {
        o.why = `already inside your own cloud account (${home.label}); to be compliant it ${terms(home)}`;
      } else if (o.viable) {
        o.viable = false;
        o.why = `not compliant: regulated data (healthcare, legal, finance) goes to ${input.provider}'s API under its standard terms; move it into your own cloud account or self-host`;
      }
      continue;
    }
    const cloud = o.tier === 'open-api' ? clouds.find((c) => c.servesOpenProviders.includes(o.provider ?? '')) : clouds.find((c) => c.servesVendors.includes(vendor ?? '') && o.model !== undefined);
    if (!cloud) {
      if (o.viable) o.viable = false;
      o.why = `not compliant: a third-party API under standard terms; ${o.why}`;
      continue;
    }
    o.label = `${o.tier === 'open-api' ? '' : 'Switch to '}${o.model} via ${cloud.label}`;
    o.monthlyUsd *= o.tier === 'open-api' ? 1 : cloud.regionalPriceMultiplier;
    o.provider = cloud.provider;
    o.why = `${o.why}; inside your own cloud account, ${terms(cloud)}`;
    if (o.tier !== 'open-api') o.derivation = `${o.derivation ?? ''} × ${cloud.regionalPriceMultiplier} for a regional deployment (${cloud.priceBasis}; ${cloud.source})`;
  }
  // The same model, moved into the team's own account: the smallest change that makes the call compliant.
  if (!home && current.closed && currentOption.model) {
    for (const cloud of clouds.filter((c) => c.servesVendors.includes(current.closed?.vendor ?? ''))) {
      opts.push({
        tier: 'closed-api',
        label: `${currentOption.model} via ${cloud.label}`,
        monthlyUsd: currentOption.monthlyUsd * cloud.regionalPriceMultiplier,
        viable: true,
        why: `the same model inside your own cloud account: no quality change, a client and endpoint change; ${terms(cloud)}`,
        provider: cloud.provider,
        model: currentOption.model,
        derivation: `${currentOption.derivation ?? ''} × ${cloud.regionalPriceMultiplier} for a regional deployment (${cloud.priceBasis}; ${cloud.source}, as of ${cloud.asOf})`,
        price: currentOption.price,
      });
    }
  }
}

/** Per-call managed and self-managed GPU options for the smallest adequate open model that supports the call. */
function selfHostOptions(input: AdviceInput, quality: QualityRow | undefined, catalog: Catalog, options: AdvisorOptions): HostingOption[] {
  const arch = smallestAdequate(input, quality, catalog);
  if (!arch) return [];
  const visibleOut = openModelOutput(input, catalog, arch.id, arch).output?.tokens ?? input.tokens.outputPerCall;
  // Token counts in the open model's own tokenizer.
  const workload: Workload = {
    callsPerMonth: input.volume.callsPerMonth,
    inputTokens: rescaleTokens(input.tokens.inputPerCall, input.model.id, arch.id),
    outputTokens: Math.max(1, rescaleTokens(visibleOut, input.model.id, arch.id)),
  };
  const out: HostingOption[] = [];
  const minStream = input.features.streaming ? assumption(catalog, 'minStreamingTokensPerSecond') : 0;
  const constrained = Boolean(options.gpuIds?.length || options.precisions?.length);
  for (const style of ['managed', 'self-managed'] as const) {
    const plan = planFor(arch, workload, catalog, style, minStream, options);
    if (!plan) {
      // A chosen GPU or precision that cannot serve the call is an answer the user asked for.
      if (constrained) out.push(unfitOption(arch, style, options));
      continue;
    }
    const fixed = fixedCosts(catalog, style, options.fixedCostOverrides);
    out.push(selfHostOption(plan, style, fixed, input, options, catalog));
  }
  return out;
}

/** The smallest open model adequate for the task whose weights can do the call (tools, no vision). */
function smallestAdequate(input: AdviceInput, quality: QualityRow | undefined, catalog: Catalog): ModelArchitecture | undefined {
  return adequateBySize(catalog, quality).find((a) => screenVerdict(screenCapabilities(input, selfHostCapabilities(a), catalog)) === null);
}

/** The architectures of a task's adequate open models, smallest first (then in the quality row's order): per catalog and quality row, not per call. */
function adequateBySize(catalog: Catalog, quality: QualityRow | undefined): readonly ModelArchitecture[] {
  let byQuality = adequateArchitectures.get(catalog);
  if (!byQuality) adequateArchitectures.set(catalog, (byQuality = new Map()));
  let sorted = byQuality.get(quality);
  if (!sorted) {
    const order = quality?.openModels ?? [];
    sorted = catalog.architectures.filter((a) => order.includes(a.id)).sort((a, b) => a.totalParamsB - b.totalParamsB || order.indexOf(a.id) - order.indexOf(b.id));
    byQuality.set(quality, sorted);
  }
  return sorted;
}

const adequateArchitectures = new WeakMap<Catalog, Map<QualityRow | undefined, ModelArchitecture[]>>();

const planCache = new WeakMap<Catalog, Map<string, DeploymentPlan | null>>();

/** Cheapest fitting plan for a deployment style; memoized because many call sites share a workload shape. */
function planFor(arch: ModelArchitecture, w: Workload, catalog: Catalog, style: 'managed' | 'self-managed', minStreamTokensPerSecond = 0, limits: Pick<AdvisorOptions, 'gpuIds' | 'precisions'> & { concurrency?: number } = {}): DeploymentPlan | null {
  let cache = planCache.get(catalog);
  if (!cache) planCache.set(catalog, (cache = new Map()));
  const key = `${arch.id}|${style}|${w.callsPerMonth}|${w.inputTokens}|${w.outputTokens}|${w.p95ContextTokens ?? ''}|${minStreamTokensPerSecond}|${limits.gpuIds?.join(',') ?? ''}|${limits.precisions?.join(',') ?? ''}|${limits.concurrency ?? ''}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const classes: ProviderClass[] = style === 'managed' ? ['managed'] : ['specialist', 'hyperscaler'];
  const restrictions = { ...(limits.gpuIds?.length ? { gpuIds: limits.gpuIds } : {}), ...(limits.precisions?.length ? { precisions: limits.precisions } : {}), ...(limits.concurrency ? { concurrency: limits.concurrency } : {}) };
  const plans = classes.map((providerClass) => planDeployment(arch, w, catalog, { providerClass, minStreamTokensPerSecond, ...restrictions })).filter((p): p is DeploymentPlan => p !== null);
  const best = plans.sort((a, b) => a.sizing.monthlyGpuUsdOnDemand - b.sizing.monthlyGpuUsdOnDemand)[0] ?? null;
  cache.set(key, best);
  return best;
}

/** Fixed monthly costs for a deployment style, from self-host-costs.json (labeled assumptions). */
export function fixedCosts(catalog: Catalog, style: 'managed' | 'self-managed', overrides: Record<string, number> = {}): FixedCosts {
  // Asked for every call's self-hosting options: the same per catalog, style and overrides, so worked out once (callers only read it).
  let known = fixedCostsByCatalog.get(catalog);
  if (!known) fixedCostsByCatalog.set(catalog, (known = new Map()));
  const key = [style, ...Object.entries(overrides).map(([id, usd]) => `${id}\u0000${usd}`).sort()].join('\u0001');
  let costs = known.get(key);
  if (!costs) known.set(key, (costs = fixedCostsUncached(catalog, style, overrides)));
  return costs;
}

type FixedCosts = { usd: number; low: number; high: number; rows: SelfHostCostRow[]; derivation: string };

const fixedCostsByCatalog = new WeakMap<Catalog, Map<string, FixedCosts>>();

function fixedCostsUncached(catalog: Catalog, style: 'managed' | 'self-managed', overrides: Record<string, number>): FixedCosts {
  const rows = catalog.selfHostCosts
    .filter((r) => r.appliesTo.includes(style))
    .map((r) => (overrides[r.id] === undefined ? r : { ...r, usdPerMonth: overrides[r.id], usdPerMonthLow: overrides[r.id], usdPerMonthHigh: overrides[r.id], derivation: `set to ${formatUsd(overrides[r.id], 'whole')}/month in settings` }));
  const usd = rows.reduce((s, r) => s + r.usdPerMonth, 0);
  const low = rows.reduce((s, r) => s + (r.usdPerMonthLow ?? r.usdPerMonth), 0);
  const high = rows.reduce((s, r) => s + (r.usdPerMonthHigh ?? r.usdPerMonth), 0);
  return { usd, low, high, rows, derivation: rows.map((r) => `${r.label} ${formatUsd(r.usdPerMonth, 'whole')} (${r.derivation}; assumption)`).join(' + ') + ` = ${formatUsd(usd, 'whole')}/month` };
}

/** The self-hosting option when the chosen GPU or precision has no priced configuration that fits. */
function unfitOption(arch: ModelArchitecture, style: 'managed' | 'self-managed', options: AdvisorOptions): HostingOption {
  const chosen = [...(options.gpuIds ?? []), ...(options.precisions ?? [])].join(', ');
  return {
    tier: 'self-hosted',
    label: `${style === 'managed' ? 'Managed GPU hosting' : 'Self-managed GPUs'}: ${arch.id} on ${chosen}`,
    monthlyUsd: 0,
    viable: false,
    why: `not viable: ${arch.id} has no priced configuration that fits on ${chosen}`,
  };
}

function selfHostOption(plan: DeploymentPlan, style: 'managed' | 'self-managed', fixed: { usd: number; derivation: string }, input: AdviceInput, options: AdvisorOptions, catalog: Catalog): HostingOption {
  const s = plan.sizing;
  const label = `${style === 'managed' ? 'Managed GPU hosting' : 'Self-managed GPUs'}: ${s.model} ${s.precision} on ${s.replicas} replica(s) × ${s.gpusPerReplica} ${s.gpu}${plan.price ? ` (${plan.price.provider})` : ''}`;
  const note = `GPU cost only. Fixed costs of running it yourself, ${formatUsd(fixed.usd, 'whole')}/month (${fixed.derivation}), are shared across the workspace: self-hosting is decided on pooled spend (see the workspace break-even).`;
  const lowVolume = s.replicas === 1 && plan.replicaCallsPerSecond > 0 && input.volume.callsPerMonth / (assumption(catalog, 'hoursPerMonth') * 3600) < 0.1 * plan.replicaCallsPerSecond;
  return {
    tier: 'self-hosted',
    label,
    monthlyUsd: s.monthlyGpuUsdOnDemand,
    viable: s.fits,
    why: s.fits
      ? `${s.model} fits ${s.gpusPerReplica}× ${s.gpu} at ${s.precision}; ${options.selfHostApproved ? 'the workspace pool breaks even' : 'recommended only when the workspace pool breaks even'}${lowVolume ? '; this call alone would leave the GPUs mostly idle' : ''}`
      : `not viable: ${plan.result.reason ?? 'does not fit'}`,
    provider: plan.price?.provider,
    model: s.model,
    derivation: `${plan.derivation}. ${note}`,
    price: plan.price ? { source: plan.price.source, asOf: plan.price.asOf } : undefined,
    sizing: s,
  };
}

/** What decides a recommendation besides the options: the savings threshold and the current model's lifecycle. */
export interface RecommendRule {
  usd: number;
  fraction: number;
  lifecycle?: Lifecycle;
  /** The router the call already goes through, and the options it reaches by a model-id change. */
  router?: { row: RouterRow; reachable: Set<HostingOption> };
}

/** The router or gateway a call goes through, by the provider the analyzers found. */
/** The agent harness a call's SDK runs (agent-harnesses.json), if any. */
function harnessOf(catalog: Catalog, sdk: string | undefined): AgentHarnessRow | undefined {
  return sdk === undefined ? undefined : (catalog.agentHarnesses ?? []).find((row) => row.sdks.includes(sdk));
}

export function routerOf(catalog: Catalog, provider: string): RouterRow | undefined {
  const p = provider.toLowerCase();
  return (catalog.routers ?? []).find((r) => r.providers.includes(p));
}

/** Options the router reaches by a model-id (or config) change; each says so in its why. */
function markReachable(opts: HostingOption[], router: RouterRow, current: CatalogModel): { row: RouterRow; reachable: Set<HostingOption> } {
  const reachable = new Set<HostingOption>();
  // Closed options are always the current model's vendor (closedSiblings, own-cloud moves).
  const vendor = current.closed?.vendor ?? '';
  for (const o of opts) {
    if (o.current) {
      reachable.add(o);
      continue;
    }
    const closedReach = o.tier === 'closed-api' && vendor !== '' && (router.servesVendors.includes(vendor) || router.sameVendorThroughConfig);
    const openReach = o.tier === 'open-api' && router.servesOpenProviders.includes(o.provider ?? '');
    if (closedReach || openReach) {
      reachable.add(o);
      o.why = `${router.sameVendorThroughConfig ? `a model change in the ${router.label} config` : `a model-id change on ${router.label}`}, which the code already calls; ${o.why}`;
    }
  }
  return { row: router, reachable };
}


/** "Switch to x" / "x via p" → the target, for a "Migrate to ..." label. */
function targetOf(option: HostingOption): string {
  return option.label.replace(/^Switch to /, '');
}

/**
 * The recommendation rule: the cheapest viable option (self-hosting only when the workspace pool is
 * approved or data is regulated), recommended only when it saves at least `rule.usd` per month and
 * `rule.fraction` of today's cost; below that the call keeps its model and the advice says what the
 * change would save. A retired current model is always migrated, to the cheapest viable option,
 * whatever it costs; a deprecating one carries the date.
 */
export function recommend(options: HostingOption[], current: HostingOption, advisor: AdvisorOptions, rule: RecommendRule = { usd: 0, fraction: 0 }): Recommendation | null {
  // Per-call GPU prices leave out the fixed costs, so self-hosting wins a call only when the workspace
  // pool pays, or (regulated data) when no API option inside the team's own cloud can take it.
  const compliantApi = advisor.dataSensitivity === 'regulated' && options.some((o) => o.viable && o.tier !== 'self-hosted');
  const allowSelfHost = advisor.selfHostApproved || (advisor.dataSensitivity === 'regulated' && !compliantApi);
  // Today's own server (a call on Ollama, vLLM, ...) is always a candidate: staying needs no approval.
  const viable = options.filter((o) => o.viable && (o.tier !== 'self-hosted' || allowSelfHost || o.current)).sort((a, b) => a.monthlyUsd - b.monthlyUsd || Number(b.current ?? false) - Number(a.current ?? false));
  const life = rule.lifecycle;
  const deadline = life && life.state !== 'active' ? life.date : undefined;
  const dated = (r: Recommendation): Recommendation => (deadline ? { ...r, deadline } : r);
  let best = viable[0];
  if (life?.state === 'retired' && current.current) {
    if (!best) {
      return dated({ tier: current.tier, label: `Migrate off ${current.model ?? 'this model'}: no viable replacement in the catalog`, monthlyUsd: current.monthlyUsd, savingsUsd: 0, action: 'migrate', why: `${life.note}. No option in the catalog passes this call's task and feature screen; pick a current model of the same class and evaluate it.` });
    }
    const delta = best.monthlyUsd - current.monthlyUsd;
    // The deadline is the vendor's; a move to another vendor needs an evaluation and new terms first. The cheapest
    // viable model of the host the call already uses is the change that fits any deadline: named beside the cheapest.
    const sameHost = best.provider === current.provider ? undefined : viable.find((o) => !o.current && o.tier !== 'self-hosted' && o.provider === current.provider);
    const smallest = sameHost ? ` The smallest change before the deadline: ${sameHost.label} at ${current.provider}, where the call goes already, ${formatUsd(sameHost.monthlyUsd)}/month (${sameHost.why}).` : '';
    return dated({
      tier: best.tier,
      label: `Migrate to ${targetOf(best)}`,
      optionLabel: best.label,
      monthlyUsd: best.monthlyUsd,
      savingsUsd: Math.max(0, -delta),
      action: 'migrate',
      why: `${life.note}. Cheapest viable replacement: ${best.label}, ${formatUsd(best.monthlyUsd)}/month vs ${formatUsd(current.monthlyUsd)} at the last list price (${delta > 0 ? `costs ${formatUsd(delta)}/month more` : `saves ${formatUsd(-delta)}/month`}). ${smallest ? `${best.why.replace(/\.?$/, '.')}${smallest}` : best.why}`,
    });
  }
  if (!best) return null;
  // A call that must move (not compliant as called) moves to the same model where it can; a different
  // model only when that saves the threshold on top.
  const sameModel = !current.viable ? viable.find((o) => !o.current && o.model === current.model) : undefined;
  if (sameModel && best !== sameModel) {
    const extra = sameModel.monthlyUsd - best.monthlyUsd;
    if (!(extra >= rule.usd && extra >= rule.fraction * sameModel.monthlyUsd)) best = sameModel;
  }
  // A call on a router stays on it unless a new vendor saves the threshold beyond the best in-router option.
  let leftOnRouter = '';
  if (rule.router && !rule.router.reachable.has(best)) {
    const inRouter = viable.find((o) => rule.router?.reachable.has(o));
    if (inRouter) {
      const extra = inRouter.monthlyUsd - best.monthlyUsd;
      if (!(extra >= rule.usd && extra >= rule.fraction * inRouter.monthlyUsd)) {
        leftOnRouter = `Staying on ${rule.router.row.label}: ${best.label} would save ${formatUsd(extra)}/month more, below the threshold for a new vendor.`;
        best = inRouter;
      } else {
        leftOnRouter = `A new vendor beyond ${rule.router.row.label}: saves ${formatUsd(extra)}/month more than the best model on it (${inRouter.label}).`;
      }
    }
  }
  const notes = [life?.state === 'deprecating' ? `${life.note}.` : '', leftOnRouter].filter(Boolean);
  const warn = notes.length ? `. ${notes.join(' ')}` : '';
  // A call that must move (not compliant as called) still saves what it saves.
  const savings = Math.max(0, current.monthlyUsd - best.monthlyUsd);
  const pct = current.monthlyUsd > 0 ? Math.round((savings / current.monthlyUsd) * 100) : 0;
  if (best.current) {
    return dated({ tier: best.tier, label: best.label, monthlyUsd: best.monthlyUsd, savingsUsd: 0, action: 'keep', why: `already the cheapest viable option${current.monthlyUsd > 0 ? '' : ' (no spend)'}${warn}` });
  }
  const clears = current.viable && savings >= rule.usd && savings >= rule.fraction * current.monthlyUsd;
  if (!clears && current.viable) {
    return dated({
      tier: current.tier,
      label: current.label,
      monthlyUsd: current.monthlyUsd,
      savingsUsd: 0,
      action: 'keep',
      why: `not worth a change: ${best.label} saves ${formatUsd(savings)}/month (${pct}%), below the threshold (${formatUsd(rule.usd, 'whole')}/month and ${Math.round(rule.fraction * 100)}%)${warn}`,
    });
  }
  const delta = best.monthlyUsd - current.monthlyUsd;
  return dated({
    tier: best.tier,
    label: best.label,
    monthlyUsd: best.monthlyUsd,
    savingsUsd: savings,
    action: 'change',
    why: current.viable
      ? `${best.label}: ${formatUsd(best.monthlyUsd)}/month vs ${formatUsd(current.monthlyUsd)} today, saves ${formatUsd(savings)}/month (${pct}%). ${best.why}${warn}`
      : `${current.why.replace(/^not compliant: /, 'today the call is not compliant: ')}. Cheapest compliant option: ${best.label}, ${formatUsd(best.monthlyUsd)}/month vs ${formatUsd(current.monthlyUsd)} today (${delta > 0 ? `${formatUsd(delta)}/month more` : `saves ${formatUsd(-delta)}/month`}). ${best.why}${warn}`,
  });
}

// ---------------------------------------------------------------- embeddings and media

function adviseEmbedding(input: AdviceInput, current: CatalogModel, catalog: Catalog, diagnostics: string[], rule: RecommendRule, advisor: AdvisorOptions, today: string): Advice {
  const row = current.closed;
  if (!row || row.endpoint !== 'embedding' || row.inputPerMTok === undefined) {
    return unpriced(diagnostics, `${current.id} is not an embedding model in the catalog; embedding call not priced`);
  }
  const cost = tokenCost(input, row.inputPerMTok, 0, priceLabel(row, `${row.id}, input tokens only`), true);
  const cur: HostingOption = { tier: 'closed-api', label: `Stay on ${row.id}`, monthlyUsd: cost.usd, viable: true, why: 'what the code does today; embeddings are billed per input token', provider: row.provider, model: row.id, derivation: cost.derivation, price: { source: row.source, asOf: row.asOf }, current: true };
  const options = [cur];
  for (const other of catalog.closed) {
    if (other.endpoint !== 'embedding' || other.id === row.id || other.vendor !== row.vendor || other.inputPerMTok === undefined) continue;
    const c = tokenCost(input, other.inputPerMTok, 0, priceLabel(other, `${other.id}, input tokens only`), true);
    if (c.usd >= cost.usd) continue;
    options.push({ tier: 'closed-api', label: `Switch to ${other.id}`, monthlyUsd: c.usd, viable: true, why: `cheaper embedding model of the same vendor; vectors are not comparable across models, so the corpus must be re-embedded and retrieval quality re-checked`, provider: other.provider, model: other.id, derivation: c.derivation, price: { source: other.source, asOf: other.asOf } });
  }
  options.push(...otherOpenEmbeddingModels(input, catalog, { model: row.id, contextTokens: row.capabilities.contextTokens }, cost.usd, today));
  if (advisor.dataSensitivity === 'regulated') applyRegulated(options, input, current, cur, catalog);
  return { options, recommendation: recommend(options, cur, { dataSensitivity: advisor.dataSensitivity }, rule), monthlyUsdCurrent: cost.usd, diagnostics };
}

/**
 * Other open embedding models served per token (adequate per quality.json's embedding row), one option per model:
 * at the host the call already goes to when it sells the model (no new vendor), else at the cheapest host. Only
 * those cheaper than `belowUsd`, or every one when it is undefined (today's model is retired and the call must
 * move). A model that takes shorter inputs than today's is not viable: longer chunks would be cut.
 */
function otherOpenEmbeddingModels(input: AdviceInput, catalog: Catalog, today: { model: string; contextTokens: number | null }, belowUsd: number | undefined, day: string): HostingOption[] {
  const quality = qualityFor(catalog, 'embedding');
  const callProvider = input.provider.toLowerCase();
  const options: HostingOption[] = [];
  for (const model of quality?.openModels ?? []) {
    if (model === today.model) continue;
    const rows = catalog.open.filter((r) => r.endpoint === 'embedding' && r.model === model && !isPastDeprecation(r, day));
    const open = rows.find((r) => r.provider === callProvider) ?? [...rows].sort((a, b) => a.inputPerMTok - b.inputPerMTok)[0];
    if (!open) continue;
    const c = tokenCost(input, open.inputPerMTok, 0, priceLabel(open, `${open.provider} ${open.providerModelId}, input tokens only`), true, undefined, open.model);
    if (belowUsd !== undefined && c.usd >= belowUsd) continue;
    const basis = quality?.openModelBasis?.find((b) => b.models.includes(open.model));
    const window = open.capabilities.contextTokens;
    const shorter = window !== null && today.contextTokens !== null && window < today.contextTokens;
    const where = open.provider === callProvider ? `, at ${open.provider}, where the call goes already` : '';
    options.push({
      tier: 'open-api',
      label: `${open.model} via ${open.provider}`,
      monthlyUsd: c.usd,
      viable: !shorter,
      why: shorter
        ? `not viable: takes inputs of at most ${formatCount(window)} tokens, ${today.model} takes ${formatCount(today.contextTokens!)}: longer chunks would be cut`
        : `open embedding model${basis ? ` (${basis.basis}: ${basis.source})` : ''}${where}; vectors are not comparable across models, so the corpus must be re-embedded and retrieval quality re-checked`,
      provider: open.provider,
      model: open.model,
      derivation: c.derivation,
      price: { source: open.source, asOf: open.asOf },
    });
  }
  return options;
}

/**
 * An open embedding or rerank model called per token: priced at the provider's row (input tokens
 * only), or at the model's own providers when the server is unknown. Other providers of the same model
 * return the same vectors and scores, so moving there needs no re-embedding.
 */
function adviseOpenEncoder(input: AdviceInput, current: CatalogModel, catalog: Catalog, diagnostics: string[], rule: RecommendRule, advisor: AdvisorOptions, today: string): Advice {
  const kind = input.endpoint === 'rerank' ? 'rerank' : 'embedding';
  const rows = current.openPrices.filter((r) => (r.endpoint ?? 'chat') === kind);
  // Billed per input token only: with no input counted the figure would be a silent $0.
  if (input.tokens.inputPerCall <= 0) return unpriced(diagnostics, `${current.id}: the ${kind} call's input size is not known statically (0 tokens counted), and it is billed per input token; not priced`);
  const provider = input.provider.toLowerCase();
  const local = isLocalServer(provider);
  // A model run in process or on the team's own server is priced by its hardware, with or without an API price row.
  if (rows.length === 0 && !local) return unpriced(diagnostics, `${current.id} has no per-token ${kind} price in the catalog; ${kind} call not priced`);
  const own = rows.find((r) => r.provider === provider);
  const assumed = own ? undefined : assumedServerRow(input, current, kind, today, catalog);
  if (assumed) diagnostics.push(`${current.id}: ${assumed.note}`);
  const row = own ?? assumed?.row;
  if (!row && local) {
    // A local embedding server (Ollama, LM Studio, ...): its hardware, and the same model at the API providers.
    const onServer = localServerCurrent({ ...input, tokens: { ...input.tokens, outputPerCall: 0 } }, current, catalog, advisor);
    if (onServer) {
      const options = [onServer, ...rows.filter((r) => !isPastDeprecation(r, today)).map((r): HostingOption => {
        const c = tokenCost(input, r.inputPerMTok, 0, priceLabel(r, `${r.provider} ${r.providerModelId}, input tokens only`), true);
        return { tier: 'open-api', label: `${current.id} via ${r.provider}`, monthlyUsd: c.usd, viable: true, why: `the same ${kind} model at an API provider: same ${kind === 'embedding' ? 'vectors, no re-embedding' : 'scores'}, no server to run`, provider: r.provider, model: current.id, derivation: c.derivation, price: { source: r.source, asOf: r.asOf } };
      })];
      if (advisor.dataSensitivity === 'regulated') applyRegulated(options, input, current, onServer, catalog);
      return { options, recommendation: recommend(options, onServer, { dataSensitivity: advisor.dataSensitivity }, rule), monthlyUsdCurrent: onServer.monthlyUsd, diagnostics };
    }
  }
  if (!row && rows.length === 0) return unpriced(diagnostics, ownHardwareUnsized(current, input.provider, kind));
  if (!row) return unpriced(diagnostics, `${current.id} has no per-token ${kind} price for provider ${input.provider} in the catalog; not priced (priced for ${[...new Set(rows.map((r) => r.provider))].join(', ')})`);
  const cost = tokenCost(input, row.inputPerMTok, 0, priceLabel(row, `${row.provider} ${row.providerModelId}, input tokens only${assumed ? `; ${assumed.note}` : ''}`), true);
  const cur: HostingOption = { tier: 'open-api', label: `Stay on ${current.id} via ${row.provider}${assumed ? ` (${assumed.router ? `through ${assumed.router.label}` : 'server unknown'})` : ''}`, monthlyUsd: cost.usd, viable: true, why: `what the code does today; ${kind} is billed per input token${assumed ? `; ${assumed.note}` : ''}`, provider: row.provider, model: current.id, derivation: cost.derivation, price: { source: row.source, asOf: row.asOf }, current: true };
  // A retired endpoint is priced at its last list price but cannot be where the call stays.
  if (rule.lifecycle?.state === 'retired') markRetired(cur, rule.lifecycle);
  const options = [cur];
  for (const other of rows) {
    if (other === row || isPastDeprecation(other, today)) continue;
    const c = tokenCost(input, other.inputPerMTok, 0, priceLabel(other, `${other.provider} ${other.providerModelId}, input tokens only`), true);
    // A cheaper host is an option; any host is one when this endpoint is retired and the call must move.
    if (c.usd >= cost.usd && cur.viable) continue;
    options.push({ tier: 'open-api', label: `${current.id} via ${other.provider}`, monthlyUsd: c.usd, viable: true, why: `the same ${kind} model at another provider: same ${kind === 'embedding' ? 'vectors, no re-embedding' : 'scores'}`, provider: other.provider, model: current.id, derivation: c.derivation, price: { source: other.source, asOf: other.asOf } });
  }
  // Other embedding models: cheaper ones, or any when today's is retired and the call must move (m2-bert at Together).
  if (kind === 'embedding') options.push(...otherOpenEmbeddingModels(input, catalog, { model: current.id, contextTokens: row.capabilities.contextTokens ?? current.arch?.contextWindow ?? null }, cur.viable ? cost.usd : undefined, today));
  if (advisor.dataSensitivity === 'regulated') applyRegulated(options, input, current, cur, catalog);
  return { options, recommendation: recommend(options, cur, { dataSensitivity: advisor.dataSensitivity }, rule), monthlyUsdCurrent: cost.usd, diagnostics };
}

/**
 * A realtime (speech-to-speech) session: billed per audio token, and each response re-bills the
 * conversation so far. The audio a session carries is not in the code, so the session is priced at
 * the placeholder session shape of self-host-costs.json (minutes of user and model speech, turns),
 * with OpenAI's audio tokens per minute, and every figure says it rests on that assumption. The
 * alternatives are the same vendor's other realtime models, priced at the same shape (never a text
 * model: a session is a spoken conversation) and screened like closed siblings: the task's quality
 * row sets the smallest class, the capability screen the features.
 */
function adviseRealtime(input: AdviceInput, row: ClosedModelRow, catalog: Catalog, diagnostics: string[], rule: RecommendRule, today: string, advisor: AdvisorOptions): Advice {
  const rates = realtimeRates(row);
  if (row.audioInputPerMTok === undefined || row.audioOutputPerMTok === undefined) {
    return unpriced(diagnostics, `${row.id} is a realtime speech-to-speech model and the catalog has no audio-token price for it (${rates}); the session is not priced`);
  }
  const session = realtimeSessionCost(row.audioInputPerMTok, row.audioOutputPerMTok, catalog);
  const usd = input.volume.callsPerMonth * session.usd;
  diagnostics.push(`${row.id}: realtime session priced at an assumed session shape (${session.shape}); the audio a session carries is not in the code, so this is a guess to replace with your sessions' real length`);
  const cur: HostingOption = { tier: 'closed-api', label: `Stay on ${row.id}`, monthlyUsd: usd, viable: true, why: 'what the code does today; a realtime session is billed per audio token (priced at an assumed session shape)', provider: row.provider, model: row.id, derivation: realtimeDerivation(input, row, session), price: { source: row.source, asOf: row.asOf }, current: true };
  if (advisor.currentPriceOnly) return { options: [cur], recommendation: null, monthlyUsdCurrent: usd, diagnostics };
  if (rule.lifecycle?.state === 'retired') markRetired(cur, rule.lifecycle);
  const siblings = realtimeSiblings(input, row, qualityFor(catalog, input.task.type), catalog, usd, today, rule.lifecycle !== undefined && rule.lifecycle.state !== 'active');
  if (siblings.length === 0) cur.why += `; no other realtime model of ${row.vendor} in the catalog is cheaper`;
  const options = [cur, ...siblings];
  return { options, recommendation: recommend(options, cur, {}, rule), monthlyUsdCurrent: usd, diagnostics };
}

/** A realtime row's audio and text prices, as the derivations quote them. */
function realtimeRates(row: ClosedModelRow): string {
  return `$${row.audioInputPerMTok}/M audio in, $${row.audioOutputPerMTok}/M audio out; text $${row.inputPerMTok}/$${row.outputPerMTok}/M`;
}

/** A realtime model's monthly figure for this call, worked out in full: volume × one session at the assumed shape. */
function realtimeDerivation(input: AdviceInput, row: ClosedModelRow, session: { usd: number; derivation: string }): string {
  const calls = input.volume.callsPerMonth;
  const vol = input.volume.basis ?? `${formatCount(calls)} calls/month from ${volumeSourceLabel(input.volume)}`;
  return (
    `${formatCount(calls)} sessions/month × ${sessionUsd(session.usd)} per session = ${formatUsd(calls * session.usd)}/month. Session (assumed shape, not in the code; the figure scales with it): ${session.derivation}. ` +
    `The site's token count (${formatCount(input.tokens.inputPerCall)} text tokens read from the request: instructions, tool schemas, its body) is not what a session bills. ` +
    `Volume: ${vol}. Price: ${priceLabel(row, `${row.id} (${realtimeRates(row)})`)}`
  );
}

/**
 * The same vendor's other realtime models, priced at the same session shape: the cheaper ones (any, when the
 * current model must move), and the current model's named successor whatever it costs. A row whose successor
 * the catalog has is not proposed (the successor is), as retired and unverified rows are not. Viable when the
 * row's class is at least the task's quality floor and it passes the capability screen; a smaller model than
 * today's says what to evaluate before the switch.
 */
function realtimeSiblings(input: AdviceInput, cur: ClosedModelRow, quality: QualityRow | undefined, catalog: Catalog, currentUsd: number, today: string, mustMove: boolean): HostingOption[] {
  const minClass = quality?.closedMinClass ?? 'large';
  const options: HostingOption[] = [];
  for (const row of catalog.closed) {
    if (row.endpoint !== 'realtime' || row.vendor !== cur.vendor || row.id === cur.id || row.unverified || isPastDeprecation(row, today) || hasSuccessorInCatalog(row, catalog, today)) continue;
    if (row.audioInputPerMTok === undefined || row.audioOutputPerMTok === undefined) continue;
    const session = realtimeSessionCost(row.audioInputPerMTok, row.audioOutputPerMTok, catalog);
    const usd = input.volume.callsPerMonth * session.usd;
    const successor = cur.successor === row.id;
    if (usd >= currentUsd && !mustMove && !successor) continue;
    const classOk = (CLASS_RANK[row.class] ?? 0) >= CLASS_RANK[minClass];
    const verdict = screenVerdict(screenCapabilities(input, row.capabilities, catalog), classOk ? [] : [`quality for ${input.task.type}: ${row.class}-class realtime model, task needs ${minClass} (${quality?.why ?? 'unknown task'})`]);
    const smaller = (CLASS_RANK[row.class] ?? 0) < (CLASS_RANK[cur.class] ?? 0);
    const checks = ['the instructions it follows', ...(input.features.tools ? ['its tool calls and their arguments'] : []), 'how it sounds and takes turns'];
    const why =
      verdict ??
      `same vendor, ${row.class}-class realtime model` +
        (successor ? `, the generally available successor of ${cur.id} (source in the derivation)` : '') +
        (smaller
          ? `: ${input.task.type} needs ${minClass} class or above in the quality data, so it is an option; but it is smaller than ${cur.id} (${cur.class} class) and runs the whole voice agent: replay your own recorded sessions on it and check ${checks.join(', ')} before switching`
          : '') +
        '; a model-id change where the session is minted or connected';
    // Two rows billing audio out at the same multiple of audio in differ by the same share at any session shape: say so, as the dollars rest on the shape.
    const sameRatio = row.audioOutputPerMTok * cur.audioInputPerMTok! === cur.audioOutputPerMTok! * row.audioInputPerMTok;
    const percentLess = currentUsd > 0 ? Math.round((1 - usd / currentUsd) * 100) : 0;
    const share = sameRatio && currentUsd > 0 ? ` Against ${cur.id}: ${percentLess === 0 ? 'the same' : `${Math.abs(percentLess)}% ${percentLess > 0 ? 'less' : 'more'}`} whatever the session length (both bill audio out at ${formatCount(row.audioOutputPerMTok / row.audioInputPerMTok)}× audio in).` : '';
    options.push({
      tier: 'closed-api',
      label: `Switch to ${row.id}`,
      monthlyUsd: usd,
      viable: verdict === null,
      why,
      provider: row.provider,
      model: row.id,
      derivation: realtimeDerivation(input, row, session) + share + (successor ? ` Successor: ${cur.successorSource ?? 'named in the catalog'}.` : '') + (row.notes ? ` Note: ${row.notes}` : ''),
      price: { source: row.source, asOf: row.asOf },
    });
  }
  return options.sort((a, b) => Number(b.viable) - Number(a.viable) || a.monthlyUsd - b.monthlyUsd);
}

/** A preview row the vendor replaced with a generally available model the catalog has: the successor is proposed, not it. */
function hasSuccessorInCatalog(row: ClosedModelRow, catalog: Catalog, today: string): boolean {
  return row.successor !== undefined && catalog.closed.some((other) => other.id === row.successor && !isPastDeprecation(other, today));
}

/** One realtime session at the assumed shape: user and model audio split evenly over the turns, each turn re-billing the earlier turns' audio as input. */
export function realtimeSessionCost(audioInPerMTok: number, audioOutPerMTok: number, catalog: Catalog): { usd: number; derivation: string; shape: string } {
  const userMin = assumption(catalog, 'realtimeUserAudioMinutesPerSession');
  const modelMin = assumption(catalog, 'realtimeModelAudioMinutesPerSession');
  const turns = Math.max(1, Math.round(assumption(catalog, 'realtimeTurnsPerSession')));
  const userPerMin = assumption(catalog, 'realtimeUserAudioTokensPerMinute');
  const modelPerMin = assumption(catalog, 'realtimeModelAudioTokensPerMinute');
  const userTokens = userMin * userPerMin;
  const modelTokens = modelMin * modelPerMin;
  // Turn k sends its own user audio plus the k-1 earlier turns (user and model audio): Σ(k-1) = n(n-1)/2 turns' worth re-billed.
  const rebilledTurns = (turns * (turns - 1)) / 2;
  const rebilled = (rebilledTurns * (userTokens + modelTokens)) / turns;
  const inTokens = userTokens + rebilled;
  const usd = (inTokens * audioInPerMTok + modelTokens * audioOutPerMTok) / 1e6;
  const shape = `assumption: ${formatCount(userMin)} min of user speech and ${formatCount(modelMin)} min of model speech over ${turns} turns`;
  const derivation =
    `${shape}; user audio ${formatCount(userMin)} min × ${formatCount(userPerMin)} tokens/min = ${formatCount(userTokens)} tokens, model audio ${formatCount(modelMin)} min × ${formatCount(modelPerMin)} tokens/min = ${formatCount(modelTokens)} tokens (OpenAI: 1 audio token per 100 ms of user audio, per 50 ms of model audio); ` +
    `each response re-sends the conversation so far, so ${turns} turns re-bill ${formatCount(rebilledTurns)} turns' audio (${formatCount(rebilled)} tokens) as input; ` +
    `(${formatCount(inTokens)} audio in × $${audioInPerMTok}/M + ${formatCount(modelTokens)} audio out × $${audioOutPerMTok}/M) ÷ 1e6 = ${sessionUsd(usd)}; ` +
    `left out: text tokens (instructions, transcripts) and the cached-input discount on the re-sent audio`;
  return { usd, derivation, shape };
}

/** A session's price to three significant figures: cents alone show $0.066 as $0.07, which times 10,000 sessions is not the $660 the month says. */
function sessionUsd(usd: number): string {
  return `$${Number(usd.toPrecision(3))}`;
}

/** The endpoints billed per image, per character or per audio minute, whose rows other hosts' rows can replace. */
const MEDIA_ENDPOINTS: ReadonlySet<string> = new Set(['image-generation', 'audio-speech', 'audio-transcription']);

/** What a change of model means on each media endpoint: the output is not interchangeable, so the why says what to evaluate. */
const MEDIA_EVALUATION: Readonly<Record<string, { kind: string; evaluate: string }>> = {
  'image-generation': { kind: 'image', evaluate: 'style, prompt adherence, text inside images and the sizes and options it takes differ: compare its images on your own prompts before switching' },
  'audio-speech': { kind: 'text-to-speech', evaluate: "its voices are not today's (a voice the code picks by id, or a cloned voice, has no counterpart), and pronunciation, languages and latency differ: listen to it in your languages before switching" },
  'audio-transcription': { kind: 'speech-to-text', evaluate: 'accuracy differs by language, accent and recording quality, and so do timestamps, response formats and file-size limits: compare its transcripts (word error rate) on your own recordings before switching' },
};

/** An endpoint billed per image, per character or per audio minute. */
export function isMediaEndpoint(endpoint: string): boolean {
  return MEDIA_ENDPOINTS.has(endpoint);
}

/** A request to a chat endpoint that asks for an image back (`modalities: ['image', 'text']`): the task says so. */
export function isImageOutputChat(input: Pick<AdviceInput, 'endpoint' | 'task'>): boolean {
  return input.task.type === 'image-generation' && !MEDIA_ENDPOINTS.has(input.endpoint);
}

/**
 * What a media row bills for this call at the row's own host: per image, per character, per search or per
 * audio minute; or why the row cannot price this call (the sentence goes to the diagnostics).
 */
function mediaRowCost(input: AdviceInput, row: ClosedModelRow, catalog: Catalog): Cost | { unpriced: string } {
  const calls = input.volume.callsPerMonth;
  if (row.perImageUsd !== undefined && input.endpoint === 'image-generation') {
    const usd = calls * row.perImageUsd;
    return { usd, derivation: `${formatCount(calls)} calls/month × 1 image per call (assumption: n=1, ${row.imageQuality ?? '1024×1024'}) × $${row.perImageUsd}/image = ${formatUsd(usd)}/month. Price: ${priceLabel(row, `${row.id} at ${row.provider}`)}` };
  }
  if (row.perMillionCharsUsd !== undefined && input.endpoint === 'audio-speech' && input.tokens.inputPerCall <= 0) {
    // Billed per input character: with no text counted the figure would be a silent $0.
    return { unpriced: `${row.id} is priced per character ($${row.perMillionCharsUsd}/M characters); the text this call speaks is not known statically (0 tokens counted), so it is not priced` };
  }
  if (row.perMillionCharsUsd !== undefined && input.endpoint === 'audio-speech') {
    const chars = input.tokens.inputPerCall * CHARACTERS_PER_TOKEN;
    const usd = (calls * chars * row.perMillionCharsUsd) / 1e6;
    return { usd, derivation: `${formatCount(calls)} calls/month × ~${formatCount(chars)} characters (${formatCount(input.tokens.inputPerCall)} tokens × ${CHARACTERS_PER_TOKEN} chars/token, assumption) × $${row.perMillionCharsUsd}/M characters = ${formatUsd(usd)}/month. Price: ${priceLabel(row, `${row.id} at ${row.provider}`)}` };
  }
  if (row.perSearchUsd !== undefined && row.endpoint === 'rerank') {
    const usd = calls * row.perSearchUsd;
    return { usd, derivation: `${formatCount(calls)} calls/month × 1 search per call (assumption: one query over at most 100 documents; longer lists or documents are billed as more searches) × $${row.perSearchUsd}/search = ${formatUsd(usd)}/month. Price: ${priceLabel(row, row.id)}` };
  }
  if (row.perMinuteUsd !== undefined && input.endpoint === 'audio-transcription') {
    // The audio a call sends is not in the code: priced at an assumed clip length, labeled as one (self-host-costs.json).
    const minutes = assumption(catalog, 'audioMinutesPerTranscriptionCall');
    const usd = calls * minutes * row.perMinuteUsd;
    return { usd, derivation: `${formatCount(calls)} calls/month × ${formatCount(minutes)} min of audio per call (assumption: the audio length is not in the code; the figure scales with it) × $${row.perMinuteUsd}/min = ${formatUsd(usd)}/month. Price: ${priceLabel(row, `${row.id} at ${row.provider}`)}` };
  }
  if (row.perMinuteUsd !== undefined) return { unpriced: `${row.id} is priced per audio minute ($${row.perMinuteUsd}/min), and this is a ${input.endpoint} call, not a transcription; not priced` };
  return { unpriced: `${row.id}: ${input.endpoint} calls are priced per image or per second of audio, and the catalog has no such price for this model; not priced` };
}

/** Today's media call priced at its own host's row: another host's per-image or per-minute price is not borrowed. */
function mediaCost(input: AdviceInput, row: ClosedModelRow, catalog: Catalog): Cost | { unpriced: string } {
  const host = input.provider.toLowerCase();
  // A host's per-image price for an open-weights model it serves (FLUX at Together) is that host's only; so is a per-minute one.
  const hostOnly =
    row.perImageUsd !== undefined && input.endpoint === 'image-generation' && row.provider !== row.vendor ? { unit: 'image', price: (r: ClosedModelRow) => r.perImageUsd }
    : row.perMinuteUsd !== undefined && input.endpoint === 'audio-transcription' ? { unit: 'min', price: (r: ClosedModelRow) => r.perMinuteUsd }
    : undefined;
  if (hostOnly && row.provider !== host) {
    const hosts = catalog.closed.filter((r) => r.id === row.id && hostOnly.price(r) !== undefined).map((r) => `${r.provider} ($${hostOnly.price(r)}/${hostOnly.unit})`);
    return { unpriced: `${row.id} has a per-${hostOnly.unit === 'min' ? 'minute' : 'image'} price only at ${hosts.join(', ')}; the catalog has no dated price for it at ${input.provider}, so this call is not priced (another host's price is not borrowed)` };
  }
  return mediaRowCost(input, row, catalog);
}

/**
 * A media call on a server the team runs (an Ollama or other OpenAI-compatible image, speech or transcription
 * server): there is no per-image, per-character or per-minute bill, and the catalog has no architecture for
 * media models to size the hardware on, so it is not priced. A hosted vendor's price is never borrowed for it.
 */
export function localMediaUnpriced(input: Pick<AdviceInput, 'endpoint' | 'provider'>, row: ClosedModelRow | undefined, modelId: string): string {
  const unit = input.endpoint === 'image-generation' ? 'per-image' : input.endpoint === 'audio-speech' ? 'per-character' : 'per-minute';
  const hosted = row && row.provider === row.vendor ? `; \`${modelId}\` is the name of ${row.vendor}'s hosted model, so on this server it stands for whatever weights the server maps it to, and ${row.vendor}'s price ($${row.perImageUsd ?? row.perMillionCharsUsd ?? row.perMinuteUsd}${row.perImageUsd !== undefined ? '/image' : row.perMillionCharsUsd !== undefined ? '/M characters' : '/min'}) is not its cost` : '';
  return `${modelId} as called runs on ${input.provider}, a server you operate: there is no ${unit} bill, and the catalog has no architecture for ${MEDIA_EVALUATION[input.endpoint]?.kind ?? input.endpoint} models to size its hardware on, so this call is not priced${hosted}`;
}

/**
 * Image, speech, transcription and per-search rerank calls: priced at the host's row. The other rows of the same
 * endpoint are the alternatives, each priced at its own host: another host is a new vendor, and another model's
 * images, voices or transcripts are not today's, so each option's why says what to evaluate. Only cheaper rows
 * are offered while today's model is current. A retired model is priced at its last list price and not viable;
 * the same host's current models for the endpoint (the successor a host names when it retires one, Groq's
 * whisper-large-v3-turbo for distil-whisper) are then its replacements, and other hosts' rows only when cheaper
 * or when its host has none. A per-search rerank call is offered its host's successors only.
 */
function adviseMedia(input: AdviceInput, current: CatalogModel, catalog: Catalog, diagnostics: string[], lifecycle: Lifecycle, today: string, advisor: AdvisorOptions): Advice {
  const row = current.closed;
  if (MEDIA_ENDPOINTS.has(input.endpoint) && isLocalServer(input.provider)) return unpriced(diagnostics, localMediaUnpriced(input, row, current.id));
  if (!row) return unpriced(diagnostics, `${current.id}: ${input.endpoint} calls are priced per image or per second of audio, and the catalog has no such price for this model; not priced`);
  const cost = mediaCost(input, row, catalog);
  if ('unpriced' in cost) return unpriced(diagnostics, cost.unpriced);
  const cur: HostingOption = { tier: 'closed-api', label: `Stay on ${row.id}`, monthlyUsd: cost.usd, viable: true, why: 'what the code does today', provider: row.provider, model: row.id, derivation: cost.derivation, price: { source: row.source, asOf: row.asOf }, current: true };
  if (advisor.currentPriceOnly) return { options: [cur], recommendation: null, monthlyUsdCurrent: cost.usd, diagnostics };
  const mustMove = lifecycle.state === 'retired';
  if (mustMove) markRetired(cur, lifecycle);
  const alternatives = mediaAlternatives(input, row, cost.usd, catalog, today, mustMove, advisor);
  const evaluation = MEDIA_EVALUATION[row.endpoint];
  if (alternatives.length === 0 && !mustMove) {
    const others = catalog.closed.filter((r) => r !== row && r.endpoint === row.endpoint && !r.unverified && !isPastDeprecation(r, today)).length;
    cur.why += !evaluation ? '; other rerankers are not compared for a call billed per search' : others === 0 ? `; no other ${evaluation.kind} model in the catalog` : `; the catalog's ${others} other ${evaluation.kind} row(s) cost as much or more for this call`;
  }
  const options = [cur, ...alternatives];
  const rule: RecommendRule = { ...savingsThreshold(catalog, advisor), lifecycle };
  return { options, recommendation: recommend(options, cur, { dataSensitivity: advisor.dataSensitivity }, rule), monthlyUsdCurrent: cost.usd, diagnostics };
}

/** The other rows of a media call's endpoint, each priced at its own host and screened; the viable ones first, cheapest first. */
function mediaAlternatives(input: AdviceInput, row: ClosedModelRow, currentUsd: number, catalog: Catalog, today: string, mustMove: boolean, advisor: AdvisorOptions): HostingOption[] {
  const host = input.provider.toLowerCase();
  const media = MEDIA_ENDPOINTS.has(row.endpoint);
  const rows = catalog.closed.filter((r) => r !== row && r.endpoint === row.endpoint && !r.unverified && !isPastDeprecation(r, today) && (media || (mustMove && r.provider === row.provider)));
  const successorAtHost = mustMove && rows.some((r) => r.provider === row.provider);
  const evaluation = MEDIA_EVALUATION[row.endpoint];
  // An image edit sends the image it edits: a model that takes no input image cannot do it.
  const edits = row.endpoint === 'image-generation' && input.features.vision;
  const viable: HostingOption[] = [];
  const weak: HostingOption[] = [];
  for (const other of rows) {
    const sameHost = other.provider === row.provider;
    // A current model may move to a cheaper row only; a retired one to any row of its host, and elsewhere when its host has none or it is cheaper.
    const c = mediaRowCost(input, other, catalog);
    if ('unpriced' in c) continue;
    if (c.usd >= currentUsd && !(mustMove && (sameHost || !successorAtHost))) continue;
    const screen: CapabilityScreen = { gaps: [], unverified: [] };
    if (edits && other.capabilities.vision === false) screen.gaps.push('takes no input image, and this call edits an image (it sends the image and any reference images)');
    else if (edits && other.capabilities.vision === null) screen.unverified.push('image input (editing) not stated');
    const thirdParty = advisor.dataSensitivity === 'regulated' && other.provider !== host;
    const verdict = thirdParty ? 'not compliant: regulated data goes to a third-party API under its standard terms' : screenVerdict(screen);
    const where =
      other.provider === host
        ? `at the host the call goes to already (${other.provider}): same API and keys, a model-id change`
        : `a new vendor (${other.provider}): its terms, keys and endpoint, and an evaluation, not a model-id change`;
    const model = other.id === row.id ? `the same ${other.id} weights at another host: the same output expected` : `a different ${evaluation?.kind ?? row.endpoint} model: ${evaluation?.evaluate ?? 'evaluate its output before switching'}`;
    const option: HostingOption = {
      tier: 'closed-api',
      label: `${other.id} at ${other.provider}`,
      monthlyUsd: c.usd,
      viable: verdict === null,
      why: verdict ?? `${where}; ${model}`,
      provider: other.provider,
      model: other.id,
      derivation: c.derivation + (other.notes ? `. Note: ${other.notes}` : ''),
      price: { source: other.source, asOf: other.asOf },
    };
    (option.viable ? viable : weak).push(option);
  }
  viable.sort((a, b) => a.monthlyUsd - b.monthlyUsd);
  weak.sort((a, b) => a.monthlyUsd - b.monthlyUsd);
  return [...viable.slice(0, 4), ...weak.slice(0, 2)];
}

/**
 * A chat request that asks for an image back (`modalities: ['image', 'text']`, OpenRouter's image models): the
 * image is what is billed, so it is priced by the model's per-image row at the host the call goes to, with the
 * other image rows as alternatives; without such a row it is not priced. A text model's per-token price would
 * price the prompt, not the image, and a text model cannot produce the image, so neither is ever offered.
 */
function adviseImageOutputChat(input: AdviceInput, current: CatalogModel, catalog: Catalog, diagnostics: string[], lifecycle: Lifecycle, today: string, advisor: AdvisorOptions): Advice {
  const host = input.provider.toLowerCase();
  const row = current.closed?.perImageUsd !== undefined && current.closed.endpoint === 'image-generation' && current.closed.provider === host ? current.closed : undefined;
  if (!row) return unpriced(diagnostics, imageOutputChatUnpriced(catalog, current.id, input.provider));
  const advice = adviseMedia({ ...input, endpoint: 'image-generation' }, current, catalog, diagnostics, lifecycle, today, advisor);
  for (const option of advice.options) {
    if (option.current) option.why = option.why.replace(/^what the code does today/, 'what the code does today (a chat request asking for image output, priced per image)');
    else if (option.viable && option.provider !== host) option.why += "; the call moves from a chat request to the host's images endpoint";
  }
  return advice;
}

/** Why an image-output chat call has no price: the catalog has no per-image price for the model at its host. */
export function imageOutputChatUnpriced(catalog: Catalog, modelId: string | undefined, provider: string): string {
  const host = provider.toLowerCase();
  const atHost = [...new Set(catalog.closed.filter((r) => r.perImageUsd !== undefined && r.provider === host).map((r) => r.id))];
  const model = modelId ? `for ${modelId} ` : '';
  return `an image-output chat call (the request asks for image output); the catalog has no per-image price ${model}at ${provider}${atHost.length ? ` (it has ${atHost.join(', ')})` : ''}, and a text model's per-token price would not price the image, so this call is not priced`;
}

// ---------------------------------------------------------------- workspace

export type { SelfHostPool } from '../../model/types';

/** The advisor's full workspace result: the published summary plus what the pipeline applies to call sites. */
export interface WorkspaceAdvice extends WorkspaceAdviceSummary {
  monthlyUsdCurrent: number;
  /**
   * Per-call recommendations replacing the API ones for members of a recommended pool, keyed by
   * call site id: each member's share of the pool's GPU + fixed cost, by its share of tokens.
   */
  recommendations: Record<string, Recommendation>;
  diagnostics: string[];
}

/**
 * Decides self-hosting across the workspace: pools the calls an open model can serve, sizes one
 * deployment for their combined volume, adds the fixed costs, and compares with the API spend.
 */
export function adviseWorkspace(callSites: CallSite[], catalog: Catalog, options: AdvisorOptions = {}): WorkspaceAdvice {
  const diagnostics: string[] = [];
  const current = sum(callSites.map((c) => c.monthlyUsdCurrent ?? 0));
  // Asked for each member of every pool (every model, both styles): worked out once per site.
  const bestApiBySite = new Map<CallSite, number>();
  const bestApi = (c: CallSite) => {
    let usd = bestApiBySite.get(c);
    if (usd === undefined) bestApiBySite.set(c, (usd = Math.min(c.monthlyUsdCurrent ?? Infinity, ...c.options.filter((o) => o.viable && o.tier !== 'self-hosted').map((o) => o.monthlyUsd))));
    return usd;
  };
  // What the per-call recommendations add up to (a change below the savings threshold keeps today's cost).
  const apiRecommended = sum(callSites.map((c) => (c.monthlyUsdCurrent === null ? 0 : c.recommendation?.tier === 'self-hosted' ? bestApi(c) : (c.recommendation?.monthlyUsd ?? c.monthlyUsdCurrent))));

  const pools: SelfHostPool[] = [];
  const servable = servableSites(callSites, catalog);
  for (const arch of catalog.architectures) {
    const demand = poolDemand(arch, poolMembers(arch, servable, catalog), catalog, bestApi);
    if (!demand) continue;
    for (const style of ['managed', 'self-managed'] as const) {
      const pool = poolFor(arch, style, demand, catalog, options);
      if (pool) pools.push(pool);
    }
  }
  // A pool that pays wins on net savings; when none pays, show the one covering the most spend,
  // so the user sees what self-hosting the movable calls would cost.
  const paying = pools.filter((p) => p.recommended).sort((a, b) => b.netSavingsVsBestApi - a.netSavingsVsBestApi);
  const best = paying[0] ?? pools.sort((a, b) => b.apiSpendCurrent - a.apiSpendCurrent || a.totalMonthlyUsd - b.totalMonthlyUsd)[0] ?? null;
  const breakEven = computeBreakEven(callSites, catalog, options.fixedCostOverrides);
  const recommended = best?.recommended ? apiRecommended - best.apiSpendBestApi + best.totalMonthlyUsd : apiRecommended;
  if (callSites.some((c) => c.monthlyUsdCurrent === null && settingModelCouldPrice(c))) diagnostics.push('some call sites are not priced (unknown model or dynamic id); totals leave them out');
  const recommendations = best?.recommended ? poolRecommendations(best, callSites) : {};
  return { monthlyUsdCurrent: current, monthlyUsdRecommended: recommended, selfHost: best, breakEven, stage: stageFor(current, best, callSites, breakEven, catalog), recommendations, diagnostics };
}

/** Splits a recommended pool's monthly cost over its members by token volume. */
function poolRecommendations(pool: SelfHostPool, callSites: CallSite[]): Record<string, Recommendation> {
  const ids = new Set(pool.callSiteIds);
  const members = callSites.filter((c) => ids.has(c.id));
  const tokens = (c: CallSite) => c.volume.callsPerMonth * (c.tokens.inputPerCall + c.tokens.outputPerCall);
  const total = sum(members.map(tokens)) || 1;
  const out: Record<string, Recommendation> = {};
  for (const c of members) {
    const share = (pool.totalMonthlyUsd * tokens(c)) / total;
    const now = c.monthlyUsdCurrent ?? 0;
    out[c.id] = {
      tier: 'self-hosted',
      label: `${pool.style === 'managed' ? 'Managed GPU hosting' : 'Self-managed GPUs'}: ${pool.model}, pooled with ${members.length - 1} other call site(s)`,
      monthlyUsd: share,
      savingsUsd: Math.max(0, now - share),
      why: `share ${((tokens(c) / total) * 100).toFixed(1)}% of the pool's ${formatUsd(pool.totalMonthlyUsd, 'whole')}/month (GPUs + fixed costs). ${pool.derivation}`,
    };
  }
  return out;
}

/** Priced text calls and the quality row of their task: the sites any pool could take (asked once per workspace, not per model). */
function servableSites(callSites: CallSite[], catalog: Catalog): Array<{ site: CallSite; quality: QualityRow | undefined }> {
  const qualityByTask = new Map<TaskType, QualityRow | undefined>();
  const out: Array<{ site: CallSite; quality: QualityRow | undefined }> = [];
  for (const c of callSites) {
    if (c.monthlyUsdCurrent === null || c.endpoint === 'embedding' || c.endpoint === 'image-generation' || c.endpoint.startsWith('audio')) continue;
    if (!qualityByTask.has(c.task.type)) qualityByTask.set(c.task.type, qualityFor(catalog, c.task.type));
    out.push({ site: c, quality: qualityByTask.get(c.task.type) });
  }
  return out;
}

/** Call sites one open model can serve (quality, features): the same for both deployment styles. */
function poolMembers(arch: ModelArchitecture, servable: ReadonlyArray<{ site: CallSite; quality: QualityRow | undefined }>, catalog: Catalog): CallSite[] {
  const capabilities = selfHostCapabilities(arch);
  const members: CallSite[] = [];
  for (const { site, quality } of servable) {
    if (quality?.openModels.includes(arch.id) && screenVerdict(screenCapabilities(site, capabilities, catalog)) === null) members.push(site);
  }
  return members;
}

/** What a pool's members ask of one open model, the same for both deployment styles: volume, token mix, p95 context and API spend. */
interface PoolDemand {
  members: CallSite[];
  calls: number;
  workload: Workload;
  apiCurrent: number;
  apiBest: number;
}

function poolDemand(arch: ModelArchitecture, members: CallSite[], catalog: Catalog, bestApi: (c: CallSite) => number): PoolDemand | null {
  if (members.length === 0) return null;
  const calls = sum(members.map((c) => c.volume.callsPerMonth));
  const mix = mixTokens(members, arch.id, rowBillsReasoningTokens(arch.billsReasoningTokens, arch.id) ? assumption(catalog, 'reasoningOverheadTokens') : 0);
  // The pool's p95 context: the mix's mean × the p95 factor, or the longest member carrying ≥ 5% of the calls.
  const longest = Math.max(0, ...members.filter((c) => c.volume.callsPerMonth >= 0.05 * calls).map((c) => rescaleTokens(c.tokens.inputPerCall + c.tokens.outputPerCall, c.model.id, arch.id)));
  const workload: Workload = {
    callsPerMonth: calls,
    ...mix,
    p95ContextTokens: Math.max(p95Context({ callsPerMonth: calls, ...mix }, catalog).tokens, longest),
  };
  return { members, calls, workload, apiCurrent: sum(members.map((c) => c.monthlyUsdCurrent ?? 0)), apiBest: sum(members.map(bestApi)) };
}

/** The call sites one open model can serve (poolMembers), sized as one deployment with fixed costs. */
function poolFor(arch: ModelArchitecture, style: 'managed' | 'self-managed', demand: PoolDemand, catalog: Catalog, options: AdvisorOptions): SelfHostPool | null {
  const regulated = options.dataSensitivity === 'regulated';
  const { members, calls, workload: w, apiCurrent, apiBest } = demand;
  const plan = planFor(arch, w, catalog, style, 0, options);
  if (!plan) return null;
  const fixed = fixedCosts(catalog, style, options.fixedCostOverrides);
  const total = plan.sizing.monthlyGpuUsdOnDemand + fixed.usd;
  const netVsBest = apiBest - total;
  const derivation =
    `${members.length} call site(s) an open ${arch.id} can serve, ${formatCount(calls)} calls/month (avg ${formatCount(w.inputTokens)} in / ${formatCount(w.outputTokens)} out): ${plan.derivation}. ` +
    `Fixed: ${fixed.derivation}. Self-hosting ${formatUsd(total, 'whole')}/month vs ${formatUsd(apiCurrent, 'whole')} today and ${formatUsd(apiBest, 'whole')} on the cheapest viable APIs → ${netVsBest > 0 ? `saves ${formatUsd(netVsBest, 'whole')}/month` : `costs ${formatUsd(-netVsBest, 'whole')}/month more`}.`;
  return {
    model: arch.id,
    style,
    callSiteIds: members.map((c) => c.id),
    callsPerMonth: calls,
    apiSpendCurrent: apiCurrent,
    apiSpendBestApi: apiBest,
    gpuMonthlyUsd: plan.sizing.monthlyGpuUsdOnDemand,
    gpuMonthlyUsdReserved: plan.sizing.monthlyGpuUsdReserved ?? plan.sizing.monthlyGpuUsdOnDemand,
    fixedMonthlyUsd: fixed.usd,
    totalMonthlyUsd: total,
    netSavingsVsCurrent: apiCurrent - total,
    netSavingsVsBestApi: netVsBest,
    // Regulated data compares against the compliant (own-cloud) APIs, which bestApi already is.
    recommended: netVsBest > 0,
    sizing: plan.sizing,
    derivation: regulated ? `${derivation} Regulated data: compared with the APIs inside your own cloud account (the compliant alternative), not with third-party APIs.` : derivation,
  };
}

/**
 * Break-even API spend S* where S* = GPU(S*) + fixed. At scale GPU cost grows in proportion to
 * volume, so GPU(S) ≈ r × S with r = GPU dollars per API dollar for this workspace's token mix
 * (measured on a 1,000× scaled-up workload so replica rounding vanishes); then S* = fixed ÷ (1 − r).
 * Computed against today's (closed) spend and against the cheapest open-model API for the same calls.
 */
function computeBreakEven(callSites: CallSite[], catalog: Catalog, overrides: Record<string, number> = {}): BreakEven {
  const ref = referenceModel(catalog, 'breakEven');
  const arch = catalog.architectures.find((a) => a.id === ref);
  const text = (c: CallSite) => (c.monthlyUsdCurrent ?? 0) > 0 && (c.endpoint === 'chat' || c.endpoint === 'completion' || c.endpoint === 'batch' || c.endpoint === 'other');
  const movable = callSites.filter((c) => text(c) && qualityFor(catalog, c.task.type)?.openModels.includes(ref));
  const priced = movable.length ? movable : callSites.filter(text);
  const fixed = fixedCosts(catalog, 'self-managed', overrides);
  if (priced.length === 0 || !arch) {
    return { monthlyApiSpendUsd: null, gpuUsdPerApiUsd: null, derivation: 'no priced chat/completion call sites: break-even not computed' };
  }
  const calls = sum(priced.map((c) => c.volume.callsPerMonth));
  const spend = sum(priced.map((c) => c.monthlyUsdCurrent ?? 0));
  const scale = 1000;
  const w: Workload = {
    callsPerMonth: calls * scale,
    ...mixTokens(priced, ref),
  };
  const plan = planFor(arch, w, catalog, 'self-managed');
  if (!plan) return { monthlyApiSpendUsd: null, gpuUsdPerApiUsd: null, derivation: `${ref} has no priced configuration that fits this token mix` };
  const gpu = plan.sizing.monthlyGpuUsdOnDemand;
  const r = gpu / (spend * scale);
  const linear = r < 1 ? fixed.usd / (1 - r) : null;
  // Whole replicas cost more than r × S at small volume: find where S − GPU(S) − fixed turns positive.
  const gpuAt = (spendS: number) =>
    planFor(arch, { ...w, callsPerMonth: Math.max(1, Math.round((calls * spendS) / spend)) }, catalog, 'self-managed')?.sizing.monthlyGpuUsdOnDemand ?? Infinity;
  const pays = (spendS: number) => spendS - gpuAt(spendS) - fixed.usd >= 0;
  let s: number | null = null;
  if (linear !== null) {
    let lo = 0;
    let hi = linear * 2;
    for (let i = 0; i < 20 && !pays(hi); i++) hi *= 2;
    if (pays(hi)) {
      // The answer is shown in whole dollars; halving further only re-plans the same replica counts.
      while (hi - lo > 1) {
        const mid = (lo + hi) / 2;
        if (pays(mid)) hi = mid;
        else lo = mid;
      }
      s = hi;
    }
  }
  const band = r < 1 ? ` (seed's fixed-cost ranges ${formatUsd(fixed.low, 'whole')}-${formatUsd(fixed.high, 'whole')} give ${formatUsd(fixed.low / (1 - r), 'whole')}-${formatUsd(fixed.high / (1 - r), 'whole')})` : '';
  const open = cheapestOpenRow(catalog, ref);
  let vsOpen = '';
  let openBreakEven: number | null | undefined;
  let ro: number | null = null;
  if (open) {
    const openSpend = (w.callsPerMonth * (w.inputTokens * open.inputPerMTok + w.outputTokens * open.outputPerMTok)) / 1e6;
    ro = gpu / openSpend;
    openBreakEven = ro < 1 ? fixed.usd / (1 - ro) : null;
    vsOpen =
      ro < 1
        ? ` Against the cheapest open-model API (${open.provider} $${open.inputPerMTok}/$${open.outputPerMTok} per M), r = ${ro.toFixed(2)}: break-even at ${formatUsd(fixed.usd / (1 - ro), 'whole')}/month of open-API spend.`
        : ` Against the cheapest open-model API (${open.provider} $${open.inputPerMTok}/$${open.outputPerMTok} per M), GPUs cost ${ro.toFixed(1)}× as much even at scale: self-hosting does not beat open-model APIs on price for this mix.`;
  }
  const scope = movable.length ? `the ${movable.length} call site(s) an open 70B model can take` : 'all priced call sites (none is movable to a 70B model by task)';
  const derivation =
    `Reference deployment ${ref} (the seed's 70B example), self-managed, on ${scope} (avg ${formatCount(w.inputTokens)} in / ${formatCount(w.outputTokens)} out per call): ` +
    `at 1,000× today's volume GPUs cost ${formatUsd(gpu, 'whole')}/month vs ${formatUsd(spend * scale, 'whole')} at today's API prices, r = $${r.toFixed(3)} of GPU per $1 of API. ` +
    (linear === null
      ? 'GPUs cost more than these APIs even at scale: self-hosting never breaks even for this mix.'
      : `At scale, break-even S = fixed ${formatUsd(fixed.usd, 'whole')} ÷ (1 − ${r.toFixed(3)}) = ${formatUsd(linear ?? 0, 'whole')}/month of today's API spend${band}` +
        (s !== null ? `; with whole replicas at that volume it is ${formatUsd(s, 'whole')}/month (GPUs ${formatUsd(gpuAt(s), 'whole')})` : '') +
        `. The seed claims $50K-$150K. Fixed costs are labeled assumptions in self-host-costs.json.`) +
    vsOpen;
  return { monthlyApiSpendUsd: s ?? linear, atScaleMonthlyApiSpendUsd: linear, gpuUsdPerApiUsd: r, ...(openBreakEven !== undefined ? { openApiMonthlySpendUsd: openBreakEven, gpuUsdPerOpenApiUsd: ro } : {}), derivation };
}

function cheapestOpenRow(catalog: Catalog, model: string): OpenPriceRow | undefined {
  return catalog.open.filter((r) => r.model === model).sort((a, b) => a.inputPerMTok + 3 * a.outputPerMTok - (b.inputPerMTok + 3 * b.outputPerMTok))[0];
}

/**
 * The one rule for the workspace's stage: the pool decides self-hosting (it pays against the
 * cheapest viable APIs for the same calls, or it does not), recommended per-call changes decide
 * open-model APIs; the seed's spend thresholds only say where the spend sits, in the derivation.
 */
function stageFor(spend: number, pool: SelfHostPool | null, callSites: CallSite[], breakEven: BreakEven, catalog: Catalog): SpendStage {
  const openApi = assumption(catalog, 'spendStageOpenApiUsd');
  const evaluate = assumption(catalog, 'spendStageEvaluateSelfHostUsd');
  const selfHost = assumption(catalog, 'spendStageSelfHostUsd');
  const k = (usd: number) => `${formatUsd(usd / 1000, 'whole')}K`;
  const openChanges = callSites.filter((c) => c.recommendation?.tier === 'open-api' && c.recommendation.action !== 'keep');
  const seed = spend < openApi ? `under ${k(openApi)}/month` : spend < evaluate ? `${k(openApi)}-${k(evaluate)}/month` : spend < selfHost ? `${k(evaluate)}-${k(selfHost)}/month` : `over ${k(selfHost)}/month`;
  const be =
    `break-even $${breakEven.monthlyApiSpendUsd === null ? 'never' : formatCount(breakEven.monthlyApiSpendUsd)}/month of today's (closed) API spend` +
    (breakEven.openApiMonthlySpendUsd !== undefined ? `, ${breakEven.openApiMonthlySpendUsd === null ? 'never' : `${formatUsd(breakEven.openApiMonthlySpendUsd, 'whole')}/month`} of open-model API spend` : '');
  const poolLine = pool
    ? `best pool (${pool.model}, ${pool.style}) costs ${formatUsd(pool.totalMonthlyUsd, 'whole')}/month against ${formatUsd(pool.apiSpendBestApi, 'whole')} on the cheapest viable APIs for the same calls (${pool.netSavingsVsBestApi > 0 ? `saves ${formatUsd(pool.netSavingsVsBestApi, 'whole')}` : `costs ${formatUsd(-pool.netSavingsVsBestApi, 'whole')} more`})`
    : 'no call can move to a self-hosted open model';
  const derivation = `Workspace spend ${formatUsd(spend, 'whole')}/month (the seed's ${seed} band; its thresholds ${k(openApi)} / ${k(evaluate)} / ${k(selfHost)} are context, not the rule). Decided by this workspace's numbers: ${poolLine}; ${be}.`;
  if (pool?.recommended) return { decision: 'self-host', label: `Self-host the ${pool.callSiteIds.length} pooled call site(s) on ${pool.model}: saves ${formatUsd(pool.netSavingsVsBestApi, 'whole')}/month against the cheapest APIs`, derivation };
  if (openChanges.length > 0) return { decision: 'open-model-apis', label: `Open-model APIs for what quality allows (${openChanges.length} call site(s)); self-hosting does not pay at these volumes`, derivation };
  return { decision: 'closed-apis', label: 'Keep closed APIs: no open-model change clears the threshold and self-hosting does not pay at these volumes', derivation };
}

/**
 * Call-weighted average tokens per call of a set of call sites, in `model`'s tokenizer: without the hidden
 * reasoning tokens of today's models, with `reasoningOverhead` per call when `model` thinks by default.
 */
function mixTokens(sites: CallSite[], model: string, reasoningOverhead = 0): { inputTokens: number; outputTokens: number } {
  const calls = sum(sites.map((c) => c.volume.callsPerMonth)) || 1;
  const inputs = sum(sites.map((c) => c.volume.callsPerMonth * rescaleTokens(c.tokens.inputPerCall, c.model.id, model)));
  const outputs = sum(sites.map((c) => c.volume.callsPerMonth * (rescaleTokens(Math.max(0, c.tokens.outputPerCall - (c.tokens.reasoningTokens ?? 0)), c.model.id, model) + reasoningOverhead)));
  return { inputTokens: Math.round(inputs / calls), outputTokens: Math.max(1, Math.round(outputs / calls)) };
}

function sum(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}


