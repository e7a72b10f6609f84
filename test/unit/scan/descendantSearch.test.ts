import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Node, Project, SyntaxKind, ts } from 'ts-morph';
import { descendantsOfKind, installFastDescendantSearch, originalGetDescendantsOfKind } from '../../../src/scan/descendantSearch';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');
const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'support-desk');

function sourceFilesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFilesUnder(full);
    return /\.(?:[cm]?[jt]sx?)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The kinds that occur under a node (what an analyzer could search for there). */
function kindsUnder(node: ts.Node): Set<SyntaxKind> {
  const kinds = new Set<SyntaxKind>();
  const visit = (child: ts.Node): void => {
    kinds.add(child.kind);
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return kinds;
}

/** What a search returned, as compiler nodes: the same wrappers wrap the same nodes. */
const compilerNodes = (nodes: readonly Node[]): ts.Node[] => nodes.map((node) => node.compilerNode);

/**
 * The scan's descendant search stands in for ts-morph's: on every fixture project's files (the
 * analyzers' own test inputs) and from every node an analyzer searches from (a file, a class, a
 * function, a call), it must return the same nodes in the same order for every kind present.
 */
describe('descendant search used by the scan', () => {
  const files = [...sourceFilesUnder(FIXTURES), ...sourceFilesUnder(EXAMPLE)];
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true, noLib: true, jsx: ts.JsxEmit.Preserve } });

  it('finds fixture files to compare on', () => {
    assert.ok(files.length > 50, `only ${files.length} fixture files`);
  });

  it('returns what ts-morph returns, in the same order, for every kind and search root', () => {
    let comparisons = 0;
    for (const file of files) {
      const sourceFile = project.createSourceFile(file, readFileSync(file, 'utf8'), { overwrite: true });
      const roots: Node[] = [sourceFile, ...sourceFile.getClasses(), ...sourceFile.getFunctions(), ...originalGetDescendantsOfKind(sourceFile, SyntaxKind.ArrowFunction), ...originalGetDescendantsOfKind(sourceFile, SyntaxKind.CallExpression).slice(0, 20)];
      for (const root of roots) {
        for (const kind of kindsUnder(root.compilerNode)) {
          const expected = compilerNodes(originalGetDescendantsOfKind(root, kind));
          const actual = compilerNodes(descendantsOfKind(root, kind));
          assert.deepEqual(actual, expected, `${path.relative(FIXTURES, file)}: ${SyntaxKind[kind]} under ${root.getKindName()} at ${root.getStart()}`);
          comparisons++;
        }
      }
      project.removeSourceFile(sourceFile);
    }
    assert.ok(comparisons > 1000, `only ${comparisons} comparisons`);
  });

  it('hands token and JSDoc kinds, and searches from a SyntaxList, to ts-morph', () => {
    const sourceFile = project.createSourceFile('/jsdoc.ts', '/** Greets. @param name who */\nexport function greet(name: string) { return `hi ${name}`; }\n', { overwrite: true });
    for (const kind of [SyntaxKind.JSDoc, SyntaxKind.JSDocParameterTag, SyntaxKind.StringKeyword, SyntaxKind.ExportKeyword, SyntaxKind.Identifier]) {
      assert.deepEqual(compilerNodes(descendantsOfKind(sourceFile, kind)), compilerNodes(originalGetDescendantsOfKind(sourceFile, kind)), SyntaxKind[kind]);
    }
    const syntaxList = sourceFile.getChildSyntaxListOrThrow();
    assert.deepEqual(compilerNodes(descendantsOfKind(syntaxList, SyntaxKind.Identifier)), compilerNodes(originalGetDescendantsOfKind(syntaxList, SyntaxKind.Identifier)));
    assert.equal(descendantsOfKind(sourceFile, SyntaxKind.JSDoc).length, 1);
  });

  it('once installed, answers getDescendantsOfKind', () => {
    installFastDescendantSearch();
    installFastDescendantSearch();
    const sourceFile = project.createSourceFile('/calls.ts', 'f(g(1), h());\nclass A { m() { return i(); } }\n', { overwrite: true });
    const calls = sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).map((call) => call.getExpression().getText());
    assert.deepEqual(calls, ['f', 'g', 'h', 'i']);
    assert.deepEqual(compilerNodes(sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)), compilerNodes(originalGetDescendantsOfKind(sourceFile, SyntaxKind.CallExpression)));
  });
});
