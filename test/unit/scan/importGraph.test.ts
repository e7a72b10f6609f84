import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { aliasImportsOf, ImportGraph, importsAnyOf, MAX_BARREL_HOPS, reExportsOf, relativeImportsOf, workspaceDependents } from '../../../src/scan/importGraph';

describe('import graph (regex-read relative imports)', () => {
  const cases: Array<{ name: string; text: string; reExports: string[] }> = [
    { name: 'export * and export * as', text: `export * from './client';\nexport * as models from "../models";`, reExports: ['./client', '../models'] },
    { name: 'named and default re-exports', text: `export { openai, MODEL as DEFAULT_MODEL } from './client';\nexport { default as llm } from './model';`, reExports: ['./client', './model'] },
    { name: 'an imported binding exported again', text: `import { fast } from './fast';\nimport llm from './model';\nimport * as tools from './tools';\nimport { unrelated } from './other';\nexport { fast };\nexport default llm;\nexport { tools as toolbox };`, reExports: ['./fast', './model', './tools'] },
    { name: 'a parent folder barrel', text: `export * from '..';\nexport { x } from '.';`, reExports: ['..', '.'] },
    { name: 'CommonJS barrels', text: `module.exports = require('./client');\nmodule.exports = { ...require("./models"), version: 2 };\nconst { helper } = require('./helper');`, reExports: ['./client', './models'] },
    { name: 'type-only re-exports never reach run time', text: `export type { Client } from './client';\nimport type { Model } from './model';\nexport { Model };`, reExports: [] },
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
