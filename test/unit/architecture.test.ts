import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const RULE = '@typescript-eslint/no-restricted-imports';

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Every src file's imports of other src files: static, re-exports, `import()` and `typeof import()` types alike. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => path.resolve(path.dirname(file), specifier))
      .flatMap((base) => [`${base}.ts`, path.join(base, 'index.ts')].filter((candidate) => existsSync(candidate)).slice(0, 1));
    graph.set(file, targets);
  }
  return graph;
}

/** The import cycles of a graph (strongly connected components with more than one file, or a file importing itself). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result.messages.filter((message) => message.ruleId === RULE).map((message) => message.message);
}

describe('architecture', () => {
  it('no import cycle among src files', () => {
    const cycles = importCycles(importGraph(sourceFiles(path.join(ROOT, 'src'))));
    assert.deepEqual(cycles.map((cycle) => cycle.map((file) => path.relative(ROOT, file))), []);
  });

  it('the cycle check finds a cycle, through type imports too', () => {
    const graph = new Map([
      ['types', ['advisor']],
      ['advisor', ['sizing', 'types']],
      ['sizing', []],
      ['self', ['self']],
    ]);
    assert.deepEqual(importCycles(graph), [['advisor', 'types'], ['self']]);
    const typeOnly = ts.preProcessFile(`export type A = Pick<import('./advisor').WorkspaceAdvice, 'stage'>;`, true, true).importedFiles.map((f) => f.fileName);
    assert.deepEqual(typeOnly, ['./advisor']);
  });

  it('the schema (src/model) imports nothing outside src/model', () => {
    const graph = importGraph(sourceFiles(path.join(ROOT, 'src/model')));
    const outside = [...graph].flatMap(([file, targets]) => targets.filter((target) => !target.startsWith(path.join(ROOT, 'src/model') + path.sep)).map((target) => `${path.relative(ROOT, file)} -> ${path.relative(ROOT, target)}`));
    assert.deepEqual(outside, []);
    for (const file of sourceFiles(path.join(ROOT, 'src/model'))) {
      const packages = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.filter((f) => !f.fileName.startsWith('.'));
      assert.deepEqual(packages.map((f) => f.fileName), [], path.relative(ROOT, file));
    }
  });

  it('only src/extension imports vscode', () => {
    const offenders = ['src/model', 'src/core', 'src/analyzers', 'src/scan', 'src/runtime', 'src/cli', 'src/webview']
      .flatMap((folder) => sourceFiles(path.join(ROOT, folder)))
      .filter((file) => /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((file) => path.relative(ROOT, file)), []);
  });

  // Each row: a file in a layer, an import it writes, and whether lint lets it through.
  const layerCases: Array<{ file: string; from: string; allowed: boolean; typeOnly?: boolean }> = [
    { file: 'src/model/x.ts', from: './types', allowed: true },
    { file: 'src/model/x.ts', from: '../core/pricing/pipeline', allowed: false },
    { file: 'src/model/x.ts', from: 'yaml', allowed: false },
    { file: 'src/core/pricing/x.ts', from: '../../model/types', allowed: true },
    { file: 'src/core/pricing/x.ts', from: '../catalog/catalog', allowed: true },
    { file: 'src/core/pricing/x.ts', from: '../../scan/scan', allowed: false },
    { file: 'src/core/pricing/x.ts', from: '../../analyzers', allowed: false },
    { file: 'src/core/pricing/x.ts', from: '../report/plan', allowed: false },
    { file: 'src/core/pricing/x.ts', from: 'node:fs', allowed: false },
    { file: 'src/core/pricing/x.ts', from: 'ts-morph', allowed: false },
    { file: 'src/core/catalog/x.ts', from: '../pricing/pipeline', allowed: false },
    { file: 'src/core/estimate/x.ts', from: '../usage/usage', allowed: false },
    { file: 'src/core/usage/x.ts', from: '../estimate/annotations', allowed: true },
    { file: 'src/core/usage/x.ts', from: '../pricing/advisor', allowed: false },
    { file: 'src/core/x.ts', from: 'vscode', allowed: false },
    { file: 'src/analyzers/x.ts', from: '../model/types', allowed: true },
    { file: 'src/analyzers/x.ts', from: 'ts-morph', allowed: true },
    { file: 'src/analyzers/x.ts', from: '../core/catalog/catalog', allowed: false },
    { file: 'src/analyzers/x.ts', from: '../scan/files', allowed: false },
    { file: 'src/scan/x.ts', from: '../analyzers', allowed: true },
    { file: 'src/scan/x.ts', from: '../analyzers/shared/modules', allowed: false },
    { file: 'src/scan/x.ts', from: '../core/pricing/pipeline', allowed: true },
    { file: 'src/scan/x.ts', from: '../cli/main', allowed: false },
    { file: 'src/runtime/x.ts', from: 'node:fs', allowed: true },
    { file: 'src/runtime/x.ts', from: '../model/types', allowed: false },
    { file: 'src/cli/x.ts', from: '../scan/scan', allowed: true },
    { file: 'src/cli/x.ts', from: '../extension/api', allowed: false },
    { file: 'src/cli/x.ts', from: 'vscode', allowed: false },
    { file: 'src/webview/x.ts', from: '../model/display', allowed: true },
    { file: 'src/webview/x.ts', from: '../core/catalog/catalog', allowed: false },
    { file: 'src/webview/x.ts', from: 'node:fs', allowed: false },
    { file: 'src/extension/x.ts', from: 'vscode', allowed: true },
    { file: 'src/extension/x.ts', from: '../webview/protocol', allowed: true },
    { file: 'src/extension/x.ts', from: '../webview/render', allowed: false },
    { file: 'src/extension/x.ts', from: '../core/catalog/catalog', allowed: true, typeOnly: true },
    { file: 'src/extension/x.ts', from: '../core/catalog/catalog', allowed: false },
    { file: 'src/extension/x.ts', from: '../scan/scan', allowed: false },
    { file: 'src/extension/scannerBundle.ts', from: '../scan/scan', allowed: true },
  ];
  for (const { file, from, allowed, typeOnly } of layerCases) {
    it(`lint ${allowed ? 'allows' : 'rejects'} ${typeOnly ? 'a type import' : 'an import'} of ${from} in ${file}`, async () => {
      const code = typeOnly ? `import type * as m from '${from}';\nexport type M = typeof m;\n` : `import * as m from '${from}';\nexport const x = m;\n`;
      const messages = await restrictedImports(file, code);
      if (allowed) assert.deepEqual(messages, []);
      else assert.equal(messages.length, 1, `expected ${from} to be rejected in ${file}`);
    });
  }
});
