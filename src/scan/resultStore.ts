/**
 * Per-file analysis results kept on disk between CLI runs, keyed by content hash, so a second run
 * over an unchanged repository skips parsing and the analyzers (the in-memory ScanCache does this
 * within one editor session, keyed by size and mtime; a fresh process has neither).
 *
 * One JSON file per scanned root under the cache folder. It holds only what the analysis produced
 * (the call sites as `--format json` reports them, static prompt text included, diagnostics, the
 * file's relative imports, prompt token counts) plus SHA-1 digests of the file and of every module
 * its analysis followed: never a whole file, never anything read from .env or config files. A result is reused only while the file's and all those
 * modules' contents are unchanged, and only by the build that wrote it (`version`). Anything wrong
 * with the file (unreadable, not JSON, another version, a malformed entry) reads as a miss; a
 * write that fails only costs the next run its speed.
 *
 * Besides the per-file entries it keeps the result of the steps that look across the workspace (the
 * wrapper-caller search and agent loops in other files, most of a run that reuses every file): whole,
 * under a key of every file's digest, the calls they started from and the workspace settings, so any
 * change anywhere runs them again. Likewise the priced result (pricing every call, the workspace advice,
 * the callers of each wrapper), under a key of every file's digest, the priced calls and what pricing
 * reads besides them (usage file, options, catalog, today's date).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../runtime/atomicWrite';
import { contentHash } from './fileExamination';
import { keyJson } from './keyJson';
import { resultStoreFiles } from './resultStoreLocation';
import { isPrivateFolder, readStatDigests, serializeStatDigests, statKey, type StatDigests } from './statDigests';
import type { FileAnalysis } from './fileAnalysis';
import type { DetectedCall } from '../model/types';
import { jsonWritesExactly, type PricedCallSites } from '../core/pricing/pipeline';
import { countTokens, isEncoderLoaded, isTokenCountKnown, rememberTokenCounts, textsToCount, type EncodingName } from '../core/estimate/tokens';

/** Bumped when the layout of the cache file changes; the build stamp covers changes in what analyzers produce. */
const STORE_FORMAT = 3;

/**
 * Priced results of more call sites than this are not kept: each site's options take about 20 KB of JSON,
 * and writing the 1,500 sites of the generated 30,000-file tree (28 MB of them, in one string with the
 * rest of the file) took its cold run's peak from 582 to 735 MB, past the 600 MB target. anything-llm, the
 * corpus's largest, has 343.
 */
const MAX_STORED_PRICED_SITES = 1000;

function keepsPricingOf(callSites: number): boolean {
  return callSites <= MAX_STORED_PRICED_SITES;
}

interface StoredEntry {
  hash: string;
  /** Absolute path → digest of each module the analysis followed. */
  dependencies: Record<string, string>;
  analysis: FileAnalysis;
  /**
   * Token counts of the prompt texts of its calls (encoding, digest of the text, count), so a run
   * that reuses every file never builds the token counter's rank tables.
   */
  tokenCounts?: Array<[EncodingName, string, number]>;
}

/**
 * The steps after the per-file analyses that look across the workspace (the wrapper-caller search,
 * agent loops in other files): their result depends on every file, so it is stored whole, under a
 * key made of the calls they started from, every file's digest and the workspace settings.
 */
interface StoredWorkspaceStep {
  key: string;
  /** Absolute path → digest of each module the step followed beyond the scanned files (as for a file's entry). */
  dependencies: Record<string, string>;
  calls: DetectedCall[];
  tokenCounts?: Array<[EncodingName, string, number]>;
}

/**
 * The priced result of a run (scan.ts: pricing, then the callers of each wrapper): it depends on the
 * calls, on every file (the callers are read from them) and on what pricing reads, all in its key.
 */
interface StoredPricing {
  key: string;
  result: PricedCallSites;
}

interface StoredFile {
  format: number;
  version: string;
  root: string;
  entries: Record<string, StoredEntry>;
  workspaceStep?: StoredWorkspaceStep;
  pricing?: StoredPricing;
}

/**
 * What identifies the build that analyzes: the size and modification time of the running bundle
 * (dist/cli.js; the source file under tsx), as for the V8 code cache. A rebuilt analyzer never
 * meets results of an older one.
 */
export function buildVersion(): string {
  try {
    const stat = fs.statSync(__filename);
    return `${path.basename(__filename)}:${stat.size}:${Math.trunc(stat.mtimeMs)}`;
  } catch {
    return 'unknown-build';
  }
}

export interface ResultStoreOptions {
  /** Folder of the cache files. */
  directory: string;
  /** Absolute scan root: one cache file per root. */
  root: string;
  /** The build stamp (default: buildVersion()). */
  version?: string;
}

export class ResultStore {
  private readonly file: string;
  /** Where the stats of this run's files go (statDigests.ts), and what the scan noted of them. */
  readonly statDigestsFile: string;
  private readonly dependencyStatDigestsFile: string;
  private readonly statKeys = new Map<string, string>();
  private listedAt: number | undefined;
  private readonly version: string;
  private readonly previous: Record<string, StoredEntry>;
  private readonly previousWorkspaceStep: StoredWorkspaceStep | undefined;
  private currentWorkspaceStep: StoredWorkspaceStep | undefined;
  private readonly previousPricing: StoredPricing | undefined;
  private currentPricing: StoredPricing | undefined;
  /** Entries of this run: only files seen now are written back, so deleted files drop out. */
  private readonly current = new Map<string, StoredEntry>();
  private readonly dependencyHashes = new Map<string, string>();
  /** The stat each dependency had before this run read it (absolute path → stat key and digest), written at `save`. */
  private readonly dependencyStats: StatDigests = new Map();
  /** Trusted stats of the dependencies an earlier run read (statDigests.ts), loaded on first use. */
  private storedDependencyStats: StatDigests | undefined;
  /** The stat-digest file as this run read it (storedStatDigests, noteStoredStatDigests): what `save` compares with. */
  private storedStats: StatDigests | undefined;
  private changed = false;
  hits = 0;
  misses = 0;

  constructor(private readonly options: ResultStoreOptions) {
    this.version = options.version ?? buildVersion();
    const files = resultStoreFiles(options.directory, options.root);
    this.file = files.results;
    this.statDigestsFile = files.statDigests;
    this.dependencyStatDigestsFile = files.dependencyStatDigests;
    const stored = this.read();
    this.previous = stored.entries;
    this.previousWorkspaceStep = stored.workspaceStep;
    this.previousPricing = stored.pricing;
  }

  private read(): Pick<StoredFile, 'entries' | 'workspaceStep' | 'pricing'> {
    try {
      if (!isPrivateFolder(this.options.directory)) return { entries: {} };
      const stored = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<StoredFile>;
      if (stored.format !== STORE_FORMAT || stored.version !== this.version || stored.root !== this.options.root) return { entries: {} };
      if (typeof stored.entries !== 'object' || stored.entries === null || Array.isArray(stored.entries)) return { entries: {} };
      return { entries: stored.entries, workspaceStep: isWellFormedStep(stored.workspaceStep) ? stored.workspaceStep : undefined, pricing: isWellFormedPricing(stored.pricing) ? stored.pricing : undefined };
    } catch {
      return { entries: {} };
    }
  }

  /**
   * The key of the workspace-wide steps of this run: the calls they start from, the digest of every
   * file this run looked up or analyzed (so any edit anywhere, an added or a deleted file, changes it)
   * and the workspace settings. Call after every file went through `lookup` or `record`.
   */
  workspaceStepKey(calls: readonly DetectedCall[], settings: unknown): string {
    return this.keyOfRun('workspace-step', calls, settings);
  }

  /**
   * The key of this run's priced result: the calls as pricing gets them, what pricing reads besides
   * them (`inputs`: usage file, options, the catalog's content, today's date) and every file's digest,
   * as for the workspace step. Call after every file went through `lookup` or `record`.
   */
  pricingKey(calls: readonly DetectedCall[], inputs: unknown): string | undefined {
    // Undefined when a priced result of this many calls (one site each) is never kept: then none is looked up either.
    return keepsPricingOf(calls.length) ? this.keyOfRun('pricing', calls, inputs) : undefined;
  }

  private keyOfRun(step: string, calls: readonly DetectedCall[], inputs: unknown): string {
    const digest = createHash('sha1');
    digest.update(step);
    digest.update('\u0000');
    digest.update(JSON.stringify(calls));
    digest.update('\u0000');
    digest.update(keyJson(inputs));
    for (const [file, entry] of [...this.current].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) digest.update(`\u0000${file}\u0000${entry.hash}`);
    return digest.digest('base64');
  }

  /**
   * The priced result of an earlier run with the same key. Not a copy: the scan hands it out as it is,
   * and `save` writes it back untouched.
   */
  lookupPricing(key: string): PricedCallSites | undefined {
    const pricing = this.previousPricing;
    if (!pricing || pricing.key !== key) return undefined;
    this.currentPricing = pricing;
    return pricing.result;
  }

  /**
   * Keeps this run's priced result for the next run. Not copied: the scan records it once nothing
   * changes it any more (after the callers are set) and saves right after. A result JSON would not
   * write exactly (NaN, an infinite number) is not kept: read back, it would differ.
   */
  recordPricing(key: string, result: PricedCallSites): void {
    if (!keepsPricingOf(result.callSites.length) || !jsonWritesExactly(result)) return;
    this.currentPricing = { key, result };
    this.changed = true;
  }

  /** The calls the workspace-wide steps produced in an earlier run with the same key, if every module they followed is unchanged. */
  lookupWorkspaceStep(key: string): DetectedCall[] | undefined {
    const step = this.previousWorkspaceStep;
    if (!step || step.key !== key) return undefined;
    for (const [dependency, dependencyHash] of Object.entries(step.dependencies)) {
      if (this.hashOfDependency(dependency) !== dependencyHash) return undefined;
    }
    this.currentWorkspaceStep = step;
    if (step.tokenCounts) rememberStoredCounts(step.calls, step.tokenCounts);
    // A copy: the scan adds to the calls it gets, and the stored ones are written back.
    return structuredClone(step.calls);
  }

  /** Keeps what the workspace-wide steps produced (and the modules they followed) for the next run. */
  recordWorkspaceStep(key: string, calls: readonly DetectedCall[], followed: readonly string[]): void {
    const dependencies: Record<string, string> = {};
    for (const dependency of followed) dependencies[dependency] = this.hashOfDependency(dependency);
    // Serialized now: the scan adds to the objects afterwards.
    this.currentWorkspaceStep = JSON.parse(JSON.stringify({ key, dependencies, calls })) as StoredWorkspaceStep;
    this.changed = true;
  }

  /** The stored analysis of a file whose content hashes to `hash`, if it and every module it followed are unchanged. */
  lookup(relativePath: string, hash: string): FileAnalysis | undefined {
    const entry = Object.prototype.hasOwnProperty.call(this.previous, relativePath) ? this.previous[relativePath] : undefined;
    if (!entry || !isWellFormed(entry) || entry.hash !== hash) {
      this.misses++;
      return undefined;
    }
    for (const [dependency, dependencyHash] of Object.entries(entry.dependencies)) {
      if (this.hashOfDependency(dependency) !== dependencyHash) {
        this.misses++;
        return undefined;
      }
    }
    this.hits++;
    this.current.set(relativePath, entry);
    const { analysis } = entry;
    if (analysis.calls.length === 0 && analysis.diagnostics.length === 0) return { ...analysis, fromResultCache: true };
    if (entry.tokenCounts) rememberStoredCounts(analysis.calls, entry.tokenCounts);
    // Copies: the scan adds to the calls it gets (callers, counts), and the stored ones are written back.
    return { ...analysis, calls: structuredClone(analysis.calls), diagnostics: structuredClone(analysis.diagnostics), fromResultCache: true };
  }

  /** Keeps a fresh analysis for the next run. */
  record(relativePath: string, hash: string, analysis: FileAnalysis): void {
    const dependencies: Record<string, string> = {};
    for (const dependency of analysis.dependencies) dependencies[dependency] = this.hashOfDependency(dependency);
    // Serialized now: the scan adds to the objects afterwards.
    this.current.set(relativePath, JSON.parse(JSON.stringify({ hash, dependencies, analysis })) as StoredEntry);
    this.changed = true;
  }

  /** Writes the results of this run (only when something changed), private to the user. Never throws. */
  async save(): Promise<void> {
    const dropped = Object.keys(this.previous).some((file) => !this.current.has(file)) || (this.previousWorkspaceStep !== undefined && this.currentWorkspaceStep === undefined) || (this.previousPricing !== undefined && this.currentPricing === undefined);
    await this.saveStatDigests();
    if (!this.changed && !dropped) return;
    try {
      await fs.promises.mkdir(this.options.directory, { recursive: true, mode: 0o700 });
      if (!isPrivateFolder(this.options.directory)) return;
      const header: Omit<StoredFile, 'entries'> = { format: STORE_FORMAT, version: this.version, root: this.options.root };
      for (const entry of this.current.values()) {
        if (!entry.tokenCounts && entry.analysis.calls.length > 0) entry.tokenCounts = knownCounts(entry.analysis.calls);
      }
      const workspaceStep = this.currentWorkspaceStep;
      if (workspaceStep && !workspaceStep.tokenCounts) workspaceStep.tokenCounts = knownCounts(workspaceStep.calls);
      const pricing = this.currentPricing;
      const stored: StoredFile = { ...header, entries: Object.fromEntries(this.current), ...(workspaceStep ? { workspaceStep } : {}), ...(pricing ? { pricing } : {}) };
      await writeFileAtomic(this.file, JSON.stringify(stored));
      await fs.promises.chmod(this.file, 0o600);
    } catch {
      // A cache that cannot be written only costs the next run its speed.
    }
  }

  /** The digests an earlier run recorded for files by their stat (statDigests.ts), for a scan that reads on this thread. */
  storedStatDigests(): StatDigests {
    this.storedStats ??= readStatDigests(this.statDigestsFile, this.options.root);
    return this.storedStats;
  }

  /** The digests the reader thread read from the stat-digest file (preread.ts) at the start of this run: `save` compares with them instead of reading the file again. */
  noteStoredStatDigests(digests: StatDigests): void {
    this.storedStats = digests;
  }

  /** The stats of this run's files as listed (at `listedAt`), written with their digests at `save`. */
  noteStats(files: ReadonlyArray<{ relativePath: string; statKey?: string }>, listedAt: number): void {
    this.listedAt = listedAt;
    for (const file of files) if (file.statKey !== undefined) this.statKeys.set(file.relativePath, file.statKey);
  }

  /** Whether an earlier run left results for this root (then most files usually need no tokenizer). */
  get hasPreviousResults(): boolean {
    return Object.keys(this.previous).length > 0;
  }

  /**
   * Writes the stat and digest of each file this run looked up or analyzed, when they differ from the
   * file's (trusted) ones. A stat listed before the file was read can only be older than its digest:
   * the next run then finds another stat and reads the file.
   */
  private async saveStatDigests(): Promise<void> {
    if (this.listedAt === undefined) return;
    const digests: StatDigests = new Map();
    for (const [relativePath, entry] of this.current) {
      const statKey = this.statKeys.get(relativePath);
      if (statKey !== undefined) digests.set(relativePath, { statKey, digest: entry.hash });
    }
    await this.writeStatDigests(this.statDigestsFile, digests, this.listedAt, this.storedStats);
    await this.writeStatDigests(this.dependencyStatDigestsFile, this.dependencyStats, this.listedAt, this.storedDependencyStats);
  }

  /** Writes `digests` unless they are what the file holds (`read`: the file as this run read it, else read now). */
  private async writeStatDigests(file: string, digests: StatDigests, listedAt: number, read: StatDigests | undefined): Promise<void> {
    const stored = read ?? readStatDigests(file, this.options.root);
    if (stored.size === digests.size && [...digests].every(([key, entry]) => stored.get(key)?.statKey === entry.statKey && stored.get(key)?.digest === entry.digest)) return;
    try {
      await fs.promises.mkdir(this.options.directory, { recursive: true, mode: 0o700 });
      if (!isPrivateFolder(this.options.directory)) return;
      await writeFileAtomic(file, serializeStatDigests(this.options.root, listedAt, digests));
      await fs.promises.chmod(file, 0o600);
    } catch {
      // Without it the next run reads every file, as without this fast path.
    }
  }

  /**
   * The content digest of a module an analysis followed. When the run lists its files (`noteStats`),
   * the stat fast path applies as to the scanned files: a module whose stat matches the one an
   * earlier run trusted (same racily-clean rule, statDigests.ts) is not read. The stat is taken
   * before the read, so a recorded stat can only be older than its digest.
   */
  private hashOfDependency(absolutePath: string): string {
    let hash = this.dependencyHashes.get(absolutePath);
    if (hash === undefined) {
      const key = this.listedAt === undefined ? undefined : statKeyIfPresent(absolutePath);
      const known = key === undefined ? undefined : (this.storedDependencyStats ??= readStatDigests(this.dependencyStatDigestsFile, this.options.root)).get(absolutePath);
      if (known !== undefined && known.statKey === key) {
        hash = known.digest;
      } else {
        try {
          hash = contentHash(fs.readFileSync(absolutePath));
        } catch (error) {
          hash = `missing:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`;
        }
      }
      if (key !== undefined && !hash.startsWith('missing:')) this.dependencyStats.set(absolutePath, { statKey: key, digest: hash });
      this.dependencyHashes.set(absolutePath, hash);
    }
    return hash;
  }
}

function statKeyIfPresent(absolutePath: string): string | undefined {
  try {
    return statKey(fs.statSync(absolutePath));
  } catch {
    return undefined;
  }
}

/** Counts this process knows without building an encoder (stored counts, or this thread's encoder is loaded). */
function knownCounts(calls: readonly DetectedCall[]): Array<[EncodingName, string, number]> {
  const counts: Array<[EncodingName, string, number]> = [];
  for (const [encoding, texts] of textsToCount(calls)) {
    if (!isEncoderLoaded(encoding) && ![...texts].every((text) => isTokenCountKnown(encoding, text))) continue;
    for (const text of texts) counts.push([encoding, textDigest(text), countTokens(text, encoding)]);
  }
  return counts;
}

function rememberStoredCounts(calls: readonly DetectedCall[], stored: Array<[EncodingName, string, number]>): void {
  if (!Array.isArray(stored)) return;
  const byDigest = new Map(stored.filter((row) => Array.isArray(row) && typeof row[2] === 'number').map(([encoding, digest, count]) => [`${encoding}:${digest}`, count]));
  for (const [encoding, texts] of textsToCount(calls)) {
    for (const text of texts) {
      const count = byDigest.get(`${encoding}:${textDigest(text)}`);
      if (count !== undefined) rememberTokenCounts(encoding, [text], [count]);
    }
  }
}

function textDigest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** A hand-edited or truncated entry is a miss, never a crash later in the scan. */
function isWellFormed(entry: unknown): entry is StoredEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const { hash, dependencies, analysis } = entry as Partial<StoredEntry>;
  if (typeof hash !== 'string' || typeof dependencies !== 'object' || dependencies === null || typeof analysis !== 'object' || analysis === null) return false;
  if (!Object.values(dependencies).every((value) => typeof value === 'string')) return false;
  const { calls, diagnostics, parsed } = analysis;
  return Array.isArray(calls) && Array.isArray(diagnostics) && typeof parsed === 'boolean' && Array.isArray(analysis.dependencies) && (analysis.relativeImports === undefined || Array.isArray(analysis.relativeImports)) && (analysis.reExports === undefined || Array.isArray(analysis.reExports));
}

function isWellFormedPricing(pricing: unknown): pricing is StoredPricing {
  if (typeof pricing !== 'object' || pricing === null) return false;
  const { key, result } = pricing as Partial<StoredPricing>;
  if (typeof key !== 'string' || typeof result !== 'object' || result === null) return false;
  const { callSites, workspace, summary, catalog, diagnostics } = result;
  return Array.isArray(callSites) && Array.isArray(diagnostics) && [workspace, summary, catalog].every((part) => typeof part === 'object' && part !== null && !Array.isArray(part));
}

function isWellFormedStep(step: unknown): step is StoredWorkspaceStep {
  if (typeof step !== 'object' || step === null) return false;
  const { key, dependencies, calls } = step as Partial<StoredWorkspaceStep>;
  return typeof key === 'string' && typeof dependencies === 'object' && dependencies !== null && Object.values(dependencies).every((value) => typeof value === 'string') && Array.isArray(calls);
}
