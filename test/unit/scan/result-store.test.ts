import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';
import { ResultStore } from '../../../src/scan/resultStore';
import { contentHash } from '../../../src/scan/fileExamination';
import type { FileAnalysis } from '../../../src/scan/analyze';
import { runCli } from '../cli/run';

const A_TS = `import OpenAI from 'openai';\nimport { MODEL } from './models';\n// deploy key SECRET_IN_A_COMMENT_42\nconst o = new OpenAI();\no.chat.completions.create({ model: MODEL, messages: [] });\n`;
const B_TS = `import OpenAI from 'openai';\nconst o = new OpenAI();\no.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });\n`;

describe('persistent result cache (content-hash keyed, between processes)', () => {
  let root: string;
  let cacheDirectory: string;
  const scan = () => scanWorkspace(root, { resultCacheDirectory: cacheDirectory });
  const cacheFiles = () => readdirSync(cacheDirectory).filter((name) => name.startsWith('results-')).map((name) => path.join(cacheDirectory, name));

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'result-store-root-'));
    cacheDirectory = path.join(mkdtempSync(path.join(os.tmpdir(), 'result-store-cache-')), 'results');
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src', 'models.ts'), `export const MODEL = 'gpt-4o';\n`);
    writeFileSync(path.join(root, 'src', 'a.ts'), A_TS);
    writeFileSync(path.join(root, 'src', 'b.ts'), B_TS);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(path.dirname(cacheDirectory), { recursive: true, force: true });
  });

  it('reuses every unchanged file in a later scan, with the same call sites', async () => {
    const first = await scan();
    assert.equal(first.summary.filesReusedFromCache, 0);
    const second = await scan();
    assert.equal(second.summary.filesReusedFromCache, 3);
    assert.equal(second.summary.filesParsed, first.summary.filesParsed, 'a reused analysis still counts the file as parsed');
    assert.deepEqual(second.callSites, first.callSites);
  });

  it('re-analyzes a file whose content changed even when its size and modification time did not', async () => {
    await scan();
    const b = path.join(root, 'src', 'b.ts');
    const before = statSync(b);
    writeFileSync(b, B_TS.replace('3-small', '3-large'));
    utimesSync(b, before.atime, before.mtime);
    assert.equal(statSync(b).size, before.size);
    const result = await scan();
    assert.equal(result.summary.filesReusedFromCache, 2);
    assert.deepEqual(result.callSites.map((site) => site.model.id), ['gpt-4o', 'text-embedding-3-large']);
  });

  it('re-analyzes a file when a module its analysis followed changed', async () => {
    await scan();
    writeFileSync(path.join(root, 'src', 'models.ts'), `export const MODEL = 'gpt-4o-mini';\n`);
    const result = await scan();
    assert.equal(result.callSites[0].model.id, 'gpt-4o-mini');
    assert.equal(result.summary.filesReusedFromCache, 1, 'only b.ts is reused');
  });

  it('re-analyzes every file that read a JSON module when it changed, not only the first to load it', async () => {
    // The project keeps a JSON module under a name of its own (config.json.settings.ts); a later file's lookup
    // of the loaded module once recorded that name as its dependency, which no edit of config.json changes.
    writeFileSync(path.join(root, 'src', 'config.json'), `{ "model": "gpt-4o" }\n`);
    const usesConfig = (name: string) => `import OpenAI from 'openai';\nimport config from './config.json';\nconst o = new OpenAI();\nexport const ${name} = () => o.chat.completions.create({ model: config.model, messages: [] });\n`;
    writeFileSync(path.join(root, 'src', 'a.ts'), usesConfig('a'));
    writeFileSync(path.join(root, 'src', 'b.ts'), usesConfig('b'));
    const modelsOf = (result: Awaited<ReturnType<typeof scan>>) => result.callSites.map((site) => `${site.file} ${site.model.id}`);
    assert.deepEqual(modelsOf(await scan()), ['src/a.ts gpt-4o', 'src/b.ts gpt-4o']);
    writeFileSync(path.join(root, 'src', 'config.json'), `{ "model": "gpt-4o-mini" }\n`);
    assert.deepEqual(modelsOf(await scan()), ['src/a.ts gpt-4o-mini', 'src/b.ts gpt-4o-mini']);
  });

  it('ignores a corrupted cache file and writes a good one', async () => {
    const first = await scan();
    const [file] = cacheFiles();
    writeFileSync(file, '{"format":1,"entr');
    const afterCorruption = await scan();
    assert.equal(afterCorruption.summary.filesReusedFromCache, 0);
    assert.deepEqual(afterCorruption.callSites, first.callSites);
    assert.equal((await scan()).summary.filesReusedFromCache, 3, 'the rewritten cache is used again');
  });

  it('treats a malformed entry as a miss', async () => {
    const first = await scan();
    const [file] = cacheFiles();
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { analysis: unknown }> };
    stored.entries['src/a.ts'].analysis = { calls: 'not a list' };
    writeFileSync(file, JSON.stringify(stored));
    const result = await scan();
    assert.equal(result.summary.filesReusedFromCache, 2);
    assert.deepEqual(result.callSites, first.callSites);
  });

  it('stores analysis results only, never the text of a file', async () => {
    await scan();
    const stored = readFileSync(cacheFiles()[0], 'utf8');
    assert.ok(stored.includes('chat.completions.create'), 'the call site is stored');
    assert.ok(!stored.includes('SECRET_IN_A_COMMENT_42'), 'a comment of the file is not');
    if (process.platform !== 'win32') assert.equal(statSync(cacheFiles()[0]).mode & 0o777, 0o600);
  });

  it('keeps the token counts of the prompts with the calls, never the prompt text twice', async () => {
    writeFileSync(path.join(root, 'src', 'c.ts'), `import OpenAI from 'openai';\nconst o = new OpenAI();\no.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Summarize the release notes in two lines.' }] });\n`);
    await scan();
    const stored = JSON.parse(readFileSync(cacheFiles()[0], 'utf8')) as { entries: Record<string, { tokenCounts?: Array<[string, string, number]> }> };
    const counts = stored.entries['src/c.ts'].tokenCounts ?? [];
    assert.ok(counts.length > 0, 'counts stored');
    assert.ok(counts.every(([encoding, digest, count]) => encoding === 'o200k_base' && !digest.includes('release') && count > 0));
  });

  it('is not used without a cache folder (the default of scanWorkspace)', async () => {
    await scanWorkspace(root);
    assert.equal((await scanWorkspace(root)).summary.filesReusedFromCache, 0);
  });

  it('drops results written by another build', async () => {
    const analysis: FileAnalysis = { calls: [], diagnostics: [], parsed: false, dependencies: [], relativeImports: ['./x'] };
    const hash = contentHash(Buffer.from('text'));
    const writer = new ResultStore({ directory: cacheDirectory, root, version: 'build-1' });
    writer.record('src/x.ts', hash, analysis);
    await writer.save();
    assert.deepEqual(new ResultStore({ directory: cacheDirectory, root, version: 'build-1' }).lookup('src/x.ts', hash)?.relativeImports, ['./x']);
    assert.equal(new ResultStore({ directory: cacheDirectory, root, version: 'build-2' }).lookup('src/x.ts', hash), undefined);
    assert.equal(new ResultStore({ directory: cacheDirectory, root: path.join(root, 'other'), version: 'build-1' }).lookup('src/x.ts', hash), undefined, 'another root has its own file');
  });

  describe('the workspace-wide steps (wrapper callers, agent loops)', () => {
    const HELPER_TS = `import OpenAI from 'openai';\nconst o = new OpenAI();\nexport async function summarizeArticle(text: string) {\n  return o.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });\n}\n`;
    // Two calls of the helper, each a site of its own (a helper called from one place only is read through that call, at its request).
    const CALLER_TS = `import { summarizeArticle } from './helper';\nexport const first = () => summarizeArticle('Summarize the first article in one line.');\nexport const second = () => summarizeArticle('Summarize the second article in two lines.');\n`;
    const storedStep = () => (JSON.parse(readFileSync(cacheFiles()[0], 'utf8')) as { workspaceStep?: { calls: Array<{ kind?: string; file: string }> } }).workspaceStep;
    const callerSites = (result: Awaited<ReturnType<typeof scan>>) => result.callSites.filter((site) => site.kind === 'wrapper-caller').map((site) => `${site.file}:${site.line}`);

    beforeEach(() => {
      writeFileSync(path.join(root, 'src', 'helper.ts'), HELPER_TS);
      writeFileSync(path.join(root, 'src', 'caller.ts'), CALLER_TS);
    });

    it('are stored with their calls and reused whole by a run over the same files, with the same result', async () => {
      const first = await scan();
      assert.deepEqual(callerSites(first), ['src/caller.ts:2', 'src/caller.ts:3']);
      assert.ok(storedStep()?.calls.some((call) => call.kind === 'wrapper-caller'), 'the caller sites are stored');
      const second = await scan();
      assert.deepEqual(second.callSites, first.callSites);
      assert.deepEqual(second.diagnostics, first.diagnostics);
      // Reused, not recomputed: a mark put into the stored step comes back.
      const [file] = cacheFiles();
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { workspaceStep: { calls: Array<{ kind?: string; evidence: string[] }> } };
      stored.workspaceStep.calls.find((call) => call.kind === 'wrapper-caller')!.evidence.push('MARK FROM THE STORE');
      writeFileSync(file, JSON.stringify(stored));
      const third = await scan();
      assert.ok(third.callSites.find((site) => site.kind === 'wrapper-caller')!.evidence.includes('MARK FROM THE STORE'));
    });

    it('run again when a file the per-file results do not connect to the helper changes', async () => {
      await scan();
      writeFileSync(path.join(root, 'src', 'caller.ts'), `${CALLER_TS}export const third = () => summarizeArticle('And the third one.');\n`);
      assert.deepEqual(callerSites(await scan()), ['src/caller.ts:2', 'src/caller.ts:3', 'src/caller.ts:4']);
    });

    it('run again when a file is added or deleted', async () => {
      await scan();
      writeFileSync(path.join(root, 'src', 'other.ts'), `import { summarizeArticle } from './helper';\nvoid summarizeArticle('A third article.');\n`);
      assert.deepEqual(callerSites(await scan()), ['src/caller.ts:2', 'src/caller.ts:3', 'src/other.ts:2']);
      rmSync(path.join(root, 'src', 'caller.ts'));
      // other.ts is now the helper's only caller: listed on the helper's request, which is read through it.
      const deleted = await scan();
      assert.deepEqual(callerSites(deleted), []);
      assert.deepEqual(deleted.callSites.filter((site) => site.file === 'src/helper.ts').map((site) => ({ line: site.line, relays: site.relays })), [{ line: 4, relays: [{ file: 'src/other.ts', line: 2 }] }]);
    });

    it('equal a scan without the store after each change', async () => {
      const fresh = async () => scanWorkspace(root);
      const comparable = (result: Awaited<ReturnType<typeof scan>>) => ({ callSites: result.callSites, diagnostics: result.diagnostics });
      await scan();
      writeFileSync(path.join(root, 'src', 'helper.ts'), HELPER_TS.replace('gpt-4o-mini', 'gpt-4o'));
      assert.deepEqual(comparable(await scan()), comparable(await fresh()));
      assert.deepEqual(comparable(await scan()), comparable(await fresh()), 'and again from the store');
    });

    it('treat a malformed stored step as a miss', async () => {
      const first = await scan();
      const [file] = cacheFiles();
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { workspaceStep: { calls: unknown } };
      stored.workspaceStep.calls = 'not a list';
      writeFileSync(file, JSON.stringify(stored));
      assert.deepEqual((await scan()).callSites, first.callSites);
    });
  });

  describe('the priced result (pricing, the callers of each wrapper)', () => {
    type Stored = { pricing?: { key: string; result: { callSites: Array<{ evidence: string[] }> } } };
    const readStored = () => JSON.parse(readFileSync(cacheFiles()[0], 'utf8')) as Stored;
    const MARK = 'MARK FROM THE STORED PRICING';
    /** Puts a mark into the stored priced result: a later scan that reuses it shows the mark. */
    const markStoredPricing = () => {
      const stored = readStored();
      stored.pricing!.result.callSites[0].evidence.push(MARK);
      writeFileSync(cacheFiles()[0], JSON.stringify(stored));
    };
    const marked = (result: Awaited<ReturnType<typeof scan>>) => result.callSites.some((site) => site.evidence.includes(MARK));
    const comparable = (result: Awaited<ReturnType<typeof scan>>) => ({ ...result, generatedAt: undefined, summary: { ...result.summary, durationMs: undefined, filesReusedFromCache: undefined } });

    it('is stored and reused whole by a run over the same files and settings, with the same result', async () => {
      const first = await scan();
      assert.ok(readStored().pricing, 'stored');
      const second = await scan();
      assert.deepEqual(comparable(second), comparable(first));
      markStoredPricing();
      assert.ok(marked(await scan()), 'reused, not priced again');
    });

    it('is priced again when the usage file, the options, the catalog or any file change, equal to a scan without the store', async () => {
      const fresh = (options: Parameters<typeof scanWorkspace>[1] = {}) => scanWorkspace(root, options);
      const changes: Array<{ what: string; change?: () => void; options?: Parameters<typeof scanWorkspace>[1] }> = [
        { what: 'usage file', change: () => writeFileSync(path.join(root, 'llm-usage.yml'), 'defaults:\n  callsPerMonth: 12345\n') },
        { what: 'default volume', options: { defaultCallsPerMonth: 777 } },
        { what: 'advisor options', options: { advisorOptions: { dataSensitivity: 'regulated' } } },
        { what: 'a file without calls', change: () => writeFileSync(path.join(root, 'src', 'notes.ts'), 'export const notes = 1;\n') },
        { what: 'the date', options: { now: () => new Date('2031-01-01T00:00:00Z') } },
      ];
      for (const { what, change, options } of changes) {
        await scanWorkspace(root, { resultCacheDirectory: cacheDirectory, ...options });
        markStoredPricing();
        change?.();
        // The change alone (without it the options are those of the marked run): a change of options is the run without them.
        const changed = await scanWorkspace(root, { resultCacheDirectory: cacheDirectory, ...(change ? options : {}) });
        assert.ok(!marked(changed), `priced again after a change of ${what}`);
        assert.deepEqual(comparable(changed), comparable(await fresh(change ? options : {})), what);
      }
    });

    it('is priced again with another catalog', async () => {
      const { loadCatalog } = await import('../../../src/core/catalog/catalog');
      const bundled = loadCatalog();
      await scan();
      markStoredPricing();
      const other = { ...bundled, asOf: '2031-01-01' };
      assert.ok(!marked(await scanWorkspace(root, { resultCacheDirectory: cacheDirectory, catalog: other })));
    });

    it('treats a malformed stored pricing as a miss', async () => {
      const first = await scan();
      const stored = readStored() as { pricing: { result: { callSites: unknown } } };
      stored.pricing.result.callSites = 'not a list';
      writeFileSync(cacheFiles()[0], JSON.stringify(stored));
      assert.deepEqual(comparable(await scan()), comparable(first));
    });

    it('keeps no result JSON would not read back the same, nor one of more than a thousand call sites', async () => {
      const store = () => new ResultStore({ directory: cacheDirectory, root, version: 'build-1' });
      const result = (callSites: unknown[], monthlyUsdCurrent: number) => ({ callSites, workspace: {}, summary: { monthlyUsdCurrent }, catalog: {}, diagnostics: [] }) as unknown as Parameters<ResultStore['recordPricing']>[1];
      for (const [what, priced, kept] of [
        ['a plain result', result([{}], 1), true],
        ['an infinite total', result([{}], Infinity), false],
        ['1,001 call sites', result(Array.from({ length: 1001 }, () => ({})), 1), false],
      ] as const) {
        rmSync(cacheDirectory, { recursive: true, force: true });
        const writer = store();
        writer.recordPricing('key', priced);
        await writer.save();
        assert.equal(store().lookupPricing('key') !== undefined, kept, what);
      }
      // Nor is a key worked out (and a stored result looked up) for more calls than that.
      const calls = (count: number) => Array.from({ length: count }, () => ({})) as unknown as Parameters<ResultStore['pricingKey']>[0];
      assert.equal(typeof store().pricingKey(calls(1000), {}), 'string');
      assert.equal(store().pricingKey(calls(1001), {}), undefined);
    });
  });

  it('is turned off by --no-cache on the command line', async () => {
    const uncached = await runCli(['scan', root, '--format', 'json', '--no-cache']);
    assert.equal(uncached.code, 0);
    assert.throws(() => readdirSync(cacheDirectory), 'nothing written');
    // runCli has no launcher, which is what passes the folder: main's fourth argument stands in for it.
    const { main } = await import('../../../src/cli/main');
    const { PassThrough } = await import('node:stream');
    const run = async (extra: string[]) => {
      const stdout = new PassThrough();
      let out = '';
      stdout.on('data', (chunk) => (out += chunk));
      assert.equal(await main(['scan', root, '--format', 'json', ...extra], stdout, new PassThrough(), { resultCacheDirectory: cacheDirectory }), 0);
      return JSON.parse(out) as { summary: { filesReusedFromCache: number } };
    };
    await run([]);
    assert.equal((await run([])).summary.filesReusedFromCache, 3);
    assert.equal((await run(['--no-cache'])).summary.filesReusedFromCache, 0);
  });
});
