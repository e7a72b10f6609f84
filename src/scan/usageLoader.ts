import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../model/types';
import { fileStamp, type StampReader } from './files';
import { parseUsageFile, type UsageFile } from '../core/usage/usage';
import { USAGE_FILE_NAME } from '../model/vocabulary';
import { isInsideFolder } from '../runtime/insideFolder';

/**
 * Larger than any hand-written usage file (thousands of entries are well under 1 MB); past it the
 * YAML parser would take minutes and gigabytes, so the file is reported and left out instead.
 */
const MAX_USAGE_FILE_BYTES = 5 * 1024 * 1024;

/** Reads the workspace usage file when there is one; a missing file is normal, a broken one a diagnostic. */
export async function loadUsageForRoot(root: string, usageFile = USAGE_FILE_NAME): Promise<{ usage: UsageFile | undefined; diagnostics: Diagnostic[] }> {
  const absolute = path.resolve(root, usageFile);
  const relative = path.relative(root, absolute).split(path.sep).join('/');
  const refuse = (message: string) => ({ usage: undefined, diagnostics: [{ file: relative, message: `${message}; the usage file is ignored (built-in defaults apply)`, severity: 'error' as const }] });
  let text: string;
  try {
    // The workspace's own usage file must be the workspace's: a symlink out of it is not followed
    // (it could point at any file of the machine). A path given with --usage is the user's choice.
    if (usageFile === USAGE_FILE_NAME) {
      const [real, realRoot] = await Promise.all([fs.realpath(absolute), fs.realpath(root)]);
      if (!isInsideFolder(real, realRoot)) return refuse(`${relative} is a link to a file outside the workspace`);
    }
    const stat = await fs.stat(absolute);
    if (stat.size > MAX_USAGE_FILE_BYTES) return refuse(`${relative} is ${(stat.size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_USAGE_FILE_BYTES / 1024 / 1024} MB a usage file can be`);
    const bytes = await fs.readFile(absolute);
    if (bytes.includes(0)) return refuse(`${relative} is not a text file`);
    text = bytes.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { usage: undefined, diagnostics: [] };
    return { usage: undefined, diagnostics: [{ file: relative, message: `cannot read usage file: ${(error as Error).message}`, severity: 'error' }] };
  }
  const parsed = parseUsageFile(text);
  const diagnostics: Diagnostic[] = parsed.errors.map((error) => ({ file: relative, line: error.line, message: `${error.message} (this entry is ignored; other entries still apply)`, severity: 'error' }));
  return { usage: parsed.usage, diagnostics };
}

/**
 * Entries that match nothing are usually typos or renamed code; say so rather than silently
 * ignoring the volume the user meant to set.
 */
export function unmatchedUsageEntries(usage: UsageFile | undefined, callSites: ReadonlyArray<{ id: string; enclosingFunction: string | null }>, usageFile = USAGE_FILE_NAME): Diagnostic[] {
  if (!usage) return [];
  const ids = new Set(callSites.map((site) => site.id));
  const functions = new Set(callSites.flatMap((site) => (site.enclosingFunction ? [site.enclosingFunction, site.enclosingFunction.split('.').pop()!] : [])));
  const diagnostics: Diagnostic[] = [];
  for (const [id, entry] of Object.entries(usage.callSites ?? {})) {
    if (!ids.has(id)) diagnostics.push({ file: usageFile, line: entry.line, message: `callSites["${id}"] matches no call site (ids are listed by scan --format json); its values are not used`, severity: 'warning' });
  }
  for (const [name, entry] of Object.entries(usage.functions ?? {})) {
    if (!functions.has(name)) diagnostics.push({ file: usageFile, line: entry.line, message: `functions["${name}"] matches no function that contains a call site; its values are not used`, severity: 'warning' });
  }
  return diagnostics;
}

/**
 * The usage file as last read, reused while its size and modification time stay the same, so a
 * re-scan after a source edit neither reads nor parses it again.
 */
export class UsageFileCache {
  private last: { path: string; stamp: string; loaded: Awaited<ReturnType<typeof loadUsageForRoot>> } | undefined;

  async load(root: string, usageFile = USAGE_FILE_NAME, stampOf: StampReader = fileStamp): Promise<Awaited<ReturnType<typeof loadUsageForRoot>>> {
    const absolute = path.resolve(root, usageFile);
    // Stamped before reading: a write in between gives a newer stamp next time, never a stale hit.
    const stamp = stampOf(absolute);
    if (this.last?.path !== absolute || this.last.stamp !== stamp) this.last = { path: absolute, stamp, loaded: await loadUsageForRoot(root, usageFile) };
    return this.last.loaded;
  }

  clear(): void {
    this.last = undefined;
  }
}
