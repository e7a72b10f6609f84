import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { DetectedCall, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolvePromptText, runTimeTurn } from './shared/prompt';
import { getObjectProperty, importBindingOf, isStringLike, placeOf, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { eachCall, readModel, traceValue } from './shared/sdk';

/**
 * Anthropic's Claude Agent SDK (`@anthropic-ai/claude-agent-sdk`, earlier `@anthropic-ai/claude-code`): `query({ prompt,
 * options })` runs Claude Code's agent in a child process: a loop of Messages API requests in which the model calls
 * Claude Code's tools (files, shell, web, the MCP servers it is given) until it answers, each step billed to the API key
 * (or the plan) Claude Code runs under. The model is `options.model` (Claude Code's own default when unset); `maxTurns`
 * caps the steps. Messages stream back as an async iterator. (anthropics/claude-agent-sdk-typescript: `query`; its V2
 * interface's sessions below.)
 */
const PACKAGES = new Set(['@anthropic-ai/claude-agent-sdk', '@anthropic-ai/claude-code']);

/**
 * The SDK's V2 interface: `unstable_v2_prompt(prompt, options)` runs one prompt; a session made with
 * `unstable_v2_createSession(options)` (or `unstable_v2_resumeSession(id, options)`) runs the agent loop again at each
 * `session.send(message)`, with the session's history.
 */
const V2_PROMPT = 'unstable_v2_prompt';
const V2_SESSION_FACTORIES = new Set(['unstable_v2_createSession', 'unstable_v2_resumeSession']);

export const claudeAgentSdkAnalyzer: Analyzer = {
  id: 'claude-agent-sdk',
  packages: [...PACKAGES],
  analyze: eachCall((call, context) => analyzeCall(call, context) ?? v2Call(call, context), (name) => name === 'query' || name === V2_PROMPT || name === 'send'),
};

/** `unstable_v2_prompt('...', { model })`, and `session.send('...')` on a V2 session. */
function v2Call(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  let options: Node | undefined;
  let method: string;
  let evidence: string;
  if (Node.isIdentifier(callee)) {
    const binding = importBindingOf(callee, context.modules);
    if (!binding || !PACKAGES.has(binding.packageName) || binding.importedName !== V2_PROMPT) return undefined;
    options = call.getArguments()[1];
    method = V2_PROMPT;
    evidence = `${V2_PROMPT} imported from '${binding.packageName}': one prompt through Claude Code's agent loop`;
  } else if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'send') {
    const made = traceValue(callee.getExpression(), context.modules);
    const factory = Node.isCallExpression(made) ? unwrapExpression(made.getExpression()) : undefined;
    const binding = factory && Node.isIdentifier(factory) ? importBindingOf(factory, context.modules) : undefined;
    if (!Node.isCallExpression(made) || !binding || !PACKAGES.has(binding.packageName) || !V2_SESSION_FACTORIES.has(binding.importedName)) return undefined;
    options = made.getArguments()[binding.importedName === 'unstable_v2_resumeSession' ? 1 : 0];
    method = 'session.send';
    evidence = `a turn of the session made with ${binding.importedName}() at ${placeOf(made)}: Claude Code's agent loop runs again with the session's history`;
  } else {
    return undefined;
  }
  const settings = resolveObjectLiteral(options, context.modules);
  const modelNode = getObjectProperty(settings, 'model', context.modules);
  const model = modelNode ? readModel(modelNode, context.modules) : { ref: { id: null, raw: '', source: 'dynamic' as const }, evidence: ["no `model`: Claude Code's own default model (not in the code)"] };
  const prompt = call.getArguments()[0];
  return toDetectedCall(call, context, {
    provider: 'anthropic',
    sdk: 'claude-agent-sdk',
    method,
    endpoint: 'chat',
    model: model.ref,
    messages: [prompt ? { role: 'user', ...resolvePromptText(prompt, context.modules) } : runTimeTurn('message', 'interpolation')],
    maxOutputTokens: null,
    features: { streaming: method !== V2_PROMPT, tools: true, vision: false, structuredOutput: false, multiStep: true },
    toolNames: [],
    steps: { max: null, basis: "Claude Code's agent loop (it runs until the model answers)" },
    evidence: [evidence, ...model.evidence],
  });
}

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  // `query(...)` imported by name, or `sdk.query(...)` on a namespace import.
  const named = Node.isIdentifier(callee) ? callee : Node.isPropertyAccessExpression(callee) ? unwrapExpression(callee.getExpression()) : undefined;
  const binding = named && Node.isIdentifier(named) ? importBindingOf(named, context.modules) : undefined;
  if (!binding || !PACKAGES.has(binding.packageName)) return undefined;
  if (Node.isIdentifier(callee) ? binding.importedName !== 'query' : binding.importedName !== '*' && binding.importedName !== 'default') return undefined;
  const parameters = resolveObjectLiteral(call.getArguments()[0], context.modules);
  const options = resolveObjectLiteral(getObjectProperty(parameters, 'options', context.modules), context.modules);
  const modelNode = getObjectProperty(options, 'model', context.modules);
  const model = modelNode ? readModel(modelNode, context.modules) : { ref: { id: null, raw: '', source: 'dynamic' as const }, evidence: ["no `options.model`: Claude Code's own default model (not in the code)"] };
  const messages: PromptMessage[] = [];
  const systemPrompt = getObjectProperty(options, 'systemPrompt', context.modules);
  if (systemPrompt) messages.push({ role: 'system', ...resolvePromptText(systemPrompt, context.modules) });
  const prompt = getObjectProperty(parameters, 'prompt', context.modules);
  // A prompt stream that never yields (`(async function* () { await new Promise(() => {}); })()`) starts Claude Code only to
  // read its initialization (the models it offers), then is interrupted: no message is sent.
  if (prompt && yieldsNothing(traceValue(prompt, context.modules))) return undefined;
  const promptValue = prompt && unwrapExpression(prompt);
  // A prompt given as a stream of user messages (an async generator) is known only at run time.
  messages.push(promptValue && (isStringLike(promptValue) || Node.isIdentifier(promptValue) || Node.isPropertyAccessExpression(promptValue)) ? { role: 'user', ...resolvePromptText(promptValue, context.modules) } : runTimeTurn(prompt?.getText().slice(0, 40) ?? 'prompt', 'interpolation'));
  const maxTurnsNode = getObjectProperty(options, 'maxTurns', context.modules);
  const maxTurns = maxTurnsNode && Node.isNumericLiteral(unwrapExpression(maxTurnsNode)) ? Number(unwrapExpression(maxTurnsNode).getText()) : null;
  const mcpServers = resolveObjectLiteral(getObjectProperty(options, 'mcpServers', context.modules), context.modules);
  const mcpNames = mcpServers && Node.isObjectLiteralExpression(mcpServers) ? mcpServers.getProperties().flatMap((property) => (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) ? [`mcp:${property.getName()}`] : [])) : [];
  return toDetectedCall(call, context, {
    provider: 'anthropic',
    sdk: 'claude-agent-sdk',
    method: 'query',
    endpoint: 'chat',
    model: model.ref,
    messages,
    maxOutputTokens: null,
    features: { streaming: true, tools: true, vision: false, structuredOutput: false, multiStep: true },
    toolNames: mcpNames,
    steps: { max: maxTurns, basis: maxTurnsNode ? `Claude Code's agent loop, \`maxTurns: ${maxTurnsNode.getText().slice(0, 30)}\`` : "Claude Code's agent loop (no `maxTurns`: it runs until the model answers)" },
    evidence: [`query imported from '${binding.packageName}': Claude Code's agent loop, one Messages API request per step with its built-in tools${mcpNames.length > 0 ? ` and the MCP servers ${mcpNames.map((name) => name.slice(4)).join(', ')}` : ''}`, ...model.evidence],
  });
}

/** A generator function called at once whose body never yields: the stream of prompts it makes is empty. */
function yieldsNothing(value: Node): boolean {
  const called = unwrapExpression(value);
  if (!Node.isCallExpression(called)) return false;
  const fn = unwrapExpression(called.getExpression());
  return (Node.isFunctionExpression(fn) || Node.isFunctionDeclaration(fn)) && fn.isGenerator() && fn.getDescendantsOfKind(SyntaxKind.YieldExpression).length === 0;
}
