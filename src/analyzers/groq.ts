import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/** `groq-sdk`: OpenAI-shaped client (`new Groq().chat.completions.create(...)`), served and billed by Groq. */
export const groqAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'groq',
  provider: 'groq',
  packages: ['groq-sdk'],
  methods: [
    { path: 'chat.completions.create', endpoint: 'chat' },
    { path: 'audio.transcriptions.create', endpoint: 'audio-transcription' },
    { path: 'audio.translations.create', endpoint: 'audio-transcription' },
    { path: 'audio.speech.create', endpoint: 'audio-speech' },
    { path: 'embeddings.create', endpoint: 'embedding' },
  ],
  hostOptions: ['baseURL'],
  fields: {
    model: ['model'],
    messages: ['messages'],
    prompt: ['input'],
    maxTokens: ['max_completion_tokens', 'max_tokens'],
    tools: ['tools', 'functions'],
    structured: ['response_format'],
  },
  // An untraced `groq.chat.completions.create(...)`: the receiver's name says which SDK it is.
  untraced: (receiver, _model, method) => method.path === 'chat.completions.create' && /groq/i.test(receiver),
});
