import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, ModelRef, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolvePromptText } from './shared/prompt';
import { getObjectProperty, nonEmptyList, placeOf, resolveNumber, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, madeByExport, readModel, readToolNames, traceValue } from './shared/sdk';

/**
 * Inngest's AgentKit (`@inngest/agent-kit`): an agent made with `createAgent({ system, model, tools })`, its model from the
 * kit's factories (`anthropic({ model, defaultParameters: { max_tokens } })`, `openai({ model })`, `gemini({ model })`,
 * `grok({ model })`), runs with `agent.run(input)`; a network of agents (`createNetwork({ agents, defaultModel })`) with
 * `network.run(input)`, its router picking an agent each turn until it stops. Each run asks the model, then again with each
 * tool's result; making an agent or a network sends nothing.
 */
const PACKAGE = /^@inngest\/agent-kit(?:\/|$)/;

/** The kit's model factories by who serves them. */
const MODEL_FACTORIES: Readonly<Record<string, string>> = { anthropic: 'anthropic', openai: 'openai', gemini: 'google', grok: 'xai' };

export const agentKitAnalyzer: Analyzer = {
  id: 'agentkit',
  packages: [PACKAGE],
  analyze: eachCall(analyzeRun, (name) => name === 'run'),
};

function analyzeRun(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const made = madeBy(callee.getExpression(), context);
  if (!made) return undefined;
  const modules = context.modules;
  // A network answers with its agents' models (the first agent's stands for them), else its default model.
  const agentOptions = made.kind === 'agent' ? made.options : firstAgentOptions(made.options, context);
  const modelNode = getObjectProperty(agentOptions, 'model', modules) ?? (made.kind === 'network' ? getObjectProperty(made.options, 'defaultModel', modules) : undefined);
  const model = kitModel(modelNode, context);
  const messages: PromptMessage[] = [];
  const system = getObjectProperty(agentOptions, 'system', modules);
  if (system && !Node.isArrowFunction(unwrapExpression(system))) messages.push({ role: 'system', ...resolvePromptText(system, modules) });
  const input = call.getArguments()[0];
  if (input) messages.push({ role: 'user', ...resolvePromptText(input, modules) });
  const tools = nonEmptyList(getObjectProperty(agentOptions, 'tools', modules));
  const evidence = [`${made.kind === 'agent' ? 'agent' : 'network'} made with ${made.factory}() from AgentKit at ${placeOf(made.node)}`, ...model.evidence];
  if (made.kind === 'network') evidence.push('a network run: its router picks an agent each turn, up to its maxIter, until it stops');
  if (tools) evidence.push(`tools ${tools.getText().slice(0, 50)}: the model is asked again with each tool's result`);
  return toDetectedCall(call, context, {
    provider: model.provider,
    sdk: 'agentkit',
    method: `${made.kind}.run`,
    endpoint: 'chat',
    model: model.ref,
    messages,
    maxOutputTokens: model.maxTokens,
    features: { streaming: false, tools: tools !== undefined, vision: false, structuredOutput: false, ...(tools || made.kind === 'network' ? { multiStep: true } : {}) },
    toolNames: tools ? readToolNames(tools, modules) : [],
    evidence,
  });
}

/** The `createAgent(...)` or `createNetwork(...)` of AgentKit a receiver holds. */
function madeBy(receiver: Node, context: AnalyzerContext): { kind: 'agent' | 'network'; factory: string; node: Node; options: Node | undefined } | undefined {
  const found = madeByExport(receiver, 'call', context.modules, (binding) => PACKAGE.test(binding.packageName) && ['createAgent', 'createNetwork'].includes(binding.importedName));
  if (!found) return undefined;
  const { made, binding } = found;
  return { kind: binding.importedName === 'createAgent' ? 'agent' : 'network', factory: binding.importedName, node: made, options: resolveObjectLiteral(made.getArguments()[0], context.modules) };
}

/** The options of a network's first agent (`createNetwork({ agents: [agent] })`). */
function firstAgentOptions(networkOptions: Node | undefined, context: AnalyzerContext): Node | undefined {
  const agents = getObjectProperty(networkOptions, 'agents', context.modules);
  const list = agents && unwrapExpression(agents);
  const first = list && Node.isArrayLiteralExpression(list) ? list.getElements()[0] : undefined;
  const made = first && madeBy(first, context);
  return made?.kind === 'agent' ? made.options : undefined;
}

/** `anthropic({ model, defaultParameters: { max_tokens } })` and the kit's other model factories. */
function kitModel(node: Node | undefined, context: AnalyzerContext): { provider: string; ref: ModelRef; maxTokens: number | null; evidence: string[] } {
  const value = node && traceValue(node, context.modules);
  const binding = value && Node.isCallExpression(value) ? calleeBinding(unwrapExpression(value.getExpression()), context.modules) : undefined;
  if (!value || !Node.isCallExpression(value) || !binding || !PACKAGE.test(binding.packageName) || !Object.hasOwn(MODEL_FACTORIES, binding.importedName)) {
    return { provider: 'unknown', ref: { id: null, raw: node?.getText() ?? '', source: 'dynamic' }, maxTokens: null, evidence: [node ? `model \`${node.getText().slice(0, 60)}\` not traced to one of AgentKit's model factories` : 'no model on the agent'] };
  }
  const options = resolveObjectLiteral(value.getArguments()[0], context.modules);
  const read = readModel(getObjectProperty(options, 'model', context.modules), context.modules);
  const parameters = resolveObjectLiteral(getObjectProperty(options, 'defaultParameters', context.modules), context.modules);
  return { provider: MODEL_FACTORIES[binding.importedName], ref: read.ref, maxTokens: resolveNumber(getObjectProperty(parameters, 'max_tokens', context.modules), context.modules), evidence: [`model from AgentKit's ${binding.importedName}() factory`, ...read.evidence] };
}
