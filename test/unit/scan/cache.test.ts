import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ScanCache, scanWorkspace } from '../../../src/scan/scan';
import { buildCatalog } from '../../../src/core/catalog/catalog';
import { catalogWithOverride, type PriceOverride } from '../../../src/core/catalog/priceOverride';

function touch(file: string, content: string, secondsAhead: number): void {
  writeFileSync(file, content);
  const later = new Date(Date.now() + secondsAhead * 1000);
  utimesSync(file, later, later);
}

describe('incremental scan cache', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cache-'));
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src', 'models.ts'), `export const MODEL = 'gpt-4o';\n`);
    writeFileSync(path.join(root, 'src', 'a.ts'), `import OpenAI from 'openai';\nimport { MODEL } from './models';\nconst o = new OpenAI();\no.chat.completions.create({ model: MODEL, messages: [] });\n`);
    writeFileSync(path.join(root, 'src', 'b.ts'), `import OpenAI from 'openai';\nconst o = new OpenAI();\no.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });\n`);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('re-analyzes only the edited file', async () => {
    const cache = new ScanCache();
    await scanWorkspace(root, { cache });
    touch(path.join(root, 'src', 'b.ts'), `import OpenAI from 'openai';\nconst o = new OpenAI();\no.embeddings.create({ model: 'text-embedding-3-large', input: 'x' });\n`, 5);
    const result = await scanWorkspace(root, { cache });
    assert.equal(result.summary.filesReusedFromCache, 2, 'a.ts and models.ts come from the cache');
    assert.deepEqual(result.callSites.map((site) => site.model.id), ['gpt-4o', 'text-embedding-3-large']);
  });

  it('forgets the files that left the workspace (a long session does not keep every file it ever saw)', async () => {
    const cache = new ScanCache();
    await scanWorkspace(root, { cache });
    assert.equal(cache.size, 3);
    rmSync(path.join(root, 'src', 'b.ts'));
    const result = await scanWorkspace(root, { cache });
    assert.equal(cache.size, 2);
    assert.deepEqual(result.callSites.map((site) => site.model.id), ['gpt-4o']);
    writeFileSync(path.join(root, 'src', 'c.ts'), `import OpenAI from 'openai';\nconst o = new OpenAI();\no.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });\n`);
    assert.deepEqual((await scanWorkspace(root, { cache })).callSites.map((site) => site.model.id), ['gpt-4o', 'text-embedding-3-small']);
    assert.equal(cache.size, 3);
  });

  it('re-analyzes a file when a module it follows changes (a model constant elsewhere)', async () => {
    const cache = new ScanCache();
    assert.equal((await scanWorkspace(root, { cache })).callSites[0].model.id, 'gpt-4o');
    touch(path.join(root, 'src', 'models.ts'), `export const MODEL = 'gpt-4o-mini';\n`, 5);
    const result = await scanWorkspace(root, { cache });
    assert.equal(result.callSites[0].model.id, 'gpt-4o-mini');
    assert.equal(result.summary.filesReusedFromCache, 1, 'only b.ts is reused');
  });
});

describe('unsaved editor buffers', () => {
  it("a second call of an app helper typed in an unsaved file makes both calls sites of their own before the save, with or without the cache (the saved file's only call is read at the helper's request)", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'unsaved-caller-'));
    try {
      writeFileSync(path.join(root, 'wrap.ts'), `import OpenAI from 'openai';\nconst o = new OpenAI();\nexport function askModel(question: string) {\n  return o.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });\n}\n`);
      const caller = path.join(root, 'a.ts');
      writeFileSync(caller, `import { askModel } from './wrap';\nexport const one = () => askModel('summarize this ticket');\n`);
      // The calls that are sites of their own, and those listed on the helper's request (a helper called from one place only is read through that call).
      const callers = (result: Awaited<ReturnType<typeof scanWorkspace>>) => ({
        sites: result.callSites.filter((site) => site.kind === 'wrapper-caller').map((site) => `${site.file}:${site.line}`),
        listedOnHelper: result.callSites.filter((site) => site.file === 'wrap.ts').flatMap((site) => (site.relays ?? []).map((relay) => `${relay.file}:${relay.line}`)),
      });
      const saved = { sites: [], listedOnHelper: ['a.ts:2'] };
      const cache = new ScanCache();
      assert.deepEqual(callers(await scanWorkspace(root, { cache })), saved);
      const unsaved = new Map([[caller, `import { askModel } from './wrap';\nexport const one = () => askModel('summarize this ticket');\nexport const two = () => askModel('translate this into French');\n`]]);
      assert.deepEqual(callers(await scanWorkspace(root, { cache, unsaved })), { sites: ['a.ts:2', 'a.ts:3'], listedOnHelper: [] });
      assert.deepEqual(callers(await scanWorkspace(root, { unsaved })), { sites: ['a.ts:2', 'a.ts:3'], listedOnHelper: [] });
      assert.deepEqual(callers(await scanWorkspace(root, { cache })), saved, 'the edit reverted: the saved file again');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('analyzes the text the editor holds instead of the saved file, without caching it', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'unsaved-'));
    try {
      const file = path.join(root, 'a.ts');
      writeFileSync(file, `import OpenAI from 'openai';\nconst o = new OpenAI();\no.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`);
      const cache = new ScanCache();
      await scanWorkspace(root, { cache });
      const unsaved = new Map([[file, `import OpenAI from 'openai';\nconst o = new OpenAI();\n\n\no.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });\n`]]);
      const editing = await scanWorkspace(root, { cache, unsaved });
      assert.deepEqual(editing.callSites.map((site) => [site.line, site.model.id]), [[5, 'gpt-4o-mini']]);
      const saved = await scanWorkspace(root, { cache });
      assert.deepEqual(saved.callSites.map((site) => [site.line, site.model.id]), [[3, 'gpt-4o']], 'the disk version is still what the cache holds');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('pricing kept between scans follows the catalog in use', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'reprice-'));
    writeFileSync(path.join(root, 'a.ts'), `import OpenAI from 'openai';\nconst o = new OpenAI();\no.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Summarize this ticket.' }] });\n`);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const override = (inputPerMTok: number, asOf: string): PriceOverride => ({ version: 1, url: 'https://prices.example/file.json', fetchedAt: `${asOf}T00:00:00Z`, asOf, rows: [{ id: 'gpt-4o', inputPerMTok, outputPerMTok: inputPerMTok * 4 }] });
  const current = (result: Awaited<ReturnType<typeof scanWorkspace>>) => result.callSites[0].options.find((o) => o.current);

  it('a refreshed price file with a new price is priced with it, not served from the cache', async () => {
    const cache = new ScanCache();
    const first = await scanWorkspace(root, { cache, catalog: catalogWithOverride(override(2.5, '2026-11-01')) });
    const refreshed = await scanWorkspace(root, { cache, catalog: catalogWithOverride(override(25, '2026-12-01')) });
    assert.equal(current(first)?.price?.asOf, '2026-11-01');
    assert.equal(current(refreshed)?.price?.asOf, '2026-12-01');
    assert.ok(refreshed.callSites[0].monthlyUsdCurrent! > first.callSites[0].monthlyUsdCurrent! * 5, `${first.callSites[0].monthlyUsdCurrent} -> ${refreshed.callSites[0].monthlyUsdCurrent}`);
  });

  it('a catalog rebuilt with one price changed (same as-of date) is priced anew: the key is the content, not the date', async () => {
    const cache = new ScanCache();
    const catalog = catalogWithOverride(override(2.5, '2026-11-01'));
    const before = (await scanWorkspace(root, { cache, catalog })).callSites[0].monthlyUsdCurrent!;
    // Catalogs are not changed in place (a refresh or override builds a new one), so the change is a new object.
    const closed = catalog.closed.map((row) => (row.id === 'gpt-4o' ? { ...row, inputPerMTok: row.inputPerMTok! * 10, outputPerMTok: row.outputPerMTok! * 10 } : row));
    const changed = buildCatalog({ ...catalog, closed });
    assert.equal(changed.asOf, catalog.asOf);
    const after = (await scanWorkspace(root, { cache, catalog: changed })).callSites[0].monthlyUsdCurrent!;
    assert.ok(Math.abs(after - before * 10) < 0.01 * before, `${before} -> ${after}, expected ten times`);
  });

  it('an equal catalog rebuilt as a new object keeps the cached pricing', async () => {
    const cache = new ScanCache();
    await scanWorkspace(root, { cache, catalog: catalogWithOverride(override(2.5, '2026-11-01')) });
    const kept = cache.enrichment.size;
    assert.ok(kept > 0);
    const again = await scanWorkspace(root, { cache, catalog: catalogWithOverride(override(2.5, '2026-11-01')) });
    assert.equal(cache.enrichment.size, kept);
    assert.notEqual(again.callSites[0].monthlyUsdCurrent, null);
  });
});
