import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { realtimeAudioTurn, toDetectedCall } from './shared/callsite';
import { getObjectProperty, placeOf, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { resolvePromptText } from './shared/prompt';
import { eachCall, madeByExport, readModel } from './shared/sdk';

/**
 * Deepgram's SDK (`@deepgram/sdk`): a client made with `createClient(key)` (or `new DeepgramClient({ key })`) transcribes
 * recorded audio (`listen.prerecorded.transcribeFile(audio, { model })`, `transcribeUrl({ url }, { model })`), opens a live
 * transcription socket (`listen.live({ model })`), and speaks text (`speak.request({ text }, { model })`, `speak.live`).
 * Billed by Deepgram per audio minute (transcription) or per character (speech); the model is the options' `model`
 * (Nova, Whisper, Aura voices), else Deepgram's default. Only calls on a client traced to the package are reported.
 */
const PACKAGE = '@deepgram/sdk';
const CLIENT_FACTORIES = new Set(['createClient', 'DeepgramClient']);

/** The request methods, by their path under the client, with what they bill and where their options are. */
const METHODS: ReadonlyArray<{ path: string; endpoint: Endpoint; optionsArgument: number; live?: boolean }> = [
  { path: 'listen.prerecorded.transcribeFile', endpoint: 'audio-transcription', optionsArgument: 1 },
  { path: 'listen.prerecorded.transcribeUrl', endpoint: 'audio-transcription', optionsArgument: 1 },
  { path: 'listen.live', endpoint: 'audio-transcription', optionsArgument: 0, live: true },
  { path: 'speak.request', endpoint: 'audio-speech', optionsArgument: 1 },
  { path: 'speak.live', endpoint: 'audio-speech', optionsArgument: 0, live: true },
];
const METHOD_NAMES = new Set(METHODS.map((method) => method.path.split('.').pop()!));

export const deepgramAnalyzer: Analyzer = {
  id: 'deepgram',
  packages: [PACKAGE],
  analyze: eachCall(analyzeCall, (name) => METHOD_NAMES.has(name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  // `client.listen.prerecorded.transcribeFile`: the method's path under the client, and the client before it.
  const names: string[] = [];
  for (let node: Node = callee; Node.isPropertyAccessExpression(node) && names.length < 3; node = unwrapExpression(node.getExpression())) names.unshift(node.getName());
  const method = METHODS.find((candidate) => names.slice(-candidate.path.split('.').length).join('.') === candidate.path);
  if (!method) return undefined;
  const receiver = receiverOf(callee, method.path.split('.').length);
  const isClient = (binding: { packageName: string; importedName: string }): boolean => binding.packageName === PACKAGE && CLIENT_FACTORIES.has(binding.importedName);
  const made = receiver && (madeByExport(receiver, 'call', context.modules, isClient) ?? madeByExport(receiver, 'new', context.modules, isClient));
  if (!made) return undefined;
  const options = resolveObjectLiteral(call.getArguments()[method.optionsArgument], context.modules);
  const model = readModel(getObjectProperty(options, 'model', context.modules), context.modules);
  const text = method.endpoint === 'audio-speech' && !method.live ? getObjectProperty(resolveObjectLiteral(call.getArguments()[0], context.modules), 'text', context.modules) : undefined;
  const evidence = [`${method.path}() on the Deepgram client made at ${placeOf(made.made)} (${PACKAGE})`, ...model.evidence];
  if (!model.ref.id && !getObjectProperty(options, 'model', context.modules)) evidence.push("no model in the options: Deepgram's default model (not stated in the code)");
  if (method.live) evidence.push(`a live ${method.endpoint === 'audio-speech' ? 'text-to-speech' : 'transcription'} socket: audio streams while it is open, billed by its duration`);
  return toDetectedCall(call, context, {
    provider: 'deepgram',
    sdk: 'deepgram',
    method: method.path,
    endpoint: method.endpoint,
    model: model.ref,
    // Text spoken, the caller's audio streamed live, or a recording sent whole (no prompt: billed by its length).
    messages: text ? [{ role: 'user', ...resolvePromptText(text, context.modules) }] : method.live ? [realtimeAudioTurn()] : [],
    maxOutputTokens: null,
    features: { streaming: Boolean(method.live), tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence,
  });
}

/** The expression `parts` property names below the callee's end: the client of `x.listen.live` is `x`. */
function receiverOf(callee: Node, parts: number): Node | undefined {
  let node: Node = callee;
  for (let index = 0; index < parts; index++) {
    if (!Node.isPropertyAccessExpression(node)) return undefined;
    node = unwrapExpression(node.getExpression());
  }
  return node;
}
