import { adviseCall, adviseWorkspace, type AdvisorOptions, type WorkspaceAdvice } from './advisor';
import { parseAnnotation } from './annotations';
import { canonicalKey, findModel, loadCatalog, type Catalog } from './catalog';
import { classifyTask, LONG_CONTEXT_MIN_INPUT_TOKENS } from './task';
import { estimateTokens } from './tokens';
import type { CallSite, DetectedCall, Diagnostic, TaskClassification, TokenEstimate, VolumeEstimate } from './types';
import { resolveUsageSettings, resolveVolume, type UsageFile } from './usage';
import { distributeUsage, type UsageExport } from './usageExport';
import { redactCredentials } from './redact';

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

let bundledCatalog: Catalog | undefined;

/** The bundled catalog, loaded once per process. */
export function getCatalog(): Catalog {
  bundledCatalog ??= loadCatalog();
  return bundledCatalog;
}

/**
 * Turns what the analyzers found into priced call sites: stable id, annotation, task, tokens,
 * volume and every hosting option. Pure over its inputs; no I/O beyond the tokenizer's rank files.
 */
export function enrichCalls(calls: DetectedCall[], options: EnrichOptions = {}): { callSites: CallSite[]; diagnostics: Diagnostic[]; catalog: { asOf: string; sources?: string[] }; volumeAssumption: string; workspace: WorkspaceAdvice } {
  const catalog = options.catalog ?? getCatalog();
  const diagnostics: Diagnostic[] = [];
  const ids = stableIds(calls);
  const cache = options.cache?.begin(catalog, options);
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
    // The usage file can set task, hole sizes and volume per call id, function, file glob or as defaults.
    const usageSettings = resolveUsageSettings(callKey, options.usage);
    const volume = resolveVolume(callKey, options.usage, { defaultCallsPerMonth: options.defaultCallsPerMonth });
    const priced = cache ? cache.priced(annotated, usageSettings, volume, () => priceCall(annotated, usageSettings, volume, catalog, options.advisorOptions)) : priceCall(annotated, usageSettings, volume, catalog, options.advisorOptions);
    for (const message of priced.diagnostics) diagnostics.push({ file: call.file, line: call.line, message, severity: 'warning' });
    const site: CallSite = {
      id,
      file: call.file,
      line: call.line,
      column: call.column,
      endLine: call.endLine,
      endColumn: call.endColumn,
      provider: call.provider,
      sdk: call.sdk,
      method: call.method,
      endpoint: call.endpoint,
      model: call.model,
      task: priced.task,
      tokens: priced.tokens,
      features: call.features,
      volume,
      options: priced.options,
      recommendation: priced.recommendation,
      monthlyUsdCurrent: priced.monthlyUsdCurrent,
      enclosingFunction: call.enclosingFunction,
      evidence: call.evidence,
      promptPreview: promptPreview(call),
    };
    return site;
  });
  if (options.usageExport) applyUsageExport(options.usageExport, calls, callSites, catalog, options, diagnostics);
  // Self-hosting carries fixed costs, so it is decided across the workspace: members of a pool that
  // pays get the pool's per-call share as their recommendation.
  // A usage export re-prices sites after the per-call pricing, so its workspace advice is never reused.
  const workspace = cache && !options.usageExport ? cache.workspace(ids, () => adviseWorkspace(callSites, catalog, options.advisorOptions)) : adviseWorkspace(callSites, catalog, options.advisorOptions);
  cache?.end();
  for (const site of callSites) {
    const pooled = workspace.recommendations[site.id];
    if (pooled) site.recommendation = pooled;
  }
  for (const message of workspace.diagnostics) diagnostics.push({ file: '.', message, severity: 'warning' });
  const defaultVolumes = callSites.filter((site) => site.volume.source === 'default');
  const volumeAssumption = defaultVolumes.length === 0
    ? 'every call site has a volume from an annotation, the usage file or a setting'
    : `${defaultVolumes.length} of ${callSites.length} call sites use the built-in default of ${defaultVolumes[0].volume.callsPerMonth.toLocaleString('en-US')} calls/month (an assumption: set real volumes in llm-usage.yml)`;
  return { callSites, diagnostics, catalog: { asOf: catalog.asOf, sources: catalog.sources }, volumeAssumption, workspace };
}

/** What enrichment works out for one call from its text, usage settings and volume: none of it depends on where the call sits in the file. */
interface PricedCall {
  task: TaskClassification;
  tokens: TokenEstimate;
  options: CallSite['options'];
  recommendation: CallSite['recommendation'];
  monthlyUsdCurrent: CallSite['monthlyUsdCurrent'];
  /** The advisor's warnings, without a position (the call's current line is added per scan). */
  diagnostics: string[];
}

type UsageSettings = ReturnType<typeof resolveUsageSettings>;

function priceCall(call: DetectedCall, usageSettings: UsageSettings, volume: VolumeEstimate, catalog: Catalog, advisorOptions: AdvisorOptions | undefined): PricedCall {
  const inferred = classifyTask(call, 0);
  const task: TaskClassification = usageSettings.task && !call.annotation?.task
    ? { type: usageSettings.task.type, confidence: 1, reasons: [`llm-usage.yml ${usageSettings.task.label} sets task=${usageSettings.task.type}`], source: 'usage-file' }
    : inferred;
  const holeTokens = { ...usageSettings.holeTokens, ...(call.annotation?.holeTokens ?? {}) };
  let tokens = estimateTokens(call, task.type, { holeTokens });
  // Input size can change the task (100K+ tokens is long-context), so classify again with the count.
  const reclassified = (task.source === 'inferred' || task.source === undefined) && tokens.inputPerCall >= LONG_CONTEXT_MIN_INPUT_TOKENS ? classifyTask(call, tokens.inputPerCall) : task;
  if (reclassified.type !== task.type) tokens = estimateTokens(call, reclassified.type, { holeTokens });
  const advice = adviseCall({ model: call.model, provider: call.provider, endpoint: call.endpoint, task: reclassified, tokens, volume, features: call.features }, catalog, advisorOptions);
  return { task: reclassified, tokens, options: advice.options, recommendation: advice.recommendation, monthlyUsdCurrent: advice.monthlyUsdCurrent, diagnostics: advice.diagnostics };
}

/**
 * Pricing kept between scans of one workspace, so an edit re-prices only the calls it changed:
 * classifying, counting tokens and weighing every hosting option is most of a re-scan's time
 * once the per-file analyses come from the ScanCache. An entry is keyed by everything that feeds
 * it (the call without its position and evidence, the usage settings and volume resolved for it); the catalog
 * and advisor options are the same for every entry, and a change of either empties the cache.
 * Results equal an uncached enrichment (unit-tested); entries not used by the last scan are dropped.
 */
export class EnrichmentCache {
  private catalog: Catalog | undefined;
  private settingsKey: string | undefined;
  private entries = new Map<string, { priced: PricedCall; serial: number }>();
  private used = new Map<string, { priced: PricedCall; serial: number }>();
  private nextSerial = 0;
  /** The entry serial of each call priced since begin(), in order: with the ids, what the workspace advice depends on. */
  private serialsInScan: number[] = [];
  private lastWorkspace: { key: string; advice: WorkspaceAdvice } | undefined;

  /** Starts one enrichment; forgets everything priced under another catalog or other advisor options. */
  begin(catalog: Catalog, options: EnrichOptions): this {
    const settingsKey = canonicalJson({ advisorOptions: options.advisorOptions ?? {}, defaultCallsPerMonth: options.defaultCallsPerMonth ?? null });
    if (catalog !== this.catalog || settingsKey !== this.settingsKey) this.clear();
    this.catalog = catalog;
    this.settingsKey = settingsKey;
    this.used = new Map();
    this.serialsInScan = [];
    return this;
  }

  priced(call: DetectedCall, usageSettings: UsageSettings, volume: VolumeEstimate, price: () => PricedCall): PricedCall {
    // Positions and the evidence text (which names lines) change with any edit above a call and feed no price.
    const positionFree = { ...call, line: undefined, column: undefined, endLine: undefined, endColumn: undefined, evidence: undefined };
    const key = canonicalJson({ call: positionFree, usageSettings, volume });
    const entry = this.used.get(key) ?? this.entries.get(key) ?? { priced: price(), serial: this.nextSerial++ };
    this.used.set(key, entry);
    this.serialsInScan.push(entry.serial);
    return entry.priced;
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

/** JSON with object keys sorted, so equal values give equal keys whatever order they were built in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) =>
    nested && typeof nested === 'object' && !Array.isArray(nested) ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : nested,
  );
}

/**
 * Measured traffic beats assumptions: call sites whose volume is only the default or the setting
 * take their share of the export's requests for their model, and are priced again. Explicit
 * volumes (annotation, usage file) stay as the user wrote them.
 */
function applyUsageExport(usageExport: UsageExport, calls: DetectedCall[], callSites: CallSite[], catalog: Catalog, options: EnrichOptions, diagnostics: Diagnostic[]): void {
  const keyOf = (model: string) => findModel(catalog, model)?.id ?? canonicalKey(model);
  const eligible = callSites.filter((site) => site.volume.source === 'default' || site.volume.source === 'setting');
  const { volumes, unmatched } = distributeUsage(usageExport, eligible.map((site) => ({ id: site.id, modelKey: site.model.id ? keyOf(site.model.id) : null, inputPerCall: site.tokens.inputPerCall, outputPerCall: site.tokens.outputPerCall })), keyOf);
  for (const error of usageExport.errors) diagnostics.push({ file: 'usage export', line: error.line, message: error.message, severity: 'warning' });
  if (unmatched.length > 0) diagnostics.push({ file: 'usage export', message: `traffic for ${unmatched.join(', ')} matches no call site whose volume is not already set (other code, other services, or explicit volumes)`, severity: 'warning' });
  callSites.forEach((site, index) => {
    const volume = volumes.get(site.id);
    if (!volume) return;
    site.volume = volume;
    const call = calls[index];
    const advice = adviseCall({ model: call.model, provider: call.provider, endpoint: call.endpoint, task: site.task, tokens: site.tokens, volume, features: call.features }, catalog, options.advisorOptions);
    site.options = advice.options;
    site.recommendation = advice.recommendation;
    site.monthlyUsdCurrent = advice.monthlyUsdCurrent;
  });
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

function promptPreview(call: DetectedCall): string | undefined {
  const message = call.messages.find((m) => m.role === 'system' || m.role === 'developer') ?? call.messages[0];
  if (!message) return undefined;
  const text = redactCredentials(message.text).replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
