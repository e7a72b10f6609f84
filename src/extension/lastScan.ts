/**
 * The last scan result of a workspace, kept on disk between sessions, so a new window shows
 * CodeLenses before the scanner bundle is loaded (issue 14). Pure Node (no `vscode`): stamps,
 * validation and restoring are unit-tested on real files (test/unit/extension/lastScan.test.ts).
 *
 * A stored result is used only when every input that feeds the whole scan is unchanged (the
 * settings, the usage file, tsconfig/package.json, the price override, the scanner bundle with its
 * catalog), and then only for the files whose own stamp is unchanged: a changed file's lenses are
 * left out until the rescan, which always runs, replaces the stored result.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { canonicalJson } from '../model/canonicalJson';
import { SCHEMA_VERSION, type ScanResult } from '../model/types';
import { writeFileAtomic } from '../runtime/atomicWrite';
import storedScansPolicy from '../../data/editor/stored-scans.json';

/** Version of the stored file's layout; a file of another version is ignored. */
export const LAST_SCAN_FORMAT = 1;
/**
 * The stored file of a workspace folder, named by a digest of its path. It lives in the extension's
 * global storage, not the per-workspace storage: under code-server the workspace storage is keyed
 * by the server's address (its port), so a restarted server would never find it.
 */
export function lastScanFileName(root: string): string {
  return `last-scan-${createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16)}.json`;
}

/** A stored scan's file name, as lastScanFileName makes it. */
const STORED_SCAN_FILE = /^last-scan-[0-9a-f]{16}\.json$/;

/** How long stored scans are kept and how many (data/editor/stored-scans.json). */
export interface StoredScansPolicy {
  maxAgeDays: number;
  maxCount: number;
}

export const STORED_SCANS_POLICY: StoredScansPolicy = { maxAgeDays: storedScansPolicy.maxAgeDays.value, maxCount: storedScansPolicy.maxCount.value };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the stored scans in `directory` of folders not opened for longer than the policy's age (a folder's
 * file is rewritten after each of its scans, so its modification time is when it was last open), then the
 * oldest beyond the policy's count. `keep` (the open folder's file name) is never removed. Other files in the
 * folder (the price override, temporary files of a write under way) are not touched. Returns the names removed;
 * one that cannot be removed is left for the next session.
 */
export async function pruneStoredScans(directory: string, keep: string, policy: StoredScansPolicy = STORED_SCANS_POLICY, now: number = Date.now()): Promise<string[]> {
  const names = (await fs.readdir(directory).catch(() => [] as string[])).filter((name) => STORED_SCAN_FILE.test(name) && name !== keep);
  const stored = (
    await Promise.all(
      names.map(async (name) => {
        const stat = await fs.stat(path.join(directory, name)).catch(() => undefined);
        return stat?.isFile() ? { name, mtimeMs: stat.mtimeMs } : undefined;
      }),
    )
  )
    .filter((entry) => entry !== undefined)
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  // The kept folder's own file counts toward the cap.
  const room = Math.max(0, policy.maxCount - 1);
  const stale = stored.filter((entry, index) => index >= room || now - entry.mtimeMs > policy.maxAgeDays * DAY_MS).map((entry) => entry.name);
  // Best effort: a file that cannot be removed now is tried again next session.
  const removed = await Promise.all(stale.map((name) => fs.rm(path.join(directory, name), { force: true }).then(() => name, () => undefined)));
  return removed.filter((name) => name !== undefined);
}

/** What a file was when the result was computed: size, modification time and content digest; null when it did not exist. */
export type FileStamp = { size: number; mtimeMs: number; sha256: string } | null;

export interface StoredScan {
  format: typeof LAST_SCAN_FORMAT;
  /** The settings the scan ran with (see `settingsKey`). */
  settings: string;
  /** Files every call site depends on, by absolute path. */
  inputs: Record<string, FileStamp>;
  /** Each file with call sites, by scan-root-relative POSIX path. */
  files: Record<string, Exclude<FileStamp, null>>;
  result: ScanResult;
}

/** The stamps of a stored record (what the next record reuses for files that did not change). */
export interface StoredStamps {
  root: string;
  inputs: StoredScan['inputs'];
  files: StoredScan['files'];
}

export const stampsOf = (record: StoredScan): StoredStamps => ({ root: record.result.root, inputs: record.inputs, files: record.files });

/** Where and with what a result is stored for the next session (see `storeScan`). */
export interface LastScanStoreRequest {
  /** The folder of stored scans (the extension's global storage) and this workspace's file name in it. */
  directory: string;
  fileName: string;
  settings: string;
  inputs: string[];
  /** Files open with unsaved edits (scan-root-relative): their call sites are not stored. */
  skip: string[];
  /** The stamps of the record stored last or restored, if the writer has none of its own. */
  previous?: StoredStamps;
  /** Whether to remove other folders' stored scans past the policy (the session's first store). */
  prune: boolean;
}

/** What came of a store: written (with what it holds), superseded by a newer scan, or failed. */
export type LastScanStoreOutcome =
  | { stored: true; callSites: number; files: number; pruned: number; stamps: StoredStamps }
  | { stored: false; superseded: true }
  | { stored: false; error: string };

/**
 * Writes the record of `result` for the next session (atomically), then prunes when asked. Skipped
 * when `stillWanted()` turns false while the files are stamped (a newer scan ran: it stores instead).
 */
export async function storeScan(result: ScanResult, request: LastScanStoreRequest, stillWanted: () => boolean): Promise<LastScanStoreOutcome> {
  try {
    const record = await createStoredScan(result, { settings: request.settings, inputs: request.inputs, skip: new Set(request.skip), previous: request.previous });
    if (!stillWanted()) return { stored: false, superseded: true };
    await fs.mkdir(request.directory, { recursive: true });
    await writeFileAtomic(path.join(request.directory, request.fileName), JSON.stringify(record));
    const pruned = request.prune ? await pruneStoredScans(request.directory, request.fileName) : [];
    return { stored: true, callSites: record.result.callSites.length, files: Object.keys(record.files).length, pruned: pruned.length, stamps: stampsOf(record) };
  } catch (err) {
    return { stored: false, error: (err as Error).message };
  }
}

/** A stored result restored for this session: the call sites of unchanged files only. */
export interface RestoredScan {
  result: ScanResult;
  unchangedFiles: string[];
  changedFiles: string[];
}

const digest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** One key for the settings a scan depends on (same settings, same string). */
export const settingsKey = canonicalJson;

/** The stamp of `file` now; `previous` is reused without reading the file when its size and time are the same. */
export async function readFileStamp(file: string, previous?: FileStamp): Promise<FileStamp> {
  try {
    const stat = await fs.stat(file);
    if (previous && stat.isFile() && stat.size === previous.size && stat.mtimeMs === previous.mtimeMs) return previous;
    const bytes = await fs.readFile(file);
    return { size: bytes.byteLength, mtimeMs: stat.mtimeMs, sha256: digest(bytes) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Whether `file` is still what `stamp` says. Same size and modification time: unchanged without
 * reading it. Another time (a checkout, an edit undone and saved): compares the content digest.
 */
export async function stampUnchanged(file: string, stamp: FileStamp): Promise<boolean> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return stamp === null;
    return false;
  }
  if (stamp === null || !stat.isFile() || stat.size !== stamp.size) return false;
  if (stat.mtimeMs === stamp.mtimeMs) return true;
  try {
    return digest(await fs.readFile(file)) === stamp.sha256;
  } catch {
    return false;
  }
}

/** A scan-root-relative path that stays under the root (stored data is not trusted further than that). */
function underRoot(root: string, relative: string): string | undefined {
  const segments = relative.split('/');
  if (relative.startsWith('/') || /^[a-zA-Z]:/.test(relative) || segments.some((s) => s === '..' || s === '')) return undefined;
  return path.join(root, ...segments);
}

const isStamp = (v: unknown): v is FileStamp =>
  v === null || (typeof v === 'object' && typeof (v as { size?: unknown }).size === 'number' && typeof (v as { mtimeMs?: unknown }).mtimeMs === 'number' && typeof (v as { sha256?: unknown }).sha256 === 'string');

/** The stored scan in `value` (parsed JSON), or undefined when it is not one this version wrote. */
export function parseStoredScan(value: unknown): StoredScan | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<StoredScan>;
  if (v.format !== LAST_SCAN_FORMAT || typeof v.settings !== 'string') return undefined;
  if (typeof v.inputs !== 'object' || v.inputs === null || !Object.values(v.inputs).every(isStamp)) return undefined;
  if (typeof v.files !== 'object' || v.files === null || !Object.values(v.files).every((s) => s !== null && isStamp(s))) return undefined;
  const r = v.result;
  if (typeof r !== 'object' || r === null || r.schemaVersion !== SCHEMA_VERSION || typeof r.root !== 'string' || !Array.isArray(r.callSites) || typeof r.summary !== 'object' || r.summary === null) return undefined;
  if (!r.callSites.every((c) => typeof c === 'object' && c !== null && typeof c.file === 'string' && typeof c.line === 'number' && typeof c.id === 'string')) return undefined;
  // Every call site's file carries a stamp: no lens is shown for a file that was not checked.
  if (!r.callSites.every((c) => Object.hasOwn(v.files!, c.file))) return undefined;
  return v as StoredScan;
}

/**
 * What may be shown from `stored` now: undefined when it is for another root or other settings or
 * a shared input changed; otherwise the result with the call sites of unchanged files only.
 */
export async function restoreStoredScan(stored: StoredScan, expected: { root: string; settings: string }): Promise<RestoredScan | undefined> {
  if (path.resolve(stored.result.root) !== path.resolve(expected.root) || stored.settings !== expected.settings) return undefined;
  const inputsUnchanged = await Promise.all(Object.entries(stored.inputs).map(([file, stamp]) => stampUnchanged(file, stamp)));
  if (!inputsUnchanged.every(Boolean)) return undefined;
  const checks = await Promise.all(
    Object.entries(stored.files).map(async ([relative, stamp]) => {
      const file = underRoot(expected.root, relative);
      return [relative, file !== undefined && (await stampUnchanged(file, stamp))] as const;
    }),
  );
  const unchanged = new Set(checks.filter(([, ok]) => ok).map(([relative]) => relative));
  return {
    result: { ...stored.result, callSites: stored.result.callSites.filter((c) => unchanged.has(c.file)) },
    unchangedFiles: [...unchanged].sort(),
    changedFiles: checks.filter(([, ok]) => !ok).map(([relative]) => relative).sort(),
  };
}

/**
 * The record to store for `result`: stamps of its inputs and of each file with call sites. Files
 * in `skip` (open with unsaved edits: the result is of their editor text, not of the disk) lose
 * their call sites, so they are never restored from it. Stamps of `previous` (the record stored
 * last) are reused for files with the same size and time, so a save re-reads only what changed.
 */
export async function createStoredScan(
  result: ScanResult,
  options: { settings: string; inputs: string[]; skip?: ReadonlySet<string>; previous?: StoredStamps },
): Promise<StoredScan> {
  const previous = options.previous && path.resolve(options.previous.root) === path.resolve(result.root) ? options.previous : undefined;
  const skip = options.skip ?? new Set<string>();
  const callSites = result.callSites.filter((c) => !skip.has(c.file));
  const files: StoredScan['files'] = {};
  for (const relative of [...new Set(callSites.map((c) => c.file))]) {
    const file = underRoot(result.root, relative);
    const stamp = file ? await readFileStamp(file, previous?.files[relative]) : null;
    if (stamp) files[relative] = stamp;
  }
  const inputs: StoredScan['inputs'] = {};
  for (const file of options.inputs) inputs[file] = await readFileStamp(file, previous?.inputs[file]);
  return { format: LAST_SCAN_FORMAT, settings: options.settings, inputs, files, result: { ...result, callSites: callSites.filter((c) => Object.hasOwn(files, c.file)) } };
}
