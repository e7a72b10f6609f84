import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import type { ModelCandidate, ModelSource } from '../../model/types';
import type { ModuleLoader } from './modules';
import { findDeclaration, getObjectProperty, initializerOf, namespaceMember, resolveObjectLiteral, unwrapExpression } from './resolve';
import { looksLikeModelId, looksLikeProviderUrl } from './settings';

/**
 * Every model a `model` expression can take, the default or most likely first: literals through
 * constants, imports and path aliases; `??` / `||` fallbacks; ternaries; `let` variables assigned in a
 * `switch`; functions and getters that return a model; default parameter values and the literals callers
 * pass (same file and modules already loaded); maps by use case (`MODELS[useCase]`) and the app's offered
 * lists; env variables read against the workspace's example env files and env schemas' `.default()`;
 * VS Code settings defaults. Syntactic only: it never runs workspace code.
 */

const MAX_DEPTH = 12;
/** More candidates than this is a catalog, not a choice; the first ones are kept. */
const MAX_CANDIDATES = 25;

export interface ModelCandidates {
  candidates: ModelCandidate[];
  /** The expression the end user controls (request body, settings screen, database row), when the model comes from one. */
  userChoice?: string;
  evidence: string[];
}

interface Walk {
  modules: ModuleLoader;
  origin: Node;
  found: ModelCandidate[];
  evidence: string[];
  userChoice?: string;
  seen: Set<Node>;
  /** What to check a value against before it is kept: settings values are filtered the same way at read time. */
  accept: (value: string) => boolean;
}

/** The candidate model ids of an expression (see the module comment). */
export function modelCandidates(expression: Node, modules: ModuleLoader): ModelCandidates {
  const walk: Walk = { modules, origin: unwrapExpression(expression), found: [], evidence: [], seen: new Set(), accept: () => true };
  collect(expression, walk, 0, undefined);
  return { candidates: walk.found, userChoice: walk.userChoice, evidence: walk.evidence };
}

/**
 * A provider URL an expression stands for, from example env files when the code reads it from the
 * environment (`baseURL: process.env.OPENAI_BASE_URL`). Only values that look like provider URLs.
 */
export function settingUrl(expression: Node, modules: ModuleLoader): ModelCandidate | undefined {
  const walk: Walk = { modules, origin: unwrapExpression(expression), found: [], evidence: [], seen: new Set(), accept: looksLikeProviderUrl };
  collect(expression, walk, 0, undefined);
  return walk.found.find((candidate) => looksLikeProviderUrl(candidate.id));
}

function add(walk: Walk, id: string, source: ModelSource, where: string): void {
  if (!walk.accept(id) || walk.found.length >= MAX_CANDIDATES || walk.found.some((candidate) => candidate.id === id)) return;
  walk.found.push({ id, source, where });
}

function whereOf(node: Node, walk: Walk): string {
  return walk.modules.where(node.getSourceFile(), node.getStartLineNumber());
}

/** The source a literal gets when no step named one: written at the call, in this file, or imported. */
function leafSource(node: Node, walk: Walk): ModelSource {
  if (node === walk.origin) return 'literal';
  return node.getSourceFile() === walk.origin.getSourceFile() ? 'constant' : 'import';
}

function collect(expression: Node | undefined, walk: Walk, depth: number, mode: ModelSource | undefined): void {
  if (!expression || depth > MAX_DEPTH || walk.found.length >= MAX_CANDIDATES) return;
  const node = unwrapExpression(expression);
  if (walk.seen.has(node)) return;
  walk.seen.add(node);

  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) {
    add(walk, node.getLiteralValue(), mode ?? leafSource(node, walk), whereOf(node, walk));
    return;
  }
  if (Node.isBinaryExpression(node)) {
    const operator = node.getOperatorToken().getKind();
    if (operator !== SyntaxKind.QuestionQuestionToken && operator !== SyntaxKind.BarBarToken) return;
    const leftIsEnv = envName(node.getLeft()) !== undefined;
    // The code's fallback first: it is what runs unless the deployment sets the variable.
    if (leftIsEnv) {
      collect(node.getRight(), walk, depth + 1, 'env-default');
      collect(node.getLeft(), walk, depth + 1, mode);
    } else {
      // `body.model ?? DEFAULT_MODEL`: the user's pick is unknown, so the default comes first.
      collect(node.getLeft(), walk, depth + 1, mode);
      collect(node.getRight(), walk, depth + 1, mode);
    }
    return;
  }
  if (Node.isConditionalExpression(node)) {
    collect(node.getWhenTrue(), walk, depth + 1, mode);
    collect(node.getWhenFalse(), walk, depth + 1, mode);
    return;
  }
  if (Node.isArrayLiteralExpression(node)) {
    for (const element of node.getElements()) collect(element, walk, depth + 1, 'app-list');
    return;
  }
  if (Node.isObjectLiteralExpression(node)) {
    // An offered option `{ label: 'GPT-4o', value: 'gpt-4o' }` or `{ id: 'gpt-4o', name: ... }`.
    const value = ['value', 'id', 'model', 'modelId', 'modelName', 'name'].map((key) => getObjectProperty(node, key, walk.modules)).find((found) => found !== undefined);
    if (value) collect(value, walk, depth + 1, mode);
    return;
  }

  const env = envName(node);
  if (env !== undefined) {
    readEnv(env, node, walk, depth);
    return;
  }
  if (isUserChoice(node)) {
    walk.userChoice ??= node.getText().slice(0, 60);
    return;
  }
  if (Node.isIdentifier(node)) {
    collectIdentifier(node, walk, depth, mode);
    return;
  }
  if (Node.isPropertyAccessExpression(node)) {
    collectProperty(node, walk, depth, mode);
    return;
  }
  if (Node.isElementAccessExpression(node)) {
    const argument = node.getArgumentExpression();
    const object = resolveObjectLiteral(node.getExpression(), walk.modules) ?? arrayOf(node.getExpression(), walk);
    if (!object) return;
    if (argument && (Node.isStringLiteral(argument) || Node.isNumericLiteral(argument))) {
      const key = argument.getLiteralText();
      const value = Node.isArrayLiteralExpression(object) ? object.getElements()[Number(key)] : getObjectProperty(object, key, walk.modules);
      collect(value, walk, depth + 1, mode);
      return;
    }
    // `MODELS[useCase]`: any of the map's values; the first is listed first.
    walk.evidence.push(`model picked from \`${node.getExpression().getText().slice(0, 40)}\` by \`${argument?.getText().slice(0, 30) ?? '?'}\` at run time`);
    if (Node.isArrayLiteralExpression(object)) collect(object, walk, depth + 1, 'app-list');
    else for (const property of object.asKindOrThrow(SyntaxKind.ObjectLiteralExpression).getProperties()) if (Node.isPropertyAssignment(property)) collect(property.getInitializer(), walk, depth + 1, 'app-list');
    return;
  }
  if (Node.isCallExpression(node)) {
    collectCall(node, walk, depth, mode);
  }
}

function collectIdentifier(node: Node, walk: Walk, depth: number, mode: ModelSource | undefined): void {
  const declaration = findDeclaration(node, walk.modules);
  if (!declaration) return;
  if (Node.isParameterDeclaration(declaration)) {
    collectParameter(declaration, walk, depth, mode);
    return;
  }
  if (Node.isBindingElement(declaration)) {
    const variable = declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
    const source = variable?.getInitializer();
    if (source && isUserChoiceSource(source)) {
      walk.userChoice ??= `${source.getText().slice(0, 40)}.${declaration.getPropertyNameNode()?.getText() ?? declaration.getName()}`;
      collect(declaration.getInitializer(), walk, depth + 1, 'default-param');
      return;
    }
    // `function f({ model = 'gpt-4o' })` or `const { model = 'x' } = options`.
    const parameter = declaration.getFirstAncestorByKind(SyntaxKind.Parameter);
    if (parameter && !variable) {
      const name = declaration.getPropertyNameNode()?.getText() ?? declaration.getName();
      collect(declaration.getInitializer(), walk, depth + 1, 'default-param');
      for (const argument of callerArguments(parameter)) collect(getObjectProperty(resolveObjectLiteral(argument, walk.modules), name, walk.modules), walk, depth + 1, mode);
      return;
    }
  }
  if (Node.isVariableDeclaration(declaration) && declaration.getInitializer() === undefined) {
    // `let model; switch (tier) { case 'pro': model = 'gpt-4o'; break; ... }`: every assignment.
    const name = declaration.getName();
    const scope = declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor)) ?? declaration.getSourceFile();
    for (const assignment of scope.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
      if (assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken && assignment.getLeft().getText() === name) collect(assignment.getRight(), walk, depth + 1, mode);
    }
    return;
  }
  if (Node.isVariableDeclaration(declaration) && declaration.getVariableStatement()?.getDeclarationKind() === 'let') {
    collect(declaration.getInitializer(), walk, depth + 1, mode);
    const name = declaration.getName();
    const scope = declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor)) ?? declaration.getSourceFile();
    for (const assignment of scope.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
      if (assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken && assignment.getLeft().getText() === name) collect(assignment.getRight(), walk, depth + 1, mode);
    }
    return;
  }
  if (Node.isFunctionDeclaration(declaration)) return;
  collect(initializerOf(declaration), walk, depth + 1, mode);
}

/** A parameter: its default value, then what callers pass in its place (same file and loaded modules). */
function collectParameter(parameter: Node, walk: Walk, depth: number, mode: ModelSource | undefined): void {
  if (!Node.isParameterDeclaration(parameter)) return;
  const initializer = parameter.getInitializer();
  if (initializer) collect(initializer, walk, depth + 1, 'default-param');
  for (const argument of callerArguments(parameter)) collect(argument, walk, depth + 1, mode);
}

/**
 * The arguments callers pass for a parameter: calls of the function by name and `new` of its class,
 * in the function's own file and in modules the scan has already loaded. Bounded: a few dozen calls.
 */
function callerArguments(parameter: Node): Node[] {
  if (!Node.isParameterDeclaration(parameter)) return [];
  const fn = parameter.getParent();
  const index = fn && (Node.isFunctionLikeDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) ? fn.getParameters().indexOf(parameter) : -1;
  if (!fn || index < 0) return [];
  let name: string | undefined;
  let isConstructor = false;
  if (Node.isConstructorDeclaration(fn)) {
    const owner = fn.getParent();
    name = Node.isClassDeclaration(owner) ? owner.getName() : undefined;
    isConstructor = true;
  } else if (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn)) {
    name = fn.getName();
  } else {
    const variable = fn.getParentIfKind(SyntaxKind.VariableDeclaration);
    name = variable?.getName();
  }
  if (!name) return [];
  const files: SourceFile[] = [fn.getSourceFile(), ...fn.getProject().getSourceFiles().filter((file) => file !== fn.getSourceFile())].slice(0, 200);
  const found: Node[] = [];
  for (const file of files) {
    if (!file.getFullText().includes(name)) continue;
    for (const call of file.getDescendantsOfKind(isConstructor ? SyntaxKind.NewExpression : SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      const calleeName = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
      if (calleeName !== name) continue;
      const argument = call.getArguments()[index];
      if (argument) found.push(argument);
      if (found.length >= 30) return found;
    }
  }
  return found;
}

function collectProperty(node: Node, walk: Walk, depth: number, mode: ModelSource | undefined): void {
  if (!Node.isPropertyAccessExpression(node)) return;
  const owner = unwrapExpression(node.getExpression());
  const name = node.getName();
  if (owner.getKind() === SyntaxKind.ThisKeyword) {
    const classNode = node.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
    if (!classNode || !(Node.isClassDeclaration(classNode) || Node.isClassExpression(classNode))) return;
    const getter = classNode.getGetAccessor(name);
    if (getter) {
      for (const statement of getter.getDescendantsOfKind(SyntaxKind.ReturnStatement)) collect(statement.getExpression(), walk, depth + 1, mode);
      return;
    }
    const field = classNode.getProperty(name);
    collect(field?.getInitializer(), walk, depth + 1, mode);
    for (const assignment of classNode.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
      if (assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken && assignment.getLeft().getText() === `this.${name}`) collect(assignment.getRight(), walk, depth + 1, mode);
    }
    // `constructor(private model = 'gpt-4o')`: a parameter property.
    const parameter = classNode.getConstructors()[0]?.getParameter(name);
    if (parameter && parameter.isParameterProperty()) collectParameter(parameter, walk, depth + 1, mode);
    return;
  }
  const exported = namespaceMember(node, walk.modules);
  const exportedValue = exported && initializerOf(exported);
  if (exportedValue) {
    collect(exportedValue, walk, depth + 1, mode);
    return;
  }
  if (Node.isIdentifier(owner)) {
    const declaration = findDeclaration(owner, walk.modules);
    if (declaration && Node.isEnumDeclaration(declaration)) {
      collect(declaration.getMember(name)?.getInitializer(), walk, depth + 1, mode);
      return;
    }
    // `options.model` where `options` is a parameter: what callers put in its `model`, and its default.
    if (declaration && Node.isParameterDeclaration(declaration)) {
      collect(getObjectProperty(declaration.getInitializer(), name, walk.modules), walk, depth + 1, 'default-param');
      for (const argument of callerArguments(declaration)) collect(getObjectProperty(resolveObjectLiteral(argument, walk.modules), name, walk.modules), walk, depth + 1, mode);
      return;
    }
  }
  const object = resolveObjectLiteral(owner, walk.modules);
  const property = object && getObjectProperty(object, name, walk.modules);
  if (property) {
    const fromConfig = property.getSourceFile().getFilePath().endsWith('.settings.ts');
    collect(property, walk, depth + 1, mode ?? (fromConfig ? 'config' : undefined));
    return;
  }
  // `getConfiguration('ext').get('model')` stored first: `config.model` is not a settings read; nothing to add.
}

function collectCall(node: Node, walk: Walk, depth: number, mode: ModelSource | undefined): void {
  if (!Node.isCallExpression(node)) return;
  const callee = unwrapExpression(node.getExpression());
  const args = node.getArguments();
  // VS Code: `vscode.workspace.getConfiguration('ext').get('model', 'gpt-4o')` or via a stored configuration.
  if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'get' && args[0] && Node.isStringLiteral(unwrapExpression(args[0]))) {
    const section = configurationSection(callee.getExpression(), walk);
    if (section !== undefined) {
      const key = `${section ? `${section}.` : ''}${(unwrapExpression(args[0]) as Node & { getLiteralValue(): string }).getLiteralValue()}`;
      const setting = walk.modules.settings.extensionSettings.get(key);
      if (setting?.default) add(walk, setting.default.value, 'config', `${setting.default.file}:${setting.default.line}`);
      if (args[1]) collect(args[1], walk, depth + 1, 'default-param');
      for (const option of setting?.options ?? []) add(walk, option.value, 'app-list', `${option.file}:${option.line}`);
      walk.userChoice ??= `setting ${key}`;
      return;
    }
  }
  // `searchParams.get('model')`, `formData.get('model')`: the request decides.
  if (isUserChoice(node)) {
    walk.userChoice ??= node.getText().slice(0, 60);
    return;
  }
  // `getTitleModel()`, `this.pickModel(task)`, `models.forTask('x')`: what the function returns.
  const fn = calledFunction(callee, walk);
  if (!fn) return;
  const body = fn.getBody();
  if (body && !Node.isBlock(body)) {
    collect(body, walk, depth + 1, mode);
    return;
  }
  for (const statement of fn.getDescendantsOfKind(SyntaxKind.ReturnStatement)) {
    // Returns of nested functions belong to them.
    if (statement.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor)) !== fn) continue;
    collect(statement.getExpression(), walk, depth + 1, mode);
  }
}

type FunctionLike = Node & { getBody(): Node | undefined };

function calledFunction(callee: Node, walk: Walk): FunctionLike | undefined {
  let declaration: Node | undefined;
  if (Node.isIdentifier(callee)) {
    declaration = findDeclaration(callee, walk.modules);
  } else if (Node.isPropertyAccessExpression(callee)) {
    const owner = unwrapExpression(callee.getExpression());
    if (owner.getKind() === SyntaxKind.ThisKeyword) {
      const classNode = callee.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
      declaration = classNode && (Node.isClassDeclaration(classNode) || Node.isClassExpression(classNode)) ? classNode.getMethod(callee.getName()) : undefined;
    } else {
      declaration = namespaceMember(callee, walk.modules) ?? getObjectProperty(resolveObjectLiteral(owner, walk.modules), callee.getName(), walk.modules);
    }
  }
  if (!declaration) return undefined;
  const fn = Node.isFunctionDeclaration(declaration) || Node.isMethodDeclaration(declaration) ? declaration : initializerOf(declaration);
  const value = fn && unwrapExpression(fn);
  if (value && (Node.isFunctionDeclaration(value) || Node.isMethodDeclaration(value) || Node.isArrowFunction(value) || Node.isFunctionExpression(value))) return value;
  return undefined;
}

/** The section of a VS Code configuration object (`getConfiguration('ext')`, '' for none), or undefined when not one. */
function configurationSection(expression: Node, walk: Walk, depth = 0): string | undefined {
  const node = unwrapExpression(expression);
  if (Node.isCallExpression(node) && /(^|\.)getConfiguration$/.test(node.getExpression().getText())) {
    const argument = node.getArguments()[0];
    return argument && Node.isStringLiteral(unwrapExpression(argument)) ? (unwrapExpression(argument) as Node & { getLiteralValue(): string }).getLiteralValue() : '';
  }
  if (Node.isIdentifier(node) && depth < 4) {
    const declaration = findDeclaration(node, walk.modules);
    const initializer = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
    return initializer ? configurationSection(initializer, walk, depth + 1) : undefined;
  }
  return undefined;
}

/** The array literal an expression names (through constants and imports), or undefined. */
function arrayOf(expression: Node, walk: Walk): Node | undefined {
  const node = unwrapExpression(expression);
  if (Node.isArrayLiteralExpression(node)) return node;
  if (!Node.isIdentifier(node) && !Node.isPropertyAccessExpression(node)) return undefined;
  const declaration = Node.isIdentifier(node) ? findDeclaration(node, walk.modules) : namespaceMember(node, walk.modules);
  const initializer = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
  const value = initializer && unwrapExpression(initializer);
  return value && Node.isArrayLiteralExpression(value) ? value : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Environment

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Deno.env.get('X')`, `Bun.env.X`, `env.X` of an env schema: X. */
function envName(expression: Node): string | undefined {
  const node = unwrapExpression(expression);
  const text = node.getText();
  const direct = /^(?:process\.env|import\.meta\.env|Bun\.env)(?:\.([A-Za-z_]\w*)|\[\s*['"]([A-Za-z_]\w*)['"]\s*\])$/.exec(text) ?? /^Deno\.env\.get\(\s*['"]([A-Za-z_]\w*)['"]\s*\)$/.exec(text);
  if (direct) return direct[1] ?? direct[2];
  if (Node.isPropertyAccessExpression(node) && /^(env|ENV|serverEnv|clientEnv|config\.env)$/.test(node.getExpression().getText()) && /^[A-Z][A-Z0-9_]*$/.test(node.getName())) return node.getName();
  return undefined;
}

/**
 * An env variable: its `.default('…')` in an env schema of the workspace (`createEnv`, `z.object`), then
 * its values in example env files (already filtered to model ids and URLs when read).
 */
function readEnv(name: string, node: Node, walk: Walk, depth: number): void {
  const schemaDefault = envSchemaDefault(name, node, walk);
  if (schemaDefault && looksLikeModelId(schemaDefault.getLiteralText())) add(walk, schemaDefault.getLiteralText(), 'env-default', whereOf(schemaDefault, walk));
  const fromFile = walk.modules.envSetting(name);
  if (fromFile) {
    add(walk, fromFile.value, 'env-default', `${fromFile.file}:${fromFile.line}`);
    walk.evidence.push(`${name} = "${fromFile.value}" in ${fromFile.file}:${fromFile.line} (an example env file; the deployment may set another)`);
  }
  for (const more of walk.modules.settings.env.get(name)?.slice(1) ?? []) add(walk, more.value, 'env-default', `${more.file}:${more.line}`);
  void depth;
}

/** `NAME: z.string().default('gpt-4o')` in the env schema the accessed object is built from. */
function envSchemaDefault(name: string, node: Node, walk: Walk): (Node & { getLiteralText(): string }) | undefined {
  const owner = Node.isPropertyAccessExpression(node) ? unwrapExpression(node.getExpression()) : undefined;
  if (!owner || !Node.isIdentifier(owner)) return undefined;
  const declaration = findDeclaration(owner, walk.modules);
  const initializer = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
  if (!initializer) return undefined;
  for (const property of initializer.getDescendantsOfKind(SyntaxKind.PropertyAssignment)) {
    if (property.getName().replace(/^['"]|['"]$/g, '') !== name) continue;
    const value = property.getInitializer();
    const calls = value ? [value, ...value.getDescendants()].filter(Node.isCallExpression) : [];
    const withDefault = calls.find((call) => /\.default$/.test(call.getExpression().getText()));
    const argument = withDefault?.getArguments()[0];
    const literal = argument && unwrapExpression(argument);
    if (literal && (Node.isStringLiteral(literal) || Node.isNoSubstitutionTemplateLiteral(literal))) return literal;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Chosen by the end user

const REQUEST_ROOT = /^(?:req|request|ctx\.request|context\.request|event|c\.req)\.(?:body|query|params)\b|^(?:body|reqBody|requestBody|formData|searchParams)\b(?:\.|\[|$)|^(?:req|request)\.(?:json|formData)\(\)/;
const REQUEST_CALL = /(?:searchParams|formData|query|params|headers)\.get\(|\.(?:json|formData)\(\)$|(?:findUnique|findFirst|findOne|findById|selectFrom|getItem)\b/;

/** An expression the end user controls: the request body or query, a form, a stored setting. */
function isUserChoice(node: Node): boolean {
  const text = node.getText();
  if (Node.isCallExpression(node)) return REQUEST_CALL.test(text);
  if (!Node.isPropertyAccessExpression(node) && !Node.isElementAccessExpression(node)) return false;
  if (REQUEST_ROOT.test(text)) return true;
  return /\b(?:settings|preferences|userSettings|userConfig|selectedModel)\b/.test(node.getExpression().getText()) && /model/i.test(text);
}

/** The initializer of a destructuring the end user controls: `await req.json()`, `req.body`, a DB row. */
function isUserChoiceSource(initializer: Node): boolean {
  const node = unwrapExpression(initializer);
  return isUserChoice(node) || /^(?:req|request|ctx\.request|c\.req)\.(?:body|query|params)$/.test(node.getText()) || /\.(?:json|formData)\(\)$/.test(node.getText()) || (Node.isCallExpression(node) && REQUEST_CALL.test(node.getExpression().getText()));
}
