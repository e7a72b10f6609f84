import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverSourceFiles } from '../../../src/scan/files';
import { examineFiles } from '../../../src/scan/fileExamination';
import { RACY_WINDOW_MS, readStatDigests, serializeStatDigests, statKey, type StatDigests } from '../../../src/scan/statDigests';
import { ResultStore } from '../../../src/scan/resultStore';
import { resultStoreFiles } from '../../../src/scan/resultStoreLocation';
import { contentHash } from '../../../src/scan/fileExamination';
import type { FileAnalysis } from '../../../src/scan/fileAnalysis';
import { scanWorkspace } from '../../../src/scan/scan';

const CALL = (model: string) => `import OpenAI from 'openai';\nconst o = new OpenAI();\no.chat.completions.create({ model: '${model}', messages: [] });\n`;

describe('stat fast path of the result store (statDigests.ts)', () => {
  let root: string;
  let cacheDirectory: string;
  const file = () => path.join(root, 'src', 'a.ts');
  /** What a run long after the files' last change would have recorded: every stat trusted. */
  const ageStats = () => {
    for (const name of readdirSync(cacheDirectory).filter((entry) => /^(dependency-)?stats-/.test(entry))) {
      const stored = JSON.parse(readFileSync(path.join(cacheDirectory, name), 'utf8')) as { listedAt: number };
      writeFileSync(path.join(cacheDirectory, name), JSON.stringify({ ...stored, listedAt: stored.listedAt + 10 * RACY_WINDOW_MS }));
    }
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'stat-digests-root-'));
    cacheDirectory = path.join(mkdtempSync(path.join(os.tmpdir(), 'stat-digests-cache-')), 'results');
    mkdirSync(path.join(root, 'src'));
    writeFileSync(file(), CALL('gpt-4.1'));
    writeFileSync(path.join(root, 'src', 'b.ts'), `export const b = 1;\n`);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(path.dirname(cacheDirectory), { recursive: true, force: true });
  });

  it('takes the digest of a file whose stat is unchanged without reading it, and reads any other', async () => {
    const { files } = await discoverSourceFiles(root);
    const [a, b] = files;
    const known = new Map([[a.relativePath, { statKey: a.statKey!, digest: 'stored-digest' }], [b.relativePath, { statKey: 'other', digest: 'x' }]]);
    const examined = [];
    for await (const entry of examineFiles(files, true, undefined, known)) examined.push(entry.examined);
    assert.deepEqual(examined[0], { hash: 'stored-digest' });
    assert.equal(examined[1].text, `export const b = 1;\n`);
  });

  it('trusts no stat of a file changed shortly before the run that recorded it (racily clean, as git)', () => {
    mkdirSync(cacheDirectory, { recursive: true, mode: 0o700 });
    const stat = statSync(file());
    const entries = new Map([['src/a.ts', { statKey: statKey(stat), digest: 'd' }]]);
    const written = path.join(cacheDirectory, 'stats.json');
    writeFileSync(written, serializeStatDigests(root, stat.ctimeMs + RACY_WINDOW_MS / 2, entries));
    assert.equal(readStatDigests(written, root).size, 0);
    writeFileSync(written, serializeStatDigests(root, stat.ctimeMs + 2 * RACY_WINDOW_MS, entries));
    assert.deepEqual(readStatDigests(written, root).get('src/a.ts'), { statKey: statKey(stat), digest: 'd' });
    assert.equal(readStatDigests(written, '/another/root').size, 0);
  });

  it('reuses every unchanged file by its stat, and still sees an edit of the same size with the old modification time', async () => {
    const first = await scanWorkspace(root, { resultCacheDirectory: cacheDirectory });
    ageStats();
    const second = await scanWorkspace(root, { resultCacheDirectory: cacheDirectory });
    assert.equal(second.summary.filesReusedFromCache, 2);
    assert.deepEqual(second.callSites, first.callSites);
    ageStats();
    const before = statSync(file());
    writeFileSync(file(), CALL('o3-mini'));
    utimesSync(file(), before.atime, before.mtime);
    assert.equal(statSync(file()).size, before.size);
    const third = await scanWorkspace(root, { resultCacheDirectory: cacheDirectory });
    assert.deepEqual(second.callSites.map((site) => site.model?.id), ['gpt-4.1']);
    assert.deepEqual(third.callSites.map((site) => site.model?.id), ['o3-mini'], 'the change time moved: the file was read again');
  });

  it('writes the stat digests only when they differ from the file as this run read it (by the reader thread or here), without reading it again', async () => {
    const hash = contentHash(Buffer.from('text'));
    const analysis: FileAnalysis = { calls: [], diagnostics: [], parsed: false, dependencies: [], relativeImports: [] };
    const statsFile = resultStoreFiles(cacheDirectory, root).statDigests;
    const recorded: StatDigests = new Map([['src/x.ts', { statKey: '1:2:3:4', digest: hash }]]);
    const run = async (tell: (store: ResultStore) => void) => {
      const store = new ResultStore({ directory: cacheDirectory, root });
      tell(store);
      store.noteStats([{ relativePath: 'src/x.ts', statKey: '1:2:3:4' }], Date.now());
      store.record('src/x.ts', hash, analysis);
      await store.save();
    };
    // The file is gone by the end of the run: what the run read is what it compares with.
    await run((store) => store.noteStoredStatDigests(new Map(recorded)));
    assert.equal(existsSync(statsFile), false, 'what the reader thread read holds these digests: nothing to write');
    await run((store) => store.noteStoredStatDigests(new Map()));
    assert.deepEqual(readStatDigests(statsFile, root), recorded, 'the thread read none of them: written');
    await run((store) => {
      store.storedStatDigests();
      unlinkSync(statsFile);
    });
    assert.equal(existsSync(statsFile), false, 'read here at the start, with these digests: nothing to write');
  });

  describe('modules an analysis followed (ResultStore.hashOfDependency)', () => {
    const models = () => path.join(root, 'src', 'models.ts');
    const dependencyStatsFile = () => path.join(cacheDirectory, readdirSync(cacheDirectory).find((name) => name.startsWith('dependency-stats-'))!);
    const storedStats = () => JSON.parse(readFileSync(dependencyStatsFile(), 'utf8')) as { listedAt: number; files: Record<string, [string, string]> };
    const writeStats = (stored: { listedAt: number }) => writeFileSync(dependencyStatsFile(), JSON.stringify(stored));
    beforeEach(() => {
      writeFileSync(file(), `import OpenAI from 'openai';\nimport { MODEL } from './models';\nconst o = new OpenAI();\no.chat.completions.create({ model: MODEL, messages: [] });\n`);
      writeFileSync(models(), `export const MODEL = 'gpt-4.1';\n`);
    });

    it('are recorded with the stat they had before they were read, and an unchanged one is taken by its stat without reading it', async () => {
      const first = await scanWorkspace(root, { resultCacheDirectory: cacheDirectory });
      assert.deepEqual(first.callSites.map((site) => site.model?.id), ['gpt-4.1']);
      assert.deepEqual(storedStats().files[models()], [statKey(statSync(models())), storedStats().files[models()][1]]);
      ageStats();
      const second = await scanWorkspace(root, { resultCacheDirectory: cacheDirectory });
      assert.equal(second.summary.filesReusedFromCache, 3);
      assert.deepEqual(second.callSites, first.callSites);
      // A digest that no read of the file gives: taken by the stat, it no longer matches what a.ts's result followed, so a.ts is analyzed again.
      const stored = storedStats();
      stored.files[models()][1] = 'not-the-digest-of-models.ts';
      writeStats(stored);
      const third = await scanWorkspace(root, { resultCacheDirectory: cacheDirectory });
      assert.equal(third.summary.filesReusedFromCache, 2, 'a.ts missed: its followed module was not read');
      assert.deepEqual(third.callSites, first.callSites);
    });

    it('one edited in place with the same size and modification time is read again (its change time moved)', async () => {
      await scanWorkspace(root, { resultCacheDirectory: cacheDirectory });
      ageStats();
      const before = statSync(models());
      writeFileSync(models(), `export const MODEL = 'o3-mini';\n`);
      utimesSync(models(), before.atime, before.mtime);
      assert.equal(statSync(models()).size, before.size);
      const second = await scanWorkspace(root, { resultCacheDirectory: cacheDirectory });
      assert.deepEqual(second.callSites.map((site) => site.model?.id), ['o3-mini']);
    });

    it('are never trusted when recorded shortly after they changed (racily clean)', async () => {
      await scanWorkspace(root, { resultCacheDirectory: cacheDirectory });
      const stored = storedStats();
      stored.files[models()][1] = 'not-the-digest-of-models.ts';
      writeStats(stored);
      const second = await scanWorkspace(root, { resultCacheDirectory: cacheDirectory });
      assert.equal(second.summary.filesReusedFromCache, 3, 'models.ts was read: the tampered digest was not trusted');
    });
  });
});
