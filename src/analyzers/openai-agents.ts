import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, ModelRef, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolvePromptText } from './shared/prompt';
import { getObjectProperty, nonEmptyList, placeOf, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { aiSdkFactoryProvider, calleeBinding, eachCall, isTrueLiteral, madeByExport, readModel, readToolNames, traceValue } from './shared/sdk';

/**
 * The OpenAI Agents SDK (`@openai/agents`, its parts `@openai/agents-core` and `@openai/agents-openai`): an agent made with
 * `new Agent({ name, instructions, model, tools, handoffs, outputType })` (or `Agent.create(...)`) runs with
 * `run(agent, input, { stream })` or a `Runner`'s `runner.run(agent, input)`: the model is asked, then again with each
 * tool's result or after each handoff, until an agent answers. The site is the run; making the agent sends nothing.
 * Requests go to OpenAI's Responses API unless the agent's model is an AI SDK model (`aisdk(anthropic('...'))` from
 * `@openai/agents-extensions`). Realtime agents (`RealtimeSession`) are the openai analyzer's.
 */
const PACKAGE = /^@openai\/agents(?:-core|-openai)?$/;
const EXTENSIONS_PACKAGE = /^@openai\/agents-extensions(?:\/|$)/;
const RUN = 'run';

export const openaiAgentsAnalyzer: Analyzer = {
  id: 'openai-agents',
  packages: [PACKAGE],
  analyze: eachCall(analyzeRun, (name) => name === RUN),
};

/** `run(agent, input, options)` imported from the SDK, or `runner.run(agent, input)` on `new Runner(config)`. */
function analyzeRun(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  let runner: string;
  if (Node.isIdentifier(callee)) {
    const binding = calleeBinding(callee, context.modules);
    if (!binding || !PACKAGE.test(binding.packageName) || binding.importedName !== RUN) return undefined;
    runner = `run() from '${binding.packageName}'`;
  } else if (Node.isPropertyAccessExpression(callee)) {
    const made = madeByExport(callee.getExpression(), 'new', context.modules, (binding) => PACKAGE.test(binding.packageName) && binding.importedName === 'Runner')?.made;
    if (!made) return undefined;
    runner = `run() of the Runner made at ${placeOf(made)}`;
  } else {
    return undefined;
  }
  const [agentNode, input, optionsNode] = call.getArguments();
  if (!agentNode) return undefined;
  // `run(agents[name], input)`: an agent looked up at run time (a workflow's agents by name) still runs; what it is made
  // with (model, instructions, tools) is not known here.
  const agent = agentOptions(agentNode, context) ?? { made: undefined, options: undefined };
  const modules = context.modules;
  const model = agent.made ? agentModel(getObjectProperty(agent.options, 'model', modules), context) : { provider: 'openai', ref: { id: null, raw: '', source: 'dynamic' as const }, evidence: ["the SDK's default provider (OpenAI's Responses API) unless the agent's model says otherwise"] };
  const messages: PromptMessage[] = [];
  const instructions = getObjectProperty(agent.options, 'instructions', modules);
  if (instructions && !Node.isArrowFunction(unwrapExpression(instructions)) && !Node.isFunctionExpression(unwrapExpression(instructions))) messages.push({ role: 'system', ...resolvePromptText(instructions, modules) });
  if (input) messages.push({ role: 'user', ...resolvePromptText(input, modules) });
  const tools = nonEmptyList(getObjectProperty(agent.options, 'tools', modules)) ?? nonEmptyList(getObjectProperty(agent.options, 'mcpServers', modules));
  const handoffs = nonEmptyList(getObjectProperty(agent.options, 'handoffs', modules));
  const outputType = getObjectProperty(agent.options, 'outputType', modules);
  const options = resolveObjectLiteral(optionsNode, modules);
  const evidence = [runner, agent.made ? `agent made at ${placeOf(agent.made)}` : `the agent \`${agentNode.getText().slice(0, 60)}\` is not traced to where it is made: its model, instructions and tools are not known`, ...model.evidence];
  if (tools || handoffs) evidence.push(`${[tools ? `tools ${tools.getText().slice(0, 50)}` : '', handoffs ? `handoffs ${handoffs.getText().slice(0, 50)}` : ''].filter(Boolean).join(' and ')}: the model is asked again with each tool result or after each handoff until an agent answers`);
  return toDetectedCall(call, context, {
    provider: model.provider,
    sdk: 'openai-agents',
    method: 'run',
    endpoint: 'chat',
    model: model.ref,
    messages,
    maxOutputTokens: null,
    features: { streaming: isTrueLiteral(getObjectProperty(options, 'stream', modules)), tools: tools !== undefined, vision: false, structuredOutput: outputType !== undefined, ...(tools || handoffs ? { multiStep: true } : {}) },
    toolNames: tools ? readToolNames(tools, modules) : [],
    evidence,
  });
}

/** The options of the `new Agent({...})` (or `Agent.create({...})`) an expression holds. */
function agentOptions(expression: Node, context: AnalyzerContext): { made: Node | undefined; options: Node | undefined } | undefined {
  const made = traceValue(expression, context.modules);
  let classNode: Node | undefined;
  if (Node.isNewExpression(made)) classNode = unwrapExpression(made.getExpression());
  else if (Node.isCallExpression(made)) {
    const callee = unwrapExpression(made.getExpression());
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'create') classNode = callee.getExpression();
  }
  const binding = classNode && calleeBinding(classNode, context.modules);
  if (!binding || !PACKAGE.test(binding.packageName) || binding.importedName !== 'Agent' || !(Node.isNewExpression(made) || Node.isCallExpression(made))) return undefined;
  return { made, options: resolveObjectLiteral(made.getArguments()[0], context.modules) };
}

/** The agent's `model`: a name OpenAI serves, or an AI SDK model wrapped with `aisdk(...)`; without one, the SDK's default model. */
function agentModel(node: Node | undefined, context: AnalyzerContext): { provider: string; ref: ModelRef; evidence: string[] } {
  if (!node) return { provider: 'openai', ref: { id: null, raw: '', source: 'dynamic' }, evidence: ["no model on the agent: the SDK's default OpenAI model (not stated in the code)"] };
  const value = traceValue(node, context.modules);
  if (Node.isCallExpression(value)) {
    const wrapper = calleeBinding(unwrapExpression(value.getExpression()), context.modules);
    const inner = wrapper && EXTENSIONS_PACKAGE.test(wrapper.packageName) && wrapper.importedName === 'aisdk' ? value.getArguments()[0] : undefined;
    const made = inner && traceValue(inner, context.modules);
    if (made && Node.isCallExpression(made)) {
      const factory = unwrapExpression(made.getExpression());
      const evidence = [`an AI SDK model handed to the agent with aisdk() (${made.getText().slice(0, 60)})`];
      const provider = aiSdkFactoryProvider(Node.isPropertyAccessExpression(factory) ? factory.getExpression() : factory, context.modules, evidence) ?? 'unknown';
      const read = readModel(made.getArguments()[0], context.modules);
      return { provider, ref: read.ref, evidence: [...evidence, ...read.evidence] };
    }
  }
  const read = readModel(node, context.modules);
  return { provider: 'openai', ref: read.ref, evidence: [...read.evidence, "sent to OpenAI's Responses API by the SDK's default model provider"] };
}
