import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/**
 * `cohere-ai`: `new CohereClient({ token })` (v1: `message`, `preamble`, `chatHistory`) and
 * `new CohereClientV2()` (v2: `messages`). `rerank` is billed per search, so it is reported as `other`.
 */
export const cohereAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'cohere',
  provider: 'cohere',
  packages: ['cohere-ai'],
  methods: [
    { path: 'chat', endpoint: 'chat' },
    { path: 'chatStream', endpoint: 'chat', streaming: true },
    { path: 'generate', endpoint: 'completion' },
    { path: 'generateStream', endpoint: 'completion', streaming: true },
    { path: 'embed', endpoint: 'embedding' },
    { path: 'rerank', endpoint: 'other' },
    { path: 'v2.chat', endpoint: 'chat' },
    { path: 'v2.chatStream', endpoint: 'chat', streaming: true },
    { path: 'v2.embed', endpoint: 'embedding' },
    { path: 'v2.rerank', endpoint: 'other' },
  ],
  hostOptions: ['environment', 'baseUrl'],
  fields: {
    model: ['model'],
    system: ['preamble'],
    messages: ['messages', 'chatHistory'],
    prompt: ['message', 'prompt', 'texts', 'query'],
    maxTokens: ['maxTokens', 'max_tokens'],
    tools: ['tools'],
    structured: ['responseFormat'],
  },
});
