/**
 * `npm run eval:real -- <out-dir> [--bin <llm-hosting-advisor.js>] [--json <file>] [--repo <owner/name>]... [--verbose]`
 *
 * Measures the product on the real-world corpus: for each label file in eval/real-world/labels, scans the
 * checkout `<out-dir>/<owner>__<name>` (made by `npm run corpus:checkout`) with the CLI's JSON output and
 * compares the call sites with what a person wrote down by reading the code (eval/real-world/README.md).
 * It measures and never judges: the exit code is 0 however low the figures are, 2 on bad arguments or a
 * missing labels folder. A scan that fails or times out counts as a failed repository, its labels as missed.
 *
 * Matching: a labeled request (or near-miss) matches a reported position when the file is the same and the
 * labeled line lies within the position's line..endLine or within ±2 lines of its line. Positions are every
 * call site and every `{file, line}` object nested in one (`callers[]`, and fields added later such as `via`),
 * so a wrapper caller is found whether the product reports it as its own site or as a caller of the helper.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

// ---------------------------------------------------------------------------------------------------------
// Labels (eval/real-world/README.md) and the parts of the scan result (src/core/types.ts) we read. The
// result is read loosely on purpose: fields are added to schema version 1 over time, and the eval should
// credit them (model candidates, price ranges, multiStep, wrapper-caller sites) without a code change here.

export type RequestKind = 'sdk' | 'http' | 'wrapper-caller' | 'local';
export const FEATURES = ['tools', 'images', 'structuredOutput', 'streaming', 'multiStep'] as const;
export type LabelFeature = (typeof FEATURES)[number];
/** The product's name for each labeled feature. */
const TOOL_FEATURE: Record<LabelFeature, string> = { tools: 'tools', images: 'vision', structuredOutput: 'structuredOutput', streaming: 'streaming', multiStep: 'multiStep' };

export interface LabeledModel {
  id: string;
  source?: string;
  where?: string;
}

export interface LabeledRequest {
  id: string;
  file: string;
  line: number;
  kind: RequestKind;
  via?: { file: string; line: number };
  helperOnly?: boolean;
  provider?: string;
  models: LabeledModel[];
  modelStated: boolean;
  task: string;
  acceptableTasks?: string[];
  taskWords?: string;
  features?: Partial<Record<LabelFeature, boolean>>;
  production?: boolean;
  tags?: string[];
}

export interface LabeledNearMiss {
  file: string;
  line: number;
  why: string;
}

export interface LabelFile {
  repo: string;
  commit: string;
  labeledAt?: string;
  scope?: string;
  complete?: boolean;
  requests: LabeledRequest[];
  nearMisses?: LabeledNearMiss[];
  notes?: string;
}

/** A call site as the JSON result carries it; only the fields the eval reads are named. */
export interface ToolSite {
  file: string;
  line: number;
  endLine?: number;
  method?: string;
  provider?: string;
  model?: { id?: string | null; raw?: string; source?: string; candidates?: unknown[]; [key: string]: unknown } | null;
  task?: { type?: string } | null;
  features?: Record<string, unknown> | null;
  monthlyUsdCurrent?: unknown;
  recommendation?: unknown;
  callers?: Array<{ file: string; line: number }>;
  [key: string]: unknown;
}

export interface ToolResult {
  callSites: ToolSite[];
  diagnostics?: Array<{ file: string; line?: number; message: string }>;
}

// ---------------------------------------------------------------------------------------------------------
// Matching

export type PositionRole = 'site' | 'caller' | 'nested';

/** A place the product points at: a call site itself, or a `{file, line}` object inside one. */
export interface ReportedPosition {
  siteIndex: number;
  file: string;
  line: number;
  endLine?: number;
  role: PositionRole;
  /** Where in the call site object it was found, e.g. `callers[2]`. */
  path: string;
}

/** Lines either side of a reported line that still count as the same place. */
export const LINE_TOLERANCE = 2;
const NESTED_SEARCH_DEPTH = 5;
/** Call site fields that never hold code positions (hosting options, token maths): skipped for speed. */
const FIELDS_WITHOUT_POSITIONS = new Set(['options', 'tokens', 'evidence', 'volume', 'task', 'features', 'recommendation']);

export function normaliseFile(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '');
}

function isPosition(value: unknown): value is { file: string; line: number; endLine?: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { file?: unknown }).file === 'string' && typeof (value as { line?: unknown }).line === 'number';
}

/** Every position a call site offers: itself first, then nested `{file, line}` objects (callers, via, ...). */
export function positionsOf(site: ToolSite, siteIndex: number): ReportedPosition[] {
  const positions: ReportedPosition[] = [{ siteIndex, file: normaliseFile(site.file), line: site.line, endLine: typeof site.endLine === 'number' ? site.endLine : undefined, role: 'site', path: '' }];
  const walk = (value: unknown, where: string, depth: number): void => {
    if (depth > NESTED_SEARCH_DEPTH || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${where}[${index}]`, depth + 1));
      return;
    }
    if (isPosition(value)) {
      positions.push({ siteIndex, file: normaliseFile(value.file), line: value.line, endLine: typeof value.endLine === 'number' ? value.endLine : undefined, role: where.startsWith('callers') ? 'caller' : 'nested', path: where });
    }
    for (const [key, child] of Object.entries(value)) walk(child, where ? `${where}.${key}` : key, depth + 1);
  };
  for (const [key, child] of Object.entries(site)) {
    if (!FIELDS_WITHOUT_POSITIONS.has(key)) walk(child, key, 1);
  }
  return positions;
}

/** Same file, and the line within the reported span or within ±LINE_TOLERANCE of its first line. */
export function positionCovers(position: Pick<ReportedPosition, 'file' | 'line' | 'endLine'>, file: string, line: number): boolean {
  if (normaliseFile(position.file) !== normaliseFile(file)) return false;
  if (position.endLine !== undefined && position.endLine >= position.line && line >= position.line && line <= position.endLine) return true;
  return Math.abs(line - position.line) <= LINE_TOLERANCE;
}

const ROLE_RANK: Record<PositionRole, number> = { site: 0, caller: 1, nested: 2 };

/** The best position for a labeled place: call sites before callers before other nested positions, then the nearest start line. */
export function bestPosition(positions: readonly ReportedPosition[], file: string, line: number): ReportedPosition | null {
  let best: ReportedPosition | null = null;
  for (const position of positions) {
    if (!positionCovers(position, file, line)) continue;
    if (!best || ROLE_RANK[position.role] < ROLE_RANK[best.role] || (ROLE_RANK[position.role] === ROLE_RANK[best.role] && Math.abs(position.line - line) < Math.abs(best.line - line))) best = position;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------
// Model ids

/**
 * A model id reduced to what names the model: lowercase, without a `provider/` path or `provider:` prefix,
 * a Bedrock vendor prefix and version suffix, a date suffix (`-2024-08-06`, `-20241022`, `@20240620`) or
 * `-latest`.
 */
export function normaliseModelId(id: string): string {
  let text = id.trim().toLowerCase();
  // `openai:gpt-4o`, `ollama:llama3:8b`; not `...-v1:0` or `llama3:8b` (a digit after the colon is a tag or version).
  text = text.replace(/^[a-z][a-z0-9_.-]*:(?=[^\d])/, '');
  text = text.slice(text.lastIndexOf('/') + 1);
  text = text.replace(/^((us|eu|apac|global)\.)?(anthropic|meta|amazon|cohere|mistral|ai21|deepseek|qwen|openai)\./, '');
  text = text.replace(/-v\d+:\d+$/, '');
  for (let changed = true; changed; ) {
    const before = text;
    text = text.replace(/@(\d{8}|latest)$/, '').replace(/-latest$/, '').replace(/-\d{4}-\d{2}-\d{2}$/, '').replace(/-\d{8}$/, '');
    changed = text !== before;
  }
  return text;
}

/** The model ids a call site reports, primary first: `model.id`, then any candidate list a later schema adds. */
export function reportedModelIds(site: ToolSite): string[] {
  const ids: string[] = [];
  const model = site.model;
  if (!model) return ids;
  if (typeof model.id === 'string' && model.id) ids.push(model.id);
  for (const key of ['candidates', 'alternatives', 'ids']) {
    const list = model[key];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const id = typeof entry === 'string' ? entry : typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string' ? (entry as { id: string }).id : null;
      if (id && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

export function modelVerdict(label: LabeledRequest, site: ToolSite): { first: boolean; any: boolean } {
  const reported = reportedModelIds(site).map(normaliseModelId);
  const labeled = label.models.map((model) => normaliseModelId(model.id));
  if (reported.length === 0 || labeled.length === 0) return { first: false, any: false };
  return { first: reported[0] === labeled[0], any: reported.some((id) => labeled.includes(id)) };
}

// ---------------------------------------------------------------------------------------------------------
// Prices

/** A positive monthly figure: a number, a `{low, high}` / `{min, max}` range or an array of figures. */
export function positiveMonthly(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0;
  if (Array.isArray(value)) return value.some(positiveMonthly);
  if (typeof value === 'object' && value !== null) {
    const range = value as Record<string, unknown>;
    return ['high', 'max', 'upper', 'low', 'min', 'lower', 'expected', 'mid'].some((key) => positiveMonthly(range[key]));
  }
  return false;
}

/**
 * Priced advice at the request's place: a model, a positive monthly cost (or range) and a recommendation.
 * The model is one the code names, or the one the price is for when the call is priced over a stated
 * assumed set (`modelPricing.model`: the end user or the deployment picks it, and the site says so).
 */
export function pricedAdvice(site: ToolSite): boolean {
  const monthly = site.monthlyUsdCurrent ?? site['monthlyUsdRange'];
  const pricing = site['modelPricing'] as { model?: unknown } | undefined;
  const pricedModel = typeof pricing?.model === 'string' && pricing.model !== '';
  return (reportedModelIds(site).length > 0 || pricedModel) && positiveMonthly(monthly) && site.recommendation !== null && site.recommendation !== undefined;
}

const SAYS_WHY_FIELDS = ['note', 'notes', 'unpricedReason', 'whyUnpriced', 'priceNote', 'costNote', 'unknownReason'];
const SAYS_WHY_MODEL_SOURCES = new Set(['user-choice', 'unknown']);

/** A call site shown at $0 (or without a figure) that nothing explains: no model source saying so, no note, no diagnostic at its lines. */
export function zeroWithoutWhy(site: ToolSite, diagnostics: ToolResult['diagnostics'] = []): boolean {
  const monthly = site.monthlyUsdCurrent;
  const zeroOrNull = monthly === null || monthly === undefined || monthly === 0;
  if (!zeroOrNull) return false;
  if (site.model && typeof site.model.source === 'string' && SAYS_WHY_MODEL_SOURCES.has(site.model.source)) return false;
  for (const field of SAYS_WHY_FIELDS) {
    const value = site[field] ?? (site.model ? site.model[field] : undefined);
    if ((typeof value === 'string' && value.trim()) || (Array.isArray(value) && value.some((item) => typeof item === 'string' && item.trim()))) return false;
  }
  const end = typeof site.endLine === 'number' ? site.endLine : site.line;
  return !(diagnostics ?? []).some((diagnostic) => typeof diagnostic.line === 'number' && normaliseFile(diagnostic.file) === normaliseFile(site.file) && diagnostic.line >= site.line - LINE_TOLERANCE && diagnostic.line <= end + LINE_TOLERANCE);
}

// ---------------------------------------------------------------------------------------------------------
// Evaluating one repository

export interface RequestOutcome {
  id: string;
  file: string;
  line: number;
  kind: RequestKind;
  production: boolean;
  matched: boolean;
  /** The matched call site: where it is, and what the product said. */
  site?: { index: number; file: string; line: number; endLine?: number; matchedBy: string; method?: string; modelId: string | null; taskType: string | null; monthlyUsdCurrent: unknown };
  model?: { first: boolean; any: boolean; reported: string[]; labeled: string[] };
  priced?: boolean;
  task?: { labeled: string; reported: string | null; right: boolean };
  provider?: { labeled: string; reported: string | null; right: boolean };
  features?: Array<{ feature: LabelFeature; labeled: boolean; reported: boolean; right: boolean }>;
  /** For a miss: call sites in the same file, nearest first. */
  nearby?: string[];
}

export interface Counts {
  requests: number;
  matched: number;
  productionRequests: number;
  productionMatched: number;
  directRequests: number;
  directMatched: number;
  wrapperRequests: number;
  wrapperMatched: number;
  nearMisses: number;
  nearMissesReported: number;
  callSites: number;
  unlabeledReports: number;
  modelStatedMatched: number;
  modelFirstRight: number;
  modelAnyRight: number;
  providerCompared: number;
  providerRight: number;
  pricedAtPlace: number;
  pricedAtPlaceProduction: number;
  taskCompared: number;
  taskRight: number;
  featureCompared: Record<LabelFeature, number>;
  featureRight: Record<LabelFeature, number>;
  zeroOrNullSites: number;
  zeroWithoutWhy: number;
}

export interface TaskPair {
  labeled: string;
  acceptable: string[];
  reported: string | null;
}

export interface RepoEvaluation {
  repo: string;
  status: 'scanned' | 'failed';
  error?: string;
  scanMs?: number;
  complete: boolean;
  counts: Counts;
  requests: RequestOutcome[];
  nearMissesReported: Array<{ file: string; line: number; why: string; site: string }>;
  unlabeledReports: string[];
  zeroWithoutWhy: string[];
  taskPairs: TaskPair[];
}

export function emptyCounts(): Counts {
  const perFeature = () => Object.fromEntries(FEATURES.map((feature) => [feature, 0])) as Record<LabelFeature, number>;
  return {
    requests: 0, matched: 0, productionRequests: 0, productionMatched: 0, directRequests: 0, directMatched: 0, wrapperRequests: 0, wrapperMatched: 0,
    nearMisses: 0, nearMissesReported: 0, callSites: 0, unlabeledReports: 0, modelStatedMatched: 0, modelFirstRight: 0, modelAnyRight: 0, providerCompared: 0, providerRight: 0,
    pricedAtPlace: 0, pricedAtPlaceProduction: 0, taskCompared: 0, taskRight: 0, featureCompared: perFeature(), featureRight: perFeature(), zeroOrNullSites: 0, zeroWithoutWhy: 0,
  };
}

export function addCounts(total: Counts, part: Counts): Counts {
  const sum = emptyCounts();
  for (const key of Object.keys(sum) as Array<keyof Counts>) {
    if (key === 'featureCompared' || key === 'featureRight') {
      for (const feature of FEATURES) sum[key][feature] = total[key][feature] + part[key][feature];
    } else {
      sum[key] = total[key] + part[key];
    }
  }
  return sum;
}

/** Labels name some providers by family: `self-hosted` is any server the team runs (LM Studio, vLLM, LocalAI, ...). */
const SELF_HOSTED_PROVIDERS = /^(self-hosted|lmstudio|vllm|llama\.?cpp|tgi|sglang|localai|koboldcpp|lemonade|text-generation-webui)$/;
/** Names of one company's serving: Google bills Gemini through AI Studio (`google`, `google-genai`) and Vertex alike. */
const PROVIDER_SPELLINGS: Readonly<Record<string, string>> = { 'vercel-ai-gateway': 'vercel-gateway', 'ai-gateway': 'vercel-gateway', bedrock: 'aws-bedrock', 'amazon-bedrock': 'aws-bedrock', azure: 'azure-openai', 'google-genai': 'google', 'google-vertex': 'google', vertex: 'google', vertexai: 'google', zhipu: 'zai', 'zhipu-ai': 'zai' };

/** Whether the product's provider is the one the label names (the same company or, for `self-hosted`, any own server). */
export function sameProvider(labeled: string, reported: string): boolean {
  const canonical = (provider: string) => PROVIDER_SPELLINGS[provider.toLowerCase()] ?? provider.toLowerCase();
  if (canonical(labeled) === canonical(reported)) return true;
  return canonical(labeled) === 'self-hosted' && SELF_HOSTED_PROVIDERS.test(canonical(reported));
}

function describeSite(site: ToolSite): string {
  const span = typeof site.endLine === 'number' && site.endLine !== site.line ? `${site.line}-${site.endLine}` : `${site.line}`;
  const model = reportedModelIds(site)[0] ?? (site.model?.raw ? `(${site.model.raw})` : '?');
  return `${normaliseFile(site.file)}:${span} ${site.method ?? '?'} ${model} ${site.task?.type ?? '?'}`;
}

function isDirect(kind: RequestKind): boolean {
  return kind !== 'wrapper-caller';
}

/** Counts the labels of a repository whose scan failed: every request is a miss. */
export function failedRepo(labels: LabelFile, error: string): RepoEvaluation {
  const counts = emptyCounts();
  const requests: RequestOutcome[] = labels.requests.map((label) => ({ id: label.id, file: label.file, line: label.line, kind: label.kind, production: label.production !== false, matched: false }));
  for (const label of labels.requests) {
    counts.requests++;
    if (label.production !== false) counts.productionRequests++;
    if (isDirect(label.kind)) counts.directRequests++;
    else counts.wrapperRequests++;
  }
  counts.nearMisses = labels.nearMisses?.length ?? 0;
  return { repo: labels.repo, status: 'failed', error, complete: labels.complete !== false, counts, requests, nearMissesReported: [], unlabeledReports: [], zeroWithoutWhy: [], taskPairs: [] };
}

/** Compares one repository's labels with the product's scan result. Pure: no files, no processes. */
export function evaluateRepo(labels: LabelFile, result: ToolResult): RepoEvaluation {
  const sites = result.callSites ?? [];
  const positions = sites.flatMap((site, index) => positionsOf(site, index));
  const counts = emptyCounts();
  counts.callSites = sites.length;
  const claimed = new Set<number>();
  const requests: RequestOutcome[] = [];
  const taskPairs: TaskPair[] = [];

  for (const label of labels.requests) {
    const production = label.production !== false;
    counts.requests++;
    if (production) counts.productionRequests++;
    if (isDirect(label.kind)) counts.directRequests++;
    else counts.wrapperRequests++;
    const position = bestPosition(positions, label.file, label.line);
    if (!position) {
      const nearby = sites
        .filter((site) => normaliseFile(site.file) === normaliseFile(label.file))
        .sort((a, b) => Math.abs(a.line - label.line) - Math.abs(b.line - label.line))
        .slice(0, 3)
        .map(describeSite);
      requests.push({ id: label.id, file: label.file, line: label.line, kind: label.kind, production, matched: false, nearby });
      continue;
    }
    claimed.add(position.siteIndex);
    const site = sites[position.siteIndex];
    counts.matched++;
    if (production) counts.productionMatched++;
    if (isDirect(label.kind)) counts.directMatched++;
    else counts.wrapperMatched++;

    const outcome: RequestOutcome = {
      id: label.id, file: label.file, line: label.line, kind: label.kind, production, matched: true,
      site: { index: position.siteIndex, file: normaliseFile(site.file), line: site.line, endLine: site.endLine, matchedBy: position.role === 'site' ? 'call site' : `${position.path} ${position.file}:${position.line}`, method: site.method, modelId: reportedModelIds(site)[0] ?? null, taskType: site.task?.type ?? null, monthlyUsdCurrent: site.monthlyUsdCurrent },
    };
    if (label.modelStated) {
      counts.modelStatedMatched++;
      const verdict = modelVerdict(label, site);
      if (verdict.first) counts.modelFirstRight++;
      if (verdict.any) counts.modelAnyRight++;
      outcome.model = { ...verdict, reported: reportedModelIds(site), labeled: label.models.map((model) => model.id) };
    }
    if (label.provider) {
      const reported = typeof site.provider === 'string' ? site.provider : null;
      const right = reported !== null && sameProvider(label.provider, reported);
      counts.providerCompared++;
      if (right) counts.providerRight++;
      outcome.provider = { labeled: label.provider, reported, right };
    }
    outcome.priced = pricedAdvice(site);
    if (outcome.priced) {
      counts.pricedAtPlace++;
      if (production) counts.pricedAtPlaceProduction++;
    }
    const reportedTask = typeof site.task?.type === 'string' ? site.task.type : null;
    const taskRight = reportedTask !== null && (reportedTask === label.task || (label.acceptableTasks ?? []).includes(reportedTask));
    counts.taskCompared++;
    if (taskRight) counts.taskRight++;
    outcome.task = { labeled: label.task, reported: reportedTask, right: taskRight };
    taskPairs.push({ labeled: label.task, acceptable: label.acceptableTasks ?? [], reported: reportedTask });

    outcome.features = [];
    for (const feature of FEATURES) {
      const labeled = label.features?.[feature];
      const reported = site.features?.[TOOL_FEATURE[feature]];
      if (typeof labeled !== 'boolean' || typeof reported !== 'boolean') continue;
      counts.featureCompared[feature]++;
      if (labeled === reported) counts.featureRight[feature]++;
      outcome.features.push({ feature, labeled, reported, right: labeled === reported });
    }
    requests.push(outcome);
  }

  const nearMissesReported: RepoEvaluation['nearMissesReported'] = [];
  const nearMissSites = new Set<number>();
  for (const nearMiss of labels.nearMisses ?? []) {
    counts.nearMisses++;
    // Only a call site (not a caller entry) counts as reporting a near-miss, and only one no label claimed.
    const hit = positions.find((position) => position.role === 'site' && !claimed.has(position.siteIndex) && positionCovers(position, nearMiss.file, nearMiss.line));
    if (!hit) continue;
    counts.nearMissesReported++;
    nearMissSites.add(hit.siteIndex);
    nearMissesReported.push({ file: nearMiss.file, line: nearMiss.line, why: nearMiss.why, site: describeSite(sites[hit.siteIndex]) });
  }

  const unlabeledReports: string[] = [];
  const zero: string[] = [];
  sites.forEach((site, index) => {
    if (!claimed.has(index) && !nearMissSites.has(index)) unlabeledReports.push(describeSite(site));
    const monthly = site.monthlyUsdCurrent;
    if (monthly === null || monthly === undefined || monthly === 0) counts.zeroOrNullSites++;
    if (zeroWithoutWhy(site, result.diagnostics)) zero.push(`${describeSite(site)} (model source ${site.model?.source ?? '?'}, monthly ${JSON.stringify(monthly ?? null)})`);
  });
  counts.unlabeledReports = unlabeledReports.length;
  counts.zeroWithoutWhy = zero.length;

  return { repo: labels.repo, status: 'scanned', complete: labels.complete !== false, counts, requests, nearMissesReported, unlabeledReports, zeroWithoutWhy: zero, taskPairs };
}

// ---------------------------------------------------------------------------------------------------------
// Task figures across requests

export interface TaskFigures {
  accuracy: { right: number; compared: number };
  /** Wrong answers, label → product, most frequent first. */
  confusion: Array<{ labeled: string; reported: string; count: number }>;
  /** Strict per-type figures (the acceptable alternatives do not count here). */
  perType: Array<{ type: string; support: number; predicted: number; correct: number; precision: number | null; recall: number | null }>;
}

export function taskFigures(pairs: readonly TaskPair[]): TaskFigures {
  const right = pairs.filter((pair) => pair.reported !== null && (pair.reported === pair.labeled || pair.acceptable.includes(pair.reported))).length;
  const confusionMap = new Map<string, number>();
  for (const pair of pairs) {
    if (pair.reported === pair.labeled || (pair.reported !== null && pair.acceptable.includes(pair.reported))) continue;
    const key = `${pair.labeled}\u0000${pair.reported ?? '(none)'}`;
    confusionMap.set(key, (confusionMap.get(key) ?? 0) + 1);
  }
  const confusion = [...confusionMap.entries()].map(([key, count]) => {
    const [labeled, reported] = key.split('\u0000');
    return { labeled, reported, count };
  }).sort((a, b) => b.count - a.count || a.labeled.localeCompare(b.labeled));
  const types = [...new Set(pairs.flatMap((pair) => [pair.labeled, ...(pair.reported ? [pair.reported] : [])]))].sort();
  const perType = types.map((type) => {
    const support = pairs.filter((pair) => pair.labeled === type).length;
    const predicted = pairs.filter((pair) => pair.reported === type).length;
    const correct = pairs.filter((pair) => pair.labeled === type && pair.reported === type).length;
    return { type, support, predicted, correct, precision: predicted ? correct / predicted : null, recall: support ? correct / support : null };
  });
  return { accuracy: { right, compared: pairs.length }, confusion, perType };
}

// ---------------------------------------------------------------------------------------------------------
// Printing

export function ratio(part: number, whole: number): string {
  return whole === 0 ? '-' : `${part}/${whole} ${Math.round((100 * part) / whole)}%`;
}

function featureSummary(counts: Counts): string {
  const compared = FEATURES.reduce((sum, feature) => sum + counts.featureCompared[feature], 0);
  const right = FEATURES.reduce((sum, feature) => sum + counts.featureRight[feature], 0);
  return ratio(right, compared);
}

const COLUMNS = ['repository', 'scan', 'recall', 'prod', 'direct', 'wrapper', 'NM rep', 'unlab', 'model 1st', 'model any', 'provider', 'priced', 'task', 'features', '$0 no why'];

function row(name: string, status: string, counts: Counts): string[] {
  return [
    name, status,
    ratio(counts.matched, counts.requests), ratio(counts.productionMatched, counts.productionRequests),
    ratio(counts.directMatched, counts.directRequests), ratio(counts.wrapperMatched, counts.wrapperRequests),
    `${counts.nearMissesReported}/${counts.nearMisses}`, `${counts.unlabeledReports}/${counts.callSites}`,
    ratio(counts.modelFirstRight, counts.modelStatedMatched), ratio(counts.modelAnyRight, counts.modelStatedMatched),
    ratio(counts.providerRight, counts.providerCompared), ratio(counts.pricedAtPlace, counts.requests), ratio(counts.taskRight, counts.taskCompared), featureSummary(counts),
    `${counts.zeroWithoutWhy}/${counts.zeroOrNullSites}`,
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => cells[column].length)));
  return rows.map((cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

export function renderReport(evaluations: readonly RepoEvaluation[], verbose: boolean): string {
  const total = evaluations.reduce((sum, evaluation) => addCounts(sum, evaluation.counts), emptyCounts());
  const rows = [COLUMNS, ...evaluations.map((evaluation) => row(evaluation.repo + (evaluation.complete ? '' : ' (incomplete)'), evaluation.status === 'scanned' ? `${((evaluation.scanMs ?? 0) / 1000).toFixed(1)}s` : 'FAILED', evaluation.counts))];
  rows.push(row('overall', `${evaluations.filter((evaluation) => evaluation.status === 'scanned').length}/${evaluations.length}`, total));
  const out = [table(rows), ''];
  out.push('recall = labeled requests matched by a call site (prod: production only; direct: sdk/http/local; wrapper: wrapper-caller).');
  out.push('NM rep = labeled near-misses reported as call sites; unlab = call sites matching no label (of all sites); model 1st = the product\'s first id is the label\'s first, model any = any id in the label\'s list (of matched requests whose model the code states); provider = who serves and bills it is the label\'s (of matched requests whose label names one);');
  out.push('priced = priced advice at the request\'s place (model, monthly > 0, recommendation) of all labeled requests; task / features over matched requests; $0 no why = sites at $0 or unpriced with nothing saying why (of all $0/unpriced sites).');
  const productionPriced = ratio(total.pricedAtPlaceProduction, total.productionRequests);
  out.push(`Production only: recall ${ratio(total.productionMatched, total.productionRequests)}, priced advice ${productionPriced}.`);
  out.push(`Provider (who serves and bills the request) ${ratio(total.providerRight, total.providerCompared)} of matched requests whose label names one; a label's "self-hosted" is any server the team runs.`);
  out.push(`Features: ${FEATURES.map((feature) => `${feature} ${ratio(total.featureRight[feature], total.featureCompared[feature])}`).join(', ')}.`);

  const tasks = taskFigures(evaluations.flatMap((evaluation) => evaluation.taskPairs));
  out.push('', `Task accuracy ${ratio(tasks.accuracy.right, tasks.accuracy.compared)} (label or acceptable). Confusion (label -> product):`);
  out.push(tasks.confusion.length ? tasks.confusion.map((entry) => `  ${entry.labeled} -> ${entry.reported}: ${entry.count}`).join('\n') : '  none');
  out.push('Per task (strict): ' + tasks.perType.map((entry) => `${entry.type} P ${entry.precision === null ? '-' : entry.precision.toFixed(2)} R ${entry.recall === null ? '-' : entry.recall.toFixed(2)} (n ${entry.support})`).join('; '));

  for (const evaluation of evaluations) {
    const lines: string[] = [];
    if (evaluation.status === 'failed') lines.push(`  scan failed: ${evaluation.error}`);
    for (const nearMiss of evaluation.nearMissesReported) lines.push(`  near-miss reported: ${nearMiss.file}:${nearMiss.line} (${nearMiss.why}) as ${nearMiss.site}`);
    for (const report of evaluation.unlabeledReports) lines.push(`  unlabeled report: ${report}`);
    if (verbose) {
      for (const outcome of evaluation.requests) {
        if (!outcome.matched) {
          lines.push(`  MISS ${outcome.id} ${outcome.file}:${outcome.line} (${outcome.kind}${outcome.production ? '' : ', not production'}); nearby: ${outcome.nearby?.length ? outcome.nearby.join(' | ') : evaluation.status === 'failed' ? 'scan failed' : 'no call site in this file'}`);
          continue;
        }
        const problems: string[] = [];
        if (outcome.model && !outcome.model.any) problems.push(`model ${outcome.model.reported.join(',') || 'unknown'} (label ${outcome.model.labeled.slice(0, 3).join(',')}${outcome.model.labeled.length > 3 ? ',...' : ''})`);
        else if (outcome.model && !outcome.model.first) problems.push(`first model ${outcome.model.reported[0]} (label ${outcome.model.labeled[0]})`);
        if (outcome.provider && !outcome.provider.right) problems.push(`provider ${outcome.provider.reported ?? 'none'} (label ${outcome.provider.labeled})`);
        if (outcome.task && !outcome.task.right) problems.push(`task ${outcome.task.reported ?? 'none'} (label ${outcome.task.labeled})`);
        const wrongFeatures = (outcome.features ?? []).filter((feature) => !feature.right).map((feature) => `${feature.feature}=${feature.reported}`);
        if (wrongFeatures.length) problems.push(`features ${wrongFeatures.join(',')}`);
        if (!outcome.priced) problems.push(`no priced advice (monthly ${JSON.stringify(outcome.site?.monthlyUsdCurrent ?? null)})`);
        lines.push(`  ${problems.length ? 'HIT ' : 'OK  '}${outcome.id} ${outcome.file}:${outcome.line} -> ${outcome.site?.file}:${outcome.site?.line} via ${outcome.site?.matchedBy}${problems.length ? ': ' + problems.join('; ') : ''}`);
      }
      for (const zero of evaluation.zeroWithoutWhy) lines.push(`  $0 without why: ${zero}`);
    }
    if (lines.length) out.push('', evaluation.repo, ...lines);
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------
// Running the CLI

export const SCAN_TIMEOUT_MS = 5 * 60 * 1000;

export function scanWithCli(bin: string, directory: string, timeoutMs = SCAN_TIMEOUT_MS): Promise<{ result?: ToolResult; error?: string; durationMs: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'scan', directory, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ error: `could not start the CLI: ${error.message}`, durationMs: Date.now() - started });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const durationMs = Date.now() - started;
      if (timedOut) return resolve({ error: `timed out after ${(timeoutMs / 1000).toFixed(timeoutMs < 10_000 ? 1 : 0)} s`, durationMs });
      const errorText = Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-3).join(' / ');
      if (code !== 0) return resolve({ error: `exit ${code}: ${errorText}`, durationMs });
      try {
        const parsed = JSON.parse(Buffer.concat(stdout).toString('utf8')) as ToolResult;
        if (!Array.isArray(parsed.callSites)) return resolve({ error: 'the JSON result has no callSites array', durationMs });
        resolve({ result: parsed, durationMs });
      } catch (error) {
        resolve({ error: `unreadable JSON output: ${(error as Error).message}`, durationMs });
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Command line

export const LABELS_DIR = path.join(__dirname, '..', 'eval', 'real-world', 'labels');
const DEFAULT_BIN = path.join(__dirname, '..', 'bin', 'llm-hosting-advisor.js');
const USAGE = 'usage: npm run eval:real -- <out-dir> [--bin <llm-hosting-advisor.js>] [--json <file>] [--repo <owner/name>]... [--labels <dir>] [--timeout <seconds>] [--verbose]';

export interface EvalArguments {
  outDir: string;
  bin: string;
  json?: string;
  repos: string[];
  labelsDir: string;
  timeoutMs: number;
  verbose: boolean;
}

export class ArgumentError extends Error {}

export function parseEvalArguments(argv: readonly string[]): EvalArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        bin: { type: 'string' },
        json: { type: 'string' },
        repo: { type: 'string', multiple: true },
        labels: { type: 'string' },
        timeout: { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // parseArgs's own messages name the option: unknown, missing value, or a value that looks like an option.
    throw new ArgumentError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new ArgumentError(`one <out-dir> only (got "${positionals[0]}" and "${positionals[1]}")`);
  if (positionals.length === 0) throw new ArgumentError('missing <out-dir> (the folder `npm run corpus:checkout` wrote)');
  const repos = values.repo ?? [];
  for (const repo of repos) {
    if (!/^[^/\s]+\/[^/\s]+$/.test(repo)) throw new ArgumentError(`--repo must be <owner>/<name>, not "${repo}"`);
  }
  let timeoutMs = SCAN_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new ArgumentError('--timeout must be a positive number of seconds');
    timeoutMs = seconds * 1000;
  }
  return {
    outDir: path.resolve(positionals[0]),
    bin: values.bin ? path.resolve(values.bin) : DEFAULT_BIN,
    json: values.json ? path.resolve(values.json) : undefined,
    repos,
    labelsDir: values.labels ? path.resolve(values.labels) : LABELS_DIR,
    timeoutMs,
    verbose: values.verbose ?? false,
  };
}

/** Reads and checks a label file; a malformed one is an error naming the file and the field. */
export function readLabelFile(file: string): LabelFile {
  const labels = JSON.parse(readFileSync(file, 'utf8')) as LabelFile;
  const fail = (what: string) => {
    throw new Error(`${file}: ${what}`);
  };
  if (typeof labels.repo !== 'string' || !labels.repo.includes('/')) fail('"repo" must be "<owner>/<name>"');
  if (!Array.isArray(labels.requests)) fail('"requests" must be an array');
  const ids = new Set<string>();
  for (const request of labels.requests) {
    if (typeof request.id !== 'string' || ids.has(request.id)) fail(`request ids must be unique strings (${JSON.stringify(request.id)})`);
    ids.add(request.id);
    if (typeof request.file !== 'string' || !Number.isInteger(request.line) || request.line < 1) fail(`${request.id}: needs "file" and a 1-based "line"`);
    if (!['sdk', 'http', 'wrapper-caller', 'local'].includes(request.kind)) fail(`${request.id}: unknown kind "${request.kind}"`);
    if (!Array.isArray(request.models)) fail(`${request.id}: "models" must be an array`);
    if (typeof request.task !== 'string') fail(`${request.id}: "task" is missing`);
  }
  for (const nearMiss of labels.nearMisses ?? []) {
    if (typeof nearMiss.file !== 'string' || !Number.isInteger(nearMiss.line)) fail('every near-miss needs "file" and "line"');
  }
  return labels;
}

async function main(argv: readonly string[]): Promise<number> {
  let args: EvalArguments;
  try {
    args = parseEvalArguments(argv);
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    process.stderr.write(`eval:real: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (!existsSync(args.labelsDir) || !statSync(args.labelsDir).isDirectory()) {
    process.stderr.write(`eval:real: no labels folder at ${args.labelsDir}\n`);
    return 2;
  }
  if (!existsSync(args.outDir)) {
    process.stderr.write(`eval:real: ${args.outDir} does not exist; run \`npm run corpus:checkout -- <mirror-root> ${args.outDir}\` first\n`);
    return 2;
  }
  if (!existsSync(args.bin)) {
    process.stderr.write(`eval:real: no CLI at ${args.bin} (--bin)\n`);
    return 2;
  }
  let labelFiles: LabelFile[];
  try {
    labelFiles = readdirSync(args.labelsDir).filter((name) => name.endsWith('.json')).sort().map((name) => readLabelFile(path.join(args.labelsDir, name)));
  } catch (error) {
    process.stderr.write(`eval:real: ${(error as Error).message}\n`);
    return 2;
  }
  const unknown = args.repos.filter((repo) => !labelFiles.some((labels) => labels.repo.toLowerCase() === repo.toLowerCase()));
  if (unknown.length) {
    process.stderr.write(`eval:real: no label file for ${unknown.join(', ')} in ${args.labelsDir}\n`);
    return 2;
  }
  const selected = args.repos.length ? labelFiles.filter((labels) => args.repos.some((repo) => repo.toLowerCase() === labels.repo.toLowerCase())) : labelFiles;
  if (selected.length === 0) {
    process.stderr.write(`eval:real: no label files in ${args.labelsDir}\n`);
    return 2;
  }

  const evaluations: RepoEvaluation[] = [];
  for (const labels of selected) {
    const directory = path.join(args.outDir, labels.repo.replace('/', '__'));
    process.stderr.write(`scanning ${labels.repo} ...\n`);
    if (!existsSync(directory)) {
      evaluations.push(failedRepo(labels, `not checked out at ${directory}`));
      continue;
    }
    const marker = path.join(directory, '.corpus-commit');
    const checkedOut = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null;
    const scan = await scanWithCli(args.bin, directory, args.timeoutMs);
    const evaluation = scan.result ? evaluateRepo(labels, scan.result) : failedRepo(labels, scan.error ?? 'unknown failure');
    evaluation.scanMs = scan.durationMs;
    if (checkedOut && checkedOut !== labels.commit) evaluation.error = `${evaluation.error ? evaluation.error + '; ' : ''}checkout is at ${checkedOut.slice(0, 12)}, labels at ${labels.commit.slice(0, 12)}`;
    if (evaluation.error && evaluation.status === 'scanned') process.stderr.write(`warning: ${labels.repo}: ${evaluation.error}\n`);
    evaluations.push(evaluation);
  }

  process.stdout.write(renderReport(evaluations, args.verbose));
  if (args.json) {
    const overall = evaluations.reduce((sum, evaluation) => addCounts(sum, evaluation.counts), emptyCounts());
    const document = { generatedAt: new Date().toISOString(), bin: args.bin, labelsDir: args.labelsDir, overall, tasks: taskFigures(evaluations.flatMap((evaluation) => evaluation.taskPairs)), repositories: evaluations };
    mkdirSync(path.dirname(args.json), { recursive: true });
    writeFileSync(args.json, JSON.stringify(document, null, 2) + '\n');
    process.stderr.write(`wrote ${args.json}\n`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (error: Error) => {
    process.stderr.write(`eval:real: ${error.stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
