/**
 * The stored last scan (src/extension/lastScan.ts) on a real copy of examples/support-desk and a
 * real scan: what a later session may show before its own scan, and what it must leave out.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createStoredScan, lastScanFileName, parseStoredScan, pruneStoredScans, readFileStamp, restoreStoredScan, settingsKey, stampsOf, stampUnchanged, storeScan, STORED_SCANS_POLICY, type LastScanStoreRequest, type StoredScan } from '../../../src/extension/lastScan';
import type { ScanResult } from '../../../src/model/types';
import { scanWorkspace } from '../../../src/scan/scan';

const EXAMPLE = path.resolve('examples', 'support-desk');
const SETTINGS = settingsKey({ defaultCallsPerMonth: 10000, advisor: { dataSensitivity: 'standard' } });

describe('stored last scan (lenses before the scanner loads)', function () {
  let root: string;
  let outside: string;
  let result: ScanResult;
  let input: string;

  before(async function () {
    root = mkdtempSync(path.join(tmpdir(), 'llmha-lastscan-'));
    outside = mkdtempSync(path.join(tmpdir(), 'llmha-lastscan-inputs-'));
    cpSync(EXAMPLE, root, { recursive: true, filter: (src) => !/\/node_modules(\/|$)/.test(src) });
    input = path.join(outside, 'scanner.js');
    writeFileSync(input, 'bundle v1');
    // As stored on disk: JSON drops undefined fields.
    result = JSON.parse(JSON.stringify(await scanWorkspace(root))) as ScanResult;
    assert.ok(new Set(result.callSites.map((c) => c.file)).size >= 2, 'the example has calls in two files at least');
  });

  after(function () {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  /** Stores the scan, round-tripped through JSON as on disk. */
  async function store(skip?: Set<string>): Promise<StoredScan> {
    const record = await createStoredScan(result, { settings: SETTINGS, inputs: [input, path.join(root, 'llm-usage.yml')], skip });
    const parsed = parseStoredScan(JSON.parse(JSON.stringify(record)));
    assert.ok(parsed, 'what createStoredScan writes parses back');
    return parsed;
  }

  it('nothing changed: every call site is restored, identical to the scan', async function () {
    const restored = await restoreStoredScan(await store(), { root, settings: SETTINGS });
    assert.ok(restored);
    assert.deepEqual(restored.result.callSites, result.callSites);
    assert.deepEqual(restored.changedFiles, []);
  });

  it('a changed file loses its call sites; the other files keep theirs', async function () {
    const stored = await store();
    const [changed, kept] = [...new Set(result.callSites.map((c) => c.file))];
    const file = path.join(root, changed);
    const original = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, `// moved\n${original}`);
      const restored = await restoreStoredScan(stored, { root, settings: SETTINGS });
      assert.ok(restored);
      assert.deepEqual(restored.changedFiles, [changed]);
      assert.ok(!restored.result.callSites.some((c) => c.file === changed), 'no stale lens on the changed file');
      assert.deepEqual(
        restored.result.callSites.filter((c) => c.file === kept),
        result.callSites.filter((c) => c.file === kept),
      );
    } finally {
      writeFileSync(file, original);
    }
    // Same content again with another modification time (an edit undone and saved): restored again by its digest.
    const restored = await restoreStoredScan(stored, { root, settings: SETTINGS });
    assert.deepEqual(restored?.changedFiles, []);
  });

  it('a deleted file, a changed shared input, other settings or another root: nothing or less is restored', async function () {
    const stored = await store();
    assert.equal(await restoreStoredScan(stored, { root, settings: settingsKey({ defaultCallsPerMonth: 5 }) }), undefined);
    assert.equal(await restoreStoredScan(stored, { root: outside, settings: SETTINGS }), undefined);
    // A changed or deleted usage file voids the stored result (every volume can change).
    const usage = path.join(root, 'llm-usage.yml');
    const usageText = readFileSync(usage, 'utf8');
    writeFileSync(usage, `${usageText}\n# edited\n`);
    try {
      assert.equal(await restoreStoredScan(stored, { root, settings: SETTINGS }), undefined);
      rmSync(usage);
      assert.equal(await restoreStoredScan(stored, { root, settings: SETTINGS }), undefined);
    } finally {
      writeFileSync(usage, usageText);
    }
    writeFileSync(input, 'bundle v2');
    try {
      assert.equal(await restoreStoredScan(stored, { root, settings: SETTINGS }), undefined, 'a new scanner bundle (analyzers, catalog) voids it');
    } finally {
      writeFileSync(input, 'bundle v1');
    }
    const first = result.callSites[0].file;
    const file = path.join(root, first);
    const original = readFileSync(file);
    rmSync(file);
    try {
      const restored = await restoreStoredScan(stored, { root, settings: SETTINGS });
      assert.ok(restored && !restored.result.callSites.some((c) => c.file === first));
    } finally {
      writeFileSync(file, original);
    }
  });

  it('files with unsaved edits are not stored', async function () {
    const first = result.callSites[0].file;
    const stored = await store(new Set([first]));
    assert.ok(!Object.hasOwn(stored.files, first));
    assert.ok(!stored.result.callSites.some((c) => c.file === first));
    assert.ok(stored.result.callSites.length > 0);
  });

  it('stamps: same size and time without reading; other time compares the digest; absent is a stamp', async function () {
    const file = path.join(outside, 'a.ts');
    writeFileSync(file, 'export const a = 1;\n');
    const stamp = await readFileStamp(file);
    assert.ok(stamp && stamp.size === statSync(file).size);
    assert.equal(await stampUnchanged(file, stamp), true);
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    assert.equal(await stampUnchanged(file, stamp), true, 'same content, other time');
    writeFileSync(file, 'export const a = 2;\n');
    assert.equal(await stampUnchanged(file, stamp), false, 'same size, other content');
    assert.equal(await readFileStamp(path.join(outside, 'missing.ts')), null);
    assert.equal(await stampUnchanged(path.join(outside, 'missing.ts'), null), true);
    assert.equal(await stampUnchanged(file, null), false);
  });

  it('a stored file that is not one this version wrote is refused, never half used', async function () {
    const stored = await store();
    for (const bad of [
      null,
      'text',
      { ...stored, format: 2 },
      { ...stored, result: { ...stored.result, schemaVersion: 99 } },
      { ...stored, files: { 'a.ts': { size: 'x' } } },
      // A call site whose file has no stamp would be shown unchecked.
      { ...stored, files: {} },
      { ...stored, result: { ...stored.result, callSites: [{ file: 3 }] } },
    ]) {
      assert.equal(parseStoredScan(bad), undefined, JSON.stringify(bad)?.slice(0, 80));
    }
    // A stamped path that climbs out of the root is never read, and its call sites are not shown.
    const escaping = { ...stored, files: { ...stored.files, '../outside.ts': stored.files[result.callSites[0].file] } };
    const restored = await restoreStoredScan(escaping, { root, settings: SETTINGS });
    assert.ok(restored?.changedFiles.includes('../outside.ts'));
  });

  it('a new record reuses the stamps of the previous one for files with the same size and time, and re-reads the others', async function () {
    const previous = await store();
    const [reused, reread] = [...new Set(result.callSites.map((c) => c.file))];
    // A made-up digest shows whether the file was read again.
    const doctored: StoredScan = { ...previous, files: { ...previous.files, [reused]: { ...previous.files[reused], sha256: 'kept' }, [reread]: { ...previous.files[reread], mtimeMs: 1, sha256: 'stale' } } };
    const next = await createStoredScan(result, { settings: SETTINGS, inputs: [], previous: stampsOf(doctored) });
    assert.equal(next.files[reused].sha256, 'kept');
    assert.equal(next.files[reread].sha256, previous.files[reread].sha256);
  });

  describe('storeScan (what the scanner thread runs after each result)', function () {
    let directory: string;
    const request = (overrides: Partial<LastScanStoreRequest> = {}): LastScanStoreRequest => ({ directory, fileName: lastScanFileName(root), settings: SETTINGS, inputs: [input], skip: [], prune: false, ...overrides });
    beforeEach(function () {
      directory = path.join(mkdtempSync(path.join(tmpdir(), 'llmha-lastscan-store-')), 'last-scan');
    });

    it('writes a record a later session restores whole, and says what it holds', async function () {
      const outcome = await storeScan(result, request(), () => true);
      assert.ok(outcome.stored);
      const files = new Set(result.callSites.map((c) => c.file));
      assert.deepEqual([outcome.callSites, outcome.files], [result.callSites.length, files.size]);
      const parsed = parseStoredScan(JSON.parse(readFileSync(path.join(directory, lastScanFileName(root)), 'utf8')));
      assert.ok(parsed);
      assert.deepEqual(stampsOf(parsed), outcome.stamps);
      assert.deepEqual((await restoreStoredScan(parsed, { root, settings: SETTINGS }))?.result.callSites, result.callSites);
    });

    it('leaves out the call sites of files with unsaved edits', async function () {
      const [dirty] = new Set(result.callSites.map((c) => c.file));
      const outcome = await storeScan(result, request({ skip: [dirty] }), () => true);
      assert.ok(outcome.stored);
      const parsed = parseStoredScan(JSON.parse(readFileSync(path.join(directory, lastScanFileName(root)), 'utf8')))!;
      assert.ok(!parsed.result.callSites.some((c) => c.file === dirty) && !Object.hasOwn(parsed.files, dirty));
      assert.equal(outcome.callSites, result.callSites.filter((c) => c.file !== dirty).length);
    });

    it('writes nothing when a newer scan started while it stamped the files', async function () {
      assert.deepEqual(await storeScan(result, request(), () => false), { stored: false, superseded: true });
      assert.throws(() => readdirSync(directory), /ENOENT/);
    });

    it('prunes other folders\' stored scans only when asked', async function () {
      const other = lastScanFileName(outside);
      const old = (Date.now() - (STORED_SCANS_POLICY.maxAgeDays + 1) * 24 * 3600 * 1000) / 1000;
      const plant = () => {
        writeFileSync(path.join(directory, other), '{}');
        utimesSync(path.join(directory, other), old, old);
      };
      await storeScan(result, request(), () => true);
      plant();
      assert.equal(((await storeScan(result, request(), () => true)) as { pruned: number }).pruned, 0);
      assert.ok(readdirSync(directory).includes(other));
      assert.equal(((await storeScan(result, request({ prune: true }), () => true)) as { pruned: number }).pruned, 1);
      assert.deepEqual(readdirSync(directory), [lastScanFileName(root)]);
    });

    it('a folder it cannot write to is an error it reports, not a throw', async function () {
      const blocked = path.join(outside, 'not-a-folder');
      writeFileSync(blocked, 'a file where the folder should be');
      const outcome = await storeScan(result, request({ directory: blocked }), () => true);
      assert.ok(!outcome.stored && 'error' in outcome && /EEXIST|ENOTDIR/.test(outcome.error), JSON.stringify(outcome));
    });
  });

  it('one stored file per workspace folder, named by its path', function () {
    assert.equal(lastScanFileName(root), lastScanFileName(`${root}/`));
    assert.notEqual(lastScanFileName(root), lastScanFileName(outside));
    assert.match(lastScanFileName(root), /^last-scan-[0-9a-f]{16}\.json$/);
  });

  it('settings keys do not depend on property order', function () {
    assert.equal(settingsKey({ a: 1, b: { c: 2, d: [1, 2] } }), settingsKey({ b: { d: [1, 2], c: 2 }, a: 1 }));
    assert.notEqual(settingsKey({ a: 1 }), settingsKey({ a: 2 }));
  });
});

describe('stored scans of other folders (pruneStoredScans)', function () {
  const DAY = 24 * 60 * 60 * 1000;
  const now = Date.now();
  let directory: string;

  beforeEach(function () {
    directory = mkdtempSync(path.join(tmpdir(), 'llmha-stored-scans-'));
  });
  afterEach(function () {
    rmSync(directory, { recursive: true, force: true });
  });

  /** A stored scan file of `folder`, last written `daysAgo` days before `now`. */
  function storedScan(folder: string, daysAgo: number): string {
    const name = lastScanFileName(folder);
    const file = path.join(directory, name);
    writeFileSync(file, '{}');
    const when = new Date(now - daysAgo * DAY);
    utimesSync(file, when, when);
    return name;
  }
  const left = (): string[] => readdirSync(directory).sort();

  it('removes the files of folders not opened for longer than the policy age, never the open folder or other files', async function () {
    const open = storedScan('/work/open', 400);
    const recent = storedScan('/work/recent', 10);
    const old = storedScan('/work/old', 120);
    writeFileSync(path.join(directory, 'price-override.json'), '{}');
    utimesSync(path.join(directory, 'price-override.json'), new Date(now - 400 * DAY), new Date(now - 400 * DAY));
    const removed = await pruneStoredScans(directory, open, { maxAgeDays: 90, maxCount: 50 }, now);
    assert.deepEqual(removed, [old]);
    assert.deepEqual(left(), [open, recent, 'price-override.json'].sort());
  });

  it('keeps at most the policy count, the open folder included, most recently stored first', async function () {
    const open = storedScan('/work/open', 0);
    const byAge = [1, 2, 3, 4].map((days) => storedScan(`/work/folder-${days}`, days));
    const removed = await pruneStoredScans(directory, open, { maxAgeDays: 90, maxCount: 3 }, now);
    assert.deepEqual(removed.sort(), byAge.slice(2).sort());
    assert.deepEqual(left(), [open, ...byAge.slice(0, 2)].sort());
  });

  it('reads its numbers from the data file and leaves a missing folder alone', async function () {
    const policy = JSON.parse(readFileSync(path.resolve('data', 'editor', 'stored-scans.json'), 'utf8')) as { maxAgeDays: { value: number }; maxCount: { value: number } };
    assert.deepEqual(STORED_SCANS_POLICY, { maxAgeDays: policy.maxAgeDays.value, maxCount: policy.maxCount.value });
    assert.deepEqual(await pruneStoredScans(path.join(directory, 'missing'), 'x'), []);
  });
});
