import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';
import { CORPUS, GOOD_CALL, OPENAI_HEADER, makeUnreadable } from '../../fixtures/bad/corpus';

describe('bad input', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'bad-input-'));
    writeFileSync(path.join(root, 'good.ts'), GOOD_CALL);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  for (const entry of CORPUS) {
    it(`survives ${entry.name}`, async function () {
      this.timeout(60_000);
      entry.make(root);
      const result = await scanWorkspace(root);
      const good = result.callSites.filter((site) => site.file === 'good.ts');
      assert.equal(good.length, 1, 'the good call is still found');
      assert.equal(result.callSites.length, 1 + (entry.extraCalls ?? 0), JSON.stringify(result.callSites.map((s) => `${s.file}:${s.line}`)));
      if (entry.diagnostic) assert.ok(result.diagnostics.some((d) => entry.diagnostic!.test(d.message) || entry.diagnostic!.test(d.file)), JSON.stringify(result.diagnostics));
    });
  }

  it('survives an unreadable file (when not running as a user who can read everything)', async () => {
    makeUnreadable(path.join(root, 'secret.ts'), `${OPENAI_HEADER}openai.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`);
    const result = await scanWorkspace(root);
    assert.ok(result.callSites.some((site) => site.file === 'good.ts'));
    // root can read mode-000 files, so either the call is found or the file gets a diagnostic
    assert.ok(result.callSites.some((site) => site.file === 'secret.ts') || result.diagnostics.some((d) => d.file === 'secret.ts'));
  });

  it('reports a model that is not in the catalog instead of pricing it', async () => {
    writeFileSync(path.join(root, 'unknown.ts'), `${OPENAI_HEADER}openai.chat.completions.create({ model: 'gpt-9-ultra-imaginary', messages: [] });\n`);
    const result = await scanWorkspace(root);
    const site = result.callSites.find((s) => s.file === 'unknown.ts')!;
    assert.equal(site.monthlyUsdCurrent, null);
    assert.ok(result.diagnostics.some((d) => d.file === 'unknown.ts' && /gpt-9-ultra-imaginary/.test(d.message)), JSON.stringify(result.diagnostics));
  });
});

describe('include and exclude globs', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'globs-'));
    const call = `${OPENAI_HEADER}openai.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`;
    for (const file of ['src/app.ts', 'src/app.test.ts', 'legacy/old.ts', 'vendor/acme-llm/client.ts', 'node_modules/openai/index.ts']) {
      mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(root, file), call);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('skips dependency folders by default, and honours --exclude and --include', async () => {
    const files = async (options: { exclude?: string[]; include?: string[] } = {}) => (await scanWorkspace(root, options)).callSites.map((site) => site.file).sort();
    assert.deepEqual(await files(), ['legacy/old.ts', 'src/app.test.ts', 'src/app.ts']);
    assert.deepEqual(await files({ exclude: ['legacy/**', '*.test.ts'] }), ['src/app.ts']);
    assert.deepEqual(await files({ exclude: ['legacy'] }), ['src/app.test.ts', 'src/app.ts']);
    assert.deepEqual(await files({ include: ['vendor/acme-llm/**'] }), ['legacy/old.ts', 'src/app.test.ts', 'src/app.ts', 'vendor/acme-llm/client.ts']);
  });
});
