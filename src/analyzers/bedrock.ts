import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveClientOrigin } from './shared/clients';
import { resolveMessages, resolvePromptText } from './shared/prompt';
import { firstProperty, getObjectProperty, placeOf, resolveNumber, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { escapeRegExp } from '../model/regExp';
import { calleeBinding, eachCall, readModel, readSystemPrompt, readToolNames, traceValue } from './shared/sdk';

/**
 * AWS Bedrock: the runtime (`@aws-sdk/client-bedrock-runtime`): `client.send(new ConverseCommand({...}))`
 * and its stream/InvokeModel/async/bidirectional siblings, and the aggregated client's `converse(...)`;
 * the Agent Runtime (`@aws-sdk/client-bedrock-agent-runtime`): agents, knowledge-base RAG
 * (`RetrieveAndGenerate`), flows and prompt optimization, each of which runs a foundation model, and a
 * knowledge base's `Retrieve`, which embeds the query with the knowledge base's embedding model.
 * `.send()` of any other command (S3, DynamoDB, Bedrock control plane, agent memory) is not an LLM call. The reported method is `send(<Command>)` so the command class stays visible.
 */
const PACKAGE = '@aws-sdk/client-bedrock-runtime';
const AGENT_PACKAGE = '@aws-sdk/client-bedrock-agent-runtime';

type CommandKind = 'converse' | 'invoke' | 'async-invoke' | 'agent' | 'retrieve' | 'retrieve-and-generate' | 'flow' | 'optimize-prompt';

interface CommandSpec {
  kind: CommandKind;
  packageName: string;
  streaming?: boolean;
  /** The aggregated client's method (`new BedrockRuntime().converse(...)`). */
  method: string;
}

const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  ConverseCommand: { kind: 'converse', packageName: PACKAGE, method: 'converse' },
  ConverseStreamCommand: { kind: 'converse', packageName: PACKAGE, streaming: true, method: 'converseStream' },
  InvokeModelCommand: { kind: 'invoke', packageName: PACKAGE, method: 'invokeModel' },
  InvokeModelWithResponseStreamCommand: { kind: 'invoke', packageName: PACKAGE, streaming: true, method: 'invokeModelWithResponseStream' },
  // Speech-to-speech (Nova Sonic): a duplex stream of audio and text events.
  InvokeModelWithBidirectionalStreamCommand: { kind: 'invoke', packageName: PACKAGE, streaming: true, method: 'invokeModelWithBidirectionalStream' },
  // Long-running jobs (Nova Reel video, batch-like requests): the input is `modelInput`, the result lands in S3.
  StartAsyncInvokeCommand: { kind: 'async-invoke', packageName: PACKAGE, method: 'startAsyncInvoke' },
  InvokeAgentCommand: { kind: 'agent', packageName: AGENT_PACKAGE, streaming: true, method: 'invokeAgent' },
  // Retrieval alone: billed as the embedding of the query (and the vector store's reads), no generation.
  RetrieveCommand: { kind: 'retrieve', packageName: AGENT_PACKAGE, method: 'retrieve' },
  RetrieveAndGenerateCommand: { kind: 'retrieve-and-generate', packageName: AGENT_PACKAGE, method: 'retrieveAndGenerate' },
  RetrieveAndGenerateStreamCommand: { kind: 'retrieve-and-generate', packageName: AGENT_PACKAGE, streaming: true, method: 'retrieveAndGenerateStream' },
  InvokeFlowCommand: { kind: 'flow', packageName: AGENT_PACKAGE, streaming: true, method: 'invokeFlow' },
  OptimizePromptCommand: { kind: 'optimize-prompt', packageName: AGENT_PACKAGE, method: 'optimizePrompt' },
};

/** The aggregated clients' classes, by package. */
const AGGREGATED_CLASSES: Readonly<Record<string, string>> = { [PACKAGE]: 'BedrockRuntime', [AGENT_PACKAGE]: 'BedrockAgentRuntime' };

const AGGREGATED_METHODS = new Map(Object.entries(COMMANDS).map(([command, spec]) => [spec.method, command]));

/** A foundation-model or inference-profile ARN: the model id is its last path part. */
const MODEL_ARN = /:(?:foundation-model|inference-profile)\/([^/\s]+)$/;

export const bedrockAnalyzer: Analyzer = {
  id: 'bedrock',
  packages: [PACKAGE, AGENT_PACKAGE],
  analyze: eachCall(analyzeCall, (name) => name === 'send' || AGGREGATED_METHODS.has(name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.getName();
  let command: string | undefined;
  let input: Node | undefined;
  const evidence: string[] = [];
  if (name === 'send') {
    const argument = call.getArguments()[0];
    const created = argument && traceValue(argument, context.modules);
    if (!created || !Node.isNewExpression(created)) return undefined;
    const binding = calleeBinding(unwrapExpression(created.getExpression()), context.modules) ?? lazilyLoadedCommand(created.getExpression());
    if (!binding || !Object.hasOwn(COMMANDS, binding.importedName) || COMMANDS[binding.importedName].packageName !== binding.packageName) return undefined;
    command = binding.importedName;
    input = created.getArguments()[0];
    evidence.push(`${command} from '${binding.packageName}' at ${placeOf(created)}`);
    const origin = resolveClientOrigin(callee.getExpression(), context.modules);
    if (origin && origin.packageName !== binding.packageName) return undefined;
    evidence.push(origin ? origin.evidence[0] : `client \`${callee.getExpression().getText().slice(0, 40)}\` not traced; the command class decides`);
  } else if (AGGREGATED_METHODS.has(name)) {
    const origin = resolveClientOrigin(callee.getExpression(), context.modules);
    command = AGGREGATED_METHODS.get(name)!;
    if (!origin || origin.packageName !== COMMANDS[command].packageName || origin.className !== AGGREGATED_CLASSES[origin.packageName]) return undefined;
    input = call.getArguments()[0];
    evidence.push(...origin.evidence);
  } else {
    return undefined;
  }
  const spec = COMMANDS[command];
  const params = resolveObjectLiteral(input, context.modules);
  if (!params && input) evidence.push(`command input \`${input.getText().slice(0, 60)}\` not statically known`);
  if (spec.packageName === AGENT_PACKAGE) return agentCall(call, context, name === 'send' ? `send(${command})` : name, spec, params, evidence);
  const model = readModel(firstProperty(params, ['modelId'], context.modules), context.modules);
  evidence.push(...model.evidence);
  if (spec.kind === 'async-invoke') {
    // `modelInput` is the model's native body, given as an object (not a JSON string).
    const body = resolveObjectLiteral(getObjectProperty(params, 'modelInput', context.modules), context.modules);
    const { messages, hasImage } = readInvokeBody(body, context);
    const endpoint: Endpoint = model.ref.id && /reel|video/i.test(model.ref.id) ? 'other' : endpointOf('invoke', model.ref.id, body);
    if (endpoint === 'other') evidence.push('asynchronous video generation: billed per second of video, not per token');
    return toDetectedCall(call, context, { provider: 'aws-bedrock', sdk: 'bedrock', method: name === 'send' ? `send(${command})` : name, endpoint, model: model.ref, messages, maxOutputTokens: null, features: { streaming: false, tools: false, vision: hasImage, structuredOutput: false }, toolNames: [], evidence });
  }
  const body = spec.kind === 'invoke' ? invokeBody(params, context) : undefined;
  const { messages, hasImage } = spec.kind === 'converse' ? readConverse(params, context) : readInvokeBody(body, context);
  const tools = spec.kind === 'converse' ? getObjectProperty(getObjectProperty(params, 'toolConfig', context.modules), 'tools') : getObjectProperty(body, 'tools', context.modules);
  const maxTokens = spec.kind === 'converse'
    ? getObjectProperty(getObjectProperty(params, 'inferenceConfig', context.modules), 'maxTokens')
    : firstProperty(body, ['max_tokens', 'max_gen_len', 'maxTokens', 'max_new_tokens'], context.modules) ?? getObjectProperty(getObjectProperty(body, 'textGenerationConfig', context.modules), 'maxTokenCount') ?? getObjectProperty(getObjectProperty(body, 'inferenceConfig', context.modules), 'maxTokens') ?? getObjectProperty(getObjectProperty(body, 'inferenceConfig', context.modules), 'max_new_tokens');
  return toDetectedCall(call, context, {
    provider: 'aws-bedrock',
    sdk: 'bedrock',
    method: name === 'send' ? `send(${command})` : name,
    endpoint: endpointOf(spec.kind, model.ref.id, body),
    model: model.ref,
    messages,
    maxOutputTokens: resolveNumber(maxTokens, context.modules),
    features: {
      streaming: Boolean(spec.streaming),
      tools: Boolean(tools),
      vision: hasImage,
      structuredOutput: false,
    },
    toolNames: readToolNames(tools, context.modules),
    evidence,
  });
}

/**
 * A command class of a runtime package the file loads only when it runs (`await import('@aws-sdk/client-bedrock-runtime')`
 * in a method, the command taken from what the method returns: `const [{ ConverseCommand }] = await Promise.all([this.getSDK()])`,
 * `new sdk.InvokeModelCommand(...)`), so that the package stays optional. The binding cannot be followed through the
 * method's return; the class name, one of the runtime's own, and the file naming its package in an `import(...)` decide.
 */
function lazilyLoadedCommand(expression: Node): { importedName: string; packageName: string } | undefined {
  const node = unwrapExpression(expression);
  const name = Node.isIdentifier(node) ? node.getText() : Node.isPropertyAccessExpression(node) ? node.getName() : undefined;
  if (!name || !Object.hasOwn(COMMANDS, name)) return undefined;
  const packageName = COMMANDS[name].packageName;
  return lazyImportOf(packageName).test(node.getSourceFile().getFullText()) ? { importedName: name, packageName } : undefined;
}

const lazyImports = new Map<string, RegExp>();
/** `import("pkg")` (a dynamic import, or `typeof import("pkg")` in a type) of exactly this package. */
function lazyImportOf(packageName: string): RegExp {
  let pattern = lazyImports.get(packageName);
  if (!pattern) lazyImports.set(packageName, (pattern = new RegExp(`\\bimport\\(\\s*['"\`]${escapeRegExp(packageName)}['"\`]\\s*\\)`)));
  return pattern;
}

/**
 * Agent Runtime commands. The foundation model of an agent or a flow, and the embedding model of a knowledge
 * base, are configured in AWS, not in the code: the model is unknown and the evidence says so.
 * RetrieveAndGenerate names its generating model by ARN.
 */
function agentCall(call: CallExpression, context: AnalyzerContext, method: string, spec: CommandSpec, params: Node | undefined, evidence: string[]): DetectedCall {
  const modules = context.modules;
  let modelNode: Node | undefined;
  let prompt: Node | undefined;
  if (spec.kind === 'agent') {
    prompt = getObjectProperty(params, 'inputText', modules);
    evidence.push(`Bedrock agent ${getObjectProperty(params, 'agentId', modules)?.getText() ?? '(unknown)'}: its foundation model is configured in AWS, not in code`);
  } else if (spec.kind === 'retrieve') {
    prompt = getObjectProperty(getObjectProperty(params, 'retrievalQuery', modules), 'text', modules);
    evidence.push(`knowledge base ${getObjectProperty(params, 'knowledgeBaseId', modules)?.getText() ?? '(unknown)'}: the query is embedded with the knowledge base's embedding model, which is configured in AWS, not in code (an embedding request; the passages come back without generation)`);
  } else if (spec.kind === 'retrieve-and-generate') {
    prompt = getObjectProperty(getObjectProperty(params, 'input', modules), 'text', modules);
    const configuration = getObjectProperty(params, 'retrieveAndGenerateConfiguration', modules);
    const knowledgeBase = getObjectProperty(configuration, 'knowledgeBaseConfiguration', modules) ?? getObjectProperty(configuration, 'externalSourcesConfiguration', modules);
    modelNode = getObjectProperty(knowledgeBase, 'modelArn', modules);
    evidence.push('knowledge-base RAG: retrieved passages are added to the prompt (rag-context)');
  } else if (spec.kind === 'flow') {
    prompt = getObjectProperty(getObjectProperty(getObjectProperty(params, 'inputs', modules) && resolveFirstElement(getObjectProperty(params, 'inputs', modules)!, context), 'content', modules), 'document', modules);
    evidence.push(`Bedrock flow ${getObjectProperty(params, 'flowIdentifier', modules)?.getText() ?? '(unknown)'}: the models of its prompt nodes are configured in AWS, not in code`);
  } else {
    prompt = getObjectProperty(getObjectProperty(getObjectProperty(params, 'input', modules), 'textPrompt', modules), 'text', modules);
    modelNode = getObjectProperty(params, 'targetModelId', modules);
    evidence.push('prompt optimization: a Bedrock model rewrites the prompt for the target model');
  }
  const model = readModel(modelNode, modules);
  evidence.push(...(modelNode ? model.evidence : []));
  const fromArn = model.ref.id ? MODEL_ARN.exec(model.ref.id) : null;
  // Without a model in code, the raw text names what decides it (the agent or flow), for display.
  const configured = spec.kind === 'agent' ? getObjectProperty(params, 'agentId', modules) : spec.kind === 'flow' ? getObjectProperty(params, 'flowIdentifier', modules) : spec.kind === 'retrieve' ? getObjectProperty(params, 'knowledgeBaseId', modules) : undefined;
  const decidedBy = spec.kind === 'retrieve' ? 'knowledge base' : spec.kind;
  const ref = fromArn ? { ...model.ref, id: fromArn[1] } : modelNode ? model.ref : { ...model.ref, raw: configured ? `${decidedBy} ${configured.getText().replace(/^['"`]|['"`]$/g, '')}` : '' };
  if (fromArn) evidence.push(`model ${fromArn[1]} from the ARN`);
  const messages: PromptMessage[] = prompt ? [{ role: 'user', ...resolvePromptText(prompt, modules) }] : [{ role: 'user', text: '{{input}}', holes: [{ kind: 'message-array', expression: 'input' }] }];
  if (spec.kind === 'retrieve-and-generate') messages.push({ role: 'user', text: '{{retrieved passages}}', holes: [{ kind: 'rag-context', expression: 'retrieved passages' }] });
  return toDetectedCall(call, context, {
    provider: 'aws-bedrock',
    sdk: 'bedrock',
    method,
    endpoint: spec.kind === 'retrieve' ? 'embedding' : 'chat',
    model: ref,
    messages,
    maxOutputTokens: null,
    features: { streaming: Boolean(spec.streaming), tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence,
  });
}

function resolveFirstElement(list: Node, context: AnalyzerContext): Node | undefined {
  const value = traceValue(list, context.modules);
  return Node.isArrayLiteralExpression(value) ? resolveObjectLiteral(value.getElements()[0], context.modules) : undefined;
}

/** Embedding and image models are invoked through InvokeModel too; the model id and body tell them apart. */
function endpointOf(kind: CommandKind, modelId: string | null, body: Node | undefined): Endpoint {
  if (kind === 'converse') return 'chat';
  if (modelId && /embed/i.test(modelId)) return 'embedding';
  if (modelId && /image|titan-image|stable-diffusion|sd3|nova-canvas/i.test(modelId)) return 'image-generation';
  if (!modelId && getObjectProperty(body, 'inputText') && !getObjectProperty(body, 'textGenerationConfig')) return 'embedding';
  return 'chat';
}

/** `body: JSON.stringify({ ... })` (or a constant holding the object), read as the model's native request. */
function invokeBody(params: Node | undefined, context: AnalyzerContext): Node | undefined {
  const body = getObjectProperty(params, 'body', context.modules);
  if (!body) return undefined;
  const value = traceValue(body, context.modules);
  if (Node.isCallExpression(value) && /JSON\.stringify$/.test(value.getExpression().getText())) return resolveObjectLiteral(value.getArguments()[0], context.modules);
  if (Node.isCallExpression(value) && /encode$/.test(value.getExpression().getText())) return encodedBody(value, context);
  return undefined;
}

/** `new TextEncoder().encode(JSON.stringify({ ... }))`. */
function encodedBody(call: CallExpression, context: AnalyzerContext): Node | undefined {
  const inner = call.getArguments()[0] && traceValue(call.getArguments()[0], context.modules);
  if (inner && Node.isCallExpression(inner) && /JSON\.stringify$/.test(inner.getExpression().getText())) return resolveObjectLiteral(inner.getArguments()[0], context.modules);
  return undefined;
}

/** Converse: `system: [{ text }]`, `messages: [{ role, content: [{ text }, { image }] }]`. */
function readConverse(params: Node | undefined, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  if (!params) return { messages: [{ role: 'user', text: '{{input}}', holes: [{ kind: 'message-array', expression: 'input' }] }], hasImage: false };
  const messages: PromptMessage[] = [];
  const system = readSystemPrompt(getObjectProperty(params, 'system', context.modules), context.modules);
  if (system) messages.push(system);
  const turns = resolveMessages(getObjectProperty(params, 'messages', context.modules), context.modules);
  return { messages: [...messages, ...turns.messages], hasImage: turns.hasImage };
}

/** The native bodies: Anthropic Messages (`system`, `messages`), Titan/Cohere/Llama (`inputText`, `prompt`), Nova (`messages`). */
function readInvokeBody(body: Node | undefined, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  if (!body) return { messages: [{ role: 'user', text: '{{body}}', holes: [{ kind: 'message-array', expression: 'body' }] }], hasImage: false };
  const messages: PromptMessage[] = [];
  const system = readSystemPrompt(getObjectProperty(body, 'system', context.modules), context.modules);
  if (system) messages.push(system);
  const turns = getObjectProperty(body, 'messages', context.modules);
  if (turns) {
    const resolved = resolveMessages(turns, context.modules);
    return { messages: [...messages, ...resolved.messages], hasImage: resolved.hasImage };
  }
  const prompt = firstProperty(body, ['prompt', 'inputText', 'message', 'texts', 'text'], context.modules);
  if (prompt) messages.push({ role: 'user', ...resolvePromptText(prompt, context.modules) });
  return { messages, hasImage: Boolean(getObjectProperty(body, 'inputImage', context.modules)) };
}
