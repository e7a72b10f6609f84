import * as path from 'node:path';
import { promises as fs, statSync, type Stats } from 'node:fs';
import { analyzeExaminedFile, analyzeFile, analyzeImporter, createAnalysisProject, secondLookKey, type AnalysisContext, type FileAnalysis } from './analyze';
import { contentHash, examineFiles, MAX_KEPT_TEXT_CHARS, needsParse, type ExaminedFile } from './fileExamination';
import type { PrereadFiles } from './preread';
import { loadWorkspaceSettings } from './settingsFiles';
import { ResultStore } from './resultStore';
import { keyJson } from './keyJson';
import type { SharedAnalyses } from './sharedAnalyses';
import { tasksFromCallers } from './callersTask';
import { findCallers } from './callers';
import { dropSetupCheckCallers, dropSetupChecks, markAlternatives, markNonProduction, nonProductionFile } from './traffic';
import { dropRequestsToTestDoubles, routingFile } from './testDoubles';
import { dropUnnamedExports } from './unnamedExports';
import { CallerSearchCache } from './callerSearchCache';
import { WorkspaceStepMemo } from './workspaceStepMemo';
import { MentionMemo } from './mentionMemo';
import { CallerCandidatesMemo, candidatesKey } from './callerCandidatesMemo';
import { createSlicer, createStampReader, createTextReader, discoverSourceFiles, fileStamp, type DiscoveredFile, type StampReader } from './files';
import { EnrichmentCache, enrichCalls, type EnrichOptions } from '../core/pricing/pipeline';
import { ImportGraph, workspaceDependents } from './importGraph';
import { runsModel, sendsRequest } from './prefilter';
import { aliasMayNameAny, dropAgentsRunElsewhere, findWrapperCallers, loadTsMorphSoon, mentionsBesidesDeclarations, markFrameworkAgentLoops, markRealtimeSessionTools, markStreamedGraphNodes, modelsFromCallers, modelsFromDeploymentList, modelsFromKeyedDefaults, providersFromCallers, releaseTreesKeptForLaterLooks, type WorkspaceFile, type WorkspaceSettings } from '../analyzers';
import { helperRequestSites } from './helperRequests';
import { foldRelays } from './relays';
import { foldSoleCallers } from './soleCallers';
import { loadUsageForRoot, unmatchedUsageEntries, UsageFileCache } from './usageLoader';
import { parseUsageExport, type UsageExport } from '../core/usage/usageExport';
import type { AdvisorOptions } from '../core/pricing/advisor';
import { DEFAULT_ENCODING, getEncoder } from '../core/estimate/tokens';
import { isoToday, loadCatalog, type Catalog } from '../core/catalog/catalog';
import { catalogContentKey } from '../core/catalog/contentKey';
import { redactCredentials } from '../model/redact';
import { SCHEMA_VERSION, type DetectedCall, type Diagnostic, type ScanResult } from '../model/types';
import { OLLAMA_PARALLEL_SETTING } from '../model/vocabulary';
import { scriptText } from './componentScripts';

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
  /** Folder where per-file results persist between processes, keyed by content hash (the CLI's; see resultStore.ts). */
  resultCacheDirectory?: string;
  /** Globs over root-relative paths to leave out of the scan. */
  exclude?: readonly string[];
  /** Globs that bring back paths under folders skipped by default (node_modules, dist, vendor, ...). */
  include?: readonly string[];
  /** Path of a provider usage export (OpenAI or Anthropic usage CSV), absolute or relative to the working directory. */
  usageExport?: string;
  /**
   * Texts of files as the editor holds them (absolute path → text), analyzed instead of the saved
   * file, so lenses follow unsaved edits. Never cached.
   */
  unsaved?: ReadonlyMap<string, string>;
  /** Prices to use instead of the bundled catalog (e.g. with a refreshed price file layered on it). */
  catalog?: Catalog;
  /** Workspace settings for the advisor: data sensitivity, fixed-cost overrides. */
  advisorOptions?: AdvisorOptions;
  /** Globs (root-relative) of code that is not production traffic, added to the built-in ones (tests, scripts, examples, ...). */
  nonProduction?: readonly string[];
  /**
   * Files discovered, read and examined ahead on a reader thread (the CLI's, preread.ts). Used when
   * it was started with this scan's root, globs and hashing (and without `cache` or `unsaved`);
   * closed when the scan ends, however it ends.
   */
  preread?: PrereadFiles;
  /** Analyses shared with the scan of another tree of the same project in this process (`diff`'s base and working tree; sharedAnalyses.ts). */
  sharedAnalyses?: SharedAnalyses;
}

/**
 * Per-file analysis results kept between scans, so an edit re-analyzes only what changed. An entry
 * is reused only while the file and every module its analysis followed (imported clients, model
 * constants) keep their size and modification time.
 */
export class ScanCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** The second looks at files the prefilter ruled out that import a module using an SDK (analyzeImporter), under the same rule. */
  private readonly importerEntries = new Map<string, CacheEntry>();
  /** What a re-scan would otherwise redo for every call and file after any edit: pricing, the usage file, the caller search. */
  readonly enrichment = new EnrichmentCache();
  readonly usageFile = new UsageFileCache();
  readonly callerSearch = new CallerSearchCache();
  /** The last result of the workspace-wide steps (wrapper callers, models from callers, agent loops), with what it read. */
  readonly workspaceStep = new WorkspaceStepMemo();
  /** The caller search's text test of each unchanged file, for when the workspace-wide steps run again (see MentionMemo). */
  readonly callerMentions = new MentionMemo();
  /** The caller search's candidate files per set of helper files, while no file's imports change (see CallerCandidatesMemo). */
  readonly callerCandidates = new CallerCandidatesMemo();

  /** The cached analysis of a file, if it and its dependencies are unchanged. */
  get(file: string, stamp: string, stampOf: StampReader = fileStamp): FileAnalysis | undefined {
    return validAnalysis(this.entries.get(file), stamp, stampOf);
  }

  set(file: string, stamp: string, analysis: FileAnalysis, stampOf: StampReader = fileStamp): void {
    this.entries.set(file, cacheEntry(stamp, analysis, stampOf));
  }

  /** The cached second look at a file (analyzeImporter), if it and the modules that look followed are unchanged. */
  getImporter(file: string, stamp: string, stampOf: StampReader = fileStamp): FileAnalysis | undefined {
    return validAnalysis(this.importerEntries.get(file), stamp, stampOf);
  }

  setImporter(file: string, stamp: string, analysis: FileAnalysis, stampOf: StampReader = fileStamp): void {
    this.importerEntries.set(file, cacheEntry(stamp, analysis, stampOf));
  }

  /** Drops the entries of files no longer in the workspace (deleted, renamed, now excluded): a long session keeps only what a re-scan can use. */
  keepOnly(relativePaths: ReadonlySet<string>): void {
    for (const entries of [this.entries, this.importerEntries]) {
      for (const file of entries.keys()) if (!relativePaths.has(file)) entries.delete(file);
    }
    this.callerMentions.keepOnly(relativePaths);
  }

  /** Forgets one file (after an edit) or everything. */
  invalidate(file?: string): void {
    if (file === undefined) {
      this.entries.clear();
      this.importerEntries.clear();
      this.enrichment.clear();
      this.usageFile.clear();
      this.callerSearch.clear();
      this.workspaceStep.clear();
      this.callerMentions.forget();
      this.callerCandidates.clear();
    } else {
      this.entries.delete(file);
      this.importerEntries.delete(file);
      this.workspaceStep.clear();
      this.callerMentions.forget(file);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

interface CacheEntry {
  stamp: string;
  dependencyStamps: Map<string, string>;
  analysis: FileAnalysis;
}

function cacheEntry(stamp: string, analysis: FileAnalysis, stampOf: StampReader): CacheEntry {
  return { stamp, dependencyStamps: new Map(analysis.dependencies.map((dependency) => [dependency, stampOf(dependency)])), analysis };
}

function validAnalysis(entry: CacheEntry | undefined, stamp: string, stampOf: StampReader): FileAnalysis | undefined {
  if (!entry || entry.stamp !== stamp) return undefined;
  for (const [dependency, dependencyStamp] of entry.dependencyStamps) {
    if (stampOf(dependency) !== dependencyStamp) return undefined;
  }
  return entry.analysis;
}

/** `export * from 'ai'`, `export { generateText } from 'ai'`: a module passing on a package's exports (not a relative module's). */
const PASSES_PACKAGE_ON = /\bexport\s*(?:\*|\{[^}]*\})\s*from\s*['"][^'".]/;

/** The workspace specifiers (`mongodb-rag-core/aiSdk`) of the parsed modules that pass a package on. */
async function workspaceSpecifiersPassingPackagesOn(analyses: ReadonlyArray<{ file: DiscoveredFile; analysis: FileAnalysis }>, readText: (absolutePath: string) => Promise<string | null>, modules: AnalysisContext['modules']): Promise<Set<string>> {
  const specifiers = new Set<string>();
  for (const { file, analysis } of analyses) {
    // A module making no request of its own, in a workspace package: only then is its text read.
    if (!analysis.parsed || analysis.calls.length > 0) continue;
    const named = modules.workspaceSpecifiersOf(file.absolutePath);
    if (named.length === 0) continue;
    const text = await readText(file.absolutePath);
    if (text !== null && PASSES_PACKAGE_ON.test(text)) for (const specifier of named) specifiers.add(specifier);
  }
  return specifiers;
}

/** `@org/name/...`: a workspace or registry package, not a path alias (`@/lib/x`, `~/lib/x`). */
const WORKSPACE_PACKAGE_SPECIFIER = /^@[\w.-]+\//;

/**
 * Scans a folder: finds the files that may hold LLM calls, analyzes them, and prices every call.
 * Never runs workspace code and makes no network request.
 */
export async function scanWorkspace(root: string, options: ScanOptions = {}): Promise<ScanResult> {
  try {
    return await scanFolder(root, options);
  } finally {
    options.preread?.close();
    // Released after the caller search already; this covers a scan that failed or was cancelled before it.
    releaseTreesKeptForLaterLooks();
  }
}

async function scanFolder(root: string, options: ScanOptions): Promise<ScanResult> {
  const started = Date.now();
  const absoluteRoot = path.resolve(root);
  const rootStat = statOrUndefined(absoluteRoot);
  if (!rootStat?.isDirectory()) throw new ScanInputError(`not a readable directory: ${absoluteRoot}`);

  const diagnostics: Diagnostic[] = [];
  const results = options.resultCacheDirectory === undefined ? undefined : new ResultStore({ directory: options.resultCacheDirectory, root: absoluteRoot });
  const preread = !options.cache && !options.unsaved && options.preread?.matches(absoluteRoot, options.exclude, options.include, results !== undefined) ? options.preread : undefined;
  if (!preread) options.preread?.close();
  // Sure to parse: the parser loads (in the CLI, on first use) while this thread would wait for the walk, and then the
  // tokenizer most models are counted with, which pricing would otherwise load at the end (about 50 ms on midday, whose
  // main thread waited 40 ms for the reader thread's first files after ts-morph loaded).
  if (!options.cache && !results?.hasPreviousResults) {
    loadTsMorphSoon();
    setImmediate(loadDefaultEncoder);
  }
  const listedAt = Date.now();
  const discovered = preread ? await preread.discovered(options.signal) : { ...(await discoverSourceFiles(absoluteRoot, { signal: options.signal, exclude: options.exclude, include: options.include })), listedAt };
  results?.noteStats(discovered.files, discovered.listedAt);
  options.cache?.keepOnly(new Set(discovered.files.map((file) => file.relativePath)));
  diagnostics.push(...discovered.diagnostics);

  // Model and provider settings (example env files, docker-compose, config files), read once per scan and filtered at read time.
  const workspaceSettings = await (preread ? preread.settings(options.signal) : loadWorkspaceSettings(absoluteRoot, options.signal));
  diagnostics.push(...workspaceSettings.diagnostics);
  const context = createAnalysisProject(absoluteRoot, workspaceSettings.settings, results);
  const detected: DetectedCall[] = [];
  let parsed = 0;
  let reused = 0;
  const analyses: Array<{ file: DiscoveredFile; analysis: FileAnalysis }> = [];
  let index = 0;
  const keptTexts = new Map<string, string>();
  let settingsKey: string | undefined;
  /**
   * An analysis the scan of another tree in this process made of the same text, or a new one lent to it (sharedAnalyses.ts).
   * One taken is kept in this scan's result store too, as its own would be (`hashOf`: the text's content hash): the store's
   * later runs, and its keys of the workspace-wide steps and of pricing, then see every file whether or not it was lent.
   */
  const shareable = (key: string, text: string, hashOf: () => string | undefined, analyze: () => FileAnalysis): FileAnalysis => {
    if (!options.sharedAnalyses) return analyze();
    settingsKey ??= keyJson(workspaceSettings.settings);
    const taken = options.sharedAnalyses.take(absoluteRoot, settingsKey, key, text);
    if (taken && results) {
      const hash = hashOf();
      // Recorded as analyzed (the lender's store may have given it): a lookup marks what it returns.
      if (hash !== undefined) results.record(key, hash, { ...taken, fromResultCache: undefined });
    }
    const analysis = taken ?? analyze();
    options.sharedAnalyses.keep(absoluteRoot, settingsKey, key, text, analysis);
    return analysis;
  };
  let keptChars = 0;
  // Each file is stat'ed once per scan, whichever cache asks (its own entry, as another's dependency, the caller search).
  const stampOf = createStampReader();
  // The stamps are synchronous: slices let the thread answer (a cancel) between them on a large workspace.
  const pause = createSlicer();
  // With a cache most files are not read at all.
  const files: Iterable<{ file: DiscoveredFile; examined?: ExaminedFile }> | AsyncIterable<{ file: DiscoveredFile; examined?: ExaminedFile }> = options.cache
    ? discovered.files.map((file) => ({ file }))
    : (preread?.examined(discovered.files, options.signal) ?? examineFiles(discovered.files, results !== undefined, options.signal, results?.storedStatDigests()));
  for await (const { file, examined } of files) {
    index++;
    options.signal?.throwIfAborted();
    const unsavedText = options.unsaved?.get(file.absolutePath);
    if (options.cache) await pause();
    const stamp = options.cache && unsavedText === undefined ? stampOf(file.absolutePath) : '';
    let analysis = unsavedText === undefined ? options.cache?.get(file.relativePath, stamp, stampOf) : undefined;
    if (analysis) {
      reused++;
    } else if (unsavedText !== undefined) {
      analysis = await analyzeFile(file, context, undefined, { bytes: Buffer.from(unsavedText, 'utf8') });
    } else if (examined) {
      // Only a file the scan parses is worth sharing: the others cost a regular expression.
      analysis = examined.text !== undefined && needsParse(examined) ? shareable(file.relativePath, examined.text, () => examined.hash, () => analyzeExaminedFile(file, examined, context)) : analyzeExaminedFile(file, examined, context);
      if (examined.text !== undefined && keptChars + examined.text.length <= MAX_KEPT_TEXT_CHARS) {
        keptTexts.set(file.absolutePath, examined.text);
        keptChars += examined.text.length;
      }
    } else {
      analysis = await analyzeFile(file, context);
      options.cache?.set(file.relativePath, stamp, analysis, stampOf);
    }
    if (analysis.fromResultCache) reused++;
    if (analysis.parsed) parsed++;
    analyses.push({ file, analysis });
    diagnostics.push(...analysis.diagnostics);
    detected.push(...analysis.calls);
    options.onProgress?.(index, discovered.files.length);
  }

  // The stat digests the reader thread went by: the store compares what it writes with them (not reading the file again).
  const statDigestsRead = preread?.storedStatDigests;
  if (statDigestsRead) results?.noteStoredStatDigests(statDigestsRead);

  // Second pass: files that import a module which uses an SDK, directly or through barrels, may call its client or model.
  const importGraph = new ImportGraph(analyses.map(({ file, analysis }) => ({ absolutePath: file.absolutePath, relativeImports: analysis.relativeImports, reExports: analysis.reExports })));
  // Files open with unsaved edits are read as the editor holds them by every later step too (the second pass,
  // the wrapper-caller search, agent loops), so a call of a helper typed in a dirty file gets its lens before the save.
  for (const [absolutePath, text] of options.unsaved ?? []) keptTexts.set(absolutePath, scriptText(absolutePath, text));
  const readText = createTextReader(undefined, keptTexts);
  const sdkModules = importGraph.withBarrels(new Set(analyses.filter((entry) => entry.analysis.parsed).map((entry) => entry.file.absolutePath)));
  const sdkImporters = importGraph.importersOf(sdkModules);
  // A file importing such a module by a path alias (`@/app/constant`) that sends a request: its URL may be built from the
  // module's constants (`fetch(\`${prefix}/${Stability.GeneratePath}/${model}\`)`), which the prefilter cannot see. Not a
  // workspace package's import (`@org/utils`): any parsed file in a folder of that name would match it (dub: 61 -> 200 parsed).
  const aliasMayNameParsed = aliasMayNameAny(analyses.filter((entry) => entry.analysis.parsed).map((entry) => entry.file.relativePath));
  const mayNameParsed = (specifier: string) => !WORKSPACE_PACKAGE_SPECIFIER.test(specifier) && aliasMayNameParsed(specifier);
  // A workspace package's module passing an SDK on (`export * from 'ai'` in mongodb-rag-core's aiSdk.ts), imported by its
  // package's name in the other packages (`import { generateText } from 'mongodb-rag-core/aiSdk'`): its importers call the SDK.
  const sdkPassingSpecifiers = await workspaceSpecifiersPassingPackagesOn(analyses, readText, context.modules);
  for (const { file, analysis } of analyses) {
    options.signal?.throwIfAborted();
    if (analysis.parsed) continue;
    const viaWorkspacePackage = sdkPassingSpecifiers.size > 0 && (analysis.aliasImports ?? []).some((specifier) => sdkPassingSpecifiers.has(specifier));
    const viaAliasOnly = !sdkImporters.has(file.absolutePath) && !viaWorkspacePackage && (analysis.aliasImports ?? []).some(mayNameParsed);
    if (!sdkImporters.has(file.absolutePath) && !viaAliasOnly && !viaWorkspacePackage) continue;
    // Like a file's own analysis, its second look is reused while it and the modules it followed are unchanged (never for unsaved text).
    const importerStamp = options.cache && !options.unsaved?.has(file.absolutePath) ? stampOf(file.absolutePath) : undefined;
    let imported = importerStamp === undefined ? undefined : options.cache!.getImporter(file.relativePath, importerStamp, stampOf);
    if (!imported) {
      const text = await readText(file.absolutePath);
      if (text === null || (viaAliasOnly && !sendsRequest(text) && !runsModel(text))) continue;
      imported = shareable(secondLookKey(file.relativePath), text, () => contentHash(Buffer.from(text, 'utf8')), () => analyzeImporter(file, text, context));
      if (importerStamp !== undefined) options.cache!.setImporter(file.relativePath, importerStamp, imported, stampOf);
      parsed++;
    }
    diagnostics.push(...imported.diagnostics);
    detected.push(...imported.calls);
  }
  // An agent reported where it is made is its run's when the run is found in another file: one agent, one site.
  dropAgentsRunElsewhere(detected);
  dropSetupChecks(detected);

  // The editor's cache as the workspace-wide steps below may use it: what they keep is computed from the saved files
  // (keyed by their stamps), so none of it is read or kept while any file is open with unsaved edits.
  const savedFilesCache = options.unsaved?.size ? undefined : options.cache;
  // Each caller of an app helper is a call site of its own: callers are in the helper's file or in files that import it (also through barrels).
  // The editor's re-scan keeps the answers while no file's imports changed (see CallerCandidatesMemo).
  const candidatesMemo = savedFilesCache?.callerCandidates;
  candidatesMemo?.begin(analyses);
  const callerCandidates = (helperFiles: ReadonlySet<string>) => {
    const packageDependents = context.modules.dependentsOfPackagesHolding(helperFiles);
    const key = candidatesMemo && candidatesKey(helperFiles, packageDependents);
    const kept = key === undefined ? undefined : candidatesMemo!.lookup(key, analyses);
    if (kept) return kept.map(({ file }) => file);
    const helperModules = importGraph.withBarrels(new Set(helperFiles));
    const helperPaths = analyses.filter(({ file }) => helperModules.has(file.absolutePath)).map(({ file }) => file.relativePath);
    // Files of a monorepo share their alias specifiers (`@app/db/client` in hundreds of files): each is tested against the helpers once.
    const mayNameHelper = aliasMayNameAny(helperPaths);
    const dependents = workspaceDependents(packageDependents);
    const helperImporters = importGraph.importersOf(helperModules);
    const candidates: number[] = [];
    analyses.forEach(({ file, analysis }, index) => {
      if (helperFiles.has(file.absolutePath) || helperImporters.has(file.absolutePath) || (analysis.aliasImports ?? []).some(mayNameHelper) || dependents(file.absolutePath, analysis.aliasImports)) candidates.push(index);
    });
    if (key !== undefined) candidatesMemo!.record(key, candidates);
    return candidates.map((index) => analyses[index].file);
  };
  // Both steps look across the whole workspace; the CLI keeps what they produced for a later run over the same files.
  // Only when every file went through the result store (not with the editor's cache or unsaved texts), so the key covers all of them.
  const stepStore = context.results && !options.cache && !options.unsaved ? context.results : undefined;
  const stepKey = stepStore?.workspaceStepKey(detected, workspaceSettings.settings);
  const storedStep = stepKey === undefined ? undefined : stepStore!.lookupWorkspaceStep(stepKey);
  // The editor's cache keeps the last result too, reused while nothing the steps read changed.
  const stepMemo = savedFilesCache?.workspaceStep;
  const stepInputs = stepMemo && { root: absoluteRoot, calls: [...detected], files: analyses.map(({ file, analysis }) => ({ relativePath: file.relativePath, analysis })), settings: keyJson(workspaceSettings.settings) };
  const memoizedStep = stepMemo?.lookup(stepInputs!, stampOf);
  if (storedStep || memoizedStep) {
    detected.splice(0, detected.length, ...(storedStep ?? memoizedStep!));
  } else {
    const stepRead = new Set<string>();
    // Stamped before it is read: a write in between gives a newer stamp next time, never a stale hit.
    const readTextOnce = stepMemo ? (absolutePath: string) => (stepRead.add(absolutePath), stampOf(absolutePath), readText(absolutePath)) : readText;
    // The text tests of files unchanged since an earlier scan are answered from it: its texts are all read from disk,
    // each file stamped first by readTextOnce.
    const mentions = savedFilesCache ? (file: WorkspaceFile, text: string, mention: RegExp) => savedFilesCache.callerMentions.answer(file, stampOf, mention, () => mentionsBesidesDeclarations(text, mention)) : undefined;
    context.modules.startTracking();
    const callersFound = await findWrapperCallers(detected, discovered.files, callerCandidates, { ...context, readText: readTextOnce, mentions }, options.signal);
    // A caller of the app's helper in a settings check (`testEmbeddingService()` embedding "测试连接") or sending a probe
    // is no feature's call, as a request written there is not.
    dropSetupCheckCallers(callersFound);
    detected.push(...callersFound);
    // A helper taking its model from a parameter runs the models its callers pass; one handed its client, on their servers.
    modelsFromCallers(detected);
    providersFromCallers(detected);
    // Requests whose tool list comes through a method an agent loop in another file calls again with each tool result.
    await markFrameworkAgentLoops(detected, discovered.files, options.signal, readTextOnce);
    // Requests in a LangGraph node whose tokens a client of the graph reads as they stream.
    await markStreamedGraphNodes(detected, discovered.files, readTextOnce, options.signal);
    // Realtime sessions given tools after they open (a session.update event, the agents they run).
    await markRealtimeSessionTools(detected, discovered.files, readTextOnce, options.signal);
    // Provider classes made per key with the config's model, where the app keeps a default model per key.
    await modelsFromKeyedDefaults(detected, discovered.files, readTextOnce, options.signal);
    // A helper whose prompt is all its callers' is read by what they send (its callers' readings are kept for pricing).
    tasksFromCallers(detected);
    const followed = context.modules.stopTracking();
    if (stepKey !== undefined) stepStore!.recordWorkspaceStep(stepKey, detected, followed);
    if (stepMemo) stepMemo.record(stepInputs!, [...stepRead, ...followed, ...(context.projectIfMade?.getSourceFiles() ?? []).map((sourceFile) => sourceFile.getFilePath() as string), ...context.modules.consultedPaths], detected, stampOf);
  }
  // A test's request (or call into the app's helper) to a server it starts itself, or through a fetch it declares, asks no model.
  await dropRequestsToTestDoubles(detected, (relativePath) => readText(path.join(absoluteRoot, relativePath)), diagnostics, (routePath) => routingFile(analyses, routePath, readText));
  // A request, or a call of the app's helper, in an exported function nothing in the workspace names can never run.
  await dropUnnamedExports(detected, absoluteRoot, callerCandidates, readText, diagnostics, (absolutePath) => context.modules.inPublishedPackage(absolutePath), options.signal);
  // Requests still without a model in a chat app whose deployment lists its models as JSON in an env variable the code parses.
  const listNames = await listsTheCodeParses(workspaceSettings.settings, discovered.files, readText, options.signal);
  modelsFromDeploymentList(detected, workspaceSettings.settings, (name) => listNames.has(name));
  // A caller handing the helper only values it is given, adding nothing to its request, is listed on that request.
  foldRelays(detected, nonProductionFile(options.nonProduction));
  // The request inside an app's HTTP helper that sends the URL its callers hand it: a site of its own, priced through them.
  helperRequestSites(detected);
  // The app's helper called from one place only makes one request: its site, read through that call.
  foldSoleCallers(detected, nonProductionFile(options.nonProduction));
  // The calls are plain data now: the trees the caller search parsed (helpers and their callers) are
  // not needed for pricing, which on a 30,000-file scan they made the peak of memory.
  releaseParsedFiles(context);
  const marked = markAlternatives(markNonProduction(detected, options.nonProduction));
  detected.splice(0, detected.length, ...marked);
  detected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));

  const usage = await (options.cache?.usageFile.load(absoluteRoot, options.usageFile, stampOf) ?? loadUsageForRoot(absoluteRoot, options.usageFile));
  diagnostics.push(...usage.diagnostics);
  let usageExport: UsageExport | undefined;
  if (options.usageExport) {
    const text = await fs.readFile(options.usageExport, 'utf8').catch((error: Error) => {
      throw new ScanInputError(`cannot read usage export ${options.usageExport}: ${error.message}`);
    });
    usageExport = parseUsageExport(text);
  }
  // A serving setting of the team's own model server the workspace's settings files set (docker-compose, example env).
  const ollamaParallel = workspaceSettings.settings.env.get(OLLAMA_PARALLEL_SETTING)?.[0];
  const advisorOptions = ollamaParallel ? { ...options.advisorOptions, ollamaParallelRequests: { value: Number(ollamaParallel.value), file: ollamaParallel.file, line: ollamaParallel.line } } : options.advisorOptions;
  const enrichOptions: EnrichOptions = { defaultCallsPerMonth: options.defaultCallsPerMonth, usage: usage.usage, usageExport, advisorOptions: options.now && !advisorOptions?.today ? { ...advisorOptions, today: isoToday(options.now()) } : advisorOptions, catalog: options.catalog, cache: options.cache?.enrichment ?? options.sharedAnalyses?.pricing };
  // Pricing and the callers below are kept by the CLI's result store too, as the workspace-wide steps are (not with a usage export, whose file is not in the key).
  const pricingStore = stepStore && !usageExport ? stepStore : undefined;
  const pricingKey = pricingStore?.pricingKey(detected, pricingInputs(enrichOptions));
  const storedPricing = pricingKey === undefined ? undefined : pricingStore!.lookupPricing(pricingKey);
  const enriched = storedPricing ?? enrichCalls(detected, enrichOptions);
  diagnostics.push(...enriched.diagnostics);
  diagnostics.push(...unmatchedUsageEntries(usage.usage, enriched.callSites, options.usageFile));

  if (!storedPricing) {
    // Callers of a wrapper live in its own file or in files that import it (also through barrels): only those are read again.
    const wrapperSites = enriched.callSites.filter((site) => site.kind !== 'wrapper-caller' && site.enclosingFunction !== null && !site.enclosingFunction.includes('.'));
    const wrapperFiles = new Set(wrapperSites.map((site) => path.join(absoluteRoot, site.file)));
    const wrapperModules = importGraph.withBarrels(wrapperFiles);
    const wrapperImporters = importGraph.importersOf(wrapperModules);
    const importers = analyses.filter(({ file }) => wrapperFiles.has(file.absolutePath) || wrapperImporters.has(file.absolutePath));
    const importerFiles = importers.map(({ file }) => file);
    const wrapperNames = wrapperSites.map((site) => site.enclosingFunction!);
    // The cached caller search reads the saved files (its key is their stamps).
    const callers = await (savedFilesCache ? savedFilesCache.callerSearch.find(importerFiles, wrapperNames, options.signal, stampOf) : findCallers(importerFiles, wrapperNames, options.signal, createTextReader(undefined, keptTexts, { skipBinary: true })));
    for (const site of wrapperSites) {
      const found = callers.get(site.enclosingFunction!);
      if (found && found.length > 0) site.callers = found;
    }
    if (pricingKey !== undefined) pricingStore!.recordPricing(pricingKey, enriched);
  }
  await context.results?.save();

  return {
    schemaVersion: SCHEMA_VERSION,
    root: absoluteRoot,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    catalog: enriched.catalog,
    callSites: enriched.callSites,
    workspace: enriched.workspace,
    summary: {
      callSites: enriched.summary.callSites,
      monthlyUsdCurrent: enriched.summary.monthlyUsdCurrent,
      monthlyUsdRecommended: enriched.summary.monthlyUsdRecommended,
      savingsUsd: enriched.summary.savingsUsd,
      filesScanned: discovered.files.length,
      filesParsed: parsed,
      filesReusedFromCache: reused,
      durationMs: Date.now() - started,
      volumeAssumption: enriched.summary.volumeAssumption,
      unpricedCallSites: enriched.summary.unpricedCallSites,
      ...(enriched.summary.unpricedLeftOutCallSites ? { unpricedLeftOutCallSites: enriched.summary.unpricedLeftOutCallSites } : {}),
      ...(enriched.summary.unpricedByKind ? { unpricedByKind: enriched.summary.unpricedByKind } : {}),
      ...(enriched.summary.monthlyUsdCurrentRange ? { monthlyUsdCurrentRange: enriched.summary.monthlyUsdCurrentRange } : {}),
      ...(enriched.summary.assumedModelCallSites ? { assumedModelCallSites: enriched.summary.assumedModelCallSites } : {}),
    },
    // A diagnostic may quote what it could not read (a key pasted into an llm-advisor comment): redacted here, where every source's diagnostics meet.
    diagnostics: diagnostics.map((diagnostic) => ({ ...diagnostic, message: redactCredentials(diagnostic.message) })),
  };
}

/**
 * Drops the project and its module loader at once, for empty ones: nothing after this step reads
 * a tree. Removing each file instead made ts-morph forget every wrapped node one by one (re-reading
 * each node's children and start), 0.2-0.3 s of a midday scan, for memory the collector frees the same.
 * The empty pair is made once per process and shared (nothing adds to it), not per scan: making a
 * project took 0.3 ms of each re-scan in the editor.
 */
function releaseParsedFiles(context: AnalysisContext): void {
  releaseTreesKeptForLaterLooks();
  releasedContext ??= createAnalysisProject(path.parse(process.cwd()).root);
  // A project never made (a run answered by the result store) stays unmade: making one would load ts-morph.
  if (context.projectIfMade) context.project = releasedContext.project;
  context.modules = releasedContext.modules;
}

let releasedContext: AnalysisContext | undefined;

function statOrUndefined(absolutePath: string): Stats | undefined {
  try {
    return statSync(absolutePath);
  } catch {
    return undefined;
  }
}

/**
 * What pricing reads besides the calls, for the key of a stored priced result: the usage file, the
 * options, the catalog's content (a price file layered on it included) and the day the advisor judges
 * deprecations on.
 */
function pricingInputs(enrichOptions: EnrichOptions): unknown {
  const { usage, defaultCallsPerMonth, advisorOptions } = enrichOptions;
  return { usage, defaultCallsPerMonth, advisorOptions, today: advisorOptions?.today ?? isoToday(), catalog: catalogContentKey(enrichOptions.catalog ?? loadCatalog()) };
}

/** Builds the default tokenizer ahead of pricing; a failure is left for pricing to meet and report. */
function loadDefaultEncoder(): void {
  try {
    getEncoder(DEFAULT_ENCODING);
  } catch {
    // Pricing loads it again and says what went wrong.
  }
}

/** Bad input from the caller (not a folder, unreadable): the CLI maps it to exit code 2. */
export class ScanInputError extends Error {}

/** Source files read at most to find where the code parses a deployment's model list. */
const MAX_LIST_READER_FILES = 5000;

/**
 * The model-list env variables (from the settings) the code reads and parses: a source file naming the variable
 * as a whole word (`process.env.MODELS`, `config.MODELS`, `Reflect.get(config, "MODELS")`) that also parses JSON
 * (`JSON.parse(`, `JSON5.parse(`). Reads source files only when the deployment sets such a list.
 */
async function listsTheCodeParses(settings: WorkspaceSettings, files: readonly DiscoveredFile[], readText: (absolutePath: string) => Promise<string | null>, signal?: AbortSignal): Promise<Set<string>> {
  const wanted = new Set((settings.modelLists ?? []).map((list) => list.name));
  const found = new Set<string>();
  if (wanted.size === 0) return found;
  for (const file of files.slice(0, MAX_LIST_READER_FILES)) {
    signal?.throwIfAborted();
    const text = await readText(file.absolutePath);
    if (text === null || !/\bJSON5?\.parse\(/.test(text)) continue;
    for (const name of wanted) if (!found.has(name) && new RegExp(`(?:\\.|['"\`])${name}\\b`).test(text)) found.add(name);
    if (found.size === wanted.size) break;
  }
  return found;
}
