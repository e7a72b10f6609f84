/**
 * Times a command in a fresh process, for the benchmarks that run the shipped CLI (benchVersusAstGrep.ts,
 * benchDiff.ts): wall time, and the peak RSS of a Node child, written at its exit by a preload
 * (spawnSync cannot tell one child's). Each bench's work folder is its TMPDIR too, so the CLI's code
 * and result caches stay in it. Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface Timing {
  ms: number;
  peakRssMb?: number;
  ok: boolean;
  /** Standard output when the command succeeded, else its exit code and the start of its standard error. */
  detail: string;
}

export interface ProcessTimer {
  /** Times `command args`; with `nodeWithRss`, the command is `node` and its peak RSS is read too. */
  time(command: string, args: string[], options?: { extraEnv?: Record<string, string>; nodeWithRss?: boolean; cwd?: string }): Timing;
}

export function processTimer(workDirectory: string): ProcessTimer {
  const rssProbe = path.join(workDirectory, 'rss-probe.cjs');
  writeFileSync(rssProbe, `process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n`);
  const rssFile = path.join(workDirectory, 'rss');
  const env = { ...process.env, TMPDIR: workDirectory, BENCH_RSS_FILE: rssFile };
  return {
    time(command, args, { extraEnv = {}, nodeWithRss = false, cwd } = {}) {
      const started = process.hrtime.bigint();
      const child = spawnSync(command, nodeWithRss ? ['-r', rssProbe, ...args] : args, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const peakRssMb = nodeWithRss ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined;
      return { ms, peakRssMb, ok: child.status === 0, detail: child.status === 0 ? String(child.stdout) : `exit ${child.status}: ${String(child.stderr).slice(0, 300)}` };
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
