import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolvePromptText, runTimeTurn } from './shared/prompt';
import { getObjectProperty, importBindingOf, isStringLike, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { eachCall, readModel, traceValue } from './shared/sdk';

/**
 * OpenAI's Codex SDK (`@openai/codex-sdk`): `new Codex(options).startThread({ model })` (or `resumeThread(id)`) then
 * `thread.run(input)` / `thread.runStreamed(input)` runs the Codex agent in a child process: a loop of Responses API
 * requests in which the model runs shell commands, edits files and calls its MCP servers until the turn ends, billed to
 * the API key or ChatGPT plan Codex runs under. The model is the thread's `model` option (Codex's configured default when
 * unset). (openai/codex, sdk/typescript: `Codex`, `startThread`, `resumeThread`, `Thread.run`, `Thread.runStreamed`.)
 */
const PACKAGE = '@openai/codex-sdk';
const RUNS: Readonly<Record<string, { streaming: boolean }>> = { run: { streaming: false }, runStreamed: { streaming: true } };

export const codexSdkAnalyzer: Analyzer = {
  id: 'codex-sdk',
  packages: [PACKAGE],
  analyze: eachCall(analyzeCall, (name) => name in RUNS),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !(callee.getName() in RUNS)) return undefined;
  const thread = startedThread(callee.getExpression(), context);
  if (!thread) return undefined;
  const threadOptions = resolveObjectLiteral(thread.getArguments()[0], context.modules);
  const modelNode = getObjectProperty(threadOptions, 'model', context.modules);
  const model = modelNode ? readModel(modelNode, context.modules) : { ref: { id: null, raw: '', source: 'dynamic' as const }, evidence: ["no thread `model`: Codex's configured default model (not in the code)"] };
  const input = call.getArguments()[0];
  const inputValue = input && unwrapExpression(input);
  const message = inputValue && (isStringLike(inputValue) || Node.isIdentifier(inputValue)) ? { role: 'user' as const, ...resolvePromptText(inputValue, context.modules) } : runTimeTurn(input?.getText().slice(0, 40) ?? 'input', 'interpolation');
  const method = `thread.${callee.getName()}`;
  return toDetectedCall(call, context, {
    provider: 'openai',
    sdk: 'codex-sdk',
    method,
    endpoint: 'chat',
    model: model.ref,
    messages: [message],
    maxOutputTokens: null,
    features: { streaming: RUNS[callee.getName()].streaming, tools: true, vision: false, structuredOutput: getObjectProperty(call.getArguments()[1], 'outputSchema', context.modules) !== undefined, multiStep: true },
    toolNames: [],
    steps: { max: null, basis: "the Codex agent's turn: it runs commands and edits files until it answers" },
    evidence: [`${method} on a thread of Codex from '${PACKAGE}': the Codex agent's loop, one Responses API request per step`, ...model.evidence],
  });
}

/** The `codex.startThread(...)` / `codex.resumeThread(...)` call a thread comes from, on a `new Codex(...)` of the SDK. */
function startedThread(receiver: Node, context: AnalyzerContext): CallExpression | undefined {
  const made = traceValue(unwrapExpression(receiver), context.modules);
  const started = Node.isAwaitExpression(made) ? unwrapExpression(made.getExpression()) : made;
  if (!Node.isCallExpression(started)) return undefined;
  const starter = unwrapExpression(started.getExpression());
  if (!Node.isPropertyAccessExpression(starter) || !['startThread', 'resumeThread'].includes(starter.getName())) return undefined;
  const client = traceValue(unwrapExpression(starter.getExpression()), context.modules);
  if (!Node.isNewExpression(client)) return undefined;
  const constructor = unwrapExpression(client.getExpression());
  const binding = Node.isIdentifier(constructor) ? importBindingOf(constructor, context.modules) : undefined;
  return binding?.packageName === PACKAGE && binding.importedName === 'Codex' ? started : undefined;
}
