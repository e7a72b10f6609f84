import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { clientParameterOf, originAmong, resolveClientOrigin } from './shared/clients';
import { resolveContentParts, resolveMessages, resolvePromptText } from './shared/prompt';
import { getObjectProperty, resolveNumber, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { ANTHROPIC_PACKAGE_PROVIDERS, clientProvider, eachCall, isTrueLiteral, lastNamesOf, madeByWorkspaceClass, matchMethodTable, type MethodSpec, readModel, readSystemPrompt, packagesLoadedBy, readToolNames } from './shared/sdk';

/**
 * Anthropic's SDKs: `@anthropic-ai/sdk`, and the same client surface served by AWS Bedrock
 * (`@anthropic-ai/bedrock-sdk`) and Google Vertex (`@anthropic-ai/vertex-sdk`).
 *
 * `messages.countTokens` is deliberately not reported: it is free and sends no prompt to a model,
 * so it has no hosting cost to advise on.
 */
const METHODS: readonly MethodSpec[] = [
  { path: 'messages.create', endpoint: 'chat' },
  { path: 'messages.stream', endpoint: 'chat', streaming: true },
  { path: 'beta.messages.create', endpoint: 'chat' },
  { path: 'beta.messages.stream', endpoint: 'chat', streaming: true },
  { path: 'messages.batches.create', endpoint: 'batch' },
  { path: 'beta.messages.batches.create', endpoint: 'batch' },
  { path: 'completions.create', endpoint: 'completion' },
  // Claude Managed Agents: a user message sent into a session of an agent made beforehand (its model, system prompt and
  // tools are the agent's); the agent then runs its own loop on Anthropic's side.
  { path: 'beta.sessions.events.send', endpoint: 'chat' },
];

/** The methods whose request object is not the first argument (`events.send(sessionId, { events })`), by path. */
const REQUEST_ARGUMENT: Readonly<Record<string, number>> = { 'beta.sessions.events.send': 1 };

/** Model ids that only Anthropic models carry (first-party, Bedrock and Vertex spellings). */
const CLAUDE_MODEL = /^(?:(?:us|eu|apac|global)\.)?(?:anthropic\.)?claude/i;

const METHOD_NAMES = lastNamesOf(METHODS);

export const anthropicAnalyzer: Analyzer = {
  id: 'anthropic',
  packages: Object.keys(ANTHROPIC_PACKAGE_PROVIDERS),
  analyze: eachCall(analyzeCall, (name) => METHOD_NAMES.has(name), { forwarded: true }),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const match = matchMethodTable(call, METHODS, context.modules);
  if (!match) return undefined;
  const receiver = match.receiver;
  // `x.chat.completions.create` is OpenAI's shape (and its look-alikes'), never Anthropic's `completions.create`.
  if (match.method.path === 'completions.create' && Node.isPropertyAccessExpression(receiver) && receiver.getName() === 'chat') return undefined;
  const origin = originAmong(resolveClientOrigin(receiver, context.modules), (candidate) => candidate.packageName in ANTHROPIC_PACKAGE_PROVIDERS);
  if (origin && !(origin.packageName in ANTHROPIC_PACKAGE_PROVIDERS)) return undefined;

  const isBatch = match.method.endpoint === 'batch';
  const sessionEvent = match.method.path === 'beta.sessions.events.send';
  // `events.send` is too common a shape to take from an untraced receiver.
  if (sessionEvent && !origin) return undefined;
  if (!origin && madeByWorkspaceClass(receiver, context.modules)) return undefined;
  const request = match.arguments[REQUEST_ARGUMENT[match.method.path] ?? 0];
  const params = isBatch ? firstBatchParams(request, context) : resolveObjectLiteral(request, context.modules);
  const modelNode = getObjectProperty(params, 'model', context.modules);
  const model = readModel(modelNode, context.modules);

  const evidence: string[] = [];
  if (origin) {
    evidence.push(...origin.evidence);
  } else {
    // `messages.create` is a common shape (Twilio, chat backends): only a Claude model or an
    // Anthropic-named receiver with Anthropic's required `max_tokens` makes an untraced call ours.
    const claudeModel = model.ref.id !== null && CLAUDE_MODEL.test(model.ref.id);
    const requiredMaxTokens = Boolean(getObjectProperty(params, 'max_tokens', context.modules) ?? getObjectProperty(params, 'max_tokens_to_sample', context.modules));
    const anthropicReceiver = /anthropic|claude/i.test(receiver.getText()) && requiredMaxTokens;
    // A helper taking the client as a parameter (`function stream(client, model, ...)`) in a module that
    // loads the Anthropic SDK itself: the Messages shape with Anthropic's required max_tokens is its call.
    const sdkInFile = !claudeModel && !anthropicReceiver && requiredMaxTokens && match.method.path.includes('messages') ? anthropicPackageLoaded(call) : undefined;
    // A client handed in (`const { client, model } = deps`) asked with the Messages API's own shape: `max_tokens`, a
    // top-level `system` prompt and `messages` (OpenAI's chat puts the system prompt in the messages; Twilio sends neither).
    const messagesShape = !claudeModel && !anthropicReceiver && !sdkInFile && requiredMaxTokens && match.method.path === 'messages.create' && getObjectProperty(params, 'system', context.modules) !== undefined && getObjectProperty(params, 'messages', context.modules) !== undefined;
    if (!claudeModel && !anthropicReceiver && !sdkInFile && !messagesShape) return undefined;
    const matchedBy = claudeModel ? `the Claude model "${model.ref.id}"` : anthropicReceiver ? 'the receiver name and max_tokens' : sdkInFile ? `max_tokens in a module that loads '${sdkInFile}'` : "the Messages API's shape (max_tokens, a top-level system prompt, messages)";
    evidence.push(`client \`${receiver.getText()}\` not traced to an Anthropic client; matched by ${matchedBy} on ${match.method.path}`);
  }
  if (!params && request) evidence.push(`request \`${request.getText().slice(0, 60)}\` not statically known`);

  // A traced client: its base URL, else its package (the reading a helper's callers use too); untraced: Bedrock's model ids say Bedrock.
  const untracedProvider = CLAUDE_MODEL.test(model.ref.id ?? '') && /^(?:(?:us|eu|apac|global)\.)?anthropic\./.test(model.ref.id ?? '') ? 'aws-bedrock' : 'anthropic';
  const provider = (origin && clientProvider(origin, context.modules, evidence)) ?? untracedProvider;
  const clientParameter = clientParameterOf(receiver, origin, context.modules);
  if (sessionEvent) evidence.push("a user message sent into a Managed Agents session: the agent made beforehand (its model, system prompt and tools) answers it, running its own loop on Anthropic's side");
  else evidence.push(...model.evidence);

  const { messages, hasImage } = readPrompt(match.method.path, params, context);
  const tools = getObjectProperty(params, 'tools', context.modules);
  const outputFormat = getObjectProperty(params, 'output_format', context.modules);
  return toDetectedCall(call, context, {
    provider,
    sdk: 'anthropic',
    method: match.method.path,
    endpoint: match.method.endpoint,
    model: model.ref,
    messages,
    maxOutputTokens: resolveNumber(getObjectProperty(params, 'max_tokens', context.modules) ?? getObjectProperty(params, 'max_tokens_to_sample', context.modules), context.modules),
    features: {
      streaming: Boolean(match.method.streaming) || isTrueLiteral(getObjectProperty(params, 'stream', context.modules)),
      tools: Boolean(tools),
      vision: hasImage,
      structuredOutput: Boolean(outputFormat),
    },
    toolNames: readToolNames(tools, context.modules),
    structuredOutputName: outputFormat ? structuredName(outputFormat) : undefined,
    ...(clientParameter ? { clientParameter } : {}),
    evidence,
  });
}

/** The Anthropic package the call's module loads (imports or requires), if any. */
function anthropicPackageLoaded(call: CallExpression): string | undefined {
  const loaded = packagesLoadedBy(call.getSourceFile());
  return Object.keys(ANTHROPIC_PACKAGE_PROVIDERS).find((name) => loaded.has(name));
}

/** `messages.batches.create({ requests: [{ custom_id, params }] })`: the first request's params stand for the batch. */
function firstBatchParams(request: Node | undefined, context: AnalyzerContext): Node | undefined {
  const requests = getObjectProperty(resolveObjectLiteral(request, context.modules), 'requests');
  const list = requests && unwrapExpression(requests);
  const first = list && Node.isArrayLiteralExpression(list) ? list.getElements()[0] : undefined;
  return resolveObjectLiteral(getObjectProperty(resolveObjectLiteral(first, context.modules), 'params'), context.modules);
}

function readPrompt(path: string, params: Node | undefined, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  if (!params) return { messages: [{ role: 'user', text: '{{request}}', holes: [{ kind: 'message-array', expression: 'request' }] }], hasImage: false };
  if (path === 'beta.sessions.events.send') {
    // `{ events: [{ type: 'user.message', content: [{ type: 'text', text }] }] }`: each user message's content is a turn.
    const events = getObjectProperty(params, 'events', context.modules);
    const list = events && unwrapExpression(events);
    const turns = (list && Node.isArrayLiteralExpression(list) ? list.getElements() : []).map((event) => getObjectProperty(resolveObjectLiteral(event, context.modules), 'content', context.modules)).filter((content): content is Node => content !== undefined);
    const resolved = turns.map((content) => resolveContentParts(content, context.modules));
    return { messages: [{ role: 'system', text: '{{the agent\'s system prompt}}', holes: [{ kind: 'unknown', expression: 'the agent configuration' }] }, ...resolved.map((parts): PromptMessage => ({ role: 'user', ...parts.text }))], hasImage: resolved.some((parts) => parts.hasImage) };
  }
  if (path === 'completions.create') {
    const prompt = getObjectProperty(params, 'prompt', context.modules);
    return { messages: prompt ? [{ role: 'user', ...resolvePromptText(prompt, context.modules) }] : [], hasImage: false };
  }
  const messages: PromptMessage[] = [];
  const system = readSystemPrompt(getObjectProperty(params, 'system', context.modules), context.modules);
  if (system) messages.push(system);
  const turns = resolveMessages(getObjectProperty(params, 'messages', context.modules), context.modules);
  messages.push(...turns.messages);
  return { messages, hasImage: turns.hasImage };
}

function structuredName(outputFormat: Node): string {
  const text = outputFormat.getText();
  const helper = /(?:betaZodOutputFormat|zodOutputFormat)\(\s*([\w$.]+)/.exec(text);
  return helper ? helper[1] : /json_schema/.test(text) ? 'json_schema' : text.slice(0, 40);
}
