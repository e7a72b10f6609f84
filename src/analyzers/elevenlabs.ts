import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { DetectedCall } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { realtimeAudioTurn, realtimeSession, toDetectedCall } from './shared/callsite';
import { createClientSdkAnalyzer } from './shared/clientSdk';
import { findDeclaration, getObjectProperty, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, madeByExport, readModel } from './shared/sdk';

/**
 * ElevenLabs' SDK (`@elevenlabs/elevenlabs-js`, formerly `elevenlabs`): text to speech
 * (`textToSpeech.convert(voiceId, { text, modelId })` and its streaming forms, the legacy
 * `client.generate({ voice, text, model_id })`) and speech to text (`speechToText.convert({ file, modelId })`).
 * Billed by ElevenLabs per character (speech) or per audio hour (transcription). Only calls on a client
 * traced to `new ElevenLabsClient()` are reported: `generate` and `convert` are common names.
 *
 * Its browser SDK (`@elevenlabs/client`, and `@elevenlabs/react`'s `useConversation()`) opens realtime sessions: a
 * conversation with an ElevenLabs agent (`Conversation.startSession({ agentId })`: speech in and out, with the LLM and
 * voice set on the agent in ElevenLabs, billed per minute) and live transcription (`Scribe.connect({ modelId })`).
 */
const serverSdk = createClientSdkAnalyzer({
  id: 'elevenlabs',
  provider: 'elevenlabs',
  packages: ['@elevenlabs/elevenlabs-js', 'elevenlabs'],
  methods: [
    { path: 'generate', endpoint: 'audio-speech' },
    { path: 'textToSpeech.convert', endpoint: 'audio-speech' },
    { path: 'textToSpeech.convertAsStream', endpoint: 'audio-speech', streaming: true },
    { path: 'textToSpeech.stream', endpoint: 'audio-speech', streaming: true },
    { path: 'textToSpeech.convertWithTimestamps', endpoint: 'audio-speech' },
    { path: 'textToSpeech.streamWithTimestamps', endpoint: 'audio-speech', streaming: true },
    { path: 'speechToText.convert', endpoint: 'audio-transcription' },
    // A voice changed (speech to speech, with a voice model), and the audio products no language model's endpoint
    // prices: music, sound effects, voice isolation, dubbing (transcribe, translate, speak).
    { path: 'speechToSpeech.convert', endpoint: 'audio-speech' },
    { path: 'speechToSpeech.stream', endpoint: 'audio-speech', streaming: true },
    { path: 'music.compose', endpoint: 'other' },
    { path: 'textToSoundEffects.convert', endpoint: 'other' },
    { path: 'audioIsolation.convert', endpoint: 'other' },
    { path: 'dubbing.create', endpoint: 'other' },
  ],
  // `textToSpeech.convert(voiceId, request)`: the request is the second argument.
  requestArgument: { 'textToSpeech.convert': 1, 'textToSpeech.convertAsStream': 1, 'textToSpeech.stream': 1, 'textToSpeech.convertWithTimestamps': 1, 'textToSpeech.streamWithTimestamps': 1, 'speechToSpeech.convert': 1, 'speechToSpeech.stream': 1 },
  hostOptions: ['baseUrl', 'environment'],
  fields: {
    model: ['modelId', 'model_id'],
    prompt: ['text', 'prompt'],
  },
});

const BROWSER_PACKAGES = new Set(['@elevenlabs/client', '@elevenlabs/react']);
/** The browser SDK's conversation classes, whose `startSession` opens a session with an agent. */
const CONVERSATION_CLASSES = new Set(['Conversation', 'VoiceConversation', 'TextConversation']);

export const elevenlabsAnalyzer: Analyzer = {
  id: 'elevenlabs',
  packages: [...serverSdk.packages, ...BROWSER_PACKAGES],
  analyze(context) {
    return [...serverSdk.analyze(context), ...eachCall(browserSession, (name) => name === 'startSession' || name === 'connect')(context)];
  },
};

/** `Conversation.startSession({ agentId })` (also on `useConversation()`'s value) and `Scribe.connect({ modelId })`. */
function browserSession(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  // `scribe.connect(...)`, `conversation.startSession(...)`, or `startSession(...)` taken apart from the hook's value.
  const method = Node.isPropertyAccessExpression(callee) ? callee.getName() : Node.isIdentifier(callee) ? callee.getText() : undefined;
  const owner = Node.isPropertyAccessExpression(callee) ? unwrapExpression(callee.getExpression()) : Node.isIdentifier(callee) ? destructuredFromHook(callee, context) : undefined;
  if (!method || !owner) return undefined;
  const hook = hookCall(owner, context);
  const binding = calleeBinding(owner, context.modules) ?? hook?.binding;
  if (!binding || !BROWSER_PACKAGES.has(binding.packageName)) return undefined;
  const options = resolveObjectLiteral(call.getArguments()[0], context.modules);
  const transcription = method === 'connect' && (binding.importedName === 'Scribe' || binding.importedName === 'useScribe');
  const conversation = method === 'startSession' && (CONVERSATION_CLASSES.has(binding.importedName) || CONVERSATION_HOOKS.has(binding.importedName));
  if (!transcription && !conversation) return undefined;
  // `useScribe({ modelId: 'scribe_v2_realtime' })`: the model is set on the hook, the connection made later.
  const hookOptions = hook ? resolveObjectLiteral(hook.made.getArguments()[0], context.modules) : undefined;
  const model = transcription ? readModel(getObjectProperty(options, 'modelId', context.modules) ?? getObjectProperty(hookOptions, 'modelId', context.modules), context.modules) : undefined;
  const agent = getObjectProperty(options, 'agentId', context.modules);
  return toDetectedCall(call, context, {
    provider: 'elevenlabs',
    sdk: 'elevenlabs',
    method: `${binding.importedName}.${method}`,
    ...realtimeSession(),
    ...(transcription ? { endpoint: 'audio-transcription' as const } : {}),
    model: model?.ref ?? { id: null, raw: agent?.getText() ?? '', source: 'dynamic' },
    messages: [realtimeAudioTurn()],
    realtimeStep: { step: 'connect', session: transcription ? 'transcription' : 'conversation' },
    evidence: transcription
      ? [`live transcription with ElevenLabs' Scribe (${binding.packageName}): the microphone's audio streams to ElevenLabs while the connection is open`, ...(model?.evidence ?? [])]
      : [`a realtime voice conversation with an ElevenLabs agent${agent ? ` (${agent.getText().slice(0, 40)})` : ''} from '${binding.packageName}': speech in and out while the session is open; the agent's LLM, voice and prompt are set on the agent in ElevenLabs, not in this code`],
  });
}

/** @elevenlabs/react's hooks whose value's `startSession` opens a conversation with an agent. */
const CONVERSATION_HOOKS = new Set(['useConversation', 'useConversationControls']);

/**
 * `const conversation = useConversation({...})`, `const scribe = useScribe({ modelId })` from @elevenlabs/react: the hook's
 * call, whose value's `startSession` opens a conversation and whose `connect` a live transcription.
 */
function hookCall(owner: Node, context: AnalyzerContext): ReturnType<typeof madeByExport<'call'>> {
  return madeByExport(owner, 'call', context.modules, (binding) => CONVERSATION_HOOKS.has(binding.importedName) || binding.importedName === 'useScribe');
}

/** `const { startSession } = useConversationControls()`: the hook's call the name was taken apart from. */
function destructuredFromHook(name: Node, context: AnalyzerContext): Node | undefined {
  const declaration = findDeclaration(name, context.modules);
  const holder = declaration && Node.isBindingElement(declaration) ? declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclaration) : undefined;
  const initializer = holder?.getInitializer();
  const value = initializer && unwrapExpression(initializer);
  return value && Node.isCallExpression(value) ? value : undefined;
}
