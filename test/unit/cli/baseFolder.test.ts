import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { claimBaseFolder } from '../../../src/cli/baseFolder';
import { resultCacheDirectoryFor, defaultResultCacheDirectory } from '../../../src/scan/resultStoreLocation';

describe('the folder diff writes the base tree into (baseFolder.ts)', () => {
  let store: string;
  const workingTree = '/work/some-repo';
  const TREE = JSON.stringify({ commit: 'a'.repeat(40), prefix: '' });
  const WHOLE = async () => true;
  beforeEach(() => (store = mkdtempSync(path.join(os.tmpdir(), 'base-folder-store-'))));
  afterEach(() => rmSync(store, { recursive: true, force: true }));

  it('is a new temporary folder each time without the result store, removed on release', async () => {
    const first = await claimBaseFolder(workingTree, undefined, TREE, WHOLE);
    const second = await claimBaseFolder(workingTree, undefined, TREE, WHOLE);
    try {
      assert.notEqual(first.path, second.path);
      assert.equal(path.dirname(first.path), os.tmpdir());
      assert.equal(first.reused, false);
    } finally {
      await first.release();
      await second.release();
    }
    assert.ok(!existsSync(first.path) && !existsSync(second.path));
  });

  it('is the same folder in the store for every diff of one working tree, and another for another tree', async () => {
    const first = await claimBaseFolder(workingTree, store, TREE, WHOLE);
    writeFileSync(path.join(first.path, 'left-over.ts'), 'export const x = 1;\n');
    const firstPath = first.path;
    await first.release();
    assert.deepEqual(readdirSync(store), [], 'release removes the folder, never written out in full, and its lock');
    const again = await claimBaseFolder(workingTree, store, TREE, WHOLE);
    const other = await claimBaseFolder('/work/another-repo', store, TREE, WHOLE);
    try {
      assert.equal(again.path, firstPath);
      assert.equal(path.dirname(again.path), store);
      assert.ok(again.reused);
      assert.deepEqual(readdirSync(again.path), [], 'it starts empty');
      assert.notEqual(other.path, again.path);
    } finally {
      await again.release();
      await other.release();
    }
  });

  it('keeps a tree written out in full for the next diff against it, and empties it for another', async () => {
    const first = await claimBaseFolder(workingTree, store, TREE, WHOLE);
    assert.equal(first.holdsTree, false);
    writeFileSync(path.join(first.path, 'llm.ts'), 'export const model = "gpt-4o";\n');
    await first.written();
    await first.release();
    assert.deepEqual(readdirSync(store).sort(), [path.basename(first.path), `${path.basename(first.path)}.tree`], 'the folder and its marker stay; the lock goes');
    const same = await claimBaseFolder(workingTree, store, TREE, WHOLE);
    try {
      assert.equal(same.path, first.path);
      assert.equal(same.holdsTree, true);
      assert.deepEqual(readdirSync(same.path), ['llm.ts']);
    } finally {
      await same.release();
    }
    const other = await claimBaseFolder(workingTree, store, JSON.stringify({ commit: 'b'.repeat(40), prefix: '' }), WHOLE);
    try {
      assert.equal(other.path, first.path);
      assert.equal(other.holdsTree, false);
      assert.deepEqual(readdirSync(other.path), [], 'another commit\'s tree starts from an empty folder');
    } finally {
      await other.release();
    }
    assert.deepEqual(readdirSync(store), [], 'not written out in full: removed, marker and all');
  });

  it('empties a kept tree that is missing files (a temp-folder cleaner took some)', async () => {
    const first = await claimBaseFolder(workingTree, store, TREE, WHOLE);
    writeFileSync(path.join(first.path, 'llm.ts'), 'export const model = "gpt-4o";\n');
    await first.written();
    await first.release();
    const asked: string[] = [];
    const next = await claimBaseFolder(workingTree, store, TREE, async (folder) => (asked.push(folder), false));
    try {
      assert.deepEqual(asked, [first.path]);
      assert.equal(next.holdsTree, false);
      assert.deepEqual(readdirSync(next.path), []);
    } finally {
      await next.release();
    }
  });

  it('empties what a killed run left behind', async () => {
    const first = await claimBaseFolder(workingTree, store, TREE, WHOLE);
    writeFileSync(path.join(first.path, 'stale.ts'), 'export const stale = true;\n');
    // Killed: the folder and the lock stay, and the lock names a process that has ended.
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(`${first.path}.lock`, String(ended));
    const next = await claimBaseFolder(workingTree, store, TREE, WHOLE);
    try {
      assert.equal(next.path, first.path);
      assert.deepEqual(readdirSync(next.path), []);
    } finally {
      await next.release();
    }
  });

  it('gives a second diff of the same tree, while the first holds the folder, a temporary folder of its own', async () => {
    const held = await claimBaseFolder(workingTree, store, TREE, WHOLE);
    const meanwhile = await claimBaseFolder(workingTree, store, TREE, WHOLE);
    try {
      assert.ok(held.reused);
      assert.equal(meanwhile.reused, false);
      assert.equal(path.dirname(meanwhile.path), os.tmpdir());
    } finally {
      await meanwhile.release();
      await held.release();
    }
    assert.ok(existsSync(store), 'the store itself stays');
  });

  it('is never inside the working tree, whose scan would take the base for its own files', async () => {
    for (const inside of [path.join(store, '.llm-cache'), store]) {
      const claimed = await claimBaseFolder(store, inside, TREE, WHOLE);
      try {
        assert.equal(claimed.reused, false, inside);
        assert.equal(path.dirname(claimed.path), os.tmpdir());
      } finally {
        await claimed.release();
      }
    }
  });

  it('falls back to a temporary folder when the store folder cannot be made', async () => {
    const notAFolder = path.join(store, 'file');
    writeFileSync(notAFolder, '');
    const claimed = await claimBaseFolder(workingTree, notAFolder, TREE, WHOLE);
    try {
      assert.equal(claimed.reused, false);
      assert.equal(path.dirname(claimed.path), os.tmpdir());
    } finally {
      await claimed.release();
    }
  });
});

describe('where the CLI keeps its results (resultCacheDirectoryFor)', () => {
  it('reads LLM_HOSTING_ADVISOR_CACHE and LLM_HOSTING_ADVISOR_CACHE_DIR', () => {
    assert.equal(resultCacheDirectoryFor({}), defaultResultCacheDirectory());
    assert.equal(resultCacheDirectoryFor({ LLM_HOSTING_ADVISOR_CACHE_DIR: '' }), defaultResultCacheDirectory());
    assert.equal(resultCacheDirectoryFor({ LLM_HOSTING_ADVISOR_CACHE_DIR: 'ci-cache' }), path.resolve('ci-cache'));
    assert.equal(resultCacheDirectoryFor({ LLM_HOSTING_ADVISOR_CACHE: '0', LLM_HOSTING_ADVISOR_CACHE_DIR: 'ci-cache' }), undefined);
  });
});
