import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/**
 * `ollama` (and `ollama/browser`): the default exported instance (`ollama.chat(...)`) or
 * `new Ollama({ host })`. Runs on the team's own hardware (provider `ollama`), whatever the host.
 */
export const ollamaAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'ollama',
  provider: 'ollama',
  packages: ['ollama', 'ollama/browser'],
  instances: ['default'],
  methods: [
    { path: 'chat', endpoint: 'chat' },
    { path: 'generate', endpoint: 'completion' },
    { path: 'embed', endpoint: 'embedding' },
    { path: 'embeddings', endpoint: 'embedding' },
  ],
  hostOptions: [],
  fields: {
    model: ['model'],
    system: ['system'],
    messages: ['messages'],
    prompt: ['prompt', 'input'],
    maxTokens: ['options.num_predict'],
    tools: ['tools'],
    structured: ['format'],
    images: ['images'],
  },
});
