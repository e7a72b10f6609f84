import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ScanCache, scanWorkspace } from '../../../src/scan/scan';

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
