import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli as run } from './run';
import { main } from '../../../src/cli/main';
import type { CostDiff } from '../../../src/core/report/costDiff';

function call(functionName: string, model: string, prompt: string): string {
  return `export async function ${functionName}(text: string) {\n  return openai.chat.completions.create({ model: '${model}', messages: [{ role: 'system', content: '${prompt}' }, { role: 'user', content: text }] });\n}\n`;
}

const HEADER = `import OpenAI from 'openai';\nconst openai = new OpenAI();\n`;

describe('CLI diff --base', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' }).toString().trim();

  before(() => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'diff-repo-'));
    mkdirSync(path.join(repo, 'app', 'src'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'Test');
    writeFileSync(path.join(repo, 'app', 'src', 'llm.ts'), HEADER + call('summarize', 'gpt-4o-mini', 'Summarize the text.') + call('classify', 'gpt-4o', 'Classify the sentiment.') + call('legacy', 'gpt-4o-mini', 'Translate into French.'));
    git('add', '.');
    git('commit', '-qm', 'base');
    // Working tree: one model upgraded, one call removed, one added. Not committed: diff reads the base from git.
    writeFileSync(path.join(repo, 'app', 'src', 'llm.ts'), HEADER + call('summarize', 'gpt-4o', 'Summarize the text.') + call('classify', 'gpt-4o', 'Classify the sentiment.') + call('extract', 'gpt-4o', 'Extract the names as JSON.'));
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('reports added, removed and changed call sites with the monthly delta, as JSON', async () => {
    const before = readFileSync(path.join(repo, 'app', 'src', 'llm.ts'), 'utf8');
    const { code, stdout } = await run(['diff', path.join(repo, 'app'), '--base', 'HEAD', '--format', 'json']);
    assert.equal(code, 0);
    const diff = JSON.parse(stdout) as CostDiff;
    const kinds = Object.fromEntries(diff.changes.map((change) => [change.id.split('#')[1], change.kind]));
    assert.deepEqual(kinds, { 'summarize:chat.completions.create': 'changed', 'classify:chat.completions.create': 'unchanged', 'extract:chat.completions.create': 'added', 'legacy:chat.completions.create': 'removed' });
    const summarize = diff.changes.find((change) => change.id.includes('summarize'))!;
    assert.ok(summarize.deltaUsd > 0, 'gpt-4o-mini → gpt-4o costs more');
    assert.ok(summarize.reasons.some((reason) => reason.includes('gpt-4o-mini → gpt-4o')));
    assert.ok(diff.monthlyUsdDelta > 0, 'a model upgrade and a new gpt-4o call outweigh a removed gpt-4o-mini call');
    assert.equal(diff.monthlyUsdDelta, Math.round((diff.monthlyUsdAfter - diff.monthlyUsdBefore) * 100) / 100);
    assert.equal(readFileSync(path.join(repo, 'app', 'src', 'llm.ts'), 'utf8'), before, 'the working tree is untouched');
    assert.equal(git('status', '--porcelain'), 'M app/src/llm.ts');
  });

  it('prints Markdown for a pull-request comment', async () => {
    const { code, stdout } = await run(['diff', path.join(repo, 'app'), '--base', 'HEAD']);
    assert.equal(code, 0);
    assert.match(stdout, /^## LLM cost change/);
    assert.match(stdout, /\| added \| src\/llm\.ts:/);
    assert.match(stdout, /\| removed \| src\/llm\.ts:/);
  });

  it('exits 1 when the increase passes --fail-above, 0 below it', async () => {
    assert.equal((await run(['diff', path.join(repo, 'app'), '--base', 'HEAD', '--fail-above', '0'])).code, 1);
    assert.equal((await run(['diff', path.join(repo, 'app'), '--base', 'HEAD', '--fail-above', '1000000'])).code, 0);
  });

  it('says so when git cannot write the base out, after the working tree\'s scan, and leaves no folder behind', async () => {
    // A tar that fails, first on the PATH: the base is written while the working tree is scanned.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'diff-failing-tar-'));
    writeFileSync(path.join(bin, 'tar'), '#!/bin/sh\necho "tar: simulated failure" >&2\nexit 2\n', { mode: 0o755 });
    const basesBefore = readdirSync(os.tmpdir()).filter((name) => name.startsWith('llm-advisor-base-')).length;
    const pathBefore = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${pathBefore}`;
    // The shipped CLI would crash on it (Node ends the process on an unhandled rejection).
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { code, stdout, stderr } = await run(['diff', path.join(repo, 'app'), '--base', 'HEAD']);
      assert.equal(code, 1);
      assert.equal(stdout, '');
      assert.match(stderr, /git archive HEAD failed: tar: simulated failure/);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      process.env.PATH = pathBefore;
      rmSync(bin, { recursive: true, force: true });
    }
    assert.equal(readdirSync(os.tmpdir()).filter((name) => name.startsWith('llm-advisor-base-')).length, basesBefore, 'the base folder is removed');
  });

  it('exits 2 on a ref that does not exist', async () => {
    const { code, stderr } = await run(['diff', path.join(repo, 'app'), '--base', 'no-such-ref']);
    assert.equal(code, 2);
    assert.match(stderr, /cannot read git ref "no-such-ref"/);
  });
});

describe('CLI diff --base, a pull request that changes how imports resolve', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' }).toString().trim();
  const write = (relativePath: string, text: string) => {
    mkdirSync(path.dirname(path.join(repo, relativePath)), { recursive: true });
    writeFileSync(path.join(repo, relativePath), text);
  };
  const client = (model: string) => `import OpenAI from 'openai';\nexport const client = new OpenAI();\nexport const MODEL = '${model}';\n`;
  const tsconfig = (target: string) => JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': [`${target}/*`] } } });

  before(() => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'diff-resolution-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'Test');
    // summarize.ts is the same in both trees; `@/client` is src/client.ts in the base and lib/client.ts in the working tree.
    write('src/summarize.ts', `import { client, MODEL } from '@/client';\nexport async function summarize(text: string) {\n  return client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'Summarize: ' + text }] });\n}\n`);
    write('src/client.ts', client('gpt-4o-mini'));
    write('lib/client.ts', client('gpt-4o'));
    write('tsconfig.json', tsconfig('src'));
    git('add', '.');
    git('commit', '-qm', 'base');
    write('tsconfig.json', tsconfig('lib'));
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('reads the unchanged file through each tree\'s own tsconfig', async () => {
    const { code, stdout } = await run(['diff', repo, '--base', 'HEAD', '--format', 'json']);
    assert.equal(code, 0);
    const diff = JSON.parse(stdout) as CostDiff;
    const summarize = diff.changes.find((change) => change.id.includes('summarize'))!;
    assert.equal(summarize.kind, 'changed');
    assert.ok(summarize.reasons.some((reason) => reason.includes('gpt-4o-mini → gpt-4o')), summarize.reasons.join('; '));
  });
});

describe('CLI diff --base with the result store (what a CI job restores from its cache)', () => {
  let repo: string;
  let store: string;
  // Both commits at one time: git archive writes every file with its commit's time.
  const sameTime = { GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe', env: { ...process.env, ...sameTime } }).toString().trim();
  const source = (model: string, extra = '') => HEADER + call('summarize', model, 'Summarize the text.') + extra;
  /** The CLI as launch.ts runs it, with the store in `store` (in-process runs have none). */
  const runWithStore = async (argv: string[]) => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk) => (out += chunk));
    const code = await main(argv, stdout, new PassThrough(), { resultCacheDirectory: store });
    return { code, stdout: out };
  };

  before(() => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'diff-store-repo-'));
    store = mkdtempSync(path.join(os.tmpdir(), 'diff-store-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'Test');
    // Two commits whose files differ in the model alone, with names of one length: written out by git archive with the
    // same size and time, only their text tells them apart.
    writeFileSync(path.join(repo, 'llm.ts'), source('gpt-4.1'));
    git('add', '.');
    git('commit', '-qm', 'first');
    writeFileSync(path.join(repo, 'llm.ts'), source('o4-mini'));
    git('commit', '-qam', 'second');
    writeFileSync(path.join(repo, 'llm.ts'), source('o4-mini', call('extract', 'gpt-4o', 'Extract the names as JSON.')));
  });
  after(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(store, { recursive: true, force: true });
  });

  it('gives what a run without it gives, keeps both trees\' results, and reads a new base afresh', async () => {
    // The same base twice is written out once (the second finds the folder holding it), another one afresh.
    for (const base of ['HEAD~1', 'HEAD~1', 'HEAD', 'HEAD~1']) {
      const stored = await runWithStore(['diff', repo, '--base', base, '--format', 'json']);
      const fresh = await run(['diff', repo, '--base', base, '--format', 'json', '--no-cache']);
      assert.equal(stored.code, 0);
      assert.deepEqual(JSON.parse(stored.stdout), JSON.parse(fresh.stdout), `--base ${base}`);
      const summarize = (JSON.parse(stored.stdout) as CostDiff).changes.find((change) => change.id.includes('summarize'))!;
      assert.equal(summarize.kind, base === 'HEAD' ? 'unchanged' : 'changed', `--base ${base}`);
    }
    // A temp-folder cleaner took a file of the kept base (unread for days: the store trusts its stat): written out again.
    const keptBase = readdirSync(store).find((name) => name.startsWith('base-') && !name.includes('.'))!;
    rmSync(path.join(store, keptBase, 'llm.ts'));
    const afterCleaner = await runWithStore(['diff', repo, '--base', 'HEAD~1', '--format', 'json']);
    assert.deepEqual(JSON.parse(afterCleaner.stdout), JSON.parse((await run(['diff', repo, '--base', 'HEAD~1', '--format', 'json', '--no-cache'])).stdout));
    const kept = readdirSync(store).filter((name) => name.startsWith('results-'));
    assert.equal(kept.length, 2, `the working tree's results and the base's: ${kept.join(', ')}`);
    const bases = readdirSync(store).filter((name) => name.startsWith('base-'));
    assert.equal(bases.length, 2, `the last base written out and its marker, no lock: ${bases.join(', ')}`);
    assert.equal(bases.filter((name) => name.endsWith('.lock')).length, 0);
  });
});
