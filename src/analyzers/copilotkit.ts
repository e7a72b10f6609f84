import { Node, type CallExpression, type NewExpression } from 'ts-morph';
import type { DetectedCall, ModelRef } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { getObjectProperty, placeOf, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, readModel, traceValue } from './shared/sdk';

/**
 * CopilotKit's runtime (`@copilotkit/runtime`): a service adapter (`new OpenAIAdapter({ model })`) handed to the
 * runtime's endpoint (`copilotRuntimeNextJSAppRouterEndpoint({ runtime, serviceAdapter, endpoint })` and its Pages
 * Router, Node HTTP, Express and Nest variants; the older `copilotKit.response(req, adapter)` and
 * `streamHttpServerResponse(req, res, adapter)`) answers every message the app's copilot UI sends, streamed, with the
 * actions the page registers handed to the model as tools. The request is made inside the runtime, so the site is
 * where the adapter is handed to it (as a vector store's embeddings are reported at the store); the model is the
 * adapter's `model` option, else its class's default. Building an adapter or a runtime alone sends nothing.
 */
const PACKAGE = /^@copilotkit\/(?:runtime|backend)(?:\/[\w/-]+)?$/;

/** The runtime's endpoint factories, which take `{ runtime, serviceAdapter, endpoint }`. */
const ENDPOINTS = new Set(['copilotRuntimeNextJSAppRouterEndpoint', 'copilotRuntimeNextJSPagesRouterEndpoint', 'copilotRuntimeNodeHttpEndpoint', 'copilotRuntimeNodeExpressEndpoint', 'copilotRuntimeNestEndpoint']);
/** The older runtime methods taking the adapter as an argument. */
const RUNTIME_METHODS = new Set(['response', 'streamHttpServerResponse']);

/**
 * Each adapter class's provider and the model it sends when given none, from CopilotKit's source
 * (CopilotKit/CopilotKit e9387e04, 2026-08-21, packages/runtime/src/v1-deprecated/service-adapters/*: `DEFAULT_MODEL`
 * of each adapter; read 2026-12-03). A fact about the library, like an SDK's method table; prices stay in data/catalog.
 */
const ADAPTERS: Readonly<Record<string, { provider: string; defaultModel: string | null }>> = {
  OpenAIAdapter: { provider: 'openai', defaultModel: 'gpt-4o' },
  AnthropicAdapter: { provider: 'anthropic', defaultModel: 'claude-opus-4-8' },
  GroqAdapter: { provider: 'groq', defaultModel: 'llama-3.3-70b-versatile' },
  GoogleGenerativeAIAdapter: { provider: 'google', defaultModel: 'gemini-2.5-flash' },
  BedrockAdapter: { provider: 'aws-bedrock', defaultModel: 'amazon.nova-lite-v1:0' },
  ExperimentalOllamaAdapter: { provider: 'ollama', defaultModel: 'llama3:latest' },
  // The assistant's model is configured in OpenAI, not in the code.
  OpenAIAssistantAdapter: { provider: 'openai', defaultModel: null },
};

export const copilotKitAnalyzer: Analyzer = {
  id: 'copilotkit',
  packages: [PACKAGE],
  analyze: eachCall(analyzeCall, (name) => ENDPOINTS.has(name) || RUNTIME_METHODS.has(name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  if (!name) return undefined;
  let adapterNode: Node | undefined;
  if (ENDPOINTS.has(name)) {
    const binding = calleeBinding(callee, context.modules);
    if (!binding || !PACKAGE.test(binding.packageName)) return undefined;
    const options = resolveObjectLiteral(call.getArguments()[0], context.modules);
    // A runtime given agents (or remote agent endpoints) hands the chat to them: the agents' own requests are the sites.
    if (servesAgents(getObjectProperty(options, 'runtime', context.modules), context)) return undefined;
    adapterNode = getObjectProperty(options, 'serviceAdapter', context.modules);
  } else {
    adapterNode = call.getArguments().find((argument) => adapterOf(argument, context) !== undefined);
  }
  const adapter = adapterNode && adapterOf(adapterNode, context);
  if (!adapter) return undefined;
  const spec = ADAPTERS[adapter.className];
  const options = resolveObjectLiteral(adapter.creation.getArguments()[0], context.modules);
  const modelNode = getObjectProperty(options, 'model', context.modules);
  const evidence = [`CopilotKit runtime (${name}) serving its copilot UI with ${adapter.className} from '${adapter.packageName}' (${placeOf(adapter.creation)}): one streamed request per message, with the page's registered actions as tools`];
  let model: ModelRef;
  if (modelNode) {
    const read = readModel(modelNode, context.modules);
    evidence.push(...read.evidence);
    model = read.ref;
  } else if (spec.defaultModel) {
    evidence.push(`no model option: ${adapter.className} sends its default, ${spec.defaultModel} (CopilotKit's DEFAULT_MODEL for the class)`);
    model = { id: spec.defaultModel, raw: '', source: 'default-param' };
  } else {
    evidence.push(`${adapter.className} runs an OpenAI assistant: its model is configured in OpenAI, not in the code`);
    model = { id: null, raw: '', source: 'dynamic' };
  }
  return toDetectedCall(call, context, {
    provider: spec.provider,
    sdk: 'copilotkit',
    method: name,
    endpoint: 'chat',
    model,
    messages: [{ role: 'user', text: '{{the copilot chat messages}}', holes: [{ kind: 'history', expression: 'the copilot chat messages' }] }],
    maxOutputTokens: null,
    features: { streaming: true, tools: true, vision: false, structuredOutput: false },
    toolNames: [],
    evidence,
  });
}

/** Whether a runtime is `new CopilotRuntime({ agents })` or `({ remoteEndpoints })`: the chat goes to those agents, not the service adapter. */
function servesAgents(runtime: Node | undefined, context: AnalyzerContext): boolean {
  const created = runtime && traceValue(runtime, context.modules);
  if (!created || !Node.isNewExpression(created)) return false;
  const options = resolveObjectLiteral(created.getArguments()[0], context.modules);
  return getObjectProperty(options, 'agents', context.modules) !== undefined || getObjectProperty(options, 'remoteEndpoints', context.modules) !== undefined;
}

/** The `new <Adapter>(...)` of CopilotKit's runtime a value is, with its class and package. */
function adapterOf(value: Node, context: AnalyzerContext): { creation: NewExpression; className: string; packageName: string } | undefined {
  const created = traceValue(value, context.modules);
  if (!Node.isNewExpression(created)) return undefined;
  const binding = calleeBinding(unwrapExpression(created.getExpression()), context.modules);
  if (!binding || !PACKAGE.test(binding.packageName) || !Object.hasOwn(ADAPTERS, binding.importedName)) return undefined;
  return { creation: created, className: binding.importedName, packageName: binding.packageName };
}
