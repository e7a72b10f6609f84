import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, ModelRef, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveMessages, resolvePromptText, runTimeTurn } from './shared/prompt';
import { findDeclaration, firstProperty, getObjectProperty, importBindingOf, placeOf, resolveNumber, resolveObjectLiteral, returnsOf, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, readModel, readSystemPrompt, readToolNames, traceValue } from './shared/sdk';

/**
 * ModelFusion (`modelfusion`, lgrammel/modelfusion, the AI SDK's predecessor): request functions that take a model
 * object made by a provider facade (`openai.ChatTextGenerator({ model: 'gpt-4' })`, `stability.ImageGenerator(...)`,
 * `lmnt.SpeechGenerator(...)`), often decorated (`.withTextPrompt()`, `.asFunctionCallObjectGenerationModel(...)`),
 * or by a model class of its earlier versions (`new OpenAIChatModel({ model })`). Since 0.100 the functions take one
 * options object (`generateText({ model, prompt })`); before, positional arguments (`generateText(model, prompt)`,
 * `generateStructure(model, schema, prompt)`). Also reported: storing into a vector index with an embedding model
 * (`upsertIntoVectorIndex`, the objects' texts embedded) and retrieving with one (`retrieve(new VectorIndexRetriever({
 * embeddingModel }), query)`, the query embedded).
 */
const FUNCTIONS: Readonly<Record<string, { endpoint: Endpoint; streaming?: boolean; structured?: boolean; tools?: boolean; input?: 'text' | 'value' | 'values' | 'audio' | 'objects' | 'query' }>> = {
  generateText: { endpoint: 'chat' },
  streamText: { endpoint: 'chat', streaming: true },
  generateObject: { endpoint: 'chat', structured: true },
  streamObject: { endpoint: 'chat', streaming: true, structured: true },
  generateStructure: { endpoint: 'chat', structured: true },
  streamStructure: { endpoint: 'chat', streaming: true, structured: true },
  generateToolCall: { endpoint: 'chat', tools: true },
  generateToolCalls: { endpoint: 'chat', tools: true },
  runTool: { endpoint: 'chat', tools: true },
  runTools: { endpoint: 'chat', tools: true },
  useTool: { endpoint: 'chat', tools: true },
  useTools: { endpoint: 'chat', tools: true },
  generateImage: { endpoint: 'image-generation' },
  generateSpeech: { endpoint: 'audio-speech', input: 'text' },
  streamSpeech: { endpoint: 'audio-speech', streaming: true, input: 'text' },
  generateTranscription: { endpoint: 'audio-transcription', input: 'audio' },
  embed: { endpoint: 'embedding', input: 'value' },
  embedMany: { endpoint: 'embedding', input: 'values' },
  upsertIntoVectorIndex: { endpoint: 'embedding', input: 'objects' },
  retrieve: { endpoint: 'embedding', input: 'query' },
};

const PACKAGE = 'modelfusion';

/** Who serves a facade's (or an earlier model class's name prefix's) models. */
const PROVIDER_BY_FACADE: Readonly<Record<string, string>> = {
  openai: 'openai',
  openaicompatible: 'openai-compatible',
  anthropic: 'anthropic',
  cohere: 'cohere',
  mistral: 'mistral',
  huggingface: 'huggingface',
  stability: 'stability',
  lmnt: 'lmnt',
  elevenlabs: 'elevenlabs',
  ollama: 'ollama',
  llamacpp: 'llama.cpp',
  whispercpp: 'self-hosted',
  automatic1111: 'self-hosted',
};

/** A model class of ModelFusion before its facades: `OpenAIChatModel`, `LlamaCppTextGenerationModel`, `StabilityImageGenerationModel`. */
const MODEL_CLASS = /^(OpenAICompatible|OpenAI|Anthropic|Cohere|Mistral|HuggingFace|Stability|Lmnt|ElevenLabs|Ollama|LlamaCpp|WhisperCpp|Automatic1111)\w*Model$/;

/** The settings a ModelFusion model reads its output limit from, by version. */
const MAX_TOKENS_SETTINGS = ['maxGenerationTokens', 'maxCompletionTokens', 'maxTokens'];

const MAX_MODEL_DEPTH = 8;

export const modelfusionAnalyzer: Analyzer = {
  id: 'modelfusion',
  packages: [PACKAGE],
  analyze: eachCall((call, context) => analyzeCall(call, context), (name) => name in FUNCTIONS),
};

interface ModelObject {
  provider: string;
  ref: ModelRef;
  settings: Node | undefined;
  /** A completion (not chat) text generator: `CompletionTextGenerator`, `...TextGenerationModel` of OpenAI's legacy API. */
  completion: boolean;
  evidence: string[];
}

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const binding = calleeBinding(call.getExpression(), context.modules);
  if (!binding || binding.packageName !== PACKAGE) return undefined;
  const spec = FUNCTIONS[binding.importedName];
  if (!spec) return undefined;
  const [first, second, third] = call.getArguments();
  const evidence = [`${binding.importedName} imported from '${PACKAGE}'`];
  // Since 0.100 one options object with the model in it; before, the model first and the input after it.
  const options = first ? resolveObjectLiteral(first, context.modules) : undefined;
  const objectForm = Boolean(options && Node.isObjectLiteralExpression(options) && (getObjectProperty(options, 'model') || getObjectProperty(options, 'embeddingModel') || getObjectProperty(options, 'retriever')));
  let modelNode: Node | undefined;
  let input: Node | undefined;
  if (spec.input === 'query') {
    const retriever = objectForm ? getObjectProperty(options, 'retriever', context.modules) : first;
    modelNode = retriever && getObjectProperty(retrieverOptions(retriever, context), 'embeddingModel', context.modules);
    input = objectForm ? getObjectProperty(options, 'query', context.modules) : second;
  } else if (spec.input === 'objects') {
    modelNode = getObjectProperty(options, 'embeddingModel', context.modules);
    input = getObjectProperty(options, 'objects', context.modules);
  } else if (objectForm) {
    modelNode = getObjectProperty(options, 'model', context.modules);
    input = getObjectProperty(options, spec.input === 'text' ? 'text' : spec.input === 'value' ? 'value' : spec.input === 'values' ? 'values' : spec.input === 'audio' ? 'audioData' : 'prompt', context.modules);
  } else {
    modelNode = first;
    input = spec.structured && binding.importedName.endsWith('Structure') ? third : second;
  }
  if (!modelNode) evidence.push('no model given');
  const model = modelNode ? resolveModelObject(modelNode, context, 0) : undefined;
  const ref = model?.ref ?? { id: null, raw: modelNode?.getText().slice(0, 80) ?? '', source: 'dynamic' as const };
  if (model) evidence.push(...model.evidence);
  else if (modelNode) evidence.push(`model \`${modelNode.getText().slice(0, 60)}\` not traced to a ModelFusion model: provider and model unknown`);
  const { messages, hasImage } = readInput(input, spec.input, context);
  const tools = objectForm ? getObjectProperty(options, 'tools', context.modules) ?? getObjectProperty(options, 'tool', context.modules) : undefined;
  const endpoint: Endpoint = spec.endpoint === 'chat' && model?.completion ? 'completion' : spec.endpoint;
  return toDetectedCall(call, context, {
    provider: model?.provider ?? 'unknown',
    sdk: 'modelfusion',
    method: binding.importedName,
    endpoint,
    model: ref,
    messages,
    maxOutputTokens: model?.settings ? resolveNumber(firstProperty(model.settings, MAX_TOKENS_SETTINGS, context.modules), context.modules) : null,
    features: {
      streaming: Boolean(spec.streaming),
      tools: Boolean(spec.tools || tools),
      vision: hasImage,
      structuredOutput: Boolean(spec.structured),
    },
    toolNames: readToolNames(tools, context.modules),
    evidence,
  });
}

/** `new VectorIndexRetriever({ vectorIndex, embeddingModel, maxResults })`: its options, where the embedding model is. */
function retrieverOptions(retriever: Node, context: AnalyzerContext): Node | undefined {
  const made = traceValue(retriever, context.modules);
  if (!Node.isNewExpression(made)) return undefined;
  const argument = made.getArguments()[0];
  return argument && resolveObjectLiteral(argument, context.modules);
}

/**
 * The model object: a facade call (`openai.ChatTextGenerator({ model })`, imported `openai` from modelfusion), an earlier
 * model class (`new OpenAIChatModel({ model })`), through decorators (`.withTextPrompt()`, `.asFunctionCallObjectGenerationModel()`),
 * constants and the app's own function or method returning one (each return a candidate, the first one reported).
 */
function resolveModelObject(node: Node, context: AnalyzerContext, depth: number): ModelObject | undefined {
  if (depth > MAX_MODEL_DEPTH) return undefined;
  let target = unwrapExpression(node);
  if (Node.isAwaitExpression(target)) target = unwrapExpression(target.getExpression());
  const traced = traceValue(target, context.modules);
  if (Node.isNewExpression(traced)) {
    const constructor = unwrapExpression(traced.getExpression());
    const binding = Node.isIdentifier(constructor) ? importBindingOf(constructor, context.modules) : undefined;
    const prefix = binding?.packageName === PACKAGE ? MODEL_CLASS.exec(binding.importedName)?.[1] : undefined;
    if (!prefix) return undefined;
    return fromSettings(PROVIDER_BY_FACADE[prefix.toLowerCase()] ?? 'unknown', traced.getArguments()[0], /TextGeneration|Completion/.test(binding!.importedName) && !/Chat/.test(binding!.importedName), `model made with new ${binding!.importedName}()`, context);
  }
  if (!Node.isCallExpression(traced)) return undefined;
  const callee = unwrapExpression(traced.getExpression());
  if (Node.isPropertyAccessExpression(callee)) {
    const owner = unwrapExpression(callee.getExpression());
    const facade = Node.isIdentifier(owner) ? importBindingOf(owner, context.modules) : undefined;
    if (facade?.packageName === PACKAGE) {
      const provider = PROVIDER_BY_FACADE[facade.importedName.toLowerCase()];
      if (!provider) return undefined;
      return fromSettings(provider, traced.getArguments()[0], /^Completion|TextGenerator$/.test(callee.getName()) && !/Chat/.test(callee.getName()), `model from ${facade.importedName}.${callee.getName()}()`, context);
    }
    // A decorator of a model (`.withTextPrompt()`, `.withInstructionPrompt()`, `.asFunctionCallObjectGenerationModel(...)`): the model it wraps.
    const decorated = resolveModelObject(callee.getExpression(), context, depth + 1);
    if (decorated) return decorated;
  }
  // The app's own function or method handing out a model (`voiceManager.getSpeechModel(...)`): its returns, the first that is one.
  const declaration = functionDeclarationOf(callee, context);
  if (!declaration) return undefined;
  const found = returnsOf(declaration).map((returned) => resolveModelObject(returned, context, depth + 1)).filter((model): model is ModelObject => model !== undefined);
  if (found.length === 0) return undefined;
  const providers = [...new Set(found.map((model) => model.provider))];
  const chosen = found[0];
  return providers.length > 1 ? { ...chosen, evidence: [...chosen.evidence, `one of ${providers.join(', ')}, as ${callee.getText().slice(0, 60)}() chooses at run time`] } : chosen;
}

/** The function or method a call names, in the workspace. */
function functionDeclarationOf(callee: Node, context: AnalyzerContext): Node | undefined {
  if (Node.isIdentifier(callee)) {
    const declaration = findDeclaration(callee, context.modules);
    return declaration && (Node.isFunctionDeclaration(declaration) ? declaration : undefined);
  }
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  // `new VoiceManager(...)`, or a static factory of the class (`await VoiceManager.fromFile(...)`).
  const owner = traceValue(callee.getExpression(), context.modules);
  let made: Node | undefined;
  if (Node.isNewExpression(owner)) made = unwrapExpression(owner.getExpression());
  else if (Node.isCallExpression(owner)) {
    const factory = unwrapExpression(owner.getExpression());
    if (Node.isPropertyAccessExpression(factory)) made = unwrapExpression(factory.getExpression());
  }
  const classDeclaration = made && Node.isIdentifier(made) ? findDeclaration(made, context.modules) : undefined;
  if (!classDeclaration || !Node.isClassDeclaration(classDeclaration)) return undefined;
  return classDeclaration.getMethod(callee.getName()) ?? classDeclaration.getStaticMethod(callee.getName());
}

function fromSettings(provider: string, settingsNode: Node | undefined, completion: boolean, made: string, context: AnalyzerContext): ModelObject {
  const settings = settingsNode && resolveObjectLiteral(settingsNode, context.modules);
  const modelField = getObjectProperty(settings, 'model', context.modules);
  const model = readModel(modelField, context.modules);
  const where = settingsNode ? ` at ${placeOf(settingsNode)}` : '';
  return { provider, ref: model.ref, settings, completion, evidence: [`${made}${where}`, ...(modelField ? model.evidence : ['no model named: the facade\'s default, or a voice or deployment the settings name'])] };
}

/** The request's input: a prompt (text, an instruction prompt `{ system, instruction }`, a chat prompt `{ system, messages }`), speech text, values to embed, audio. */
function readInput(input: Node | undefined, kind: (typeof FUNCTIONS)[string]['input'], context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  if (!input) return { messages: [runTimeTurn('input', 'message-array')], hasImage: false };
  const expression = input.getText().slice(0, 60);
  if (kind === 'audio') return { messages: [runTimeTurn(expression, 'file-content')], hasImage: false };
  if (kind === 'values' || kind === 'objects') return { messages: [runTimeTurn(expression, 'rag-context')], hasImage: false };
  const prompt = resolveObjectLiteral(input, context.modules);
  if (kind === undefined && prompt && Node.isObjectLiteralExpression(prompt)) {
    const messages: PromptMessage[] = [];
    let hasImage = false;
    const system = readSystemPrompt(getObjectProperty(prompt, 'system', context.modules), context.modules);
    if (system) messages.push(system);
    const instruction = getObjectProperty(prompt, 'instruction', context.modules);
    if (instruction) messages.push({ role: 'user', ...resolvePromptText(instruction, context.modules) });
    const turns = getObjectProperty(prompt, 'messages', context.modules);
    if (turns) {
      const resolved = resolveMessages(turns, context.modules);
      messages.push(...resolved.messages);
      hasImage ||= resolved.hasImage;
    }
    if (messages.length > 0) return { messages, hasImage };
  }
  return { messages: [{ role: 'user', ...resolvePromptText(input, context.modules) }], hasImage: false };
}
