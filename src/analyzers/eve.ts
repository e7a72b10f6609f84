import * as path from 'node:path';
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { DetectedCall, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import type { ModuleLoader } from './shared/modules';
import { agentModel } from './shared/agents';
import { toDetectedCall } from './shared/callsite';
import { getObjectProperty, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, traceValue } from './shared/sdk';

/**
 * Vercel's eve agents (`eve`): an app defines its one agent in `agent/agent.ts` (`export default defineAgent({ model })`,
 * an AI Gateway model string such as `'anthropic/claude-haiku-4.5'` or an AI SDK model object), its tools one per file in
 * `agent/tools/`, and eve's runtime runs a turn (the model called again with each tool result) for every message a channel
 * sends it. The turns are started by the app's clients: the browser hook's `agent.send(message)` and `agent.respond(...)`
 * (`useEveAgent` from `eve/react` or `eve/vue`) and a channel's injected `send({ message })`, also with
 * `{ inputResponses }` answering the agent's questions (`eve/channels`). Each is a request of the agent the app defines.
 *
 * An agent no client of the workspace sends to (a webhook or Slack channel eve wires itself) is reported where it is
 * defined; the scan drops that site when a turn of the same agent is found (`dropAgentsRunElsewhere`).
 */
const PACKAGE = /^eve(?:\/|$)/;
/** The modules whose importers start turns: the browser hooks, the plain client and the channel API. */
const CLIENT_MODULE = /^eve\/(?:react|vue|client|channels)(?:\/|$)/;
const CHANNEL_MODULE = /^eve\/channels(?:\/|$)/;
/** What a turn's first argument holds: a user's message or the answers to the agent's pending questions. */
const TURN_FIELDS = ['message', 'inputResponses'];
/** Where eve looks for the agent: `agent/agent.ts` at the app's root. */
const AGENT_MODULE = path.join('agent', 'agent');
const DEFINE_AGENT = 'defineAgent';
const GATEWAY_ROUTER = "eve's default route, the Vercel AI Gateway,";
/** The AI SDK's name for the gateway's provider (vercel-ai.ts): the one the catalog's router row prices. */
const GATEWAY_PROVIDER = 'vercel-gateway';

export const eveAnalyzer: Analyzer = {
  id: 'eve',
  packages: [PACKAGE],
  analyze(context) {
    const specifiers = eveSpecifiersOf(context.sourceFile);
    if (specifiers.length === 0) return [];
    const found: DetectedCall[] = [];
    const startsTurns = specifiers.some((specifier) => CLIENT_MODULE.test(specifier));
    const streamed = specifiers.some((specifier) => CLIENT_MODULE.test(specifier) && !CHANNEL_MODULE.test(specifier));
    let definition: CallExpression | null | undefined;
    for (const call of context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = unwrapExpression(call.getExpression());
      const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
      if (name === DEFINE_AGENT && isDefineAgent(callee, context.modules)) {
        const key = `${context.file}:${call.getStartLineNumber()}`;
        found.push({ ...agentCall(call, call, context, DEFINE_AGENT, false, ['the agent is defined here and run by eve\'s runtime for each message a channel sends it: its turns are reported here']), agentDefinition: key });
        continue;
      }
      if (!startsTurns || (name !== 'send' && name !== 'respond')) continue;
      const turn = turnOf(call, callee, name, context);
      if (!turn) continue;
      // Every turn in a file is of the same agent: looked up at the file's first.
      if (definition === undefined) definition = agentDefinitionFor(context) ?? null;
      const evidence = [turn, ...(definition ? [] : ['no agent/agent.ts with defineAgent() found above this file: the agent\'s model is unknown'])];
      const detected = agentCall(call, definition ?? undefined, context, Node.isPropertyAccessExpression(callee) ? `agent.${name}` : name, streamed, evidence);
      found.push(definition ? { ...detected, agentDefinition: `${context.modules.relativePath(definition.getSourceFile().getFilePath())}:${definition.getStartLineNumber()}` } : detected);
    }
    return found;
  },
};

/** The eve modules a file imports (also type-only imports: a file typing its agent with `UseEveAgentReturn` holds one). */
function eveSpecifiersOf(sourceFile: SourceFile): string[] {
  return sourceFile.getImportDeclarations().map((declaration) => declaration.getModuleSpecifierValue()).filter((specifier) => PACKAGE.test(specifier));
}

function isDefineAgent(callee: Node, modules: ModuleLoader): boolean {
  const binding = calleeBinding(callee, modules);
  return binding !== undefined && binding.importedName === DEFINE_AGENT && binding.packageName === 'eve';
}

/**
 * Whether a `send`/`respond` call starts a turn, and how it reads: `send({ message })` or `send({ inputResponses })` (the
 * hook's agent, a channel's injected send, held anywhere), or any `send`/`respond` of the object `useEveAgent()` returns.
 */
function turnOf(call: CallExpression, callee: Node, name: string, context: AnalyzerContext): string | undefined {
  const modules = context.modules;
  const options = resolveObjectLiteral(call.getArguments()[0], modules);
  const field = name === 'send' && options && Node.isObjectLiteralExpression(options) ? TURN_FIELDS.find((each) => getObjectProperty(options, each, modules) !== undefined) : undefined;
  if (field) return `${name}({ ${field} }): ${field === 'message' ? 'a message' : "answers to the agent's questions"} sent to the eve agent, which runs a turn`;
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const receiver = traceValue(callee.getExpression(), modules);
  if (!Node.isCallExpression(receiver)) return undefined;
  const binding = calleeBinding(unwrapExpression(receiver.getExpression()), modules);
  if (binding?.importedName !== 'useEveAgent' || !PACKAGE.test(binding.packageName)) return undefined;
  return `${name}() of the agent useEveAgent() from '${binding.packageName}' returns (line ${receiver.getStartLineNumber()}): eve's runtime runs a turn`;
}

/** The app's `defineAgent(...)` call in the nearest `agent/agent.ts` at or above this file's folder, inside the workspace. */
function agentDefinitionFor(context: AnalyzerContext): CallExpression | undefined {
  const modules = context.modules;
  const root = path.resolve(modules.root);
  for (let folder = path.dirname(context.sourceFile.getFilePath()); ; folder = path.dirname(folder)) {
    const inside = path.relative(root, folder);
    if (inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
    const agentFile = modules.resolvePath(context.sourceFile, path.join(folder, AGENT_MODULE));
    const defined = agentFile?.getDescendantsOfKind(SyntaxKind.CallExpression).find((call) => isDefineAgent(unwrapExpression(call.getExpression()), modules));
    if (defined) return defined;
    if (inside === '') return undefined;
  }
}

/** A turn of the agent `definition` defines (its model, its tools in `agent/tools/`), reported at `site`. */
function agentCall(site: CallExpression, definition: CallExpression | undefined, context: AnalyzerContext, method: string, streamed: boolean, extra: string[]): DetectedCall {
  const modules = context.modules;
  const evidence = [...extra];
  const options = definition ? resolveObjectLiteral(definition.getArguments()[0], modules) : undefined;
  const { provider, model } = definition ? agentModel(getObjectProperty(options, 'model', modules), context, evidence, GATEWAY_ROUTER, GATEWAY_PROVIDER) : { provider: 'unknown', model: { id: null, raw: '', source: 'dynamic' as const } };
  const toolsFolder = definition ? path.join(path.dirname(definition.getSourceFile().getFilePath()), 'tools') : undefined;
  const toolNames = toolsFolder ? modules.filesIn(toolsFolder).filter((file) => /\.(?:[cm]?[jt]s)$/.test(file) && !/\.(?:test|spec|d)\.[cm]?[jt]s$/.test(file)).map((file) => file.replace(/\.[cm]?[jt]s$/, '')) : [];
  if (toolNames.length > 0) evidence.push(`tools: ${toolNames.join(', ')} (one per file in agent/tools/); the agent calls the model again with each tool result until it answers`);
  const messages: PromptMessage[] = [{ role: 'user', text: "{{the user's message}}", holes: [{ kind: 'message-array', expression: 'the conversation eve keeps for the thread' }] }];
  return toDetectedCall(site, context, {
    provider,
    sdk: 'eve',
    method,
    endpoint: 'chat',
    model,
    messages,
    maxOutputTokens: null,
    features: { streaming: streamed, tools: toolNames.length > 0, vision: false, structuredOutput: false, multiStep: toolNames.length > 0 },
    toolNames,
    evidence,
  });
}
