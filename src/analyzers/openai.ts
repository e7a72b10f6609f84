import { Node, SyntaxKind, ts, type CallExpression, type NewExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, PromptMessage, RealtimeStep } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { IMAGE_EDIT_INPUT, REALTIME_STREAMING, realtimeAudioTurn, realtimeConnect, realtimeSession, toDetectedCall } from './shared/callsite';
import { nodesMatching } from './shared/calls';
import { clientMemberOf, clientParameterOf, originAmong, resolveClientOrigin, type ClientOrigin } from './shared/clients';
import { calleeBinding, eachCall, lastNamesOf, matchMethodTable, openAiClientProvider, type MethodMatch, readModel, readOutputModalities, readToolNames, requestBodySpread, traceValue } from './shared/sdk';
import { resolveMessages, resolvePromptText, forcedToolName, requestsStructuredOutput, runTimeTurn } from './shared/prompt';
import { getObjectProperty, resolveNumber, resolveObjectLiteral, resolveString, unwrapExpression } from './shared/resolve';
import { asMadeBySubclass, likelyBranches } from './shared/modelValue';

/** Method paths of the `openai` client that send a request, with the endpoint each one bills. */
const METHODS: ReadonlyArray<{ path: string; endpoint: Endpoint; streaming?: boolean; structured?: boolean; editsImage?: boolean; realtimeMint?: RealtimeStep['session'] }> = [
  { path: 'chat.completions.create', endpoint: 'chat' },
  { path: 'chat.completions.parse', endpoint: 'chat', structured: true },
  { path: 'chat.completions.stream', endpoint: 'chat', streaming: true },
  { path: 'beta.chat.completions.parse', endpoint: 'chat', structured: true },
  { path: 'beta.chat.completions.stream', endpoint: 'chat', streaming: true },
  { path: 'responses.create', endpoint: 'chat' },
  { path: 'responses.stream', endpoint: 'chat', streaming: true },
  { path: 'responses.parse', endpoint: 'chat', structured: true },
  { path: 'completions.create', endpoint: 'completion' },
  { path: 'embeddings.create', endpoint: 'embedding' },
  { path: 'images.generate', endpoint: 'image-generation' },
  { path: 'images.edit', endpoint: 'image-generation', editsImage: true },
  // A variation of the image it is given (dall-e-2 only): a new image drawn, priced as one generated.
  { path: 'images.createVariation', endpoint: 'image-generation', editsImage: true },
  { path: 'audio.transcriptions.create', endpoint: 'audio-transcription' },
  { path: 'audio.translations.create', endpoint: 'audio-transcription' },
  { path: 'audio.speech.create', endpoint: 'audio-speech' },
  { path: 'beta.threads.runs.create', endpoint: 'chat' },
  { path: 'beta.threads.runs.createAndPoll', endpoint: 'chat' },
  { path: 'beta.threads.runs.stream', endpoint: 'chat', streaming: true },
  { path: 'beta.threads.createAndRun', endpoint: 'chat' },
  // Resuming a run with the outputs of the tools it called: the model runs again on them.
  { path: 'beta.threads.runs.submitToolOutputs', endpoint: 'chat' },
  { path: 'beta.threads.runs.submitToolOutputsAndPoll', endpoint: 'chat' },
  { path: 'beta.threads.runs.submitToolOutputsStream', endpoint: 'chat', streaming: true },
  { path: 'batches.create', endpoint: 'batch' },
  { path: 'moderations.create', endpoint: 'other' },
  // A realtime session minted on the server (its model and config; an ephemeral key back for the browser): the GA
  // `client_secrets` (`{ session: { type, model } }`) and the beta's `sessions` and `transcription_sessions`.
  { path: 'realtime.clientSecrets.create', endpoint: 'chat', realtimeMint: 'conversation' },
  { path: 'beta.realtime.sessions.create', endpoint: 'chat', realtimeMint: 'conversation' },
  { path: 'beta.realtime.transcriptionSessions.create', endpoint: 'chat', realtimeMint: 'transcription' },
  // openai v3: `new OpenAIApi(new Configuration({ apiKey }))` with one method per endpoint.
  { path: 'createChatCompletion', endpoint: 'chat' },
  { path: 'createCompletion', endpoint: 'completion' },
  { path: 'createEmbedding', endpoint: 'embedding' },
  { path: 'createModeration', endpoint: 'other' },
  { path: 'createImage', endpoint: 'image-generation' },
  { path: 'createTranscription', endpoint: 'audio-transcription' },
];


/** Shapes unique to OpenAI's SDK: reported even when the client cannot be traced, with a note saying so. */
const DISTINCTIVE_WITHOUT_CLIENT = new Set(['chat.completions.create', 'chat.completions.parse', 'beta.chat.completions.parse', 'responses.create', 'responses.parse', 'createChatCompletion', 'realtime.clientSecrets.create', 'beta.realtime.sessions.create']);

/** v4+ clients, and v3's `OpenAIApi`. */
const OPENAI_CLASSES = new Set(['OpenAI', 'AzureOpenAI', 'OpenAIApi', 'default']);

/** The v3 methods exist only on `OpenAIApi`; the v4 paths never on it. */
const V3_METHOD = /^create[A-Z]/;

const METHOD_NAMES = lastNamesOf(METHODS);

/** Runs of an existing thread: the thread id comes first, the run's options second. */
const THREAD_RUN_METHOD = /^beta\.threads\.runs\./;

/** OpenAI's own Realtime client of the first public beta (`RealtimeClient`), a separate package. */
const REALTIME_BETA_PACKAGE = '@openai/realtime-api-beta';

/** Azure's realtime audio client for OpenAI and Azure OpenAI (`RTClient`, Azure-Samples/aoai-realtime-audio-sdk's JavaScript package). */
const RT_CLIENT_PACKAGE = 'rt-client';

/** Realtime WebSocket classes of the `openai` package (`openai/beta/realtime/websocket`, `openai/realtime/ws`, ...). */
const REALTIME_CLASSES = new Set(['OpenAIRealtimeWebSocket', 'OpenAIRealtimeWS']);

const analyzeCalls = eachCall(analyzeCall, (name) => METHOD_NAMES.has(name), { forwarded: true });

/**
 * OpenAI's SDK, and `openai-edge` (dan-kwiat/openai-edge): a fetch-based copy of the SDK's v3 API for edge runtimes
 * (`new OpenAIApi(new Configuration({ apiKey }))`, `createChatCompletion`, `createEmbedding`, `createModeration`), its
 * methods answering with the fetch `Response`.
 */
const OPENAI_PACKAGES: ReadonlySet<string> = new Set(['openai', 'openai-edge']);

export const openaiAnalyzer: Analyzer = {
  id: 'openai',
  packages: [...OPENAI_PACKAGES, REALTIME_BETA_PACKAGE, RT_CLIENT_PACKAGE],
  analyze(context: AnalyzerContext): DetectedCall[] {
    const calls = analyzeCalls(context);
    // Realtime sessions are objects, not calls: only files that name one (or rt-client's RTClient) are walked for `new`.
    if (/Realtime|RTClient/.test(context.sourceFile.getFullText())) calls.push(...realtimeSessions(context));
    return calls;
  },
};


/** How many names before the method a client part may sit (`part.completions.create`). */
const MAX_PART_DEPTH = 3;

/**
 * A method called on a part of a client the code holds on its own (`const openAiChat = await openai.getChat()` declared
 * `Promise<Chat>`, then `openAiChat.completions.create(...)`; `openAiEmbeddings.create(...)` on an `Embeddings`): the
 * row of the path the part stands for (`chat.completions.create`), with the part as the receiver.
 */
function clientPartMatch(call: CallExpression, context: AnalyzerContext): { match: MethodMatch<(typeof METHODS)[number]>; origin: ClientOrigin } | undefined {
  const names: string[] = [];
  let receiver = unwrapExpression(call.getExpression());
  for (let depth = 1; depth <= MAX_PART_DEPTH && Node.isPropertyAccessExpression(receiver); depth++) {
    names.unshift(receiver.getName());
    receiver = unwrapExpression(receiver.getExpression());
    const origin = resolveClientOrigin(receiver, context.modules);
    if (!origin?.resource || origin.packageName !== 'openai') continue;
    const method = METHODS.find((row) => row.path === `${origin.resource}.${names.join('.')}`);
    return method ? { match: { method, depth, receiver, arguments: call.getArguments() }, origin } : undefined;
  }
  return undefined;
}

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const tableMatch = matchMethodTable(call, METHODS, context.modules);
  const tableOrigin = tableMatch && (resolveClientOrigin(tableMatch.receiver, context.modules) ?? wrappedClientOrigin(tableMatch.receiver, context));
  // A receiver that is a part of a client (`openAiChat.completions.create` matching `completions.create`), or no row at
  // all (`openAiEmbeddings.create`): the row of the path the part stands for.
  const part = !tableMatch || tableOrigin?.resource ? clientPartMatch(call, context) : undefined;
  if (tableOrigin?.resource && !part) return undefined;
  const match = part?.match ?? tableMatch;
  if (!match) return undefined;
  const receiver = match.receiver;
  const isOpenAIClient = (candidate: ClientOrigin): boolean => OPENAI_PACKAGES.has(candidate.packageName) && OPENAI_CLASSES.has(candidate.className);
  const origin = originAmong(part?.origin ?? tableOrigin, isOpenAIClient);
  if (origin && !isOpenAIClient(origin)) return undefined;
  if (origin && V3_METHOD.test(match.method.path) !== (origin.className === 'OpenAIApi')) return undefined;
  if (!origin && !DISTINCTIVE_WITHOUT_CLIENT.has(match.method.path)) return undefined;
  if (!origin && madeByAnotherPackage(receiver, context)) return undefined;
  // `completions.create` on a non-OpenAI receiver shape (e.g. `anthropic.completions.create`) is not ours.
  if (!origin && !/openai|client|llm|gpt|ai\b/i.test(receiver.getText())) return undefined;
  // `groqClient.chat.completions.create` untraced: the name says it is another OpenAI-shaped SDK with its own analyzer.
  if (!origin && /groq|together/i.test(receiver.getText())) return undefined;

  const evidence = origin ? [...origin.evidence] : [`client \`${receiver.getText()}\` not traced to \`new OpenAI()\`; matched by the method shape ${match.method.path}`];
  const provider = asMadeBySubclass(origin?.options, call.getFirstAncestorByKind(SyntaxKind.ClassDeclaration), () => providerOf(origin, context, evidence));
  const clientParameter = clientParameterOf(receiver, origin, context.modules);
  const clientMember = clientMemberOf(receiver, origin);
  // A thread's run takes the thread id first: `runs.stream(threadId, { assistant_id, instructions, additional_messages })`.
  // Resuming one takes the run id too: `runs.submitToolOutputsStream(threadId, runId, { tool_outputs })`.
  const paramsArgument = match.arguments[THREAD_RUN_METHOD.test(match.method.path) ? (/submitToolOutputs/.test(match.method.path) ? 2 : 1) : 0];
  const params = resolveObjectLiteral(paramsArgument, context.modules);
  const paramsText = paramsArgument?.getText() ?? '';
  if (!params && paramsArgument) evidence.push(`request options \`${paramsText.slice(0, 60)}\` not statically known`);

  const mint = match.method.realtimeMint ? realtimeMintOf(match.method.realtimeMint, params, context) : undefined;
  if (mint) evidence.push(...mint.evidence);
  const modelNode = getObjectProperty(mint?.sessionConfig ?? params, 'model');
  const azureDeployment = origin?.options ? getObjectProperty(resolveObjectLiteral(origin.options, context.modules), 'deployment') : undefined;
  const model = modelNode ?? azureDeployment ?? requestBodySpread(paramsArgument, context.modules);
  const resolvedModel = readModel(model, context.modules);
  evidence.push(...resolvedModel.evidence);

  const { messages, hasImage } = mint ? { messages: mint.messages, hasImage: false } : readPrompt(match.method.path, params, context, paramsArgument);
  const tools = getObjectProperty(params, 'tools') ?? getObjectProperty(params, 'functions');
  // Tools in a variable or a spread (`...(tools ? { tools } : {})`) are traced to their definitions.
  const toolNames = tools ? readToolNames(tools, context.modules) : [];
  const forcedTool = tools ? forcedToolName(getObjectProperty(params, 'tool_choice') ?? getObjectProperty(params, 'function_call'), toolNames, context.modules) : undefined;
  if (forcedTool) evidence.push(`tool_choice forces the tool \`${forcedTool}\`: its arguments are the answer (structured output)`);
  // `response_model` is Instructor's wrapper around an OpenAI client (a zod schema, JSON mode or tools underneath).
  const responseFormat = getObjectProperty(params, 'response_format') ?? getObjectProperty(getObjectProperty(params, 'text'), 'format') ?? getObjectProperty(params, 'response_model');
  const streamFlag = getObjectProperty(params, 'stream');
  // `modalities: ['image', 'text']` (image output through chat completions) or `['text', 'audio']` (a spoken answer).
  const outputModalities = readOutputModalities(getObjectProperty(params, 'modalities'), context.modules);
  if (outputModalities.length > 0) evidence.push(`modalities asks for ${outputModalities.join(' and ')} output`);
  if (match.method.editsImage) evidence.push(IMAGE_EDIT_INPUT);

  return toDetectedCall(call, context, {
    provider,
    sdk: 'openai',
    method: match.method.path,
    endpoint: match.method.endpoint,
    model: resolvedModel.ref,
    messages,
    maxOutputTokens: resolveNumber(getObjectProperty(params, 'max_completion_tokens') ?? getObjectProperty(params, 'max_tokens') ?? getObjectProperty(params, 'max_output_tokens'), context.modules),
    features: {
      streaming: Boolean(match.method.streaming) || Boolean(mint) || streamFlag?.getKind() === SyntaxKind.TrueKeyword,
      tools: Boolean(tools),
      vision: hasImage || Boolean(match.method.editsImage),
      structuredOutput: Boolean(match.method.structured) || requestsStructuredOutput(responseFormat, match.method.endpoint, context.modules) || forcedTool !== undefined,
    },
    toolNames,
    structuredOutputName: responseFormat ? structuredOutputName(responseFormat) : forcedTool,
    forcedTool,
    ...(outputModalities.length > 0 ? { outputModalities } : {}),
    ...(mint ? { realtimeStep: mint.step } : {}),
    ...(clientParameter ? { clientParameter } : {}),
    ...(clientMember ? { clientMember } : {}),
    evidence,
  });
}

/**
 * A realtime session minted through the SDK: the session's config (the GA mint nests it under `session`, with
 * `type: 'transcription'` for a transcription-only one), its instructions and the user's audio as the prompt.
 * The session runs when the browser connects with the key; totals.ts counts the two requests once.
 */
function realtimeMintOf(session: RealtimeStep['session'], params: Node | undefined, context: AnalyzerContext): { sessionConfig: Node | undefined; step: RealtimeStep; messages: PromptMessage[]; evidence: string[] } {
  const nested = resolveObjectLiteral(getObjectProperty(params, 'session'), context.modules);
  const sessionConfig = nested ?? params;
  const type = getObjectProperty(nested, 'type');
  const step: RealtimeStep = { step: 'mint', session: type && resolveString(type, context.modules).value === 'transcription' ? 'transcription' : session };
  const instructions = getObjectProperty(sessionConfig, 'instructions');
  const messages: PromptMessage[] = instructions ? [{ role: 'system', ...resolvePromptText(instructions, context.modules) }, realtimeAudioTurn()] : [realtimeAudioTurn()];
  return { sessionConfig, step, messages, evidence: [`realtime session minted on the server (${step.session}): the browser connects with the ephemeral key it returns`, REALTIME_STREAMING] };
}

function providerOf(origin: ClientOrigin | undefined, context: AnalyzerContext, evidence: string[]): string {
  // baseURL written, from a constant, or from an env variable read against the example env files.
  return origin ? openAiClientProvider(origin, context.modules, evidence) : 'openai';
}

function readPrompt(path: string, params: Node | undefined, context: AnalyzerContext, paramsArgument?: Node): { messages: PromptMessage[]; hasImage: boolean } {
  if (!params) {
    // Options the call is handed whole (`(body) => client.chat.completions.create(body)`): named as written, so a caller
    // of the function around it, whose argument that name is, states them.
    const handed = paramsArgument && unwrapExpression(paramsArgument);
    const expression = handed && Node.isIdentifier(handed) ? handed.getText() : 'request';
    return { messages: [{ role: 'user', text: `{{${expression}}}`, holes: [{ kind: 'message-array', expression }] }], hasImage: false };
  }
  if (path.startsWith('responses.')) {
    const messages: PromptMessage[] = [];
    const instructions = getObjectProperty(params, 'instructions');
    if (instructions) messages.push({ role: 'system', ...resolvePromptText(instructions, context.modules) });
    const input = getObjectProperty(params, 'input');
    let hasImage = false;
    if (input) {
      const unwrapped = input.getKind() === SyntaxKind.ArrayLiteralExpression ? resolveMessages(input, context.modules) : undefined;
      if (unwrapped) {
        messages.push(...unwrapped.messages);
        hasImage = unwrapped.hasImage;
      } else {
        messages.push({ role: 'user', ...resolvePromptText(input, context.modules) });
      }
    } else {
      const spread = spreadRequest(params, context);
      if (spread) messages.push(runTimeTurn(spread.getText().slice(0, 60), 'message-array'));
    }
    return { messages, hasImage };
  }
  const messagesNode = getObjectProperty(params, 'messages');
  if (messagesNode) return resolveMessages(messagesNode, context.modules);
  if (THREAD_RUN_METHOD.test(path)) {
    // A resumed run: the tools' outputs go back to the model (the thread's turns are on the server).
    const outputs = getObjectProperty(params, 'tool_outputs');
    if (outputs) return { messages: [{ role: 'tool', text: `{{${outputs.getText().slice(0, 60)}}}`, holes: [{ kind: 'interpolation', expression: outputs.getText().slice(0, 60) }] }], hasImage: false };
    // A run: its instructions and the messages it adds.
    const added = getObjectProperty(params, 'additional_messages');
    const instructions = getObjectProperty(params, 'instructions');
    if (added || instructions) {
      const turns = added ? resolveMessages(added, context.modules) : { messages: [], hasImage: false };
      return { messages: [...(instructions ? [{ role: 'system' as const, ...resolvePromptText(instructions, context.modules) }] : []), ...turns.messages], hasImage: turns.hasImage };
    }
  }
  for (const name of ['prompt', 'input', 'instructions']) {
    const node = getObjectProperty(params, name);
    if (node) return { messages: [{ role: 'user', ...resolvePromptText(node, context.modules) }], hasImage: false };
  }
  const spread = spreadRequest(params, context);
  return { messages: spread ? [runTimeTurn(spread.getText().slice(0, 60), 'message-array')] : [], hasImage: false };
}

/**
 * `create({ ...params, instructions })` forwarding a request built elsewhere (a wrapper around the client's own method,
 * handed its callers' params): the spread whose value is known only at run time, which carries the input.
 */
function spreadRequest(params: Node, context: AnalyzerContext): Node | undefined {
  if (!Node.isObjectLiteralExpression(params)) return undefined;
  for (const property of params.getProperties()) {
    if (Node.isSpreadAssignment(property) && !resolveObjectLiteral(property.getExpression(), context.modules)) return property.getExpression();
  }
  return undefined;
}

function structuredOutputName(responseFormat: Node): string | undefined {
  const text = responseFormat.getText();
  const helper = /zod(?:Response|Text)Format\(\s*([\w$.]+)/.exec(text);
  if (helper) return helper[1];
  const named = /name\s*:\s*['"]([^'"]+)['"]/.exec(text);
  if (named) return named[1];
  return /json_object/.test(text) ? 'json_object' : undefined;
}

/**
 * Realtime (speech-to-speech) sessions: `new OpenAIRealtimeWebSocket({ model }, client)`, its `ws`
 * sibling and `.azure(client, { deploymentName })`, and `new RealtimeClient(...)` of the beta package.
 * The session, held open over a WebSocket, is the request: reported where it is created.
 */
function realtimeSessions(context: AnalyzerContext): DetectedCall[] {
  const found: DetectedCall[] = [];
  const rtClients: NewExpression[] = [];
  // The only nodes the loop reads: `new X(...)` and `x.azure(...)`.
  const candidates = nodesMatching(context.sourceFile, (node) => ts.isNewExpression(node) || (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'azure'));
  for (const node of candidates) {
    const isNew = Node.isNewExpression(node);
    const isAzureFactory = Node.isCallExpression(node) && Node.isPropertyAccessExpression(node.getExpression()) && (node.getExpression() as import('ts-morph').PropertyAccessExpression).getName() === 'azure';
    if (!isNew && !isAzureFactory) continue;
    const classNode = isNew ? node.getExpression() : (node.getExpression() as import('ts-morph').PropertyAccessExpression).getExpression();
    if (!Node.isIdentifier(classNode) && !Node.isPropertyAccessExpression(classNode)) continue;
    const binding = calleeBinding(classNode, context.modules);
    if (!binding) continue;
    const isSdkRealtime = binding.packageName === 'openai' && REALTIME_CLASSES.has(binding.importedName);
    const isBetaClient = binding.packageName === REALTIME_BETA_PACKAGE && binding.importedName === 'RealtimeClient' && isNew;
    if (binding.packageName === RT_CLIENT_PACKAGE && binding.importedName === 'RTClient' && isNew) {
      rtClients.push(node as NewExpression);
      continue;
    }
    if (AGENTS_REALTIME_PACKAGES.has(binding.packageName) && binding.importedName === 'RealtimeSession' && isNew) {
      found.push(agentsRealtimeSession(node as import('ts-morph').NewExpression, binding.packageName, context));
      continue;
    }
    if (!isSdkRealtime && !isBetaClient) continue;
    const args = (node as import('ts-morph').NewExpression | CallExpression).getArguments();
    const options = resolveObjectLiteral(isAzureFactory ? args[1] : args[0], context.modules);
    const evidence = [`realtime session: ${binding.importedName} from '${binding.packageName}'`, 'audio and text stream both ways over one WebSocket; billed per audio and text token'];
    const modelNode = getObjectProperty(options, 'model', context.modules) ?? getObjectProperty(options, 'deploymentName', context.modules);
    const model = modelNode ? resolveString(modelNode, context.modules) : undefined;
    if (model) evidence.push(...model.evidence);
    else evidence.push(isBetaClient ? 'model not given in code: the session uses the library default or the one set by updateSession()' : 'no model given');
    const clientArgument = isAzureFactory ? args[0] : args[1];
    const client = clientArgument && resolveClientOrigin(clientArgument, context.modules);
    const provider = isAzureFactory || client?.className === 'AzureOpenAI' ? 'azure-openai' : 'openai';
    const instructions = getObjectProperty(getObjectProperty(options, 'session', context.modules), 'instructions', context.modules);
    found.push(toDetectedCall(node, context, {
      provider,
      sdk: 'openai',
      method: isAzureFactory ? `${binding.importedName}.azure` : `new ${binding.importedName}`,
      ...realtimeSession(),
      model: model ? { id: model.value, raw: model.raw || modelNode!.getText(), source: model.source } : { id: null, raw: '', source: 'dynamic' },
      // The session's instructions steer it; the end user still speaks every turn.
      messages: instructions ? [{ role: 'system', ...resolvePromptText(instructions, context.modules) }, realtimeAudioTurn()] : [realtimeAudioTurn()],
      realtimeStep: realtimeConnect(),
      evidence,
    }));
  }
  found.push(...rtClientSessions(rtClients, context));
  return found;
}

/**
 * `new RTClient({ key }, { model })` (OpenAI) or `new RTClient(new URL(endpoint), { key }, { deployment })` (Azure
 * OpenAI), then `await client.configure({ instructions, voice, modalities, turn_detection })`: the session opens with
 * the client and its config is sent at `configure`, the site (the `new` when no configure is in the module). Clients
 * made in the branches of one conditional for one holder (`ref.current = azure ? new RTClient(url, ...) : new
 * RTClient(...)`) are one session, reported with the likely branch's client.
 */
function rtClientSessions(created: NewExpression[], context: AnalyzerContext): DetectedCall[] {
  const sessions = new Map<Node, NewExpression[]>();
  for (const client of created) {
    const site = configureCall(client, context) ?? client;
    sessions.set(site, [...(sessions.get(site) ?? []), client]);
  }
  return [...sessions].map(([site, clients]) => {
    const client = likelyClient(clients, context);
    const azure = client.getArguments().length >= 3;
    const options = resolveObjectLiteral(client.getArguments()[azure ? 2 : 1], context.modules);
    const modelNode = getObjectProperty(options, azure ? 'deployment' : 'model', context.modules);
    const model = modelNode ? readModel(modelNode, context.modules) : undefined;
    const evidence = [`realtime session: RTClient from '${RT_CLIENT_PACKAGE}' (${azure ? 'Azure OpenAI endpoint and deployment' : 'OpenAI'}) at line ${client.getStartLineNumber()}`, 'audio and text stream both ways over one WebSocket; billed per audio and text token'];
    if (site !== client) evidence.push(`configured at line ${site.getStartLineNumber()}`);
    for (const other of clients) if (other !== client) evidence.push(`another branch makes an RTClient${other.getArguments().length >= 3 ? ' for Azure OpenAI' : ''} at line ${other.getStartLineNumber()}`);
    evidence.push(...(model?.evidence ?? ['no model given']));
    const config = Node.isCallExpression(site) ? resolveObjectLiteral(site.getArguments()[0], context.modules) : undefined;
    const instructions = getObjectProperty(config, 'instructions', context.modules);
    const instructionText = instructions && resolvePromptText(instructions, context.modules);
    return toDetectedCall(site, context, {
      provider: azure ? 'azure-openai' : 'openai',
      sdk: 'openai',
      method: site === client ? 'new RTClient' : 'RTClient.configure',
      ...realtimeSession(),
      model: model?.ref ?? { id: null, raw: '', source: 'dynamic' },
      messages: instructionText && instructionText.text !== '' ? [{ role: 'system', ...instructionText }, realtimeAudioTurn()] : [realtimeAudioTurn()],
      realtimeStep: realtimeConnect(),
      evidence,
    });
  });
}

/** `holder.configure(...)` on what the client is stored in (through the conditional it is one branch of), in the module. */
function configureCall(client: NewExpression, context: AnalyzerContext): CallExpression | undefined {
  let value: Node = client;
  for (let parent = value.getParent(); parent && (Node.isConditionalExpression(parent) || Node.isParenthesizedExpression(parent)); parent = value.getParent()) value = parent;
  const holder = sessionHolder(value);
  if (holder === undefined) return undefined;
  return context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).find((call) => {
    const callee = call.getExpression();
    return Node.isPropertyAccessExpression(callee) && callee.getName() === 'configure' && callee.getExpression().getText().replace(/\?$/, '') === holder;
  });
}

/** Of clients made in the branches of one conditional, the likely branch's (`likelyBranches`); else the first. */
function likelyClient(clients: NewExpression[], context: AnalyzerContext): NewExpression {
  const conditional = clients[0].getFirstAncestor((ancestor) => Node.isConditionalExpression(ancestor));
  const likely = conditional ? likelyBranches(conditional, context.modules)[0] : undefined;
  return clients.find((client) => likely !== undefined && (client === unwrapExpression(likely) || client.getFirstAncestor((ancestor) => ancestor === likely) !== undefined)) ?? clients[0];
}

/** The OpenAI Agents SDK's realtime entry points (`RealtimeSession`, `RealtimeAgent`). */
const AGENTS_REALTIME_PACKAGES = new Set(['@openai/agents/realtime', '@openai/agents-realtime', '@openai/agents']);

/**
 * `session = new RealtimeSession(agent, { transport, model })` then `await session.connect({ apiKey })`: the
 * session (WebRTC or WebSocket) opens at `connect`, which is the site; the `new` when no connect is in the module.
 */
function agentsRealtimeSession(created: import('ts-morph').NewExpression, packageName: string, context: AnalyzerContext): DetectedCall {
  const options = resolveObjectLiteral(created.getArguments()[1], context.modules);
  const modelNode = getObjectProperty(options, 'model', context.modules);
  const model = modelNode ? readModel(modelNode, context.modules) : undefined;
  const evidence = [`realtime session: RealtimeSession from '${packageName}'`, 'audio and text stream both ways (WebRTC or WebSocket); billed per audio and text token'];
  evidence.push(...(model?.evidence ?? ['no model given: the SDK default realtime model']));
  const holder = sessionHolder(created);
  const connect = holder === undefined ? undefined : context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).find((call) => {
    const callee = call.getExpression();
    return Node.isPropertyAccessExpression(callee) && callee.getName() === 'connect' && callee.getExpression().getText().replace(/\?$/, '') === holder;
  });
  if (connect) evidence.push(`connected at line ${connect.getStartLineNumber()} (created at line ${created.getStartLineNumber()})`);
  return toDetectedCall(connect ?? created, context, {
    provider: 'openai',
    sdk: 'openai',
    method: connect ? 'RealtimeSession.connect' : 'new RealtimeSession',
    ...realtimeSession(),
    model: model?.ref ?? { id: null, raw: '', source: 'dynamic' },
    messages: [realtimeAudioTurn()],
    realtimeStep: realtimeConnect(),
    evidence,
  });
}

/** The variable or property a `new` is stored in (`session`, `sessionRef.current`), as written. */
function sessionHolder(created: Node): string | undefined {
  const parent = created.getParent();
  if (parent && Node.isVariableDeclaration(parent)) return parent.getName();
  if (parent && Node.isBinaryExpression(parent) && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken && parent.getRight() === created) return parent.getLeft().getText();
  return undefined;
}

/** `engine.chat.completions.create` on an object another package made (WebLLM's `CreateMLCEngine(...)`): OpenAI's shape, not OpenAI's client. */
function madeByAnotherPackage(receiver: Node, context: AnalyzerContext): boolean {
  const created = traceValue(receiver, context.modules);
  if (!Node.isCallExpression(created) && !Node.isNewExpression(created)) return false;
  const binding = calleeBinding(unwrapExpression(created.getExpression()), context.modules);
  return binding !== undefined && binding.packageName !== 'openai';
}

/**
 * A client made by a wrapper package that is handed an OpenAI client (`Instructor({ client })`,
 * `observeOpenAI(client)`, `wrapOpenAI(client)`): the wrapper sends that client's requests, so the
 * call is the wrapped client's, with its base URL.
 */
function wrappedClientOrigin(receiver: Node, context: AnalyzerContext): ClientOrigin | undefined {
  const created = traceValue(receiver, context.modules);
  if (!Node.isCallExpression(created) && !Node.isNewExpression(created)) return undefined;
  for (const argument of created.getArguments()) {
    const inner = getObjectProperty(resolveObjectLiteral(argument, context.modules), 'client', context.modules) ?? argument;
    const origin = resolveClientOrigin(inner, context.modules);
    if (origin?.packageName === 'openai') return { ...origin, evidence: [...origin.evidence, `wrapped by ${unwrapExpression(created.getExpression()).getText().slice(0, 40)}(), which sends its requests`] };
  }
  return undefined;
}
