import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, MessageRole, ModelRef, PromptHole, PromptMessage } from '../model/types';
import { IN_PROCESS_PROVIDER } from '../model/vocabulary';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveClientOrigin } from './shared/clients';
import { embeddedTextTurn, forcedToolName, holeKindFromName, resolveRole, resolveContentParts, resolvePromptText } from './shared/prompt';
import { assignedValues, findDeclaration, firstProperty, getObjectProperty, heldBy, initializerOf, placeOf, resolveNumber, resolveObjectLiteral, resolveString, returnsOf, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, fieldTypeBinding, heldTypeBinding, importBindingOf, isTrueLiteral, parameterTypeBinding, providerFromOptions, readModel, readToolNames, standsForPackageType, traceValue } from './shared/sdk';
import { declaredReturnType, functionOf } from './shared/shapes';
import { LANGCHAIN_PACKAGE, STORE_METHODS, storeCreation } from './shared/langchainLibrary';

/**
 * LangChain.js: a model object (`new ChatOpenAI({ model })`) sends nothing until it is invoked.
 * The request is `invoke/stream/batch/...` on the model itself, on a model decorated with
 * `withStructuredOutput`/`bindTools`, or on a chain that contains it (`prompt.pipe(model)`,
 * `RunnableSequence.from([...])`, `new LLMChain({ llm })`, `createReactAgent({ llm })`).
 * The call site is that invoke, with the model's provider and id.
 */
const MODEL_CLASSES: Readonly<Record<string, { provider: string; endpoint: Endpoint }>> = {
  ChatOpenAI: { provider: 'openai', endpoint: 'chat' },
  OpenAI: { provider: 'openai', endpoint: 'completion' },
  // The older `langchain/llms/openai` class for OpenAI's chat models, used as an LLM.
  OpenAIChat: { provider: 'openai', endpoint: 'chat' },
  AzureChatOpenAI: { provider: 'azure-openai', endpoint: 'chat' },
  AzureOpenAI: { provider: 'azure-openai', endpoint: 'completion' },
  ChatAnthropic: { provider: 'anthropic', endpoint: 'chat' },
  ChatGoogleGenerativeAI: { provider: 'google', endpoint: 'chat' },
  ChatVertexAI: { provider: 'google-vertex', endpoint: 'chat' },
  ChatBedrockConverse: { provider: 'aws-bedrock', endpoint: 'chat' },
  BedrockChat: { provider: 'aws-bedrock', endpoint: 'chat' },
  Bedrock: { provider: 'aws-bedrock', endpoint: 'completion' },
  ChatMistralAI: { provider: 'mistral', endpoint: 'chat' },
  ChatGroq: { provider: 'groq', endpoint: 'chat' },
  ChatOllama: { provider: 'ollama', endpoint: 'chat' },
  Ollama: { provider: 'ollama', endpoint: 'completion' },
  ChatTogetherAI: { provider: 'together', endpoint: 'chat' },
  ChatFireworks: { provider: 'fireworks', endpoint: 'chat' },
  ChatCohere: { provider: 'cohere', endpoint: 'chat' },
  ChatDeepSeek: { provider: 'deepseek', endpoint: 'chat' },
  ChatXAI: { provider: 'xai', endpoint: 'chat' },
  ChatCerebras: { provider: 'cerebras', endpoint: 'chat' },
  // Text-completion LLMs hosted elsewhere (`langchain/llms/replicate`, `@langchain/community/llms/hf`).
  Replicate: { provider: 'replicate', endpoint: 'completion' },
  HuggingFaceInference: { provider: 'huggingface', endpoint: 'completion' },
  OpenAIEmbeddings: { provider: 'openai', endpoint: 'embedding' },
  AzureOpenAIEmbeddings: { provider: 'azure-openai', endpoint: 'embedding' },
  GoogleGenerativeAIEmbeddings: { provider: 'google', endpoint: 'embedding' },
  VertexAIEmbeddings: { provider: 'google-vertex', endpoint: 'embedding' },
  BedrockEmbeddings: { provider: 'aws-bedrock', endpoint: 'embedding' },
  MistralAIEmbeddings: { provider: 'mistral', endpoint: 'embedding' },
  OllamaEmbeddings: { provider: 'ollama', endpoint: 'embedding' },
  CohereEmbeddings: { provider: 'cohere', endpoint: 'embedding' },
  TogetherAIEmbeddings: { provider: 'together', endpoint: 'embedding' },
  VoyageEmbeddings: { provider: 'voyage', endpoint: 'embedding' },
  JinaEmbeddings: { provider: 'jina', endpoint: 'embedding' },
  FireworksEmbeddings: { provider: 'fireworks', endpoint: 'embedding' },
  DeepInfraEmbeddings: { provider: 'deepinfra', endpoint: 'embedding' },
  HuggingFaceInferenceEmbeddings: { provider: 'huggingface', endpoint: 'embedding' },
  NomicEmbeddings: { provider: 'nomic', endpoint: 'embedding' },
  // transformers.js run by the app itself (`@langchain/community/embeddings/hf_transformers`), in Node or the browser.
  HuggingFaceTransformersEmbeddings: { provider: IN_PROCESS_PROVIDER, endpoint: 'embedding' },
  // A LangChain tool over OpenAI's images endpoint: `dalle.invoke(prompt)` generates an image.
  DallEAPIWrapper: { provider: 'openai', endpoint: 'image-generation' },
};

/** LangChain's model and embeddings interfaces (`@langchain/core`), which any provider's class implements, by the endpoint they stand for. */
const BASE_MODEL_TYPES: Readonly<Record<string, Endpoint>> = {
  BaseLanguageModel: 'chat',
  BaseLanguageModelInterface: 'chat',
  BaseChatModel: 'chat',
  LanguageModelLike: 'chat',
  BaseLLM: 'completion',
  Embeddings: 'embedding',
  EmbeddingsInterface: 'embedding',
};

/**
 * The model a LangChain class sends when the code names none, from the library's own source (a fact about the
 * library, like the method tables here; pricing data stays in data/catalog). OpenAIEmbeddings: `modelName =
 * "text-embedding-ada-002"` in langchain-ai/langchainjs libs/langchain-openai/src/embeddings.ts (51fedb6a, read
 * 2026-12-03; the older `langchain/embeddings/openai` re-exported the same class). DallEAPIWrapper: `modelName`
 * "dall-e-3" in the published @langchain/openai dist/tools/dalle.js (read 2026-12-03).
 */
const LIBRARY_DEFAULT_MODELS: Readonly<Record<string, string>> = { OpenAIEmbeddings: 'text-embedding-ada-002', DallEAPIWrapper: 'dall-e-3' };

/** A runnable given no model option: says the library default applies, and returns it where the class's default is known. */
function libraryDefaultModel(runnable: Runnable, evidence: string[]): ModelRef | undefined {
  const id = LIBRARY_DEFAULT_MODELS[runnable.className];
  evidence.push(`no model option on ${runnable.className}: the library default applies${id ? ` (${id}, LangChain's default for the class)` : ''}`);
  return id ? { id, raw: '', source: 'default-param' } : undefined;
}

/** Runnable methods that send a request. */
const REQUEST_METHODS: Readonly<Record<string, { streaming?: boolean; embedding?: boolean }>> = {
  invoke: {},
  stream: { streaming: true },
  streamEvents: { streaming: true },
  streamLog: { streaming: true },
  batch: {},
  call: {},
  // LangChain's chains implement `_call`; an app calling it from outside (`chain._call({ objective, task })`) runs the chain.
  _call: {},
  predict: {},
  predictMessages: {},
  generate: {},
  embedQuery: { embedding: true },
  embedDocuments: { embedding: true },
};

/** Runnable decorators that keep the model and add behaviour. */
const DECORATORS = new Set(['withStructuredOutput', 'bindTools', 'bind', 'withConfig', 'withRetry', 'withFallbacks', 'withListeners', 'asTool']);

const MAX_DEPTH = 10;

/** A LangChain vector store class: from a `vectorstores` module or a store package, or named like one. */
const STORE_PACKAGE = /vectorstores|^@langchain\/(?:pinecone|qdrant|weaviate|mongodb|redis|exa|cloudflare|azure-cosmosdb)$/;
const STORE_CLASS = /(?:VectorStore|Store|VectorSearch)$|^(?:Chroma|HNSWLib|Milvus|Faiss|LanceDB|PGVector)/;

const analyzeCalls = eachCall((call, context) => analyzeCall(call, context) ?? analyzeStoreCall(call, context), (name) => name in REQUEST_METHODS || name in STORE_METHODS || RETRIEVER_RUNS.has(name));

export const langchainAnalyzer: Analyzer = {
  id: 'langchain',
  packages: [LANGCHAIN_PACKAGE],
  // A chain made over a vector store (`VectorDBQAChain.fromLLM(model, store)`) makes two requests where it runs: the
  // model's answer (read with the other calls) and the query's embedding (read here).
  analyze: (context) => {
    const found = analyzeCalls(context);
    return context.sourceFile.getFullText().includes('.fromLLM(') ? [...found, ...chainQueryEmbeddings(context)] : found;
  },
};

/** LangChain's chain classes made from a model and a store or retriever with `fromLLM` (`VectorDBQAChain`, `RetrievalQAChain`, `ConversationalRetrievalQAChain`). */
const CHAIN_FACTORY = 'fromLLM';

/** Where a held `fromLLM` chain runs: the runnable methods its const is called with in the const's scope. */
function runsOfHeldChain(chainFactoryCall: CallExpression): CallExpression[] {
  return methodCallsOfHeld(chainFactoryCall, (name) => Object.hasOwn(REQUEST_METHODS, name) && !REQUEST_METHODS[name].embedding);
}

/** The calls of methods `accepts` names on the `const` this value is held by (`const chain = ...; chain.call(...)`), in the const's scope. */
function methodCallsOfHeld(value: CallExpression, accepts: (name: string) => boolean): CallExpression[] {
  const held = heldBy(value, true);
  return (held?.scope.getDescendantsOfKind(SyntaxKind.CallExpression) ?? []).filter((call) => {
    const callee = call.getExpression();
    return Node.isPropertyAccessExpression(callee) && accepts(callee.getName()) && unwrapExpression(callee.getExpression()).getText() === held!.name;
  });
}

/** `X.fromLLM(...)` of a class from a LangChain package. */
function isChainFactory(call: CallExpression, context: AnalyzerContext): boolean {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== CHAIN_FACTORY) return false;
  const owner = unwrapExpression(callee.getExpression());
  const binding = Node.isIdentifier(owner) ? importBindingOf(owner, context.modules) : undefined;
  return binding !== undefined && LANGCHAIN_PACKAGE.test(binding.packageName);
}

/**
 * The store-opening call a `fromLLM` chain is handed (`fromLLM(model, vectorStore)` with `const vectorStore = await
 * PineconeStore.fromExistingIndex(embeddings, ...)`), or `store.asRetriever()` of one: the store that embeds the chain's queries.
 */
function chainStoreOpening(chainFactoryCall: CallExpression, context: AnalyzerContext): CallExpression | undefined {
  let store = chainFactoryCall.getArguments()[1] && traceValue(chainFactoryCall.getArguments()[1], context.modules);
  if (store && Node.isAwaitExpression(store)) store = unwrapExpression(store.getExpression());
  const storeCallee = store && Node.isCallExpression(store) ? store.getExpression() : undefined;
  if (storeCallee && Node.isPropertyAccessExpression(storeCallee) && storeCallee.getName() === 'asRetriever') store = traceValue(storeCallee.getExpression(), context.modules);
  if (store && Node.isAwaitExpression(store)) store = unwrapExpression(store.getExpression());
  const opening = store && Node.isCallExpression(store) ? store : undefined;
  const openingCallee = opening?.getExpression();
  return opening && openingCallee && Node.isPropertyAccessExpression(openingCallee) && STORE_METHODS[openingCallee.getName()]?.embeds === 'queries' && openingCallee.getName().startsWith('from') ? opening : undefined;
}

/** The query embeddings of the `fromLLM` chains this file makes over a store it opens and runs: one at each run. */
function chainQueryEmbeddings(context: AnalyzerContext): DetectedCall[] {
  const found: DetectedCall[] = [];
  for (const factoryCall of context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (!isChainFactory(factoryCall, context)) continue;
    const opening = chainStoreOpening(factoryCall, context);
    if (!opening) continue;
    for (const run of runsOfHeldChain(factoryCall)) {
      const detected = analyzeStoreMethod(opening, context, run, 'chain');
      if (detected) found.push(detected);
    }
  }
  return found;
}

/** Whether the store this factory opens is handed to a `fromLLM` chain that runs where the code holds it: the runs are the query embeddings' sites. */
function openedForRunChain(opening: CallExpression, context: AnalyzerContext): boolean {
  const held = heldBy(opening, true);
  if (!held) return false;
  return held.scope.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => isChainFactory(call, context) && chainStoreOpening(call, context) === opening && runsOfHeldChain(call).length > 0);
}

/** What a runnable resolves to: the model inside it, the prompt templates before it, and what decorators added. */
interface Runnable {
  className: string;
  provider: string;
  endpoint: Endpoint;
  modelOptions: Node | undefined;
  /** For `initChatModel('openai:gpt-4o')`: the model id node. */
  modelId?: Node;
  templates: Node[];
  structured: boolean;
  structuredName?: string;
  tools: Node[];
  /** `bindTools(tools, { tool_choice })`: the option node, read once the tool names are known. */
  toolChoice?: Node;
  agentTools: boolean;
  evidence: string[];
  /**
   * The model is the app's own class (appModelClass). Run on its own (`model.invoke(...)`), the wrapper-caller search
   * reads the request its `_generate` makes, with its provider and model; only a chain or pipe it ends is read here.
   */
  appClass?: boolean;
}

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  if (!Object.hasOwn(REQUEST_METHODS, callee.getName())) return undefined;
  const method = REQUEST_METHODS[callee.getName()];
  if (!method) return undefined;
  requestBeingAnalyzed = call;
  let runnable: Runnable | undefined;
  try {
    runnable = findRunnable(callee.getExpression(), context, 0) ?? (FACTORY_RUN_METHODS.has(callee.getName()) ? modelPassedToFactory(callee.getExpression(), context, (found) => found.endpoint !== 'embedding') : undefined);
  } finally {
    requestBeingAnalyzed = undefined;
  }
  if (!runnable) return undefined;
  if (runnable.appClass && Node.isNewExpression(traceValue(callee.getExpression(), context.modules))) return undefined;
  if (Boolean(method.embedding) !== (runnable.endpoint === 'embedding')) return undefined;

  const evidence = [...runnable.evidence];
  const options = resolveObjectLiteral(runnable.modelOptions, context.modules);
  const modelNode = runnable.modelId ?? firstProperty(options, ['model', 'modelName', 'azureOpenAIApiDeploymentName', 'deploymentName', 'modelId'], context.modules);
  const model = readModel(modelNode, context.modules);
  let modelRef = modelNode ? model.ref : libraryDefaultModel(runnable, evidence) ?? model.ref;
  let provider = runnable.provider;
  if (runnable.modelId && model.ref.id?.includes(':')) {
    const [prefix, ...rest] = model.ref.id.split(':');
    provider = PROVIDER_PREFIX[prefix] ?? prefix;
    modelRef = { ...model.ref, id: rest.join(':') };
  }
  evidence.push(...model.evidence);
  if (provider === 'unknown' && runnable.className === 'initChatModel' && modelRef.id) {
    const inferred = INFERRED_PROVIDERS.find(([prefix]) => prefix.test(modelRef.id!.toLowerCase()))?.[1];
    if (inferred) {
      provider = inferred;
      evidence.push(`initChatModel without a provider infers it from the model name, as LangChain does: ${modelRef.id} → ${inferred}${modelRef.candidates ? ' (the first candidate\'s; another pick is served by its own provider)' : ''}`);
    }
  }
  provider = providerFromOptions(getObjectProperty(options, 'configuration', context.modules) ?? getObjectProperty(options, 'clientOptions', context.modules), context.modules, evidence) ?? provider;

  const { messages, hasImage } = readInput(call, runnable, method.embedding === true, context);
  const toolNames = runnable.tools.flatMap((tools) => readToolNames(tools, context.modules));
  const forcedTool = forcedToolName(runnable.toolChoice, toolNames, context.modules);
  if (forcedTool) evidence.push(`tool_choice forces the tool \`${forcedTool}\`: its arguments are the answer (structured output)`);
  return toDetectedCall(call, context, {
    provider,
    sdk: 'langchain',
    method: callee.getName(),
    endpoint: runnable.endpoint,
    model: modelRef,
    messages,
    maxOutputTokens: resolveNumber(firstProperty(options, ['maxTokens', 'maxOutputTokens', 'maxCompletionTokens', 'numPredict', 'max_tokens'], context.modules), context.modules),
    features: {
      streaming: Boolean(method.streaming) || isTrueLiteral(getObjectProperty(options, 'streaming', context.modules)),
      tools: runnable.tools.length > 0 || runnable.agentTools,
      vision: hasImage,
      structuredOutput: runnable.structured || forcedTool !== undefined,
    },
    toolNames,
    structuredOutputName: runnable.structuredName ?? forcedTool,
    forcedTool,
    evidence,
  });
}

/**
 * `PineconeStore.fromExistingIndex(embeddings, ...)`, `store.asRetriever()`, `store.addDocuments(docs)`: reported with the store's
 * embeddings model. A retriever the code runs itself (`await retriever.invoke(question)`) is reported at each run instead.
 */
function analyzeStoreCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  if (RETRIEVER_RUNS.has(callee.getName())) {
    const made = traceValue(callee.getExpression(), context.modules);
    const madeCallee = Node.isCallExpression(made) ? made.getExpression() : undefined;
    if (!Node.isCallExpression(made) || !madeCallee || !Node.isPropertyAccessExpression(madeCallee) || madeCallee.getName() !== 'asRetriever' || !runsOfHeldRetriever(made).includes(call)) return undefined;
    return analyzeStoreMethod(made, context, call);
  }
  return analyzeStoreMethod(call, context);
}

/** LangChain's store interfaces: a value so declared is whichever store the app hands in, with its own embeddings. */
const STORE_INTERFACES = new Set(['VectorStore', 'VectorStoreInterface', 'SaveableVectorStore']);

/**
 * `this.vectorStore.similaritySearch(query, 3)` (or `addDocuments(docs)`) on a field or parameter declared as a LangChain vector
 * store (`private vectorStore: VectorStore`, a store class): the store embeds the query or the documents with the embeddings
 * model it was made with, which the code here does not say. Retrievers it hands out are left to where they run.
 */
function handedStoreCall(call: CallExpression, name: string, receiver: Node, context: AnalyzerContext): DetectedCall | undefined {
  if (name === 'asRetriever') return undefined;
  const declared = parameterTypeBinding(receiver, context.modules) ?? fieldTypeBinding(receiver, context.modules) ?? heldTypeBinding(receiver, context.modules);
  if (!declared || !LANGCHAIN_PACKAGE.test(declared.packageName) || !(STORE_INTERFACES.has(declared.typeName) || (STORE_PACKAGE.test(declared.packageName) && STORE_CLASS.test(declared.typeName)))) return undefined;
  const embeds = STORE_METHODS[name].embeds;
  const argument = call.getArguments()[0];
  const expression = (argument?.getText() ?? (embeds === 'documents' ? 'documents' : 'query')).slice(0, 60);
  return toDetectedCall(call, context, {
    provider: 'unknown',
    sdk: 'langchain',
    method: name,
    endpoint: 'embedding',
    model: { id: null, raw: '', source: 'dynamic' },
    messages: [embeddedTextTurn(expression, embeds)],
    maxOutputTokens: null,
    features: { streaming: false, tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence: [`\`${receiver.getText().slice(0, 40)}\` is declared ${declared.typeName} from '${declared.packageName}': the store the app hands in embeds ${embeds === 'documents' ? 'the documents it stores' : 'each query it searches'} with its own embeddings model, which the code here does not say`],
  });
}

/** What runs a retriever, embedding the query right there: `await retriever.invoke(question)` (earlier `getRelevantDocuments`). */
const RETRIEVER_RUNS = new Set(['invoke', 'getRelevantDocuments']);

/**
 * The runs (`retriever.invoke(q)`) of the retriever a `const` holds from this `asRetriever()` call, in the const's scope, when
 * running it is all the code does with it; none when it is handed on (to a chain, which runs it inside).
 */
function runsOfHeldRetriever(asRetriever: CallExpression): CallExpression[] {
  const held = heldBy(asRetriever, true);
  if (!held) return [];
  const runs: CallExpression[] = [];
  for (const mention of held.scope.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (mention.getText() !== held.name || mention === held.declaration.getNameNode()) continue;
    const access = mention.getParent();
    const run = access?.getParent();
    if (!access || !Node.isPropertyAccessExpression(access) || access.getExpression() !== mention || !RETRIEVER_RUNS.has(access.getName()) || !run || !Node.isCallExpression(run) || run.getExpression() !== access) return [];
    runs.push(run);
  }
  return runs;
}

function analyzeStoreMethod(call: CallExpression, context: AnalyzerContext, site: CallExpression = call, runner: 'retriever' | 'chain' = 'retriever'): DetectedCall | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !Object.hasOwn(STORE_METHODS, callee.getName())) return undefined;
  const name = callee.getName();
  // Reported where the code runs the retriever it holds, not where it makes it.
  if (site === call && name === 'asRetriever' && runsOfHeldRetriever(call).length > 0) return undefined;
  const spec = STORE_METHODS[name];
  const isFactory = name.startsWith('from');
  const receiver = unwrapExpression(callee.getExpression());
  // `(await Store.fromExistingIndex(...)).asRetriever()`: the factory in the same expression is already the site.
  if (!isFactory && Node.isCallExpression(receiver) && Node.isPropertyAccessExpression(receiver.getExpression()) && Object.hasOwn(STORE_METHODS, (receiver.getExpression() as import('ts-morph').PropertyAccessExpression).getName())) return undefined;
  const store = isFactory ? { creation: call, classNode: receiver } : storeCreation(receiver, context.modules);
  if (!store) return (spec.embeds === 'documents' && !isFactory ? storeFromFactory(call, name, receiver, context) : undefined) ?? handedStoreCall(call, name, receiver, context);
  // Opening a store on an existing index embeds nothing: its searches do. Where the code searches the store it holds
  // (`const store = await Store.fromExistingIndex(...); await store.similaritySearch(q)`), each search is a site and the
  // opening is not; a store handed elsewhere, or as a retriever, keeps the opening as the site of the queries it will embed.
  if (isFactory && spec.embeds === 'queries' && searchesOfHeldStore(call).length > 0) return undefined;
  if (site === call && isFactory && spec.embeds === 'queries' && openedForRunChain(call, context)) return undefined;
  if (!isFactory && spec.embeds === 'queries' && Node.isCallExpression(store.creation)) {
    const factory = store.creation.getExpression();
    if (Node.isPropertyAccessExpression(factory) && STORE_METHODS[factory.getName()]?.embeds === 'queries' && !searchesOfHeldStore(store.creation).includes(call)) return undefined;
  }
  const storeClass = calleeBinding(store.classNode, context.modules);
  if (!storeClass || !LANGCHAIN_PACKAGE.test(storeClass.packageName) || !(STORE_PACKAGE.test(storeClass.packageName) || STORE_CLASS.test(storeClass.importedName))) return undefined;
  let embeddings: Runnable | undefined;
  for (const argument of store.creation.getArguments()) {
    const found = findRunnable(argument, context, 0);
    if (found?.endpoint === 'embedding') {
      embeddings = found;
      break;
    }
  }
  // Embeddings handed in from elsewhere: a store declared as LangChain's embeds with them all the same, model unknown here.
  if (!embeddings) return (spec.embeds === 'documents' && !isFactory ? storeFromFactory(call, name, receiver, context) : undefined) ?? (isFactory ? undefined : handedStoreCall(call, name, receiver, context));
  const evidence = [...embeddings.evidence, `${storeClass.importedName} from '${storeClass.packageName}' embeds ${spec.embeds === 'documents' ? 'the documents it stores' : 'each query it searches'} with this model (the requests happen inside the store)`];
  if (!isFactory) evidence.push(`store created at ${placeOf(store.creation)}`);
  const { provider, model } = modelOfRunnable(embeddings, context, evidence);
  const argument = call.getArguments()[0];
  const ranRetriever = site !== call;
  if (ranRetriever) evidence.push(runner === 'chain' ? `runs a chain made with ${CHAIN_FACTORY}() over the store opened at ${placeOf(call)}: the chain embeds the query here, then asks its model` : `runs the retriever made with asRetriever() at ${placeOf(call)}: the query is embedded here`);
  const expression = (ranRetriever ? (site.getArguments()[0]?.getText() ?? 'query') : spec.embeds === 'documents' && argument ? argument.getText() : name === 'similaritySearch' || name === 'similaritySearchWithScore' || name === 'maxMarginalRelevanceSearch' ? (argument?.getText() ?? 'query') : 'query').slice(0, 60);
  const siteCallee = site.getExpression();
  return toDetectedCall(site, context, {
    provider,
    sdk: 'langchain',
    method: ranRetriever && Node.isPropertyAccessExpression(siteCallee) ? `${runner}.${siteCallee.getName()}` : `${isFactory ? `${storeClass.importedName}.` : ''}${name}`,
    endpoint: 'embedding',
    model,
    messages: [embeddedTextTurn(expression, spec.embeds)],
    maxOutputTokens: null,
    features: { streaming: false, tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence,
  });
}

/**
 * Store methods that embed a query right where they are called. A retriever (`store.asRetriever()`) embeds later, inside
 * whatever chain it is handed to: the store's opening stays the site of those queries.
 */
const SEARCH_METHODS = new Set(['similaritySearch', 'similaritySearchWithScore', 'maxMarginalRelevanceSearch']);

/** The searches (`store.similaritySearch(...)`) of the store a `const` holds from this factory call, in the const's scope. */
function searchesOfHeldStore(factoryCall: CallExpression): CallExpression[] {
  return methodCallsOfHeld(factoryCall, (name) => SEARCH_METHODS.has(name));
}

/** Runnable methods trusted on a value a workspace factory built from a model (`createRAGChain(model, retriever).stream(...)`). */
const FACTORY_RUN_METHODS = new Set(['invoke', 'stream', 'streamEvents', 'streamLog', 'batch']);

/**
 * `const chain = await createRAGChain(model, retriever)` (also `store.vectorstore` of `loadVectorStore({ embeddings })`):
 * a value built by one of the app's own functions from a LangChain model or embeddings passed in as an argument
 * (or an options property). The function wires that model into what it returns, so it is the one that runs.
 * Package functions are not followed (their arguments are not ours to read).
 */
function modelPassedToFactory(receiver: Node, context: AnalyzerContext, accept: (runnable: Runnable) => boolean): Runnable | undefined {
  let node = unwrapExpression(receiver);
  // `store.vectorstore` / `result.chain`: a field of what the factory returned.
  for (let hops = 0; hops < 2 && Node.isPropertyAccessExpression(node) && node.getExpression().getKind() !== SyntaxKind.ThisKeyword; hops++) node = unwrapExpression(node.getExpression());
  // Follow names to the call that produced the value, but not into it (traceValue would read the function's return).
  for (let hops = 0; hops < MAX_DEPTH && Node.isIdentifier(node); hops++) {
    const declaration = findDeclaration(node, context.modules);
    const initializer = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
    if (!initializer || initializer === node) return undefined;
    node = unwrapExpression(initializer);
  }
  const created = node;
  if (!Node.isCallExpression(created)) return undefined;
  const callee = unwrapExpression(created.getExpression());
  if (!Node.isIdentifier(callee) || importBindingOf(callee, context.modules)) return undefined;
  const declaration = findDeclaration(callee, context.modules);
  const fn = declaration && (Node.isFunctionDeclaration(declaration) ? declaration : initializerOf(declaration));
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return undefined;
  for (const argument of created.getArguments()) {
    const object = unwrapExpression(argument);
    const candidates = Node.isObjectLiteralExpression(object) ? object.getProperties().map((property) => (Node.isPropertyAssignment(property) ? property.getInitializer() : Node.isShorthandPropertyAssignment(property) ? property.getNameNode() : undefined)) : [argument];
    for (const candidate of candidates) {
      const found = candidate && findRunnable(candidate, context, 1);
      if (!found || !accept(found)) continue;
      const evidence = [...found.evidence, `passed to ${callee.getText()}() at line ${created.getStartLineNumber()}, which builds what runs here`];
      // A retrieval chain the factory builds answers with its documents chain's prompt, the retrieved documents filling its {context}.
      const answering = documentsChainPrompt(fn, context);
      if (!answering) return { ...found, evidence };
      return { ...found, templates: [...found.templates, answering.template], evidence: [...evidence, `answers with the prompt of ${answering.chain}() (line ${answering.line}), over the documents its retriever finds`] };
    }
  }
  return undefined;
}

/** LangChain's chains that answer over retrieved documents with the prompt they are given (`prompt`, or `combinePrompt` of a QA chain). */
const DOCUMENTS_CHAIN = /^(?:createStuffDocumentsChain|loadQAStuffChain|createRetrievalChain)$/;

/**
 * The prompt of the documents chain a factory builds (`createStuffDocumentsChain({ llm, prompt: answerPrompt })`):
 * the answering request of the retrieval chain it returns. The chain that rephrases the question for the retriever
 * (`createHistoryAwareRetriever`) is a request of its own, not read here.
 */
function documentsChainPrompt(fn: Node, context: AnalyzerContext): { template: Node; chain: string; line: number } | undefined {
  for (const call of fn.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = unwrapExpression(call.getExpression());
    if (!Node.isIdentifier(callee) || !DOCUMENTS_CHAIN.test(callee.getText())) continue;
    const options = resolveObjectLiteral(call.getArguments().find((argument) => Node.isObjectLiteralExpression(unwrapExpression(argument))) ?? call.getArguments()[1], context.modules);
    const prompt = getObjectProperty(options, 'prompt', context.modules);
    const template = prompt && traceValue(prompt, context.modules);
    if (template && (Node.isCallExpression(template) || Node.isNewExpression(template))) return { template, chain: callee.getText(), line: call.getStartLineNumber() };
  }
  return undefined;
}

/** `store.vectorstore.addDocuments(docs)` on a store an app function opened with the embeddings it was given. */
function storeFromFactory(call: CallExpression, name: string, receiver: Node, context: AnalyzerContext): DetectedCall | undefined {
  const embeddings = modelPassedToFactory(receiver, context, (found) => found.endpoint === 'embedding');
  if (!embeddings) return undefined;
  const evidence = [...embeddings.evidence, `the store embeds the documents it stores with these embeddings (the requests happen inside the store)`];
  const { provider, model } = modelOfRunnable(embeddings, context, evidence);
  const expression = (call.getArguments()[0]?.getText() ?? 'documents').slice(0, 60);
  return toDetectedCall(call, context, {
    provider,
    sdk: 'langchain',
    method: name,
    endpoint: 'embedding',
    model,
    messages: [{ role: 'user', text: `{{${expression}}}`, holes: [{ kind: 'rag-context', expression }] }],
    maxOutputTokens: null,
    features: { streaming: false, tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence,
  });
}


/** Provider and model of a resolved runnable, as `analyzeCall` reads them. */
function modelOfRunnable(runnable: Runnable, context: AnalyzerContext, evidence: string[]): { provider: string; model: ModelRef } {
  const options = resolveObjectLiteral(runnable.modelOptions, context.modules);
  const modelNode = runnable.modelId ?? firstProperty(options, ['model', 'modelName', 'azureOpenAIApiDeploymentName', 'deploymentName', 'modelId'], context.modules);
  const model = readModel(modelNode, context.modules);
  const libraryDefault = modelNode ? undefined : libraryDefaultModel(runnable, evidence);
  evidence.push(...model.evidence);
  const provider = providerFromOptions(getObjectProperty(options, 'configuration', context.modules) ?? getObjectProperty(options, 'clientOptions', context.modules), context.modules, evidence) ?? runnable.provider;
  return { provider, model: libraryDefault ?? model.ref };
}

const PROVIDER_PREFIX: Readonly<Record<string, string>> = { google_genai: 'google', google_vertexai: 'google-vertex', bedrock: 'aws-bedrock', bedrock_converse: 'aws-bedrock', azure_openai: 'azure-openai', mistralai: 'mistral' };

/**
 * The provider `initChatModel` infers from a model name when it is given none (LangChain's documented prefixes:
 * gpt-/o1/o3 → openai, claude → anthropic, gemini → google_vertexai, command → cohere, accounts/fireworks → fireworks,
 * mistral → mistralai, amazon. → bedrock, deepseek → deepseek, grok → xai, sonar → perplexity).
 */
const INFERRED_PROVIDERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(gpt-|o1|o3|o4|chatgpt-)/, 'openai'],
  [/^claude/, 'anthropic'],
  [/^gemini/, 'google-vertex'],
  [/^command/, 'cohere'],
  [/^accounts\/fireworks/, 'fireworks'],
  [/^mistral/, 'mistral'],
  [/^amazon\./, 'aws-bedrock'],
  [/^deepseek/, 'deepseek'],
  [/^grok/, 'xai'],
  [/^sonar/, 'perplexity'],
];

/**
 * `this.embeddings` of a class extending a LangChain vector store (which declares the field), set from the constructor's
 * `embeddings: Embeddings` parameter: the field holds what the parameter's type says, as if the class declared it so.
 */
function constructorParameterField(expression: Node, traced: Node, typed: { packageName: string; typeName: string } | undefined, context: AnalyzerContext): { packageName: string; typeName: string } | undefined {
  const access = unwrapExpression(expression);
  if (!typed || !Node.isPropertyAccessExpression(access) || access.getExpression().getKind() !== SyntaxKind.ThisKeyword) return undefined;
  const parameter = Node.isIdentifier(traced) ? findDeclaration(traced, context.modules) : undefined;
  return parameter && Node.isParameterDeclaration(parameter) && Node.isConstructorDeclaration(parameter.getParent()) ? typed : undefined;
}

/** Follows a runnable expression to the LangChain model inside it, or undefined when there is none. */
function findRunnable(expression: Node, context: AnalyzerContext, depth: number): Runnable | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = traceValue(expression, context.modules);
  if (Node.isNewExpression(node)) {
    const origin = resolveClientOrigin(node, context.modules);
    if (origin && LANGCHAIN_PACKAGE.test(origin.packageName) && origin.className in MODEL_CLASSES) {
      const spec = MODEL_CLASSES[origin.className];
      return { className: origin.className, provider: spec.provider, endpoint: spec.endpoint, modelOptions: node.getArguments()[0], templates: [], structured: false, tools: [], agentTools: false, evidence: [`${origin.evidence[0]} from '${origin.packageName}'`] };
    }
    if (origin && LANGCHAIN_PACKAGE.test(origin.packageName) && Object.hasOwn(BASE_MODEL_TYPES, origin.className) && BASE_MODEL_TYPES[origin.className] !== 'embedding') return appModelClass(node, origin.className, origin.packageName);
    // `getEmbedding()` returning `new OpenAIEmbeddings(...)` or the app's own `localEmbedding`: the value traced is one
    // of the factory's returns; the factory's other returns may hold the LangChain model.
    const called = unwrapExpression(expression);
    return fromHolder(node, context, depth) ?? (Node.isCallExpression(called) ? madeByAppFactory(called, context, depth) : undefined);
  }
  if (Node.isConditionalExpression(node)) return findRunnable(node.getWhenTrue(), context, depth + 1) ?? findRunnable(node.getWhenFalse(), context, depth + 1);
  const typed = parameterTypeBinding(node, context.modules);
  // `this.llm` declared `BaseChatModel` or `Embeddings`, LangChain's interfaces: a model instance the app is handed
  // (any provider's), so who serves it and which model it is are not in the code. (A parameter so typed is left to
  // what its callers pass: `createChain(new ChatTogetherAI(...))` says which model runs.)
  // (A constructor's parameter stored in the field, `this.chatLLM = llm`, is read by the field's declared type too: the
  // request is made on the field, here.)
  const field = typed && parameterOfRequestFunction(node, context) ? undefined : (fieldTypeBinding(unwrapExpression(expression), context.modules) ?? constructorParameterField(expression, node, typed, context));
  if (field && LANGCHAIN_PACKAGE.test(field.packageName) && Object.hasOwn(BASE_MODEL_TYPES, field.typeName)) {
    return handedModel(field, `\`${unwrapExpression(expression).getText()}\` is declared`);
  }
  // `summarize(messages, chatModel: BaseChatModel)` making the request on `chatModel` (or on `chatModel.bindTools(...)`)
  // itself: the request is here, on whichever model its callers hand it (the wrapper-caller search carries a model they
  // name up to it). A parameter of a factory the request only reached (`prompt.pipe(model)` in `createChain(model)`) is
  // left to the factory's callers.
  if (typed && LANGCHAIN_PACKAGE.test(typed.packageName) && Object.hasOwn(BASE_MODEL_TYPES, typed.typeName) && parameterOfRequestFunction(node, context)) {
    return handedModel(typed, `\`${node.getText()}\` is a parameter typed`);
  }
  const declared = typed ?? field;
  if (declared && LANGCHAIN_PACKAGE.test(declared.packageName) && declared.typeName in MODEL_CLASSES) {
    // `function chain(model: ChatOpenAI)`, `private llm: ChatOpenAI`: the class says who serves it; the options are the caller's.
    const spec = MODEL_CLASSES[declared.typeName];
    const holder = typed ? `\`${node.getText()}\` is a parameter typed` : `\`${unwrapExpression(expression).getText()}\` is a field declared`;
    return { className: declared.typeName, provider: spec.provider, endpoint: spec.endpoint, modelOptions: undefined, templates: [], structured: false, tools: [], agentTools: false, evidence: [`${holder} ${declared.typeName} from '${declared.packageName}' (model unknown)`] };
  }
  if (!Node.isCallExpression(node)) return heldInLocal(expression, node, context, depth);
  const callee = unwrapExpression(node.getExpression());
  const binding = calleeBinding(callee, context.modules);
  if (binding && LANGCHAIN_PACKAGE.test(binding.packageName) && binding.importedName === 'initChatModel') {
    const id = node.getArguments()[0];
    const options = resolveObjectLiteral(node.getArguments()[1], context.modules);
    const providerNode = getObjectProperty(options, 'modelProvider', context.modules);
    const providerName = providerNode ? resolveString(providerNode, context.modules).value : null;
    return { className: 'initChatModel', provider: providerName ? (PROVIDER_PREFIX[providerName] ?? providerName) : 'unknown', endpoint: 'chat', modelOptions: node.getArguments()[1], modelId: id, templates: [], structured: false, tools: [], agentTools: false, evidence: [`model from initChatModel() at ${placeOf(node)}`] };
  }
  if (Node.isPropertyAccessExpression(callee)) {
    const name = callee.getName();
    if (DECORATORS.has(name)) {
      const inner = findRunnable(callee.getExpression(), context, depth + 1);
      if (inner) decorate(inner, name, node, context);
      return inner;
    }
    if (name === 'pipe') {
      // `a.pipe(b)`: the model is in b (later stages) or in a; templates come before it.
      for (const argument of node.getArguments()) {
        const found = findRunnable(argument, context, depth + 1);
        if (found) {
          found.templates.unshift(...templatesIn(callee.getExpression(), context, depth + 1));
          return found;
        }
      }
      return findRunnable(callee.getExpression(), context, depth + 1);
    }
    // `VectorDBQAChain.fromLLM(model, vectorStore)`: the chain answers with that model (its query embedding is read apart).
    if (name === CHAIN_FACTORY && isChainFactory(node, context)) {
      const inner = node.getArguments()[0] && findRunnable(node.getArguments()[0], context, depth + 1);
      if (inner) inner.evidence.push(`${callee.getExpression().getText()}.${CHAIN_FACTORY}() at ${placeOf(node)}: the chain answers with this model`);
      return inner;
    }
    if (name === 'from' && /RunnableSequence$/.test(callee.getExpression().getText())) {
      const list = node.getArguments()[0] && unwrapExpression(node.getArguments()[0]);
      if (list && Node.isArrayLiteralExpression(list)) return fromSequence(list.getElements(), context, depth);
    }
  }
  return fromHolder(node, context, depth) ?? declaredModel(node, context) ?? madeByAppFactory(node, context, depth);
}

/**
 * `new ChatOpenAI(fields)` of the app's own class extending LangChain's `BaseChatModel` (chat-ollama keeps a copy of
 * LangChain's OpenAI classes in its tree): a LangChain model to the chains and runnables it is put in. A class named as
 * one of LangChain's is taken for that class's copy (its provider); any other is served by whoever its code calls,
 * which the wrapper-caller search reads from its `_generate`. (The app's own `Embeddings` class is not read here: the
 * wrapper-caller search reads it through the store that runs it.)
 */
function appModelClass(made: import('ts-morph').NewExpression, base: string, packageName: string): Runnable {
  const name = made.getExpression().getText();
  const spec = Object.hasOwn(MODEL_CLASSES, name) ? MODEL_CLASSES[name] : undefined;
  const evidence = `new ${name}() at ${placeOf(made)}: the app's own class extending ${base} from '${packageName}'${spec ? `, a copy of LangChain's ${name}` : ''}`;
  return { className: name, provider: spec?.provider ?? 'unknown', endpoint: spec?.endpoint ?? BASE_MODEL_TYPES[base], modelOptions: made.getArguments()[0], templates: [], structured: false, tools: [], agentTools: false, evidence: [evidence], appClass: true };
}

/**
 * `this.createClient(model)` whose body returns a LangChain model class per provider type (`switch (type) { case
 * 'anthropic': return new ChatAnthropic(...); ... default: return new ChatOpenAI(...) }`): the one it makes by default
 * (the return in the `default` clause, else the last), the others being the user's alternatives.
 */
function madeByAppFactory(call: CallExpression, context: AnalyzerContext, depth: number): Runnable | undefined {
  const fn = functionOf(call.getExpression(), context.modules);
  if (!fn) return undefined;
  const returned = returnsOf(fn);
  const chain = chainOfHandedModel(call, returned, context, depth);
  if (chain) return chain;
  const preferred = returned.find((value) => value.getFirstAncestorByKind(SyntaxKind.DefaultClause) !== undefined) ?? returned.at(-1);
  const found = preferred && findRunnable(preferred, context, depth + 1);
  if (found && returned.length > 1) found.evidence.push(`the model \`${call.getExpression().getText().slice(0, 40)}()\` makes by default (line ${preferred!.getStartLineNumber()}), of ${returned.length} it can return`);
  if (found || returned.length < 2) return found;
  // The default return is no LangChain model (the app's own embeddings class): the first return that is one, named as
  // one choice among the factory's returns.
  for (const value of returned) {
    if (value === preferred) continue;
    const other = findRunnable(value, context, depth + 1);
    if (!other) continue;
    other.evidence.push(`one of ${returned.length} values \`${call.getExpression().getText().slice(0, 40)}()\` can return (line ${value.getStartLineNumber()}); another (line ${preferred!.getStartLineNumber()}) is no LangChain model the scan knows`);
    return other;
  }
  return undefined;
}

/**
 * `TaskExecutionChain.fromLLM({ llm: model })` of the app's own chain class, whose factory returns `new
 * TaskExecutionChain({ prompt, ...fields })`: the chain asks the model the call hands it, with the factory's template.
 */
function chainOfHandedModel(call: CallExpression, returned: readonly Node[], context: AnalyzerContext, depth: number): Runnable | undefined {
  const options = resolveObjectLiteral(call.getArguments()[0], context.modules);
  const llm = options && Node.isObjectLiteralExpression(options) ? firstProperty(options, ['llm', 'model'], context.modules) : undefined;
  const made = returned.map(unwrapExpression).find((value) => Node.isNewExpression(value) && Node.isObjectLiteralExpression(value.getArguments()[0] && unwrapExpression(value.getArguments()[0]!)));
  if (!llm || !made || !Node.isNewExpression(made)) return undefined;
  const found = findRunnable(llm, context, depth + 1);
  if (!found) return undefined;
  const prompt = getObjectProperty(unwrapExpression(made.getArguments()[0]!), 'prompt', context.modules);
  if (prompt) found.templates.push(...templatesIn(prompt, context, depth + 1));
  found.evidence.push(`model handed to ${call.getExpression().getText().slice(0, 40)}() at ${placeOf(call)}, which makes \`new ${made.getExpression().getText()}(...)\``);
  return found;
}

/** The request call being analyzed: a model parameter counts only in the function making it (see findRunnable). */
let requestBeingAnalyzed: CallExpression | undefined;

function parameterOfRequestFunction(identifier: Node, context: AnalyzerContext): boolean {
  const declared = findDeclaration(identifier, context.modules);
  // `{ model }: { model: LanguageModelLike }`: the binding's parameter, whose parent is the function.
  const parameter = declared && Node.isBindingElement(declared) ? declared.getFirstAncestorByKind(SyntaxKind.Parameter) : declared;
  const fn = parameter?.getParent();
  return fn !== undefined && requestBeingAnalyzed !== undefined && requestBeingAnalyzed.getSourceFile() === fn.getSourceFile() && fn.getPos() <= requestBeingAnalyzed.getPos() && requestBeingAnalyzed.getEnd() <= fn.getEnd();
}

/**
 * A model a LangChain interface stands for (`BaseChatModel`, `Embeddings`): an instance of whichever provider's class
 * the app was configured with, so who serves it and which model it is are not in the code.
 */
function handedModel(declared: { packageName: string; typeName: string }, holder: string): Runnable {
  return { className: declared.typeName, provider: 'unknown', endpoint: BASE_MODEL_TYPES[declared.typeName], modelOptions: undefined, templates: [], structured: false, tools: [], agentTools: false, evidence: [`${holder} ${declared.typeName} from '${declared.packageName}': a model instance the app is handed, so its provider and model are not in the code`] };
}

/**
 * `chatModelManager.getChatModel()` declared to return `BaseChatModel` (or `Promise<ChatOpenAI | null>`): the app's
 * own factory hands out a LangChain model, of the provider its type names or, for an interface, the one the user picked.
 */
function declaredModel(call: CallExpression, context: AnalyzerContext): Runnable | undefined {
  const returned = declaredReturnType(call, context.modules);
  let declared: { packageName: string; typeName: string } | undefined;
  const isModelType = (binding: { packageName: string; typeName: string }): boolean => {
    if (!LANGCHAIN_PACKAGE.test(binding.packageName) || !(Object.hasOwn(BASE_MODEL_TYPES, binding.typeName) || Object.hasOwn(MODEL_CLASSES, binding.typeName))) return false;
    declared = binding;
    return true;
  };
  if (!returned || !standsForPackageType(returned, isModelType, context.modules) || !declared) return undefined;
  const found: { packageName: string; typeName: string } = declared;
  const holder = `\`${call.getExpression().getText()}()\` is declared to return`;
  if (Object.hasOwn(BASE_MODEL_TYPES, found.typeName)) return handedModel(found, holder);
  const spec = MODEL_CLASSES[found.typeName];
  return { className: found.typeName, provider: spec.provider, endpoint: spec.endpoint, modelOptions: undefined, templates: [], structured: false, tools: [], agentTools: false, evidence: [`${holder} ${found.typeName} from '${found.packageName}' (model unknown)`] };
}

/** What `model.withStructuredOutput(schema)` or `model.bindTools(tools, options)` adds to the runnable it decorates. */
function decorate(runnable: Runnable, name: string, call: CallExpression, context: AnalyzerContext): void {
  const argument = call.getArguments()[0];
  if (name === 'withStructuredOutput') {
    runnable.structured = true;
    runnable.structuredName = argument ? unwrapExpression(argument).getText().slice(0, 40) : undefined;
  }
  if (name === 'bindTools' && argument) {
    runnable.tools.push(argument);
    runnable.toolChoice = getObjectProperty(resolveObjectLiteral(call.getArguments()[1], context.modules), 'tool_choice', context.modules) ?? runnable.toolChoice;
  }
}

/**
 * `let runnable: any = this.llm`, then `runnable = runnable.bindTools(tools)` and `runnable.invoke(...)`: traced to its
 * end, the value is what the app was handed (`config.model`), which says nothing; the field it was read from says which
 * model class it is. The variable's later decorations in its function (`withStructuredOutput`, `bindTools`) are what
 * the run may use.
 */
function heldInLocal(expression: Node, traced: Node, context: AnalyzerContext, depth: number): Runnable | undefined {
  const local = unwrapExpression(expression);
  if (!Node.isIdentifier(local)) return undefined;
  const declaration = findDeclaration(local, context.modules);
  const initializer = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  if (!initializer || unwrapExpression(initializer) === traced) return undefined;
  const found = findRunnable(initializer, context, depth + 1);
  const scope = found && declaration!.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor));
  for (const assigned of scope ? assignedValues(scope, local.getText()) : []) {
    const value = unwrapExpression(assigned);
    if (!Node.isCallExpression(value)) continue;
    const callee = unwrapExpression(value.getExpression());
    if (Node.isPropertyAccessExpression(callee) && DECORATORS.has(callee.getName())) decorate(found!, callee.getName(), value, context);
  }
  return found;
}

/** `[prompt, model, parser]`: the first model, with the templates before it. */
function fromSequence(elements: Node[], context: AnalyzerContext, depth: number): Runnable | undefined {
  for (const [index, element] of elements.entries()) {
    const found = findRunnable(element, context, depth + 1);
    if (found) {
      found.templates.unshift(...elements.slice(0, index).flatMap((before) => templatesIn(before, context, depth + 1)));
      return found;
    }
  }
  return undefined;
}

/**
 * A LangChain constructor or helper holding a model in its options: `new LLMChain({ llm, prompt })`,
 * `createReactAgent({ llm, tools })`, `createToolCallingAgent({ llm, tools, prompt })`.
 */
function fromHolder(node: Node, context: AnalyzerContext, depth: number): Runnable | undefined {
  if (!(Node.isNewExpression(node) || Node.isCallExpression(node))) return undefined;
  const binding = calleeBinding(unwrapExpression(node.getExpression()), context.modules);
  if (!binding || !LANGCHAIN_PACKAGE.test(binding.packageName)) return undefined;
  // `loadSummarizationChain(model, { type: 'map_reduce' })`, `loadQAStuffChain(model, { prompt })`: the model first, the options after.
  const positional = MODEL_FIRST_CHAIN.test(binding.importedName);
  // `initializeAgentExecutorWithOptions(tools, model, { agentType })`: the tools, then the model, then the options.
  const agentExecutor = AGENT_EXECUTOR_INITIALIZER.test(binding.importedName);
  const options = resolveObjectLiteral(node.getArguments()[positional ? 1 : agentExecutor ? 2 : 0], context.modules);
  const llm = positional ? node.getArguments()[0] : agentExecutor ? node.getArguments()[1] : firstProperty(options, ['llm', 'model'], context.modules);
  // Nested holders: `createRetrievalChain({ retriever, combineDocsChain })`, `new AgentExecutor({ agent, tools })`.
  const found = (llm && findRunnable(llm, context, depth + 1)) || nestedRunnable(options, context, depth);
  if (!found) return undefined;
  const prompt = getObjectProperty(options, 'prompt', context.modules);
  if (prompt) found.templates.push(...templatesIn(prompt, context, depth + 1));
  if (agentExecutor || getObjectProperty(options, 'tools', context.modules)) found.agentTools = true;
  found.evidence.push(`model passed to ${binding.importedName} at ${placeOf(node)}`);
  return found;
}

/** LangChain's chain loaders taking the model as their first argument (`loadSummarizationChain`, `loadQAStuffChain`, `loadQAMapReduceChain`, ...). */
const MODEL_FIRST_CHAIN = /^load\w*Chain$/;
/** LangChain's older agent initializers (`langchain/agents`), taking the tools first and the model second. */
const AGENT_EXECUTOR_INITIALIZER = /^initializeAgentExecutor(?:WithOptions)?$/;

const NOT_RUNNABLE_OPTIONS = new Set(['prompt', 'tools', 'retriever', 'memory', 'outputParser', 'llm', 'model']);

/** The first option value of a holder that is itself a runnable with a model (a chain or agent built elsewhere). */
function nestedRunnable(options: Node | undefined, context: AnalyzerContext, depth: number): Runnable | undefined {
  if (!options || !Node.isObjectLiteralExpression(options)) return undefined;
  for (const property of options.getProperties()) {
    if (!Node.isPropertyAssignment(property) && !Node.isShorthandPropertyAssignment(property)) continue;
    if (NOT_RUNNABLE_OPTIONS.has(property.getName())) continue;
    const value = Node.isPropertyAssignment(property) ? property.getInitializer() : property.getNameNode();
    const found = value && findRunnable(value, context, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Prompt templates in a runnable expression (`ChatPromptTemplate.fromMessages(...)`, `PromptTemplate.fromTemplate(...)`, pipes of them). */
function templatesIn(expression: Node, context: AnalyzerContext, depth: number): Node[] {
  if (depth > MAX_DEPTH) return [];
  const node = traceValue(expression, context.modules);
  if (Node.isCallExpression(node)) {
    const callee = unwrapExpression(node.getExpression());
    if (Node.isPropertyAccessExpression(callee)) {
      if (/^(fromMessages|fromTemplate|fromPromptMessages)$/.test(callee.getName()) && /PromptTemplate$/.test(callee.getExpression().getText())) return [node];
      if (callee.getName() === 'pipe') return [...templatesIn(callee.getExpression(), context, depth + 1), ...node.getArguments().flatMap((argument) => templatesIn(argument, context, depth + 1))];
    }
  }
  if (Node.isNewExpression(node) && /PromptTemplate$/.test(node.getExpression().getText())) return [node];
  return [];
}

const ROLE_NAMES: Readonly<Record<string, MessageRole>> = { system: 'system', human: 'user', user: 'user', ai: 'assistant', assistant: 'assistant', tool: 'tool', developer: 'developer' };
const MESSAGE_CLASSES: Readonly<Record<string, MessageRole>> = { SystemMessage: 'system', HumanMessage: 'user', AIMessage: 'assistant', ToolMessage: 'tool', SystemMessagePromptTemplate: 'system', HumanMessagePromptTemplate: 'user', AIMessagePromptTemplate: 'assistant' };

function readInput(call: CallExpression, runnable: Runnable, embedding: boolean, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  const argument = call.getArguments()[0];
  if (embedding) {
    if (!argument) return { messages: [], hasImage: false };
    const many = (call.getExpression() as Node).getText().endsWith('embedDocuments');
    return { messages: [many ? { role: 'user', text: `{{${argument.getText().slice(0, 60)}}}`, holes: [{ kind: 'rag-context', expression: argument.getText().slice(0, 60) }] } : { role: 'user', ...resolvePromptText(argument, context.modules) }], hasImage: false };
  }
  const messages: PromptMessage[] = [];
  let hasImage = false;
  for (const template of runnable.templates) {
    const read = readTemplate(template, context);
    messages.push(...read.messages);
    hasImage ||= read.hasImage;
  }
  if (runnable.templates.length > 0 || !argument) return { messages, hasImage };
  const traced = traceValue(argument, context.modules);
  const value = Node.isArrayLiteralExpression(traced) ? traced : unwrapExpression(argument);
  if (Node.isArrayLiteralExpression(value)) {
    const read = readMessageList(value.getElements(), context);
    return { messages: [...messages, ...read.messages], hasImage: hasImage || read.hasImage };
  }
  if (Node.isObjectLiteralExpression(value) && getObjectProperty(value, 'messages')) {
    const list = unwrapExpression(getObjectProperty(value, 'messages')!);
    if (Node.isArrayLiteralExpression(list)) return readMessageList(list.getElements(), context);
  }
  if (Node.isObjectLiteralExpression(value) || Node.isStringLiteral(value) || Node.isTemplateExpression(value) || Node.isNoSubstitutionTemplateLiteral(value) || Node.isBinaryExpression(value)) {
    if (Node.isObjectLiteralExpression(value)) return { messages: [{ role: 'user', text: `{{${value.getText().slice(0, 60)}}}`, holes: [{ kind: 'interpolation', expression: value.getText().slice(0, 60) }] }], hasImage };
    return { messages: [{ role: 'user', ...resolvePromptText(value, context.modules) }], hasImage };
  }
  const text = value.getText().slice(0, 60);
  const kind = holeKindFromName(text);
  return { messages: [{ role: 'user', ...(Node.isIdentifier(value) ? resolvePromptText(value, context.modules) : { text: `{{${text}}}`, holes: [{ kind, expression: text }] }) }], hasImage };
}

/** `ChatPromptTemplate.fromMessages([...])` or `PromptTemplate.fromTemplate('...')`, with `{var}` holes. */
function readTemplate(template: Node, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  if (Node.isNewExpression(template)) {
    const text = getObjectProperty(resolveObjectLiteral(template.getArguments()[0], context.modules), 'template');
    return { messages: text ? [templateMessage('user', text, context)] : [], hasImage: false };
  }
  if (!Node.isCallExpression(template)) return { messages: [], hasImage: false };
  const argument = template.getArguments()[0];
  if (!argument) return { messages: [], hasImage: false };
  const callee = template.getExpression() as Node;
  if (/fromTemplate$/.test(callee.getText())) return { messages: [templateMessage(/^SystemMessage/.test(callee.getText()) ? 'system' : 'user', argument, context)], hasImage: false };
  const list = unwrapExpression(argument);
  return Node.isArrayLiteralExpression(list) ? readMessageList(list.getElements(), context) : { messages: [], hasImage: false };
}

/** Messages as LangChain takes them: `new HumanMessage(...)`, `['human', '...']`, `{ role, content }`, placeholders and spreads. */
function readMessageList(elements: Node[], context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  const messages: PromptMessage[] = [];
  let hasImage = false;
  for (const element of elements.slice(0, 200)) {
    const node = unwrapExpression(element);
    if (Node.isSpreadElement(node)) {
      const expression = `...${node.getExpression().getText().slice(0, 60)}`;
      messages.push({ role: 'user', text: `{{${expression}}}`, holes: [{ kind: 'history', expression }] });
      continue;
    }
    if (Node.isArrayLiteralExpression(node)) {
      const [roleNode, content] = node.getElements();
      const role = roleNode ? resolveString(roleNode, context.modules).value : null;
      if (role === 'placeholder') {
        messages.push(placeholder(content?.getText() ?? 'history'));
      } else if (content) {
        messages.push(templateMessage(ROLE_NAMES[role ?? ''] ?? 'user', content, context));
      }
      continue;
    }
    if (Node.isNewExpression(node) || (Node.isCallExpression(node) && /\.fromTemplate$/.test(node.getExpression().getText()))) {
      const className = Node.isNewExpression(node) ? node.getExpression().getText() : node.getExpression().getText().replace(/\.fromTemplate$/, '');
      if (className === 'MessagesPlaceholder') {
        messages.push(placeholder(node.getArguments()[0]?.getText() ?? 'history'));
        continue;
      }
      const role = MESSAGE_CLASSES[className] ?? 'user';
      const argument = node.getArguments()[0];
      const content = argument && (getObjectProperty(resolveObjectLiteral(argument, context.modules), 'content') ?? argument);
      if (content) {
        const parts = resolveContentParts(content, context.modules);
        messages.push({ role, ...(Node.isArrayLiteralExpression(unwrapExpression(content)) ? parts.text : templateText(content, context)) });
        hasImage ||= parts.hasImage;
      }
      continue;
    }
    if (Node.isObjectLiteralExpression(node)) {
      const roleNode = getObjectProperty(node, 'role');
      const role = roleNode ? resolveRole(roleNode, context.modules) : null;
      const content = getObjectProperty(node, 'content');
      if (content) {
        const parts = resolveContentParts(content, context.modules);
        messages.push({ role: ROLE_NAMES[role ?? ''] ?? 'user', ...parts.text });
        hasImage ||= parts.hasImage;
      }
      continue;
    }
    const text = node.getText().slice(0, 60);
    messages.push({ role: 'user', text: `{{${text}}}`, holes: [{ kind: holeKindFromName(text), expression: text }] });
  }
  return { messages, hasImage };
}

function placeholder(name: string): PromptMessage {
  const expression = name.replace(/^['"`]|['"`]$/g, '');
  return { role: 'user', text: `{{${expression}}}`, holes: [{ kind: 'history', expression }] };
}

function templateMessage(role: MessageRole, node: Node, context: AnalyzerContext): PromptMessage {
  return { role, ...templateText(node, context) };
}

/** Template text with LangChain's `{variable}` slots turned into holes (`{{variable}}`); `{{`/`}}` are literal braces. */
function templateText(node: Node, context: AnalyzerContext): { text: string; holes: PromptHole[] } {
  const resolved = resolvePromptText(node, context.modules);
  const holes = [...resolved.holes];
  const text = resolved.text.replace(/\{\{\{?([^{}]*)\}?\}\}|\{([A-Za-z_][\w.]*)\}/g, (whole, existing: string | undefined, variable: string | undefined) => {
    if (variable === undefined) return whole;
    holes.push({ kind: holeKindFromName(variable), expression: variable });
    return `{{${variable}}}`;
  });
  return { text, holes };
}
