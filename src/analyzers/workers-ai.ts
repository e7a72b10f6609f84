import { Node, SyntaxKind, type CallExpression, type PropertyAccessExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveMessages, resolvePromptText } from './shared/prompt';
import { findDeclaration, getObjectProperty, resolveNumber, resolveObjectLiteral, resolveString, thisAssignments, unwrapExpression } from './shared/resolve';
import { eachCall, isTrueLiteral, readModel, readToolNames, traceValue } from './shared/sdk';

/**
 * Cloudflare Workers AI through a Worker's binding (no import: `env.AI` is the binding the Worker's config declares,
 * typed `Ai`): `env.AI.run('@cf/meta/llama-3.1-8b-instruct', { messages })` runs a model on Cloudflare's GPUs, billed
 * per neuron (each model's price per token or per image is Cloudflare's). `env.AI.autorag('name').aiSearch({ query })`
 * searches an AutoRAG index and answers from what it finds with a Workers AI model. A `run` is reported when its model
 * is a Workers AI id (`@cf/...`, `@hf/...`) or its receiver is the binding (`env.AI`, a parameter typed `Ai`).
 * (The AI SDK's provider for the same models, `workers-ai-provider`, is read by the vercel-ai analyzer.)
 */
const PROVIDER = 'cloudflare-workers-ai';
const MODEL_ID = /^@(?:cf|hf)\/[\w.-]+\/[\w.@:-]+$/;
/** `env.AI`, `this.env.AI`, `c.env.AI`: the binding as Workers name it. */
const BINDING = /(?:^|\.)env\.AI$/;

/** A model's task, by the names Workers AI gives its models (the catalog's task families). */
const MODEL_TASKS: ReadonlyArray<{ pattern: RegExp; endpoint: Endpoint }> = [
  { pattern: /whisper|nova-3|deepgram\/(?:nova|flux)/i, endpoint: 'audio-transcription' },
  { pattern: /melotts|aura-|deepgram\/aura/i, endpoint: 'audio-speech' },
  { pattern: /\bbge-|embedding|embeddinggemma|plamo-embedding/i, endpoint: 'embedding' },
  { pattern: /reranker/i, endpoint: 'rerank' },
  { pattern: /flux|stable-diffusion|dreamshaper|lucid-origin|phoenix|\bsdxl/i, endpoint: 'image-generation' },
];

export const workersAiAnalyzer: Analyzer = {
  id: 'workers-ai',
  // The binding needs no import: its type `Ai` comes from Cloudflare's workers types (or `wrangler types`).
  packages: ['@cloudflare/workers-types'],
  analyze(context) {
    // `.run(` is everywhere (task runners, test runners, stubs): off the binding, only a file that writes a Workers AI
    // model id is read further.
    const namesModel = MODEL_ID_TEXT.test(context.sourceFile.getFullText());
    return eachCall((call, callContext) => analyzeCall(call, callContext, namesModel), (name) => name === 'run' || name === 'aiSearch')(context);
  },
};

/** A Workers AI model id written in a file (`'@cf/meta/...'`). */
const MODEL_ID_TEXT = /['"`]@(?:cf|hf)\//;

function analyzeCall(call: CallExpression, context: AnalyzerContext, namesModel: boolean): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  return callee.getName() === 'run' ? modelRun(call, callee.getExpression(), context, namesModel) : autoragSearch(call, callee.getExpression(), context);
}

/** `env.AI.run(model, inputs, options)`. */
function modelRun(call: CallExpression, receiver: Node, context: AnalyzerContext, namesModel: boolean): DetectedCall | undefined {
  const modules = context.modules;
  const [modelNode, inputsNode] = call.getArguments();
  if (!modelNode) return undefined;
  const binding = bindingOf(receiver, context);
  if (!binding && !namesModel) return undefined;
  const model = readModel(modelNode, modules);
  const isModelId = model.ref.id !== null && MODEL_ID.test(model.ref.id);
  if (!isModelId && !binding) return undefined;
  const inputs = resolveObjectLiteral(inputsNode, modules);
  const messagesNode = getObjectProperty(inputs, 'messages', modules);
  const promptNode = getObjectProperty(inputs, 'prompt', modules) ?? getObjectProperty(inputs, 'text', modules);
  const byModel = model.ref.id ? MODEL_TASKS.find((task) => task.pattern.test(model.ref.id!))?.endpoint : undefined;
  const endpoint: Endpoint = byModel ?? (getObjectProperty(inputs, 'audio', modules) ? 'audio-transcription' : messagesNode ? 'chat' : promptNode ? 'completion' : 'chat');
  let messages: PromptMessage[] = [];
  let hasImage = getObjectProperty(inputs, 'image', modules) !== undefined;
  if (messagesNode) {
    const resolved = resolveMessages(messagesNode, modules);
    messages = resolved.messages;
    hasImage ||= resolved.hasImage;
  } else if (promptNode && endpoint !== 'audio-transcription') {
    messages = [{ role: 'user', ...resolvePromptText(promptNode, modules) }];
  }
  const tools = getObjectProperty(inputs, 'tools', modules);
  const evidence = [`${receiver.getText().slice(0, 40)}.run() ${binding ?? `with a Workers AI model id (${model.ref.id})`}: Cloudflare Workers AI, billed per neuron`, ...model.evidence];
  return toDetectedCall(call, context, {
    provider: PROVIDER,
    sdk: 'workers-ai',
    method: 'AI.run',
    endpoint,
    model: model.ref,
    messages,
    maxOutputTokens: resolveNumber(getObjectProperty(inputs, 'max_tokens', modules), modules),
    features: {
      streaming: isTrueLiteral(getObjectProperty(inputs, 'stream', modules)),
      tools: tools !== undefined,
      vision: hasImage && endpoint !== 'image-generation',
      structuredOutput: getObjectProperty(inputs, 'response_format', modules) !== undefined,
    },
    toolNames: readToolNames(tools, modules),
    evidence,
  });
}

/** `env.AI.autorag(name).aiSearch({ query, model })`: a retrieval over the index, then an answer written by a Workers AI model. */
function autoragSearch(call: CallExpression, owner: Node, context: AnalyzerContext): DetectedCall | undefined {
  const rag = unwrapExpression(owner);
  if (!Node.isCallExpression(rag)) return undefined;
  const ragCallee = unwrapExpression(rag.getExpression());
  if (!Node.isPropertyAccessExpression(ragCallee) || ragCallee.getName() !== 'autorag') return undefined;
  const binding = bindingOf(ragCallee.getExpression(), context);
  if (!binding) return undefined;
  const modules = context.modules;
  const options = resolveObjectLiteral(call.getArguments()[0], modules);
  const modelNode = getObjectProperty(options, 'model', modules);
  const model = readModel(modelNode, modules);
  const query = getObjectProperty(options, 'query', modules);
  const index = rag.getArguments()[0] ? resolveString(rag.getArguments()[0], modules).value : null;
  const evidence = [`aiSearch() of the AutoRAG index ${index ? `"${index}"` : rag.getArguments()[0]?.getText() ?? ''} on ${binding}: the documents it retrieves are answered from by a Workers AI model`, ...(modelNode ? model.evidence : ["no model in the options: the AutoRAG instance's own model (set in Cloudflare, not in the code)"])];
  return toDetectedCall(call, context, {
    provider: PROVIDER,
    sdk: 'workers-ai',
    method: 'autorag.aiSearch',
    endpoint: 'chat',
    model: model.ref,
    // The documents the search retrieves are handed to the model with the query.
    messages: [{ role: 'system', text: '{{retrieved documents}}', holes: [{ kind: 'rag-context', expression: 'retrieved documents' }] }, ...(query ? [{ role: 'user' as const, ...resolvePromptText(query, modules) }] : [])],
    maxOutputTokens: null,
    features: { streaming: isTrueLiteral(getObjectProperty(options, 'stream', modules)), tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence,
  });
}

/** How the evidence names the Workers AI binding a receiver is (`env.AI`, a parameter or field typed `Ai`); undefined otherwise. */
function bindingOf(receiver: Node, context: AnalyzerContext): string | undefined {
  const node = unwrapExpression(receiver);
  if (BINDING.test(node.getText())) return `on the Worker's AI binding (${node.getText()})`;
  const kept = Node.isPropertyAccessExpression(node) ? bindingKeptInField(node, context) : undefined;
  if (kept) return kept;
  const declaration = Node.isIdentifier(node) ? findDeclaration(node, context.modules) : undefined;
  const typeNode = declaration && (Node.isParameterDeclaration(declaration) || Node.isVariableDeclaration(declaration) || Node.isPropertyDeclaration(declaration)) ? declaration.getTypeNode() : undefined;
  return typeNode?.getKind() === SyntaxKind.TypeReference && typeNode.getText() === 'Ai' ? `on \`${node.getText()}\`, typed Ai (the Worker's AI binding)` : undefined;
}

/** How a Worker hands its bindings to the app: `source.AI`, `env.AI` (the name the Worker's config gives the AI binding). */
const HANDED_BINDING = /(?:^|\.)AI$/;

/**
 * `ENV.AI_BINDING.run(model, { prompt })` where the app's settings class copies the binding into its field when the
 * Worker starts (`this.AI_BINDING = source.AI`): the field is the binding.
 */
function bindingKeptInField(access: PropertyAccessExpression, context: AnalyzerContext): string | undefined {
  const owner = unwrapExpression(access.getExpression());
  let classNode: Node | undefined;
  if (owner.getKind() === SyntaxKind.ThisKeyword) classNode = access.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor));
  else {
    const made = unwrapExpression(traceValue(owner, context.modules));
    const constructed = Node.isNewExpression(made) ? unwrapExpression(made.getExpression()) : undefined;
    classNode = constructed && Node.isIdentifier(constructed) ? findDeclaration(constructed, context.modules) : undefined;
  }
  if (!classNode || !Node.isClassDeclaration(classNode)) return undefined;
  const source = thisAssignments(classNode, access.getName()).find((value) => HANDED_BINDING.test(unwrapExpression(value).getText()));
  return source ? `on \`${access.getText()}\`, which ${classNode.getName() ?? 'its class'} sets to the Worker's AI binding (\`${source.getText()}\`)` : undefined;
}
