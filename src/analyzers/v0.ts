import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolvePromptText } from './shared/prompt';
import { getObjectProperty, placeOf, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, madeByExport, readModel, traceValue } from './shared/sdk';

/**
 * Vercel's v0 Platform API (`v0-sdk`): `chats.create({ message, system, modelConfiguration })` starts a chat in which
 * v0's model writes an app from the message, `chats.sendMessage({ chatId, message })` asks it for the next change.
 * Billed by v0 per token of its models (`v0-1.5-md`, ...; the account's default when the code names none). The client
 * is `createClient({ apiKey })` or the package's ready instance `v0`. Projects, deployments and the chat list are not
 * model requests.
 */
const PACKAGE = 'v0-sdk';
const METHODS: Readonly<Record<string, string>> = { create: 'chats.create', sendMessage: 'chats.sendMessage' };

export const v0Analyzer: Analyzer = {
  id: 'v0',
  packages: [PACKAGE],
  analyze: eachCall(analyzeCall, (name) => name in METHODS),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !(callee.getName() in METHODS)) return undefined;
  const chats = unwrapExpression(callee.getExpression());
  if (!Node.isPropertyAccessExpression(chats) || chats.getName() !== 'chats') return undefined;
  const client = clientOf(chats.getExpression(), context);
  if (!client) return undefined;
  const modules = context.modules;
  const options = resolveObjectLiteral(call.getArguments()[0], modules);
  const modelId = getObjectProperty(resolveObjectLiteral(getObjectProperty(options, 'modelConfiguration', modules), modules), 'modelId', modules);
  const model = readModel(modelId, modules);
  const messages: PromptMessage[] = [];
  const system = getObjectProperty(options, 'system', modules);
  if (system) messages.push({ role: 'system', ...resolvePromptText(system, modules) });
  const message = getObjectProperty(options, 'message', modules);
  if (message) messages.push({ role: 'user', ...resolvePromptText(message, modules) });
  const evidence = [`${METHODS[callee.getName()]}() of ${client}`, ...model.evidence];
  if (!modelId) evidence.push("no modelConfiguration.modelId: the v0 account's default model (not stated in the code)");
  return toDetectedCall(call, context, {
    provider: 'v0',
    sdk: 'v0',
    method: METHODS[callee.getName()],
    endpoint: 'chat',
    model: model.ref,
    messages,
    maxOutputTokens: null,
    features: { streaming: getObjectProperty(options, 'responseMode', modules)?.getText().includes('experimental_stream') ?? false, tools: false, vision: getObjectProperty(options, 'attachments', modules) !== undefined, structuredOutput: false },
    toolNames: [],
    evidence,
  });
}

/** `createClient({ apiKey })` from v0-sdk, or the package's ready client `v0`: how the evidence names it; undefined for anything else. */
function clientOf(receiver: Node, context: AnalyzerContext): string | undefined {
  const made = madeByExport(receiver, 'call', context.modules, (binding) => binding.packageName === PACKAGE && binding.importedName === 'createClient');
  if (made) return `the v0 client made at ${placeOf(made.made)} (${PACKAGE})`;
  const traced = traceValue(receiver, context.modules);
  const binding = Node.isIdentifier(traced) ? calleeBinding(traced, context.modules) : undefined;
  return binding?.packageName === PACKAGE && binding.importedName === 'v0' ? `the client ${PACKAGE} exports (v0)` : undefined;
}
