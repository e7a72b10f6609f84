/**
 * `npm run bench -- --diff <git checkout> [--base <ref>] [--runs N]`: times the shipped CLI's
 * `diff --base <ref> <dir> --format json`, what a pull request's check runs on a fresh CI runner
 * (both trees scanned cold: no result cache), beside a cold `scan` of the same working tree,
 * alternated, each in a fresh process with V8's code cache on (written once before timing). The
 * base defaults to HEAD: the working tree's uncommitted changes are the pull request. Prints
 * medians and peak RSS; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
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
    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (figures on a shared machine vary)`);
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }
}
