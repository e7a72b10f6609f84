import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveMessages, resolvePromptText } from './shared/prompt';
import { getObjectProperty, placeOf, resolveNumber, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, readModel, readToolNames, traceValue } from './shared/sdk';

/**
 * IBM's watsonx.ai SDK (`@ibm-cloud/watsonx-ai`): a service made with `WatsonXAI.newInstance({ version, serviceUrl })`
 * sends `generateText` / `generateTextStream({ input, modelId, parameters })`, `textChat` / `textChatStream({ modelId,
 * messages, tools })`, `embedText({ modelId, inputs })` and `textRerank(...)`, each naming its model (`modelId`) or a
 * deployment of the team's own (`idOrName`, its model set in watsonx.ai).
 */
const PACKAGE = /^@ibm-cloud\/watsonx-ai(?:\/|$)/;

const METHODS: Readonly<Record<string, { endpoint: Endpoint; streaming: boolean; input: 'prompt' | 'messages' | 'inputs' }>> = {
  generateText: { endpoint: 'completion', streaming: false, input: 'prompt' },
  generateTextStream: { endpoint: 'completion', streaming: true, input: 'prompt' },
  textChat: { endpoint: 'chat', streaming: false, input: 'messages' },
  textChatStream: { endpoint: 'chat', streaming: true, input: 'messages' },
  deploymentGenerateText: { endpoint: 'completion', streaming: false, input: 'prompt' },
  deploymentsTextChat: { endpoint: 'chat', streaming: false, input: 'messages' },
  embedText: { endpoint: 'embedding', streaming: false, input: 'inputs' },
  textRerank: { endpoint: 'rerank', streaming: false, input: 'inputs' },
};

export const watsonxAnalyzer: Analyzer = {
  id: 'watsonx',
  packages: [PACKAGE],
  analyze: eachCall(analyzeCall, (name) => Object.hasOwn(METHODS, name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !Object.hasOwn(METHODS, callee.getName())) return undefined;
  const service = serviceMade(callee.getExpression(), context);
  if (!service) return undefined;
  const method = callee.getName();
  const spec = METHODS[method];
  const modules = context.modules;
  const params = resolveObjectLiteral(call.getArguments()[0], modules);
  const modelNode = getObjectProperty(params, 'modelId', modules);
  const deployment = modelNode ? undefined : getObjectProperty(params, 'idOrName', modules);
  const model = readModel(modelNode, modules);
  const messages: PromptMessage[] = [];
  const input = getObjectProperty(params, spec.input === 'prompt' ? 'input' : spec.input === 'messages' ? 'messages' : 'inputs', modules);
  let vision = false;
  if (input && spec.input === 'messages') {
    const resolved = resolveMessages(input, modules);
    messages.push(...resolved.messages);
    vision = resolved.hasImage;
  } else if (input) {
    messages.push({ role: 'user', ...resolvePromptText(input, modules) });
  }
  const parameters = resolveObjectLiteral(getObjectProperty(params, 'parameters', modules), modules);
  const tools = getObjectProperty(params, 'tools', modules);
  const evidence = [`${method}() of the watsonx.ai service made with WatsonXAI.newInstance() at ${placeOf(service)}`, ...(deployment ? [`a deployment of the team's own (${deployment.getText().slice(0, 40)}): its model is set in watsonx.ai`] : model.evidence)];
  return toDetectedCall(call, context, {
    provider: 'ibm-watsonx',
    sdk: 'watsonx',
    method,
    endpoint: spec.endpoint,
    model: model.ref,
    messages,
    maxOutputTokens: resolveNumber(getObjectProperty(parameters, 'max_new_tokens', modules) ?? getObjectProperty(params, 'maxTokens', modules) ?? getObjectProperty(params, 'max_tokens', modules), modules),
    features: { streaming: spec.streaming, tools: tools !== undefined, vision, structuredOutput: false },
    toolNames: readToolNames(tools, modules),
    evidence,
  });
}

/** The `WatsonXAI.newInstance(...)` a receiver holds. */
function serviceMade(receiver: Node, context: AnalyzerContext): CallExpression | undefined {
  const value = traceValue(receiver, context.modules);
  if (!Node.isCallExpression(value)) return undefined;
  const factory = unwrapExpression(value.getExpression());
  if (!Node.isPropertyAccessExpression(factory) || factory.getName() !== 'newInstance') return undefined;
  const binding = calleeBinding(unwrapExpression(factory.getExpression()), context.modules);
  return binding && PACKAGE.test(binding.packageName) && binding.importedName === 'WatsonXAI' ? value : undefined;
}
