import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverSourceFiles } from '../../../src/scan/files';
import { startPrereading } from '../../../src/scan/preread';
import type { PrereadOptions } from '../../../src/scan/readerThread';
import { scanWorkspace } from '../../../src/scan/scan';
import { resultStoreFiles } from '../../../src/scan/resultStoreLocation';
import { readStatDigests } from '../../../src/scan/statDigests';
import { loadWorkspaceSettings } from '../../../src/scan/settingsFiles';
import type { ScanResult } from '../../../src/model/types';

// The thread runs the TypeScript source, through a script that registers tsx in it (see there).
const WORKER = path.join(__dirname, 'readerThreadUnderTsx.mjs');

const LLM_FILE = `import OpenAI from 'openai';\nimport { MODEL } from './models';\nconst o = new OpenAI();\nexport async function summarize(text: string) {\n  return o.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: text }] });\n}\n`;

/** What differs between two scans of the same tree for reasons of time. */
function comparable(result: ScanResult): unknown {
  return { ...result, generatedAt: undefined, summary: { ...result.summary, durationMs: undefined } };
}

describe('reader thread (files discovered, read and examined ahead, preread.ts)', () => {
  let root: string;
  let cacheDirectory: string;
  const start = (options: Partial<PrereadOptions> = {}) => startPrereading(WORKER, { root, hashContent: false, ...options });

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'preread-root-'));
    cacheDirectory = mkdtempSync(path.join(os.tmpdir(), 'preread-cache-'));
    mkdirSync(path.join(root, 'src', 'llm'), { recursive: true });
    mkdirSync(path.join(root, 'node_modules', 'sdk'), { recursive: true });
    mkdirSync(path.join(root, 'vendor', 'ours'), { recursive: true });
    mkdirSync(path.join(root, 'legacy'));
    writeFileSync(path.join(root, 'src', 'models.ts'), `export const MODEL = 'gpt-4o';\n`);
    writeFileSync(path.join(root, 'src', 'llm', 'client.ts'), LLM_FILE);
    writeFileSync(path.join(root, 'src', 'llm', 'index.ts'), `export * from './client';\n`);
    writeFileSync(path.join(root, 'src', 'app.ts'), `import { summarize } from './llm';\nexport const run = () => summarize('hello');\n`);
    writeFileSync(path.join(root, 'src', 'binary.ts'), Buffer.from([0x69, 0x6d, 0x00, 0x01, 0x02]));
    writeFileSync(path.join(root, 'src', 'bundle.js'), `// ${'x'.repeat(2.1 * 1024 * 1024)}\n`);
    writeFileSync(path.join(root, 'node_modules', 'sdk', 'index.js'), LLM_FILE);
    writeFileSync(path.join(root, 'vendor', 'ours', 'llm.ts'), LLM_FILE);
    writeFileSync(path.join(root, 'legacy', 'old.ts'), LLM_FILE);
    symlinkSync(path.join(root, 'missing.ts'), path.join(root, 'src', 'broken.ts'));
    symlinkSync(path.join(root, 'src'), path.join(root, 'src', 'loop'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheDirectory, { recursive: true, force: true });
  });

  it('discovers the files and diagnostics discoverSourceFiles does, with the same globs', async () => {
    const globs = { exclude: ['legacy/**'], include: ['vendor/ours/**'] };
    const preread = start(globs);
    try {
      const expected = await discoverSourceFiles(root, globs);
      assert.ok(expected.diagnostics.length >= 2, 'the tree has a broken link and an oversized file');
      const { files, diagnostics } = await preread.discovered();
      assert.deepEqual({ files, diagnostics }, expected);
    } finally {
      preread.close();
    }
  });

  it('gives the scan what reading in-process gives, bad files included, with and without the result store', async () => {
    for (const keepResults of [false, true]) {
      // Each scan with a store of its own: both analyze every file afresh.
      const options = () => ({ exclude: ['legacy/**'], resultCacheDirectory: keepResults ? mkdtempSync(path.join(cacheDirectory, 'store-')) : undefined });
      const inProcess = await scanWorkspace(root, options());
      const preread = start({ exclude: ['legacy/**'], hashContent: keepResults });
      const withThread = await scanWorkspace(root, { ...options(), preread });
      assert.deepEqual(comparable(withThread), comparable(inProcess));
      assert.ok(inProcess.diagnostics.some((diagnostic) => diagnostic.file === 'src/binary.ts' && /binary/.test(diagnostic.message)));
      assert.ok(inProcess.callSites.length > 0);
      assert.equal(await preread.exited, 1, 'the scan ends the thread (terminated)');
    }
  });

  it('reports a file that cannot be read when the thread reaches it, and goes on', async () => {
    // A window of one character: the thread sends its first batch (more files than one come before the
    // large one), then holds the files after it, and waits for the scan to take that batch once it holds a
    // batch's worth of text to parse (the large file's). The file deleted now is read (and missed) afterwards.
    for (let index = 0; index < 70; index++) writeFileSync(path.join(root, 'src', `a${String(index).padStart(3, '0')}.ts`), `export const value${index} = ${index};\n`);
    writeFileSync(path.join(root, 'src', 'b-large.ts'), `${LLM_FILE}${'// a line of notes\n'.repeat(60_000)}`);
    for (let index = 0; index < 150; index++) writeFileSync(path.join(root, 'src', `plain${String(index).padStart(3, '0')}.ts`), `export const value${index} = ${index};\n`);
    const preread = start({ maxUnconsumedChars: 1 });
    const { files } = await preread.discovered();
    const doomed = files[files.length - 1];
    assert.equal(doomed.relativePath, 'src/plain149.ts');
    assert.ok(files.findIndex((file) => file.relativePath === 'src/b-large.ts') > 64, 'a batch of files comes before the large one');
    unlinkSync(doomed.absolutePath);
    const result = await scanWorkspace(root, { preread });
    const diagnostic = result.diagnostics.find((entry) => entry.file === 'src/plain149.ts');
    assert.match(diagnostic?.message ?? '', /^cannot read file: ENOENT/);
    assert.equal(result.summary.filesScanned, files.length);
    assert.ok(result.callSites.some((site) => site.file === 'src/llm/client.ts'), 'the other files are still analyzed');
  });

  it('loads the workspace settings loadWorkspaceSettings loads, and the scan uses them', async () => {
    writeFileSync(path.join(root, '.env.example'), 'OPENAI_MODEL=gpt-4.1-mini\n');
    writeFileSync(path.join(root, 'src', 'env.ts'), `import OpenAI from 'openai';\nconst o = new OpenAI();\nexport const ask = (q: string) => o.chat.completions.create({ model: process.env.OPENAI_MODEL!, messages: [{ role: 'user', content: q }] });\n`);
    const expected = await loadWorkspaceSettings(root);
    assert.deepEqual([...expected.settings.env.keys()], ['OPENAI_MODEL']);
    const preread = start();
    await preread.discovered();
    assert.deepEqual(await preread.settings(), expected);
    preread.close();
    const scanned = await scanWorkspace(root, { preread: start() });
    assert.equal(scanned.callSites.find((site) => site.file === 'src/env.ts')?.model.id, 'gpt-4.1-mini');
    assert.deepEqual(comparable(scanned), comparable(await scanWorkspace(root)));
    // A thread that could not start: the settings are loaded here.
    assert.deepEqual(await startPrereading(path.join(root, 'no-such-worker.js'), { root, hashContent: false }).settings(), expected);
  });

  it('sends the texts of files the scan does not parse only up to its budget', async () => {
    for (let index = 0; index < 150; index++) writeFileSync(path.join(root, 'src', `plain${String(index).padStart(3, '0')}.ts`), `import { v } from './models';\nexport const value${index} = ${index};\n`);
    // No budget for unparsed texts: only the texts the scan must parse come along (and count against the window).
    const preread = start({ maxUnconsumedChars: 1, maxUnparsedTextChars: 0 });
    const { files } = await preread.discovered();
    const client = files.findIndex((file) => file.relativePath === 'src/llm/client.ts');
    assert.ok(client >= 0 && client < files.length - 150, 'the plain files come after the one file to parse');
    const examined: Array<{ relativePath: string; text?: string; imports?: unknown }> = [];
    for await (const { file, examined: entry } of preread.examined(files)) examined.push({ relativePath: file.relativePath, text: entry.text, imports: entry.examination?.imports });
    assert.equal(examined.length, files.length);
    assert.equal(examined[client].text, LLM_FILE, 'a file the scan parses comes with its text');
    const plain = examined.filter((entry) => entry.relativePath.startsWith('src/plain'));
    assert.equal(plain.length, 150);
    for (const entry of plain) {
      assert.equal(entry.text, undefined, `${entry.relativePath} comes without its text`);
      assert.deepEqual(entry.imports, { relativeImports: ['./models'], reExports: [] }, `${entry.relativePath} comes with its imports`);
    }
    preread.close();

    // The scan's result is the one of a scan that read every file itself (the importers' second pass reads their texts from disk).
    for (const maxUnparsedTextChars of [0, 100]) {
      const scanned = await scanWorkspace(root, { preread: start({ maxUnconsumedChars: 1, maxUnparsedTextChars }) });
      assert.deepEqual(comparable(scanned), comparable(await scanWorkspace(root)));
    }
  });

  it('is left aside (and ended) when the scan was asked for other globs', async () => {
    const preread = start({ exclude: ['src/**'] });
    const result = await scanWorkspace(root, { exclude: ['legacy/**'], preread });
    assert.deepEqual(comparable(result), comparable(await scanWorkspace(root, { exclude: ['legacy/**'] })));
    await preread.exited;
  });

  it('falls back to reading in-process when the thread cannot start', async () => {
    const preread = startPrereading(path.join(root, 'no-such-worker.js'), { root, hashContent: false });
    const result = await scanWorkspace(root, { preread });
    assert.deepEqual(comparable(result), comparable(await scanWorkspace(root)));
  });

  it('reports the stat digests it went by, for the result store to compare with at the end', async () => {
    const store = path.join(cacheDirectory, 'store');
    await scanWorkspace(root, { resultCacheDirectory: store });
    const statDigestsFile = resultStoreFiles(store, root).statDigests;
    const stored = JSON.parse(readFileSync(statDigestsFile, 'utf8')) as { listedAt: number };
    // As a run long after the files' last change would have recorded them: every stat trusted.
    writeFileSync(statDigestsFile, JSON.stringify({ ...stored, listedAt: stored.listedAt + 60_000 }));
    const expected = readStatDigests(statDigestsFile, root);
    assert.ok(expected.size > 0);
    const preread = start({ hashContent: true, statDigestsFile });
    try {
      const { files } = await preread.discovered();
      for await (const entry of preread.examined(files)) assert.ok(entry);
      assert.deepEqual(preread.storedStatDigests, expected);
    } finally {
      preread.close();
    }
  });

  it('ends the thread when the scan is cancelled', async () => {
    for (let index = 0; index < 300; index++) writeFileSync(path.join(root, 'src', `plain${index}.ts`), `export const value${index} = ${index};\n`);
    const preread = start({ maxUnconsumedChars: 1 });
    const controller = new AbortController();
    const scan = scanWorkspace(root, { preread, signal: controller.signal, onProgress: (done) => done === 10 && controller.abort() });
    await assert.rejects(scan, { name: 'AbortError' });
    assert.equal(await preread.exited, 1, 'terminated, not finished: it was waiting for the scan to take more');
  });
});
