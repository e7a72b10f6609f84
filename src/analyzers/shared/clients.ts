import * as path from 'node:path';
import { Node, SyntaxKind, type ClassDeclaration, type ClassExpression, type ParameterDeclaration } from 'ts-morph';
import type { ModuleLoader } from './modules';
import { appRoot, appSourceFilesMatching } from './nearbyFiles';
import { declaredReturnType, functionTypeQueried, propertyTypeOf } from './shapes';
import { assignedValues, findDeclaration, holdsNoValue, importBindingOf, importSpecifierOf, initializerOf, isFunctionNode, namespaceMember, placeOf, promiseSettledFrom, propertyOfObject, returnedArgument, returnsOf, sdkPackageOf, thisAssignments, unwrapExpression } from './resolve';

const MAX_DEPTH = 10;

/** Where a client object came from: `new <className>(<options>)` of a class imported from `packageName`. */
export interface ClientOrigin {
  className: string;
  packageName: string;
  /** The constructor's first argument (options object), when written inline or as a constant. */
  options: Node | undefined;
  /** Every argument of the `new X(...)` the client was made with, for SDKs taking their options elsewhere than first. */
  constructorArguments?: Node[];
  /**
   * The part of the client the expression is, when it is one (`models` of `ai.models` handed on as a dependency of its
   * own); undefined for the client itself.
   */
  resource?: string;
  evidence: string[];
  /**
   * Clients of other classes the same variable may hold (`let client; if (isOpenAICompatible()) client = new OpenAI(...); else
   * if (isAnthropic()) client = new Anthropic(...)`): an analyzer whose SDK is not the first one's takes its own from these.
   */
  alternatives?: ClientOrigin[];
}

/**
 * The client of the origin's (or of one of its alternatives') that an analyzer takes (`accepts`): the origin itself when it
 * does, else the first alternative it does; the origin unchanged when none is, for the analyzer to reject as before.
 */
export function originAmong(origin: ClientOrigin | undefined, accepts: (candidate: ClientOrigin) => boolean): ClientOrigin | undefined {
  if (!origin || accepts(origin)) return origin;
  const other = origin.alternatives?.find(accepts);
  return other ? { ...other, evidence: [...other.evidence, `one of the ${1 + origin.alternatives!.length} clients the variable is assigned (the app picks one at run time)`] } : origin;
}

/** How many assignments of a variable are read for the clients it may hold. */
const MAX_ASSIGNED_CLIENTS = 6;

/**
 * Follows the receiver of an SDK call (`openai`, `this.client`, `getClient()`, an import from
 * another module) back to the `new X(...)` that created it, and reports which package X came from.
 */
export function resolveClientOrigin(expression: Node, modules: ModuleLoader, depth = 0): ClientOrigin | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (depth === 0) {
    // Several analyzers ask about the same receiver (`x.chat.completions.create` for openai, groq,
    // together): answer once per syntax node. A re-parsed file gets new nodes, so nothing goes stale.
    if (ORIGIN_CACHE.has(expression)) return ORIGIN_CACHE.get(expression);
    const origin = resolveUncached(expression, modules, 0);
    ORIGIN_CACHE.set(expression, origin);
    return origin;
  }
  return resolveUncached(expression, modules, depth);
}

const ORIGIN_CACHE = new WeakMap<Node, ClientOrigin | undefined>();

function resolveUncached(expression: Node, modules: ModuleLoader, depth: number): ClientOrigin | undefined {
  // `this.client = client as OpenAI` (a library wrapping the client its caller hands in): what the value is, else what it is cast to.
  if (Node.isAsExpression(expression) || Node.isTypeAssertion(expression)) return resolveUncached(expression.getExpression(), modules, depth) ?? fromTypeAnnotation(expression.getTypeNode(), modules, depth);
  const node = unwrapExpression(expression);
  if (Node.isNewExpression(node)) {
    const constructorExpression = node.getExpression();
    const origin = classOrigin(constructorExpression, modules, depth + 1);
    if (!origin) return undefined;
    const where = `${placeOf(node)}`;
    return { ...origin, options: node.getArguments()[0], constructorArguments: node.getArguments(), evidence: [`client created with new ${constructorExpression.getText()}() at ${where}`] };
  }
  if (Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, modules);
    if (!declaration) return undefined;
    if (Node.isParameterDeclaration(declaration)) return fromTypeAnnotation(declaration.getTypeNode(), modules, depth) ?? fromJsDocType(declaration, declaration.getName());
    if (Node.isBindingElement(declaration) && Node.isParameterDeclaration(declaration.getParent()?.getParent())) {
      const parameter = declaration.getParent()!.getParent()! as ParameterDeclaration;
      const field = (declaration.getPropertyNameNode() ?? declaration.getNameNode()).getText();
      // `function send({ aiProviders }: RequestOptions)`: the field's type in the parameter's type literal or the app's interface.
      const typeNode = parameter.getTypeNode();
      return fromJsDocType(parameter, field) ?? fromTypeAnnotation(typeNode && propertyTypeOf(typeNode, field, modules), modules, depth);
    }
    const initializer = initializerOf(declaration);
    if (initializer) {
      const origin = withStep(resolveClientOrigin(initializer, modules, depth + 1), declaration, node);
      const others = origin ? otherAssignedClients(declaration, initializer, origin, modules, depth) : [];
      if (others.length > 0) return { ...origin!, alternatives: others };
      // `const aiProviders: IAIProvidersService = await resolver.promise`: the declared type says what the value is.
      return origin ?? (Node.isVariableDeclaration(declaration) ? fromTypeAnnotation(declaration.getTypeNode(), modules, depth) : undefined);
    }
    if (Node.isFunctionDeclaration(declaration)) return undefined;
    return undefined;
  }
  if (Node.isPropertyAccessExpression(node) && (node.getExpression().getKind() === SyntaxKind.ThisKeyword || isThisAlias(node.getExpression(), modules))) {
    return fromClassMember(node, node.getName(), modules, depth);
  }
  if (node.getKind() === SyntaxKind.ThisKeyword) return fromExtendedSdkClass(node, modules, depth);
  if (Node.isPropertyAccessExpression(node)) {
    // `llm.client` after `import * as llm from './llm'`.
    const exported = namespaceMember(node, modules);
    const exportedValue = exported && initializerOf(exported);
    if (exportedValue) return withStep(resolveClientOrigin(exportedValue, modules, depth + 1), exported, node);
    // `service.client`, `new LlmService().client`, `this.llm.client`: a field of a workspace class.
    const ownerClass = instanceClassOf(node.getExpression(), modules, depth + 1);
    if (ownerClass) return memberOrigin(ownerClass, node.getName(), modules, depth);
    // `MastraService.mastra`: a static field of a workspace class, set where it is declared or by the class's own code.
    const staticOwner = workspaceClass(unwrapExpression(node.getExpression()), modules);
    if (staticOwner) return staticMemberOrigin(staticOwner, node.getName(), modules, depth);
    // `clients.openai` or `deps.llm`: an object literal property holding a client.
    const owner = unwrapExpression(node.getExpression());
    if (Node.isIdentifier(owner)) {
      const declaration = findDeclaration(owner, modules);
      const initializer = declaration && initializerOf(declaration);
      const object = initializer && unwrapExpression(initializer);
      if (object && Node.isObjectLiteralExpression(object)) {
        const property = object.getProperty(node.getName());
        if (property && Node.isPropertyAssignment(property)) return resolveClientOrigin(property.getInitializerOrThrow(), modules, depth + 1);
        if (property && Node.isShorthandPropertyAssignment(property)) return resolveClientOrigin(property.getNameNode(), modules, depth + 1);
      }
      // `params.ollama.chat(...)` in `function blockResponse(params: ChatParams)` with `type ChatParams = { ollama: Ollama }`:
      // the property's type in the parameter's declared type, as for the destructured `{ ollama }: ChatParams`.
      const parameterType = declaration && Node.isParameterDeclaration(declaration) ? declaration.getTypeNode() : undefined;
      const declared = parameterType && fromTypeAnnotation(propertyTypeOf(parameterType, node.getName(), modules), modules, depth);
      if (declared) return declared;
    }
    // `googleGenAI.models` handed to a class of the app's own: that part of a client made just before; `new
    // GoogleGenAI({ apiKey }).models`, the part of a client made in place.
    const whole = Node.isIdentifier(owner) || Node.isNewExpression(owner) ? resolveClientOrigin(owner, modules, depth + 1) : undefined;
    if (whole && whole.resource === undefined) return { ...whole, resource: node.getName(), evidence: [...whole.evidence, `\`${node.getText()}\` is its ${node.getName()} part`] };
    // `this.opts.client` with `private readonly opts: SttOptions` and `interface SttOptions { client: OpenAI }`: the
    // property's type in the field's own declared type (the options object the class was made with).
    const optionsType = Node.isPropertyAccessExpression(owner) && owner.getExpression().getKind() === SyntaxKind.ThisKeyword ? ownFieldTypeNode(owner) : undefined;
    if (optionsType) return fromTypeAnnotation(propertyTypeOf(optionsType, node.getName(), modules), modules, depth);
    return undefined;
  }
  if (Node.isCallExpression(node)) {
    const settled = promiseSettledFrom(node);
    if (settled) return resolveClientOrigin(settled, modules, depth + 1);
    // A factory: `getClient()` returns the client; follow its return statements. Also a method of the class itself
    // (`await this.getClient()`, a client made on first use, as a library does with an optional SDK).
    const callee = unwrapExpression(node.getExpression());
    let fn: Node | undefined;
    if (Node.isIdentifier(callee)) {
      const declaration = findDeclaration(callee, modules);
      fn = declaration && (Node.isFunctionDeclaration(declaration) ? declaration : initializerOf(declaration));
    } else if (Node.isPropertyAccessExpression(callee) && callee.getExpression().getKind() === SyntaxKind.ThisKeyword) {
      const ownClass = callee.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
      fn = ownClass && (Node.isClassDeclaration(ownClass) || Node.isClassExpression(ownClass)) ? ownClass.getMethod(callee.getName()) : undefined;
    } else if (Node.isPropertyAccessExpression(callee)) {
      // `await this.mastraService.mastra()`, `loader.agent()`: a method of the workspace class the receiver is an instance of.
      for (let owner = instanceClassOf(callee.getExpression(), modules, depth + 1), hops = 0; owner && !fn && hops < MAX_DEPTH; owner = baseClassOf(owner, modules), hops++) fn = owner.getInstanceMethod(callee.getName());
    }
    // No function of the app's: what the call is declared to return may still say it is a client (or a part of one).
    if (!fn) return fromDeclaredResource(node, modules, depth);
    if (!isFunctionNode(fn)) return undefined;
    const body = fn.getBody();
    // `ensureInitialized(this.vertexAI, 'VertexAIClient')`, a guard returning the value it checked: the client handed in.
    const handedBack = returnsOf(fn).map((value) => returnedArgument(fn, node, value, modules));
    if (handedBack.length > 0 && handedBack.every((argument) => argument !== undefined && argument === handedBack[0])) return resolveClientOrigin(handedBack[0]!, modules, depth + 1);
    if (body && !Node.isBlock(body)) return withStep(resolveClientOrigin(body, modules, depth + 1), fn, callee);
    const returned: Array<{ statement: Node; origin: ClientOrigin }> = [];
    for (const statement of fn.getDescendantsOfKind(SyntaxKind.ReturnStatement)) {
      const value = statement.getExpression();
      const origin = value && resolveClientOrigin(value, modules, depth + 1);
      if (origin) returned.push({ statement, origin });
      if (returned.length >= MAX_FACTORY_RETURNS) break;
    }
    if (returned.length === 0) return fromTypeAnnotation(fn.getReturnTypeNode(), modules, depth);
    // Clients of different classes (`if (endpoint.includes('.openai.azure.com')) return new AzureOpenAI(...); return new
    // OpenAI(...)`): the one returned when no special case holds is what a default deployment gets.
    const classes = new Set(returned.map((entry) => entry.origin.className));
    const chosen = classes.size > 1 ? (returned.find((entry) => !inThenBranch(entry.statement, fn)) ?? returned[0]) : returned[0];
    return withStep(chosen.origin, fn, callee);
  }
  if (Node.isConditionalExpression(node)) {
    return resolveClientOrigin(node.getWhenTrue(), modules, depth + 1) ?? resolveClientOrigin(node.getWhenFalse(), modules, depth + 1);
  }
  if (Node.isBinaryExpression(node)) {
    return resolveClientOrigin(node.getRight(), modules, depth + 1) ?? resolveClientOrigin(node.getLeft(), modules, depth + 1);
  }
  return undefined;
}

/**
 * The clients of other classes than `origin`'s a `let` assigned in several places may hold (`client = new OpenAI(...)` in one
 * branch, `client = new Anthropic(...)` in another), `first` being the assignment `origin` came from.
 */
function otherAssignedClients(declaration: Node, first: Node, origin: ClientOrigin, modules: ModuleLoader, depth: number): ClientOrigin[] {
  if (!Node.isVariableDeclaration(declaration) || !Node.isIdentifier(declaration.getNameNode()) || declaration.getVariableStatement()?.getDeclarationKind() === 'const') return [];
  const scope = declaration.getFirstAncestor((ancestor) => isFunctionNode(ancestor)) ?? declaration.getSourceFile();
  const others: ClientOrigin[] = [];
  for (const value of assignedValues(scope, declaration.getName()).slice(0, MAX_ASSIGNED_CLIENTS)) {
    if (value === first) continue;
    const other = resolveClientOrigin(value, modules, depth + 1);
    if (other && ![origin, ...others].some((known) => known.className === other.className && known.packageName === other.packageName)) others.push(other);
  }
  return others;
}

/** The class `x as typeof X` (in parentheses, after other casts) names: X, or undefined for any other expression. */
function typeQueryCast(expression: Node): Node | undefined {
  let node = expression;
  while (Node.isParenthesizedExpression(node)) node = node.getExpression();
  if (!Node.isAsExpression(node)) return undefined;
  const typeNode = node.getTypeNode();
  return typeNode && Node.isTypeQuery(typeNode) ? typeNode.getExprName() : undefined;
}

/**
 * The parts of an SDK client its package exports as classes of their own, by the name the client holds each under
 * (`client.chat` is a `Chat`): a value declared with one of these types is that part of a client.
 */
const SDK_RESOURCE_TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  openai: { Chat: 'chat', Embeddings: 'embeddings', Completions: 'completions', Images: 'images', Audio: 'audio', Responses: 'responses', Moderations: 'moderations', Beta: 'beta' },
};

/** The client classes each package's parts (SDK_RESOURCE_TYPES) belong to. */
const SDK_RESOURCE_OWNER: Readonly<Record<string, string>> = { openai: 'OpenAI' };

/**
 * `await this.openai.getChat()` where `openai` is typed by an app interface declaring `getChat(): Promise<Chat>` (`Chat`
 * from `openai/resources`): the declared return type says the value is that part of an SDK client (Azure's search
 * sample hands out `chatClient.chat` from a Fastify plugin). Options unknown.
 */
function fromDeclaredResource(call: Node, modules: ModuleLoader, depth: number): ClientOrigin | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  let typeNode = declaredReturnType(call, modules);
  while (typeNode && Node.isTypeReference(typeNode) && /^(?:Promise|Awaited)$/.test(typeNode.getTypeName().getText()) && typeNode.getTypeArguments().length === 1) typeNode = typeNode.getTypeArguments()[0];
  if (!typeNode || !Node.isTypeReference(typeNode)) return undefined;
  const origin = classOrigin(typeNode.getTypeName(), modules, depth + 1);
  const resource = origin && SDK_RESOURCE_TYPES[origin.packageName]?.[origin.className];
  if (!origin || !resource) return fromTypeAnnotation(typeNode, modules, depth);
  const callee = unwrapExpression(call.getExpression());
  const made = Node.isPropertyAccessExpression(callee) ? madeBesideItsType(typeNode, callee.getName(), modules, depth) : undefined;
  if (made?.resource === resource) return made;
  return { className: SDK_RESOURCE_OWNER[origin.packageName], packageName: origin.packageName, options: undefined, resource, evidence: [`\`${call.getText().slice(0, 60)}\` is declared to return ${typeNode.getText()}: the ${resource} part of a client of ${origin.packageName} (${SDK_RESOURCE_OWNER[origin.packageName]}; options unknown)`] };
}

/**
 * The module declaring a service's type often makes the service too (`fastify.decorate('openai', { async getChat() {
 * ...; return chatClient.chat } })` beside `type OpenAiService = { getChat(): Promise<Chat> }`): the client part a method
 * of that name returns there, with the options its client was made with (an Azure endpoint's `baseURL`).
 */
function madeBesideItsType(typeNode: Node, methodName: string, modules: ModuleLoader, depth: number): ClientOrigin | undefined {
  for (const literal of typeNode.getSourceFile().getDescendantsOfKind(SyntaxKind.ObjectLiteralExpression)) {
    const member = literal.getProperty(methodName);
    const fn = member && (Node.isMethodDeclaration(member) ? member : Node.isPropertyAssignment(member) ? member.getInitializer() : undefined);
    if (!fn || !isFunctionNode(fn)) continue;
    for (const value of returnsOf(fn)) {
      const origin = resolveClientOrigin(value, modules, depth + 1);
      if (origin?.resource) return origin;
    }
  }
  return undefined;
}

/** `static client = new X()`, or `Owner.client = Owner.client || new X()` in the class's own methods (a client made once, on first use). */
function staticMemberOrigin(classNode: ClassDeclaration, memberName: string, modules: ModuleLoader, depth: number): ClientOrigin | undefined {
  const property = classNode.getStaticProperty(memberName);
  const initializer = property && Node.isPropertyDeclaration(property) ? property.getInitializer() : undefined;
  if (initializer) return resolveClientOrigin(initializer, modules, depth + 1);
  for (const value of assignedValues(classNode, `${classNode.getName()}.${memberName}`)) {
    const origin = resolveClientOrigin(value, modules, depth + 1);
    if (origin) return origin;
  }
  return undefined;
}

/** Return statements of a client factory looked at: more is a provider switch, whose first client stands for it. */
const MAX_FACTORY_RETURNS = 4;

/** Whether a statement sits in the then-branch of an `if` inside `fn` (a case the code tests for, not the default path). */
function inThenBranch(statement: Node, fn: Node): boolean {
  let child: Node = statement;
  for (let parent = statement.getParent(); parent && parent !== fn; child = parent, parent = parent.getParent()) {
    if (Node.isIfStatement(parent) && parent.getThenStatement() === child) return true;
  }
  return false;
}

/** `this.chat.completions.create(...)` inside `class Assistant extends OpenAI`: the instance is the SDK client (options unknown). */
function fromExtendedSdkClass(thisNode: Node, modules: ModuleLoader, depth: number): ClientOrigin | undefined {
  let classNode = thisNode.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
  for (let hops = 0; classNode && (Node.isClassDeclaration(classNode) || Node.isClassExpression(classNode)) && hops < MAX_DEPTH; hops++) {
    const heritage = classNode.getExtends();
    if (!heritage) return undefined;
    const origin = classOrigin(heritage.getExpression(), modules, depth + 1);
    if (origin) return { ...origin, options: undefined, evidence: [`\`this\` is an instance of a class extending ${heritage.getExpression().getText()} (options unknown)`] };
    classNode = workspaceClass(unwrapExpression(heritage.getExpression()), modules);
  }
  return undefined;
}

function withStep(origin: ClientOrigin | undefined, declaration: Node, usage: Node): ClientOrigin | undefined {
  if (!origin) return undefined;
  if (declaration.getSourceFile() === usage.getSourceFile()) return origin;
  return { ...origin, evidence: [...origin.evidence, `imported from ${declaration.getSourceFile().getBaseName()}`] };
}

/** `self` after `const self = this` (kept for a nested function or generator of the method): the instance itself. */
function isThisAlias(expression: Node, modules: ModuleLoader): boolean {
  const owner = unwrapExpression(expression);
  const declaration = Node.isIdentifier(owner) ? findDeclaration(owner, modules) : undefined;
  const initializer = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  return initializer !== undefined && unwrapExpression(initializer).getKind() === SyntaxKind.ThisKeyword;
}

/** `this.client`: the class field's initializer, a constructor assignment, or the field's declared type. */
function fromClassMember(access: Node, memberName: string, modules: ModuleLoader, depth: number): ClientOrigin | undefined {
  const classNode = access.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
  if (!classNode || !(Node.isClassDeclaration(classNode) || Node.isClassExpression(classNode))) return undefined;
  return memberOrigin(classNode, memberName, modules, depth);
}

/**
 * The workspace class an expression is an instance of: `new LlmService()`, a constant holding one,
 * or a parameter, field or constructor-injected property typed by it (`private llm: LlmService`).
 * Undefined for package classes: their fields are not ours to read.
 */
function instanceClassOf(expression: Node, modules: ModuleLoader, depth: number): ClassDeclaration | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrapExpression(expression);
  if (Node.isNewExpression(node)) return workspaceClass(node.getExpression(), modules);
  // `app.get(MastraService)`, `moduleRef.resolve(LlmService)`: a dependency-injection container hands out an instance of the class it is given.
  if (Node.isCallExpression(node)) {
    const callee = unwrapExpression(node.getExpression());
    const [first] = node.getArguments();
    return Node.isPropertyAccessExpression(callee) && CONTAINER_LOOKUPS.has(callee.getName()) && first && Node.isIdentifier(first) ? workspaceClass(first, modules) : undefined;
  }
  let declaration: Node | undefined;
  if (Node.isIdentifier(node)) {
    declaration = findDeclaration(node, modules);
  } else if (Node.isPropertyAccessExpression(node) && node.getExpression().getKind() === SyntaxKind.ThisKeyword) {
    let classNode = node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
    for (let hops = 0; classNode && !declaration && hops < MAX_DEPTH; hops++) {
      declaration = ownField(classNode, node.getName());
      classNode = declaration ? classNode : baseClassOf(classNode, modules);
    }
  }
  if (!declaration) return undefined;
  if (Node.isParameterDeclaration(declaration) || Node.isPropertyDeclaration(declaration)) {
    const typeNode = declaration.getTypeNode();
    if (typeNode && Node.isTypeReference(typeNode)) return workspaceClass(typeNode.getTypeName(), modules);
  }
  if (Node.isParameterDeclaration(declaration)) return undefined;
  const initializer = initializerOf(declaration);
  return initializer ? instanceClassOf(initializer, modules, depth + 1) : undefined;
}

/** A class's own field of that name: a property it declares, or a constructor parameter property. */
function ownField(classNode: ClassDeclaration, name: string): import('ts-morph').PropertyDeclaration | ParameterDeclaration | undefined {
  return classNode.getProperty(name) ?? classNode.getConstructors().flatMap((constructor) => constructor.getParameters()).find((parameter) => parameter.isParameterProperty() && parameter.getName() === name);
}

/** The type a class writes for its own field `this.<name>`, if any. */
function ownFieldTypeNode(access: import('ts-morph').PropertyAccessExpression): Node | undefined {
  const classNode = access.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
  return classNode && ownField(classNode, access.getName())?.getTypeNode();
}

/** Methods of a dependency-injection container that hand out an instance of the class passed first (NestJS `app.get`, `moduleRef.get/resolve`). */
const CONTAINER_LOOKUPS = new Set(['get', 'resolve']);

function workspaceClass(name: Node, modules: ModuleLoader): ClassDeclaration | undefined {
  let current: Node | undefined = name;
  // `module.exports = BaseProvider` read through `const BaseProvider = require('./provider')`: a name for a name.
  for (let hops = 0; current && hops < 4; hops++) {
    if (!Node.isIdentifier(current)) return undefined;
    const declaration = findDeclaration(current, modules);
    if (!declaration || Node.isClassDeclaration(declaration)) return declaration;
    current = declaration === current ? undefined : Node.isIdentifier(declaration) ? declaration : Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  }
  return undefined;
}

/**
 * A class member holding a client: its initializer, an assignment in the class, or its declared type;
 * when the class itself says nothing of it, the workspace base class it extends (`class AzureApi extends OpenAIApi`).
 */
function memberOrigin(classNode: ClassDeclaration | ClassExpression, memberName: string, modules: ModuleLoader, depth: number, subclasses: ReadonlyArray<ClassDeclaration | ClassExpression> = []): ClientOrigin | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const own = ownMemberOrigin(classNode, memberName, modules, depth, subclasses);
  if (own) return own;
  const base = baseClassOf(classNode, modules);
  return base ? memberOrigin(base, memberName, modules, depth + 1, [classNode, ...subclasses]) : undefined;
}

/**
 * `this._client = client` in a base class whose constructor takes `client`: the argument the subclass passes
 * to `super(...)` (`const client = new Anthropic(options); super(client)`).
 */
function fromSuperArgument(classNode: ClassDeclaration | ClassExpression, value: Node, subclass: ClassDeclaration | ClassExpression | undefined, modules: ModuleLoader, depth: number): ClientOrigin | undefined {
  if (!subclass || !Node.isIdentifier(value)) return undefined;
  const declaration = findDeclaration(value, modules);
  // `constructor({ client, model })` called as `super({ client: new OpenAI({ baseURL }), model })`: the property of that argument.
  const destructured = declaration && Node.isBindingElement(declaration) && Node.isObjectBindingPattern(declaration.getParent()) ? declaration : undefined;
  const parameter = destructured ? destructured.getParent()!.getParent() : declaration;
  if (!parameter || !Node.isParameterDeclaration(parameter)) return undefined;
  const constructor = classNode.getConstructors().find((candidate) => candidate.getParameters().includes(parameter));
  if (!constructor) return undefined;
  const index = constructor.getParameters().indexOf(parameter);
  const property = destructured ? (destructured.getPropertyNameNode() ?? destructured.getNameNode()).getText() : undefined;
  for (const call of subclass.getConstructors().flatMap((candidate) => candidate.getDescendantsOfKind(SyntaxKind.CallExpression))) {
    if (call.getExpression().getKind() !== SyntaxKind.SuperKeyword) continue;
    const passed = call.getArguments()[index];
    const argument = passed && property !== undefined ? propertyOfObject(passed, property) : passed;
    const origin = argument && resolveClientOrigin(argument, modules, depth + 1);
    if (origin) return { ...origin, evidence: [...origin.evidence, `passed to the base class through super() in ${subclass.getName() ?? 'a subclass'}`] };
  }
  return undefined;
}

/**
 * The field of `this` a request's client is (`client` of `this.client`), when nothing at the request says which server
 * it is (no client options): a subclass's `super(...)` argument will (see `DetectedCall.clientMember`).
 */
export function clientMemberOf(receiver: Node, origin: ClientOrigin | undefined): string | undefined {
  if (origin?.options) return undefined;
  const root = unwrapExpression(receiver);
  return Node.isPropertyAccessExpression(root) && root.getExpression().getKind() === SyntaxKind.ThisKeyword ? root.getName() : undefined;
}

/** Where an instance of `classNode` gets the client in its field `memberName`: its own class, else the base class with `classNode` as the subclass whose `super(...)` passes it. */
export function instanceMemberClientOrigin(classNode: ClassDeclaration | ClassExpression, memberName: string, modules: ModuleLoader): ClientOrigin | undefined {
  return memberOrigin(classNode, memberName, modules, 0);
}

/** The workspace class a class extends (`extends OpenAIApi`, also imported from another module), if any. */
export function baseClassOf(classNode: ClassDeclaration | ClassExpression, modules: ModuleLoader): ClassDeclaration | undefined {
  const heritage = classNode.getExtends();
  return heritage ? workspaceClass(unwrapExpression(heritage.getExpression()), modules) : undefined;
}

function ownMemberOrigin(classNode: ClassDeclaration | ClassExpression, memberName: string, modules: ModuleLoader, depth: number, subclasses: ReadonlyArray<ClassDeclaration | ClassExpression> = []): ClientOrigin | undefined {
  const property = classNode.getProperty(memberName);
  const initializer = property?.getInitializer();
  // `private api: ChatGPTAPI | null = null`, set in the constructor: the field starts empty, what is assigned to it is the client.
  if (initializer && !holdsNoValue(initializer)) return resolveClientOrigin(initializer, modules, depth + 1);
  for (const value of thisAssignments(classNode, memberName)) {
    // A client typed only (a JSDoc or type annotation on the constructor's parameter) says less than the one a subclass passes.
    const typed = resolveClientOrigin(value, modules, depth + 1);
    const origin = typed?.options ? typed : fromSuperArgument(classNode, unwrapExpression(value), subclasses[0], modules, depth) ?? typed;
    if (origin) return origin;
  }
  // `get client() { return this._client; }`: the field behind the getter, looked up on the instance's own class first.
  const getter = Node.isClassDeclaration(classNode) || Node.isClassExpression(classNode) ? classNode.getGetAccessor(memberName) : undefined;
  for (const statement of getter?.getDescendantsOfKind(SyntaxKind.ReturnStatement) ?? []) {
    const returned = statement.getExpression() && unwrapExpression(statement.getExpression()!);
    if (returned && Node.isPropertyAccessExpression(returned) && returned.getExpression().getKind() === SyntaxKind.ThisKeyword && returned.getName() !== memberName) {
      const instanceClass = subclasses.at(-1) ?? classNode;
      const origin = memberOrigin(instanceClass, returned.getName(), modules, depth + 1);
      if (origin) return origin;
    }
  }
  for (const constructor of classNode.getConstructors()) {
    for (const [index, parameter] of constructor.getParameters().entries()) {
      if (parameter.getName() !== memberName || !parameter.isParameterProperty()) continue;
      // Typed by a type of the app's own (`wrapped: ContentGenerator` from './contentGenerator.js'): what it is made with says more.
      const typed = fromTypeAnnotation(parameter.getTypeNode(), modules, depth);
      return typed && !isWorkspaceSpecifier(typed.packageName) ? typed : (fromConstructions(classNode, index, modules, depth) ?? typed);
    }
  }
  return fromTypeAnnotation(property?.getTypeNode(), modules, depth);
}

/** Files searched for a class's constructions at most, and constructions looked at (an app makes its services in a few places). */
const MAX_FILES_SEARCHED = 3000;
const MAX_CONSTRUCTIONS = 8;
const CONSTRUCTIONS = new WeakMap<ModuleLoader, Map<string, Node[]>>();

/**
 * A client a workspace class is handed when it is made (`constructor(private readonly wrapped: ContentGenerator)`, typed
 * by an interface of the app's own): what the code that makes it passes there (`new LoggingContentGenerator(googleGenAI.models,
 * config)`), the first construction whose argument is a client. Searched in the package holding the class, bounded in
 * files read; the files making it are parsed.
 */
function fromConstructions(classNode: ClassDeclaration | ClassExpression, index: number, modules: ModuleLoader, depth: number): ClientOrigin | undefined {
  const name = Node.isClassDeclaration(classNode) ? classNode.getName() : undefined;
  if (!name || !Node.isClassDeclaration(classNode)) return undefined;
  // Every request the class makes on the field asks the same question: answered once per class, argument and depth.
  const byClass = HANDED_IN.get(modules) ?? new WeakMap<Node, Map<string, ClientOrigin | undefined>>();
  HANDED_IN.set(modules, byClass);
  const answers = byClass.get(classNode) ?? new Map<string, ClientOrigin | undefined>();
  byClass.set(classNode, answers);
  const key = `${index}:${depth}`;
  if (answers.has(key)) return answers.get(key);
  let found: ClientOrigin | undefined;
  for (const construction of constructionsOf(classNode, name, modules)) {
    const argument = Node.isNewExpression(construction) ? construction.getArguments()[index] : undefined;
    const origin = argument && resolveClientOrigin(argument, modules, depth + 1);
    if (origin) {
      found = { ...origin, evidence: [...origin.evidence, `handed to new ${name}() at ${placeOf(construction)}`] };
      break;
    }
  }
  answers.set(key, found);
  return found;
}

/** Per scan (its module loader), as the constructions it was read from. */
const HANDED_IN = new WeakMap<ModuleLoader, WeakMap<Node, Map<string, ClientOrigin | undefined>>>();

function constructionsOf(classNode: ClassDeclaration, name: string, modules: ModuleLoader): Node[] {
  const file = classNode.getSourceFile();
  const key = `${file.getFilePath()}\0${name}`;
  const cache = CONSTRUCTIONS.get(modules) ?? new Map<string, Node[]>();
  CONSTRUCTIONS.set(modules, cache);
  const known = cache.get(key);
  if (known) return known;
  const made = `new ${name}(`;
  // Test files make the class with stand-ins (`new LoggingContentGenerator(mockGenerator)`): not what the app runs, and not searched.
  const files = appSourceFilesMatching(appRoot(path.dirname(file.getFilePath()), modules.root), MAX_FILES_SEARCHED, (text) => text.includes(made));
  const found: Node[] = [];
  for (const filePath of files) {
    if (found.length >= MAX_CONSTRUCTIONS) break;
    const sourceFile = modules.resolvePath(file, filePath);
    for (const construction of sourceFile?.getDescendantsOfKind(SyntaxKind.NewExpression) ?? []) {
      if (found.length >= MAX_CONSTRUCTIONS) break;
      if (workspaceClass(unwrapExpression(construction.getExpression()), modules) === classNode) found.push(construction);
    }
  }
  cache.set(key, found);
  return found;
}

/** An import specifier of the workspace's own modules (relative, or a path alias like `@/` or `~/`), not a package's. */
function isWorkspaceSpecifier(specifier: string): boolean {
  return /^(?:\.{1,2}\/|\/|@\/|~\/)/.test(specifier);
}

/** `client: OpenAI`: we know the class, not the options it was built with. */
function fromTypeAnnotation(typeNode: Node | undefined, modules: ModuleLoader, depth: number): ClientOrigin | undefined {
  if (!typeNode || !Node.isTypeReference(typeNode) || depth > MAX_DEPTH) return undefined;
  // `client: ReturnType<typeof getClient>`: what the app's function is declared to return, else the client it returns.
  const queried = functionTypeQueried(typeNode, modules);
  if (queried) {
    const declared = queried.getReturnTypeNode?.();
    if (declared) return fromTypeAnnotation(declared, modules, depth + 1);
    for (const returned of returnsOf(queried)) {
      const origin = resolveClientOrigin(returned, modules, depth + 1);
      if (origin) return origin;
    }
    return undefined;
  }
  const origin = classOrigin(typeNode.getTypeName(), modules, depth + 1);
  return origin ? { ...origin, options: undefined, evidence: [`client typed as ${typeNode.getText()} (options unknown)`] } : undefined;
}

/**
 * JavaScript typed with JSDoc: `@param {import("openai").OpenAI} client`, or a destructured options
 * parameter `@param {{client: import("openai").OpenAI, model: string}} config` read for `client`.
 * Only the `import("<package>").<Class>` form names a package without resolving a type. The parser
 * skips JSDoc (see parse.ts), so the comment before the function is read as text.
 */
function fromJsDocType(parameter: Node, name: string): ClientOrigin | undefined {
  if (!Node.isParameterDeclaration(parameter)) return undefined;
  const destructured = !Node.isIdentifier(parameter.getNameNode());
  const escaped = name.replace(/\$/g, '\\$');
  const importType = String.raw`import\(\s*["']([^"']+)["']\s*\)\.(\w+)`;
  for (const [typeText, tagName] of jsDocParamTypes(parameter.getParent())) {
    const found = destructured ? new RegExp(String.raw`[{,;]\s*${escaped}\??\s*:\s*` + importType).exec(typeText) : tagName === name ? new RegExp(String.raw`^\s*` + importType + String.raw`\s*$`).exec(typeText) : null;
    if (found) return { className: found[2], packageName: sdkPackageOf(found[1]), options: undefined, evidence: [`client typed in JSDoc as import("${found[1]}").${found[2]} (options unknown)`] };
  }
  return undefined;
}

/** `[type, name]` of each `@param {type} name` in the JSDoc block right before a function (or the statement holding it). */
function jsDocParamTypes(fn: Node | undefined): Array<[string, string]> {
  let owner: Node | undefined = fn;
  while (owner && !Node.isStatement(owner) && !Node.isConstructorDeclaration(owner) && !Node.isMethodDeclaration(owner) && !Node.isPropertyAssignment(owner)) owner = owner.getParent();
  const comment = owner?.getLeadingCommentRanges().at(-1)?.getText();
  if (!comment?.startsWith('/**')) return [];
  const found: Array<[string, string]> = [];
  for (let at = comment.indexOf('@param'); at >= 0; at = comment.indexOf('@param', at + 6)) {
    const open = comment.indexOf('{', at);
    if (open < 0) break;
    let depth = 0;
    let close = open;
    for (; close < comment.length; close++) {
      if (comment[close] === '{') depth++;
      else if (comment[close] === '}' && --depth === 0) break;
    }
    const tagName = /^\s*\[?([\w$.]+)/.exec(comment.slice(close + 1))?.[1] ?? '';
    found.push([comment.slice(open + 1, close), tagName]);
  }
  return found;
}

/**
 * The class a package exports as its default, where the name the code gives it could say otherwise: `import OpenAIApi
 * from 'openai'` is v4's `OpenAI` (v3 had no default export; its `OpenAIApi` is imported by name).
 */
const DEFAULT_EXPORT_CLASS: Readonly<Record<string, string>> = { openai: 'OpenAI' };

/** Which package a class name was imported (or required) from. */
function classOrigin(classExpression: Node, modules: ModuleLoader, depth: number): { className: string; packageName: string } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  // `new (this.llmClass as typeof ChatOpenAI)(config)`: a class held in a field the code says is that class.
  const castTo = typeQueryCast(classExpression);
  if (castTo) return classOrigin(castTo, modules, depth + 1);
  const node = unwrapExpression(classExpression);
  if (Node.isPropertyAccessExpression(node) || Node.isQualifiedName(node)) {
    // `openai.OpenAI` after `import * as openai from 'openai'`, or `require('openai').OpenAI`.
    const left = Node.isPropertyAccessExpression(node) ? node.getExpression() : node.getLeft();
    const right = Node.isPropertyAccessExpression(node) ? node.getName() : node.getRight().getText();
    const base = classOrigin(left, modules, depth + 1);
    return base ? { className: right, packageName: base.packageName } : undefined;
  }
  if (Node.isCallExpression(node) && (node.getExpression().getText() === 'require' || node.getExpression().getKind() === SyntaxKind.ImportKeyword)) {
    // `require('openai')`, or `(await import('openai')).OpenAI` (the module namespace; its member is the class).
    const specifier = node.getArguments()[0];
    return specifier && Node.isStringLiteral(specifier) ? { className: 'default', packageName: sdkPackageOf(specifier.getLiteralValue()) } : undefined;
  }
  if (!Node.isIdentifier(node)) return undefined;
  const declaration = findDeclaration(node, modules);
  if (!declaration) return undefined;
  // `class NoStainlessOpenAI extends OpenAI` (overriding how requests are built, not where they go): the SDK's client.
  if (Node.isClassDeclaration(declaration)) {
    const heritage = declaration.getExtends();
    return heritage ? classOrigin(heritage.getExpression(), modules, depth + 1) : undefined;
  }
  const specifier = importSpecifierOf(declaration);
  if (specifier) {
    const importedName = Node.isImportSpecifier(declaration) || Node.isExportSpecifier(declaration) ? declaration.getName() : 'default';
    return { className: importedName === 'default' ? DEFAULT_EXPORT_CLASS[specifier] ?? node.getText() : importedName, packageName: specifier };
  }
  if (Node.isVariableDeclaration(declaration) || Node.isBindingElement(declaration)) {
    // `const OpenAI = require('openai')`, `const { OpenAI } = await import('openai')`, or a lazy loader's result
    // (`const sdk = await loadPeer('cohere-ai', () => import('cohere-ai'))`, then `sdk.CohereClient`).
    const bound = importBindingOf(node, modules);
    // The package's whole export under any local name (`const openAI = require('openai')`): its default class, as for an import.
    if (bound) return { className: bound.importedName === '*' || bound.importedName === 'default' ? DEFAULT_EXPORT_CLASS[bound.packageName] ?? node.getText() : bound.importedName, packageName: bound.packageName };
    // `let OpenAI; OpenAI = (await import('openai')).OpenAI` (loaded lazily), or `const Client = OpenAI`: the class the value names.
    if (Node.isVariableDeclaration(declaration)) {
      const assigned = initializerOf(declaration);
      if (assigned && assigned !== node) return classOrigin(assigned, modules, depth + 1);
    }
  }
  return undefined;
}

/**
 * The enclosing function's parameter a request's client is, when nothing at the request says which server it is
 * (no client options, so no base URL): the callers' client arguments will (see `DetectedCall.clientParameter`).
 * Undefined for a client made or configured here.
 */
export function clientParameterOf(receiver: Node, origin: ClientOrigin | undefined, modules: ModuleLoader): string | undefined {
  if (origin?.options) return undefined;
  const root = unwrapExpression(receiver);
  if (!Node.isIdentifier(root)) return undefined;
  const declaration = findDeclaration(root, modules);
  return declaration && Node.isParameterDeclaration(declaration) && Node.isIdentifier(declaration.getNameNode()) ? root.getText() : undefined;
}
