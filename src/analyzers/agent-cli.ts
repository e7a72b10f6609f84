import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, PromptMessage } from '../model/types';
import { AGENT_CLI_SDK } from '../model/vocabulary';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolvePromptText, runTimeTurn } from './shared/prompt';
import { getObjectProperty, isStringLike, resolveObjectLiteral, resolveString, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, readModel, traceValue } from './shared/sdk';

/**
 * Vendors' coding agents run headless as a child process: Claude Code (`claude -p`), OpenAI's Codex CLI (`codex exec`)
 * and the Gemini CLI (`gemini -p`, or the prompt on standard input), spawned from Node's child_process or execa. Each
 * run is the agent's loop of model requests (tools, file edits) until it answers, billed to the API key the program is
 * logged in with or to the user's plan. The model is the `--model` argument, else the program's configured default.
 *
 * A run needs the program's headless form: its print flag or subcommand in the arguments the code writes, or a prompt
 * handed on standard input (execa's `input`) when the arguments are built elsewhere. `claude --version`, `claude mcp add`
 * and the like start no model.
 */
const AGENT_PROGRAMS: Readonly<Record<string, { provider: string; product: string; headless: (argumentsWritten: readonly (string | null)[]) => boolean }>> = {
  claude: { provider: 'anthropic', product: 'Claude Code', headless: (written) => written.includes('-p') || written.includes('--print') },
  codex: { provider: 'openai', product: "OpenAI's Codex CLI", headless: (written) => written[0] === 'exec' || written[0] === 'e' },
  gemini: { provider: 'google', product: 'the Gemini CLI', headless: (written) => written.includes('-p') || written.includes('--prompt') },
};

/** A first argument that makes the program do something other than run its agent (a version check, its own settings). */
const NOT_A_RUN = /^(?:-v|--version|-h|--help|mcp|config|login|logout|auth|update|doctor|install|setup-token|completion|migrate-installer)$/;

const SPAWN_PACKAGES: Readonly<Record<string, ReadonlySet<string>>> = {
  child_process: new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']),
  'node:child_process': new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']),
  execa: new Set(['execa', 'execaSync']),
};
const CALLEE_NAMES = new Set(Object.values(SPAWN_PACKAGES).flatMap((names) => [...names]));

export const agentCliAnalyzer: Analyzer = {
  id: AGENT_CLI_SDK,
  packages: Object.keys(SPAWN_PACKAGES),
  analyze: eachCall(analyzeCall, (name) => CALLEE_NAMES.has(name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  if (!name || !CALLEE_NAMES.has(name)) return undefined;
  const [programNode, argumentsNode, optionsNode] = call.getArguments();
  const program = programNode ? resolveString(programNode, context.modules).value?.split(/[\\/]/).pop() : undefined;
  const agent = program ? AGENT_PROGRAMS[program] : undefined;
  if (!agent) return undefined;
  const binding = calleeBinding(callee, context.modules);
  if (!binding || !SPAWN_PACKAGES[binding.packageName]?.has(binding.importedName)) return undefined;
  const list = argumentsNode ? traceValue(argumentsNode, context.modules) : undefined;
  const items = list && Node.isArrayLiteralExpression(list) ? list.getElements() : undefined;
  const written = (items ?? []).map((item) => (Node.isSpreadElement(item) ? null : resolveString(item, context.modules).value));
  const options = optionsNode ? resolveObjectLiteral(optionsNode, context.modules) : undefined;
  const stdinPrompt = getObjectProperty(options, 'input', context.modules);
  if (written.length > 0 && written[0] !== null && NOT_A_RUN.test(written[0])) return undefined;
  // Arguments the code writes must say headless; arguments built elsewhere count only with a prompt on standard input.
  if (items ? !agent.headless(written) && !stdinPrompt : !stdinPrompt) return undefined;
  const valueAfter = (...flags: string[]) => {
    const at = written.findIndex((text) => text !== null && flags.includes(text));
    return at >= 0 && items ? items[at + 1] : undefined;
  };
  const modelNode = valueAfter('--model', '-m');
  const model = modelNode ? readModel(modelNode, context.modules) : { ref: { id: null, raw: '', source: 'dynamic' as const }, evidence: [`no \`--model\` in the arguments the code writes: ${agent.product}'s configured default model`] };
  const promptNode = stdinPrompt ?? valueAfter('-p', '--print', '--prompt');
  const prompt: PromptMessage = promptNode && (isStringLike(promptNode) || Node.isIdentifier(unwrapExpression(promptNode))) ? { role: 'user', ...resolvePromptText(promptNode, context.modules) } : runTimeTurn(promptNode?.getText().slice(0, 40) ?? 'prompt', 'interpolation');
  const systemNode = valueAfter('--system-prompt', '--append-system-prompt');
  const messages: PromptMessage[] = systemNode ? [{ role: 'system', ...resolvePromptText(systemNode, context.modules) }, prompt] : [prompt];
  // `--tools ""` (Claude Code): no tool is offered, one model request answers.
  const toolsNode = valueAfter('--tools', '--allowedTools');
  const noTools = toolsNode !== undefined && resolveString(toolsNode, context.modules).value === '';
  const format = valueAfter('--output-format');
  const streaming = format !== undefined && resolveString(format, context.modules).value === 'stream-json';
  return toDetectedCall(call, context, {
    provider: agent.provider,
    sdk: AGENT_CLI_SDK,
    method: `${name} ${program}`,
    endpoint: 'chat',
    model: model.ref,
    messages,
    maxOutputTokens: null,
    features: { streaming, tools: !noTools, vision: false, structuredOutput: valueAfter('--json-schema') !== undefined, multiStep: !noTools },
    toolNames: [],
    ...(noTools ? {} : { steps: { max: null, basis: `${agent.product}'s agent loop: it runs tools and edits files until it answers` } }),
    evidence: [`${program} run headless with ${name}() from ${binding.packageName}: ${agent.product}, priced at its model's API price (billed to the API key it is logged in with, or to the user's plan)`, ...model.evidence],
  });
}
