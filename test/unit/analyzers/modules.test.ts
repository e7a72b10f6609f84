import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeText, createAnalysisProject } from '../../../src/scan/analyze';

describe('ModuleLoader resolution cache', () => {
  it('records a followed module as a dependency of every file that follows it, also when resolved from the cache', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'modules-test-'));
    try {
      mkdirSync(path.join(root, 'src'));
      const models = path.join(root, 'src', 'models.ts');
      writeFileSync(models, `export const MODEL = 'claude-haiku-4-5';\n`);
      const caller = (name: string) => `import Anthropic from '@anthropic-ai/sdk';\nimport { MODEL } from './models';\nexport const ${name} = () => new Anthropic().messages.create({ model: MODEL, max_tokens: 5, messages: [] });\n`;
      const context = createAnalysisProject(root);
      for (const name of ['a', 'b']) {
        const file = path.join(root, 'src', `${name}.ts`);
        const result = analyzeText({ absolutePath: file, relativePath: `src/${name}.ts` }, caller(name), context);
        assert.equal(result.calls[0]?.model.id, 'claude-haiku-4-5', `${name}: model resolved through ./models`);
        assert.deepEqual(result.dependencies, [models], `${name}: dependencies`);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
