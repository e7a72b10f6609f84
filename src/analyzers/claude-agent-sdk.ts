import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { DetectedCall, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolvePromptText, runTimeTurn } from './shared/prompt';
import { getObjectProperty, importBindingOf, isStringLike, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { eachCall, readModel, traceValue } from './shared/sdk';

/**
 * Anthropic's Claude Agent SDK (`@anthropic-ai/claude-agent-sdk`, earlier `@anthropic-ai/claude-code`): `query({ prompt,
 * options })` runs Claude Code's agent in a child process: a loop of Messages API requests in which the model calls
 * Claude Code's tools (files, shell, web, the MCP servers it is given) until it answers, each step billed to the API key
 * (or the plan) Claude Code runs under. The model is `options.model` (Claude Code's own default when unset); `maxTurns`
 * caps the steps. Messages stream back as an async iterator. (anthropics/claude-agent-sdk-typescript: `query`.)
 */
const PACKAGES = new Set(['@anthropic-ai/claude-agent-sdk', '@anthropic-ai/claude-code']);

export const claudeAgentSdkAnalyzer: Analyzer = {
  id: 'claude-agent-sdk',
  packages: [...PACKAGES],
  analyze: eachCall(analyzeCall, (name) => name === 'query'),
};

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
