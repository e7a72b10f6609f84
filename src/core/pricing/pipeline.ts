/**
 * The one pricing pipeline. `priceCallSites` prices call sites whose task, tokens and volume are
 * known: the advice per call, the workspace advice (self-hosting pools across calls), the pooled
 * recommendations, and the published projections of both (`workspace`, `summary`). The scan
 * (`enrichCalls`, after estimating tokens, task and volume and spreading a usage export), the
 * what-ifs (`whatIf.ts`) and the price-override re-pricing go through it; the plan and the cost diff
 * read its output (a ScanResult) and price nothing themselves. Pure over its inputs; no I/O beyond
 * the tokenizer's rank files.
 */
import { canonicalJson } from '../../model/canonicalJson';
import { redactCredentials } from '../../model/redact';
import { adviseWorkspace, type AdviceInput, type AdvisorOptions, type WorkspaceAdvice } from './advisor';
import { adviseSite, exampleModelFor, setModelInstruction, type SiteAdvice } from './modelSet';
import { parseAnnotation } from '../estimate/annotations';
import { canonicalKey, findModel, loadCatalog, type Catalog } from '../catalog/catalog';
import { catalogContentKey } from '../catalog/contentKey';
import { classifyTask, LONG_CONTEXT_MIN_INPUT_TOKENS } from '../estimate/task';
import { estimateTokens } from '../estimate/tokens';
import { countUnpriced, decideTotals, unpricedSummaryFields } from './totals';
import type { CallSite, DetectedCall, Diagnostic, ModelRef, ScanSummary, TaskClassification, TokenEstimate, UnpricedKind, VolumeEstimate, WorkspaceAdviceSummary } from '../../model/types';
import { formatCount } from '../../model/format';
import { settingModelCouldPrice, writtenModel } from '../../model/display';
import { USAGE_FILE_NAME } from '../../model/vocabulary';
import { resolveStatedModel, resolveUsageSettings, resolveVolume, type StatedModel, type UsageFile } from '../usage/usage';
import { distributeUsage, type UsageExport } from '../usage/usageExport';

export interface EnrichOptions {
  defaultCallsPerMonth?: number;
  advisorOptions?: AdvisorOptions;
  usage?: UsageFile;
  /** A provider usage export: real monthly requests per model, spread over the call sites using it. */
  usageExport?: UsageExport;
  catalog?: Catalog;
  /** Pricing reused from earlier scans of the same workspace (see EnrichmentCache). */
  cache?: EnrichmentCache;
}

export interface PricingOptions {
  /** Default: the bundled catalog. */
  catalog?: Catalog;
  advisorOptions?: AdvisorOptions;
  /** Calls per month per call-site id, replacing the site's volume for this pricing only (what-ifs; not saved). */
  volumeOverrides?: Readonly<Record<string, number>>;
  /** Model id per call-site id, replacing the site's model for this pricing only (what-ifs; not saved). */
  modelOverrides?: Readonly<Record<string, string>>;
  /** Advice already worked out for a site at its current volume (the enrichment cache); undefined: advise now. */
  knownAdvice?: (site: CallSite, index: number) => SiteAdvice | undefined;
  /** Reuses an earlier workspace advice when nothing it depends on changed (the enrichment cache). */
  reuseWorkspace?: (advise: () => WorkspaceAdvice) => WorkspaceAdvice;
}

/** The part of ScanSummary that pricing decides. */
export type PricingSummary = Required<Pick<ScanSummary, 'callSites' | 'monthlyUsdCurrent' | 'monthlyUsdRecommended' | 'savingsUsd' | 'volumeAssumption' | 'unpricedCallSites'>> &
  Pick<ScanSummary, 'unpricedByKind' | 'unpricedLeftOutCallSites' | 'monthlyUsdCurrentRange' | 'assumedModelCallSites'>;

export interface PricedCallSites {
  callSites: CallSite[];
  /** The published projection of the workspace advice (ScanResult.workspace). */
  workspace: WorkspaceAdviceSummary;
  summary: PricingSummary;
  catalog: { asOf: string; sources?: string[] };
  /** The advisor's warnings: per call site (with its position), then for the workspace; each with `origin: 'pricing'`. */
  diagnostics: Diagnostic[];
}

/**
 * Prices call sites whose task, tokens and volume are known: every hosting option per call, then
 * self-hosting across the workspace (fixed costs are shared, so members of a pool that pays get the
 * pool's per-call share as their recommendation), then the totals. Returns new call sites; the
 * input is not modified.
 */
export function priceCallSites(sites: readonly CallSite[], options: PricingOptions = {}): PricedCallSites {
  const catalog = options.catalog ?? loadCatalog();
  const diagnostics: Diagnostic[] = [];
  const overridden = new Set<string>();
  const callSites = sites.map((original, index): CallSite => {
    const override = options.volumeOverrides?.[original.id];
    const isOverride = override !== undefined && Number.isFinite(override) && override >= 0;
    if (isOverride) overridden.add(original.id);
    const volume: VolumeEstimate = isOverride
      ? { callsPerMonth: override, source: original.volume.source, basis: `what-if: ${formatCount(override)} calls/month (not saved; was ${original.volume.basis ?? original.volume.source})` }
      : original.volume;
    const modelOverride = options.modelOverrides?.[original.id];
    const model: ModelRef = modelOverride ? { id: modelOverride, raw: modelOverride, source: 'what-if' } : original.model;
    const advice = (isOverride || modelOverride ? undefined : options.knownAdvice?.(original, index)) ?? adviseSite(adviceInput({ ...original, model }, original.task, original.tokens, volume), catalog, options.advisorOptions);
    const site = withAdvice({ ...original, model, volume }, advice, catalog);
    // An unknown model's own message is replaced by the reason with the instruction that fixes it. A call the end user
    // pays for is no problem to warn about: its reason is on the site, and every view shows it there.
    const messages = !settingModelCouldPrice(site) ? [] : site.unpricedReason && modelInstructionFits(site.unpricedKind) ? [site.unpricedReason] : advice.diagnostics;
    for (const message of messages) diagnostics.push({ file: original.file, line: original.line, message, severity: 'warning', origin: 'pricing' });
    return site;
  });
  // Each request once: not-production calls, helpers priced through their callers and all but one
  // alternative adapter are listed with a note and left out of the totals and the workspace advice.
  decideTotals(callSites).forEach((decision, index) => {
    if (decision.inTotals && decision.note === undefined) return;
    callSites[index] = { ...callSites[index], inTotals: decision.inTotals, ...(decision.note ? { totalsNote: decision.note } : {}) };
  });
  const counted = callSites.filter((site) => site.inTotals !== false);
  const advise = () => adviseWorkspace(counted, catalog, options.advisorOptions);
  const workspace = options.reuseWorkspace ? options.reuseWorkspace(advise) : advise();
  for (const site of callSites) {
    const pooled = workspace.recommendations[site.id];
    if (pooled) site.recommendation = pooled;
  }
  for (const message of workspace.diagnostics) diagnostics.push({ file: '.', message, severity: 'warning', origin: 'pricing' });
  // Unpriced calls and calls left out of the totals are not summed; the summary says how many and why (never a silent $0).
  const monthlyUsdCurrent = sum(counted.map((site) => site.monthlyUsdCurrent ?? 0));
  const monthlyUsdRecommended = workspace.monthlyUsdRecommended;
  const ranged = callSites.some((site) => site.monthlyUsdCurrentRange);
  const assumed = callSites.filter((site) => site.modelPricing?.assumed).length;
  return {
    callSites,
    workspace: publishedWorkspace(workspace),
    summary: {
      callSites: callSites.length,
      monthlyUsdCurrent: round2(monthlyUsdCurrent),
      monthlyUsdRecommended: round2(monthlyUsdRecommended),
      savingsUsd: round2(monthlyUsdCurrent - monthlyUsdRecommended),
      volumeAssumption: volumeAssumption(callSites.filter((site) => !overridden.has(site.id)), callSites.length, overridden.size),
      ...unpricedSummaryFields(countUnpriced(callSites)),
      ...(ranged
        ? {
            monthlyUsdCurrentRange: {
              low: round2(sum(counted.map((site) => site.monthlyUsdCurrentRange?.low ?? site.monthlyUsdCurrent ?? 0))),
              high: round2(sum(counted.map((site) => site.monthlyUsdCurrentRange?.high ?? site.monthlyUsdCurrent ?? 0))),
            },
          }
        : {}),
      ...(assumed > 0 ? { assumedModelCallSites: assumed } : {}),
    },
    catalog: { asOf: catalog.asOf, sources: catalog.sources },
    diagnostics,
  };
}

/** A call site with an advice's results; fields of an earlier pricing (range, model set, reason, totals decision) are replaced, not kept. */
function withAdvice(original: CallSite, advice: SiteAdvice, catalog: Catalog): CallSite {
  const site: CallSite = { ...original };
  // The totals decision depends on prices (a helper is left out only when a caller is priced, the most
  // expensive alternative is counted): decided again by priceCallSites for this pricing.
  delete site.inTotals;
  delete site.totalsNote;
  delete site.monthlyUsdCurrentRange;
  delete site.modelPricing;
  delete site.unpricedReason;
  delete site.unpricedKind;
  delete site.costNote;
  const out: CallSite = { ...site, options: advice.options, recommendation: advice.recommendation, monthlyUsdCurrent: advice.monthlyUsdCurrent };
  if (advice.monthlyUsdCurrentRange) out.monthlyUsdCurrentRange = advice.monthlyUsdCurrentRange;
  if (advice.modelPricing) out.modelPricing = advice.modelPricing;
  // A model priced over an assumed set (the deployment's or the end user's pick, or one the scan could
  // not trace) is an assumption here: say how to state the real one, at this place.
  if (advice.modelPricing?.assumed) out.modelPricing = { ...advice.modelPricing, basis: `${advice.modelPricing.basis}. ${setModelInstruction(site, advice.modelPricing.model)}` };
  if (advice.monthlyUsdCurrent === 0) out.costNote = zeroCostNote(original);
  if (advice.monthlyUsdCurrent === null) {
    const unpriced = advice.unpriced ?? { kind: 'not-priced' as const, reason: `not priced: ${advice.diagnostics[advice.diagnostics.length - 1] ?? 'no price for this call'}` };
    out.unpricedKind = unpriced.kind;
    out.unpricedReason = modelInstructionFits(unpriced.kind) ? `${unpriced.reason}. ${setModelInstruction(site, unpriced.exampleModel ?? exampleModelFor(catalog, site.provider, site.endpoint), unpriced.kind)}` : unpriced.reason;
  }
  return out;
}

/** Whether an unpriced call's reason ends with how to state its model: only when its model is what is missing. */
function modelInstructionFits(kind: UnpricedKind | undefined): boolean {
  return kind === 'model-unknown' || kind === 'model-not-in-catalog';
}

/** Why a priced call comes to exactly $0: a $0 is never shown without its reason. */
export function zeroCostNote(site: Pick<CallSite, 'volume' | 'tokens'>): string {
  if (site.volume.callsPerMonth === 0) return '0 calls/month';
  if (site.tokens.inputPerCall === 0 && site.tokens.outputPerCall === 0) return 'the request as written sends no text: 0 tokens per call';
  return 'the price per token is $0 in the catalog';
}

/** What the advisor reads of a call: what the code says (model, provider, endpoint, features) and what was estimated for it. */
function adviceInput(call: Pick<CallSite, 'model' | 'provider' | 'sdk' | 'runsOn' | 'endpoint' | 'features' | 'realtimeStep'>, task: TaskClassification, tokens: TokenEstimate, volume: VolumeEstimate): AdviceInput {
  return { model: call.model, provider: call.provider, sdk: call.sdk, ...(call.runsOn ? { runsOn: call.runsOn } : {}), endpoint: call.endpoint, task, tokens, volume, features: call.features, ...(call.realtimeStep ? { realtimeSession: true } : {}) };
}

/** What the summary says about volumes: how many call sites run on the built-in default, and on what-ifs. */
function volumeAssumption(notOverridden: readonly CallSite[], total: number, whatIfVolumes: number): string {
  const defaults = notOverridden.filter((site) => site.volume.source === 'default');
  const whatIf = whatIfVolumes === 0 ? '' : `; ${whatIfVolumes} of ${total} call sites use what-if volumes (not saved)`;
  if (defaults.length === 0) return `every call site has a volume from an annotation, the usage file or a setting${whatIf ? ', or a what-if' : ''}${whatIf}`;
  return `${defaults.length} of ${total} call sites use the built-in default of ${formatCount(defaults[0].volume.callsPerMonth)} calls/month (an assumption: set real volumes in ${USAGE_FILE_NAME})${whatIf}`;
}

/**
 * The schema's view of the advisor's workspace result, field by field: a change to the advisor's
 * own types does not reach the published JSON unless it is mapped here.
 */
export function publishedWorkspace(advice: WorkspaceAdvice): WorkspaceAdviceSummary {
  const pool = advice.selfHost;
  return {
    selfHost: pool && {
      model: pool.model,
      style: pool.style,
      callSiteIds: pool.callSiteIds,
      callsPerMonth: pool.callsPerMonth,
      apiSpendCurrent: pool.apiSpendCurrent,
      apiSpendBestApi: pool.apiSpendBestApi,
      gpuMonthlyUsd: pool.gpuMonthlyUsd,
      gpuMonthlyUsdReserved: pool.gpuMonthlyUsdReserved,
      fixedMonthlyUsd: pool.fixedMonthlyUsd,
      totalMonthlyUsd: pool.totalMonthlyUsd,
      netSavingsVsCurrent: pool.netSavingsVsCurrent,
      netSavingsVsBestApi: pool.netSavingsVsBestApi,
      recommended: pool.recommended,
      sizing: pool.sizing,
      derivation: pool.derivation,
    },
    breakEven: {
      monthlyApiSpendUsd: advice.breakEven.monthlyApiSpendUsd,
      ...('atScaleMonthlyApiSpendUsd' in advice.breakEven ? { atScaleMonthlyApiSpendUsd: advice.breakEven.atScaleMonthlyApiSpendUsd } : {}),
      gpuUsdPerApiUsd: advice.breakEven.gpuUsdPerApiUsd,
      ...('openApiMonthlySpendUsd' in advice.breakEven ? { openApiMonthlySpendUsd: advice.breakEven.openApiMonthlySpendUsd, gpuUsdPerOpenApiUsd: advice.breakEven.gpuUsdPerOpenApiUsd } : {}),
      derivation: advice.breakEven.derivation,
    },
    stage: { ...(advice.stage.decision ? { decision: advice.stage.decision } : {}), label: advice.stage.label, derivation: advice.stage.derivation },
    monthlyUsdRecommended: advice.monthlyUsdRecommended,
  };
}

/**
 * Turns what the analyzers found into priced call sites: stable id, annotation, task, tokens,
 * volume and every hosting option. Pure over its inputs; no I/O beyond the tokenizer's rank files.
 */
export function enrichCalls(calls: DetectedCall[], options: EnrichOptions = {}): PricedCallSites {
  const catalog = options.catalog ?? loadCatalog();
  const diagnostics: Diagnostic[] = [];
  const ids = stableIds(calls);
  const cache = options.cache?.begin(catalog, options);
  const advice = new AdviceMemo(catalog, options.advisorOptions);
  const pricedCalls: PricedCall[] = [];
  const callSites = calls.map((call, index) => {
    // A parsed copy, not a mutation: the call may belong to a cached file analysis that the next
    // scan reads again, and its annotation errors must be reported on every scan.
    let annotated = call;
    const comment = call.annotationComment;
    if (comment && !call.annotation) {
      const parsed = parseAnnotation(comment.text, comment.line);
      for (const error of parsed.errors) diagnostics.push({ file: call.file, line: comment.line, message: `llm-advisor comment: ${error}`, severity: 'warning' });
      if (parsed.annotation) annotated = { ...call, annotation: parsed.annotation };
    }
    const id = ids[index];
    const callKey = { id, file: call.file, enclosingFunction: call.enclosingFunction, annotation: annotated.annotation };
    // A model the user states (comment, usage file) replaces the code's: it is what the user knows the call sends.
    const stated = resolveStatedModel(callKey, options.usage);
    if (stated) annotated = { ...annotated, model: statedModel(annotated.model, stated), evidence: [...annotated.evidence, statedModelEvidence(annotated.model, stated)] };
    // The usage file can set task, hole sizes and volume per call id, function, file glob or as defaults.
    const usageSettings = resolveUsageSettings(callKey, options.usage);
    const volume = resolveVolume(callKey, options.usage, { defaultCallsPerMonth: options.defaultCallsPerMonth });
    const priced = cache ? cache.priced(annotated, usageSettings, volume, () => priceCall(annotated, usageSettings, volume, advice)) : priceCall(annotated, usageSettings, volume, advice);
    pricedCalls.push(priced);
    const preview = promptPreview(call);
    const site: CallSite = {
      id,
      file: call.file,
      line: call.line,
      column: call.column,
      endLine: call.endLine,
      endColumn: call.endColumn,
      provider: call.provider,
      sdk: call.sdk,
      ...(call.runsOn ? { runsOn: call.runsOn } : {}),
      method: call.method,
      endpoint: call.endpoint,
      model: annotated.model,
      task: priced.task,
      tokens: priced.tokens,
      features: call.features,
      volume,
      // Filled in by priceCallSites below (listed here to keep the published key order).
      options: [],
      recommendation: null,
      monthlyUsdCurrent: null,
      enclosingFunction: call.enclosingFunction,
      // Evidence quotes source text (a baseURL with its password, a key next to a model): redacted like the preview.
      evidence: annotated.evidence.map(redactCredentials),
      // Absent rather than undefined (as the token estimate's reasoning tokens): a stored result read back is the same object.
      ...(preview !== undefined ? { promptPreview: preview } : {}),
      ...trafficFieldsOf(call),
    };
    return site;
  });
  // Sites whose volume a usage export replaced are advised again by the pipeline; the others keep
  // the advice priced above. Such a scan's workspace advice is never reused.
  const measured = options.usageExport ? applyUsageExport(options.usageExport, callSites, catalog, diagnostics) : new Set<string>();
  const priced = priceCallSites(callSites, {
    catalog,
    advisorOptions: options.advisorOptions,
    knownAdvice: (site, index) => (measured.has(site.id) ? undefined : pricedCalls[index].advice),
    reuseWorkspace: cache && !options.usageExport ? (advise) => cache.workspace(ids, advise) : undefined,
  });
  cache?.end();
  return { ...priced, diagnostics: [...diagnostics, ...priced.diagnostics] };
}

/** What enrichment works out for one call from its text, usage settings and volume: none of it depends on where the call sits in the file. */
interface PricedCall {
  task: TaskClassification;
  tokens: TokenEstimate;
  /** The advisor's result at the call's resolved volume; its warnings carry no position (the call's current line is added per scan). */
  readonly advice: SiteAdvice;
}

type UsageSettings = ReturnType<typeof resolveUsageSettings>;

function priceCall(call: DetectedCall, usageSettings: UsageSettings, volume: VolumeEstimate, memo: AdviceMemo): PricedCall {
  const inferred = classifyTask(call, 0);
  const task: TaskClassification = usageSettings.task && !call.annotation?.task
    ? { type: usageSettings.task.type, confidence: 1, reasons: [`${USAGE_FILE_NAME} ${usageSettings.task.label} sets task=${usageSettings.task.type}`], source: 'usage-file' }
    : inferred;
  const holeTokens = { ...usageSettings.holeTokens, ...(call.annotation?.holeTokens ?? {}) };
  let tokens = estimateTokens(call, task.type, { holeTokens });
  // Input size can change the task (100K+ tokens is long-context), so classify again with the count.
  const reclassified = (task.source === 'inferred' || task.source === undefined) && tokens.inputPerCall >= LONG_CONTEXT_MIN_INPUT_TOKENS ? classifyTask(call, tokens.inputPerCall) : task;
  if (reclassified.type !== task.type) tokens = estimateTokens(call, reclassified.type, { holeTokens });
  // Advised on first use: a call whose volume a usage export replaces is advised only at the new volume (by priceCallSites).
  let advice: SiteAdvice | undefined;
  return {
    task: reclassified,
    tokens,
    get advice() {
      advice ??= memo.advise(adviceInput(call, reclassified, tokens, volume));
      return advice;
    },
  };
}

/**
 * Advice per distinct advice input, for one enrichment: adviseSite is pure over its input, the catalog
 * and the advisor options, and real code repeats calls that send the same model the same way with the
 * same task, tokens, volume and features (midday: 75 call sites, 57 distinct inputs; each advice weighs
 * every hosting option, ~2-4 ms). Equal inputs (by canonical JSON) get the same advice object, as the
 * EnrichmentCache already hands out; an input holding a number JSON cannot write (NaN, ±Infinity) is
 * advised every time. Unit-tested against adviseSite.
 */
export class AdviceMemo {
  private readonly known = new Map<string, SiteAdvice>();

  constructor(
    private readonly catalog: Catalog,
    private readonly options: AdvisorOptions | undefined,
  ) {}

  advise(input: AdviceInput): SiteAdvice {
    if (!jsonWritesExactly(input)) return adviseSite(input, this.catalog, this.options);
    const key = canonicalJson(input);
    let advice = this.known.get(key);
    if (!advice) this.known.set(key, (advice = adviseSite(input, this.catalog, this.options)));
    return advice;
  }
}

/**
 * Whether JSON tells a value apart from every other value (of the plain data a call holds): NaN and
 * ±Infinity all become null and -0 becomes 0; an undefined array element becomes null; functions and
 * symbols are left out. An object member that is undefined is left out too, which the advisor reads as
 * absent anyway.
 */
export function jsonWritesExactly(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return false;
  if (Array.isArray(value)) return value.every((element) => element !== undefined && jsonWritesExactly(element));
  if (value && typeof value === 'object') return Object.values(value).every(jsonWritesExactly);
  return true;
}

/** The model reference for a model the user states; the code's own reference goes to the evidence. */
function statedModel(code: ModelRef, stated: StatedModel): ModelRef {
  return { id: stated.id, raw: code.raw, source: stated.source };
}

function statedModelEvidence(code: ModelRef, stated: StatedModel): string {
  const written = code.id ?? (code.raw ? `\`${writtenModel(code.raw)}\`` : 'nothing the analyzer could read');
  return `model ${stated.id} set by the ${stated.where} (the code passes ${written}, source ${code.source})`;
}

/**
 * Pricing kept between scans of one workspace, so an edit re-prices only the calls it changed:
 * classifying, counting tokens and weighing every hosting option is most of a re-scan's time
 * once the per-file analyses come from the ScanCache. An entry is keyed by everything that feeds
 * it (the call without its position and evidence, the usage settings and volume resolved for it); the catalog
 * and advisor options are the same for every entry, and a change of either empties the cache. The
 * catalog is compared by content (catalogContentKey: as-of date and its rows, price
 * overrides included), not by identity, so refreshed prices are never served from an older catalog.
 * Results equal an uncached enrichment (unit-tested); entries not used by the last scan are dropped.
 */
export class EnrichmentCache {
  private catalogKey: string | undefined;
  private settingsKey: string | undefined;
  private entries = new Map<string, { priced: PricedCall; serial: number }>();
  private used = new Map<string, { priced: PricedCall; serial: number }>();
  private nextSerial = 0;
  /** The entry serial of each call priced since begin(), in order: with the ids, what the workspace advice depends on. */
  private serialsInScan: number[] = [];
  private lastWorkspace: { key: string; advice: WorkspaceAdvice } | undefined;

  /** Starts one enrichment; forgets everything priced under another catalog or other advisor options. */
  begin(catalog: Catalog, options: EnrichOptions): this {
    const catalogKey = catalogContentKey(catalog);
    const settingsKey = canonicalJson({ advisorOptions: options.advisorOptions ?? {}, defaultCallsPerMonth: options.defaultCallsPerMonth ?? null });
    if (catalogKey !== this.catalogKey || settingsKey !== this.settingsKey) this.clear();
    this.catalogKey = catalogKey;
    this.settingsKey = settingsKey;
    this.used = new Map();
    this.serialsInScan = [];
    return this;
  }

  priced(call: DetectedCall, usageSettings: UsageSettings, volume: VolumeEstimate, price: () => PricedCall): PricedCall {
    const key = `${this.callKey(call)}\u0000${canonicalJson({ usageSettings, volume })}`;
    const entry = this.used.get(key) ?? this.entries.get(key) ?? { priced: price(), serial: this.nextSerial++ };
    this.used.set(key, entry);
    this.serialsInScan.push(entry.serial);
    return entry.priced;
  }

  /**
   * A call's part of its key, kept per call object: the calls of a file the ScanCache hands out again are the same
   * objects scan after scan, never edited (a step that changes a call puts a new object in its place), and writing
   * each one's JSON again was most of the cost of pricing a re-scan.
   */
  private readonly callKeys = new WeakMap<DetectedCall, string>();

  private callKey(call: DetectedCall): string {
    let key = this.callKeys.get(call);
    if (key === undefined) {
      // Positions and the evidence text (which names lines) change with any edit above a call and feed no price;
      // nor does the line of the helper a wrapper-caller goes through (an edit above the helper moved every caller's key).
      const withoutLine = (helper: { file: string; line: number; function: string }) => ({ ...helper, line: undefined });
      const via = call.via && { ...withoutLine(call.via), alternatives: call.via.alternatives?.map(withoutLine), through: call.via.through?.map(withoutLine) };
      this.callKeys.set(call, (key = canonicalJson({ ...call, line: undefined, column: undefined, endLine: undefined, endColumn: undefined, evidence: undefined, via })));
    }
    return key;
  }

  /** The workspace advice, reused when every call site has the same id and pricing as last time. */
  workspace(ids: readonly string[], advise: () => WorkspaceAdvice): WorkspaceAdvice {
    const key = ids.map((id, index) => `${id}\u0000${this.serialsInScan[index]}`).join('\u0001');
    if (this.lastWorkspace?.key !== key) this.lastWorkspace = { key, advice: advise() };
    return this.lastWorkspace.advice;
  }

  /** Ends one enrichment: only what it used is kept. */
  end(): void {
    this.entries = this.used;
    this.used = new Map();
    this.serialsInScan = [];
  }

  clear(): void {
    this.entries.clear();
    this.used.clear();
    this.serialsInScan = [];
    this.lastWorkspace = undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Measured traffic beats assumptions: call sites whose volume is only the default or the setting
 * take their share of the export's requests for their model (the pipeline then prices them
 * again). Explicit volumes (annotation, usage file) stay as the user wrote them. Returns the ids
 * whose volume changed.
 */
function applyUsageExport(usageExport: UsageExport, callSites: CallSite[], catalog: Catalog, diagnostics: Diagnostic[]): Set<string> {
  const keyOf = (model: string) => findModel(catalog, model)?.id ?? canonicalKey(model);
  const eligible = callSites.filter((site) => site.volume.source === 'default' || site.volume.source === 'setting');
  const { volumes, unmatched } = distributeUsage(usageExport, eligible.map((site) => ({ id: site.id, modelKey: site.model.id ? keyOf(site.model.id) : null, inputPerCall: site.tokens.inputPerCall, outputPerCall: site.tokens.outputPerCall })), keyOf);
  for (const error of usageExport.errors) diagnostics.push({ file: 'usage export', line: error.line, message: error.message, severity: 'warning' });
  if (unmatched.length > 0) diagnostics.push({ file: 'usage export', message: `traffic for ${unmatched.join(', ')} matches no call site whose volume is not already set (other code, other services, or explicit volumes)`, severity: 'warning' });
  const changed = new Set<string>();
  for (const site of callSites) {
    const volume = volumes.get(site.id);
    if (!volume) continue;
    site.volume = volume;
    changed.add(site.id);
  }
  return changed;
}

/**
 * Ids that survive edits above the call: file, enclosing function and method, with an ordinal
 * only when the same triple appears more than once in a file.
 */
export function stableIds(calls: DetectedCall[]): string[] {
  const counts = new Map<string, number>();
  const bases = calls.map((call) => `${call.file}#${call.enclosingFunction ?? '<top>'}:${call.method}`);
  for (const base of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  const seen = new Map<string, number>();
  return bases.map((base) => {
    if (counts.get(base) === 1) return base;
    const ordinal = (seen.get(base) ?? 0) + 1;
    seen.set(base, ordinal);
    return `${base}#${ordinal}`;
  });
}

/** The call's kind, helper, production, alternative, realtime-step, continuation and relay fields, only where set (a plain SDK call's JSON stays as it was). */
function trafficFieldsOf(call: DetectedCall): Partial<CallSite> {
  const fields: Partial<CallSite> = {};
  if (call.kind !== undefined) fields.kind = call.kind;
  if (call.via !== undefined) fields.via = call.via;
  if (call.production !== undefined) fields.production = call.production;
  if (call.nonProductionReason !== undefined) fields.nonProductionReason = call.nonProductionReason;
  if (call.alternativeGroup !== undefined) fields.alternativeGroup = call.alternativeGroup;
  if (call.realtimeStep !== undefined) fields.realtimeStep = call.realtimeStep;
  if (call.continuesCutOffAnswer !== undefined) fields.continuesCutOffAnswer = call.continuesCutOffAnswer;
  if (call.relays !== undefined) fields.relays = call.relays;
  return fields;
}

function promptPreview(call: DetectedCall): string | undefined {
  const message = call.messages.find((m) => m.role === 'system' || m.role === 'developer') ?? call.messages[0];
  if (!message) return undefined;
  const text = redactCredentials(message.text).replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
