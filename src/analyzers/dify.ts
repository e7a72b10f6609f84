import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, PromptMessage } from '../model/types';
import { DIFY_APP_CONFIGURED, DIFY_PROVIDER } from '../model/vocabulary';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolvePromptText } from './shared/prompt';
import { placeOf, resolveString, unwrapExpression } from './shared/resolve';
import { eachCall, madeByExport } from './shared/sdk';

/**
 * Dify's Node SDK (`dify-client`), the API of an LLM application built on the Dify platform: the model, its system prompt,
 * knowledge base and tools are configured in the Dify app, not in the code, so the code says only which app (the API key)
 * is asked. The requests:
 * - `chatClient.createChatMessage(inputs, query, user, stream, conversationId, files)`: one turn of the app's chat;
 * - `completionClient.createCompletionMessage(inputs, user, stream, files)`: one completion of a text-generator app;
 * - `workflowClient.run(inputs, user, stream)`: one run of a workflow app (as many model calls as its nodes make);
 * - `chatClient.renameConversation(conversationId, name, user, autoGenerate)` with `autoGenerate` not `false`: the app's
 *   model writes the conversation's title.
 * Conversations, messages, feedback, file uploads and the app's parameters are read or stored without a model.
 */
const PACKAGE = 'dify-client';

interface DifyMethod {
  /** The client classes the method belongs to. */
  clients: readonly string[];
  endpoint: Endpoint;
  /** Where the user's input is among the arguments, if anywhere. */
  input?: number;
  /** The argument saying whether the reply streams (`'streaming'` / `true`). */
  stream?: number;
  /** The argument whose literal `false` makes it no model request (renameConversation's autoGenerate). */
  onlyUnless?: number;
  what: string;
}

const METHODS: Readonly<Record<string, DifyMethod>> = {
  createChatMessage: { clients: ['ChatClient'], endpoint: 'chat', input: 1, stream: 3, what: "one turn of the Dify app's chat" },
  createCompletionMessage: { clients: ['CompletionClient'], endpoint: 'completion', stream: 2, what: "one completion of the Dify app's text generator" },
  run: { clients: ['WorkflowClient'], endpoint: 'chat', stream: 2, what: 'one run of the Dify workflow (each of its LLM nodes is a model request)' },
  renameConversation: { clients: ['ChatClient'], endpoint: 'chat', onlyUnless: 3, what: "the Dify app's model writes a title for the conversation (auto_generate)" },
};

export const difyAnalyzer: Analyzer = {
  id: 'dify',
  packages: [PACKAGE],
  analyze: eachCall(analyzeCall, (name) => Object.hasOwn(METHODS, name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.getName();
  const method = Object.hasOwn(METHODS, name) ? METHODS[name] : undefined;
  if (!method) return undefined;
  const made = madeByExport(callee.getExpression(), 'new', context.modules, (binding) => binding.packageName === PACKAGE && method.clients.includes(binding.importedName));
  if (!made) return undefined;
  const args = call.getArguments();
  const guard = method.onlyUnless !== undefined ? args[method.onlyUnless] : undefined;
  if (method.onlyUnless !== undefined && (!guard || unwrapExpression(guard).getText() === 'false')) return undefined;
  const input = method.input !== undefined ? args[method.input] : undefined;
  const messages: PromptMessage[] = input ? [{ role: 'user', ...resolvePromptText(input, context.modules) }] : [];
  const stream = method.stream !== undefined ? args[method.stream] : undefined;
  const streamText = stream ? resolveString(stream, context.modules).value ?? unwrapExpression(stream).getText() : '';
  return toDetectedCall(call, context, {
    provider: DIFY_PROVIDER,
    sdk: 'dify',
    method: name,
    endpoint: method.endpoint,
    model: { id: null, raw: '', source: 'dynamic' },
    messages,
    maxOutputTokens: null,
    features: { streaming: /stream|true/.test(streamText) || /stream/i.test(stream?.getText() ?? ''), tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence: [`${name}() of the ${PACKAGE} client made at ${placeOf(made.made)}: ${method.what}`, DIFY_APP_CONFIGURED],
  });
}
