import * as path from 'node:path';
import { Node, SyntaxKind, ts, type CallExpression, type ConditionalExpression, type MethodDeclaration, type NewExpression, type ParameterDeclaration, type PropertyAccessExpression, type SourceFile, type TypeParameterDeclaration, type VariableDeclaration } from 'ts-morph';
import type { DetectedCall, Endpoint, ModelRef, ModelSource, PromptMessage } from '../../model/types';
import { isLocalServer } from '../../model/vocabulary';
import type { AnalyzerContext } from '../analyzer';
import type { ModuleLoader } from './modules';
import { methodPath, receiverOf } from './callsite';
import { baseClassOf } from './clients';
import { appRoot, appSourceFilesMatching } from './nearbyFiles';
import { ALSO_SELF_HOSTED_PROVIDERS, providerFromBaseUrl, providerFromSettingName } from './providers';
import { isReassignedLet, isSettingsDefault, likelyFirstReturns, markSettingsDefaultRef, modelCandidates, settingUrl, statedOnlyBySubclasses } from './modelValue';
import { assignedValues, constInitializer, findDeclaration, firstProperty, getObjectProperty, holdsNoValue, type ImportBinding, importBindingOf, importSpecifierOf, initializerOf, isFunctionNode, namespaceMember, placeOf, promiseSettledFrom, resolveObjectLiteral, resolveString, returnedArgument, sdkPackageOf, thisAssignments, unwrapExpression, writtenImportSpecifier } from './resolve';
import { resolveContentParts, resolvePromptText } from './prompt';
import { compilerCallsOf, nodeTests, withoutCasts, wrapCompilerNode } from './calls';
import { declaredReturnType, functionTypeQueried, propertyTypeOf, typeDeclaration } from './shapes';

/**
 * Helpers shared by the SDK analyzers beyond OpenAI: method tables, which package a binding was
 * imported from, following a value to the expression that made it, and reading common request
 * fields (model, tools, max tokens). Syntactic only, like the rest of `shared/`.
 */

const MAX_TRACE_DEPTH = 10;

/**
 * The name a call's callee ends in: `create` for `a.b.create(...)`, `fetch` for `(await fetch)(...)`;
 * undefined for anything else (`f()()`, `a[b]()`). Read off the compiler node, without wrapping.
 */
export function calleeNameOf(call: ts.CallExpression): string | undefined {
  let callee = withoutCasts(call.expression);
  while (nodeTests.isAwaitExpression(callee)) callee = withoutCasts(callee.expression);
  if (nodeTests.isIdentifier(callee)) return callee.text;
  if (nodeTests.isPropertyAccessExpression(callee)) return callee.name.text;
  // `customFetch(requestOptions)(url, init)`: the fetch a factory of the app returns, called at once, goes by the factory's name.
  if (nodeTests.isCallExpression(callee)) {
    const factory = calleeNameOf(callee);
    return factory !== undefined && FETCH_FACTORY_NAME.test(factory) ? factory : undefined;
  }
  return undefined;
}

const FETCH_FACTORY_NAME = /fetch/i;

/** The callee names of a file's calls (`compilerCallsOf`), in the same order, read once per file for all the analyzers. */
const CALLEE_NAMES = new WeakMap<readonly ts.CallExpression[], ReadonlyArray<string | undefined>>();

function calleeNamesOf(calls: readonly ts.CallExpression[]): ReadonlyArray<string | undefined> {
  let names = CALLEE_NAMES.get(calls);
  if (!names) CALLEE_NAMES.set(calls, (names = calls.map(calleeNameOf)));
  return names;
}

/** The name of the method a forwarding call invokes (`forwardedMethodOf`), read once per call for all the analyzers; null when none. */
const FORWARDED_NAMES = new WeakMap<ts.CallExpression, string | null>();

function forwardedNameOf(call: CallExpression, modules: ModuleLoader): string | undefined {
  let name = FORWARDED_NAMES.get(call.compilerNode);
  if (name === undefined) FORWARDED_NAMES.set(call.compilerNode, (name = forwardedMethodOf(call, modules)?.method.getName() ?? null));
  return name ?? undefined;
}

/**
 * An analyzer's `analyze`: runs `analyzeCall` on the file's call expressions and keeps what it
 * reports. `acceptsCalleeName`, when given, must be true for every callee name `analyzeCall` could
 * report (it is the analyzer's own first check, moved before wrapping); other calls are skipped.
 * With `forwarded`, a method invoked through `.call`, `.apply` or `.bind` (`forwardedMethodOf`) is
 * tested by the method's name: for analyzers that read their calls through `matchMethodTable`.
 */
export function eachCall(analyzeCall: (call: CallExpression, context: AnalyzerContext) => DetectedCall | undefined, acceptsCalleeName?: (name: string) => boolean, options: { forwarded?: boolean; acceptsFirstArgument?: (text: string) => boolean } = {}): (context: AnalyzerContext) => DetectedCall[] {
  return (context) => {
    const detected: DetectedCall[] = [];
    const calls = compilerCallsOf(context.sourceFile);
    const names = acceptsCalleeName ? calleeNamesOf(calls) : undefined;
    // Read only by an analyzer that looks at first arguments (the http analyzer's endpoint paths).
    const fileText = options.acceptsFirstArgument ? context.sourceFile.getFullText() : '';
    for (let index = 0; index < calls.length; index++) {
      if (names) {
        const name = names[index];
        const first = options.acceptsFirstArgument && calls[index].arguments[0];
        const accepted = (name !== undefined && acceptsCalleeName!(name)) || (!!first && options.acceptsFirstArgument!(fileText.slice(first.pos, first.end)));
        if (!accepted && !(options.forwarded && forwardingShapeOf(calls[index]))) continue;
        if (!accepted) {
          const forwardedName = forwardedNameOf(wrapCompilerNode<CallExpression>(context.sourceFile, calls[index]), context.modules);
          if (forwardedName === undefined || !acceptsCalleeName!(forwardedName)) continue;
        }
      }
      const found = analyzeCall(wrapCompilerNode<CallExpression>(context.sourceFile, calls[index]), context);
      if (found) detected.push(found);
    }
    return detected;
  };
}

/** The last names of a method table's paths (`create` of `chat.completions.create`): what `matchMethodTable` can match. */
export function lastNamesOf(table: readonly { path: string }[]): ReadonlySet<string> {
  return shapeOf(table).lastNames;
}

const SHAPE_BY_TABLE = new WeakMap<object, { lastNames: Set<string>; depths: number[] }>();

/** A method table's last names and path depths (longest first), worked out once per table. */
function shapeOf(table: readonly { path: string }[]): { lastNames: Set<string>; depths: number[] } {
  let shape = SHAPE_BY_TABLE.get(table);
  if (!shape) {
    shape = { lastNames: new Set(table.map((row) => row.path.split('.').pop()!)), depths: [...new Set(table.map((row) => row.path.split('.').length))].sort((a, b) => b - a) };
    SHAPE_BY_TABLE.set(table, shape);
  }
  return shape;
}

/** One row of an analyzer's method table: the dotted path as called and the endpoint it bills. */
export interface MethodSpec {
  path: string;
  endpoint: Endpoint;
  streaming?: boolean;
  structured?: boolean;
}

/** A row of a method table matched by a call: how many names its path spans, the client it is called on and the arguments it is handed. */
export interface MethodMatch<T> {
  method: T;
  depth: number;
  receiver: Node;
  arguments: Node[];
}

/**
 * The longest row of `table` whose path ends the method `call` invokes (`invokedMethodOf`), the receiver
 * before that path (`openai` of `openai.chat.completions.create`) and the arguments the method is handed.
 */
export function matchMethodTable<T extends { path: string }>(call: CallExpression, table: readonly T[], modules: ModuleLoader): MethodMatch<T> | undefined {
  // Cheap reject first: the callee's last name must end some row's path.
  const shape = shapeOf(table);
  const forwarding = forwardingShapeOf(call.compilerNode);
  const callee = forwarding ? undefined : withoutCasts(call.compilerNode.expression);
  if (callee && !(ts.isPropertyAccessExpression(callee) && shape.lastNames.has(callee.name.text))) return undefined;
  const invoked = invokedMethodOf(call, modules, forwarding);
  if (!invoked || !shape.lastNames.has(invoked.method.getName())) return undefined;
  for (const depth of shape.depths) {
    const path = methodPath(invoked.method.compilerNode, depth);
    if (!path) continue;
    const method = table.find((row) => row.path === path);
    const receiver = method && receiverOf(invoked.method, depth);
    if (method && receiver) return { method, depth, receiver, arguments: invoked.arguments };
  }
  return undefined;
}

/** The `Function.prototype` methods that invoke a function with a `this` chosen by hand. */
type Forwarding = 'call' | 'apply' | 'bind';

/**
 * The compiler-node test for a forwarding call, `f.call(...)`, `f.apply(...)` or `f.bind(...)(...)`: the way it
 * forwards and `f` as written. Cheap: no wrapping, no lookup.
 */
function forwardingShapeOf(call: ts.CallExpression): { through: Forwarding; held: ts.Expression; bindCall?: ts.CallExpression } | undefined {
  const callee = withoutCasts(call.expression);
  if (nodeTests.isPropertyAccessExpression(callee)) {
    const name = callee.name.text;
    return name === 'call' || name === 'apply' ? { through: name, held: withoutCasts(callee.expression) } : undefined;
  }
  if (!ts.isCallExpression(callee)) return undefined;
  const binder = withoutCasts(callee.expression);
  return nodeTests.isPropertyAccessExpression(binder) && binder.name.text === 'bind' ? { through: 'bind', held: withoutCasts(binder.expression), bindCall: callee } : undefined;
}

/**
 * A method invoked with its `this` set by hand, and the arguments it receives: a client's method kept in a
 * constant before a wrapper replaces it, then forwarded to (`const original = client.chat.completions.create`
 * ... `original.call(client.chat.completions, { ...params, messages })`), or called through `.apply(this, [params])`
 * or `.bind(this)(params)`. The method is the property access it was read from; undefined when the call
 * forwards nothing that is one (`Object.prototype.hasOwnProperty.call(...)` is, and no table names it).
 */
export function forwardedMethodOf(call: CallExpression, modules: ModuleLoader, shape = forwardingShapeOf(call.compilerNode)): { method: PropertyAccessExpression; arguments: Node[]; through: Forwarding } | undefined {
  if (!shape) return undefined;
  const method = heldMethod(wrapCompilerNode(call.getSourceFile(), shape.held), modules);
  if (!method) return undefined;
  const given = call.getArguments();
  if (shape.through === 'call') return { method, arguments: given.slice(1), through: 'call' };
  if (shape.through === 'apply') {
    const list = given[1] && unwrapExpression(given[1]);
    return { method, arguments: list && Node.isArrayLiteralExpression(list) ? list.getElements() : [], through: 'apply' };
  }
  const bound = wrapCompilerNode<CallExpression>(call.getSourceFile(), shape.bindCall!).getArguments().slice(1);
  return { method, arguments: [...bound, ...given], through: 'bind' };
}

/** The method a call invokes, called directly or forwarded (`forwardedMethodOf`), when it is a property access. */
function invokedMethodOf(call: CallExpression, modules: ModuleLoader, forwarding: ReturnType<typeof forwardingShapeOf>): { method: PropertyAccessExpression; arguments: Node[] } | undefined {
  if (forwarding) return forwardedMethodOf(call, modules, forwarding);
  // The callee's casts (`(x.create as Function)(...)`) read past as on the compiler's nodes (an awaited callee never matches).
  const callee = wrapCompilerNode(call.getSourceFile(), withoutCasts(call.compilerNode.expression));
  return Node.isPropertyAccessExpression(callee) ? { method: callee, arguments: call.getArguments() } : undefined;
}

/** `client.chat.completions.create` itself, or a constant holding it (`const original = client.chat.completions.create`). */
function heldMethod(held: Node, modules: ModuleLoader): PropertyAccessExpression | undefined {
  if (Node.isPropertyAccessExpression(held)) return held;
  if (!Node.isIdentifier(held)) return undefined;
  const initializer = constInitializer(findDeclaration(held, modules));
  const value = initializer && unwrapExpression(initializer);
  return value && Node.isPropertyAccessExpression(value) ? value : undefined;
}

export { importBindingOf, type ImportBinding } from './resolve';

/**
 * `function run(openai: OpenAIProvider)`: the package the parameter's declared type is imported from
 * (`@ai-sdk/openai`), and the type's name. Undefined for anything but a parameter with an imported type.
 */
export function parameterTypeBinding(identifier: Node, modules: ModuleLoader): { packageName: string; typeName: string } | undefined {
  if (!Node.isIdentifier(identifier)) return undefined;
  const declaration = findDeclaration(identifier, modules);
  if (declaration && Node.isBindingElement(declaration)) return declaredPackageType(bindingElementType(declaration, modules), modules);
  return declaration && Node.isParameterDeclaration(declaration) ? declaredPackageType(declaration.getTypeNode(), modules) : undefined;
}

/**
 * `const store = createVectorStore(embeddings, name)` of a function declared to return `VectorStoreInterface` (or
 * `Promise<...>` of it), or `const store: VectorStore = ...`: the package the variable's declared type is imported from,
 * and the type's name. Undefined for anything but a variable so typed, by its annotation or its initializer's function.
 */
export function heldTypeBinding(identifier: Node, modules: ModuleLoader): { packageName: string; typeName: string } | undefined {
  if (!Node.isIdentifier(identifier)) return undefined;
  const declaration = findDeclaration(identifier, modules);
  if (!declaration || !Node.isVariableDeclaration(declaration)) return undefined;
  const annotated = declaration.getTypeNode();
  if (annotated) return declaredPackageType(settledType(annotated), modules);
  const initializer = declaration.getInitializer();
  const made = initializer && unwrapExpression(initializer);
  const returned = made && Node.isCallExpression(made) ? declaredReturnType(made, modules) : undefined;
  return returned ? declaredPackageType(settledType(returned), modules) : undefined;
}

/** What a `Promise<T>` settles to (`T`); any other type as it is. */
function settledType(typeNode: Node): Node {
  if (Node.isTypeReference(typeNode) && typeNode.getTypeName().getText() === 'Promise') return typeNode.getTypeArguments()[0] ?? typeNode;
  return typeNode;
}

/**
 * `{ model, modelProvider }: { model: LanguageModelLike; modelProvider: string }`: the type a parameter's object type
 * literal gives the property a binding takes. Undefined for any other binding.
 */
function bindingElementType(binding: import('ts-morph').BindingElement, modules: ModuleLoader): Node | undefined {
  const pattern = binding.getParent();
  const parameter = pattern?.getParent();
  if (!pattern || !Node.isObjectBindingPattern(pattern) || !parameter || !Node.isParameterDeclaration(parameter)) return undefined;
  const declared = parameter.getTypeNode();
  if (!declared) return undefined;
  const name = binding.getPropertyNameNode()?.getText() ?? binding.getName();
  // A type literal written on the parameter, or the app's type it names (`{ model }: CallChainArgs` with `type
  // CallChainArgs = { model: ChatOllama }`, an interface, one it extends).
  return Node.isTypeLiteral(declared) ? declared.getProperty(name)?.getTypeNode() : propertyTypeOf(declared, name, modules);
}

/**
 * `this.llm` of a class declaring `private llm: BaseChatModel` (an instance handed in, often cast: `config.model as
 * BaseChatModel`): the package the field's declared type is imported from, and the type's name.
 */
export function fieldTypeBinding(access: Node, modules?: ModuleLoader): { packageName: string; typeName: string } | undefined {
  if (!Node.isPropertyAccessExpression(access) || access.getExpression().getKind() !== SyntaxKind.ThisKeyword) return undefined;
  const owner = access.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
  let holder = owner && (Node.isClassDeclaration(owner) || Node.isClassExpression(owner)) ? owner : undefined;
  // `protected chatLLM: BaseChatModel` declared by the workspace base class a subclass's method reads it in.
  for (let hops = 0; holder && hops <= MAX_BASE_CLASS_HOPS; hops++) {
    const field = holder.getInstanceProperty(access.getName());
    if (field) return Node.isPropertyDeclaration(field) || Node.isParameterDeclaration(field) ? declaredPackageType(field.getTypeNode(), modules) : undefined;
    holder = modules ? baseClassOf(holder, modules) : undefined;
  }
  return undefined;
}

/** How many workspace base classes a field's declaration is looked for through. */
const MAX_BASE_CLASS_HOPS = 3;

/**
 * Whether a declared type stands for a package type `accepts`: the type as imported, a type parameter's constraint
 * (`model: T` of `<T extends LanguageModel>`), any member of a union or intersection, and the workspace's own alias of
 * them (`type LanguageModel = LanguageModelV2 | LanguageModelV3` imported from './util'), followed to the package's types.
 */
export function standsForPackageType(typeNode: Node, accepts: (binding: { packageName: string; typeName: string }) => boolean, modules: ModuleLoader, depth = 0): boolean {
  if (depth > MAX_TRACE_DEPTH) return false;
  if (Node.isParenthesizedTypeNode(typeNode)) return standsForPackageType(typeNode.getTypeNode(), accepts, modules, depth + 1);
  if (Node.isUnionTypeNode(typeNode) || Node.isIntersectionTypeNode(typeNode)) return typeNode.getTypeNodes().some((member) => standsForPackageType(member, accepts, modules, depth + 1));
  if (!Node.isTypeReference(typeNode)) return false;
  const typeName = typeNode.getTypeName();
  // What an async function is declared to return: `Promise<vscode.LanguageModelChat>`.
  if (Node.isIdentifier(typeName) && typeName.getText() === 'Promise') {
    const [settled] = typeNode.getTypeArguments();
    return settled !== undefined && standsForPackageType(settled, accepts, modules, depth + 1);
  }
  if (Node.isIdentifier(typeName)) {
    const parameter = typeParameterNamed(typeNode, typeName.getText());
    if (parameter) {
      const constraint = parameter.getConstraint();
      return constraint !== undefined && standsForPackageType(constraint, accepts, modules, depth + 1);
    }
  }
  const imported = importedTypeOf(typeNode, modules);
  if (imported && accepts(imported)) return true;
  const declaration = Node.isIdentifier(typeName) ? typeDeclaration(typeNode.getSourceFile(), typeName.getText(), modules) : undefined;
  const aliased = declaration && Node.isTypeAliasDeclaration(declaration) ? declaration.getTypeNode() : undefined;
  return aliased !== undefined && standsForPackageType(aliased, accepts, modules, depth + 1);
}

/** The type parameter a name refers to where it is written: declared by an enclosing function, class, interface or alias. */
function typeParameterNamed(where: Node, name: string): TypeParameterDeclaration | undefined {
  for (let scope = where.getParent(); scope; scope = scope.getParent()) {
    if (!Node.isTypeParametered(scope)) continue;
    const found = scope.getTypeParameters().find((parameter) => parameter.getName() === name);
    if (found) return found;
  }
  return undefined;
}

/**
 * The package type a declaration names: its type as imported, or the first member of a union imported from a package
 * (`model: BaseLanguageModelInterface | OpenAIChatLanguageModel`, a LangChain model or the app's own AI SDK type), or
 * what the workspace function a `ReturnType<typeof createModel>` names is declared to return.
 */
function declaredPackageType(typeNode: Node | undefined, modules?: ModuleLoader): { packageName: string; typeName: string } | undefined {
  const queried = typeNode && modules ? functionTypeQueried(typeNode, modules)?.getReturnTypeNode?.() : undefined;
  if (queried) return declaredPackageType(settledType(queried), modules);
  if (!typeNode || !Node.isUnionTypeNode(typeNode)) return importedTypeOf(typeNode, modules);
  for (const member of typeNode.getTypeNodes()) {
    const imported = importedTypeOf(member, modules);
    if (imported && !imported.packageName.startsWith('.')) return imported;
  }
  return undefined;
}

/** A type reference's name and the package its file imports it from (`import type` included: it names the type). */
function importedTypeOf(typeNode: Node | undefined, modules?: ModuleLoader): { packageName: string; typeName: string } | undefined {
  if (!typeNode || !Node.isTypeReference(typeNode)) return undefined;
  const typeName = typeNode.getTypeName();
  const local = Node.isQualifiedName(typeName) ? typeName.getLeft() : typeName;
  const name = Node.isQualifiedName(typeName) ? typeName.getRight().getText() : typeName.getText();
  const specifier = writtenImportSpecifier(local);
  if (specifier === undefined) return undefined;
  return (modules && !Node.isQualifiedName(typeName) ? passedOnPackageType(local, specifier, modules) : undefined) ?? { packageName: sdkPackageOf(specifier), typeName: name };
}

/**
 * `import { BaseChatModel } from '@refly/providers'` (or from './types'), a module of the workspace passing on a
 * package's type (`import { BaseChatModel } from '@langchain/core/...'; export { BaseChatModel }`): that package's
 * type, followed through the workspace's modules. Undefined for an import from a registry package, or a type the
 * workspace declares itself.
 */
function passedOnPackageType(local: Node, specifier: string, modules: ModuleLoader): { packageName: string; typeName: string } | undefined {
  if (!specifier.startsWith('.') && !modules.resolve(local.getSourceFile(), specifier)) return undefined;
  if (!modules.mayExport(local.getSourceFile(), specifier, local.getText())) return undefined;
  const origin = findDeclaration(local, modules);
  if (!origin || origin.getSourceFile() === local.getSourceFile() || !(Node.isImportSpecifier(origin) || Node.isExportSpecifier(origin))) return undefined;
  const packageName = importSpecifierOf(origin);
  return packageName && !packageName.startsWith('.') ? { packageName, typeName: origin.getName() } : undefined;
}

/**
 * The binding a callee names: `generateText` (named import) or `ai.generateText` (namespace or
 * `require` object), as `{ packageName, importedName: 'generateText' }`.
 */
export function calleeBinding(callee: Node, modules: ModuleLoader): ImportBinding | undefined {
  const node = unwrapExpression(callee);
  if (Node.isIdentifier(node)) return importBindingOf(node, modules);
  if (Node.isPropertyAccessExpression(node)) {
    const owner = unwrapExpression(node.getExpression());
    const base = Node.isIdentifier(owner) ? importBindingOf(owner, modules) : undefined;
    if (base && (base.importedName === '*' || base.importedName === 'default')) return { packageName: base.packageName, importedName: node.getName() };
  }
  return undefined;
}

/**
 * The `new X(...)` (form `new`) or `x(...)` (form `call`) an expression's value was made by, followed through constants and
 * imports, when the class or function it calls is a package's export `accepts` takes: `new InMemoryRunner({ agent })`,
 * `genkit({ plugins })`, `createAgent({ model })`. The binding says which export.
 */
export function madeByExport<Form extends 'new' | 'call'>(expression: Node, form: Form, modules: ModuleLoader, accepts: (binding: ImportBinding) => boolean): { made: Form extends 'new' ? NewExpression : CallExpression; binding: ImportBinding } | undefined {
  const made = traceValue(expression, modules);
  if (form === 'new' ? !Node.isNewExpression(made) : !Node.isCallExpression(made)) return undefined;
  const binding = calleeBinding(unwrapExpression((made as NewExpression | CallExpression).getExpression()), modules);
  return binding && accepts(binding) ? { made: made as Form extends 'new' ? NewExpression : CallExpression, binding } : undefined;
}

/**
 * `this.conversationContext.chatSession`: the object literal a class field (or another member access) holds, when the
 * class sets it to one (`this.conversationContext = { chatSession }`), so the member read is the literal's property.
 */
function heldObjectLiteral(owner: Node, modules: ModuleLoader, depth: number): Node | undefined {
  if (!Node.isPropertyAccessExpression(owner)) return undefined;
  const held = traceValue(owner, modules, depth + 1);
  return Node.isObjectLiteralExpression(held) ? held : undefined;
}

/**
 * Follows a value back to the expression that produced it: identifiers to their initializer (also
 * in imported modules), `this.field` to the field initializer or constructor assignment, object
 * literal properties, and calls of local factory functions to what they return. Stops at
 * parameters, package imports and anything else it cannot see through, and returns that node.
 */
export function traceValue(expression: Node, modules: ModuleLoader, depth = 0): Node {
  const node = unwrapExpression(expression);
  if (depth > MAX_TRACE_DEPTH) return node;
  if (Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, modules);
    if (!declaration) return node;
    if (Node.isParameterDeclaration(declaration)) {
      // `(values, model = embeddingModel) => ...`: the default is what callers that omit it get.
      const fallback = declaration.getInitializer();
      return fallback ? traceValue(fallback, modules, depth + 1) : node;
    }
    if (Node.isExpression(declaration) && declaration !== node) return traceValue(declaration, modules, depth + 1);
    const initializer = initializerOf(declaration);
    const made = initializer && Node.isVariableDeclaration(declaration) ? madeOnCacheMiss(declaration, initializer) : undefined;
    if (made) return traceValue(made, modules, depth + 1);
    return initializer ? traceValue(initializer, modules, depth + 1) : node;
  }
  if (Node.isPropertyAccessExpression(node)) {
    const owner = unwrapExpression(node.getExpression());
    if (owner.getKind() === SyntaxKind.ThisKeyword) {
      const member = classMemberValue(node, node.getName(), modules);
      return member ? traceValue(member, modules, depth + 1) : node;
    }
    // `conversationRef.current` of `const conversationRef = useRef(conversation)`: the value the ref was made holding; a
    // ref made empty (`useRef(null)`, Vue's `ref<SpeechRecognizer | null>(null)` read as `recognizer.value`) holds what the
    // module assigns it (`recognizer.value = new SpeechRecognizer(config, audio)`).
    const referenced = node.getName() === 'current' || node.getName() === 'value' ? refHeldValue(owner, node.getName(), modules, depth) : undefined;
    if (referenced) return traceValue(referenced, modules, depth + 1);
    const exported = namespaceMember(node, modules);
    const exportedValue = exported && initializerOf(exported);
    if (exportedValue) return traceValue(exportedValue, modules, depth + 1);
    const object = Node.isIdentifier(owner) ? resolveObjectLiteral(owner, modules) : heldObjectLiteral(owner, modules, depth);
    const property = object && getObjectProperty(object, node.getName(), modules);
    return property ? traceValue(property, modules, depth + 1) : node;
  }
  // `process.env.GEMINI_API_KEY ? new GoogleGenerativeAI(key) : null`: a value made only when it is configured is, where
  // it is used, the one made (the other branch holds nothing to call).
  if (Node.isConditionalExpression(node)) {
    const [whenTrue, whenFalse] = [unwrapExpression(node.getWhenTrue()), unwrapExpression(node.getWhenFalse())];
    if (holdsNoValue(whenFalse) && !holdsNoValue(whenTrue)) return traceValue(whenTrue, modules, depth + 1);
    if (holdsNoValue(whenTrue) && !holdsNoValue(whenFalse)) return traceValue(whenFalse, modules, depth + 1);
    return node;
  }
  // `this.chats[user]` of a class filling the map with `this.chats[user] = model.startChat()`: the value it stores.
  if (Node.isElementAccessExpression(node)) {
    const stored = storedInMap(node.getExpression(), modules);
    return stored ? traceValue(stored, modules, depth + 1) : node;
  }
  if (Node.isCallExpression(node)) {
    const callee = unwrapExpression(node.getExpression());
    const settled = promiseSettledFrom(node);
    if (settled) return traceValue(settled, modules, depth + 1);
    // `sessions.get(id)` of a Map the code fills with `sessions.set(id, model.startChat())`.
    const stored = Node.isPropertyAccessExpression(callee) && callee.getName() === 'get' && node.getArguments().length === 1 ? storedInMap(callee.getExpression(), modules) : undefined;
    if (stored) return traceValue(stored, modules, depth + 1);
    if (!Node.isIdentifier(callee)) return node;
    const declaration = findDeclaration(callee, modules);
    const fn = declaration && (Node.isFunctionDeclaration(declaration) ? declaration : initializerOf(declaration));
    if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return node;
    const body = fn.getBody();
    const returned = body && !Node.isBlock(body) ? body : likelyFirstReturns(fn.getDescendantsOfKind(SyntaxKind.ReturnStatement).map((statement) => statement.getExpression()).filter((value) => value !== undefined) as Node[], modules)[0];
    // `ensureInitialized(this.vertexAI, 'VertexAIClient')` returning its `value` once it is checked: the argument handed in.
    const handedBack = returned ? returnedArgument(fn, node, returned, modules) : undefined;
    if (handedBack) return traceValue(handedBack, modules, depth + 1);
    return returned ? traceValue(returned, modules, depth + 1) : node;
  }
  return node;
}

/**
 * What a call of a class's own method returns (`this.getModel(type)` inside the class, `aiService.getModel(type)` on an
 * instance made with `new AIService()`), when the method has one return: the expression returned, else undefined. A
 * method choosing among values by its arguments is read by whoever asks, with the arguments in place.
 */
export function returnedByOwnMethod(call: Node, modules: ModuleLoader): Node | undefined {
  const node = unwrapExpression(call);
  const callee = Node.isCallExpression(node) ? unwrapExpression(node.getExpression()) : undefined;
  const method = callee && Node.isPropertyAccessExpression(callee) ? classMethodCalled(callee, modules, 0) : undefined;
  const returns = method ? method.getDescendantsOfKind(SyntaxKind.ReturnStatement).filter((statement) => statement.getFirstAncestor(isFunctionNode) === method) : [];
  return returns.length === 1 ? returns[0].getExpression() : undefined;
}

/**
 * The method a call names on `this` (in the class around it) or on an instance the code makes with `new` of a workspace
 * class (`const aiService = new AIService()`), declared in that class with a body; undefined otherwise.
 */
function classMethodCalled(callee: PropertyAccessExpression, modules: ModuleLoader, depth: number): MethodDeclaration | undefined {
  const owner = unwrapExpression(callee.getExpression());
  let declaration: Node | undefined;
  if (owner.getKind() === SyntaxKind.ThisKeyword) declaration = callee.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
  else if (Node.isIdentifier(owner)) {
    const made = traceValue(owner, modules, depth + 1);
    const constructor = Node.isNewExpression(made) ? unwrapExpression(made.getExpression()) : undefined;
    declaration = constructor && Node.isIdentifier(constructor) ? findDeclaration(constructor, modules) : undefined;
  }
  if (!declaration || !(Node.isClassDeclaration(declaration) || Node.isClassExpression(declaration))) return undefined;
  const method = declaration.getInstanceMethod(callee.getName());
  return method && Node.isMethodDeclaration(method) && method.getBody() ? method : undefined;
}

/**
 * `let instance = llmInstances.get(key); if (!instance) { instance = new ChatMistralAI({ model: key }); llmInstances.set(key,
 * instance); }`: a name first looked up in a cache (a Map's `get`, an index into an object) and made when the lookup finds
 * nothing holds what is made, the same value the cache hands out on later calls. The value made (a `new` or a call), if
 * its scope assigns the name exactly one such.
 */
function madeOnCacheMiss(declaration: VariableDeclaration, initializer: Node): Node | undefined {
  const lookup = unwrapExpression(initializer);
  const isLookup = Node.isElementAccessExpression(lookup) || (Node.isCallExpression(lookup) && Node.isPropertyAccessExpression(lookup.getExpression()) && (lookup.getExpression() as PropertyAccessExpression).getName() === 'get');
  if (!isLookup) return undefined;
  const scope = declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor));
  if (!scope) return undefined;
  const made = assignedValues(scope, declaration.getName()).map(unwrapExpression).filter((value) => Node.isNewExpression(value) || Node.isCallExpression(value));
  return made.length === 1 ? made[0] : undefined;
}

/**
 * A receiver made with `new` of a class the workspace declares that extends nothing (`new MockAnthropicClient()` in a
 * test, an app's own API client): its `messages.stream(...)` is that class's method, not an SDK request. A request
 * the class makes inside its methods is read there (and its callers by the caller search).
 */
export function madeByWorkspaceClass(receiver: Node, modules: ModuleLoader): boolean {
  const created = traceValue(receiver, modules);
  if (!Node.isNewExpression(created)) return false;
  const constructor = unwrapExpression(created.getExpression());
  const declaration = Node.isIdentifier(constructor) ? findDeclaration(constructor, modules) : undefined;
  return declaration !== undefined && Node.isClassDeclaration(declaration) && declaration.getExtends() === undefined;
}

/**
 * The value a ref holds: what React's `useRef(value)` (read as `.current`) or Vue's `ref(value)` / `shallowRef(value)` (read
 * as `.value`) was made with, else, for one made empty, the first value the module assigns it (`ref.current = new X()`).
 */
function refHeldValue(owner: Node, member: string, modules: ModuleLoader, depth: number): Node | undefined {
  if (!Node.isIdentifier(owner)) return undefined;
  const made = traceValue(owner, modules, depth + 1);
  if (!Node.isCallExpression(made) || !(member === 'current' ? REACT_USE_REF : VUE_REF).test(unwrapExpression(made.getExpression()).getText())) return undefined;
  const [initial] = made.getArguments();
  if (initial && !holdsNoValue(unwrapExpression(initial))) return initial;
  return assignedValues(owner.getSourceFile(), `${owner.getText()}.${member}`).find((value) => !holdsNoValue(unwrapExpression(value)));
}

/**
 * What code puts in a keyed store read by key: `this.chats[user] = value` or `this.chats.set(user, value)` in the class
 * (for `this.chats`), or in the module or function declaring it (for `sessions`). The first value stored; undefined
 * for any other owner, or a store nothing is put in.
 */
function storedInMap(owner: Node, modules: ModuleLoader): Node | undefined {
  const target = unwrapExpression(owner);
  let scope: Node | undefined;
  if (Node.isPropertyAccessExpression(target) && target.getExpression().getKind() === SyntaxKind.ThisKeyword) {
    scope = target.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
  } else if (Node.isIdentifier(target)) {
    const declaration = findDeclaration(target, modules);
    if (declaration && Node.isVariableDeclaration(declaration) && declaration.getSourceFile() === target.getSourceFile()) {
      scope = declaration.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor)) ?? declaration.getSourceFile();
    }
  }
  if (!scope) return undefined;
  const ownerText = target.getText();
  // Read as text first: most stores read by key (`headers.get(name)`, `config.get(key)`) are filled nowhere in the scope,
  // and walking a whole module's nodes for each such read would cost every scan.
  const scopeText = scope.getSourceFile().getFullText().slice(scope.getPos(), scope.getEnd());
  if (!scopeText.includes(`${ownerText}[`) && !scopeText.includes(`${ownerText}.set(`)) return undefined;
  for (const assignment of scope.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const left = unwrapExpression(assignment.getLeft());
    if (Node.isElementAccessExpression(left) && unwrapExpression(left.getExpression()).getText() === ownerText) return assignment.getRight();
  }
  for (const call of scope.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = unwrapExpression(call.getExpression());
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'set' && call.getArguments().length === 2 && unwrapExpression(callee.getExpression()).getText() === ownerText) return call.getArguments()[1];
  }
  return undefined;
}

/**
 * `client.contextualAI` read where `client` is handed in (a Discord command's `execute(client, message)`), of an object
 * the app's entry point gives the property (`client.contextualAI = createContextBasedAI()`): the value the app's own
 * code (not its tests) assigns that property name on an object, searched in the package holding the read. The first such
 * assignment; undefined for `this.x`, or a name nothing outside a class assigns.
 */
export function propertySetElsewhere(access: Node, modules: ModuleLoader): Node | undefined {
  if (!Node.isPropertyAccessExpression(access) || unwrapExpression(access.getExpression()).getKind() === SyntaxKind.ThisKeyword) return undefined;
  const name = access.getName();
  if (name.length < MIN_EXPANDO_NAME_LENGTH) return undefined;
  const file = access.getSourceFile();
  const root = appRoot(path.dirname(file.getFilePath()), modules.root);
  // The files assigning a name, found once per scan (its module loader): each read of the property asks again.
  const found = EXPANDO_FILES.get(modules) ?? new Map<string, string[]>();
  EXPANDO_FILES.set(modules, found);
  const key = `${root}\0${name}`;
  let files = found.get(key);
  if (!files) {
    const assigns = new RegExp(String.raw`\.${name.replace(/\$/g, '\\$')}\s*=[^=>]`);
    files = appSourceFilesMatching(root, MAX_EXPANDO_FILES, (text) => text.includes(name) && assigns.test(text));
    found.set(key, files);
  }
  for (const filePath of files) {
    const sourceFile = modules.resolvePath(file, filePath);
    for (const assignment of sourceFile?.getDescendantsOfKind(SyntaxKind.BinaryExpression) ?? []) {
      if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
      const left = unwrapExpression(assignment.getLeft());
      if (Node.isPropertyAccessExpression(left) && left.getName() === name && unwrapExpression(left.getExpression()).getKind() !== SyntaxKind.ThisKeyword) return assignment.getRight();
    }
  }
  return undefined;
}

/** Shorter property names (`ai`, `llm`) are assigned on too many unrelated objects to say which one a read means. */
const MIN_EXPANDO_NAME_LENGTH = 5;
/** How many of the app's files a search for a property's assignment reads at most. */
const MAX_EXPANDO_FILES = 3000;
/** Per scan (its module loader): the app's files assigning each property name, by package root and name. */
const EXPANDO_FILES = new WeakMap<ModuleLoader, Map<string, string[]>>();

const REACT_USE_REF = /^(?:React\.)?useRef$/;
/** Vue's refs (`ref`, `shallowRef`, as imported from 'vue' or auto-imported by Nuxt). */
const VUE_REF = /^(?:ref|shallowRef)$/;

/**
 * `new Proxy(model, { get(target, prop, receiver) { ... target.doGenerate(...) } })`: a trap's first parameter is the
 * object the proxy wraps, the Proxy's first argument (the handler written inline). Undefined for any other parameter.
 */
export function proxyTargetOf(parameter: ParameterDeclaration): Node | undefined {
  const trap = parameter.getParent();
  if (!(Node.isMethodDeclaration(trap) || Node.isArrowFunction(trap) || Node.isFunctionExpression(trap)) || trap.getParameters()[0] !== parameter) return undefined;
  const holder = Node.isMethodDeclaration(trap) ? trap : trap.getParent();
  const handler = holder && (Node.isMethodDeclaration(holder) || Node.isPropertyAssignment(holder)) ? holder.getParent() : undefined;
  const created = handler && Node.isObjectLiteralExpression(handler) ? handler.getParent() : undefined;
  if (!created || !Node.isNewExpression(created) || created.getExpression().getText() !== 'Proxy') return undefined;
  const [target, given] = created.getArguments();
  return given && unwrapExpression(given) === handler ? target : undefined;
}

/** The value a class gives `this.<name>`: the field initializer or the first constructor/method assignment, in the class or a workspace base class. */
function classMemberValue(access: Node, name: string, modules: ModuleLoader): Node | undefined {
  let classNode = access.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
  for (let hops = 0; classNode && (Node.isClassDeclaration(classNode) || Node.isClassExpression(classNode)) && hops < MAX_TRACE_DEPTH; hops++) {
    const initializer = classNode.getProperty(name)?.getInitializer();
    // `private model: GenerativeModel | null = null` set in the constructor (`this.model = genAI.getGenerativeModel(...)`):
    // a field declared empty holds what the class assigns it.
    const assigned = initializer && !holdsNoValue(unwrapExpression(initializer)) ? undefined : thisAssignments(classNode, name).find((value) => !holdsNoValue(unwrapExpression(value)));
    if (assigned) return assigned;
    if (initializer) return initializer;
    classNode = baseClassOf(classNode, modules);
  }
  return undefined;
}

/**
 * A request built by spreading what the end user sent (`create({ ...body, stream: false })` with `body` from
 * `await req.json()`, here or through the callers of a helper) and naming no model of its own: the spread,
 * whose `model` the request decides. Undefined for any other request.
 */
export function requestBodySpread(params: Node | undefined, modules: ModuleLoader): Node | undefined {
  const object = params && unwrapExpression(params);
  if (!object || !Node.isObjectLiteralExpression(object)) return undefined;
  for (const property of object.getProperties()) {
    if (!Node.isSpreadAssignment(property)) continue;
    const spread = modelCandidates(property.getExpression(), modules);
    // Candidates may come with it: what the app's own pages send to the route.
    if (spread.userChoice !== undefined) return property.getExpression();
  }
  return undefined;
}

/** Resolves a `model` value to a ModelRef (the string as written when static) plus the steps taken. */
export function readModel(node: Node | undefined, modules: ModuleLoader): { ref: ModelRef; evidence: string[] } {
  if (!node) return { ref: { id: null, raw: '', source: 'dynamic' }, evidence: ['no model given'] };
  const found = resolveString(node, modules);
  // `env || ""`: an empty string is no model, not a model id.
  const resolved = found.value === '' ? { ...found, value: null } : found;
  const raw = resolved.raw || node.getText();
  // Every model the code can send here; the single resolved value (when there is one) stays first.
  const more = modelCandidates(node, modules);
  const candidates = [...more.candidates];
  // A `let` assigned again before this read holds the later value: the candidates' order says which, not the initializer.
  if (resolved.value !== null && !(isReassignedLet(node, modules) && candidates.length > 0)) {
    const index = candidates.findIndex((candidate) => candidate.id === resolved.value);
    const primary = index >= 0 ? candidates.splice(index, 1)[0] : { id: resolved.value, source: resolved.source, where: modules.where(node.getSourceFile(), node.getStartLineNumber()) };
    candidates.unshift({ ...primary, source: resolved.source });
  }
  const evidence = [...resolved.evidence, ...more.evidence];
  if (more.userChoice !== undefined) evidence.push(`model chosen by the end user at run time (\`${more.userChoice}\`)${candidates.length > 0 ? `; the app's default or offered models are the candidates` : ''}`);
  if (candidates.length > 1) evidence.push(`model candidates: ${candidates.map((candidate) => `${candidate.id} (${candidate.where})`).join(', ')}`);
  const first = candidates[0];
  // Read from an env variable with no default anywhere (at most a commented-out example): the deployer picks it.
  const deploymentChoice = more.userChoice === undefined && resolved.value === null && more.env !== undefined && candidates.every((candidate) => candidate.source === 'env-example');
  if (deploymentChoice) {
    evidence.push(`model set by the deployment in the env variable ${more.env}, with no default in the code or the example env files${candidates.length > 0 ? ' (only a commented-out example)' : ''}`);
    const ref: ModelRef = { id: null, raw, source: 'deployment-choice', env: more.env };
    if (candidates.length > 0) ref.candidates = candidates;
    return { ref, evidence };
  }
  const source: ModelSource = more.userChoice !== undefined && resolved.value === null ? 'user-choice' : (first?.source ?? resolved.source);
  const ref: ModelRef = { id: first?.id ?? null, raw, source };
  if (candidates.length > 1 || (source === 'user-choice' && candidates.length > 0)) ref.candidates = candidates;
  if (first && isSettingsDefault(first)) markSettingsDefaultRef(ref);
  return { ref, evidence };
}

/** True for a literal `true`. */
export function isTrueLiteral(node: Node | undefined): boolean {
  return node !== undefined && unwrapExpression(node).getKind() === SyntaxKind.TrueKeyword;
}

/**
 * Tool names from the shapes SDKs use: `[{ name }]` (Anthropic), `[{ function: { name } }]`
 * (OpenAI), `[{ toolSpec: { name } }]` (Bedrock), `[{ functionDeclarations: [{ name }] }]` (Gemini),
 * or an object keyed by tool name (Vercel AI SDK). Unknown lists become one `{{expression}}` entry.
 */
export function readToolNames(tools: Node | undefined, modules: ModuleLoader): string[] {
  if (!tools) return [];
  const node = unwrapExpression(tools);
  const traced = Node.isIdentifier(node) ? traceValue(node, modules) : node;
  if (Node.isObjectLiteralExpression(traced)) {
    return traced.getProperties().map((property) => (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) || Node.isMethodDeclaration(property) ? property.getName().replace(/^['"]|['"]$/g, '') : `{{${property.getText().slice(0, 40)}}}`));
  }
  if (!Node.isArrayLiteralExpression(traced)) return [`{{${node.getText().slice(0, 40)}}}`];
  const names: string[] = [];
  for (const element of traced.getElements()) {
    const object = resolveObjectLiteral(element, modules);
    const declarations = getObjectProperty(object, 'functionDeclarations');
    if (declarations && Node.isArrayLiteralExpression(unwrapExpression(declarations))) {
      names.push(...readToolNames(declarations, modules));
      continue;
    }
    // A tool made by a framework's factory (`tool({ name: 'get_weather', ... })`, `new FunctionTool({ name })`): the name the model sees.
    const made = object ? undefined : traceValue(element, modules);
    const factoryOptions = made && (Node.isCallExpression(made) || Node.isNewExpression(made)) ? resolveObjectLiteral(made.getArguments()[0], modules) : undefined;
    const name = getObjectProperty(getObjectProperty(object, 'function'), 'name') ?? getObjectProperty(getObjectProperty(object, 'toolSpec'), 'name') ?? getObjectProperty(object, 'name') ?? getObjectProperty(factoryOptions, 'name');
    const hostedType = name ? undefined : typeOfHostedTool(object, modules);
    if (name) names.push(resolveString(name, modules).value ?? name.getText());
    else if (hostedType) names.push(hostedType);
    else if (object && Node.isObjectLiteralExpression(object) && object.getProperties().length > 0) names.push(object.getProperties()[0].getText().split(':')[0].trim());
    else names.push(element.getText().slice(0, 40));
  }
  return names;
}

/** A provider-run tool written as its type only (`{ type: 'file_search', vector_store_ids }`, `{ type: 'web_search_preview' }`): the type names it. */
function typeOfHostedTool(object: Node | undefined, modules: ModuleLoader): string | undefined {
  const type = getObjectProperty(object, 'type');
  const value = type && resolveString(type, modules).value;
  return value && value !== 'function' ? value : undefined;
}

/**
 * Who serves the requests of an `openai` package client: its base URL's provider, Azure for `AzureOpenAI`, else OpenAI
 * (saying so when a base URL was written but not recognised). The one reading the OpenAI analyzer and a helper's
 * callers share.
 */
export function openAiClientProvider(origin: { className: string; options: Node | undefined }, modules: ModuleLoader, evidence: string[]): string {
  const fromUrl = baseUrlProvider(origin.options, modules, evidence, ['baseURL', 'baseUrl', 'endpoint']);
  if (fromUrl.provider) return fromUrl.provider;
  if (origin.className !== 'AzureOpenAI') {
    const fromEnvironment = sdkEnvironmentProvider('OPENAI_BASE_URL', fromUrl, modules, evidence);
    if (fromEnvironment) return fromEnvironment;
  }
  if (fromUrl.option === 'unreadable' || fromUrl.option === 'unrecognised') evidence.push('server unknown: assuming OpenAI for OpenAI models; a model OpenAI does not serve is priced at its own API providers');
  return origin.className === 'AzureOpenAI' ? 'azure-openai' : 'openai';
}

/**
 * The server an SDK client with no base URL of its own, or one the code takes from where it cannot be read, sends to
 * when the workspace's settings (example env files, compose and deployment values) set the SDK's own variable
 * (`OPENAI_BASE_URL`, `ANTHROPIC_BASE_URL`). Given no base URL, the SDK reads that variable itself (openai-node's and
 * the Anthropic SDK's constructors), so the setting is where it sends. A base URL the app passes from its own config
 * (`baseURL` destructured from an options schema, `endpoint.baseURL`) is most often that same setting handed along
 * (huggingface/chat-ui: every endpoint's base URL is `config.OPENAI_BASE_URL`); the evidence says it is assumed. A URL
 * the code spells out that no provider pattern knows stays unknown (the app points somewhere else on purpose), and so
 * does a value read from a setting of the app's own (`process.env.LLM_BASE_URL`).
 */
function sdkEnvironmentProvider(variable: string, reading: BaseUrlReading, modules: ModuleLoader, evidence: string[]): string | undefined {
  const option = reading.option;
  if (option === 'unrecognised' || option === 'known') return undefined;
  // `baseURL: process.env.LLM_BASE_URL`: the app reads a setting of its own, not the SDK's.
  if (reading.settingNames?.length && !reading.settingNames.includes(variable)) return undefined;
  const setting = modules.envSetting(variable);
  const provider = setting && providerFromBaseUrl(setting.value);
  if (!setting || !provider) return undefined;
  evidence.push(
    option === 'absent'
      ? `no base URL given: the SDK reads ${variable}, which ${setting.file}:${setting.line} sets to ${setting.value} → provider ${provider}`
      : `base URL not readable in the code; assumed to be ${variable}, which ${setting.file}:${setting.line} sets to ${setting.value} → provider ${provider}`,
  );
  return provider;
}

/** The AI SDK's provider packages (`@ai-sdk/*` and community ones) and who serves the models each makes. */
export const AI_SDK_PACKAGE_PROVIDERS: Readonly<Record<string, string>> = {
  '@ai-sdk/openai': 'openai',
  '@ai-sdk/azure': 'azure-openai',
  '@ai-sdk/anthropic': 'anthropic',
  '@ai-sdk/google': 'google',
  '@ai-sdk/google-vertex': 'google-vertex',
  '@ai-sdk/google-vertex/anthropic': 'google-vertex',
  '@ai-sdk/amazon-bedrock': 'aws-bedrock',
  '@ai-sdk/groq': 'groq',
  '@ai-sdk/mistral': 'mistral',
  '@ai-sdk/cohere': 'cohere',
  '@ai-sdk/togetherai': 'together',
  '@ai-sdk/fireworks': 'fireworks',
  '@ai-sdk/deepinfra': 'deepinfra',
  '@ai-sdk/deepseek': 'deepseek',
  '@ai-sdk/xai': 'xai',
  '@ai-sdk/perplexity': 'perplexity',
  '@ai-sdk/cerebras': 'cerebras',
  '@ai-sdk/gateway': 'vercel-gateway',
  '@ai-sdk/openai-compatible': 'openai-compatible',
  '@openrouter/ai-sdk-provider': 'openrouter',
  'ollama-ai-provider': 'ollama',
  'ollama-ai-provider-v2': 'ollama',
  'workers-ai-provider': 'cloudflare-workers-ai',
};

/** How many steps (map entries, nested models) a factory is followed before its provider is given up on. */
const MAX_FACTORY_DEPTH = 8;

/**
 * The provider an `@ai-sdk/*` factory serves: `openai`, a `createOpenAI({ baseURL })` instance, a parameter typed by a
 * provider package, or a provider map's entry for the key's likely value (`providerList[provider]`). The one reading
 * the AI SDK analyzer and a helper's callers (a model object handed to a helper) share.
 */
export function aiSdkFactoryProvider(factory: Node, modules: ModuleLoader, evidence: string[], depth = 0): string | undefined {
  if (depth > MAX_FACTORY_DEPTH) return undefined;
  const direct = calleeBinding(factory, modules);
  if (direct && direct.packageName in AI_SDK_PACKAGE_PROVIDERS) {
    evidence.push(`model built by ${direct.importedName === 'default' || direct.importedName === '*' ? factory.getText() : direct.importedName} from '${direct.packageName}'`);
    return AI_SDK_PACKAGE_PROVIDERS[direct.packageName];
  }
  // `providerList[provider]`: the map's entry for the likely key (a bound argument, a default, a literal).
  const access = unwrapExpression(factory);
  if (Node.isElementAccessExpression(access) && access.getArgumentExpression()) {
    const map = resolveObjectLiteral(access.getExpression(), modules);
    const key = modelCandidates(access.getArgumentExpression()!, modules).candidates[0]?.id;
    const entry = map && key !== undefined ? getObjectProperty(map, key, modules) : undefined;
    if (entry) {
      evidence.push(`provider \`${access.getText().slice(0, 40)}\` is the "${key}" entry`);
      return aiSdkFactoryProvider(entry, modules, evidence, depth + 1);
    }
  }
  const traced = traceValue(factory, modules);
  const typed = parameterTypeBinding(traced, modules);
  if (typed && typed.packageName in AI_SDK_PACKAGE_PROVIDERS) {
    evidence.push(`provider \`${factory.getText()}\` is a parameter typed ${typed.typeName} from '${typed.packageName}' (options unknown)`);
    return AI_SDK_PACKAGE_PROVIDERS[typed.packageName];
  }
  // `process.env.OPENAI_KEY ? createOpenAI({...}) : undefined`: a provider made only when its key is set, called as `openai?.('o3-mini')`.
  const made = madeWhenSet(traced);
  if (made !== traced) {
    const provider = aiSdkFactoryProvider(made, modules, evidence, depth + 1);
    if (provider) evidence.push(`provider made only when \`${(traced as ConditionalExpression).getCondition().getText().slice(0, 40)}\` holds (a deployment setting): assumed to hold`);
    return provider;
  }
  if (!Node.isCallExpression(traced)) return undefined;
  const creator = calleeBinding(unwrapExpression(traced.getExpression()), modules);
  if (!creator || !(creator.packageName in AI_SDK_PACKAGE_PROVIDERS)) return undefined;
  evidence.push(`provider made by ${creator.importedName}() from '${creator.packageName}' (${placeOf(traced)})`);
  const fromUrl = providerFromOptions(traced.getArguments()[0], modules, evidence);
  return fromUrl ?? AI_SDK_PACKAGE_PROVIDERS[creator.packageName];
}

/** The branch of `condition ? value : undefined` (or `: null`, either way round) that holds a value; anything else itself. */
function madeWhenSet(node: Node): Node {
  if (!Node.isConditionalExpression(node)) return node;
  if (holdsNoValue(node.getWhenFalse()) && !holdsNoValue(node.getWhenTrue())) return node.getWhenTrue();
  if (holdsNoValue(node.getWhenTrue()) && !holdsNoValue(node.getWhenFalse())) return node.getWhenFalse();
  return node;
}

/**
 * The non-text kinds in an output modalities list written in the code: OpenAI's `modalities: ['image', 'text']`, Gemini's
 * `responseModalities: ['TEXT', 'IMAGE']` (→ `['image']`); [] when none or unknown.
 */
export function readOutputModalities(node: Node | undefined, modules: ModuleLoader): string[] {
  let list = node && unwrapExpression(node);
  // `const OUTPUT = ['image', 'text']` named at the call.
  if (list && Node.isIdentifier(list)) {
    const declaration = findDeclaration(list, modules);
    const initializer = declaration && initializerOf(declaration);
    list = initializer && unwrapExpression(initializer);
  }
  if (!list || !Node.isArrayLiteralExpression(list)) return [];
  const kinds = list.getElements().map((element) => resolveString(element, modules).value?.toLowerCase() ?? null).filter((value): value is string => value !== null && value !== 'text');
  return [...new Set(kinds)];
}

/** Anthropic's SDK packages and who serves a client of each when no base URL says otherwise. */
export const ANTHROPIC_PACKAGE_PROVIDERS: Readonly<Record<string, string>> = {
  '@anthropic-ai/sdk': 'anthropic',
  '@anthropic-ai/bedrock-sdk': 'aws-bedrock',
  '@anthropic-ai/vertex-sdk': 'google-vertex',
};

/**
 * Who serves the requests of an SDK client a helper is handed, read where the client is made: an `openai` client
 * (`openAiClientProvider`) or an Anthropic one (its base URL, else its package). Undefined for other packages.
 */
export function clientProvider(origin: { className: string; packageName: string; options: Node | undefined }, modules: ModuleLoader, evidence: string[]): string | undefined {
  if (origin.packageName === 'openai') return openAiClientProvider(origin, modules, evidence);
  const byPackage = ANTHROPIC_PACKAGE_PROVIDERS[origin.packageName];
  if (byPackage === undefined) return undefined;
  const fromUrl = baseUrlProvider(origin.options, modules, evidence, ['baseURL', 'baseUrl']);
  if (fromUrl.provider) return fromUrl.provider;
  // Only the first-party client reads ANTHROPIC_BASE_URL; the Bedrock and Vertex ones are their clouds'.
  return (origin.packageName === '@anthropic-ai/sdk' ? sdkEnvironmentProvider('ANTHROPIC_BASE_URL', fromUrl, modules, evidence) : undefined) ?? byPackage;
}

/** A provider from a client's `baseURL`/`baseUrl`/`host` option, with evidence; undefined when none or unknown. */
export function providerFromOptions(options: Node | undefined, modules: ModuleLoader, evidence: string[], keys: readonly string[] = ['baseURL', 'baseUrl']): string | undefined {
  return baseUrlProvider(options, modules, evidence, keys).provider;
}

/**
 * What a client's base URL option says: `absent` (no options, or options without one), `opaque` (options the code
 * hands over whole, `new OpenAI(config)`, or spreads in), `unreadable` (a value neither the code nor the settings
 * spell out), `unrecognised` (a URL, or a setting's name, that names no provider the catalog knows), or `known` with
 * its provider.
 */
type BaseUrlOption = 'absent' | 'opaque' | 'unreadable' | 'unrecognised' | 'known';

interface BaseUrlReading {
  provider?: string;
  option: BaseUrlOption;
  /** For an unreadable value: the env-style setting names its expression reads (`process.env.LLM_BASE_URL`). */
  settingNames?: string[];
}

/** `config.baseURL`, or `config.baseURL || config.url`: every alternative a constructor option only subclasses state. */
function everyAlternativeStatedOnlyBySubclasses(value: Node, modules: ModuleLoader): boolean {
  const node = unwrapExpression(value);
  if (Node.isBinaryExpression(node) && [SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken].includes(node.getOperatorToken().getKind())) {
    return everyAlternativeStatedOnlyBySubclasses(node.getLeft(), modules) && everyAlternativeStatedOnlyBySubclasses(node.getRight(), modules);
  }
  return statedOnlyBySubclasses(node, modules);
}

function baseUrlProvider(options: Node | undefined, modules: ModuleLoader, evidence: string[], keys: readonly string[]): BaseUrlReading {
  const object = resolveObjectLiteral(options, modules);
  // Options the code hands over whole (`new OpenAI(config)`) may hold a base URL: not "absent".
  if (!object) return { option: options === undefined ? 'absent' : 'opaque' };
  const urlNode = firstProperty(object, keys);
  if (!urlNode) return { option: Node.isObjectLiteralExpression(object) && !object.getProperties().some((property) => Node.isSpreadAssignment(property)) ? 'absent' : 'opaque' };
  // `baseURL: config.baseURL || config.url` in a base class only its subclasses hand one (`super({ baseURL: 'https://api.together.ai/v1' })`):
  // their requests go there, but an instance of this class (mem0's factory's `new OpenAIEmbedder(config)`) goes to the SDK's own host.
  // Asked before the value is read: reading it follows the subclasses' super() arguments and would give their host.
  if (everyAlternativeStatedOnlyBySubclasses(urlNode, modules)) {
    evidence.push(`${keys[0]} ${urlNode.getText()} is set only by subclasses (through super()): this class's own instances use the SDK's default host`);
    return { option: 'absent' };
  }
  let url = resolveString(urlNode, modules);
  // `baseURL: this.basePath` with `this.basePath = "https://apipie.ai/v1"` (or `= process.env.KOBOLD_CPP_BASE_PATH`) in the constructor.
  let source: Node = urlNode;
  if (url.value === null) {
    const traced = traceValue(urlNode, modules);
    if (traced !== unwrapExpression(urlNode)) {
      url = resolveString(traced, modules);
      source = traced;
    }
  }
  // A helper's empty fallback (`url ?? ''`) is no address.
  if (url.value === '') url = { ...url, value: null };
  // `baseURL: process.env.OPENAI_BASE_URL`: the example env file's value (kept only when it looks like a provider URL).
  const fromSettings = url.value === null ? settingUrl(source, modules) ?? (source === urlNode ? undefined : settingUrl(urlNode, modules)) : undefined;
  const text = url.value ?? fromSettings?.id ?? urlNode.getText();
  const provider = providerFromBaseUrl(text);
  if (provider) {
    evidence.push(`${keys[0]} ${text}${fromSettings ? ` (${fromSettings.where})` : ''} → provider ${provider}`);
    return { provider, option: 'known' };
  }
  // `baseURL: parseLMStudioBasePath(process.env.LMSTUDIO_BASE_PATH)`: no value in the code, but the setting's name says which server.
  // What the expression reads, a URL object it is made from included (`new URL(process.env.X).toString()`).
  const read = url.value === null && !fromSettings ? `${source.getText()} ${urlNode.getText()} ${urlObjectSource(source, modules) ?? ''} ${templateSpanSources(source, modules)}` : '';
  if (url.value === null && !fromSettings) {
    // Env-style names (`LMSTUDIO_BASE_PATH`) before function and field names (`parseLMStudioBasePath`).
    const names = [...new Set(read.match(/[A-Za-z_]\w*/g) ?? [])].sort((a, b) => Number(/^[A-Z0-9_]+$/.test(b)) - Number(/^[A-Z0-9_]+$/.test(a)));
    const ownServer = ownServerExample(names, modules);
    for (const name of names) {
      if (!/base|url|path|host|endpoint/i.test(name)) continue;
      const named = providerFromSettingName(name);
      if (named && !(ownServer && ALSO_SELF_HOSTED_PROVIDERS.has(named))) {
        evidence.push(`${keys[0]} ${urlNode.getText()}${source === urlNode ? '' : ` (= ${source.getText()})`}: the setting ${name} names ${named} → provider ${named}`);
        return { provider: named, option: 'known' };
      }
    }
    if (ownServer) {
      evidence.push(`${keys[0]} ${urlNode.getText()}${source === urlNode ? '' : ` (= ${source.getText()})`}: no value in the code or the settings; ${ownServer.examples === 1 ? `the commented-out example line ${ownServer.example.file}:${ownServer.example.line} sets ${ownServer.name} to ${ownServer.example.value}, a server` : `the ${ownServer.examples} commented-out example lines of ${ownServer.name} (first ${ownServer.example.file}:${ownServer.example.line}, ${ownServer.example.value}) all point at servers`} on the team's own machine or network → provider ${ownServer.provider} (an assumption: the deployment sets the real address)`);
      return { provider: ownServer.provider, option: 'known' };
    }
  }
  evidence.push(`${keys[0]} ${urlNode.getText()}${url.value !== null ? ` = "${url.value}"` : ''} not recognised`);
  if (url.value !== null || fromSettings) return { option: 'unrecognised' };
  return { option: 'unreadable', settingNames: [...new Set(read.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? [])] };
}

/**
 * What the values a template base URL is written from read: `${basePath}/v1` with
 * `const basePath = process.env.IMAGE_GEN_OLLAMA_BASE_PATH.replace(/\/+$/, '')` reads that setting. Empty for anything else.
 */
function templateSpanSources(value: Node, modules: ModuleLoader): string {
  const node = unwrapExpression(value);
  return Node.isTemplateExpression(node) ? node.getTemplateSpans().map((span) => traceValue(span.getExpression(), modules).getText()).join(' ') : '';
}

/**
 * What a URL object the base URL is written from was made of: `endpoint.toString()` or `endpoint.href` with
 * `const endpoint = new URL(process.env.TTS_KOKORO_ENDPOINT)` reads that setting. The text of the object's
 * initializer; undefined for anything else.
 */
function urlObjectSource(value: Node, modules: ModuleLoader): string | undefined {
  let node = unwrapExpression(value);
  if (Node.isCallExpression(node) && node.getArguments().length === 0) node = unwrapExpression(node.getExpression());
  if (!Node.isPropertyAccessExpression(node) || !/^(?:toString|href|origin)$/.test(node.getName())) return undefined;
  const owner = unwrapExpression(node.getExpression());
  if (!Node.isIdentifier(owner)) return undefined;
  const declaration = findDeclaration(owner, modules);
  const initializer = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
  const made = initializer && unwrapExpression(initializer);
  return made && Node.isNewExpression(made) && made.getExpression().getText() === 'URL' ? made.getText() : undefined;
}

/** Settings naming a proxy that runs beside the app and forwards to a service that bills (Privatemode's encryption proxy, a gateway): localhost there is no model server. */
const LOCAL_PROXY_NAME = /PRIVATEMODE|PROXY|GATEWAY/;

/**
 * The server a base URL setting with no value anywhere is, when every commented-out example line of it
 * (`# FOUNDRY_BASE_PATH='http://127.0.0.1:55776'`) points at the team's own machine or network: the app expects a
 * server the team runs (Foundry Local, LocalAI, a NIM container); examples of several such servers make it
 * `self-hosted`. Examples of which any points at a hosted API are not taken (one example among several setups is no
 * choice), nor is any example when the setting's name already names a gateway, or a proxy (`LOCAL_PROXY_NAME`): a
 * LiteLLM or Privatemode proxy runs on localhost and forwards elsewhere.
 */
function ownServerExample(names: readonly string[], modules: ModuleLoader): { name: string; example: { value: string; file: string; line: number }; examples: number; provider: string } | undefined {
  for (const name of names) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(name) || !/BASE|URL|PATH|HOST|ENDPOINT/.test(name) || LOCAL_PROXY_NAME.test(name)) continue;
    const examples = modules.envExamples(name);
    const providers = new Set(examples.map((example) => providerFromBaseUrl(example.value)));
    if (examples.length === 0 || [...providers].some((provider) => provider === undefined || !isLocalServer(provider))) continue;
    // One example per local server (`:11434` Ollama, `:1234` LM Studio, `:8080` LocalAI): a server the team runs, which one is the deployment's.
    return { name, example: examples[0], examples: examples.length, provider: providers.size === 1 ? [...providers][0]! : 'self-hosted' };
  }
  return undefined;
}

/** A system prompt written as a string, a list of text blocks, or a `{ parts: [...] }` content object. */
export function readSystemPrompt(node: Node | undefined, modules: ModuleLoader): PromptMessage | undefined {
  if (!node) return undefined;
  const object = unwrapExpression(node);
  if (Node.isObjectLiteralExpression(object)) {
    const parts = getObjectProperty(object, 'parts') ?? getObjectProperty(object, 'text') ?? getObjectProperty(object, 'content');
    if (parts) return { role: 'system', ...resolveContentParts(parts, modules).text };
  }
  if (Node.isArrayLiteralExpression(object)) return { role: 'system', ...resolveContentParts(object, modules).text };
  return { role: 'system', ...resolvePromptText(object, modules) };
}

/** A user message from a plain prompt value (string, template, constant). */
export function userPrompt(node: Node, modules: ModuleLoader): PromptMessage {
  return { role: 'user', ...resolvePromptText(node, modules) };
}

/** The request object of a call's first argument, when it is (or resolves to) an object literal. */
export function requestObject(call: CallExpression, modules: ModuleLoader, index = 0): Node | undefined {
  const argument = call.getArguments()[index];
  return argument ? resolveObjectLiteral(argument, modules) : undefined;
}

const LOADED_PACKAGES = new WeakMap<object, ReadonlySet<string>>();

/**
 * The packages a file loads (ES imports other than `import type`, `require('p')`, `import('p')`), as
 * package names (`@anthropic-ai/sdk` for `@anthropic-ai/sdk/index.mjs`). Read once per parsed file.
 */
export function packagesLoadedBy(sourceFile: SourceFile): ReadonlySet<string> {
  const key = sourceFile.compilerNode;
  let loaded = LOADED_PACKAGES.get(key);
  if (!loaded) {
    const names = new Set<string>();
    for (const declaration of sourceFile.getImportDeclarations()) if (!declaration.isTypeOnly()) names.add(sdkPackageOf(declaration.getModuleSpecifierValue()));
    for (const match of sourceFile.getFullText().matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g)) names.add(sdkPackageOf(match[1]));
    LOADED_PACKAGES.set(key, (loaded = names));
  }
  return loaded;
}
