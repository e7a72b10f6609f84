import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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
});
