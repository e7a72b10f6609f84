import { ts, type CallExpression, type NewExpression, type Node, type SourceFile } from 'ts-morph';
import { onTsMorphLoad } from './tsMorphLoading';

const CALLS_BY_FILE = new WeakMap<object, ts.CallExpression[]>();
const NEW_EXPRESSIONS_BY_FILE = new WeakMap<object, ts.NewExpression[]>();

/** The compiler nodes below `root` that pass `test`, in source order (as `getDescendants` lists them: a node before its children). */
function compilerNodesOf<T extends ts.Node>(root: ts.Node, test: (node: ts.Node) => node is T): T[] {
  const found: T[] = [];
  const visit = (node: ts.Node): void => {
    if (test(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(root, visit);
  return found;
}

/** A file's compiler nodes of one kind, collected once per parse: keyed by the compiler's node, so a re-parsed file gets a fresh list. */
function compilerNodesOnce<T extends ts.Node>(byFile: WeakMap<object, T[]>, sourceFile: SourceFile, test: (node: ts.Node) => node is T): T[] {
  const key = sourceFile.compilerNode;
  let nodes = byFile.get(key);
  if (!nodes) byFile.set(key, (nodes = compilerNodesOf(key, test)));
  return nodes;
}

/**
 * Every call expression of a file as compiler nodes, collected once and shared by the analyzers and the
 * caller search (which asks about the same file at each level of helpers and for each method name).
 * Wrapping all of them in ts-morph nodes cost about 0.2 s per cold scan of a 25 MB repo; only calls a
 * name gate lets through are wrapped (see `callsMatching` and `eachCall`).
 */
export function compilerCallsOf(sourceFile: SourceFile): readonly ts.CallExpression[] {
  return compilerNodesOnce(CALLS_BY_FILE, sourceFile, ts.isCallExpression);
}

/**
 * The `new` expressions of a file whose class is written as `className` (`new Agent(...)`), wrapped in ts-morph
 * nodes only when they match: an analyzer looking for one class in every analyzed file otherwise wraps them all.
 */
export function newExpressionsOf(sourceFile: SourceFile, className: string): NewExpression[] {
  const key = sourceFile.compilerNode;
  return compilerNodesOnce(NEW_EXPRESSIONS_BY_FILE, sourceFile, ts.isNewExpression)
    .filter((node) => node.expression.getText(key) === className)
    .map((node) => wrapCompilerNode<NewExpression>(sourceFile, node));
}

/**
 * The nodes of a file that `matches`, in source order (as `getDescendants` lists them), tested on the compiler's nodes and
 * wrapped in ts-morph nodes only when they match: `getDescendants` wraps every node of the file.
 */
export function nodesMatching<T extends Node>(sourceFile: SourceFile, matches: (node: ts.Node) => boolean): T[] {
  return compilerNodesOf(sourceFile.compilerNode, (node): node is ts.Node => matches(node)).map((node) => wrapCompilerNode<T>(sourceFile, node));
}

/** A compiler node of the file as its ts-morph node. */
export function wrapCompilerNode<T extends Node>(sourceFile: SourceFile, node: ts.Node): T {
  // ts-morph's own way from a compiler node to its (cached) wrapper; there is no public equivalent
  // that keeps the node in this project. The analyzer tests fail if it ever changes.
  return (sourceFile as unknown as { _getNodeFromCompilerNode(node: ts.Node): T })._getNodeFromCompilerNode(node);
}

/**
 * The call expressions of a file that `matches`, in source order, tested on the compiler's nodes and
 * wrapped in ts-morph objects only when they match (wrapping every node of a file costs more than the rest of a search).
 */
export function callsMatching(sourceFile: SourceFile, matches: (call: ts.CallExpression) => boolean): CallExpression[] {
  return compilerCallsOf(sourceFile)
    .filter(matches)
    .map((call) => wrapCompilerNode<CallExpression>(sourceFile, call));
}

/**
 * The compiler's node tests the hot lookups make (calleeNameOf, the declaration and export climbs),
 * read once: TypeScript's bundle defines every member of `ts` as a getter, so `ts.isIdentifier(node)` in
 * an inner loop first calls a function to find the test. Filled once ts-morph is loaded (tsMorphLoading.ts).
 */
function readNodeTests() {
  return { isArrayBindingPattern: ts.isArrayBindingPattern, isArrowFunction: ts.isArrowFunction, isAsExpression: ts.isAsExpression, isAwaitExpression: ts.isAwaitExpression, isBlock: ts.isBlock, isCallExpression: ts.isCallExpression, isCaseClause: ts.isCaseClause, isClassDeclaration: ts.isClassDeclaration, isConstructorDeclaration: ts.isConstructorDeclaration, isDefaultClause: ts.isDefaultClause, isEnumDeclaration: ts.isEnumDeclaration, isExportDeclaration: ts.isExportDeclaration, isForInStatement: ts.isForInStatement, isForOfStatement: ts.isForOfStatement, isFunctionDeclaration: ts.isFunctionDeclaration, isFunctionExpression: ts.isFunctionExpression, isGetAccessorDeclaration: ts.isGetAccessorDeclaration, isIdentifier: ts.isIdentifier, isImportDeclaration: ts.isImportDeclaration, isMethodDeclaration: ts.isMethodDeclaration, isModuleBlock: ts.isModuleBlock, isModuleDeclaration: ts.isModuleDeclaration, isNamedImports: ts.isNamedImports, isNamespaceImport: ts.isNamespaceImport, isNonNullExpression: ts.isNonNullExpression, isObjectBindingPattern: ts.isObjectBindingPattern, isParenthesizedExpression: ts.isParenthesizedExpression, isPropertyAccessExpression: ts.isPropertyAccessExpression, isSatisfiesExpression: ts.isSatisfiesExpression, isSetAccessorDeclaration: ts.isSetAccessorDeclaration, isSourceFile: ts.isSourceFile, isTypeAssertionExpression: ts.isTypeAssertionExpression, isVariableStatement: ts.isVariableStatement };
}
export const nodeTests = {} as ReturnType<typeof readNodeTests>;
onTsMorphLoad(() => Object.assign(nodeTests, readNodeTests()));

/**
 * An expression without the casts and parentheses around it, on compiler nodes: `(together.chat.completions.create as
 * Function)` is `together.chat.completions.create` (napkins casts the method to pass a field its SDK types lack).
 */
export function withoutCasts(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (nodeTests.isParenthesizedExpression(current) || nodeTests.isAsExpression(current) || nodeTests.isSatisfiesExpression(current) || nodeTests.isNonNullExpression(current) || nodeTests.isTypeAssertionExpression(current)) current = current.expression;
  return current;
}
