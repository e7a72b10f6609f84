import { Node, SyntaxKind, type CallExpression, type NewExpression, type SourceFile } from 'ts-morph';
import type { DetectedCall, Endpoint, ModelRef, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveMessages, resolvePromptText } from './shared/prompt';
import { getObjectProperty, nonEmptyList, placeOf, resolveNumber, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { callsMatching } from './shared/calls';
import { aiSdkFactoryProvider, calleeBinding, calleeNameOf, eachCall, isTrueLiteral, packagesLoadedBy, readModel, readToolNames, traceValue } from './shared/sdk';

/**
 * LlamaIndex.TS (`llamaindex` and its `@llamaindex/*` provider packages). The requests:
 * - an LLM class's own `llm.chat({ messages })` / `llm.complete({ prompt })` (`new OpenAI({ model })`, `new Anthropic(...)`, `new Ollama(...)`);
 * - a chat engine's `chat(...)` (`new ContextChatEngine(...)`, `SimpleChatEngine`, `CondenseQuestionChatEngine`, `index.asChatEngine()`)
 *   and a query engine's `query(...)` (`index.asQueryEngine()`), answered by the engine's LLM: the one it is given, else `Settings.llm`;
 * - an agent's `agent.run(message)` (`agent({ llm, tools })` of '@llamaindex/workflow'; `chat` of `new OpenAIAgent(...)`), the
 *   LLM called again with each tool result until it answers; LLMs are also made with the provider packages' factories (`openai({ model })`);
 * - `VectorStoreIndex.fromDocuments(documents)`: the index embeds every chunk of the documents with `Settings.embedModel`.
 * Constructors, `asRetriever()`, `asChatEngine()` / `asQueryEngine()` themselves and `fromDocuments([])` make no request.
 */
const LLAMAINDEX_PACKAGE = 'llamaindex';

/** LlamaIndex.TS's packages, and `@vectorstores/*` (its index and retrieval core published on its own). */
function isLlamaIndexPackage(name: string): boolean {
  return name === LLAMAINDEX_PACKAGE || name.startsWith(`${LLAMAINDEX_PACKAGE}/`) || name.startsWith('@llamaindex/') || name.startsWith('@vectorstores/');
}

/** LLM classes by the provider serving them. */
const LLM_CLASSES: Readonly<Record<string, string>> = {
  OpenAI: 'openai',
  Anthropic: 'anthropic',
  Ollama: 'ollama',
  Groq: 'groq',
  Gemini: 'google',
  MistralAI: 'mistral',
};

/** The provider packages' factory functions making the same LLMs (`openai({ model })` from '@llamaindex/openai'), by class. */
const LLM_FACTORIES: Readonly<Record<string, string>> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  ollama: 'Ollama',
  groq: 'Groq',
  gemini: 'Gemini',
  mistral: 'MistralAI',
};

/**
 * Agents, which call their LLM again with each tool's result until it answers: `agent({ llm, tools, systemPrompt })` of
 * '@llamaindex/workflow', run with `.run(message)`, and the earlier agent classes (`new OpenAIAgent({ llm, tools })`),
 * asked with `.chat({ message })`.
 */
const AGENT_FUNCTIONS = new Set(['agent']);
const AGENT_CLASSES = new Set(['OpenAIAgent', 'AnthropicAgent', 'ReActAgent', 'LLMAgent']);

/**
 * LlamaIndex's functions that send a request to the LLM they are handed: `chatWithTools(llm, tools, messages)` ('llamaindex')
 * asks it which tool to call; `generateEventComponent(schema, llm)` ('@llamaindex/server') has it write a React component
 * for a workflow event. By function: where the LLM and the input are among the arguments, and what the request does.
 */
const LLM_HELPERS: Readonly<Record<string, { llm: number; input: number; tools?: number; endpoint: Endpoint; what: string }>> = {
  chatWithTools: { llm: 0, tools: 1, input: 2, endpoint: 'chat', what: 'sends the messages and the tools to the LLM, which answers or picks tools to call' },
  generateEventComponent: { llm: 1, input: 0, endpoint: 'chat', what: "has the LLM write a UI component (code) for the workflow event's schema" },
};

/** Embedding classes by the provider serving them. */
const EMBEDDING_CLASSES: Readonly<Record<string, string>> = {
  OpenAIEmbedding: 'openai',
  OllamaEmbedding: 'ollama',
  GeminiEmbedding: 'google',
  MistralAIEmbedding: 'mistral',
};

/**
 * The models LlamaIndex.TS uses when the app names none (its `Settings` fall back to OpenAI):
 * "By default, LlamaIndex.TS uses gpt-4o" (https://developers.llamaindex.ai/typescript/framework/modules/models/llms) and
 * "By default, LlamaIndex will use the text-embedding-ada-002 model from OpenAI" (https://developers.llamaindex.ai/typescript/framework/modules/models/embeddings), read 2026-12-03.
 */
const LIBRARY_DEFAULT_LLM = { className: 'OpenAI', model: 'gpt-4o' };
const LIBRARY_DEFAULT_EMBEDDING = { className: 'OpenAIEmbedding', model: 'text-embedding-ada-002' };

/** Chat engine classes, and whether they retrieve context (embedding the user's message first). */
const CHAT_ENGINES: Readonly<Record<string, { retrieves: boolean }>> = {
  ContextChatEngine: { retrieves: true },
  CondenseQuestionChatEngine: { retrieves: true },
  SimpleChatEngine: { retrieves: false },
};

const QUERY_ENGINES = new Set(['RetrieverQueryEngine']);

/** The options naming an engine's LLM. */
const ENGINE_LLM_OPTIONS = ['chatModel', 'llm'];

const CALLEE_NAMES = new Set(['chat', 'complete', 'query', 'fromDocuments', 'retrieve', 'run', ...Object.keys(LLM_HELPERS), ...AGENT_FUNCTIONS]);

const MAX_CHAIN = 6;

const QUERY_EMBEDDING = "the retriever first embeds the user's message, an embedding request at query time besides this one (with Settings.embedModel for an index the app holds, LlamaIndex's default OpenAI text-embedding-ada-002 when unset; a managed index such as LlamaCloud embeds it on its side)";

export const llamaindexAnalyzer: Analyzer = {
  id: 'llamaindex',
  packages: [LLAMAINDEX_PACKAGE, /^@llamaindex\//, /^@vectorstores\//],
  analyze: eachCall((call, context) => analyzeCall(call, context), (name) => CALLEE_NAMES.has(name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (Node.isIdentifier(callee)) return helperRequest(call, callee, context) ?? handedAgentRequest(call, callee, context);
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.getName();
  if (method === 'fromDocuments') return indexing(call, callee.getExpression(), context);
  if (method === 'retrieve') return retrieval(call, callee.getExpression(), context);
  const made = madeBy(callee.getExpression(), context);
  if (!made) return undefined;
  if (made.kind === 'llm' && (method === 'chat' || method === 'complete')) return llmRequest(call, method, made.llm, context);
  if (made.kind === 'chat-engine' && method === 'chat') return engineRequest(call, method, made, context);
  if (made.kind === 'query-engine' && method === 'query') return engineRequest(call, method, made, context);
  if (made.kind === 'agent' && method === (made.creation.getKind() === SyntaxKind.NewExpression ? 'chat' : 'run')) return agentRequest(call, method, made, context);
  return undefined;
}

/** An LLM instance: the `new X(options)` that made it, or none when it is LlamaIndex's default (`Settings.llm` never set). */
interface LlmOrigin {
  made?: Node;
  className: string;
  evidence: string[];
}

type Made =
  | { kind: 'llm'; llm: LlmOrigin }
  | { kind: 'chat-engine' | 'query-engine'; creation: Node; className: string; retrieves: boolean; llm: LlmOrigin; evidence: string[] }
  | { kind: 'agent'; creation: Node; className: string; llm: LlmOrigin; options: Node | undefined; evidence: string[] };

/**
 * What made the receiver of a call: an LLM class, a chat engine or a query engine of LlamaIndex. Followed through
 * constants and factory functions, and through `Settings.withLLM(llm, () => ...)`, whose callback's engine answers with `llm`.
 */
function madeBy(receiver: Node, context: AnalyzerContext): Made | undefined {
  let scopedLlm: Node | undefined;
  let current = receiver;
  for (let step = 0; step < MAX_CHAIN; step++) {
    // `Settings.llm`, also held in a local (`const llm = Settings.llm as ToolCallLLM`): the app's Settings LLM.
    const value = isSettingsMember(current, 'llm', context) ? current : traceValue(current, context.modules);
    if (isSettingsMember(value, 'llm', context)) {
      const llm = settingsLlm(receiver.getSourceFile(), context);
      return llm && { kind: 'llm', llm };
    }
    if (Node.isNewExpression(value)) {
      const binding = calleeBinding(unwrapExpression(value.getExpression()), context.modules);
      if (!binding || !isLlamaIndexPackage(binding.packageName)) return undefined;
      if (Object.hasOwn(LLM_CLASSES, binding.importedName)) return { kind: 'llm', llm: { made: value, className: binding.importedName, evidence: [`LLM: new ${binding.importedName}(...) from '${binding.packageName}' (${placeOf(value)})`] } };
      if (AGENT_CLASSES.has(binding.importedName)) return agentMade(value, binding, scopedLlm, receiver, context);
      const engine = Object.hasOwn(CHAT_ENGINES, binding.importedName) ? CHAT_ENGINES[binding.importedName] : undefined;
      if (!engine && !QUERY_ENGINES.has(binding.importedName)) return undefined;
      const options = resolveObjectLiteral(value.getArguments()[0], context.modules);
      const given = ENGINE_LLM_OPTIONS.map((name) => getObjectProperty(options, name, context.modules)).find((option) => option !== undefined);
      const llm = engineLlm(given, scopedLlm, value, receiver, context);
      if (!llm) return undefined;
      return { kind: engine ? 'chat-engine' : 'query-engine', creation: value, className: binding.importedName, retrieves: engine?.retrieves ?? true, llm, evidence: [`${engine ? 'chat' : 'query'} engine: new ${binding.importedName}(...) from '${binding.packageName}' (${placeOf(value)})`] };
    }
    if (!Node.isCallExpression(value)) return undefined;
    const callee = unwrapExpression(value.getExpression());
    if (Node.isIdentifier(callee)) {
      const binding = calleeBinding(callee, context.modules);
      if (!binding || !isLlamaIndexPackage(binding.packageName)) return undefined;
      if (Object.hasOwn(LLM_FACTORIES, binding.importedName)) return { kind: 'llm', llm: { made: value, className: LLM_FACTORIES[binding.importedName], evidence: [`LLM: ${binding.importedName}(...) from '${binding.packageName}' (${placeOf(value)})`] } };
      return AGENT_FUNCTIONS.has(binding.importedName) ? agentMade(value, binding, scopedLlm, receiver, context) : undefined;
    }
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    const name = callee.getName();
    if (name === 'withLLM' && isSettingsObject(callee.getExpression(), context)) {
      // `Settings.withLLM(llm, async () => createEngine())`: the engine made in the callback answers with `llm`.
      scopedLlm = value.getArguments()[0];
      const returned = callbackResult(value.getArguments()[1]);
      if (!returned) return undefined;
      current = returned;
      continue;
    }
    if (name === 'asChatEngine' || name === 'asQueryEngine') {
      if (!mentionsLlamaIndex(value.getSourceFile()) && !mentionsLlamaIndex(receiver.getSourceFile())) return undefined;
      const options = resolveObjectLiteral(value.getArguments()[0], context.modules);
      const given = ENGINE_LLM_OPTIONS.map((option) => getObjectProperty(options, option, context.modules)).find((option) => option !== undefined);
      const llm = engineLlm(given, scopedLlm, value, receiver, context);
      if (!llm) return undefined;
      return { kind: name === 'asChatEngine' ? 'chat-engine' : 'query-engine', creation: value, className: `${callee.getExpression().getText().slice(0, 30)}.${name}()`, retrieves: true, llm, evidence: [`${name === 'asChatEngine' ? 'chat' : 'query'} engine: ${callee.getExpression().getText().slice(0, 30)}.${name}() (${placeOf(value)}), retrieving from the index`] };
    }
    return undefined;
  }
  return undefined;
}

/** An agent made with `agent({ llm, tools })` or `new OpenAIAgent({ llm, tools })`, answering with its `llm` (else `Settings.llm`). */
function agentMade(creation: CallExpression | NewExpression, binding: { packageName: string; importedName: string }, scopedLlm: Node | undefined, receiver: Node, context: AnalyzerContext): Made | undefined {
  const options = resolveObjectLiteral(creation.getArguments()[0], context.modules);
  const llm = engineLlm(getObjectProperty(options, 'llm', context.modules), scopedLlm, creation, receiver, context);
  if (!llm) return undefined;
  const written = Node.isNewExpression(creation) ? `new ${binding.importedName}(...)` : `${binding.importedName}(...)`;
  return { kind: 'agent', creation, className: binding.importedName, llm, options, evidence: [`agent: ${written} from '${binding.packageName}' (${placeOf(creation)})`] };
}

/** The LLM an engine answers with: the one it is given, else the one `Settings.withLLM` scopes, else `Settings.llm` of the app. */
function engineLlm(given: Node | undefined, scopedLlm: Node | undefined, creation: Node, requestReceiver: Node, context: AnalyzerContext): LlmOrigin | undefined {
  const explicit = given && !isSettingsMember(given, 'llm', context) ? given : scopedLlm;
  if (explicit) {
    const made = madeBy(explicit, context);
    if (made?.kind === 'llm') return made.llm;
    return { className: '', evidence: [`LLM: \`${explicit.getText().slice(0, 40)}\`, not traced to a LlamaIndex LLM class`] };
  }
  return settingsLlm(creation.getSourceFile(), context) ?? settingsLlm(requestReceiver.getSourceFile(), context);
}

/** `Settings.llm = new X(...)` in a file, or LlamaIndex's default LLM when the file loads LlamaIndex and sets none. */
function settingsLlm(file: SourceFile, context: AnalyzerContext): LlmOrigin | undefined {
  const assigned = settingsAssignment(file, 'llm', context);
  if (assigned) {
    const made = madeBy(assigned, context);
    if (made?.kind === 'llm') return { ...made.llm, evidence: [...made.llm.evidence, `set as Settings.llm (${placeOf(assigned)})`] };
  }
  return { className: LIBRARY_DEFAULT_LLM.className, evidence: [`no LLM given to the engine and no Settings.llm set in ${file.getBaseName()}: LlamaIndex's default, OpenAI ${LIBRARY_DEFAULT_LLM.model} (the app may set Settings.llm in another module)`] };
}

/** The value assigned to `Settings.<member>` in a file, the last assignment. */
function settingsAssignment(file: SourceFile, member: string, context: AnalyzerContext): Node | undefined {
  let found: Node | undefined;
  for (const binary of file.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (binary.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    if (isSettingsMember(binary.getLeft(), member, context)) found = binary.getRight();
  }
  return found;
}

function isSettingsMember(node: Node, member: string, context: AnalyzerContext): boolean {
  const access = unwrapExpression(node);
  return Node.isPropertyAccessExpression(access) && access.getName() === member && isSettingsObject(access.getExpression(), context);
}

function isSettingsObject(node: Node, context: AnalyzerContext): boolean {
  const binding = calleeBinding(unwrapExpression(node), context.modules);
  return binding !== undefined && binding.importedName === 'Settings' && isLlamaIndexPackage(binding.packageName);
}

/** What a callback (`async () => { return await make(); }`, `() => make()`) returns. */
function callbackResult(callback: Node | undefined): Node | undefined {
  const fn = callback && unwrapExpression(callback);
  if (!fn || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return undefined;
  const body = fn.getBody();
  if (!Node.isBlock(body)) return body;
  const returns = body.getDescendantsOfKind(SyntaxKind.ReturnStatement).filter((statement) => statement.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor)) === fn);
  return returns.at(-1)?.getExpression();
}

function mentionsLlamaIndex(file: SourceFile): boolean {
  return [...packagesLoadedBy(file)].some(isLlamaIndexPackage);
}

/** Provider and model of an LLM: the class's provider and its `model` option, else LlamaIndex's default model for OpenAI. */
function llmModel(llm: LlmOrigin, context: AnalyzerContext): { provider: string; model: ModelRef; evidence: string[] } {
  const provider = Object.hasOwn(LLM_CLASSES, llm.className) ? LLM_CLASSES[llm.className] : 'unknown';
  if (!llm.made) {
    if (llm.className === LIBRARY_DEFAULT_LLM.className) return { provider, model: { id: LIBRARY_DEFAULT_LLM.model, raw: '', source: 'default-param' }, evidence: [...llm.evidence] };
    return { provider, model: { id: null, raw: '', source: 'dynamic' }, evidence: [...llm.evidence] };
  }
  const optionsNode = Node.isNewExpression(llm.made) || Node.isCallExpression(llm.made) ? llm.made.getArguments()[0] : undefined;
  const options = resolveObjectLiteral(optionsNode, context.modules);
  if (optionsNode && !options) {
    // `new OpenAI(modelConfig)`: the options object comes whole from elsewhere (a request body); its model is read where it can be.
    const read = readModel(optionsNode, context.modules);
    return { provider, model: { ...read.ref, id: null, source: read.ref.source === 'user-choice' ? 'user-choice' : 'dynamic' }, evidence: [...llm.evidence, `options \`${optionsNode.getText().slice(0, 40)}\` passed whole: their model is set at run time`, ...read.evidence] };
  }
  const modelNode = getObjectProperty(options, 'model', context.modules);
  if (!modelNode && llm.className === LIBRARY_DEFAULT_LLM.className) return { provider, model: { id: LIBRARY_DEFAULT_LLM.model, raw: '', source: 'default-param' }, evidence: [...llm.evidence, `no model option: LlamaIndex's OpenAI class defaults to ${LIBRARY_DEFAULT_LLM.model} (the library default)`] };
  const read = readModel(modelNode, context.modules);
  return { provider, model: read.ref, evidence: [...llm.evidence, ...read.evidence] };
}

function maxTokensOf(llm: LlmOrigin, context: AnalyzerContext): number | null {
  const options = llm.made && (Node.isNewExpression(llm.made) || Node.isCallExpression(llm.made)) ? resolveObjectLiteral(llm.made.getArguments()[0], context.modules) : undefined;
  return resolveNumber(getObjectProperty(options, 'maxTokens', context.modules), context.modules);
}

const NO_FEATURES = { streaming: false, tools: false, vision: false, structuredOutput: false };

/** `llm.chat({ messages, stream })`, `llm.complete({ prompt, stream })`. */
function llmRequest(call: CallExpression, method: 'chat' | 'complete', llm: LlmOrigin, context: AnalyzerContext): DetectedCall {
  const params = resolveObjectLiteral(call.getArguments()[0], context.modules);
  const { provider, model, evidence } = llmModel(llm, context);
  const messagesNode = getObjectProperty(params, 'messages', context.modules);
  const prompt = getObjectProperty(params, 'prompt', context.modules);
  const messages: PromptMessage[] = method === 'chat' ? resolveMessages(messagesNode, context.modules).messages : prompt ? [{ role: 'user', ...resolvePromptText(prompt, context.modules) }] : [];
  return toDetectedCall(call, context, {
    provider,
    sdk: 'llamaindex',
    method: `llm.${method}`,
    endpoint: method === 'chat' ? 'chat' : 'completion',
    model,
    messages,
    maxOutputTokens: maxTokensOf(llm, context),
    features: { ...NO_FEATURES, streaming: isTrueLiteral(getObjectProperty(params, 'stream', context.modules)) },
    toolNames: [],
    evidence: [`LlamaIndex ${llm.className || 'LLM'}.${method}()`, ...evidence],
  });
}

/** `chatEngine.chat({ message, chatHistory, stream })` / `queryEngine.query({ query })` (or the text alone). */
function engineRequest(call: CallExpression, method: 'chat' | 'query', made: Extract<Made, { kind: 'chat-engine' | 'query-engine' }>, context: AnalyzerContext): DetectedCall {
  const argument = call.getArguments()[0];
  const params = resolveObjectLiteral(argument, context.modules);
  const textNode = params ? getObjectProperty(params, method === 'chat' ? 'message' : 'query', context.modules) : argument;
  const history = getObjectProperty(params, 'chatHistory', context.modules);
  const { provider, model, evidence } = llmModel(made.llm, context);
  const messages: PromptMessage[] = [];
  if (made.retrieves) messages.push({ role: 'system', text: '{{retrieved context}}', holes: [{ kind: 'rag-context', expression: 'retrieved nodes' }] });
  if (history) messages.push({ role: 'user', text: `{{${history.getText().slice(0, 60)}}}`, holes: [{ kind: 'history', expression: history.getText().slice(0, 60) }] });
  if (textNode) messages.push({ role: 'user', ...resolvePromptText(textNode, context.modules) });
  const endpoint: Endpoint = 'chat';
  return toDetectedCall(call, context, {
    provider,
    sdk: 'llamaindex',
    method: `${made.kind === 'chat-engine' ? 'chatEngine' : 'queryEngine'}.${method}`,
    endpoint,
    model,
    messages,
    maxOutputTokens: maxTokensOf(made.llm, context),
    features: { ...NO_FEATURES, streaming: isTrueLiteral(getObjectProperty(params, 'stream', context.modules)) },
    toolNames: [],
    evidence: [...made.evidence, ...evidence, ...(made.retrieves ? [QUERY_EMBEDDING] : [])],
  });
}

/**
 * `agent.run('What is the weather?')` (or `agent.chat({ message })` of an agent class): the agent sends the message with its
 * system prompt and tools to its LLM, then again with each tool's result until the LLM answers (several requests per run).
 */
function agentRequest(call: CallExpression, method: string, made: Extract<Made, { kind: 'agent' }>, context: AnalyzerContext): DetectedCall {
  const argument = call.getArguments()[0];
  const params = resolveObjectLiteral(argument, context.modules);
  const textNode = params ? getObjectProperty(params, 'message', context.modules) : argument;
  const { provider, model, evidence } = llmModel(made.llm, context);
  // `tools: []` gives the agent nothing to call: one request, as a plain chat.
  const tools = nonEmptyList(getObjectProperty(made.options, 'tools', context.modules));
  const toolNames = readToolNames(tools, context.modules);
  const system = getObjectProperty(made.options, 'systemPrompt', context.modules);
  const messages: PromptMessage[] = [];
  if (system) messages.push({ role: 'system', ...resolvePromptText(system, context.modules) });
  if (textNode) messages.push({ role: 'user', ...resolvePromptText(textNode, context.modules) });
  return toDetectedCall(call, context, {
    provider,
    sdk: 'llamaindex',
    method: `agent.${method}`,
    endpoint: 'chat',
    model,
    messages,
    maxOutputTokens: maxTokensOf(made.llm, context),
    features: { ...NO_FEATURES, streaming: isTrueLiteral(getObjectProperty(params, 'stream', context.modules)), tools: tools !== undefined, multiStep: tools !== undefined },
    toolNames,
    evidence: [...made.evidence, ...evidence, ...(tools ? [`tools: ${toolNames.length > 0 ? toolNames.join(', ') : tools.getText().slice(0, 40)}; the agent calls its LLM again with each tool's result until it answers`] : [])],
  });
}

/** `chatWithTools(llm, tools, messages)`, `generateEventComponent(schema, llm)`: a LlamaIndex function sending a request to the LLM it is handed. */
function helperRequest(call: CallExpression, callee: Node, context: AnalyzerContext): DetectedCall | undefined {
  const binding = calleeBinding(callee, context.modules);
  if (!binding || !isLlamaIndexPackage(binding.packageName) || !Object.hasOwn(LLM_HELPERS, binding.importedName)) return undefined;
  const helper = LLM_HELPERS[binding.importedName];
  const args = call.getArguments();
  const handed = args[helper.llm];
  const made = handed && madeBy(handed, context);
  const llm: LlmOrigin = made?.kind === 'llm' ? made.llm : handed ? { className: '', evidence: [`LLM: \`${handed.getText().slice(0, 40)}\`, not traced to a LlamaIndex LLM class`] } : settingsLlm(call.getSourceFile(), context)!;
  const { provider, model, evidence } = llmModel(llm, context);
  const tools = helper.tools !== undefined ? nonEmptyList(args[helper.tools]) : undefined;
  const toolNames = readToolNames(tools, context.modules);
  const input = args[helper.input];
  const messages: PromptMessage[] = !input ? [] : helper.tools !== undefined ? resolveMessages(input, context.modules).messages : [{ role: 'user', text: `{{${input.getText().slice(0, 60)}}}`, holes: [{ kind: 'interpolation', expression: input.getText().slice(0, 60) }] }];
  return toDetectedCall(call, context, {
    provider,
    sdk: 'llamaindex',
    method: binding.importedName,
    endpoint: helper.endpoint,
    model,
    messages,
    maxOutputTokens: maxTokensOf(llm, context),
    features: { ...NO_FEATURES, tools: tools !== undefined },
    toolNames,
    evidence: [`${binding.importedName}() from '${binding.packageName}' ${helper.what}`, ...evidence],
  });
}

/**
 * `return agent({ tools: [queryEngineTool] })` from the app's `workflowFactory`: an agent handed to whoever runs it
 * (`LlamaIndexServer({ workflow: workflowFactory })` runs it for each chat message), never run in the file itself. An
 * agent the file keeps in a variable is reported where it is run (`agent.run(message)`).
 */
function handedAgentRequest(call: CallExpression, callee: Node, context: AnalyzerContext): DetectedCall | undefined {
  if (!AGENT_FUNCTIONS.has(callee.getText())) return undefined;
  const parent = call.getParent();
  const handedOn = parent !== undefined && (Node.isReturnStatement(parent) || Node.isArrowFunction(parent) || Node.isPropertyAssignment(parent) || Node.isExportAssignment(parent));
  if (!handedOn) return undefined;
  const binding = calleeBinding(callee, context.modules);
  if (!binding || !isLlamaIndexPackage(binding.packageName)) return undefined;
  const made = agentMade(call, binding, undefined, call, context);
  if (made?.kind !== 'agent') return undefined;
  const request = agentRequest(call, 'run', made, context);
  request.evidence.push('the agent is handed on (returned or passed), not run in this file: whoever receives it runs it for each message (LlamaIndexServer runs a workflow factory per chat request)');
  return request;
}

/**
 * `VectorStoreIndex.fromDocuments(documents)`: an embedding request per chunk of the documents, with `Settings.embedModel`
 * (LlamaIndex's default when the file sets none). An empty array literal embeds nothing.
 */
function indexing(call: CallExpression, owner: Node, context: AnalyzerContext): DetectedCall | undefined {
  const binding = calleeBinding(unwrapExpression(owner), context.modules);
  if (!binding || binding.importedName !== 'VectorStoreIndex' || !isLlamaIndexPackage(binding.packageName)) return undefined;
  const documents = call.getArguments()[0];
  if (!documents) return undefined;
  const literal = unwrapExpression(documents);
  if (Node.isArrayLiteralExpression(literal) && literal.getElements().length === 0) return undefined;
  const embedder = optionsEmbedder(call.getArguments()[1], context) ?? embeddingModel(call.getSourceFile(), context);
  const text = documents.getText().slice(0, 60);
  return toDetectedCall(call, context, {
    provider: embedder.provider,
    sdk: 'llamaindex',
    method: 'VectorStoreIndex.fromDocuments',
    endpoint: 'embedding',
    model: embedder.model,
    messages: [{ role: 'user', text: `{{${text}}}`, holes: [{ kind: 'rag-context', expression: text }] }],
    maxOutputTokens: null,
    features: NO_FEATURES,
    toolNames: [],
    evidence: [`VectorStoreIndex.fromDocuments from '${binding.packageName}': splits the documents into chunks and makes an embedding request per chunk (batched)`, ...embedder.evidence],
  });
}

/**
 * `retriever.retrieve({ query })` on `index.asRetriever()` of an index the app built with `fromDocuments`: the query is
 * embedded (one embedding request) with the index's embedder. The retriever may be kept in a map (`retrievers.set(url,
 * retriever)`, then `retrievers.get(url).retrieve(...)`) or returned by a function of the file.
 */
function retrieval(call: CallExpression, receiver: Node, context: AnalyzerContext): DetectedCall | undefined {
  const made = retrieverMadeBy(receiver, context);
  if (!made) return undefined;
  const index = unwrapExpression(made.getExpression() as Node);
  const indexOwner = Node.isPropertyAccessExpression(index) ? traceValue(index.getExpression(), context.modules) : undefined;
  const built = indexOwner && Node.isCallExpression(indexOwner) ? indexOwner : undefined;
  const builtCallee = built && unwrapExpression(built.getExpression());
  const fromDocuments = built && builtCallee && Node.isPropertyAccessExpression(builtCallee) && builtCallee.getName() === 'fromDocuments' ? calleeBinding(unwrapExpression(builtCallee.getExpression()), context.modules) : undefined;
  const builtHere = fromDocuments?.importedName === 'VectorStoreIndex' && isLlamaIndexPackage(fromDocuments.packageName) ? built : undefined;
  // `const index = await getIndex(data)` from the app's own module (a stored index loaded, or LlamaCloud's): a LlamaIndex
  // index all the same when this file works with LlamaIndex, its query embedded with the embedder Settings gives.
  if (!builtHere && !(Node.isPropertyAccessExpression(index) && mentionsLlamaIndex(call.getSourceFile()))) return undefined;
  const embedder = builtHere ? optionsEmbedder(builtHere.getArguments()[1], context) ?? embeddingModel(builtHere.getSourceFile(), context) : embeddingModel(call.getSourceFile(), context);
  const indexWhere = builtHere ? `the index built at ${placeOf(builtHere)}` : `the app's index \`${index.getText().slice(0, 40)}\` (loaded elsewhere; a managed index such as LlamaCloud's embeds the query on its side)`;
  const query = getObjectProperty(resolveObjectLiteral(call.getArguments()[0], context.modules), 'query', context.modules) ?? call.getArguments()[0];
  return toDetectedCall(call, context, {
    provider: embedder.provider,
    sdk: 'llamaindex',
    method: 'retriever.retrieve',
    endpoint: 'embedding',
    model: embedder.model,
    messages: query ? [{ role: 'user', ...resolvePromptText(query, context.modules) }] : [],
    maxOutputTokens: null,
    features: NO_FEATURES,
    toolNames: [],
    evidence: [`retrieve() on ${made.getText().slice(0, 60)} (${placeOf(made)}) of ${indexWhere}: the query is embedded, then matched against the stored vectors`, ...embedder.evidence],
  });
}

/** The `index.asRetriever(...)` call a retriever comes from: directly, through the file's functions, or through a map it was put in. */
function retrieverMadeBy(receiver: Node, context: AnalyzerContext): CallExpression | undefined {
  const isRetrieverMade = (node: Node): node is CallExpression => {
    const callee = Node.isCallExpression(node) ? unwrapExpression(node.getExpression()) : undefined;
    return callee !== undefined && Node.isPropertyAccessExpression(callee) && callee.getName() === 'asRetriever';
  };
  const value = traceValue(receiver, context.modules);
  if (isRetrieverMade(value)) return value;
  // `const retriever = retrievers.get(url)`: what `retrievers.set(key, value)` puts in, in this file.
  const getter = Node.isCallExpression(value) ? unwrapExpression(value.getExpression()) : undefined;
  if (!getter || !Node.isPropertyAccessExpression(getter) || getter.getName() !== 'get') return undefined;
  const mapName = getter.getExpression().getText();
  for (const put of callsMatching(receiver.getSourceFile(), (call) => calleeNameOf(call) === 'set')) {
    const setter = unwrapExpression(put.getExpression());
    if (!Node.isPropertyAccessExpression(setter) || setter.getExpression().getText() !== mapName) continue;
    const stored = put.getArguments()[1] && traceValue(put.getArguments()[1], context.modules);
    if (stored && isRetrieverMade(stored)) return stored;
  }
  return undefined;
}

/**
 * `fromDocuments(documents, { embedFunc: vercelEmbedding(cohere.embedding('embed-v4.0')) })` (`@vectorstores/vercel`): the
 * index embeds with the AI SDK embedding model it is handed, its provider the `@ai-sdk/*` factory's.
 */
function optionsEmbedder(options: Node | undefined, context: AnalyzerContext): { provider: string; model: ModelRef; evidence: string[] } | undefined {
  const handed = getObjectProperty(resolveObjectLiteral(options, context.modules), 'embedFunc', context.modules);
  const adapter = handed && traceValue(handed, context.modules);
  if (!adapter || !Node.isCallExpression(adapter)) return undefined;
  const made = adapter.getArguments()[0] && traceValue(adapter.getArguments()[0], context.modules);
  const factory = made && Node.isCallExpression(made) ? unwrapExpression(made.getExpression()) : undefined;
  if (!made || !factory || !Node.isCallExpression(made)) return undefined;
  const evidence = [`embedding model: the embedFunc option, ${adapter.getText().slice(0, 80)} (${placeOf(adapter)})`];
  const provider = aiSdkFactoryProvider(Node.isPropertyAccessExpression(factory) ? factory.getExpression() : factory, context.modules, evidence);
  if (!provider) return undefined;
  const read = readModel(made.getArguments()[0], context.modules);
  return { provider, model: read.ref, evidence: [...evidence, ...read.evidence] };
}

function embeddingModel(file: SourceFile, context: AnalyzerContext): { provider: string; model: ModelRef; evidence: string[] } {
  const assigned = settingsAssignment(file, 'embedModel', context);
  const made = assigned && traceValue(assigned, context.modules);
  if (made && Node.isNewExpression(made)) {
    const binding = calleeBinding(unwrapExpression(made.getExpression()), context.modules);
    if (binding && isLlamaIndexPackage(binding.packageName)) {
      const provider = Object.hasOwn(EMBEDDING_CLASSES, binding.importedName) ? EMBEDDING_CLASSES[binding.importedName] : 'unknown';
      const modelNode = getObjectProperty(resolveObjectLiteral(made.getArguments()[0], context.modules), 'model', context.modules);
      const evidence = [`embedding model: Settings.embedModel = new ${binding.importedName}(...) (${placeOf(made)})`];
      if (!modelNode && binding.importedName === LIBRARY_DEFAULT_EMBEDDING.className) return { provider, model: { id: LIBRARY_DEFAULT_EMBEDDING.model, raw: '', source: 'default-param' }, evidence: [...evidence, `no model option: the library default ${LIBRARY_DEFAULT_EMBEDDING.model}`] };
      const read = readModel(modelNode, context.modules);
      return { provider, model: read.ref, evidence: [...evidence, ...read.evidence] };
    }
  }
  return { provider: 'openai', model: { id: LIBRARY_DEFAULT_EMBEDDING.model, raw: '', source: 'default-param' }, evidence: [`no Settings.embedModel set in ${file.getBaseName()}: LlamaIndex's default embedding model, OpenAI ${LIBRARY_DEFAULT_EMBEDDING.model} (the library default; the app may set Settings.embedModel in another module)`] };
}
