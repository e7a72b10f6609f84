import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';
import { MISTRAL_MODEL } from './shared/modelVendors';

/**
 * `@mistralai/mistralai`: the v1 client (`new Mistral().chat.complete(...)`, `chat.stream`, `chat.parse`,
 * `embeddings.create`, `fim.complete`, `agents.complete`) and the legacy v0 `MistralClient`
 * (`client.chat(...)`, `chatStream`, `embeddings`). Served and billed by Mistral AI.
 */
export const mistralAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'mistral',
  provider: 'mistral',
  packages: ['@mistralai/mistralai'],
  methods: [
    { path: 'chat.complete', endpoint: 'chat' },
    { path: 'chat.stream', endpoint: 'chat', streaming: true },
    { path: 'chat.parse', endpoint: 'chat', structured: true },
    { path: 'chat.parseStream', endpoint: 'chat', streaming: true, structured: true },
    { path: 'embeddings.create', endpoint: 'embedding' },
    { path: 'fim.complete', endpoint: 'completion' },
    { path: 'fim.stream', endpoint: 'completion', streaming: true },
    { path: 'agents.complete', endpoint: 'chat' },
    { path: 'agents.stream', endpoint: 'chat', streaming: true },
    // v0 (`MistralClient`): one level.
    { path: 'chat', endpoint: 'chat' },
    { path: 'chatStream', endpoint: 'chat', streaming: true },
    { path: 'embeddings', endpoint: 'embedding' },
  ],
  hostOptions: ['serverURL', 'endpoint'],
  fields: {
    model: ['model', 'agentId'],
    messages: ['messages'],
    prompt: ['prompt', 'inputs', 'input'],
    maxTokens: ['maxTokens', 'max_tokens'],
    tools: ['tools'],
    structured: ['responseFormat', 'response_format'],
  },
  // `x.chat.complete({ model: 'mistral-small-latest' })` on an untraced client: only with a Mistral model.
  untraced: (_receiver, model, method) => method.path.includes('.') && model !== null && MISTRAL_MODEL.test(model),
});
