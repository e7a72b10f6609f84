import { Node, SyntaxKind, type BinaryExpression, type CallExpression, type NewExpression, type PropertyAccessExpression, type SourceFile } from 'ts-morph';
import type { DetectedCall, Endpoint, ModelCandidate, ModelRef, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { optionsHoleOf, resolveMessages, resolvePromptText, readStepLimit, runTimeTurn } from './shared/prompt';
import { findDeclaration, firstProperty, getObjectProperty, holdsNoValue, placeOf, resolveNumber, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { enterCall, holdsWithNothingSet, likelyBranches, registryEntries, valueExpressions } from './shared/modelValue';
import { aiSdkFactoryProvider, calleeBinding, eachCall, readModel, readSystemPrompt, readToolNames, proxyTargetOf, requestObject, standsForPackageType, traceValue } from './shared/sdk';

/**
 * The Vercel AI SDK (`ai`): request functions imported from the package, with the model built by
 * an `@ai-sdk/*` provider (`openai('gpt-4o')`, `createOpenAI({ baseURL })('...')`, `anthropic.messages(...)`)
 * or named by a gateway string (`'openai/gpt-4o'`). A local function that shares a name is not ours,
 * and neither are client-side hooks (`useChat`), which call the app's own route.
 */
const FUNCTIONS: Readonly<Record<string, { endpoint: Endpoint; streaming?: boolean; structured?: boolean }>> = {
  generateText: { endpoint: 'chat' },
  streamText: { endpoint: 'chat', streaming: true },
  generateObject: { endpoint: 'chat', structured: true },
  streamObject: { endpoint: 'chat', streaming: true, structured: true },
  streamUI: { endpoint: 'chat', streaming: true },
  embed: { endpoint: 'embedding' },
  embedMany: { endpoint: 'embedding' },
  // `rerank({ model: cohere.reranking('rerank-v3.5'), query, documents })`: one rerank request over the documents.
  rerank: { endpoint: 'rerank' },
  experimental_rerank: { endpoint: 'rerank' },
  generateImage: { endpoint: 'image-generation' },
  experimental_generateImage: { endpoint: 'image-generation' },
  transcribe: { endpoint: 'audio-transcription' },
  experimental_transcribe: { endpoint: 'audio-transcription' },
  generateSpeech: { endpoint: 'audio-speech' },
  experimental_generateSpeech: { endpoint: 'audio-speech' },
  // `experimental_generateVideo({ model: xai.video('grok-imagine-video'), prompt })`: a video model's run (billed per clip).
  generateVideo: { endpoint: 'other' },
  experimental_generateVideo: { endpoint: 'other' },
};

const AI_PACKAGES = new Set(['ai', 'ai/rsc']);

const MAX_MODEL_DEPTH = 8;

export const vercelAiAnalyzer: Analyzer = {
  id: 'vercel-ai',
  packages: [...AI_PACKAGES, /^@ai-sdk\//],
  analyze(context: AnalyzerContext): DetectedCall[] {
    const aliases = localAliases(context.sourceFile);
    const calls = eachCall((call, callContext) => analyzeCall(call, callContext, aliases) ?? agentCall(call, callContext) ?? modelSpecCall(call, callContext), (name) => name in FUNCTIONS || aliases.has(name) || name in AGENT_METHODS || name in AGENT_STREAM_FUNCTIONS || name in MODEL_SPEC_METHODS)(context);
    // Only files naming an `embeddingModel` option are walked for libraries that embed with one.
    if (/\bembeddingModel\s*:/.test(context.sourceFile.getFullText())) calls.push(...libraryEmbeddingCalls(context));
    return calls;
  },
};

/**
 * The model's own interface, below `generateText` (LanguageModelV2/V3): `model.doGenerate(options)` and `doStream(options)`
 * make the request. An app's own provider or middleware calls them on the provider model it wraps
 * (`this.languageModel = createOpenAI({ apiKey }).chat(modelId)`, then `this.languageModel.doGenerate(options)`).
 */
const MODEL_SPEC_METHODS: Readonly<Record<string, { streaming: boolean }>> = { doGenerate: { streaming: false }, doStream: { streaming: true } };

/**
 * `x.doGenerate(options)` on a value that resolves to an @ai-sdk provider's model, or on a Proxy's target that is the
 * language model a wrapper is handed (`proxiedLanguageModel`); anything else (another app model that delegates, a
 * middleware's callback, a decorator's call on the model it is handed) is left to the helper search.
 */
function modelSpecCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !Object.hasOwn(MODEL_SPEC_METHODS, callee.getName())) return undefined;
  const evidence: string[] = [];
  const model = resolveModel(callee.getExpression(), context, evidence);
  if (model.provider === 'unknown') {
    const handed = proxiedLanguageModel(callee.getExpression(), context);
    if (!handed) return undefined;
    evidence.push(handed);
  }
  const argument = call.getArguments()[0];
  const options = resolveObjectLiteral(argument, context.modules);
  const prompt = getObjectProperty(options, 'prompt', context.modules);
  const tools = getObjectProperty(options, 'tools', context.modules);
  // Options known only at run time (a middleware's edited copy of its caller's): their `prompt` is the turns.
  const forwarded = argument && !options ? unwrapExpression(argument).getText().slice(0, 60) : undefined;
  evidence.unshift(`${callee.getName()}() of the provider's language model: the model interface generateText and streamText call`);
  return toDetectedCall(call, context, {
    provider: model.provider,
    sdk: 'vercel-ai',
    method: callee.getName(),
    endpoint: 'chat',
    model: model.ref,
    messages: prompt ? [{ role: 'user', text: `{{${prompt.getText().slice(0, 60)}}}`, holes: [{ kind: 'unknown', expression: prompt.getText().slice(0, 60) }] }] : forwarded ? [runTimeTurn(forwarded, 'message-array')] : [],
    maxOutputTokens: resolveNumber(getObjectProperty(options, 'maxOutputTokens', context.modules), context.modules),
    features: { streaming: MODEL_SPEC_METHODS[callee.getName()].streaming, tools: Boolean(tools), vision: false, structuredOutput: false },
    toolNames: [],
    evidence,
  });
}

/** The AI SDK's language model interfaces: `LanguageModel` of 'ai', and `LanguageModelV2`, `V3`, ... of '@ai-sdk/provider' (the spec providers implement). */
const LANGUAGE_MODEL_TYPE = /^LanguageModel(?:V\d+)?$/;
const LANGUAGE_MODEL_TYPE_PACKAGES = new Set([...AI_PACKAGES, '@ai-sdk/provider']);

/**
 * A model wrapped in a Proxy: `new Proxy(model, { get(target, prop) { ... target.doGenerate(params) } })` where `model`
 * is a parameter declared as an AI SDK language model (`model: T` of `<T extends LanguageModel>`, through the workspace's
 * aliases): a wrapper (memory middleware that edits the prompt) that forwards to whatever model its callers hand it.
 * The evidence saying so, or undefined. A plain call on a model the code is handed (`inner.doGenerate(options)` in a
 * decorator) is not one: the request is its callers' generateText.
 */
function proxiedLanguageModel(receiver: Node, context: AnalyzerContext): string | undefined {
  const node = unwrapExpression(receiver);
  const trapParameter = Node.isIdentifier(node) ? findDeclaration(node, context.modules) : undefined;
  const target = trapParameter && Node.isParameterDeclaration(trapParameter) ? proxyTargetOf(trapParameter) : undefined;
  const wrapped = target && traceValue(target, context.modules);
  const declaration = wrapped && Node.isIdentifier(wrapped) ? findDeclaration(wrapped, context.modules) : undefined;
  const typeNode = declaration && Node.isParameterDeclaration(declaration) ? declaration.getTypeNode() : undefined;
  const isLanguageModel = (binding: { packageName: string; typeName: string }) => LANGUAGE_MODEL_TYPE_PACKAGES.has(binding.packageName) && LANGUAGE_MODEL_TYPE.test(binding.typeName);
  if (!typeNode || !standsForPackageType(typeNode, isLanguageModel, context.modules)) return undefined;
  return `\`${node.getText().slice(0, 40)}\` is the target of a Proxy around the language model the function is handed (\`${wrapped!.getText()}: ${typeNode.getText().slice(0, 40)}\`): its provider and model are the callers'`;
}

/** The `new ToolLoopAgent(...)` an agent value comes from: traced directly, or returned by the app's own factory (`researcher({ model })`). */
function agentCreation(agent: Node, context: AnalyzerContext): NewExpression | undefined {
  const created = traceValue(agent, context.modules);
  if (Node.isNewExpression(created)) return created;
  const entered = enterCall(created, context.modules);
  if (!entered) return undefined;
  try {
    for (const returned of entered.returns) {
      const made = traceValue(returned, context.modules);
      if (Node.isNewExpression(made)) return made;
    }
    return undefined;
  } finally {
    entered.release();
  }
}

/** The SDK's test doubles (`ai/test`: `new MockLanguageModelV3({ doGenerate })`): a call on one reaches no model. */
const TEST_DOUBLE_PACKAGE = 'ai/test';

function isTestDouble(modelNode: Node, context: AnalyzerContext): boolean {
  const made = traceValue(modelNode, context.modules);
  if (!Node.isNewExpression(made) && !Node.isCallExpression(made)) return false;
  return calleeBinding(unwrapExpression(made.getExpression()), context.modules)?.packageName === TEST_DOUBLE_PACKAGE;
}

/** The SDK's agent classes: `new ToolLoopAgent({ model, instructions, tools })`, then `agent.generate` / `agent.stream`. */
const AGENT_CLASSES = new Set(['ToolLoopAgent', 'Agent', 'Experimental_Agent']);
const AGENT_METHODS: Readonly<Record<string, { streaming: boolean }>> = { generate: { streaming: false }, stream: { streaming: true } };
/**
 * The SDK's functions that run an agent it is handed on the UI messages of a chat route and stream the reply
 * (`pipeAgentUIStreamToResponse({ response, agent, uiMessages })`, `createAgentUIStreamResponse({ agent, uiMessages })`):
 * each runs the agent's `stream`, so the request is made there.
 */
const AGENT_STREAM_FUNCTIONS: Readonly<Record<string, true>> = { createAgentUIStreamResponse: true, pipeAgentUIStreamToResponse: true, createAgentUIStream: true };
/** Where those functions take the conversation: `uiMessages` since AI SDK 6, `messages` before. */
const AGENT_STREAM_TURNS = ['uiMessages', 'messages'];

/**
 * `agent.stream({ messages })` on an agent built with `new ToolLoopAgent({ model, instructions, tools, stopWhen })`
 * from 'ai': the request is made here, with the model, instructions and tools the constructor gave.
 */
function agentCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = call.getExpression();
  const streamFunction = Node.isIdentifier(callee) && callee.getText() in AGENT_STREAM_FUNCTIONS ? calleeBinding(callee, context.modules) : undefined;
  const runOptions = streamFunction && AI_PACKAGES.has(streamFunction.packageName) && streamFunction.importedName in AGENT_STREAM_FUNCTIONS ? resolveObjectLiteral(call.getArguments()[0], context.modules) : undefined;
  const agent = runOptions ? getObjectProperty(runOptions, 'agent', context.modules) : Node.isPropertyAccessExpression(callee) && callee.getName() in AGENT_METHODS ? callee.getExpression() : undefined;
  if (!agent) return undefined;
  const created = agentCreation(agent, context);
  if (!created) return undefined;
  const binding = calleeBinding(created.getExpression(), context.modules);
  if (!binding || !AI_PACKAGES.has(binding.packageName) || !AGENT_CLASSES.has(binding.importedName)) return undefined;
  const settings = resolveObjectLiteral(created.getArguments()[0], context.modules);
  const run = runOptions ? streamFunction!.importedName : (callee as PropertyAccessExpression).getName();
  const evidence = [`${runOptions ? `${run}() runs the stream() of` : `${run}() of`} an agent created with new ${binding.importedName}() from '${binding.packageName}' (${placeOf(created)})`];
  const modelNode = getObjectProperty(settings, 'model', context.modules);
  if (modelNode && isTestDouble(modelNode, context)) return undefined;
  const model = modelNode ? resolveModel(modelNode, context, evidence) : { provider: 'unknown', ref: { id: null, raw: '', source: 'dynamic' as const } };
  const params = requestObject(call, context.modules);
  const instructions = readSystemPrompt(getObjectProperty(settings, 'instructions', context.modules), context.modules);
  const uiTurns = runOptions ? firstProperty(runOptions, AGENT_STREAM_TURNS, context.modules) : undefined;
  const turns = runOptions ? { messages: uiTurns ? [runTimeTurn(uiTurns.getText().slice(0, 60), 'message-array')] : [], hasImage: false } : readPrompt('generateText', params, context);
  const tools = getObjectProperty(settings, 'tools', context.modules);
  // An agent loops over tool calls until its stop condition (20 steps by default): one request per step.
  const stepLimit = tools ? readStepLimit(settings, context.modules) : undefined;
  if (stepLimit) evidence.push(`multi-step: ${stepLimit.basis}`);
  const output = getObjectProperty(settings, 'output', context.modules) ?? getObjectProperty(settings, 'experimental_output', context.modules);
  const structured = Boolean(output && /Output\.(object|array|choice)/.test(output.getText()));
  return toDetectedCall(call, context, {
    provider: model.provider,
    sdk: 'vercel-ai',
    method: runOptions ? `${run}(${binding.importedName})` : `${binding.importedName}.${run}`,
    endpoint: 'chat',
    model: model.ref,
    messages: [...(instructions ? [instructions] : []), ...turns.messages],
    maxOutputTokens: resolveNumber(firstProperty(settings, ['maxOutputTokens', 'maxTokens'], context.modules), context.modules),
    features: {
      streaming: runOptions ? true : AGENT_METHODS[run].streaming,
      tools: Boolean(tools),
      vision: turns.hasImage,
      structuredOutput: structured,
      multiStep: Boolean(tools),
    },
    ...(stepLimit ? { steps: stepLimit } : {}),
    toolNames: readToolNames(tools, context.modules),
    structuredOutputName: structured ? schemaName(output) : undefined,
    evidence,
  });
}

/**
 * `createToolIndex(tools, { embeddingModel: openai.embeddingModel('text-embedding-3-small') })`: another
 * package's function given an AI SDK embedding model embeds with it inside; that call is the request site.
 * Only calls of functions or classes imported from a package other than the AI SDK's own count.
 */
function libraryEmbeddingCalls(context: AnalyzerContext): DetectedCall[] {
  const found: DetectedCall[] = [];
  // Most files never name it: their properties are not wrapped to find out.
  if (!context.sourceFile.getFullText().includes('embeddingModel')) return found;
  for (const property of context.sourceFile.getDescendantsOfKind(SyntaxKind.PropertyAssignment)) {
    if (property.getName() !== 'embeddingModel') continue;
    const object = property.getParent();
    const call = object.getParent();
    if (!call || !(Node.isCallExpression(call) || Node.isNewExpression(call)) || !call.getArguments().includes(object as Node)) continue;
    const binding = calleeBinding(call.getExpression(), context.modules);
    if (!binding || AI_PACKAGES.has(binding.packageName) || binding.packageName.startsWith('@ai-sdk/') || binding.packageName.startsWith('.')) continue;
    const evidence = [`${call.getExpression().getText().slice(0, 40)}() from '${binding.packageName}' embeds with the embeddingModel it is given`];
    const model = resolveModel(property.getInitializerOrThrow(), context, evidence);
    if (model.provider === 'unknown') continue;
    found.push(toDetectedCall(call, context, {
      provider: model.provider,
      sdk: 'vercel-ai',
      method: `${binding.importedName === 'default' ? binding.packageName : binding.importedName} (embeddingModel)`,
      endpoint: 'embedding',
      model: model.ref,
      maxOutputTokens: null,
      messages: [{ role: 'user', text: `{{${call.getArguments()[0]?.getText().slice(0, 60) ?? 'input'}}}`, holes: [{ kind: 'rag-context', expression: call.getArguments()[0]?.getText().slice(0, 60) ?? 'input' }] }],
      features: { streaming: false, tools: false, vision: false, structuredOutput: false },
      toolNames: [],
      evidence,
    }));
  }
  return found;
}

/**
 * Local names given to the request functions in `import { generateText as gen } from 'ai'`, read once per file. Also from a
 * module of the workspace (`from 'core-lib/aiSdk'`), which may pass the package on: the binding decides.
 */
function localAliases(sourceFile: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const declaration of sourceFile.getImportDeclarations()) {
    for (const specifier of declaration.getNamedImports()) {
      const alias = specifier.getAliasNode()?.getText();
      if (alias && specifier.getName() in FUNCTIONS) names.add(alias);
    }
  }
  return names;
}

function analyzeCall(call: CallExpression, context: AnalyzerContext, aliases: Set<string>): DetectedCall | undefined {
  const callee = call.getExpression();
  const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  // Cheap gate before resolving the binding: only the SDK's function names (or their local aliases) can be ours.
  if (!name || !(name in FUNCTIONS || aliases.has(name))) return undefined;
  const binding = calleeBinding(callee, context.modules);
  if (!binding || !AI_PACKAGES.has(binding.packageName)) return undefined;
  const spec = FUNCTIONS[binding.importedName];
  if (!spec) return undefined;

  const evidence = [`${binding.importedName} imported from '${binding.packageName}'`];
  const params = requestObject(call, context.modules);
  if (!params && call.getArguments()[0]) evidence.push(`options \`${call.getArguments()[0].getText().slice(0, 60)}\` not statically known`);
  const modelNode = getObjectProperty(params, 'model', context.modules);
  if (modelNode && isTestDouble(modelNode, context)) return undefined;
  const model = modelNode ? resolveModel(modelNode, context, evidence) : { provider: 'unknown', ref: { id: null, raw: '', source: 'dynamic' as const } };

  const { messages, hasImage } = readPrompt(binding.importedName, params, context);
  const tools = getObjectProperty(params, 'tools', context.modules);
  const schema = getObjectProperty(params, 'schema', context.modules);
  const output = getObjectProperty(params, 'experimental_output', context.modules) ?? getObjectProperty(params, 'output', context.modules);
  const structuredByOutput = Boolean(output && /Output\.(object|array|choice)/.test(output.getText()));
  // `maxSteps` / `stopWhen`: the SDK runs the tool loop itself, one request per step.
  const stepLimit = tools ? readStepLimit(params, context.modules) : undefined;
  if (stepLimit) evidence.push(`multi-step: ${stepLimit.basis}`);
  return toDetectedCall(call, context, {
    provider: model.provider,
    sdk: 'vercel-ai',
    method: binding.importedName,
    endpoint: spec.endpoint,
    model: model.ref,
    messages,
    maxOutputTokens: resolveNumber(firstProperty(params, ['maxOutputTokens', 'maxTokens'], context.modules), context.modules),
    features: {
      streaming: Boolean(spec.streaming),
      tools: Boolean(tools),
      vision: hasImage,
      structuredOutput: Boolean(spec.structured) || structuredByOutput,
      ...(stepLimit ? { multiStep: true } : {}),
    },
    ...(stepLimit ? { steps: stepLimit } : {}),
    toolNames: readToolNames(tools, context.modules),
    structuredOutputName: spec.structured || structuredByOutput ? schemaName(schema ?? output) : undefined,
    evidence,
  });
}

interface ResolvedModel {
  provider: string;
  ref: ModelRef;
}

/**
 * The model option: a provider call (`openai('gpt-4o')`, `openai.chat(...)`, `myProvider(...)` made by
 * `createOpenAI`), `wrapLanguageModel({ model })`, `registry.languageModel('openai:gpt-4o')`, or a
 * gateway string `'openai/gpt-4o'`; followed through constants and other modules.
 */
function resolveModel(modelNode: Node, context: AnalyzerContext, evidence: string[], depth = 0): ResolvedModel {
  const unknown: ResolvedModel = { provider: 'unknown', ref: { id: null, raw: modelNode.getText(), source: 'dynamic' } };
  if (depth > MAX_MODEL_DEPTH) return unknown;
  // `let current = model` (reassigned on retry), a parameter or option with a default: every value it can hold.
  const values = valueExpressions(modelNode, context.modules);
  if (values.length > 0) {
    const merged = mergeBranches(values, context, evidence, depth);
    if (merged) return merged;
  }
  // `getModel('gpt-4o', 'openai')`: the workspace function's returns, with this call's arguments bound.
  const entered = enterCall(followConstants(modelNode, context), context.modules);
  if (entered && entered.returns.length > 0) {
    try {
      const resolved = mergeBranches(entered.returns, context, evidence, depth);
      if (resolved) return resolved;
    } finally {
      entered.release();
    }
  }
  const traced = traceValue(modelNode, context.modules);
  const viaOtherNode = traced !== unwrapExpression(modelNode);
  if (Node.isStringLiteral(traced) || Node.isNoSubstitutionTemplateLiteral(traced) || Node.isBinaryExpression(traced)) {
    const model = readModel(modelNode, context.modules);
    if (model.ref.id === null && Node.isBinaryExpression(traced)) {
      const fallback = fallbackModels(traced, context, evidence, depth);
      if (fallback) return fallback;
    }
    evidence.push(...model.evidence);
    if (model.ref.id === null) return unknown;
    evidence.push(`model string "${model.ref.id}" goes through the AI Gateway`);
    return { provider: model.ref.id.includes('/') ? 'vercel-gateway' : 'unknown', ref: model.ref };
  }
  if (Node.isConditionalExpression(traced)) {
    // `flag ? anthropic('…') : openai('…')`: the likely branch that resolves is reported, every branch is a candidate.
    // A branch that holds no model (`fireworks ? fireworks('…') : undefined`) is the deployment without that setting: no candidate.
    const resolved = mergeBranches(likelyBranches(traced, context.modules).filter((branch) => !holdsNoValue(branch)), context, evidence, depth);
    if (!resolved) return unknown;
    evidence.push(`model chosen at run time by \`${traced.getCondition().getText().slice(0, 40)}\`; the likely branch is reported first`);
    return resolved;
  }
  // `models[DEFAULT_MODEL]`, `models[name]` of the app's registry (`const models = { 'gpt-4o': createOpenAI(...)('gpt-4o'), ... }`).
  const entries = registryEntries(traced, context.modules);
  if (entries) {
    const resolved = mergeBranches(entries.values, context, evidence, depth);
    if (resolved) {
      const registry = (traced as import('ts-morph').ElementAccessExpression).getExpression().getText().slice(0, 40);
      evidence.push(entries.key !== undefined ? `model \`${traced.getText().slice(0, 60)}\`: the "${entries.key}" entry of ${registry} (${placeOf(entries.values[0])})` : `model picked from ${registry} by \`${(traced as import('ts-morph').ElementAccessExpression).getArgumentExpression()?.getText().slice(0, 30) ?? '?'}\` at run time: each of its entries is a candidate`);
      return resolved;
    }
  }
  if (!Node.isCallExpression(traced)) {
    evidence.push(`model \`${modelNode.getText().slice(0, 60)}\` not statically known`);
    return unknown;
  }
  if (viaOtherNode) evidence.push(`model \`${modelNode.getText().slice(0, 40)}\` = ${traced.getText().slice(0, 60)} (${placeOf(traced)})`);
  const callee = unwrapExpression(traced.getExpression());

  // wrapLanguageModel({ model, middleware }) from 'ai'.
  const binding = calleeBinding(callee, context.modules);
  if (binding && AI_PACKAGES.has(binding.packageName) && /wrapLanguageModel|wrapEmbeddingModel/.test(binding.importedName)) {
    const inner = getObjectProperty(resolveObjectLiteral(traced.getArguments()[0], context.modules), 'model');
    if (inner) return resolveModel(inner, context, evidence, depth + 1);
  }

  const idArgument = traced.getArguments()[0];
  const id = idArgument ? readModel(idArgument, context.modules) : { ref: { id: null, raw: '', source: 'dynamic' as const }, evidence: ['no model id given'] };

  // myProvider.languageModel('chat-model') on a customProvider / createProviderRegistry of this workspace.
  if (Node.isPropertyAccessExpression(callee) && /^(languageModel|textEmbeddingModel|embeddingModel|imageModel)$/.test(callee.getName())) {
    const fromRegistry = registryModel(callee.getExpression(), callee.getName(), idArgument, id.ref.id, context, evidence, depth);
    if (fromRegistry) return fromRegistry;
  }

  // registry.languageModel('openai:gpt-4o') / textEmbeddingModel('openai:text-embedding-3-small').
  if (Node.isPropertyAccessExpression(callee) && /^(languageModel|textEmbeddingModel|embeddingModel|imageModel)$/.test(callee.getName()) && id.ref.id?.includes(':')) {
    const [providerName, ...rest] = id.ref.id.split(':');
    evidence.push(...id.evidence, `provider registry id "${id.ref.id}"`);
    return { provider: providerName, ref: { ...id.ref, id: rest.join(':') } };
  }

  // customProvider({ languageModels: { fast: openai('gpt-4o-mini') } }).languageModel('fast').
  if (Node.isPropertyAccessExpression(callee) && /^(languageModel|textEmbeddingModel|embeddingModel|imageModel)$/.test(callee.getName()) && id.ref.id) {
    const entry = customProviderEntry(callee.getExpression(), callee.getName(), id.ref.id, context);
    if (entry) {
      evidence.push(`"${id.ref.id}" is an alias of customProvider() (${placeOf(entry)})`);
      return resolveModel(entry, context, evidence, depth + 1);
    }
  }

  // `openai.chat('gpt-4o')` on a provider, or `this.openai('gpt-4o')` of a provider a field holds.
  const provider = (Node.isPropertyAccessExpression(callee) ? aiSdkFactoryProvider(callee.getExpression(), context.modules, evidence, depth) : undefined) ?? aiSdkFactoryProvider(callee, context.modules, evidence, depth);
  if (!provider) {
    evidence.push(`model \`${traced.getText().slice(0, 60)}\` is not an @ai-sdk provider call`);
    return unknown;
  }
  evidence.push(...id.evidence);
  return { provider, ref: id.ref };
}

/** The model a `customProvider({ <kind>s: { alias: model } })` gives an alias. */
function customProviderEntry(providerNode: Node, method: string, alias: string, context: AnalyzerContext): Node | undefined {
  const created = traceValue(providerNode, context.modules);
  if (!Node.isCallExpression(created)) return undefined;
  const creator = calleeBinding(unwrapExpression(created.getExpression()), context.modules);
  if (!creator || !AI_PACKAGES.has(creator.packageName) || !/customProvider/.test(creator.importedName)) return undefined;
  const table = method === 'languageModel' ? 'languageModels' : method === 'imageModel' ? 'imageModels' : 'textEmbeddingModels';
  const options = resolveObjectLiteral(created.getArguments()[0], context.modules);
  const models = getObjectProperty(options, table, context.modules) ?? (table === 'textEmbeddingModels' ? getObjectProperty(options, 'embeddingModels', context.modules) : undefined);
  return getObjectProperty(resolveObjectLiteral(models, context.modules), alias, context.modules);
}

/** Several expressions the model can be (ternary branches, a function's returns): the first that resolves, with every one as a candidate. */
function mergeBranches(branches: Node[], context: AnalyzerContext, evidence: string[], depth: number): ResolvedModel | undefined {
  const resolvedBranches = branches.map((branch) => ({ branch, resolved: resolveModel(branch, context, evidence, depth + 1) }));
  const first = resolvedBranches.find((entry) => entry.resolved.ref.id !== null);
  if (!first) return undefined;
  const candidates: ModelCandidate[] = [];
  for (const { branch, resolved } of resolvedBranches) {
    for (const candidate of resolved.ref.candidates ?? (resolved.ref.id !== null ? [{ id: resolved.ref.id, source: resolved.ref.source, where: context.modules.where(branch.getSourceFile(), branch.getStartLineNumber()) }] : [])) {
      if (!candidates.some((known) => known.id === candidate.id)) candidates.push(candidate);
    }
  }
  return { provider: first.resolved.provider, ref: candidates.length > 1 ? { ...first.resolved.ref, candidates } : first.resolved.ref };
}

/**
 * `deepSeekR1Model ?? o3MiniModel` (or `||`) of model objects: both are candidates, the left first unless it is made
 * only under a setting a deployment following the example env files leaves unset (`fireworks ? ... : undefined`).
 */
function fallbackModels(expression: BinaryExpression, context: AnalyzerContext, evidence: string[], depth: number): ResolvedModel | undefined {
  const operator = expression.getOperatorToken().getKind();
  if (operator !== SyntaxKind.QuestionQuestionToken && operator !== SyntaxKind.BarBarToken) return undefined;
  const left = expression.getLeft();
  const leftAbsent = holdsWithNothingSet(left, context.modules) === false;
  const resolved = mergeBranches(leftAbsent ? [expression.getRight(), left] : [left, expression.getRight()], context, evidence, depth);
  if (resolved && leftAbsent) evidence.push(`\`${left.getText().slice(0, 40)}\` is set only by a setting the example env files leave unset: \`${expression.getRight().getText().slice(0, 40)}\` is reported first`);
  return resolved;
}

/** An identifier's constant initializer, followed (`const model = getModel('x')` → the call). */
function followConstants(node: Node, context: AnalyzerContext): Node {
  let current = unwrapExpression(node);
  for (let step = 0; step < MAX_MODEL_DEPTH && Node.isIdentifier(current); step++) {
    const declaration = findDeclaration(current, context.modules);
    if (!declaration || !Node.isVariableDeclaration(declaration)) break;
    const initializer = declaration.getInitializer();
    if (!initializer) break;
    current = unwrapExpression(initializer);
  }
  return current;
}

/** The map of a `customProvider({ ... })` option each registry method reads. */
const REGISTRY_MAPS: Readonly<Record<string, string>> = { languageModel: 'languageModels', textEmbeddingModel: 'textEmbeddingModels', embeddingModel: 'embeddingModels', imageModel: 'imageModels' };

/**
 * A model taken from the workspace's own provider: `customProvider({ languageModels: { 'chat-model':
 * openai('gpt-4o') } })` looked up by key, or `createProviderRegistry({ custom: myProvider, openai })`
 * by `custom:key` / `openai:gpt-4o`. A key known only at run time gives every entry as a candidate.
 */
function registryModel(owner: Node, method: string, idNode: Node | undefined, id: string | null, context: AnalyzerContext, evidence: string[], depth: number): ResolvedModel | undefined {
  if (depth > MAX_MODEL_DEPTH) return undefined;
  const made = traceValue(owner, context.modules);
  if (!Node.isCallExpression(made)) return undefined;
  const creator = calleeBinding(unwrapExpression(made.getExpression()), context.modules);
  if (!creator || !AI_PACKAGES.has(creator.packageName)) return undefined;
  const options = resolveObjectLiteral(made.getArguments()[0], context.modules);
  if (/customProvider/.test(creator.importedName)) {
    const models = resolveObjectLiteral(getObjectProperty(options, REGISTRY_MAPS[method] ?? 'languageModels', context.modules), context.modules);
    if (!models || !Node.isObjectLiteralExpression(models)) return undefined;
    if (id !== null) {
      const entry = getObjectProperty(models, id, context.modules);
      if (!entry) return undefined;
      evidence.push(`"${id}" of customProvider (${placeOf(made)})`);
      return resolveModel(entry, context, evidence, depth + 1);
    }
    // The key is picked at run time (a chat's selected model): every entry is a candidate, the first first.
    const entries = models.getProperties().filter(Node.isPropertyAssignment).map((property) => ({ property, resolved: resolveModel(property.getInitializerOrThrow(), context, [], depth + 1) }));
    const known = entries.filter((entry) => entry.resolved.ref.id !== null);
    if (known.length === 0) return undefined;
    evidence.push(`model key \`${idNode?.getText().slice(0, 40) ?? '?'}\` chosen at run time among customProvider's ${known.map((entry) => entry.property.getName()).join(', ')}`);
    const candidates: ModelCandidate[] = known.map((entry) => ({ id: entry.resolved.ref.id!, source: 'app-list' as const, where: context.modules.where(entry.property.getSourceFile(), entry.property.getStartLineNumber()) }));
    return { provider: known[0].resolved.provider, ref: { id: candidates[0].id, raw: idNode?.getText() ?? '', source: 'app-list', candidates: candidates.length > 1 ? candidates : undefined } };
  }
  if (/createProviderRegistry/.test(creator.importedName) && id?.includes(':')) {
    const separator = id.indexOf(':');
    const providerKey = id.slice(0, separator);
    const inner = getObjectProperty(options, providerKey, context.modules);
    if (!inner) return undefined;
    const nested = registryModel(inner, method, undefined, id.slice(separator + 1), context, evidence, depth + 1);
    if (nested) return nested;
    const provider = aiSdkFactoryProvider(inner, context.modules, evidence, depth + 1);
    if (!provider) return undefined;
    evidence.push(`provider registry id "${id}"`);
    return { provider, ref: { id: id.slice(separator + 1), raw: id, source: 'literal' } };
  }
  return undefined;
}

function readPrompt(fn: string, params: Node | undefined, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  if (!params) return { messages: [{ role: 'user', text: '{{options}}', holes: [{ kind: 'message-array', expression: 'options' }] }], hasImage: false };
  const messages: PromptMessage[] = [];
  let hasImage = false;
  const system = readSystemPrompt(getObjectProperty(params, 'system', context.modules), context.modules);
  if (system) messages.push(system);
  const prompt = getObjectProperty(params, 'prompt', context.modules);
  if (prompt) {
    const unwrapped = unwrapExpression(prompt);
    if (Node.isArrayLiteralExpression(unwrapped)) {
      const turns = resolveMessages(unwrapped, context.modules);
      messages.push(...turns.messages);
      hasImage ||= turns.hasImage;
    } else {
      messages.push({ role: 'user', ...resolvePromptText(prompt, context.modules) });
    }
  }
  const turns = getObjectProperty(params, 'messages', context.modules);
  if (turns) {
    const resolved = resolveMessages(turns, context.modules);
    messages.push(...resolved.messages);
    hasImage ||= resolved.hasImage;
  }
  const single = fn === 'embed' ? getObjectProperty(params, 'value', context.modules) : /Speech/.test(fn) ? getObjectProperty(params, 'text', context.modules) : undefined;
  if (single) messages.push({ role: 'user', ...resolvePromptText(single, context.modules) });
  const query = /rerank/.test(fn) ? getObjectProperty(params, 'query', context.modules) : undefined;
  if (query) messages.push({ role: 'user', ...resolvePromptText(query, context.modules) });
  const documents = /rerank/.test(fn) ? getObjectProperty(params, 'documents', context.modules) : undefined;
  if (documents) messages.push({ role: 'user', text: `{{${documents.getText().slice(0, 60)}}}`, holes: [{ kind: 'rag-context', expression: documents.getText().slice(0, 60) }] });
  const values = fn === 'embedMany' ? getObjectProperty(params, 'values', context.modules) : undefined;
  if (values) messages.push({ role: 'user', text: `{{${values.getText().slice(0, 60)}}}`, holes: [{ kind: 'rag-context', expression: values.getText().slice(0, 60) }] });
  const audio = /transcribe/.test(fn) ? getObjectProperty(params, 'audio', context.modules) : undefined;
  if (audio) messages.push({ role: 'user', text: `{{${audio.getText().slice(0, 60)}}}`, holes: [{ kind: 'file-content', expression: audio.getText().slice(0, 60) }] });
  // Options spread in from values made at run time: the prompt is in them, unknown here (a caller may pass it).
  const spreadIn = messages.length === 0 ? optionsHoleOf(params, context.modules) : undefined;
  if (spreadIn) messages.push(spreadIn);
  return { messages, hasImage };
}

function schemaName(schema: Node | undefined): string | undefined {
  if (!schema) return undefined;
  const node = unwrapExpression(schema);
  if (Node.isIdentifier(node)) return node.getText();
  const inner = /(?:jsonSchema|zodSchema|Output\.(?:object|array))\(\s*(?:\{\s*schema\s*:\s*)?([\w$.]+)/.exec(node.getText());
  return inner ? inner[1] : node.getText().slice(0, 40);
}
