import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, PromptMessage } from '../../model/types';
import type { Analyzer, AnalyzerContext } from '../analyzer';
import type { ModuleLoader } from './modules';
import { toDetectedCall } from './callsite';
import { originAmong, resolveClientOrigin } from './clients';
import { resolveContentParts, resolveMessages, requestsStructuredOutput } from './prompt';
import { getObjectProperty, resolveNumber, resolveObjectLiteral, resolveString, unwrapExpression } from './resolve';
import { eachCall, importBindingOf, isTrueLiteral, lastNamesOf, matchMethodTable, type MethodSpec, providerFromOptions, readModel, readSystemPrompt, readToolNames, traceValue } from './sdk';

/**
 * A small analyzer for SDKs built like OpenAI's: a client object (`new Groq()`, `new Mistral()`, or an
 * instance the package exports, like `ollama`) with request methods taking one options object.
 * Field lists name where each SDK keeps the model, prompt and settings (dotted paths allowed).
 */
export interface ClientSdkSpec {
  id: string;
  /** Who serves and bills the requests unless the client's host option says otherwise. */
  provider: string;
  packages: readonly string[];
  methods: readonly MethodSpec[];
  /** Package exports that are ready clients (`import ollama from 'ollama'` → `default`). */
  instances?: readonly string[];
  /** The package's client classes this spec reads, when its other classes are another service's clients (Bing's beside OpenAI's). */
  classes?: readonly string[];
  /** The constructor argument holding a class's options when it is not the first (`new ChatGPTClient(apiKey, options)`), by class name. */
  constructorOptions?: Readonly<Record<string, number>>;
  /** Client constructor options that point at another host (`baseURL`, `serverURL`, `host`). */
  hostOptions?: readonly string[];
  fields: {
    model: readonly string[];
    system?: readonly string[];
    messages?: readonly string[];
    /** Plain prompt/input fields, read as one user message (a list becomes its parts). */
    prompt?: readonly string[];
    maxTokens?: readonly string[];
    tools?: readonly string[];
    /** Fields that request structured output (`response_format`, `format`). */
    structured?: readonly string[];
    /** Fields carrying images (`images` in Ollama). */
    images?: readonly string[];
    /** Callback options whose presence streams the reply (`onProgress` in the `chatgpt` package); an embedding's progress callback streams nothing. */
    streamingCallbacks?: readonly string[];
  };
  /**
   * Where the client's constructor options set the model every request uses unless it names its own
   * (`new ChatGPTAPI({ completionParams: { model } })`), as dotted paths.
   */
  clientModel?: readonly string[];
  /** Methods whose request object is not the first argument (`textToSpeech.convert(voiceId, request)`), by path. */
  requestArgument?: Readonly<Record<string, number>>;
  /**
   * Methods taking the model and the input as arguments of their own before an options object
   * (`getChatCompletions(deploymentName, messages, options)`), by path: the arguments' positions. The
   * input is chat messages for a chat method, else a prompt (a list of prompts becomes its parts).
   */
  positional?: Readonly<Record<string, PositionalArguments>>;
  /**
   * When the receiver cannot be traced to a client: whether the call is still ours (shape and
   * model make it unambiguous). Omitted → untraced calls are never reported.
   */
  untraced?: (receiverText: string, modelId: string | null, method: MethodSpec) => boolean;
  /** Said of every request, after the client's evidence: where its provider and model are set when the code cannot say. */
  note?: string;
  /**
   * A request field naming the provider the SDK sends it to (token.js's `provider: 'anthropic'`): its value, as our
   * provider id (`values` renames the SDK's own names), when the code writes one.
   */
  providerField?: { name: string; values?: Readonly<Record<string, string>> };
}

export interface PositionalArguments {
  /** Absent when the model is not an argument of its own (it is then read from the options' model fields). */
  model?: number;
  input?: number;
  /** The input is the user's text (`sendMessage(text, options)`), not a list of chat messages. */
  inputIsText?: boolean;
  options?: number;
}

/** Builds an Analyzer from a ClientSdkSpec; `id` is also the `sdk` of every call it reports. */
export function createClientSdkAnalyzer(spec: ClientSdkSpec): Analyzer {
  const methodNames = lastNamesOf(spec.methods);
  return {
    id: spec.id,
    packages: spec.packages,
    analyze: eachCall((call, context) => analyzeCall(spec, call, context), (name) => methodNames.has(name), { forwarded: true }),
  };
}

/** Reads a dotted field path (`options.num_predict`) off an object literal. */
export function fieldAt(object: Node | undefined, path: string, modules?: ModuleLoader): Node | undefined {
  let current = object;
  for (const name of path.split('.')) current = getObjectProperty(current, name, modules);
  return current;
}

function firstField(object: Node | undefined, paths: readonly string[] | undefined, modules?: ModuleLoader): Node | undefined {
  for (const path of paths ?? []) {
    const value = fieldAt(object, path, modules);
    if (value) return value;
  }
  return undefined;
}

function analyzeCall(spec: ClientSdkSpec, call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const match = matchMethodTable(call, spec.methods, context.modules);
  if (!match) return undefined;
  const receiver = match.receiver;
  const takes = (candidate: { packageName: string; className: string }): boolean => spec.packages.includes(candidate.packageName) && (!spec.classes || spec.classes.includes(candidate.className));
  const origin = originAmong(resolveClientOrigin(receiver, context.modules), takes);
  if (origin && !takes(origin)) return undefined;
  const optionsIndex = origin ? spec.constructorOptions?.[origin.className] : undefined;
  const clientOptions = optionsIndex === undefined ? origin?.options : origin?.constructorArguments?.[optionsIndex];
  const positional = spec.positional?.[match.method.path];
  const requestIndex = positional?.options ?? spec.requestArgument?.[match.method.path] ?? 0;
  const request = match.arguments[requestIndex];
  const params = resolveObjectLiteral(request, context.modules);
  const requestModel = positional?.model !== undefined ? match.arguments[positional.model] : firstField(params, spec.fields.model, context.modules);
  const clientModel = requestModel ? undefined : firstField(resolveObjectLiteral(clientOptions, context.modules), spec.clientModel, context.modules);
  const model = readModel(requestModel ?? clientModel, context.modules);
  const evidence: string[] = [];
  if (clientModel) evidence.push(`model set on the client (${unwrapExpression(clientModel).getText().slice(0, 60)}), which every request without its own uses`);
  let provider = spec.provider;

  if (origin) {
    evidence.push(...origin.evidence);
    provider = providerFromOptions(clientOptions, context.modules, evidence, spec.hostOptions) ?? provider;
  } else {
    const instance = instanceBinding(spec, receiver, context);
    if (instance) {
      evidence.push(instance);
    } else {
      if (!spec.untraced?.(receiver.getText(), model.ref.id, match.method)) return undefined;
      evidence.push(`client \`${receiver.getText().slice(0, 40)}\` not traced to a ${spec.packages[0]} client; matched by ${match.method.path} and ${model.ref.id ? `the model "${model.ref.id}"` : 'the receiver name'}`);
    }
  }
  const namedProvider = spec.providerField && fieldAt(params, spec.providerField.name, context.modules);
  const providerName = namedProvider && resolveString(namedProvider, context.modules).value;
  if (spec.providerField && providerName) {
    provider = spec.providerField.values?.[providerName] ?? providerName;
    evidence.push(`the request's ${spec.providerField.name} field names ${providerName}`);
  }
  if (spec.note) evidence.push(spec.note);
  if (!params && request) evidence.push(`request \`${request.getText().slice(0, 60)}\` not statically known`);
  evidence.push(...model.evidence);

  const { messages, hasImage } = positional ? withSystemPrompt(spec, params, readPositionalInput(match.arguments[positional.input ?? -1], match.method.endpoint === 'chat' && !positional.inputIsText, context), context) : readPrompt(spec, params, context);
  const tools = firstField(params, spec.fields.tools, context.modules);
  const structured = firstField(params, spec.fields.structured, context.modules);
  const images = firstField(params, spec.fields.images, context.modules);
  const messagesWithImages = firstField(params, spec.fields.messages, context.modules);
  const imageInMessages = Boolean(spec.fields.images && messagesWithImages && /\bimages\s*:/.test(messagesWithImages.getText()));
  return toDetectedCall(call, context, {
    provider,
    sdk: spec.id,
    method: match.method.path,
    endpoint: match.method.endpoint,
    model: model.ref,
    messages,
    maxOutputTokens: resolveNumber(firstField(params, spec.fields.maxTokens, context.modules), context.modules),
    features: {
      streaming: Boolean(match.method.streaming) || isTrueLiteral(getObjectProperty(params, 'stream')) || (match.method.endpoint !== 'embedding' && Boolean(firstField(params, spec.fields.streamingCallbacks, context.modules))),
      tools: Boolean(tools),
      vision: hasImage || Boolean(images) || imageInMessages,
      structuredOutput: Boolean(match.method.structured) || requestsStructuredOutput(structured, match.method.endpoint, context.modules),
    },
    toolNames: readToolNames(tools, context.modules),
    structuredOutputName: structured && requestsStructuredOutput(structured, match.method.endpoint, context.modules) ? unwrapExpression(structured).getText().slice(0, 40) : undefined,
    evidence,
  });
}

/** `import ollama from 'ollama'`: the package's ready-made client instance, possibly re-exported or aliased. */
function instanceBinding(spec: ClientSdkSpec, receiver: Node, context: AnalyzerContext): string | undefined {
  if (!spec.instances) return undefined;
  const traced = traceValue(receiver, context.modules);
  const binding = Node.isIdentifier(traced) ? importBindingOf(traced, context.modules) : undefined;
  if (!binding || !spec.packages.includes(binding.packageName)) return undefined;
  if (!spec.instances.includes(binding.importedName) && !(binding.importedName === '*' && spec.instances.includes('default'))) return undefined;
  return `client is the instance exported by '${binding.packageName}'`;
}

/** A positional input: chat messages, or a prompt (or a list of them, read as its parts); unknown when absent. */
function readPositionalInput(input: Node | undefined, isChat: boolean, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  if (!input) return { messages: [{ role: 'user', text: '{{input}}', holes: [{ kind: 'message-array', expression: 'input' }] }], hasImage: false };
  if (isChat) return resolveMessages(input, context.modules);
  const parts = resolveContentParts(input, context.modules);
  return { messages: [{ role: 'user', ...parts.text }], hasImage: parts.hasImage };
}

/** A positional input after the system prompt its options object sets (`sendMessage(text, { systemMessage })`). */
function withSystemPrompt(spec: ClientSdkSpec, params: Node | undefined, input: { messages: PromptMessage[]; hasImage: boolean }, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  const system = readSystemPrompt(firstField(params, spec.fields.system, context.modules), context.modules);
  return system ? { messages: [system, ...input.messages], hasImage: input.hasImage } : input;
}

function readPrompt(spec: ClientSdkSpec, params: Node | undefined, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  if (!params) return { messages: [{ role: 'user', text: '{{request}}', holes: [{ kind: 'message-array', expression: 'request' }] }], hasImage: false };
  const messages: PromptMessage[] = [];
  let hasImage = false;
  const system = readSystemPrompt(firstField(params, spec.fields.system, context.modules), context.modules);
  if (system) messages.push(system);
  const turns = firstField(params, spec.fields.messages, context.modules);
  if (turns) {
    const resolved = resolveMessages(turns, context.modules);
    messages.push(...resolved.messages);
    hasImage ||= resolved.hasImage;
  }
  const prompt = firstField(params, spec.fields.prompt, context.modules);
  if (prompt) {
    const parts = resolveContentParts(prompt, context.modules);
    messages.push({ role: 'user', ...parts.text });
    hasImage ||= parts.hasImage;
  }
  return { messages, hasImage };
}
