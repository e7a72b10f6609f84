/**
 * `npm run bench -- --diff <git checkout> [--base <ref>] [--runs N]`: times the shipped CLI's
 * `diff --base <ref> <dir> --format json`, what a pull request's check runs on a fresh CI runner
 * (both trees scanned cold: no result cache), beside a cold `scan` of the same working tree,
 * alternated, each in a fresh process with V8's code cache on (written once before timing). The
 * base defaults to HEAD: the working tree's uncommitted changes are the pull request. Then `diff`
 * with the result store of an earlier run (LLM_HOSTING_ADVISOR_CACHE_DIR), which also keeps the base
 * tree that run wrote out: as a CI job that restores the store from its cache runs it (the file stats
 * forgotten before each run, since a fresh checkout gives every file new ones; the checkout itself is
 * not touched, and the cache step's own restore is not timed), and as a developer's next run (nothing
 * forgotten). Prints medians and peak RSS; asserts nothing.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, processTimer, type Timing } from './lib/processTiming';

export function benchDiff(root: string, base: string, runs: number): void {
  const bin = path.join(path.resolve(__dirname, '..'), 'bin', 'llm-hosting-advisor.js');
  const workDirectory = mkdtempSync(path.join(os.tmpdir(), 'llm-advisor-bench-diff-'));
  const timer = processTimer(workDirectory);
  const cold = { extraEnv: { LLM_HOSTING_ADVISOR_CACHE: '0' }, nodeWithRss: true };
  const diff = () => timer.time(process.execPath, [bin, 'diff', '--base', base, root, '--format', 'json'], cold);
  const scan = () => timer.time(process.execPath, [bin, 'scan', root, '--format', 'json'], cold);
  try {
    console.log(`diff: node bin/llm-hosting-advisor.js diff --base ${base} ${root} --format json; scan: the same working tree (fresh process each run, no result cache)`);
    for (const warm of [diff(), scan()]) if (!warm.ok) throw new Error(`the CLI failed: ${warm.detail}`);
    const diffs: Timing[] = [];
    const scans: Timing[] = [];
    for (let run = 1; run <= runs; run++) {
      const a = diff();
      const b = scan();
      if (!a.ok || !b.ok) throw new Error(`run ${run} failed: ${a.ok ? b.detail : a.detail}`);
      diffs.push(a);
      scans.push(b);
      console.log(`  run ${run}: diff ${a.ms.toFixed(0)} ms (peak RSS ${a.peakRssMb!.toFixed(0)} MB), scan ${b.ms.toFixed(0)} ms (peak RSS ${b.peakRssMb!.toFixed(0)} MB)`);
    }
    const diffMedian = median(diffs.map((t) => t.ms));
    const scanMedian = median(scans.map((t) => t.ms));
    console.log(`median of ${runs}: diff ${diffMedian.toFixed(0)} ms, scan ${scanMedian.toFixed(0)} ms (diff ${(diffMedian / scanMedian).toFixed(2)}× a scan); diff's peak RSS ${Math.max(...diffs.map((t) => t.peakRssMb!)).toFixed(0)} MB`);

    const store = path.join(workDirectory, 'result-store');
    const withStore = (forgetStats: boolean) => {
      if (forgetStats) forgetFileStats(store);
      return timer.time(process.execPath, [bin, 'diff', '--base', base, root, '--format', 'json'], { extraEnv: { LLM_HOSTING_ADVISOR_CACHE_DIR: store }, nodeWithRss: true });
    };
    const first = withStore(false);
    if (!first.ok) throw new Error(`the CLI failed: ${first.detail}`);
    console.log(`diff with a result store: the first run (an empty store) ${first.ms.toFixed(0)} ms (peak RSS ${first.peakRssMb!.toFixed(0)} MB)`);
    for (const [forgetStats, what] of [[true, 'file stats forgotten (a fresh CI checkout restoring the store)'], [false, 'nothing forgotten (a developer\'s next run)']] as const) {
      const stored: Timing[] = [];
      for (let run = 1; run <= runs; run++) {
        const timing = withStore(forgetStats);
        if (!timing.ok) throw new Error(`run ${run} failed: ${timing.detail}`);
        stored.push(timing);
        console.log(`  run ${run}: diff with the store of the run before, ${what}: ${timing.ms.toFixed(0)} ms (peak RSS ${timing.peakRssMb!.toFixed(0)} MB)`);
      }
      const storedMedian = median(stored.map((t) => t.ms));
      console.log(`median of ${runs}: diff with the store of an earlier run, ${what}: ${storedMedian.toFixed(0)} ms (${(storedMedian / scanMedian).toFixed(2)}× a cold scan, ${(storedMedian / diffMedian).toFixed(2)}× a cold diff); peak RSS ${Math.max(...stored.map((t) => t.peakRssMb!)).toFixed(0)} MB`);
    }
    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (figures on a shared machine vary)`);
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }
}

/** Drops the stat digests the store keeps beside its results (scan/statDigests.ts): every file is then read and hashed, as after a fresh checkout. */
function forgetFileStats(store: string): void {
  let names: string[];
  try {
    names = readdirSync(store);
  } catch {
    return;
  }
  for (const name of names) if (/^(?:dependency-)?stats-.*\.json$/.test(name)) rmSync(path.join(store, name), { force: true });
}
