import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requireWithCodeCache } from '../../../src/runtime/codeCache';

describe('requireWithCodeCache', () => {
  let folder: string;
  let bundle: string;
  let cacheDirectory: string;
  const write = (answer: string, secondsAhead: number) => {
    writeFileSync(bundle, `exports.answer = () => '${answer}';\nexports.file = __filename;\n`);
    const stamp = new Date(Date.now() + secondsAhead * 1000);
    utimesSync(bundle, stamp, stamp);
  };
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'code-cache-'));
    bundle = path.join(folder, 'bundle.js');
    cacheDirectory = path.join(folder, 'cache');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('compiles from source the first time, writes the cache, and uses it the next time', async () => {
    write('one', 0);
    const first = requireWithCodeCache<{ answer(): string; file: string }>(bundle, cacheDirectory);
    assert.equal(first.cache, 'missing');
    assert.equal(first.exports.answer(), 'one');
    assert.equal(first.exports.file, bundle, 'the module sees its own __filename');
    await first.saveCache();
    assert.equal(readdirSync(cacheDirectory).length, 1);
    const second = requireWithCodeCache<{ answer(): string }>(bundle, cacheDirectory);
    assert.equal(second.cache, 'used');
    assert.equal(second.exports.answer(), 'one');
  });

  it('never runs a rebuilt bundle from the old cache, even at the same length, and keeps one cache per bundle', async () => {
    write('one', 0);
    await requireWithCodeCache(bundle, cacheDirectory).saveCache();
    write('two', 10);
    const rebuilt = requireWithCodeCache<{ answer(): string }>(bundle, cacheDirectory);
    assert.notEqual(rebuilt.cache, 'used');
    assert.equal(rebuilt.exports.answer(), 'two');
    await rebuilt.saveCache();
    assert.equal(readdirSync(cacheDirectory).length, 1, 'the stale cache was removed');
  });

  it('without a cache folder it is a plain require', () => {
    write('plain', 0);
    const loaded = requireWithCodeCache<{ answer(): string }>(bundle, undefined);
    assert.equal(loaded.cache, 'off');
    assert.equal(loaded.exports.answer(), 'plain');
  });

  it('keeps the caches of the same bundle at other paths (two builds, installs or checkouts share the folder)', async () => {
    write('one', 0);
    const otherCheckout = path.join(folder, 'other-checkout');
    mkdirSync(otherCheckout);
    const otherBundle = path.join(otherCheckout, 'bundle.js');
    writeFileSync(otherBundle, `exports.answer = () => 'other';\n`);
    await requireWithCodeCache(bundle, cacheDirectory).saveCache();
    await requireWithCodeCache(otherBundle, cacheDirectory).saveCache();
    assert.equal(readdirSync(cacheDirectory).length, 2, readdirSync(cacheDirectory).join(', '));
    // A foreign file in the shared folder is never touched.
    writeFileSync(path.join(cacheDirectory, 'bundle.js-unrelated.v8-code-cache'), 'x');
    assert.equal(requireWithCodeCache(bundle, cacheDirectory).cache, 'used');
    const other = requireWithCodeCache<{ answer(): string }>(otherBundle, cacheDirectory);
    assert.equal(other.cache, 'used', 'the first bundle did not evict it');
    assert.equal(other.exports.answer(), 'other');
    // Rebuilding one removes its own stale cache only.
    write('two', 10);
    const rebuilt = requireWithCodeCache(bundle, cacheDirectory);
    assert.notEqual(rebuilt.cache, 'used');
    await rebuilt.saveCache();
    assert.equal(readdirSync(cacheDirectory).length, 3, readdirSync(cacheDirectory).join(', '));
    assert.equal(requireWithCodeCache(otherBundle, cacheDirectory).cache, 'used');
    assert.equal(requireWithCodeCache(bundle, cacheDirectory).cache, 'used');
  });
});
