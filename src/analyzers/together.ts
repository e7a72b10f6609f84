import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/** `together-ai`: OpenAI-shaped client (`new Together().chat.completions.create(...)`), served and billed by Together AI. */
export const togetherAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'together',
  provider: 'together',
  packages: ['together-ai'],
  methods: [
    { path: 'chat.completions.create', endpoint: 'chat' },
    { path: 'completions.create', endpoint: 'completion' },
    { path: 'embeddings.create', endpoint: 'embedding' },
    { path: 'images.create', endpoint: 'image-generation' },
    { path: 'images.generate', endpoint: 'image-generation' },
    { path: 'audio.create', endpoint: 'audio-speech' },
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
  untraced: (receiver, _model, method) => method.path === 'chat.completions.create' && /together/i.test(receiver),
});
