import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { discoverSourceFiles } from '../../../src/scan/files';
import { aliasImportsOf, ImportGraph, importsAnyOf, MAX_BARREL_HOPS, reExportsOf, relativeImportsOf, workspaceDependents } from '../../../src/scan/importGraph';

describe('import graph (regex-read relative imports)', () => {
  const cases: Array<{ name: string; text: string; reExports: string[] }> = [
    { name: 'export * and export * as', text: `export * from './client';\nexport * as models from "../models";`, reExports: ['./client', '../models'] },
    { name: 'named and default re-exports', text: `export { openai, MODEL as DEFAULT_MODEL } from './client';\nexport { default as llm } from './model';`, reExports: ['./client', './model'] },
    { name: 'an imported binding exported again', text: `import { fast } from './fast';\nimport llm from './model';\nimport * as tools from './tools';\nimport { unrelated } from './other';\nexport { fast };\nexport default llm;\nexport { tools as toolbox };`, reExports: ['./fast', './model', './tools'] },
    { name: 'a namespace of each module exported under a name of its own (`import * as _openai`, `export const openai = _openai`); a const computed from one is not', text: `import * as _openai from './openai';\nimport * as _ollama from './ollama';\nimport { clamp } from './math';\nexport const openai = _openai;\nexport const ollama = _ollama\nexport const limit = clamp(3);`, reExports: ['./openai', './ollama'] },
    { name: 'a parent folder barrel', text: `export * from '..';\nexport { x } from '.';`, reExports: ['..', '.'] },
    { name: 'CommonJS barrels', text: `module.exports = require('./client');\nmodule.exports = { ...require("./models"), version: 2 };\nconst { helper } = require('./helper');`, reExports: ['./client', './models'] },
    { name: 'type-only re-exports never reach run time', text: `export type { Client } from './client';\nimport type { Model } from './model';\nexport { Model };`, reExports: [] },
    { name: 'an exported object holding imported functions (`const Meet = { OpenAI: { getGPTResponse } }; export default Meet`); an import it only calls is not passed on', text: `import { getGPTResponse } from './OpenAI';\nimport { summarize as short } from './summary';\nimport { log } from './log';\nconst Meet: { [key: string]: any } = {\n  OpenAI: { getGPTResponse },\n  Text: { short: short },\n};\nlog('ready');\nexport default Meet;`, reExports: ['./OpenAI', './summary'] },
    { name: 'plain imports and package re-exports are not barrels of workspace modules', text: `import { llm } from './model';\nexport { OpenAI } from 'openai';\nexport const run = () => llm.invoke('x');\nexport default function handler() {}`, reExports: [] },
  ];
  for (const testCase of cases) {
    it(`reExportsOf: ${testCase.name}`, () => assert.deepEqual(reExportsOf(testCase.text), testCase.reExports));
  }

  it('relativeImportsOf reads ES imports, re-exports, require, dynamic import and bare parent folders', () => {
    assert.deepEqual(relativeImportsOf(`import a from './a';\nexport * from '../b';\nconst c = require('./c');\nconst d = await import('./d');\nimport { e } from '..';\nimport x from 'openai';`), ['./a', '../b', './c', './d', '..']);
  });

  it('the specifiers it keeps do not hold on to the text they were read from (a 30,000-file scan kept every file this way)', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const kept: string[][] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let index = 0; index < 40; index++) {
      // One megabyte per file, built at run time so it is a fresh string each time.
      const text = `import { llm } from './llm/model-of-the-app-${index}';\nexport { llm } from './llm/model-of-the-app-${index}';\nimport x from '~/lib/llm/client-of-the-app-${index}';\n` + `// ${String(index)}`.padEnd(1024 * 1024, '.');
      kept.push(relativeImportsOf(text), reExportsOf(text), aliasImportsOf(text));
    }
    gc();
    const retainedMegabytes = (process.memoryUsage().heapUsed - before) / 1048576;
    assert.deepEqual(kept.slice(0, 3), [['./llm/model-of-the-app-0'], ['./llm/model-of-the-app-0'], ['~/lib/llm/client-of-the-app-0']]);
    assert.ok(retainedMegabytes < 10, `kept ${retainedMegabytes.toFixed(1)} MB for 40 files' specifiers`);
  });

  it('importsAnyOf answers the same when asked again (resolved paths are remembered per folder and specifier)', () => {
    const modules = new Set(['/repo/src/llm/client.ts']);
    const file = { absolutePath: '/repo/src/app/page.ts', relativeImports: ['../llm/client.js'] };
    assert.equal(importsAnyOf(file, modules), true);
    assert.equal(importsAnyOf(file, modules), true);
    assert.equal(importsAnyOf(file, new Set(['/repo/src/llm/other.ts'])), false);
    assert.equal(importsAnyOf({ absolutePath: '/repo/src/page.ts', relativeImports: ['./llm/client'] }, modules), true);
  });

  it('importersOf answers as importsAnyOf asked of every file, for modules in the graph and outside it, when asked again', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'importers-of-'));
    try {
      const files: Record<string, string> = {
        'src/llm/client.ts': `export const openai = 1;`,
        'src/llm/index.ts': `export * from './client';`,
        'src/llm/model.mts': `export const model = 'x';`,
        'src/app/page.ts': `import { openai } from '../llm/client.js';\nimport { model } from '../llm/model.mjs';`,
        'src/app/barrel-user.tsx': `import { openai } from '../llm';`,
        'src/app/lazy.js': `const llm = await import('../llm/index.js');\nconst c = require('../llm/client');`,
        'src/app/unrelated.ts': `import { x } from './nothing';\nimport y from 'openai';`,
        'src/generated.ts': `import { gone } from './gone';`,
      };
      for (const [relative, text] of Object.entries(files)) {
        fs.mkdirSync(path.join(root, path.dirname(relative)), { recursive: true });
        fs.writeFileSync(path.join(root, relative), text);
      }
      const { files: discovered } = await discoverSourceFiles(root);
      const modules = discovered.map((file) => ({ absolutePath: file.absolutePath, relativeImports: relativeImportsOf(fs.readFileSync(file.absolutePath, 'utf8')) }));
      const graph = new ImportGraph(modules);
      const at = (relative: string) => path.join(root, relative);
      // `src/gone.ts` is not a file of the graph (deleted, or left out by a glob), yet a specifier names it.
      const questions = [['src/llm/client.ts'], ['src/llm/index.ts'], ['src/llm/model.mts'], ['src/llm/client.ts', 'src/llm/model.mts'], ['src/gone.ts'], ['src/gone.ts', 'src/llm/index.ts'], ['src/app/page.ts'], []];
      for (const question of [...questions, ...questions]) {
        const asked = new Set(question.map(at));
        const expected = modules.filter((file) => importsAnyOf(file, asked)).map((file) => file.absolutePath).sort();
        assert.deepEqual([...graph.importersOf(asked)].sort(), expected, question.join(', '));
      }
      assert.deepEqual([...graph.importersOf(new Set([at('src/llm/client.ts')]))].sort(), [at('src/app/lazy.js'), at('src/app/page.ts'), at('src/llm/index.ts')]);
      assert.deepEqual([...graph.importersOf(new Set([at('src/gone.ts')]))], [at('src/generated.ts')]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('withBarrels follows barrels of barrels, stops in cycles, and gives up after MAX_BARREL_HOPS', () => {
    const file = (name: string, reExports: string[]) => ({ absolutePath: `/r/${name}.ts`, relativeImports: reExports, reExports });
    const chain = Array.from({ length: MAX_BARREL_HOPS + 1 }, (_, index) => file(`chain${index}`, [index === 0 ? './client' : `./chain${index - 1}`]));
    const graph = new ImportGraph([file('client', []), file('a', ['./b', './client']), file('b', ['./a']), file('unrelated', ['./other']), ...chain]);
    const reached = graph.withBarrels(new Set(['/r/client.ts']));
    assert.ok(reached.has('/r/a.ts') && reached.has('/r/b.ts'), 'both barrels of the cycle');
    assert.ok(!reached.has('/r/unrelated.ts'));
    assert.ok(reached.has(`/r/chain${MAX_BARREL_HOPS - 1}.ts`));
    assert.ok(!reached.has(`/r/chain${MAX_BARREL_HOPS}.ts`), 'one hop too many');
  });
});

describe('workspaceDependents (files that may import a workspace package by name)', () => {
  const root = path.resolve('/repo');
  const at = (...parts: string[]) => path.join(root, ...parts);
  const dependents = new Map([
    ['typechat', [at('examples', 'math')]],
    ['@acme/ai', [at('apps', 'api')]],
  ]);
  const cases: Array<{ name: string; file: string; aliasImports?: string[]; expected: boolean }> = [
    { name: 'any file of a package depending on an unscoped name (its imports are not kept per file)', file: at('examples', 'math', 'src', 'main.ts'), expected: true },
    { name: 'a file of a package depending on a scoped name, naming it in its imports', file: at('apps', 'api', 'src', 'tags.ts'), aliasImports: ['@acme/ai/embed'], expected: true },
    { name: 'a file of that package naming another scoped package', file: at('apps', 'api', 'src', 'chat.ts'), aliasImports: ['@acme/ai-old', '@other/ai'], expected: false },
    { name: 'a file of no dependent package', file: at('examples', 'mathematics', 'src', 'main.ts'), expected: false },
  ];
  const test = workspaceDependents(dependents);
  for (const testCase of cases) it(testCase.name, () => assert.equal(test(testCase.file, testCase.aliasImports), testCase.expected));
  it('no dependents: no file', () => assert.equal(workspaceDependents(new Map())(at('examples', 'math', 'src', 'main.ts'), undefined), false));
});
