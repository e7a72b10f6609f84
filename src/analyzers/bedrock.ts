import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveClientOrigin } from './shared/clients';
import { resolveMessages, resolvePromptText } from './shared/prompt';
import { getObjectProperty, resolveNumber, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, firstProperty, readModel, readSystemPrompt, readToolNames, traceValue } from './shared/sdk';

/**
 * AWS Bedrock Runtime (`@aws-sdk/client-bedrock-runtime`): `client.send(new ConverseCommand({...}))`
 * and its stream/InvokeModel siblings, and the aggregated client's `converse(...)`/`invokeModel(...)`.
 * `.send()` of any other command (S3, DynamoDB, Bedrock control plane) is not an LLM call. The
 * reported method is `send(<Command>)` so the command class stays visible.
 */
const PACKAGE = '@aws-sdk/client-bedrock-runtime';

const COMMANDS: Readonly<Record<string, { kind: 'converse' | 'invoke'; streaming?: boolean; method: string }>> = {
  ConverseCommand: { kind: 'converse', method: 'converse' },
  ConverseStreamCommand: { kind: 'converse', streaming: true, method: 'converseStream' },
  InvokeModelCommand: { kind: 'invoke', method: 'invokeModel' },
  InvokeModelWithResponseStreamCommand: { kind: 'invoke', streaming: true, method: 'invokeModelWithResponseStream' },
};

const AGGREGATED_METHODS = new Map(Object.entries(COMMANDS).map(([command, spec]) => [spec.method, command]));

export const bedrockAnalyzer: Analyzer = {
  id: 'bedrock',
  packages: [PACKAGE],
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
    const binding = calleeBinding(unwrapExpression(created.getExpression()), context.modules);
    if (!binding || binding.packageName !== PACKAGE || !(binding.importedName in COMMANDS)) return undefined;
    command = binding.importedName;
    input = created.getArguments()[0];
    evidence.push(`${command} from '${PACKAGE}' at ${created.getSourceFile().getBaseName()}:${created.getStartLineNumber()}`);
    const origin = resolveClientOrigin(callee.getExpression(), context.modules);
    if (origin && origin.packageName !== PACKAGE) return undefined;
    evidence.push(origin ? origin.evidence[0] : `client \`${callee.getExpression().getText().slice(0, 40)}\` not traced; the command class decides`);
  } else if (AGGREGATED_METHODS.has(name)) {
    const origin = resolveClientOrigin(callee.getExpression(), context.modules);
    if (!origin || origin.packageName !== PACKAGE || origin.className !== 'BedrockRuntime') return undefined;
    command = AGGREGATED_METHODS.get(name)!;
    input = call.getArguments()[0];
    evidence.push(...origin.evidence);
  } else {
    return undefined;
  }
  const spec = COMMANDS[command];
  const params = resolveObjectLiteral(input, context.modules);
  if (!params && input) evidence.push(`command input \`${input.getText().slice(0, 60)}\` not statically known`);
  const model = readModel(firstProperty(params, ['modelId'], context.modules), context.modules);
  evidence.push(...model.evidence);
  const body = spec.kind === 'invoke' ? invokeBody(params, context) : undefined;
  const { messages, hasImage } = spec.kind === 'converse' ? readConverse(params, context) : readInvokeBody(body, context);
  const tools = spec.kind === 'converse' ? getObjectProperty(getObjectProperty(params, 'toolConfig', context.modules), 'tools') : getObjectProperty(body, 'tools', context.modules);
  const maxTokens = spec.kind === 'converse'
    ? getObjectProperty(getObjectProperty(params, 'inferenceConfig', context.modules), 'maxTokens')
    : firstProperty(body, ['max_tokens', 'max_gen_len', 'maxTokens', 'max_new_tokens'], context.modules) ?? getObjectProperty(getObjectProperty(body, 'textGenerationConfig', context.modules), 'maxTokenCount') ?? getObjectProperty(getObjectProperty(body, 'inferenceConfig', context.modules), 'maxTokens') ?? getObjectProperty(getObjectProperty(body, 'inferenceConfig', context.modules), 'max_new_tokens');
  return toDetectedCall(call, context.file, {
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

/** Embedding and image models are invoked through InvokeModel too; the model id and body tell them apart. */
function endpointOf(kind: 'converse' | 'invoke', modelId: string | null, body: Node | undefined): Endpoint {
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
