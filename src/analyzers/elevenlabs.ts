import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { realtimeAudioTurn, realtimeSession, toDetectedCall } from './shared/callsite';
import { createClientSdkAnalyzer } from './shared/clientSdk';
import { getObjectProperty, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
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
  ],
  // `textToSpeech.convert(voiceId, request)`: the request is the second argument.
  requestArgument: { 'textToSpeech.convert': 1, 'textToSpeech.convertAsStream': 1, 'textToSpeech.stream': 1, 'textToSpeech.convertWithTimestamps': 1, 'textToSpeech.streamWithTimestamps': 1 },
  hostOptions: ['baseUrl', 'environment'],
  fields: {
    model: ['modelId', 'model_id'],
    prompt: ['text'],
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
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const owner = unwrapExpression(callee.getExpression());
  const binding = calleeBinding(owner, context.modules) ?? hookBinding(owner, context);
  if (!binding || !BROWSER_PACKAGES.has(binding.packageName)) return undefined;
  const options = resolveObjectLiteral(call.getArguments()[0], context.modules);
  const transcription = callee.getName() === 'connect' && binding.importedName === 'Scribe';
  const conversation = callee.getName() === 'startSession' && (CONVERSATION_CLASSES.has(binding.importedName) || binding.importedName === 'useConversation');
  if (!transcription && !conversation) return undefined;
  const model = transcription ? readModel(getObjectProperty(options, 'modelId', context.modules), context.modules) : undefined;
  const agent = getObjectProperty(options, 'agentId', context.modules);
  return toDetectedCall(call, context, {
    provider: 'elevenlabs',
    sdk: 'elevenlabs',
    method: `${binding.importedName}.${callee.getName()}`,
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

/** `const conversation = useConversation({...})` from @elevenlabs/react: the hook's value, whose `startSession` opens a conversation. */
function hookBinding(owner: Node, context: AnalyzerContext): { packageName: string; importedName: string } | undefined {
  return madeByExport(owner, 'call', context.modules, (binding) => binding.importedName === 'useConversation')?.binding;
}
