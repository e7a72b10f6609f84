import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverSourceFiles } from '../../../src/scan/files';
import { examineFiles } from '../../../src/scan/fileExamination';
import { RACY_WINDOW_MS, readStatDigests, serializeStatDigests, statKey } from '../../../src/scan/statDigests';
import { scanWorkspace } from '../../../src/scan/scan';

const CALL = (model: string) => `import OpenAI from 'openai';\nconst o = new OpenAI();\no.chat.completions.create({ model: '${model}', messages: [] });\n`;

describe('stat fast path of the result store (statDigests.ts)', () => {
  let root: string;
  let cacheDirectory: string;
  const file = () => path.join(root, 'src', 'a.ts');
  const statsFile = () => path.join(cacheDirectory, readdirSync(cacheDirectory).find((name) => name.startsWith('stats-'))!);
  /** What a run long after the files' last change would have recorded: every stat trusted. */
  const ageStats = () => {
    const stored = JSON.parse(readFileSync(statsFile(), 'utf8')) as { listedAt: number };
    writeFileSync(statsFile(), JSON.stringify({ ...stored, listedAt: stored.listedAt + 10 * RACY_WINDOW_MS }));
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
});
