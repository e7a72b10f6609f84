import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { analyzeFile, createAnalysisProject, type FileAnalysis } from './analyze';
import { discoverSourceFiles } from './files';
import { enrichCalls, type EnrichOptions } from './enrich';
import { loadUsageForRoot } from './usageLoader';
import { SCHEMA_VERSION, type DetectedCall, type Diagnostic, type ScanResult } from './types';

export interface ScanOptions {
  /** The `llmHostingAdvisor.defaultCallsPerMonth` setting, when the user set one. */
  defaultCallsPerMonth?: number;
  /** Cancels the scan; the promise then rejects with an AbortError and nothing partial is returned. */
  signal?: AbortSignal;
  /** Path of the usage file, absolute or relative to root (default `llm-usage.yml`). */
  usageFile?: string;
  /** Called after each file, for progress reporting. */
  onProgress?: (done: number, total: number) => void;
  /** Clock for `generatedAt`, fixed in snapshot tests. */
  now?: () => Date;
  /** Reuse per-file analyses from an earlier scan (keyed by path + mtime + size). */
  cache?: ScanCache;
}

/** Per-file analysis results kept between scans, so an edit re-analyzes only what changed. */
export class ScanCache {
  private readonly entries = new Map<string, { stamp: string; analysis: FileAnalysis }>();
  get(file: string, stamp: string): FileAnalysis | undefined {
    const entry = this.entries.get(file);
    return entry && entry.stamp === stamp ? entry.analysis : undefined;
  }
  set(file: string, stamp: string, analysis: FileAnalysis): void {
    this.entries.set(file, { stamp, analysis });
  }
  /** Forgets one file (after an edit) or everything. */
  invalidate(file?: string): void {
    if (file === undefined) this.entries.clear();
    else this.entries.delete(file);
  }
  get size(): number {
    return this.entries.size;
  }
}

/**
 * Scans a folder: finds the files that may hold LLM calls, analyzes them, and prices every call.
 * Never runs workspace code and makes no network request.
 */
export async function scanWorkspace(root: string, options: ScanOptions = {}): Promise<ScanResult> {
  const started = Date.now();
  const absoluteRoot = path.resolve(root);
  const rootStat = await fs.stat(absoluteRoot).catch(() => undefined);
  if (!rootStat?.isDirectory()) throw new ScanInputError(`not a readable directory: ${absoluteRoot}`);

  const diagnostics: Diagnostic[] = [];
  const discovered = await discoverSourceFiles(absoluteRoot, { signal: options.signal });
  diagnostics.push(...discovered.diagnostics);

  const context = createAnalysisProject(absoluteRoot);
  const detected: DetectedCall[] = [];
  const annotationTexts = new Map<DetectedCall, { text: string; line: number }>();
  let parsed = 0;
  for (const [index, file] of discovered.files.entries()) {
    options.signal?.throwIfAborted();
    const stamp = `${file.size}`;
    const modified = options.cache ? await fs.stat(file.absolutePath).then((s) => `${s.size}:${s.mtimeMs}`).catch(() => stamp) : stamp;
    let analysis = options.cache?.get(file.relativePath, modified);
    if (!analysis) {
      analysis = await analyzeFile(file, context);
      options.cache?.set(file.relativePath, modified, analysis);
    }
    if (analysis.parsed) parsed++;
    diagnostics.push(...analysis.diagnostics);
    analysis.calls.forEach((call, callIndex) => {
      detected.push(call);
      const comment = analysis.annotationComments.get(callIndex);
      if (comment) annotationTexts.set(call, comment);
    });
    options.onProgress?.(index + 1, discovered.files.length);
  }

  const usage = await loadUsageForRoot(absoluteRoot, options.usageFile);
  diagnostics.push(...usage.diagnostics);
  const enrichOptions: EnrichOptions = { defaultCallsPerMonth: options.defaultCallsPerMonth, usage: usage.usage };
  const enriched = enrichCalls(detected, annotationTexts, enrichOptions);
  diagnostics.push(...enriched.diagnostics);

  const monthlyUsdCurrent = sum(enriched.callSites.map((site) => site.monthlyUsdCurrent ?? 0));
  const monthlyUsdRecommended = sum(enriched.callSites.map((site) => site.recommendation?.monthlyUsd ?? site.monthlyUsdCurrent ?? 0));
  return {
    schemaVersion: SCHEMA_VERSION,
    root: absoluteRoot,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    catalog: enriched.catalog,
    callSites: enriched.callSites,
    summary: {
      callSites: enriched.callSites.length,
      monthlyUsdCurrent: round2(monthlyUsdCurrent),
      monthlyUsdRecommended: round2(monthlyUsdRecommended),
      savingsUsd: round2(monthlyUsdCurrent - monthlyUsdRecommended),
      filesScanned: discovered.files.length,
      filesParsed: parsed,
      durationMs: Date.now() - started,
      volumeAssumption: enriched.volumeAssumption,
    },
    diagnostics,
  };
}

/** Bad input from the caller (not a folder, unreadable): the CLI maps it to exit code 2. */
export class ScanInputError extends Error {}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
