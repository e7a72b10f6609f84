import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, ModelRef, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { originAmong, resolveClientOrigin, type ClientOrigin } from './shared/clients';
import { enterCall } from './shared/modelValue';
import { resolveContentParts, resolveMessages, resolvePromptText } from './shared/prompt';
import { findDeclaration, getObjectProperty, placeOf, resolveNumber, resolveObjectLiteral, resolveString, sdkPackageOf, unwrapExpression } from './shared/resolve';
import { eachCall, importBindingOf, isTrueLiteral, lastNamesOf, matchMethodTable, type MethodSpec, propertySetElsewhere, readModel, readOutputModalities, readSystemPrompt, readToolNames, returnedByOwnMethod, traceValue } from './shared/sdk';

/**
 * Google's Gemini SDKs:
 * - `@google/generative-ai` (and `@google-cloud/vertexai`, same shape): `getGenerativeModel({ model, ... })`
 *   builds a model object (no request); the request is `generateContent`, `generateContentStream`,
 *   `embedContent`, `batchEmbedContents`, or `sendMessage`/`sendMessageStream` on a `startChat()` session.
 * - `@google/genai`: `ai.models.generateContent({ model, contents, config })` and friends, and
 *   `ai.chats.create({ model })` → `chat.sendMessage(...)`.
 * - `@google-cloud/aiplatform`: Vertex AI's generated `PredictionServiceClient`, whose requests name the model by its
 *   resource path (`projects/p/locations/l/publishers/google/models/<model>`): `predict({ endpoint, instances })` runs a
 *   publisher model (embeddings, Imagen, PaLM text), `generateContent`/`streamGenerateContent({ model, contents })` Gemini.
 *   A `predict` on a deployed endpoint (`.../endpoints/<id>`) runs the team's own model of any kind and is not reported.
 * - Firebase AI Logic (`firebase/ai`, formerly `firebase/vertexai`): `getGenerativeModel(ai, { model, ... })`, a function
 *   of the package taking the service `getAI(app)` / `getVertexAI(app)` made, builds the same model object; Firebase
 *   sends its requests to the Gemini Developer API, or to Vertex AI for `getVertexAI` and `getAI` with a `VertexAIBackend`.
 * `countTokens` is free and not reported.
 */
const PROVIDER_BY_PACKAGE: Readonly<Record<string, string>> = {
  '@google/generative-ai': 'google',
  '@google/genai': 'google',
  '@google-cloud/vertexai': 'google-vertex',
};

/** Methods of a `GenerativeModel` (old SDK) or a chat session (both SDKs). */
const MODEL_METHODS: Readonly<Record<string, { endpoint: Endpoint; streaming?: boolean; chat?: boolean }>> = {
  generateContent: { endpoint: 'chat' },
  generateContentStream: { endpoint: 'chat', streaming: true },
  embedContent: { endpoint: 'embedding' },
  batchEmbedContents: { endpoint: 'embedding' },
  sendMessage: { endpoint: 'chat', chat: true },
  sendMessageStream: { endpoint: 'chat', streaming: true, chat: true },
};

/** `@google/genai` client methods, called on `new GoogleGenAI(...)`. */
const GENAI_METHODS: readonly MethodSpec[] = [
  { path: 'models.generateContent', endpoint: 'chat' },
  { path: 'models.generateContentStream', endpoint: 'chat', streaming: true },
  { path: 'models.embedContent', endpoint: 'embedding' },
  { path: 'models.generateImages', endpoint: 'image-generation' },
  { path: 'models.generateVideos', endpoint: 'other' },
  { path: 'live.connect', endpoint: 'chat', streaming: true },
  // Lyria RealTime: a live session streaming generated music while the app steers it with weighted prompts.
  { path: 'live.music.connect', endpoint: 'other', streaming: true },
  // A Batch API job: its requests (`src`, inline or a file the job reads) run later at the batch price.
  { path: 'batches.create', endpoint: 'batch' },
];

const GENAI_METHOD_NAMES = lastNamesOf(GENAI_METHODS);

/** Firebase AI Logic's client packages: the web SDK's entry points, its preview name and the scoped packages behind them. */
const FIREBASE_AI_PACKAGE = /^@?firebase\/(?:ai|vertexai(?:-preview)?)$/;

const AIPLATFORM_PACKAGE = '@google-cloud/aiplatform';

/** `PredictionServiceClient` methods that run a publisher model, and the request field holding its resource path. */
const PREDICTION_METHODS: Readonly<Record<string, { modelField: 'endpoint' | 'model'; streaming?: boolean }>> = {
  predict: { modelField: 'endpoint' },
  generateContent: { modelField: 'model' },
  streamGenerateContent: { modelField: 'model', streaming: true },
};

export const googleAnalyzer: Analyzer = {
  id: 'google',
  packages: [...Object.keys(PROVIDER_BY_PACKAGE), AIPLATFORM_PACKAGE, FIREBASE_AI_PACKAGE],
  analyze: eachCall(
    (call, context) => analyzeGenAiCall(call, context) ?? analyzePredictionCall(call, context) ?? analyzeModelCall(call, context) ?? analyzeFirebaseLiveSession(call, context),
    (name) => GENAI_METHOD_NAMES.has(name) || name in MODEL_METHODS || Object.hasOwn(PREDICTION_METHODS, name) || name === 'connect',
    { forwarded: true },
  ),
};

/**
 * `getLiveGenerativeModel(ai, { model, generationConfig }).connect()` of Firebase AI Logic: a Live API session (streamed
 * audio or text both ways for as long as it stays open), as `ai.live.connect(...)` is in `@google/genai`.
 */
function analyzeFirebaseLiveSession(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'connect') return undefined;
  const made = traceValue(callee.getExpression(), context.modules);
  const setup = Node.isCallExpression(made) ? firebaseModelSetup(made, context, 'getLiveGenerativeModel') : undefined;
  return setup && report(call, context, 'getLiveGenerativeModel().connect', { endpoint: 'chat', streaming: true }, setup, undefined, undefined);
}

/** The model a request uses and the settings it carries, gathered from wherever the SDK takes them. */
interface ModelSetup {
  provider: string;
  modelNode: Node | undefined;
  /** Objects whose `systemInstruction`, `generationConfig`/`config`, `tools` apply, most specific last. */
  settings: Node[];
  /** Earlier turns given when the chat was created. */
  history: Node | undefined;
  evidence: string[];
  /** The model when it was read from something other than a model value (a Vertex resource path). */
  model?: { ref: ModelRef; evidence: string[] };
  /**
   * The name of the request options when the call sends a value it is handed whole (`(request) =>
   * client.models.generateContent(request)`): its turns are that value's, which a caller of the helper states.
   */
  wholeOptions?: string;
}

// ---- @google/genai ------------------------------------------------------------------------------

function analyzeGenAiCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const match: { method: MethodSpec; receiver: Node; arguments: Node[]; origin?: ClientOrigin } | undefined = matchMethodTable(call, GENAI_METHODS, context.modules) ?? partMethod(call, context);
  if (!match) return undefined;
  const receiver = match.receiver;
  const params = resolveObjectLiteral(match.arguments[0], context.modules);
  const origin = match.origin ?? originAmong(resolveClientOrigin(receiver, context.modules), (candidate) => candidate.packageName === '@google/genai');
  const evidence: string[] = [];
  if (origin) {
    if (origin.packageName !== '@google/genai') return undefined;
    evidence.push(...origin.evidence);
  } else {
    // `x.models.generateContent({ model, contents })` is distinctive enough without the client.
    if (match.method.path !== 'models.generateContent' && match.method.path !== 'models.generateContentStream') return undefined;
    if (!getObjectProperty(params, 'model', context.modules) || !getObjectProperty(params, 'contents', context.modules)) return undefined;
    evidence.push(`client \`${receiver.getText()}\` not traced to new GoogleGenAI(); matched by ${match.method.path}({ model, contents })`);
  }
  const optionsArgument = match.arguments[0] && unwrapExpression(match.arguments[0]);
  const wholeOptions = !params && optionsArgument && Node.isIdentifier(optionsArgument) ? optionsArgument.getText() : undefined;
  if (wholeOptions) evidence.push(`request options \`${wholeOptions}\` not statically known`);
  const setup: ModelSetup = { provider: genAiProvider(origin, context), modelNode: getObjectProperty(params, 'model', context.modules), settings: [], history: undefined, evidence, ...(wholeOptions ? { wholeOptions } : {}) };
  const config = getObjectProperty(params, 'config', context.modules);
  if (config) setup.settings.push(config);
  const prompt = match.method.path === 'models.generateImages' ? getObjectProperty(params, 'prompt', context.modules) : match.method.path === 'batches.create' ? firstInlinedContents(params, context) : getObjectProperty(params, 'contents', context.modules);
  return report(call, context, match.method.path, match.method, setup, prompt, params);
}

/**
 * `ai.batches.create({ model, src: [{ contents }, ...] })`: the first inlined request's contents stand for the batch's.
 * Requests built at run time (`src: requests.map(...)`) are read as that value, sized as a run-time part, not as nothing.
 */
function firstInlinedContents(params: Node | undefined, context: AnalyzerContext): Node | undefined {
  const source = getObjectProperty(params, 'src', context.modules);
  const requests = source && unwrapExpression(source);
  const first = requests && Node.isArrayLiteralExpression(requests) ? requests.getElements()[0] : undefined;
  return (first && getObjectProperty(resolveObjectLiteral(first, context.modules), 'contents', context.modules)) ?? source;
}

/**
 * `this.wrapped.generateContent(request)` where `wrapped` holds a client's `models` part handed on by the code that made
 * it (`new LoggingContentGenerator(googleGenAI.models, config)`): the same request as `ai.models.generateContent`.
 */
function partMethod(call: CallExpression, context: AnalyzerContext): { method: MethodSpec; receiver: Node; arguments: Node[]; origin: ClientOrigin } | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const method = GENAI_METHODS.find((row) => row.path === `models.${callee.getName()}`);
  if (!method) return undefined;
  const origin = resolveClientOrigin(callee.getExpression(), context.modules);
  if (origin?.packageName !== '@google/genai' || origin.resource !== 'models') return undefined;
  return { method, receiver: callee.getExpression(), arguments: call.getArguments(), origin };
}

function genAiProvider(origin: ClientOrigin | undefined, context: AnalyzerContext): string {
  const options = resolveObjectLiteral(origin?.options, context.modules);
  return isTrueLiteral(getObjectProperty(options, 'vertexai', context.modules)) ? 'google-vertex' : 'google';
}

// ---- @google-cloud/aiplatform PredictionServiceClient --------------------------------------------

function analyzePredictionCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !Object.hasOwn(PREDICTION_METHODS, callee.getName())) return undefined;
  const spec = PREDICTION_METHODS[callee.getName()];
  const origin = resolveClientOrigin(callee.getExpression(), context.modules);
  if (origin?.packageName !== AIPLATFORM_PACKAGE || origin.className !== 'PredictionServiceClient') return undefined;
  const request = resolveObjectLiteral(call.getArguments()[0], context.modules);
  const path = getObjectProperty(request, spec.modelField, context.modules);
  const model = path && publisherModel(path, context);
  if (!model) return undefined;
  const setup: ModelSetup = { provider: 'google-vertex', modelNode: undefined, settings: [], history: undefined, evidence: [...origin.evidence], model };
  if (spec.modelField === 'model') {
    if (request) setup.settings.push(request);
    return report(call, context, callee.getName(), { endpoint: 'chat', streaming: spec.streaming }, setup, getObjectProperty(request, 'contents', context.modules), request);
  }
  const endpoint = predictEndpoint(model.ref.id, getObjectProperty(request, 'instances', context.modules));
  return report(call, context, 'predict', { endpoint }, setup, getObjectProperty(request, 'instances', context.modules), request);
}

/** `.../publishers/<publisher>/models/<model>` at the end of a Vertex resource path, or before its `:method`. */
const PUBLISHER_MODEL_PATH = /publishers\/[\w.-]+\/models\/([\w.@-]+)/;

/**
 * The model a Vertex resource path names: from a string (`'projects/p/.../publishers/google/models/text-embedding-005'`),
 * or the value spliced in after `models/` in a template, also when a function or method builds the path
 * (`endpoint: this.endpoint()`, returning `` `projects/${project}/.../publishers/google/models/${this.model}` ``).
 * Undefined when the path names no publisher model (a deployed endpoint: the team's own model).
 */
function publisherModel(path: Node, context: AnalyzerContext): { ref: ModelRef; evidence: string[] } | undefined {
  const entered = enterCall(path, context.modules);
  try {
    const value = unwrapExpression(entered?.returns[0] ?? path);
    const built = entered ? [`resource path built by ${unwrapExpression(path).getText().slice(0, 40)} (line ${value.getStartLineNumber()})`] : [];
    if (Node.isTemplateExpression(value)) {
      let before = value.getHead().getLiteralText();
      for (const span of value.getTemplateSpans()) {
        if (/publishers\/[^/]+\/models\/$/.test(before)) {
          const read = readModel(span.getExpression(), context.modules);
          return { ref: read.ref, evidence: [...built, `model: the value after models/ in the resource path \`${value.getText().slice(0, 100)}\``, ...read.evidence] };
        }
        before += `\${...}${span.getLiteral().getLiteralText()}`;
      }
      return PUBLISHER_MODEL_PATH.test(before) ? literalPathModel(before, value, built) : undefined;
    }
    const resolved = resolveString(value, context.modules).value;
    return resolved !== null && PUBLISHER_MODEL_PATH.test(resolved) ? literalPathModel(resolved, value, built) : undefined;
  } finally {
    entered?.release();
  }
}

function literalPathModel(text: string, node: Node, evidence: string[]): { ref: ModelRef; evidence: string[] } {
  const id = PUBLISHER_MODEL_PATH.exec(text)![1];
  return { ref: { id, raw: node.getText().slice(0, 120), source: Node.isStringLiteral(node) || Node.isTemplateExpression(node) ? 'literal' : 'constant' }, evidence: [...evidence, `model: ${id} (named in the resource path)`] };
}

/**
 * What a `predict` on a publisher model asks for: Vertex's text embedding models (`text-embedding-*`, `gemini-embedding-*`,
 * `textembedding-gecko*`, `multimodalembedding`) embed, Imagen (`imagen-*`, `imagegeneration`) draws, PaLM text models
 * (`text-bison`) complete. Without a known model, an instance carrying `content` (the text embedding input) embeds.
 */
function predictEndpoint(modelId: string | null, instances: Node | undefined): Endpoint {
  if (modelId) {
    if (/embedding|gecko/i.test(modelId)) return 'embedding';
    if (/^imagen|imagegeneration/i.test(modelId)) return 'image-generation';
    if (/bison|unicorn|gemini/i.test(modelId)) return 'completion';
    return 'other';
  }
  return instances && /\bcontent\s*:/.test(instances.getText()) ? 'embedding' : 'other';
}

// ---- GenerativeModel / chat sessions (both SDKs) ------------------------------------------------

function analyzeModelCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const spec = MODEL_METHODS[callee.getName()];
  if (!spec) return undefined;
  const setup = spec.chat ? chatSetup(callee.getExpression(), context) : modelSetup(callee.getExpression(), context);
  if (!setup) return undefined;
  const argument = call.getArguments()[0];
  const request = argument && resolveObjectLiteral(argument, context.modules);
  let prompt: Node | undefined = argument;
  if (request) {
    // A request object: `{ contents, systemInstruction, generationConfig, tools }` (old SDK), `{ message, config }` (chat in @google/genai).
    setup.settings.push(request);
    const config = getObjectProperty(request, 'config', context.modules);
    if (config) setup.settings.push(config);
    prompt = getObjectProperty(request, 'contents', context.modules) ?? getObjectProperty(request, 'message', context.modules) ?? getObjectProperty(request, 'content', context.modules) ?? getObjectProperty(request, 'requests', context.modules);
  }
  return report(call, context, callee.getName(), spec, setup, prompt, request);
}

/**
 * The receiver of `generateContent`: traced to `client.getGenerativeModel({ ... })` of a Google client, a parameter typed
 * `GenerativeModel`, or a property of a handed-in object the app's entry point sets to such a model.
 */
function modelSetup(receiver: Node, context: AnalyzerContext, searchAssignments = true): ModelSetup | undefined {
  const traced = traceValue(receiver, context.modules);
  if (searchAssignments && Node.isPropertyAccessExpression(traced)) {
    const assigned = propertySetElsewhere(traced, context.modules);
    const setup = assigned && modelSetup(assigned, context, false);
    if (setup) {
      setup.evidence.push(`\`${traced.getText().slice(0, 60)}\` is set to that model at ${placeOf(assigned)}`);
      return setup;
    }
  }
  if (Node.isCallExpression(traced)) {
    const factory = traced.getExpression();
    // `this.getModel(type)` returning `genAI.getGenerativeModel(config)`: the model the class's own method makes.
    const returned = searchAssignments && !(Node.isPropertyAccessExpression(factory) && /^getGenerativeModel/.test(factory.getName())) ? returnedByOwnMethod(traced, context.modules) : undefined;
    if (returned) return modelSetup(returned, context, false);
    const firebase = firebaseModelSetup(traced, context);
    if (firebase) return firebase;
    if (!Node.isPropertyAccessExpression(factory) || !/^getGenerativeModel(FromCachedContent)?$/.test(factory.getName())) return undefined;
    const client = factory.getExpression();
    const clientNode = Node.isPropertyAccessExpression(client) && client.getName() === 'preview' ? client.getExpression() : client;
    const origin = resolveClientOrigin(clientNode, context.modules);
    if (!origin || !(origin.packageName in PROVIDER_BY_PACKAGE)) return undefined;
    const optionsIndex = factory.getName() === 'getGenerativeModel' ? 0 : 1;
    const options = resolveObjectLiteral(traced.getArguments()[optionsIndex], context.modules);
    const where = `${placeOf(traced)}`;
    return {
      provider: PROVIDER_BY_PACKAGE[origin.packageName],
      modelNode: getObjectProperty(options, 'model', context.modules),
      settings: options ? [options] : [],
      history: undefined,
      evidence: [...origin.evidence, `model object from ${factory.getName()}() at ${where}`],
    };
  }
  return fromTypedParameter(traced, context, /^GenerativeModel$/);
}

/**
 * `getGenerativeModel(ai, { model: 'gemini-2.5-flash', generationConfig })` of Firebase AI Logic: the model object, served by
 * Vertex AI when `ai` is `getVertexAI(app)` (or `getAI(app, { backend: new VertexAIBackend() })`), else by the Gemini
 * Developer API (`getAI`'s default backend).
 */
function firebaseModelSetup(made: CallExpression, context: AnalyzerContext, factoryName = 'getGenerativeModel'): ModelSetup | undefined {
  const callee = unwrapExpression(made.getExpression());
  const binding = Node.isIdentifier(callee) ? importBindingOf(callee, context.modules) : undefined;
  if (!binding || !FIREBASE_AI_PACKAGE.test(binding.packageName) || binding.importedName !== factoryName) return undefined;
  const [service, optionsNode] = made.getArguments();
  const options = resolveObjectLiteral(optionsNode, context.modules);
  const serviceMade = service ? traceValue(service, context.modules) : undefined;
  const serviceText = serviceMade?.getText() ?? '';
  const vertex = /^getVertexAI\s*\(|VertexAIBackend\b/.test(serviceText);
  return {
    provider: vertex ? 'google-vertex' : 'google',
    modelNode: getObjectProperty(options, 'model', context.modules),
    settings: options ? [options] : [],
    history: undefined,
    evidence: [`model object from Firebase AI Logic's ${factoryName}() (${binding.packageName}) at ${placeOf(made)}`, vertex ? `the service \`${serviceText.slice(0, 60)}\` is Vertex AI's: served by Vertex AI in the app's Google Cloud project` : "served by the Gemini Developer API (Firebase AI Logic's default backend)"],
  };
}

/** The receiver of `sendMessage`: a `model.startChat({ history })` (old SDK) or `ai.chats.create({ model })` (@google/genai) session. */
function chatSetup(receiver: Node, context: AnalyzerContext): ModelSetup | undefined {
  const traced = traceValue(receiver, context.modules);
  if (!Node.isCallExpression(traced)) return fromTypedParameter(traced, context, /^(ChatSession|Chat)$/);
  const factory = traced.getExpression();
  if (!Node.isPropertyAccessExpression(factory)) return undefined;
  const options = resolveObjectLiteral(traced.getArguments()[0], context.modules);
  const where = `${placeOf(traced)}`;
  if (factory.getName() === 'startChat') {
    const model = modelSetup(factory.getExpression(), context);
    if (!model) return undefined;
    if (options) model.settings.push(options);
    model.history = getObjectProperty(options, 'history', context.modules);
    model.evidence.push(`chat session from startChat() at ${where}`);
    return model;
  }
  const chats = factory.getExpression();
  if (factory.getName() === 'create' && Node.isPropertyAccessExpression(chats) && chats.getName() === 'chats') {
    const clientNode = chats.getExpression();
    const origin = resolveClientOrigin(clientNode, context.modules);
    if (!origin || origin.packageName !== '@google/genai') return undefined;
    const config = getObjectProperty(options, 'config', context.modules);
    return {
      provider: genAiProvider(origin, context),
      modelNode: getObjectProperty(options, 'model', context.modules),
      settings: config ? [config] : [],
      history: getObjectProperty(options, 'history', context.modules),
      evidence: [...origin.evidence, `chat session from chats.create() at ${where}`],
    };
  }
  return undefined;
}

/** `function run(model: GenerativeModel)`: the type says it is a Gemini model; which one is unknown. */
function fromTypedParameter(node: Node, context: AnalyzerContext, typeName: RegExp): ModelSetup | undefined {
  if (!Node.isIdentifier(node)) return undefined;
  const declaration = findDeclaration(node, context.modules);
  const typeNode = declaration && Node.isParameterDeclaration(declaration) ? declaration.getTypeNode() : undefined;
  if (!typeNode || !Node.isTypeReference(typeNode)) return undefined;
  const nameNode = typeNode.getTypeName();
  if (!Node.isIdentifier(nameNode) || !typeName.test(nameNode.getText())) return undefined;
  const binding = importBindingOfType(nameNode, context);
  if (!binding || !(binding in PROVIDER_BY_PACKAGE)) return undefined;
  return { provider: PROVIDER_BY_PACKAGE[binding], modelNode: undefined, settings: [], history: undefined, evidence: [`\`${node.getText()}\` typed as ${nameNode.getText()} from '${binding}' (model unknown)`] };
}

function importBindingOfType(nameNode: Node, context: AnalyzerContext): string | undefined {
  for (const declaration of nameNode.getSourceFile().getImportDeclarations()) {
    for (const specifier of declaration.getNamedImports()) {
      if ((specifier.getAliasNode()?.getText() ?? specifier.getName()) === nameNode.getText()) return sdkPackageOf(declaration.getModuleSpecifierValue());
    }
  }
  return importBindingOf(nameNode, context.modules)?.packageName;
}

// ---- shared reporting ---------------------------------------------------------------------------

function report(call: CallExpression, context: AnalyzerContext, method: string, spec: { endpoint: Endpoint; streaming?: boolean }, setup: ModelSetup, prompt: Node | undefined, request: Node | undefined): DetectedCall {
  const model = setup.model ?? readModel(setup.modelNode, context.modules);
  const evidence = [...setup.evidence, ...model.evidence];
  const setting = (name: string) => {
    for (const object of [...setup.settings].reverse()) {
      const value = getObjectProperty(object, name) ?? getObjectProperty(getObjectProperty(object, 'generationConfig'), name);
      if (value) return value;
    }
    return undefined;
  };
  const messages: PromptMessage[] = [];
  const system = readSystemPrompt(setting('systemInstruction'), context.modules);
  if (system) messages.push(system);
  let hasImage = false;
  if (setup.history) {
    const history = resolveMessages(setup.history, context.modules);
    messages.push(...history.messages);
    hasImage ||= history.hasImage;
  }
  if (prompt) {
    const contents = readContents(prompt, context);
    messages.push(...contents.messages);
    hasImage ||= contents.hasImage;
  } else if (setup.wholeOptions) {
    messages.push({ role: 'user', text: `{{${setup.wholeOptions}}}`, holes: [{ kind: 'message-array', expression: setup.wholeOptions }] });
  } else if (!request && call.getArguments().length === 0) {
    evidence.push('no prompt argument');
  }
  const tools = setting('tools');
  const responseSchema = setting('responseSchema') ?? setting('responseJsonSchema');
  const mimeType = setting('responseMimeType');
  // `responseModalities: ['TEXT', 'IMAGE']`: an image model asked for pictures (Gemini's image previews), not a chat reply.
  const outputModalities = readOutputModalities(setting('responseModalities'), context.modules);
  if (outputModalities.length > 0) evidence.push(`responseModalities asks for ${outputModalities.join(' and ')} output`);
  return toDetectedCall(call, context, {
    provider: setup.provider,
    sdk: 'google',
    method,
    endpoint: spec.endpoint,
    model: model.ref,
    messages,
    maxOutputTokens: resolveNumber(setting('maxOutputTokens'), context.modules),
    features: {
      streaming: Boolean(spec.streaming),
      tools: Boolean(tools),
      vision: hasImage,
      structuredOutput: Boolean(responseSchema) || Boolean(mimeType && /application\/json/.test(mimeType.getText())),
    },
    toolNames: readToolNames(tools, context.modules),
    structuredOutputName: responseSchema ? unwrapExpression(responseSchema).getText().slice(0, 40) : undefined,
    ...(outputModalities.length > 0 ? { outputModalities } : {}),
    evidence,
  });
}

/**
 * Gemini `contents`: a string, a list of strings and parts (`{ text }`, `{ inlineData }`), a list of
 * `{ role, parts }` turns, or a `{ parts }` object.
 */
function readContents(node: Node, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  const value = unwrapExpression(node);
  if (Node.isArrayLiteralExpression(value)) {
    const elements = value.getElements().map((element) => resolveObjectLiteral(element, context.modules));
    const isTurns = elements.some((element) => getObjectProperty(element, 'role') || getObjectProperty(element, 'parts'));
    if (isTurns) return resolveMessages(value, context.modules);
    const parts = resolveContentParts(value, context.modules);
    return { messages: [{ role: 'user', ...parts.text }], hasImage: parts.hasImage || value.getElements().some((element) => /createPartFrom(Uri|Base64)|fileData|inlineData/.test(element.getText()) && !/text\s*:/.test(element.getText())) };
  }
  if (Node.isObjectLiteralExpression(value)) {
    const parts = getObjectProperty(value, 'parts');
    if (parts) {
      const resolved = resolveContentParts(parts, context.modules);
      return { messages: [{ role: 'user', ...resolved.text }], hasImage: resolved.hasImage };
    }
  }
  return { messages: [{ role: 'user', ...resolvePromptText(value, context.modules) }], hasImage: false };
}
