import { Node, SyntaxKind, ts, type CallExpression } from 'ts-morph';
import type { DetectedCall, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { realtimeAudioTurn, realtimeSession, toDetectedCall } from './shared/callsite';
import { resolvePromptText } from './shared/prompt';
import { findDeclaration, getObjectProperty, namedFunctionParameter, nonEmptyList, placeOf, resolveObjectLiteral, resolveString, unwrapExpression, writtenImportSpecifier } from './shared/resolve';
import { callsMatching } from './shared/calls';
import { calleeBinding, eachCall, readModel, readToolNames, traceValue } from './shared/sdk';

/**
 * LiveKit Agents for Node (`@livekit/agents`): a voice agent is an `AgentSession` built from an STT, an LLM and a TTS
 * (or one realtime speech model), started with `session.start({ agent, room })`. While the session runs, each user
 * turn is transcribed, sent to the LLM with the agent's instructions and tools, and the reply spoken: the requests
 * are the framework's, the site is the start. The LLM is a LiveKit Inference model (`'openai/gpt-4.1-mini'`, `new
 * inference.LLM({ model })`, billed by LiveKit) or a provider plugin's class (`new openai.LLM({ model })` from
 * `@livekit/agents-plugin-openai`, `new google.realtime.RealtimeModel()`), billed by that provider. An app may also ask
 * an LLM object itself: `llm.chat({ chatCtx })`, or a test's `judge(llm, { intent })`.
 */
const PACKAGE = '@livekit/agents';
const PLUGIN = /^@livekit\/agents-plugin-([\w-]+)$/;
const INFERENCE_PROVIDER = 'livekit';

export const livekitAgentsAnalyzer: Analyzer = {
  id: 'livekit-agents',
  packages: [PACKAGE, PLUGIN],
  // `start`, `chat` and `judge` are common names: only a file that names the framework (an import, a session) is read.
  analyze: (context) => (FRAMEWORK_TEXT.test(context.sourceFile.getFullText()) ? analyzeCalls(context) : []),
};

const FRAMEWORK_TEXT = /@livekit\/agents|\bAgentSession\b/;
const analyzeCalls = eachCall(analyzeCall, (name) => name === 'start' || name === 'chat' || name === 'judge');

interface LlmModel {
  provider: string;
  model: ReturnType<typeof readModel>;
  realtime: boolean;
  evidence: string;
}

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.getName();
  if (name === 'start') return sessionStart(call, callee.getExpression(), context);
  const llmNode = name === 'chat' ? callee.getExpression() : call.getArguments()[0];
  const llm = llmNode && llmOf(llmNode, context);
  if (!llm || llm.realtime) return undefined;
  const options = name === 'chat' ? resolveObjectLiteral(call.getArguments()[0], context.modules) : resolveObjectLiteral(call.getArguments()[1], context.modules);
  const intent = name === 'judge' ? getObjectProperty(options, 'intent', context.modules) : undefined;
  const messages: PromptMessage[] = intent
    ? [{ role: 'user', ...resolvePromptText(intent, context.modules) }]
    : [{ role: 'user', text: '{{chatCtx}}', holes: [{ kind: 'message-array', expression: getObjectProperty(options, 'chatCtx', context.modules)?.getText() ?? 'chatCtx' }] }];
  return toDetectedCall(call, context, {
    provider: llm.provider,
    sdk: 'livekit-agents',
    method: name === 'chat' ? 'LLM.chat' : 'judge',
    endpoint: 'chat',
    model: llm.model.ref,
    messages,
    maxOutputTokens: null,
    features: { streaming: name === 'chat', tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence: [name === 'judge' ? `judge() asks ${llm.evidence} whether the reply meets the intent` : `chat() of ${llm.evidence}`, ...llm.model.evidence],
  });
}

/** `session.start({ agent, room })` of a `new AgentSession({ stt, llm, tts })` from @livekit/agents. */
function sessionStart(call: CallExpression, receiver: Node, context: AnalyzerContext): DetectedCall | undefined {
  const modules = context.modules;
  const made = traceValue(receiver, modules);
  if (!Node.isNewExpression(made)) return undefined;
  // `new AgentSession(...)` or `new voice.AgentSession(...)` (the `voice` namespace of the package).
  const constructor = unwrapExpression(made.getExpression());
  if (!/(?:^|\.)AgentSession$/.test(constructor.getText()) || packageOf(rootOf(constructor), context) !== PACKAGE) return undefined;
  const settings = resolveObjectLiteral(made.getArguments()[0], modules);
  const llmNode = getObjectProperty(settings, 'llm', modules);
  const agentNode = getObjectProperty(resolveObjectLiteral(call.getArguments()[0], modules), 'agent', modules);
  const agent = agentNode ? agentSettings(agentNode, context) : undefined;
  // A session with no LLM on it or its agent asks no model (its tasks finish on their own); the framework's test
  // double (`voice.testing.FakeLLM`) answers from canned replies.
  const givenLlm = llmNode ?? agent?.llm;
  if (!givenLlm || isTestDouble(givenLlm, modules) || onlyTestDoublesHandedIn(givenLlm, context)) return undefined;
  const llm = llmOf(givenLlm, context);
  const handedIn = llmNode ? llmParameter(llmNode, context) : undefined;
  const evidence = [`start() of the AgentSession made at ${placeOf(made)}: each user turn is sent to its LLM while the session runs`];
  if (llm) evidence.push(`its LLM: ${llm.evidence}`, ...llm.model.evidence);
  else evidence.push('no LLM traced on the session or its agent: provider and model not known here');
  const stt = getObjectProperty(settings, 'stt', modules);
  const tts = getObjectProperty(settings, 'tts', modules);
  if (stt || tts) evidence.push(`speech through ${[stt && `STT ${stt.getText().slice(0, 50)}`, tts && `TTS ${tts.getText().slice(0, 50)}`].filter(Boolean).join(' and ')} (billed apart)`);
  const messages: PromptMessage[] = [];
  if (agent?.instructions) messages.push({ role: 'system', ...resolvePromptText(agent.instructions, modules) });
  messages.push(llm?.realtime ? realtimeAudioTurn() : { role: 'user', text: '{{transcribed speech}}', holes: [{ kind: 'interpolation', expression: 'transcribed speech' }] });
  const detected = toDetectedCall(call, context, {
    provider: llm?.provider ?? 'unknown',
    sdk: 'livekit-agents',
    method: 'AgentSession.start',
    ...(llm?.realtime ? realtimeSession() : { endpoint: 'chat' as const, maxOutputTokens: null, features: { streaming: true, tools: false, vision: false, structuredOutput: false }, toolNames: [] }),
    model: llm?.model.ref ?? { id: null, raw: '', source: 'dynamic' },
    messages,
    evidence,
    // The session's own LLM handed in by the caller (an agent with none of its own): a caller handing none asks no model.
    ...(handedIn && !agent?.llm ? { modelHandedIn: { parameter: handedIn.parameter.index, ...(handedIn.field ? { field: handedIn.field } : {}) } } : {}),
  });
  return withTools(detected, agent?.tools, modules);
}

/** The call with the agent's tools: asked again with each tool's result (several requests per turn). */
function withTools(detected: DetectedCall | undefined, tools: Node | undefined, modules: AnalyzerContext['modules']): DetectedCall | undefined {
  if (!detected || !tools) return detected;
  return { ...detected, toolNames: readToolNames(tools, modules), features: { ...detected.features, tools: true, multiStep: true } };
}

/**
 * The LLM an expression holds: a LiveKit Inference model id (`'openai/gpt-4.1-mini'`), `new inference.LLM({ model })`,
 * or a plugin's class (`new openai.LLM({ model })`, `new openai.realtime.RealtimeModel()`).
 */
function llmOf(node: Node, context: AnalyzerContext): LlmModel | undefined {
  const modules = context.modules;
  const value = traceValue(node, modules);
  if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) {
    const id = resolveString(value, modules).value;
    return id && id.includes('/') ? { provider: INFERENCE_PROVIDER, model: readModel(value, modules), realtime: false, evidence: `LiveKit Inference model "${id}"` } : undefined;
  }
  if (!Node.isNewExpression(value)) return undefined;
  const constructor = unwrapExpression(value.getExpression());
  const path = constructor.getText();
  const root = Node.isPropertyAccessExpression(constructor) ? rootOf(constructor) : constructor;
  const packageName = packageOf(root, context);
  if (!packageName) return undefined;
  const options = resolveObjectLiteral(value.getArguments()[0], modules);
  const modelNode = getObjectProperty(options, 'model', modules);
  const realtime = /realtime|RealtimeModel/.test(path);
  if (packageName === PACKAGE && /\.LLM$/.test(path)) {
    return { provider: INFERENCE_PROVIDER, model: readModel(modelNode, modules), realtime: false, evidence: `LiveKit Inference (${path} made at ${placeOf(value)})` };
  }
  const plugin = PLUGIN.exec(packageName)?.[1];
  if (!plugin || !(/LLM$/.test(path) || realtime)) return undefined;
  const model = readModel(modelNode, modules);
  if (!modelNode) model.evidence.push(`no model given: the ${plugin} plugin's default (not stated in the code)`);
  return { provider: plugin, model, realtime, evidence: `${path} from ${packageName} (made at ${placeOf(value)})${realtime ? ', a realtime speech model' : ''}` };
}

/**
 * The package an identifier is imported from, as its file writes the import (`import { AgentSession } from
 * '@livekit/agents'`): also in the framework's own repository, where the import resolves to the workspace's source.
 */
function packageOf(identifier: Node, context: AnalyzerContext): string | undefined {
  return (Node.isIdentifier(identifier) ? writtenImportSpecifier(identifier) : undefined) ?? calleeBinding(identifier, context.modules)?.packageName;
}

/** The framework's test double as a class is written (`voice.testing.FakeLLM`, `FakeLLM`). */
const FAKE_LLM_CLASS = /(?:^|\.)FakeLLM$/;

/** The framework's test double, answering from canned replies. */
function isTestDouble(llm: Node, modules: AnalyzerContext['modules']): boolean {
  const made = traceValue(llm, modules);
  if (FAKE_LLM_CLASS.test(unwrapNew(made))) return true;
  // `class RecordingSummaryLLM extends voice.testing.FakeLLM`: a test's own double built on the framework's.
  const declaration = Node.isNewExpression(made) && Node.isIdentifier(made.getExpression()) ? findDeclaration(made.getExpression(), modules) : undefined;
  const base = declaration && Node.isClassDeclaration(declaration) ? declaration.getExtends()?.getExpression().getText() : undefined;
  return base !== undefined && FAKE_LLM_CLASS.test(base);
}

/**
 * `new voice.AgentSession({ llm: options?.llm })` in a test's `startSession(agent, options?)`: the LLM is what the
 * function's callers in the file hand it. When every one hands none or the framework's test double, the session asks
 * no model; a function with no caller in its file, or a caller handing anything else, keeps the session.
 */
function onlyTestDoublesHandedIn(llm: Node, context: AnalyzerContext): boolean {
  const modules = context.modules;
  const handedIn = llmParameter(llm, context);
  if (!handedIn) return false;
  const { parameter, field } = handedIn;
  const callers = callsMatching(context.sourceFile, (call) => ts.isIdentifier(call.expression) && call.expression.text === parameter.name);
  return callers.length > 0 && callers.every((caller) => {
    const argument = caller.getArguments()[parameter.index];
    if (!argument) return true;
    const options = field ? resolveObjectLiteral(argument, modules) : undefined;
    const handed = field ? options && getObjectProperty(options, field, modules) : argument;
    // `startSession(agent, {})`: options without an LLM in them.
    if (!handed) return options !== undefined && Node.isObjectLiteralExpression(options);
    return isTestDouble(handed, modules);
  });
}

/** The parameter of a named function an LLM is handed in (`options` of `startSession(agent, options?)` for `options?.llm`), with the field read off it. */
function llmParameter(llm: Node, context: AnalyzerContext): { parameter: NonNullable<ReturnType<typeof namedFunctionParameter>>; field?: string } | undefined {
  const value = unwrapExpression(llm);
  const field = Node.isPropertyAccessExpression(value) ? value.getName() : undefined;
  const root = Node.isPropertyAccessExpression(value) ? unwrapExpression(value.getExpression()) : value;
  const declaration = Node.isIdentifier(root) ? findDeclaration(root, context.modules) : undefined;
  const parameter = declaration && Node.isParameterDeclaration(declaration) ? namedFunctionParameter(declaration) : undefined;
  return parameter && { parameter, ...(field ? { field } : {}) };
}

/** The class a `new X(...)` makes, as written (`voice.testing.FakeLLM`); '' for anything else. */
function unwrapNew(value: Node): string {
  return Node.isNewExpression(value) ? unwrapExpression(value.getExpression()).getText() : '';
}

function rootOf(access: Node): Node {
  let node = access;
  while (Node.isPropertyAccessExpression(node)) node = unwrapExpression(node.getExpression());
  return node;
}

/** The agent a session starts: its instructions, tools and own LLM, read off `new voice.Agent({...})`, `Agent.create({...})` or a subclass's `super({...})`. */
function agentSettings(agentNode: Node, context: AnalyzerContext): { instructions?: Node; tools?: Node; llm?: Node } | undefined {
  const modules = context.modules;
  const made = traceValue(agentNode, modules);
  let options: Node | undefined;
  if (Node.isNewExpression(made) || Node.isCallExpression(made)) {
    const creator = unwrapExpression(made.getExpression());
    if (packageOf(rootOf(creator), context) === PACKAGE) options = made.getArguments()[0];
    else if (Node.isNewExpression(made) && Node.isIdentifier(creator)) options = superOptions(creator, context);
  }
  const settings = options && resolveObjectLiteral(options, modules);
  if (!settings) return undefined;
  return { instructions: getObjectProperty(settings, 'instructions', modules), tools: nonEmptyList(getObjectProperty(settings, 'tools', modules)), llm: getObjectProperty(settings, 'llm', modules) };
}

/** `class DriveThruAgent extends voice.Agent { constructor() { super({ instructions, tools }) } }`: the options it hands its base. */
function superOptions(className: Node, context: AnalyzerContext): Node | undefined {
  const declaration = findDeclaration(className, context.modules);
  if (!declaration || !Node.isClassDeclaration(declaration)) return undefined;
  for (const ctor of declaration.getConstructors()) {
    for (const inner of ctor.getBody()?.getDescendantsOfKind(SyntaxKind.CallExpression) ?? []) {
      if (inner.getExpression().getKind() === SyntaxKind.SuperKeyword) return inner.getArguments()[0];
    }
  }
  return undefined;
}
