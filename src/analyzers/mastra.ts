import { Node, SyntaxKind, type CallExpression, type NewExpression } from 'ts-morph';
import type { DetectedCall, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { enclosingFunctionName, toDetectedCall } from './shared/callsite';
import { newExpressionsOf } from './shared/calls';
import { resolveClientOrigin, type ClientOrigin } from './shared/clients';
import { resolveContentParts, resolveMessages, resolvePromptText } from './shared/prompt';
import { getObjectProperty, placeOf, propertyOfObject, resolveObjectLiteral, resolveString, returnsOf, unwrapExpression, valueOfProperty } from './shared/resolve';
import { eachCall, importBindingOf, readToolNames, traceValue } from './shared/sdk';
import { functionOf, shapesOf } from './shared/shapes';
import { agentModel } from './shared/agents';

/**
 * Mastra (`@mastra/core`): an `Agent` holds its model (an AI SDK model object such as `openai('gpt-4o')`, or a
 * `'provider/model'` string for Mastra's model router), its instructions and its tools. `agent.generate(...)` and
 * `agent.stream(...)` (and their VNext and Legacy variants) run it: one model request per step, looping while the model
 * calls tools. `mastra.getAgent('name')` is the agent registered under that name in `new Mastra({ agents })`.
 *
 * An agent the file makes but never runs itself is handed to a framework that does (Mastra's own server, CopilotKit,
 * an MCP server, an AG-UI adapter): it is reported where it is made, and the scan drops that site when a run of the
 * same agent is found elsewhere (`dropAgentsRunElsewhere`), so one agent is counted once.
 */
const PACKAGE = /^@mastra\/core(?:\/|$)/;
const RUN_METHODS: ReadonlySet<string> = new Set(['generate', 'stream', 'generateVNext', 'streamVNext', 'generateLegacy', 'streamLegacy']);
/** AG-UI's adapter for a Mastra agent (`new MastraAgent({ agent })`): its `run(input)` runs the agent, streaming the turn's events. */
const AG_UI_ADAPTER = { className: 'MastraAgent', packageName: /^@ag-ui\/mastra$/, run: 'run' };

export const mastraAnalyzer: Analyzer = {
  id: 'mastra',
  packages: [PACKAGE],
  analyze(context) {
    const runs = eachCall((call) => analyzeRun(call, context) ?? analyzeAdapterRun(call, context), (name) => RUN_METHODS.has(name) || name === AG_UI_ADAPTER.run)(context);
    const runDefinitions = new Set(runs.map((call) => call.agentDefinition));
    const made = newExpressionsOf(context.sourceFile, 'Agent').flatMap((created) => {
      const origin = resolveClientOrigin(created, context.modules);
      if (!origin || !isMastraAgent(origin) || runDefinitions.has(definitionOf(created, context))) return [];
      return [agentCall(created, origin, 'new Agent', undefined, context, ['the agent is made here and run by whatever it is handed to (Mastra\'s server, CopilotKit, an MCP server): its turns are reported here'])];
    });
    return [...runs, ...made, ...handedOver(context)];
  },
};

/** Frameworks that run the agents they are given, and where they take them. */
const MCP_SERVER = { className: 'MCPServer', packageName: /^@mastra\/mcp$/ };
const AG_UI_LOCAL_AGENTS = 'getLocalAgents';

/**
 * Where the app hands agents to a framework that runs them for its clients: each agent registered in an MCP server
 * (`new MCPServer({ agents: { name: agent } })` from @mastra/mcp, which exposes it as an `ask_<name>` tool that runs
 * it), and each agent of a Mastra instance given to AG-UI (`MastraAgent.getLocalAgents({ mastra })` from
 * @ag-ui/mastra, streamed to a CopilotKit runtime). Each is a feature running the agent, reported as a caller of the
 * agent's own site (where it is made), whose request it prices; nothing calls this site in turn.
 */
function handedOver(context: AnalyzerContext): DetectedCall[] {
  const modules = context.modules;
  const found: DetectedCall[] = [];
  for (const created of newExpressionsOf(context.sourceFile, MCP_SERVER.className)) {
    const server = resolveClientOrigin(created, modules);
    if (!server || server.className !== MCP_SERVER.className || !MCP_SERVER.packageName.test(server.packageName)) continue;
    const agents = resolveObjectLiteral(getObjectProperty(resolveObjectLiteral(server.options, modules), 'agents', modules), modules);
    for (const entry of agents && Node.isObjectLiteralExpression(agents) ? agents.getProperties() : []) {
      const value = valueOfProperty(entry);
      const agent = value && agentOrigin(value, context);
      if (agent) found.push(handOver(entry, agent, `MCPServer agents.${(entry as { getName(): string }).getName()}`, context, [`handed to new MCPServer() from '${server.packageName}' at line ${created.getStartLineNumber()}, which runs it for the MCP client that calls its ask tool`], {}));
    }
  }
  // Most files never name it: their calls are not wrapped to find out.
  const callsAdapter = context.sourceFile.getFullText().includes(AG_UI_LOCAL_AGENTS);
  for (const call of callsAdapter ? context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression) : []) {
    const callee = unwrapExpression(call.getExpression());
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== AG_UI_LOCAL_AGENTS) continue;
    const adapterClass = importBindingOf(unwrapExpression(callee.getExpression()), modules);
    if (!adapterClass || adapterClass.importedName !== AG_UI_ADAPTER.className || !AG_UI_ADAPTER.packageName.test(adapterClass.packageName)) continue;
    const mastra = getObjectProperty(resolveObjectLiteral(call.getArguments()[0], modules), 'mastra', modules);
    const instance = mastra && resolveClientOrigin(mastra, modules);
    if (!instance || instance.className !== 'Mastra' || !PACKAGE.test(instance.packageName)) continue;
    const agents = resolveObjectLiteral(getObjectProperty(resolveObjectLiteral(instance.options, modules), 'agents', modules), modules);
    for (const entry of agents && Node.isObjectLiteralExpression(agents) ? agents.getProperties() : []) {
      const value = valueOfProperty(entry);
      const agent = value && resolveClientOrigin(value, modules);
      if (agent && isMastraAgent(agent)) found.push(handOver(call, agent, `${AG_UI_ADAPTER.className}.${AG_UI_LOCAL_AGENTS}`, context, [`the Mastra instance's agents handed to AG-UI by ${AG_UI_ADAPTER.className}.${AG_UI_LOCAL_AGENTS}() from '${adapterClass.packageName}', which streams each run to the client`], { streamed: true }));
    }
  }
  return found;
}

/** A Mastra agent an expression holds: one made with `new Agent`, or the one `mastra.getAgent('name')` looks up. */
function agentOrigin(value: Node, context: AnalyzerContext): ClientOrigin | undefined {
  const origin = resolveClientOrigin(value, context.modules) ?? registeredAgent(traceValue(value, context.modules), context);
  return isMastraAgent(origin) ? origin : undefined;
}

/** The hand-over site: a run of the agent with the client's turns, as a caller of the agent's own site (`via`). */
function handOver(site: Node, agent: ClientOrigin, method: string, context: AnalyzerContext, extra: string[], kind: RunKind): DetectedCall {
  const created = agent.options?.getParentIfKind(SyntaxKind.NewExpression);
  const call = agentCall(site, agent, method, undefined, context, extra, { ...kind, inputFromClient: true });
  if (!created) return call;
  const via = { file: context.modules.relativePath(created.getSourceFile().getFilePath()), line: created.getStartLineNumber(), function: enclosingFunctionName(created) ?? '<top>' };
  // Its own position as the agent's definition: the framework runs the agent, so the function handing it over is no helper whose callers send it.
  return { ...call, kind: 'wrapper-caller', via, agentDefinition: `${call.file}:${call.line}` };
}

function isMastraAgent(origin: ClientOrigin | undefined): boolean {
  return origin !== undefined && origin.className === 'Agent' && PACKAGE.test(origin.packageName);
}

function analyzeRun(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !RUN_METHODS.has(callee.getName())) return undefined;
  const receiver = unwrapExpression(callee.getExpression());
  const traced = traceValue(receiver, context.modules);
  const origin = resolveClientOrigin(receiver, context.modules) ?? registeredAgent(traced, context) ?? staticFactoryAgent(traced, context);
  if (!isMastraAgent(origin)) return undefined;
  const created = origin!.options?.getParentIfKind(SyntaxKind.NewExpression);
  return agentCall(call, origin!, callee.getName(), created, context, []);
}

/**
 * `await AiModelFactory.TagAgent(prompt)` of a class whose static member makes the agent: a static method, or a static
 * field holding the function a private factory returns (`static TagAgent = AiModelFactory.#createAgentFactory(...)`
 * returning `async (type) => new Mastra({ agents: { agent } }).getAgent('agent')`). The agent its returns make.
 */
function staticFactoryAgent(traced: Node, context: AnalyzerContext): ClientOrigin | undefined {
  if (!Node.isCallExpression(traced)) return undefined;
  const callee = unwrapExpression(traced.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const owner = shapesOf(callee.getExpression(), context.modules).map((shape) => shape.node).find((node) => Node.isClassDeclaration(node));
  const member = owner && Node.isClassDeclaration(owner) ? owner.getStaticMember(callee.getName()) : undefined;
  let maker: Node | undefined = member && Node.isMethodDeclaration(member) ? member : undefined;
  const initializer = member && Node.isPropertyDeclaration(member) ? member.getInitializer() : undefined;
  const held = initializer && unwrapExpression(initializer);
  if (held && (Node.isArrowFunction(held) || Node.isFunctionExpression(held))) maker = held;
  // A function a factory call makes: what that factory returns.
  if (held && Node.isCallExpression(held)) maker = returnsOf(functionOf(held.getExpression(), context.modules) ?? held).map((returned) => unwrapExpression(returned)).find((returned) => Node.isArrowFunction(returned) || Node.isFunctionExpression(returned));
  for (const returned of maker ? returnsOf(maker) : []) {
    const value = traceValue(returned, context.modules);
    const origin = resolveClientOrigin(returned, context.modules) ?? registeredAgent(value, context);
    if (isMastraAgent(origin)) return { ...origin!, evidence: [...origin!.evidence, `made by ${callee.getText().slice(0, 50)}() (${placeOf(maker!)})`] };
  }
  return undefined;
}

/**
 * `adapter.run(input)` on AG-UI's MastraAgent adapter made with the agent (`new MastraAgent({ agent, resourceId })`,
 * often returned by an app's factory together with its cleanup): a run of that agent, streamed, with the conversation
 * the AG-UI client sent. The adapter may be a member of what a factory returns (`session.adapter.run(...)`).
 */
function analyzeAdapterRun(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== AG_UI_ADAPTER.run) return undefined;
  const adapter = resolveClientOrigin(memberValue(callee.getExpression(), context) ?? callee.getExpression(), context.modules);
  if (!adapter || adapter.className !== AG_UI_ADAPTER.className || !AG_UI_ADAPTER.packageName.test(adapter.packageName)) return undefined;
  const agent = getObjectProperty(resolveObjectLiteral(adapter.options, context.modules), 'agent', context.modules);
  const origin = agent && resolveClientOrigin(agent, context.modules);
  if (!isMastraAgent(origin)) return undefined;
  const created = origin!.options?.getParentIfKind(SyntaxKind.NewExpression);
  return agentCall(call, origin!, `${AG_UI_ADAPTER.className}.run`, created, context, [`${adapter.evidence[0]} from '${adapter.packageName}': AG-UI's adapter runs the agent it wraps and streams its events`], { streamed: true, inputFromClient: true });
}

/** `holder.member` where the holder is an object literal (made here, or returned by a factory, also through `.then`): the member's value. */
function memberValue(expression: Node, context: AnalyzerContext): Node | undefined {
  const access = unwrapExpression(expression);
  if (!Node.isPropertyAccessExpression(access)) return undefined;
  for (const owner of shapesOf(access.getExpression(), context.modules)) {
    const value = Node.isObjectLiteralExpression(owner.node) ? propertyOfObject(owner.node, access.getName()) : undefined;
    if (value) return value;
  }
  return undefined;
}

/** `mastra.getAgent('weatherAgent')`: the agent `new Mastra({ agents: { weatherAgent } })` registers under that name. */
function registeredAgent(receiver: Node, context: AnalyzerContext): ClientOrigin | undefined {
  if (!Node.isCallExpression(receiver)) return undefined;
  const callee = unwrapExpression(receiver.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'getAgent') return undefined;
  const name = receiver.getArguments()[0] ? resolveString(receiver.getArguments()[0], context.modules).value : null;
  const instance = resolveClientOrigin(callee.getExpression(), context.modules);
  if (!name || !instance || instance.className !== 'Mastra' || !PACKAGE.test(instance.packageName)) return undefined;
  const agents = resolveObjectLiteral(getObjectProperty(resolveObjectLiteral(instance.options, context.modules), 'agents', context.modules), context.modules);
  const agent = getObjectProperty(agents, name, context.modules);
  const origin = agent ? resolveClientOrigin(agent, context.modules) : undefined;
  return origin ? { ...origin, evidence: [`mastra.getAgent('${name}'): the agent registered under that name in new Mastra({ agents })`, ...origin.evidence] } : undefined;
}

/** Where an agent is made, as `file:line`: the key that ties a run to the agent it runs. */
function definitionOf(created: NewExpression, context: Pick<AnalyzerContext, 'modules'>): string {
  return `${context.modules.relativePath(created.getSourceFile().getFilePath())}:${created.getStartLineNumber()}`;
}

/** How a run is made, when the method's name does not say: streamed; its turns are what a client sent (an AG-UI run input), not the first argument. */
interface RunKind {
  streamed?: boolean;
  inputFromClient?: boolean;
}

function agentCall(site: Node, origin: ClientOrigin, method: string, created: NewExpression | undefined, context: AnalyzerContext, extra: string[], kind: RunKind = {}): DetectedCall {
  const modules = context.modules;
  const options = resolveObjectLiteral(origin.options, modules);
  const evidence = [...origin.evidence, ...extra];
  const { provider, model } = agentModel(getObjectProperty(options, 'model', modules), context, evidence, "Mastra's model router");
  const tools = getObjectProperty(options, 'tools', modules);
  const toolNames = readToolNames(tools, modules);
  const messages: PromptMessage[] = [];
  const instructions = instructionsOf(getObjectProperty(options, 'instructions', modules), context);
  if (instructions) messages.push(instructions);
  const input = Node.isCallExpression(site) && !kind.inputFromClient ? site.getArguments()[0] : undefined;
  if (input) {
    const read = resolveMessages(input, modules);
    messages.push(...(read.messages.length > 0 ? read.messages : [{ role: 'user' as const, ...resolveContentParts(input, modules).text }]));
  } else {
    messages.push({ role: 'user', text: '{{the user\'s turn}}', holes: [{ kind: 'message-array', expression: 'the conversation the framework sends' }] });
  }
  const runOptions = Node.isCallExpression(site) && !kind.inputFromClient ? resolveObjectLiteral(site.getArguments()[1], modules) : undefined;
  const structured = Boolean(getObjectProperty(runOptions, 'output', modules) ?? getObjectProperty(runOptions, 'structuredOutput', modules) ?? getObjectProperty(runOptions, 'experimental_output', modules));
  const hasTools = tools !== undefined && toolNames.length !== 0;
  if (hasTools) evidence.push(`tools: ${toolNames.join(', ')}; the agent calls the model again with each tool result until it answers`);
  const call = toDetectedCall(site, context, {
    provider,
    sdk: 'mastra',
    method,
    endpoint: 'chat',
    model,
    messages,
    maxOutputTokens: null,
    features: { streaming: kind.streamed === true || /^stream/.test(method), tools: hasTools, vision: false, structuredOutput: structured, multiStep: hasTools },
    toolNames,
    evidence,
  });
  const key = created ?? (Node.isNewExpression(site) ? site : undefined);
  return key ? { ...call, agentDefinition: definitionOf(key, context) } : call;
}

/** `instructions`: a string, a template, or a function returning one (read from its returned text). */
function instructionsOf(node: Node | undefined, context: AnalyzerContext): PromptMessage | undefined {
  if (!node) return undefined;
  let value = unwrapExpression(node);
  if (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) {
    const body = value.getBody();
    const returned = Node.isBlock(body) ? body.getDescendantsOfKind(SyntaxKind.ReturnStatement)[0]?.getExpression() : body;
    if (!returned) return undefined;
    value = returned;
  }
  const text = resolvePromptText(value, context.modules);
  return { role: 'system', text: text.text, holes: text.holes };
}
