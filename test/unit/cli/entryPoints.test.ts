/**
 * Every shipped entry point, run the way users run it: `node bin/llm-hosting-advisor.js` (which
 * loads dist/launch.js, which loads dist/cli.js through V8's code cache) and the extension's
 * dist/scanner.js loaded through the same code-cache loader the extension uses. Each runs with the
 * code cache on (the default; first run compiles and saves, later runs read the cache) and off
 * (LLM_HOSTING_ADVISOR_CODE_CACHE=0), from a working directory outside the repository. The other
 * CLI tests call src/cli/main in-process, which is how `diff` once crashed only in the shipped bundle.
 * Uses dist/ as `npm test`'s build layer left it; builds it once when missing.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.join(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'llm-hosting-advisor.js');
const EXAMPLE = path.join(ROOT, 'examples', 'support-desk');

function ensureBuilt(): void {
  const bundles = ['launch.js', 'cli.js', 'tsmorph.js', 'prereader.js', 'scanner.js'].map((name) => path.join(ROOT, 'dist', name));
  if (bundles.every((bundle) => existsSync(bundle))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

for (const cacheOn of [true, false]) {
  describe(`shipped entry points, code cache ${cacheOn ? 'on' : 'off'}`, function () {
    this.timeout(120000);
    let work: string;
    let temporary: string;
    let repo: string;

    const env = () => ({ ...process.env, TMPDIR: temporary, LLM_HOSTING_ADVISOR_CODE_CACHE: cacheOn ? '1' : '0', FORCE_COLOR: '0' });
    /** The shipped bin, from a directory outside the repository. */
    function cli(args: string[], cwd = work, extraEnv: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...env(), ...extraEnv }, encoding: 'utf8', maxBuffer: 64 << 20 });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    }
    const ok = (r: { code: number; stderr: string }, what: string) => assert.equal(r.code, 0, `${what} exited ${r.code}: ${r.stderr}`);

    before(function () {
      ensureBuilt();
      work = mkdtempSync(path.join(os.tmpdir(), 'llmha-entry-cwd-'));
      temporary = mkdtempSync(path.join(os.tmpdir(), 'llmha-entry-tmp-'));
      // A git repository with the example committed and one call's model changed in the working tree, for `diff`.
      repo = mkdtempSync(path.join(os.tmpdir(), 'llmha-entry-repo-'));
      cpSync(EXAMPLE, repo, { recursive: true });
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'pipe' });
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'base');
      const extract = path.join(repo, 'src', 'tickets', 'extract.ts');
      const source = readFileSync(extract, 'utf8');
      assert.ok(source.includes("model: 'gpt-4o-mini'"));
      writeFileSync(extract, source.replace("model: 'gpt-4o-mini'", "model: 'gpt-4o'"));
    });
    after(() => {
      for (const dir of [work, temporary, repo]) rmSync(dir, { recursive: true, force: true });
    });

    it('scan --format json lists the example\'s calls with prices', () => {
      const r = cli(['scan', EXAMPLE, '--format', 'json']);
      ok(r, 'scan --format json');
      const result = JSON.parse(r.stdout) as { callSites: Array<{ file: string; monthlyUsdCurrent: number | null }> };
      assert.ok(result.callSites.length >= 5, `${result.callSites.length} call sites`);
      assert.ok(result.callSites.some((c) => c.file === 'src/kb/answer.ts' && (c.monthlyUsdCurrent ?? 0) > 0));
    });

    it('scan (table, the default) and scan --format markdown', () => {
      const table = cli(['scan', EXAMPLE]);
      ok(table, 'scan');
      assert.match(table.stdout, /src\/kb\/answer\.ts:\d+/);
      assert.match(table.stdout, /Recommendation/);
      const markdown = cli(['scan', EXAMPLE, '--format', 'markdown']);
      ok(markdown, 'scan --format markdown');
      assert.match(markdown.stdout, /^# /m);
      assert.match(markdown.stdout, /answer\.ts/);
    });

    it('scan --out and --plan write their files (relative to the working directory)', () => {
      const r = cli(['scan', EXAMPLE, '--format', 'json', '--out', 'scan.json', '--plan', 'plan.md']);
      ok(r, 'scan --out --plan');
      assert.equal(r.stdout, '', 'nothing on stdout with --out');
      assert.ok(JSON.parse(readFileSync(path.join(work, 'scan.json'), 'utf8')).callSites.length >= 5);
      assert.match(readFileSync(path.join(work, 'plan.md'), 'utf8'), /^# /m);
    });

    it('a reader that closes the pipe early (`scan | head`) ends the run quietly, and --plan is still written', async () => {
      const plan = path.join(work, 'piped-plan.md');
      const child = spawn(process.execPath, [BIN, 'scan', EXAMPLE, '--format', 'json', '--plan', plan], { cwd: work, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
      // Like `head -c 1`: the first chunk read, then the pipe closed while the report is still being written.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 0, stderr);
      assert.doesNotMatch(stderr, /EPIPE|Error/);
      assert.match(readFileSync(plan, 'utf8'), /^# /m);
    });

    it('diff --base HEAD (the README\'s CI recipe) reports the changed model, run inside the repository', () => {
      const r = cli(['diff', '--base', 'HEAD'], repo);
      ok(r, 'diff --base HEAD');
      assert.match(r.stdout, /LLM cost change/);
      assert.match(r.stdout, /extract\.ts/);
      const json = cli(['diff', repo, '--base', 'HEAD', '--format', 'json']);
      ok(json, 'diff --format json');
      const diff = JSON.parse(json.stdout) as { changes: Array<{ kind: string }>; monthlyUsdDelta: number };
      assert.ok(diff.changes.some((change) => change.kind === 'changed'));
      assert.ok(diff.monthlyUsdDelta > 0, 'gpt-4o costs more than gpt-4o-mini');
    });

    it('diff keeps both trees\' results in LLM_HOSTING_ADVISOR_CACHE_DIR (the README\'s CI cache step) and gives the same answer from them', () => {
      const store = path.join(temporary, 'ci-cache');
      const withStore = () => cli(['diff', repo, '--base', 'HEAD', '--format', 'json'], work, { LLM_HOSTING_ADVISOR_CACHE_DIR: store });
      const first = withStore();
      ok(first, 'diff filling the store');
      const kept = readdirSync(store);
      assert.equal(kept.filter((name) => name.startsWith('results-')).length, 2, kept.join(', '));
      assert.deepEqual(kept.filter((name) => name.endsWith('.lock')), [], 'the base folder\'s lock is removed');
      const second = withStore();
      ok(second, 'diff from the store');
      assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout));
      assert.deepEqual(JSON.parse(second.stdout), JSON.parse(cli(['diff', repo, '--base', 'HEAD', '--format', 'json', '--no-cache']).stdout));
    });

    it('size, with and without --precision', () => {
      const r = cli(['size', '--model', 'llama-3.1-8b', '--gpu', 'h100-80gb']);
      ok(r, 'size');
      assert.match(r.stdout, /FITS/);
      const json = cli(['size', '--model', 'llama-3.1-8b', '--precision', 'int4', '--format', 'json']);
      ok(json, 'size --format json');
      assert.equal(JSON.parse(json.stdout).precision, 'int4');
    });

    it('bad arguments exit 2 with one line, not a stack trace', () => {
      const r = cli(['scan', path.join(work, 'does-not-exist')]);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    });

    it(cacheOn ? 'the code cache was written and is used by the next run' : 'no code cache is written', () => {
      const cacheDir = path.join(temporary, 'llm-hosting-advisor-code-cache');
      if (!cacheOn) {
        assert.ok(!existsSync(cacheDir) || readdirSync(cacheDir).length === 0, 'cache directory stays empty');
        return;
      }
      const files = readdirSync(cacheDir);
      assert.ok(files.some((name) => name.startsWith('cli.js-') && name.endsWith('.v8-code-cache')), files.join(', '));
      assert.ok(files.some((name) => name.startsWith('tsmorph.js-') && name.endsWith('.v8-code-cache')), `ts-morph's bundle has its own cache: ${files.join(', ')}`);
    });

    if (!cacheOn) {
      it('a scan parsing files loads ts-morph\'s bundle; a second scan answered by the result store does not', () => {
        // Without the code cache the bundles load through require, which a preloaded hook sees.
        const hook = path.join(temporary, 'report-ts-morph-load.cjs');
        writeFileSync(hook, "const Module = require('node:module'); const load = Module._load;\nModule._load = function (request) { if (/[\\\\/]tsmorph\\.js$/.test(request)) process.stderr.write('loaded dist/tsmorph.js\\n'); return load.apply(this, arguments); };\n");
        const scan = (...extra: string[]) => spawnSync(process.execPath, ['--require', hook, BIN, 'scan', EXAMPLE, '--format', 'json', ...extra], { cwd: work, env: env(), encoding: 'utf8', maxBuffer: 64 << 20 });
        const parsing = scan('--no-cache');
        ok({ code: parsing.status ?? -1, stderr: parsing.stderr }, 'scan --no-cache');
        assert.match(parsing.stderr, /loaded dist\/tsmorph\.js/);
        scan();
        const stored = scan();
        ok({ code: stored.status ?? -1, stderr: stored.stderr }, 'second scan');
        assert.doesNotMatch(stored.stderr, /tsmorph/);
        const result = JSON.parse(stored.stdout) as { summary: { filesReusedFromCache: number; filesScanned: number } };
        assert.equal(result.summary.filesReusedFromCache, result.summary.filesScanned, JSON.stringify(result.summary));
        assert.deepEqual(JSON.parse(stored.stdout).callSites, JSON.parse(parsing.stdout).callSites);
      });
    }

    it('the extension\'s scanner bundle, loaded as the extension loads it, scans the example', () => {
      // scanModel.ts loads dist/scanner.js with requireWithCodeCache (bundled into dist/extension.js,
      // which needs `vscode`); the same loader from source, on the shipped scanner bundle.
      const script = `
        const { requireWithCodeCache } = require(${JSON.stringify(path.join(ROOT, 'src', 'runtime', 'codeCache.ts'))});
        const cacheDir = ${cacheOn ? `require('node:path').join(require('node:os').tmpdir(), 'llmha-scanner-cache')` : 'undefined'};
        (async () => {
          for (let round = 0; round < 2; round++) {
            const loaded = requireWithCodeCache(${JSON.stringify(path.join(ROOT, 'dist', 'scanner.js'))}, cacheDir);
            const result = await loaded.exports.scanWorkspace(${JSON.stringify(EXAMPLE)}, { defaultCallsPerMonth: 10000 });
            await loaded.saveCache();
            console.log(JSON.stringify({ cache: loaded.cache, calls: result.callSites.length }));
            delete require.cache[${JSON.stringify(path.join(ROOT, 'dist', 'scanner.js'))}];
          }
        })().catch((e) => { console.error(e); process.exit(1); });`;
      const r = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, '-e', script], { cwd: work, env: env(), encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const rounds = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as { cache: string; calls: number });
      assert.equal(rounds.length, 2);
      for (const round of rounds) assert.ok(round.calls >= 5, `${round.calls} call sites`);
      assert.deepEqual(rounds.map((round) => round.cache), cacheOn ? ['missing', 'used'] : ['off', 'off']);
    });
  });
}
