import { adviseCall, adviseWorkspace, type AdvisorOptions, type WorkspaceAdvice } from './advisor';
import { parseAnnotation } from './annotations';
import { canonicalKey, findModel, loadCatalog, type Catalog } from './catalog';
import { classifyTask } from './task';
import { estimateTokens } from './tokens';
import type { CallSite, DetectedCall, Diagnostic, TaskClassification } from './types';
import { resolveUsageSettings, resolveVolume, type UsageFile } from './usage';
import { distributeUsage, type UsageExport } from './usageExport';

export interface EnrichOptions {
  defaultCallsPerMonth?: number;
  advisorOptions?: AdvisorOptions;
  usage?: UsageFile;
  /** A provider usage export: real monthly requests per model, spread over the call sites using it. */
  usageExport?: UsageExport;
  catalog?: Catalog;
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
  const callSites = calls.map((call, index) => {
    const comment = call.annotationComment;
    if (comment && !call.annotation) {
      const parsed = parseAnnotation(comment.text, comment.line);
      for (const error of parsed.errors) diagnostics.push({ file: call.file, line: comment.line, message: `llm-advisor comment: ${error}`, severity: 'warning' });
      if (parsed.annotation) call.annotation = parsed.annotation;
    }
    const id = ids[index];
    const callKey = { id, file: call.file, enclosingFunction: call.enclosingFunction, annotation: call.annotation };
    // The usage file can set task and hole sizes per call id, function, file glob or as defaults.
    const usageSettings = resolveUsageSettings(callKey, options.usage);
    const inferred = classifyTask(call, 0);
    const task: TaskClassification = usageSettings.task && !call.annotation?.task
      ? { type: usageSettings.task.type, confidence: 1, reasons: [`llm-usage.yml ${usageSettings.task.label} sets task=${usageSettings.task.type}`], source: 'usage-file' }
      : inferred;
    const holeTokens = { ...usageSettings.holeTokens, ...(call.annotation?.holeTokens ?? {}) };
    let tokens = estimateTokens(call, task.type, { holeTokens });
    // Input size can change the task (100K+ tokens is long-context), so classify again with the count.
    const reclassified = task.source === 'inferred' || task.source === undefined ? classifyTask(call, tokens.inputPerCall) : task;
    if (reclassified.type !== task.type) tokens = estimateTokens(call, reclassified.type, { holeTokens });
    const volume = resolveVolume(callKey, options.usage, { defaultCallsPerMonth: options.defaultCallsPerMonth });
    const advice = adviseCall({ model: call.model, provider: call.provider, endpoint: call.endpoint, task: reclassified, tokens, volume, features: call.features }, catalog, options.advisorOptions);
    for (const message of advice.diagnostics) diagnostics.push({ file: call.file, line: call.line, message, severity: 'warning' });
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
      task: reclassified,
      tokens,
      features: call.features,
      volume,
      options: advice.options,
      recommendation: advice.recommendation,
      monthlyUsdCurrent: advice.monthlyUsdCurrent,
      enclosingFunction: call.enclosingFunction,
      evidence: call.evidence,
      promptPreview: promptPreview(call),
    };
    return site;
  });
  if (options.usageExport) applyUsageExport(options.usageExport, calls, callSites, catalog, options, diagnostics);
  // Self-hosting carries fixed costs, so it is decided across the workspace: members of a pool that
  // pays get the pool's per-call share as their recommendation.
  const workspace = adviseWorkspace(callSites, catalog, options.advisorOptions);
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
  const text = message.text.replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
