import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { DetectedCall, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import type { ModuleLoader } from './shared/modules';
import { agentModel } from './shared/agents';
import { toDetectedCall } from './shared/callsite';
import { resolvePromptText } from './shared/prompt';
import { findDeclaration, getObjectProperty, initializerOf, resolveObjectLiteral, returnsOf, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, readToolNames, traceValue } from './shared/sdk';

/**
 * Flue (`@flue/runtime`, withastro/flue): an app defines an agent with `createAgent(...)`, whose initializer returns
 * `{ model: 'anthropic/claude-sonnet-4-6', instructions, tools }` (1.x) or calls `useModel(...)` (2.x hooks), and runs it
 * in a sandbox. Each message handed to the agent is a run of its loop (the model called again with each tool result):
 * `session.prompt(text)` (or `session.skill(...)`) on `await (await init(agent)).session()`, `agent.dispatch(message)` /
 * `agent.prompt(text)` on `init(agent, { id })`, and a channel's `dispatch(agent, { id, input })`. The model specifier is
 * `provider/model`, sent to that provider with the app's own key.
 */
const PACKAGE = /^@flue\/runtime(?:\/|$)/;
/** What sends a message to the agent an `init(...)` gives (a 2.x agent handle) or its session (1.x). */
const RUN_METHODS = new Set(['prompt', 'skill', 'dispatch']);
const ROUTER = "Flue's model specifier (provider/model)";

export const flueAnalyzer: Analyzer = {
  id: 'flue',
  packages: [PACKAGE],
  analyze: eachCall(analyzeCall, (name) => RUN_METHODS.has(name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const modules = context.modules;
  const callee = unwrapExpression(call.getExpression());
  // `dispatch(mention, { id, input })`: a channel hands a delivery to the agent it names.
  if (Node.isIdentifier(callee)) {
    const binding = calleeBinding(callee, modules);
    if (binding?.importedName !== 'dispatch' || !PACKAGE.test(binding.packageName)) return undefined;
    const options = resolveObjectLiteral(call.getArguments()[1], modules);
    const input = getObjectProperty(options, 'input', modules);
    return agentRun(call, call.getArguments()[0], input, 'dispatch', context, [`dispatch() from '${binding.packageName}': the delivery is handed to the agent, which runs its loop`]);
  }
  if (!Node.isPropertyAccessExpression(callee) || !RUN_METHODS.has(callee.getName())) return undefined;
  const made = initCallBehind(callee.getExpression(), modules);
  if (!made) return undefined;
  const method = `${made.throughSession ? 'session' : 'agent'}.${callee.getName()}`;
  return agentRun(call, made.init.getArguments()[0], call.getArguments()[0], method, context, [`${method}() on ${made.throughSession ? 'the session of ' : ''}the agent init() from '@flue/runtime' starts (line ${made.init.getStartLineNumber()}): the agent runs its loop on the message`]);
}

/** The `init(agent, ...)` of `@flue/runtime` a receiver holds: the agent handle itself, or the session it opens (`harness.session()`). */
function initCallBehind(receiver: Node, modules: ModuleLoader): { init: CallExpression; throughSession: boolean } | undefined {
  // `await init(...)`, `await harness.session()` (1.x's return promises): unwrapExpression looks through the await.
  const value = unwrapExpression(traceValue(receiver, modules));
  if (!Node.isCallExpression(value)) return undefined;
  const callee = unwrapExpression(value.getExpression());
  if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'session') {
    const init = initCall(unwrapExpression(traceValue(callee.getExpression(), modules)), modules);
    return init && { init, throughSession: true };
  }
  const init = initCall(value, modules);
  return init && { init, throughSession: false };
}

function initCall(value: Node, modules: ModuleLoader): CallExpression | undefined {
  if (!Node.isCallExpression(value)) return undefined;
  const callee = unwrapExpression(value.getExpression());
  const binding = calleeBinding(callee, modules);
  if (binding) return binding.importedName === 'init' && PACKAGE.test(binding.packageName) ? value : undefined;
  return handedInit(callee, modules) ? value : undefined;
}

/**
 * `init` of the context Flue hands a workflow (`run({ init, payload }: FlueContext<ReviewPayload>)`, or `ctx.init(...)`):
 * a parameter typed with a type imported from `@flue/runtime`.
 */
function handedInit(callee: Node, modules: ModuleLoader): boolean {
  let parameter: Node | undefined;
  if (Node.isIdentifier(callee) && callee.getText() === 'init') {
    const declaration = findDeclaration(callee, modules);
    parameter = declaration && Node.isBindingElement(declaration) ? declaration.getFirstAncestorByKind(SyntaxKind.Parameter) : undefined;
  } else if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'init') {
    const owner = unwrapExpression(callee.getExpression());
    const declaration = Node.isIdentifier(owner) ? findDeclaration(owner, modules) : undefined;
    parameter = declaration && Node.isParameterDeclaration(declaration) ? declaration : undefined;
  }
  const typeName = parameter && Node.isParameterDeclaration(parameter) ? parameter.getTypeNode()?.getText().match(/^[A-Za-z_$][\w$]*/)?.[0] : undefined;
  if (!typeName) return false;
  return parameter!.getSourceFile().getImportDeclarations().some((declaration) => PACKAGE.test(declaration.getModuleSpecifierValue()) && declaration.getNamedImports().some((named) => named.getName() === typeName));
}

/** A run of the agent `agentNode` names, reported at `site` with the message it is handed. */
function agentRun(site: CallExpression, agentNode: Node | undefined, message: Node | undefined, method: string, context: AnalyzerContext, evidence: string[]): DetectedCall {
  const modules = context.modules;
  const fn = agentNode ? agentFunction(agentNode, modules) : undefined;
  const returned = fn ? definedProfile(fn, modules) : undefined;
  const modelNode = returned?.model ?? (fn ? hookArgument(fn, 'useModel', modules) : undefined);
  if (!fn) evidence.push(`the agent \`${agentNode?.getText().slice(0, 40) ?? '?'}\` is no agent the workspace defines (createAgent(), or a function calling useModel()): its model is unknown`);
  const { provider, model } = agentModel(modelNode, context, evidence, ROUTER);
  const instructions = returned?.instructions;
  const messages: PromptMessage[] = [
    ...(instructions ? [{ role: 'system' as const, ...resolvePromptText(instructions, modules) }] : []),
    message ? { role: 'user', ...resolvePromptText(message, modules) } : { role: 'user', text: '{{the message handed to the agent}}', holes: [] },
  ];
  const tools = returned?.tools;
  // The agent's sandbox gives it Flue's built-in tools (read, write, bash, grep, ...) whatever else it is handed.
  evidence.push("the agent runs in a sandbox with Flue's built-in tools (read, write, edit, bash, grep, glob): the model is called again with each tool result until it answers");
  return toDetectedCall(site, context, {
    provider,
    sdk: 'flue',
    method,
    endpoint: 'chat',
    model,
    messages,
    maxOutputTokens: null,
    features: { streaming: false, tools: true, vision: false, structuredOutput: false, multiStep: true },
    toolNames: readToolNames(tools, modules),
    evidence,
  });
}

type AgentFunction = Node & { getBody(): Node | undefined };

/** How many of the app's factories are followed to the agent they make (`createE2bSynthesizer(sandbox)` returning it). */
const MAX_FACTORY_HOPS = 2;

/**
 * The function that defines an agent value: the initializer `createAgent(...)` of `@flue/runtime` is given (1.x), or the
 * agent function itself (2.x, calling hooks), here, imported as a module's default, or made by the app's factory.
 */
function agentFunction(agentNode: Node, modules: ModuleLoader, hops = 0): AgentFunction | undefined {
  // A local's own initializer first: tracing a factory's call would step into what the agent function returns.
  const direct = unwrapExpression(agentNode);
  const declared = Node.isIdentifier(direct) ? findDeclaration(direct, modules) : undefined;
  // `return ProductFeedbackSynthesizerE2b`: a function declared by name.
  if (declared && Node.isFunctionDeclaration(declared)) return declared;
  const initializer = declared && Node.isVariableDeclaration(declared) ? declared.getInitializer() : undefined;
  const value = initializer ? unwrapExpression(initializer) : Node.isCallExpression(direct) ? direct : traceValue(agentNode, modules);
  if (isFunction(value)) return value;
  if (!Node.isCallExpression(value)) return undefined;
  if (isCreateAgent(value, modules)) {
    const initializer = value.getArguments()[0];
    const fn = initializer && traceValue(initializer, modules);
    return fn && isFunction(fn) ? fn : undefined;
  }
  if (hops >= MAX_FACTORY_HOPS) return undefined;
  const callee = unwrapExpression(value.getExpression());
  const declaration = Node.isIdentifier(callee) ? findDeclaration(callee, modules) : undefined;
  const factory = declaration && (Node.isFunctionDeclaration(declaration) ? declaration : initializerOf(declaration));
  if (!factory || !isFunction(factory)) return undefined;
  for (const returned of returnsOf(factory)) {
    const found = agentFunction(returned, modules, hops + 1);
    if (found) return found;
  }
  return undefined;
}

function isFunction(node: Node): node is AgentFunction {
  return Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isFunctionDeclaration(node);
}

function isCreateAgent(call: CallExpression, modules: ModuleLoader): boolean {
  const binding = calleeBinding(unwrapExpression(call.getExpression()), modules);
  return binding !== undefined && PACKAGE.test(binding.packageName) && (binding.importedName === 'createAgent' || binding.importedName === 'defineAgent');
}

/** The profile an agent's initializer returns (`{ model, instructions, tools }`), read off its return statements or arrow body. */
function definedProfile(fn: Node, modules: ModuleLoader): { model?: Node; instructions?: Node; tools?: Node } | undefined {
  for (const returned of returnsOf(fn)) {
    const object = resolveObjectLiteral(returned, modules);
    if (!object || !Node.isObjectLiteralExpression(object)) continue;
    return { model: getObjectProperty(object, 'model', modules), instructions: getObjectProperty(object, 'instructions', modules), tools: getObjectProperty(object, 'tools', modules) };
  }
  return undefined;
}

/** The first argument of a 2.x hook of `@flue/runtime` the agent function calls (`useModel(MODEL, { thinkingLevel })`). */
function hookArgument(fn: Node, hook: string, modules: ModuleLoader): Node | undefined {
  const call = fn.getDescendantsOfKind(SyntaxKind.CallExpression).find((inner) => {
    const callee = unwrapExpression(inner.getExpression());
    if (!Node.isIdentifier(callee) || callee.getText() !== hook) return false;
    const binding = calleeBinding(callee, modules);
    return binding !== undefined && PACKAGE.test(binding.packageName);
  });
  return call?.getArguments()[0];
}
