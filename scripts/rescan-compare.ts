/**
 * Compares the editor's cached re-scans with fresh scans on real checkouts (`npx tsx scripts/rescan-compare.ts
 * <dir>...`): in a temporary copy of each, one scan fills a ScanCache, then three files are edited in turn (the file
 * of the first call site, a helper file whose callers the scan found, and a file holding no call nor caller), each
 * with a line added at its top, one added at its end, and both taken back; after every edit `scanWorkspace(root,
 * { cache })` is compared with `scanWorkspace(root)` (JSON, without timings and cache counts). Prints the count of
 * comparisons and of differences (with the first differing call site); exits 1 on a difference. Asserts nothing
 * about time.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ScanCache, scanWorkspace } from '../src/scan/scan';
import type { ScanResult } from '../src/model/types';

const NOW = () => new Date('2026-01-01T00:00:00Z');

function comparable(result: ScanResult): string {
  return JSON.stringify({ ...result, summary: { ...result.summary, durationMs: undefined, filesReusedFromCache: undefined, filesParsed: undefined } });
}

/** The three files edited: a call's, a helper's (one whose callers were found), and one the result does not mention. */
function filesToEdit(result: ScanResult, sourceFiles: readonly string[]): Array<{ role: string; file: string }> {
  const mentioned = new Set(result.callSites.flatMap((site) => [site.file, ...(site.via ? [site.via.file] : []), ...(site.callers ?? []).map((caller) => caller.file)]));
  const call = result.callSites.find((site) => site.kind !== 'wrapper-caller');
  const helper = result.callSites.find((site) => site.kind !== 'wrapper-caller' && (site.callers?.length ?? 0) > 0 && site.file !== call?.file);
  const unrelated = sourceFiles.find((file) => !mentioned.has(file));
  return [
    ...(call ? [{ role: 'call', file: call.file }] : []),
    ...(helper ? [{ role: 'helper', file: helper.file }] : []),
    ...(unrelated ? [{ role: 'unrelated', file: unrelated }] : []),
  ];
}

function firstDifference(cached: ScanResult, fresh: ScanResult): string {
  const length = Math.max(cached.callSites.length, fresh.callSites.length);
  for (let index = 0; index < length; index++) {
    const a = JSON.stringify(cached.callSites[index]);
    const b = JSON.stringify(fresh.callSites[index]);
    if (a !== b) return `call site ${index}: cached ${a?.slice(0, 300)} / fresh ${b?.slice(0, 300)}`;
  }
  return `${cached.callSites.length} vs ${fresh.callSites.length} call sites; summary or diagnostics differ`;
}

async function compareRepo(source: string): Promise<{ comparisons: number; differences: number }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rescan-compare-'));
  let comparisons = 0;
  let differences = 0;
  try {
    cpSync(source, root, { recursive: true, filter: (file) => !/[\\/](node_modules|\.git)$/.test(file) });
    const cache = new ScanCache();
    const first = await scanWorkspace(root, { cache, now: NOW });
    const { discoverSourceFiles } = await import('../src/scan/files');
    const sourceFiles = (await discoverSourceFiles(root)).files.map((file) => file.relativePath).filter((file) => /\.[cm]?tsx?$/.test(file));
    let writes = 0;
    for (const { role, file } of filesToEdit(first, sourceFiles)) {
      const absolute = path.join(root, file);
      const original = readFileSync(absolute, 'utf8');
      for (const [what, text] of [['line added at the top', `// rescan-compare\n${original}`], ['line added at the end', `${original}\n// rescan-compare\n`], ['taken back', original]] as const) {
        writeFileSync(absolute, text);
        // A modification time no earlier write shares, as the editor's saves have.
        const later = new Date(Date.now() + ++writes * 5000);
        utimesSync(absolute, later, later);
        const cached = await scanWorkspace(root, { cache, now: NOW });
        const fresh = await scanWorkspace(root, { now: NOW });
        comparisons++;
        const same = comparable(cached) === comparable(fresh);
        if (!same) differences++;
        console.log(`${path.basename(source)}: ${role} file ${file}, ${what}: ${same ? 'same' : `DIFFERENT (${firstDifference(cached, fresh)})`}`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return { comparisons, differences };
}

async function main(): Promise<void> {
  let comparisons = 0;
  let differences = 0;
  for (const source of process.argv.slice(2)) {
    const counts = await compareRepo(path.resolve(source));
    comparisons += counts.comparisons;
    differences += counts.differences;
  }
  console.log(`${comparisons} comparisons of a cached re-scan with a fresh scan, ${differences} different`);
  if (differences > 0) process.exitCode = 1;
}

void main();
