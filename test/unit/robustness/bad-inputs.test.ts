import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/core/scan';
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
