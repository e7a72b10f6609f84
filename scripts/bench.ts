/**
 * Scan-speed benchmark (`npm run bench [-- <dir>]`). Without a folder it generates a synthetic
 * monorepo (default 3,000 source files, 2.5% of them with LLM calls, like the measured real one in
 * the scan-speed notes); with one it scans that checkout. It times a cold scan (files/s, peak RSS,
 * files fully parsed), a re-scan with the per-file cache, a re-scan after one edit, and the CLI end
 * to end in fresh processes (with and without V8's code cache; `npm run build` first).
 * `--versus-ast-grep [<dir>]` instead times the CLI against ast-grep on the same tree (see
 * benchVersusAstGrep.ts); `--files N` sizes the synthetic monorepo (30000 for the scale target),
 * `--runs N` the number of alternated runs. `--generate <dir>` only writes the monorepo.
 * `--diff <git checkout> [--base <ref>]` times the CLI's `diff` against a cold scan of the same tree (benchDiff.ts).
 * `--rescan [<dir>] [--saves N]` times the editor's incremental re-scan: a copy of the folder (default
 * examples/support-desk), one scan filling a ScanCache, then N saves (default 100) of the file holding the first
 * call site, each a new text (a numbered comment line added at its top, then removed), each re-scanned with that cache.
 * Prints figures; asserts nothing (timings are never test assertions).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as SourceScanner from '../src/scan/scan';
import { benchDiff } from './benchDiff';
import { benchVersusAstGrep } from './benchVersusAstGrep';
import { nearestRank } from './lib/percentile';

// Measures what ships: builds the bundles, then loads dist/scanner.js (which counts tokens in its
// worker thread). BENCH_SOURCES=1 measures the TypeScript sources through tsx instead.
const fromSources = process.env.BENCH_SOURCES === '1';
const repoRoot = path.resolve(__dirname, '..');
if (!fromSources) spawnSync(process.execPath, [path.join(repoRoot, 'esbuild.mjs')], { cwd: repoRoot, stdio: 'inherit' });
const loadStarted = performance.now();
const scanner: Pick<typeof SourceScanner, 'ScanCache' | 'scanWorkspace'> = require(fromSources ? '../src/scan/scan' : path.join(repoRoot, 'dist', 'scanner.js'));
const { ScanCache, scanWorkspace } = scanner;
console.log(`loaded the scanner (${fromSources ? 'sources' : 'dist/scanner.js'}) in ${(performance.now() - loadStarted).toFixed(0)} ms`);

// `--files N` or BENCH_FILES sets the size of the synthetic monorepo (30000 for the scale target).
const filesFlag = process.argv.indexOf('--files');
const FILES = Number(filesFlag !== -1 ? process.argv.splice(filesFlag, 2)[1] : (process.env.BENCH_FILES ?? 3000));
const runsFlag = process.argv.indexOf('--runs');
const RUNS = Number(runsFlag !== -1 ? process.argv.splice(runsFlag, 2)[1] : 5);
const LLM_SHARE = Number(process.env.BENCH_LLM_SHARE ?? 0.025);
const savesFlag = process.argv.indexOf('--saves');
const SAVES = Number(savesFlag !== -1 ? process.argv.splice(savesFlag, 2)[1] : 100);

// Sizes vary from about 2 KB to 15 KB (mean about 8.3 KB), so 3,000 files weigh about 25 MB like the
// real monorepo in the scan-speed notes; comments and strings mention LLM-ish words a loose filter would keep.
function plainModule(index: number): string {
  const lines = [`import { helper${index % 17} } from '../shared/helpers';`, `import type { Config } from '../shared/config';`, `export interface Row${index} { id: string; value: number; label: string }`];
  const functions = 4 + ((index * 37) % 26);
  for (let f = 0; f < functions; f++) {
    lines.push(
      `/**`,
      ` * Computes the weighted total of rows whose label starts with a marker (variant ${f}).`,
      ` * Used by the report model; see the docs for the prompt that explains the output to users.`,
      ` */`,
      `export function compute${index}_${f}(rows: Row${index}[], config?: Config): number {`,
      `  let total = 0;`,
      `  for (const row of rows) { if (row.label.startsWith('x${f}')) total += row.value * ${f + 1}; }`,
      `  if (config && total > ${f * 10}) throw new Error(\`total \${total} is over the limit for \${row${index}Label(${f})}\`);`,
      `  return helper${index % 17}(total);`,
      `}`,
    );
  }
  lines.push(`function row${index}Label(variant: number): string { return 'variant-' + variant; }`);
  return lines.join('\n') + '\n';
}

function llmModule(index: number): string {
  return `import OpenAI from 'openai';
import { MODELS } from '../shared/models';
const client = new OpenAI();
export async function summarize${index}(article: string) {
  return client.chat.completions.create({ model: MODELS.smart, max_tokens: 200, messages: [{ role: 'system', content: 'Summarize the article in three bullet points.' }, { role: 'user', content: article }] });
}
export async function classify${index}(text: string) {
  return client.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 3, messages: [{ role: 'system', content: 'Classify the sentiment: positive, negative or neutral.' }, { role: 'user', content: text }] });
}
${plainModule(index)}`;
}

function generate(root: string): { llmFiles: string[] } {
  mkdirSync(path.join(root, 'packages', 'shared'), { recursive: true });
  writeFileSync(path.join(root, 'packages', 'shared', 'config.ts'), 'export interface Config { limit: number }\n');
  writeFileSync(path.join(root, 'packages', 'shared', 'models.ts'), `export const MODELS = { smart: 'gpt-4o', fast: 'gpt-4o-mini' } as const;\n`);
  writeFileSync(path.join(root, 'packages', 'shared', 'helpers.ts'), Array.from({ length: 17 }, (_, i) => `export const helper${i} = (n: number) => n + ${i};`).join('\n'));
  const llmEvery = Math.max(1, Math.round(1 / LLM_SHARE));
  const llmFiles: string[] = [];
  for (let index = 0; index < FILES; index++) {
    const folder = path.join(root, 'packages', `pkg${index % 40}`, 'src');
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `module${index}.ts`);
    const isLlm = index % llmEvery === 0;
    writeFileSync(file, isLlm ? llmModule(index) : plainModule(index));
    if (isLlm) llmFiles.push(file);
  }
  // Dependencies and build output that the scan must skip without reading.
  mkdirSync(path.join(root, 'node_modules', 'openai'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules', 'openai', 'index.js'), llmModule(0).repeat(50));
  return { llmFiles };
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint();
  const result = await work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms   rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
  return result;
}

/**
 * The CLI as a user runs it, in a fresh process: Node start, bundle load, scan, JSON out. Run
 * without V8's code cache, then once to write the cache, then with it (a private temp folder, so
 * an earlier cache does not count).
 */
function benchCli(root: string): void {
  const cacheHome = mkdtempSync(path.join(os.tmpdir(), 'llm-advisor-bench-cache-'));
  const bin = path.resolve(__dirname, '..', 'bin', 'llm-hosting-advisor.js');
  const run = (label: string, env: Record<string, string>) => {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [bin, 'scan', root, '--format', 'json'], { env: { ...process.env, TMPDIR: cacheHome, ...env }, maxBuffer: 256 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms${child.status === 0 ? '' : `   exit ${child.status}: ${String(child.stderr).slice(0, 200)}`}`);
  };
  try {
    run('CLI cold, no code cache', { LLM_HOSTING_ADVISOR_CODE_CACHE: '0' });
    run('CLI cold, writing the code cache', {});
    run('CLI cold, with the code cache', {});
    run('CLI cold, with the code cache', {});
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
}

/**
 * The issue's measure: a cold scan in a fresh process (nothing compiled, no encoder, no cache), the
 * scanner loaded as the extension loads it. Peak RSS is that process's own, not this one's (which
 * also generated the repo).
 */
function benchColdProcess(root: string, runs = 3): void {
  const scannerModule = fromSources ? path.join(repoRoot, 'src', 'scan', 'scan.ts') : path.join(repoRoot, 'dist', 'scanner.js');
  const script = `
    const loadStarted = performance.now();
    const { scanWorkspace } = require(${JSON.stringify(scannerModule)});
    const loadMs = performance.now() - loadStarted;
    const scanStarted = performance.now();
    scanWorkspace(${JSON.stringify(root)}).then((result) => {
      const scanMs = performance.now() - scanStarted;
      console.log(JSON.stringify({ loadMs, scanMs, summary: result.summary, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
    });`;
  const scans: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const child = spawnSync(process.execPath, [...(fromSources ? ['--import', 'tsx'] : []), '-e', script], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) {
      console.log(`cold scan in a fresh process failed: ${child.stderr.slice(0, 400)}`);
      return;
    }
    const measured = JSON.parse(child.stdout.trim().split('\n').pop()!) as { loadMs: number; scanMs: number; peakRssMb: number; summary: { filesScanned: number; filesParsed: number; callSites: number } };
    scans.push(measured.scanMs);
    console.log(`cold scan, fresh process, run ${run}          ${measured.scanMs.toFixed(0).padStart(6)} ms   (+ ${measured.loadMs.toFixed(0)} ms loading the scanner)   peak RSS ${measured.peakRssMb.toFixed(0)} MB`);
    if (run === 1) console.log(`  files discovered ${measured.summary.filesScanned}, fully parsed ${measured.summary.filesParsed}, call sites ${measured.summary.callSites}, ${Math.round(measured.summary.filesScanned / (measured.scanMs / 1000))} files/s`);
  }
  console.log(`  median cold scan ${[...scans].sort((a, b) => a - b)[Math.floor(scans.length / 2)].toFixed(0)} ms over ${scans.length} fresh processes`);
}

async function benchCheckout(root: string): Promise<void> {
  benchColdProcess(root);
  const cache = new ScanCache();
  await scanWorkspace(root, { cache });
  await timed('re-scan with cache, nothing changed', () => scanWorkspace(root, { cache }));
  benchCli(root);
  console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

/**
 * The editor's re-scan after a save: the ScanCache serves every file but the saved one. Each save writes a text
 * the workspace has not had before (a numbered comment line added, then removed), as typing does. Median, p95
 * and fastest of the re-scans; nothing is asserted.
 */
async function benchRescan(source: string): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'llm-advisor-rescan-'));
  try {
    cpSync(source, root, { recursive: true, filter: (file) => !/[\\/](node_modules|\.git)$/.test(file) });
    const cache = new ScanCache();
    const firstStarted = performance.now();
    const first = await scanWorkspace(root, { cache });
    const firstMs = performance.now() - firstStarted;
    if (first.callSites.length === 0) return console.log(`no call sites in ${source}: nothing to save`);
    const edited = path.join(root, first.callSites[0].file);
    const original = readFileSync(edited, 'utf8');
    const durations: number[] = [];
    for (let save = 0; save < SAVES; save++) {
      writeFileSync(edited, save % 2 === 0 ? `// edit ${save}\n${original}` : original);
      const started = performance.now();
      await scanWorkspace(root, { cache });
      durations.push(performance.now() - started);
    }
    const sorted = [...durations].sort((a, b) => a - b);
    const at = (share: number) => nearestRank(sorted, share).toFixed(1);
    console.log(`first scan with an empty cache (the editor's first; this process has loaded the scanner already): ${firstMs.toFixed(0)} ms`);
    console.log(`re-scan after a save of ${first.callSites[0].file} (${first.summary.filesScanned} files, ${first.callSites.length} call sites), ${SAVES} saves: median ${at(0.5)} ms, p95 ${at(0.95)} ms, fastest ${sorted[0].toFixed(1)} ms; load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--rescan') return benchRescan(path.resolve(process.argv[3] ?? path.join(repoRoot, 'examples', 'support-desk')));
  if (process.argv[2] === '--generate') {
    // Writes the synthetic monorepo to a folder and keeps it, for profiling cold scans by hand.
    const target = path.resolve(process.argv[3] ?? 'bench-repo');
    mkdirSync(target, { recursive: true });
    console.log(`generated ${generate(target).llmFiles.length} LLM files of ${FILES} in ${target}`);
    return;
  }
  if (process.argv[2] === '--diff') {
    const baseFlag = process.argv.indexOf('--base');
    const base = baseFlag !== -1 ? process.argv.splice(baseFlag, 2)[1] : 'HEAD';
    if (!process.argv[3]) throw new Error('--diff needs a git checkout: npm run bench -- --diff <dir> [--base <ref>]');
    return benchDiff(path.resolve(process.argv[3]), base, RUNS);
  }
  if (process.argv[2] === '--versus-ast-grep') {
    // Against a checkout, or the synthetic monorepo when no folder is given.
    if (process.argv[3]) return benchVersusAstGrep(path.resolve(process.argv[3]), RUNS);
    const generated = mkdtempSync(path.join(os.tmpdir(), 'llm-advisor-bench-'));
    try {
      console.log(`synthetic monorepo: ${FILES} source files, ${generate(generated).llmFiles.length} with LLM calls`);
      return benchVersusAstGrep(generated, RUNS);
    } finally {
      rmSync(generated, { recursive: true, force: true });
    }
  }
  const checkout = process.argv[2];
  if (checkout) return benchCheckout(path.resolve(checkout));
  const root = mkdtempSync(path.join(os.tmpdir(), 'llm-advisor-bench-'));
  try {
    const { llmFiles } = generate(root);
    console.log(`synthetic monorepo: ${FILES} source files, ${llmFiles.length} with LLM calls, in ${root}`);
    benchColdProcess(root);
    await timed('cold scan in this process', () => scanWorkspace(root));
    const cache = new ScanCache();
    await timed('scan filling the cache', () => scanWorkspace(root, { cache }));
    await timed('re-scan, nothing changed', () => scanWorkspace(root, { cache }));
    const edited = llmFiles[0];
    writeFileSync(edited, llmModule(0).replace('three bullet points', 'five bullet points'));
    const later = new Date(Date.now() + 5000);
    utimesSync(edited, later, later);
    const afterEdit = await timed('re-scan after editing one file', () => scanWorkspace(root, { cache }));
    console.log(`  files re-analyzed ${afterEdit.summary.filesScanned! - afterEdit.summary.filesReusedFromCache!}, reused from cache ${afterEdit.summary.filesReusedFromCache}`);
    benchCli(root);
    console.log(`peak RSS of this process over all runs ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
