import { Node, SyntaxKind, ts, VariableDeclarationKind, type ArrowFunction, type CallExpression, type Expression, type FunctionDeclaration, type ExportDeclaration, type FunctionExpression, type ImportDeclaration, type MethodDeclaration, type SourceFile, type VariableDeclaration } from 'ts-morph';
import type { ModelSource } from '../../model/types';
import { PACKAGE_CDN_URL_PREFIX } from '../../model/vocabulary';
import type { ModuleLoader } from './modules';
import { nodeTests, wrapCompilerNode } from './calls';
import { onTsMorphLoad } from './tsMorphLoading';

/** How far we chase identifiers through constants and imports before calling a value dynamic. */
const MAX_RESOLUTION_DEPTH = 8;

/** `export default function`'s modifier, read once as the node tests (calls.ts). */
let DEFAULT_KEYWORD: ts.SyntaxKind.DefaultKeyword;
onTsMorphLoad(() => (DEFAULT_KEYWORD = ts.SyntaxKind.DefaultKeyword));

export interface ResolvedString {
  value: string | null;
  source: ModelSource;
  raw: string;
  evidence: string[];
}

/** Model candidates kept for one call: more than this is a catalog, not a choice; the first ones are kept. */
export const MAX_MODEL_CANDIDATES = 25;

/** What turns a body object into what is sent: `JSON.stringify(payload)`, and Tauri's `Body.json(payload)`. */
const SERIALIZER = /^(?:JSON\.stringify|Body\.json)$/;

/** A call serializing a request body (`JSON.stringify(payload)`, `Body.json(payload)`): its argument is the object sent. */
export function isSerializerCall(node: Node): node is CallExpression {
  return Node.isCallExpression(node) && SERIALIZER.test(node.getExpression().getText());
}

/** A parameter of a plain named function: the function, the name its callers write, and the parameter's place. */
export interface NamedFunctionParameter {
  fn: FunctionDeclaration | ArrowFunction | FunctionExpression;
  name: string;
  index: number;
}

/**
 * `function send(body)` or `const send = (body) => ...`: where a parameter sits, so the same file's
 * `send(x)` calls can be read at that argument. Methods and unnamed functions have no such callers.
 */
export function namedFunctionParameter(parameter: Node): NamedFunctionParameter | undefined {
  const fn = parameter.getParent();
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return undefined;
  const name = Node.isFunctionDeclaration(fn) ? fn.getName() : fn.getParentIfKind(SyntaxKind.VariableDeclaration)?.getName();
  const index = fn.getParameters().findIndex((candidate) => candidate === parameter);
  return name && index >= 0 ? { fn, name, index } : undefined;
}

/** The name a function is called by: its own (a declaration, a method), or the variable an arrow or function expression is held in. */
export function calledName(fn: Node): string | undefined {
  if (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn)) return fn.getName();
  return Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) ? fn.getParentIfKind(SyntaxKind.VariableDeclaration)?.getName() : undefined;
}

/** A function written with a body of statements or an expression: declaration, method, arrow or function expression. */
export type FunctionNode = FunctionDeclaration | ArrowFunction | FunctionExpression | MethodDeclaration;

/** Whether a node is a FunctionNode (constructors and accessors are not). */
export function isFunctionNode(node: Node): node is FunctionNode {
  return Node.isFunctionDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isMethodDeclaration(node);
}

/** The React hook a call is (`useMemo(...)`, `React.useCallback(...)`): its name, or undefined for any other call. */
export function reactHookName(call: CallExpression): string | undefined {
  const callee = unwrapExpression(call.getExpression());
  const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) && callee.getExpression().getText() === 'React' ? callee.getName() : undefined;
  return name && /^use[A-Z]/.test(name) ? name : undefined;
}

/** The function, method or arrow function around a node (its nearest). */
export function enclosingFunction(node: Node): Node | undefined {
  return node.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor));
}

/** A string literal or a template literal (through parentheses and casts). */
export function isStringLike(node: Node): boolean {
  const value = unwrapExpression(node);
  return Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value) || Node.isTemplateExpression(value);
}

/** `undefined`, `null` or `void 0`: a value, or a branch, that holds nothing (`key ? createOpenAI() : undefined`). */
export function holdsNoValue(node: Node): boolean {
  return /^(?:undefined|null|void 0)$/.test(unwrapExpression(node).getText());
}

/** Strips wrappers that do not change a value: parentheses, `as`, `satisfies`, `!`, `await`. */
export function unwrapExpression(node: Node): Node {
  let current = node;
  for (;;) {
    if (Node.isParenthesizedExpression(current) || Node.isAsExpression(current) || Node.isSatisfiesExpression(current) || Node.isNonNullExpression(current) || Node.isAwaitExpression(current) || Node.isTypeAssertion(current)) {
      current = current.getExpression();
    } else {
      return current;
    }
  }
}

/** Promise methods whose promise resolves to the value of the one they are called on, when that succeeds. */
const PROMISE_PASS_THROUGH = new Set(['catch', 'finally']);

/**
 * `initOpenAI(store).catch((error) => ...)` or `.finally(...)`: the promise whose value the call's promise resolves to
 * when it succeeds (the client a factory makes, awaited through an error handler); undefined for any other call.
 */
export function promiseSettledFrom(call: Node): Node | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const callee = unwrapExpression(call.getExpression());
  return Node.isPropertyAccessExpression(callee) && PROMISE_PASS_THROUGH.has(callee.getName()) ? callee.getExpression() : undefined;
}

/**
 * Finds the declaration an identifier names, syntactically: a variable, function, class or
 * parameter in an enclosing scope of this file, or the export of a relative import (loaded on
 * demand). No type checker, so it is fast and never needs the whole program.
 */
export function findDeclaration(identifier: Node, modules: ModuleLoader, depth = 0): Node | undefined {
  const name = identifier.getText();
  const sourceFile = identifier.getSourceFile();
  // Climbed on the compiler's nodes: most scopes declare nothing of that name, and wrapping each in a ts-morph node cost more than the lookup.
  for (let scope: ts.Node | undefined = identifier.compilerNode.parent; scope; scope = scope.parent) {
    const compilerFound = declarationInScope(scope, name, sourceFile.compilerNode);
    if (compilerFound) {
      const found = wrapCompilerNode(sourceFile, compilerFound);
      if (Node.isImportSpecifier(found) || Node.isImportClause(found) || Node.isNamespaceImport(found)) return followImport(found, modules, depth);
      if (Node.isBindingElement(found) || Node.isVariableDeclaration(found)) return followRequire(found, modules, depth) ?? found;
      return found;
    }
  }
  // The climb ends at the file, whose imports it has read: a name none declares is a global.
  return undefined;
}

function findDeclarationInScope(scope: Node, name: string): Node | undefined {
  const found = declarationInScope(scope.compilerNode, name, scope.getSourceFile().compilerNode);
  return found && wrapCompilerNode(scope.getSourceFile(), found);
}

/**
 * The node in this scope that declares the name, as the compiler's node: a parameter (or a binding in a parameter's
 * object pattern), a statement's variable, binding, function, class, enum or import, or a `for…of`/`for…in`
 * initializer whose text contains it. Names are compared by their source text, as ts-morph's `getText` and `getName` give it.
 */
function declarationInScope(scope: ts.Node, name: string, sourceFile: ts.SourceFile): ts.Node | undefined {
  if (nodeTests.isArrowFunction(scope) || nodeTests.isConstructorDeclaration(scope) || nodeTests.isFunctionDeclaration(scope) || nodeTests.isGetAccessorDeclaration(scope) || nodeTests.isMethodDeclaration(scope) || nodeTests.isSetAccessorDeclaration(scope) || nodeTests.isFunctionExpression(scope)) {
    for (const parameter of scope.parameters) {
      if (hasText(parameter.name, name, sourceFile)) return parameter;
      // `function f({ model = 'gpt-4o' })`: the binding inside the parameter's pattern.
      const pattern = parameter.name;
      if (nodeTests.isObjectBindingPattern(pattern)) {
        for (const element of pattern.elements) if (hasText(element.name, name, sourceFile)) return element;
      }
    }
  }
  const holdsStatements = nodeTests.isSourceFile(scope) || nodeTests.isBlock(scope) || nodeTests.isModuleBlock(scope) || nodeTests.isCaseClause(scope) || nodeTests.isDefaultClause(scope);
  const statements = holdsStatements && mayDeclare(scope, name) ? scope.statements : [];
  // `function f(a: A): X;` overload signatures come before the implementation, the declaration with the body: that one is returned.
  let overload: ts.Node | undefined;
  for (const statement of statements) {
    if (nodeTests.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (hasText(declaration.name, name, sourceFile)) return declaration;
        const binding = declaration.name;
        if (nodeTests.isObjectBindingPattern(binding)) {
          for (const element of binding.elements) if (hasText(element.name, name, sourceFile)) return element;
        }
        // `const [model, setModel] = useState(...)`: a position in an array pattern (holes are omitted expressions).
        if (nodeTests.isArrayBindingPattern(binding)) {
          for (const element of binding.elements) {
            if (!ts.isBindingElement(element)) continue;
            if (hasText(element.name, name, sourceFile)) return element;
            // `const [{ aiRouter }, { openRouterService }] = await Promise.all([import(...), import(...)])`: one level of objects in the list.
            if (nodeTests.isObjectBindingPattern(element.name)) for (const inner of element.name.elements) if (hasText(inner.name, name, sourceFile)) return inner;
          }
        }
      }
    } else if ((nodeTests.isFunctionDeclaration(statement) || nodeTests.isClassDeclaration(statement) || nodeTests.isEnumDeclaration(statement)) && statement.name && hasText(statement.name, name, sourceFile)) {
      if (!nodeTests.isFunctionDeclaration(statement) || statement.body) return statement;
      overload ??= statement;
    } else if (nodeTests.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name && hasText(clause.name, name, sourceFile)) return clause;
      const bindings = clause?.namedBindings;
      if (bindings && nodeTests.isNamespaceImport(bindings) && hasText(bindings.name, name, sourceFile)) return bindings;
      if (bindings && nodeTests.isNamedImports(bindings)) {
        // The local name: the alias when there is one (`name` is the alias then, `propertyName` the imported name).
        for (const specifier of bindings.elements) if (hasText(specifier.name, name, sourceFile)) return specifier;
      }
    }
  }
  if (overload) return overload;
  // `export namespace jigsawstack { export const API_BASE_URL = '...' }` beside the class reading it: asked after every other
  // statement, so a class or function merged with a namespace of the same name is found as itself.
  for (const statement of statements) if (nodeTests.isModuleDeclaration(statement) && nodeTests.isIdentifier(statement.name) && hasText(statement.name, name, sourceFile)) return statement;
  if ((nodeTests.isForOfStatement(scope) || nodeTests.isForInStatement(scope)) && scope.initializer.getText(sourceFile).includes(name)) return scope.initializer;
  return undefined;
}

/**
 * Whether a node's source text (what ts-morph's `getText` gives) is `text`, read only when it may be: an
 * identifier's parsed name differs from its text only when written with escapes, and a binding pattern's text
 * begins with its bracket.
 */
function hasText(node: ts.Node, text: string, sourceFile: ts.SourceFile): boolean {
  if (nodeTests.isIdentifier(node) && node.text !== text && !text.includes('\\')) return false;
  if (nodeTests.isObjectBindingPattern(node) && text[0] !== '{') return false;
  if (nodeTests.isArrayBindingPattern(node) && text[0] !== '[') return false;
  return node.getText(sourceFile) === text;
}

/**
 * Whether the statements of a scope may declare this name (a superset of the matches the walk above
 * finds, read from the compiler nodes once per scope): most scopes a lookup climbs through declare
 * nothing of that name, and the walk wraps every statement in a ts-morph node.
 */
function mayDeclare(scope: ts.Node & { statements: ts.NodeArray<ts.Statement> }, name: string): boolean {
  // A name written with escapes: its text differs from the identifiers' own; the full walk decides.
  if (name.includes('\\')) return true;
  let names = DECLARED_NAMES.get(scope);
  if (!names) DECLARED_NAMES.set(scope, (names = declaredNames(scope.statements)));
  return names.has(name);
}

const DECLARED_NAMES = new WeakMap<ts.Node, Set<string>>();

function declaredNames(statements: ts.NodeArray<ts.Statement>): Set<string> {
  const names = new Set<string>();
  const add = (node: ts.Node | undefined) => {
    if (node) names.add(ts.isIdentifier(node) ? node.text : node.getText());
  };
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        add(declaration.name);
        if (ts.isObjectBindingPattern(declaration.name)) for (const element of declaration.name.elements) add(element.name);
        if (ts.isArrayBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            if (!ts.isBindingElement(element)) continue;
            add(element.name);
            if (ts.isObjectBindingPattern(element.name)) for (const inner of element.name.elements) add(inner.name);
          }
        }
      }
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name))) {
      add(statement.name);
    } else if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      add(clause?.name);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) add(bindings.name);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const specifier of bindings.elements) {
          add(specifier.name);
          add(specifier.propertyName);
        }
      }
    }
  }
  return names;
}

/**
 * The module specifier of the import its file writes for a name (`import { AgentSession } from '@livekit/agents'`,
 * `import * as openai from ...`, a default import), as written: not followed into the workspace, so also in a
 * package's own repository, where the import resolves to the package's source. Undefined for a name no import binds.
 */
export function writtenImportSpecifier(local: Node): string | undefined {
  const name = local.getText();
  for (const declaration of local.getSourceFile().getImportDeclarations()) {
    if (declaration.getNamedImports().some((specifier) => (specifier.getAliasNode()?.getText() ?? specifier.getName()) === name) || declaration.getDefaultImport()?.getText() === name || declaration.getNamespaceImport()?.getText() === name) return declaration.getModuleSpecifierValue();
  }
  return undefined;
}

/** The module specifier an import node, or a re-export found by `findExport`, came from (`openai`, `./llm`). */
export function importSpecifierOf(node: Node): string | undefined {
  const declaration = node.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
  if (declaration) return sdkPackageOf(declaration.getModuleSpecifierValue());
  if (Node.isExportSpecifier(node) || Node.isNamespaceExport(node)) {
    const specifier = node.getFirstAncestorByKind(SyntaxKind.ExportDeclaration)?.getModuleSpecifierValue();
    return specifier === undefined ? undefined : sdkPackageOf(specifier);
  }
  // `export * from 'ai'`, which findExport hands back for a name a module passes on from a whole package.
  if (Node.isExportDeclaration(node)) {
    const specifier = node.getModuleSpecifierValue();
    return specifier === undefined ? undefined : sdkPackageOf(specifier);
  }
  return undefined;
}

/**
 * SDK packages whose deep imports (`openai/index`, `@anthropic-ai/sdk/index.mjs`, `@google/genai/node`,
 * `openai/resources/chat/completions`) export the same client classes and types as the package root.
 * Packages whose subpaths are different products (`langchain/...`, `ai/rsc`, `ollama/browser`) are not listed.
 */
const SDK_ROOTS_WITH_EQUIVALENT_SUBPATHS = /^(openai|@anthropic-ai\/(?:sdk|bedrock-sdk|vertex-sdk)|@google\/(?:genai|generative-ai)|@google-cloud\/vertexai|@mistralai\/mistralai|groq-sdk|together-ai|cohere-ai)\/[\w./-]+$/;

/**
 * Packages that export an SDK's own client under its name, a subclass sending the same requests to the same API with
 * something of their own added: OpenPipe's `openpipe/openai` (`new OpenAI({ apiKey, openpipe: { apiKey } })` also logs
 * each request to OpenPipe).
 */
const DROP_IN_SDK_PACKAGES: ReadonlyMap<string, string> = new Map([['openpipe/openai', 'openai']]);

/**
 * A package's built entry files named by path, which bundler-less plugins import to pick a build
 * (`import { Ollama } from "ollama/dist/browser.mjs"`): the entry point each one is.
 */
const BUILT_ENTRY_FILES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^ollama\/dist\/browser\.[cm]?js$/, 'ollama/browser'],
  [/^ollama\/dist\/index\.[cm]?js$/, 'ollama'],
];

/** An npm package a CDN serves, imported by URL: the package's name is the first one or two path segments, before its version. */
const CDN_PACKAGE_URL = new RegExp(String.raw`^${PACKAGE_CDN_URL_PREFIX}((?:@[\w.-]+\/)?[\w.-]+)(?:@[^/]*)?(?:\/.*)?$`);

/**
 * A package specifier with an SDK's deep import reduced to the package (`openai/index.mjs` → `openai`), a built entry
 * file to its entry point (`ollama/dist/browser.mjs` → `ollama/browser`), a drop-in's to the SDK it stands in for, a
 * CDN's URL of a package to the package; anything else unchanged.
 */
export function sdkPackageOf(specifier: string): string {
  const name = CDN_PACKAGE_URL.exec(specifier)?.[1] ?? specifier;
  return DROP_IN_SDK_PACKAGES.get(name) ?? BUILT_ENTRY_FILES.find(([file]) => file.test(name))?.[1] ?? SDK_ROOTS_WITH_EQUIVALENT_SUBPATHS.exec(name)?.[1] ?? name;
}

/**
 * For a relative import, the exported declaration in the target module; for a package import,
 * the import node itself (callers read `importSpecifierOf` to learn which package).
 */
function followImport(importNode: Node, modules: ModuleLoader, depth: number): Node | undefined {
  const specifier = importSpecifierOf(importNode);
  // `import * as llm from './llm'` names the whole module: members are looked up by `namespaceMember`.
  // Relative specifiers and tsconfig path aliases (`@/lib/llm`) name workspace modules; `resolve` says which.
  if (!specifier || depth >= MAX_RESOLUTION_DEPTH || Node.isNamespaceImport(importNode)) return importNode;
  const target = modules.resolve(importNode.getSourceFile(), specifier);
  if (!target) return importNode;
  const exportedName = Node.isImportSpecifier(importNode) ? importNode.getName() : 'default';
  // An ES import of a CommonJS module (`import { loader } from './utils/loader.js'` of `exports.loader = ...`): its exports.
  return findExport(target, exportedName, modules, depth + 1) ?? findCommonJsExport(target, exportedName, modules, depth + 1) ?? importNode;
}

/**
 * `const { client } = require('./llm')`, `const llm = require('./llm')` or `const { client } = await import('./llm')`:
 * the export in that module (ES `export`, `module.exports = { ... }`, `exports.client = ...`), or
 * undefined when not a workspace module's (a whole module from `import()` is a namespace: `namespaceMember`).
 */
function followRequire(declaration: Node, modules: ModuleLoader, depth: number): Node | undefined {
  const variable = Node.isBindingElement(declaration) ? declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclaration) : declaration;
  if (!variable || !Node.isVariableDeclaration(variable)) return undefined;
  // `const [{ aiRouter }, { openRouterService }] = await Promise.all([import('@/lib/ai/router'), import('@/lib/ai/openrouter')])`:
  // the module loaded at the same place in the list.
  const pattern = declaration.getParent();
  const listed = Node.isBindingElement(declaration) && pattern?.getParent() !== variable ? loadedInList(pattern, variable) : undefined;
  // Only a direct destructuring of the require: `const { a: { b } } = require(...)` is not followed.
  if (Node.isBindingElement(declaration) && pattern?.getParent() !== variable && !listed) return undefined;
  // Also through a path alias (`await import('@/lib/embeddings/openai')`), which the loader resolves as it does an import
  // statement's. Not a package's name: a workspace package's module is its own API (an Electron main process requiring
  // the app's core package forwards the renderer's calls to it).
  const loaded = relativeModuleLoad(listed ?? variable.getInitializer(), true);
  if (!loaded || depth >= MAX_RESOLUTION_DEPTH || (loaded.dynamic && !Node.isBindingElement(declaration))) return undefined;
  if (!loaded.specifier.startsWith('.') && !PATH_ALIAS.test(loaded.specifier)) return undefined;
  const target = modules.resolve(declaration.getSourceFile(), loaded.specifier);
  if (!target) return undefined;
  const name = Node.isBindingElement(declaration) ? (declaration.getPropertyNameNode()?.getText() ?? declaration.getName()) : 'default';
  return findExport(target, name, modules, depth + 1) ?? findCommonJsExport(target, name, modules, depth + 1);
}

/**
 * The load at a destructured element's place in `await Promise.all([import('a'), import('b')])`: `pattern` is the object
 * pattern `{ x }` standing as one element of the variable's array pattern. Undefined for any other shape.
 */
function loadedInList(pattern: Node | undefined, variable: VariableDeclaration): Node | undefined {
  const element = pattern?.getParent();
  const list = element?.getParent();
  if (!pattern || !Node.isObjectBindingPattern(pattern) || !element || !Node.isBindingElement(element) || !list || !Node.isArrayBindingPattern(list) || list.getParent() !== variable) return undefined;
  const all = unwrapExpression(variable.getInitializer() ?? variable);
  if (!Node.isCallExpression(all) || all.getExpression().getText() !== 'Promise.all') return undefined;
  const loads = all.getArguments()[0];
  const array = loads && unwrapExpression(loads);
  return array && Node.isArrayLiteralExpression(array) ? array.getElements()[list.getElements().indexOf(element)] : undefined;
}

/** A specifier starting with a path alias (`@/`, `~/`, `#/`, `$lib/`): a module of the workspace, never a package. */
export const PATH_ALIAS = /^(?:~|@|#|\$[\w]+)\//;

/** `require('./x')` or `import('./x')` (awaited or not): the relative specifier (with `orWorkspacePackage`, any specifier), or undefined. */
function relativeModuleLoad(expression: Node | undefined, orWorkspacePackage = false): { specifier: string; dynamic: boolean } | undefined {
  const call = expression && unwrapExpression(expression);
  if (!call || !Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  const dynamic = callee.getKind() === SyntaxKind.ImportKeyword;
  if (!dynamic && callee.getText() !== 'require') return undefined;
  const argument = call.getArguments()[0];
  if (!argument || !Node.isStringLiteral(argument) || (!orWorkspacePackage && !argument.getLiteralValue().startsWith('.'))) return undefined;
  return { specifier: argument.getLiteralValue(), dynamic };
}

/**
 * `module.exports = value` (name `default`), `module.exports = { name }`, `exports.name = value` /
 * `module.exports.name = value`, and CommonJS barrels: `module.exports = require('./client')` or
 * `module.exports = { ...require('./client') }`, followed into that module.
 */
function findCommonJsExport(sourceFile: SourceFile, name: string, modules: ModuleLoader, depth: number): Node | undefined {
  if (depth >= MAX_RESOLUTION_DEPTH) return undefined;
  const passOn = (required: Node): Node | undefined => {
    const loaded = relativeModuleLoad(required);
    const target = loaded && modules.resolve(sourceFile, loaded.specifier);
    return target ? (findExport(target, name, modules, depth + 1) ?? findCommonJsExport(target, name, modules, depth + 1)) : undefined;
  };
  for (const statement of sourceFile.getStatements()) {
    if (!Node.isExpressionStatement(statement)) continue;
    const expression = statement.getExpression();
    if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const left = expression.getLeft().getText();
    if (left === 'module.exports') {
      const object = unwrapExpression(expression.getRight());
      if (name !== 'default' && relativeModuleLoad(object)) return passOn(object);
      if (name === 'default') return expression.getRight();
      if (Node.isObjectLiteralExpression(object)) {
        const property = object.getProperty(name);
        if (property && Node.isPropertyAssignment(property)) return property;
        if (property && Node.isShorthandPropertyAssignment(property)) return findDeclarationInScope(sourceFile, name);
        for (const spread of object.getProperties().filter(Node.isSpreadAssignment).reverse()) {
          const found = passOn(spread.getExpression());
          if (found) return found;
        }
      }
    } else if (left === `module.exports.${name}` || left === `exports.${name}`) {
      return expression;
    }
  }
  return undefined;
}

/**
 * The declaration behind `export const name`, `export { name }`, `export default`, or a re-export:
 * `export * from`, `export { a as b } from`, `export * as ns from` (the NamespaceExport), an imported
 * binding exported again, and a package's export passed on (`export { OpenAI } from 'openai'`: the
 * ExportSpecifier, whose package `importSpecifierOf` reads). Barrels that re-export each other end:
 * each (file, name) is looked at once per lookup.
 */
export function findExport(sourceFile: SourceFile, exportedName: string, modules: ModuleLoader, depth: number, seen = new Set<string>()): Node | undefined {
  if (depth >= MAX_RESOLUTION_DEPTH) return undefined;
  const key = `${sourceFile.getFilePath()}\0${exportedName}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  if (exportedName === 'default') {
    const assignment = sourceFile.getExportAssignment((a) => !a.isExportEquals());
    if (assignment) {
      // `const generateCompletion = async (...) => {...}; export default generateCompletion`: the declaration, as a named
      // export gives it (an import of it is bound to the function its const holds).
      const expression = assignment.getExpression();
      return (Node.isIdentifier(expression) && findDeclaration(expression, modules, depth + 1)) || expression;
    }
  }
  // Read on the compiler's nodes, wrapping only what is returned or followed: a module is asked for each name it exports.
  const compilerFile = sourceFile.compilerNode;
  let packageStars: ExportDeclaration[] | undefined;
  for (const compilerStatement of compilerFile.statements) {
    if (nodeTests.isVariableStatement(compilerStatement)) {
      const declaration = compilerStatement.declarationList.declarations.find((each) => hasText(each.name, exportedName, compilerFile));
      if (declaration) return wrapCompilerNode(sourceFile, declaration);
    } else if ((nodeTests.isEnumDeclaration(compilerStatement) || nodeTests.isModuleDeclaration(compilerStatement)) && hasText(compilerStatement.name, exportedName, compilerFile)) {
      return wrapCompilerNode(sourceFile, compilerStatement);
    } else if ((nodeTests.isFunctionDeclaration(compilerStatement) || nodeTests.isClassDeclaration(compilerStatement)) && ((compilerStatement.name && hasText(compilerStatement.name, exportedName, compilerFile)) || (exportedName === 'default' && !!compilerStatement.modifiers?.some((modifier) => modifier.kind === DEFAULT_KEYWORD)))) {
      // An overload signature (`export function f(a: A): X;`): the implementation after it, when the module has one.
      const implementation = nodeTests.isFunctionDeclaration(compilerStatement) && !compilerStatement.body ? compilerFile.statements.find((other) => nodeTests.isFunctionDeclaration(other) && other.body !== undefined && other.name !== undefined && compilerStatement.name !== undefined && other.name.text === compilerStatement.name.text) : undefined;
      return wrapCompilerNode(sourceFile, implementation ?? compilerStatement);
    } else if (nodeTests.isExportDeclaration(compilerStatement) && !compilerStatement.isTypeOnly) {
      const statement = wrapCompilerNode<ExportDeclaration>(sourceFile, compilerStatement);
      const moduleSpecifier = statement.getModuleSpecifierValue();
      const namespaceExport = statement.getNamespaceExport();
      if (namespaceExport) {
        if (namespaceExport.getName() === exportedName) return namespaceExport;
        continue;
      }
      for (const specifier of statement.getNamedExports()) {
        if ((specifier.getAliasNode()?.getText() ?? specifier.getName()) !== exportedName) continue;
        if (moduleSpecifier) {
          const target = modules.resolve(sourceFile, moduleSpecifier);
          if (!target) return moduleSpecifier.startsWith('.') ? undefined : specifier;
          return findExport(target, specifier.getName(), modules, depth + 1, seen);
        }
        const local = findDeclarationInScope(sourceFile, specifier.getName());
        // `import { client } from './client'; export { client }`: the barrel passes on what it imported.
        if (local && (Node.isImportSpecifier(local) || Node.isImportClause(local))) return followImport(local, modules, depth + 1);
        return local;
      }
      // `export * from './x'`: x is parsed only when its text may hold the name.
      if (moduleSpecifier && statement.getNamedExports().length === 0 && modules.mayExport(sourceFile, moduleSpecifier, exportedName)) {
        const target = modules.resolve(sourceFile, moduleSpecifier);
        const found = target ? findExport(target, exportedName, modules, depth + 1, seen) : undefined;
        if (found) return found;
      }
      if (moduleSpecifier && statement.getNamedExports().length === 0 && !moduleSpecifier.startsWith('.') && !modules.resolve(sourceFile, moduleSpecifier)) (packageStars ??= []).push(statement);
    }
  }
  return packageStars && starExportFor(packageStars, exportedName);
}

/**
 * The `export * from 'ai'` a module re-exporting whole packages (`export * from 'ai'; export * from '@ai-sdk/azure'`, an app's
 * own `aiSdk.ts`) passes a name on from, when no export of its own has the name: the package named in the export's name
 * (`createAzure` from `@ai-sdk/azure`), else the first. The packages' own lists are not here to ask.
 */
function starExportFor(stars: readonly ExportDeclaration[], exportedName: string): ExportDeclaration {
  const name = exportedName.toLowerCase();
  const named = stars.find((star) => {
    const last = star.getModuleSpecifierValue()!.split('/').pop()!.toLowerCase().replace(/-(?:sdk|ai)$/, '');
    return last.length > 2 && name.includes(last);
  });
  return named ?? stars[0];
}

/**
 * `llm.client` after `import * as llm from './llm'` (or `export * as llm` in a barrel, `const llm =
 * await import('./llm')`, `const llm = require('./llm')` of a module with `exports.client = ...`):
 * the export `client` of that module, or undefined.
 */
export function namespaceMember(access: Node, modules: ModuleLoader): Node | undefined {
  if (!Node.isPropertyAccessExpression(access)) return undefined;
  const owner = unwrapExpression(access.getExpression());
  if (!Node.isIdentifier(owner)) return undefined;
  const declaration = findDeclaration(owner, modules);
  // `export namespace GeminiWire_API { export const postPath = '...' }`: a TypeScript namespace's exported constant.
  if (declaration && Node.isModuleDeclaration(declaration)) return declaration.getVariableDeclaration(access.getName());
  const target = declaration && namespaceTarget(declaration, modules);
  return target ? (findExport(target, access.getName(), modules, 1) ?? findCommonJsExport(target, access.getName(), modules, 1)) : undefined;
}

/**
 * `builtinServices[name]`, `builtinServices` a namespace import of a module exporting one module per entry (`export const
 * openai = _openai` with `import * as _openai from './openai'`, or `export * as openai from './openai'`): those modules,
 * any of which the key may pick.
 */
export function namespaceEntryModules(access: Node, modules: ModuleLoader): SourceFile[] {
  if (!Node.isElementAccessExpression(access)) return [];
  const owner = unwrapExpression(access.getExpression());
  const declaration = Node.isIdentifier(owner) ? findDeclaration(owner, modules) : undefined;
  const barrel = declaration && (Node.isNamespaceImport(declaration) || Node.isNamespaceExport(declaration)) ? namespaceTarget(declaration, modules) : undefined;
  if (!barrel) return [];
  const entries: SourceFile[] = [];
  for (const statement of barrel.getStatements()) {
    if (Node.isVariableStatement(statement) && statement.hasExportKeyword()) {
      for (const variable of statement.getDeclarations()) {
        const value = variable.getInitializer() && unwrapExpression(variable.getInitializer()!);
        const imported = value && Node.isIdentifier(value) ? findDeclaration(value, modules) : undefined;
        const target = imported && Node.isNamespaceImport(imported) ? namespaceTarget(imported, modules) : undefined;
        if (target) entries.push(target);
      }
    } else if (Node.isExportDeclaration(statement)) {
      const clause = statement.getNamespaceExport();
      const target = clause ? namespaceTarget(clause, modules) : undefined;
      if (target) entries.push(target);
    }
  }
  return entries;
}

function namespaceTarget(declaration: Node, modules: ModuleLoader): SourceFile | undefined {
  if (Node.isNamespaceImport(declaration) || Node.isNamespaceExport(declaration)) {
    const specifier = importSpecifierOf(declaration);
    return specifier ? modules.resolve(declaration.getSourceFile(), specifier) : undefined;
  }
  if (!Node.isVariableDeclaration(declaration) || !Node.isIdentifier(declaration.getNameNode())) return undefined;
  // `const mod = await import('mem0ai/oss')` of a package of this workspace is read as well (`resolve` answers nothing for a registry's).
  const loaded = relativeModuleLoad(declaration.getInitializer(), true) ?? moduleLoadedBy(declaration.getInitializer(), modules);
  return loaded ? modules.resolve(declaration.getSourceFile(), loaded.specifier) : undefined;
}

/**
 * `const csf = await loadCsfModule()` where `async function loadCsfModule() { return await import('./direct'); }`: the module
 * the app's own loader function returns (a lazily loaded bundle).
 */
function moduleLoadedBy(initializer: Node | undefined, modules: ModuleLoader): { specifier: string; dynamic: boolean } | undefined {
  const call = initializer && unwrapExpression(initializer);
  const callee = call && Node.isCallExpression(call) ? unwrapExpression(call.getExpression()) : undefined;
  const declaration = callee && Node.isIdentifier(callee) ? findDeclaration(callee, modules) : undefined;
  const fn = declaration && (Node.isFunctionDeclaration(declaration) ? declaration : initializerOf(declaration));
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) || fn.getSourceFile() !== call!.getSourceFile()) return undefined;
  // Its own returns (`try { return await import('./direct'); } catch { ... }`), not those of functions inside it; an
  // arrow's body, whatever it loads.
  const loads = returnsOf(fn).map((returned) => relativeModuleLoad(returned));
  return Node.isBlock(fn.getBody()) ? loads.find((loaded) => loaded?.dynamic) : loads[0];
}

/** The expressions a function returns (its own `return`s, not those of functions inside it), or an arrow's body. */
export function returnsOf(fn: Node): Node[] {
  if (Node.isArrowFunction(fn)) {
    const body = fn.getBody();
    if (!Node.isBlock(body)) return [body];
  }
  const returned: Node[] = [];
  const visit = (node: Node): void => {
    node.forEachChild((child) => {
      if (Node.isFunctionDeclaration(child) || Node.isFunctionExpression(child) || Node.isArrowFunction(child) || Node.isMethodDeclaration(child) || Node.isClassDeclaration(child) || Node.isClassExpression(child)) return;
      if (Node.isReturnStatement(child)) {
        const expression = child.getExpression();
        if (expression) returned.push(expression);
        return;
      }
      visit(child);
    });
  };
  const body = (fn as Node & { getBody?(): Node | undefined }).getBody?.();
  if (body) visit(body);
  return returned;
}

/**
 * The variable a value is stored in (`const generate = createGenerate(opts)`; with `throughAwait`, also
 * `const store = await Store.open(...)`): its declaration, name and the block or file it is scoped to.
 */
export function heldBy(value: Node, throughAwait = false): { declaration: VariableDeclaration; name: string; scope: Node } | undefined {
  let holder = value.getParent();
  while (throughAwait && holder && (Node.isAwaitExpression(holder) || Node.isParenthesizedExpression(holder))) holder = holder.getParent();
  if (!holder || !Node.isVariableDeclaration(holder) || !Node.isIdentifier(holder.getNameNode())) return undefined;
  const scope = holder.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor));
  return scope && { declaration: holder, name: holder.getName(), scope };
}

/**
 * Whether an assignment operator gives a variable a value: `x = v`, and the lazy forms `x ??= v` and `x ||= v`.
 * A function, not a module-level set: reading `SyntaxKind` when the module loads would load ts-morph in a run that parses nothing.
 */
function assignsValue(operator: SyntaxKind): boolean {
  return operator === SyntaxKind.EqualsToken || operator === SyntaxKind.QuestionQuestionEqualsToken || operator === SyntaxKind.BarBarEqualsToken;
}

/** Whether a variable is declared `const` (read on the compiler's node, which both the wrapped and the bare walks have). */
export function isConstDeclaration(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** The value expression a declaration gives its name, when there is one. */
export function initializerOf(declaration: Node): Node | undefined {
  // `exports.client = new OpenAI()`: the assigned value.
  if (Node.isBinaryExpression(declaration) && declaration.getOperatorToken().getKind() === SyntaxKind.EqualsToken) return declaration.getRight();
  // `export default new Anthropic()` / `module.exports = { ... }`: findDeclaration hands back the exported expression itself.
  if (Node.isExpression(declaration)) return declaration;
  const initializer = Node.isVariableDeclaration(declaration) || Node.isPropertyDeclaration(declaration) || Node.isPropertyAssignment(declaration) || Node.isParameterDeclaration(declaration) ? declaration.getInitializer() : undefined;
  // A `let` that starts empty is a lazily made value (`let engine = null; ... engine ??= await CreateMLCEngine(id)`): its assignment says what it holds.
  if (initializer && !(Node.isVariableDeclaration(declaration) && !isConstDeclaration(declaration.compilerNode) && holdsNoValue(initializer))) return initializer;
  if (Node.isVariableDeclaration(declaration)) {
    // `let client; client = new OpenAI()` or if/else branches: take the first assignment in the file.
    const name = declaration.getName();
    for (const assignment of declaration.getSourceFile().getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
      if (assignsValue(assignment.getOperatorToken().getKind()) && assignment.getLeft().getText() === name) return assignment.getRight();
    }
    if (initializer) return initializer;
  }
  if (Node.isBindingElement(declaration)) {
    const variable = declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
    const source = variable?.getInitializer();
    const pattern = declaration.getParent();
    // `const [client, key] = getOpenAiClient(keys)`: the element at its place of the array the value is.
    if (source && Node.isArrayBindingPattern(pattern) && variable?.getNameNode() === pattern) return elementOfArray(source, pattern.getElements().indexOf(declaration));
    // `const { model } = config`: resolve config, then its property.
    if (source) return propertyOfObject(source, declaration.getPropertyNameNode()?.getText() ?? declaration.getName());
  }
  return undefined;
}

/**
 * The element at `index` of an array written inline (`[client, key]`), or of the one a function of the same module
 * returns when called (`getOpenAiClient(keys)` ending in `return [client, selectedKey, hash]`): read from the syntax.
 */
function elementOfArray(expression: Node, index: number): Node | undefined {
  const value = unwrapExpression(expression);
  const elementAt = (array: Node): Node | undefined => {
    if (!Node.isArrayLiteralExpression(array)) return undefined;
    const elements = array.getElements();
    // A spread before the place moves it by an unknown count.
    if (elements.slice(0, index + 1).some((element) => Node.isSpreadElement(element))) return undefined;
    // A name or a value made in place (`client`, `new OpenAIApi(config)`, a literal); not a computation (`turns.map(...)`),
    // which a reader of the destructured name learns more about where it is used than from its expression.
    const element = elements[index];
    return element && !Node.isCallExpression(unwrapExpression(element)) ? element : undefined;
  };
  if (Node.isArrayLiteralExpression(value)) return elementAt(value);
  if (!Node.isCallExpression(value) || !Node.isIdentifier(value.getExpression())) return undefined;
  const name = value.getExpression().getText();
  const file = value.getSourceFile();
  const declared = file.getFunction(name) ?? file.getVariableDeclaration(name)?.getInitializer();
  const fn = declared && (Node.isFunctionDeclaration(declared) || Node.isArrowFunction(declared) || Node.isFunctionExpression(declared)) ? declared : undefined;
  for (const returned of fn ? returnsOf(fn) : []) {
    const element = elementAt(unwrapExpression(returned));
    if (element) return element;
  }
  return undefined;
}

/** The initializer of a `const` variable (`const original = client.chat.completions.create`); undefined for `let`, `var` and anything else. */
export function constInitializer(declaration: Node | undefined): Node | undefined {
  return declaration && Node.isVariableDeclaration(declaration) && declaration.getVariableStatement()?.getDeclarationKind() === VariableDeclarationKind.Const ? declaration.getInitializer() : undefined;
}

/** The value of a property of an object literal written inline (`{ client: new OpenAI(...) }`, `{ client }`). */
export function propertyOfObject(objectExpression: Node, propertyName: string): Node | undefined {
  const object = unwrapExpression(objectExpression);
  if (!Node.isObjectLiteralExpression(object)) return undefined;
  const property = object.getProperty(propertyName);
  return property && valueOfProperty(property);
}

/** What a member of an object literal holds: `name: value`'s value, or the name of a shorthand `{ name }`; undefined for methods, accessors and spreads. */
export function valueOfProperty(property: Node): Node | undefined {
  if (Node.isPropertyAssignment(property)) return property.getInitializer();
  if (Node.isShorthandPropertyAssignment(property)) return property.getNameNode();
  return undefined;
}

/** The property `name` of an object literal, unwrapped, or undefined. */
export function getObjectProperty(objectLiteral: Node | undefined, name: string, modules?: ModuleLoader, depth = 0): Node | undefined {
  if (!objectLiteral) return undefined;
  const object = unwrapExpression(objectLiteral);
  if (!Node.isObjectLiteralExpression(object)) return undefined;
  // Last one wins, as at run time: `{ ...defaults, model: 'x' }` and `{ model: 'x', ...overrides }`.
  const properties = object.getProperties();
  for (let index = properties.length - 1; index >= 0; index--) {
    const property = properties[index];
    if (Node.isPropertyAssignment(property) && property.getName().replace(/^['"]|['"]$/g, '') === name) return property.getInitializer();
    if (Node.isShorthandPropertyAssignment(property) && property.getName() === name) return property.getNameNode();
    if (Node.isSpreadAssignment(property) && depth < MAX_RESOLUTION_DEPTH) {
      const spread = spreadObject(property.getExpression(), modules, depth);
      const found = spread && getObjectProperty(spread, name, modules, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** A list option that holds something (`tools: [search]`, `tools: searchTools`): the node, or undefined for none or an empty array literal. */
export function nonEmptyList(node: Node | undefined): Node | undefined {
  const value = node && unwrapExpression(node);
  return value && !(Node.isArrayLiteralExpression(value) && value.getElements().length === 0) ? node : undefined;
}

/** Where a node is written, as evidence names it: `route.ts:42`. */
export function placeOf(node: Node): string {
  return `${node.getSourceFile().getBaseName()}:${node.getStartLineNumber()}`;
}

/** The first of several property names present on an object literal. */
export function firstProperty(object: Node | undefined, names: readonly string[], modules?: ModuleLoader): Node | undefined {
  for (const name of names) {
    const value = getObjectProperty(object, name, modules);
    if (value) return value;
  }
  return undefined;
}

/**
 * `x === 'literal'` (or `!==`, `==`, `!=`; the literal on either side): the other side as written, the literal's text and
 * whether the test is negated. Undefined for any other condition.
 */
export function stringLiteralComparison(condition: Node): { other: Node; literal: string; negated: boolean } | undefined {
  if (!Node.isBinaryExpression(condition)) return undefined;
  // Kinds read here, not in module-level sets: ts-morph loads on first use, and a scan the result store answers never uses it.
  const operator = condition.getOperatorToken().getKind();
  const negated = operator === SyntaxKind.ExclamationEqualsEqualsToken || operator === SyntaxKind.ExclamationEqualsToken;
  if (!negated && operator !== SyntaxKind.EqualsEqualsEqualsToken && operator !== SyntaxKind.EqualsEqualsToken) return undefined;
  const sides = [condition.getLeft(), condition.getRight()];
  const literal = sides.map(unwrapExpression).find((side): side is Node & { getLiteralText(): string } => Node.isStringLiteral(side) || Node.isNoSubstitutionTemplateLiteral(side));
  const other = sides.find((side) => unwrapExpression(side) !== literal);
  return literal && other ? { other, literal: literal.getLiteralText(), negated } : undefined;
}

/**
 * Orders a conditional's branches, the one a deployment with the app's example settings takes first: modelValue's
 * likelyBranches, which reads settings and bound arguments this module knows nothing of, registers itself here.
 */
let likelyBranchOrder: ((conditional: Node, modules: ModuleLoader) => Node[]) | undefined;

export function orderConditionalBranchesWith(order: (conditional: Node, modules: ModuleLoader) => Node[]): void {
  likelyBranchOrder = order;
}

/** The object literal a spread names: inline, a constant of this file, or (given a loader) an imported one. */
function spreadObject(expression: Node, modules: ModuleLoader | undefined, depth: number): Node | undefined {
  // `...(tools ? { tools } : {})` and `...(tools && { tools })`: an option added only sometimes is still sent.
  // `...(process.env.VERTEX_CREDENTIALS ? { model: vertexModel } : { model: openaiModel })`: the branch the settings take.
  const optional = unwrapExpression(expression);
  if (Node.isConditionalExpression(optional)) {
    const ordered = modules && likelyBranchOrder ? likelyBranchOrder(optional, modules) : [optional.getWhenTrue(), optional.getWhenFalse()];
    const branches = ordered.map((branch) => spreadObject(branch, modules, depth + 1));
    return branches.find((branch) => branch !== undefined && Node.isObjectLiteralExpression(branch) && branch.getProperties().length > 0) ?? branches.find((branch) => branch !== undefined);
  }
  if (Node.isBinaryExpression(optional) && optional.getOperatorToken().getText() === '&&') return spreadObject(optional.getRight(), modules, depth + 1);
  if (modules) return resolveObjectLiteral(expression, modules, depth + 1);
  const node = unwrapExpression(expression);
  if (Node.isObjectLiteralExpression(node)) return node;
  if (!Node.isIdentifier(node)) return undefined;
  for (let scope: Node | undefined = node.getParent(); scope; scope = scope.getParent()) {
    const found = findDeclarationInScope(scope, node.getText());
    if (found) {
      const initializer = Node.isVariableDeclaration(found) ? found.getInitializer() : undefined;
      const value = initializer && unwrapExpression(initializer);
      return value && Node.isObjectLiteralExpression(value) ? value : undefined;
    }
  }
  return undefined;
}

/** Follows an expression to an object literal (through constants and imports), or undefined. */
export function resolveObjectLiteral(expression: Node | undefined, modules: ModuleLoader, depth = 0): Node | undefined {
  if (!expression || depth > MAX_RESOLUTION_DEPTH) return undefined;
  const node = unwrapExpression(expression);
  if (Node.isObjectLiteralExpression(node)) return node;
  if (Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, modules);
    const initializer = declaration && initializerOf(declaration);
    return initializer ? resolveObjectLiteral(initializer, modules, depth + 1) : undefined;
  }
  if (Node.isPropertyAccessExpression(node)) {
    const exported = namespaceMember(node, modules);
    const initializer = exported && initializerOf(exported);
    return initializer ? resolveObjectLiteral(initializer, modules, depth + 1) : undefined;
  }
  return undefined;
}

/**
 * Resolves an expression to a string when it is statically known: literals, constants (also in
 * other modules), object properties such as `MODELS.fast`, and `process.env.X ?? 'default'`.
 */
export function resolveString(expression: Node, modules: ModuleLoader, depth = 0): ResolvedString {
  const raw = expression.getText();
  const node = unwrapExpression(expression);
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) {
    return { value: node.getLiteralValue(), source: 'literal', raw, evidence: [] };
  }
  if (depth >= MAX_RESOLUTION_DEPTH) return dynamic(raw, 'resolution depth limit reached');
  if (Node.isBinaryExpression(node)) {
    const operator = node.getOperatorToken().getKind();
    if (operator === SyntaxKind.QuestionQuestionToken || operator === SyntaxKind.BarBarToken) {
      const fallback = resolveString(node.getRight(), modules, depth + 1);
      if (/process\.env\.|import\.meta\.env\.|Deno\.env/.test(node.getLeft().getText()) && fallback.value !== null) {
        return { value: fallback.value, source: 'env-default', raw, evidence: [`${node.getLeft().getText()} unset → default "${fallback.value}"`] };
      }
      const left = resolveString(node.getLeft(), modules, depth + 1);
      return left.value !== null ? left : fallback.value !== null ? { ...fallback, source: 'env-default', raw } : dynamic(raw);
    }
    return dynamic(raw);
  }
  if (Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, modules, depth);
    const initializer = declaration && initializerOf(declaration);
    if (!initializer) return dynamic(raw);
    const resolved = resolveString(initializer, modules, depth + 1);
    if (resolved.value === null) return { ...resolved, raw };
    const fromOtherFile = declaration.getSourceFile() !== node.getSourceFile();
    const source: ModelSource = resolved.source === 'env-default' || resolved.source === 'import' ? resolved.source : fromOtherFile ? 'import' : 'constant';
    const where = fromOtherFile ? `${declaration.getSourceFile().getBaseName()}` : 'this file';
    return { value: resolved.value, source, raw, evidence: [`${raw} = "${resolved.value}" (${where}, line ${declaration.getStartLineNumber()})`, ...resolved.evidence] };
  }
  if (Node.isPropertyAccessExpression(node)) {
    const exported = namespaceMember(node, modules);
    const exportedValue = exported && initializerOf(exported);
    if (exportedValue) {
      const resolved = resolveString(exportedValue, modules, depth + 1);
      if (resolved.value !== null) return { ...resolved, source: resolved.source === 'env-default' ? 'env-default' : 'import', raw, evidence: [`${raw} = "${resolved.value}" (${exported.getSourceFile().getBaseName()})`, ...resolved.evidence] };
    }
    const member = enumMemberValue(node, modules);
    if (member) {
      const resolved = resolveString(member, modules, depth + 1);
      if (resolved.value !== null) {
        const fromOtherFile = member.getSourceFile() !== node.getSourceFile();
        return { value: resolved.value, source: fromOtherFile ? 'import' : 'constant', raw, evidence: [`${raw} = "${resolved.value}" (enum member${fromOtherFile ? `, ${member.getSourceFile().getBaseName()}` : ''})`] };
      }
    }
    const object = resolveObjectLiteral(node.getExpression(), modules, depth + 1);
    const property = object && getObjectProperty(object, node.getName());
    if (property) {
      const resolved = resolveString(property, modules, depth + 1);
      if (resolved.value !== null) {
        const fromOtherFile = property.getSourceFile() !== node.getSourceFile();
        return { value: resolved.value, source: resolved.source === 'env-default' ? 'env-default' : fromOtherFile ? 'import' : 'config', raw, evidence: [`${raw} = "${resolved.value}"`, ...resolved.evidence] };
      }
    }
    return dynamic(raw);
  }
  if (Node.isTemplateExpression(node)) return dynamic(raw, 'built from a template at run time');
  return dynamic(raw);
}

/** `Models.Fast` where `enum Models { Fast = 'gpt-4o-mini' }` (here or imported): the member's initializer. */
function enumMemberValue(access: Node, modules: ModuleLoader): Node | undefined {
  if (!Node.isPropertyAccessExpression(access)) return undefined;
  const owner = unwrapExpression(access.getExpression());
  if (!Node.isIdentifier(owner)) return undefined;
  const declaration = findDeclaration(owner, modules);
  if (!declaration || !Node.isEnumDeclaration(declaration)) return undefined;
  return declaration.getMember(access.getName())?.getInitializer();
}

function dynamic(raw: string, why?: string): ResolvedString {
  return { value: null, source: 'dynamic', raw, evidence: why ? [why] : [] };
}

/** Resolves an expression to a number literal (also through constants), or null. */
export function resolveNumber(expression: Node | undefined, modules: ModuleLoader, depth = 0): number | null {
  if (!expression || depth > MAX_RESOLUTION_DEPTH) return null;
  const node = unwrapExpression(expression);
  if (Node.isNumericLiteral(node)) return node.getLiteralValue();
  if (Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, modules, depth);
    const initializer = declaration && initializerOf(declaration);
    return initializer ? resolveNumber(initializer, modules, depth + 1) : null;
  }
  if (Node.isPropertyAccessExpression(node)) {
    const object = resolveObjectLiteral(node.getExpression(), modules, depth + 1);
    return resolveNumber(object && getObjectProperty(object, node.getName()), modules, depth + 1);
  }
  return null;
}

/** Expression type guard re-exported for analyzers that need ts-morph's Expression. */
export type { Expression };

/** The values a class assigns to `this.<name>` (`this.model = options.model`) anywhere in its body, in source order. */
export function thisAssignments(classNode: Node, name: string): Node[] {
  return assignedValues(classNode, `this.${name}`);
}

/** The values `target = value` assigns (`target` as written: `runnable`, `Service.client`) anywhere under a node, in source order. */
export function assignedValues(scope: Node, target: string): Node[] {
  const values: Node[] = [];
  for (const assignment of scope.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken && assignment.getLeft().getText() === target) values.push(assignment.getRight());
  }
  return values;
}

/** Where a local name comes from: the package specifier and the export it names (`default`, `*` for a namespace, or the export name). */
export interface ImportBinding {
  packageName: string;
  importedName: string;
}

/** Whether `inner` lies within `outer` in the same file (told by path and position, so two parses of one file agree). */
export function contains(outer: Node, inner: Node): boolean {
  return outer.getSourceFile().getFilePath() === inner.getSourceFile().getFilePath() && outer.getStart() <= inner.getStart() && outer.getEnd() >= inner.getEnd();
}

/** The local names an import declaration binds: its default, its namespace and each named import (under its alias). */
export function namesBoundBy(declaration: ImportDeclaration): string[] {
  const clause = declaration.getImportClause();
  if (!clause) return [];
  const named = clause.getNamedImports().map((specifier) => (specifier.getAliasNode() ?? specifier.getNameNode()).getText());
  return [clause.getDefaultImport()?.getText(), clause.getNamespaceImport()?.getText(), ...named].filter((name): name is string => name !== undefined);
}

/** The name an identifier's own file imports it by (`generateText` for `import { generateText as gen }`), else the identifier's. */
function importedNameOf(identifier: Node): string {
  const local = identifier.getText();
  for (const declaration of identifier.getSourceFile().getImportDeclarations()) {
    const specifier = declaration.getNamedImports().find((each) => (each.getAliasNode()?.getText() ?? each.getName()) === local);
    if (specifier) return specifier.getName();
  }
  return local;
}

/**
 * The package binding behind an identifier: ES imports (named, aliased, default, namespace),
 * `const x = require('p')`, `const { x } = require('p')` and `const { x } = await import('p')`.
 * Relative imports are followed to the other module first, so a re-exported client counts too.
 */
export function importBindingOf(identifier: Node, modules: ModuleLoader): ImportBinding | undefined {
  if (!Node.isIdentifier(identifier)) return undefined;
  const declaration = findDeclaration(identifier, modules);
  if (!declaration) return undefined;
  const specifier = importSpecifierOf(declaration);
  if (specifier) {
    // `import type` names a type: nothing it names can be called at run time.
    if (declaration.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)?.isTypeOnly() || ((Node.isImportSpecifier(declaration) || Node.isExportSpecifier(declaration)) && declaration.isTypeOnly())) return undefined;
    // A workspace module passing on a package's export (`export { openai } from '@ai-sdk/openai'`) binds it like an import.
    if (Node.isImportSpecifier(declaration) || Node.isExportSpecifier(declaration)) return { packageName: specifier, importedName: declaration.getName() };
    if (Node.isNamespaceImport(declaration) || Node.isNamespaceExport(declaration)) return { packageName: specifier, importedName: '*' };
    // Passed on by a module's `export * from 'ai'`: the name as the file imports it (`import { generateText as gen }`).
    if (Node.isExportDeclaration(declaration)) return { packageName: specifier, importedName: importedNameOf(identifier) };
    if (Node.isImportClause(declaration)) {
      const isDefault = declaration.getDefaultImport()?.getText() === identifier.getText();
      return { packageName: specifier, importedName: isDefault ? 'default' : '*' };
    }
    return { packageName: specifier, importedName: 'default' };
  }
  if (Node.isVariableDeclaration(declaration) || Node.isBindingElement(declaration)) {
    const variable = Node.isBindingElement(declaration) ? declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclaration) : declaration;
    const initializer = variable?.getInitializer();
    const required = initializer && unwrapExpression(initializer);
    const loaded = required && Node.isCallExpression(required) ? lazyLoaderImport(required) : undefined;
    if (required && Node.isCallExpression(required) && (required.getExpression().getText() === 'require' || required.getExpression().getKind() === SyntaxKind.ImportKeyword || loaded)) {
      const argument = loaded ?? required.getArguments()[0];
      if (!argument || !Node.isStringLiteral(argument)) return undefined;
      const packageName = sdkPackageOf(argument.getLiteralValue());
      if (Node.isBindingElement(declaration)) return { packageName, importedName: declaration.getPropertyNameNode()?.getText() ?? declaration.getName() };
      return { packageName, importedName: '*' };
    }
    // `const fetch = require('node-fetch').default`: CommonJS taking one export (an ES module's default) off the package.
    if (required && Node.isPropertyAccessExpression(required) && Node.isVariableDeclaration(declaration)) {
      const loader = unwrapExpression(required.getExpression());
      const argument = Node.isCallExpression(loader) && loader.getExpression().getText() === 'require' ? loader.getArguments()[0] : undefined;
      if (argument && Node.isStringLiteral(argument)) return { packageName: sdkPackageOf(argument.getLiteralValue()), importedName: required.getName() };
    }
  }
  return undefined;
}

/**
 * `await loadPeer('cohere-ai', 'Cohere reranker', () => import('cohere-ai'))`: a function handed a loader that imports a
 * package (an optional dependency, loaded only when used, with an install hint when it is missing) gives what the loader
 * gives. The import's specifier, else undefined.
 */
function lazyLoaderImport(call: CallExpression): Node | undefined {
  for (const argument of call.getArguments()) {
    if (!Node.isArrowFunction(argument) || argument.getParameters().length > 0) continue;
    const body = unwrapExpression(argument.getBody());
    if (Node.isCallExpression(body) && body.getExpression().getKind() === SyntaxKind.ImportKeyword) return body.getArguments()[0];
  }
  return undefined;
}

/** Whether a file (or a function body) opens with a directive prologue holding `directive` (`'use client'`, `'use server'`). */
export function hasDirective(container: Node, directive: string): boolean {
  const statements = Node.isSourceFile(container) || Node.isBlock(container) ? container.getStatements() : [];
  for (const statement of statements) {
    const expression = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    if (!expression || !Node.isStringLiteral(expression)) return false;
    if (expression.getLiteralValue() === directive) return true;
  }
  return false;
}

/**
 * A function that hands back one of its own parameters unchanged (`ensureInitialized(this.vertexAI, name)` returning the
 * value it checked, `attachAbortSignal(connector, signal)` returning `connector` after decorating it): for this call, the
 * argument passed at that parameter's place.
 */
export function returnedArgument(fn: Node & { getParameters(): Node[] }, call: CallExpression, returned: Node, modules: ModuleLoader): Node | undefined {
  const value = unwrapExpression(returned);
  if (!Node.isIdentifier(value)) return undefined;
  const declaration = findDeclaration(value, modules);
  const index = fn.getParameters().findIndex((parameter) => parameter === declaration);
  const argument = index >= 0 ? call.getArguments()[index] : undefined;
  return argument && !Node.isSpreadElement(argument) ? argument : undefined;
}

/** The calls registering a Firebase Cloud Function's handler: `onRequest(...)`, `onCall(...)` (v2) and `functions.https.onRequest(...)` (v1). */
const CLOUD_FUNCTION_REGISTRAR = /(?:^|\.)on(?:Request|Call)$/;

/**
 * `exports.proxyResponses = onRequest({ region }, async (req, res) => { ... })`: the name a Cloud Function serves its
 * handler under, which its file's requests are in (each handler of a module its own function, not the module's top).
 */
export function servedFunctionName(fn: Node): string | undefined {
  const registration = fn.getParent();
  if (!registration || !Node.isCallExpression(registration) || !registration.getArguments().includes(fn as never)) return undefined;
  return CLOUD_FUNCTION_REGISTRAR.test(registration.getExpression().getText()) ? exportedNameOf(registration) : undefined;
}

/** The name a module exports a value under: `exports.name = value`, `module.exports.name = value`, `export const name = value`. */
function exportedNameOf(value: Node): string | undefined {
  const holder = value.getParent();
  if (Node.isBinaryExpression(holder) && holder.getOperatorToken().getKind() === SyntaxKind.EqualsToken && holder.getRight() === value) {
    const target = holder.getLeft();
    return Node.isPropertyAccessExpression(target) && /^(?:module\.)?exports$/.test(target.getExpression().getText()) ? target.getName() : undefined;
  }
  if (Node.isVariableDeclaration(holder) && holder.getInitializer() === value && Node.isIdentifier(holder.getNameNode())) {
    return holder.getVariableStatement()?.hasExportKeyword() ? holder.getName() : undefined;
  }
  return undefined;
}
