import * as fs from 'node:fs';
import * as path from 'node:path';
import { Node, SyntaxKind, ts, type CallExpression, type NewExpression, type ParameterDeclaration, type SourceFile } from 'ts-morph';
import { callsMatching, nodeTests } from './calls';
import type { ModelCandidate, ModelSource } from '../../model/types';
import type { ModuleLoader } from './modules';
import { assignedValues, constInitializer, contains, enclosingFunction, MAX_MODEL_CANDIDATES, findDeclaration, getObjectProperty, holdsNoValue, importBindingOf, stringLiteralComparison, initializerOf, namesBoundBy, namespaceMember, orderConditionalBranchesWith, resolveObjectLiteral, resolveString, thisAssignments, unwrapExpression } from './resolve';
import { APP_SEARCH, nearbySourceFiles } from './nearbyFiles';
import { appSettingsDefaults, isSettingsOwner, isSpecificModelField } from './settingsDefaults';
import { escapeRegExp } from '../../model/regExp';
import { routeCallerModels, routeOfFile } from './routeCallers';
import { looksLikeModelId, looksLikeProviderUrl, looksLikeVersionedId } from './settings';
import { functionOf, memberDeclaration, propertyTypeOf, resolvedTypeNode, superclassOf } from './shapes';

/**
 * Every model a `model` expression can take, the default or most likely first: literals through
 * constants, imports and path aliases; `??` / `||` fallbacks; ternaries; `let` variables assigned in a
 * `switch`; functions and getters that return a model; default parameter values and the literals callers
 * pass (same file and modules already loaded); maps by use case (`MODELS[useCase]`) and the app's offered
 * lists; env variables read against the workspace's example env files and env schemas' `.default()`;
 * VS Code settings defaults. Syntactic only: it never runs workspace code.
 */

const MAX_DEPTH = 12;

export interface ModelCandidates {
  candidates: ModelCandidate[];
  /** The expression the end user controls (request body, settings screen, database row), when the model comes from one. */
  userChoice?: string;
  /** The first environment variable the model is read from, when it is read from one. */
  env?: string;
  evidence: string[];
}

interface Walk {
  modules: ModuleLoader;
  origin: Node;
  found: ModelCandidate[];
  evidence: string[];
  userChoice?: string;
  /** The node the user's choice was read from, to look for the app's offered list in the modules its file imports. */
  userChoiceNode?: Node;
  seen: Set<Node>;
  /** What to check a value against before it is kept: settings values are filtered the same way at read time. */
  accept: (value: string) => boolean;
  /** Read commented-out example lines of example env files (model walks only, not provider URLs). */
  examples?: boolean;
  /** The first environment variable read. */
  env?: string;
  /** True once the walk reached a parameter (or a class field filled from one) whose value comes from the callers. */
  reachedParameter?: boolean;
  /** How many times the walk read an app settings store's initial state (its values are the app's config). */
  storeReads?: number;
  /** Model fields with names of their own the walk read and found no value for (`this.options.claudeModel`), in order. */
  unresolvedFields?: Array<{ name: string; at: Node }>;
}

/**
 * Arguments of the call being followed into a function, by parameter: inside `getModel('gpt-4o')` the
 * parameter `name` is `'gpt-4o'`, not every value any caller passes. Set while a call is entered.
 */
const BOUND_ARGUMENTS = new Map<Node, Node>();

/**
 * Binds each parameter to the argument at its place (those a call leaves out, and any already bound by a call being
 * followed further out, stay as they are); the function returned unbinds what this bound.
 */
function bindArguments(parameters: readonly Node[], args: readonly Node[]): () => void {
  const bound = parameters.filter((parameter, index) => args[index] !== undefined && !BOUND_ARGUMENTS.has(parameter));
  for (const parameter of bound) BOUND_ARGUMENTS.set(parameter, args[parameters.indexOf(parameter)]);
  return () => bound.forEach((parameter) => BOUND_ARGUMENTS.delete(parameter));
}

/**
 * The functions a call runs, when it is a call of a workspace function (`getModel('gpt-4o')`,
 * `this.pick(task)`, `models.forTask('x')`): its returned expressions, with the call's arguments bound
 * to the parameters until `release`. Undefined for anything else.
 */
export function enterCall(expression: Node, modules: ModuleLoader, throughReceiverType = false): { returns: Node[]; release(): void } | undefined {
  const call = unwrapExpression(expression);
  if (!Node.isCallExpression(call)) return undefined;
  const fn = calledFunction(unwrapExpression(call.getExpression()), modules) ?? (throughReceiverType ? receiverMethod(unwrapExpression(call.getExpression()), modules) : undefined);
  if (!fn) return undefined;
  const body = fn.getBody();
  const returns = body && !Node.isBlock(body) ? [body] : fn.getDescendantsOfKind(SyntaxKind.ReturnStatement).filter((statement) => enclosingFunction(statement) === fn).map((statement) => statement.getExpression()).filter((value): value is NonNullable<typeof value> => value !== undefined);
  const release = Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) ? bindArguments(fn.getParameters(), call.getArguments()) : () => undefined;
  // With the arguments bound, a guard testing a parameter (`getModel(id, 'anthropic')`) is read with the value passed.
  return { returns: likelyFirstReturns(returns, modules), release };
}

/**
 * Reads something of a base class's constructor (the client it makes from its options) as a subclass makes it: the
 * request is in a method of `subclass`, which hands its own values to `super(...)` (Roo-Code's VercelAiGatewayHandler
 * passing `baseURL: 'https://ai-gateway.vercel.sh/v1'` to the RouterProvider that makes the OpenAI client), so the base
 * constructor's parameters hold that call's arguments, not every sibling subclass's. `read` runs as is otherwise.
 */
export function asMadeBySubclass<T>(constructorPart: Node | undefined, subclass: Node | undefined, read: () => T): T {
  const constructor = constructorPart?.getFirstAncestorByKind(SyntaxKind.Constructor);
  const base = constructor?.getParent();
  if (!constructor || !subclass || !Node.isClassDeclaration(base) || !Node.isClassDeclaration(subclass) || subclass === base) return read();
  const extendsName = subclass.getExtends()?.getExpression().getText();
  if (!extendsName || extendsName !== base.getName()) return read();
  const superCall = subclass.getConstructors()[0]?.getDescendantsOfKind(SyntaxKind.CallExpression).find((call) => call.getExpression().getKind() === SyntaxKind.SuperKeyword);
  if (!superCall) return read();
  const release = bindArguments(constructor.getParameters(), superCall.getArguments());
  try {
    return read();
  } finally {
    release();
  }
}

/**
 * A function's returned values, those a guard rules out last: a guard is the nearest `if` comparing a setting with a
 * literal (`if (LLM_PROVIDER === 'openai') return createOpenAI(...)(model)`), ruled out when the setting's likely value
 * (in the code, a bound argument or the example env files: `process.env.LLM_PROVIDER || config.defaults.llm_provider`)
 * is another. A guard whose setting says nothing rules nothing out; the order is otherwise kept.
 */
export function likelyFirstReturns(returns: readonly Node[], modules: ModuleLoader): Node[] {
  if (returns.length < 2) return [...returns];
  const ruledOut = returns.filter((value) => guardHolds(value, modules) === false);
  return ruledOut.length === 0 || ruledOut.length === returns.length ? [...returns] : [...returns.filter((value) => !ruledOut.includes(value)), ...ruledOut];
}

/** Whether the nearest `if` around a returned value lets it run, as far as the setting it tests is known; undefined when unknown. */
function guardHolds(returned: Node, modules: ModuleLoader): boolean | undefined {
  let child: Node = returned;
  for (let parent = returned.getParent(); parent; child = parent, parent = parent.getParent()) {
    // Arrow functions are function-like declarations; function expressions are not.
    if (Node.isFunctionLikeDeclaration(parent) || Node.isFunctionExpression(parent)) return undefined;
    if (!Node.isIfStatement(parent) || child === parent.getExpression()) continue;
    const condition = unwrapExpression(parent.getExpression());
    const holds = settingComparisonHolds(condition, modules) ?? holdsWithNothingSet(condition, modules);
    if (holds === undefined) return undefined;
    return child === parent.getThenStatement() ? holds : !holds;
  }
  return undefined;
}

/**
 * Whether a condition that only tests whether env variables are set (`if (process.env.TOGETHER_API_KEY)`,
 * `provider ? provider === 'openai' : process.env.OPENAI_API_KEY` with `provider` read from the environment, a
 * value made only when a key is set: `const fireworks = process.env.FIREWORKS_KEY ? createFireworks() : undefined`)
 * holds for a deployment that sets nothing beyond what the example env files set: the branch such a deployment
 * takes is the app's default path (ai-town returns its OpenAI, Together and custom settings when their keys are set,
 * and Ollama's otherwise). A variable an example file sets, or an env schema defaults, is not assumed unset: its
 * test is undefined, as for any other condition.
 */
export function holdsWithNothingSet(condition: Node, modules: ModuleLoader, depth = 0): boolean | undefined {
  const node = unwrapExpression(condition);
  if (depth > MAX_GUARD_DEPTH) return undefined;
  if (holdsNoValue(node) || node.getKind() === SyntaxKind.FalseKeyword) return false;
  if (Node.isPrefixUnaryExpression(node) && node.getOperatorToken() === SyntaxKind.ExclamationToken) {
    const operand = holdsWithNothingSet(node.getOperand(), modules, depth + 1);
    return operand === undefined ? undefined : !operand;
  }
  if (Node.isBinaryExpression(node)) {
    const operator = node.getOperatorToken().getKind();
    if (operator !== SyntaxKind.AmpersandAmpersandToken && operator !== SyntaxKind.BarBarToken) return undefined;
    const left = holdsWithNothingSet(node.getLeft(), modules, depth + 1);
    const right = holdsWithNothingSet(node.getRight(), modules, depth + 1);
    const decisive = operator === SyntaxKind.AmpersandAmpersandToken ? false : true;
    if (left === decisive || right === decisive) return decisive;
    return left === undefined || right === undefined ? undefined : !decisive;
  }
  if (Node.isConditionalExpression(node)) {
    const test = holdsWithNothingSet(node.getCondition(), modules, depth + 1);
    return test === undefined ? undefined : holdsWithNothingSet(test ? node.getWhenTrue() : node.getWhenFalse(), modules, depth + 1);
  }
  if (Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, modules);
    if (!declaration || !Node.isVariableDeclaration(declaration) || isReassignedLet(node, modules)) return undefined;
    const initializer = declaration.getInitializer();
    return initializer ? holdsWithNothingSet(initializer, modules, depth + 1) : undefined;
  }
  const name = envName(node, modules);
  if (name === undefined) return undefined;
  const hasValue = modules.envSetting(name) !== undefined || modules.envSetByExample(name) || envSchemaDefault(name, node, modules) !== undefined;
  return hasValue ? undefined : false;
}

const MAX_GUARD_DEPTH = 6;

/**
 * Whether a comparison of a setting with a string literal (`provider === 'anthropic'`, `LLM_PROVIDER !== 'openai'`)
 * holds for the setting's likely value (a bound argument, a default, the example env files); undefined for any other
 * condition or a setting whose value the code does not say.
 */
function settingComparisonHolds(condition: Node, modules: ModuleLoader): boolean | undefined {
  const comparison = stringLiteralComparison(condition);
  const value = comparison ? modelCandidates(comparison.other, modules).candidates[0]?.id : undefined;
  if (value === undefined || !comparison) return undefined;
  return (value === comparison.literal) !== comparison.negated;
}

/**
 * The expressions a variable or parameter can hold, the likely one first: the bound argument of the call
 * being followed, else what callers pass and the default (a parameter, or a binding in a parameter's
 * pattern); for a `let`, its initializer and every assignment. Empty for anything else (constants are
 * followed by `traceValue`).
 */
export function valueExpressions(expression: Node, modules: ModuleLoader): Node[] {
  const node = unwrapExpression(expression);
  if (!Node.isIdentifier(node)) return [];
  const declaration = findDeclaration(node, modules);
  const present = (values: Array<Node | undefined>): Node[] => values.filter((value): value is Node => value !== undefined);
  if (!declaration) return [];
  if (Node.isParameterDeclaration(declaration)) {
    const bound = BOUND_ARGUMENTS.get(declaration);
    return bound ? [bound] : likelyValues(callerArguments(declaration, modules), declaration.getInitializer()).map((entry) => entry.node);
  }
  if (Node.isBindingElement(declaration)) {
    const parameter = declaration.getFirstAncestorByKind(SyntaxKind.Parameter);
    if (!parameter || declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclaration) || declaration.getParent()?.getParent() !== parameter) return [];
    const name = declaration.getPropertyNameNode()?.getText() ?? declaration.getName();
    const bound = BOUND_ARGUMENTS.get(parameter);
    const passed = (bound ? [bound] : callerArguments(parameter, modules)).map((argument) => argument && getObjectProperty(resolveObjectLiteral(argument, modules), name, modules));
    return likelyValues(passed, declaration.getInitializer()).map((entry) => entry.node);
  }
  if (Node.isVariableDeclaration(declaration) && declaration.getVariableStatement()?.getDeclarationKind() === 'let') return present(letValues(declaration, node));
  return [];
}

/** True for a `let` variable the code assigns again after its declaration: its value at a read is the one `letValues` puts first, not its initializer. */
export function isReassignedLet(expression: Node, modules: ModuleLoader): boolean {
  const node = unwrapExpression(expression);
  const declaration = Node.isIdentifier(node) ? findDeclaration(node, modules) : undefined;
  if (!declaration || !Node.isVariableDeclaration(declaration) || declaration.getVariableStatement()?.getDeclarationKind() !== 'let') return false;
  return letValues(declaration, node).length > 1;
}

/**
 * The values a `let` can hold where it is read, the likely one first: the assignment that last runs before the
 * read on every path to it (`current = retryModel;` earlier in the same block or an enclosing one, as in a retry
 * after a quota error), else the initializer; then the other assignments in written order.
 */
function letValues(declaration: Node, usage: Node): Array<Node | undefined> {
  if (!Node.isVariableDeclaration(declaration)) return [];
  const name = declaration.getName();
  const scope = declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor)) ?? declaration.getSourceFile();
  const assignments = scope.getDescendantsOfKind(SyntaxKind.BinaryExpression).filter((assignment) => assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken && assignment.getLeft().getText() === name);
  const blocksAround = new Set<Node>(usage.getAncestors().filter((ancestor) => Node.isBlock(ancestor)));
  const before = assignments.filter((assignment) => {
    const statement = assignment.getParent();
    return assignment.getEnd() <= usage.getStart() && statement !== undefined && Node.isExpressionStatement(statement) && blocksAround.has(statement.getParentOrThrow()) && !contains(statement, usage);
  });
  const last = before[before.length - 1];
  const others = assignments.filter((assignment) => assignment !== last).map((assignment) => assignment.getRight());
  return last ? [last.getRight(), declaration.getInitializer(), ...others] : [declaration.getInitializer(), ...others];
}

/**
 * What callers pass (`undefined` where a caller leaves it out) and the default: the default first, as the
 * code's own choice (callers are only known in modules the scan has loaded), then the callers' values.
 */
function likelyValues(passed: Array<Node | undefined>, fallback: Node | undefined): Array<{ node: Node; isDefault: boolean }> {
  const given = passed.filter((value): value is Node => value !== undefined).map((node) => ({ node, isDefault: false }));
  return [...(fallback ? [{ node: fallback, isDefault: true }] : []), ...given];
}

// getObjectProperty's spreads of a conditional (`...(cond ? { model: a } : { model: b })`) take the likely branch first.
orderConditionalBranchesWith((conditional, modules) => likelyBranches(conditional, modules));

/**
 * `process.env.X ? a : b` where no example env file sets X: the branch without it is the likely one.
 * Otherwise the branches in written order.
 */
export function likelyBranches(conditional: Node, modules: ModuleLoader): Node[] {
  if (!Node.isConditionalExpression(conditional)) return [];
  const condition = namedCondition(unwrapExpression(conditional.getCondition()), modules);
  // `provider === 'anthropic' ? a : b` with `provider` known here (a bound argument, a default): the branch it takes first.
  const compared = settingComparisonHolds(condition, modules);
  if (compared !== undefined) return compared ? [conditional.getWhenTrue(), conditional.getWhenFalse()] : [conditional.getWhenFalse(), conditional.getWhenTrue()];
  // `const [isLlama, setIsLlama] = useState(false)`: a toggle starts at its initial state.
  const initial = stateInitialValue(condition);
  if (initial !== undefined) return initial ? [conditional.getWhenTrue(), conditional.getWhenFalse()] : [conditional.getWhenFalse(), conditional.getWhenTrue()];
  const name = envName(condition, modules);
  const unset = name !== undefined && modules.settings.env.get(name) === undefined;
  return unset ? [conditional.getWhenFalse(), conditional.getWhenTrue()] : [conditional.getWhenTrue(), conditional.getWhenFalse()];
}

/** A condition held in a constant (`const onAzure = config.provider === 'Azure'`): the comparison it names; else itself. */
function namedCondition(condition: Node, modules: ModuleLoader): Node {
  const declaration = Node.isIdentifier(condition) ? findDeclaration(condition, modules) : undefined;
  const initializer = declaration && Node.isVariableDeclaration(declaration) && Node.isIdentifier(declaration.getNameNode()) ? constInitializer(declaration) : undefined;
  return initializer && Node.isBinaryExpression(unwrapExpression(initializer)) ? unwrapExpression(initializer) : condition;
}

/**
 * Whether a React state value starts truthy: `const [flag, setFlag] = useState(false)` (or `React.useState`)
 * in a scope around the identifier, its initial value a boolean, number, string or null literal.
 * Undefined for anything else.
 */
function stateInitialValue(condition: Node): boolean | undefined {
  if (!Node.isIdentifier(condition)) return undefined;
  const name = condition.getText();
  for (let scope: Node | undefined = condition.getParent(); scope; scope = scope.getParent()) {
    if (!Node.isBlock(scope) && !Node.isSourceFile(scope)) continue;
    for (const statement of scope.getStatements()) {
      if (!Node.isVariableStatement(statement)) continue;
      for (const declaration of statement.getDeclarations()) {
        const pattern = declaration.getNameNode();
        const first = Node.isArrayBindingPattern(pattern) ? pattern.getElements()[0] : undefined;
        if (!first || !Node.isBindingElement(first) || first.getName() !== name) continue;
        const call = declaration.getInitializer() && unwrapExpression(declaration.getInitializer()!);
        if (!call || !Node.isCallExpression(call) || !/^(?:React\.)?useState$/.test(call.getExpression().getText())) return undefined;
        const value = call.getArguments()[0] && unwrapExpression(call.getArguments()[0]);
        if (!value) return false;
        if (value.getKind() === SyntaxKind.TrueKeyword) return true;
        if (value.getKind() === SyntaxKind.FalseKeyword || value.getKind() === SyntaxKind.NullKeyword) return false;
        if (Node.isNumericLiteral(value)) return value.getLiteralValue() !== 0;
        if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) return value.getLiteralValue() !== '';
        return undefined;
      }
    }
  }
  return undefined;
}

/** The candidate model ids of an expression (see the module comment). */
export function modelCandidates(expression: Node, modules: ModuleLoader): ModelCandidates {
  const walk: Walk = { modules, origin: unwrapExpression(expression), found: [], evidence: [], seen: new Set(), accept: () => true, examples: true };
  collect(expression, walk, 0, undefined);
  // Nothing found and nothing the user picks: the app's default settings for the model field the code reads, if it names one.
  if (walk.found.length === 0 && walk.userChoice === undefined && walk.unresolvedFields) collectSettingsDefaults(walk);
  // What the code states comes before what a commented-out example suggests.
  walk.found.sort((a, b) => Number(a.source === 'env-example') - Number(b.source === 'env-example'));
  // A route handler reading the model from the request: what the app's own pages send to the route.
  let sent: Node[] = [];
  if (walk.userChoiceNode) {
    sent = routeCallerModels(walk.userChoiceNode, modules, walk.origin);
    for (const model of sent) collect(model, walk, 1, undefined);
    if (sent.length > 0) walk.evidence.push(`the app's own code sends the model to this route: ${sent.map((model) => whereOf(model, walk)).join(', ')}`);
  }
  // Nothing the code states: a value chosen at run time is one of the app's offered models, when it has a list.
  const stated = walk.found.some((candidate) => candidate.source !== 'env-example');
  if ((!stated && walk.reachedParameter) || walk.userChoice !== undefined) {
    const offered = offeredModelList(walk.origin, walk.userChoiceNode, modules, sent);
    if (offered) {
      // The app's default pick first, then what the code itself names among the offered ones, the list, the code's other values.
      const listed = new Set(offered.models.map((model) => model.id));
      const own = walk.found.filter((candidate) => candidate.source !== 'env-example');
      // A provider's own entries of the app's list: a model of another provider (the app's default for another) is not sent here.
      const merged = [...offered.models.filter((model) => model.id === offered.defaultId), ...own.filter((candidate) => listed.has(candidate.id)), ...offered.models, ...(offered.provider ? [] : own.filter((candidate) => !listed.has(candidate.id)))];
      const unique = merged.filter((candidate, index) => merged.findIndex((other) => other.id === candidate.id) === index);
      walk.found.splice(0, walk.found.length, ...unique.slice(0, MAX_MODEL_CANDIDATES));
      walk.userChoice ??= `${walk.origin.getText().slice(0, 40)}, passed in at run time`;
      walk.evidence.push(`the model is chosen at run time from the app's list \`${offered.name}\` (${offered.where})${offered.provider ? `, its entries tagged ${offered.provider}` : ''}: priced over it`);
    }
  }
  // Nothing else known: a value the code declares as a union of model names (`model: Model`, `type Model = 'gpt-4o-mini' | ...`).
  if (walk.found.length === 0) {
    const union = declaredModelUnion(walk.origin, modules);
    if (union) {
      for (const literal of union.literals) add(walk, literal.getLiteralValue(), 'app-list', whereOf(literal, walk));
      walk.userChoice ??= `${walk.origin.getText().slice(0, 40)}, passed in at run time`;
      walk.evidence.push(`the model's declared type \`${union.typeText}\` (${union.where}) allows only these: priced over them`);
    }
  }
  return { candidates: walk.found, userChoice: walk.userChoice, env: walk.env, evidence: walk.evidence };
}

/** A union of model names this many long at least, so that two ids are a choice and not a coincidence. */
const MIN_MODEL_UNION = 2;

/**
 * `const { model } = body` with `body: { model: Model }` and `type Model = "gpt-4o-mini" | "gpt-4o-2024-08-06"` (or a
 * parameter or variable typed with such a union): the string literals the declared type allows, when every one is a model id.
 */
function declaredModelUnion(origin: Node, modules: ModuleLoader): { literals: import('ts-morph').StringLiteral[]; typeText: string; where: string } | undefined {
  const node = unwrapExpression(origin);
  if (!Node.isIdentifier(node)) return undefined;
  const declaration = findDeclaration(node, modules);
  let typeNode: Node | undefined;
  if (declaration && (Node.isParameterDeclaration(declaration) || Node.isVariableDeclaration(declaration) || Node.isPropertySignature(declaration))) typeNode = declaration.getTypeNode();
  else if (declaration && Node.isBindingElement(declaration)) {
    const holder = declaration.getParent()?.getParent();
    const field = (declaration.getPropertyNameNode() ?? declaration.getNameNode()).getText();
    const holderType = holder && (Node.isVariableDeclaration(holder) || Node.isParameterDeclaration(holder)) ? holder.getTypeNode() ?? declaredTypeOfName(holder.getInitializer(), modules) : undefined;
    typeNode = holderType && propertyTypeOf(holderType, field, modules);
  }
  const union = typeNode && resolvedTypeNode(typeNode, modules);
  // `model: EChatModels` with `enum EChatModels { GPT_4o = "gpt-4o", GPT_4o_mini = "gpt-4o-mini" }`: the enum's string values.
  if (typeNode && union && Node.isEnumDeclaration(union)) {
    const values = union.getMembers().map((member) => member.getInitializer());
    const literals = values.flatMap((value) => (value && Node.isStringLiteral(value) && looksLikeModelId(value.getLiteralValue()) ? [value] : []));
    if (literals.length < MIN_MODEL_UNION || literals.length !== values.length) return undefined;
    return { literals, typeText: typeNode.getText().slice(0, 40), where: modules.where(union.getSourceFile(), union.getStartLineNumber()) };
  }
  if (!typeNode || !union || !Node.isUnionTypeNode(union)) return undefined;
  const members = union.getTypeNodes();
  const literals = members.flatMap((member) => {
    const literal = Node.isLiteralTypeNode(member) ? member.getLiteral() : undefined;
    return literal && Node.isStringLiteral(literal) && looksLikeModelId(literal.getLiteralValue()) ? [literal] : [];
  });
  if (literals.length < MIN_MODEL_UNION || literals.length !== members.length) return undefined;
  return { literals, typeText: typeNode.getText().slice(0, 40), where: modules.where(union.getSourceFile(), union.getStartLineNumber()) };
}

/** The type a name is declared with (`const body: { model: Model } = ...`), for `const { model } = body`. */
function declaredTypeOfName(value: Node | undefined, modules: ModuleLoader): Node | undefined {
  const node = value && unwrapExpression(value);
  const declaration = node && Node.isIdentifier(node) ? findDeclaration(node, modules) : undefined;
  return declaration && (Node.isVariableDeclaration(declaration) || Node.isParameterDeclaration(declaration)) ? declaration.getTypeNode() : undefined;
}


/**
 * The defaults an app's own settings give the first unresolved model field that has any (settingsDefaults.ts), read
 * as the model's `config` source: what the request sends until the user changes the setting.
 */
function collectSettingsDefaults(walk: Walk): void {
  for (const field of walk.unresolvedFields ?? []) {
    const defaults = appSettingsDefaults(field.name, field.at.getSourceFile(), walk.modules);
    const start = walk.found.length;
    const giving: string[] = [];
    for (const entry of defaults) {
      const before = walk.found.length;
      collect(entry.value, walk, 1, 'config');
      // A guess from settings keeps only what is shaped like a model id or a provider URL (RisuAI's presets set
      // `aiModel: 'textgen_webui'`, the app's name for a backend, not a model).
      const kept = walk.found.splice(before).filter((candidate) => looksLikeModelId(candidate.id) || looksLikeVersionedId(candidate.id) || looksLikeProviderUrl(candidate.id));
      walk.found.push(...kept);
      if (walk.found.length > before) giving.push(`${entry.holder} at ${whereOf(entry.value, walk)}`);
    }
    if (walk.found.length === start) continue;
    for (const candidate of walk.found.slice(start)) SETTINGS_DEFAULTS.add(candidate);
    walk.evidence.push(`the code reads \`${field.at.getText().slice(0, 60)}\`, which nothing on the way sets: the app's default settings give it (${giving.join(', ')}), read as ${walk.accept === looksLikeProviderUrl ? 'where requests go' : 'the model'} until the user changes the setting (a guess)`);
    return;
  }
}

/** Candidates read from an app's default settings (not from the request's own code path): a guess a provider check may drop. */
const SETTINGS_DEFAULTS = new WeakSet<ModelCandidate>();

export function isSettingsDefault(candidate: ModelCandidate): boolean {
  return SETTINGS_DEFAULTS.has(candidate);
}

/** Model references whose model is such a guess (set by readModel), for the request's provider to be checked against. */
const SETTINGS_DEFAULT_REFS = new WeakSet<object>();

export function markSettingsDefaultRef(ref: object): void {
  SETTINGS_DEFAULT_REFS.add(ref);
}

export function isSettingsDefaultRef(ref: object): boolean {
  return SETTINGS_DEFAULT_REFS.has(ref);
}

/**
 * A provider URL an expression stands for, from example env files when the code reads it from the
 * environment (`baseURL: process.env.OPENAI_BASE_URL`). Only values that look like provider URLs.
 */
export function settingUrl(expression: Node, modules: ModuleLoader): ModelCandidate | undefined {
  const walk: Walk = { modules, origin: unwrapExpression(expression), found: [], evidence: [], seen: new Set(), accept: looksLikeProviderUrl };
  collect(expression, walk, 0, undefined);
  // `${context.ANTHROPIC_API_BASE}/messages` with the field set nowhere on the way: the app's default settings give it.
  if (walk.found.length === 0 && walk.unresolvedFields) collectSettingsDefaults(walk);
  return walk.found.find((candidate) => looksLikeProviderUrl(candidate.id));
}

/**
 * A settings field holding where one provider's requests go (`ANTHROPIC_API_BASE`, `claudeApiHost`), looked up in the
 * app's defaults for a URL. A bare `baseURL` or `url` is every client's option: its defaults say nothing of this one.
 */
export function isSpecificUrlField(name: string): boolean {
  return /(?:base(?:_?url)?|endpoint|host|url)$/i.test(name) && !/^(?:api_?)?(?:base(?:_?url)?|endpoint|host|url|server_?url)$/i.test(name);
}

function add(walk: Walk, id: string, source: ModelSource, where: string): void {
  if (!walk.accept(id)) return;
  const known = walk.found.findIndex((candidate) => candidate.id === id);
  // The code states a value a commented-out example also suggests: it is the code's value.
  if (known >= 0 && walk.found[known].source === 'env-example' && source !== 'env-example') walk.found[known] = { id, source, where };
  if (known >= 0 || walk.found.length >= MAX_MODEL_CANDIDATES) return;
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
  if (!expression || depth > MAX_DEPTH || walk.found.length >= MAX_MODEL_CANDIDATES) return;
  const node = unwrapExpression(expression);
  if (walk.seen.has(node)) return;
  walk.seen.add(node);

  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) {
    // `process.env.X || ""`: an empty string is no model.
    if (node.getLiteralValue() !== '') add(walk, node.getLiteralValue(), mode ?? leafSource(node, walk), whereOf(node, walk));
    return;
  }
  if (Node.isBinaryExpression(node)) {
    const operator = node.getOperatorToken().getKind();
    if (operator !== SyntaxKind.QuestionQuestionToken && operator !== SyntaxKind.BarBarToken) return;
    const leftIsEnv = envName(node.getLeft(), walk.modules) !== undefined;
    // The code's fallback first: it is what runs unless the deployment sets the variable.
    if (leftIsEnv) {
      collect(node.getRight(), walk, depth + 1, 'env-default');
      collect(node.getLeft(), walk, depth + 1, mode);
    } else if (overrideIsRare(node.getLeft(), walk, depth) || statedOnlyBySubclasses(node.getLeft(), walk.modules)) {
      // `tools[name].model ?? defaults.model` where few entries override: the default is what most picks send.
      // `config.model || 'text-embedding-3-small'` in a base class only its subclasses hand a model: its own default first.
      collect(node.getRight(), walk, depth + 1, mode);
      collect(node.getLeft(), walk, depth + 1, mode);
    } else {
      // `body.model ?? DEFAULT_MODEL`: the user's pick is unknown, so the default comes first.
      collect(node.getLeft(), walk, depth + 1, mode);
      collect(node.getRight(), walk, depth + 1, mode);
    }
    return;
  }
  if (Node.isConditionalExpression(node)) {
    for (const branch of likelyBranches(node, walk.modules)) collect(branch, walk, depth + 1, mode);
    return;
  }
  if (Node.isArrayLiteralExpression(node)) {
    for (const element of node.getElements()) collect(element, walk, depth + 1, 'app-list');
    return;
  }
  if (Node.isTemplateExpression(node) && node.getTemplateSpans().length === 1) {
    // `googleai/${getModel(isPro)}`: each model the one hole can hold, with the text around it.
    const [span] = node.getTemplateSpans();
    const head = node.getHead().getLiteralText();
    const tail = span.getLiteral().getLiteralText();
    const before = walk.found.length;
    collect(span.getExpression(), walk, depth + 1, mode);
    const added = walk.found.splice(before).map((candidate) => ({ ...candidate, id: head + candidate.id + tail }));
    for (const candidate of added) add(walk, candidate.id, candidate.source, candidate.where);
    return;
  }
  if (Node.isObjectLiteralExpression(node)) {
    // An offered option `{ label: 'GPT-4o', value: 'gpt-4o' }` or `{ id: 'gpt-4o', name: ... }`.
    const value = ['value', 'id', 'model', 'modelId', 'modelName', 'name'].map((key) => getObjectProperty(node, key, walk.modules)).find((found) => found !== undefined);
    if (value) collect(value, walk, depth + 1, mode);
    return;
  }

  const env = envName(node, walk.modules);
  if (env !== undefined) {
    readEnv(env, node, walk, depth);
    return;
  }
  if (isUserChoice(node)) {
    walk.userChoice ??= node.getText().slice(0, 60);
    walk.userChoiceNode ??= node;
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
    // `MODELS['fast']`, `models[DEFAULT_MODEL]` with the key a constant: that entry.
    const constantKey = argument && !Node.isStringLiteral(argument) && !Node.isNumericLiteral(argument) && Node.isObjectLiteralExpression(object) ? resolveString(argument, walk.modules).value ?? undefined : undefined;
    if (constantKey !== undefined && getObjectProperty(object, constantKey, walk.modules)) {
      collect(getObjectProperty(object, constantKey, walk.modules), walk, depth + 1, mode);
      return;
    }
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
    // `const [model, setModel] = useState('claude-3-haiku')`: the page's state, which the user changes; it starts at the value given.
    const state = stateHookInitial(declaration, variable, walk.modules);
    if (state) {
      walk.userChoice ??= `${declaration.getName()}, the page's state (${state.hook})`;
      if (state.initial) collect(state.initial, walk, depth + 1, 'default-param');
      return;
    }
    const name = declaration.getPropertyNameNode()?.getText() ?? declaration.getName();
    if (source && isUserChoiceSource(source, walk.modules)) {
      walk.userChoice ??= `${source.getText().slice(0, 40)}.${name}`;
      walk.userChoiceNode ??= source;
      collect(declaration.getInitializer(), walk, depth + 1, 'default-param');
      return;
    }
    // Only a direct destructuring (`const { model } = x`, `function f({ model })`) is read.
    const direct = declaration.getParent()?.getParent();
    if (variable && direct === variable && source) {
      // `const { model = 'x' } = config`: the object's property, then the default.
      const literal = resolveObjectLiteral(source, walk.modules);
      if (literal) collect(getObjectProperty(literal, name, walk.modules), walk, depth + 1, mode);
      else {
        // `const { modelName } = getModelConfig(config)`: the property of every object the function returns.
        const held: Array<() => void> = [];
        try {
          for (const object of objectsOf(source, walk, depth + 1, held)) collect(getObjectProperty(object, name, walk.modules), walk, depth + 1, mode);
        } finally {
          for (const release of held.reverse()) release();
        }
      }
      const owner = unwrapExpression(source);
      const parameter = Node.isIdentifier(owner) ? findDeclaration(owner, walk.modules) : undefined;
      if (parameter && Node.isParameterDeclaration(parameter)) {
        const bound = BOUND_ARGUMENTS.get(parameter);
        const passed = (bound ? [bound] : callerArguments(parameter, walk.modules)).map((argument) => argument && getObjectProperty(resolveObjectLiteral(argument, walk.modules), name, walk.modules));
        for (const entry of likelyValues(passed, declaration.getInitializer())) collect(entry.node, walk, depth + 1, entry.isDefault ? 'default-param' : mode);
        return;
      }
      collect(declaration.getInitializer(), walk, depth + 1, 'default-param');
      return;
    }
    // `function f({ model = 'gpt-4o' })`: what callers pass in `model`, and the default.
    const parameter = declaration.getFirstAncestorByKind(SyntaxKind.Parameter);
    if (parameter && !variable && direct === parameter) {
      const bound = BOUND_ARGUMENTS.get(parameter);
      const passed = (bound ? [bound] : callerArguments(parameter, walk.modules)).map((argument) => argument && getObjectProperty(resolveObjectLiteral(argument, walk.modules), name, walk.modules));
      for (const entry of likelyValues(passed, declaration.getInitializer())) collect(entry.node, walk, depth + 1, entry.isDefault ? 'default-param' : mode);
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
    for (const value of letValues(declaration, node)) collect(value, walk, depth + 1, mode);
    return;
  }
  if (Node.isFunctionDeclaration(declaration)) return;
  collect(initializerOf(declaration), walk, depth + 1, mode);
}

/** A parameter: its default value, then what callers pass in its place (same file and loaded modules). */
function collectParameter(parameter: Node, walk: Walk, depth: number, mode: ModelSource | undefined): void {
  if (!Node.isParameterDeclaration(parameter)) return;
  walk.reachedParameter = true;
  const argument = BOUND_ARGUMENTS.get(parameter);
  if (argument) {
    // Inside a call being followed: the argument of that call, not every caller's.
    BOUND_ARGUMENTS.delete(parameter);
    try {
      collect(argument, walk, depth + 1, mode);
    } finally {
      BOUND_ARGUMENTS.set(parameter, argument);
    }
    return;
  }
  for (const entry of likelyValues(callerArguments(parameter, walk.modules), parameter.getInitializer())) collect(entry.node, walk, depth + 1, entry.isDefault ? 'default-param' : mode);
}

/**
 * The arguments callers pass for a parameter: calls of the function by name and `new` of its class,
 * in the function's own file and in modules the scan has already loaded. Bounded: a few dozen calls.
 */
function callerArguments(parameter: Node, modules?: ModuleLoader): Array<Node | undefined> {
  const iterated = modules ? callbackListEntries(parameter, modules) : undefined;
  if (iterated) return iterated;
  const found = callSiteArguments(parameter);
  // A constructor's parameter is also what subclasses hand to `super(...)`.
  if (modules && found.length < 30 && Node.isConstructorDeclaration(parameter.getParent())) found.push(...superArguments(parameter, modules));
  return found;
}

/** Array methods whose callback's first parameter is each element of the array. */
const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'flatMap', 'filter', 'find', 'some', 'every']);

/**
 * The first parameter of a callback run over a list: `MODELS.map((m) => ...)` (an array method on the
 * list), or `mapLimit(CANDIDATES, 4, async (c) => ...)` (a helper given the list and the callback): the
 * list's elements, in order. Undefined when the parameter is no such callback's (then its callers decide).
 */
function callbackListEntries(parameter: Node, modules: ModuleLoader): Node[] | undefined {
  const fn = parameter.getParent();
  if (!fn || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) || fn.getParameters()[0] !== parameter) return undefined;
  const call = fn.getParent();
  if (!call || !Node.isCallExpression(call) || !call.getArguments().includes(fn)) return undefined;
  const callee = unwrapExpression(call.getExpression());
  const walk: Walk = { modules, origin: parameter, found: [], evidence: [], seen: new Set(), accept: () => true };
  const lists = Node.isPropertyAccessExpression(callee) && ELEMENT_CALLBACKS.has(callee.getName()) ? [callee.getExpression()] : call.getArguments().filter((argument) => argument !== fn);
  for (const candidate of lists) {
    const list = arrayOf(candidate, walk);
    if (list && Node.isArrayLiteralExpression(list)) return list.getElements();
  }
  return undefined;
}

/** The arguments calls of the function by name (or `new` of its class) pass for a parameter, in loaded modules. */
function callSiteArguments(parameter: Node): Array<Node | undefined> {
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
  // A caller that leaves the argument out relies on the default.
  return loadedCallsOf(fn, name, isConstructor ? fn.getParent() : undefined).map((call) => call.getArguments()[index]);
}

/** Calls of a function read in the project's loaded files, at most: as many as any one helper's callers need. */
const MAX_LOADED_CALLS = 30;

/** `name(...)` or `x.name(...)` as written, on the compiler's nodes. */
function calleeNamed(call: ts.CallExpression, name: string): boolean {
  const callee = call.expression;
  return (nodeTests.isIdentifier(callee) && callee.text === name) || (nodeTests.isPropertyAccessExpression(callee) && callee.name.text === name);
}

/**
 * The calls of a function, method or class by its name in the project's loaded files (the declaring file first, tested by
 * the name before they are walked): `name(...)`, `x.name(...)`; for a class (`madeClass`), `new Name(...)`, `new x.Name(...)`
 * and `new this(...)` in the class's own static factories (`static fromDocuments(docs, embeddings)`).
 */
export function loadedCallsOf(declared: Node, name: string, madeClass?: Node): Array<CallExpression | NewExpression> {
  const own = declared.getSourceFile();
  const files: SourceFile[] = [own, ...declared.getProject().getSourceFiles().filter((file) => file !== own)].slice(0, 200);
  const found: Array<CallExpression | NewExpression> = [];
  for (const file of files) {
    if (!file.getFullText().includes(name)) continue;
    // Calls come from the file's shared call list, tested on compiler nodes (a caller search asks this for each helper level).
    const candidates: Array<CallExpression | NewExpression> = madeClass ? file.getDescendantsOfKind(SyntaxKind.NewExpression) : callsMatching(file, (call) => calleeNamed(call, name));
    const moduleFunction = !madeClass && file !== own && isModuleLevelFunction(declared);
    for (const call of candidates) {
      const callee = call.getExpression();
      const calleeName = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
      if (calleeName !== name && !(madeClass && callee.getKind() === SyntaxKind.ThisKeyword && call.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor)) === madeClass)) continue;
      if (moduleFunction && importedFromOtherModule(callee, file, own)) continue;
      found.push(call);
      if (found.length >= MAX_LOADED_CALLS) return found;
    }
  }
  return found;
}

/** A function declared at a module's top level (`export async function queryCompletion`, `export const ask = () => ...`). */
function isModuleLevelFunction(declared: Node): boolean {
  const holder = Node.isFunctionDeclaration(declared) ? declared : declared.getParentIfKind(SyntaxKind.VariableDeclaration)?.getVariableStatement();
  return !!holder && Node.isSourceFile(holder.getParent());
}

/**
 * `google.query_completion(...)` in a file importing `* as google from './google'`, for `query_completion` declared in
 * `openai.ts`, or `query_completion(...)` in google.ts declaring its own: the name is another module's function (the same
 * name in two adapters). Told apart by the file name the import names; a callee with no import of its own is kept.
 */
function importedFromOtherModule(callee: Node, file: SourceFile, declaringFile: SourceFile): boolean {
  const local = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) && Node.isIdentifier(callee.getExpression()) ? callee.getExpression().getText() : undefined;
  if (!local) return false;
  // `query_completion(ai, modelId, prompt)` in google.ts, which declares its own `query_completion`.
  if (Node.isIdentifier(callee) && (file.getFunction(local) || file.getVariableDeclaration(local))) return true;
  for (const declaration of file.getImportDeclarations()) {
    if (!namesBoundBy(declaration).includes(local)) continue;
    const specifier = declaration.getModuleSpecifierValue();
    if (!specifier.startsWith('.')) return false;
    const imported = path.basename(specifier).replace(/\.(?:[cm]?[jt]sx?)$/, '');
    const declared = declaringFile.getBaseNameWithoutExtension();
    return imported !== declared && imported !== 'index' && declared !== 'index';
  }
  return false;
}

/**
 * Reads a property access; a model field with a name of its own (`claudeModel`, `OCO_MODEL`) that yields nothing is
 * noted, for the app's default settings to be looked up by it when the whole walk finds nothing.
 */
function collectProperty(node: Node, walk: Walk, depth: number, mode: ModelSource | undefined): void {
  const before = { found: walk.found.length, choice: walk.userChoice };
  collectPropertyValues(node, walk, depth, mode);
  if (!Node.isPropertyAccessExpression(node) || walk.found.length !== before.found || walk.userChoice !== before.choice) return;
  const name = node.getName();
  const owner = unwrapExpression(node.getExpression());
  const ownerName = Node.isPropertyAccessExpression(owner) ? owner.getName() : Node.isIdentifier(owner) ? owner.getText() : undefined;
  if (isSpecificModelField(name) || (/model/i.test(name) && ownerName !== undefined && isSettingsOwner(ownerName)) || (walk.accept === looksLikeProviderUrl && isSpecificUrlField(name))) {
    walk.unresolvedFields ??= [];
    if (!walk.unresolvedFields.some((field) => field.name === name)) walk.unresolvedFields.push({ name, at: node });
  }
}

function collectPropertyValues(node: Node, walk: Walk, depth: number, mode: ModelSource | undefined): void {
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
    for (const value of thisAssignments(classNode, name)) collect(value, walk, depth + 1, mode);
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
    // `NativeEmbedder.defaultModel` where `class NativeEmbedder { static defaultModel = 'x' }`: the static field's value.
    const staticField = declaration && staticFieldInitializer(declaration, name);
    if (staticField) {
      collect(staticField, walk, depth + 1, mode);
      return;
    }
    // `options.model` where `options` is a parameter: what callers put in its `model`, and its default
    // (inside a call being followed, the argument bound to it is read below instead).
    if (declaration && Node.isParameterDeclaration(declaration) && !BOUND_ARGUMENTS.has(declaration)) {
      // A caller's argument that is no literal (`this.config.models.secondary`, a loop variable) is read for the objects it can be.
      const held: Array<() => void> = [];
      try {
        const objects: Node[] = [];
        const passed = callerArguments(declaration, walk.modules).flatMap((argument) => {
          const literal = argument && resolveObjectLiteral(argument, walk.modules);
          if (literal) objects.push(literal);
          if (!argument || literal) return [argument && getObjectProperty(literal, name, walk.modules)];
          const passedObjects = objectsOf(argument, walk, depth + 1, held);
          objects.push(...passedObjects);
          return passedObjects.map((object) => getObjectProperty(object, name, walk.modules));
        });
        const before = { found: walk.found.length, choice: walk.userChoice };
        for (const entry of likelyValues(passed, getObjectProperty(declaration.getInitializer(), name, walk.modules))) collect(entry.node, walk, depth + 1, entry.isDefault ? 'default-param' : mode);
        // A passed object layering an untraced value over the app's defaults: the defaults, as read directly (see collectProperty).
        if (walk.found.length === before.found && walk.userChoice === before.choice) for (const object of objects) collectSpreadProperty(object, name, walk, depth + 1, held, mode);
      } finally {
        for (const release of held.reverse()) release();
      }
      return;
    }
    // `chatSettings.model` where `const { chatSettings } = await req.json()` (or a constant holding the body): the request decides.
    const holder = declaration && Node.isBindingElement(declaration) ? declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclaration)?.getInitializer() : declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
    if (holder && isUserChoiceSource(holder, walk.modules)) {
      walk.userChoice ??= node.getText().slice(0, 60);
      walk.userChoiceNode ??= holder;
      return;
    }
  }
  // `config.model`, `getToolConfig(tool).model`, `MODELS[provider].default.model`: the property of every object it can be.
  // `config.llm.model` where `config = JSON.parse(readFileSync('config.json'))` (or a YAML/TOML parse): the file's key.
  const fromFile = configFileValue(node, walk);
  if (fromFile) add(walk, fromFile.value, 'config', `${fromFile.file}:${fromFile.line}`);
  // The arguments of calls entered to find the objects stay bound while their properties are read.
  const held: Array<() => void> = [];
  try {
    const storeReads = walk.storeReads ?? 0;
    const objects = objectsOf(owner, walk, depth + 1, held);
    // Read from an app settings store's initial state: the app's configured default.
    if ((walk.storeReads ?? 0) > storeReads) mode ??= 'config';
    for (const object of objects) {
      const property = getObjectProperty(object, name, walk.modules);
      if (!property) {
        collectParsedKey(object, name, walk, depth + 1);
        collectSpreadProperty(object, name, walk, depth + 1, held, mode);
        continue;
      }
      const fromConfig = property.getSourceFile().getFilePath().endsWith('.settings.ts');
      const before = { found: walk.found.length, choice: walk.userChoice };
      collect(property, walk, depth + 1, mode ?? (fromConfig ? 'config' : undefined));
      // `{ ...appConfig.modelConfig, ...session.modelConfig, model: options.model }` whose own value the scan cannot trace:
      // the objects it is laid over hold what it starts as (the app's defaults), read as the value's likely pick.
      if (walk.found.length === before.found && walk.userChoice === before.choice) collectSpreadProperty(object, name, walk, depth + 1, held, mode);
    }
  } finally {
    for (const release of held.reverse()) release();
  }
}

/**
 * `overrides.model` (before `??` / `||`) where `overrides` is the entry of a map picked by a key known only at
 * run time (`const overrides = config.tools[toolName]`) and fewer than half of the map's entries set `model`:
 * an override a few entries make. The fallback after `??` is then what most picks send, so it is the likely
 * value. Counted over the whole map, since the callers the scan sees name only some of the keys.
 */
/**
 * `config.model || 'text-embedding-3-small'` in a constructor whose class is made directly with a config that names no
 * model (the callers found pass none, or pass what the scan cannot read), while subclasses hand theirs to `super({ model })`:
 * those are the subclasses' own values, and an instance of this class sends the class's own fallback (or, for a base
 * URL, the SDK's own host).
 */
export function statedOnlyBySubclasses(left: Node, modules: ModuleLoader): boolean {
  const access = unwrapExpression(left);
  if (!Node.isPropertyAccessExpression(access)) return false;
  const root = unwrapExpression(access.getExpression());
  const declaration = Node.isIdentifier(root) ? findDeclaration(root, modules) : undefined;
  if (!declaration || !Node.isParameterDeclaration(declaration) || !Node.isConstructorDeclaration(declaration.getParent()) || BOUND_ARGUMENTS.has(declaration)) return false;
  const statedByCaller = callSiteArguments(declaration).some((argument) => {
    const value = getObjectProperty(resolveObjectLiteral(argument, modules), access.getName(), modules);
    return value !== undefined && resolveString(value, modules).value !== null;
  });
  return !statedByCaller && superArguments(declaration, modules).length > 0;
}

function overrideIsRare(left: Node, walk: Walk, depth: number): boolean {
  const access = unwrapExpression(left);
  if (!Node.isPropertyAccessExpression(access)) return false;
  let entry: Node = unwrapExpression(access.getExpression());
  for (let hops = 0; Node.isIdentifier(entry) && hops < 4; hops++) {
    const declaration = findDeclaration(entry, walk.modules);
    const initializer = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
    if (!initializer) return false;
    entry = unwrapExpression(initializer);
  }
  if (!Node.isElementAccessExpression(entry)) return false;
  const key = entry.getArgumentExpression() && unwrapExpression(entry.getArgumentExpression()!);
  // A key known here (a literal, or the argument of the call being followed) picks one entry: its own value decides.
  if (!key || keysOf(key, walk).length === 1) return false;
  const held: Array<() => void> = [];
  try {
    const entries = objectsOf(entry.getExpression(), walk, depth + 1, held)
      .flatMap((map) => map.asKindOrThrow(SyntaxKind.ObjectLiteralExpression).getProperties())
      .map((property) => (Node.isPropertyAssignment(property) ? resolveObjectLiteral(property.getInitializer(), walk.modules) : undefined));
    if (entries.length < 2) return false;
    const overriding = entries.filter((object) => getObjectProperty(object, access.getName(), walk.modules) !== undefined).length;
    return overriding > 0 && overriding * 2 < entries.length;
  } finally {
    for (const release of held.reverse()) release();
  }
}

/**
 * `{ ...this.defaultProvider, ...overrides }` without its own `name`: the property of the objects the spreads
 * can be (a class field, a function's return), the last spread first as at run time. Spreads of literals
 * and constants are already read by `getObjectProperty`.
 */
function collectSpreadProperty(object: Node, name: string, walk: Walk, depth: number, held: Array<() => void>, mode: ModelSource | undefined): void {
  if (!Node.isObjectLiteralExpression(object)) return;
  for (const spread of object.getProperties().filter(Node.isSpreadAssignment).reverse()) {
    const storeReads = walk.storeReads ?? 0;
    const objects = objectsOf(spread.getExpression(), walk, depth + 1, held);
    const spreadMode = mode ?? ((walk.storeReads ?? 0) > storeReads ? 'config' : undefined);
    for (const inner of objects) {
      const property = getObjectProperty(inner, name, walk.modules);
      if (property) collect(property, walk, depth + 1, spreadMode);
      else collectSpreadProperty(inner, name, walk, depth + 1, held, spreadMode);
    }
  }
}

/**
 * A config loader that fills an object key by key from a map of parsers, `parsed[key] = parsers[key](raw)`
 * (directly or through `const parser = parsers[key]`): the property `name` of that object is what
 * `parsers[name]` returns, its argument (the raw setting, unknown here) bound. The parser's fallback
 * (`if (!model) return 'gpt-4o-mini'`) is the default the app runs with.
 */
function collectParsedKey(object: Node, name: string, walk: Walk, depth: number): void {
  const variable = object.getParent();
  if (!Node.isObjectLiteralExpression(object) || !variable || !Node.isVariableDeclaration(variable)) return;
  const scope = variable.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor));
  for (const assignment of scope?.getDescendantsOfKind(SyntaxKind.BinaryExpression) ?? []) {
    const left = assignment.getLeft();
    if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken || !Node.isElementAccessExpression(left) || left.getExpression().getText() !== variable.getName()) continue;
    const call = unwrapExpression(assignment.getRight());
    if (!Node.isCallExpression(call)) continue;
    const parsers = parserMapOf(unwrapExpression(call.getExpression()), walk.modules);
    const parser = parsers && parserFunction(parsers, name);
    if (!parser) continue;
    const release = bindArguments(parser.getParameters(), call.getArguments());
    try {
      const body = parser.getBody();
      const returns = body && !Node.isBlock(body) ? [body] : parser.getDescendantsOfKind(SyntaxKind.ReturnStatement).filter((statement) => enclosingFunction(statement) === parser).map((statement) => statement.getExpression());
      walk.evidence.push(`the \`${name}\` setting is parsed at ${whereOf(parser, walk)}: its fallback is the default when the user sets none`);
      for (const returned of returns) collect(returned, walk, depth + 1, 'config');
    } finally {
      release();
    }
    return;
  }
}

/** The object literal of parsers a callee picks from by key: `parsers[key]`, or a `const parser = parsers[key]`. */
function parserMapOf(callee: Node, modules: ModuleLoader): Node | undefined {
  let picked: Node | undefined = callee;
  if (Node.isIdentifier(callee)) {
    const declaration = findDeclaration(callee, modules);
    picked = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  }
  const access = picked && unwrapExpression(picked);
  if (!access || !Node.isElementAccessExpression(access)) return undefined;
  const argument = access.getArgumentExpression();
  if (!argument || Node.isStringLiteral(argument) || Node.isNumericLiteral(argument)) return undefined;
  return resolveObjectLiteral(access.getExpression(), modules);
}

/** The function a parser map holds under `name`: a method, or a property whose value is a function. */
function parserFunction(parsers: Node, name: string): (Node & { getParameters(): ParameterDeclaration[]; getBody(): Node | undefined }) | undefined {
  if (!Node.isObjectLiteralExpression(parsers)) return undefined;
  const property = parsers.getProperties().find((candidate) => (Node.isMethodDeclaration(candidate) || Node.isPropertyAssignment(candidate)) && candidate.getName().replace(/^['"]|['"]$/g, '') === name);
  if (property && Node.isMethodDeclaration(property)) return property;
  const value = property && Node.isPropertyAssignment(property) ? unwrapExpression(property.getInitializerOrThrow()) : undefined;
  return value && (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) ? value : undefined;
}

/** The initializer of a class's static field (`static defaultModel = 'x'`), for a class declaration; undefined otherwise. */
function staticFieldInitializer(declaration: Node, name: string): Node | undefined {
  if (!Node.isClassDeclaration(declaration)) return undefined;
  const field = declaration.getStaticProperty(name);
  return field && Node.isPropertyDeclaration(field) ? field.getInitializer() : undefined;
}

/** A config file named in a read-and-parse expression: `JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json')))`, `yaml.load(...)`, `toml.parse(...)`. */
const CONFIG_READ = /\b(?:readFileSync|readFile|parse|load|safeLoad|loadConfig|readJson|readJSON|readYaml|importJson)\b/;
const CONFIG_FILE_NAME = /['"`]([\w./@-]*\.(?:json|ya?ml|toml))['"`]/;

/** The value of `root.a.b` when `root` holds a config file the app reads at run time, from the workspace settings. */
function configFileValue(access: Node, walk: Walk): { value: string; file: string; line: number } | undefined {
  const names: string[] = [];
  let current: Node = access;
  while (Node.isPropertyAccessExpression(current) || Node.isElementAccessExpression(current)) {
    if (Node.isPropertyAccessExpression(current)) names.unshift(current.getName());
    else {
      const argument = current.getArgumentExpression();
      if (!argument || !(Node.isStringLiteral(argument) || Node.isNumericLiteral(argument))) return undefined;
      names.unshift(argument.getLiteralText());
    }
    current = unwrapExpression(current.getExpression());
  }
  if (!Node.isIdentifier(current) || names.length === 0) return undefined;
  const declaration = findDeclaration(current, walk.modules);
  const initializer = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
  const text = initializer?.getText() ?? '';
  const fileName = CONFIG_READ.test(text) ? CONFIG_FILE_NAME.exec(text)?.[1] : undefined;
  return fileName ? walk.modules.configSetting(fileName, names.join('.')) : undefined;
}

/** The string values a key expression can take (a literal, a bound argument, a constant); empty when unknown. */
function keysOf(argument: Node, walk: Walk): string[] {
  const node = unwrapExpression(argument);
  if (Node.isStringLiteral(node) || Node.isNumericLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return [node.getLiteralText()];
  const keys: Walk = { modules: walk.modules, origin: node, found: [], evidence: [], seen: new Set(), accept: () => true };
  collect(node, keys, 0, undefined);
  return keys.found.map((candidate) => candidate.id);
}

/** More objects than this is data, not configuration. */
const MAX_OBJECTS = 30;

/**
 * The object literals an expression can be: constants and imports, properties and entries of them (an
 * entry picked at run time is any of them), what a workspace function returns, both sides of `??`,
 * `||` and a ternary. Bounded in depth and count.
 */
function objectsOf(expression: Node | undefined, walk: Walk, depth: number, held: Array<() => void>): Node[] {
  if (!expression || depth > MAX_DEPTH) return [];
  const node = unwrapExpression(expression);
  if (Node.isObjectLiteralExpression(node)) return [node];
  if (Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, walk.modules);
    if (!declaration) return [];
    if (Node.isParameterDeclaration(declaration)) {
      const bound = BOUND_ARGUMENTS.get(declaration);
      if (bound) return objectsOf(bound, walk, depth + 1, held);
      // A constructor's config parameter: the default, then what subclasses hand to `super(...)`.
      const passed = Node.isConstructorDeclaration(declaration.getParent()) ? superArguments(declaration, walk.modules) : [];
      return [declaration.getInitializer(), ...passed].flatMap((value) => objectsOf(value, walk, depth + 1, held)).slice(0, MAX_OBJECTS);
    }
    // `for (const { config } of models)`: the entries of the list iterated, or their property.
    const iterated = forOfEntries(node, declaration, walk, depth, held);
    if (iterated) return iterated;
    const initializer = initializerOf(declaration);
    return initializer && initializer !== node ? objectsOf(initializer, walk, depth + 1, held) : [];
  }
  if (Node.isPropertyAccessExpression(node) && unwrapExpression(node.getExpression()).getKind() === SyntaxKind.ThisKeyword) return classFieldObjects(node, walk, depth, held);
  if (Node.isPropertyAccessExpression(node)) {
    const exported = namespaceMember(node, walk.modules);
    const exportedValue = exported && initializerOf(exported);
    if (exportedValue) return objectsOf(exportedValue, walk, depth + 1, held);
    return objectsOf(node.getExpression(), walk, depth + 1, held).flatMap((object) => objectsOf(getObjectProperty(object, node.getName(), walk.modules), walk, depth + 1, held)).slice(0, MAX_OBJECTS);
  }
  if (Node.isElementAccessExpression(node)) {
    const argument = node.getArgumentExpression();
    const keys = argument ? keysOf(argument, walk) : [];
    // `OPENAI_MODELS[1]`: that element of a constant array.
    const array = arrayOf(node.getExpression(), walk);
    if (array && Node.isArrayLiteralExpression(array) && keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) return keys.flatMap((key) => objectsOf(array.getElements()[Number(key)], walk, depth + 1, held)).slice(0, MAX_OBJECTS);
    return objectsOf(node.getExpression(), walk, depth + 1, held)
      .flatMap((object) => (keys.length > 0 ? keys.map((key) => getObjectProperty(object, key, walk.modules)) : object.asKindOrThrow(SyntaxKind.ObjectLiteralExpression).getProperties().map((property) => (Node.isPropertyAssignment(property) ? property.getInitializer() : undefined))))
      .flatMap((value) => objectsOf(value, walk, depth + 1, held))
      .slice(0, MAX_OBJECTS);
  }
  if (Node.isConditionalExpression(node)) return likelyBranches(node, walk.modules).flatMap((branch) => objectsOf(branch, walk, depth + 1, held)).slice(0, MAX_OBJECTS);
  if (Node.isBinaryExpression(node) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(node.getOperatorToken().getKind())) return [...objectsOf(node.getLeft(), walk, depth + 1, held), ...objectsOf(node.getRight(), walk, depth + 1, held)].slice(0, MAX_OBJECTS);
  if (Node.isCallExpression(node)) {
    const state = storeInitialState(node, walk.modules);
    if (state) {
      // The app's settings store: what the user sets on its settings screen, starting from the state it is created with.
      walk.userChoice ??= `${node.getText().slice(0, 40)}, the app's settings store (the user's choice, its initial state the default)`;
      walk.storeReads = (walk.storeReads ?? 0) + 1;
      walk.evidence.push(`\`${node.getText().slice(0, 40)}\` reads the app's settings store: its initial state (${walk.modules.where(state.getSourceFile(), state.getStartLineNumber())}) is the default, the user's settings change it`);
      return objectsOf(state, walk, depth + 1, held);
    }
    const entered = enterCall(node, walk.modules);
    if (!entered) return [];
    held.push(entered.release);
    return entered.returns.flatMap((returned) => objectsOf(returned, walk, depth + 1, held)).slice(0, MAX_OBJECTS);
  }
  return [];
}

/** Store factories whose first argument is the store's initial state (zustand's `create`, `createStore`, an app's `createPersistStore`). */
const STORE_FACTORY = /^create(?:[A-Z]\w*)?Store$|^create$|^createWithEqualityFn$/;
/** Middlewares wrapping a store's state creator (`persist(creator, options)`): the creator is their first argument. */
const STORE_MIDDLEWARES = new Set(['persist', 'devtools', 'immer', 'subscribeWithSelector', 'combine']);

/**
 * `useSettings.getState()` or the hook call `useSettings()` where `const useSettings = createStore({ ...DEFAULT_CONFIG }, ...)`
 * (or `create<State>()(persist((set) => ({ ... }), options))`): the state object the store starts with. Undefined
 * for any other call.
 */
function storeInitialState(call: Node, modules: ModuleLoader): Node | undefined {
  if (!Node.isCallExpression(call) || call.getArguments().length > 0) return undefined;
  const callee = unwrapExpression(call.getExpression());
  const store = Node.isPropertyAccessExpression(callee) && callee.getName() === 'getState' ? unwrapExpression(callee.getExpression()) : Node.isIdentifier(callee) && /^use[A-Z]/.test(callee.getText()) ? callee : undefined;
  if (!store || !Node.isIdentifier(store)) return undefined;
  const declaration = findDeclaration(store, modules);
  if (!declaration || !Node.isVariableDeclaration(declaration)) return undefined;
  const factory = declaration.getInitializer() && unwrapExpression(declaration.getInitializer()!);
  if (!factory || !Node.isCallExpression(factory)) return undefined;
  // `create<State>()(creator)`: the curried form.
  const inner = unwrapExpression(factory.getExpression());
  const factoryName = Node.isCallExpression(inner) ? inner.getExpression().getText() : inner.getText();
  if (!STORE_FACTORY.test(factoryName.split('.').pop() ?? '')) return undefined;
  let state: Node | undefined = factory.getArguments()[0];
  for (let hops = 0; state && hops < 4; hops++) {
    state = unwrapExpression(state);
    if (Node.isCallExpression(state) && STORE_MIDDLEWARES.has(state.getExpression().getText())) {
      state = state.getArguments()[0];
      continue;
    }
    if (Node.isArrowFunction(state) || Node.isFunctionExpression(state)) {
      const body = state.getBody();
      const returned: Node | undefined = Node.isBlock(body) ? body.getDescendantsOfKind(SyntaxKind.ReturnStatement)[0]?.getExpression() : body;
      state = returned;
      continue;
    }
    break;
  }
  return state && (Node.isObjectLiteralExpression(state) || Node.isIdentifier(state)) ? state : undefined;
}

/**
 * The objects a `for...of` loop variable can be: each element of the iterated list (an array literal,
 * through constants), in order, or for a destructured name (`for (const { config: modelConfig } of models)`)
 * each element's property. Undefined when the identifier is not a loop variable.
 */
function forOfEntries(identifier: Node, declaration: Node, walk: Walk, depth: number, held: Array<() => void>): Node[] | undefined {
  const loop = declaration.getParent();
  if (!Node.isVariableDeclarationList(declaration) || !loop || !Node.isForOfStatement(loop)) return undefined;
  const variable = declaration.getDeclarations()[0];
  if (!variable) return [];
  const pattern = variable.getNameNode();
  let key: string | undefined;
  if (Node.isObjectBindingPattern(pattern)) {
    const element = pattern.getElements().find((candidate) => candidate.getName() === identifier.getText());
    if (!element) return [];
    key = element.getPropertyNameNode()?.getText() ?? element.getName();
  } else if (!Node.isIdentifier(pattern) || pattern.getText() !== identifier.getText()) {
    return [];
  }
  const list = arrayOf(loop.getExpression(), walk);
  if (!list || !Node.isArrayLiteralExpression(list)) return [];
  return list
    .getElements()
    .flatMap((element) => (key === undefined ? objectsOf(element, walk, depth + 1, held) : objectsOf(element, walk, depth + 1, held).flatMap((entry) => objectsOf(getObjectProperty(entry, key, walk.modules), walk, depth + 1, held))))
    .slice(0, MAX_OBJECTS);
}

/** Folders below a class's own searched for its subclasses; files read at most. */
const SUBCLASS_SEARCH_DEPTH = 2;
const MAX_SUBCLASS_FILES = 60;

/** Files that may hold subclasses, by base file and class name, found once per scan. */
const SUBCLASS_FILES = new WeakMap<ModuleLoader, Map<string, string[]>>();

/** Files in the base class's folder and the folders below whose text `extends` the class (absolute paths, sorted). */
function subclassFiles(homePath: string, name: string, modules: ModuleLoader): string[] {
  const cache = SUBCLASS_FILES.get(modules) ?? new Map<string, string[]>();
  SUBCLASS_FILES.set(modules, cache);
  const key = `${homePath}\0${name}`;
  const known = cache.get(key);
  if (known) return known;
  const extendsName = new RegExp(`\\bextends\\s+${name}\\b`);
  const found = nearbySourceFiles(path.dirname(homePath), {
    maxDepth: SUBCLASS_SEARCH_DEPTH,
    maxFiles: MAX_SUBCLASS_FILES,
    skipFolder: /^(node_modules|dist|build|\.)/,
    skipFile: (fileName, full) => /\.(?:test|spec)\./.test(fileName) || full === homePath,
    matches: (text) => extendsName.test(text),
  });
  cache.set(key, found);
  return found;
}

/**
 * The arguments subclasses pass to `super(...)` for a constructor parameter: classes that `extends` the
 * constructor's class, in its file and in the files of its folder and the folders below (where apps keep
 * one subclass per document type or provider), read from disk and parsed through the module loader.
 */
function superArguments(parameter: Node, modules: ModuleLoader): Node[] {
  const constructor = parameter.getParent();
  const owner = constructor?.getParent();
  if (!constructor || !Node.isConstructorDeclaration(constructor) || !owner || !Node.isClassDeclaration(owner) || !owner.getName() || !Node.isParameterDeclaration(parameter)) return [];
  const name = owner.getName()!;
  const index = constructor.getParameters().indexOf(parameter);
  const home = owner.getSourceFile();
  const files: SourceFile[] = [home];
  for (const full of subclassFiles(home.getFilePath(), name, modules)) {
    const loaded = modules.resolvePath(home, full);
    if (loaded && !files.includes(loaded)) files.push(loaded);
  }
  return superCallsOf(name, files, modules).flatMap((call) => {
    const argument = call.getArguments()[index];
    return argument ? [argument] : [];
  });
}

/** Per scan: the `super(...)` calls of a class's subclasses, by its file and name, with the files they were found in. */
const SUPER_CALLS = new WeakMap<ModuleLoader, Map<string, { files: SourceFile[]; calls: CallExpression[] }>>();

/**
 * The `super(...)` calls in the classes of `files` (the base class's file first) that extend `name`, in file order.
 * Walked once per class while the same trees are loaded (every constructor parameter of the class asks again);
 * the files are still resolved by the caller each time, which records them as the asking file's dependencies.
 */
function superCallsOf(name: string, files: readonly SourceFile[], modules: ModuleLoader): CallExpression[] {
  const cache = SUPER_CALLS.get(modules) ?? new Map<string, { files: SourceFile[]; calls: CallExpression[] }>();
  SUPER_CALLS.set(modules, cache);
  const key = `${files[0].getFilePath()}\0${name}`;
  const known = cache.get(key);
  if (known && known.files.length === files.length && known.files.every((file, at) => file === files[at] && !file.wasForgotten()) && !known.calls.some((call) => call.wasForgotten())) return known.calls;
  const calls: CallExpression[] = [];
  for (const file of files) {
    for (const subclass of file.getClasses()) {
      if (subclass.getExtends()?.getExpression().getText() !== name) continue;
      for (const call of subclass.getDescendantsOfKind(SyntaxKind.CallExpression)) {
        if (call.getExpression().getKind() === SyntaxKind.SuperKeyword) calls.push(call);
      }
    }
  }
  cache.set(key, { files: [...files], calls });
  return calls;
}

/**
 * The objects `this.config` can be: the field's initializer, what the class assigns to it, and for a
 * constructor parameter property (`constructor(protected config: Config)`) what `new` callers pass.
 */
function classFieldObjects(access: Node, walk: Walk, depth: number, held: Array<() => void>): Node[] {
  if (!Node.isPropertyAccessExpression(access)) return [];
  const classNode = access.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
  if (!classNode || !(Node.isClassDeclaration(classNode) || Node.isClassExpression(classNode))) return [];
  const name = access.getName();
  const values: Node[] = [];
  const initializer = classNode.getProperty(name)?.getInitializer();
  if (initializer) values.push(initializer);
  values.push(...thisAssignments(classNode, name));
  const parameter = classNode.getConstructors()[0]?.getParameter(name);
  if (parameter && parameter.isParameterProperty()) {
    walk.reachedParameter = true;
    const bound = BOUND_ARGUMENTS.get(parameter);
    values.push(...(bound ? [bound] : callerArguments(parameter, walk.modules)).filter((value): value is Node => value !== undefined));
  }
  return values.flatMap((value) => objectsOf(value, walk, depth + 1, held)).slice(0, MAX_OBJECTS);
}

// ---------------------------------------------------------------------------------------------------------
// The app's offered list

/** Words in a list's name that say it is not what users pick from: a capability or exclusion list. */
const NOT_OFFERED_WORDS = new Set(['exclude', 'excluded', 'excludes', 'non', 'no', 'not', 'unsupported', 'deprecated', 'legacy', 'reasoning', 'thinking', 'vision', 'image', 'images', 'audio', 'tool', 'tools', 'streaming', 'temperature', 'only', 'blocked', 'disabled', 'hidden', 'internal', 'test', 'without']);
/** Keys of an offered option object that hold its model id. */
const OPTION_ID_KEYS = ['key', 'value', 'id', 'model', 'modelId', 'modelName', 'name'];
/** Files looked at for a list: the call's folder and the modules imported; more is a codebase, not a folder. */
const MAX_LIST_FILES = 30;

interface OfferedList {
  name: string;
  where: string;
  models: ModelCandidate[];
  /** The app's default among them: a `DEFAULT_MODEL`-named constant of the list's module. */
  defaultId?: string;
  /** The provider tag the entries were picked by, when the list tags each entry with its provider. */
  provider?: string;
}

function nameWords(name: string): string[] {
  return name.split(/[_\W]+|(?<=[a-z0-9])(?=[A-Z])/).map((word) => word.toLowerCase()).filter(Boolean);
}

/**
 * The app's own list of models a run-time choice is made from: a module-level array of model ids, or of
 * option objects (`{ name: 'GPT-4o', key: 'gpt-4o' }`), in the call's folder (one folder per provider
 * adapter) or in a module the call's file, or the file the choice is read in, imports. Lists named for a
 * capability or an exclusion (`REASONING_MODELS`, `noTemperatureModels`) are not offered lists; embedding
 * lists serve embedding calls only, and the other way round. Syntactic: nothing is run.
 */
function offeredModelList(origin: Node, choiceNode: Node | undefined, modules: ModuleLoader, sentFrom: readonly Node[] = []): OfferedList | undefined {
  const call = origin.getFirstAncestorByKind(SyntaxKind.CallExpression);
  const embedding = /embed/i.test(call?.getExpression().getText() ?? '') || /embed/i.test(origin.getSourceFile().getBaseName());
  // A speech request (`fetch(speechPath, speechPayload)`, `llm.speech({...})`) picks from a TTS list; any other request not.
  const speech = /speech|tts/i.test(call?.getText().slice(0, 200) ?? '');
  const files: SourceFile[] = [];
  const addFile = (file: SourceFile | undefined): void => {
    if (file && !files.includes(file) && files.length < MAX_LIST_FILES && !file.getFilePath().endsWith('.settings.ts')) files.push(file);
  };
  const home = origin.getSourceFile();
  addFile(home);
  for (const name of sourceFilesIn(path.dirname(home.getFilePath()), modules).slice(0, MAX_LIST_FILES)) addFile(modules.resolve(home, `./${name}`));
  // The page that posts the model to the route (`fetch('/api/chat', { body: JSON.stringify({ model }) })`): the list it
  // picks from may be its own module's or one declared in the component that holds the pick.
  const pages = sentFrom.map((node) => node.getSourceFile());
  for (const page of pages) addFile(page);
  for (const file of [home, choiceNode?.getSourceFile(), ...pages]) {
    for (const declaration of file?.getImportDeclarations() ?? []) {
      const specifier = declaration.getModuleSpecifierValue();
      addFile(modules.resolve(file!, specifier) ?? (specifier.startsWith('.') ? undefined : modules.resolveWorkspacePackage(specifier)));
    }
  }
  const localStatements = (file: SourceFile): Node[] =>
    sentFrom.filter((node) => node.getSourceFile() === file).flatMap((node) => node.getAncestors().filter((ancestor) => Node.isBlock(ancestor) && Node.isFunctionLikeDeclaration(ancestor.getParent() ?? ancestor)).flatMap((block) => (block as import('ts-morph').Block).getVariableStatements()));
  const tagged = providerTaggedList(files, home, modules);
  if (tagged) return tagged;
  for (const file of files) {
    const lists: OfferedList[] = [];
    for (const statement of [...file.getVariableStatements(), ...localStatements(file)] as import('ts-morph').VariableStatement[]) {
      for (const declaration of statement.getDeclarations()) {
        const name = declaration.getName();
        const words = nameWords(name);
        if (!words.some((word) => word === 'models' || word === 'model' || word === 'options' || word === 'choices') || words.some((word) => NOT_OFFERED_WORDS.has(word))) continue;
        if (words.some((word) => word.startsWith('embed')) !== embedding) continue;
        if (words.some((word) => SPEECH_LIST_WORDS.has(word)) !== speech) continue;
        const value = declaration.getInitializer() && unwrapExpression(declaration.getInitializer()!);
        if (!value || !Node.isArrayLiteralExpression(value)) continue;
        const models = listModels(value, modules);
        if (models.length >= 2 && models.length * 2 >= value.getElements().length) lists.push({ name, where: modules.where(file, declaration.getStartLineNumber()), models });
      }
    }
    // A list named for defaults or all models is the one offered; otherwise the first in the file.
    const chosen = lists.find((list) => nameWords(list.name).some((word) => word === 'default' || word === 'all')) ?? lists[0];
    if (chosen) return { ...chosen, defaultId: defaultModelOf(file, chosen, modules) };
  }
  return providerRouteList(home, modules);
}

/** Words naming a list of speech models (`DEFAULT_TTS_MODELS`, `voiceModels`): offered to speech requests only. */
const SPEECH_LIST_WORDS = new Set(['tts', 'speech', 'voice', 'voices', 'stt', 'transcription', 'whisper']);
/** Keys of a provider tag object (`provider: { id: 'anthropic', providerName: 'Anthropic' }`). */
const PROVIDER_TAG_KEYS = ['id', 'providerName', 'providerType', 'name'];

/**
 * One adapter file per provider (`platforms/anthropic.ts`, `providers/glm.ts`) sending the model the user picked from
 * the app's one list whose entries name their provider: `[...anthropicModels.map((name) => ({ name, provider: { id:
 * 'anthropic' } })), ...]` or `[{ id: 'claude-3-5-haiku', provider: 'anthropic' }, ...]`, in the files searched for
 * lists. The adapter sends its provider's entries: those whose tag is, or contains, the file's name (`glm` in
 * `chatglm`). Undefined when no list tags a provider the file is named for.
 */
function providerTaggedList(files: readonly SourceFile[], home: SourceFile, modules: ModuleLoader): OfferedList | undefined {
  const base = home.getBaseNameWithoutExtension().toLowerCase();
  if (base.length < 3) return undefined;
  const matches = (tag: string): boolean => tag === base || (tag.length >= 3 && (tag.includes(base) || base.includes(tag)));
  for (const file of files) {
    for (const statement of file.getVariableStatements()) {
      for (const declaration of statement.getDeclarations()) {
        const value = declaration.getInitializer() && unwrapExpression(declaration.getInitializer()!);
        if (!value || !Node.isArrayLiteralExpression(value)) continue;
        const models: ModelCandidate[] = [];
        let tag: string | undefined;
        for (const element of value.getElements()) {
          const entry = taggedEntries(unwrapExpression(element), modules);
          if (!entry || !entry.tags.some(matches)) continue;
          tag ??= entry.tags.find(matches);
          for (const model of entry.models) if (!models.some((known) => known.id === model.id)) models.push(model);
        }
        if (models.length > 0) return { name: declaration.getName(), where: modules.where(file, declaration.getStartLineNumber()), models, provider: tag };
      }
    }
  }
  return undefined;
}

/** The models of one element of a provider-tagged list and its provider tags (lowercase): a spread of a list mapped to tagged options, or one tagged option. */
function taggedEntries(element: Node, modules: ModuleLoader): { models: ModelCandidate[]; tags: string[] } | undefined {
  let option: Node | undefined = element;
  let models: ModelCandidate[] | undefined;
  if (Node.isSpreadElement(element)) {
    // `...anthropicModels.map((name) => ({ name, provider: {...} }))`
    const mapped = unwrapExpression(element.getExpression());
    if (!Node.isCallExpression(mapped)) return undefined;
    const callee = mapped.getExpression();
    const callback = mapped.getArguments()[0];
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'map' || !callback || !Node.isArrowFunction(callback)) return undefined;
    const listed = unwrapExpression(callee.getExpression());
    const declaration = Node.isIdentifier(listed) ? findDeclaration(listed, modules) : undefined;
    const list = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
    // Each string becomes a tagged model option: a model id whatever it looks like (`Doubao-lite-4k`, `generalv3`).
    models = list ? listModels(unwrapExpression(list), modules, 0, true) : [];
    const body = callback.getBody();
    option = Node.isBlock(body) ? body.getDescendantsOfKind(SyntaxKind.ReturnStatement)[0]?.getExpression() : body;
  }
  const object = option && resolveObjectLiteral(option, modules);
  if (!object) return undefined;
  const provider = ['provider', 'providerId'].map((key) => getObjectProperty(object, key, modules)).find((found) => found !== undefined);
  if (!provider) return undefined;
  const tagObject = resolveObjectLiteral(provider, modules);
  const tagNodes = tagObject ? PROVIDER_TAG_KEYS.map((key) => getObjectProperty(tagObject, key, modules)) : [provider];
  const tags = tagNodes.flatMap((node) => {
    const literal = node && unwrapExpression(node);
    return literal && (Node.isStringLiteral(literal) || Node.isNoSubstitutionTemplateLiteral(literal)) ? [literal.getLiteralValue().toLowerCase()] : [];
  });
  if (tags.length === 0) return undefined;
  if (!models) {
    const id = optionIdOf(object, modules);
    models = [];
    if (id) addListed(models, id, modules);
  }
  return { models, tags };
}

/** Files read when looking for an app's per-provider model lists; more is a monorepo. */
const MAX_PROVIDER_LIST_FILES = 600;
/** Names a model option's provider is kept under. */
const OPTION_PROVIDER_KEYS = ['provider', 'providerId'];

/**
 * One route per provider (`app/api/chat/openai/route.ts`, `.../anthropic/route.ts`) running the model the page
 * sends: the models the app offers for that provider, from its lists of option objects tagged with their provider
 * (`{ modelId: 'gpt-4o', provider: 'openai', ... }`, also held in constants and listed by name), wherever in the
 * app they are. Only a route's folder names the provider here; undefined for anything else.
 */
function providerRouteList(home: SourceFile, modules: ModuleLoader): OfferedList | undefined {
  const served = routeOfFile(home.getFilePath());
  if (!served) return undefined;
  const folders = new Set(served.route.toLowerCase().split('/').filter(Boolean));
  if (folders.size === 0) return undefined;
  for (const full of providerListFiles(served.appRoot, folders, home.getFilePath(), modules)) {
    const file = modules.resolvePath(home, full);
    if (!file) continue;
    for (const statement of file.getVariableStatements()) {
      for (const declaration of statement.getDeclarations()) {
        const value = declaration.getInitializer() && unwrapExpression(declaration.getInitializer()!);
        if (!value || !Node.isArrayLiteralExpression(value)) continue;
        const models: ModelCandidate[] = [];
        for (const element of value.getElements()) {
          const option = resolveObjectLiteral(element, modules);
          const provider = option && OPTION_PROVIDER_KEYS.map((key) => getObjectProperty(option, key, modules)).find((found) => found !== undefined);
          const providerName = provider && (Node.isStringLiteral(provider) || Node.isNoSubstitutionTemplateLiteral(provider)) ? provider.getLiteralValue().toLowerCase() : undefined;
          if (!option || !providerName || !folders.has(providerName)) continue;
          const id = optionIdOf(option, modules);
          if (id) addListed(models, id, modules);
        }
        if (models.length > 0) return { name: declaration.getName(), where: modules.where(file, declaration.getStartLineNumber()), models };
      }
    }
  }
  return undefined;
}

/** A module-level `DEFAULT_MODEL` / `DEFAULT_MODEL_NAME` / `defaultChatModel` constant of the file whose value is in the list. */
function defaultModelOf(file: SourceFile, list: OfferedList, modules: ModuleLoader): string | undefined {
  for (const statement of file.getVariableStatements()) {
    for (const declaration of statement.getDeclarations()) {
      const words = nameWords(declaration.getName());
      if (!words.includes('default') || !words.some((word) => word === 'model' || word === 'name') || words.some((word) => NOT_OFFERED_WORDS.has(word))) continue;
      const initializer = declaration.getInitializer();
      const id = initializer && modelCandidatesOf(initializer, modules)[0]?.id;
      if (id && list.models.some((model) => model.id === id)) return id;
    }
  }
  return undefined;
}

/** The candidates of an expression without the offered-list step (that step is what asks). */
function modelCandidatesOf(expression: Node, modules: ModuleLoader): ModelCandidate[] {
  const walk: Walk = { modules, origin: unwrapExpression(expression), found: [], evidence: [], seen: new Set(), accept: () => true };
  collect(expression, walk, 0, undefined);
  return walk.found;
}

/** Source file names of a folder (no declarations, no tests), read once per folder per scan. */
const FOLDER_LISTINGS = new WeakMap<ModuleLoader, Map<string, string[]>>();

function sourceFilesIn(folder: string, modules: ModuleLoader): string[] {
  const listings = FOLDER_LISTINGS.get(modules) ?? new Map<string, string[]>();
  FOLDER_LISTINGS.set(modules, listings);
  let names = listings.get(folder);
  if (!names) {
    try {
      names = fs.readdirSync(folder).filter((name) => /\.(?:[cm]?[jt]sx?)$/.test(name) && !/\.d\.ts$|\.(?:test|spec)\./.test(name)).sort();
    } catch {
      names = [];
    }
    listings.set(folder, names);
  }
  return names;
}

/** The model ids of an offered list: string elements, option objects' id keys, and spreads of other lists in the file. */
function listModels(list: Node, modules: ModuleLoader, depth = 0, anyId = false): ModelCandidate[] {
  if (!Node.isArrayLiteralExpression(list) || depth > 3) return [];
  const models: ModelCandidate[] = [];
  for (const element of list.getElements()) {
    const node = unwrapExpression(element);
    if (Node.isSpreadElement(node)) {
      const spread = unwrapExpression(node.getExpression());
      const declaration = Node.isIdentifier(spread) ? findDeclaration(spread, modules) : undefined;
      const value = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
      if (value) models.push(...listModels(unwrapExpression(value), modules, depth + 1, anyId));
      continue;
    }
    const id = Node.isObjectLiteralExpression(node) ? optionIdOf(node, modules) : node;
    if (id && (Node.isStringLiteral(id) || Node.isNoSubstitutionTemplateLiteral(id)) && (anyId ? id.getLiteralValue().trim() !== '' : looksLikeModelId(id.getLiteralValue()))) addListed(models, id, modules);
  }
  return models;
}

/** An offered option object's model id (`{ name: 'GPT-4o', key: 'gpt-4o' }`): the first id key holding a model-like string. */
function optionIdOf(option: Node, modules: ModuleLoader): (Node & { getLiteralValue(): string }) | undefined {
  return OPTION_ID_KEYS.map((key) => getObjectProperty(option, key, modules)).find((value): value is Node & { getLiteralValue(): string } => value !== undefined && (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) && looksLikeModelId(value.getLiteralValue()));
}

/** Adds a listed id once, with where it is written. */
function addListed(models: ModelCandidate[], id: Node & { getLiteralValue(): string }, modules: ModuleLoader): void {
  if (!models.some((model) => model.id === id.getLiteralValue())) models.push({ id: id.getLiteralValue(), source: 'app-list', where: modules.where(id.getSourceFile(), id.getStartLineNumber()) });
}

/** String methods that make a model id from another string (a prefix stripped, a case changed). */
const STRING_TRANSFORMS = new Set(['replace', 'replaceAll', 'trim', 'toLowerCase', 'slice', 'substring']);

function collectCall(node: Node, walk: Walk, depth: number, mode: ModelSource | undefined): void {
  if (!Node.isCallExpression(node)) return;
  const callee = unwrapExpression(node.getExpression());
  const args = node.getArguments();
  // VS Code: `vscode.workspace.getConfiguration('ext').get('model', 'gpt-4o')` or via a stored configuration.
  const settingKey = extensionSettingKey(node, walk.modules);
  if (settingKey !== undefined) {
    const setting = walk.modules.settings.extensionSettings.get(settingKey);
    if (setting?.default) add(walk, setting.default.value, 'config', `${setting.default.file}:${setting.default.line}`);
    if (args[1]) collect(args[1], walk, depth + 1, 'default-param');
    for (const option of setting?.options ?? []) add(walk, option.value, 'app-list', `${option.file}:${option.line}`);
    walk.userChoice ??= `setting ${settingKey}`;
    return;
  }
  // A GitHub Action's `core.getInput('OPENAI_API_MODEL')`: the input's default in action.yml, unless a workflow sets it.
  const actionInput = actionInputRead(node, walk.modules);
  if (actionInput) {
    const kept = walk.modules.settings.actionInputs?.get(actionInput);
    if (kept) add(walk, kept.value, 'config', `${kept.file}:${kept.line}`);
    walk.evidence.push(kept ? `input ${actionInput} of the GitHub Action: its default in ${kept.file}:${kept.line}, unless the workflow sets it` : `input ${actionInput} of the GitHub Action, set by the workflow (no default in action.yml)`);
    return;
  }
  // `useAtomValue(modelAtom)`, `store.get(modelAtom)`: the page's state, which the user changes; it starts at the atom's initial value.
  const atomRead = ATOM_VALUE_READ.test(callee.getText()) && args.length === 1 ? atomInitial(args[0], walk.modules) : undefined;
  if (atomRead) {
    walk.userChoice ??= `${args[0].getText().slice(0, 40)}, the page's state (${callee.getText().slice(0, 30)})`;
    if (atomRead.initial) collect(atomRead.initial, walk, depth + 1, 'default-param');
    return;
  }
  // `searchParams.get('model')`, `formData.get('model')`: the request decides.
  if (isUserChoice(node)) {
    walk.userChoice ??= node.getText().slice(0, 60);
    walk.userChoiceNode ??= node;
    return;
  }
  // `choice.replace('azure/', '')`, `name.trim()`: a string made from another. Only whether the end user picks it
  // carries over; the literals it is made from are not the ids sent.
  if (Node.isPropertyAccessExpression(callee) && STRING_TRANSFORMS.has(callee.getName())) {
    const inner: Walk = { modules: walk.modules, origin: walk.origin, found: [], evidence: [], seen: walk.seen, accept: walk.accept };
    collect(callee.getExpression(), inner, depth + 1, mode);
    if (inner.userChoice !== undefined) {
      walk.userChoice ??= inner.userChoice;
      walk.userChoiceNode ??= inner.userChoiceNode;
    }
    return;
  }
  // `getTitleModel()`, `this.pickModel(task)`, `models.forTask('x')`: what the function returns, with this call's arguments.
  const before = { found: walk.found.length, choice: walk.userChoice };
  const entered = enterCall(node, walk.modules);
  if (entered) {
    try {
      for (const returned of entered.returns) collect(returned, walk, depth + 1, mode);
    } finally {
      entered.release();
    }
  }
  // `getConfig<string>('model')` reading a store merged from files at run time: the app's default settings give the key
  // a value (`defaultConfig = { model: 'text-davinci-003' }`), looked up when the whole walk finds nothing.
  const key = walk.found.length === before.found && walk.userChoice === before.choice ? settingsGetterKey(node) : undefined;
  if (key) {
    walk.unresolvedFields ??= [];
    if (!walk.unresolvedFields.some((field) => field.name === key)) walk.unresolvedFields.push({ name: key, at: node });
  }
}

/** A settings getter (`getConfig`, `getSetting`, `readPreference`, `config.get`, `settings.get`). */
const SETTINGS_GETTER = /^(?:get|read|load)_?(?:app|user)?_?(?:config|configuration|setting|settings|option|options|pref|prefs|preference|preferences)$/i;
const SETTINGS_OBJECT = /(?:^|\.)(?:config|configs|configuration|settings|store|prefs|preferences|options)$/i;

/** The key a settings getter is asked for, when it is written and names a model (`getConfig('model')`, `settings.get('chatModel')`). */
function settingsGetterKey(node: Node): string | undefined {
  const getter = literalKeyGetter(node);
  if (!getter || !/^[A-Za-z_$][\w$]*$/.test(getter.key) || !/model/i.test(getter.key)) return undefined;
  const { key, method, owner } = getter;
  return SETTINGS_GETTER.test(method) || (method === 'get' && SETTINGS_OBJECT.test(owner)) ? key : undefined;
}

/** Entries of a model registry read as candidates at most: more are the app's list, of which these are a sample. */
const MAX_REGISTRY_ENTRIES = 24;

/**
 * `models[DEFAULT_MODEL]`, `models[name]` of an app's registry of models keyed by name (an object literal, such as
 * `{ 'gpt-4o': createOpenAI(...)('gpt-4o'), ... }`): the entry a constant key names (`key`), else every entry in the order
 * written (`key` undefined); undefined for anything else.
 */
export function registryEntries(node: Node, modules: ModuleLoader): { values: Node[]; key?: string } | undefined {
  if (!Node.isElementAccessExpression(node)) return undefined;
  const registry = resolveObjectLiteral(node.getExpression(), modules);
  const argument = node.getArgumentExpression();
  if (!registry || !Node.isObjectLiteralExpression(registry) || !argument) return undefined;
  const key = resolveString(argument, modules).value;
  const named = key === null ? undefined : getObjectProperty(registry, key, modules);
  if (named && key !== null) return { values: [named], key };
  const values = registry.getProperties().flatMap((property) => (Node.isPropertyAssignment(property) ? [property.getInitializer()!] : [])).slice(0, MAX_REGISTRY_ENTRIES);
  return values.length > 0 ? { values } : undefined;
}

/** The name a GitHub Action reads with `getInput('name')` (or `core.getInput`) of `@actions/core`, else undefined. */
function actionInputRead(call: CallExpression, modules: ModuleLoader): string | undefined {
  const callee = unwrapExpression(call.getExpression());
  const [first] = call.getArguments();
  if (!first || !Node.isStringLiteral(unwrapExpression(first))) return undefined;
  const named = Node.isIdentifier(callee) ? importBindingOf(callee, modules) : undefined;
  const owner = Node.isPropertyAccessExpression(callee) ? unwrapExpression(callee.getExpression()) : undefined;
  const namespace = owner && Node.isIdentifier(owner) ? importBindingOf(owner, modules) : undefined;
  const reads = (named?.packageName === ACTIONS_CORE && named.importedName === 'getInput') || (namespace?.packageName === ACTIONS_CORE && (callee as import('ts-morph').PropertyAccessExpression).getName() === 'getInput');
  return reads ? (unwrapExpression(first) as import('ts-morph').StringLiteral).getLiteralValue() : undefined;
}

const ACTIONS_CORE = '@actions/core';

type FunctionLike = Node & { getBody(): Node | undefined };

function calledFunction(callee: Node, modules: ModuleLoader): FunctionLike | undefined {
  // `(() => { ... return provider; })()`: a function called where it is written.
  if (Node.isArrowFunction(callee) || Node.isFunctionExpression(callee)) return callee;
  let declaration: Node | undefined;
  if (Node.isIdentifier(callee)) {
    declaration = findDeclaration(callee, modules);
  } else if (Node.isPropertyAccessExpression(callee)) {
    const owner = unwrapExpression(callee.getExpression());
    if (owner.getKind() === SyntaxKind.ThisKeyword) {
      const classNode = callee.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
      declaration = classNode && (Node.isClassDeclaration(classNode) || Node.isClassExpression(classNode)) ? classNode.getMethod(callee.getName()) : undefined;
    } else {
      declaration = namespaceMember(callee, modules) ?? staticMethodOf(owner, callee.getName(), modules) ?? getObjectProperty(resolveObjectLiteral(owner, modules), callee.getName(), modules);
    }
  }
  if (!declaration) return undefined;
  let fn = Node.isFunctionDeclaration(declaration) || Node.isMethodDeclaration(declaration) ? declaration : initializerOf(declaration);
  // `export const researcher = createResearcher`: another name for a function.
  for (let hops = 0; hops < 3 && fn && Node.isIdentifier(unwrapExpression(fn)); hops++) {
    const aliased = findDeclaration(unwrapExpression(fn), modules);
    fn = aliased && (Node.isFunctionDeclaration(aliased) ? aliased : initializerOf(aliased));
  }
  const value = fn && unwrapExpression(fn);
  if (value && (Node.isFunctionDeclaration(value) || Node.isMethodDeclaration(value) || Node.isArrowFunction(value) || Node.isFunctionExpression(value))) return value;
  return undefined;
}

/**
 * `this.adapter.formatRequest(prompt)` with the field declared `adapter: BaseAdapter`: the method the receiver's declared or
 * made class has (its own or inherited), when it has a body.
 */
function receiverMethod(callee: Node, modules: ModuleLoader): FunctionLike | undefined {
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  // `super.formatRequest(prompt)`: the method the class's base class has.
  const onSuper = callee.getExpression().getKind() === SyntaxKind.SuperKeyword;
  const ownClass = onSuper ? callee.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor)) : undefined;
  const base = ownClass && superclassOf(ownClass, modules);
  const fn = onSuper ? base && memberDeclaration(base, callee.getName(), modules) : functionOf(callee, modules);
  return fn && Node.isMethodDeclaration(fn) && fn.getBody() ? fn : undefined;
}

/** `EmbedderFactory.create(...)`: the static method of a workspace class the owner names (here or imported). */
function staticMethodOf(owner: Node, name: string, modules: ModuleLoader): Node | undefined {
  if (!Node.isIdentifier(owner)) return undefined;
  const declaration = findDeclaration(owner, modules);
  return declaration && Node.isClassDeclaration(declaration) ? declaration.getStaticMethod(name) : undefined;
}

/** The section of a VS Code configuration object (`getConfiguration('ext')`, '' for none), or undefined when not one. */
function sectionOf(expression: Node, modules: ModuleLoader, depth: number): string | undefined {
  const node = unwrapExpression(expression);
  if (Node.isCallExpression(node) && /(^|\.)getConfiguration$/.test(node.getExpression().getText())) {
    const argument = node.getArguments()[0];
    return argument && Node.isStringLiteral(unwrapExpression(argument)) ? (unwrapExpression(argument) as Node & { getLiteralValue(): string }).getLiteralValue() : '';
  }
  if (Node.isIdentifier(node) && depth < 4) {
    const value = soleValue(node, modules);
    return value ? sectionOf(value, modules, depth + 1) : undefined;
  }
  return undefined;
}

/**
 * What a name holds: its declaration's initializer, or for a module's `let` declared without one, the one value the
 * module ever assigns it (`let VSConfig; function updateVSConfig() { VSConfig = vscode.workspace.getConfiguration('x') }`,
 * a VS Code extension reading its settings again when they change). Undefined for a parameter or a name assigned more
 * than once.
 */
function soleValue(identifier: Node, modules: ModuleLoader): Node | undefined {
  const declaration = findDeclaration(identifier, modules);
  if (!declaration || Node.isParameterDeclaration(declaration)) return undefined;
  const initializer = initializerOf(declaration);
  if (initializer) return initializer;
  if (!Node.isVariableDeclaration(declaration) || !Node.isSourceFile(declaration.getVariableStatement()?.getParent())) return undefined;
  const assigned = assignedValues(declaration.getSourceFile(), declaration.getName());
  return assigned.length === 1 ? assigned[0] : undefined;
}

/**
 * `config.get('endpoint') || ''` on a VS Code configuration (`vscode.workspace.getConfiguration('ollama-autocoder')`,
 * held in a const or a module's `let`), directly or through a name holding it: the setting's default in the
 * extension's package.json (`contributes.configuration`), with where it is written. What the request uses until the
 * user changes the setting.
 */
export function extensionSettingDefault(expression: Node, modules: ModuleLoader, depth = 0): { value: string; key: string; where: string } | undefined {
  let node = unwrapExpression(expression);
  // `config.get('endpoint') || ''`: an empty fallback says nothing of the setting.
  if (Node.isBinaryExpression(node) && [SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken].includes(node.getOperatorToken().getKind())) node = unwrapExpression(node.getLeft());
  if (Node.isIdentifier(node) && depth < 4) {
    const value = soleValue(node, modules);
    return value ? extensionSettingDefault(value, modules, depth + 1) : undefined;
  }
  const key = extensionSettingKey(node, modules);
  const setting = key === undefined ? undefined : modules.settings.extensionSettings.get(key)?.default;
  return key !== undefined && setting ? { value: setting.value, key, where: `${setting.file}:${setting.line}` } : undefined;
}

/** `config.get('model')` on a VS Code configuration of section `ext`: the dotted key it reads (`ext.model`), else undefined. */
function extensionSettingKey(node: Node, modules: ModuleLoader): string | undefined {
  if (!Node.isCallExpression(node)) return undefined;
  const callee = unwrapExpression(node.getExpression());
  const argument = node.getArguments()[0] && unwrapExpression(node.getArguments()[0]);
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'get' || !argument || !Node.isStringLiteral(argument)) return undefined;
  const section = sectionOf(callee.getExpression(), modules, 0);
  return section === undefined ? undefined : `${section ? `${section}.` : ''}${argument.getLiteralValue()}`;
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
function envName(expression: Node, modules?: ModuleLoader): string | undefined {
  const node = unwrapExpression(expression);
  const text = node.getText();
  const direct = /^(?:process\.env|import\.meta\.env|Bun\.env)(?:\.([A-Za-z_]\w*)|\[\s*['"]([A-Za-z_]\w*)['"]\s*\])$/.exec(text) ?? /^Deno\.env\.get\(\s*['"]([A-Za-z_]\w*)['"]\s*\)$/.exec(text);
  if (direct) return direct[1] ?? direct[2];
  if (Node.isPropertyAccessExpression(node) && /^(env|ENV|serverEnv|clientEnv|config\.env)$/.test(node.getExpression().getText()) && /^[A-Z][A-Z0-9_]*$/.test(node.getName())) return node.getName();
  return configGetterEnvName(node) ?? (modules ? configPropertyEnvName(node, modules) : undefined);
}

/**
 * `config.TASK_MODEL` where `config` is the app's settings object built from the environment (a proxy or class
 * over `process.env`, not an object literal that states the property): the env variable of that UPPER_SNAKE name.
 */
function configPropertyEnvName(node: Node, modules: ModuleLoader): string | undefined {
  if (!Node.isPropertyAccessExpression(node) || !/^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(node.getName())) return undefined;
  const owner = unwrapExpression(node.getExpression());
  if (!Node.isIdentifier(owner) || !/^(?:config|settings|appConfig|serverConfig|envConfig)$/.test(owner.getText())) return undefined;
  const declaration = findDeclaration(owner, modules);
  // A parameter holds what its callers pass: read as an object, not as the environment.
  if (!declaration || Node.isParameterDeclaration(declaration) || Node.isBindingElement(declaration)) return undefined;
  const value = initializerOf(declaration);
  const literal = value && unwrapExpression(value);
  // An object literal of the app's own (`const config = { TASK_MODEL: 'x' }`) states its values: read as an object.
  return literal && Node.isObjectLiteralExpression(literal) ? undefined : node.getName();
}

/**
 * `config.get('TRANSCRIPTION_MODEL')`, `configService.get<string>('OPENAI_MODEL')` (NestJS), `getEnv('LLM_MODEL')`:
 * a settings getter asked for an UPPER_SNAKE name reads that env variable (the convention for env names; such
 * getters fall back to the environment). Lower-case keys (`config.get('model')`) are not env names.
 */
function configGetterEnvName(node: Node): string | undefined {
  if (!Node.isCallExpression(node) || node.getArguments().length !== 1) return undefined;
  const getter = literalKeyGetter(node);
  if (!getter || !/^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(getter.key)) return undefined;
  const { key, method, owner } = getter;
  if (method === 'get' && /(?:^|\.)(?:config|configs|settings|configService|configuration|env|environment|appConfig|serverConfig)$/i.test(owner)) return key;
  return /^(?:getEnv|env|readEnv|requireEnv|getConfig|getSetting|getEnvVar)$/.test(method) && owner === '' ? key : undefined;
}

/**
 * A getter asked for a key written as a literal (`config.get('OPENAI_MODEL')`, `getConfig<string>('model')`): the key, the
 * method's name, and the text of what the method is called on ('' for a plain function); undefined for any other call.
 */
function literalKeyGetter(node: Node): { key: string; method: string; owner: string } | undefined {
  if (!Node.isCallExpression(node)) return undefined;
  const argument = node.getArguments()[0] && unwrapExpression(node.getArguments()[0]);
  if (!argument || !(Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument))) return undefined;
  const callee = unwrapExpression(node.getExpression());
  const method = Node.isPropertyAccessExpression(callee) ? callee.getName() : Node.isIdentifier(callee) ? callee.getText() : '';
  const owner = Node.isPropertyAccessExpression(callee) ? callee.getExpression().getText() : '';
  return { key: argument.getLiteralValue(), method, owner };
}

/**
 * An env variable: its `.default('…')` in an env schema of the workspace (`createEnv`, `z.object`), then
 * its values in example env files (already filtered to model ids and URLs when read).
 */
function readEnv(name: string, node: Node, walk: Walk, depth: number): void {
  walk.env ??= name;
  const schemaDefault = envSchemaDefault(name, node, walk.modules);
  if (schemaDefault && looksLikeModelId(schemaDefault.getLiteralText())) add(walk, schemaDefault.getLiteralText(), 'env-default', whereOf(schemaDefault, walk));
  const fromFile = walk.modules.envSetting(name);
  if (!schemaDefault && !fromFile && walk.examples) readEnvExample(name, walk);
  if (fromFile) {
    add(walk, fromFile.value, 'env-default', `${fromFile.file}:${fromFile.line}`);
    walk.evidence.push(`${name} = "${fromFile.value}" in ${fromFile.file}:${fromFile.line} (an example env file; the deployment may set another)`);
  }
  for (const more of walk.modules.settings.env.get(name)?.slice(1) ?? []) add(walk, more.value, 'env-default', `${more.file}:${more.line}`);
  void depth;
}

/**
 * A variable with no value anywhere but a commented-out example line (`# OPENAI_MODEL='gpt-4o'`): that
 * example, marked `env-example`. Only when the example files suggest one value: several different ones are
 * examples for different setups (one per provider), not a choice.
 */
function readEnvExample(name: string, walk: Walk): void {
  const examples = walk.modules.envExamples(name);
  const distinct = new Set(examples.map((example) => example.value));
  if (distinct.size !== 1) return;
  const example = examples[0];
  add(walk, example.value, 'env-example', `${example.file}:${example.line}`);
  walk.evidence.push(`${name} has no default; a commented-out example line in ${example.file}:${example.line} suggests "${example.value}" (the deployment sets the real one)`);
}

/** `NAME: z.string().default('gpt-4o')` in the env schema the accessed object is built from. */
function envSchemaDefault(name: string, node: Node, modules: ModuleLoader): (Node & { getLiteralText(): string }) | undefined {
  const owner = Node.isPropertyAccessExpression(node) ? unwrapExpression(node.getExpression()) : undefined;
  if (!owner || !Node.isIdentifier(owner)) return undefined;
  const declaration = findDeclaration(owner, modules);
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
  // LangGraph's `config.configurable.x` is set per run by the client (the user's model selector).
  return /\b(?:preferences|userSettings|userPreferences|userConfig|selectedModel|configurable)\b/.test(node.getExpression().getText()) && /model/i.test(text);
}

/** Per scan: the files of an app that tag option objects with one of a route's folder names (read once per route). */
const PROVIDER_LIST_FILES = new WeakMap<ModuleLoader, Map<string, string[]>>();

function providerListFiles(appRoot: string, folders: ReadonlySet<string>, homePath: string, modules: ModuleLoader): string[] {
  const cache = PROVIDER_LIST_FILES.get(modules) ?? new Map<string, string[]>();
  PROVIDER_LIST_FILES.set(modules, cache);
  const key = `${appRoot}\0${homePath}`;
  let files = cache.get(key);
  if (!files) {
    const tagged = new RegExp(`\\b(?:${OPTION_PROVIDER_KEYS.join('|')})\\s*:\\s*['"\`](?:${[...folders].map(escapeRegExp).join('|')})['"\`]`);
    files = nearbySourceFiles(appRoot, { ...APP_SEARCH, maxFiles: MAX_PROVIDER_LIST_FILES, skipFile: (_name, full) => full === homePath, matches: (text) => tagged.test(text) });
    cache.set(key, files);
  }
  return files;
}

/** UI state hooks whose first argument is the state's starting value (React, and stores written the same way). */
const STATE_HOOK = /^(?:React\.)?(?:useState|useLocalStorage|useLocalStorageState|useSessionStorage|usePersistedState)$/;

/** Hooks reading an atom of app state (jotai, recoil): the state starts at the atom's initial value. */
const ATOM_STATE_HOOK = /^(?:useAtom|useRecoilState)$/;
const ATOM_VALUE_READ = /^(?:useAtomValue|useRecoilValue)$|\.get$/;

/** For the value of `const [value, setValue] = useState(initial)`: the hook's name and the initial value, if given. */
function stateHookInitial(element: Node, variable: Node | undefined, modules: ModuleLoader): { hook: string; initial: Node | undefined } | undefined {
  const pattern = element.getParent();
  if (!variable || !Node.isVariableDeclaration(variable) || !pattern || !Node.isArrayBindingPattern(pattern) || pattern.getElements()[0] !== element) return undefined;
  const call = variable.getInitializer() && unwrapExpression(variable.getInitializer()!);
  if (!call || !Node.isCallExpression(call)) return undefined;
  const hook = call.getExpression().getText();
  // `const [model] = useAtom(modelAtom)`: the atom's initial value.
  if (ATOM_STATE_HOOK.test(hook)) {
    const atom = call.getArguments()[0];
    const read = atom && atomInitial(atom, modules);
    return read ? { hook, initial: read.initial } : undefined;
  }
  if (!STATE_HOOK.test(hook)) return undefined;
  // `useLocalStorage('key', initial)` takes a storage key first.
  const initial = /Storage|Persisted/.test(hook) ? call.getArguments()[1] : call.getArguments()[0];
  return { hook, initial };
}

/**
 * The starting value of an atom of app state: jotai's `atom('gpt-4o')` and `atomWithStorage('model', 'gpt-4o')`,
 * recoil's `atom({ key, default: 'gpt-4o' })`. A derived atom (`atom((get) => ...)`) has none.
 */
function atomInitial(atom: Node, modules: ModuleLoader): { initial: Node | undefined } | undefined {
  const node = unwrapExpression(atom);
  const declaration = Node.isIdentifier(node) ? findDeclaration(node, modules) : undefined;
  const call = declaration && Node.isVariableDeclaration(declaration) && declaration.getInitializer() ? unwrapExpression(declaration.getInitializer()!) : undefined;
  if (!call || !Node.isCallExpression(call)) return undefined;
  const factory = call.getExpression().getText();
  const [first, second] = call.getArguments();
  if (factory === 'atomWithStorage') return { initial: second };
  if (factory !== 'atom' || !first || Node.isArrowFunction(first) || Node.isFunctionExpression(first)) return undefined;
  if (Node.isObjectLiteralExpression(first) && getObjectProperty(first, 'key', modules)) return { initial: getObjectProperty(first, 'default', modules) };
  return { initial: first };
}

/** The initializer of a destructuring the end user controls: `await req.json()`, `req.body`, a DB row. */
function isUserChoiceSource(initializer: Node, modules?: ModuleLoader): boolean {
  const node = unwrapExpression(initializer);
  if (isUserChoice(node) || /^(?:req|request|ctx\.request|c\.req)\.(?:body|query|params)$/.test(node.getText()) || /\.(?:json|formData)\(\)$/.test(node.getText()) || (Node.isCallExpression(node) && REQUEST_CALL.test(node.getExpression().getText()))) return true;
  if (!modules) return false;
  // `schema.parse(json)`, `schema.safeParse(json).data` (zod and its kind): the body, checked.
  const validated = validatedInput(node, modules);
  if (validated) return isUserChoiceSource(validated, modules);
  // `const json = await request.json(); const { chatSettings } = json as Body`: the body read into a variable first (never reassigned).
  if (!Node.isIdentifier(node) || isReassignedLet(node, modules)) return false;
  const declaration = findDeclaration(node, modules);
  const value = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  return value !== undefined && isUserChoiceSource(value, modules);
}

/**
 * What a schema validation returns unchanged: the argument of `schema.parse(x)` / `parseAsync` / `safeParse(x).data`,
 * also through a variable holding the `safeParse` result (`const result = schema.safeParse(json); result.data`).
 */
function validatedInput(node: Node, modules: ModuleLoader): Node | undefined {
  const argumentOf = (call: Node): Node | undefined => {
    const inner = unwrapExpression(call);
    if (!Node.isCallExpression(inner)) return undefined;
    const callee = inner.getExpression();
    return Node.isPropertyAccessExpression(callee) && /^(?:parse|parseAsync|safeParse|safeParseAsync)$/.test(callee.getName()) ? inner.getArguments()[0] : undefined;
  };
  const direct = argumentOf(node);
  if (direct) return direct;
  if (!Node.isPropertyAccessExpression(node) || node.getName() !== 'data') return undefined;
  const owner = unwrapExpression(node.getExpression());
  if (!Node.isIdentifier(owner)) return argumentOf(owner);
  const declaration = findDeclaration(owner, modules);
  const value = declaration && Node.isVariableDeclaration(declaration) && !isReassignedLet(owner, modules) ? declaration.getInitializer() : undefined;
  return value ? argumentOf(value) : undefined;
}

