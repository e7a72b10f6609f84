import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Node, SyntaxKind, ts, VariableDeclarationKind, type CallExpression, type FunctionDeclaration, type JsxOpeningElement, type JsxSelfClosingElement, type Project, type SourceFile, type VariableDeclaration } from 'ts-morph';
import type { ModuleLoader } from './modules';
import { parseIntoProject } from './parse';
import { annotationComment, callSpan, disabledBranch, enclosingFunctionName, exportNamedNowhereElse, isHandedOnCallback, markCutOffContinuation, neverCalledLocalFunction, replyNameField, retriedRequest, wrappedFunctionHolder } from './callsite';
import { assignedValues, constInitializer, contains, enclosingFunction, findDeclaration, getObjectProperty, hasDirective, heldBy, importSpecifierOf, initializerOf, isConstDeclaration, isFunctionNode, isSerializerCall, isStringLike, namesBoundBy, type FunctionNode, PATH_ALIAS, reactHookName, namespaceEntryModules, namespaceMember, resolveNumber, resolveObjectLiteral, resolveString, returnsOf, stringLiteralComparison, unwrapExpression } from './resolve';
import { definesFirebaseFunctions, isEdgeFunctionFile, proxyRouteFetches, registeredProxyRouteFetches, type RouteFetch } from './routeCallers';
import { promptOfOptions, resolveMessages, resolvePromptText, runTimeTurn, toolListEntryOf } from './prompt';
import { jsonObjectSchemaOf, outputSchemaOf, validatedReplyOf, type OutputSchema } from './validatedReply';
import { aiSdkFactoryProvider, clientProvider, readModel, readToolNames } from './sdk';
import { clientParameterOf, instanceMemberClientOrigin, resolveClientOrigin } from './clients';
import { callsMatching, withoutCasts, wrapCompilerNode } from './calls';
import { functionOf, functionTypeReturn, lineageOf, meetsInterface, propertyTypeOf, sameNode, shapesOf, supertypesOf, typeShapes, type Shape } from './shapes';
import type { DetectedCall, ModelCandidate, ModelRef, PromptHole, PromptMessage, WrapperVia } from '../../model/types';
import { escapeRegExp, TYPE_ARGUMENTS } from '../../model/regExp';
import { AGENT_CLI_SDK, CONNECTION_SETTING_NAME, FUNCTION_WRAPPER_NAME, runsOnEndUserDevice, servedBySubscription } from '../../model/vocabulary';
import { enterCall, isSettingsDefaultRef, likelyBranches, modelCandidates, registryEntries } from './modelValue';
import { looksLikeModelId } from './settings';
import { likelyFirst } from './selectorDefault';
import { EMBEDDINGS_METHOD, LANGCHAIN_PACKAGE, RUNNABLE_ENTRIES, RUNNABLE_IMPLEMENTATIONS, STORE_METHODS, storeCreation, storeMethodsRunning } from './langchainLibrary';
import { candidatesOfCalls } from './callerModels';

/** Helper of a helper of a helper (firecrawl: feature → extractData → generateCompletions); deeper chains are rare. */
const MAX_LEVELS = 3;
/**
 * A class's method calling another of its own through `this` is not a level: an agent class's `start` reaches its
 * request through `chat`, `reply` and `handleExecution` (anything-llm's AIbitat), and the app calls `start`. These hops
 * are followed for up to this many more steps of a chain (a call of a private method is no step: see callsPrivateMethod).
 */
const MAX_OWN_CLASS_HOPS = 3;
/**
 * Rounds of the search at most. A chain's steps are bounded by MAX_LEVELS + MAX_OWN_CLASS_HOPS; calls of private
 * methods are not steps, and they end at the class's other methods (a function is a helper once), so this only
 * guards against a pathological class.
 */
const MAX_ROUNDS = 4 * (MAX_LEVELS + MAX_OWN_CLASS_HOPS);
/**
 * Callers taken per helper: a helper called from everywhere is still priced, through its first callers. At 25, the
 * held-out inbox-zero's request factory (one helper behind 50-odd features) lost a third of its features; 100 keeps
 * them all and MAX_CALLER_SITES still bounds the scan.
 */
export const MAX_CALLERS_PER_HELPER = 100;
/** Caller sites per scan, so a workspace of wrappers around wrappers cannot blow up the pricing. */
const MAX_CALLER_SITES = 1000;
/** Text larger than this is generated code, not a caller. */
const MAX_CALLER_FILE_BYTES = 1024 * 1024;

type FunctionLike = Node;

/** A workspace file as the scan found it. */
export interface WorkspaceFile {
  absolutePath: string;
  /** POSIX, relative to the scan root. */
  relativePath: string;
}

/**
 * A call of a helper whose request is made only with a model its caller hands in (`DetectedCall.modelHandedIn`,
 * livekit-agents' `startSession(agent, options?)`) that hands none: the argument left out, or an object literal without
 * the field. Such a call makes no request.
 */
function handsNoModel(helper: Helper, call: CallExpression): boolean {
  const handedIn = helper.call.modelHandedIn;
  if (!handedIn || helper.call.kind === 'wrapper-caller') return false;
  const argument = call.getArguments()[handedIn.parameter];
  if (!argument) return true;
  const value = unwrapExpression(argument);
  // An object spreading another in may hand the model through it.
  return handedIn.field !== undefined && Node.isObjectLiteralExpression(value) && !value.getProperties().some((property) => Node.isSpreadAssignment(property)) && getObjectProperty(value, handedIn.field) === undefined;
}

/** An app helper around an LLM request: the function holding it, and the request as the analyzer saw it. */
interface Helper {
  call: DetectedCall;
  /** The request (or the call leading to it) in the function, as a node. */
  site: Node;
  /** Every request of this level in the function: the first is `call`. */
  requests: DetectedCall[];
  /** The named function or method (FunctionDeclaration, MethodDeclaration, or the arrow/function expression a variable or property holds). */
  fn: FunctionLike;
  /** For a factory returning a function (`createX(opts)(input)`): that inner function. */
  returned?: FunctionLike;
  /** The name callers write: `summarize`, the `ask` of `llm.ask(...)`, or the const a higher-order function's result is held in (heldAs). */
  name: string;
  /** `const summarize = traceable(summarizeFunc, ...)`: the const callers call instead of the function. */
  heldAs?: VariableDeclaration;
  /**
   * The types a receiver may be declared with to reach this helper: for a method, its class, superclasses
   * and interfaces; for a member of an object literal, the type the literal is declared or returned as;
   * for a factory of functions, the (function) type its declared return type names.
   */
  types: Node[];
  /** The class holding the method, for receivers made with `new`. */
  ownerClass?: Node;
  /** A factory whose returned function is called through a value of its declared function type (`endpoint(params)`). */
  returnsTypedFunction: boolean;
  /**
   * A function held by a const declared with a function type of the app's (`export const OpenAIChatCompletion:
   * ChatCompletionHandler = async (req) => ...`): a call of any value declared with that type (`completer(req)`, a
   * parameter typed `ChatCompletionHandler`) may run it.
   */
  declaredFunctionType?: boolean;
  /**
   * The fields of app-typed literals holding the function (`transcriber: OpenAITranscribe` in a `LanguageModel`): a
   * caller may take it out under that name (`const { transcriber } = resolveLanguageModel(provider)`) and never write
   * the function's own name nor its type's.
   */
  heldAsFields?: string[];
}

export interface WrapperCallerContext {
  project: Project;
  modules: ModuleLoader;
  /** Reads a workspace file's text (null when unreadable); the scan passes its sliced synchronous reader. */
  readText?: (absolutePath: string) => Promise<string | null>;
  /**
   * Answers `mentionsBesidesDeclarations(text, mention)` for a file's text as `readText` gave it; the editor's re-scan
   * answers from an earlier scan for a file unchanged since (scan.ts). Without it, the test itself.
   */
  mentions?: (file: WorkspaceFile, text: string, mention: RegExp) => boolean;
}

const readTextFromDisk = (absolutePath: string): Promise<string | null> => fs.readFile(absolutePath, 'utf8').catch(() => null);

/**
 * Every place that calls the app's own LLM helper becomes a call site of its own (kind
 * `wrapper-caller`, `via` the helper's request): the model, prompt and tool arguments it passes
 * are mapped onto the helper's parameters and resolved as at an SDK call, its task is classified
 * from what it passes, its volume comes from its own annotation or usage entry. Callers are found
 * among `candidatesFor` the helpers' files (those files and their importers) by one text test each, then parsed
 * and resolved by binding, never by name alone: an app's `streamText(messages, env)` that shadows
 * the AI SDK's is a helper only where the name is imported from the app's module. Up to three
 * levels of helpers, hops inside a class and adapters of the same operation not counted. Never throws for one file: an unreadable or unparsable file has no callers.
 */
export async function findWrapperCallers(calls: readonly DetectedCall[], allFiles: readonly WorkspaceFile[], candidatesFor: (helperFiles: ReadonlySet<string>) => readonly WorkspaceFile[], context: WrapperCallerContext, signal?: AbortSignal): Promise<DetectedCall[]> {
  try {
    return await searchWrapperCallers(calls, allFiles, candidatesFor, context, signal);
  } finally {
    // The lookup reads this search's files only: shapes resolved after it (pricing, other analyzers) do not use it.
    context.modules.methodCallsNamed = undefined;
  }
}

async function searchWrapperCallers(calls: readonly DetectedCall[], allFiles: readonly WorkspaceFile[], candidatesFor: (helperFiles: ReadonlySet<string>) => readonly WorkspaceFile[], context: WrapperCallerContext, signal?: AbortSignal): Promise<DetectedCall[]> {
  const byRelative = new Map(allFiles.map((file) => [file.relativePath, file]));
  const texts = new Map<string, string | null>();
  const readText = async (file: WorkspaceFile): Promise<string | null> => {
    if (!texts.has(file.absolutePath)) {
      const text = await (context.readText ?? readTextFromDisk)(file.absolutePath);
      texts.set(file.absolutePath, text !== null && text.length <= MAX_CALLER_FILE_BYTES ? text : null);
    }
    return texts.get(file.absolutePath)!;
  };
  const sourceFileOf = async (file: WorkspaceFile): Promise<SourceFile | undefined> => {
    const existing = context.project.getSourceFile(file.absolutePath);
    if (existing) return existing;
    const text = await readText(file);
    if (text === null) return undefined;
    try {
      return parseIntoProject(context.project, file.absolutePath, text);
    } catch {
      return undefined;
    }
  };

  const found: DetectedCall[] = [];
  const nodeOfCaller = new Map<DetectedCall, CallExpression>();
  // A function is a helper once, and a call is one caller site, over all levels: a call that reaches a
  // second helper a level later (an implementation that delegates to another) names it as an alternative.
  const helperFns: Node[] = [];
  const callerAt = new Map<string, DetectedCall>();
  // The helper each caller site is priced through: a later level may reach the same call through the one its receiver's selector hands out by default.
  const pricedThrough = new Map<DetectedCall, Helper>();
  const forwardingHops = new Set<DetectedCall>();
  // Typed factories' calls another factory returns as its own product (`return makeClassifier({ types })` in a function
  // declared to return `Classifier`): that function is a factory of the next level; the call is a hop once the calls of
  // its products are found.
  const productReturns = new Set<Node>();
  const productHops = new Set<DetectedCall>();
  // Caller sites that call a private method of their own class, or a function only their module can call: a step inside
  // the class or module, no feature of its own once the callers of the function around it are found (see callsPrivateMethod
  // and callsWithinItsModule).
  const privateCalls = new Set<DetectedCall>();
  const directSites = new Set(calls.filter((call) => call.kind !== 'wrapper-caller').map((call) => `${call.file}:${call.line}:${call.column}`));
  // The modules of every request a helper reaches, following each `via` (and its alternatives and hops) down to the SDK's.
  const requestAt = (file: string, line: number): DetectedCall | undefined => calls.find((call) => call.file === file && call.line === line) ?? found.find((call) => call.file === file && call.line === line);
  const modulesBeneath = new Map<Helper, string[]>();
  const moduleImports = new Map<string, string[]>();
  const importsOfModule = (moduleId: string): string[] => relativeImportsOfModule(moduleId, moduleImports);
  const requestModulesBeneath = (helper: Helper): readonly string[] => {
    let modules = modulesBeneath.get(helper);
    if (modules) return modules;
    const files = new Set<string>();
    const seen = new Set<DetectedCall>();
    const visit = (request: DetectedCall | undefined, depth: number): void => {
      if (!request || seen.has(request) || depth > MAX_ROUNDS) return;
      seen.add(request);
      files.add(request.file);
      // `this.makeRequest('/chat/completions', body)`: the app's HTTP helper sends it, in a module of its own (a base class's).
      if (request.httpHelperRequest) files.add(request.httpHelperRequest.file);
      for (const step of request.via ? [request.via, ...(request.via.alternatives ?? []), ...(request.via.through ?? [])] : []) {
        files.add(step.file);
        visit(requestAt(step.file, step.line), depth + 1);
      }
    };
    for (const request of helper.requests) visit(request, 0);
    modules = [...files].flatMap((file) => (byRelative.has(file) ? [moduleIdOf(byRelative.get(file)!.absolutePath)] : []));
    modulesBeneath.set(helper, modules);
    return modules;
  };
  // Fetch callers of a proxy route: the value each posts.
  const postedBy = new Map<DetectedCall, Node>();
  // How many levels of helpers lie between each caller site and its request (hops inside a class, and adapters of
  // the same operation, see callsUnderOwnName, not counted).
  const levelOf = new Map<DetectedCall, number>();
  // How many steps lie between each caller site and its request: levels and own-class hops, not calls of private methods.
  const stepsOf = new Map<DetectedCall, number>();
  // The classes and interfaces each caller site's request goes through, its helpers' on the way down (see sharesAny).
  const typesBeneath = new Map<DetectedCall, ReadonlySet<string>>();
  // The helpers' names each caller site's request goes through, on the way down (see sharesAny).
  const namesBeneath = new Map<DetectedCall, ReadonlySet<string>>();
  // A helper's own, added to its call's: made once per helper, asked for each call of each candidate file.
  const throughOf = new Map<Helper, { types: ReadonlySet<string>; names: ReadonlySet<string> }>();
  const through = (helper: Helper) => {
    let sets = throughOf.get(helper);
    if (!sets) {
      sets = { types: new Set([...(typesBeneath.get(helper.call) ?? []), ...helper.types.map(nameOf).filter((name) => name !== '')]), names: new Set([...(namesBeneath.get(helper.call) ?? []), helper.name]) };
      throughOf.set(helper, sets);
    }
    return sets;
  };
  // How each caller site was made, to make it again when the site it goes through is priced through another
  // implementation by a later round (see repriceCallersOfReplaced); and the sites so replaced.
  const remakes: CallerRemake[] = [];
  const replaced = new Set<DetectedCall>();
  let frontier: readonly DetectedCall[] = calls;
  let storeFiles: WorkspaceFile[] | undefined;
  // Whether a file may register a route with a server framework, tested once per file for the whole search.
  const routeRegistering = new Map<string, boolean>();
  const registersRoute = (file: string, sourceFile: SourceFile): boolean => {
    let registers = routeRegistering.get(file);
    if (registers === undefined) {
      const text = sourceFile.getFullText();
      routeRegistering.set(file, (registers = isEdgeFunctionFile(file) || definesFirebaseFunctions(text) || ROUTE_REGISTRATION.test(text)));
    }
    return registers;
  };
  for (let round = 0; round < MAX_ROUNDS && frontier.length > 0 && found.length < MAX_CALLER_SITES; round++) {
    const helpers: Helper[] = [];
    // Requests in the handler of a route a server framework registers (`middlewares.use('/api/chat', ...)`): no named helper.
    const routeRequests: Array<{ call: DetectedCall; node: Node }> = [];
    for (const call of frontier) {
      // An agent reported where it is made (a framework runs it) is made, not run, by the function around it: its callers send nothing.
      // A request in a handler a Supabase Edge Function serves (`serve(async (req) => ...)` at its module's top) is in no
      // named function, yet its callers are the app's invocations of the function.
      if ((!call.enclosingFunction && !isEdgeFunctionFile(call.file)) || call.agentDefinition === `${call.file}:${call.line}`) continue;
      const file = byRelative.get(call.file);
      const sourceFile = file && (await sourceFileOf(file));
      const node = sourceFile && (nodeOfCaller.get(call) ?? nodeAt(sourceFile, call.line, call.column));
      if (node && call.kind !== 'wrapper-caller' && registersRoute(call.file, sourceFile)) routeRequests.push({ call, node });
      if (!call.enclosingFunction) continue;
      // A lazy initialization keeps its promise on the instance: it runs once, however many methods wait for it.
      if (node && promiseKeptInField(node)) continue;
      const helper = node && helperAround(node, call, context.modules);
      // A helper making several requests (retries, a streaming and a plain branch) is one feature per
      // caller: its first request stands for it, and the totals leave all of the helper's requests out.
      if (helper && !helperFns.some((other) => sameNode(other, helper.fn))) {
        helpers.push(helper);
        helperFns.push(helper.fn);
      } else if (helper) {
        const sameRound = helpers.find((other) => sameNode(other.fn, helper.fn));
        if (sameRound) sameRound.requests.push(call);
        // A fetch to the app's proxy route in a helper whose callers an earlier round searched (a fallback after the helper's
        // own request: nosabos's `callResponses` posting `{ model, input }` to its Firebase function when Gemini is off) is
        // another request of that helper: its callers stand for it when it posts only what they hand in.
        else if (postedBy.has(call) && postsOnlyParameters(postedBy.get(call)!, node!) && found.some((caller) => caller.via?.file === call.file && caller.via.function === call.enclosingFunction)) forwardingHops.add(call);
      }
    }
    if (helpers.length === 0 && routeRequests.length === 0) break;
    // The store calls that run an embeddings class's own `embedDocuments` / `embedQuery` (see storeRuns) are looked for by their names too.
    // So are the runnable methods (`invoke`, `stream`, ...) that run a LangChain model class's own `_generate` (see runnableRuns).
    const names = [...new Set(helpers.flatMap((helper) => [helper.name, ...(helper.ownerClass ? [...storeMethodsRunning(helper.name), ...runnableEntriesRunning(helper, context.modules)] : [])]))];
    // A private method's callers are in its own class: its file is the only one to read for it.
    const open = helpers.filter((helper) => !isPrivateMethod(helper.fn));
    const helperFiles = new Set(open.map((helper) => byRelative.get(helper.call.file)!.absolutePath));
    // Callers through an interface or base class import its module, not the implementation's; callers
    // of a factory's product import the factory's module, which imports the implementation: one more hop.
    const typeFiles = new Set(open.flatMap((helper) => helper.types.map((type) => type.getSourceFile().getFilePath() as string)));
    const files = open.length > 0 ? [...candidatesFor(new Set([...helperFiles, ...typeFiles]))] : [];
    if (open.some((helper) => helper.ownerClass || helper.returnsTypedFunction || helper.types.length > 0)) {
      const known = new Set(files.map((file) => file.absolutePath));
      for (const file of candidatesFor(new Set(files.map((file) => file.absolutePath)))) {
        if (!known.has(file.absolutePath)) files.push(file);
      }
    }
    const listed = new Set(files.map((file) => file.absolutePath));
    // A vector store class of the app's own (extending LangChain's VectorStore) embeds through `this.embeddings`, which
    // its base class holds: its file imports no embeddings class, so it is looked for by that text (see storeEmbeds).
    if (open.some((helper) => isLangChainEmbeddingsMethod(helper, context.modules))) {
      storeFiles ??= await filesEmbeddingThroughStore(allFiles, readText, signal);
      for (const file of storeFiles) {
        if (listed.has(file.absolutePath)) continue;
        files.push(file);
        listed.add(file.absolutePath);
      }
    }
    for (const helper of helpers) {
      const own = byRelative.get(helper.call.file)!;
      if (listed.has(own.absolutePath)) continue;
      files.push(own);
      listed.add(own.absolutePath);
    }
    // `export const _service = { [services.openai]: common, ... }`: a module's map of the helpers, picked by key in the modules
    // importing it (`_service[name](message)`); those modules are read too, for the map's name (see serviceMapCalls).
    const serviceMaps = await exportedHelperMaps(files, names, readText, sourceFileOf);
    if (serviceMaps.length > 0) {
      for (const file of candidatesFor(new Set(serviceMaps.map((map) => map.declaration.getSourceFile().getFilePath() as string)))) {
        if (listed.has(file.absolutePath)) continue;
        files.push(file);
        listed.add(file.absolutePath);
      }
    }
    const mention = helperMention(names);
    const components = helpers.filter(rendersWithProps);
    const componentMarkup = components.length > 0 ? new RegExp(`<(?:${components.map((helper) => escapeRegExp(helper.name)).join('|')})[\\s/>]`) : undefined;
    // A helper's name after `?` or `:`: only such a file may hold a const choosing between helpers (chooserNames walks its tree)
    // or a table of handlers (`{ key: this.handler }`, dispatchCalls).
    const branchMention = new RegExp(`[?:]\\s*(?:this\\.)?(?:${names.map(escapeRegExp).join('|')})(?![\\w$])`);
    // Function values of a factory's declared type: the type's name is the only text a caller's file may share.
    const typedFunctionNames = [...new Set(helpers.filter((helper) => helper.returnsTypedFunction || helper.declaredFunctionType).flatMap((helper) => helper.types.map(nameOf)))].filter((name) => name !== '');
    const heldFieldNames = [...new Set(helpers.flatMap((helper) => helper.heldAsFields ?? []))];
    const factoryNames = [...new Set(helpers.filter((helper) => helper.returned).map((helper) => helper.name))];
    // `export type GenerateChatCompletion = ReturnType<typeof makeGenerateChatCompletion>` beside a factory: a caller's file names the alias.
    const productAliases = productTypeAliases(helpers.filter((helper) => helper.returned));
    const next: DetectedCall[] = [];
    const perHelper = new Map<Helper, number>();
    // Helpers some caller goes through, as the one it is priced through or as an alternative implementation.
    const reached = new Set<Helper>();
    // A caller site found through `helper`, kept for this round's bookkeeping: where it is, what it is priced through,
    // how many levels and steps lie beneath it (the helper's plus what this call adds), the helper's types and names.
    const recordCaller = (caller: DetectedCall, helper: Helper, key: string, addsLevel: boolean, addsStep: boolean): void => {
      callerAt.set(key, caller);
      pricedThrough.set(caller, helper);
      levelOf.set(caller, (levelOf.get(helper.call) ?? 0) + (addsLevel ? 1 : 0));
      stepsOf.set(caller, (stepsOf.get(helper.call) ?? 0) + (addsStep ? 1 : 0));
      typesBeneath.set(caller, through(helper).types);
      namesBeneath.set(caller, through(helper).names);
      next.push(caller);
      perHelper.set(helper, (perHelper.get(helper) ?? 0) + 1);
      reached.add(helper);
    };
    context.modules.methodCallsNamed = await methodCallsIn(files, readText, context.project);
    for (const file of files) {
      signal?.throwIfAborted();
      const text = await readText(file);
      if (text === null) continue;
      const byName = context.mentions ? context.mentions(file, text, mention) : mentionsBesidesDeclarations(text, mention);
      const byFunctionType = typedFunctionNames.some((name) => text.includes(name)) || heldFieldNames.some((name) => text.includes(name));
      const byProductAlias = [...productAliases.keys()].some((alias) => text.includes(alias));
      // `<AnswerView prompt={p} />`: a function component rendered with the props its request reads.
      const byMarkup = componentMarkup !== undefined && /\.[jt]sx$/.test(file.relativePath) && componentMarkup.test(text);
      const byServiceMap = serviceMaps.some((map) => text.includes(map.declaration.getName()));
      if (!byName && !byFunctionType && !byProductAlias && !byMarkup && !byServiceMap) continue;
      const sourceFile = await sourceFileOf(file);
      if (!sourceFile) continue;
      const aliases = importAliases(sourceFile, names);
      // `const generate = provider === 'openai' ? generateOpenAITTS : generateMistralTTS`: calls of `generate` run either helper.
      const choosers = byName && branchMention.test(text) ? chooserNames(sourceFile, names) : new Set<string>();
      // `this.createChat = client.chat.bind(client)`: calls of `this.createChat(...)` run `client.chat`.
      const boundMethods = byName && text.includes('.bind(') ? boundMethodAliases(sourceFile, names) : new Map<string, Node>();
      // `const chatHandlers = { openai: this.openAiHandler, ... }; chatHandlers[type].bind(this)(...)`: calls through a table of handlers.
      const dispatched = byName && branchMention.test(text) ? dispatchCalls(sourceFile, names) : new Map<CallExpression, HandlerTable>();
      if (byServiceMap) for (const [call, table] of serviceMapCalls(sourceFile, serviceMaps, context.modules)) dispatched.set(call, table);
      const expressions = [...(byName ? callsNamed(sourceFile, new Set([...names, ...aliases.keys(), ...choosers, ...boundMethods.keys()])) : []), ...dispatched.keys()];
      // `generate: ReturnType<typeof createGenerate>` handed down to another function: calls of that value run the factory's function.
      const byProductType = factoryNames.some((name) => text.includes(`ReturnType<typeof ${name}>`)) || byProductAlias;
      // A file naming a typed factory may call the value it makes under another name (`const classify = makeClassifyAudience(...)`).
      const functionValueCalls = byFunctionType || byProductType || (byName && typedFunctionNames.length > 0) ? callsOfValues(sourceFile, typedFunctionNames) : [];
      // Read once per file, for every call in it: what a test replaces with its module mocks, and whether a client component calls.
      const mockedModules = modulesMockedBy(text);
      const standIns = standInsDeclaredBy(text);
      const doubles = mockFunctionsNamedBy(text);
      const spiesOn = /\.spyOn\s*\(/.test(text) && TEST_FILE.test(text);
      const clientComponent = hasDirective(sourceFile, 'use client') || CLIENT_STATE_HOOK.test(text);
      const resolved = new Map<string, Node | undefined>();
      const remember: Remember = (node, what, compute) => {
        const key = `${what}@${node.getStart()}:${node.getEnd()}`;
        if (!resolved.has(key)) resolved.set(key, compute());
        return resolved.get(key);
      };
      const shapes = new Map<Node, Shape[]>();
      const shapesOfReceiver = (receiver: Node): Shape[] => {
        if (!shapes.has(receiver)) shapes.set(receiver, shapesOf(receiver, context.modules));
        return shapes.get(receiver)!;
      };
      for (const expression of [...expressions, ...functionValueCalls.filter((call) => !expressions.includes(call))]) {
        if (found.length + next.length >= MAX_CALLER_SITES) break;
        const table = dispatched.get(expression);
        const target = table ? { name: table.name, callee: table.entries[0] } : (boundMethodCall(expression, boundMethods) ?? calleeName(expression, aliases));
        if (!target) continue;
        const branches = table?.entries ?? (choosers.has(target.name) && Node.isIdentifier(target.callee) ? chosenFunctions(target.callee, context.modules, remember) : undefined);
        let bound: Helper[] = [];
        // Helpers that already have their share of callers: still named as alternatives of a site other helpers make.
        const boundOverCap: Helper[] = [];
        let callsReturned = false;
        for (const helper of helpers) {
          // Callers in the helper's own file (`this.embedChunks(...)` in its class's `embedTextInput`) are always taken:
          // a helper called from everywhere reaches the cap elsewhere, and these are the ones the next level needs.
          const overCap = (perHelper.get(helper) ?? 0) >= MAX_CALLERS_PER_HELPER && helper.fn.getSourceFile() !== sourceFile;
          // A recursive helper calling itself is not a feature of its own (the helper's tree may be another parse of this
          // file than the caller search's: told by path and position).
          if (contains(helper.fn, expression)) continue;
          // Making a typed function value is not its request: the calls of the value are (found by their type).
          const makesValueOnly = helper.returnsTypedFunction && !target.outer;
          if (helper.name === target.name && !makesValueOnly && isBoundTo(target.callee, helper, context.modules, shapesOfReceiver, remember)) (overCap ? boundOverCap : bound).push(helper);
          else if (helper.name === target.name && makesValueOnly && !overCap && returnedAsSameProduct(expression, helper) && isBoundTo(target.callee, helper, context.modules, shapesOfReceiver, remember)) {
            bound.push(helper);
            productReturns.add(expression);
          }
          // An exported const holding the product with no type of its own is called elsewhere under its name, where no
          // declared type leads back to the factory: the factory call, with the prompt it is given, is the feature.
          else if (helper.name === target.name && makesValueOnly && !overCap && exportedUntypedProduct(expression) && isBoundTo(target.callee, helper, context.modules, shapesOfReceiver, remember)) bound.push(helper);
          else if (branches?.some((branch) => branchName(branch) === helper.name && isBoundTo(branch, helper, context.modules, shapesOfReceiver, remember))) (overCap ? boundOverCap : bound).push(helper);
          else if (storeRuns(expression, target.name, helper, context.modules, shapesOfReceiver)) (overCap ? boundOverCap : bound).push(helper);
          else if (storeEmbeds(target, helper, context.modules)) (overCap ? boundOverCap : bound).push(helper);
          else if (runnableRuns(target, helper, context.modules, shapesOfReceiver)) (overCap ? boundOverCap : bound).push(helper);
          else if (!overCap && (helper.returnsTypedFunction || helper.declaredFunctionType) && (Node.isIdentifier(target.callee) || fieldDeclaredWith(target.callee, helper.types.map(nameOf))) && !namesOtherFunction(target.callee, helper, context.modules) && callsTypedFunction(target.callee, helper, shapesOfReceiver)) {
            bound.push(helper);
            callsReturned = helper.returnsTypedFunction;
          } else if (!overCap && helper.returned && Node.isIdentifier(target.callee) && declaredAsProductOf(target.callee, helper.name, productAliases, context.modules)) {
            bound.push(helper);
            callsReturned = true;
          }
        }
        // A chooser's branches in their written order: the condition's first pick is priced first.
        if (branches) bound.sort((a, b) => branches.findIndex((branch) => branchName(branch) === a.name) - branches.findIndex((branch) => branchName(branch) === b.name));
        // A fetch helper handed the app's own route (`fetchChatResponse('/api/chat/openai', body)`) posts to the app's server, not a model API.
        // A test that mocks the helper's module or a package it imports (`vi.mock('openai')`) calls it without a request.
        // A client component calling a server action (`'use client'` calling a `'use server'` function) posts to the app's
        // server, whose own request is the site, as a page's fetch to an API route is.
        bound = bound.filter((helper) => !handsNoModel(helper, expression) && !callerPassesOwnRoute(helper, expression, context.modules) && !mocksHelperModule(mockedModules, file.absolutePath, helper, requestModulesBeneath, importsOfModule) && !sharesAny(standIns, through(helper).types) && !sharesAny(doubles, through(helper).names) && !(spiesOn && spiedInItsTest(expression, helper)) && !(clientComponent && isServerAction(helper) && !(asksOnlyWhatItIsHanded(helper.call) && !passesValuesOnly(expression, context.modules))));
        if (bound.length === 0 || bound.every((helper) => startsProgram(expression, helper))) continue;
        // Adapters behind a provider selector: the one it hands out by default is priced first.
        if (Node.isPropertyAccessExpression(target.callee)) {
          const adapters = [...bound, ...boundOverCap];
          bound = adapters.length > 1 ? likelyFirst(adapters, selectorReceivers(expression, target, context.modules), (helper) => helper.ownerClass, context.modules) : adapters;
        }
        const addCallerAt = (site: CallExpression, outerCall: CallExpression | undefined): void => {
          // A call in a local function nothing calls never runs: no site (and no caller search above it).
          // Nor does one under a switch set to false; a markup control only re-runs the feature it calls; a retry of the
          // same call after it failed is that call's request again.
          if (neverCalledLocalFunction(site) || disabledBranch(site) || retriedRequest(site) || uiTrigger(site, bound.every((helper) => helper.call.kind === 'wrapper-caller'))) return;
          // A request an analyzer reports at this very call (`store.addDocuments(docs)` of a LangChain store) is the
          // site already: the app's helper of the same name is another implementation picked by configuration.
          const start = site.getSourceFile().getLineAndColumnAtPos(site.getStart());
          if (directSites.has(`${file.relativePath}:${start.line}:${start.column}`)) return;
          const key = `${file.relativePath}:${site.getStart()}`;
          const earlier = callerAt.get(key);
          if (earlier?.via) {
            const known = [earlier.via, ...(earlier.via.alternatives ?? [])];
            const added = bound.filter((other) => !known.some((via) => via.file === other.call.file && via.function === other.call.enclosingFunction));
            if (added.length === 0) return;
            for (const other of added) reached.add(other);
            // An implementation a deeper chain reaches (page-assist's ChatOllama, three calls below its `.stream()`) that the
            // receiver's selector hands out by default is the one priced; the one found first stays an alternative.
            const before = pricedThrough.get(earlier);
            const preferred = before ? likelyFirst([before, ...added], selectorReceivers(expression, target, context.modules), (helper) => helper.ownerClass, context.modules)[0] : undefined;
            if (preferred && preferred !== before) {
              try {
                const replacement = callerSite(preferred, expression, outerCall, file.relativePath, context.modules, callsReturned);
                const alternatives = [...known, ...added.filter((other) => other !== preferred).map(viaOf)];
                Object.assign(earlier, replacement, {
                  via: { ...replacement.via!, alternatives },
                  evidence: [`${alternatives.length + 1} implementations may serve this call; priced through ${preferred.call.enclosingFunction}, the one the receiver's selector hands out by default`, ...replacement.evidence],
                });
                pricedThrough.set(earlier, preferred);
                replaced.add(earlier);
                return;
              } catch {
                // The default one's arguments cannot be followed: the site keeps the implementation it had.
              }
            }
            earlier.via = { ...earlier.via, alternatives: [...(earlier.via.alternatives ?? []), ...added.map(viaOf)] };
            return;
          }
          // Several implementations behind one receiver are alternative adapters: one caller site, priced
          // through the first whose model the code states, naming the others so that the totals leave all of them out.
          try {
            const { helper, alternatives, caller } = alternativeAdapters(bound, (each) => callerSite(each, expression, outerCall, file.relativePath, context.modules, callsReturned));
            if (alternatives.length > 0 && caller.via) {
              caller.via = { ...caller.via, alternatives: alternatives.map(viaOf) };
              caller.evidence = [`${alternatives.length + 1} implementations may serve this call (${[helper, ...alternatives].map((other) => other.call.enclosingFunction).join(', ')}); priced through the first`, ...caller.evidence];
            }
            nodeOfCaller.set(caller, site);
            if (productReturns.has(site)) productHops.add(caller);
            if (passesValuesOnly(site, context.modules, caller.endpoint !== 'embedding')) caller.passesValuesOnly = true;
            remakes.push({ caller, helper, remake: () => callerSite(helper, expression, outerCall, file.relativePath, context.modules, callsReturned) });
            const privateStep = callsPrivateMethod(target.callee, helper);
            recordCaller(caller, helper, key, !(callsOwnMethod(target.callee, helper) || callsWithinItsModule(site, helper) || callsUnderOwnName(expression)), !privateStep);
            if (privateStep || callsWithinItsModule(site, helper)) privateCalls.add(caller);
            for (const each of alternatives) reached.add(each);
          } catch {
            // An expression the resolvers cannot follow gives no caller site; the helper's own stays.
          }
        };
        if (callsReturned) addCallerAt(expression, undefined);
        else if (target.outer) addCallerAt(target.outer, target.outer);
        else {
          // `const generate = createGenerate(options)` then `await generate({ prompt })`: the request runs where the
          // factory's function is called, with the prompt it is given there; making it sends nothing.
          const productCalls = bound.some((helper) => helper.returned) ? callsOfHeldProduct(expression, context.modules) : [];
          // Handed on to a function that declares it `ReturnType<typeof createGenerate>` (byProductType): the calls there are the requests.
          const handedOnTyped = productCalls.length === 0 && byProductType && bound.some((helper) => helper.returned && text.includes(`ReturnType<typeof ${helper.name}>`)) && heldAndHandedOn(expression);
          if (productCalls.length === 0 && !handedOnTyped) addCallerAt(expression, undefined);
          for (const productCall of productCalls) addCallerAt(productCall, productCall);
        }
      }
      if (byMarkup) {
        for (const element of elementsNamed(sourceFile, new Set([...components.map((helper) => helper.name), ...aliases.keys()]))) {
          if (found.length + next.length >= MAX_CALLER_SITES) break;
          const tag = element.getTagNameNode();
          const name = aliases.get(tag.getText()) ?? tag.getText();
          const helper = components.find((each) => each.name === name && (perHelper.get(each) ?? 0) < MAX_CALLERS_PER_HELPER && isBoundTo(tag, each, context.modules, shapesOfReceiver, remember));
          // A test rendering the component with its request's module mocked makes no request.
          if (!helper || mocksHelperModule(mockedModules, file.absolutePath, helper, requestModulesBeneath, importsOfModule)) continue;
          const key = `${file.relativePath}:${element.getStart()}`;
          if (callerAt.has(key)) continue;
          try {
            recordCaller(callerSite(helper, element, undefined, file.relativePath, context.modules), helper, key, true, true);
          } catch {
            // Props the resolvers cannot follow give no caller site; the component's own request stays.
          }
        }
      }
    }
    // A fetch posting to a proxy route, as a caller site of the route's request `base` (once per fetch); undefined when
    // the fetch already is one, or its body is one the resolvers cannot follow (the route's own request stays).
    const addRouteCaller = (base: DetectedCall, fetch: RouteFetch, via: NonNullable<DetectedCall['via']>): DetectedCall | undefined => {
      const file = context.modules.relativePath(fetch.call.getSourceFile().getFilePath());
      const key = `${file}:${fetch.call.getStart()}`;
      if (callerAt.has(key)) return undefined;
      let caller: DetectedCall;
      try {
        caller = routeCallerSite(base, fetch, via, file, context.modules);
      } catch {
        return undefined;
      }
      nodeOfCaller.set(caller, fetch.call);
      postedBy.set(caller, fetch.sent);
      callerAt.set(key, caller);
      levelOf.set(caller, (levelOf.get(base) ?? 0) + 1);
      stepsOf.set(caller, (stepsOf.get(base) ?? 0) + 1);
      next.push(caller);
      return caller;
    };
    // A proxy route's callers are the app's own fetches that post the request body it hands on.
    for (const helper of helpers) {
      if (found.length + next.length >= MAX_CALLER_SITES) break;
      const fetches = proxyRouteFetches(helper.fn, helper.site, context.modules);
      if (!fetches || fetches.length === 0) continue;
      // The calls in the handler that only pass the body on to the file's request functions are hops: the fetches go to those requests.
      const hops = helper.requests.filter((request) => request.kind === 'wrapper-caller' && request.via && request.file === helper.call.file);
      const targets = hops.length === helper.requests.length ? hops.map((hop) => hop.via!) : helper.requests.map((request) => ({ file: request.file, line: request.line, function: request.enclosingFunction ?? '<top>' }));
      const via = targets.length > 1 ? { ...targets[0], alternatives: targets.slice(1) } : targets[0];
      for (const fetch of fetches) {
        if (found.length + next.length >= MAX_CALLER_SITES) break;
        const caller = addRouteCaller(helper.call, fetch, via);
        if (!caller) continue;
        typesBeneath.set(caller, through(helper).types);
        perHelper.set(helper, (perHelper.get(helper) ?? 0) + 1);
        reached.add(helper);
      }
      if ((perHelper.get(helper) ?? 0) > 0) for (const hop of hops) forwardingHops.add(hop);
    }
    // A route a server framework registers, proxying the turns its callers post: their fetches are the features.
    for (const { call, node } of routeRequests) {
      if (found.length + next.length >= MAX_CALLER_SITES) break;
      const site = requestCallAt(node);
      const fetches = site && registeredProxyRouteFetches(site, context.modules);
      if (!fetches) continue;
      const via = { file: call.file, line: call.line, function: call.enclosingFunction ?? '<top>' };
      for (const fetch of fetches) {
        if (found.length + next.length >= MAX_CALLER_SITES) break;
        addRouteCaller(call, fetch, via);
      }
    }
    // A caller that only hands its own parameters on to the helper (or posts them to a proxy route, with fixed
    // options and where to send it at most), and whose own callers were found, is a hop between them and the request,
    // not a feature of its own: its callers stand for it. So is every other such call in the same function (a method
    // picking one of two helpers), and each call of a private method of its own class (a step inside it).
    for (const helper of helpers) {
      if (!reached.has(helper)) continue;
      for (const request of helper.requests) {
        const node = nodeOfCaller.get(request);
        const posted = postedBy.get(request);
        const forwards = node && (posted ? postsOnlyParameters(posted, node) : Node.isCallExpression(node) && forwardsParametersWithConnection(node));
        if (request.kind === 'wrapper-caller' && forwards) forwardingHops.add(request);
      }
      if ((perHelper.get(helper) ?? 0) > 0) for (const request of helper.requests) if (privateCalls.has(request)) forwardingHops.add(request);
    }
    // A proxy method handing its parameters on to the same-named method of the object it wraps (a router's
    // `getChatCompletion(messages, opts) { return this.delegate.getChatCompletion(messages, opts) }`), or to another
    // method of its own class (aliasesOwnMethod), makes no request of its own, whether or not its callers are found;
    // it stays a helper for the next level.
    for (const caller of next) {
      const node = nodeOfCaller.get(caller);
      if (node && Node.isCallExpression(node) && (delegatesUnderOwnName(node) || aliasesOwnMethod(node))) forwardingHops.add(caller);
    }
    found.push(...next);
    frontier = next.filter((caller) => (levelOf.get(caller) ?? 0) < MAX_LEVELS && (stepsOf.get(caller) ?? 0) < MAX_LEVELS + MAX_OWN_CLASS_HOPS);
  }
  repriceCallersOfReplaced(remakes, replaced);
  // A factory's product returned by another factory is a hop when calls of that factory's products were found; else it
  // is the place the feature is made, and stays a site.
  for (const hop of productHops) if (found.some((caller) => caller.via?.file === hop.file && caller.via.line === hop.line)) forwardingHops.add(hop);
  return withHopsPassedThrough(found.filter((call) => !forwardingHops.has(call)), forwardingHops);
}

/**
 * `return makeClassifier({ client, model, types })` in a function declared to return what the typed factory makes
 * (`function makeClassifyAudience(...): Classifier`): the function hands out the factory's product with its own
 * settings, a factory of the same functions.
 */
function returnedAsSameProduct(call: CallExpression, helper: Helper): boolean {
  // A declared function of its own (the dependency-injection style of `makeX` factories); a getter in an object literal
  // handing out a product (`getEndpoint: async (): Promise<Endpoint> => endpointOai(...)`) is a way to reach the value,
  // whose calls are found by their type.
  const fn = Node.isReturnStatement(call.getParent()) ? enclosingFunction(call) : undefined;
  const declared = fn && Node.isFunctionDeclaration(fn) ? fn.getReturnTypeNode()?.getText() : undefined;
  return declared !== undefined && helper.types.some((type) => nameOf(type) === declared);
}

/**
 * Whether a factory call's product is held by an exported module-level `const` declared with no type, directly or
 * through a function wrapper (`export const generateUsers = wrapTraced(makeGenerateChildren({ ... }), { name })`), and
 * not called in its own file: its callers import it by name, and nothing they write names the factory's type.
 */
function exportedUntypedProduct(call: CallExpression): boolean {
  let value: Node = call;
  const wrapper = value.getParent();
  if (wrapper && Node.isCallExpression(wrapper) && wrapper.getArguments()[0] === value) {
    const callee = wrapper.getExpression();
    const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : '';
    if (FUNCTION_WRAPPER_NAME.test(name)) value = wrapper;
  }
  const held = heldBy(value);
  if (!held || held.declaration.getTypeNode() || !Node.isSourceFile(held.scope) || !isConstDeclaration(held.declaration.compilerNode)) return false;
  if (!held.declaration.getVariableStatement()?.hasExportKeyword()) return false;
  return callsMatching(held.scope.getSourceFile(), (candidate) => ts.isIdentifier(candidate.expression) && candidate.expression.text === held.name).length === 0;
}

/** A caller site, the helper it was made through, and how to make it again from that helper's (changed) site. */
interface CallerRemake {
  caller: DetectedCall;
  helper: Helper;
  remake: () => DetectedCall;
}

/**
 * Callers made from a site that a later round priced through another implementation (a deeper chain reaching the one the
 * receiver's selector hands out by default: page-assist's store class embedding through `this.embeddings`, whose Ollama
 * class is found three rounds after its OpenAI one) copied what the site said then: each is made again from the site as
 * it is now, in the order the callers were made, so that their own callers follow. The alternatives and the note
 * naming them stay; a caller that cannot be made again keeps what it had.
 */
function repriceCallersOfReplaced(remakes: readonly CallerRemake[], replaced: Set<DetectedCall>): void {
  if (replaced.size === 0) return;
  for (const { caller, helper, remake } of remakes) {
    if (!replaced.has(helper.call)) continue;
    try {
      const fresh = remake();
      const alternatives = caller.via?.alternatives;
      // The caller's own note on its alternatives leads its evidence (a helper's, further down, comes again with the fresh evidence).
      const ownNote = alternatives && IMPLEMENTATIONS_NOTE.test(caller.evidence[0] ?? '') && !fresh.evidence.includes(caller.evidence[0]) ? [caller.evidence[0]] : [];
      Object.assign(caller, fresh, { ...(fresh.via ? { via: { ...fresh.via, ...(alternatives ? { alternatives } : {}) } } : {}), evidence: [...ownNote, ...fresh.evidence] });
      replaced.add(caller);
    } catch {
      // The site's arguments cannot be followed again: the caller keeps the implementation it was made with.
    }
  }
}

/** The evidence line saying several implementations may serve a call (see alternativeAdapters and addCallerAt). */
const IMPLEMENTATIONS_NOTE = /^\d+ implementations may serve this call/;

/** A helper's request, as `via` and its lists name it. */
type HelperRef = Pick<WrapperVia, 'file' | 'line' | 'function'>;

/**
 * A hop left out of the sites still leads somewhere: a caller going through the hop's function goes on through the
 * helpers the hop calls (and theirs, hop after hop). Each such caller names them in `via.through`, so that the totals
 * leave their requests out, as they do its `via`'s.
 */
function withHopsPassedThrough(callers: DetectedCall[], hops: ReadonlySet<DetectedCall>): DetectedCall[] {
  const key = (file: string, fn: string): string => `${file}#${fn}`;
  const onwardFrom = new Map<string, HelperRef[]>();
  for (const hop of hops) {
    if (!hop.via) continue;
    const from = key(hop.file, hop.enclosingFunction ?? '<top>');
    const { file, line, function: fn } = hop.via;
    onwardFrom.set(from, [...(onwardFrom.get(from) ?? []), { file, line, function: fn }, ...(hop.via.alternatives ?? [])]);
  }
  if (onwardFrom.size === 0) return callers;
  return callers.map((caller) => {
    if (!caller.via) return caller;
    const through: HelperRef[] = [];
    const pending = [caller.via, ...(caller.via.alternatives ?? [])].map((helper) => key(helper.file, helper.function));
    // Every helper named once, whether in via, its alternatives or through; each is followed on once.
    const named = new Set(pending);
    while (pending.length > 0) {
      for (const onward of onwardFrom.get(pending.pop()!) ?? []) {
        const onwardKey = key(onward.file, onward.function);
        if (named.has(onwardKey)) continue;
        named.add(onwardKey);
        through.push(onward);
        pending.push(onwardKey);
      }
    }
    return through.length > 0 ? { ...caller, via: { ...caller.via, through } } : caller;
  });
}

/**
 * `this.initPromise = this._init().catch(...)`: the call's promise itself (not awaited) kept in a field of the instance,
 * so the methods that wait for it (`ensureReady()` before each operation) share one run. Its request is made once per
 * instance, not once per caller of the function around it: that function is no helper whose callers each send it.
 */
function promiseKeptInField(node: Node): boolean {
  let current = node;
  for (let parent = current.getParent(); parent; current = parent, parent = parent.getParent()) {
    const chained = (Node.isPropertyAccessExpression(parent) && parent.getExpression() === current) || (Node.isCallExpression(parent) && parent.getExpression() === current);
    if (!chained && !Node.isParenthesizedExpression(parent)) break;
  }
  const assignment = current.getParent();
  if (!assignment || !Node.isBinaryExpression(assignment) || assignment.getRight() !== current) return false;
  const operator = assignment.getOperatorToken().getKind();
  const left = assignment.getLeft();
  return [SyntaxKind.EqualsToken, SyntaxKind.QuestionQuestionEqualsToken, SyntaxKind.BarBarEqualsToken].includes(operator) && Node.isPropertyAccessExpression(left) && left.getExpression().getKind() === SyntaxKind.ThisKeyword;
}

/** `this.name(...)` inside the class whose method the helper is: a hop within the class, not a caller from outside. */
function callsOwnMethod(callee: Node, helper: Helper): boolean {
  return !!helper.ownerClass && Node.isPropertyAccessExpression(callee) && callee.getExpression().getKind() === SyntaxKind.ThisKeyword && contains(helper.ownerClass, callee);
}

/**
 * `this.execute(input)` of a private method of the helper's class: only the class's own methods can call it, so the
 * hop costs no step of the chain (cline's AgentRuntime reaches its model through four private methods from `run`,
 * its SessionRuntime reaches that `run` through three from its own `run`). The chain ends at the class's other methods.
 */
function callsPrivateMethod(callee: Node, helper: Helper): boolean {
  return callsOwnMethod(callee, helper) && isPrivateMethod(helper.fn);
}

function isPrivateMethod(fn: Node): boolean {
  return Node.isMethodDeclaration(fn) && fn.hasModifier(SyntaxKind.PrivateKeyword);
}

/**
 * A helper the rest of the app cannot call is a step inside the function that calls it, as a class's own method is:
 * a closure called in the function that declares it (`const generate = () => generateObject(...)`, retried as
 * `generate()`), or a module's unexported function called in that module (inbox-zero's exported `aiChooseRule` →
 * `getAiResponse` → `getAiResponseSingleRule` → the request). Neither is a level, so the features that call the
 * exported function are found (their tests' eval calls were four levels away).
 */
function callsWithinItsModule(site: Node, helper: Helper): boolean {
  if (helper.heldAs || helper.fn.getSourceFile() !== site.getSourceFile()) return false;
  const declaredIn = helper.fn.getParentWhile((parent) => !isFunctionBoundary(parent));
  const outer = declaredIn?.getParent();
  if (outer && isFunctionBoundary(outer)) return contains(outer, site);
  return !exportedFromModule(helper.fn, helper.name);
}

function isFunctionBoundary(node: Node): boolean {
  return Node.isFunctionDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isMethodDeclaration(node) || Node.isConstructorDeclaration(node) || Node.isGetAccessorDeclaration(node) || Node.isSetAccessorDeclaration(node) || Node.isClassDeclaration(node) || Node.isClassExpression(node) || Node.isObjectLiteralExpression(node);
}

/** A module-level function or const-held function the module exports by keyword or by an export list; anything else in a class or object literal counts as reachable. */
function exportedFromModule(fn: Node, name: string): boolean {
  if (Node.isFunctionDeclaration(fn)) return exportedSyntactically(fn, name);
  const declaration = fn.getParent();
  const statement = declaration && Node.isVariableDeclaration(declaration) ? declaration.getVariableStatement() : undefined;
  if (!statement || !Node.isSourceFile(statement.getParent())) return true;
  return statement.hasExportKeyword() || namedInExportList(fn.getSourceFile(), name) || fn.getSourceFile().getExportAssignments().length > 0;
}

/**
 * The calls `x.name(...)` in these files, by name, worked out once per name: the texts are read now so
 * that the lookups (made while resolving shapes, which is synchronous) only parse the files that mention it.
 */
async function methodCallsIn(files: readonly WorkspaceFile[], readText: (file: WorkspaceFile) => Promise<string | null>, project: Project): Promise<(name: string) => Node[]> {
  const texts: Array<[WorkspaceFile, string]> = [];
  for (const file of files) {
    const text = await readText(file);
    if (text !== null) texts.push([file, text]);
  }
  const byName = new Map<string, Node[]>();
  return (name) => {
    let calls = byName.get(name);
    if (calls) return calls;
    calls = [];
    const mention = new RegExp(`\\.\\s*${escapeRegExp(name)}\\s*\\(`);
    for (const [file, text] of texts) {
      if (!mention.test(text)) continue;
      let sourceFile = project.getSourceFile(file.absolutePath);
      if (!sourceFile) {
        try {
          sourceFile = parseIntoProject(project, file.absolutePath, text);
        } catch {
          continue;
        }
      }
      calls.push(...callsNamed(sourceFile, new Set([name])).filter((call) => Node.isPropertyAccessExpression(call.getExpression())));
    }
    byName.set(name, calls);
    return calls;
  };
}

/**
 * A call `name(`, or an aliased import `name as other` whose calls use the other name: global, the character
 * before the name (or none at the start) in group 1, the name in group 2. Faster than the same test written
 * with lookarounds (29 against 40 ms over midday's files).
 */
export function helperMention(names: readonly string[]): RegExp {
  const alternatives = names.map(escapeRegExp).join('|');
  // A call (its type arguments may nest two deep: `callAgent<{ todos: Array<{ task: string }> }>(`), the method bound to its
  // receiver to be called under another name (`client.chat.bind(client)`, see boundMethodAliases), an `as` alias, or a
  // branch of a conditional (`cond ? generateOpenAITTS : generateMistralTTS`, see chooserNames), or an entry of a table of
  // handlers (`{ 'openai-responses': this.openAiResponsesTypeHandler, ... }`, see dispatchCalls).
  return new RegExp(`(^|[^\\w$])(${alternatives})(?:\\s*(?:${TYPE_ARGUMENTS})?\\s*\\(|\\.bind\\s*\\(|\\s+as\\s|(?<=\\?\\s*(?:${alternatives}))\\s*:(?!:)|(?<=:\\s*(?:this\\.)?(?:${alternatives}))\\s*(?:[;,)}]|\\r?\\n))`, 'g');
}

/**
 * Local consts that hold one of two functions by a condition, a helper among them (`const generate = provider ===
 * 'openai' ? generateOpenAITTS : generateMistralTTS`): their names, read on the compiler's nodes. A call of one is a
 * call of the branch helpers it is bound to (chosenFunctions).
 */
function chooserNames(sourceFile: SourceFile, names: readonly string[]): Set<string> {
  const choosers = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isConstDeclaration(node)) {
      const branches = conditionalBranches(node.initializer);
      if (branches.some((branch) => ts.isIdentifier(branch) && names.includes(branch.text))) choosers.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile.compilerNode);
  return choosers;
}

/** The function a chooser's branch or a handler table's entry names: `generateOpenAITTS`, `this.openAiHandler`'s `openAiHandler`. */
function branchName(branch: Node): string {
  return Node.isPropertyAccessExpression(branch) ? branch.getName() : branch.getText();
}

/** A table of handlers a call runs one of: the const's name and its entries, in written order. */
interface HandlerTable {
  name: string;
  entries: Node[];
}

/**
 * Calls through a table of handlers, a helper among them: `const chatHandlers = { 'openai-responses': this.openAiResponsesHandler,
 * 'claude-messages': this.claudeHandler }` (a const of the same function) called as `chatHandlers[this.llm.type](...)`, also
 * `.bind(this)(...)` or `.call(this, ...)`. Each call → the table's name and its entries (`this.x` or a function's name), in
 * written order: any of them may run, picked at run time by the key.
 */
function dispatchCalls(sourceFile: SourceFile, names: readonly string[]): Map<CallExpression, HandlerTable> {
  const calls = new Map<CallExpression, HandlerTable>();
  const entryName = (value: ts.Expression): string | undefined => (ts.isIdentifier(value) ? value.text : ts.isPropertyAccessExpression(value) && value.expression.kind === ts.SyntaxKind.ThisKeyword ? value.name.text : undefined);
  const tables = new Map<string, ts.ObjectLiteralExpression>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isObjectLiteralExpression(node.initializer) && isConstDeclaration(node)) {
      const values = node.initializer.properties.map((property) => (ts.isPropertyAssignment(property) ? entryName(property.initializer) : undefined));
      if (values.some((value) => value !== undefined && names.includes(value))) tables.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile.compilerNode);
  if (tables.size === 0) return calls;
  // `table[key](...)`, `table[key].bind(this)(...)`, `table[key].call(this, ...)`: the element access of the table the call runs.
  const tableOf = (call: ts.CallExpression): string | undefined => {
    const callee = functionRun(call);
    return ts.isElementAccessExpression(callee) && ts.isIdentifier(callee.expression) && tables.has(callee.expression.text) ? callee.expression.text : undefined;
  };
  for (const call of callsMatching(sourceFile, (candidate) => tableOf(candidate) !== undefined)) {
    const name = tableOf(call.compilerNode as ts.CallExpression)!;
    const object = wrapCompilerNode<import('ts-morph').ObjectLiteralExpression>(sourceFile, tables.get(name)!);
    // The table must be the one in scope at the call: declared in the same function.
    if (object.getFirstAncestor(isFunctionNode) !== call.getFirstAncestor(isFunctionNode)) continue;
    const entries = object.getProperties().flatMap((property) => (Node.isPropertyAssignment(property) && property.getInitializer() && entryName(property.getInitializer()!.compilerNode as ts.Expression) !== undefined ? [unwrapExpression(property.getInitializer()!)] : []));
    calls.set(call, { name, entries });
  }
  return calls;
}

/** The function a call runs: the callee of `x(...)`, and `x` of `x.bind(this)(...)`, `x.call(this, ...)`, `x.apply(this, args)`. */
function functionRun(call: ts.CallExpression): ts.Expression {
  const callee = call.expression;
  if (ts.isCallExpression(callee) && ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'bind') return callee.expression.expression;
  if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'call' || callee.name.text === 'apply')) return callee.expression;
  return callee;
}

/** A module's exported map of helper functions (`export const _service = { [services.openai]: common, ... }`). */
interface HelperMap {
  declaration: VariableDeclaration;
  entries: Node[];
}

/** How many helper maps a round follows into the modules importing them. */
const MAX_HELPER_MAPS = 8;

/**
 * The exported maps of the round's helpers in its candidate files: a module-level `export const` whose object literal's values
 * name a helper (`[services.deepseek]: common`). Read only in a file whose text has an exported const and a helper's name after `:`.
 */
async function exportedHelperMaps(files: readonly WorkspaceFile[], names: readonly string[], readText: (file: WorkspaceFile) => Promise<string | null>, sourceFileOf: (file: WorkspaceFile) => Promise<SourceFile | undefined>): Promise<HelperMap[]> {
  const valueMention = new RegExp(`:\\s*(?:${names.map(escapeRegExp).join('|')})\\s*[,}\\n]`);
  const maps: HelperMap[] = [];
  for (const file of files) {
    if (maps.length >= MAX_HELPER_MAPS) break;
    const text = await readText(file);
    if (!text || !/export\s+const\s/.test(text) || !valueMention.test(text)) continue;
    const sourceFile = await sourceFileOf(file);
    for (const statement of sourceFile?.getVariableStatements() ?? []) {
      if (!statement.hasExportKeyword() || statement.getDeclarationKind() !== VariableDeclarationKind.Const) continue;
      for (const declaration of statement.getDeclarations()) {
        const object = declaration.getInitializer() && unwrapExpression(declaration.getInitializer()!);
        if (!object || !Node.isObjectLiteralExpression(object) || !Node.isIdentifier(declaration.getNameNode())) continue;
        const entries = object.getProperties().flatMap((property) => (Node.isPropertyAssignment(property) && Node.isIdentifier(unwrapExpression(property.getInitializer()!)) ? [unwrapExpression(property.getInitializer()!)] : Node.isShorthandPropertyAssignment(property) ? [property.getNameNode()] : []));
        if (entries.some((entry) => names.includes(entry.getText()))) maps.push({ declaration, entries });
      }
    }
  }
  return maps;
}

/** How many steps (a local const, a function returning it) lead from a call's callee to the map lookup. */
const MAX_MAP_LOOKUP_STEPS = 3;

/**
 * Calls of a file through a helper map another module exports: `_service[name](message)`, also `.bind(x)(...)` and `.call(x, ...)`,
 * and the call of what a local function picks from the map (`getTranslationService(name)(message)` with `getTranslationService`
 * returning `_service[name]`). Each call → the map's name and its entries, as for a table of handlers in one function.
 */
function serviceMapCalls(sourceFile: SourceFile, maps: readonly HelperMap[], modules: ModuleLoader): Map<CallExpression, HandlerTable> {
  const calls = new Map<CallExpression, HandlerTable>();
  const lookedUp = (node: Node, steps: number): HelperMap | undefined => {
    const value = unwrapExpression(node);
    if (Node.isElementAccessExpression(value)) {
      const owner = unwrapExpression(value.getExpression());
      const declaration = Node.isIdentifier(owner) ? findDeclaration(owner, modules) : undefined;
      return declaration ? maps.find((map) => sameNode(map.declaration, declaration)) : undefined;
    }
    if (steps >= MAX_MAP_LOOKUP_STEPS) return undefined;
    if (Node.isIdentifier(value)) {
      const declaration = findDeclaration(value, modules);
      const initializer = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
      return initializer ? lookedUp(initializer, steps + 1) : undefined;
    }
    if (Node.isCallExpression(value)) {
      const callee = unwrapExpression(value.getExpression());
      const declaration = Node.isIdentifier(callee) ? findDeclaration(callee, modules) : undefined;
      const fn = declaration && (Node.isFunctionDeclaration(declaration) ? declaration : Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined);
      if (!fn || !isFunctionNode(fn) || fn.getSourceFile() !== sourceFile) return undefined;
      for (const returned of returnsOf(fn as FunctionNode)) {
        const found = lookedUp(returned, steps + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  // Only a map lookup or a call's result is looked into.
  const runs = (call: ts.CallExpression): ts.Expression | undefined => {
    const callee = functionRun(call);
    return ts.isElementAccessExpression(callee) || ts.isCallExpression(callee) ? callee : undefined;
  };
  for (const call of callsMatching(sourceFile, (candidate) => runs(candidate) !== undefined)) {
    const callee = wrapCompilerNode<Node>(sourceFile, runs(call.compilerNode as ts.CallExpression)!);
    const map = lookedUp(callee, 0);
    if (map) calls.set(call, { name: map.declaration.getName(), entries: map.entries });
  }
  return calls;
}

/** The two values a conditional picks between (parentheses and casts aside); none for any other expression. */
function conditionalBranches(expression: ts.Expression): ts.Expression[] {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) node = node.expression;
  if (!ts.isConditionalExpression(node)) return [];
  const bare = (branch: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(branch) || ts.isAsExpression(branch) ? bare(branch.expression) : branch);
  return [bare(node.whenTrue), bare(node.whenFalse)];
}

/** The functions a call of a chooser const may run: the identifiers its conditional picks between, when the callee names that const. */
function chosenFunctions(callee: Node, modules: ModuleLoader, remember: Remember): Node[] | undefined {
  const declaration = remember(callee, 'declaration', () => findDeclaration(callee, modules));
  if (!declaration || !Node.isVariableDeclaration(declaration)) return undefined;
  const initializer = declaration.getInitializer();
  const conditional = initializer && unwrapExpression(initializer);
  if (!conditional || !Node.isConditionalExpression(conditional)) return undefined;
  return [conditional.getWhenTrue(), conditional.getWhenFalse()].map(unwrapExpression).filter((branch) => Node.isIdentifier(branch));
}

/**
 * Whether a text has a match of `helperMention` that may be a call: matches a keyword declares (`function name(`,
 * `async name(` of a method) are no calls in a text that parses without errors (outside a class, `async name(x)`
 * is a syntax error the parser recovers from by reading a call; such a file is taken to declare it).
 * The caller search parsed every file naming a helper only to find that name declared there (on midday,
 * the `async process(job)` of some 40 queue workers); only files with another mention are parsed now. A keyword
 * counts on the name's own line only (after a newline, `async` or a comment's last word may be anything),
 * and never after a `.` (`x.async name(` is no declaration).
 */
export function mentionsBesidesDeclarations(text: string, mention: RegExp): boolean {
  mention.lastIndex = 0;
  for (let match = mention.exec(text); match; match = mention.exec(text)) {
    const name = match.index + match[1].length;
    if (!declaredByKeyword(text, name)) return true;
    // The next mention may begin with the `(` this one ended with: `process(run(x))`.
    mention.lastIndex = name + match[2].length;
  }
  return false;
}

/** Whether the name at `at` follows `function`, `function*` or (with a space) `async` on its line, the keyword not a member `x.async`. */
function declaredByKeyword(text: string, at: number): boolean {
  const isSpace = (index: number): boolean => text[index] === ' ' || text[index] === '\t';
  let end = at;
  while (isSpace(end - 1)) end--;
  const spaced = end < at;
  const generator = text[end - 1] === '*';
  if (generator) {
    end--;
    while (isSpace(end - 1)) end--;
  }
  let start = end;
  while (start > 0 && /[\w$]/.test(text[start - 1])) start--;
  const keyword = text.slice(start, end);
  if (keyword !== 'function' && !(keyword === 'async' && spaced && !generator)) return false;
  let before = start - 1;
  while (before >= 0 && /\s/.test(text[before])) before--;
  return text[before] !== '.';
}

/**
 * `name(a, b) { return other.name(a, b) }`: a call that only forwards the parameters of a function named as the method it calls.
 * Not in a framework's entry point: a controller's `@Post('/generate-video') generateVideo(org, body)` handing its request
 * on to `this._mediaService.generateVideo(org, body)` is the route (postiz), which no code of the app calls.
 */
function delegatesUnderOwnName(call: CallExpression): boolean {
  return callsUnderOwnName(call, true) && onlyForwardsParameters(call) && !inFrameworkEntryPoint(call);
}

/**
 * `async generateChat(messages) { const response = await this.generateResponse(messages); ... }`: a method of the class
 * handing its parameters on to another method of the same class is another name for that method's request (mem0's
 * chat and response entry points), not a request of its own, whether or not its callers are found.
 */
function aliasesOwnMethod(call: CallExpression): boolean {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || callee.getExpression().getKind() !== SyntaxKind.ThisKeyword) return false;
  const method = call.getFirstAncestor(isFunctionNode);
  // A method, or an arrow held by a class field (`createText = async (payload) => this.fetch(payload)`).
  const member = method && (Node.isMethodDeclaration(method) ? method : method.getParentIfKind(SyntaxKind.PropertyDeclaration));
  const owner = member?.getParent();
  if (!member || !owner || !Node.isClassDeclaration(owner) || !ownFunctionMember(owner, callee.getName())) return false;
  return onlyForwardsParameters(call) && !inFrameworkEntryPoint(call);
}

/** Whether a class has a method, or a field holding a function, by this name. */
function ownFunctionMember(owner: import('ts-morph').ClassDeclaration, name: string): boolean {
  if (owner.getMethod(name)) return true;
  const field = owner.getProperty(name)?.getInitializer();
  return field !== undefined && isFunctionNode(unwrapExpression(field));
}

/**
 * Decorators by which a framework calls a method itself: NestJS's HTTP routes, message and event handlers, WebSocket
 * gateways' messages, scheduled jobs and queue processors.
 */
const ENTRY_POINT_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Sse', 'MessagePattern', 'EventPattern', 'SubscribeMessage', 'OnEvent', 'Cron', 'Interval', 'Timeout', 'Process']);

/** Whether the call sits in a method a framework calls by its decorator (ENTRY_POINT_DECORATORS). */
function inFrameworkEntryPoint(call: CallExpression): boolean {
  const method = call.getFirstAncestor((node) => Node.isFunctionLikeDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node));
  if (!method || !Node.isMethodDeclaration(method)) return false;
  return method.getDecorators().some((decorator) => ENTRY_POINT_DECORATORS.has(decorator.getName()));
}

/**
 * `stream(request) { return this.gateway.stream({ ...request, modelId }) }`: the function around a call is named as the
 * method it calls on another object (not `this`). An adapter of the same operation one layer up (cline's model
 * adapter over its gateway over its providers), not a helper built on it: no level, however it reshapes the arguments.
 * `orOnThis`: also `this.name(...)`.
 */
function callsUnderOwnName(call: CallExpression, orOnThis = false): boolean {
  const callee = unwrapExpression(call.getExpression());
  const called = Node.isPropertyAccessExpression(callee) && (orOnThis || callee.getExpression().getKind() !== SyntaxKind.ThisKeyword) ? callee.getName() : Node.isIdentifier(callee) ? callee.getText() : undefined;
  const fn = call.getFirstAncestor((node) => Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node));
  if (!called || !fn) return false;
  const holder = fn.getParent();
  const own = Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn) ? fn.getName() : holder && isHeldByName(fn) ? (holder as unknown as { getName(): string }).getName() : undefined;
  return own === called;
}

/**
 * The names the parameters of the function around a node bind (also inside destructuring), and the constants it
 * declares as a parameter with its fallback (`const modelToUse = model || this.modelId`: still what the caller passed,
 * when it passed one) or as its parameters converted (`const parsedOptions = parseSdkOptions(options)`); undefined
 * outside a function.
 */
function parameterNamesAround(node: Node): Set<string> | undefined {
  const innermost = node.getFirstAncestor(isFunctionNode);
  if (!innermost) return undefined;
  const parameters = new Set<string>();
  // `timeout_with_retry(this.timeout, () => this._chat(chatPrompt, abortSignal))`: a callback handed to a call sees the
  // names of the function it is written in, outermost first so that the callback's own shadow them.
  const functions: FunctionNode[] = [innermost];
  for (let fn = innermost; isHandedCallback(fn); ) {
    const outer = fn.getFirstAncestor(isFunctionNode);
    if (!outer) break;
    functions.unshift(outer);
    fn = outer;
  }
  for (const fn of functions) addParameterNames(fn, parameters);
  return parameters;
}

/** An arrow or function expression written as an argument of a call (`() => this._chat(prompt)` handed to a retry helper, a promise's executor). */
function isHandedCallback(fn: FunctionNode): boolean {
  const parent = fn.getParent();
  return (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) && !!parent && (Node.isCallExpression(parent) || Node.isNewExpression(parent)) && (parent.getArguments() as Node[]).includes(fn);
}

function addParameterNames(fn: FunctionNode, parameters: Set<string>): void {
  for (const parameter of fn.getParameters()) {
    for (const identifier of [parameter.getNameNode(), ...parameter.getNameNode().getDescendantsOfKind(SyntaxKind.Identifier)]) if (Node.isIdentifier(identifier)) parameters.add(identifier.getText());
  }
  const isParameter = (node: Node | undefined): boolean => namesParameter(node, parameters);
  for (const declaration of fn.getBody()?.getDescendantsOfKind(SyntaxKind.VariableDeclaration) ?? []) {
    const initializer = declaration.getInitializer() && unwrapExpression(declaration.getInitializer()!);
    // Only the function's own constants (a nested function's are its own parameters' business).
    if (!initializer || !isConstDeclaration(declaration.compilerNode) || declaration.getFirstAncestor(isFunctionNode) !== fn) continue;
    const pattern = declaration.getNameNode();
    // `const { id: contactId } = contact`: fields of a parameter, taken apart.
    if (Node.isObjectBindingPattern(pattern)) {
      if (isParameter(initializer)) for (const element of pattern.getElements()) if (Node.isIdentifier(element.getNameNode())) parameters.add(element.getName());
      continue;
    }
    // `const [providerName, modelName] = options.model.split(':')`: the parts of what the caller passed.
    if (Node.isArrayBindingPattern(pattern)) {
      if (joinedFromParameters(initializer, parameters)) for (const element of pattern.getElements()) if (Node.isBindingElement(element) && Node.isIdentifier(element.getNameNode())) parameters.add(element.getName());
      continue;
    }
    // `const modifiedOptions = { ...options, model: modelName }`: the caller's options with one of its own parts put back.
    const optionsPutBack = Node.isObjectLiteralExpression(initializer) && initializer.getProperties().length > 0 && initializer.getProperties().every((property) => handsOnParameter(property, parameters, isParameter));
    const operator = Node.isBinaryExpression(initializer) ? initializer.getOperatorToken().getKind() : undefined;
    const withFallback = Node.isBinaryExpression(initializer) && (operator === SyntaxKind.BarBarToken || operator === SyntaxKind.QuestionQuestionToken) && isParameter(initializer.getLeft());
    // `const parsedOptions = parseSdkOptions(options)`: what the caller gave, converted.
    const converted = Node.isCallExpression(initializer) && initializer.getArguments().length > 0 && initializer.getArguments().every(isParameter);
    if (optionsPutBack || withFallback || converted || joinedFromParameters(initializer, parameters)) parameters.add(declaration.getName());
  }
}

/**
 * `[context.title || '', context.content || ''].filter(Boolean).join(' ')`: text put together from the parameters' fields
 * with separators and fallbacks only (no words of the function's own: `Summarize: ${text}` is a prompt written here).
 */
function joinedFromParameters(initializer: Node, parameters: ReadonlySet<string>): boolean {
  if (!Node.isCallExpression(initializer) && !Node.isBinaryExpression(initializer) && !Node.isArrayLiteralExpression(initializer)) return false;
  let namesParameterHere = false;
  for (const node of initializer.getDescendants()) {
    if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) {
      if (node.getLiteralText().trim().length > 1) return false;
    } else if (Node.isTemplateExpression(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node)) {
      return false;
    } else if (Node.isIdentifier(node)) {
      const parent = node.getParent();
      if (parent && Node.isPropertyAccessExpression(parent) && parent.getNameNode() === node) continue;
      if (parameters.has(node.getText())) namesParameterHere = true;
      else if (!JOIN_GLOBALS.has(node.getText())) return false;
    }
  }
  return namesParameterHere;
}

/** Globals a join of the caller's text may use (`.filter(Boolean)`). */
const JOIN_GLOBALS: ReadonlySet<string> = new Set(['Boolean', 'String', 'undefined']);

/** Whether a node names one of `parameters` (through parentheses and casts unless `asWritten`). */
function namesParameter(node: Node | undefined, parameters: ReadonlySet<string>, asWritten = false): boolean {
  const value = node && (asWritten ? node : unwrapExpression(node));
  return !!value && Node.isIdentifier(value) && parameters.has(value.getText());
}

/** A property of an object literal that hands a parameter (or a member of one) on: `{ messages }`, `{ input: text }`, `{ messages: prompt.messages }`, `{ ...options }`. */
function handsOnParameter(property: Node, parameters: ReadonlySet<string>, isParameter: (node: Node | undefined) => boolean): boolean {
  if (Node.isPropertyAssignment(property)) {
    const value = property.getInitializer();
    return isParameter(value) || (!!value && isParameterPart(value, isParameter));
  }
  return (Node.isShorthandPropertyAssignment(property) && parameters.has(property.getName())) || (Node.isSpreadAssignment(property) && isParameter(property.getExpression()));
}

/**
 * `fetch('/api/responses', { body: JSON.stringify({ ...body, parallel_tool_calls: false }) })` in a function taking
 * `body`: what it posts is its parameter, with fixed options (literals) at most. Such a fetch is the app's own
 * request helper, not a feature.
 */
function postsOnlyParameters(posted: Node, call: Node): boolean {
  const parameters = parameterNamesAround(call);
  if (!parameters) return false;
  const value = unwrapExpression(posted);
  const isParameter = (node: Node | undefined): boolean => namesParameter(node, parameters);
  if (Node.isIdentifier(value)) return isParameter(value);
  if (!Node.isObjectLiteralExpression(value)) return false;
  const properties = value.getProperties();
  const passed = properties.filter((property) => handsOnParameter(property, parameters, isParameter));
  return passed.length > 0 && properties.every((property) => passed.includes(property) || (Node.isPropertyAssignment(property) && isFixedSetting(property.getInitializer())));
}

/**
 * `generateImageWithProvider({ baseURL, authToken: sessionToken, model, prompt, inputImage })` in a method taking
 * `prompt`, `model` and `inputImage`: what it asks is what its own callers gave it; it adds only where and as whom to
 * send it (CONNECTION_SETTING_NAME) and fixed flags or numbers (`{ ...body, stream: true }`). Every argument a
 * parameter, or an object literal of such properties, and at least one parameter handed on.
 */
function forwardsParametersWithConnection(call: CallExpression): boolean {
  const parameters = parameterNamesAround(call);
  if (!parameters || calleeMadeHere(call, parameters)) return false;
  const isParameter = (node: Node | undefined): boolean => namesParameter(node, parameters);
  let handsOn = false;
  const ok = call.getArguments().every((argument) => {
    if (isParameter(argument) || isParameterPart(argument, isParameter)) return (handsOn = true);
    if (isOwnSetting(argument, isParameter) && !implementsPackageClass(call)) return true;
    // `[...this.base_chat, { role: 'user', content: prompt }]`: the caller's text as the next turn after the object's own preamble.
    if (Node.isArrayLiteralExpression(argument) && !implementsPackageClass(call)) {
      const turns = argument.getElements();
      const userTurn = (element: Node): boolean => Node.isObjectLiteralExpression(element) && element.getProperties().some((property) => handsOnParameter(property, parameters, isParameter)) && element.getProperties().every((property) => handsOnParameter(property, parameters, isParameter) || (Node.isPropertyAssignment(property) && property.getName() === 'role' && Node.isStringLiteral(property.getInitializer()!)));
      const ok = turns.length > 0 && turns.every((element) => (Node.isSpreadElement(element) && (isParameter(element.getExpression()) || isOwnSetting(element.getExpression(), isParameter))) || userTurn(element));
      if (ok && turns.some(userTurn)) handsOn = true;
      return ok;
    }
    if (!Node.isObjectLiteralExpression(argument)) return false;
    return argument.getProperties().every((property) => {
      const name = Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) ? property.getName() : undefined;
      if (handsOnParameter(property, parameters, isParameter)) return (handsOn = true);
      if (name !== undefined && CONNECTION_SETTING_NAME.test(name)) return true;
      // A flag or a number (`stream: true`) only sets how it is sent; a string is a choice of its own (`model: 'gpt-4.1-mini'`, an instruction).
      return Node.isPropertyAssignment(property) && isFixedValue(property.getInitializer()) && !Node.isStringLiteral(property.getInitializer()!) && !Node.isNoSubstitutionTemplateLiteral(property.getInitializer()!);
    });
  });
  return ok && handsOn;
}

/**
 * `openai.query_chat(prompt, this.api_key, this.id, undefined, this.temperature)` in a model class's method: the object's
 * own settings (a field of `this`, a number, `undefined`, sums of them, a method of its own given what the caller gave,
 * `this.max_tokens - this.count_tokens(prompt)`) are the same for every caller of the method: they choose nothing per call.
 */
function isOwnSetting(node: Node, isParameter: (node: Node | undefined) => boolean): boolean {
  const value = unwrapExpression(node);
  if (Node.isNumericLiteral(value) || (Node.isIdentifier(value) && value.getText() === 'undefined')) return true;
  if (Node.isPropertyAccessExpression(value)) return value.getExpression().getKind() === SyntaxKind.ThisKeyword;
  if (Node.isBinaryExpression(value)) return isArithmeticOperator(value.getOperatorToken().getKind()) && isOwnSetting(value.getLeft(), isParameter) && isOwnSetting(value.getRight(), isParameter);
  if (!Node.isCallExpression(value)) return false;
  const callee = unwrapExpression(value.getExpression());
  return Node.isPropertyAccessExpression(callee) && callee.getExpression().getKind() === SyntaxKind.ThisKeyword && value.getArguments().every((argument) => isParameter(argument) || isOwnSetting(argument, isParameter));
}

/**
 * The call is in a class extending a package's class (`class LocalEmbeddings extends Embeddings` of LangChain): the
 * package's own machinery (a vector store) calls its methods, which are the adapter's requests, not hops.
 */
function implementsPackageClass(call: CallExpression): boolean {
  const owner = call.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
  const base = owner && (Node.isClassDeclaration(owner) || Node.isClassExpression(owner)) ? owner.getExtends()?.getExpression() : undefined;
  if (!base) return false;
  const root = (Node.isPropertyAccessExpression(base) ? base.getExpression() : base).getText();
  return call.getSourceFile().getImportDeclarations().some((declaration) => namesBoundBy(declaration).includes(root) && !declaration.getModuleSpecifierValue().startsWith('.'));
}

/** `+ - * /`. A function, not a module constant: reading SyntaxKind at load would load ts-morph for scans the result store answers. */
function isArithmeticOperator(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.PlusToken || kind === SyntaxKind.MinusToken || kind === SyntaxKind.AsteriskToken || kind === SyntaxKind.SlashToken;
}

/** `options.messages`, `!!options.config.stream`: a field of a parameter, or a flag read off one, handed on as it is. */
function isParameterPart(node: Node, isParameter: (node: Node | undefined) => boolean): boolean {
  let value = unwrapExpression(node);
  while (Node.isPrefixUnaryExpression(value) && value.getOperatorToken() === SyntaxKind.ExclamationToken) value = unwrapExpression(value.getOperand());
  if (!Node.isPropertyAccessExpression(value)) return false;
  while (Node.isPropertyAccessExpression(value)) value = unwrapExpression(value.getExpression());
  return isParameter(value);
}

/**
 * `const ep = await createCandidateEndpoint(candidate); await ep({ ...params })`: the function called (or the object whose
 * method is) is made in the function around the call from what that function chose itself (chat-ui's router trying each
 * route's model in turn). Handing its parameters on, it still decides where they go: a feature of its own, no hop. Made
 * from what its callers gave it (`const handler = buildApiHandler(apiConfiguration)`, or through one constant more:
 * `const model = modelId ? find(modelId) : taskModel; const endpoint = await model.getEndpoint()`), it is their choice;
 * assembled from nothing chosen (`new Engine(new ModelAdapter(new Gateway()))`), it is no choice at all.
 */
function calleeMadeHere(call: CallExpression, parameters: ReadonlySet<string>): boolean {
  let root = unwrapExpression(call.getExpression());
  while (Node.isPropertyAccessExpression(root) || Node.isElementAccessExpression(root) || Node.isCallExpression(root)) root = unwrapExpression(root.getExpression());
  if (!Node.isIdentifier(root)) return false;
  const fn = call.getFirstAncestor(isFunctionNode);
  const locals = new Map<string, Node | undefined>();
  for (const declaration of fn?.getBody()?.getDescendantsOfKind(SyntaxKind.VariableDeclaration) ?? []) {
    if (declaration.getFirstAncestor(isFunctionNode) === fn && Node.isIdentifier(declaration.getNameNode())) locals.set(declaration.getName(), declaration.getInitializer());
  }
  if (!locals.has(root.getText())) return false;
  const fromParameters = (name: string, depth: number): boolean => {
    const initializer = locals.get(name);
    if (!initializer) return false;
    const names = [initializer, ...initializer.getDescendantsOfKind(SyntaxKind.Identifier)].filter(Node.isIdentifier).map((identifier) => identifier.getText());
    return names.some((each) => parameters.has(each) || (depth > 0 && each !== name && locals.has(each) && fromParameters(each, depth - 1)));
  };
  if (fromParameters(root.getText(), 1)) return false;
  // Made from a value chosen here (a local, a written id), not only assembled (`new Engine(new ModelAdapter(...))`).
  const initializer = locals.get(root.getText());
  return !!initializer && [initializer, ...initializer.getDescendants()].some((node) => (Node.isIdentifier(node) && node.getText() !== root.getText() && locals.has(node.getText())) || isStringLike(node));
}

/** A literal written out: a string, number, boolean or null. */
function isFixedValue(node: Node | undefined): boolean {
  return !!node && (Node.isStringLiteral(node) || Node.isNumericLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) || [SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword, SyntaxKind.NullKeyword].includes(node.getKind()));
}

/** A fixed value, or an object of them: `text: { format: { type: 'text' } }`, a setting of the reply's format written out. */
function isFixedSetting(node: Node | undefined): boolean {
  if (node && Node.isObjectLiteralExpression(node)) return node.getProperties().every((property) => Node.isPropertyAssignment(property) && isFixedSetting(property.getInitializer()));
  return isFixedValue(node);
}

/** Whether every argument of a call is a parameter of the function around it, as is or in an object literal of such (`f({ messages, locals })`). */
export function onlyForwardsParameters(call: CallExpression): boolean {
  const parameters = parameterNamesAround(call);
  if (!parameters) return false;
  const isParameter = (node: Node | undefined): boolean => namesParameter(node, parameters, true);
  const args = call.getArguments();
  return args.length > 0 && args.every((argument) => {
    if (isParameter(argument)) return true;
    if (!Node.isObjectLiteralExpression(argument)) return false;
    return argument.getProperties().every((property) => handsOnParameter(property, parameters, isParameter));
  });
}

/**
 * `main();` at the top of a module, of a helper that takes no parameters: the program's entry point,
 * run once as the process starts. It passes nothing and is no feature of its own; the request inside
 * the helper (an interactive loop of an example app) stays the site.
 */
function startsProgram(call: CallExpression, helper: Helper): boolean {
  if (call.getArguments().length > 0 || helper.returned) return false;
  const fn = helper.fn;
  if (!(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) || fn.getParameters().length > 0) return false;
  return !call.getFirstAncestor((node) => Node.isFunctionLikeDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isClassDeclaration(node));
}

/** The node at a 1-based line and column: the call expression starting there when there is one. */
function nodeAt(sourceFile: SourceFile, line: number, column: number): Node | undefined {
  let position: number;
  try {
    position = sourceFile.compilerNode.getPositionOfLineAndCharacter(line - 1, column - 1);
  } catch {
    return undefined;
  }
  // Found on the compiler's nodes and wrapped once: ts-morph's getDescendantAtPos lists and wraps the children of
  // every node on the way down, tokens and comment nodes included (a tenth of the caller search on the 30,000-file tree).
  const tree = sourceFile.compilerNode;
  let deepest: ts.Node | undefined;
  const descend = (node: ts.Node): true | undefined => {
    if (position < node.pos || position >= node.end) return undefined;
    deepest = node;
    ts.forEachChild(node, descend);
    return true;
  };
  ts.forEachChild(tree, descend);
  if (deepest?.getStart(tree) === position) {
    let outermost: ts.Node = deepest;
    for (let parent = outermost.parent; parent && parent.getStart(tree) === position; parent = parent.parent) outermost = parent;
    return wrapCompilerNode(sourceFile, outermost);
  }
  // Not at the start of a node of the parse tree (a token or a comment is): ts-morph's own walk, which sees those.
  const leaf = sourceFile.getDescendantAtPos(position);
  let best: Node | undefined = leaf;
  for (let current = leaf; current && current.getStart() === position; current = current.getParent()) best = current;
  return best;
}

/** A file that may register a route with a server framework: `.use('/...`, `.post('/...`, and the like. */
const ROUTE_REGISTRATION = /\.(?:use|post|put|patch|all)\(\s*['"`]\//;

/** The request call a reported site's node stands for: the call itself, or the one its statement or `await` holds. */
function requestCallAt(node: Node): CallExpression | undefined {
  let current: Node = node;
  for (let hops = 0; hops < 3; hops++) {
    if (Node.isCallExpression(current)) return current;
    if (Node.isExpressionStatement(current) || Node.isAwaitExpression(current)) current = current.getExpression();
    else return undefined;
  }
  return undefined;
}

/** The named function around a request, as `enclosingFunctionName` names it, and the function it returns when it is a factory. */
function helperAround(node: Node, call: DetectedCall, modules: ModuleLoader): Helper | undefined {
  let innermost: FunctionLike | undefined;
  for (let current = node.getParent(); current; current = current.getParent()) {
    const isFunction = Node.isFunctionDeclaration(current) || Node.isMethodDeclaration(current) || Node.isArrowFunction(current) || Node.isFunctionExpression(current);
    if (!isFunction) continue;
    const wrapped = Node.isFunctionDeclaration(current) || Node.isMethodDeclaration(current) ? undefined : wrappedFunctionHolder(current);
    const named = Node.isFunctionDeclaration(current) || Node.isMethodDeclaration(current) || isHeldByName(current) || wrapped !== undefined;
    if (!named) {
      // A React hook's memoized callback that the hook hands out (`const generateCompletion = useCallback(...)`, returned as
      // `{ generateCompletion, loading }`): the components calling what they take from the hook are its callers.
      const handedOut = isMemoizedCallback(current) ? callbackHandedOutByHook(current) : undefined;
      if (handedOut) return { call, site: node, requests: [call], fn: current, name: handedOut.getName(), heldAs: handedOut, ...implementedTypes(current, undefined, modules) };
      // Calling the function that registers the handler makes no request: the route's traffic does, one request per hit.
      if (isRegisteredHandler(current) || isMemoizedCallback(current) || isMarkupHandler(current)) return undefined;
      innermost = current;
      continue;
    }
    const name = (Node.isFunctionDeclaration(current) || Node.isMethodDeclaration(current) ? current.getName() : (wrapped ?? (current.getParent() as unknown as { getName(): string })).getName()) ?? '';
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || name !== call.enclosingFunction?.split('.').pop()) return undefined;
    const returned = innermost && returnedBy(current, innermost) ? innermost : undefined;
    const heldAs = wrapped ?? (Node.isFunctionDeclaration(current) && !exportedSyntactically(current, name) ? higherOrderHolder(current, name) : undefined);
    // `return makeClassifier({ types })` in a function declared to return `Classifier`: it makes that function type's values
    // as the inner factory does (see returnedAsSameProduct), so it is typed by its declared return type too.
    const returnsProduct = !returned && Node.isFunctionDeclaration(current) && Node.isCallExpression(node) && Node.isReturnStatement(node.getParent()) && enclosingFunction(node) === current;
    const implemented = implementedTypes(current, returned ?? (returnsProduct ? node : undefined), modules);
    // A model the end user's own subscription serves (a VS Code Language Model API handler) is one implementation among
    // the app's priced ones and has no price to give: a call through the interface they share is priced through those,
    // and reaches this one only by its own class.
    if (servedBySubscription(call.provider)) implemented.types = [];
    return { call, site: node, requests: [call], fn: current, returned, name: heldAs?.getName() ?? name, ...(heldAs ? { heldAs } : {}), ...implemented };
  }
  return undefined;
}

/**
 * Whether a function declaration is exported, read off the syntax: `export function`, `export default function`, or
 * named in an `export { ... }` list. ts-morph's `isExported()` asks the type checker, which builds a program over the
 * whole project (0.45 s of a cold midday scan when the caller search asked it of every helper).
 */
function exportedSyntactically(fn: FunctionDeclaration, name: string): boolean {
  return fn.hasExportKeyword() || fn.hasDefaultKeyword() || namedInExportList(fn.getSourceFile(), name);
}

/** Whether a module names `name` in an `export { ... }` list. */
function namedInExportList(sourceFile: SourceFile, name: string): boolean {
  return sourceFile.getExportDeclarations().some((declaration) => declaration.getNamedExports().some((specifier) => specifier.getName() === name));
}

/**
 * `export const verifyContentIsRelevant = traceable(verifyContentIsRelevantFunc, { name: '...' })`: a module-level
 * const holding what a higher-order function (a tracer, a retry or cache wrapper) makes of the module's own
 * unexported function, passed first. Callers call the const: it is the name the helper goes by.
 */
function higherOrderHolder(fn: Node, name: string): VariableDeclaration | undefined {
  for (const statement of fn.getSourceFile().getVariableStatements()) {
    if (statement.getDeclarationKind() !== VariableDeclarationKind.Const) continue;
    for (const declaration of statement.getDeclarations()) {
      const value = declaration.getInitializer();
      const wrapping = value && unwrapExpression(value);
      const first = wrapping && Node.isCallExpression(wrapping) ? wrapping.getArguments()[0] : undefined;
      if (first && Node.isIdentifier(first) && first.getText() === name && Node.isIdentifier(declaration.getNameNode())) return declaration;
    }
  }
  return undefined;
}

/** Methods that register a handler for the route path given first: `app.post('/v1/chat', handler)`, `router.use('/api', handler)`. */
const ROUTE_REGISTRATIONS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'ws', 'route']);
/** Methods that register a handler for the event or channel named first: `socket.on('message', handler)`, `ipcMain.handle('chat', handler)`. */
const EVENT_REGISTRATIONS = new Set(['on', 'once', 'addListener', 'addEventListener', 'handle']);

/** A method named for the event whose handler it takes last (`button.onClick(async () => ...)`, `text.onChange(...)`: Obsidian's settings controls). */
const EVENT_HANDLER_SETTER = /^on[A-Z]\w*$/;

/**
 * A function passed, after a route path or an event name, to a method that registers it as a handler, or handed last to
 * a method named for its event (`.onClick(handler)`). A route needs a path (`cache.get('summary', () => ...)`, which may
 * run its function at once, is no route).
 */
function isRegisteredHandler(fn: Node): boolean {
  const call = fn.getParent();
  if (!call || !Node.isCallExpression(call)) return false;
  const callee = call.getExpression();
  const [first, ...rest] = call.getArguments();
  if (Node.isPropertyAccessExpression(callee) && EVENT_HANDLER_SETTER.test(callee.getName()) && call.getArguments().at(-1) === fn) return true;
  if (!Node.isPropertyAccessExpression(callee) || !rest.includes(fn)) return false;
  const name = callee.getName();
  const text = Node.isStringLiteral(first) || Node.isNoSubstitutionTemplateLiteral(first) ? first.getLiteralText() : Node.isTemplateExpression(first) ? first.getText() : undefined;
  if (text === undefined) return false;
  return EVENT_REGISTRATIONS.has(name) || (ROUTE_REGISTRATIONS.has(name) && /\/|^\*$/.test(text));
}

/**
 * `html\`<button @click=${() => chat(message)}>\`` (lit) or `<button onClick={() => chat(message)}>` in JSX: a handler bound in
 * the markup a function renders. Rendering binds it; the request runs when the user clicks, not when the function is called.
 */
function isMarkupHandler(fn: Node): boolean {
  const holder = fn.getParent();
  if (!holder) return false;
  if (Node.isJsxExpression(holder)) return Node.isJsxAttribute(holder.getParent());
  return Node.isTemplateSpan(holder) && Node.isTaggedTemplateExpression(holder.getParent()?.getParent());
}

/**
 * `onSubmit={(question) => chats.ask(question, model)}`: a markup handler handing the helper only values it already has
 * (the handler's parameter, the component's state) is a control that runs the feature, not a feature of its own; the
 * helper's request stays the site. A handler that says something of its own (`complete('Summarize this.', text)`) is one.
 * So is a handler the component names first (`const handleRegenerate = () => store.generate(chat, message)`) when the
 * markup is all that uses it (see boundOnlyInMarkup).
 */
function uiTrigger(site: CallExpression, throughCaller: boolean): boolean {
  const fn = enclosingFunction(site);
  // A named handler is a control only of a feature the app's own code already calls (a dispatcher that is a caller
  // of a helper itself): where it is the one place to call a provider adapter (`api.llm.speech(...)` behind a read-aloud
  // button), it is the feature.
  if (!fn || !(isMarkupHandler(fn) || (throughCaller && boundOnlyInMarkup(fn, MAX_HANDLER_DEPTH)))) return false;
  return site.getArguments().every((argument) => handsOnValuesOnly(argument, fn));
}

/** `await x`, through parentheses and casts (unwrapExpression would look through the await itself). */
function awaited(node: Node): boolean {
  return ts.isAwaitExpression(withoutCasts(node.compilerNode as ts.Expression));
}

/** A callee that names what it makes a prompt (`buildCTAPrompt`, `getSystemPrompt`, `loadPromptTemplate`). */
const NAMES_PROMPT = /prompt/i;

/** `await buildCTAPrompt(...)`: an awaited call of a function whose name says it makes a prompt. */
function awaitsPrompt(node: Node): boolean {
  const value = withoutCasts(node.compilerNode as ts.Expression);
  if (!ts.isAwaitExpression(value)) return false;
  const call = withoutCasts(value.expression);
  if (!ts.isCallExpression(call)) return false;
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return NAMES_PROMPT.test(name);
}

/** Two words written out: text of a prompt, not a role, an id or a separator. */
const WORDS = /\p{L}\S*\s+\S*\p{L}/u;

/** Handlers calling handlers (`onKeyDown={handleKeyDown}` calling `doSubmit()`) followed this many deep. */
const MAX_HANDLER_DEPTH = 2;

/**
 * A function a component holds in a local const (or declares) whose every use is in its markup: `onClick={handleX}`,
 * `onClick={() => handleX()}`, or a call from another such handler. The user runs it; nothing in the code calls it with
 * words of its own.
 */
function boundOnlyInMarkup(fn: Node, depth: number): boolean {
  const holder = fn.getParent();
  const nameNode = Node.isFunctionDeclaration(fn) ? fn.getNameNode() : (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) && holder && Node.isVariableDeclaration(holder) ? holder.getNameNode() : undefined;
  if (!nameNode || !Node.isIdentifier(nameNode)) return false;
  // A module-level function can be imported and called anywhere: only a component's own local handler is read here.
  const component = enclosingFunction(Node.isFunctionDeclaration(fn) ? fn : holder!);
  if (!component) return false;
  const name = nameNode.getText();
  const uses = component.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => identifier !== nameNode && identifier.getText() === name);
  if (uses.length === 0) return false;
  return uses.every((use) => {
    const parent = use.getParent();
    if (parent && Node.isJsxExpression(parent)) return Node.isJsxAttribute(parent.getParent());
    if (!parent || !Node.isCallExpression(parent) || parent.getExpression() !== use) return false;
    const caller = enclosingFunction(parent);
    return !!caller && caller !== component && (isMarkupHandler(caller) || (depth > 0 && boundOnlyInMarkup(caller, depth - 1)));
  });
}

/**
 * An argument that hands on values the handler already has: names and members of them, and object literals, arrays,
 * fallbacks and conditionals made of such, of one-word literals and of calls without arguments (`{ id: uuidv4(),
 * content: value, role: 'user' }`). A sentence written out, or a call that may build one, is a prompt of the handler's own.
 */
function handsOnValuesOnly(argument: Node, handler: Node, depth = 0, dataCalls = false, inlineDataCalls = false, modules?: ModuleLoader): boolean {
  // What the handler waits for (a transcript, a record, search results) is data it fetches, not words of its own; unless
  // it waits for a prompt (`await buildCTAPrompt({ postContent, tone })`, a builder reading templates from storage).
  if (awaited(argument)) return !awaitsPrompt(argument);
  const value = unwrapExpression(argument);
  const each = (node: Node | undefined): boolean => node === undefined || handsOnValuesOnly(node, handler, depth, dataCalls, inlineDataCalls, modules);
  // A constant of words (`system: AGENTIC_SYSTEM_PROMPT`) is a prompt the caller states, wherever it is written, and a
  // constant model id (`model: GOOGLE_VOICE_TRANSCRIPTION_MODEL`) its choice of model, as either written out is.
  if (Node.isIdentifier(value)) return !madeInHandler(value, handler, depth, dataCalls) && !(modules && namesWordsOrModelId(value, modules));
  if (Node.isPropertyAccessExpression(value) || Node.isElementAccessExpression(value) || Node.isThisExpression(value)) return true;
  // A callback (`(chunk) => setAnswer(chunk)`) takes the reply; it carries no words to the model.
  if (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) return true;
  if (Node.isNumericLiteral(value) || value.getKind() === SyntaxKind.TrueKeyword || value.getKind() === SyntaxKind.FalseKeyword || value.getKind() === SyntaxKind.NullKeyword) return true;
  // Words written out are a prompt, and a model id written out is the caller's choice of model; one other word is a
  // role, a mode or a key, and a space or a comma joins values.
  if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) return !writesWords(value) && !looksLikeModelId(value.getLiteralText());
  if (Node.isTemplateExpression(value)) return !writesWords(value) && value.getTemplateSpans().every((span) => each(span.getExpression()));
  // A call with arguments may build a prompt (`promptFor(note)`); one without makes an id or a time (`uuidv4()`). Where
  // asked, one whose callee's name says nothing of words (`workItems.map((item) => item.content)`) is data, as a local so made is.
  if (Node.isCallExpression(value)) return value.getArguments().length === 0 || (inlineDataCalls && !buildsWords(value) && value.getArguments().every(each));
  if (Node.isObjectLiteralExpression(value)) {
    return value.getProperties().every((property) => {
      if (Node.isPropertyAssignment(property)) return each(property.getInitializer());
      if (Node.isShorthandPropertyAssignment(property)) return each(property.getNameNode());
      if (Node.isSpreadAssignment(property)) return each(property.getExpression());
      return true;
    });
  }
  if (Node.isArrayLiteralExpression(value)) return value.getElements().every((element) => each(Node.isSpreadElement(element) ? element.getExpression() : element));
  if (Node.isBinaryExpression(value)) return each(value.getLeft()) && each(value.getRight());
  if (Node.isConditionalExpression(value)) return each(value.getWhenTrue()) && each(value.getWhenFalse());
  if (Node.isPrefixUnaryExpression(value)) return each(value.getOperand());
  return false;
}

/**
 * A call whose every argument hands on a value its function is given (see handsOnValuesOnly and foldRelays). With
 * `inlineDataCalls`, an argument computed inline by a call that builds no words (`items.map((item) => item.content)`) is
 * one too: asked for requests other than embeddings, where what a caller hands in (a corpus to index, one query) is the
 * feature and its volume.
 */
function passesValuesOnly(site: CallExpression, modules: ModuleLoader, inlineDataCalls = false): boolean {
  const around = enclosingFunction(site) ?? site.getSourceFile();
  // A local its function computes by a call is data unless the callee's name says it builds words: whatever words it
  // does build, the relay test reads in the request (see foldRelays).
  return site.getArguments().every((argument) => handsOnValuesOnly(argument, around, 0, true, inlineDataCalls, modules));
}

/**
 * A name bound to a constant the caller states, here or imported: a string of words (`const AGENTIC_SYSTEM_PROMPT =
 * \`You are ...\``) or a model id (`const GOOGLE_VOICE_TRANSCRIPTION_MODEL = 'gemini-2.5-flash'`).
 */
function namesWordsOrModelId(identifier: Node, modules: ModuleLoader): boolean {
  const initializer = constInitializer(findDeclaration(identifier, modules));
  const value = initializer && unwrapExpression(initializer);
  if (value === undefined) return false;
  return writesWords(value) || ((Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) && looksLikeModelId(value.getLiteralText()));
}

/** A string or template literal whose written text (a template's parts between its holes) has words in it. */
function writesWords(value: Node): boolean {
  if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) return WORDS.test(value.getLiteralText());
  return Node.isTemplateExpression(value) && [value.getHead(), ...value.getTemplateSpans().map((span) => span.getLiteral())].some((part) => WORDS.test(part.getLiteralText()));
}

/** `const prompt = createOverlayPrompt(selected)` in the handler itself: a value the handler makes, not one it is handed. */
function madeInHandler(identifier: Node, handler: Node, depth: number, dataCalls: boolean): boolean {
  if (depth > MAX_HANDLER_DEPTH) return true;
  const declaration = handler.getDescendantsOfKind(SyntaxKind.VariableDeclaration).find((each) => each.getName() === identifier.getText());
  const initializer = declaration?.getInitializer();
  if (!initializer) return false;
  // Read as data where its callee's name says nothing of a prompt (`editor.posToOffset(start)`, `getHistory(chat)`).
  const made = unwrapExpression(initializer);
  if (dataCalls && Node.isCallExpression(made) && !buildsWords(made)) return false;
  // So is one made of such calls (`getStringValue(params.id) ?? getStringValue(params.threadId)`).
  return !handsOnValuesOnly(initializer, handler, depth + 1, dataCalls, dataCalls);
}

/** Names of functions that build the words a request sends. */
const PROMPT_BUILDER = /prompt|message|instruction|template|system|render|compose|format|build|text|content|query|question|input/i;

/** A call whose callee's name says it builds words (`buildPrompt(note)`, `formatMessages(...)`), not data (`posToOffset(start)`). */
function buildsWords(call: CallExpression): boolean {
  const name = calleeName(call, new Map())?.name ?? '';
  return PROMPT_BUILDER.test(name) && !READS_LATEST.test(name);
}

/**
 * Names of functions that pick the latest of what the user already sent (`getLatestUserQuestion(messages)`,
 * `getLastUserMessage(history)`, `findMostRecentUserMessage(...)`): data read out of the conversation, no words of their own.
 */
const READS_LATEST = /^(?:get|find|extract|pick)(?:Last|Latest|MostRecent)[A-Z]\w*$/;

/**
 * `const connect = useCallback(async () => { await client.connect(model, config) }, [client])` in a React hook: calling
 * the hook only makes the callback; the request runs when a component calls what it hands back, which the scan does not
 * follow from the hook's callers.
 */
function isMemoizedCallback(fn: Node): boolean {
  const call = fn.getParent();
  return !!call && Node.isCallExpression(call) && call.getArguments()[0] === fn && reactHookName(call) === 'useCallback';
}

/**
 * `const generateCompletion = useCallback(async (messages) => { ... }, [])` in a custom hook (`useGenerateChatCompletion`) that
 * returns it in an object (`return { generateCompletion, loading }`): the const, which components take from the hook's result
 * (`const { generateCompletion } = useGenerateChatCompletion()`) and call. Undefined for a callback the hook keeps to itself.
 */
function callbackHandedOutByHook(fn: Node): VariableDeclaration | undefined {
  const holder = fn.getParent()?.getParent();
  if (!holder || !Node.isVariableDeclaration(holder) || !Node.isIdentifier(holder.getNameNode())) return undefined;
  const hook = enclosingFunction(holder);
  if (!hook || !/^use[A-Z]/.test(hookName(hook) ?? '')) return undefined;
  const name = holder.getName();
  return returnsOf(hook as FunctionNode).some((value) => {
    const object = unwrapExpression(value);
    return Node.isObjectLiteralExpression(object) && object.getProperties().some((property) => (Node.isShorthandPropertyAssignment(property) && property.getName() === name) || (Node.isPropertyAssignment(property) && unwrapExpression(property.getInitializer()!).getText() === name));
  })
    ? holder
    : undefined;
}

/** A function's own name, or the name of the const holding it: `useChat` of `function useChat()` and of `const useChat = () => ...`. */
function hookName(fn: Node): string | undefined {
  if (Node.isFunctionDeclaration(fn)) return fn.getName();
  const holder = fn.getParent();
  return holder && Node.isVariableDeclaration(holder) && Node.isIdentifier(holder.getNameNode()) ? holder.getName() : undefined;
}

/**
 * `const { generateCompletion } = useGenerateChatCompletion()`: whether a name taken from a hook's result is the helper a hook
 * hands out (see callbackHandedOutByHook), the hook called being the one the helper is in.
 */
function takenFromHook(declaration: Node, helper: Helper, modules: ModuleLoader, remember: Remember): boolean {
  if (!helper.heldAs || !Node.isBindingElement(declaration)) return false;
  const variable = declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  if (!variable || declaration.getParent()?.getParent() !== variable) return false;
  const made = variable.getInitializer() && unwrapExpression(variable.getInitializer()!);
  if (!made || !Node.isCallExpression(made) || !reactHookName(made)) return false;
  const taken = declaration.getPropertyNameNode()?.getText() ?? declaration.getName();
  const hook = enclosingFunction(helper.heldAs);
  const callee = unwrapExpression(made.getExpression());
  if (taken !== helper.name || !hook || !Node.isIdentifier(callee) || callee.getText() !== hookName(hook)) return false;
  const hookDeclaration = remember(callee, 'declaration', () => findDeclaration(callee, modules));
  return !!hookDeclaration && (sameNode(hookDeclaration, hook) || sameNode(hookDeclaration, hook.getParent()!));
}

/**
 * What a helper implements, for callers that reach it through a type rather than its own name:
 * a method's class and supertypes; the declared type of the object literal holding it (`function
 * createModel(): LanguageModel { return { complete } }`); a factory's declared function type.
 */
function implementedTypes(fn: Node, returned: Node | undefined, modules: ModuleLoader): Pick<Helper, 'types' | 'ownerClass' | 'returnsTypedFunction' | 'declaredFunctionType' | 'heldAsFields'> {
  const holder = fn.getParent();
  const member = holder && (Node.isPropertyDeclaration(holder) || Node.isPropertyAssignment(holder)) ? holder : fn;
  const container = member.getParent();
  if (container && (Node.isClassDeclaration(container) || Node.isClassExpression(container))) {
    return { types: supertypesOf(container, modules), ownerClass: container, returnsTypedFunction: false };
  }
  const literal = container && Node.isObjectLiteralExpression(container) ? container : Node.isFunctionDeclaration(fn) ? literalReturning(fn) : undefined;
  if (literal) return { types: declaredTypesOfLiteral(literal, modules), returnsTypedFunction: false };
  // `const OpenAIChatCompletion: ChatCompletionHandler = async (...) => ...`: the function type its const is declared with.
  const holderVariable = !returned && (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) ? fn.getParent() : undefined;
  const declaredType = holderVariable && Node.isVariableDeclaration(holderVariable) ? holderVariable.getTypeNode() : undefined;
  if (declaredType) {
    const types = typeAliasesOf(declaredType, modules);
    if (types.length > 0) return { types, returnsTypedFunction: false, declaredFunctionType: true };
  }
  if (returned && (Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) {
    const declared = fn.getReturnTypeNode();
    const types = declared ? typeAliasesOf(declared, modules) : [];
    return { types, returnsTypedFunction: types.length > 0 };
  }
  const name = Node.isFunctionDeclaration(fn) ? fn.getName() : holderVariable && Node.isVariableDeclaration(holderVariable) ? holderVariable.getName() : undefined;
  const held = name && !returned ? heldFieldTypes(fn.getSourceFile(), name, modules) : undefined;
  if (held && held.types.length > 0) return { types: held.types, returnsTypedFunction: false, declaredFunctionType: true, heldAsFields: held.fields };
  return { types: [], returnsTypedFunction: false };
}

/** The app's type aliases a type node names (`ChatCompletionHandler`, each member of a union): a function's declared types. */
function typeAliasesOf(typeNode: Node, modules: ModuleLoader): Node[] {
  return typeShapes(typeNode, modules).map((shape) => shape.node).filter((node) => Node.isTypeAliasDeclaration(node));
}

/**
 * `transcriber: options?.transcribe ? OpenAITranscribe : undefined` in a literal of the function's module declared as one of the
 * app's types (`Object.freeze<LanguageModel>({...})`, `const model: LanguageModel = {...}`) whose field is a function type
 * (`transcriber?: TranscribeFunction`): the function is that type's value, as if declared with it, under that field's name.
 */
function heldFieldTypes(sourceFile: SourceFile, name: string, modules: ModuleLoader): { types: Node[]; fields: string[] } | undefined {
  if (!new RegExp(`[:?]\\s*${escapeRegExp(name)}(?![\\w$])`).test(sourceFile.getFullText())) return undefined;
  const types: Node[] = [];
  const fields: string[] = [];
  for (const property of sourceFile.getDescendantsOfKind(SyntaxKind.PropertyAssignment)) {
    const value = property.getInitializer();
    if (!value || !heldValues(value).some((held) => Node.isIdentifier(held) && held.getText() === name)) continue;
    const literal = property.getParent();
    const typeNode = Node.isObjectLiteralExpression(literal) ? literalTypeNode(literal) : undefined;
    const fieldType = typeNode && propertyTypeOf(typeNode, property.getName(), modules);
    const aliases = fieldType ? typeAliasesOf(fieldType, modules) : [];
    if (aliases.length === 0) continue;
    for (const alias of aliases) if (!types.some((known) => sameNode(known, alias))) types.push(alias);
    if (!fields.includes(property.getName())) fields.push(property.getName());
  }
  return { types, fields };
}

/** The values a field may hold: both branches of a condition (`enabled ? fn : undefined`), either side of `??` and `||`. */
function heldValues(value: Node): Node[] {
  const node = unwrapExpression(value);
  if (Node.isConditionalExpression(node)) return [...heldValues(node.getWhenTrue()), ...heldValues(node.getWhenFalse())];
  if (Node.isBinaryExpression(node) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(node.getOperatorToken().getKind())) return [...heldValues(node.getLeft()), ...heldValues(node.getRight())];
  return [node];
}

/**
 * The type an object literal is written as: `as T`, `satisfies T`, its const's declared type, or the type argument of the
 * call it is handed to (`Object.freeze<LanguageModel>(deleteUndefinedValues({...}))`, through calls that only pass it on).
 */
function literalTypeNode(literal: Node): Node | undefined {
  let current: Node = literal;
  for (let parent = current.getParent(); parent; current = parent, parent = current.getParent()) {
    if (Node.isAsExpression(parent) || Node.isSatisfiesExpression(parent)) return parent.getTypeNode();
    if (Node.isParenthesizedExpression(parent)) continue;
    if (Node.isVariableDeclaration(parent)) return parent.getTypeNode();
    if (Node.isCallExpression(parent) && parent.getArguments().includes(current)) {
      const [typeArgument] = parent.getTypeArguments();
      if (typeArgument) return typeArgument;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/**
 * `function complete() {...}` declared in a factory that returns `{ complete }`, or that returns a local
 * `const model: LanguageModel = { complete }` (TypeChat's model and translator factories): that literal.
 */
function literalReturning(fn: Node): Node | undefined {
  const name = Node.isFunctionDeclaration(fn) ? fn.getName() : undefined;
  const factory = fn.getParent()?.getParent();
  if (!name || !factory || !(Node.isFunctionDeclaration(factory) || Node.isArrowFunction(factory) || Node.isFunctionExpression(factory))) return undefined;
  return returnsOf(factory).map((value) => localLiteralOf(unwrapExpression(value), factory)).find((value) => !!value && Node.isObjectLiteralExpression(value) && !!value.getProperty(name));
}

/** A returned value itself, or for a name, the initializer of the `const` the factory declares it with (never a reassigned `let`). */
function localLiteralOf(value: Node, factory: Node): Node | undefined {
  if (!Node.isIdentifier(value)) return value;
  const body = (factory as Node & { getBody?(): Node | undefined }).getBody?.();
  if (!body || !Node.isBlock(body)) return undefined;
  for (const statement of body.getVariableStatements()) {
    if (statement.getDeclarationKind() !== VariableDeclarationKind.Const) continue;
    const initializer = statement.getDeclarations().find((declaration) => declaration.getName() === value.getText())?.getInitializer();
    if (initializer) return unwrapExpression(initializer);
  }
  return undefined;
}

/** The types an object literal is declared as: the return type of the function returning it, or its variable's type. */
function declaredTypesOfLiteral(literal: Node, modules: ModuleLoader): Node[] {
  let holder = literal.getParent();
  while (holder && (Node.isParenthesizedExpression(holder) || Node.isAsExpression(holder) || Node.isSatisfiesExpression(holder))) {
    const typeNode = Node.isAsExpression(holder) || Node.isSatisfiesExpression(holder) ? holder.getTypeNode() : undefined;
    if (typeNode) return typeShapes(typeNode, modules).map((shape) => shape.node);
    holder = holder.getParent();
  }
  if (holder && Node.isVariableDeclaration(holder)) {
    const typeNode = holder.getTypeNode();
    return typeNode ? typeShapes(typeNode, modules).map((shape) => shape.node) : [];
  }
  // `registerProvider({ name: 'openai', complete(params) {...} })`: handed to a workspace function that keeps it in a
  // registry (`registry.set(adapter.name, adapter)`) under the app's type its parameter is declared with (`adapter:
  // ProviderAdapter`); the registry hands it out as that type. A function that only reads its argument keeps no value.
  if (holder && Node.isCallExpression(holder)) {
    const index = holder.getArguments().findIndex((argument) => sameNode(argument, literal));
    const fn = index >= 0 ? functionOf(holder.getExpression(), modules) : undefined;
    const parameter = fn?.getParameters()[index];
    const typeNode = fn && parameter && Node.isParameterDeclaration(parameter) && keepsInCollection(fn, parameter.getName()) ? parameter.getTypeNode() : undefined;
    return typeNode ? typeShapes(typeNode, modules).map((shape) => shape.node) : [];
  }
  const fn = holder && Node.isReturnStatement(holder) ? holder.getFirstAncestor((node) => Node.isFunctionDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isMethodDeclaration(node)) : holder && Node.isArrowFunction(holder) ? holder : undefined;
  const typeNode = fn && (Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isMethodDeclaration(fn)) ? (fn.getReturnTypeNode() ?? contextualReturnType(fn, modules)) : undefined;
  return typeNode ? typeShapes(typeNode, modules).map((shape) => shape.node) : [];
}

/** Methods that put a value into a collection: a map's `set`, an array's `push`/`unshift`, a set's `add`. */
const COLLECTION_PUTS = new Set(['set', 'push', 'unshift', 'add']);

/** Whether a function puts its parameter `name` into a collection (`registry.set(adapter.name, adapter)`, `adapters.push(adapter)`, `byName[key] = adapter`). */
function keepsInCollection(fn: Node, name: string): boolean {
  for (const call of fn.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (Node.isPropertyAccessExpression(callee) && COLLECTION_PUTS.has(callee.getName()) && call.getArguments().some((argument) => Node.isIdentifier(argument) && argument.getText() === name)) return true;
  }
  return fn.getDescendantsOfKind(SyntaxKind.BinaryExpression).some((assignment) => assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken && Node.isElementAccessExpression(assignment.getLeft()) && assignment.getRight().getText() === name);
}

/**
 * The return type a function expression gets from where it is written, when it declares none: returned by a function
 * declared to return a function type (`function createProvider(kind): GatewayProviderFactory { return async (config) =>
 * ({ stream }) }`, `GatewayProviderFactory` being `(config) => GatewayProvider | Promise<GatewayProvider>`), or held in
 * a variable of one. That function type's return type.
 */
function contextualReturnType(fn: Node, modules: ModuleLoader): Node | undefined {
  if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) return undefined;
  const parent = fn.getParent();
  let functionType: Node | undefined;
  if (parent && Node.isVariableDeclaration(parent)) functionType = parent.getTypeNode();
  else if (parent && (Node.isReturnStatement(parent) || Node.isArrowFunction(parent))) {
    const outer = Node.isArrowFunction(parent) ? parent : parent.getFirstAncestor((node) => Node.isFunctionDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isMethodDeclaration(node));
    functionType = outer && (Node.isFunctionDeclaration(outer) || Node.isArrowFunction(outer) || Node.isFunctionExpression(outer) || Node.isMethodDeclaration(outer)) ? outer.getReturnTypeNode() : undefined;
  }
  return functionType && functionTypeReturn(functionType, modules);
}


/**
 * The caller site of a call that several alternative adapters may serve (one class per provider behind one
 * base class or interface): the adapters whose model the code states come first, in the order found, and the
 * site's candidates are every model those adapters can send, the first adapter's first. An adapter whose model
 * is only known at run time (`this.config.model` of a user-configured provider) adds none. A caller whose
 * adapters all fail to resolve throws, as `callerSite` does.
 */
function alternativeAdapters(bound: Helper[], siteOf: (helper: Helper) => DetectedCall): { helper: Helper; alternatives: Helper[]; caller: DetectedCall } {
  if (bound.length === 1) return { helper: bound[0], alternatives: [], caller: siteOf(bound[0]) };
  const sites: Array<{ helper: Helper; caller: DetectedCall }> = [];
  for (const helper of bound) {
    try {
      sites.push({ helper, caller: siteOf(helper) });
    } catch {
      // An adapter the resolvers cannot follow still counts as an alternative, through the others' site.
    }
  }
  if (sites.length === 0) return { helper: bound[0], alternatives: bound.slice(1), caller: siteOf(bound[0]) };
  // A model on the end user's own device (Chrome's built-in Gemini Nano) is stated but gives no price: it comes last, so
  // the callers are priced through an adapter that costs the team something (page-assist's title helper: not Chrome's model).
  const onDevice = sites.filter((site) => runsOnEndUserDevice(site.helper.call));
  // A model only guessed from the app's default settings (the helper's own code path never sets it) does not put its adapter first.
  const guessed = (site: { helper: Helper; caller: DetectedCall }) => isSettingsDefaultRef(site.helper.call.model) && site.caller.model.id === site.helper.call.model.id;
  // A coding agent's program run on someone's login (Claude Code's `claude -p`) comes after the adapters on an API key.
  const onLogin = sites.filter((site) => site.helper.call.sdk === AGENT_CLI_SDK && !onDevice.includes(site));
  const stated = sites.filter((site) => site.caller.model.id !== null && !onDevice.includes(site) && !onLogin.includes(site) && !guessed(site));
  const ordered = [...stated, ...sites.filter((site) => !stated.includes(site) && !onLogin.includes(site) && !onDevice.includes(site)), ...onLogin, ...onDevice];
  const [first] = ordered;
  const alternatives = [...ordered.slice(1).map((site) => site.helper), ...bound.filter((helper) => !sites.some((site) => site.helper === helper))];
  if (stated.length > 1 || (stated.length === 1 && first.caller.model.candidates)) {
    const candidates = candidatesOfCalls(
      stated.map((site) => site.caller),
      (caller) => `${caller.via?.file ?? caller.file}:${caller.via?.line ?? caller.line}`,
    );
    if (candidates.length > 1) {
      first.caller.model = { ...first.caller.model, candidates };
      first.caller.evidence = [...first.caller.evidence, `model candidates of the ${stated.length} implementations whose model the code states: ${candidates.map((candidate) => candidate.id).join(', ')}`];
    }
  }
  return { helper: first.helper, alternatives, caller: first.caller };
}

function viaOf(helper: Helper): { file: string; line: number; function: string } {
  return { file: helper.call.file, line: helper.call.line, function: helper.call.enclosingFunction ?? '<top>' };
}

function nameOf(node: Node): string {
  return (node as Node & { getName?(): string | undefined }).getName?.() ?? '';
}

function isHeldByName(fn: Node): boolean {
  const holder = fn.getParent();
  return !!holder && (Node.isVariableDeclaration(holder) || Node.isPropertyAssignment(holder) || Node.isPropertyDeclaration(holder)) && !isHandedOnCallback(fn);
}

/** Whether `inner` is what `outer` returns (`(opts) => async (input) => ...`, or `return async function (...) {}`). */
function returnedBy(outer: Node, inner: Node): boolean {
  const parent = inner.getParent();
  if (parent === outer) return true;
  return !!parent && Node.isReturnStatement(parent) && parent.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor) || Node.isArrowFunction(ancestor)) === outer;
}

/**
 * Whether the caller hands a fetch helper (a request made by hand whose URL is the helper's parameter) a path of the
 * app's own origin (`'/api/chat/custom'`, `` `/api/chat/${provider}` ``, a constant holding either): that request goes to
 * the app's server, whose own request is found where it is made.
 */
function callerPassesOwnRoute(helper: Helper, caller: CallExpression, modules: ModuleLoader): boolean {
  if (helper.call.sdk !== 'http' || !Node.isCallExpression(helper.site)) return false;
  const url = helper.site.getArguments()[0] && unwrapExpression(helper.site.getArguments()[0]);
  if (!url || !Node.isIdentifier(url)) return false;
  const parameters = (helper.fn as Node & { getParameters?(): Node[] }).getParameters?.() ?? [];
  const index = parameters.findIndex((parameter) => Node.isParameterDeclaration(parameter) && parameter.getName() === url.getText());
  const passed = index >= 0 ? caller.getArguments()[index] : undefined;
  return passed !== undefined && isOwnRoutePath(passed, modules, 0);
}

function isOwnRoutePath(node: Node, modules: ModuleLoader, depth: number): boolean {
  const value = unwrapExpression(node);
  if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) return value.getLiteralValue().startsWith('/');
  if (Node.isTemplateExpression(value)) return value.getHead().getLiteralText().startsWith('/');
  if (Node.isConditionalExpression(value)) return isOwnRoutePath(value.getWhenTrue(), modules, depth + 1) && isOwnRoutePath(value.getWhenFalse(), modules, depth + 1);
  if (Node.isIdentifier(value) && depth < 3) {
    const declaration = findDeclaration(value, modules);
    const initializer = constInitializer(declaration);
    return initializer !== undefined && isOwnRoutePath(initializer, modules, depth + 1);
  }
  return false;
}

/**
 * React's state and effect hooks run only in client components (a server component cannot hold state): a module calling
 * them is browser code even without `'use client'` (a `use-*.tsx` hook module imported by client components).
 */
const CLIENT_STATE_HOOK = /\buse(?:State|Effect|LayoutEffect|Reducer|Transition|OptimisticState|Optimistic)\s*(?:<[^>()]*>)?\s*\(/;

/**
 * A request whose prompt is only what its function is handed (`generateObject({ system: prompt.system, prompt: prompt.user })`
 * in a generic server action): a page calling it with words of its own writes the prompt, so the page's call is the feature,
 * as a page's fetch posting its prompt to a proxy route is. A page handing on only what its user typed is no feature of its own.
 */
function asksOnlyWhatItIsHanded(call: DetectedCall): boolean {
  return call.messages.length > 0 && call.messages.some((message) => message.holes.length > 0) && call.messages.every((message) => message.text.replace(/\{\{[\s\S]*?\}\}/g, '').trim() === '');
}

/** A Next.js server action: its module, or its own body, says `'use server'`. */
function isServerAction(helper: Helper): boolean {
  const body = (helper.fn as Node & { getBody?(): Node | undefined }).getBody?.();
  return hasDirective(helper.fn.getSourceFile(), 'use server') || (body !== undefined && hasDirective(body, 'use server'));
}

/**
 * `vi.mock('openai')`, `jest.mock('../llm', () => ...)`, `vi.doMock(...)`, Jest's ES-module form
 * `jest.unstable_mockModule('../src/ai/ai.js', () => ai)`, and `mock.module('@anthropic-ai/claude-agent-sdk', () => ...)` of
 * Bun's and Node's test runners: the modules a test file replaces.
 */
const MOCKED_MODULE = /\b(?:(?:vi|jest)\.(?:do)?[mM]ock|jest\.unstable_mockModule|mock\.module)\(\s*['"`]([^'"`]+)['"`]/g;

/** The module specifiers a file's test framework mocks (none for most files: the cheap test first). */
function modulesMockedBy(text: string): string[] {
  const mocked = /\.(?:do)?[mM]ock\(|\.unstable_mockModule\(|\bmock\.module\(/.test(text) ? [...text.matchAll(MOCKED_MODULE)].map((match) => match[1]) : [];
  // The AI SDK's mock models stand in for a provider's: a test using them calls no model.
  return /\bfrom\s*['"]ai\/test['"]/.test(text) ? [...mocked, 'ai/test'] : mocked;
}

/**
 * `jest.spyOn(engine.client.chat.completions, 'create').mockResolvedValue(...)`: a method a test replaces with a mock (group 1).
 * Only a spy given a mocked result or implementation stands in for the method; a bare spy lets it run.
 */
const MOCKED_SPY = /\b(?:vi|jest)\s*\.spyOn\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*['"`]([\w$]+)['"`]\s*\)\s*\.mock(?:Resolved|Rejected|Return)?(?:Value|Implementation)(?:Once)?\s*\(/g;
const TEST_CASE_CALLEE = /^(?:it|test)(?:\.(?:only|concurrent|each))?$/;
const TEST_SETUP_CALLEE = /^(?:beforeEach|beforeAll)$/;

/**
 * Whether the test case holding the call (the callback of its `it`/`test`, or a `beforeEach`/`beforeAll` of a `describe`
 * around it) replaces the method the helper's request calls (`create` of `chat.completions.create`) with a mocked spy:
 * the helper then runs without reaching a model, as under a module mock.
 */
function spiedInItsTest(expression: Node, helper: Helper): boolean {
  const method = helper.call.method.split(/[.\s]/).filter((part) => /^[\w$]+$/.test(part)).pop();
  if (!method) return false;
  const spied = (node: Node) => [...node.getText().matchAll(MOCKED_SPY)].some((match) => match[1] === method);
  for (let ancestor = expression.getParent(); ancestor; ancestor = ancestor.getParent()) {
    if (!Node.isArrowFunction(ancestor) && !Node.isFunctionExpression(ancestor)) continue;
    const holder = ancestor.getParentIfKind(SyntaxKind.CallExpression);
    const holderName = holder?.getExpression().getText() ?? '';
    if (TEST_CASE_CALLEE.test(holderName) && spied(ancestor)) return true;
    // A describe's callback: its setup hooks apply to every case inside it.
    if (holder && /^describe(?:\.\w+)?$/.test(holderName) && setupSpiesOn(ancestor, method, spied)) return true;
  }
  return false;
}

/** Per describe callback, the methods its setup hooks replace with mocked spies: a test file's callers ask it once each. */
const SETUP_SPIES = new WeakMap<Node, Map<string, boolean>>();

function setupSpiesOn(describeCallback: Node, method: string, spied: (node: Node) => boolean): boolean {
  const known = SETUP_SPIES.get(describeCallback) ?? new Map<string, boolean>();
  SETUP_SPIES.set(describeCallback, known);
  const cached = known.get(method);
  if (cached !== undefined) return cached;
  const found = describeCallback.getDescendantsOfKind(SyntaxKind.CallExpression).some((setup) => TEST_SETUP_CALLEE.test(setup.getExpression().getText()) && spied(setup));
  known.set(method, found);
  return found;
}

/** A file that imports a test framework or declares its cases (`describe('...', ...)`, `it("...", ...)`). */
const TEST_FILE = /\bfrom\s*['"](?:vitest|@jest\/globals|node:test|bun:test|mocha)['"]|(?:^|[^\w$.])(?:describe|it|test)\s*\(\s*['"`]/m;
/** `class ScriptedModel implements AgentModel {`: the interfaces a class of the file implements (group 1). */
const IMPLEMENTS_CLAUSE = /\bclass\s+[\w$]+(?:\s*<[^>{]*>)?(?:\s+extends\s+[^{]+?)?\s+implements\s+([^{]+)\{/g;
/** `{ run: async () => result } as unknown as AgentRuntime`: a value forced into a type it is not (group 1). */
const CAST_THROUGH_UNKNOWN = /\bas\s+unknown\s+as\s+([\w$]+)/g;

/**
 * The types a test file makes stand-ins of: the interfaces its own classes implement and the types it forces values
 * into through `unknown`. None outside tests: production code implements the interfaces it delegates through.
 */
function standInsDeclaredBy(text: string): ReadonlySet<string> {
  if (!/\bimplements\s|\bas\s+unknown\s+as\s/.test(text) || !TEST_FILE.test(text)) return new Set();
  const implemented = [...text.matchAll(IMPLEMENTS_CLAUSE)].flatMap((match) => match[1].split(',').map((type) => type.trim().replace(/<[\s\S]*$/, '').split('.').pop() ?? ''));
  return new Set([...implemented, ...[...text.matchAll(CAST_THROUGH_UNKNOWN)].map((match) => match[1])].filter((name) => name !== ''));
}

/** `search: vi.fn().mockResolvedValue(...)`: a member a test makes a mock function of (group 1). */
const MOCK_FUNCTION_MEMBER = /([\w$]+)\s*:\s*(?:vi|jest)\.fn\s*[(<]/g;

/** The members a test file makes mock functions of (`{ search: vi.fn(), add: vi.fn() }` handed in as a dependency); none outside tests. */
function mockFunctionsNamedBy(text: string): ReadonlySet<string> {
  if (!/\b(?:vi|jest)\.fn\b/.test(text) || !TEST_FILE.test(text)) return new Set();
  return new Set([...text.matchAll(MOCK_FUNCTION_MEMBER)].map((match) => match[1]));
}

/**
 * Whether a test's stand-ins name anything a call goes through: a class or interface the request goes through that the
 * test makes its own stand-in of (cline's agent-runtime tests run the runtime on a `ScriptedModel implements AgentModel`,
 * its session tests hand the session a runtime cast `as unknown as AgentRuntime`), or a helper it hands the code under
 * test a mock function for (mem0's OpenClaw tool tests give the tools a provider `{ search: vi.fn(), add: vi.fn() }`).
 * The helper then runs on the stand-in: nothing reaches a model, as under a module mock.
 */
function sharesAny(standIns: ReadonlySet<string>, goneThrough: ReadonlySet<string>): boolean {
  if (standIns.size === 0) return false;
  for (const name of goneThrough) if (standIns.has(name)) return true;
  return false;
}

/**
 * Whether a caller's file replaces, with its test framework's module mock, the helper's own module or a package the
 * helper's module imports (`vi.mock('openai')` over a helper built on the `openai` client): the test calls the helper
 * and nothing reaches a model.
 */
function mocksHelperModule(mocked: readonly string[], callerPath: string, helper: Helper, requestModulesBeneath: (helper: Helper) => readonly string[], importsOfModule: (moduleId: string) => readonly string[]): boolean {
  if (mocked.length === 0) return false;
  const helperFile = helper.fn.getSourceFile();
  const helperModule = moduleIdOf(helperFile.getFilePath());
  const specifiers = helperFile.getImportDeclarations().map((declaration) => declaration.getModuleSpecifierValue());
  // A package the helper's module loads lazily (`await import('mem0ai/oss')`) is replaced by the mock as well.
  const loaded = [...helperFile.getFullText().matchAll(LAZY_LOAD)].map((match) => match[1]);
  const imported = new Set([...specifiers, ...loaded].filter((specifier) => !specifier.startsWith('.')));
  // The helper's own module and the workspace modules it imports (its fetch layer, its provider setup: `vi.mock('../secureLlmFetch')`),
  // and the modules of the requests the helper reaches further down (`jest.mock('../src/llms/openai')` under a `Memory`
  // class whose factory makes the provider class: the test's `memory.add(...)` reaches only the mock).
  const helperImports = specifiers.filter((specifier) => specifier.startsWith('.')).map((specifier) => moduleIdOf(path.resolve(path.dirname(helperFile.getFilePath()), specifier)));
  const beneath = requestModulesBeneath(helper);
  // One module further: the fetch layer a module the request is sent from imports (`jest.mock('../utils/fetch')` for the
  // fetch a base class's `makeRequest` takes from there) is replaced too.
  const ownModules = new Set([helperModule, ...helperImports, ...beneath, ...[...helperImports, ...beneath].flatMap(importsOfModule)]);
  return mocked.some((specifier) => (specifier.startsWith('.') ? ownModules.has(moduleIdOf(path.resolve(path.dirname(callerPath), specifier))) : imported.has(specifier) || LLM_SDK_PACKAGE.test(specifier)));
}

/**
 * The modules a workspace module imports by relative path, read off its text (a module id as moduleIdOf makes it), once
 * per module in `known`: one caller search's, since the files change between the editor's scans.
 */
function relativeImportsOfModule(moduleId: string, known: Map<string, string[]>): string[] {
  let imports = known.get(moduleId);
  if (imports) return imports;
  imports = [];
  for (const extension of ['.ts', '.tsx', '.js', '.mjs', '.jsx', '/index.ts', '/index.js']) {
    let text: string;
    try {
      text = readFileSync(moduleId.split('/').join(path.sep) + extension, 'utf8');
    } catch {
      continue;
    }
    imports = [...text.matchAll(RELATIVE_IMPORT)].map((match) => moduleIdOf(path.resolve(path.dirname(moduleId + extension), match[1])));
    break;
  }
  known.set(moduleId, imports);
  return imports;
}

const RELATIVE_IMPORT = /\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** `import('x')` or `require('x')` with a literal specifier, not a type (`typeof import('x')`). */
const LAZY_LOAD = /(?<!\btypeof\s+)\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** A module as a relative import names it: the path without its extension or a trailing `/index`. */
function moduleIdOf(file: string): string {
  return file.split(path.sep).join('/').replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
}

/**
 * The model SDKs and in-process model libraries (transformers.js) a test replaces when it runs the app's code without calling a model (`vi.mock('@ai-sdk/openai')` where the
 * helper builds its model elsewhere), and the AI SDK's own test doubles (`ai/test`'s MockLanguageModelV2/3/4).
 */
const LLM_SDK_PACKAGE = /^(?:openai|chatgpt|ai|ai\/test|@ai-sdk\/[\w-]+|@anthropic-ai\/[\w-]+|@google\/(?:genai|generative-ai)|@google-cloud\/vertexai|@langchain\/[\w-]+|langchain|groq-sdk|together-ai|zeroentropy|@upstash\/vector|@google-cloud\/aiplatform|@huggingface\/transformers|@xenova\/transformers|@mistralai\/mistralai|@azure\/openai|cohere-ai|replicate|ollama|@aws-sdk\/client-bedrock-runtime)(?:\/[\w./-]+)?$/;

/** Whether a factory call's value is held in a `const` that is handed on (an argument, a property) rather than called. */
function heldAndHandedOn(factoryCall: CallExpression): boolean {
  const held = heldBy(factoryCall);
  if (!held) return false;
  const { declaration, name, scope } = held;
  return scope.getDescendantsOfKind(SyntaxKind.Identifier).some((identifier) => {
    if (identifier.getText() !== name || identifier === declaration.getNameNode()) return false;
    const parent = identifier.getParent();
    return !!parent && (Node.isShorthandPropertyAssignment(parent) || Node.isPropertyAssignment(parent) || (Node.isCallExpression(parent) && parent.getArguments().includes(identifier)));
  });
}

/**
 * Whether a name is declared as what the factory returns (`generate: ReturnType<typeof createGenerate>`, or an alias of
 * that type, `generate: GenerateChatCompletion`): a parameter or variable with that type, or a property of a
 * destructured parameter whose type (a literal, or the app's interface or alias) gives it that type.
 */
function declaredAsProductOf(callee: Node, factoryName: string, productAliases: ReadonlyMap<string, string>, modules: ModuleLoader): boolean {
  const product = productTypePattern(factoryName);
  const isProduct = (typeNode: Node | undefined) => {
    const text = typeNode?.getText() ?? '';
    return product.test(text) || productAliases.get(text) === factoryName;
  };
  const declaration = findDeclaration(callee, modules);
  if (!declaration) return false;
  if (Node.isParameterDeclaration(declaration) || Node.isVariableDeclaration(declaration)) return isProduct(declaration.getTypeNode());
  if (!Node.isBindingElement(declaration)) return false;
  const parameter = declaration.getFirstAncestorByKind(SyntaxKind.Parameter);
  const typeNode = parameter?.getTypeNode();
  if (!typeNode) return false;
  const key = declaration.getPropertyNameNode()?.getText() ?? declaration.getName();
  return isProduct(propertyTypeOf(typeNode, key, modules));
}

/** The type of what a factory returns, as the code writes it: `ReturnType<typeof makeGenerate>`. */
function productTypePattern(factoryName: string): RegExp {
  return new RegExp(`^ReturnType<\\s*typeof\\s+${escapeRegExp(factoryName)}\\s*>$`);
}

/** Type aliases of what factories return, declared in the factories' files (`type Generate = ReturnType<typeof makeGenerate>`): alias → factory. */
function productTypeAliases(factories: readonly Helper[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const factory of factories) {
    const product = productTypePattern(factory.name);
    for (const alias of factory.fn.getSourceFile().getTypeAliases()) if (product.test(alias.getTypeNode()?.getText() ?? '')) aliases.set(alias.getName(), factory.name);
  }
  return aliases;
}

/**
 * The calls of the function a factory call made and a `const` holds (`const generate = createGenerate(opts)`, then
 * `generate({ prompt })`), in the scope of that `const`; none when the value goes anywhere else.
 */
function callsOfHeldProduct(factoryCall: CallExpression, modules: ModuleLoader): CallExpression[] {
  const held = heldBy(factoryCall);
  if (!held || held.declaration.getInitializer() !== factoryCall || held.declaration.getVariableStatement()?.getDeclarationKind() !== VariableDeclarationKind.Const) return [];
  const { declaration, name, scope } = held;
  return callsMatching(scope.getSourceFile(), (call) => ts.isIdentifier(call.expression) && call.expression.text === name && call.pos >= scope.getPos() && call.end <= scope.getEnd()).filter((call) => {
    const callee = call.getExpression();
    return sameNode(findDeclaration(callee, modules) ?? callee, declaration);
  });
}

/** For `f(a)`, `x.f(a)` and a factory's `f(a)(b)`: the called name, the callee node, and the outer call of a factory. */
function calleeName(expression: CallExpression, aliases: ReadonlyMap<string, string>): { name: string; callee: Node; outer?: CallExpression } | undefined {
  const callee = unwrapExpression(expression.getExpression());
  const name = Node.isIdentifier(callee) ? (aliases.get(callee.getText()) ?? callee.getText()) : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  if (!name) return undefined;
  return { name, callee, outer: outerCallOf(expression) };
}

/** The call of what a call returns (`createX(opts)(input)`: the outer call), if it is called at once. */
function outerCallOf(expression: CallExpression): CallExpression | undefined {
  const parent = expression.getParent();
  return parent && Node.isCallExpression(parent) && parent.getExpression() === expression ? parent : undefined;
}

/**
 * Names a file gives a helper method bound to its receiver (`this.createChat = client.chat.bind(client)`, `const ask =
 * llm.ask.bind(llm)`): the name → the member it binds (`client.chat`), read where it is bound, so that the receiver is
 * resolved as at a direct call. Only names other than the helpers' own: those calls are found by name already.
 */
function boundMethodAliases(sourceFile: SourceFile, names: readonly string[]): Map<string, Node> {
  const bound = new Map<string, Node>();
  for (const call of callsMatching(sourceFile, (candidate) => ts.isPropertyAccessExpression(candidate.expression) && candidate.expression.name.text === 'bind' && ts.isPropertyAccessExpression(candidate.expression.expression) && names.includes(candidate.expression.expression.name.text))) {
    const member = unwrapExpression((call.getExpression() as import('ts-morph').PropertyAccessExpression).getExpression());
    const holder = call.getParent();
    const held = holder && Node.isBinaryExpression(holder) && holder.getOperatorToken().getKind() === SyntaxKind.EqualsToken && holder.getRight() === call ? unwrapExpression(holder.getLeft()) : holder && (Node.isVariableDeclaration(holder) || Node.isPropertyDeclaration(holder)) && holder.getInitializer() === call ? holder.getNameNode() : undefined;
    const alias = held && (Node.isIdentifier(held) ? held.getText() : Node.isPropertyAccessExpression(held) && held.getExpression().getKind() === SyntaxKind.ThisKeyword ? held.getName() : undefined);
    if (alias && !names.includes(alias)) bound.set(alias, member);
  }
  return bound;
}

/** A call of a bound alias (`this.createChat(...)`, `ask(...)`): the helper's name, and the member the alias binds as its callee. */
function boundMethodCall(expression: CallExpression, boundMethods: ReadonlyMap<string, Node>): { name: string; callee: Node; outer?: CallExpression } | undefined {
  if (boundMethods.size === 0) return undefined;
  const callee = unwrapExpression(expression.getExpression());
  const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) && callee.getExpression().getKind() === SyntaxKind.ThisKeyword ? callee.getName() : undefined;
  const member = name === undefined ? undefined : boundMethods.get(name);
  if (!member || !Node.isPropertyAccessExpression(member)) return undefined;
  return { name: member.getName(), callee: member, outer: outerCallOf(expression) };
}

/** The call expressions whose callee's last name is one of `names`. */
function callsNamed(sourceFile: SourceFile, names: ReadonlySet<string>): CallExpression[] {
  return callsMatching(sourceFile, (call) => {
    const callee = call.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    return name !== undefined && names.has(name);
  });
}

/** `import { summarize as s }`: local name → imported name, for the helpers' names. */
function importAliases(sourceFile: SourceFile, names: readonly string[]): Map<string, string> {
  const aliases = new Map<string, string>();
  // Read on the compiler's nodes, as ts-morph's getImportDeclarations/getNamedImports/getAliasNode/getName read them
  // (wrapping every import of every candidate file took a twentieth of a re-scan's caller search on midday).
  const tree = sourceFile.compilerNode;
  for (const statement of tree.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const specifier of bindings.elements) {
      if (!specifier.propertyName) continue;
      const alias = specifier.name.getText(tree);
      const imported = ts.isStringLiteral(specifier.propertyName) ? specifier.propertyName.text : specifier.propertyName.getText(tree);
      if (alias && names.includes(imported)) aliases.set(alias, imported);
    }
  }
  return aliases;
}

/** What a callee resolves to, worked out once per callee and file however many helpers share its name. */
type Remember = (node: Node, what: string, compute: () => Node | undefined) => Node | undefined;

/** Whether a callee (`f`, `llm.ask`, `this.ask`, `ns.f`) is bound to the helper: by declaration, never by name alone. */
function isBoundTo(callee: Node, helper: Helper, modules: ModuleLoader, shapesOfReceiver: (receiver: Node) => Shape[], remember: Remember): boolean {
  if (Node.isIdentifier(callee)) {
    const declaration = remember(callee, 'declaration', () => findDeclaration(callee, modules));
    if (!declaration) return false;
    // `import { streamText } from '~/lib/llm/stream-text'`: aliases are not followed by the resolvers; the
    // path after the alias must name the helper's file, and the imported name the helper (a package never does).
    if (Node.isImportSpecifier(declaration)) {
      const specifier = importSpecifierOf(declaration);
      const relativePath = helper.call.file;
      return !!specifier && PATH_ALIAS.test(specifier) && declaration.getName() === helper.name && aliasMayName(specifier, relativePath);
    }
    return declares(declaration, helper) || takenFromHook(declaration, helper, modules, remember) || (Node.isVariableDeclaration(declaration) && !declaration.getInitializer() && assignedModuleMember(declaration, helper, modules, remember));
  }
  if (!Node.isPropertyAccessExpression(callee)) return false;
  const exported = remember(callee, 'member', () => namespaceMember(callee, modules));
  if (exported) return declares(exported, helper);
  const receiver = unwrapExpression(callee.getExpression());
  // `builtinServices[serviceName].translate(...)` over a namespace of one module per service: the helper's module is one of them.
  if (Node.isElementAccessExpression(receiver) && isModuleFunction(helper) && namespaceEntryModules(receiver, modules).some((entry) => entry.getFilePath() === helper.fn.getSourceFile().getFilePath())) return true;
  const owner = remember(receiver, 'owner', () => ownerOf(receiver, modules));
  if (owner && contains(owner, helper.fn)) return true;
  return shapesOfReceiver(callee.getExpression()).some((shape) => reaches(shape, helper, modules));
}

/** A function the helper's module exports at its top level (`export async function translate(...)`), not a method nor a local. */
function isModuleFunction(helper: Helper): boolean {
  const fn = helper.fn;
  if (Node.isFunctionDeclaration(fn)) return fn.getParent() === fn.getSourceFile() && exportedSyntactically(fn, helper.name);
  const holder = fn.getParent();
  const statement = holder && Node.isVariableDeclaration(holder) ? holder.getVariableStatement() : undefined;
  return statement !== undefined && statement.getParent() === fn.getSourceFile() && statement.hasExportKeyword();
}

/**
 * `let generate; if (direct) { const csf = await loadCsfModule(); generate = csf.clientSideChatGenerate; }` then `generate(...)`:
 * a variable declared without a value and set to an export of a module loaded at run time.
 */
function assignedModuleMember(declaration: VariableDeclaration, helper: Helper, modules: ModuleLoader, remember: Remember): boolean {
  const scope = declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor));
  if (!scope) return false;
  return assignedValues(scope, declaration.getName()).some((value) => {
    const member = unwrapExpression(value);
    if (!Node.isPropertyAccessExpression(member)) return false;
    const exported = remember(member, 'member', () => namespaceMember(member, modules));
    return exported !== undefined && declares(exported, helper);
  });
}

/** Object literals spread into one another followed when looking for a helper's method (`{ ...state, ...methods }`). */
const MAX_SPREAD_HOPS = 2;

/**
 * Whether a method call on a value of this shape may run the helper: an instance of a class that
 * has the helper's method (its own or inherited); a value declared with a type the helper's class
 * or literal implements (any implementation may be behind it), or with an interface listing the method that the class
 * meets without naming it (meetsInterface), or with a subclass of the helper's
 * class that inherits it; an object literal (or one spread into it) or factory holding the helper.
 */
function reaches(shape: Shape, helper: Helper, modules: ModuleLoader, spreads = 0): boolean {
  const node = shape.node;
  // `{ ...get(), ...methods }` (a store's getter merging its state with its methods): the helper may be in a spread object.
  if (Node.isObjectLiteralExpression(node)) return contains(node, helper.fn) || holdsByName(node, helper, modules) || (spreads < MAX_SPREAD_HOPS && node.getProperties().some((property) => Node.isSpreadAssignment(property) && shapesOf(property.getExpression(), modules).some((spread) => reaches(spread, helper, modules, spreads + 1))));
  if (shape.made) return !!helper.ownerClass && lineageOf(node, modules).some((cls) => cls === helper.ownerClass || sameNode(cls, helper.ownerClass!));
  if (helper.types.some((type) => sameNode(type, node))) return true;
  // A helper whose types were set aside (a handler the user's subscription serves) is not reached through one met by structure either.
  if (helper.ownerClass && helper.types.length > 0 && meetsInterface(helper.ownerClass, node, helper.name, modules)) return true;
  return !!helper.ownerClass && (Node.isClassDeclaration(node) || Node.isClassExpression(node)) && lineageOf(node, modules).some((cls) => cls === helper.ownerClass || sameNode(cls, helper.ownerClass!));
}

/**
 * `OpenAI: { getGPTResponse }` in an API object the app hands its views (`Meet.OpenAI.getGPTResponse(text)`): a property
 * holding the helper under the helper's own name, imported or declared elsewhere.
 */
function holdsByName(literal: import('ts-morph').ObjectLiteralExpression, helper: Helper, modules: ModuleLoader): boolean {
  const property = literal.getProperty(helper.name);
  const value = Node.isShorthandPropertyAssignment(property) ? property.getNameNode() : Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
  const name = value && unwrapExpression(value);
  if (!name || !Node.isIdentifier(name)) return false;
  const declaration = findDeclaration(name, modules);
  return declaration !== undefined && declares(declaration, helper);
}

/**
 * A name bound to a function of its own that is not the helper (`handler` imported from another plugin, itself `export const
 * handler: PluginHandler = async (...) => {...}`): a call of it runs that function, though it is declared with the helper's type.
 */
function namesOtherFunction(callee: Node, helper: Helper, modules: ModuleLoader): boolean {
  const declaration = findDeclaration(callee, modules);
  if (!declaration) return false;
  const initializer = Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  const value = initializer && unwrapExpression(initializer);
  const ownFunction = Node.isFunctionDeclaration(declaration) ? declaration : value && (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) ? value : undefined;
  return ownFunction !== undefined && ownFunction !== helper.fn && !contains(ownFunction, helper.fn);
}

/** `endpoint(params)` where `endpoint` is declared with the function type the helper (a factory) declares it returns. */
function callsTypedFunction(callee: Node, helper: Helper, shapesOfReceiver: (receiver: Node) => Shape[]): boolean {
  return shapesOfReceiver(callee).some((shape) => helper.types.some((type) => sameNode(type, shape.node)));
}

/**
 * Calls whose callee is a plain name (`endpoint(...)`) or a field of the instance declared with one of the function types
 * (`this.embedder(...)`, a constructor's `readonly embedder: EmbeddingFunction`): candidates for function values of a
 * declared type.
 */
function callsOfValues(sourceFile: SourceFile, typeNames: readonly string[]): CallExpression[] {
  return sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => {
    const callee = unwrapExpression(call.getExpression());
    return Node.isIdentifier(callee) || fieldDeclaredWith(callee, typeNames);
  });
}

/**
 * `this.embedder` where the class declares `embedder` (a field, or a constructor's parameter property) with a type naming
 * one of the function types: read off the declaration's text before any shape is looked up, since a file's every
 * `this.method(...)` is a candidate call.
 */
function fieldDeclaredWith(callee: Node, typeNames: readonly string[]): boolean {
  if (typeNames.length === 0 || !Node.isPropertyAccessExpression(callee) || callee.getExpression().getKind() !== SyntaxKind.ThisKeyword) return false;
  const owner = callee.getFirstAncestor((node) => Node.isClassDeclaration(node) || Node.isClassExpression(node));
  if (!owner || !(Node.isClassDeclaration(owner) || Node.isClassExpression(owner))) return false;
  const name = callee.getName();
  const field = owner.getProperty(name) ?? owner.getConstructors()[0]?.getParameters().find((parameter) => parameter.getName() === name && parameter.isParameterProperty());
  const typeText = field?.getTypeNode()?.getText();
  return typeText !== undefined && typeNames.some((typeName) => typeName !== '' && new RegExp(`(?<![\\w$])${escapeRegExp(typeName)}(?![\\w$])`).test(typeText));
}

/**
 * `store.addDocuments(chunks)`, `store.similaritySearch(query, 3)`, `MemoryVectorStore.fromDocuments(docs, embeddings)`:
 * a LangChain vector store made with an instance of the app's own embeddings class (page-assist's
 * `OllamaEmbeddingsPageAssist`, handed out by its `pageAssistEmbeddingModel` factory) calls that class's
 * `embedDocuments` for what it stores and `embedQuery` for what it searches: the helper's request runs there.
 */
function storeRuns(expression: CallExpression, method: string, helper: Helper, modules: ModuleLoader, shapesOfReceiver: (receiver: Node) => Shape[]): boolean {
  const spec = Object.hasOwn(STORE_METHODS, method) ? STORE_METHODS[method] : undefined;
  if (!spec || !helper.ownerClass || EMBEDDINGS_METHOD[spec.embeds] !== helper.name) return false;
  const callee = unwrapExpression(expression.getExpression());
  const opens = method.startsWith('from');
  // Opening a store on stored vectors (`fromExistingIndex`) embeds nothing; the searches made on it do, found as calls of their own.
  if (!Node.isPropertyAccessExpression(callee) || (opens && spec.embeds === 'queries')) return false;
  const creation = opens ? expression : storeCreation(unwrapExpression(callee.getExpression()), modules)?.creation;
  if (!creation) return false;
  // A store class of the app's own that writes the method itself: its method is the helper the call reaches (see storeEmbeds).
  const storeClass = Node.isNewExpression(creation) ? unwrapExpression(creation.getExpression()) : undefined;
  const declared = storeClass && Node.isIdentifier(storeClass) ? findDeclaration(storeClass, modules) : undefined;
  if (declared && Node.isClassDeclaration(declared) && declared.getMethod(method)) return false;
  return creation.getArguments().some((argument) => shapesOfReceiver(argument).some((shape) => reaches(shape, helper, modules)));
}

/**
 * Where the implementation a call runs is picked: its receiver (`llm.chat(...)` on what a provider factory hands out),
 * then, for a LangChain store's method, what the store was made with (`new MemoryVectorStore(embeddings)`,
 * `Store.fromDocuments(docs, embeddings)`): page-assist's stores embed through whichever class its
 * `pageAssistEmbeddingModel` factory returns, Ollama's unless a custom provider is chosen.
 */
function selectorReceivers(expression: CallExpression, target: { name: string; callee: Node }, modules: ModuleLoader): Node[] {
  if (!Node.isPropertyAccessExpression(target.callee)) return [];
  const receiver = unwrapExpression(target.callee.getExpression());
  if (!Object.hasOwn(STORE_METHODS, target.name)) return [receiver];
  const creation = target.name.startsWith('from') ? expression : storeCreation(receiver, modules)?.creation;
  return [receiver, ...(creation?.getArguments() ?? [])];
}

/** `this.embeddings.embedDocuments(` / `.embedQuery(`: the text of a store class embedding through the embeddings its base holds. */
const STORE_EMBEDDING_CALL = /\bthis\s*\.\s*embeddings\s*\.\s*embed(?:Documents|Query)\s*\(/;

/** The workspace files whose text embeds through a store's `this.embeddings`, read once per search. */
async function filesEmbeddingThroughStore(allFiles: readonly WorkspaceFile[], readText: (file: WorkspaceFile) => Promise<string | null>, signal?: AbortSignal): Promise<WorkspaceFile[]> {
  const found: WorkspaceFile[] = [];
  for (const file of allFiles) {
    signal?.throwIfAborted();
    const text = await readText(file);
    if (text !== null && STORE_EMBEDDING_CALL.test(text)) found.push(file);
  }
  return found;
}

const LANGCHAIN_EMBEDDINGS_METHOD = new WeakMap<Helper, boolean>();

/**
 * `embedDocuments` / `embedQuery` of an app class extending a LangChain class (its `Embeddings`). Worked out once per
 * helper: each round asks it of its helpers, and storeEmbeds of every embedding call in every candidate file.
 */
function isLangChainEmbeddingsMethod(helper: Helper, modules: ModuleLoader): boolean {
  let answer = LANGCHAIN_EMBEDDINGS_METHOD.get(helper);
  if (answer === undefined) {
    answer = Object.values(EMBEDDINGS_METHOD).includes(helper.name) && !!helper.ownerClass && extendsLangChainClass(helper.ownerClass, modules);
    LANGCHAIN_EMBEDDINGS_METHOD.set(helper, answer);
  }
  return answer;
}

/**
 * `this.embeddings.embedQuery(query)` in a method of the app's own vector store, a class extending a LangChain class
 * (its `VectorStore`) and declaring no `embeddings` of its own: the embeddings its constructor was handed, which the
 * base class holds, so any of the app's LangChain embeddings classes (page-assist's `PAMemoryVectorStore` and
 * `PageAssistVectorStore` over its Ollama and OpenAI embeddings).
 */
function storeEmbeds(target: { name: string; callee: Node }, helper: Helper, modules: ModuleLoader): boolean {
  if (target.name !== helper.name || !Node.isPropertyAccessExpression(target.callee) || !isLangChainEmbeddingsMethod(helper, modules)) return false;
  const holder = unwrapExpression(target.callee.getExpression());
  if (!Node.isPropertyAccessExpression(holder) || holder.getName() !== 'embeddings' || holder.getExpression().getKind() !== SyntaxKind.ThisKeyword) return false;
  const store = holder.getFirstAncestor((node) => Node.isClassDeclaration(node) || Node.isClassExpression(node));
  if (!store || !(Node.isClassDeclaration(store) || Node.isClassExpression(store)) || store === helper.ownerClass) return false;
  const declaresEmbeddings = lineageOf(store, modules).some((member) => (Node.isClassDeclaration(member) || Node.isClassExpression(member)) && (member.getProperty('embeddings') !== undefined || member.getConstructors().some((constructor) => constructor.getParameters().some((parameter) => parameter.getName() === 'embeddings' && parameter.getScope() !== undefined))));
  return !declaresEmbeddings && extendsLangChainClass(store, modules);
}

const RUNNABLE_ENTRIES_RUNNING = new WeakMap<Helper, readonly string[]>();

/**
 * The runnable calls that run this helper: none unless it implements a LangChain model class's request
 * (RUNNABLE_IMPLEMENTATIONS; page-assist's ChatOllama, CustomChatOpenAI and ChatAnthropic extend BaseChatModel, and its
 * features call `model.invoke(prompt)`, `model.stream(messages)`). Worked out once per helper: every call of every
 * candidate file asks.
 */
function runnableEntriesRunning(helper: Helper, modules: ModuleLoader): readonly string[] {
  let entries = RUNNABLE_ENTRIES_RUNNING.get(helper);
  if (!entries) {
    entries = RUNNABLE_IMPLEMENTATIONS.has(helper.name) && helper.ownerClass && extendsLangChainClass(helper.ownerClass, modules) ? RUNNABLE_ENTRIES : [];
    RUNNABLE_ENTRIES_RUNNING.set(helper, entries);
  }
  return entries;
}

/** Whether a workspace class, or one it extends, extends a class imported from a LangChain package. */
function extendsLangChainClass(cls: Node, modules: ModuleLoader): boolean {
  return lineageOf(cls, modules).some((member) => {
    const base = Node.isClassDeclaration(member) || Node.isClassExpression(member) ? member.getExtends()?.getExpression() : undefined;
    const declaration = base && Node.isIdentifier(base) ? findDeclaration(base, modules) : undefined;
    const specifier = declaration ? importSpecifierOf(declaration) : undefined;
    return specifier !== undefined && LANGCHAIN_PACKAGE.test(specifier);
  });
}

/** `model.invoke(prompt)` on an instance of the helper's LangChain model class: the library runs the class's `_generate` (or streams through `_streamResponseChunks`). */
function runnableRuns(target: { name: string; callee: Node }, helper: Helper, modules: ModuleLoader, shapesOfReceiver: (receiver: Node) => Shape[]): boolean {
  if (!RUNNABLE_ENTRIES.includes(target.name) || !Node.isPropertyAccessExpression(target.callee) || runnableEntriesRunning(helper, modules).length === 0) return false;
  return shapesOfReceiver(target.callee.getExpression()).some((shape) => shape.made && reaches(shape, helper, modules));
}

/** Whether a declaration found for a name is the helper (the function itself, or the variable or property holding it). */
function declares(declaration: Node, helper: Helper): boolean {
  if (sameNode(declaration, helper.fn) || (helper.heldAs && sameNode(declaration, helper.heldAs))) return true;
  const holder = helper.fn.getParent();
  if (holder && sameNode(declaration, holder)) return true;
  const value = initializerOf(declaration);
  return !!value && sameNode(unwrapExpression(value), helper.fn);
}

/**
 * What a method's receiver is made from, to see whether it holds the helper: `this` is the
 * enclosing class; a variable or `this.field` set to `new C(...)`, `createX(...)` or an object
 * literal is that class, factory or literal; a parameter typed `C` is class C.
 */
function ownerOf(receiver: Node, modules: ModuleLoader, depth = 0): Node | undefined {
  if (depth > 3) return undefined;
  if (receiver.getKind() === SyntaxKind.ThisKeyword) return receiver.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
  let value: Node | undefined;
  if (Node.isIdentifier(receiver)) {
    const declaration = findDeclaration(receiver, modules);
    if (!declaration) return undefined;
    if (Node.isClassDeclaration(declaration)) return declaration; // a static method
    if (Node.isParameterDeclaration(declaration) && !declaration.getInitializer()) return classNamed(declaration.getTypeNode()?.getText(), receiver, modules);
    if (Node.isBindingElement(declaration)) {
      const fixture = testFixtureType(declaration, modules);
      if (fixture) return classNamed(fixture.getText(), fixture, modules);
    }
    value = initializerOf(declaration);
    if (!value && Node.isVariableDeclaration(declaration)) return classNamed(declaration.getTypeNode()?.getText(), receiver, modules);
  } else if (Node.isPropertyAccessExpression(receiver) && receiver.getExpression().getKind() === SyntaxKind.ThisKeyword) {
    const owningClass = receiver.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
    const field = owningClass?.getProperty(receiver.getName());
    const parameter = owningClass?.getConstructors()[0]?.getParameters().find((candidate) => candidate.getName() === receiver.getName() && candidate.getScope() !== undefined);
    value = field?.getInitializer();
    if (!value) return classNamed((field?.getTypeNode() ?? parameter?.getTypeNode())?.getText(), receiver, modules);
  }
  if (!value) return undefined;
  const made = unwrapExpression(value);
  if (Node.isObjectLiteralExpression(made)) return made;
  if (Node.isNewExpression(made) || Node.isCallExpression(made)) {
    const maker = unwrapExpression(made.getExpression());
    if (Node.isIdentifier(maker)) {
      const declaration = findDeclaration(maker, modules);
      return declaration && (initializerOf(declaration) && !Node.isClassDeclaration(declaration) ? initializerOf(declaration) : declaration);
    }
    return undefined;
  }
  if (Node.isIdentifier(made)) return ownerOf(made, modules, depth + 1);
  return undefined;
}

/**
 * `test('...', async ({ page, scraper }) => { ... })` with `test = base.extend<{ scraper: LLMScraper }>({ ... })`
 * (Playwright's and Vitest's fixtures): the type the test's fixture declaration gives a name the callback takes
 * from its first parameter.
 */
function testFixtureType(element: Node, modules: ModuleLoader): Node | undefined {
  if (!Node.isBindingElement(element) || element.getPropertyNameNode() || element.getDotDotDotToken()) return undefined;
  const parameter = element.getParent()?.getParent();
  const callback = parameter?.getParent();
  const testCall = callback?.getParent();
  if (!parameter || !Node.isParameterDeclaration(parameter) || !callback || !(Node.isArrowFunction(callback) || Node.isFunctionExpression(callback)) || callback.getParameters()[0] !== parameter) return undefined;
  if (!testCall || !Node.isCallExpression(testCall) || !testCall.getArguments().includes(callback)) return undefined;
  const callee = unwrapExpression(testCall.getExpression());
  const testName = Node.isPropertyAccessExpression(callee) ? unwrapExpression(callee.getExpression()) : callee;
  if (!Node.isIdentifier(testName)) return undefined;
  const testDeclaration = findDeclaration(testName, modules);
  const made = testDeclaration && Node.isVariableDeclaration(testDeclaration) ? testDeclaration.getInitializer() : undefined;
  const extend = made && unwrapExpression(made);
  if (!extend || !Node.isCallExpression(extend)) return undefined;
  const extendCallee = unwrapExpression(extend.getExpression());
  if (!Node.isPropertyAccessExpression(extendCallee) || extendCallee.getName() !== 'extend') return undefined;
  const fixtures = extend.getTypeArguments()[0];
  if (!fixtures || !Node.isTypeLiteral(fixtures)) return undefined;
  const member = fixtures.getProperty(element.getName());
  return member?.getTypeNode();
}

function classNamed(typeName: string | undefined, from: Node, modules: ModuleLoader): Node | undefined {
  if (!typeName || !/^[A-Za-z_$][\w$]*$/.test(typeName)) return undefined;
  const sourceFile = from.getSourceFile();
  const found = typeNamesOf(sourceFile).get(typeName);
  const identifier = found && wrapCompilerNode(sourceFile, found);
  const declaration = identifier && findDeclaration(identifier, modules);
  return declaration && Node.isClassDeclaration(declaration) ? declaration : undefined;
}

/** ts-morph's own walk over a node's descendants of a kind, as compiler nodes (tokens and JSDoc included, as `getDescendantsOfKind` walks for identifiers). */
interface WalksCompilerDescendants {
  _getCompilerDescendantsOfKindIterator(kind: SyntaxKind): Iterable<ts.Node>;
}

const TYPE_NAMES_BY_FILE = new WeakMap<ts.SourceFile, Map<string, ts.Node>>();

/**
 * Each name a file writes as a type reference or an import specifier → its first such identifier, in the order of
 * `getDescendantsOfKind(Identifier)` (the walk `classNamed` made per receiver, wrapping every identifier of the file:
 * a tenth of the caller search on midday). One walk per parsed file, on the compiler's nodes; keyed by the compiler's
 * tree, so a re-parsed file gets a fresh map.
 */
function typeNamesOf(sourceFile: SourceFile): Map<string, ts.Node> {
  const tree = sourceFile.compilerNode;
  let names = TYPE_NAMES_BY_FILE.get(tree);
  if (!names) {
    names = new Map();
    for (const identifier of (sourceFile as unknown as WalksCompilerDescendants)._getCompilerDescendantsOfKindIterator(SyntaxKind.Identifier)) {
      const parentKind = identifier.parent?.kind;
      if (parentKind !== SyntaxKind.TypeReference && parentKind !== SyntaxKind.ImportSpecifier) continue;
      const text = identifier.getText(tree);
      if (!names.has(text)) names.set(text, identifier);
    }
    TYPE_NAMES_BY_FILE.set(tree, names);
  }
  return names;
}


/**
 * The helper's parameters bound to what this caller passes: `name → argument`, and for an
 * options object `opts.model → the caller's model property` (also destructured `{ model }`).
 * A parameter the caller leaves out is bound to its default value, or recorded as missing.
 */
function bindParameters(fn: Node, args: readonly Node[], modules: ModuleLoader, bindings: Map<string, Node>, missing: Set<string>, passedOn?: Map<string, string>): void {
  if (!(Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return;
  fn.getParameters().forEach((parameter, index) => {
    const argument = args[index] ?? parameter.getInitializer();
    const nameNode = parameter.getNameNode();
    if (argument?.getKind() === SyntaxKind.JsxAttributes) {
      bindProps(nameNode, argument, bindings, missing);
      return;
    }
    if (Node.isIdentifier(nameNode)) {
      const name = nameNode.getText();
      if (!argument) {
        missing.add(name);
        return;
      }
      bindings.set(name, argument);
      bindProperties(name, argument, modules, bindings);
      bindLocalDestructuring(fn, name, argument, modules, bindings, missing);
    } else if (Node.isObjectBindingPattern(nameNode)) {
      const object = argument && resolveObjectLiteral(argument, modules);
      for (const element of nameNode.getElements()) {
        const key = element.getPropertyNameNode()?.getText() ?? element.getName();
        const property = object && Node.isObjectLiteralExpression(object) ? object.getProperty(key) : undefined;
        // `helper({ ...options, signal })`: a property the literal leaves out may come with a spread.
        const spread = !property && object && Node.isObjectLiteralExpression(object) ? spreadProperty(object, key, modules) : undefined;
        if (spread?.path !== undefined) passedOn?.set(element.getName(), spread.path);
        const value = property && Node.isPropertyAssignment(property) ? property.getInitializer() : property && Node.isShorthandPropertyAssignment(property) ? property.getNameNode() : spread?.value ?? element.getInitializer();
        if (value) {
          bindings.set(element.getName(), value);
          // `{ options }` destructured, `options.systemPrompt` used: the caller's `options: { systemPrompt: ... }`.
          bindProperties(element.getName(), value, modules, bindings);
        } else missing.add(element.getName());
      }
    }
  });
}

/**
 * A component's props parameter bound to the attributes an element renders it with: `props` (`props.prompt` is the
 * `prompt={p}` attribute's value) or destructured (`{ prompt, model = 'x' }`). An attribute written without a value is
 * `true`, which no prompt or model reads; a spread attribute hands on props the resolvers do not follow.
 */
function bindProps(nameNode: Node, attributes: Node, bindings: Map<string, Node>, missing: Set<string>): void {
  const values = new Map<string, Node>();
  for (const attribute of (attributes.compilerNode as ts.JsxAttributes).properties.map((property) => wrapCompilerNode(attributes.getSourceFile(), property))) {
    if (!Node.isJsxAttribute(attribute)) continue;
    const initializer = attribute.getInitializer();
    const value = initializer && Node.isJsxExpression(initializer) ? initializer.getExpression() : initializer;
    if (value) values.set(attribute.getNameNode().getText(), value);
  }
  if (Node.isIdentifier(nameNode)) {
    for (const [key, value] of values) bindings.set(`${nameNode.getText()}.${key}`, value);
    return;
  }
  if (!Node.isObjectBindingPattern(nameNode)) return;
  for (const element of nameNode.getElements()) {
    const key = element.getPropertyNameNode()?.getText() ?? element.getName();
    const value = values.get(key) ?? element.getInitializer();
    if (value) bindings.set(element.getName(), value);
    else missing.add(element.getName());
  }
}

/**
 * `buildPrompt()` where the caller hands `buildPrompt` as an arrow taking nothing (`() => buildPlannerPrompt(state)`):
 * what the arrow returns, the value the helper's call of it gets.
 */
function thunkResult(expression: string, bindings: ReadonlyMap<string, Node>): Node | undefined {
  const called = /^([\w$]+)\(\)$/.exec(expression);
  const thunk = called && bindings.get(called[1]);
  const fn = thunk && unwrapExpression(thunk);
  if (!fn || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) || fn.getParameters().length > 0) return undefined;
  // An arrow's expression body is its one return.
  const returned = returnsOf(fn);
  return returned.length === 1 ? returned[0] : undefined;
}

/** `<Name ... />` and `<Name ...>`: what renders a component, read as a call of it. */
type JsxOpeningLike = JsxOpeningElement | JsxSelfClosingElement;

/** The elements whose tag is one of `names` (a bare identifier: `<AnswerView`, not `<ui.AnswerView`). */
function elementsNamed(sourceFile: SourceFile, names: ReadonlySet<string>): JsxOpeningLike[] {
  const elements: JsxOpeningLike[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && ts.isIdentifier(node.tagName) && names.has(node.tagName.text)) elements.push(wrapCompilerNode(sourceFile, node) as JsxOpeningLike);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile.compilerNode);
  return elements;
}

/**
 * A function component whose request reads its props: rendering it with other props (`<AnswerView prompt={p} />`) is
 * another feature, as a call of a helper with other arguments is. Told by its name (a capital), its file (JSX), and a
 * props parameter the request's prompt or model names.
 */
function rendersWithProps(helper: Helper): boolean {
  if (helper.ownerClass || !/^[A-Z]/.test(helper.name) || !/\.[jt]sx$/.test(helper.call.file)) return false;
  const fn = helper.fn;
  if (!(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return false;
  const props = fn.getParameters()[0]?.getNameNode();
  if (!props) return false;
  const names = Node.isIdentifier(props) ? [props.getText()] : Node.isObjectBindingPattern(props) ? props.getElements().map((element) => element.getName()) : [];
  const read = [helper.call.model.raw, ...helper.call.messages.flatMap((message) => message.holes.map((hole) => hole.expression))];
  return names.some((name) => read.some((expression) => new RegExp(`(?<![\\w$.])${escapeRegExp(name)}(?![\\w$])`).test(expression)));
}

/** Spread objects followed for one property: more is data built up, not options handed on. */
const MAX_SPREAD_DEPTH = 4;

/**
 * The property `key` an object literal gets from its spreads (`{ ...defaults, ...options }`: the last spread
 * that sets it wins), through objects the code spells out (`const next = { ...options, schema }`). A spread of
 * a value the code does not spell out here (a parameter) hands on whatever its own caller put in it: `path`
 * names it (`options.model`), for the callers of this caller to fill in. Undefined when no spread can set it.
 */
function spreadProperty(object: Node, key: string, modules: ModuleLoader, depth = 0): { value?: Node; path?: string } | undefined {
  if (!Node.isObjectLiteralExpression(object) || depth > MAX_SPREAD_DEPTH) return undefined;
  for (const spread of object.getProperties().filter(Node.isSpreadAssignment).reverse()) {
    const expression = unwrapExpression(spread.getExpression());
    const inner = resolveObjectLiteral(expression, modules);
    if (inner && Node.isObjectLiteralExpression(inner)) {
      const property = inner.getProperty(key);
      if (property && Node.isPropertyAssignment(property)) return { value: property.getInitializerOrThrow() };
      if (property && Node.isShorthandPropertyAssignment(property)) return { value: property.getNameNode() };
      const nested = spreadProperty(inner, key, modules, depth + 1);
      if (nested) return nested;
      continue;
    }
    if (/^[\w$]+(?:\.[\w$]+)*$/.test(expression.getText())) return { path: `${expression.getText()}.${key}` };
  }
  return undefined;
}

/**
 * `const { system, messages } = options;` in the helper's body: each local name is the caller's property
 * (`system` → the caller's `options.system`), or missing when the caller's object literal leaves it out.
 */
function bindLocalDestructuring(fn: Node, name: string, argument: Node, modules: ModuleLoader, bindings: Map<string, Node>, missing: Set<string>): void {
  const object = resolveObjectLiteral(argument, modules);
  const literal = object && Node.isObjectLiteralExpression(object) ? object : undefined;
  for (const declaration of destructuringsIn(fn)) {
    const pattern = declaration.getNameNode();
    if (!Node.isObjectBindingPattern(pattern) || declaration.getInitializer()?.getText() !== name) continue;
    for (const element of pattern.getElements()) {
      if (element.getDotDotDotToken()) continue;
      const key = element.getPropertyNameNode()?.getText() ?? element.getName();
      const value = bindings.get(`${name}.${key}`) ?? element.getInitializer();
      if (value) bindings.set(element.getName(), value);
      else if (literal && !literal.getProperties().some((property) => Node.isSpreadAssignment(property))) missing.add(element.getName());
    }
  }
}

const DESTRUCTURINGS_BY_FUNCTION = new WeakMap<ts.Node, VariableDeclaration[]>();

/**
 * The variable declarations of a function that destructure an object (`const { a, b } = x`), in source order, found once
 * per function (keyed by its compiler node): every caller of a helper binds each of its parameters through them, and
 * listing (and wrapping) every declaration of the helper per caller and parameter was a twentieth of the caller search.
 */
function destructuringsIn(fn: Node): VariableDeclaration[] {
  let found = DESTRUCTURINGS_BY_FUNCTION.get(fn.compilerNode);
  if (!found) {
    const matches: ts.VariableDeclaration[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name)) matches.push(node);
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(fn.compilerNode, visit);
    found = matches.map((match) => wrapCompilerNode<VariableDeclaration>(fn.getSourceFile(), match));
    DESTRUCTURINGS_BY_FUNCTION.set(fn.compilerNode, found);
  }
  return found;
}

/** `name.key → value` for each property of the object literal a parameter is bound to. */
function bindProperties(name: string, argument: Node, modules: ModuleLoader, bindings: Map<string, Node>): void {
  const object = resolveObjectLiteral(argument, modules);
  if (!object || !Node.isObjectLiteralExpression(object)) return;
  for (const property of object.getProperties()) {
    if (Node.isPropertyAssignment(property)) bindings.set(`${name}.${property.getName()}`, property.getInitializerOrThrow());
    else if (Node.isShorthandPropertyAssignment(property)) bindings.set(`${name}.${property.getName()}`, property.getNameNode());
  }
}

/** `[]`: a tool list left at its empty default. */
function isEmptyArray(node: Node): boolean {
  const value = unwrapExpression(node);
  return Node.isArrayLiteralExpression(value) && value.getElements().length === 0;
}

/** A parameter (or a property of one) that holds conversation turns: `messages`, `input.messages`, `chatHistory`. */
const TURNS_NAME = /^(?:messages|msgs|history|chat_?history|conversation|conversation_?history|turns|dialog(?:ue)?)$/i;
/** An argument that holds the system prompt: `preprompt`, `systemPrompt`, `input.system`, `instructions`. */
const SYSTEM_TEXT_NAME = /^(?:pre_?prompt|system|system_?prompt|system_?message|instructions?)$/i;

/**
 * `this.toOpenAIMessages(input.messages)`, `prepareMessages(messages, files)`, `buildPrompt({ messages, preprompt })`:
 * a helper that converts what it is given into its SDK's format sends the caller's values, so the caller's
 * argument bound to the first name in the call that `role` matches (by its last segment) is what is sent:
 * the turns for TURNS_NAME, the system text handed along with them for SYSTEM_TEXT_NAME.
 */
function convertedArgument(expression: string, bindings: ReadonlyMap<string, Node>, role: RegExp): Node | undefined {
  const call = /^(?:this\.)?[\w$.]+\(([\s\S]*)$/.exec(expression.trim());
  if (!call) return undefined;
  for (const name of call[1].match(/[\w$.]+/g) ?? []) {
    const argument = bindings.get(name);
    if (argument && role.test(name.replace(/^.*\./, ''))) return argument;
  }
  return undefined;
}

/** A JSON schema object the caller passes for the helper's schema parameter (`options.schema`, `schema`, `jsonSchema`). */
function passedJsonSchema(bindings: ReadonlyMap<string, Node>, modules: ModuleLoader): OutputSchema | undefined {
  for (const [name, value] of bindings) {
    if (!/^(?:json_?|output_?|response_?)?schema$/i.test(name.replace(/^.*\./, ''))) continue;
    const schema = jsonObjectSchemaOf(value, modules);
    if (schema) return schema;
  }
  return undefined;
}

/**
 * The helper's request a caller reaches: the first of its requests, in source order, that no enclosing `if` of the
 * helper rules out under what the caller passes. `if (mode === "no-object")` with `mode` left at its default "object"
 * is not taken, so firecrawl's extract callers reach the helper's generateObject request, not its plain-text branch.
 * Of those, a request on the helper's main path comes before one in a special case that ends the helper early
 * (`if (usesImageGenerationOperation(context.model)) { ...generateImage(...); return; }` in cline's gateway, which
 * its agent turns reach for their streamText request): nothing the caller passes says the case holds. The first
 * request when every one is in such a case (or the helper makes one request).
 */
function requestForCaller(helper: Helper, bound: (expression: string) => Node | undefined, modules: ModuleLoader): DetectedCall {
  if (helper.requests.length < 2) return helper.call;
  const open = requestsInOrder(helper).filter(({ node }) => node !== undefined && !branchRuledOut(node, helper.fn, bound, modules));
  const mainPath = open.find(({ node }) => !inUndecidedEarlyExit(node!, helper.fn, bound, modules));
  return (mainPath ?? open[0])?.request ?? helper.call;
}

/**
 * True when `node` sits in the then-branch of an `if` without an else whose branch ends the function (its last
 * statement a `return` or `throw`) and whose condition the caller's arguments do not decide: a special case.
 */
function inUndecidedEarlyExit(node: Node, fn: Node, bound: (expression: string) => Node | undefined, modules: ModuleLoader): boolean {
  let child = node;
  for (let parent = node.getParent(); parent && parent.compilerNode !== fn.compilerNode; child = parent, parent = parent.getParent()) {
    if (!Node.isIfStatement(parent) || parent.getElseStatement() || child.compilerNode !== parent.getThenStatement().compilerNode) continue;
    if (!endsFunction(parent.getThenStatement())) continue;
    if (comparisonWithArguments(parent.getExpression(), bound, modules) === undefined) return true;
  }
  return false;
}

/** A `return` or `throw`, or a block whose last statement is one. */
function endsFunction(statement: Node): boolean {
  const last = Node.isBlock(statement) ? statement.getStatements().at(-1) : statement;
  return last !== undefined && (Node.isReturnStatement(last) || Node.isThrowStatement(last));
}

const REQUESTS_IN_ORDER = new WeakMap<Helper, Array<{ request: DetectedCall; node: Node | undefined }>>();

/** A helper's requests in source order with their nodes, found once per helper: every caller of it asks. */
function requestsInOrder(helper: Helper): Array<{ request: DetectedCall; node: Node | undefined }> {
  let found = REQUESTS_IN_ORDER.get(helper);
  if (!found) {
    const sourceFile = helper.fn.getSourceFile();
    found = [...helper.requests]
      .sort((a, b) => a.line - b.line || a.column - b.column)
      .map((request) => ({ request, node: request === helper.call ? helper.site : nodeAt(sourceFile, request.line, request.column) }));
    REQUESTS_IN_ORDER.set(helper, found);
  }
  return found;
}

/** True when `node` sits in the then-branch of an `if` whose condition the caller's arguments make false, or in its else-branch when they make it true. */
function branchRuledOut(node: Node, fn: Node, bound: (expression: string) => Node | undefined, modules: ModuleLoader): boolean {
  let child = node;
  for (let parent = node.getParent(); parent && parent.compilerNode !== fn.compilerNode; child = parent, parent = parent.getParent()) {
    if (!Node.isIfStatement(parent)) continue;
    const holds = comparisonWithArguments(parent.getExpression(), bound, modules);
    if (holds === undefined) continue;
    if (child.compilerNode === parent.getThenStatement().compilerNode && !holds) return true;
    if (child.compilerNode === parent.getElseStatement()?.compilerNode && holds) return true;
  }
  return false;
}

/** `mode === "no-object"` (or `!==`, `==`, `!=`) where `mode` is bound to a string the caller passes or leaves at its default; undefined otherwise. */
function comparisonWithArguments(condition: Node, bound: (expression: string) => Node | undefined, modules: ModuleLoader): boolean | undefined {
  const comparison = stringLiteralComparison(unwrapExpression(condition));
  const argument = comparison ? bound(unwrapExpression(comparison.other).getText()) : undefined;
  const value = argument ? resolveString(argument, modules).value : null;
  if (!comparison || value === null) return undefined;
  return (value === comparison.literal) !== comparison.negated;
}

/** `payload.model` where the caller binds `payload` to an object it writes (`{ model: 'Qwen/...', messages }`): that property. */
function boundProperty(expression: string, bindings: ReadonlyMap<string, Node>, modules: ModuleLoader): Node | undefined {
  const path = /^([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)$/.exec(expression);
  const holder = path ? bindings.get(path[1]) : undefined;
  return holder ? getObjectProperty(resolveObjectLiteral(holder, modules), path![2], modules) : undefined;
}

/** Requests whose answer is no text the model writes: no output token limit applies. */
const NO_TEXT_ANSWER: ReadonlySet<DetectedCall['endpoint']> = new Set(['embedding', 'rerank', 'audio-transcription', 'audio-speech', 'image-generation']);

/** The caller as a call site of its own: the helper's request with the caller's arguments in place of the helper's parameters. */
function callerSite(helper: Helper, expression: CallExpression | JsxOpeningLike, outer: CallExpression | undefined, file: string, modules: ModuleLoader, callsReturned = false): DetectedCall {
  const bindings = new Map<string, Node>();
  const missing = new Set<string>();
  const passedOn = new Map<string, string>();
  // A component's props are its one argument: the attributes of the element rendering it.
  const args = Node.isCallExpression(expression) ? expression.getArguments() : [wrapCompilerNode(expression.getSourceFile(), expression.compilerNode.attributes)];
  // A function value the factory made is called with the returned function's parameters; the factory's were bound where it was made.
  if (callsReturned && helper.returned) bindParameters(helper.returned, args, modules, bindings, missing);
  else bindParameters(helper.fn, args, modules, bindings, missing, passedOn);
  if (!callsReturned && helper.returned && outer) bindParameters(helper.returned, outer.getArguments(), modules, bindings, missing);
  const site = outer ?? expression;
  const bound = (expression: string): Node | undefined => bindings.get(expression.trim()) ?? boundProperty(expression.trim(), bindings, modules) ?? thunkResult(expression.trim(), bindings);
  const base = requestForCaller(helper, bound, modules);
  const evidence = [`calls the app's helper ${base.enclosingFunction} (${base.file}:${base.line}), which makes the ${base.method} request`];
  if (base !== helper.call) evidence.push(`the helper's earlier request (line ${helper.call.line}) sits in a branch this caller's arguments rule out`);

  let model = base.model;
  const [left, fallback] = model.raw.split(/\s*(?:\?\?|\|\|)\s*/, 2);
  const modelArgument = bound(model.raw) ?? bound(left);
  // A model the helper resolved (a literal, a default parameter) is replaced only by one the caller passes.
  if (model.raw && (model.id === null || (modelArgument !== undefined && !isDefaultOf(modelArgument)))) {
    const argument = modelArgument;
    if (argument) {
      const resolved = resolveString(argument, modules);
      if (resolved.value !== null) {
        model = { id: resolved.value, raw: resolved.raw, source: resolved.source };
        evidence.push(`model: ${model.raw} passed as ${left} → "${resolved.value}"`, ...resolved.evidence);
      } else {
        // Not one string: every model the passed value can be (an env variable's values, a fallback, the app's list).
        const passed = readModel(argument, modules);
        // A model object the caller makes (`getModel(process.env.MODEL_NAME)` of the app's registry): the ids its factories take.
        const objectIds = passed.ref.id !== null || passed.ref.candidates ? [] : passedModelIds(argument, modules);
        const objectModel = refOfCandidates(objectIds, [resolved.raw]);
        // Nothing known of what it passes, where the helper offers the end user a list (its parameter's declared type, the
        // app's list): the caller's value is that same choice, among those models.
        const helperChoice = base.model.source === 'user-choice' && base.model.candidates ? base.model : undefined;
        model = passed.ref.id !== null || passed.ref.candidates ? { ...passed.ref, raw: resolved.raw } : objectModel ?? helperChoice ?? { id: null, raw: resolved.raw, source: 'dynamic' };
        if (model === helperChoice) evidence.push(`model: ${resolved.raw} passed as ${left}, not known here: one of the models the helper's own list offers`);
        else if (model.id !== null) evidence.push(`model: ${model.raw} passed as ${left}`, ...(objectModel ? [`the model object it passes is made for ${(objectModel.candidates ?? objectIds.slice(0, 1)).map((candidate) => `${candidate.id} (${candidate.where})`).slice(0, 4).join(', ')}`] : passed.evidence));
      }
    } else if (fallback !== undefined && missing.has(left.replace(/^.*\./, '')) && bound(fallback)) {
      const resolved = resolveString(bound(fallback)!, modules);
      if (resolved.value !== null) model = { id: resolved.value, raw: resolved.raw, source: resolved.source };
    }
  }

  let modelValue: Node | undefined;
  if (model === base.model) {
    const passed = modelForCaller(helper.fn, base.model, bindings, modules, passedOn);
    if (passed?.passed) evidence.push(`model: the caller passes ${passed.ref.raw} for the helper's model parameter → "${passed.ref.id}"`);
    if (passed) model = passed.ref;
    modelValue = passed?.value;
  }
  if (model === base.model) {
    const handed = modelHandedOn(base.model, bound, modules);
    if (handed) {
      model = handed;
      evidence.push(`model: the caller passes ${handed.raw} in the options its helper hands on → "${handed.id}"`);
    }
  }
  if (model === base.model && model.id === null && !model.candidates) {
    // `create: (request) => client.chat.completions.create(request)`: the helper sends the request options it is handed
    // whole, so the `model` of the options the caller passes is the request's.
    const options = wholeOptionsPassed(base, bound, modules);
    const modelNode = options && getObjectProperty(options.literal, 'model', modules);
    const read = modelNode ? readModel(modelNode, modules) : undefined;
    if (read && (read.ref.id !== null || read.ref.candidates)) {
      model = read.ref;
      evidence.push(`model: the options passed as ${options!.expression} name ${read.ref.raw}`, ...read.evidence);
    }
  }

  const client = providerFromClientArgument(base, bound, modules) ?? providerFromSubclassClient(base, helper, expression, modules);
  if (client?.evidence) evidence.push(client.evidence);
  // An AI SDK helper handed its model object (`model: getModel('gemini-2.5-pro', 'vertex')`) runs it at that model's provider.
  const passedModel = model === base.model || base.sdk !== 'vercel-ai' ? undefined : modelValue ?? modelValueFromCaller(base.model, bound);
  const modelProvider = passedModel && passedModelProvider(passedModel, modules);
  if (modelProvider && modelProvider !== base.provider) evidence.push(`provider: the model the caller passes (${shorten(passedModel!.getText())}) is made by a ${modelProvider} provider`);

  const messages: PromptMessage[] = [];
  let passedTurns: boolean | undefined;
  let strippedBy: string | undefined;
  // The structured-output setting of the options the caller hands over whole (`generationConfig.responseSchema`), if any.
  let handedFormat: string | undefined;
  for (const message of base.messages) {
    const wholeHole = message.holes.length === 1 && message.text.trim() === `{{${message.holes[0].expression}}}` ? message.holes[0].expression : undefined;
    // A message that is only a value the caller leaves out (`messages` when it passes `prompt`) is not sent.
    if (wholeHole && missing.has(wholeHole.replace(/^\.\.\./, '')) && !bound(wholeHole)) continue;
    const whole = wholeHole !== undefined ? bound(wholeHole) ?? convertedArgument(wholeHole, bindings, TURNS_NAME) : undefined;
    if (whole && turnsHoleOf(message)) {
      strippedBy = attachmentStripper(whole, modules) ?? strippedBy;
      // The helper's request options come from what it is handed (optionsHoleOf): the caller's own options hold the prompt.
      // `JSON.stringify({ contents, generationConfig })` handed to a helper that posts the body it is given: that object's prompt.
      const sent = serializedObject(whole, modules) ?? whole;
      const handed = resolveObjectLiteral(sent, modules) ? promptOfOptions(sent, modules) : undefined;
      if (handed && handed.messages.length > 0) {
        messages.push(...handed.messages);
        passedTurns = (passedTurns ?? false) || handed.hasImage;
        handedFormat ??= structuredOutputSetting(sent, modules);
        evidence.push(`prompt: the options passed as ${message.holes[0].expression} (${shorten(whole.getText())})`);
        continue;
      }
      const passed = resolveMessages(whole, modules);
      if (passed.messages.length > 0) {
        // `buildPrompt({ messages, preprompt })`: the system text handed to the converter with the turns is sent too.
        const system = convertedArgument(wholeHole!, bindings, SYSTEM_TEXT_NAME);
        if (system) messages.push({ role: 'system', ...resolvePromptText(system, modules) });
        messages.push(...passed.messages);
        passedTurns = (passedTurns ?? false) || passed.hasImage;
        evidence.push(`messages: passed as ${message.holes[0].expression}`);
        continue;
      }
    }
    let text = message.text;
    const holes: PromptHole[] = [];
    for (const hole of message.holes) {
      const argument = bound(hole.expression);
      if (!argument) {
        holes.push(hole);
        continue;
      }
      const passed = resolvePromptText(argument, modules);
      text = text.split(`{{${hole.expression}}}`).join(passed.text);
      holes.push(...passed.holes);
      evidence.push(`${message.role} prompt: ${hole.expression} passed as ${shorten(argument.getText())}`);
    }
    messages.push({ role: message.role, text, holes });
  }

  let toolNames = base.toolNames;
  let features = base.features;
  // The helper's images came with the turns it is handed (its class formats their attachments as image parts): a
  // caller handing it turns of its own, none of them from elsewhere, sends only the images those hold. Turns the
  // helper converts before sending (`for (const message of messages) formatted.push(...)`) are read off its parameter.
  const runTimeTurns = (list: readonly PromptMessage[]) => list.some((message) => turnsHoleOf(message) !== undefined);
  let readOffParameter = false;
  if (passedTurns === undefined && !strippedBy && runTimeTurns(base.messages)) {
    const [name, turns] = [...bindings].find(([parameter]) => TURNS_NAME.test(parameter)) ?? [];
    const passed = turns && resolveMessages(turns, modules);
    if (name && passed && passed.messages.length > 0 && !runTimeTurns(passed.messages)) {
      passedTurns = passed.hasImage;
      readOffParameter = true;
      // A helper sending nothing but the turns it converts sends the caller's turns, converted.
      if (base.messages.every((message) => turnsHoleOf(message) !== undefined)) {
        messages.splice(0, messages.length, ...passed.messages);
        evidence.push(`messages: passed as ${name}, which the helper converts before sending (${shorten(base.messages[0].holes[0].expression)})`);
      }
    } else if (turns) strippedBy = attachmentStripper(turns, modules);
  }
  const ownTurns = base.imagesElsewhere && passedTurns !== undefined && (readOffParameter || !runTimeTurns(messages));
  if (ownTurns) {
    features = { ...features, vision: passedTurns! };
    if (!passedTurns) evidence.push("images: none, the caller's own messages hold no image parts or attachments");
  } else if (base.imagesElsewhere && strippedBy) {
    features = { ...features, vision: false };
    evidence.push(`images: none, the caller hands over the turns through ${strippedBy}, which drops their attachments`);
  }
  const imagesDropped = ownTurns || (base.imagesElsewhere === true && strippedBy !== undefined);
  const toolHole = toolNames.length === 1 ? /^\{\{(.+)\}\}$/.exec(toolNames[0])?.[1] : undefined;
  if (toolHole) {
    // `this.formatFunctions(functions)`: the helper converts the tool list it is given; the caller's list (or none) is what it sends.
    const converted = /^(?:this\.)?[\w$.#]+\(\s*([\w$.]+)\s*\)$/.exec(toolHole.trim())?.[1];
    const argument = bound(toolHole) ?? (converted !== undefined ? bound(converted) : undefined);
    const leftOut = missing.has(toolHole.replace(/^.*\./, '')) || (converted !== undefined && missing.has(converted));
    if (argument && !isEmptyArray(argument)) {
      toolNames = readToolNames(argument, modules);
      // The tools the caller passes are sent: a helper that only hands them on does not say so itself.
      if (toolNames.length > 0 && !features.tools) features = { ...features, tools: true };
    }
    else if (leftOut || (argument && isEmptyArray(argument))) {
      toolNames = [];
      features = { ...features, tools: false };
    }
  }
  // A caller that parses the helper's reply and checks it against a schema (and maybe re-sends with the error) adds that to the helper's request.
  let steps = base.steps;
  const validated = validatedReplyOf(site);
  if (handedFormat && !features.structuredOutput) {
    features = { ...features, structuredOutput: true };
    evidence.push(`structured output: the options the caller passes set ${handedFormat}`);
  }
  if (validated && !features.structuredOutput) {
    features = { ...features, structuredOutput: true };
    evidence.push(`structured output: ${validated.structured}`);
  }
  if (validated?.repair && !features.multiStep) {
    features = { ...features, multiStep: true };
    steps = validated.repair;
    evidence.push(`multi-step: ${validated.repair.basis}`);
  }
  // The caller's own schema (the type its translator or validator is made for, or the JSON schema it hands the helper) says what it asks for.
  const schema = features.structuredOutput ? outputSchemaOf(site, modules) ?? passedJsonSchema(bindings, modules) : undefined;
  if (schema) evidence.push(`output schema: ${schema.name}${schema.shape === 'labels' ? ' (every field is one of fixed values)' : schema.shape === 'actions' ? ' (an API of functions: a program of calls)' : ''}`);
  let maxOutputTokens = base.maxOutputTokens;
  // A helper's `maxTokens` parameter limits its request's answer only where the request writes one: a search helper
  // embedding the question (`getContext(message, namespace, maxTokens = 3000)`) cuts the context it returns with it.
  if (maxOutputTokens === null && !NO_TEXT_ANSWER.has(base.endpoint)) {
    for (const [name, argument] of bindings) {
      if (/max_?(?:output_?|completion_?|new_?)?tokens$/i.test(name)) maxOutputTokens = resolveNumber(argument, modules) ?? maxOutputTokens;
    }
  }
  const comment = annotationComment(site);
  const caller: DetectedCall = {
    ...base,
    file,
    ...callSpan(site),
    method: base.enclosingFunction ?? base.method,
    provider: client?.provider ?? modelProvider ?? base.provider,
    model,
    messages,
    toolNames,
    features,
    ...(steps ? { steps } : {}),
    ...(schema ? { structuredOutputName: schema.name, ...(schema.shape ? { structuredOutputShape: schema.shape } : {}) } : {}),
    maxOutputTokens,
    enclosingFunction: enclosingFunctionName(site),
    evidence: [...evidence, ...(imagesDropped ? base.evidence.filter((line) => !line.startsWith('images: ')) : base.evidence)],
    kind: 'wrapper-caller',
    via: { file: base.file, line: base.line, function: base.enclosingFunction ?? '<top>' },
  };
  setExportedFunction(caller, site);
  if (imagesDropped) delete caller.imagesElsewhere;
  // What the caller names the helper's answer, never the helper's own name for the model's (a shared helper's).
  delete caller.replyName;
  // Whether it hands on only what it is given is read of this call (where it is found), never of the helper's own call;
  // and only the helper's call hands an HTTP helper its URL and body (`httpHelperRequest`), not this one through it.
  delete caller.passesValuesOnly;
  delete caller.httpHelperRequest;
  Object.assign(caller, replyNameField(site));
  markCutOffContinuation(caller, site);
  // A caller handing the helper the tool list it takes itself (`stream(messages, functions)` calling
  // `tooledStream(client, model, messages, functions)`) is the entry an agent loop elsewhere calls.
  const entry = features.tools && !features.multiStep ? toolListEntryOf(site) : undefined;
  if (entry) caller.toolListEntry = entry;
  delete caller.annotation;
  delete caller.annotationComment;
  delete caller.production;
  delete caller.nonProductionReason;
  delete caller.alternativeGroup;
  delete caller.clientParameter;
  delete caller.clientMember;
  if (client?.forwardedAs) caller.clientParameter = client.forwardedAs;
  if (client?.forwardedMember) caller.clientMember = client.forwardedMember;
  if (comment) caller.annotationComment = comment;
  return caller;
}

/** The object literal a caller hands a helper that sends the request options it is given whole (its prompt is that value's turns), and the helper's name for it. */
function wholeOptionsPassed(base: DetectedCall, bound: (expression: string) => Node | undefined, modules: ModuleLoader): { literal: Node; expression: string } | undefined {
  for (const message of base.messages) {
    const hole = turnsHoleOf(message);
    const passed = hole && bound(hole.expression);
    const literal = passed && resolveObjectLiteral(passed, modules);
    if (literal && Node.isObjectLiteralExpression(literal)) return { literal, expression: hole!.expression };
  }
  return undefined;
}

/**
 * The hole of a message that is nothing but a run-time list of turns (`{{...history}}`, `{{messages}}`), not history
 * written into a prompt's text; undefined otherwise.
 */
function turnsHoleOf(message: PromptMessage): PromptHole | undefined {
  const [hole] = message.holes;
  return message.holes.length === 1 && (hole.kind === 'message-array' || hole.kind === 'history') && message.text.trim() === `{{${hole.expression}}}` ? hole : undefined;
}

/** A function whose name says it takes the attachments off a conversation (`#stripAttachments`, `removeImages`, `withoutFiles`). */
const STRIPS_ATTACHMENTS = /^#?(?:strip|remove|drop|without)\w*?(?:attachments?|images?|files|media)$/i;

/** `this.#stripAttachments(messages)` handed over as the turns (or a variable holding it): the function's name, or undefined. */
function attachmentStripper(turns: Node, modules: ModuleLoader): string | undefined {
  const value = variableValue(turns, modules);
  if (!value || !Node.isCallExpression(value)) return undefined;
  const callee = value.getExpression();
  const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : Node.isIdentifier(callee) ? callee.getText() : undefined;
  return name !== undefined && STRIPS_ATTACHMENTS.test(name) ? `${shorten(callee.getText())}()` : undefined;
}

/** Who serves a caller's requests (with the evidence), or which of its own parameters or fields hands the question on to its callers. */
interface CallerClient {
  provider?: string;
  evidence?: string;
  /** The caller's own parameter it passes as the helper's client. */
  forwardedAs?: string;
  /** The field of `this` the helper's client is, when the caller is a method of the helper's own class. */
  forwardedMember?: string;
}

/** The client packages a helper's request of each SDK family can be made on. */
const CLIENT_SDKS: Readonly<Record<string, RegExp>> = { openai: /^openai$/, anthropic: /^@anthropic-ai\// };

/**
 * Who serves a caller's requests when the helper makes them on a client it is handed (`clientParameter`): the
 * client the caller passes (`tooledStream(this.client, ...)` with `this._client = new OpenAI({ baseURL: groq })`,
 * an Anthropic client pointed at Bedrock). `forwardedAs` when the caller hands on a client parameter of its own,
 * for its callers to say; undefined when the caller passes nothing or a client not traced to a constructor of the
 * helper's SDK with options (the helper's provider stays).
 */
function providerFromClientArgument(base: DetectedCall, bound: (expression: string) => Node | undefined, modules: ModuleLoader): CallerClient | undefined {
  if (!base.clientParameter) return undefined;
  const argument = bound(base.clientParameter);
  if (!argument) return undefined;
  const origin = resolveClientOrigin(argument, modules);
  const steps: string[] = [];
  const provider = origin?.options && CLIENT_SDKS[base.sdk]?.test(origin.packageName) ? clientProvider(origin, modules, steps) : undefined;
  if (origin && provider) return { provider, evidence: `client: the caller passes ${shorten(argument.getText())} for ${base.clientParameter} (${[...origin.evidence, ...steps].join('; ')}) → provider ${provider}` };
  const forwardedAs = clientParameterOf(argument, undefined, modules);
  return forwardedAs ? { forwardedAs } : undefined;
}

/**
 * Who serves a caller's requests when the helper makes them on a field of `this` its own class only types
 * (`clientMember`), and the caller is a method of a subclass calling the inherited helper (`this.generateImage(...)`
 * in `class OllamaImageGenerator extends BaseImageGenerator`): the client that subclass hands to `super(...)`.
 * A method of the helper's own class calling it hands the question on (`forwardedMember`) to its own callers.
 */
function providerFromSubclassClient(base: DetectedCall, helper: Helper, expression: CallExpression | JsxOpeningLike, modules: ModuleLoader): CallerClient | undefined {
  const member = base.clientMember;
  if (!Node.isCallExpression(expression)) return undefined;
  const callee = expression.getExpression();
  if (!member || !helper.ownerClass || !Node.isPropertyAccessExpression(callee) || callee.getExpression().getKind() !== SyntaxKind.ThisKeyword) return undefined;
  const callerClass = expression.getFirstAncestor((node) => Node.isClassDeclaration(node) || Node.isClassExpression(node));
  if (!callerClass || !(Node.isClassDeclaration(callerClass) || Node.isClassExpression(callerClass))) return undefined;
  if (sameNode(callerClass, helper.ownerClass)) return { forwardedMember: member };
  if (!lineageOf(callerClass, modules).some((cls) => sameNode(cls, helper.ownerClass!))) return undefined;
  const origin = instanceMemberClientOrigin(callerClass, member, modules);
  const steps: string[] = [];
  const provider = origin?.options && CLIENT_SDKS[base.sdk]?.test(origin.packageName) ? clientProvider(origin, modules, steps) : undefined;
  if (!origin || !provider) return undefined;
  return { provider, evidence: `client: this.${member} of ${callerClass.getName() ?? 'the subclass'}, which inherits ${helper.name} (${[...origin.evidence, ...steps].join('; ')}) → provider ${provider}` };
}

/**
 * A fetch of the app's own code posting a request to a proxy route (see `proxyRouteFetches`): the route's request with
 * what the fetch posts as its options. The model, messages (`input` of the Responses API or `messages`), tools and
 * output format are the posted object's; a spread of the caller's own parameter (`{ ...body, parallel_tool_calls: false }`)
 * leaves `body.model`, `body.input` and `body.tools` for the callers of the caller to fill in.
 */
function routeCallerSite(base: DetectedCall, fetch: RouteFetch, via: NonNullable<DetectedCall['via']>, file: string, modules: ModuleLoader): DetectedCall {
  const route = fetch.call.getArguments()[0] ? unwrapExpression(fetch.call.getArguments()[0]).getText().replace(/^['"`]|['"`]$/g, '') : '';
  const sent = resolveObjectLiteral(fetch.sent, modules);
  const posted = unwrapExpression(fetch.sent);
  // What the caller passes on of its own parameters: `body` of `{ ...body }` or of `JSON.stringify(body)`.
  const parameters = parameterNamesAround(fetch.call) ?? new Set<string>();
  const spreads = sent && Node.isObjectLiteralExpression(sent) ? sent.getProperties().filter(Node.isSpreadAssignment).map((spread) => unwrapExpression(spread.getExpression()).getText()) : Node.isIdentifier(posted) ? [posted.getText()] : [];
  const passedOn = spreads.find((name) => parameters.has(name));
  const property = (...names: string[]): Node | undefined => names.map((name) => getObjectProperty(sent, name, modules)).find((node) => node !== undefined);
  const invokes = fetch.invokesEdgeFunction === true;
  const reached = invokes ? `invokes the app's Supabase Edge Function ${route}` : fetch.firebaseFunction ? `posts the request to the app's Firebase function ${fetch.firebaseFunction} (${route})` : `posts the request to the app's proxy route ${route}`;
  const evidence = [`${reached} (${via.file}:${via.line}), which sends the posted body as the ${base.method} request`];

  const modelNode = property('model');
  let model: ModelRef = { id: null, raw: passedOn ? `${passedOn}.model` : '', source: 'dynamic' };
  if (modelNode) {
    const read = readModel(modelNode, modules);
    model = read.ref;
    evidence.push(`model: ${shorten(modelNode.getText())}`, ...read.evidence);
  } else if (invokes && !passedOn) {
    // An edge function reads the model from the body with its own default (`const { model = 'deepseek-chat' } = await req.json()`).
    model = base.model;
    evidence.push(`model: none posted; the edge function's own (${base.model.id ?? 'not known'})`);
  }

  const input = property('input', 'messages', 'prompt');
  let messages: PromptMessage[] = [];
  let vision = false;
  if (input) {
    const value = unwrapExpression(input);
    if (isStringLike(value)) {
      const text = resolvePromptText(value, modules);
      messages = [{ role: 'user', text: text.text, holes: text.holes }];
    } else {
      const resolved = resolveMessages(input, modules);
      messages = resolved.messages;
      vision = resolved.hasImage;
    }
  } else if (passedOn) {
    messages = [runTimeTurn(`${passedOn}.input`, 'message-array')];
  }
  const instructions = property('instructions', 'system');
  if (instructions) {
    const text = resolvePromptText(instructions, modules);
    messages = [{ role: 'system', text: text.text, holes: text.holes }, ...messages];
  }

  const tools = property('tools');
  const toolNames = tools ? readToolNames(tools, modules) : passedOn ? [`{{${passedOn}.tools}}`] : [];
  const format = getObjectProperty(resolveObjectLiteral(property('text'), modules), 'format', modules) ?? property('response_format');
  const stream = property('stream');
  const caller: DetectedCall = {
    ...base,
    file,
    ...callSpan(fetch.call),
    // `fetch /api/chat` (`appCheckFetch RESPONSES_URL` through the app's wrapper of fetch), or `supabase.functions.invoke deepseek`
    // for an edge function the app invokes by name.
    method: `${fetch.call.getExpression().getText()} ${route}`,
    model,
    messages,
    toolNames,
    features: { ...base.features, tools: tools !== undefined, vision, structuredOutput: format !== undefined, streaming: stream !== undefined && stream.getKind() === SyntaxKind.TrueKeyword },
    maxOutputTokens: resolveNumber(property('max_output_tokens', 'max_tokens', 'max_completion_tokens'), modules),
    enclosingFunction: enclosingFunctionName(fetch.call),
    evidence: [...evidence, ...base.evidence],
    kind: 'wrapper-caller',
    via,
  };
  setExportedFunction(caller, fetch.call);
  // What the page names the route's answer, not what the route names the model's.
  delete caller.replyName;
  Object.assign(caller, replyNameField(fetch.call));
  delete caller.steps;
  delete caller.structuredOutputName;
  delete caller.structuredOutputShape;
  delete caller.annotation;
  delete caller.annotationComment;
  delete caller.production;
  delete caller.nonProductionReason;
  delete caller.alternativeGroup;
  markCutOffContinuation(caller, fetch.call);
  const comment = annotationComment(fetch.call);
  if (comment) caller.annotationComment = comment;
  return caller;
}

/**
 * The helper's model when it comes from a parameter's default (`model = getModel('gpt-4o-mini')`,
 * `retryModel = ...`, each a candidate whose place is that default): for this caller, what it passes for each such
 * parameter (resolved through the workspace functions and provider factories it calls) or the default it leaves in
 * place, in the helper's order. Candidates other callers pass are not this caller's and are left out; the helper's
 * own values (in its body) stay. Undefined when the model comes from no parameter default or the caller passes none.
 */
function modelForCaller(fn: Node, helperModel: ModelRef, bindings: Map<string, Node>, modules: ModuleLoader, passedOn: ReadonlyMap<string, string>): { ref: ModelRef; passed: boolean; value?: Node } | undefined {
  const candidates = helperModel.candidates;
  if (!candidates || candidates.length === 0 || !(Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return undefined;
  // Each parameter default that stands for one of the candidates (`model = getModel('gpt-4o-mini')`), by the ids it gives.
  const defaults: Array<{ name: string; ids: Set<string> }> = [];
  for (const parameter of fn.getParameters()) {
    const nameNode = parameter.getNameNode();
    const elements = Node.isObjectBindingPattern(nameNode) ? nameNode.getElements() : [parameter];
    for (const element of elements) {
      const initializer = element.getInitializer();
      const ids = initializer ? new Set(passedModelIds(initializer, modules).map((candidate) => candidate.id)) : new Set<string>();
      if (candidates.some((candidate) => ids.has(candidate.id))) defaults.push({ name: element.getName(), ids });
    }
  }
  if (defaults.length === 0) return undefined;
  const parameterOf = (candidate: ModelCandidate): string | undefined => defaults.find((entry) => entry.ids.has(candidate.id))?.name;
  const file = fn.getSourceFile();
  const inHelper = (where: string): boolean => {
    const at = /^(.*):(\d+)$/.exec(where);
    return !!at && at[1] === modules.relativePath(file.getFilePath()) && Number(at[2]) >= fn.getStartLineNumber() && Number(at[2]) <= fn.getEndLineNumber();
  };
  const result: ModelCandidate[] = [];
  let passedAny = false;
  let firstValue: Node | undefined;
  let handedOn = false;
  const raws: string[] = [];
  for (const candidate of candidates) {
    const parameter = parameterOf(candidate);
    const value = parameter !== undefined ? bindings.get(parameter) : undefined;
    if (parameter !== undefined && value && !isDefaultOf(value)) {
      const passed = passedModelIds(value, modules);
      if (passed.length > 0) {
        passedAny = true;
        firstValue ??= value;
        raws.push(`${parameter}: ${shorten(value.getText())}`);
        result.push(...passed);
        continue;
      }
    }
    // Left to the default here, but handed on in a spread options object its own callers may fill (`...options`).
    const path = parameter !== undefined && (!value || isDefaultOf(value)) ? passedOn.get(parameter) : undefined;
    if (path !== undefined && !raws.some((raw) => raw.startsWith(`${parameter}: `))) {
      handedOn = true;
      raws.push(`${parameter}: ${path}`);
    }
    if (parameter !== undefined || inHelper(candidate.where)) result.push(candidate);
  }
  if (!passedAny && !handedOn) return undefined;
  const ref = refOfCandidates(result, raws);
  return ref && { ref, passed: passedAny, ...(firstValue ? { value: firstValue } : {}) };
}

/** The model of candidates in order, each id once (the first is the model), with `raws` saying what the caller passes; undefined for none. */
function refOfCandidates(candidates: readonly ModelCandidate[], raws: readonly string[]): ModelRef | undefined {
  const unique = candidates.filter((candidate, index) => candidates.findIndex((other) => other.id === candidate.id) === index);
  if (unique.length === 0) return undefined;
  const [first] = unique;
  const ref: ModelRef = { id: first.id, raw: raws.join(', '), source: first.source };
  if (unique.length > 1) ref.candidates = unique;
  return ref;
}

/** `model: options.model` entries of a helper's model raw: a model parameter handed on in a spread options object. */
const HANDED_ON_ENTRY = /(?:^|,\s*)([\w$]+): ([\w$]+(?:\.[\w$]+)+)(?=,|$)/g;

/**
 * The caller of a helper that hands its options object on (`extract({ extractOptions })` where the helper
 * calls `generate({ ...extractOptions, schema })`): the models the caller puts in that object for each model
 * parameter the helper's request leaves to its default (named `model: extractOptions.model` in the helper's
 * model), the caller's first; the defaults stay as candidates when some parameter is not passed. Undefined
 * when the caller passes none.
 */
function modelHandedOn(helperModel: ModelRef, bound: (expression: string) => Node | undefined, modules: ModuleLoader): ModelRef | undefined {
  const passed: ModelCandidate[] = [];
  const raws: string[] = [];
  let every = true;
  for (const [, parameter, path] of helperModel.raw.matchAll(HANDED_ON_ENTRY)) {
    const value = bound(path);
    const ids = value && !isDefaultOf(value) ? passedModelIds(value, modules) : [];
    if (ids.length === 0) {
      every = false;
      continue;
    }
    passed.push(...ids);
    raws.push(`${parameter}: ${shorten(value!.getText())}`);
  }
  if (passed.length === 0) return undefined;
  const defaults = every ? [] : helperModel.candidates ?? [];
  return refOfCandidates([...passed, ...defaults], raws);
}

/**
 * The model ids a value the caller passes stands for: its candidates, else through the workspace function it
 * calls (`getModel('gpt-4o', 'openai')`, with the arguments bound) down to the provider factory that takes the id
 * (`openai(name)`, `providers[provider](name)`): that factory's first argument. Bounded in depth.
 */
function passedModelIds(value: Node, modules: ModuleLoader, depth = 0): ModelCandidate[] {
  const direct = modelCandidates(value, modules).candidates.filter((candidate) => looksLikeModelId(candidate.id));
  if (direct.length > 0 || depth > MAX_PASSED_VALUE_DEPTH) return direct;
  const node = variableValue(value, modules);
  if (!node) return [];
  if (Node.isConditionalExpression(node)) return likelyBranches(node, modules).flatMap((branch) => passedModelIds(branch, modules, depth + 1));
  const entries = registryEntries(node, modules)?.values;
  if (entries) return entries.flatMap((entry) => passedModelIds(entry, modules, depth + 1));
  if (!Node.isCallExpression(node)) return [];
  const entered = enterCall(node, modules);
  if (entered) {
    try {
      return entered.returns.flatMap((returned) => passedModelIds(returned, modules, depth + 1));
    } finally {
      entered.release();
    }
  }
  const [first] = node.getArguments();
  return first ? modelCandidates(first, modules).candidates.filter((candidate) => looksLikeModelId(candidate.id)) : [];
}

/** The value a caller passes for the helper's model: the argument bound to it, else the first entry of the options it hands on. */
function modelValueFromCaller(helperModel: ModelRef, bound: (expression: string) => Node | undefined): Node | undefined {
  const [left] = helperModel.raw.split(/\s*(?:\?\?|\|\|)\s*/, 2);
  const direct = bound(helperModel.raw) ?? bound(left);
  if (direct && !isDefaultOf(direct)) return direct;
  for (const [, , path] of helperModel.raw.matchAll(HANDED_ON_ENTRY)) {
    const value = bound(path);
    if (value && !isDefaultOf(value)) return value;
  }
  return undefined;
}

/**
 * Who serves an AI SDK model object a caller passes (`getModel('gemini-2.5-pro', 'vertex')`, `openai('gpt-4o')`): the
 * provider package of the factory that makes it, followed through variables, the likely branch and workspace functions
 * (with the arguments bound) as `passedModelIds` follows the id. Undefined when not traced to a provider package.
 */
function passedModelProvider(value: Node, modules: ModuleLoader, depth = 0): string | undefined {
  if (depth > MAX_PASSED_VALUE_DEPTH) return undefined;
  const node = variableValue(value, modules);
  if (!node) return undefined;
  if (Node.isConditionalExpression(node)) return passedModelProvider(likelyBranches(node, modules)[0] ?? node.getWhenTrue(), modules, depth + 1);
  const entries = registryEntries(node, modules)?.values;
  if (entries) return passedModelProvider(entries[0], modules, depth + 1);
  if (!Node.isCallExpression(node)) return undefined;
  // `openai.chat('gpt-4o')`, `vertex.languageModel(id)`: the factory the method belongs to, as the AI SDK analyzer reads it.
  const callee = node.getExpression();
  const made = aiSdkFactoryProvider(Node.isPropertyAccessExpression(callee) ? callee.getExpression() : callee, modules, []);
  if (made) return made;
  const entered = enterCall(node, modules);
  if (!entered) return undefined;
  try {
    for (const returned of entered.returns) {
      const provider = passedModelProvider(returned, modules, depth + 1);
      if (provider) return provider;
    }
  } finally {
    entered.release();
  }
  return undefined;
}

/** How far a value a caller passes is followed (variables, branches, workspace functions) for its model or provider. */
const MAX_PASSED_VALUE_DEPTH = 4;

/**
 * Where request options ask for structured output: OpenAI's `response_format`, the Responses API's `text.format`, Gemini's
 * `generationConfig.responseSchema` or a JSON `responseMimeType`. Undefined when they do not.
 */
function structuredOutputSetting(options: Node, modules: ModuleLoader): string | undefined {
  const object = resolveObjectLiteral(options, modules);
  if (!object) return undefined;
  if (getObjectProperty(object, 'response_format', modules)) return 'response_format';
  if (getObjectProperty(getObjectProperty(object, 'text', modules), 'format', modules)) return 'text.format';
  const generation = getObjectProperty(object, 'generationConfig', modules) ?? getObjectProperty(object, 'generation_config', modules);
  if (getObjectProperty(generation, 'responseSchema', modules) ?? getObjectProperty(generation, 'response_schema', modules)) return 'generationConfig.responseSchema';
  const mimeType = getObjectProperty(generation, 'responseMimeType', modules) ?? getObjectProperty(generation, 'response_mime_type', modules);
  return mimeType && /application\/json/.test(mimeType.getText()) ? 'generationConfig.responseMimeType (JSON)' : undefined;
}

/** The object a serialized value was made from (`JSON.stringify({ ... })`, also held in a local), or undefined for anything else. */
function serializedObject(value: Node, modules: ModuleLoader): Node | undefined {
  const made = variableValue(value, modules);
  return made && isSerializerCall(made) ? made.getArguments()[0] : undefined;
}

/** A passed value through the variables holding it (`const model = getModel(...)`); undefined at a variable with no initializer. */
function variableValue(value: Node, modules: ModuleLoader): Node | undefined {
  let node = unwrapExpression(value);
  for (let hops = 0; Node.isIdentifier(node) && hops < MAX_PASSED_VALUE_DEPTH; hops++) {
    const declaration = findDeclaration(node, modules);
    const initializer = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
    if (!initializer) return undefined;
    node = unwrapExpression(initializer);
  }
  return node;
}

/** Whether a bound value is a parameter's default (the caller left the argument out). */
function isDefaultOf(value: Node): boolean {
  const parent = value.getParent();
  return !!parent && (Node.isParameterDeclaration(parent) || Node.isBindingElement(parent)) && parent.getInitializer() === value;
}

/**
 * Whether an aliased specifier can name a workspace file: its path after the alias is a tail of
 * the file's path (without extension, or its folder for an index file). Aliases are not resolved
 * from tsconfig, so this is a match on the path, not a resolution.
 */
export function aliasMayName(specifier: string, relativePath: string): boolean {
  return aliasMatcher(specifier)(relativePath);
}

/**
 * `aliasMayName` against many files at once, for the caller search's candidates (every alias specifier of a
 * monorepo against every helper module): the folders and path tails of the files are collected once, so each
 * specifier costs one lookup instead of a test per file, with the same answers.
 */
export function aliasMayNameAny(relativePaths: readonly string[]): (specifier: string) => boolean {
  const folders = new Set<string>();
  const slashedTails = new Set<string>();
  for (const relativePath of relativePaths) {
    const segments = relativePath.split('/');
    for (let index = 0; index < segments.length - 1; index++) folders.add(segments[index]);
    for (const candidate of formsOf(relativePath).tails) {
      for (let slash = candidate.indexOf('/'); slash !== -1; slash = candidate.indexOf('/', slash + 1)) slashedTails.add(candidate.slice(slash));
    }
  }
  const answers = new Map<string, boolean>();
  return (specifier) => {
    let answer = answers.get(specifier);
    if (answer === undefined) {
      const scoped = SCOPED_SPECIFIER.exec(specifier);
      answer = scoped ? folders.has(scoped[1]) || scopedAliasTails(specifier).some((tail) => slashedTails.has(`/${tail}`)) : aliasTails(specifier).some((tail) => slashedTails.has(`/${tail}`));
      answers.set(specifier, answer);
    }
    return answer;
  };
}

/** `@org/documents/...`: the package's folder name. */
const SCOPED_SPECIFIER = /^@[\w.-]+\/([\w.-]+)/;

/**
 * A scoped specifier read as a tsconfig alias instead (`@llm/llm.provider` with `"@llm/*": ["src/modules/llm/*"]`): the
 * path after its first segment, which names a file whose path ends so.
 */
function scopedAliasTails(specifier: string): string[] {
  const withoutExtension = specifier.replace(/\.(?:m|c)?[jt]sx?$/, '');
  return [withoutExtension.slice(withoutExtension.indexOf('/') + 1)].filter((tail) => tail !== '');
}


/**
 * The paths an alias specifier may name after its alias (`~/lib/llm.ts` → `lib/llm`). A bare path names itself whole
 * (`src/services/llm`, a tsconfig's `baseUrl` resolving it), so a package's subpath (`next/server`) names only a file
 * whose path ends so; or, past its first segment, a path a named alias maps (`app/services/agent/agentService.js`
 * with `"app/*": ["src/*"]`), when two segments or more are left (a package's one-segment subpath names no file).
 */
function aliasTails(specifier: string): string[] {
  const withoutExtension = specifier.replace(/\.(?:m|c)?[jt]sx?$/, '');
  if (PATH_ALIAS.test(specifier)) return [withoutExtension.slice(withoutExtension.indexOf('/') + 1)].filter((tail) => tail !== '');
  const pastAlias = withoutExtension.slice(withoutExtension.indexOf('/') + 1);
  return pastAlias.includes('/') ? [withoutExtension, pastAlias] : [withoutExtension];
}

/** Matchers by specifier and path forms by file: the caller search asks about every specifier against every helper file. */
const aliasMatchers = new Map<string, (relativePath: string) => boolean>();
const pathForms = new Map<string, { slashed: string; tails: [string, string] }>();

function aliasMatcher(specifier: string): (relativePath: string) => boolean {
  let matcher = aliasMatchers.get(specifier);
  if (matcher) return matcher;
  // A scoped package (`@org/documents/embed`) may be the workspace's `…/documents/` package: a file in a
  // folder of that name may be its module (the analyzer then resolves the import by package.json).
  const scoped = SCOPED_SPECIFIER.exec(specifier);
  if (scoped) {
    const folder = `/${scoped[1]}/`;
    const endings = scopedAliasTails(specifier).map((tail) => `/${tail}`);
    matcher = (relativePath) => formsOf(relativePath).slashed.includes(folder) || formsOf(relativePath).tails.some((candidate) => endings.some((ending) => candidate.endsWith(ending)));
  } else {
    const endings = aliasTails(specifier).map((tail) => `/${tail}`);
    matcher = (relativePath) => formsOf(relativePath).tails.some((candidate) => endings.some((ending) => candidate.endsWith(ending)));
  }
  aliasMatchers.set(specifier, matcher);
  return matcher;
}

/** A file's path with a leading slash, and its tails an alias may end in: without extension, and its folder for an index file. */
function formsOf(relativePath: string): { slashed: string; tails: [string, string] } {
  let forms = pathForms.get(relativePath);
  if (!forms) {
    const withoutExtension = relativePath.replace(/\.(?:m|c)?[jt]sx?$/, '');
    forms = { slashed: `/${relativePath}`, tails: [`/${withoutExtension}`, `/${withoutExtension.replace(/\/index$/, '')}`] };
    pathForms.set(relativePath, forms);
  }
  return forms;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/** A caller site's own exported function (see exportNamedNowhereElse), never the helper's it was copied from. */
function setExportedFunction(caller: DetectedCall, site: Node): void {
  const exported = exportNamedNowhereElse(site);
  if (exported) caller.exportedFunction = exported;
  else delete caller.exportedFunction;
}
