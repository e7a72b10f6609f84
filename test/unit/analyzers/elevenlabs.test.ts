import { elevenlabsAnalyzer } from '../../../src/analyzers/elevenlabs';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('elevenlabs analyzer', elevenlabsAnalyzer, {
  valid: [
    { name: "another library's startSession and connect", code: `import { Conversation } from './chat';\nimport { Scribe } from './scribe';\nexport const a = Conversation.startSession({ agentId: 'x' });\nexport const b = Scribe.connect({ modelId: 'y' });` },
    { name: 'listing voices sends no text', code: `import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';\nconst client = new ElevenLabsClient();\nexport const voices = await client.voices.getAll();` },
    { name: 'generate() and convert() of other objects are not ElevenLabs requests', code: `import { Converter } from 'showdown';\nconst converter = new Converter();\nexport const html = converter.makeHtml('# hi');\nexport function run(cohere: any, codegen: { generate(x: unknown): unknown }) {\n  codegen.generate({ text: 'x', model_id: 'eleven_multilingual_v2' });\n  return cohere.textToSpeech.convert('voice', { text: 'x' });\n}` },
  ],
  invalid: [
    {
      name: "a conversation with an ElevenLabs agent from the browser SDK, and one started on @elevenlabs/react's hook: realtime voice sessions, the agent's model set in ElevenLabs",
      code: `import { Conversation } from '@elevenlabs/client';
import { useConversation } from '@elevenlabs/react';
export async function call(agentId: string) {
  return Conversation.startSession({ agentId, connectionType: 'webrtc' });
}
export function useVoice() {
  const conversation = useConversation({ onMessage: () => undefined });
  return () => conversation.startSession({ agentId: 'agent_123' });
}`,
      calls: [
        { line: 4, method: 'Conversation.startSession', provider: 'elevenlabs', endpoint: 'chat', model: null, features: { streaming: true }, realtimeStep: { step: 'connect', session: 'conversation' }, evidenceIncludes: ['the agent\'s LLM, voice and prompt are set on the agent in ElevenLabs'] },
        { line: 8, method: 'useConversation.startSession', provider: 'elevenlabs', model: null },
      ],
    },
    {
      name: "a conversation kept in a React ref (nextdestination's VoiceAgent: `useRef(conversation)`, started on `ref.current`); a ref made empty is not traced",
      code: `import { useConversation } from '@elevenlabs/react';
import { useRef } from 'react';
export function useVoiceAgent(agentId: string) {
  const conversation = useConversation({ onMessage: () => undefined });
  const conversationRef = useRef(conversation);
  const emptyRef = useRef<any>(null);
  return async () => {
    const currentConv = conversationRef.current;
    await emptyRef.current?.startSession({ agentId });
    await currentConv.startSession({ agentId, dynamicVariables: { destination: 'Lisbon' } });
  };
}`,
      calls: [{ line: 10, method: 'useConversation.startSession', provider: 'elevenlabs', model: null }],
    },
    {
      name: "@elevenlabs/react's newer hooks: `startSession` taken apart from useConversationControls(), and live transcription with the model set on useScribe({ modelId })",
      code: `import { useConversationControls, useScribe } from '@elevenlabs/react';
export function Agent({ token }: { token: string }) {
  const { startSession, endSession } = useConversationControls();
  const scribe = useScribe({ modelId: 'scribe_v2_realtime' });
  const start = () => startSession({ conversationToken: token });
  const listen = () => scribe.connect({ token, microphone: { echoCancellation: true } });
  return { start, listen, endSession };
}`,
      calls: [
        { line: 5, method: 'useConversationControls.startSession', provider: 'elevenlabs', model: null },
        { line: 6, method: 'useScribe.connect', endpoint: 'audio-transcription', model: 'scribe_v2_realtime' },
      ],
    },
    {
      name: "the server SDK's other audio products: a voice changed (speech to speech, the request second), music, sound effects, voice isolation, dubbing",
      code: `import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';
const client = new ElevenLabsClient();
export async function run(audio: Blob, voiceId: string, prompt: string) {
  await client.speechToSpeech.convert(voiceId, { audio, modelId: 'eleven_multilingual_sts_v2' });
  await client.music.compose({ prompt, musicLengthMs: 10000 });
  await client.textToSoundEffects.convert({ text: prompt });
  await client.audioIsolation.convert({ audio });
  return client.dubbing.create({ file: audio, targetLang: 'es' });
}`,
      calls: [
        { line: 4, method: 'speechToSpeech.convert', endpoint: 'audio-speech', model: 'eleven_multilingual_sts_v2' },
        { line: 5, method: 'music.compose', endpoint: 'other', promptIncludes: ['{{prompt}}'] },
        { line: 6, method: 'textToSoundEffects.convert', endpoint: 'other' },
        { line: 7, method: 'audioIsolation.convert', endpoint: 'other' },
        { line: 8, method: 'dubbing.create', endpoint: 'other' },
      ],
    },
    {
      name: "live transcription with Scribe's realtime model",
      code: `import { Scribe } from '@elevenlabs/client';\nexport const listen = (token: string) => Scribe.connect({ token, modelId: 'scribe_v2_realtime', microphone: { echoCancellation: true } });`,
      calls: [{ line: 2, method: 'Scribe.connect', provider: 'elevenlabs', endpoint: 'audio-transcription', model: 'scribe_v2_realtime', realtimeStep: { step: 'connect', session: 'transcription' } }],
    },
    {
      name: 'legacy generate() on a client held by a class (CommonJS), and text to speech with the request as second argument',
      code: `const { ElevenLabsClient } = require('elevenlabs');
class Speaker {
  constructor() {
    this.elevenLabs = new ElevenLabsClient({ apiKey: process.env.ELEVEN_KEY });
    this.modelId = 'eleven_multilingual_v2';
  }
  async speak(text) {
    return this.elevenLabs.generate({ voice: 'Rachel', text, model_id: this.modelId });
  }
  async stream(voiceId, text) {
    return this.elevenLabs.textToSpeech.stream(voiceId, { text, modelId: 'eleven_flash_v2_5' });
  }
}
module.exports = { Speaker };`,
      calls: [
        { line: 8, method: 'generate', provider: 'elevenlabs', endpoint: 'audio-speech', model: 'eleven_multilingual_v2' },
        { line: 11, method: 'textToSpeech.stream', endpoint: 'audio-speech', model: 'eleven_flash_v2_5', features: { streaming: true } },
      ],
    },
    {
      name: 'speech to text on the new package',
      code: `import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';
const elevenlabs = new ElevenLabsClient();
export async function transcribe(file: Blob) {
  return elevenlabs.speechToText.convert({ file, modelId: 'scribe_v1' });
}`,
      calls: [{ line: 4, method: 'speechToText.convert', endpoint: 'audio-transcription', model: 'scribe_v1' }],
    },
  ],
});
