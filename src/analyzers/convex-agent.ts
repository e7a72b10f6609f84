import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import type { ModuleLoader } from './shared/modules';
import { agentModel } from './shared/agents';
import { toDetectedCall } from './shared/callsite';
import { resolveClientOrigin, type ClientOrigin } from './shared/clients';
import { resolvePromptText } from './shared/prompt';
import { findDeclaration, getObjectProperty, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { eachCall, readToolNames } from './shared/sdk';

/**
 * Convex's AI components. `@convex-dev/agent`: `new Agent(components.agent, { languageModel | chat, instructions, tools })`
 * keeps its threads in the app's Convex database and calls the AI SDK model it holds: `agent.generateText(ctx, { threadId },
 * { prompt })` (and `streamText`, `generateObject`, `streamObject`) run it, as does the same call on the `thread` that
 * `agent.createThread(ctx, ...)` or `agent.continueThread(ctx, ...)` hands back, looping while the model calls tools.
 * `@convex-dev/rag`: `new RAG(components.rag, { textEmbeddingModel })` embeds what `rag.add(ctx, { text })` stores and what
 * `rag.search(ctx, { query })` looks for with that model, and `rag.generateText(ctx, { search, prompt })` does both.
 */
const AGENT_PACKAGE = /^@convex-dev\/agent(?:\/|$)/;
const RAG_PACKAGE = /^@convex-dev\/rag(?:\/|$)/;
const RUN_METHODS: ReadonlyMap<string, { structured: boolean; streaming: boolean }> = new Map([
  ['generateText', { structured: false, streaming: false }],
  ['streamText', { structured: false, streaming: true }],
  ['generateObject', { structured: true, streaming: false }],
  ['streamObject', { structured: true, streaming: true }],
]);
const RAG_METHODS = new Set(['add', 'search']);
/** The agent methods that hand back a thread whose own run methods run the agent. */
const THREAD_METHODS = new Set(['createThread', 'continueThread']);

export const convexAgentAnalyzer: Analyzer = {
  id: 'convex-agent',
  packages: [AGENT_PACKAGE, RAG_PACKAGE],
  analyze: eachCall(analyzeCall, (name) => RUN_METHODS.has(name) || RAG_METHODS.has(name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.getName();
  const receiver = callee.getExpression();
  const modules = context.modules;
  const origin = resolveClientOrigin(receiver, modules);
  if (origin?.className === 'RAG' && RAG_PACKAGE.test(origin.packageName)) return ragCall(call, method, origin, context);
  const run = RUN_METHODS.get(method);
  if (!run) return undefined;
  if (origin?.className === 'Agent' && AGENT_PACKAGE.test(origin.packageName)) {
    // `agent.generateText(ctx, { threadId }, { prompt })`: the run's arguments come third.
    return agentRun(call, origin, call.getArguments()[2], `agent.${method}`, run, context, [`${method}() of the @convex-dev/agent Agent made at ${origin.evidence[0]?.replace(/^client created with /, '') ?? 'its new Agent(...)'}`]);
  }
  const threadOf = threadAgent(receiver, modules);
  if (threadOf) return agentRun(call, threadOf.origin, call.getArguments()[0], `thread.${method}`, run, context, [`${method}() of the thread agent.${threadOf.via}() hands back (line ${threadOf.line}): a run of the @convex-dev/agent Agent`]);
  return undefined;
}

/** `const { thread } = await agent.createThread(ctx, ...)`: the agent a thread value came from, and how. */
function threadAgent(receiver: Node, modules: ModuleLoader): { origin: ClientOrigin; via: string; line: number } | undefined {
  const name = unwrapExpression(receiver);
  if (!Node.isIdentifier(name)) return undefined;
  const declaration = findDeclaration(name, modules);
  if (!declaration || !Node.isBindingElement(declaration)) return undefined;
  const holder = declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  const initializer = holder?.getInitializer();
  // `await agent.createThread(...)`: unwrapExpression looks through the await.
  const made = initializer && unwrapExpression(initializer);
  if (!made || !Node.isCallExpression(made)) return undefined;
  const callee = unwrapExpression(made.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !THREAD_METHODS.has(callee.getName())) return undefined;
  const origin = resolveClientOrigin(callee.getExpression(), modules);
  return origin?.className === 'Agent' && AGENT_PACKAGE.test(origin.packageName) ? { origin, via: callee.getName(), line: made.getStartLineNumber() } : undefined;
}

/** A run of the agent `origin` made, reported at `site` with the run's own arguments (`{ prompt }` or `{ messages }`). */
function agentRun(site: CallExpression, origin: ClientOrigin, runArguments: Node | undefined, method: string, run: { structured: boolean; streaming: boolean }, context: AnalyzerContext, evidence: string[]): DetectedCall {
  const modules = context.modules;
  const options = resolveObjectLiteral(origin.constructorArguments?.[1], modules);
  const args = resolveObjectLiteral(runArguments, modules);
  // `languageModel` (0.2 on), `chat` before it; a run may name its own model.
  const modelNode = getObjectProperty(args, 'model', modules) ?? getObjectProperty(options, 'languageModel', modules) ?? getObjectProperty(options, 'chat', modules);
  const { provider, model } = agentModel(modelNode, context, evidence, "the agent's model string");
  const instructions = getObjectProperty(options, 'instructions', modules);
  const prompt = getObjectProperty(args, 'prompt', modules);
  const messages: PromptMessage[] = [
    ...(instructions ? [{ role: 'system' as const, ...resolvePromptText(instructions, modules) }] : []),
    prompt ? { role: 'user', ...resolvePromptText(prompt, modules) } : { role: 'user', text: '{{the thread\'s messages}}', holes: [{ kind: 'message-array', expression: 'the thread the agent keeps in the Convex database' }] },
  ];
  const tools = getObjectProperty(args, 'tools', modules) ?? getObjectProperty(options, 'tools', modules);
  if (tools) evidence.push('the agent has tools: the model is called again with each tool result until it answers');
  return toDetectedCall(site, context, {
    provider,
    sdk: 'convex-agent',
    method,
    endpoint: 'chat',
    model,
    messages,
    maxOutputTokens: null,
    features: { streaming: run.streaming, tools: Boolean(tools), vision: false, structuredOutput: run.structured, multiStep: Boolean(tools) },
    toolNames: readToolNames(tools, modules),
    evidence,
  });
}

/** `rag.add(ctx, { text })` or `rag.search(ctx, { query })`: the text or query embedded with the RAG's model. */
function ragCall(call: CallExpression, method: string, origin: ClientOrigin, context: AnalyzerContext): DetectedCall | undefined {
  if (!RAG_METHODS.has(method)) return undefined;
  const modules = context.modules;
  const args = resolveObjectLiteral(call.getArguments()[1], modules);
  const input = method === 'add' ? getObjectProperty(args, 'text', modules) ?? getObjectProperty(args, 'chunks', modules) : getObjectProperty(args, 'query', modules);
  // An add with neither text nor chunks written (a loader object) still embeds what it is given.
  if (method === 'search' && !input) return undefined;
  const evidence = [`${method}() of the @convex-dev/rag RAG made at ${origin.evidence[0]?.replace(/^client created with /, '') ?? 'its new RAG(...)'}: ${method === 'add' ? 'the text is chunked and each chunk embedded' : 'the query is embedded to search the namespace'}`];
  const options = resolveObjectLiteral(origin.constructorArguments?.[1], modules);
  const { provider, model } = agentModel(getObjectProperty(options, 'textEmbeddingModel', modules), context, evidence, "the RAG's embedding model string");
  const endpoint: Endpoint = 'embedding';
  return toDetectedCall(call, context, {
    provider,
    sdk: 'convex-agent',
    method: `rag.${method}`,
    endpoint,
    model,
    messages: [input ? { role: 'user', ...resolvePromptText(input, modules) } : { role: 'user', text: '{{the text added}}', holes: [] }],
    maxOutputTokens: null,
    features: { streaming: false, tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence,
  });
}
