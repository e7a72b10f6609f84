import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/**
 * ElevenLabs' SDK (`@elevenlabs/elevenlabs-js`, formerly `elevenlabs`): text to speech
 * (`textToSpeech.convert(voiceId, { text, modelId })` and its streaming forms, the legacy
 * `client.generate({ voice, text, model_id })`) and speech to text (`speechToText.convert({ file, modelId })`).
 * Billed by ElevenLabs per character (speech) or per audio hour (transcription). Only calls on a client
 * traced to `new ElevenLabsClient()` are reported: `generate` and `convert` are common names.
 */
export const elevenlabsAnalyzer: Analyzer = createClientSdkAnalyzer({
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
