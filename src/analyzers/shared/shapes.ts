import { Node, SyntaxKind, ts, VariableDeclarationKind, type CallExpression, type SourceFile, type TypeNode } from 'ts-morph';
import type { ModuleLoader } from './modules';
import { assignedValues, findDeclaration, findExport, initializerOf, namedFunctionParameter, namespaceMember, propertyOfObject, reactHookName, returnedArgument, returnsOf, unwrapExpression } from './resolve';
import { callsMatching } from './calls';

/**
 * What a value may be, read from the code without a type checker (a program over the workspace
 * costs more than the whole scan): the class a `new` made, the class, interface or type its
 * declaration names, the object literal or factory function it came from.
 *
 * `made`: the value is an instance of exactly this class (or an object literal / factory made it),
 * so only methods that class has (its own or inherited) are reached. Otherwise the node is a
 * declared type, and any implementation of it may be behind the value.
 */
export interface Shape {
  node: Node;
  made: boolean;
}

/** How far one lookup follows declarations, types and factories before giving up. */
const MAX_SHAPE_DEPTH = 12;
/** Type wrappers whose first argument is the value's shape for a member lookup. */
const TRANSPARENT_GENERICS = new Set(['Promise', 'Awaited', 'Omit', 'Pick', 'Partial', 'Required', 'Readonly', 'NonNullable']);

/** The shapes a value expression may have; [] when the code does not say. */
export function shapesOf(expression: Node, modules: ModuleLoader, depth = 0): Shape[] {
  if (depth > MAX_SHAPE_DEPTH) return cutShort([]);
  // The wrapper-caller search asks for the same receivers and arguments again and again (a method's every caller
  // passes values whose shapes are followed through the same declarations): one answer per expression and level.
  const lookup = modules.methodCallsNamed;
  if (!lookup) return shapesOfUncached(expression, modules, depth);
  let cache = shapeCaches.get(lookup);
  if (!cache) shapeCaches.set(lookup, (cache = new Map()));
  const known = cache.get(expression);
  if (known) return known;
  const cutsBefore = lookupsCutShort;
  const shapes = shapesOfUncached(expression, modules, depth);
  // An answer a depth limit or a cycle cut short is this path's only: asked from elsewhere, the lookup may go further.
  if (lookupsCutShort === cutsBefore) cache.set(expression, shapes);
  return shapes;
}

/** Shapes of expressions, per lookup function (one level of one wrapper-caller search): dropped with it. */
const shapeCaches = new WeakMap<object, Map<Node, Shape[]>>();
/** How many lookups a depth limit or a cycle has cut short so far; an answer computed while it grew is not kept. */
let lookupsCutShort = 0;
function cutShort<T>(value: T): T {
  lookupsCutShort++;
  return value;
}

function shapesOfUncached(expression: Node, modules: ModuleLoader, depth: number): Shape[] {
  if (Node.isAsExpression(expression) || Node.isSatisfiesExpression(expression)) {
    const typeNode = expression.getTypeNode();
    const declared = typeNode ? typeShapes(typeNode, modules, depth + 1) : [];
    if (declared.length > 0) return declared;
  }
  const value = unwrapExpression(expression);
  if (value.getKind() === SyntaxKind.ThisKeyword) {
    const owner = value.getFirstAncestor((node) => Node.isClassDeclaration(node) || Node.isClassExpression(node));
    return owner ? [{ node: owner, made: false }] : [];
  }
  if (Node.isNewExpression(value)) {
    const made = classOfExpression(value.getExpression(), modules);
    return made ? [{ node: made, made: true }] : [];
  }
  if (Node.isObjectLiteralExpression(value)) return [{ node: value, made: true }];
  // `cond ? a : b`, `a ?? b`, `a || b`: either side.
  if (Node.isConditionalExpression(value)) return [...shapesOf(value.getWhenTrue(), modules, depth + 1), ...shapesOf(value.getWhenFalse(), modules, depth + 1)];
  if (Node.isBinaryExpression(value) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(value.getOperatorToken().getKind())) return [...shapesOf(value.getLeft(), modules, depth + 1), ...shapesOf(value.getRight(), modules, depth + 1)];
  if (Node.isIdentifier(value)) return identifierShapes(value, modules, depth);
  if (Node.isPropertyAccessExpression(value)) return memberShapes(value, modules, depth);
  if (Node.isCallExpression(value)) return callShapes(value, modules, depth);
  if (Node.isElementAccessExpression(value)) return elementShapes(value, modules, depth);
  return [];
}

/**
 * `this.services[provider]` of a field declared `Record<ServiceProviders, AIService>` (the record's value type), or made
 * `{ openai: new OpenAIService(), anthropic: new AnthropicService() }`: any of its values, the key being chosen at run time.
 */
function elementShapes(access: import('ts-morph').ElementAccessExpression, modules: ModuleLoader, depth: number): Shape[] {
  const owner = access.getExpression();
  const valueType = declaredTypeArguments(owner, modules, depth, RECORD_TYPES)?.[1];
  const typed = valueType ? typeShapes(valueType, modules, depth + 1) : [];
  if (typed.length > 0) return typed;
  const shapes: Shape[] = [];
  for (const shape of shapesOf(owner, modules, depth + 1)) {
    if (!Node.isObjectLiteralExpression(shape.node)) continue;
    for (const property of shape.node.getProperties()) if (Node.isPropertyAssignment(property)) shapes.push(...shapesOf(property.getInitializerOrThrow(), modules, depth + 1));
  }
  return shapes.length > 0 ? shapes : elementsOf(owner, modules, depth + 1);
}

/** Array methods that hand back one of the array's elements (`providers.find(...)`, `queue.shift()`). */
const ELEMENT_RETURNING_METHODS = new Set(['find', 'findLast', 'at', 'pop', 'shift']);

/**
 * What an array's elements may be: `providers` declared `EmbeddingProvider[]` (or `Array<T>`, `ReadonlyArray<T>`), the
 * value of a call whose function declares it returns one (`Promise<EmbeddingProvider[]>`), or an array literal's members.
 * Read for `providers[0]`, `providers.find(...)` and `for (const provider of providers)`.
 */
function elementsOf(array: Node, modules: ModuleLoader, depth: number): Shape[] {
  if (depth > MAX_SHAPE_DEPTH) return cutShort([]);
  const value = unwrapExpression(array);
  if (Node.isArrayLiteralExpression(value)) return value.getElements().flatMap((element) => shapesOf(element, modules, depth + 1));
  if (Node.isCallExpression(value)) {
    const declared = functionOf(value.getExpression(), modules, depth + 1)?.getReturnTypeNode?.();
    return declared ? elementTypeShapes(declared, modules, depth + 1) : [];
  }
  if (!Node.isIdentifier(value)) return [];
  const declaration = findDeclaration(value, modules);
  if (!declaration || !(Node.isVariableDeclaration(declaration) || Node.isParameterDeclaration(declaration))) return [];
  const typeNode = declaration.getTypeNode();
  if (typeNode) return elementTypeShapes(typeNode, modules, depth + 1);
  const initializer = declaration.getInitializer();
  return initializer ? elementsOf(initializer, modules, depth + 1) : [];
}

/** The shapes of an array type's element, through `Promise<...>` and parentheses. */
function elementTypeShapes(typeNode: Node, modules: ModuleLoader, depth: number): Shape[] {
  if (Node.isParenthesizedTypeNode(typeNode)) return elementTypeShapes(typeNode.getTypeNode(), modules, depth + 1);
  if (Node.isArrayTypeNode(typeNode)) return typeShapes(typeNode.getElementTypeNode(), modules, depth + 1);
  if (!Node.isTypeReference(typeNode)) return [];
  const name = typeNode.getTypeName().getText();
  const first = typeNode.getTypeArguments()[0];
  if (!first) return [];
  if (name === 'Promise') return elementTypeShapes(first, modules, depth + 1);
  return name === 'Array' || name === 'ReadonlyArray' ? typeShapes(first, modules, depth + 1) : [];
}

/** Types whose values a string key reads (`Record<K, V>`): the second type argument. */
const RECORD_TYPES = new Set(['Record']);

function identifierShapes(identifier: Node, modules: ModuleLoader, depth: number): Shape[] {
  const declaration = findDeclaration(identifier, modules);
  if (!declaration) return [];
  if (Node.isClassDeclaration(declaration)) return [{ node: declaration, made: false }];
  // `const Providers = require('./providers')` of a `module.exports = { ... }`: the exported value itself.
  if (Node.isExpression(declaration) && declaration !== identifier) return shapesOf(declaration, modules, depth + 1);
  // `for (const provider of providers)`: the lookup answers with the loop's declaration list. A destructured element
  // (`for (const { model } of configs)`) is a member of one, not the element.
  if (Node.isVariableDeclarationList(declaration)) {
    const loop = declaration.getParent();
    const namesElement = declaration.getDeclarations().some((variable) => Node.isIdentifier(variable.getNameNode()) && variable.getName() === identifier.getText());
    return loop && Node.isForOfStatement(loop) && namesElement ? elementsOf(loop.getExpression(), modules, depth + 1) : [];
  }
  if (Node.isParameterDeclaration(declaration) || Node.isVariableDeclaration(declaration) || Node.isPropertyDeclaration(declaration)) {
    const typeNode = declaredType(declaration);
    const initializer = declaration.getInitializer();
    // `const Meet: { [key: string]: any } = { OpenAI: { getGPTResponse } }`: a loose type says less than the literal it holds,
    // and a const holds that literal only (`const runTestsTool: ToolDefinition = {...}` is not every ToolDefinition).
    const literal = initializer && Node.isObjectLiteralExpression(unwrapExpression(initializer)) ? unwrapExpression(initializer) : undefined;
    const constant = Node.isVariableDeclaration(declaration) && declaration.getVariableStatement()?.getDeclarationKind() === VariableDeclarationKind.Const;
    if (literal && constant) return [{ node: literal, made: true }];
    if (typeNode) return [...typeShapes(typeNode, modules, depth + 1), ...(literal ? [{ node: literal, made: true }] : [])];
    if (initializer) return shapesOf(initializer, modules, depth + 1);
    if (Node.isVariableDeclaration(declaration)) return assignedShapes(declaration, modules, depth);
    if (Node.isParameterDeclaration(declaration)) {
      const contextual = contextualParameterShapes(declaration, modules, depth);
      if (contextual.length > 0) return contextual;
      const settled = settledValueShapes(declaration, modules, depth);
      return settled.length > 0 ? settled : passedShapes(declaration, undefined, modules, depth);
    }
    return [];
  }
  if (Node.isBindingElement(declaration)) {
    const state = stateInitialValue(declaration);
    if (state) return shapesOf(state, modules, depth + 1);
    // `function f({ llm }: Input)`: the member of the parameter's declared type.
    const key = declaration.getPropertyNameNode()?.getText() ?? declaration.getName();
    const pattern = declaration.getParent();
    const holder = pattern?.getParent();
    if (holder && Node.isParameterDeclaration(holder)) {
      const typeNode = holder.getTypeNode();
      if (typeNode) return typeShapes(typeNode, modules, depth + 1).flatMap((owner) => memberOfShape(owner, key, modules, depth + 1));
      const contextual = contextualParameterShapes(holder, modules, depth).flatMap((owner) => memberOfShape(owner, key, modules, depth + 1));
      return contextual.length > 0 ? contextual : passedShapes(holder, key, modules, depth);
    }
    if (holder && Node.isVariableDeclaration(holder)) {
      const typeNode = holder.getTypeNode();
      const owners = typeNode ? typeShapes(typeNode, modules, depth + 1) : holder.getInitializer() ? shapesOf(holder.getInitializer()!, modules, depth + 1) : [];
      return owners.flatMap((owner) => memberOfShape(owner, key, modules, depth + 1));
    }
  }
  return [];
}

/** A declaration's type annotation, unless it is `any` or `unknown`, which say nothing of the value: what it is set to does. */
function declaredType(declaration: Node & { getTypeNode(): TypeNode | undefined }): TypeNode | undefined {
  const typeNode = declaration.getTypeNode();
  return typeNode && (typeNode.getKind() === SyntaxKind.AnyKeyword || typeNode.getKind() === SyntaxKind.UnknownKeyword) ? undefined : typeNode;
}

/** `let mem: any;` then `mem = new Memory(config)` (in a try, with a fallback in the catch): what the function assigns it, the first that says. */
function assignedShapes(declaration: Node, modules: ModuleLoader, depth: number): Shape[] {
  const name = declaration.getFirstChild()?.getText();
  const scope = declaration.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor) || Node.isSourceFile(ancestor));
  for (const value of scope && name ? assignedValues(scope, name) : []) {
    const shapes = shapesOf(value, modules, depth + 1);
    if (shapes.length > 0) return shapes;
  }
  return [];
}

/**
 * A parameter without a type of its own, in a function that is the value of a property of an
 * object literal whose type is declared (`const widget: Widget = { execute: async (input) => ... }`):
 * the declared type of that parameter in the property's function type.
 */
function contextualParameterShapes(parameter: Node, modules: ModuleLoader, depth: number): Shape[] {
  const fn = parameter.getParent();
  if (!fn || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isMethodDeclaration(fn))) return [];
  const index = fn.getParameters().findIndex((candidate) => candidate === parameter);
  const property = Node.isMethodDeclaration(fn) ? fn : fn.getParent();
  if (!property || !(Node.isPropertyAssignment(property) || Node.isMethodDeclaration(property))) return [];
  const literal = property.getParent();
  if (!literal || !Node.isObjectLiteralExpression(literal)) return [];
  const holder = literal.getParent();
  const typeNode = holder && (Node.isVariableDeclaration(holder) || Node.isAsExpression(holder) || Node.isSatisfiesExpression(holder)) ? holder.getTypeNode() : undefined;
  if (!typeNode) return [];
  const name = property.getName();
  for (const owner of typeShapes(typeNode, modules, depth + 1)) {
    const member = memberDeclaration(owner.node, name, modules);
    const signature = member && functionTypeOf(member);
    const parameterType = signature?.getParameters()[index]?.getTypeNode();
    if (parameterType) return typeShapes(parameterType, modules, depth + 1);
  }
  return [];
}

/**
 * The first parameter of a callback handed to `promise.then(callback)` (`makeAdapter(options).then((adapter) => ...)`):
 * what the promise settles to, the shapes of the promise's own expression (an async factory's returns).
 */
function settledValueShapes(parameter: Node, modules: ModuleLoader, depth: number): Shape[] {
  const fn = parameter.getParent();
  if (!fn || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) || fn.getParameters()[0] !== parameter) return [];
  const call = fn.getParent();
  if (!call || !Node.isCallExpression(call) || call.getArguments()[0] !== fn) return [];
  const callee = unwrapExpression(call.getExpression());
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'then' ? shapesOf(callee.getExpression(), modules, depth + 1) : [];
}

/** Calls of a function read for what they pass to an untyped parameter: a file calling its own helper a few times, not a library's. */
const MAX_PASSING_CALLS = 8;

/**
 * An untyped parameter of a function the same file calls (`generateResponse({ LLMConnector, messages })`
 * of a `function generateResponse({ LLMConnector })`): what those calls pass, as the parameter or, for a
 * destructured `{ key }`, as that property of what they pass. Only calls in the function's own file are
 * read (its other callers would need a search of the workspace); a call inside the function itself is not.
 */
function passedShapes(parameter: Node, key: string | undefined, modules: ModuleLoader, depth: number): Shape[] {
  // Within one level of the wrapper-caller search the same parameter is asked about for every receiver that names it.
  const lookup = modules.methodCallsNamed;
  if (!lookup) return passedShapesUncached(parameter, key, modules, depth);
  let cache = passedCaches.get(lookup);
  if (!cache) passedCaches.set(lookup, (cache = new Map()));
  let byKey = cache.get(parameter);
  if (!byKey) cache.set(parameter, (byKey = new Map()));
  let shapes = byKey.get(key ?? '');
  if (!shapes) byKey.set(key ?? '', (shapes = passedShapesUncached(parameter, key, modules, depth)));
  return shapes;
}

/** Shapes passed to parameters, per lookup function (one level of one wrapper-caller search): dropped with it. */
const passedCaches = new WeakMap<object, Map<Node, Map<string, Shape[]>>>();

function passedShapesUncached(parameter: Node, key: string | undefined, modules: ModuleLoader, depth: number): Shape[] {
  const method = parameter.getParent();
  if (method && Node.isMethodDeclaration(method)) return passedToMethod(method, parameter, key, modules, depth);
  const place = namedFunctionParameter(parameter);
  if (!place) return [];
  const { fn, name, index } = place;
  const holder = fn.getParent();
  const calls = callsByName(fn.getSourceFile(), name).filter((call) => {
    if (call.getStart() >= fn.getStart() && call.getEnd() <= fn.getEnd()) return false;
    const declaration = findDeclaration(call.getExpression(), modules);
    return !!declaration && (declaration === fn || declaration === holder);
  });
  return argumentShapes(calls.slice(0, MAX_PASSING_CALLS), index, key, modules, depth);
}

/** Methods whose parameters are being followed to their callers: a method passing its own parameter on to itself ends here. */
const followedMethods = new Set<Node>();

/**
 * An untyped parameter of a class method (`performSimilaritySearch({ LLMConnector = null })`): what the
 * calls `x.method(...)` in the files the wrapper-caller search reads pass, for receivers that may be an
 * instance of the method's class (its own, a subclass, or a type it implements). Only while that search
 * runs (`methodCallsNamed`); a call inside the class itself is not read.
 */
function passedToMethod(method: Node, parameter: Node, key: string | undefined, modules: ModuleLoader, depth: number): Shape[] {
  if (!Node.isMethodDeclaration(method) || !modules.methodCallsNamed) return [];
  if (followedMethods.has(method)) return cutShort([]);
  const owner = method.getParent();
  if (!owner || !(Node.isClassDeclaration(owner) || Node.isClassExpression(owner))) return [];
  const index = method.getParameters().findIndex((candidate) => candidate === parameter);
  followedMethods.add(method);
  try {
    const calls: CallExpression[] = [];
    for (const node of modules.methodCallsNamed(method.getName())) {
      if (calls.length >= MAX_PASSING_CALLS) break;
      if (!Node.isCallExpression(node) || (node.getSourceFile() === owner.getSourceFile() && node.getStart() >= owner.getStart() && node.getEnd() <= owner.getEnd())) continue;
      const callee = node.getExpression();
      if (!Node.isPropertyAccessExpression(callee)) continue;
      const reaches = shapesOf(callee.getExpression(), modules, depth + 1).some((shape) => shape.node === owner || ((Node.isClassDeclaration(shape.node) || Node.isClassExpression(shape.node)) && lineageOf(shape.node, modules).some((cls) => cls === owner || sameNode(cls, owner))));
      if (reaches) calls.push(node);
    }
    return argumentShapes(calls, index, key, modules, depth);
  } finally {
    followedMethods.delete(method);
  }
}

/** What calls pass at a parameter's place, or for a destructured `{ key }`, as that property of what they pass. */
function argumentShapes(calls: readonly CallExpression[], index: number, key: string | undefined, modules: ModuleLoader, depth: number): Shape[] {
  const shapes: Shape[] = [];
  for (const call of calls) {
    const argument = call.getArguments()[index];
    if (!argument) continue;
    if (key === undefined) {
      shapes.push(...shapesOf(argument, modules, depth + 1));
      continue;
    }
    const literal = unwrapExpression(argument);
    const property = Node.isObjectLiteralExpression(literal) ? literal.getProperty(key) : undefined;
    if (property && Node.isPropertyAssignment(property)) shapes.push(...shapesOf(property.getInitializerOrThrow(), modules, depth + 1));
    else if (property && Node.isShorthandPropertyAssignment(property)) shapes.push(...shapesOf(property.getNameNode(), modules, depth + 1));
    else if (!Node.isObjectLiteralExpression(literal)) shapes.push(...shapesOf(argument, modules, depth + 1).flatMap((owner) => memberOfShape(owner, key, modules, depth + 1)));
  }
  return shapes.filter((shape, at) => shapes.findIndex((other) => other.node === shape.node) === at);
}

/** Calls `name(...)` in a file. */
function callsByName(sourceFile: SourceFile, name: string): CallExpression[] {
  return callsMatching(sourceFile, (call) => ts.isIdentifier(call.expression) && call.expression.text === name);
}

/** `a.b`: `this.field` (its type, initializer or the value the class assigns it), or the member `b` of what `a` is. */
function memberShapes(access: Node, modules: ModuleLoader, depth: number): Shape[] {
  if (!Node.isPropertyAccessExpression(access)) return [];
  const name = access.getName();
  return shapesOf(access.getExpression(), modules, depth + 1).flatMap((owner) => memberOfShape(owner, name, modules, depth + 1));
}

function memberOfShape(owner: Shape, name: string, modules: ModuleLoader, depth: number): Shape[] {
  const node = owner.node;
  if (Node.isObjectLiteralExpression(node)) {
    const property = node.getProperty(name);
    if (property && Node.isPropertyAssignment(property)) return shapesOf(property.getInitializerOrThrow(), modules, depth + 1);
    if (property && Node.isShorthandPropertyAssignment(property)) return shapesOf(property.getNameNode(), modules, depth + 1);
    // `return { ...result, error: null }`: the member may come from a spread object.
    return node.getProperties().filter(Node.isSpreadAssignment).flatMap((spread) => shapesOf(spread.getExpression(), modules, depth + 1).flatMap((spreadOwner) => memberOfShape(spreadOwner, name, modules, depth + 1)));
  }
  const member = memberDeclaration(node, name, modules);
  const memberType = member && (Node.isPropertyDeclaration(member) || Node.isPropertySignature(member) || Node.isParameterDeclaration(member)) ? declaredType(member) : undefined;
  if (memberType) return typeShapes(memberType, modules, depth + 1);
  if (member && Node.isPropertyDeclaration(member) && member.getInitializer()) {
    const initial = shapesOf(member.getInitializerOrThrow(), modules, depth + 1);
    if (initial.length > 0) return initial;
  }
  // `private get aiClient(): AIClient { ... return this._aiClient }` (made on first read): what the getter is declared to return, else what it returns.
  if (member && Node.isGetAccessorDeclaration(member)) {
    const declared = member.getReturnTypeNode();
    const shapes = declared ? typeShapes(declared, modules, depth + 1) : returnsOf(member).flatMap((returned) => shapesOf(returned, modules, depth + 1));
    if (shapes.length > 0) return shapes;
  }
  // A JavaScript class declares no fields (or `field = null`, or an accessor pair): what its methods assign to `this.name` is the field.
  if ((!member || Node.isPropertyDeclaration(member) || Node.isGetAccessorDeclaration(member) || Node.isSetAccessorDeclaration(member)) && (Node.isClassDeclaration(node) || Node.isClassExpression(node))) {
    // `this.provider = this.makeProvider(config)` / `this.embedder = params.embedder` in the class: what is assigned.
    for (const assignment of node.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
      const left = assignment.getLeft();
      if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken || !Node.isPropertyAccessExpression(left) || left.getName() !== name || left.getExpression().getKind() !== SyntaxKind.ThisKeyword) continue;
      const shapes = shapesOf(assignment.getRight(), modules, depth + 1);
      if (shapes.length > 0) return shapes;
    }
  }
  return [];
}

/** `f(...)`, `this.make(...)`, `obj.make(...)`: the shapes the factory's declared return type or its `return`s give. */
function callShapes(call: Node, modules: ModuleLoader, depth: number): Shape[] {
  if (!Node.isCallExpression(call)) return [];
  const stored = mapValueShapes(call, modules, depth);
  if (stored) return stored;
  const memoized = memoizedValueFactory(call);
  if (memoized) return returnsOf(memoized).flatMap((returned) => shapesOf(returned, modules, depth + 1));
  const callee = unwrapExpression(call.getExpression());
  if (Node.isPropertyAccessExpression(callee) && ELEMENT_RETURNING_METHODS.has(callee.getName())) {
    const elements = elementsOf(callee.getExpression(), modules, depth + 1);
    if (elements.length > 0) return elements;
  }
  const factory = functionOf(call.getExpression(), modules, depth);
  if (!factory) return typedCalleeShapes(call.getExpression(), modules, depth);
  const declared = factory.getReturnTypeNode?.();
  if (declared) {
    const shapes = typeShapes(declared, modules, depth + 1);
    if (shapes.length > 0) return shapes;
  }
  return returnsOf(factory).flatMap((returned) => shapesOf(returnedArgument(factory, call, returned, modules) ?? returned, modules, depth + 1));
}

/**
 * `useMemo(() => new GenAILiveClient(options), [options])` (React's, also as `React.useMemo`): the hook hands back what
 * its function returns, made once per change of the dependencies. The function, when the call is one.
 */
function memoizedValueFactory(call: CallExpression): Node | undefined {
  const factory = reactHookName(call) === 'useMemo' ? call.getArguments()[0] : undefined;
  return factory && (Node.isArrowFunction(factory) || Node.isFunctionExpression(factory)) ? factory : undefined;
}

/**
 * `const [client] = useState(() => new AnthropicClient(config))` (React's, also as `React.useState`): the state's first
 * value is what the initializer function returns (or the initial value itself), kept across renders. The returned or
 * given expression, when the element is that first value.
 */
function stateInitialValue(element: Node): Node | undefined {
  const pattern = element.getParent();
  if (!pattern || !Node.isArrayBindingPattern(pattern) || pattern.getElements()[0] !== element) return undefined;
  const holder = pattern.getParent();
  const initializer = holder && Node.isVariableDeclaration(holder) ? holder.getInitializer() : undefined;
  const call = initializer && unwrapExpression(initializer);
  if (!call || !Node.isCallExpression(call) || reactHookName(call) !== 'useState') return undefined;
  const initial = call.getArguments()[0];
  if (!initial) return undefined;
  const value = unwrapExpression(initial);
  if (!Node.isArrowFunction(value) && !Node.isFunctionExpression(value)) return value;
  const [returned] = returnsOf(value);
  return returned;
}

/** Keyed collections whose `get(key)` hands back a value of their second type argument. */
const KEYED_COLLECTIONS = new Set(['Map', 'ReadonlyMap', 'WeakMap']);

/**
 * `this.agents.get(id)` where the field is declared `Map<string, SessionRuntime>` (or made `new Map<string, SessionRuntime>()`):
 * a value of the map's value type (cline's agent teams keep their members' runtimes so). undefined when the receiver is
 * no map the code declares, so that other lookups go on.
 */
function mapValueShapes(call: CallExpression, modules: ModuleLoader, depth: number): Shape[] | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'get') return undefined;
  const valueType = declaredTypeArguments(callee.getExpression(), modules, depth)?.[1];
  return valueType && typeShapes(valueType, modules, depth + 1);
}

/**
 * The type arguments of a keyed collection a receiver (a variable, parameter or field) is declared with or made as by
 * `new Map<K, V>()`; a workspace class of the same name is not the global one.
 */
function declaredTypeArguments(receiver: Node, modules: ModuleLoader, depth: number, collections: ReadonlySet<string> = KEYED_COLLECTIONS): Node[] | undefined {
  const target = unwrapExpression(receiver);
  let declaration: Node | undefined;
  if (Node.isIdentifier(target)) declaration = findDeclaration(target, modules);
  else if (Node.isPropertyAccessExpression(target)) {
    for (const owner of shapesOf(target.getExpression(), modules, depth + 1)) {
      declaration = Node.isObjectLiteralExpression(owner.node) ? undefined : memberDeclaration(owner.node, target.getName(), modules);
      if (declaration) break;
    }
  }
  if (!declaration || !(Node.isVariableDeclaration(declaration) || Node.isParameterDeclaration(declaration) || Node.isPropertyDeclaration(declaration) || Node.isPropertySignature(declaration))) return undefined;
  const typeNode = declaration.getTypeNode();
  const initializer = Node.isPropertySignature(declaration) ? undefined : declaration.getInitializer();
  const made = initializer && unwrapExpression(initializer);
  const [name, typeArguments] = typeNode && Node.isTypeReference(typeNode) ? [typeNode.getTypeName(), typeNode.getTypeArguments()] : !typeNode && made && Node.isNewExpression(made) ? [made.getExpression(), made.getTypeArguments()] : [undefined, []];
  if (!name || !Node.isIdentifier(name) || !collections.has(name.getText()) || typeArguments.length !== 2) return undefined;
  return typeDeclaration(declaration.getSourceFile(), name.getText(), modules, depth + 1) ? undefined : typeArguments;
}

/**
 * `record.createProvider(config)` where the member is declared with a function type (`createProvider: GatewayProviderFactory`,
 * the alias of `(config) => GatewayProvider | Promise<GatewayProvider>`) and no function body is in reach: what that type returns.
 */
function typedCalleeShapes(callee: Node, modules: ModuleLoader, depth: number): Shape[] {
  const target = unwrapExpression(callee);
  if (!Node.isPropertyAccessExpression(target)) return [];
  for (const owner of shapesOf(target.getExpression(), modules, depth + 1)) {
    const member = memberDeclaration(owner.node, target.getName(), modules);
    // `registry.getAdapter(id)` on a field declared with an interface whose method says `getAdapter(id: string): ITextProviderAdapter`.
    const returned = propertyFunctionReturn(member, modules) ?? (member && Node.isMethodSignature(member) ? member.getReturnTypeNode() : undefined);
    if (returned) return typeShapes(returned, modules, depth + 1);
  }
  return [];
}

/**
 * The type a call is declared to return, when its function says so: a method or function's return annotation
 * (`getChatModel(): BaseChatModel`), or the function type of an option or field it is called through
 * (`getChatModel?: () => Promise<BaseChatModel | null>`). Undefined when nothing is declared.
 */
export function declaredReturnType(call: CallExpression, modules: ModuleLoader): Node | undefined {
  const declared = functionOf(call.getExpression(), modules)?.getReturnTypeNode?.();
  if (declared) return declared;
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  for (const owner of shapesOf(callee.getExpression(), modules)) {
    const member = memberDeclaration(owner.node, callee.getName(), modules);
    const returned = propertyFunctionReturn(member, modules);
    if (returned) return returned;
    if (member && (Node.isMethodSignature(member) || Node.isMethodDeclaration(member))) return member.getReturnTypeNode();
  }
  return undefined;
}

/** What a property typed with a function type returns (`getChatModel?: () => Promise<BaseChatModel | null>`), when the member is one. */
function propertyFunctionReturn(member: Node | undefined, modules: ModuleLoader): Node | undefined {
  const typeNode = member && (Node.isPropertySignature(member) || Node.isPropertyDeclaration(member)) ? member.getTypeNode() : undefined;
  return typeNode && functionTypeReturn(typeNode, modules);
}

/** The return type of a function type, written as one or named by a type alias (through imports): `(config) => GatewayProvider`. */
export function functionTypeReturn(typeNode: Node, modules: ModuleLoader): Node | undefined {
  let current: Node | undefined = typeNode;
  for (let hops = 0; current && hops < MAX_SHAPE_DEPTH; hops++) {
    if (Node.isParenthesizedTypeNode(current)) current = current.getTypeNode();
    else if (Node.isFunctionTypeNode(current)) return current.getReturnTypeNode();
    else if (Node.isTypeReference(current) && Node.isIdentifier(current.getTypeName())) {
      const declaration = typeDeclaration(current.getSourceFile(), current.getTypeName().getText(), modules);
      current = declaration && Node.isTypeAliasDeclaration(declaration) ? declaration.getTypeNode() : undefined;
    } else return undefined;
  }
  return undefined;
}

type FunctionNode = Node & { getReturnTypeNode?(): TypeNode | undefined; getParameters(): Node[] };

/**
 * The function a `ReturnType<typeof createModel>` type names (also `ReturnType<typeof model_factory.create_xai_model>` and
 * `ReturnType<typeof import('../utils/model-factory').model_factory.create_xai_model>`): a function or a class's static
 * method, through imports. Undefined for any other type, and for a function of a package (its declaration is not read).
 */
export function functionTypeQueried(typeNode: Node, modules: ModuleLoader): FunctionNode | undefined {
  if (!Node.isTypeReference(typeNode) || typeNode.getTypeName().getText() !== 'ReturnType') return undefined;
  const [query] = typeNode.getTypeArguments();
  let names: string[];
  let owner: Node | undefined;
  if (query && Node.isTypeQuery(query)) {
    const exprName = query.getExprName();
    let first: Node = exprName;
    while (Node.isQualifiedName(first)) first = first.getLeft();
    names = exprName.getText().split('.').slice(1);
    owner = Node.isIdentifier(first) ? findDeclaration(first, modules) : undefined;
  } else if (query && Node.isImportTypeNode(query) && query.compilerNode.isTypeOf) {
    const argument = query.getArgument();
    const literal = Node.isLiteralTypeNode(argument) ? argument.getLiteral() : undefined;
    const target = literal && Node.isStringLiteral(literal) ? modules.resolve(query.getSourceFile(), literal.getLiteralValue()) : undefined;
    const [exported, ...rest] = query.getQualifier()?.getText().split('.') ?? [];
    names = rest;
    owner = target && exported ? findExport(target, exported, modules, 0) : undefined;
  } else return undefined;
  for (const name of names) owner = owner && (Node.isClassDeclaration(owner) ? owner.getStaticMember(name) : undefined);
  return owner && Node.isMethodDeclaration(owner) ? owner : functionDeclaredBy(owner);
}

/** The function a declaration gives its name: a function declaration, or the arrow or function expression a variable holds. */
function functionDeclaredBy(declaration: Node | undefined): FunctionNode | undefined {
  if (!declaration) return undefined;
  if (Node.isFunctionDeclaration(declaration)) return declaration;
  const value = Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  const unwrapped = value && unwrapExpression(value);
  return unwrapped && (Node.isArrowFunction(unwrapped) || Node.isFunctionExpression(unwrapped)) ? unwrapped : undefined;
}

/**
 * The type a value is declared with: its variable's or parameter's annotation, or the declared return of the call it is
 * made by (`const pipe = await getPipeline(from, to)` of a function declared to return `Promise<TranslationPipeline>`).
 */
export function declaredTypeOf(value: Node, modules: ModuleLoader): TypeNode | undefined {
  const node = unwrapExpression(value);
  const declaration = Node.isIdentifier(node) ? findDeclaration(node, modules) : undefined;
  if (!declaration || !(Node.isVariableDeclaration(declaration) || Node.isParameterDeclaration(declaration))) return undefined;
  const annotated = declaration.getTypeNode();
  if (annotated) return annotated;
  const initializer = initializerOf(declaration);
  const made = initializer && unwrapExpression(initializer);
  return made && Node.isCallExpression(made) ? functionOf(made.getExpression(), modules)?.getReturnTypeNode?.() : undefined;
}

/** The function a callee names: a function declaration, a function held by a variable, or a method of what the receiver is. */
export function functionOf(callee: Node, modules: ModuleLoader, depth = 0): FunctionNode | undefined {
  const target = unwrapExpression(callee);
  if (Node.isIdentifier(target)) return functionDeclaredBy(findDeclaration(target, modules));
  if (Node.isPropertyAccessExpression(target)) {
    for (const owner of shapesOf(target.getExpression(), modules, depth + 1)) {
      const member = Node.isObjectLiteralExpression(owner.node) ? owner.node.getProperty(target.getName()) : memberDeclaration(owner.node, target.getName(), modules);
      if (member && Node.isMethodDeclaration(member)) return member;
      const value = member && Node.isPropertyAssignment(member) ? unwrapExpression(member.getInitializerOrThrow()) : undefined;
      if (value && (Node.isArrowFunction(value) || Node.isFunctionExpression(value))) return value;
      // `export default { getEnabledEmbeddingProviders }`: the function the property names.
      const named = member && Node.isShorthandPropertyAssignment(member) ? member.getNameNode() : value && Node.isIdentifier(value) ? value : undefined;
      const found = named && functionOf(named, modules, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}


/** The declarations a type node names: classes, interfaces, type literals and function types (through aliases, unions, intersections, `Promise<T>`, `Omit<T, ...>`). */
export function typeShapes(typeNode: Node, modules: ModuleLoader, depth = 0): Shape[] {
  if (depth > MAX_SHAPE_DEPTH) return cutShort([]);
  if (Node.isParenthesizedTypeNode(typeNode)) return typeShapes(typeNode.getTypeNode(), modules, depth + 1);
  if (Node.isUnionTypeNode(typeNode) || Node.isIntersectionTypeNode(typeNode)) return typeNode.getTypeNodes().flatMap((member) => typeShapes(member, modules, depth + 1));
  if (Node.isTypeLiteral(typeNode) || Node.isFunctionTypeNode(typeNode)) return [{ node: typeNode, made: false }];
  if (!Node.isTypeReference(typeNode)) return [];
  const typeName = typeNode.getTypeName();
  // `Types.UiModel` with `import * as Types from './types'`: the type that module exports.
  if (!Node.isIdentifier(typeName)) {
    const declaration = namespacedTypeDeclaration(typeName, modules, depth);
    return declaration ? [{ node: declaration, made: false }] : [];
  }
  const name = typeName.getText();
  if (name === 'ReturnType') {
    // `ReturnType<typeof addEndpoint>`: what that function returns.
    const query = typeNode.getTypeArguments()[0];
    const fn = query && Node.isTypeQuery(query) ? functionOf(query.getExprName(), modules, depth + 1) : undefined;
    if (!fn) return [];
    const declared = fn.getReturnTypeNode?.();
    return declared ? typeShapes(declared, modules, depth + 1) : returnsOf(fn).flatMap((returned) => shapesOf(returned, modules, depth + 1));
  }
  if (TRANSPARENT_GENERICS.has(name)) {
    const first = typeNode.getTypeArguments()[0];
    return first ? typeShapes(first, modules, depth + 1) : [];
  }
  if (name === 'InstanceType') {
    // `InstanceType<typeof UITarsModel>`: an instance of that class (or of a subclass).
    const query = typeNode.getTypeArguments()[0];
    const cls = query && Node.isTypeQuery(query) ? classOfExpression(query.getExprName(), modules, depth + 1) : undefined;
    return cls ? [{ node: cls, made: false }] : [];
  }
  const declaration = typeDeclaration(typeName.getSourceFile(), name, modules);
  if (!declaration) return [];
  if (Node.isTypeAliasDeclaration(declaration)) {
    const aliased = declaration.getTypeNode();
    const shapes = aliased ? typeShapes(aliased, modules, depth + 1) : [];
    // A function type is known by its alias's name: implementations say `Promise<Endpoint>`, not the signature.
    return shapes.map((shape) => (Node.isFunctionTypeNode(shape.node) ? { node: declaration, made: false } : shape));
  }
  return [{ node: declaration, made: false }];
}

/** A class, interface or type alias named in a file: declared there, or imported (named or default) from a workspace module. */
export function typeDeclaration(sourceFile: SourceFile, name: string, modules: ModuleLoader, depth = 0): Node | undefined {
  if (depth > MAX_SHAPE_DEPTH) return cutShort(undefined);
  const local = sourceFile.getClass(name) ?? sourceFile.getInterface(name) ?? sourceFile.getTypeAlias(name) ?? sourceFile.getEnum(name) ?? heldClass(sourceFile, name);
  if (local) return local;
  for (const declaration of sourceFile.getImportDeclarations()) {
    const specifier = declaration.getModuleSpecifierValue();
    const named = declaration.getNamedImports().find((candidate) => (candidate.getAliasNode()?.getText() ?? candidate.getName()) === name);
    const isDefault = declaration.getDefaultImport()?.getText() === name;
    if (!named && !isDefault) continue;
    const target = modules.resolve(sourceFile, specifier);
    return target ? exportedType(target, named ? named.getName() : 'default', modules, depth + 1) : undefined;
  }
  return undefined;
}

/** `var ChatGPTAPI = class { ... }` at a module's top (as bundlers write classes): the class expression, the type the name stands for. */
function heldClass(sourceFile: SourceFile, name: string): Node | undefined {
  const initializer = sourceFile.getVariableDeclaration(name)?.getInitializer();
  return initializer && Node.isClassExpression(initializer) ? initializer : undefined;
}

function exportedType(sourceFile: SourceFile, name: string, modules: ModuleLoader, depth: number): Node | undefined {
  if (depth > MAX_SHAPE_DEPTH) return cutShort(undefined);
  if (name === 'default') {
    // `hasDefaultKeyword`, not `isDefaultExport`: the latter asks the type checker, which builds a program.
    const declared = sourceFile.getClasses().find((candidate) => candidate.hasDefaultKeyword()) ?? sourceFile.getInterfaces().find((candidate) => candidate.hasDefaultKeyword());
    if (declared) return declared;
    const assignment = sourceFile.getExportAssignment((candidate) => !candidate.isExportEquals());
    const expression = assignment?.getExpression();
    return expression && Node.isIdentifier(expression) ? typeDeclaration(sourceFile, expression.getText(), modules, depth + 1) : undefined;
  }
  const local = sourceFile.getClass(name) ?? sourceFile.getInterface(name) ?? sourceFile.getTypeAlias(name) ?? sourceFile.getEnum(name) ?? heldClass(sourceFile, name);
  if (local) return local;
  for (const declaration of sourceFile.getExportDeclarations()) {
    const specifier = declaration.getModuleSpecifierValue();
    const named = declaration.getNamedExports().find((candidate) => (candidate.getAliasNode()?.getText() ?? candidate.getName()) === name);
    if (named) {
      if (!specifier) return typeDeclaration(sourceFile, named.getName(), modules, depth + 1);
      const target = modules.resolve(sourceFile, specifier);
      return target ? exportedType(target, named.getName(), modules, depth + 1) : undefined;
    }
    if (specifier && declaration.getNamedExports().length === 0 && !declaration.getNamespaceExport()) {
      const target = modules.resolve(sourceFile, specifier);
      const found = target && exportedType(target, name, modules, depth + 1);
      if (found) return found;
    }
  }
  // `import { X } from './x'; export { X }` is covered above; an imported name used as a type here.
  return typeDeclaration(sourceFile, name, modules, depth + 1) ?? undefined;
}

/**
 * What a type node stands for: a type reference's declaration (an interface or class), an alias read as the type it
 * names (`type Options = { ... }`, `type Model = 'a' | 'b'`), any other type node itself; a name through a workspace
 * module's namespace import (`Types.UiModel`) too.
 */
export function resolvedTypeNode(typeNode: Node, modules: ModuleLoader): Node | undefined {
  if (!Node.isTypeReference(typeNode)) return typeNode;
  const typeName = typeNode.getTypeName();
  const declaration = Node.isIdentifier(typeName) ? typeDeclaration(typeNode.getSourceFile(), typeName.getText(), modules) : namespacedTypeDeclaration(typeName, modules, 0);
  return declaration && Node.isTypeAliasDeclaration(declaration) ? declaration.getTypeNode() : declaration;
}

/**
 * A type named through a namespace import of a workspace module (`Types.UiModel` with `import * as Types from './types'`):
 * the class, interface or type alias that module exports under the name; undefined for a package's namespace or a
 * deeper name.
 */
function namespacedTypeDeclaration(typeName: Node, modules: ModuleLoader, depth: number): Node | undefined {
  if (!Node.isQualifiedName(typeName)) return undefined;
  const namespace = typeName.getLeft();
  if (!Node.isIdentifier(namespace)) return undefined;
  const sourceFile = typeName.getSourceFile();
  const imported = sourceFile.getImportDeclarations().find((declaration) => declaration.getNamespaceImport()?.getText() === namespace.getText());
  const target = imported && modules.resolve(sourceFile, imported.getModuleSpecifierValue());
  return target ? exportedType(target, typeName.getRight().getText(), modules, depth + 1) : undefined;
}

/** The declared type of a property of a type (`{ model: Model }`, or the app's interface or type alias a reference names). */
export function propertyTypeOf(typeNode: Node, name: string, modules: ModuleLoader): Node | undefined {
  const owner = resolvedTypeNode(typeNode, modules);
  const member = owner && memberDeclaration(owner, name, modules);
  return member && Node.isPropertySignature(member) ? member.getTypeNode() : undefined;
}

/** A member of a class (its own or inherited), interface (its own or extended) or type literal, by name. */
export function memberDeclaration(owner: Node, name: string, modules: ModuleLoader, depth = 0): Node | undefined {
  if (depth > MAX_SHAPE_DEPTH) return cutShort(undefined);
  if (Node.isClassDeclaration(owner) || Node.isClassExpression(owner)) {
    const own = owner.getInstanceMember(name) ?? owner.getStaticMember(name) ?? owner.getConstructors()[0]?.getParameters().find((parameter) => parameter.getName() === name && parameter.isParameterProperty());
    if (own) return own;
    const base = superclassOf(owner, modules);
    return base ? memberDeclaration(base, name, modules, depth + 1) : undefined;
  }
  if (Node.isInterfaceDeclaration(owner)) {
    const own = owner.getProperty(name) ?? owner.getMethod(name);
    if (own) return own;
    for (const heritage of owner.getExtends()) {
      const base = heritageDeclaration(heritage, modules);
      const found = base && memberDeclaration(base, name, modules, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (Node.isTypeLiteral(owner)) return owner.getProperty(name) ?? owner.getMethod(name);
  return undefined;
}

/** The function type a member has: a method signature, or a property typed with a function type (directly or through an alias). */
function functionTypeOf(member: Node): (Node & { getParameters(): Array<{ getTypeNode(): TypeNode | undefined }> }) | undefined {
  if (Node.isMethodSignature(member) || Node.isMethodDeclaration(member)) return member;
  const typeNode = Node.isPropertySignature(member) || Node.isPropertyDeclaration(member) ? member.getTypeNode() : undefined;
  return typeNode && Node.isFunctionTypeNode(typeNode) ? typeNode : undefined;
}

/** The class a `new X` or `extends X` names (through imports and requires). */
export function classOfExpression(expression: Node, modules: ModuleLoader, depth = 0): Node | undefined {
  const target = unwrapExpression(expression);
  if (Node.isClassExpression(target)) return target;
  // `new this(embeddings)` in a static factory (`static fromDocuments(docs, embeddings)`): the class it is declared in.
  if (target.getKind() === SyntaxKind.ThisKeyword) {
    const method = target.getFirstAncestor((ancestor) => Node.isMethodDeclaration(ancestor) || Node.isFunctionDeclaration(ancestor) || Node.isFunctionExpression(ancestor));
    const owner = method?.getParent();
    return method && Node.isMethodDeclaration(method) && method.isStatic() && owner && (Node.isClassDeclaration(owner) || Node.isClassExpression(owner)) ? owner : undefined;
  }
  if (Node.isIdentifier(target)) {
    const declaration = findDeclaration(target, modules);
    // `export default BaseLLM`: the import resolves to the exported name, declared in that module.
    if (declaration && Node.isIdentifier(declaration) && declaration !== target && depth < MAX_SHAPE_DEPTH) return classOfExpression(declaration, modules, depth + 1);
    if (declaration && (Node.isClassDeclaration(declaration) || Node.isClassExpression(declaration))) return declaration;
    // `module.exports.Pinecone = PineconeDB` (a class exported under another name): the class assigned.
    if (declaration && Node.isBinaryExpression(declaration) && declaration.getOperatorToken().getKind() === SyntaxKind.EqualsToken && depth < MAX_SHAPE_DEPTH) return classOfExpression(declaration.getRight(), modules, depth + 1);
    const value = declaration && (Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : Node.isPropertyAssignment(declaration) ? declaration.getInitializer() : undefined);
    if (value && Node.isClassExpression(unwrapExpression(value))) return unwrapExpression(value);
    // `const Memory = mod.Memory` of a module loaded by `await import(...)`: the class the module exports.
    return value && Node.isPropertyAccessExpression(unwrapExpression(value)) && depth < MAX_SHAPE_DEPTH ? classOfExpression(value, modules, depth + 1) : undefined;
  }
  if (Node.isPropertyAccessExpression(target)) {
    // `mod.Memory` after `const mod = await import('mem0ai/oss')` (or a namespace import): the module's exported class.
    const exported = namespaceMember(target, modules);
    if (exported && (Node.isClassDeclaration(exported) || Node.isClassExpression(exported))) return exported;
    // `new Providers.OpenAIProvider()`: the member of an object or module of classes.
    for (const owner of shapesOf(target.getExpression(), modules)) {
      const value = Node.isObjectLiteralExpression(owner.node) ? propertyOfObject(owner.node, target.getName()) : undefined;
      if (value) return classOfExpression(value, modules);
    }
  }
  return undefined;
}

export function superclassOf(cls: Node, modules: ModuleLoader): Node | undefined {
  if (!(Node.isClassDeclaration(cls) || Node.isClassExpression(cls))) return undefined;
  const heritage = cls.getExtends();
  return heritage ? classOfExpression(heritage.getExpression(), modules) : undefined;
}

/**
 * Every class a class extends directly: the one `extends X` names, or, when the heritage is a mixin call
 * (`extends InheritMultiple([Provider, UnTooled])`, `extends Mixin(Base, Tooled)`), each class passed to it.
 */
export function classesExtendedBy(cls: Node, modules: ModuleLoader): Node[] {
  const named = superclassOf(cls, modules);
  if (named) return [named];
  const heritage = Node.isClassDeclaration(cls) || Node.isClassExpression(cls) ? cls.getExtends() : undefined;
  if (!heritage) return [];
  const mixin = unwrapExpression(heritage.getExpression());
  if (!Node.isCallExpression(mixin)) return [];
  const passed = mixin.getArguments().flatMap((argument) => {
    const value = unwrapExpression(argument);
    return Node.isArrayLiteralExpression(value) ? value.getElements() : [value];
  });
  return passed.map((value) => classOfExpression(value, modules)).filter((found): found is Node => found !== undefined);
}

function heritageDeclaration(heritage: Node, modules: ModuleLoader): Node | undefined {
  if (!Node.isExpressionWithTypeArguments(heritage)) return undefined;
  const expression = heritage.getExpression();
  if (!Node.isIdentifier(expression)) return undefined;
  return typeDeclaration(heritage.getSourceFile(), expression.getText(), modules) ?? classOfExpression(expression, modules);
}

/**
 * The types a class is one of: itself, its superclasses, the interfaces it or they implement and
 * the interfaces those extend. For `made` lookups only the class chain counts (`lineage`).
 */
export function supertypesOf(cls: Node, modules: ModuleLoader): Node[] {
  const found: Node[] = [];
  const add = (node: Node | undefined, depth: number): void => {
    if (!node || depth > MAX_SHAPE_DEPTH || found.some((known) => sameNode(known, node))) return;
    found.push(node);
    if (Node.isClassDeclaration(node) || Node.isClassExpression(node)) {
      add(superclassOf(node, modules), depth + 1);
      for (const heritage of node.getImplements()) add(heritageDeclaration(heritage, modules), depth + 1);
    } else if (Node.isInterfaceDeclaration(node)) {
      for (const heritage of node.getExtends()) add(heritageDeclaration(heritage, modules), depth + 1);
    }
  };
  add(cls, 0);
  return found;
}

/**
 * Whether a class meets an interface of the app's that lists `member` (the method called through it) without naming it:
 * every member the interface (and those it extends) requires is one the class or a superclass declares, by name.
 * TypeScript checks structure, so an app's providers often skip `implements` (Trilium's `BaseEmbeddingProvider` meets
 * `EmbeddingProvider`, which its registry hands out). An interface requiring fewer than MIN_STRUCTURAL_MEMBERS says too
 * little: a one-method `StreamingModel { stream }` is met by the gateway under the adapter that names it, and the chain
 * would skip the adapter.
 */
export function meetsInterface(cls: Node, contract: Node, member: string, modules: ModuleLoader): boolean {
  if (!Node.isInterfaceDeclaration(contract) || !memberSignatures(contract).some((signature) => signature.getName() === member)) return false;
  const key = `${contract.getSourceFile().getFilePath()}:${contract.getStart()}`;
  let answers = structuralAnswers.get(cls);
  if (!answers) structuralAnswers.set(cls, (answers = new Map()));
  const known = answers.get(key);
  if (known !== undefined) return known;
  const required = requiredMemberNames(contract, modules);
  const declared = new Set(lineageOf(cls, modules).flatMap(memberNamesOfClass));
  const meets = required.size >= MIN_STRUCTURAL_MEMBERS && [...required].every((name) => declared.has(name));
  answers.set(key, meets);
  return meets;
}

/** Members an interface must require before a class meeting them all is taken for one of its implementations. */
const MIN_STRUCTURAL_MEMBERS = 2;

const structuralAnswers = new WeakMap<Node, Map<string, boolean>>();

/** The names an interface and the interfaces it extends require (members without `?`); an index signature requires none. */
function requiredMemberNames(contract: Node, modules: ModuleLoader): Set<string> {
  const names = new Set<string>();
  for (const type of supertypesOf(contract, modules)) {
    if (!Node.isInterfaceDeclaration(type)) continue;
    for (const signature of memberSignatures(type)) if (!signature.hasQuestionToken()) names.add(signature.getName());
  }
  return names;
}

/** An interface's own named members: its property and method signatures. */
function memberSignatures(contract: import('ts-morph').InterfaceDeclaration): Array<import('ts-morph').PropertySignature | import('ts-morph').MethodSignature> {
  return contract.getMembers().filter((member) => Node.isPropertySignature(member) || Node.isMethodSignature(member));
}

/** The members a class declares by name: methods, properties, accessors and constructor parameter properties. */
function memberNamesOfClass(cls: Node): string[] {
  if (!(Node.isClassDeclaration(cls) || Node.isClassExpression(cls))) return [];
  const names: string[] = [];
  for (const member of cls.getMembers()) {
    if (Node.isMethodDeclaration(member) || Node.isPropertyDeclaration(member) || Node.isGetAccessorDeclaration(member) || Node.isSetAccessorDeclaration(member)) names.push(member.getName());
  }
  for (const constructor of cls.getConstructors()) {
    for (const parameter of constructor.getParameters()) if (parameter.isParameterProperty()) names.push(parameter.getName());
  }
  return names;
}

/** Lineages asked for during one search; a class node's chain does not change while its file is parsed. */
const lineages = new WeakMap<Node, Node[]>();

/** A class and its superclasses, nearest first. */
export function lineageOf(cls: Node, modules: ModuleLoader): Node[] {
  const known = lineages.get(cls);
  if (known && !known.some((node) => node.wasForgotten())) return known;
  const found: Node[] = [];
  for (let current: Node | undefined = cls; current && found.length <= MAX_SHAPE_DEPTH && !found.some((known) => sameNode(known, current!)); current = superclassOf(current, modules)) found.push(current);
  lineages.set(cls, found);
  return found;
}

export function sameNode(a: Node, b: Node): boolean {
  return a.getSourceFile().getFilePath() === b.getSourceFile().getFilePath() && a.getStart() === b.getStart() && a.getEnd() === b.getEnd();
}
