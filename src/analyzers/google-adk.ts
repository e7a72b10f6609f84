import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, ModelRef, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolvePromptText, runTimeTurn } from './shared/prompt';
import { getObjectProperty, nonEmptyList, placeOf, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, madeByExport, readModel, readToolNames, traceValue } from './shared/sdk';

/**
 * Google's Agent Development Kit for TypeScript (`@google/adk`): an agent made with `new LlmAgent({ model, instruction,
 * tools })` (or `Agent`) runs through a runner, `new InMemoryRunner({ agent })` or `new Runner({ agent, ... })`; each
 * `runner.runAsync({ userId, sessionId, newMessage })` asks the agent's model, then again with each tool's result, and
 * streams the events back. A model named by a string is served by Gemini through ADK's model registry; a model object
 * (`new Gemini({ model })`) the same. Making the agent or the runner, and sessions, send nothing.
 */
const PACKAGE = /^@google\/adk(?:\/|$)/;
const AGENT_CLASSES = new Set(['LlmAgent', 'Agent']);
const RUNNER_CLASSES = new Set(['InMemoryRunner', 'Runner']);

export const googleAdkAnalyzer: Analyzer = {
  id: 'google-adk',
  packages: [PACKAGE],
  analyze: eachCall(analyzeRun, (name) => name === 'runAsync'),
};

function analyzeRun(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const runner = madeWith(callee.getExpression(), RUNNER_CLASSES, context);
  if (!runner) return undefined;
  const modules = context.modules;
  const agentNode = getObjectProperty(runner.options, 'agent', modules);
  const agent = agentNode && madeWith(agentNode, AGENT_CLASSES, context);
  const model = adkModel(getObjectProperty(agent?.options, 'model', modules), context);
  const messages: PromptMessage[] = [];
  const instruction = getObjectProperty(agent?.options, 'instruction', modules);
  if (instruction && !Node.isArrowFunction(unwrapExpression(instruction))) messages.push({ role: 'system', ...resolvePromptText(instruction, modules) });
  const newMessage = getObjectProperty(resolveObjectLiteral(call.getArguments()[0], modules), 'newMessage', modules);
  messages.push(runTimeTurn(newMessage?.getText().slice(0, 40) ?? 'newMessage', 'interpolation'));
  const tools = nonEmptyList(getObjectProperty(agent?.options, 'tools', modules));
  const evidence = [`runAsync() of the ${runner.className} made at ${placeOf(runner.made)}`, agent ? `agent: new ${agent.className}(...) at ${placeOf(agent.made)}` : `agent ${agentNode?.getText().slice(0, 40) ?? '(none given)'} not traced to an ADK LlmAgent`, ...model.evidence];
  if (tools) evidence.push(`tools ${tools.getText().slice(0, 50)}: the model is asked again with each tool's result until it answers`);
  return toDetectedCall(call, context, {
    provider: model.provider,
    sdk: 'google-adk',
    method: 'runAsync',
    endpoint: 'chat',
    model: model.ref,
    messages,
    maxOutputTokens: null,
    features: { streaming: true, tools: tools !== undefined, vision: false, structuredOutput: getObjectProperty(agent?.options, 'outputSchema', modules) !== undefined, ...(tools ? { multiStep: true } : {}) },
    toolNames: tools ? readToolNames(tools, modules) : [],
    evidence,
  });
}

/** The `new X(options)` of one of ADK's classes an expression holds. */
function madeWith(expression: Node, classes: ReadonlySet<string>, context: AnalyzerContext): { made: Node; className: string; options: Node | undefined } | undefined {
  const found = madeByExport(expression, 'new', context.modules, (binding) => PACKAGE.test(binding.packageName) && classes.has(binding.importedName));
  return found && { made: found.made, className: found.binding.importedName, options: resolveObjectLiteral(found.made.getArguments()[0], context.modules) };
}

/** The agent's `model`: a Gemini model name (or `new Gemini({ model })`); another model object leaves the provider unknown. */
function adkModel(node: Node | undefined, context: AnalyzerContext): { provider: string; ref: ModelRef; evidence: string[] } {
  if (!node) return { provider: 'google', ref: { id: null, raw: '', source: 'dynamic' }, evidence: ["no model on the agent: ADK's default Gemini model (not stated in the code)"] };
  const value = traceValue(node, context.modules);
  if (Node.isNewExpression(value)) {
    const binding = calleeBinding(unwrapExpression(value.getExpression()), context.modules);
    if (binding && PACKAGE.test(binding.packageName) && binding.importedName === 'Gemini') {
      const read = readModel(getObjectProperty(resolveObjectLiteral(value.getArguments()[0], context.modules), 'model', context.modules), context.modules);
      return { provider: 'google', ref: read.ref, evidence: [`model object new Gemini(...) at ${placeOf(value)}`, ...read.evidence] };
    }
    return { provider: 'unknown', ref: { id: null, raw: node.getText().slice(0, 60), source: 'dynamic' }, evidence: [`model object ${value.getText().slice(0, 60)}: who serves it is not known here`] };
  }
  const read = readModel(node, context.modules);
  return { provider: 'google', ref: read.ref, evidence: [...read.evidence, "a model name, which ADK's model registry serves through Gemini"] };
}
