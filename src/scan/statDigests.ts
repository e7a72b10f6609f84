/**
 * The stat fast path of the result store (resultStore.ts), as git's index has one: next to the
 * stored results, each file's size, modification and change times and inode, with the content digest
 * its bytes had. A later run that finds a file with the same four values takes the digest without
 * reading the file; only when the stored result then does not apply is the file read.
 *
 * The trade-off: a file rewritten in place with the same size within the same timestamp tick would
 * keep its old digest. Like git ("racily clean" entries), a stat is only trusted when the file's
 * change time is well before the run that recorded it (RACY_WINDOW_MS, more than the coarsest
 * timestamp granularity of common file systems); a file changed around or after that run is always
 * read. The change time cannot be set by tools that restore modification times (tar, rsync -t,
 * touch -d), and a file replaced by a new one has a new inode. A light module: the reader thread
 * (prereadWorker.ts) loads it.
 */
import * as fs from 'node:fs';
import type { Stats } from 'node:fs';
import * as path from 'node:path';

const FORMAT = 1;
export const RACY_WINDOW_MS = 3000;

interface StoredStatDigests {
  format: number;
  root: string;
  /** When the run that recorded them listed the files (ms since the epoch). */
  listedAt: number;
  /** Root-relative path → [stat key, content digest]. */
  files: Record<string, [string, string]>;
}

/** A file's stat (statKey) with the digest its bytes had, by path. */
export type StatDigests = Map<string, { statKey: string; digest: string }>;

/** What identifies a file's content without reading it. */
export function statKey(stat: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

/** The digests whose stats can be trusted (see above), by relative path; empty when the file is missing or not ours. */
export function readStatDigests(file: string, root: string): StatDigests {
  const digests: StatDigests = new Map();
  try {
    if (!isPrivateFolder(path.dirname(file))) return digests;
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StoredStatDigests>;
    if (stored.format !== FORMAT || stored.root !== root || typeof stored.listedAt !== 'number' || typeof stored.files !== 'object' || stored.files === null) return digests;
    for (const [relativePath, entry] of Object.entries(stored.files)) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') continue;
      const changedAt = Number(entry[0].split(':')[2]);
      if (Number.isFinite(changedAt) && changedAt < stored.listedAt - RACY_WINDOW_MS) digests.set(relativePath, { statKey: entry[0], digest: entry[1] });
    }
  } catch {
    // No file, or not one we can read: every file is read.
  }
  return digests;
}

/**
 * The temporary folder is shared by every user of the machine: a cache folder someone else made
 * (or a link in its place) is neither read nor written.
 */
export function isPrivateFolder(directory: string): boolean {
  const stat = fs.lstatSync(directory);
  if (!stat.isDirectory()) return false;
  return typeof process.getuid !== 'function' || stat.uid === process.getuid();
}

/** The text of the stat-digest file for the files of one run (`listedAt`: when it listed them). */
export function serializeStatDigests(root: string, listedAt: number, files: StatDigests): string {
  const stored: StoredStatDigests = { format: FORMAT, root, listedAt, files: Object.fromEntries([...files].map(([relativePath, entry]) => [relativePath, [entry.statKey, entry.digest]])) };
  return JSON.stringify(stored);
}
