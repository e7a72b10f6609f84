import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';

describe('calls on clients imported from an SDK module', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'imported-'));
    mkdirSync(path.join(root, 'src', 'features'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'model.ts'), `import { ChatOpenAI } from '@langchain/openai';\nexport const llm = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 });\n`);
    // Names no SDK and no distinctive method shape: only its import of ./model makes it relevant.
    writeFileSync(path.join(root, 'src', 'features', 'tagline.ts'), `import { llm } from '../model';\nexport async function tagline(product: string) {\n  return llm.invoke(\`Write a tagline for \${product}\`);\n}\n`);
    writeFileSync(path.join(root, 'src', 'features', 'unrelated.ts'), `import { helper } from './helper';\nexport const run = () => helper.invoke();\n`);
    writeFileSync(path.join(root, 'src', 'features', 'helper.ts'), `export const helper = { invoke: () => 1 };\n`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('analyzes a file that imports a module using an SDK, and only such files', async () => {
    const result = await scanWorkspace(root);
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line} ${site.provider} ${site.model.id}`), ['src/features/tagline.ts:3 openai gpt-4o-mini']);
    assert.equal(result.summary.filesParsed, 2, 'model.ts by the prefilter, tagline.ts because it imports it; unrelated files stay unparsed');
  });
});
