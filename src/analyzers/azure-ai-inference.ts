import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveMessages, resolvePromptText } from './shared/prompt';
import { providerFromBaseUrl } from './shared/providers';
import { getObjectProperty, placeOf, resolveNumber, resolveObjectLiteral, resolveString, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, isTrueLiteral, readModel, readToolNames, traceValue } from './shared/sdk';

/**
 * Azure's REST client for model inference (`@azure-rest/ai-inference`), the client GitHub Models' and Azure AI Foundry's
 * samples use: `const client = ModelClient(endpoint, credential)` (the package's default export, any local name), then
 * `client.path('/chat/completions').post({ body: { model, messages, max_tokens } })` (streamed with `stream: true` and
 * `.asNodeStream()` / `.asBrowserStream()`), `/embeddings` and `/images/embeddings` likewise. Making the client sends
 * nothing. Who serves the request is the endpoint's host: GitHub Models (`models.github.ai/inference`), an Azure AI
 * Foundry resource, or whatever the endpoint setting names.
 */
const PACKAGE = /^@azure-rest\/ai-inference$/;

const ROUTES: Readonly<Record<string, Endpoint>> = {
  '/chat/completions': 'chat',
  '/embeddings': 'embedding',
  '/images/embeddings': 'embedding',
};

/** The provider when the endpoint is a setting the code does not spell out: the package's own service. */
const CONFIGURED_ENDPOINT_PROVIDER = 'azure-ai-inference';

export const azureAiInferenceAnalyzer: Analyzer = {
  id: 'azure-ai-inference',
  packages: [PACKAGE],
  analyze: eachCall(postRequest, (name) => name === 'post'),
};

/** `client.path('/chat/completions').post({ body })` on a client the package's factory made. */
function postRequest(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'post') return undefined;
  const pathCall = unwrapExpression(callee.getExpression());
  if (!Node.isCallExpression(pathCall)) return undefined;
  const pathCallee = unwrapExpression(pathCall.getExpression());
  if (!Node.isPropertyAccessExpression(pathCallee) || pathCallee.getName() !== 'path') return undefined;
  const route = resolveString(pathCall.getArguments()[0] ?? pathCall, context.modules).value;
  const endpoint = route ? ROUTES[route] : undefined;
  if (!endpoint) return undefined;
  const made = traceValue(pathCallee.getExpression(), context.modules);
  if (!Node.isCallExpression(made)) return undefined;
  const binding = calleeBinding(unwrapExpression(made.getExpression()), context.modules);
  if (!binding || !PACKAGE.test(binding.packageName) || binding.importedName !== 'default') return undefined;

  const endpointArgument = made.getArguments()[0];
  const endpointUrl = endpointArgument ? resolveString(endpointArgument, context.modules).value : null;
  const hostProvider = endpointUrl ? providerFromBaseUrl(endpointUrl) : undefined;
  const provider = hostProvider ?? CONFIGURED_ENDPOINT_PROVIDER;
  const evidence = [`client made by @azure-rest/ai-inference's ModelClient (${placeOf(made)})`];
  evidence.push(hostProvider ? `endpoint ${endpointUrl} → provider ${hostProvider}` : endpointUrl ? `endpoint ${endpointUrl}: a host the catalog does not know` : `endpoint \`${endpointArgument?.getText().slice(0, 60) ?? ''}\` is a setting: GitHub Models or an Azure AI Foundry resource, whichever it names`);

  const body = resolveObjectLiteral(getObjectProperty(resolveObjectLiteral(call.getArguments()[0], context.modules), 'body', context.modules), context.modules);
  const model = readModel(getObjectProperty(body, 'model', context.modules), context.modules);
  const input = getObjectProperty(body, endpoint === 'chat' ? 'messages' : 'input', context.modules);
  const read = endpoint === 'chat' ? resolveMessages(input, context.modules) : undefined;
  const messages: PromptMessage[] = read ? read.messages : input ? [{ role: 'user', ...resolvePromptText(input, context.modules) }] : [];
  const tools = getObjectProperty(body, 'tools', context.modules);
  const format = getObjectProperty(body, 'response_format', context.modules);
  const stream = getObjectProperty(body, 'stream', context.modules);
  return toDetectedCall(call, context, {
    provider,
    sdk: 'azure-ai-inference',
    method: `path('${route}').post`,
    endpoint,
    model: model.ref,
    messages,
    maxOutputTokens: resolveNumber(getObjectProperty(body, 'max_tokens', context.modules), context.modules),
    features: { streaming: isTrueLiteral(stream), tools: tools !== undefined, vision: read?.hasImage ?? false, structuredOutput: format !== undefined },
    toolNames: tools ? readToolNames(tools, context.modules) : [],
    evidence: [...evidence, ...model.evidence],
  });
}
