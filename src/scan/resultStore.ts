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
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../runtime/atomicWrite';
import type { FileAnalysis } from './fileAnalysis';
import { countTokens, isEncoderLoaded, isTokenCountKnown, rememberTokenCounts, textsToCount, type EncodingName } from '../core/estimate/tokens';

/** Bumped when the layout of the cache file changes; the build stamp covers changes in what analyzers produce. */
const STORE_FORMAT = 1;

/** `LLM_HOSTING_ADVISOR_CACHE=0` turns the cache off, like `--no-cache`. */
export const RESULT_CACHE_ENV = 'LLM_HOSTING_ADVISOR_CACHE';

interface StoredEntry {
  hash: string;
  /** Absolute path → digest of each module the analysis followed. */
  dependencies: Record<string, string>;
  analysis: FileAnalysis;
  /**
   * Token counts of the prompt texts of its calls (encoding, digest of the text, count), so a run
   * that reuses every file never builds tiktoken's encoder.
   */
  tokenCounts?: Array<[EncodingName, string, number]>;
}

interface StoredFile {
  format: number;
  version: string;
  root: string;
  entries: Record<string, StoredEntry>;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/** The folder the CLI keeps results in: next to V8's code cache in the system's temporary folder, private to the user. */
export function defaultResultCacheDirectory(): string {
  return path.join(os.tmpdir(), 'llm-hosting-advisor-result-cache');
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
  private readonly version: string;
  private readonly previous: Record<string, StoredEntry>;
  /** Entries of this run: only files seen now are written back, so deleted files drop out. */
  private readonly current = new Map<string, StoredEntry>();
  private readonly dependencyHashes = new Map<string, string>();
  private changed = false;
  hits = 0;
  misses = 0;

  constructor(private readonly options: ResultStoreOptions) {
    this.version = options.version ?? buildVersion();
    const rootKey = createHash('sha1').update(options.root).digest('hex').slice(0, 16);
    this.file = path.join(options.directory, `results-${rootKey}.json`);
    this.previous = this.read();
  }

  private read(): Record<string, StoredEntry> {
    try {
      if (!isPrivateFolder(this.options.directory)) return {};
      const stored = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<StoredFile>;
      if (stored.format !== STORE_FORMAT || stored.version !== this.version || stored.root !== this.options.root) return {};
      if (typeof stored.entries !== 'object' || stored.entries === null || Array.isArray(stored.entries)) return {};
      return stored.entries;
    } catch {
      return {};
    }
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
    if (entry.tokenCounts) rememberStoredCounts(analysis, entry.tokenCounts);
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
    const dropped = Object.keys(this.previous).some((file) => !this.current.has(file));
    if (!this.changed && !dropped) return;
    try {
      await fs.promises.mkdir(this.options.directory, { recursive: true, mode: 0o700 });
      if (!isPrivateFolder(this.options.directory)) return;
      const header: Omit<StoredFile, 'entries'> = { format: STORE_FORMAT, version: this.version, root: this.options.root };
      for (const entry of this.current.values()) {
        if (!entry.tokenCounts && entry.analysis.calls.length > 0) entry.tokenCounts = knownCounts(entry.analysis);
      }
      const stored: StoredFile = { ...header, entries: Object.fromEntries(this.current) };
      await writeFileAtomic(this.file, JSON.stringify(stored));
      await fs.promises.chmod(this.file, 0o600);
    } catch {
      // A cache that cannot be written only costs the next run its speed.
    }
  }

  /** Whether an earlier run left results for this root (then most files usually need no tokenizer). */
  get hasPreviousResults(): boolean {
    return Object.keys(this.previous).length > 0;
  }

  private hashOfDependency(absolutePath: string): string {
    let hash = this.dependencyHashes.get(absolutePath);
    if (hash === undefined) {
      try {
        hash = contentHash(fs.readFileSync(absolutePath));
      } catch (error) {
        hash = `missing:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`;
      }
      this.dependencyHashes.set(absolutePath, hash);
    }
    return hash;
  }
}

/** Counts this process knows without building an encoder (the worker's, or this thread's encoder is loaded). */
function knownCounts(analysis: FileAnalysis): Array<[EncodingName, string, number]> {
  const counts: Array<[EncodingName, string, number]> = [];
  for (const [encoding, texts] of textsToCount(analysis.calls)) {
    if (!isEncoderLoaded(encoding) && ![...texts].every((text) => isTokenCountKnown(encoding, text))) continue;
    for (const text of texts) counts.push([encoding, textDigest(text), countTokens(text, encoding)]);
  }
  return counts;
}

function rememberStoredCounts(analysis: FileAnalysis, stored: Array<[EncodingName, string, number]>): void {
  if (!Array.isArray(stored)) return;
  const byDigest = new Map(stored.filter((row) => Array.isArray(row) && typeof row[2] === 'number').map(([encoding, digest, count]) => [`${encoding}:${digest}`, count]));
  for (const [encoding, texts] of textsToCount(analysis.calls)) {
    for (const text of texts) {
      const count = byDigest.get(`${encoding}:${textDigest(text)}`);
      if (count !== undefined) rememberTokenCounts(encoding, [text], [count]);
    }
  }
}

function textDigest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/**
 * The temporary folder is shared by every user of the machine: a cache folder someone else made
 * (or a link in its place) is neither read nor written.
 */
function isPrivateFolder(directory: string): boolean {
  const stat = fs.lstatSync(directory);
  if (!stat.isDirectory()) return false;
  return typeof process.getuid !== 'function' || stat.uid === process.getuid();
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
