/**
 * `npm run bench -- --versus-ast-grep [<dir>]`: our shipped CLI against ast-grep (the npm package
 * `@ast-grep/cli`, tree-sitter in Rust) over the same tree, in the same run, alternated, so load on a
 * shared machine hits both alike. ast-grep gets nine LLM call patterns in one `scan` (one walk of the
 * tree, all its threads), each pattern for TypeScript, TSX and JavaScript files: what a team would
 * script instead of installing us. Ours is `node bin/llm-hosting-advisor.js scan <dir> --format json`
 * in a fresh process with V8's code cache on (written once before timing) and, for the cold figure,
 * the per-file result cache off. Prints medians and the ratio; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, processTimer, type Timing } from './lib/processTiming';

/** The nine call shapes of the issue: chat, messages, AI SDK, Gemini, embeddings, LangChain, fetch. */
export const AST_GREP_PATTERNS = [
  '$C.chat.completions.create($$$)',
  '$C.messages.create($$$)',
  'generateText($$$)',
  'streamText($$$)',
  '$M.generateContent($$$)',
  '$C.embeddings.create($$$)',
  'new ChatOpenAI($$$)',
  '$M.invoke($$$)',
  'fetch($$$)',
] as const;

const AST_GREP_LANGUAGES = ['TypeScript', 'Tsx', 'JavaScript'] as const;

export function astGrepRules(): string {
  return AST_GREP_LANGUAGES.flatMap((language) => AST_GREP_PATTERNS.map((pattern, index) => `id: llm-call-${index}-${language.toLowerCase()}\nlanguage: ${language}\nseverity: info\nrule:\n  pattern: ${JSON.stringify(pattern)}\n`)).join('---\n');
}

export function benchVersusAstGrep(root: string, runs: number): void {
  const repoRoot = path.resolve(__dirname, '..');
  const astGrepBin = path.join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'ast-grep.cmd' : 'ast-grep');
  const version = spawnSync(astGrepBin, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    console.log(`ast-grep is not installed (${astGrepBin}): npm install first (it is a devDependency)`);
    process.exitCode = 1;
    return;
  }
  const workDirectory = mkdtempSync(path.join(os.tmpdir(), 'llm-advisor-versus-'));
  const rules = astGrepRules();
  const timer = processTimer(workDirectory);
  const bin = path.join(repoRoot, 'bin', 'llm-hosting-advisor.js');
  const ours = (resultCache: boolean) => timer.time(process.execPath, [bin, 'scan', root, '--format', 'json'], { extraEnv: { LLM_HOSTING_ADVISOR_CACHE: resultCache ? '1' : '0' }, nodeWithRss: true });
  const astGrep = () => timer.time(astGrepBin, ['scan', '--inline-rules', rules, '--json=compact', root]);

  try {
    console.log(`ours: node bin/llm-hosting-advisor.js scan ${root} --format json (fresh process each run)`);
    console.log(`ast-grep ${version.stdout.trim()}: scan --inline-rules <${AST_GREP_PATTERNS.length} patterns × ${AST_GREP_LANGUAGES.length} languages> ${root}`);
    // Writes V8's code cache (the shipped default) and checks both tools work before timing.
    const warm = ours(false);
    if (!warm.ok) throw new Error(`our CLI failed: ${warm.detail}`);
    const ourCalls = (JSON.parse(warm.detail) as { callSites: unknown[] }).callSites.length;
    const grepWarm = astGrep();
    if (!grepWarm.ok) throw new Error(`ast-grep failed: ${grepWarm.detail}`);
    const grepMatches = (JSON.parse(grepWarm.detail) as unknown[]).length;
    console.log(`  we report ${ourCalls} call sites; ast-grep matches ${grepMatches} nodes (its fetch and invoke patterns match any fetch/invoke)`);

    const oursCold: Timing[] = [];
    const grep: Timing[] = [];
    for (let run = 1; run <= runs; run++) {
      // Alternated so a burst of load from others on the machine lands on both.
      const a = ours(false);
      const b = astGrep();
      if (!a.ok || !b.ok) throw new Error(`run ${run} failed: ${a.ok ? b.detail : a.detail}`);
      oursCold.push(a);
      grep.push(b);
      console.log(`  run ${run}: ours ${a.ms.toFixed(0)} ms (peak RSS ${a.peakRssMb!.toFixed(0)} MB), ast-grep ${b.ms.toFixed(0)} ms`);
    }
    const oursMedian = median(oursCold.map((t) => t.ms));
    const grepMedian = median(grep.map((t) => t.ms));
    const peak = Math.max(...oursCold.map((t) => t.peakRssMb!));
    console.log(`median of ${runs}: ours ${oursMedian.toFixed(0)} ms cold, ast-grep ${grepMedian.toFixed(0)} ms: ratio ${(oursMedian / grepMedian).toFixed(2)}× (target ≤ 1.0, goal 0.5); our peak RSS ${peak.toFixed(0)} MB (target ≤ 300)`);

    // The per-file result cache (on by default): a second run over an unchanged tree.
    ours(true);
    const cached: Timing[] = [];
    for (let run = 1; run <= runs; run++) cached.push(ours(true));
    const cachedMedian = median(cached.map((t) => t.ms));
    console.log(`median of ${runs}: ours ${cachedMedian.toFixed(0)} ms with the result cache of an earlier run: ratio ${(cachedMedian / grepMedian).toFixed(2)}×; peak RSS ${Math.max(...cached.map((t) => t.peakRssMb!)).toFixed(0)} MB`);
    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (figures on a shared machine vary)`);
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }
}
