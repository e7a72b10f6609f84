import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/** `together-ai`: OpenAI-shaped client (`new Together().chat.completions.create(...)`), served and billed by Together AI. */
export const togetherAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'together',
  provider: 'together',
  packages: ['together-ai'],
  methods: [
    { path: 'chat.completions.create', endpoint: 'chat' },
    // The SDK's streaming helper (`chat.completions.stream(params)` returns a runner with `toReadableStream()`).
    { path: 'chat.completions.stream', endpoint: 'chat', streaming: true },
    { path: 'completions.create', endpoint: 'completion' },
    { path: 'embeddings.create', endpoint: 'embedding' },
    { path: 'images.create', endpoint: 'image-generation' },
    { path: 'images.generate', endpoint: 'image-generation' },
    { path: 'audio.create', endpoint: 'audio-speech' },
    { path: 'audio.speech.create', endpoint: 'audio-speech' },
    { path: 'audio.transcriptions.create', endpoint: 'audio-transcription' },
    { path: 'audio.translations.create', endpoint: 'audio-transcription' },
    { path: 'rerank.create', endpoint: 'rerank' },
  ],
  hostOptions: ['baseURL'],
  fields: {
    model: ['model'],
    messages: ['messages'],
    prompt: ['prompt', 'input'],
    maxTokens: ['max_tokens'],
    tools: ['tools'],
    structured: ['response_format'],
  },
  untraced: (receiver, _model, method) => method.path.startsWith('chat.completions.') && /together/i.test(receiver),
});
